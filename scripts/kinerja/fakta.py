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


def tumpang_tindih(a: SKP, b: SKP) -> bool:
    """Whether two SKP periods share a day."""
    return a.mulai <= b.selesai and b.mulai <= a.selesai


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
        """The unit's own rules (defaults where unit.yaml is missing or invalid)."""
        unit = self.unit(kode)
        return unit.aturan if unit else Aturan()

    def pimpinan(self, kode: str) -> str | None:
        unit = self.unit(kode)
        return unit.pimpinan if unit else None

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

    def nama(self, nip: str) -> str | None:
        found = self.profil(nip)
        return found[0].nama if found else None

    def skp(self, nip: str) -> list[SKP]:
        """Every SKP of the NIP in every unit (skp.yaml only: not their evaluations)."""
        self._baca("skp", nip)
        self._baca("profil", nip)  # an SKP is in the model only under a valid profile
        return [s for p in self.arsip.pegawai_nip(nip) for s in p.skp]

    def skp_atasan(self, nip: str, skp: SKP) -> list[SKP]:
        """The SKPs of nip (a superior) in the year of skp whose period overlaps it."""
        return [s for s in self.skp(nip) if s.tahun == skp.tahun and tumpang_tindih(s, skp)]

    def atasan_penilai(self, skp: SKP) -> str | None:
        """The atasan pejabat penilai of an SKP: the penilai's own penilai at the time (from the
        penilai's overlapping SKP), else the penilai's current profile; None when unknown."""
        atasan = self.skp_atasan(skp.penilai.nip, skp)
        if atasan:
            return atasan[-1].penilai.nip
        profiles = self.profil(skp.penilai.nip)
        return profiles[0].penilai if profiles else None

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
        pimpinan = self.pimpinan(skp.unit) == skp.nip
        organisasi = self.organisasi(skp.unit, skp.tahun)
        penetapan = organisasi.untuk(evaluasi.periode) if organisasi else None
        keberatan = skp.keberatan.get(evaluasi.periode)
        penilaian = aturan.rating_berlaku(evaluasi.rating_hasil_kerja, evaluasi.rating_perilaku_kerja,
                                          pimpinan=pimpinan,
                                          predikat_organisasi=penetapan.predikat if penetapan else None,
                                          aturan=rules)
        if keberatan is not None and keberatan.keputusan is not None:
            keputusan = keberatan.keputusan
            hasil = keputusan.rating_hasil_kerja or penilaian.rating_hasil_kerja
            if hasil is not None:
                penilaian = aturan.rating_berlaku(None, None, keputusan=(hasil, keputusan.rating_perilaku_kerja),
                                                  aturan=rules)
        return HasilPenilaian(pegawai, skp, evaluasi, penilaian, pimpinan, penetapan, keberatan)

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
        self._baca("organisasi", organisasi.unit, str(organisasi.tahun))
        jumlah = dict.fromkeys(aturan.PREDIKAT, 0)
        for pegawai in self.anggota(organisasi.unit, organisasi.tahun):
            predikat = self.predikat_akhir(pegawai, organisasi.tahun, penetapan.periode)
            if predikat is not None:
                jumlah[predikat] += 1
        return HasilKurva(organisasi.unit, organisasi.tahun, penetapan.periode, penetapan, jumlah,
                          aturan.periksa_kurva(penetapan.predikat, jumlah))

    def predikat_akhir(self, pegawai: Pegawai, tahun: int, periode: str) -> str | None:
        """The final predikat an employee counts with in a period's curve: that of the latest SKP
        of the year with a final evaluation of the period (None: not counted)."""
        self._kelompok(pegawai)
        found = None
        for skp in pegawai.skp:
            evaluasi = skp.evaluasi.get(periode)
            if skp.tahun != tahun or evaluasi is None or evaluasi.status != "final":
                continue
            predikat = self.penilaian(skp, periode).penilaian.predikat
            if predikat is not None:
                found = predikat
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
