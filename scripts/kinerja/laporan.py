"""Diagnostics and their text / json / github renderers."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostik:
    file: str  # relative to the repository root, with forward slashes
    line: int
    column: int
    code: str
    severity: str
    message: str
    hint: str | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        return {key: data[key] for key in ("code", "severity", "file", "line", "column", "message", "hint")}


def urutkan(diagnostik) -> list[Diagnostik]:
    """Sorted by file, line, column, code; duplicates removed."""
    return sorted(set(diagnostik))


def ringkasan(diagnostik: list[Diagnostik]) -> tuple[int, int]:
    errors = sum(1 for d in diagnostik if d.severity == ERROR)
    return errors, len(diagnostik) - errors


def render_text(diagnostik: list[Diagnostik], jumlah_berkas: int) -> str:
    lines = []
    for d in diagnostik:
        lines.append(f"{d.file}:{d.line}:{d.column}: {d.severity} {d.code}: {d.message}")
        if d.hint:
            lines.append(f"    saran: {d.hint}")
    errors, warnings = ringkasan(diagnostik)
    if errors or warnings:
        lines.append(f"{jumlah_berkas} berkas diperiksa: {errors} galat, {warnings} peringatan.")
    else:
        lines.append(f"{jumlah_berkas} berkas diperiksa: semua rekaman sah.")
    return "\n".join(lines) + "\n"


def render_json(diagnostik: list[Diagnostik], jumlah_berkas: int) -> str:
    return json.dumps([d.as_dict() for d in diagnostik], ensure_ascii=False, indent=2) + "\n"


def _github_escape(text: str, *, property_: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(diagnostik: list[Diagnostik], jumlah_berkas: int) -> str:
    """Workflow commands that GitHub Actions turns into annotations on the diff."""
    lines = []
    for d in diagnostik:
        message = d.message + (f" Saran: {d.hint}" if d.hint else "")
        props = (f"file={_github_escape(d.file, property_=True)},line={d.line},col={d.column},"
                 f"title={_github_escape(d.code, property_=True)}")
        lines.append(f"::{d.severity} {props}::{_github_escape(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


RENDERERS = {"text": render_text, "json": render_json, "github": render_github}
