"""The regulation applied to the whole loaded model: predikat of every evaluation, distribution
curves of every unit and period, credit points. Computed once per run through `Fakta` (the
same code the checks use), read by the commands, the site and the reviewer summary."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kinerja import aturan
from kinerja.fakta import Fakta
from kinerja.model import SKP, Arsip, HasilAngkaKredit, HasilKurva, HasilPenilaian, Pegawai

__all__ = ["HasilAngkaKredit", "HasilKurva", "HasilPenilaian", "Rekap", "hitung", "jenjang_skp"]


@dataclass(frozen=True)
class Rekap:
    penilaian: list[HasilPenilaian]  # in tree order: unit, NIP, SKP, period
    kurva: list[HasilKurva]
    angka_kredit: list[HasilAngkaKredit]


def jenjang_skp(pegawai: Pegawai, skp: SKP) -> str | None:
    """The functional level credit points use: the SKP's snapshot, else the profile's."""
    if skp.pegawai.jenjang:
        return skp.pegawai.jenjang
    return pegawai.jenjang if pegawai.jenis_jabatan == "fungsional" else None


def angka_kredit(penilaian: list[HasilPenilaian]) -> list[HasilAngkaKredit]:
    """Credit points of the annual results of one employee's (or many employees') SKPs, in order."""
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


def penilaian_pegawai(fakta: Fakta, pegawai: Pegawai) -> list[HasilPenilaian]:
    """Every evaluation of one employee's SKPs, in order of SKP and period."""
    return [fakta.penilaian(skp, periode) for skp in pegawai.skp for periode in aturan.urutkan_periode(skp.evaluasi)]


def hitung(arsip: Arsip, fakta: Fakta | None = None) -> Rekap:
    fakta = fakta or Fakta(arsip)
    penilaian = [h for key in sorted(arsip.pegawai) for h in penilaian_pegawai(fakta, arsip.pegawai[key])]
    kurva = [fakta.kurva(organisasi, penetapan)
             for _, organisasi in sorted(arsip.organisasi.items())
             for penetapan in aturan.urutkan_penetapan(organisasi.penetapan)]
    return Rekap(penilaian, kurva, angka_kredit(penilaian))
