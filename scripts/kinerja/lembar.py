"""Rows to an XLSX workbook: one worksheet per list of rows, written row by row.

XlsxWriter in constant-memory mode: rows stream to disk, so 10,000 employees cost no more
memory than 10. Cells keep their types: text stays text (a NIP never becomes a number in
scientific notation), dates are dates, numbers are numbers. Each sheet has a frozen header
row, a filter and columns as wide as their longest value (up to a limit).

XlsxWriter writes the workbook (styles, sheet settings, the package); the data rows, about
five million cells at ministry scale, are serialised here, one string per row, straight into
the worksheet's row file in exactly the XML its own cell writer produces (inline strings,
`.16G` numbers, date serials from its converter). Its per-cell path costs ~15 µs a cell;
this path a fraction of that (`tests/test_keluaran.py` holds its bytes to XlsxWriter's).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import _preserve_whitespace, _utf16_len, _utf16_truncate, xl_col_to_name
from xlsxwriter.xmlwriter import XMLwriter

from kinerja.tabel import Kolom

LEBAR_MAKS = 60  # characters; longer texts wrap in the cell
# Texts that need XlsxWriter's escaping (control characters, its _xHHHH_ escape, XML markup) or
# the whitespace-preserving attribute (leading or trailing whitespace)
_KHUSUS = re.compile(r"[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]|_x|^\s|\s\Z")
_PANJANG_AMAN = 32767 // 2  # shorter strings are within Excel's limit without counting UTF-16 units


@dataclass(frozen=True)
class Lembar:
    nama: str  # worksheet name
    kolom: tuple[Kolom, ...]  # headers are the labels
    baris: Iterable[dict]


class _Gaya:
    """A cell format's ` s="N"` attribute, its index taken when first used (as XlsxWriter does)."""

    def __init__(self, fmt) -> None:
        self.fmt = fmt
        self._attr: str | None = None

    @property
    def attr(self) -> str:
        if self._attr is None:
            self._attr = f' s="{self.fmt._get_xf_index()}"'
        return self._attr


def _teks_xml(sheet, text: str) -> str:
    """The <is> body of an inline string cell with XlsxWriter's escaping, truncation and
    whitespace attribute (the rare texts that need them)."""
    if len(text) > _PANJANG_AMAN and _utf16_len(text) > sheet.xls_strmax:
        text = _utf16_truncate(text, sheet.xls_strmax)
    text = XMLwriter._escape_control_characters(text)
    space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
    return f"<is><t{space}>{sheet._escape_data(text)}</t></is>"


class _Penulis:
    """The data rows of one worksheet as XML, and the widths their values need."""

    def __init__(self, sheet, fmt: dict, kolom: tuple[Kolom, ...], serial: dict) -> None:
        self.sheet = sheet
        self.huruf = [xl_col_to_name(c) for c in range(len(kolom))]
        self.widths = [len(k.label) for k in kolom]
        self.tanggal = fmt["tanggal"]
        self.teks = fmt["teks"]
        self.serial = serial  # date -> Excel serial, shared by the workbook's sheets
        self.jenis: dict[type, Callable[[int, str, Any], str]] = {
            str: self._str, int: self._angka, float: self._angka, bool: self._boolean, date: self._tanggal,
            datetime: self._tanggal, list: self._daftar, tuple: self._daftar}

    def _lebar_teks(self, c: int, text: str) -> None:
        if len(text) > self.widths[c]:
            longest = max(len(line) for line in text.split("\n")) if "\n" in text else len(text)
            self.widths[c] = max(self.widths[c], longest)

    def _str(self, c: int, ref: str, text: str) -> str:
        if len(text) > self.widths[c]:
            self._lebar_teks(c, text)
        gaya = self.teks.attr if "\n" in text else ""
        if len(text) > _PANJANG_AMAN or _KHUSUS.search(text):
            return f'<c r="{ref}"{gaya} t="inlineStr">{_teks_xml(self.sheet, text)}</c>'
        return f'<c r="{ref}"{gaya} t="inlineStr"><is><t>{text}</t></is></c>'

    def _daftar(self, c: int, ref: str, value) -> str:
        return self._str(c, ref, "\n".join(str(v) for v in value))

    def _angka(self, c: int, ref: str, value) -> str:
        self._lebar_teks(c, str(value))
        return f'<c r="{ref}"><v>{value:.16G}</v></c>'

    def _boolean(self, c: int, ref: str, value: bool) -> str:
        self._lebar_teks(c, str(value))
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'

    def _tanggal(self, c: int, ref: str, value: date) -> str:
        self.widths[c] = max(self.widths[c], 10)
        number = self.serial.get(value)
        if number is None:
            number = self.serial[value] = self.sheet._convert_date_time(value)
        return f'<c r="{ref}"{self.tanggal.attr}><v>{number:.16G}</v></c>'

    def _lain(self, c: int, ref: str, value) -> str:
        """Any other type, as XlsxWriter's write() takes it: a number if it converts, else text."""
        if isinstance(value, str):
            return self._str(c, ref, str(value))
        if isinstance(value, date):
            return self._tanggal(c, ref, value)
        if isinstance(value, Decimal):
            return self._angka(c, ref, value)
        try:
            number = float(value)
        except (TypeError, ValueError):
            return self._str(c, ref, str(value))
        self._lebar_teks(c, str(value))
        return f'<c r="{ref}"><v>{number:.16G}</v></c>'

    def baris(self, n: int, values: tuple) -> str:
        """The <row> element of sheet row n (0-based); empty when every value is None."""
        r = str(n + 1)
        widths, huruf, cells = self.widths, self.huruf, []
        for c, v in enumerate(values):
            if v is None:
                continue
            if type(v) is str and "\n" not in v and len(v) <= _PANJANG_AMAN and not _KHUSUS.search(v):
                # most cells: one-line text needing neither escapes nor a format (the body of _str)
                if len(v) > widths[c]:
                    widths[c] = len(v)
                cells.append(f'<c r="{huruf[c]}{r}" t="inlineStr"><is><t>{v}</t></is></c>')
            else:
                cells.append(self.jenis.get(type(v), self._lain)(c, huruf[c] + r, v))
        return f'<row r="{r}">{"".join(cells)}</row>' if cells else ""


def _tulis_lembar(book, lembar: Lembar, fmt: dict, serial: dict) -> None:
    sheet = book.add_worksheet(lembar.nama)
    ncol = len(lembar.kolom)
    sheet.write_row(0, 0, [k.label for k in lembar.kolom], fmt["kepala"].fmt)
    sheet._write_single_row(1)  # the header row goes out; data rows follow in the row file
    penulis = _Penulis(sheet, fmt, lembar.kolom, serial)
    ambil = itemgetter(*(k.key for k in lembar.kolom))
    n = terakhir = 0
    for n, row in enumerate(lembar.baris, start=1):
        values = ambil(row) if ncol > 1 else (ambil(row),)
        xml = penulis.baris(n, values)
        if xml:
            sheet.fh.write(xml)
            terakhir = n
    sheet._check_dimensions(terakhir, ncol - 1)
    sheet.previous_row = terakhir + 1
    for c, width in enumerate(penulis.widths):
        sheet.set_column(c, c, min(width, LEBAR_MAKS) + 2)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(n, 1), ncol - 1)


def tulis_xlsx(path: Path, daftar: Iterable[Lembar], dibuat: datetime) -> None:
    """Write the sheets, in order, to path; `dibuat` is the workbook's creation time, so the
    same records give the same file."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"created": dibuat})
    fmt = {"kepala": _Gaya(book.add_format({"bold": True})),
           "tanggal": _Gaya(book.add_format({"num_format": "yyyy-mm-dd"})),
           "teks": _Gaya(book.add_format({"text_wrap": True}))}
    serial: dict = {}
    for lembar in daftar:
        _tulis_lembar(book, lembar, fmt, serial)
    book.close()
