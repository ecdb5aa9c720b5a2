"""The build of unit sites: for each unit, generate its Markdown pages and its mkdocs.yml
into build/<unit>/, then run the site engine (`mesin`: MkDocs unless told otherwise) in its own
process; units build in parallel (the next unit's pages are generated while earlier units'
engine processes run). Last, the
root page linking the units. Progress goes to stderr.

Builds are incremental: a unit whose inputs are unchanged since it was last built into the
same folder is skipped (its key and stamp, build/<unit>/kunci, are described in kunci), and
so is the root page (stamp <out>.kunci beside the out folder). The records are loaded only
when something must be built.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path

from kinerja import riwayat
from kinerja.alur import formulir
from kinerja.arsip import rel_root
from kinerja.galat import GalatPemakaian
from kinerja.pemeriksaan import Pohon
from kinerja.situs import halaman, konfigurasi, kunci, mesin, render, sunting

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


class KeluaranTidakSah(GalatPemakaian):
    """An output folder that would write into the records, the hand-written pages or another
    unit's site (a usage error)."""


def _folder_kerja(out: Path, kode: str) -> Path:
    return out.parent / kode


def periksa_keluaran(records: Path, out: Path, kode_units: list[str]) -> None:
    """Refuse an out folder (or a unit's site or work folder it implies) that is, or lies inside,
    the records or the hand-written pages: the build would write into what it reads, and the
    next build would copy one unit's pages into every site."""
    root = records.resolve().parent
    dilindungi = {records.resolve(): "folder rekaman", (root / "site").resolve(): "folder halaman tulisan tangan",
                  _halaman_situs(root).resolve(): "folder halaman tulisan tangan"}
    for kode in kode_units:
        kerja = _folder_kerja(out, kode)
        if kerja == out:
            raise KeluaranTidakSah(f"unit '{kode}' bernama sama dengan folder keluaran {out}; pakai --out lain.")
        for folder in (out, out / kode, kerja):
            for tempat, nama in dilindungi.items():
                if folder.is_relative_to(tempat):
                    raise KeluaranTidakSah(f"folder keluaran {out} menulis ke dalam {nama} {tempat}; "
                                           "pakai --out di luar folder itu (bawaan: build/site).")


def _dengan_kemajuan(pages, kode: str, jumlah: int):
    """The pages, with a progress line every LAPOR_SETIAP employees of a large unit."""
    selesai = 0
    for page in pages:
        yield page
        if page.template == "pegawai.md":
            selesai += 1
            if jumlah > LAPOR_SETIAP and selesai % LAPOR_SETIAP == 0:
                _lapor(f"unit {kode}: halaman {selesai} dari {jumlah} pegawai ditulis")


def _halaman_situs(root: Path) -> Path:
    """The hand-written pages: the repository's own site/, else the packaged guides."""
    sendiri = root / "site"
    return sendiri if sendiri.is_dir() else render.SITUS_BAWAAN


def penyunting(induk: konfigurasi.Induk, root: Path) -> sunting.Sunting | None:
    """The repository's web editor for edit links: mkdocs.yml's repo_url and edit_uri, else the
    origin remote and its default branch (`riwayat.asal`); paths start at the Git top."""
    asal = riwayat.asal(root)
    found = sunting.tentukan(induk.data.get("repo_url"), induk.data.get("edit_uri"),
                             asal.url if asal else None, asal.cabang if asal else None)
    if found is None or asal is None or asal.top == root.resolve():
        return found
    return dataclasses.replace(found, folder=root.resolve().relative_to(asal.top).as_posix() + "/")


def terhubung(pohon: Pohon, out: Path, kode_units: list[str]) -> dict[str, bool]:
    """The units whose sites this build puts in out, which unit sites may link to: those it
    builds (True: their employee pages come from these records) and those already built there
    (False: their home page only)."""
    return {kode: kode in kode_units for kode in pohon.units
            if kode in kode_units or (out / kode / "index.html").is_file()}


def tulis_docs(situs: halaman.Situs, kerja: Path, induk: konfigurasi.Induk, root: Path) -> tuple[Path, int]:
    """Generate one unit's docs folder and mkdocs.yml; return the configuration and the
    number of generated pages."""
    docs = kerja / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    jumlah = render.tulis_halaman(render.lingkungan(), docs, _dengan_kemajuan(
        halaman.semua_halaman(situs), situs.unit.kode, len(situs.pegawai)))
    aset = render.salin_aset(docs)
    sendiri = _halaman_situs(root) == root / "site"  # the repository's own pages can be edited there
    halaman_situs = render.salin_situs(_halaman_situs(root), docs, induk.custom_dir,
                                       (lambda rel: situs.sunting(f"site/{rel}")) if sendiri else None)
    config = konfigurasi.tulis(kerja, induk, situs.unit, aset=aset, halaman_situs=halaman_situs)
    return config, jumlah


def _tulis_akar(pohon: Pohon, out: Path) -> None:
    """The root page linking every unit built in out, unless its stamp shows it is current."""
    stempel = out.parent / f"{out.name}.kunci"
    dibangun = [kode for kode in pohon.units if (out / kode / "index.html").is_file()]
    key = kunci.akar(pohon, out, dibangun)
    if kunci.cocok(stempel, key, out / "index.html"):
        return
    arsip = pohon.dimuat[0]
    per_unit = Counter(u for (u, _) in arsip.pegawai)
    render.tulis_akar(out, [{"kode": kode, "nama": arsip.units[kode].nama, "instansi": arsip.units[kode].instansi,
                             "pegawai": per_unit[kode]} for kode in dibangun])
    kunci.catat(stempel, key, out / "index.html")


def bangun(pohon: Pohon, *, out: Path, units: list[str] | None = None, hari_ini: date | None = None,
           jobs: int | None = None, engine: str = mesin.BAWAAN) -> list[HasilUnit]:
    """Build the site of each unit (default: all) into out/<unit>/ and the root page
    out/index.html; return the units built (those skipped as unchanged are left out).

    hari_ini: the day deadlines are checked against (default: today).
    engine: the site engine (mesin.MESIN), part of every unit's key.
    Raises mesin.MesinTidakAda for an engine that is not installed, KeluaranTidakSah for an out
    folder inside the records or the hand-written pages.
    """
    records = pohon.records
    out = Path(out).resolve()
    root = records.resolve().parent  # the repository: its mkdocs.yml and site/ override the packaged ones
    kode_units = list(dict.fromkeys(units or pohon.units))
    periksa_keluaran(records, out, kode_units)
    mesin.periksa(engine)
    induk = konfigurasi.Induk.dari_repositori(root)
    if not induk.data.get("site_url"):
        _lapor("catatan: site_url belum diisi di mkdocs.yml; halaman 404 tiap unit hanya bergaya bila folder "
               "hasil disajikan di akar server (isi alamat terbitnya, misalnya https://org.github.io/kinerja/).")
    sejarah = riwayat.sejarah(rel_root(records), records)
    hari_ini = hari_ini or date.today()
    editor = penyunting(induk, root)
    tetangga = terhubung(pohon, out, kode_units)
    umum = (kunci.dasar(hari_ini, induk, _halaman_situs(root)) + f"\0{engine} {metadata.version(engine)}"
            + f"\0{editor!r}\0{json.dumps(tetangga, sort_keys=True)}")  # what links point to
    stempel = {kode: _folder_kerja(out, kode) / "kunci" for kode in kode_units}
    dibaca = {kode: kunci.dibaca(stempel[kode]) for kode in kode_units}  # what the last build looked up
    keys = kunci.units(umum, pohon, sejarah, out, kode_units, dibaca)
    todo = []
    for kode in kode_units:
        if kunci.cocok(stempel[kode], keys[kode], out / kode):
            _lapor(f"unit {kode}: tidak berubah sejak dibangun terakhir; dilewati")
        else:
            todo.append(kode)
    out.mkdir(parents=True, exist_ok=True)
    hasil: list[HasilUnit] = []
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        antre = []
        for kode in todo:
            arsip, rekap, _ = pohon.dimuat  # loaded once, for the first unit to build
            kunci.hapus(stempel[kode])
            mulai = time.perf_counter()
            situs = halaman.Situs(arsip, rekap, kode, sejarah=sejarah, hari_ini=hari_ini, terhubung=tetangga,
                                  sunting=editor)
            _lapor(f"unit {kode}: menulis halaman {len(situs.pegawai)} pegawai")
            config, jumlah = tulis_docs(situs, stempel[kode].parent, induk, root)
            formulir.untuk_situs(pohon, kode, stempel[kode].parent / "docs", root)
            detik = time.perf_counter() - mulai
            _lapor(f"unit {kode}: {jumlah} halaman ditulis dalam {detik:.1f} detik; {engine} build berjalan")
            keys[kode] = kunci.units(umum, pohon, sejarah, out, [kode], {kode: situs.dibaca})[kode]
            antre.append((kode, situs, jumlah, detik, pool.submit(mesin.bangun, config, hari_ini, out / kode, engine)))
        for kode, situs, jumlah, detik, future in antre:
            detik_mkdocs = future.result()
            kunci.catat(stempel[kode], keys[kode], out / kode, situs.dibaca)
            _lapor(f"unit {kode}: situs selesai di {out / kode} ({engine} {detik_mkdocs:.1f} detik)")
            hasil.append(HasilUnit(kode, len(situs.pegawai), jumlah, detik, detik_mkdocs, out / kode))
    _tulis_akar(pohon, out)
    return hasil
