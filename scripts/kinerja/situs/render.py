"""Writes a unit's docs folder: generated Markdown pages (Jinja2 templates of the package),
the site's own assets, and the repository's hand-written pages from site/.

Records are data handed to templates, never template source. Every value a template
prints goes through `tampil.teks` (inert for Markdown and HTML) unless it is already
Markup built from codes (ids, URLs checked by `_url`, the SVG chart).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2
from markupsafe import Markup

from kinerja import aturan
from kinerja.galat import GalatPemakaian
from kinerja.situs import tampil
from kinerja.situs.halaman import Halaman
from kinerja.situs.sunting import TautanSunting

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
SITUS_BAWAAN = Path(__file__).resolve().parent / "halaman-bawaan"  # the guides in site/, as package data
FOLDER_ASET = "assets/kinerja"  # under docs/
_URL = re.compile(r"(\.\./)*[a-z0-9][a-z0-9/#-]*|(\.\./)*|\./")


def _finalize(value: object) -> object:
    if value is None:
        return ""
    return tampil.teks(value)


@jinja2.pass_context
def _url(ctx, path: str) -> Markup:
    """A site path ('pegawai/<nip>/#skp-2026') relative to the page being rendered."""
    full = ctx["akar"] + path or "./"
    if not _URL.fullmatch(full):
        raise ValueError(f"URL tidak aman: {full!r}")
    return Markup(full)


def lingkungan() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, finalize=_finalize,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters.update({
        "tanggal": tampil.tanggal, "nip": tampil.nip_utuh, "angka": tampil.angka, "target": tampil.target,
        "persen": tampil.persen, "url": _url, "periode_dokumen": tampil.periode_dokumen,
        "judul_skp": tampil.judul_skp, "url_terpotong": tampil.url_terpotong,
        "realisasi": tampil.realisasi,
    })
    env.globals.update({
        "label": tampil.LABEL,
        "urutan_predikat": {kode: i for i, kode in enumerate(aturan.PREDIKAT)},
        "persen_angka_kredit": aturan.PERSEN_ANGKA_KREDIT,
        "koefisien": {kode: float(j.koefisien) for kode, j in aturan.JENJANG.items()},
    })
    return env


def akar(path: str) -> str:
    """The way up from a page's URL to the site root (pages use directory URLs)."""
    parts = path.removesuffix(".md").split("/")
    depth = len(parts) - 1 if parts[-1] == "index" else len(parts)
    return "../" * depth


@functools.cache
def _ekor_sunting() -> jinja2.Template:
    """The edit link appended to a hand-written page (the templates' own macro)."""
    return lingkungan().from_string('{% import "_makro.html" as m %}<p>{{ m.sunting(t) }}</p>')


def tulis_halaman(env: jinja2.Environment, docs: Path, pages: Iterable[Halaman]) -> int:
    """Render every page into docs; return how many were written."""
    n = 0
    cache: dict[str, jinja2.Template] = {}
    for page in pages:
        template = cache.get(page.template) or cache.setdefault(page.template, env.get_template(page.template))
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.render(page.konteks, akar=akar(page.path)), encoding="utf-8")
        n += 1
    return n


def salin_aset(docs: Path) -> list[str]:
    """Copy the package's CSS and JS into docs; return their paths for extra_css/extra_javascript."""
    target = docs / FOLDER_ASET
    shutil.copytree(ASSETS, target, dirs_exist_ok=True)
    return sorted(f"{FOLDER_ASET}/{p.name}" for p in ASSETS.iterdir() if p.is_file())


def _berkas_situs(sumber: Path) -> list[Path]:
    """The regular files under sumber, without following symbolic links: a link (to a file or a
    folder) is left out with a warning, so a link to a record cannot publish it."""
    found = []
    for folder, dirs, files in os.walk(sumber):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            if path.is_symlink():
                print(f"kinerja: peringatan: {sumber.name}/{path.relative_to(sumber).as_posix()} adalah tautan "
                      "simbolik; tidak disalin ke situs.", file=sys.stderr)
            elif name in files and path.is_file():
                found.append(path)
    return sorted(found)


def salin_situs(sumber: Path, docs: Path, lewati: Path | None,
                sunting: Callable[[str], TautanSunting | None] | None = None) -> list[str]:
    """Copy the repository's hand-written pages (site/) into docs, except the theme
    overrides folder; generated pages keep their paths. Return the Markdown pages copied.
    sunting: the edit link of a page (by its path under site/), added at its end."""
    pages = []
    if not sumber.is_dir():
        return pages
    for path in _berkas_situs(sumber):
        if lewati is not None and path.is_relative_to(lewati):
            continue
        rel = path.relative_to(sumber).as_posix()
        target = docs / rel
        if target.exists():
            raise GalatPemakaian(f"halaman tulisan tangan site/{rel} bertabrakan dengan halaman yang dibangkitkan; "
                                 "ganti nama berkasnya.")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target, follow_symlinks=False)
        if rel.endswith(".md"):
            pages.append(rel)
            tautan = sunting(rel) if sunting else None
            if tautan is not None:
                with open(target, "a", encoding="utf-8") as f:
                    f.write(f"\n\n{_ekor_sunting().render(t=tautan)}\n")
    return pages


def tulis_akar(out: Path, units: list[dict]) -> None:
    """The small root page linking every unit site in out."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    (out / "index.html").write_text(env.get_template("akar.html").render(units=units), encoding="utf-8")
