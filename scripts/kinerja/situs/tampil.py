"""How values look on the site: escaping of record text, dates, NIPs, numbers and labels.

Record text goes into Markdown files that MkDocs renders, so it must be inert in both
languages: `teks` escapes HTML and writes every character Markdown (or a Markdown extension)
could read as syntax as a numeric character reference. The result is the same text in the
browser, wherever it lands: a raw HTML block, a Markdown paragraph or an attribute value.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from urllib.parse import urlsplit

from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup

from kinerja import aturan
from kinerja.jenis import KODE

# Characters written as references: HTML's five, line breaks (kept as text; CSS shows them),
# and ASCII punctuation with a meaning in Markdown or its usual extensions. Other controls
# (the loader refuses them; a value from elsewhere may not) become U+FFFD, never raw bytes.
_REFERENSI = {c: "\ufffd" for c in [*range(0x20), *range(0x7f, 0xa0)] if chr(c) != "\t"}
_REFERENSI.update({ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()#+-!|~^=:$@<>&\"'\n"})
_REFERENSI[ord("\r")] = ""
# Codes (ids, periods, unit codes: common.schema.json's pattern) are inert as they are and stay
# literal, so an anchor reads the same to every engine's link checker (`#skp-2025-rhk-3`, never
# `rhk&#45;3`, which Zensical does not decode inside href).


def teks(value: object) -> Markup:
    """Record text (or any value) made inert for Markdown and HTML."""
    if isinstance(value, Markup):
        return value
    text = str(value)
    return Markup(text if KODE.fullmatch(text) else text.translate(_REFERENSI))


def html(value: object) -> str:
    """HTML escaping only, for places that are HTML but never Markdown (mkdocs.yml, root page)."""
    return str(Markup.escape(str(value)))


def tanggal(day: date | None) -> str:
    """'5 Januari 2026'."""
    return format_date(day, format="d MMMM y", locale="id") if day else "-"


def nip(value: str) -> str:
    """'19920314 201903 2 001' for an 18-digit NIP (or NI PPPK); anything else unchanged."""
    if len(value) == 18 and value.isdigit():
        return f"{value[:8]} {value[8:14]} {value[14]} {value[15:]}"
    return value


def nip_utuh(value: str) -> Markup:
    """A NIP as `nip` shows it, in an element that never wraps (kinerja.css `.kinerja-nip`)."""
    return Markup('<span class="kinerja-nip">%s</span>') % teks(nip(value))


def angka(value: object) -> str:
    """A number as written in Indonesian ('1.234,5'); text unchanged."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, Fraction)):
        return str(value)
    if isinstance(value, Fraction):
        return aturan.format_angka(value)
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return format_decimal(exact, locale="id", decimal_quantization=False)


def target(value: object) -> str:
    """An IKI target: '4 modul', '90–100 persen', or the narrative of a kualitatif target."""
    if isinstance(value, dict):
        satuan = value.get("satuan") or ""
        if "nilai" in value:
            return f"{angka(value['nilai'])} {satuan}".strip()
        return f"{angka(value.get('min'))}–{angka(value.get('maks'))} {satuan}".strip()
    return str(value)


def realisasi(nilai: object, target_iki: object) -> str:
    """A realisation with the unit of its indicator's target ('140 dokumen'); a narrative unchanged."""
    satuan = target_iki.get("satuan") if isinstance(target_iki, dict) else None
    if satuan and not isinstance(nilai, (str, bool)):
        return f"{angka(nilai)} {satuan}"
    return angka(nilai)


def persen(ratio: Fraction | None) -> str:
    """An advisory capaian ratio as '96,9%'; '-' when there is none."""
    return "-" if ratio is None else aturan.format_angka(ratio * 100, 1) + "%"


def tautan_aman(url: object) -> bool:
    """Whether an evidence reference may become a link: http and https only."""
    if not isinstance(url, str):
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


# Where a displayed URL may wrap: after its separators, "//" kept whole.
_PEMISAH_URL = re.compile(r"(?<=[/?&=])(?![/?&=])")


def url_terpotong(url: str) -> Markup:
    """A URL as link text that wraps only after `/`, `?`, `&` or `=`: its pieces never wrap
    (kinerja.css `.kinerja-url`), with a `<wbr>` between them. Link text only, never an href."""
    return Markup("<wbr>").join(Markup("<span>%s</span>") % teks(bagian)
                                for bagian in _PEMISAH_URL.split(url) if bagian)


def _label(table: dict[str, str]):
    return lambda code: table.get(code, code) if code else "-"


LABEL = {
    "predikat": _label(aturan.PREDIKAT),
    "rating": _label(aturan.RATING),
    "organisasi": _label(aturan.PREDIKAT_ORGANISASI),
    "periode": _label(aturan.PERIODE),
    "jenis_jabatan": _label(aturan.JENIS_JABATAN),
    "jenis_asn": _label(aturan.JENIS_ASN),
    "jenjang": _label({k: j.label for k, j in aturan.JENJANG.items()}),
    "perilaku": _label({k: n.label for k, n in aturan.BERAKHLAK.items()}),
    "aspek": _label(aturan.ASPEK),
    "perspektif": _label(aturan.PERSPEKTIF),
    "pendekatan": _label(aturan.PENDEKATAN),
    "jenis_rhk": _label(aturan.JENIS_RHK),
    "umpan_balik": _label(aturan.JENIS_UMPAN_BALIK),
    "sumber": _label({"evaluasi": "penilaian pejabat penilai",
                      "organisasi": "predikat kinerja organisasi (pimpinan unit)",
                      "keberatan": "keputusan atas keberatan"}),
    "status_skp": _label(aturan.STATUS_SKP),
    "status_evaluasi": _label(aturan.STATUS_EVALUASI),
}

_ROMAWI = {"tw1": "I", "tw2": "II", "tw3": "III", "tw4": "IV"}


def periode_dokumen(periode: str, tahun: int) -> str:
    """The PERIODE line of the printed evaluation: 'TRIWULAN I', 'BULAN JANUARI', or 'TAHUN 2026'."""
    if periode in _ROMAWI:
        return f"TRIWULAN {_ROMAWI[periode]}"
    if periode == "tahunan":
        return f"TAHUN {tahun}"
    return f"BULAN {aturan.PERIODE[periode].upper()}"


_URUTAN = {2: "kedua", 3: "ketiga", 4: "keempat", 5: "kelima", 6: "keenam", 7: "ketujuh", 8: "kedelapan",
           9: "kesembilan"}


def judul_skp(folder: str) -> str:
    """An SKP by its folder, as people say it: 'SKP 2025', 'SKP kedua 2025' for '2025-2'."""
    tahun, _, n = folder.partition("-")
    if not n:
        return f"SKP {tahun}"
    return f"SKP {_URUTAN.get(int(n), f'ke-{n}')} {tahun}"
