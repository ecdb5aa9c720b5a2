"""The regulation applied to the whole loaded model: predikat of every evaluation, distribution
curves of every unit and period, credit points. Computed once per run through `Fakta` (the
same code the checks use), read by the commands, the site and the reviewer summary."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
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


def bulan_angka_kredit(fakta: Fakta, pegawai: Pegawai, skp: SKP) -> int:
    """The months an SKP earns credit points for: the calendar months that belong to it (each month
    to one SKP of the NIP, in any unit: aturan.bulan_skp), less those wholly inside a status that
    earns none and those a starting balance already covers."""
    semua = [(s, s.mulai, s.selesai) for s in fakta.skp(skp.nip) if s.tahun == skp.tahun and s.mulai <= s.selesai]
    awal = pegawai.angka_kredit_awal
    jumlah = 0
    for bulan, milik in aturan.bulan_skp(semua, skp.tahun).items():
        mulai = date(skp.tahun, bulan, 1)
        selesai = date(skp.tahun, bulan, calendar.monthrange(skp.tahun, bulan)[1])
        if milik is skp and not (awal and selesai <= awal.per) \
                and not pegawai.absen(mulai, selesai, aturan.TANPA_ANGKA_KREDIT):
            jumlah += 1
    return jumlah


def angka_kredit(fakta: Fakta, penilaian: list[HasilPenilaian]) -> list[HasilAngkaKredit]:
    """Credit points of the final annual results of SKPs, in the order given. The cumulative total
    of a NIP runs over its SKPs in time order, from the profile's starting balance of the same
    jenjang, and restarts when the jenjang changes (a promotion). A plain sum over the records:
    the official balance is the PAK."""
    tahunan = [h for h in penilaian if h.evaluasi.periode == "tahunan" and h.evaluasi.status == "final"
               and h.penilaian.predikat is not None and jenjang_skp(h.pegawai, h.skp) is not None]
    rows: dict[int, HasilAngkaKredit] = {}
    jalan: dict[str, tuple[str, Fraction]] = {}  # NIP -> (jenjang, running total)
    for hasil in sorted(tahunan, key=lambda h: (h.skp.nip, h.skp.mulai, h.skp.folder)):
        jenjang = jenjang_skp(hasil.pegawai, hasil.skp)
        assert jenjang is not None and hasil.penilaian.predikat is not None
        awal = hasil.pegawai.angka_kredit_awal
        sebelumnya = jalan.get(hasil.skp.nip)
        if sebelumnya is None or sebelumnya[0] != jenjang:
            sebelumnya = (jenjang, awal.nilai if awal and awal.jenjang == jenjang else Fraction(0))
        bulan = bulan_angka_kredit(fakta, hasil.pegawai, hasil.skp)
        nilai = aturan.angka_kredit(jenjang, hasil.penilaian.predikat, bulan)
        jalan[hasil.skp.nip] = (jenjang, sebelumnya[1] + nilai)
        rows[id(hasil)] = HasilAngkaKredit(
            hasil.pegawai, hasil.skp, jenjang, bulan, hasil.penilaian.predikat, nilai, jalan[hasil.skp.nip][1],
            aturan.kebutuhan_angka_kredit(jenjang, hasil.skp.pegawai.pangkat_golongan,
                                          fakta.aturan(hasil.skp.unit).kebutuhan_angka_kredit))
    return [rows[id(h)] for h in tahunan]


def penilaian_pegawai(fakta: Fakta, pegawai: Pegawai) -> list[HasilPenilaian]:
    """Every evaluation of one employee's SKPs, in order of SKP and period."""
    return [fakta.penilaian(skp, periode) for skp in pegawai.skp for periode in aturan.urutkan_periode(skp.evaluasi)]


def hitung(arsip: Arsip, fakta: Fakta | None = None) -> Rekap:
    fakta = fakta or Fakta(arsip)
    penilaian = [h for key in sorted(arsip.pegawai) for h in penilaian_pegawai(fakta, arsip.pegawai[key])]
    kurva = [fakta.kurva(organisasi, penetapan)
             for _, organisasi in sorted(arsip.organisasi.items())
             for penetapan in aturan.urutkan_penetapan(organisasi.penetapan)]
    return Rekap(penilaian, kurva, angka_kredit(fakta, penilaian))
