"""`kinerja pr-summary --base REV`: what a branch changed, in Indonesian, for the reviewer.

Both sides are built from the same files: the working tree and the merge base's blobs (one
`git cat-file --batch`), each turned into the model and its computed results; the summary
compares them per employee (in words, never raw YAML), shows every predikat that changes
and the curves of the affected units and periods, and ends with the validation result.
All text from the records is escaped for Markdown and HTML.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from kinerja import aturan, schema
from kinerja.alur import banding, validasi
from kinerja.alur.lingkup import Parts, Sisi, Tinjauan, tinjau
from kinerja.jenis import jenis
from kinerja.laporan import ERROR, Diagnostik, satu_baris
from kinerja.model import HasilKurva
from kinerja.situs import tampil
from kinerja.tembolok import Tembolok
from kinerja.yamlio import Dokumen

MAKS_DIAGNOSTIK = 30
_MD = re.compile(r"([\\`*_\[\]<>|~])")
STATUS = {"A": "ditambahkan", "M": "diubah", "D": "dihapus"}
JUDUL_JENIS = {"skp": "SKP", "evaluasi": "Evaluasi", "umpan-balik": "Umpan balik", "keberatan": "Keberatan",
               "profil": "Profil"}


def md(text) -> str:
    """Plain text made inert in Markdown and HTML (one line)."""
    text = satu_baris(" ".join(str(text).split())).replace("&", "&amp;")
    return _MD.sub(r"\\\1", text)


class _Nama:
    """Display names from either side's profiles."""

    def __init__(self, *sisi: Sisi | None):
        self.sisi = [s for s in sisi if s is not None]

    def __call__(self, nip: str) -> str:
        for s in self.sisi:
            found = s.arsip.pegawai_nip(nip)
            if found:
                return f"{found[0].nama} ({tampil.nip(nip)})"
        return f"NIP {tampil.nip(nip)}"


def _predikat(sisi: Sisi) -> dict[tuple, object]:
    return {key: h.penilaian for key, h in sisi.penilaian().items()}


def _teks_penilaian(p) -> str:
    if p is None:
        return "belum ada"
    if p.predikat is None:
        return "belum lengkap"
    sumber = {"keberatan": " (keputusan keberatan)", "organisasi": " (dari predikat organisasi)"}.get(p.sumber, "")
    return aturan.PREDIKAT[p.predikat] + sumber


def _teks_kurva(k: HasilKurva | None) -> str:
    if k is None:
        return "belum ditetapkan"
    isi = ", ".join(f"{aturan.PREDIKAT[p]} {n}" for p, n in k.jumlah.items() if n) or "belum ada evaluasi final"
    if k.sesuai:
        keadaan = "sesuai kurva"
    elif k.penetapan.kalibrasi:
        keadaan = "menyimpang, dengan kalibrasi"
    else:
        keadaan = "menyimpang: " + " ".join(k.pelanggaran)
    return f"{isi} ({keadaan})"


def _bagian_pegawai(t: Tinjauan, nama: _Nama) -> list[str]:
    """Per employee and SKP: each changed record in words, each predikat that changes right after
    its evaluation (also when only an objection decision or the unit's rating changed it)."""
    lama, baru = t.lama, t.baru
    baris: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for parts in t.perubahan.berkas:
        kind = jenis(parts)
        if len(parts) < 4 or parts[1] != "pegawai" or kind is None:
            continue
        kalimat = _kalimat(t, parts, kind, nama)
        folder = "" if kind == "profil" else parts[3]
        judul = md(_judul(parts, kind))
        baris[(parts[0], parts[2])][folder] += [(_urutan(kind, parts[-1]), f"- {judul}: {md(k)}") for k in kalimat]
    p_lama, p_baru = _predikat(lama), _predikat(baru)
    for key in set(p_lama) | set(p_baru):
        sebelum, sesudah = p_lama.get(key), p_baru.get(key)
        if sebelum != sesudah and (getattr(sebelum, "predikat", None) or getattr(sesudah, "predikat", None)):
            unit, nip, folder, periode = key
            line = (f"- Predikat {md(aturan.PERIODE.get(periode, periode))}: "
                    f"**{md(_teks_penilaian(sebelum))}** → **{md(_teks_penilaian(sesudah))}**")
            baris[(unit, nip)][folder].append((_urutan("evaluasi", f"{periode}.yaml", 1), line))
    out: list[str] = []
    for unit, nip in sorted(baris):
        unit_data = baru.arsip.units.get(unit) or lama.arsip.units.get(unit)
        out += ["", f"#### {md(nama(nip))} — {md(unit_data.nama if unit_data else unit)}"]
        for folder, items in sorted(baris[(unit, nip)].items()):
            lines = [line for _, line in sorted(items)]
            out += [f"- **SKP {md(folder)}**"] + ["  " + line for line in lines] if folder else lines
    return (["", "### Per pegawai"] + out) if out else []


def _urutan(kind: str, nama_berkas: str, sesudah: int = 0) -> tuple:
    order = ("profil", "skp", "evaluasi", "keberatan", "umpan-balik")
    periode = nama_berkas.removesuffix(".yaml")
    posisi = list(aturan.PERIODE).index(periode) if periode in aturan.PERIODE else 0
    return (order.index(kind) if kind in order else 9, posisi, nama_berkas, sesudah)


def _judul(parts: Parts, kind: str) -> str:
    if kind == "evaluasi":
        return f"Evaluasi {aturan.PERIODE.get(parts[5][:-5], parts[5])}"
    if kind == "keberatan":
        return f"Keberatan {aturan.PERIODE.get(parts[5][:-5], parts[5])}"
    return JUDUL_JENIS.get(kind, kind)


def _sah(kind: str, data: dict | None) -> dict | None:
    """The data when it is a valid record of its kind (the comparisons rely on its shape), else None."""
    return data if data is not None and schema.sah(kind, Dokumen(data)) else None


def _kalimat(t: Tinjauan, parts: Parts, kind: str, nama: _Nama) -> list[str]:
    """The sentences for one changed record; a side that is not a valid record is named, never compared."""
    status = t.perubahan.berkas[parts]
    lama = _sah(kind, t.perubahan.lama.get(parts))
    baru = None if status == "D" else _sah(kind, t.perubahan.baru.get(parts))
    if status != "D" and baru is None:
        return ["Berkas ini bukan rekaman yang sah; lihat hasil pemeriksaan di bawah."]
    if status != "A" and lama is None:
        return ["Dihapus (sebelumnya bukan rekaman yang sah)." if status == "D"
                else "Diperbaiki: versi sebelumnya bukan rekaman yang sah."]
    return banding.bandingkan(kind, lama, baru, nama)


def _bagian_unit(t: Tinjauan, nama: _Nama) -> list[str]:
    out: list[str] = []
    per_unit: dict[str, list[str]] = defaultdict(list)
    for parts in sorted(t.perubahan.berkas):
        kind = jenis(parts)
        if kind in ("unit", "organisasi", "tim"):
            judul = ("Unit" if kind == "unit" else f"Predikat organisasi {parts[2][:-5]}" if kind == "organisasi"
                     else _judul_tim(t, parts))
            kalimat = _kalimat(t, parts, kind, nama)
            per_unit[parts[0]] += [f"- {md(judul)}: {md(k)}" for k in kalimat]
        elif kind is None:
            per_unit[parts[0] if len(parts) > 1 else ""].append(
                f"- Berkas {md('/'.join(parts))} {STATUS[t.perubahan.berkas[parts]]} (bukan rekaman yang dikenal)")
    for unit in sorted(per_unit):
        data = t.baru.arsip.units.get(unit) or t.lama.arsip.units.get(unit)
        out += ["", f"#### {md(data.nama if data else unit or 'Folder rekaman')}" + (f" ({md(unit)})" if unit else "")]
        out += per_unit[unit]
    return (["", "### Unit"] + out) if out else []


def _judul_tim(t: Tinjauan, parts: Parts) -> str:
    """A team named by its name (this side's, else the other's) and its code."""
    data = t.perubahan.baru.get(parts) or t.perubahan.lama.get(parts) or {}
    nama = data.get("nama") if isinstance(data.get("nama"), str) else None
    kode = parts[2].removesuffix(".yaml")
    return f"Tim kerja {nama} ({kode})" if nama else f"Tim kerja {kode}"


def _bagian_kurva(t: Tinjauan) -> list[str]:
    lama = {(k.unit, k.tahun, k.periode): k for k in t.lama.kurva()}
    baru = {(k.unit, k.tahun, k.periode): k for k in t.baru.kurva()}
    keys = sorted(set(lama) | set(baru), key=lambda k: (k[0], k[1], list(aturan.PERIODE).index(k[2])))
    if not keys:
        return []
    out = ["", "### Kurva distribusi", "",
           "| Unit | Periode | Predikat organisasi | Sebelum | Sesudah |", "|---|---|---|---|---|"]
    for key in keys:
        k_lama, k_baru = lama.get(key), baru.get(key)
        org = " → ".join(dict.fromkeys(
            aturan.PREDIKAT_ORGANISASI[k.penetapan.predikat] for k in (k_lama, k_baru) if k is not None))
        sama = "" if _teks_kurva(k_lama) != _teks_kurva(k_baru) else " (tidak berubah)"
        out.append(f"| {md(key[0])} | {md(aturan.PERIODE[key[2]])} {key[1]} | {md(org)} | {md(_teks_kurva(k_lama))} "
                   f"| {md(_teks_kurva(k_baru))}{sama} |")
    return out


def _bagian_validasi(diagnostik: list[Diagnostik], jumlah: int, rev: str) -> list[str]:
    errors = sum(1 for d in diagnostik if d.severity == ERROR)
    warnings = len(diagnostik) - errors
    if not diagnostik:
        kepala = f"✅ {jumlah} berkas yang terdampak diperiksa: semua sah."
    else:
        tanda = "❌" if errors else "⚠️"
        kepala = f"{tanda} {jumlah} berkas yang terdampak diperiksa: **{errors} galat**, {warnings} peringatan."
    out = ["", "### Hasil pemeriksaan", "", kepala]
    if diagnostik:
        out.append("")
    for d in diagnostik[:MAKS_DIAGNOSTIK]:
        jenis_d = "galat" if d.severity == ERROR else "peringatan"
        out.append(f"- {md(d.file)}:{d.line} — **{md(d.code)}** {jenis_d}: {md(d.message)}")
    if len(diagnostik) > MAKS_DIAGNOSTIK:
        out.append(f"- … dan {len(diagnostik) - MAKS_DIAGNOSTIK} lainnya; jalankan "
                   f"kinerja validate --changed-since {md(rev)}")
    return out


def ringkas(records: Path, rev: str, cache: Tembolok | None = None) -> str:
    t = tinjau(records, rev, cache)
    diagnostik = validasi.diagnostik(t)
    nama = _Nama(t.baru, t.lama)
    n = len(t.perubahan.berkas)
    lines = ["## Ringkasan perubahan rekaman kinerja", "",
             f"Dibandingkan dengan titik cabang {t.perubahan.dasar[:12]}: {n} berkas rekaman berubah."]
    if n:
        lines += _bagian_pegawai(t, nama) + _bagian_unit(t, nama) + _bagian_kurva(t)
    lines += _bagian_validasi(diagnostik, t.jumlah_berkas(), rev)
    return "\n".join(lines) + "\n"
