"""What the rules may know about other records: the one way checks, the regulation's results
and the outputs look across record groups, with every look recorded.

A check of one group (`jenis.kelompok`) sees its own records directly and everything else
through `Fakta`. Each lookup names the key it reads (the same keys `jenis.sedia` says a
file provides), and a derived result (an evaluation's predikat, a unit's curve) carries
the keys read while computing it, so that whoever uses it has read them too. The change
scope is derived from these records: when a file changes, the groups that read one of its
keys are checked again. Nothing here is a hand-kept list of dependencies.

Shared domain concepts live here once: the unit's rules, its head, the atasan pejabat
penilai, a superior's SKPs that overlap an SKP, the predikat in force, the curves.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from kinerja import aturan
from kinerja.aturan import Aturan
from kinerja.jenis import Kunci
from kinerja.model import (
    RHK,
    SKP,
    AnggotaTim,
    Arsip,
    Evaluasi,
    HasilKurva,
    HasilPenilaian,
    Organisasi,
    Pegawai,
    PenetapanOrganisasi,
    Tim,
    Unit,
    penugasan_tim,
)

MAKS_RANTAI = 8  # people in an employee's line of superiors that Fakta.rantai follows


def tumpang_tindih(a: SKP | Tim, b: SKP | Tim) -> bool:
    """Whether two periods (of SKPs or teams) share a day."""
    return a.mulai <= b.selesai and b.mulai <= a.selesai


def akhir_periode(skp: SKP, periode: str) -> date:
    """The last day of an evaluated period for an SKP: the period's, or the SKP's when it ends
    sooner (a transfer); the day the head rule and the curve read their facts on."""
    return min(aturan.rentang_periode(skp.tahun, periode)[1], skp.selesai)


class Fakta:
    """Lookups over a (whole or partial) model, recording the keys read."""

    def __init__(self, arsip: Arsip, units_ada: set[str] | None = None):
        self.arsip = arsip
        self._units_ada = units_ada if units_ada is not None else set(arsip.units)  # unit.yaml present
        self._catatan: list[set[Kunci]] = []
        self._memo: dict[tuple, tuple[object, frozenset[Kunci]]] = {}
        self._anggota: dict[tuple[str, int], list[Pegawai]] | None = None
        self._tim_nip: dict[str, list[tuple[Tim, AnggotaTim]]] | None = None

    # -- recording ------------------------------------------------------------------------------

    def _baca(self, *key: str) -> None:
        if self._catatan:
            self._catatan[-1].add(key)

    @contextmanager
    def mencatat(self) -> Iterator[set[Kunci]]:
        """Record the keys read inside the block (nested blocks record their own)."""
        dibaca: set[Kunci] = set()
        self._catatan.append(dibaca)
        try:
            yield dibaca
        finally:
            self._catatan.pop()

    def _turunan(self, key: tuple, hitung):
        """A derived value, computed once; every use reads what computing it read."""
        hit = self._memo.get(key)
        if hit is None:
            with self.mencatat() as dibaca:
                value = hitung()
            hit = self._memo[key] = (value, frozenset(dibaca))
        if self._catatan:
            self._catatan[-1].update(hit[1])
        return hit[0]

    # -- units ------------------------------------------------------------------------------------

    def ada_unit(self, kode: str) -> bool:
        """Whether the unit's unit.yaml exists (valid or not)."""
        self._baca("unit", kode)
        return kode in self._units_ada

    def unit(self, kode: str | None) -> Unit | None:
        if kode is None:
            return None
        self._baca("unit", kode)
        return self.arsip.units.get(kode)

    def aturan(self, kode: str) -> Aturan:
        """The unit's rules: instansi.yaml's overridden key by key by unit.yaml's (the model
        merges them; instansi.yaml's alone where unit.yaml is missing or invalid)."""
        self._baca("instansi")
        unit = self.unit(kode)
        if unit is not None:
            return unit.aturan
        return Aturan.dari_unit(self.arsip.instansi.aturan if self.arsip.instansi else None)

    def pimpinan(self, kode: str, pada: date) -> str | None:
        """The unit's definitive head on a day (None: vacant or no unit.yaml)."""
        unit = self.unit(kode)
        return unit.kepala(pada) if unit is not None else None

    def anak_unit(self, kode: str) -> list[str]:
        """The codes of the units whose `induk` is this unit (every unit.yaml is read)."""
        self._baca("units")
        return sorted(k for k, u in self.arsip.units.items() if u.induk == kode and k != kode)

    def organisasi(self, kode: str, tahun: int) -> Organisasi | None:
        self._baca("organisasi", kode, str(tahun))
        return self.arsip.organisasi.get((kode, tahun))

    # -- people -----------------------------------------------------------------------------------

    def profil(self, nip: str) -> list[Pegawai]:
        """The employee's profiles, in every unit (sorted by unit)."""
        self._baca("profil", nip)
        return self.arsip.pegawai_nip(nip)

    def pegawai(self, unit: str, nip: str) -> Pegawai | None:
        self._baca("profil", nip)
        return self.arsip.pegawai.get((unit, nip))

    def skp(self, nip: str) -> list[SKP]:
        """Every SKP of the NIP in every unit (skp.yaml only: not their evaluations)."""
        self._baca("skp", nip)
        self._baca("profil", nip)  # an SKP is in the model only under a valid profile
        return [s for p in self.arsip.pegawai_nip(nip) for s in p.skp]

    def skp_atasan(self, nip: str, skp: SKP) -> list[SKP]:
        """The SKPs of nip (a superior) in the year of skp whose period overlaps it."""
        return [s for s in self.skp(nip) if s.tahun == skp.tahun and tumpang_tindih(s, skp)]

    def atasan_penilai(self, skp: SKP, evaluasi: Evaluasi | None = None) -> str | None:
        """The atasan pejabat penilai of an SKP, or of one evaluation (whose own appraiser may
        differ from the SKP's): the appraiser's own penilai at the time (from the appraiser's
        overlapping SKP), else the appraiser's current profile; None when unknown."""
        penilai = skp.penilai_evaluasi(evaluasi) if evaluasi else skp.penilai.nip
        atasan = self.skp_atasan(penilai, skp)
        if atasan:
            return atasan[-1].penilai.nip
        profiles = self.profil(penilai)
        return profiles[0].penilai if profiles else None

    def unit_pada(self, nip: str, pada: date) -> str | None:
        """The unit someone belonged to on a day: that of their SKP covering the day, else of
        their profile; None when they are not in the records."""
        aktif = self.skp_aktif(nip, pada)
        if aktif is not None:
            return aktif.unit
        profiles = self.profil(nip)
        return profiles[0].unit if profiles else None

    def _kelompok(self, pegawai: Pegawai) -> None:
        self._baca("pegawai", pegawai.unit, pegawai.nip)

    # -- the regulation's results -------------------------------------------------------------------

    def penilaian(self, skp: SKP, periode: str) -> HasilPenilaian:
        """The ratings in force for one evaluation: the head rule and an objection's decision applied."""
        return self._turunan(("penilaian", skp.unit, skp.nip, skp.folder, periode),
                             lambda: self._hitung_penilaian(skp, skp.evaluasi[periode]))

    def _hitung_penilaian(self, skp: SKP, evaluasi: Evaluasi) -> HasilPenilaian:
        pegawai = self.pegawai(skp.unit, skp.nip)
        assert pegawai is not None  # an SKP is in the model only under its profile
        self._kelompok(pegawai)
        rules = self.aturan(skp.unit)
        pimpinan = self.pimpinan(skp.unit, akhir_periode(skp, evaluasi.periode)) == skp.nip
        organisasi = self.organisasi(skp.unit, skp.tahun)
        penetapan = organisasi.untuk(evaluasi.periode) if organisasi else None
        keberatan = skp.keberatan.get(evaluasi.periode)
        semula = aturan.rating_berlaku(evaluasi.rating_hasil_kerja, evaluasi.rating_perilaku_kerja,
                                       pimpinan=pimpinan, predikat_organisasi=penetapan.predikat if penetapan else None,
                                       aturan=rules)
        penilaian = semula
        if keberatan is not None and keberatan.keputusan is not None:
            keputusan = keberatan.keputusan
            hasil = keputusan.rating_hasil_kerja or semula.rating_hasil_kerja
            if hasil is not None:
                penilaian = aturan.rating_berlaku(None, None, keputusan=(hasil, keputusan.rating_perilaku_kerja),
                                                  aturan=rules)
        return HasilPenilaian(pegawai, skp, evaluasi, penilaian, pimpinan, penetapan, keberatan, semula)

    def unit_kurva(self, skp: SKP, periode: str) -> str | None:
        """The unit in whose curve an evaluation counts: the employee's own unit, except a unit
        head's, which counts in the parent unit's curve when their appraiser belonged to the parent
        at the period's end, and otherwise in no curve here (never in their own unit's)."""
        akhir = akhir_periode(skp, periode)
        unit = self.unit(skp.unit)
        if unit is None or unit.kepala(akhir) != skp.nip:
            return skp.unit
        tempat = self.unit_pada(skp.penilai_evaluasi(skp.evaluasi[periode]), akhir)
        return tempat if tempat is not None and tempat == unit.induk else None

    def kepala_anak(self, kode: str, tahun: int) -> list[Pegawai]:
        """Everyone who headed a child unit (any term), with an SKP of the year: the only people of
        other units whose evaluations can count in this unit's curve."""
        found = []
        for anak in self.anak_unit(kode):
            unit = self.unit(anak)
            for nip in sorted({m.nip for m in unit.masa_pimpinan} if unit else ()):
                pegawai = self.pegawai(anak, nip)
                if pegawai is not None and any(s.tahun == tahun for s in pegawai.skp):
                    found.append(pegawai)
        return found

    def anggota(self, unit: str, tahun: int) -> list[Pegawai]:
        """The unit's employees with an SKP folder of that year, by NIP."""
        self._baca("anggota", unit, str(tahun))  # the year's skp.yaml files
        self._baca("anggota", unit)  # the unit's profiles: an SKP counts only under a valid one
        if self._anggota is None:
            self._anggota = {}
            for (kode, _), pegawai in sorted(self.arsip.pegawai.items()):
                for t in sorted({s.tahun for s in pegawai.skp}):
                    self._anggota.setdefault((kode, t), []).append(pegawai)
        return self._anggota.get((unit, tahun), [])

    def kurva(self, organisasi: Organisasi, penetapan: PenetapanOrganisasi) -> HasilKurva:
        """The distribution of a unit's employees in one period against the organisation rating."""
        return self._turunan(("kurva", organisasi.unit, organisasi.tahun, penetapan.index),
                             lambda: self._hitung_kurva(organisasi, penetapan))

    def _hitung_kurva(self, organisasi: Organisasi, penetapan: PenetapanOrganisasi) -> HasilKurva:
        kode, tahun = organisasi.unit, organisasi.tahun
        self._baca("organisasi", kode, str(tahun))
        jumlah = dict.fromkeys(aturan.PREDIKAT, 0)
        calon = [*self.anggota(kode, tahun), *self.kepala_anak(kode, tahun)]
        for pegawai in calon:
            skp = self.skp_kurva(pegawai, tahun, penetapan.periode)
            if skp is not None and self.unit_kurva(skp, penetapan.periode) == kode:
                predikat = self.penilaian(skp, penetapan.periode).penilaian.predikat
                jumlah[predikat] += 1  # type: ignore[index]  # skp_kurva returns rated ones only
        return HasilKurva(kode, tahun, penetapan.periode, penetapan, jumlah,
                          aturan.periksa_kurva(penetapan.predikat, jumlah, self.aturan(kode).kurva_mayoritas))

    def skp_kurva(self, pegawai: Pegawai, tahun: int, periode: str) -> SKP | None:
        """The SKP an employee counts with in a period's curve: the latest of the year with a final,
        rated evaluation of the period; None when there is none or the employee was absent for the
        whole period (a status in profil.yaml)."""
        self._kelompok(pegawai)
        if pegawai.absen(*aturan.rentang_periode(tahun, periode)):
            return None
        found = None
        for skp in pegawai.skp:
            evaluasi = skp.evaluasi.get(periode)
            if skp.tahun == tahun and evaluasi is not None and evaluasi.status == "final" \
                    and self.penilaian(skp, periode).penilaian.predikat is not None:
                found = skp
        return found

    def skp_aktif(self, nip: str, pada: date) -> SKP | None:
        """The SKP of nip whose period contains the given day, if any."""
        return next((s for s in self.skp(nip) if s.mulai <= pada <= s.selesai), None)

    # -- teams (tim kerja) ------------------------------------------------------------------------

    def tim(self, unit: str, kode: str) -> Tim | None:
        """One team (None when its file is missing or invalid)."""
        self._baca("tim", unit, kode)
        return self.arsip.tim.get((unit, kode))

    def tim_anggota(self, nip: str, mulai: date, selesai: date) -> list[tuple[Tim, AnggotaTim]]:
        """The teams nip belongs to on some day from mulai to selesai, with the membership. Any
        team file may name anyone, so this reads every team."""
        self._baca("tim")
        if self._tim_nip is None:
            self._tim_nip = {}
            for key in sorted(self.arsip.tim):
                tim = self.arsip.tim[key]
                for anggota in tim.anggota:
                    self._tim_nip.setdefault(anggota.nip, []).append((tim, anggota))
        return [(tim, a) for tim, a in self._tim_nip.get(nip, []) if a.mulai <= selesai and mulai <= a.selesai]

    def tim_dipimpin(self, ketua: str, nip: str, mulai: date, selesai: date) -> list[Tim]:
        """The teams led by ketua that nip belongs to on some day from mulai to selesai: feedback
        from ketua on such a day is team feedback (masukan ketua tim)."""
        found = {(tim.unit, tim.kode): tim for tim, _ in self.tim_anggota(nip, mulai, selesai) if tim.ketua == ketua}
        return list(found.values())

    def rantai(self, skp: SKP) -> list[str]:
        """The employee's line of superiors for an SKP: its penilai, the atasan pejabat penilai, and
        further up by each one's profile (at most MAKS_RANTAI people; stops at a loop or where
        the records end)."""
        return self._turunan(("rantai", skp.unit, skp.nip, skp.folder), lambda: self._hitung_rantai(skp))

    def _hitung_rantai(self, skp: SKP) -> list[str]:
        found = [skp.penilai.nip]
        atasan = self.atasan_penilai(skp)
        while atasan and atasan not in found and len(found) < MAKS_RANTAI:
            found.append(atasan)
            profiles = self.profil(atasan)
            atasan = profiles[0].penilai if profiles else None
        return found

    def rhk_tim(self, tim: Tim) -> list[tuple[str, SKP, RHK]]:
        """The members' RHKs that carry one of the team's results, with that result's id (from
        the members' SKPs in these records)."""
        nips = dict.fromkeys(a.nip for a in tim.anggota)
        return [(ref[2], skp, rhk) for nip in nips for skp in self.skp(nip) for rhk in skp.hasil_kerja
                if (ref := penugasan_tim(rhk.penugasan_dari)) and ref[:2] == (tim.unit, tim.kode)]
