"""The e-Kinerja worksheets: a year's SKP, behaviour expectations, annex, realisations,
evaluations and objections, in the order an operator types them into BKN's e-Kinerja.

Values are shown as e-Kinerja shows them (labels, not codes). Feedback records (umpan-balik/,
including every confidential one) are never read here: only what the SKP, evaluation and
objection forms hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from kinerja import aturan
from kinerja.lembar import Lembar
from kinerja.model import IKI, SKP, Arsip
from kinerja.rekap import Rekap
from kinerja.tabel import Kolom

_PEGAWAI = (Kolom("nip", "NIP"), Kolom("nama", "Nama"), Kolom("skp", "SKP"))
_LAMPIRAN = {"dukungan_sumber_daya": "Dukungan sumber daya", "skema_pertanggungjawaban": "Skema pertanggungjawaban",
             "konsekuensi": "Konsekuensi"}

KOLOM = {
    "SKP": _PEGAWAI + (
        Kolom("jabatan", "Jabatan"), Kolom("unit_kerja", "Unit kerja"), Kolom("mulai", "Periode mulai"),
        Kolom("selesai", "Periode selesai"), Kolom("nip_penilai", "NIP penilai"), Kolom("penilai", "Pejabat penilai"),
        Kolom("intervensi", "RHK pimpinan yang diintervensi"), Kolom("rhk", "Rencana hasil kerja"),
        Kolom("jenis", "Jenis"), Kolom("aspek", "Aspek"), Kolom("indikator", "Indikator kinerja individu"),
        Kolom("target", "Target"), Kolom("satuan", "Satuan"), Kolom("perspektif", "Perspektif")),
    "Perilaku": _PEGAWAI + (Kolom("perilaku", "Perilaku kerja"), Kolom("panduan", "Panduan perilaku"),
                            Kolom("ekspektasi", "Ekspektasi khusus pimpinan")),
    "Lampiran": _PEGAWAI + (Kolom("bagian", "Bagian"), Kolom("uraian", "Uraian")),
    "Realisasi": _PEGAWAI + (
        Kolom("periode", "Periode"), Kolom("tanggal", "Tanggal evaluasi"), Kolom("rhk", "Rencana hasil kerja"),
        Kolom("indikator", "Indikator kinerja individu"), Kolom("target", "Target"), Kolom("realisasi", "Realisasi"),
        Kolom("bukti", "Bukti dukung"), Kolom("umpan_balik", "Umpan balik")),
    "Evaluasi": _PEGAWAI + (
        Kolom("periode", "Periode"), Kolom("tanggal", "Tanggal evaluasi"), Kolom("status", "Status"),
        Kolom("rating_hasil_kerja", "Rating hasil kerja"), Kolom("rating_perilaku_kerja", "Rating perilaku kerja"),
        Kolom("predikat", "Predikat kinerja pegawai"), Kolom("sumber", "Sumber rating"),
        Kolom("catatan_rekomendasi", "Catatan/rekomendasi")),
    "Keberatan": _PEGAWAI + (
        Kolom("periode", "Periode"), Kolom("diajukan", "Tanggal diajukan"), Kolom("alasan", "Alasan"),
        Kolom("penjelasan_penilai", "Penjelasan penilai"), Kolom("diputus_oleh", "Diputus oleh (NIP)"),
        Kolom("tanggal_keputusan", "Tanggal keputusan"), Kolom("rating_hasil_kerja", "Rating hasil kerja"),
        Kolom("rating_perilaku_kerja", "Rating perilaku kerja"), Kolom("catatan", "Catatan keputusan")),
    "Keterangan": (Kolom("keterangan", "Keterangan"), Kolom("nilai", "Nilai")),
}


def _daftar_skp(arsip: Arsip, tahun: int, unit: list[str] | None) -> list[SKP]:
    return [s for s in arsip.semua_skp() if s.tahun == tahun and (unit is None or s.unit in unit)]


def _id(skp: SKP) -> dict:
    return {"nip": skp.nip, "nama": skp.pegawai.nama, "skp": skp.folder}


def _target(iki: IKI) -> tuple[object, str | None]:
    """(target, unit): a number, a range "min–maks" as text, or the narrative target."""
    t = iki.target
    if not isinstance(t, dict):
        return t, None
    if "nilai" in t:
        return t["nilai"], t.get("satuan")
    return f"{t['min']}–{t['maks']}".replace(".", ","), t.get("satuan")


def _intervensi(arsip: Arsip, skp: SKP, rujukan: str | None) -> str | None:
    """The superior's RHK as text (the reference itself when the superior's SKP is not here)."""
    if not rujukan:
        return None
    nip, _, rhk_id = rujukan.partition("/")
    for atasan in arsip.skp_tahun(nip, skp.tahun):
        rhk = atasan.rhk(rhk_id)
        if rhk is not None:
            return rhk.uraian
    return rujukan


def baris_skp(arsip: Arsip, daftar: list[SKP]) -> Iterator[dict]:
    for skp in daftar:
        base = {**_id(skp), "jabatan": skp.pegawai.jabatan, "unit_kerja": skp.pegawai.unit_kerja,
                "mulai": skp.mulai, "selesai": skp.selesai, "nip_penilai": skp.penilai.nip,
                "penilai": skp.penilai.nama}
        for rhk in skp.hasil_kerja:
            intervensi = _intervensi(arsip, skp, rhk.intervensi)
            for iki in rhk.indikator:
                target, satuan = _target(iki)
                yield {**base, "intervensi": intervensi, "rhk": rhk.uraian,
                       "jenis": rhk.jenis.capitalize(), "aspek": aturan.ASPEK[iki.aspek], "indikator": iki.uraian,
                       "target": target, "satuan": satuan, "perspektif": aturan.PERSPEKTIF.get(iki.perspektif or "")}


def baris_perilaku(daftar: list[SKP]) -> Iterator[dict]:
    for skp in daftar:
        ident = _id(skp)
        for kode, nilai in aturan.BERAKHLAK.items():
            yield {**ident, "perilaku": nilai.label, "panduan": list(nilai.panduan),
                   "ekspektasi": (skp.perilaku_kerja.get(kode) or {}).get("ekspektasi")}


def baris_lampiran(daftar: list[SKP]) -> Iterator[dict]:
    for skp in daftar:
        for kode, label in _LAMPIRAN.items():
            for uraian in skp.lampiran.get(kode) or []:
                yield {**_id(skp), "bagian": label, "uraian": uraian}


def _evaluasi_urut(skp: SKP):
    return [skp.evaluasi[p] for p in aturan.urutkan_periode(skp.evaluasi)]


def baris_realisasi(daftar: list[SKP]) -> Iterator[dict]:
    for skp in daftar:
        ident = _id(skp)
        for evaluasi in _evaluasi_urut(skp):
            for hasil in evaluasi.hasil_kerja:
                rhk = skp.rhk(hasil.rhk)
                indikator = {i.id: i for i in rhk.indikator} if rhk else {}
                for r in hasil.realisasi:
                    iki = indikator.get(r.indikator)
                    yield {**ident, "periode": aturan.PERIODE[evaluasi.periode], "tanggal": evaluasi.tanggal,
                           "rhk": rhk.uraian if rhk else hasil.rhk, "indikator": iki.uraian if iki else r.indikator,
                           "target": _target(iki)[0] if iki else None, "realisasi": r.nilai, "bukti": r.bukti,
                           "umpan_balik": hasil.umpan_balik}


def baris_evaluasi(rekap: Rekap, daftar: list[SKP]) -> Iterator[dict]:
    wanted = {s.kunci for s in daftar}
    for h in rekap.penilaian:
        if h.skp.kunci in wanted:
            p = h.penilaian
            yield {**_id(h.skp), "periode": aturan.PERIODE[h.evaluasi.periode], "tanggal": h.evaluasi.tanggal,
                   "status": h.evaluasi.status.capitalize(),
                   "rating_hasil_kerja": aturan.RATING.get(p.rating_hasil_kerja or ""),
                   "rating_perilaku_kerja": aturan.RATING.get(p.rating_perilaku_kerja or ""),
                   "predikat": aturan.PREDIKAT.get(p.predikat or ""), "sumber": p.sumber,
                   "catatan_rekomendasi": h.evaluasi.catatan_rekomendasi}


def baris_keberatan(daftar: list[SKP]) -> Iterator[dict]:
    for skp in daftar:
        for periode in aturan.urutkan_periode(skp.keberatan):
            k = skp.keberatan[periode]
            d = k.keputusan
            yield {**_id(skp), "periode": aturan.PERIODE[k.evaluasi], "diajukan": k.diajukan, "alasan": k.alasan,
                   "penjelasan_penilai": k.penjelasan_penilai, "diputus_oleh": d.oleh if d else None,
                   "tanggal_keputusan": d.tanggal if d else None,
                   "rating_hasil_kerja": aturan.RATING.get(d.rating_hasil_kerja or "") if d else None,
                   "rating_perilaku_kerja": aturan.RATING.get(d.rating_perilaku_kerja) if d else None,
                   "catatan": d.catatan if d else None}


def baris_keterangan(tahun: int, unit: list[str] | None, komit: str | None, dibuat: datetime) -> list[dict]:
    return [
        {"keterangan": "Tahun", "nilai": tahun},
        {"keterangan": "Unit", "nilai": ", ".join(unit) if unit else "semua unit"},
        {"keterangan": "Komit sumber", "nilai": komit or "tidak diketahui (bukan repositori Git)"},
        {"keterangan": "Tanggal pembuatan", "nilai": dibuat},
        {"keterangan": "Catatan",
         "nilai": "Dibuat oleh kinerja dari rekaman; umpan balik dan konseling tidak disertakan."},
    ]


def lembar_ekinerja(arsip: Arsip, rekap: Rekap, tahun: int, unit: list[str] | None, komit: str | None,
                    dibuat: datetime) -> list[Lembar]:
    """Every worksheet of the e-Kinerja export, in order (rows are produced while written)."""
    daftar = _daftar_skp(arsip, tahun, unit)
    rows = {"SKP": baris_skp(arsip, daftar), "Perilaku": baris_perilaku(daftar), "Lampiran": baris_lampiran(daftar),
            "Realisasi": baris_realisasi(daftar), "Evaluasi": baris_evaluasi(rekap, daftar),
            "Keberatan": baris_keberatan(daftar), "Keterangan": baris_keterangan(tahun, unit, komit, dibuat)}
    return [Lembar(nama, KOLOM[nama], rows[nama]) for nama in KOLOM]
