"""The registry of record kinds is the one list: every kind has its schema, builder, comparer,
editor mapping and (where one exists) scaffold, and nothing names a kind the registry lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja import arsip, jenis
from kinerja.alur import banding, baru

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def test_every_kind_has_its_schema_builder_and_comparer():
    kinds = set(jenis.REGISTRI)
    assert {p.name.removesuffix(".schema.json") for p in SCHEMAS.glob("*.schema.json")} - {"common"} == kinds
    assert set(arsip.PEMBANGUN) == kinds
    assert set(banding.PER_JENIS) == kinds


def test_scaffolds_are_named_by_the_registry():
    assert set(baru.BUAT) == {j.baru for j in jenis.REGISTRI.values() if j.baru}


@pytest.mark.parametrize("parts,kind", [
    (("instansi.yaml",), "instansi"),
    (("biro-sdm", "unit.yaml"), "unit"),
    (("biro-sdm", "organisasi", "2026.yaml"), "organisasi"),
    (("biro-sdm", "pegawai", "199203142019032001", "profil.yaml"), "profil"),
    (("biro-sdm", "pegawai", "199203142019032001", "potensi", "2026.yaml"), "potensi"),
    (("biro-sdm", "pegawai", "199203142019032001", "2026-2", "skp.yaml"), "skp"),
    (("biro-sdm", "pegawai", "199203142019032001", "2026", "evaluasi", "tw1.yaml"), "evaluasi"),
    (("biro-sdm", "pegawai", "199203142019032001", "2026", "keberatan", "tahunan.yaml"), "keberatan"),
    (("biro-sdm", "pegawai", "199203142019032001", "2026", "umpan-balik", "2026-02-14-a.yaml"), "umpan-balik"),
])
def test_paths_and_their_kind_group_and_keys(parts, kind):
    assert jenis.jenis(parts) == kind
    group = jenis.kelompok(parts)
    assert group.split("/")[0] in ("instansi", "unit", "organisasi", "pegawai")
    assert jenis.sedia(kind, parts)  # every record is read under at least one key


@pytest.mark.parametrize("parts,reason", [
    (("Biro", "unit.yaml"), "Nama folder unit"),
    (("biro-sdm", "pegawai", "1992", "profil.yaml"), "Nama folder pegawai"),
    (("biro-sdm", "pegawai", "199203142019032001", "2026-1", "skp.yaml"), "Nama folder SKP"),
    (("biro-sdm", "pegawai", "199203142019032001", "2026", "evaluasi", "tw5.yaml"), "Nama berkas"),
    (("biro-sdm", "organisasi", "2026.yml"), "Nama berkas"),
    (("biro-sdm", "unit.yaml\n"), None),
])
def test_badly_named_paths_say_why(parts, reason):
    kind, why = jenis.kenali(parts)
    assert kind is None
    assert (why or None) == reason or (reason is not None and why.startswith(reason))
