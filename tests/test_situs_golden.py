"""Golden files: the Markdown generated for the demo units, byte for byte.

Per demo unit: its own pages (Beranda, Pegawai, Matriks peran hasil, Tim kerja) and every page of the
employees whose records exercise a special case (see CONTOH). The pages are generated with
a fixed day (the demo's "today"), every demo unit's site beside it (cross-unit links), edit
links to a GitHub repository and without Git history, so they depend on the records and
the templates only. After an intended change, regenerate with
`KINERJA_GOLDEN=1 pytest tests/test_situs_golden.py` and review the diff of tests/golden/.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from kinerja import pemeriksaan
from kinerja.situs import halaman, render
from kinerja.situs.sunting import Sunting

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "records"
GOLDEN = Path(__file__).parent / "golden" / "situs"
HARI_INI = date(2026, 11, 29)
UNITS = sorted(p.name for p in DEMO.iterdir() if (p / "unit.yaml").is_file())
SUNTING = Sunting("https://github.com/contoh/kinerja/edit/main/", "GitHub")  # edit links, as a GitHub origin gives
PERBARUI = os.environ.get("KINERJA_GOLDEN") == "1"
CONTOH = {
    "197810302002121004": "unit head: results rating from the organisation rating",
    "199208302019032004": "objection to the 2025 annual evaluation, decided",
    "199507212021011006": "transferred mid-2025 (SKP 2025 and 2025-2), functional staff with credit points",
    "199003082024211004": "has a confidential counselling note",
    "199406142020012002": "functional staff with credit points; SKP 2025 set after the deadline",
    "198809192011042001": "team member with feedback from the team lead (a colleague of the unit)",
    "198102272006031002": "member of two teams (one joined mid-year), feedback from a lead in another unit",
}


def _dipilih(page: halaman.Halaman) -> bool:
    return not page.path.startswith("pegawai/") or page.path == "pegawai/index.md" or \
        page.path.split("/")[1] in CONTOH


@pytest.fixture(scope="module")
def demo():
    model, hasil, diagnostik = pemeriksaan.muat_semua(DEMO)
    assert not [d for d in diagnostik if d.severity == "error"]
    return model, hasil


@pytest.mark.parametrize("unit", UNITS)
def test_generated_markdown_matches_the_golden_files(demo, unit, tmp_path):
    model, hasil = demo
    situs = halaman.Situs(model, hasil, unit, sejarah={}, hari_ini=HARI_INI, terhubung=dict.fromkeys(UNITS, True),
                          sunting=SUNTING)
    render.tulis_halaman(render.lingkungan(), tmp_path, filter(_dipilih, halaman.semua_halaman(situs)))
    golden = GOLDEN / unit
    if PERBARUI:
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(tmp_path, golden)
    made = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md"))
    expected = sorted(p.relative_to(golden).as_posix() for p in golden.rglob("*.md"))
    assert made == expected, "pages added or removed: regenerate with KINERJA_GOLDEN=1 and review"
    for rel in made:
        assert (tmp_path / rel).read_text(encoding="utf-8") == (golden / rel).read_text(encoding="utf-8"), \
            f"{unit}/{rel} differs from the golden file: regenerate with KINERJA_GOLDEN=1 and review the diff"
