"""Talent classification input (PermenPANRB 3/2020): the performance axis from the annual
predikat of a year and the year before, and with a potential assessment
(pegawai/<nip>/potensi/<tahun>.yaml) the cell of the 9-box."""

from __future__ import annotations

from kinerja import aturan, masa
from kinerja.model import Arsip, Potensi
from kinerja.rekap import Rekap
from kinerja.tabel import Kolom

KOLOM_TALENTA = (
    Kolom("unit", "Unit"), Kolom("nip", "NIP"), Kolom("nama", "Nama"), Kolom("tahun", "Tahun"),
    Kolom("predikat", "Predikat tahunan"), Kolom("predikat_sebelumnya", "Predikat tahun sebelumnya"),
    Kolom("kinerja", "Kinerja"), Kolom("potensi", "Potensi"), Kolom("kotak", "Kotak talenta"),
    Kolom("catatan", "Catatan"),
)


def _potensi(arsip: Arsip, nip: str, tahun: int) -> Potensi | None:
    return next((p.potensi[tahun] for p in arsip.pegawai_nip(nip) if tahun in p.potensi), None)


def _catatan(predikat, sebelumnya, potensi, tahun: int) -> str | None:
    notes = []
    if predikat is None:
        notes.append(f"Belum ada predikat tahunan {tahun} yang final.")
    if sebelumnya is None:
        notes.append(f"Tidak ada predikat tahunan {tahun - 1}; kinerja dari satu tahun saja.")
    if potensi is None:
        notes.append(f"Belum ada penilaian potensi {tahun}.")
    return " ".join(notes) or None


def _baris(arsip: Arsip, idx: masa.Indeks, nip: str, tahun: int) -> dict | None:
    skp, hasil = masa.predikat_tahunan(arsip, idx, nip, tahun)
    if skp is None:
        return None
    _, lalu = masa.predikat_tahunan(arsip, idx, nip, tahun - 1)
    predikat = hasil.penilaian.predikat if hasil else None
    sebelumnya = lalu.penilaian.predikat if lalu else None
    kinerja = aturan.kinerja_talenta(predikat, sebelumnya) if predikat else None
    potensi = _potensi(arsip, nip, tahun)
    return {"unit": skp.unit, "nip": nip, "nama": arsip.pegawai[(skp.unit, nip)].nama, "tahun": tahun,
            "predikat": predikat, "predikat_sebelumnya": sebelumnya, "kinerja": kinerja,
            "potensi": potensi.tingkat if potensi else None,
            "kotak": aturan.kotak_talenta(kinerja, potensi.tingkat) if kinerja and potensi else None,
            "catatan": _catatan(predikat, sebelumnya, potensi, tahun)}


def baris_talenta(arsip: Arsip, rekap: Rekap, tahun: int, unit: list[str] | None = None) -> list[dict]:
    """One row per employee with an SKP in the year, by unit and NIP."""
    idx = masa.indeks(rekap)
    rows = [row for nip in sorted(arsip.per_nip) if (row := _baris(arsip, idx, nip, tahun))
            and (unit is None or row["unit"] in unit)]
    return sorted(rows, key=lambda r: (r["unit"], r["nip"]))
