"""The build of unit sites: for each unit, generate its Markdown pages and its mkdocs.yml
into build/<unit>/, then run `mkdocs build` in its own process; units build in parallel
(the next unit's pages are generated while earlier units' MkDocs processes run). Last, the
root page linking the units. Progress goes to stderr."""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja import riwayat
from kinerja.arsip import rel_root
from kinerja.model import Arsip
from kinerja.rekap import Rekap
from kinerja.situs import halaman, konfigurasi, mesin, render

LAPOR_SETIAP = 250  # employees between progress lines of a large unit


@dataclass(frozen=True)
class HasilUnit:
    unit: str
    pegawai: int
    halaman: int
    detik_halaman: float  # our own page generation (Markdown, assets, configuration)
    detik_mkdocs: float
    folder: Path


def _lapor(pesan: str) -> None:
    print(f"kinerja: {pesan}", file=sys.stderr, flush=True)


def _folder_kerja(out: Path, kode: str) -> Path:
    kerja = out.parent / kode
    if kerja == out:
        raise ValueError(f"unit '{kode}' bernama sama dengan folder keluaran {out}; pakai --out lain.")
    return kerja


def _dengan_kemajuan(pages, kode: str, jumlah: int):
    """The pages, with a progress line every LAPOR_SETIAP employees of a large unit."""
    selesai = 0
    for page in pages:
        yield page
        if page.template == "pegawai.md":
            selesai += 1
            if jumlah > LAPOR_SETIAP and selesai % LAPOR_SETIAP == 0:
                _lapor(f"unit {kode}: halaman {selesai} dari {jumlah} pegawai ditulis")


def tulis_docs(situs: halaman.Situs, kerja: Path, induk: konfigurasi.Induk, root: Path, site: Path) -> tuple[Path, int]:
    """Generate one unit's docs folder and mkdocs.yml; return the configuration and the
    number of generated pages."""
    docs = kerja / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    jumlah = render.tulis_halaman(render.lingkungan(), docs, _dengan_kemajuan(
        halaman.semua_halaman(situs), situs.unit.kode, len(situs.pegawai)))
    aset = render.salin_aset(docs)
    sendiri = root / "site"  # the repository's own hand-written pages replace the packaged guides
    halaman_situs = render.salin_situs(sendiri if sendiri.is_dir() else render.SITUS_BAWAAN, docs, induk.custom_dir)
    config = konfigurasi.tulis(kerja, induk, situs.unit, site=site, aset=aset, halaman_situs=halaman_situs)
    return config, jumlah


def bangun(arsip: Arsip, rekap: Rekap, *, records: Path, out: Path, units: list[str] | None = None,
           hari_ini: date | None = None, jobs: int | None = None) -> list[HasilUnit]:
    """Build the site of each unit (default: all) into out/<unit>/ and the root page out/index.html.

    hari_ini: the day deadlines are checked against (default: today).
    """
    records = Path(records)
    out = Path(out).resolve()
    root = records.resolve().parent  # the repository: its mkdocs.yml and site/ override the packaged ones
    kode_units = list(dict.fromkeys(units or sorted(arsip.units)))
    induk = konfigurasi.Induk.dari_repositori(root)
    sejarah = riwayat.sejarah(rel_root(records), records)
    hari_ini = hari_ini or date.today()
    out.mkdir(parents=True, exist_ok=True)
    hasil: list[HasilUnit] = []
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        antre = []
        for kode in kode_units:
            mulai = time.perf_counter()
            situs = halaman.Situs(arsip, rekap, kode, sejarah=sejarah, hari_ini=hari_ini)
            _lapor(f"unit {kode}: menulis halaman {len(situs.pegawai)} pegawai")
            config, jumlah = tulis_docs(situs, _folder_kerja(out, kode), induk, root, out / kode)
            detik = time.perf_counter() - mulai
            _lapor(f"unit {kode}: {jumlah} halaman ditulis dalam {detik:.1f} detik; mkdocs build berjalan")
            antre.append((kode, len(situs.pegawai), jumlah, detik, pool.submit(mesin.mkdocs_build, config)))
        for kode, pegawai, jumlah, detik, future in antre:
            detik_mkdocs = future.result()
            _lapor(f"unit {kode}: situs selesai di {out / kode} (mkdocs {detik_mkdocs:.1f} detik)")
            hasil.append(HasilUnit(kode, pegawai, jumlah, detik, detik_mkdocs, out / kode))
    per_unit = Counter(u for (u, _) in arsip.pegawai)
    render.tulis_akar(out, [
        {"kode": kode, "nama": unit.nama, "instansi": unit.instansi, "pegawai": per_unit[kode]}
        for kode, unit in sorted(arsip.units.items()) if (out / kode / "index.html").is_file()
    ])
    return hasil
