"""Which SKP governs each month and each year of an employee, and the computed result of an
SKP's evaluation: shared by the allowance and the talent classification.

Every calendar month belongs to one SKP of the employee, in whichever unit: the one covering
more of its days (the later one on a tie). The SKP of a year is the one owning most months.
"""

from __future__ import annotations

from collections import Counter

from kinerja import aturan
from kinerja.model import SKP, Arsip
from kinerja.rekap import HasilPenilaian, Rekap

Indeks = dict[tuple[tuple[str, str, str], str], HasilPenilaian]  # (SKP key, period) -> result


def indeks(rekap: Rekap) -> Indeks:
    """Every computed evaluation by (unit, NIP, SKP folder) and period."""
    return {(h.skp.kunci, h.evaluasi.periode): h for h in rekap.penilaian}


def skp_bulan(arsip: Arsip, nip: str, tahun: int) -> dict[int, SKP]:
    """Month (1..12) -> the SKP it belongs to; months no SKP of the year touches are left out."""
    daftar = arsip.skp_tahun(nip, tahun)
    return aturan.bulan_skp(((s, s.mulai, s.selesai) for s in daftar), tahun)


def skp_utama(per_bulan: dict[int, SKP]) -> SKP | None:
    """The SKP owning most months of a year (the later-starting one on a tie)."""
    jumlah = Counter(id(s) for s in per_bulan.values())
    daftar = {id(s): s for s in per_bulan.values()}.values()
    return max(daftar, key=lambda s: (jumlah[id(s)], s.mulai), default=None)


def hasil(idx: Indeks, skp: SKP | None, periode: str) -> HasilPenilaian | None:
    """The computed result of an SKP's evaluation of a period, when it exists and is final."""
    found = idx.get((skp.kunci, periode)) if skp is not None else None
    return found if found is not None and found.evaluasi.status == "final" else None


def predikat_tahunan(arsip: Arsip, idx: Indeks, nip: str, tahun: int) -> tuple[SKP | None, HasilPenilaian | None]:
    """The SKP of a year and its final annual result (None when missing)."""
    skp = skp_utama(skp_bulan(arsip, nip, tahun))
    return skp, hasil(idx, skp, "tahunan")
