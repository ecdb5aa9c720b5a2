"""No input produces a traceback: random bytes, random YAML-ish text and randomly edited
records go through the loader and through a whole `kinerja validate` run.

The loader may only answer with a document or a YamlError; the command may only exit 0 or 1,
with its report on stdout and nothing on stderr.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import NIP_KEPALA, NIP_SEKJEN, NIP_STAF, SAH, jalankan_cli, tulis_arsip_sah
from kinerja.yamlio import Dokumen, YamlError, muat_bytes, muat_teks

KODE_LOADER = {f"K{n}" for n in range(101, 111)} - {"K109"}

# Record files of the valid tree, relative to records/.
BERKAS = sorted(p.relative_to(SAH).as_posix() for p in SAH.rglob("*.yaml"))

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_ARSIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies --------------------------------------------------------------------------------

_POTONGAN = [
    "\n", "  ", "    ", "- ", ": ", ":", "-", "?", "? ", "---\n", "...\n", "#", " # c", "{", "}", "[", "]", ", ",
    "'", '"', "\\", "|", ">", "|-", "&a ", "*a", "!", "!!str ", "%YAML 1.2\n", "@", "`", "\t", "\r\n", "\ufeff",
    "\x00", "\x85", "\u2028", "tahun", "periode", "nip", "hasil_kerja", "id", "rhk-1", "iki-1", "null", "~",
    "true", "NO", "on", "010", "0x1F", "0o17", "1e3", ".inf", ".nan", "-.5", "2026-01-05", "2026-02-30",
    NIP_STAF, f'"{NIP_STAF}"', "é", "😀",
]

teks_yaml = st.lists(st.sampled_from(_POTONGAN) | st.text(max_size=8), max_size=40).map("".join)

# Scalars that matter to the checks: edge dates, NIPs of the tree, ids, periods, codes and numbers.
_SKALAR_PENTING = [
    "2026-01-01", "2026-12-31", "2026-02-29", "2026-02-30", "2025-12-31", "2027-01-01", "0001-01-01",
    "9999-12-31", "2000-01-01", "2100-12-31", NIP_STAF, NIP_KEPALA, NIP_SEKJEN, "196805121990031001",
    "199213142019032001", f"{NIP_KEPALA}/rhk-1", f"{NIP_KEPALA}/rhk-9", f"{NIP_SEKJEN}/rhk-1", "rhk-1",
    "rhk-2", "rhk-9", "iki-1", "iki-2", "tw1", "tw4", "b01", "b12", "tahunan", "draft", "final", "ditetapkan",
    "kuantitatif", "kualitatif", "utama", "tambahan", "konseling", "istimewa", "baik", "sangat_kurang",
    "di_atas_ekspektasi", "di_bawah_ekspektasi", "fungsional", "jpt_pratama", "pelaksana", "pppk",
    "ahli_pertama", "sekretariat", "biro-sdm", "01-31", "02-29", "02-30", "12-31", "", " ", "NO",
    0, 1, -1, 14, 365, 2026, 2026.0, 0.5, 1e300, float("inf"), float("nan"), 10**20, True, False, None,
]

skalar = (st.sampled_from(_SKALAR_PENTING) | st.integers() | st.floats() | st.text(max_size=12)
          | st.booleans() | st.none())
nilai_acak = st.recursive(
    skalar,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["nilai", "satuan", "min", "maks", "rhk", "perilaku", "id", "x"])
                      | st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _jalur(data, prefix=()):
    """Every path into a document: keys and list indexes."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _jalur(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _jalur(value, prefix + (index,))


def _ubah(data, path, nilai, hapus: bool):
    """A copy of data with the value at path replaced (or removed, for a key or list item)."""
    if not path:
        return nilai
    data = json.loads(json.dumps(data))  # a deep copy of plain data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if hapus:
        del parent[path[-1]]
    else:
        parent[path[-1]] = nilai
    return data


@st.composite
def rekaman_diubah(draw):
    """(record file, YAML text): one valid record with one value replaced, removed or added."""
    rel = draw(st.sampled_from(BERKAS))
    data = muat_bytes((SAH / rel).read_bytes()).data
    path = draw(st.sampled_from(list(_jalur(data))))
    hapus = bool(path) and draw(st.booleans())
    nilai = draw(nilai_acak)
    lama = _ambil(data, path)
    if not hapus and isinstance(lama, dict) and draw(st.booleans()):
        nilai = {**lama, draw(st.text(min_size=1, max_size=8)): nilai}  # an extra key
    baru = _ubah(data, path, nilai, hapus)
    return rel, yaml.safe_dump(baru, allow_unicode=True, sort_keys=False)


def _ambil(data, path):
    for part in path:
        data = data[part]
    return data


# --- the loader ---------------------------------------------------------------------------------

def _loader_menjawab_dengan_wajar(raw: bytes) -> None:
    try:
        dok = muat_bytes(raw)
    except YamlError as exc:
        assert exc.code in KODE_LOADER
        assert exc.line >= 1 and exc.column >= 1
        assert exc.message and "\n" not in exc.message
        return
    assert isinstance(dok, Dokumen) and isinstance(dok.data, dict)


@FUZZ
@given(st.binary(max_size=400))
def test_loader_random_bytes(raw):
    _loader_menjawab_dengan_wajar(raw)


@FUZZ
@given(teks_yaml)
def test_loader_random_yaml_text(text):
    _loader_menjawab_dengan_wajar(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.text(max_size=200))
def test_loader_random_unicode_text(text):
    try:
        muat_teks(text)
    except YamlError as exc:
        assert exc.code in KODE_LOADER and exc.line >= 1 and exc.column >= 1


# Characters YAML allows unescaped (no C0/C1 controls, DEL, U+FFFE/U+FFFF: json.dumps leaves
# the latter ones raw), less NEL, LS and PS, which libyaml still folds as YAML 1.1 line breaks.
_TEKS_JSON = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\ufffe\uffff"),
                     max_size=10)
nilai_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | _TEKS_JSON,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEKS_JSON, inner, max_size=3),
    max_leaves=8,
)


@FUZZ
@given(st.dictionaries(_TEKS_JSON, nilai_json, min_size=1, max_size=4))
def test_loader_reads_json_unchanged(data):
    """JSON is YAML 1.2: every JSON object loads to the same data (an 18-digit number excepted)."""
    text = json.dumps(data, ensure_ascii=False)
    try:
        dok = muat_teks(text)
    except YamlError as exc:
        assert exc.code == "K108", (exc.code, exc.message, text)
        return
    assert dok.data == data


# --- whole validate runs ------------------------------------------------------------------------

class _Pohon:
    """One records tree per test, a record rewritten per example and restored afterwards."""

    def __init__(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.root = Path(self._tmp.name)
        self.records = tulis_arsip_sah(self.root)

    def validate(self, rel: str, isi: bytes):
        path = self.records / rel
        try:
            path.write_bytes(isi)
            return jalankan_cli("validate", "--format", "json", cwd=self.root)
        finally:
            shutil.copyfile(SAH / rel, path)

    def close(self):
        self._tmp.cleanup()


def _validate_menjawab_dengan_wajar(hasil) -> None:
    assert hasil.code in (0, 1), hasil.err
    assert hasil.err == ""
    laporan = json.loads(hasil.out)
    assert all(d["line"] >= 1 and d["column"] >= 1 for d in laporan)
    assert (hasil.code == 1) == any(d["severity"] == "error" for d in laporan)


def test_validate_record_of_random_bytes():
    pohon = _Pohon()

    @FUZZ_ARSIP
    @given(st.sampled_from(BERKAS), st.binary(max_size=300))
    def run(rel, isi):
        _validate_menjawab_dengan_wajar(pohon.validate(rel, isi))

    try:
        run()
    finally:
        pohon.close()


def test_validate_record_of_random_yaml_text():
    pohon = _Pohon()

    @FUZZ_ARSIP
    @given(st.sampled_from(BERKAS), teks_yaml)
    def run(rel, text):
        _validate_menjawab_dengan_wajar(pohon.validate(rel, text.encode("utf-8", "surrogatepass")))

    try:
        run()
    finally:
        pohon.close()


def test_validate_record_with_one_value_changed():
    """Structure-aware: valid records with one value replaced, removed or added, so that the
    cross-record checks (not only the loader and the schema) see odd but schema-valid data."""
    pohon = _Pohon()

    @FUZZ_ARSIP
    @given(rekaman_diubah())
    def run(kasus):
        rel, text = kasus
        _validate_menjawab_dengan_wajar(pohon.validate(rel, text.encode("utf-8")))

    try:
        run()
    finally:
        pohon.close()
