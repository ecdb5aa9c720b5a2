"""Shared by the benchmark scripts: writing their figures as JSON."""

from __future__ import annotations

import json
from pathlib import Path


def tulis_json(path: str | Path, figures: dict) -> None:
    """Write the figures to path (folders created), indented, for CI artefacts and notes."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
