"""Runs `mkdocs build` for one unit in its own process (the build engine stays swappable:
nothing of ours runs inside MkDocs)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

from kinerja.galat import GalatSitus


class SitusGagal(GalatSitus):
    """A unit's site could not be built; the message says which and why."""


def mkdocs_build(config: Path, hari_ini: date) -> float:
    """Build the site of one per-unit configuration (strict: any warning fails it); return
    the seconds it took. MkDocs dates the build (the sitemap) hari_ini, not the clock, so
    the site is the same whenever it is built from the same inputs."""
    epoch = int(datetime(hari_ini.year, hari_ini.month, hari_ini.day, tzinfo=timezone.utc).timestamp())
    mulai = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--config-file", str(config)],
        cwd=config.parent, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
             "SOURCE_DATE_EPOCH": str(epoch)},
    )
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines()
                 if line.startswith(("WARNING", "ERROR", "Error", "Aborted")) or "Error" in line]
        detail = "; ".join(lines[-5:]) or f"kode keluar {done.returncode}"
        raise SitusGagal(f"mkdocs build gagal untuk {config}: {detail}")
    return time.perf_counter() - mulai
