"""The regulation applied to the loaded model: predikat of every evaluation, distribution
curves of every unit and period, credit points. Computed once per run, read by the
checks, the commands, the site and the reviewer summary."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kinerja import aturan
from kinerja.aturan import Penilaian
from kinerja.model import SKP, Arsip, Evaluasi, Keberatan, Pegawai, PenetapanOrganisasi, Unit


@dataclass(frozen=True)
class HasilPenilaian:
    """One evaluation with the ratings that count for it."""

    pegawai: Pegawai
    skp: SKP
    evaluasi: Evaluasi
    penilaian: Penilaian
    pimpinan: bool  # the employee heads the unit of this SKP
    penetapan: PenetapanOrganisasi | None  # the unit's organisation rating for the period
    keberatan: Keberatan | None  # the objection to this evaluation, decided or not


@dataclass(frozen=True)
class HasilKurva:
    unit: str
    tahun: int
    periode: str
    penetapan: PenetapanOrganisasi
    jumlah: dict[str, int]  # every predikat code, zeros included
    pelanggaran: list[str]

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())

    @property
    def sesuai(self) -> bool:
        return not self.pelanggaran


@dataclass(frozen=True)
class HasilAngkaKredit:
    pegawai: Pegawai
    skp: SKP
    jenjang: str
    bulan: int
    predikat: str
    angka_kredit: Fraction
    kumulatif: Fraction  # this employee's running total up to and including this SKP


@dataclass(frozen=True)
class Rekap:
    penilaian: list[HasilPenilaian]  # in tree order: unit, NIP, SKP, period
    kurva: list[HasilKurva]
    angka_kredit: list[HasilAngkaKredit]


def _urutan_periode(kode: str) -> int:
    return list(aturan.PERIODE).index(kode)


def nilai_evaluasi(arsip: Arsip, skp: SKP, evaluasi: Evaluasi) -> HasilPenilaian:
    unit: Unit | None = arsip.units.get(skp.unit)
    pegawai = arsip.pegawai[(skp.unit, skp.nip)]
    rules = unit.aturan if unit else aturan.Aturan()
    pimpinan = unit is not None and unit.pimpinan == skp.nip
    organisasi = arsip.organisasi.get((skp.unit, skp.tahun))
    penetapan = organisasi.untuk(evaluasi.periode) if organisasi else None
    keberatan = skp.keberatan.get(evaluasi.periode)
    dasar = aturan.rating_berlaku(evaluasi.rating_hasil_kerja, evaluasi.rating_perilaku_kerja,
                                  pimpinan=pimpinan, predikat_organisasi=penetapan.predikat if penetapan else None,
                                  aturan=rules)
    penilaian = dasar
    if keberatan is not None and keberatan.keputusan is not None:
        keputusan = keberatan.keputusan
        hasil = keputusan.rating_hasil_kerja or dasar.rating_hasil_kerja
        if hasil is not None:
            penilaian = aturan.rating_berlaku(None, None, keputusan=(hasil, keputusan.rating_perilaku_kerja),
                                              aturan=rules)
    return HasilPenilaian(pegawai, skp, evaluasi, penilaian, pimpinan, penetapan, keberatan)


def _kurva(arsip: Arsip, penilaian: list[HasilPenilaian]) -> list[HasilKurva]:
    # The final predikat of each employee per (unit, year, period); a later SKP of the
    # same year (a transfer inside the unit) replaces an earlier one.
    terakhir: dict[tuple[str, int, str], dict[str, str]] = {}
    for hasil in penilaian:
        if hasil.evaluasi.status != "final" or hasil.penilaian.predikat is None:
            continue
        key = (hasil.skp.unit, hasil.skp.tahun, hasil.evaluasi.periode)
        terakhir.setdefault(key, {})[hasil.skp.nip] = hasil.penilaian.predikat
    rows = []
    for (unit, tahun), organisasi in sorted(arsip.organisasi.items()):
        for penetapan in sorted(organisasi.penetapan, key=lambda p: _urutan_periode(p.periode)):
            jumlah = dict.fromkeys(aturan.PREDIKAT, 0)
            for predikat in terakhir.get((unit, tahun, penetapan.periode), {}).values():
                jumlah[predikat] += 1
            rows.append(HasilKurva(unit, tahun, penetapan.periode, penetapan, jumlah,
                                   aturan.periksa_kurva(penetapan.predikat, jumlah)))
    return rows


def jenjang_skp(pegawai: Pegawai, skp: SKP) -> str | None:
    """The functional level credit points use: the SKP's snapshot, else the profile's."""
    if skp.pegawai.jenjang:
        return skp.pegawai.jenjang
    return pegawai.jenjang if pegawai.jenis_jabatan == "fungsional" else None


def _angka_kredit(penilaian: list[HasilPenilaian]) -> list[HasilAngkaKredit]:
    rows = []
    kumulatif: dict[tuple[str, str], Fraction] = {}
    for hasil in penilaian:
        jenjang = jenjang_skp(hasil.pegawai, hasil.skp)
        if (hasil.evaluasi.periode != "tahunan" or hasil.evaluasi.status != "final" or jenjang is None
                or hasil.penilaian.predikat is None or hasil.skp.selesai < hasil.skp.mulai):
            continue
        bulan = aturan.bulan_periode(hasil.skp.mulai, hasil.skp.selesai)
        nilai = aturan.angka_kredit(jenjang, hasil.penilaian.predikat, bulan)
        key = (hasil.skp.unit, hasil.skp.nip)
        kumulatif[key] = kumulatif.get(key, Fraction(0)) + nilai
        rows.append(HasilAngkaKredit(hasil.pegawai, hasil.skp, jenjang, bulan, hasil.penilaian.predikat, nilai,
                                     kumulatif[key]))
    return rows


def hitung(arsip: Arsip) -> Rekap:
    penilaian = [nilai_evaluasi(arsip, skp, skp.evaluasi[periode])
                 for skp in arsip.semua_skp()
                 for periode in sorted(skp.evaluasi, key=_urutan_periode)]
    return Rekap(penilaian, _kurva(arsip, penilaian), _angka_kredit(penilaian))
