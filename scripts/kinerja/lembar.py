"""Rows to an XLSX workbook: one worksheet per list of rows, written row by row.

XlsxWriter in constant-memory mode: rows stream to disk, so 10,000 employees cost no more
memory than 10. Cells keep their types: text stays text (a NIP never becomes a number in
scientific notation), dates are dates, numbers are numbers. Each sheet has a frozen header
row, a filter and columns as wide as their longest value (up to a limit).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

from kinerja.tabel import Kolom

LEBAR_MAKS = 60  # characters; longer texts wrap in the cell


@dataclass(frozen=True)
class Lembar:
    nama: str  # worksheet name
    kolom: tuple[Kolom, ...]  # headers are the labels
    baris: Iterable[dict]


def _nilai(value):
    """A cell value: lists become one line per item; everything else keeps its type."""
    if isinstance(value, (list, tuple)):
        return "\n".join(str(v) for v in value)
    return value


def _lebar(value) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).split("\n")), default=0)


def _tulis_lembar(book, lembar: Lembar, fmt) -> None:
    sheet = book.add_worksheet(lembar.nama)
    widths = [len(k.label) for k in lembar.kolom]
    sheet.write_row(0, 0, [k.label for k in lembar.kolom], fmt["kepala"])
    n = 0
    for n, row in enumerate(lembar.baris, start=1):
        for c, k in enumerate(lembar.kolom):
            value = _nilai(row[k.key])
            widths[c] = max(widths[c], _lebar(value))
            if isinstance(value, str):
                sheet.write_string(n, c, value, fmt["teks"] if "\n" in value else None)
            elif isinstance(value, (date, datetime)):
                sheet.write_datetime(n, c, value, fmt["tanggal"])
            elif value is not None:
                sheet.write(n, c, value)
    for c, width in enumerate(widths):
        sheet.set_column(c, c, min(width, LEBAR_MAKS) + 2)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(n, 1), len(lembar.kolom) - 1)


def tulis_xlsx(path: Path, daftar: Iterable[Lembar], dibuat: datetime) -> None:
    """Write the sheets, in order, to path; `dibuat` is the workbook's creation time, so the
    same records give the same file."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": dibuat})
    fmt = {"kepala": book.add_format({"bold": True}), "tanggal": book.add_format({"num_format": "yyyy-mm-dd"}),
           "teks": book.add_format({"text_wrap": True})}
    for lembar in daftar:
        _tulis_lembar(book, lembar, fmt)
    book.close()
