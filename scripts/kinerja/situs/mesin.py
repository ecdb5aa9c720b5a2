"""Runs the site engine for one unit in its own process (nothing of ours runs inside it, so the
engine is swappable): MkDocs (the default), ProperDocs (a MkDocs 1.6 fork) or Zensical, each
reading the same per-unit mkdocs.yml. The engine writes into the work folder's `site/` and the
result is moved into place, so a failed build leaves the last good site untouched."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

from kinerja.galat import GalatPemakaian, GalatSitus
from kinerja.situs import konfigurasi

# engine -> (module run with `python -m`, its build arguments, the extra that installs it)
MESIN = {
    "mkdocs": ("mkdocs", ["build", "--strict", "--clean"], None),
    "properdocs": ("properdocs", ["build", "--strict", "--clean"], "properdocs"),
    "zensical": ("zensical", ["build", "--strict", "--clean"], "zensical"),
}
BAWAAN = "mkdocs"
_WARNA = re.compile(r"\x1b\[[0-9;]*m")


class SitusGagal(GalatSitus):
    """A unit's site could not be built; the message says which and why."""


class MesinTidakAda(GalatPemakaian):
    """The engine asked for is unknown or not installed (a usage error)."""


def tersedia(mesin: str) -> bool:
    """Whether the engine's package is installed in this Python."""
    return importlib.util.find_spec(MESIN[mesin][0]) is not None


def periksa(mesin: str) -> None:
    """Refuse an unknown or missing engine before anything is built."""
    if mesin not in MESIN:
        raise MesinTidakAda(f"mesin situs '{mesin}' tidak dikenal; pilih {', '.join(MESIN)}.")
    if not tersedia(mesin):
        raise MesinTidakAda(f"mesin situs '{mesin}' belum terpasang: pip install 'kinerja[{MESIN[mesin][2]}]'.")


def _rincian(done: subprocess.CompletedProcess) -> str:
    lines = [_WARNA.sub("", line).strip() for line in (done.stderr + done.stdout).splitlines()]
    lines = [line for line in lines if line.startswith(("WARNING", "ERROR", "Error", "Warning", "Aborted", "╭"))
             or "Error" in line]
    return "; ".join(lines[-5:]) or f"kode keluar {done.returncode}"


def bangun(config: Path, hari_ini: date, tujuan: Path, mesin: str = BAWAAN) -> float:
    """Build the site of one per-unit configuration with the engine (strict: any warning fails
    it) and move it to tujuan; return the seconds it took. The engine dates the build (the
    sitemap) hari_ini, not the clock, so the site is the same whenever it is built from the
    same inputs."""
    modul, perintah, _ = MESIN[mesin]
    epoch = int(datetime(hari_ini.year, hari_ini.month, hari_ini.day, tzinfo=timezone.utc).timestamp())
    site = config.parent / konfigurasi.SITE_DIR
    shutil.rmtree(site, ignore_errors=True)
    mulai = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", modul, *perintah, "--config-file", str(config)],
        cwd=config.parent, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_COLOR": "1",
             "SOURCE_DATE_EPOCH": str(epoch)},
    )
    if done.returncode != 0 or not site.is_dir():
        raise SitusGagal(f"{mesin} build gagal untuk {config}: {_rincian(done)}")
    shutil.rmtree(tujuan, ignore_errors=True)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(site, tujuan)
    return time.perf_counter() - mulai
