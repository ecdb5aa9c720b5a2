"""The unit sites: records -> Markdown pages (Jinja2 templates) and SVG charts in
build/<unit>/docs with a per-unit mkdocs.yml, then the site engine's build per unit.

Modules: halaman (what each page shows), publik (the publishable fields of records that
page contexts carry), tampil (escaping and display of values), svg
(charts), render (templates to files), konfigurasi (per-unit mkdocs.yml), mesin (the
engine process: MkDocs, ProperDocs or Zensical), kunci (build keys and stamps: unchanged
units are skipped), pembangun (the whole build), sajian (local server).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kinerja.pemeriksaan import Pohon
    from kinerja.situs.pembangun import HasilUnit, KeluaranTidakSah, bangun

__all__ = ["HasilUnit", "KeluaranTidakSah", "bangun", "sajikan"]

FOLDER_SAJIAN = Path("build/site")


def __getattr__(name: str):
    """The build's names, imported on first use: commands that only need `tampil` (the pull
    request summary, --changed-since) do not load the site engine's modules at start-up."""
    if name in ("HasilUnit", "KeluaranTidakSah", "bangun"):
        from kinerja.situs import pembangun
        return getattr(pembangun, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def sajikan(pohon: Pohon, *, unit: str, port: int) -> None:
    """Build one unit into build/site/<unit>/ (unless unchanged) and serve it on 127.0.0.1
    until interrupted."""
    from kinerja.situs.pembangun import bangun
    from kinerja.situs.sajian import sajikan_folder

    bangun(pohon, out=FOLDER_SAJIAN, units=[unit])
    sajikan_folder(FOLDER_SAJIAN / unit, port)
