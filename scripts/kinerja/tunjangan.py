"""Performance allowance (tunjangan kinerja): one row per employee and month of a year.

Each agency's own regulation maps predikat to a percentage of the job class's allowance
(records/instansi.yaml `tunjangan:`, a unit's unit.yaml overriding it key by key). A month
belongs to the SKP covering most of its days, so a transfer splits the year and an employee
in two units in one month appears once. An objection decision changes the allowance from
the month of the decision on; earlier months keep the original predikat, with a note.
Attendance deductions are outside these records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kinerja import aturan, masa
from kinerja.aturan import AturanTunjangan, Penilaian
from kinerja.model import SKP, Arsip
from kinerja.rekap import HasilPenilaian, Rekap
from kinerja.tabel import Kolom

KOLOM_TUNJANGAN = (
    Kolom("unit", "Unit"), Kolom("nip", "NIP"), Kolom("nama", "Nama"), Kolom("bulan", "Bulan"),
    Kolom("kelas_jabatan", "Kelas jabatan"), Kolom("predikat", "Predikat"), Kolom("sumber", "Sumber"),
    Kolom("periode", "Periode"), Kolom("persen", "Persen"), Kolom("nominal", "Nominal"), Kolom("catatan", "Catatan"),
)


def aturan_unit(arsip: Arsip, kode: str) -> AturanTunjangan | None:
    """The allowance rules of a unit: instansi.yaml's, overridden key by key by the unit's own."""
    unit = arsip.units.get(kode)
    return AturanTunjangan.gabung(arsip.instansi.tunjangan if arsip.instansi else None,
                                  unit.tunjangan if unit else None)


def penilaian_bulan(h: HasilPenilaian, awal_bulan: date) -> tuple[Penilaian, str | None]:
    """The ratings in force for a month: an objection decision counts from its own month on."""
    keputusan = h.keberatan.keputusan if h.keberatan else None
    if keputusan is None or h.penilaian.sumber != "keberatan" or keputusan.tanggal.replace(day=1) <= awal_bulan:
        return h.penilaian, None
    label = aturan.PREDIKAT.get(h.penilaian.predikat or "", "-")
    return h.semula, (f"Keberatan diputus {keputusan.tanggal.isoformat()}: predikat {label} berlaku "
                               f"mulai {keputusan.tanggal:%Y-%m}.")


@dataclass(frozen=True)
class _Tahun:
    """What every month of one employee's year reads."""

    arsip: Arsip
    idx: masa.Indeks
    aturan: dict[str, AturanTunjangan | None]  # by unit
    tahun: int
    per_bulan: dict[int, SKP]
    utama: SKP
    tahunan_lalu: HasilPenilaian | None  # the final annual result of the year before


def _hasil_bulan(t: _Tahun, skp: SKP, rules: AturanTunjangan, bulan: int):
    """(result, period, note when missing) that decides a month."""
    if rules.dasar == "tahun_berikutnya":
        note = None if t.tahunan_lalu else f"Belum ada evaluasi tahunan {t.tahun - 1} yang final."
        return t.tahunan_lalu, "tahunan", note
    unit = t.arsip.units.get(skp.unit)
    periode = aturan.periode_bulan(unit.evaluasi_periodik if unit else "triwulanan", bulan)
    found = masa.hasil(t.idx, skp, periode)
    return found, periode, None if found else f"Belum ada evaluasi {aturan.PERIODE[periode]} yang final."


def _catatan_kelas(rules: AturanTunjangan, kelas: int | None) -> str | None:
    if not rules.kelas_jabatan:
        return None
    if kelas is None:
        return "Kelas jabatan belum diisi di profil.yaml."
    return None if kelas in rules.kelas_jabatan else f"Kelas jabatan {kelas} tidak ada di tabel tunjangan."


def _baris(skp: SKP, nama: str, bulan: str, kelas: int | None, predikat=None, sumber=None, periode=None,
           persen=None, nominal=None, catatan=None) -> dict:
    """One row, built once (120,000 of them at ministry scale)."""
    return {"unit": skp.unit, "nip": skp.nip, "nama": nama, "bulan": bulan, "kelas_jabatan": kelas,
            "predikat": predikat, "sumber": sumber, "periode": periode, "persen": persen, "nominal": nominal,
            "catatan": catatan}


_TIDAK_BERTUGAS = "Tidak bertugas: tidak ada SKP yang mencakup bulan ini."
_TANPA_ATURAN = "Aturan tunjangan belum ada di records/instansi.yaml atau unit.yaml."


def _baris_bulan(t: _Tahun, bulan: int, teks_bulan: str) -> dict:
    skp = t.per_bulan.get(bulan, t.utama)
    pegawai = t.arsip.pegawai[(skp.unit, skp.nip)]
    kelas = pegawai.kelas_jabatan
    rules = t.aturan.get(skp.unit)
    if bulan not in t.per_bulan:
        return _baris(skp, pegawai.nama, teks_bulan, kelas, catatan=_TIDAK_BERTUGAS)
    if rules is None:
        return _baris(skp, pegawai.nama, teks_bulan, kelas, catatan=_TANPA_ATURAN)
    found, periode, catatan = _hasil_bulan(t, skp, rules, bulan)
    penilaian = None
    if found is not None:
        penilaian, catatan = penilaian_bulan(found, date(t.tahun, bulan, 1))
        if penilaian.predikat is None:
            catatan = "Predikat belum dapat dihitung: rating belum lengkap."
    predikat = penilaian.predikat if penilaian else None
    persen = rules.persen[predikat] if predikat else rules.tanpa_evaluasi
    notes = [c for c in (catatan, _catatan_kelas(rules, kelas)) if c]
    return _baris(skp, pegawai.nama, teks_bulan, kelas, predikat, penilaian.sumber if penilaian and predikat else None,
                  periode if found else None, persen, rules.nominal(kelas, persen), " ".join(notes) or None)


def _baris_pegawai(arsip: Arsip, idx: masa.Indeks, rules: dict, nip: str, tahun: int,
                   bulan: dict[int, str]) -> list[dict]:
    """The rows of the months asked for (`bulan`: month -> "YYYY-MM") of one employee."""
    per_bulan = masa.skp_bulan(arsip, nip, tahun)
    if not per_bulan:
        return []
    # the final annual result of the year before, only where a unit's rules read it
    perlu_lalu = any((r := rules.get(s.unit)) is not None and r.dasar == "tahun_berikutnya" for s in per_bulan.values())
    lalu = masa.predikat_tahunan(arsip, idx, nip, tahun - 1)[1] if perlu_lalu else None
    utama = masa.skp_utama(per_bulan)
    assert utama is not None  # per_bulan is not empty
    t = _Tahun(arsip, idx, rules, tahun, per_bulan, utama, lalu)
    return [_baris_bulan(t, b, teks) for b, teks in bulan.items()]


def baris_tunjangan(arsip: Arsip, rekap: Rekap, tahun: int, bulan: int | None = None,
                    unit: list[str] | None = None) -> list[dict]:
    """Rows of every employee with an SKP in the year, one per month, by unit, NIP and month."""
    idx = masa.indeks(rekap)
    rules = {kode: aturan_unit(arsip, kode) for kode in {p.unit for p in arsip.pegawai.values()}}
    teks = {b: f"{tahun}-{b:02d}" for b in ([bulan] if bulan is not None else range(1, 13))}
    rows = [row for nip in sorted(arsip.per_nip) for row in _baris_pegawai(arsip, idx, rules, nip, tahun, teks)
            if unit is None or row["unit"] in unit]
    rows.sort(key=lambda r: (r["unit"], r["nip"], r["bulan"]))
    return rows
