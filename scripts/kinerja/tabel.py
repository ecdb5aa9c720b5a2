"""Rows of the computed results (predikat, kurva, angka kredit) and their table / json / csv forms.

The JSON field order is fixed (the order of the column lists below), so scripts and the
site can rely on it.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import unicodedata
from dataclasses import dataclass

from kinerja import aturan
from kinerja.laporan import satu_baris
from kinerja.rekap import Rekap


@dataclass(frozen=True)
class Kolom:
    key: str
    label: str  # Indonesian header of the terminal table


def _cocok(unit, tahun, periode, *, u=None, t=None, p=None) -> bool:
    return (u is None or unit in u) and (t is None or tahun == t) and (p is None or periode == p)


KOLOM_PREDIKAT = (
    Kolom("unit", "Unit"), Kolom("nip", "NIP"), Kolom("nama", "Nama"), Kolom("skp", "SKP"),
    Kolom("tahun", "Tahun"), Kolom("periode", "Periode"), Kolom("status", "Status"),
    Kolom("rating_hasil_kerja", "Rating hasil kerja"), Kolom("rating_perilaku_kerja", "Rating perilaku kerja"),
    Kolom("predikat", "Predikat"), Kolom("sumber", "Sumber"),
)


def baris_predikat(rekap: Rekap, unit=None, tahun=None, periode=None) -> list[dict]:
    return [
        {
            "unit": h.skp.unit, "nip": h.skp.nip, "nama": h.pegawai.nama, "skp": h.skp.folder,
            "tahun": h.skp.tahun, "periode": h.evaluasi.periode, "status": h.evaluasi.status,
            "rating_hasil_kerja": h.penilaian.rating_hasil_kerja,
            "rating_perilaku_kerja": h.penilaian.rating_perilaku_kerja,
            "predikat": h.penilaian.predikat, "sumber": h.penilaian.sumber,
        }
        for h in rekap.penilaian if _cocok(h.skp.unit, h.skp.tahun, h.evaluasi.periode, u=unit, t=tahun, p=periode)
    ]


KOLOM_KURVA = (
    Kolom("unit", "Unit"), Kolom("tahun", "Tahun"), Kolom("periode", "Periode"),
    Kolom("predikat_organisasi", "Predikat organisasi"), Kolom("total", "Jumlah pegawai"),
    Kolom("jumlah", "Sebaran predikat"), Kolom("sesuai", "Sesuai kurva"), Kolom("pelanggaran", "Penyimpangan"),
    Kolom("kalibrasi", "Kalibrasi"),
)


def baris_kurva(rekap: Rekap, unit=None, tahun=None, periode=None) -> list[dict]:
    return [
        {
            "unit": k.unit, "tahun": k.tahun, "periode": k.periode, "predikat_organisasi": k.penetapan.predikat,
            "total": k.total, "jumlah": dict(k.jumlah), "sesuai": k.sesuai, "pelanggaran": list(k.pelanggaran),
            "kalibrasi": k.penetapan.kalibrasi,
        }
        for k in rekap.kurva if _cocok(k.unit, k.tahun, k.periode, u=unit, t=tahun, p=periode)
    ]


KOLOM_ANGKA_KREDIT = (
    Kolom("unit", "Unit"), Kolom("nip", "NIP"), Kolom("nama", "Nama"), Kolom("skp", "SKP"),
    Kolom("jenjang", "Jenjang"), Kolom("bulan", "Bulan"), Kolom("predikat", "Predikat"), Kolom("persen", "Persen"),
    Kolom("koefisien", "Koefisien"), Kolom("angka_kredit", "Angka kredit"), Kolom("kumulatif", "Kumulatif"),
    Kolom("kebutuhan", "Kebutuhan"), Kolom("kurang", "Kurang"),
)


def baris_angka_kredit(rekap: Rekap, unit=None, tahun=None, periode=None) -> list[dict]:
    return [
        {
            "unit": a.skp.unit, "nip": a.skp.nip, "nama": a.pegawai.nama, "skp": a.skp.folder,
            "jenjang": a.jenjang, "bulan": a.bulan, "predikat": a.predikat,
            "persen": aturan.PERSEN_ANGKA_KREDIT[a.predikat], "koefisien": float(aturan.JENJANG[a.jenjang].koefisien),
            "angka_kredit": float(a.angka_kredit), "kumulatif": float(a.kumulatif), "kebutuhan": a.kebutuhan,
            "kurang": None if a.kurang is None else float(a.kurang),
        }
        for a in rekap.angka_kredit if _cocok(a.skp.unit, a.skp.tahun, "tahunan", u=unit, t=tahun, p=periode)
    ]


# --- renderers ---------------------------------------------------------------------------------

def _sel(key: str, value) -> str:
    """A value as the terminal table shows it, with Indonesian labels."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if key == "jumlah":
        return ", ".join(f"{aturan.PREDIKAT[k]} {n}" for k, n in value.items() if n)
    if key == "pelanggaran":
        return " ".join(value) or "-"
    if key in ("angka_kredit", "kumulatif", "koefisien", "kurang"):
        return aturan.format_angka(value)
    if key == "nominal":
        return "Rp" + f"{value:,}".replace(",", ".")
    labels = {"predikat": aturan.PREDIKAT, "predikat_sebelumnya": aturan.PREDIKAT, "kinerja": aturan.RATING,
              "potensi": aturan.POTENSI, "rating_hasil_kerja": aturan.RATING, "rating_perilaku_kerja": aturan.RATING,
              "predikat_organisasi": aturan.PREDIKAT_ORGANISASI, "periode": aturan.PERIODE,
              "jenjang": {k: j.label for k, j in aturan.JENJANG.items()}}
    if key in labels:
        return labels[key].get(value, str(value))
    if key == "persen":
        return f"{value}%"
    return str(value)


def _lebar(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


LEBAR_SEL = 60  # long texts (kalibrasi, deviations) are cut in the terminal; json and csv keep them whole


def _potong(text: str) -> str:
    return text if len(text) <= LEBAR_SEL else text[:LEBAR_SEL - 1] + "…"


def render_table(rows: list[dict], kolom: tuple[Kolom, ...]) -> str:
    if not rows:
        return "Tidak ada data yang cocok dengan saringan.\n"
    cells = [[k.label for k in kolom]] + [[_potong(satu_baris(_sel(k.key, row[k.key]))) for k in kolom]
                                          for row in rows]
    widths = [max(_lebar(r[i]) for r in cells) for i in range(len(kolom))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c + " " * (w - _lebar(c)) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def render_json(rows: list[dict], kolom: tuple[Kolom, ...]) -> str:
    """Exactly `json.dumps(rows, ensure_ascii=False, indent=2)`, encoded a row at a time: the
    indenting encoder keeps every token of its input until the final join (~1.5 KiB a row),
    so 120,000 allowance rows would cost a few hundred MiB at once. A row's own newlines are
    all indentation (JSON escapes those inside strings), so nesting it is one replace."""
    if not rows:
        return "[]\n"
    seps = itertools.chain(["[\n  "], itertools.repeat(",\n  "))
    parts = (sep + json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
             for sep, row in zip(seps, rows, strict=False))
    return "".join(itertools.chain(parts, ["\n]\n"]))  # one join: the text is built once, not copied


def render_csv(rows: list[dict], kolom: tuple[Kolom, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([k.key for k in kolom])
    for row in rows:
        values = []
        for k in kolom:
            value = row[k.key]
            if isinstance(value, (dict, list)):
                value = json.dumps(value, ensure_ascii=False)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            values.append("" if value is None else value)
        writer.writerow(values)
    return out.getvalue()


RENDERERS = {"table": render_table, "json": render_json, "csv": render_csv}
