"""YAML 1.2 (core schema) loading with line marks and hard limits; atomic writing.

Records are parsed from the event stream of libyaml (PyYAML's C parser when present)
so that every value keeps its position and every YAML feature we refuse — duplicate
keys, anchors and aliases, tags — is caught at the exact place it appears.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from kinerja.galat import GalatRekaman

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.parser import Parser as _BaseParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _BaseParser):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _BaseParser.__init__(self)


MAKS_UKURAN = 1024 * 1024
MAKS_KEDALAMAN = 32

# YAML 1.2 core schema, plain scalars only (quoted scalars are always strings).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)\Z")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+\Z")
_INT8 = re.compile(r"^0o[0-7]+\Z")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)\Z")
NIP = re.compile(r"^[0-9]{18}\Z")  # also what an unquoted NIP looks like to YAML

# Characters refused in any text: the C0 and C1 controls, DEL, but tab and line feed. The
# reader already refuses them written raw; a double-quoted scalar can still spell them as
# escapes ("\e", "\x07", "\N"), so scalars are searched only when the text has a backslash.
_KENDALI = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PESAN_KEDALAMAN = f"Struktur bersarang terlalu dalam (lebih dari {MAKS_KEDALAMAN} tingkat)."

Path_ = tuple  # a path into the document: keys (str) and list indexes (int)


class YamlError(GalatRekaman):
    """A file that cannot be loaded; carries a stable code and a 1-based position."""

    def __init__(self, code: str, line: int, column: int, message: str, hint: str | None = None):
        super().__init__(message)
        self.code = code
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint


@dataclass
class Dokumen:
    """A loaded record: plain data plus the position of every key and value."""

    data: object
    nilai: dict = field(default_factory=dict)  # path -> (line, column) of the value
    kunci: dict = field(default_factory=dict)  # path -> (line, column) of the key naming it
    float_bulat: bool = False  # some plain scalar resolved to an integral float such as 2026.0

    def posisi_nilai(self, path: Path_) -> tuple[int, int]:
        """Position of the value at path, or of its nearest existing ancestor."""
        path = tuple(path)
        while path not in self.nilai and path:
            path = path[:-1]
        return self.nilai.get(path, (1, 1))

    def posisi_kunci(self, path: Path_) -> tuple[int, int]:
        path = tuple(path)
        return self.kunci.get(path) or self.posisi_nilai(path)


def resolve_plain(text: str):
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT10.match(text):
        return int(text, 10)
    if _INT8.match(text):
        return int(text[2:], 8)
    if _INT16.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


_PESAN_SINTAKS = (
    ("mapping values are not allowed", "tanda ':' tidak boleh ada di sini",
     "Jika teks berisi ': ', apit teksnya dengan tanda kutip."),
    ("could not find expected ':'", "tanda ':' yang diharapkan tidak ditemukan",
     "Setiap baris kunci ditulis 'kunci: nilai'; periksa tanda kutip yang belum ditutup."),
    ("cannot start any token", "karakter ini tidak boleh mengawali nilai",
     "Gunakan spasi untuk indentasi, bukan tab; apit teks yang diawali '@' atau '`' dengan tanda kutip."),
    ("did not find expected key", "kunci yang diharapkan tidak ditemukan",
     "Periksa indentasi: kunci yang sejajar harus dimulai pada kolom yang sama."),
    ("did not find expected '-' indicator", "tanda '-' daftar yang diharapkan tidak ditemukan",
     "Periksa indentasi butir daftar."),
    ("did not find expected node content", "nilai yang diharapkan tidak ditemukan", None),
    ("found unexpected end of stream", "berkas berakhir sebelum waktunya",
     "Periksa tanda kutip atau kurung yang belum ditutup."),
    ("found unknown escape character", "urutan escape '\\' tidak dikenal",
     "Dalam tanda kutip ganda tulis '\\\\' untuk garis miring terbalik, atau pakai tanda kutip tunggal."),
    ("control characters are not allowed", "berkas berisi karakter kontrol yang tidak diizinkan", None),
    ("expected <document start>", "berkas berisi lebih dari satu nilai teratas",
     "Sebuah rekaman berisi satu pemetaan 'kunci: nilai'."),
    ("found a tab character", "karakter tab tidak boleh dipakai untuk indentasi", "Gunakan spasi."),
    ("found undefined tag handle", "tag YAML tidak diizinkan", None),
    ("did not find expected ',' or ']'", "daftar '[ ... ]' belum ditutup atau tanda ',' di antara butirnya hilang",
     "Tutup daftar dengan ']' dan pisahkan butirnya dengan ', '."),
    ("did not find expected ',' or '}'", "pemetaan '{ ... }' belum ditutup atau tanda ',' di antara isinya hilang",
     "Tutup pemetaan dengan '}' dan pisahkan pasangannya dengan ', '."),
    ("directive", "baris yang diawali '%' bukan bagian dari rekaman",
     "Hapus baris itu; jika nilai diawali '%', apit dengan tanda kutip."),
    ("incompatible YAML document", "versi YAML tidak didukung", "Hapus baris '%YAML'."),
)


def _pesan_sintaks(problem: str) -> tuple[str, str | None]:
    for english, pesan, hint in _PESAN_SINTAKS:
        if english in problem:
            return f"Sintaks YAML tidak sah: {pesan}.", hint
    return f"Sintaks YAML tidak sah ({problem}).", None


def _posisi_byte(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(before[start:].decode("utf-8", "replace")) + 1
    return line, column


def decode(raw: bytes) -> str:
    """UTF-8 text of a record (a byte-order mark is accepted), or a positioned error."""
    if len(raw) > MAKS_UKURAN:
        raise YamlError("K105", 1, 1, f"Berkas terlalu besar ({len(raw):,} bita); batasnya 1 MiB.".replace(",", "."),
                        "Pecah isinya menjadi beberapa rekaman atau pindahkan lampiran besar ke tautan bukti.")
    body = raw.removeprefix(codecs.BOM_UTF8)  # positions count from after the mark, as editors show them
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _posisi_byte(body, exc.start)
        raise YamlError("K107", line, column, "Berkas bukan teks UTF-8 yang sah.",
                        "Simpan ulang berkas dengan pengodean UTF-8.") from None


class _Pembaca:
    """Builds plain data from parser events, recording marks and refusing what we forbid."""

    def __init__(self, text: str, posisi: bool):
        self.parser = _Parser(text)
        self.dok = Dokumen(None)
        self.posisi = posisi  # record marks (and build the paths they are keyed by)
        self.escape = "\\" in text  # only an escape in a double-quoted scalar can write a control character

    def muat(self) -> Dokumen:
        parser = self.parser
        parser.get_event()  # StreamStart
        if parser.check_event(yaml.StreamEndEvent):
            raise YamlError("K110", 1, 1, "Berkas kosong.", "Isi rekaman sesuai contoh di panduan.")
        parser.get_event()  # DocumentStart
        self.dok.data = self._node((), 0)
        parser.get_event()  # DocumentEnd
        if not parser.check_event(yaml.StreamEndEvent):
            self._tolak(self._berikut(), "K110", "Berkas berisi lebih dari satu dokumen YAML.",
                        "Hapus baris '---' tambahan: satu berkas, satu rekaman.")
        return self.dok

    def _berikut(self) -> Any:
        """The next parser event (there always is one before the stream's end, which is checked)."""
        event = self.parser.get_event()
        assert event is not None
        return event

    @staticmethod
    def _tanda(event) -> tuple[int, int]:
        """The 1-based line and column where an event starts."""
        return event.start_mark.line + 1, event.start_mark.column + 1

    @classmethod
    def _tolak(cls, event, code: str, message: str, hint: str | None = None) -> NoReturn:
        raise YamlError(code, *cls._tanda(event), message, hint)

    def _periksa(self, event, depth: int):
        if isinstance(event, yaml.AliasEvent):
            self._tolak(event, "K103", f"Alias YAML '*{event.anchor}' tidak diizinkan.",
                        "Tulis nilainya lengkap; setiap rekaman harus terbaca tanpa rujukan internal.")
        if event.anchor is not None:
            self._tolak(event, "K103", f"Jangkar YAML '&{event.anchor}' tidak diizinkan.",
                        "Hapus jangkar dan tulis nilainya lengkap.")
        if event.tag is not None and not (isinstance(event, yaml.ScalarEvent) and event.tag == "!"):
            self._tolak(event, "K104", f"Tag YAML '{event.tag}' tidak diizinkan.",
                        "Hapus tag; jika nilai harus teks, apit dengan tanda kutip.")
        if depth > MAKS_KEDALAMAN:
            self._tolak(event, "K106", _PESAN_KEDALAMAN)
        if self.escape and isinstance(event, yaml.ScalarEvent):
            found = _KENDALI.search(event.value)
            if found:
                kode = f"U+{ord(found.group()):04X}"
                self._tolak(event, "K101", f"Teks berisi karakter kontrol {kode} yang tidak diizinkan.",
                            "Hapus escape itu (misalnya \\e, \\x07, \\r atau \\N di dalam tanda kutip ganda); "
                            "teks boleh memuat tab dan baris baru saja.")

    def _node(self, path: tuple, depth: int):
        # Every text is interned: a ministry's records repeat the same keys, codes and phrases
        # millions of times, and one shared copy of each (marshal keeps them shared through
        # the cache) takes a quarter off the loaded records' memory.
        event = self._berikut()
        self._periksa(event, depth)
        if self.posisi:
            self.dok.nilai[path] = self._tanda(event)
        if isinstance(event, yaml.ScalarEvent):
            if not event.style and event.tag is None:  # plain and untagged ("! 123" is text)
                if NIP.match(event.value):
                    self._tolak(event, "K108", "NIP ditulis tanpa tanda kutip sehingga terbaca sebagai angka.",
                                f'Tulis "{event.value}" dengan tanda kutip ganda.')
                value = resolve_plain(event.value)
                if isinstance(value, float) and value.is_integer():
                    self.dok.float_bulat = True
                return sys.intern(value) if isinstance(value, str) else value
            return sys.intern(event.value)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list = []
            while not self.parser.check_event(yaml.SequenceEndEvent):
                items.append(self._node(path + (len(items),) if self.posisi else path, depth + 1))
            self.parser.get_event()
            return items
        mapping: dict = {}
        while not self.parser.check_event(yaml.MappingEndEvent):
            key_event = self._berikut()
            self._periksa(key_event, depth + 1)
            if not isinstance(key_event, yaml.ScalarEvent):
                self._tolak(key_event, "K101", "Sintaks YAML tidak sah: kunci harus berupa teks sederhana.")
            key = sys.intern(key_event.value)
            if key in mapping:
                first = self.dok.kunci.get(path + (key,), (0, 0))  # without marks muat_teks parses again
                self._tolak(key_event, "K102", f"Kunci '{key}' ditulis dua kali (pertama di baris {first[0]}).",
                            "Hapus salah satunya atau gabungkan isinya.")
            if self.posisi:
                key_path = path + (key,)
                self.dok.kunci[key_path] = self._tanda(key_event)
            else:
                key_path = path
            mapping[key] = self._node(key_path, depth + 1)
        self.parser.get_event()
        return mapping


def muat_teks(text: str, posisi: bool = True) -> Dokumen:
    """Parse one record's text; raise YamlError with position on anything we refuse.

    posisi=False skips recording where each key and value is (a third faster); the
    document then has no positions, and a refused file is parsed again to explain itself.
    """
    if not posisi:
        try:
            return _urai(text, False)
        except YamlError:
            pass  # parse again with marks, so that the refusal names its exact place
    return _urai(text, True)


def _urai(text: str, posisi: bool) -> Dokumen:
    try:
        dok = _Pembaca(text, posisi).muat()
    except yaml.reader.ReaderError as exc:  # a character YAML forbids; libyaml gives its byte offset
        line, column = _posisi_byte(text.encode("utf-8"), exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlError("K101", line, column, f"Berkas berisi karakter kontrol U+{code:04X} yang tidak diizinkan.",
                        "Hapus karakter itu; biasanya terbawa saat menyalin teks dari aplikasi lain.") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = str(exc.problem or exc.context or "")
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "maximum nesting depth" in problem:  # libyaml's own limit, met before ours on deep flow input
            raise YamlError("K106", line, column, _PESAN_KEDALAMAN) from None
        message, hint = _pesan_sintaks(problem)
        raise YamlError("K101", line, column, message, hint) from None
    except yaml.YAMLError as exc:  # any other refusal of the parser, without a position
        raise YamlError("K101", 1, 1, f"Sintaks YAML tidak sah ({exc}).") from None
    if not isinstance(dok.data, dict):
        raise YamlError("K110", 1, 1, "Isi berkas harus berupa pemetaan 'kunci: nilai'.",
                        "Lihat contoh rekaman di panduan.")
    return dok


def muat_bytes(raw: bytes, posisi: bool = True) -> Dokumen:
    return muat_teks(decode(raw), posisi)


def tulis_atomik(path: Path, content: str | bytes, *, timpa: bool = True, fsync: bool = True) -> None:
    """Write text (as UTF-8) or bytes to path through a temporary file and a rename:
    never half-written. With timpa=False an existing file is never replaced (FileExistsError).
    fsync=False skips forcing the data to disk (for caches, which verify what they read).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        if timpa:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails atomically when path exists
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
