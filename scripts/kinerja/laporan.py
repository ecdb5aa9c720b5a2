"""Diagnostics and their text / json / github renderers."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"

# What must not reach a terminal or a line-based format as itself: C0 and C1 controls (escape
# sequences, line breaks, tab), line and paragraph separators, invisible and bidirectional formatting.
_TAK_TAMPAK = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_NAMA_ESCAPE = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    ch = match.group()
    return _NAMA_ESCAPE.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def satu_baris(text: object) -> str:
    """Text as one inert line: every character above written as a visible escape (\\n, \\x1b,
    \\u202e), so record text can neither start a line of its own nor drive the terminal."""
    return _TAK_TAMPAK.sub(_escape, str(text))


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
        lines.append(f"{satu_baris(d.file)}:{d.line}:{d.column}: {d.severity} {d.code}: {satu_baris(d.message)}")
        if d.hint:
            lines.append(f"    saran: {satu_baris(d.hint)}")
    errors, warnings = ringkasan(diagnostik)
    if errors or warnings:
        lines.append(f"{jumlah_berkas} berkas diperiksa: {errors} galat, {warnings} peringatan.")
    else:
        lines.append(f"{jumlah_berkas} berkas diperiksa: semua rekaman sah.")
    return "\n".join(lines) + "\n"


def render_json(diagnostik: list[Diagnostik], jumlah_berkas: int) -> str:
    return json.dumps([d.as_dict() for d in diagnostik], ensure_ascii=False, indent=2) + "\n"


def _github_escape(text: str, *, property_: bool = False) -> str:
    """A workflow command's data (property_: a property value) escaped by GitHub's rules. The
    text is first made one line, so GitHub's %0D and %0A are never needed; '%' must still be
    %25 (a literal "%0A" would become a line break)."""
    text = satu_baris(text).replace("%", "%25")
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
