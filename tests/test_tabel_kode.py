"""One source for the code tables: every enum of the schemas equals the table in aturan that the
rules, labels and command-line choices are built from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinerja import aturan, cli

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def _skema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def _cari(node, key: str):
    """Every value of key anywhere in a JSON document."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _cari(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _cari(v, key)


def _enum(schema: str, *path: str) -> list:
    node = _skema(schema)
    for key in path:
        node = node[key]
    return [v for v in node["enum"] if v is not None]


@pytest.mark.parametrize("schema,path,table", [
    ("common", ("definitions", "rating"), aturan.RATING),
    ("common", ("definitions", "predikat_organisasi"), aturan.PREDIKAT_ORGANISASI),
    ("common", ("definitions", "nilai_berakhlak"), aturan.BERAKHLAK),
    ("common", ("definitions", "jenjang"), aturan.JENJANG),
    ("profil", ("properties", "jenis_asn"), aturan.JENIS_ASN),
    ("profil", ("properties", "jenis_jabatan"), aturan.JENIS_JABATAN),
    ("skp", ("properties", "pendekatan"), aturan.PENDEKATAN),
    ("skp", ("properties", "status"), aturan.STATUS_SKP),
    ("evaluasi", ("properties", "status"), aturan.STATUS_EVALUASI),
    ("umpan-balik", ("properties", "jenis"), aturan.JENIS_UMPAN_BALIK),
    ("unit", ("properties", "evaluasi_periodik"), aturan.PERIODE_PERIODIK),
])
def test_schema_enums_equal_the_tables(schema, path, table):
    assert _enum(schema, *path) == list(table)


def test_status_periods_equal_the_table():
    assert set(aturan.STATUS_PEGAWAI) in [set(e) for e in _cari(_skema("profil"), "enum")]


def test_nested_enums_of_the_skp_equal_the_tables():
    enums = [set(e) - {None} for e in _cari(_skema("skp"), "enum")]
    for table in (aturan.JENIS_RHK, aturan.ASPEK, aturan.PERSPEKTIF):
        assert set(table) in enums


def test_command_line_choices_come_from_the_tables():
    sub = next(a for a in cli.parser()._actions if a.dest == "perintah" or getattr(a, "choices", None)
               and "validate" in (a.choices or {}))
    predikat = sub.choices["predikat"]
    periode = next(a for a in predikat._actions if a.dest == "periode")
    assert list(periode.choices) == list(aturan.PERIODE)
    new = sub.choices["new"]
    kinds = next(a for a in new._actions if getattr(a, "choices", None))
    jenis = next(a for a in kinds.choices["umpan-balik"]._actions if a.dest == "jenis")
    assert list(jenis.choices) == list(aturan.JENIS_UMPAN_BALIK)
    pegawai = kinds.choices["pegawai"]
    assert list(next(a for a in pegawai._actions if a.dest == "jenis_jabatan").choices) == list(aturan.JENIS_JABATAN)
