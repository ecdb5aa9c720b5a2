"""The loader: YAML 1.2 core semantics, positions, and every rejection with its place."""

from __future__ import annotations

import codecs
import os

import pytest
import yaml

from kinerja import yamlio
from kinerja.yamlio import MAKS_KEDALAMAN, MAKS_UKURAN, YamlError, muat_bytes, muat_teks, resolve_plain, tulis_atomik


def tolak(raw: bytes | str) -> YamlError:
    """The YamlError a text or bytes is refused with."""
    with pytest.raises(YamlError) as info:
        muat_bytes(raw.encode("utf-8") if isinstance(raw, str) else raw)
    error = info.value
    assert error.message and "\n" not in error.message and str(error) == error.message
    return error


def posisi(error: YamlError) -> tuple[str, int, int]:
    return error.code, error.line, error.column


# --- YAML 1.2 core schema ------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("NO", "NO"), ("no", "no"), ("on", "on"), ("Off", "Off"), ("yes", "yes"), ("y", "y"), ("n", "n"),
    ("010", 10), ("0010", 10), ("-7", -7), ("+1", 1), ("0o17", 15), ("0x1F", 31), ("0b101", "0b101"),
    ("1_000", "1_000"), ("12:30", "12:30"),
    ("2026-01-05", "2026-01-05"), ("2026-01-05T10:00:00", "2026-01-05T10:00:00"),
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("tRUE", "tRUE"),
    ("null", None), ("Null", None), ("NULL", None), ("~", None), ("", None), ("nULL", "nULL"),
    ("1.5", 1.5), ("1e3", 1000.0), ("-.5", -0.5), ("1.", 1.0),
    ("198003152005011002x", "198003152005011002x"), ("rhk-1", "rhk-1"),
])
def test_plain_scalars_resolve_by_yaml_1_2_core(text, value):
    resolved = resolve_plain(text)
    assert resolved == value and type(resolved) is type(value)


def test_special_floats():
    assert resolve_plain(".inf") == float("inf")
    assert resolve_plain("-.Inf") == float("-inf")
    assert resolve_plain(".NaN") != resolve_plain(".NaN")  # nan


def test_yaml_1_2_in_a_document():
    dok = muat_teks("a: NO\nb: on\nc: 010\nd: 2026-01-05\ne: '010'\nf: \"true\"\ng: ~\nh: 0o17\n")
    assert dok.data == {"a": "NO", "b": "on", "c": 10, "d": "2026-01-05", "e": "010", "f": "true", "g": None, "h": 15}


def test_quoted_and_block_scalars_are_always_text():
    dok = muat_teks("a: 'null'\nb: \"2026\"\nc: |\n  123\nd: >-\n  true\n")
    assert dok.data == {"a": "null", "b": "2026", "c": "123\n", "d": "true"}


def test_non_specific_tag_makes_text():
    assert muat_teks("a: ! 123\nb: ! 198003152005011002\nc: ! null\n").data == {
        "a": "123", "b": "198003152005011002", "c": "null"}


def test_keys_are_text_as_written():
    assert muat_teks("1: a\ntrue: b\nnull: c\n").data == {"1": "a", "true": "b", "null": "c"}


def test_uses_libyaml_parser_when_available():
    if yaml.__with_libyaml__:
        from yaml._yaml import CParser
        assert yamlio._Parser is CParser


def test_integral_float_is_flagged():
    assert muat_teks("a: 2026.0\n").float_bulat
    assert muat_teks("a: [1, 1e3]\n").float_bulat
    assert not muat_teks("a: 2026\nb: 1.5\nc: '2026.0'\n").float_bulat


# --- positions -----------------------------------------------------------------------------------

def test_positions_of_keys_and_values():
    dok = muat_teks("# komentar\ntahun: 2026\nhasil_kerja:\n  - id: rhk-1\n    indikator: [{id: iki-1}]\n")
    assert dok.posisi_nilai(("tahun",)) == (2, 8)
    assert dok.posisi_kunci(("tahun",)) == (2, 1)
    assert dok.posisi_nilai(("hasil_kerja",)) == (4, 3)
    assert dok.posisi_nilai(("hasil_kerja", 0)) == (4, 5)
    assert dok.posisi_kunci(("hasil_kerja", 0, "id")) == (4, 5)
    assert dok.posisi_nilai(("hasil_kerja", 0, "id")) == (4, 9)
    assert dok.posisi_nilai(("hasil_kerja", 0, "indikator", 0, "id")) == (5, 22)
    assert dok.posisi_nilai(()) == (2, 1)


def test_missing_path_falls_back_to_nearest_ancestor():
    dok = muat_teks("a:\n  b: 1\n")
    assert dok.posisi_nilai(("a", "tidak-ada", 3)) == (2, 3)
    assert dok.posisi_kunci(("a", "tidak-ada")) == (2, 3)  # a missing key: its mapping
    assert dok.posisi_nilai(("lain",)) == (1, 1)


def test_columns_count_characters_not_bytes():
    dok = muat_teks("nama: Sri Hartatié Ñ\nx: 😀\ny: 1\n")
    assert dok.posisi_nilai(("x",)) == (2, 4)
    error = tolak("é: ü: x\n")
    assert posisi(error) == ("K101", 1, 5)


def test_byte_order_mark_is_accepted_and_not_counted():
    raw = codecs.BOM_UTF8 + "a: 1\nb: é\n".encode()
    dok = muat_bytes(raw)
    assert dok.data == {"a": 1, "b": "é"}
    assert dok.posisi_nilai(("a",)) == (1, 4)


def test_crlf_line_endings():
    dok = muat_bytes(b"a: 1\r\nb:\r\n  c: x\r\n")
    assert dok.data == {"a": 1, "b": {"c": "x"}}
    assert dok.posisi_nilai(("b", "c")) == (3, 6)


# --- rejections ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, where, message, hint", [
    ("a: b: c\n", (1, 5), "tanda ':' tidak boleh ada di sini", "apit teksnya dengan tanda kutip"),
    ("a: 1\n b: 2\n", (2, 3), "tanda ':' tidak boleh ada di sini", None),
    ("a:\n\tb: 1\n", (2, 1), "karakter ini tidak boleh mengawali nilai", "bukan tab"),
    ("a: @x\n", (1, 4), "karakter ini tidak boleh mengawali nilai", "'@'"),
    ("a:\n  b: 1\n c: 2\n", (3, 2), "kunci yang diharapkan tidak ditemukan", "Periksa indentasi"),
    ("a:\n  - 1\n  b: 2\n", (3, 3), "tanda '-' daftar yang diharapkan tidak ditemukan", None),
    ("a: 'x\n", (2, 1), "berkas berakhir sebelum waktunya", "tanda kutip"),
    ('a: "\\q"\n', (1, 5), "urutan escape '\\' tidak dikenal", None),
    ("a: [1, 2\n", (2, 1), "daftar '[ ... ]' belum ditutup", None),
    ("a: {b: 1\n", (2, 1), "pemetaan '{ ... }' belum ditutup", None),
    ("a: 1\n%x\n", (2, 3), "baris yang diawali '%' bukan bagian dari rekaman", None),
    ("%YAML 2.0\n---\na: 1\n", (1, 1), "versi YAML tidak didukung", None),
    ("a: 1\n... x\n", (2, 5), "berkas berisi lebih dari satu nilai teratas", None),
    ("? [a]\n: b\n", (1, 3), "kunci harus berupa teks sederhana", None),
])
def test_syntax_errors_are_positioned_and_in_indonesian(text, where, message, hint):
    error = tolak(text)
    assert (error.code, error.line, error.column) == ("K101", *where)
    assert error.message.startswith("Sintaks YAML tidak sah") and message in error.message
    if hint:
        assert hint in error.hint


def test_control_character_is_positioned_after_multibyte_text():
    error = tolak("é: 1\nnama: Sri é\x07\n")
    assert posisi(error) == ("K101", 2, 12)
    assert error.message == "Berkas berisi karakter kontrol U+0007 yang tidak diizinkan."


def test_nul_byte():
    assert posisi(tolak(b"a: 1\x00\n")) == ("K101", 1, 5)


@pytest.mark.parametrize("text, where, first", [
    ("a: 1\nb: 2\na: 3\n", (3, 1), 1),
    ("x:\n  a: 1\n  a: 2\n", (3, 3), 2),
    ("{a: 1, a: 2}\n", (1, 8), 1),
    ("? a\n? a\n", (2, 3), 1),
])
def test_duplicate_keys(text, where, first):
    error = tolak(text)
    assert (error.code, error.line, error.column) == ("K102", *where)
    assert error.message == f"Kunci 'a' ditulis dua kali (pertama di baris {first})."
    assert "gabungkan" in error.hint


@pytest.mark.parametrize("text, where, message", [
    ("a: &x 1\nb: *x\n", (1, 4), "Jangkar YAML '&x' tidak diizinkan."),
    ("a: *x\n", (1, 4), "Alias YAML '*x' tidak diizinkan."),
    ("&root\na: 1\n", (1, 1), "Jangkar YAML '&root' tidak diizinkan."),
    ("a: [1, &b 2]\n", (1, 8), "Jangkar YAML '&b' tidak diizinkan."),
    ("*k : 1\n", (1, 1), "Alias YAML '*k' tidak diizinkan."),
    ("a:\n  <<: *base\n", (2, 7), "Alias YAML '*base' tidak diizinkan."),
])
def test_anchors_and_aliases(text, where, message):
    error = tolak(text)
    assert (error.code, error.line, error.column, error.message) == ("K103", *where, message)


@pytest.mark.parametrize("text, where, tag", [
    ("a: !!str 1\n", (1, 4), "tag:yaml.org,2002:str"),
    ("a: !!binary aGVsbG8=\n", (1, 4), "tag:yaml.org,2002:binary"),
    ("a: !rahasia x\n", (1, 4), "!rahasia"),
    ("a: !<tag:contoh,2026:x> 1\n", (1, 4), "tag:contoh,2026:x"),
    ("!!map {a: 1}\n", (1, 1), "tag:yaml.org,2002:map"),
    ("a: !!seq [1]\n", (1, 4), "tag:yaml.org,2002:seq"),
    ("%TAG !e! tag:contoh,2026:\n---\na: !e!x 1\n", (3, 4), "tag:contoh,2026:x"),
    ("!!python/name:os.system x: 1\n", (1, 1), "tag:yaml.org,2002:python/name:os.system"),
])
def test_tags(text, where, tag):
    error = tolak(text)
    assert (error.code, error.line, error.column) == ("K104", *where)
    assert error.message == f"Tag YAML '{tag}' tidak diizinkan."


def test_size_limit_is_one_mebibyte():
    assert MAKS_UKURAN == 1024 * 1024
    exactly = b"a: 1\n#" + b"x" * (MAKS_UKURAN - 7) + b"\n"
    assert len(exactly) == MAKS_UKURAN and muat_bytes(exactly).data == {"a": 1}
    error = tolak(exactly + b"\n")
    assert posisi(error) == ("K105", 1, 1)
    assert error.message == "Berkas terlalu besar (1.048.577 bita); batasnya 1 MiB."


def test_nesting_limit():
    assert MAKS_KEDALAMAN == 32
    assert muat_teks("a: " + "[" * 32 + "]" * 32).data  # the root mapping and 32 lists below it
    error = tolak("a: " + "[" * 33 + "]" * 33)
    assert posisi(error) == ("K106", 1, 4 + 32)
    assert error.message == "Struktur bersarang terlalu dalam (lebih dari 32 tingkat)."


def test_nesting_in_block_mappings():
    text = "".join("  " * i + f"k{i}:\n" for i in range(33)) + "  " * 33 + "v\n"
    error = tolak(text)
    assert posisi(error) == ("K106", 33, 65)


def test_very_deep_input_is_refused_not_a_recursion_error():
    for text in ("a: " + "[" * 100_000, "a: " + "{b: " * 50_000, "a:\n" + "- " * 5_000 + "x\n"):
        error = tolak(text)
        assert error.code == "K106" and error.message == "Struktur bersarang terlalu dalam (lebih dari 32 tingkat)."


@pytest.mark.parametrize("raw, where", [
    (b"a: \xff\n", (1, 4)),
    (b"a: 1\nb: x\nnama: Sri\xe9\n", (3, 10)),  # Latin-1 e-acute
    ("a: 1\nnama: é ".encode() + b"\xc3\n", (2, 9)),  # a character cut short
    ("a: ü\n".encode() + b"b: \xed\xa0\x80\n", (2, 4)),  # an encoded surrogate
    (codecs.BOM_UTF8 + b"a: \xff\n", (1, 4)),  # the mark is not counted
    (b"a: x\xc3", (1, 5)),  # cut at the end of the file
])
def test_invalid_utf8_is_positioned_at_the_bad_byte(raw, where):
    error = tolak(raw)
    assert (error.code, error.line, error.column) == ("K107", *where)
    assert error.message == "Berkas bukan teks UTF-8 yang sah."
    assert "UTF-8" in error.hint


def test_utf16_file_is_refused():
    assert tolak("a: 1\n".encode("utf-16")).code == "K107"


def test_unquoted_nip():
    error = tolak('nip: "199203142019032001"\npenilai: 198003152005011002\n')
    assert posisi(error) == ("K108", 2, 10)
    assert error.message == "NIP ditulis tanpa tanda kutip sehingga terbaca sebagai angka."
    assert error.hint == 'Tulis "198003152005011002" dengan tanda kutip ganda.'


def test_unquoted_nip_in_a_flow_list():
    assert posisi(tolak("admin: [hr, 198003152005011002]\n")) == ("K108", 1, 13)


def test_quoted_nip_and_other_numbers_are_fine():
    dok = muat_teks("a: '198003152005011002'\nb: 19800315200501100\nc: 1980031520050110021\n")
    assert dok.data == {"a": "198003152005011002", "b": 19800315200501100, "c": 1980031520050110021}


@pytest.mark.parametrize("raw, where, message", [
    (b"", (1, 1), "Berkas kosong."),
    (b"\n\n", (1, 1), "Berkas kosong."),
    (b"# yaml-language-server: $schema=../schemas/unit.schema.json\n", (1, 1), "Berkas kosong."),
    (codecs.BOM_UTF8, (1, 1), "Berkas kosong."),
    (b"---\n", (1, 1), "Isi berkas harus berupa pemetaan 'kunci: nilai'."),
    (b"- a\n- b\n", (1, 1), "Isi berkas harus berupa pemetaan 'kunci: nilai'."),
    (b"teks saja\n", (1, 1), "Isi berkas harus berupa pemetaan 'kunci: nilai'."),
    (b"a: 1\n---\nb: 2\n", (2, 1), "Berkas berisi lebih dari satu dokumen YAML."),
    (b"a: 1\n...\n---\nb: 2\n", (3, 1), "Berkas berisi lebih dari satu dokumen YAML."),
])
def test_not_one_mapping(raw, where, message):
    error = tolak(raw)
    assert (error.code, error.line, error.column, error.message) == ("K110", *where, message)


def test_explicit_document_markers_around_one_document_are_fine():
    assert muat_teks("%YAML 1.2\n---\na: 1\n...\n").data == {"a": 1}


# --- atomic writing ------------------------------------------------------------------------------

def test_tulis_atomik_writes_and_replaces(tmp_path):
    path = tmp_path / "baru" / "rekaman.yaml"
    tulis_atomik(path, "a: 1\n")
    tulis_atomik(path, "a: 2\nnama: é\n")
    assert path.read_bytes() == "a: 2\nnama: é\n".encode()
    assert os.listdir(path.parent) == ["rekaman.yaml"]


def test_tulis_atomik_without_overwrite_keeps_the_existing_file(tmp_path):
    path = tmp_path / "rekaman.yaml"
    tulis_atomik(path, "a: 1\n", timpa=False)
    with pytest.raises(FileExistsError):
        tulis_atomik(path, "a: 2\n", timpa=False)
    assert path.read_text() == "a: 1\n"
    assert os.listdir(tmp_path) == ["rekaman.yaml"]


def test_tulis_atomik_writes_unix_newlines(tmp_path):
    path = tmp_path / "r.yaml"
    tulis_atomik(path, "a: 1\nb: 2\n")
    assert b"\r" not in path.read_bytes()


@pytest.mark.parametrize("text", [
    "a: 1\nb: [x, {c: NO}]\nd:\n  - 2026-01-05\n  - '010'\n",
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "nip: 199203142019032001\n",
    "a: b: c\n",
    "- 1\n",
])
def test_parsing_without_positions_gives_the_same_data_and_the_same_refusals(text):
    def outcome(posisi: bool):
        try:
            dok = muat_teks(text, posisi)
        except YamlError as exc:
            return (exc.code, exc.line, exc.column, exc.message, exc.hint)
        return dok.data
    assert outcome(False) == outcome(True)
    if isinstance(outcome(True), dict):
        assert muat_teks(text, False).nilai == {} and muat_teks(text, True).nilai


@pytest.mark.parametrize("text, where, kode", [
    ('a: 1\nb: "\\e[2J"\n', (2, 4), "U+001B"),
    ('a: "x\\x07y"\n', (1, 4), "U+0007"),
    ('a: ["ok", "baris\\rpalsu"]\n', (1, 11), "U+000D"),
    ('a: "\\N"\n', (1, 4), "U+0085"),
    ('"k\\x00": 1\n', (1, 1), "U+0000"),
    ('a: "\\x7f"\n', (1, 4), "U+007F"),
])
def test_escaped_control_characters_are_refused_at_the_scalar(text, where, kode):
    error = tolak(text)
    assert posisi(error) == ("K101", *where)
    assert error.message == f"Teks berisi karakter kontrol {kode} yang tidak diizinkan."
    assert "tab dan baris baru" in error.hint
    with pytest.raises(YamlError):
        muat_teks(text, posisi=False)


def test_tab_and_newline_escapes_and_a_plain_backslash_are_text():
    assert muat_teks('a: "x\\ty\\nz"\nb: C:\\data\n').data == {"a": "x\ty\nz", "b": "C:\\data"}


@pytest.mark.parametrize("text", ["10\n", "null\n", "true\n", ".nan\n", "0x1f\n"])
def test_core_schema_patterns_do_not_match_before_a_final_newline(text):
    assert resolve_plain(text) == text
