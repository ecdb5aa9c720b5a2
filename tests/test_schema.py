"""kinerja.schema: the fast validator (jsonschema-rs) and the explaining one (Python) agree on
hostile values, so a record is never judged valid because the two disagree."""

from __future__ import annotations

import copy

import pytest

from conftest import NIP_STAF, SAH
from kinerja import schema
from kinerja.yamlio import Dokumen, muat_teks

SKP = SAH / f"biro-sdm/pegawai/{NIP_STAF}/2026/skp.yaml"
EVAL = SAH / f"biro-sdm/pegawai/{NIP_STAF}/2026/evaluasi/tw1.yaml"


def _data(path) -> dict:
    return muat_teks(path.read_text(encoding="utf-8")).data


def _ubah(data: dict, path: tuple, value) -> dict:
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


TARGET = ("hasil_kerja", 0, "indikator", 0, "target")
NILAI = ("hasil_kerja", 0, "realisasi", 0, "nilai")
HOSTILE = [
    ("skp", ("hasil_kerja", 0, "id"), "rhk-1\n"),
    ("skp", ("hasil_kerja", 0, "intervensi"), "198003152005011002/rhk-1\n"),
    ("skp", ("pegawai", "nip"), NIP_STAF + "\n"),
    ("skp", ("ditetapkan",), "0000-01-20"),
    ("skp", ("ditetapkan",), "1899-12-31"),
    ("skp", ("ditetapkan",), "2101-01-01"),
    ("skp", TARGET, {"nilai": float("nan"), "satuan": "modul"}),
    ("skp", TARGET, {"nilai": float("inf"), "satuan": "modul"}),
    ("skp", TARGET, {"nilai": 1e25, "satuan": "modul"}),
    ("skp", TARGET, {"min": -10**13, "maks": 4, "satuan": "modul"}),
    ("evaluasi", NILAI, float("-inf")),
    ("evaluasi", NILAI, 10**30),
    ("evaluasi", ("periode",), "tw1\n"),
]


@pytest.mark.parametrize("kind, path, value", HOSTILE, ids=[repr(h[2])[:30] for h in HOSTILE])
def test_both_validators_refuse_and_the_explanation_names_the_value(kind, path, value):
    data = _ubah(_data(SKP if kind == "skp" else EVAL), path, value)
    checker = schema.validator(kind)
    assert not checker.cepat.is_valid(data)
    errors = checker.errors(data, cepat=False)
    assert errors
    assert not schema.sah(kind, Dokumen(data))
    codes = [code for e in errors for code, *_ in schema.terjemahkan(e, checker.skema)]
    assert codes and set(codes) <= {"K205", "K207"}


@pytest.mark.parametrize("kind, path, value", [
    ("skp", ("ditetapkan",), "1900-01-01"),
    ("skp", ("ditetapkan",), "2100-12-31"),
    ("skp", TARGET, {"nilai": -1_000_000_000_000, "satuan": "rupiah"}),
    ("evaluasi", NILAI, 1e12),
    ("evaluasi", NILAI, "Teks\nberbaris dua"),
])
def test_the_edges_of_the_ranges_are_valid_for_both(kind, path, value):
    data = _ubah(_data(SKP if kind == "skp" else EVAL), path, value)
    checker = schema.validator(kind)
    assert checker.cepat.is_valid(data)
    assert checker.errors(data, cepat=False) == []
