"""The synthetic records generator: deterministic, the requested size, every file parseable
with a schema line that points at the repository's schemas, plausible unique NIPs, a unit
hierarchy with cascading that resolves, and a tree that `kinerja validate` accepts."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from conftest import jalankan_cli
from kinerja.galat import GalatPemakaian
from kinerja.sintetis import tulis_sintetis

PEGAWAI, UNIT, SEED = 60, 4, 5
TAHUN = 2025  # the generator's default year
NIP = re.compile(r"^[0-9]{18}$")
BULAN_EVALUASI = {"tw1": 4, "tw2": 7, "tw3": 10, "tw4": 1, "tahunan": 1}


def _sidik(records: Path) -> str:
    """Hash of the tree: every relative path and its bytes, in sorted order."""
    h = hashlib.sha256()
    for path in sorted(p for p in records.rglob("*") if p.is_file()):
        h.update(path.relative_to(records).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _jenis(rel: Path) -> str:
    """The record kind of a path relative to records/ (the path decides it)."""
    parts = rel.parts
    if len(parts) == 2:
        return "unit"
    if parts[1] in ("organisasi", "tim"):
        return parts[1]
    if len(parts) == 4:
        return "profil"
    if len(parts) == 5:
        return "skp"
    return parts[4]  # evaluasi | umpan-balik | keberatan


@pytest.fixture(scope="module")
def pohon(tmp_path_factory) -> tuple[Path, int]:
    records = tmp_path_factory.mktemp("sintetis") / "records"
    return records, tulis_sintetis(records, PEGAWAI, UNIT, seed=SEED)


def _baca(path: Path):
    """One file loaded with PyYAML's safe C loader (the pure-Python one takes seconds per tree)."""
    return yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def _baca_semua(records: Path) -> dict[Path, object]:
    """Every file of the tree, relative to records/."""
    return {p.relative_to(records): _baca(p) for p in sorted(records.rglob("*.yaml"))}


@pytest.fixture(scope="module")
def rekaman(pohon) -> dict[Path, object]:
    return _baca_semua(pohon[0])


def _pilih(rekaman: dict[Path, object], jenis: str) -> dict[Path, dict]:
    return {rel: doc for rel, doc in rekaman.items() if _jenis(rel) == jenis}


def _kepala(unit: dict) -> str:
    """The unit's head now: the quoted NIP, or the open definitive term of a list of terms."""
    pimpinan = unit["pimpinan"]
    if isinstance(pimpinan, str):
        return pimpinan
    (kini,) = [m["nip"] for m in pimpinan if "selesai" not in m and m.get("sebagai", "definitif") == "definitif"]
    return kini


def _absen(profil: dict) -> dict[str, str]:
    """NIP -> the evaluation period its status period covers whole (none is owed)."""
    wajib = {"cuti_melahirkan": "tw2", "tugas_belajar": "tw4"}
    return {doc["nip"]: wajib[doc["status"][0]["jenis"]] for doc in profil.values() if "status" in doc}


def _lahir(nip: str) -> date:
    return date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))


# --- determinism and size ------------------------------------------------------------------


def test_same_seed_same_bytes_other_seed_other_tree(tmp_path, pohon):
    records, _ = pohon
    tulis_sintetis(tmp_path / "a", PEGAWAI, UNIT, seed=SEED)
    tulis_sintetis(tmp_path / "b", PEGAWAI, UNIT, seed=SEED + 1)
    assert _sidik(tmp_path / "a") == _sidik(records)
    assert _sidik(tmp_path / "b") != _sidik(records)


def test_counts(pohon, rekaman):
    records, jumlah = pohon
    assert jumlah == sum(1 for p in records.rglob("*") if p.is_file()) == len(rekaman)
    profil = _pilih(rekaman, "profil")
    units = _pilih(rekaman, "unit")
    assert len(profil) == PEGAWAI
    assert len(units) == UNIT
    per_unit = Counter(rel.parts[0] for rel in profil)
    assert set(per_unit) == {rel.parts[0] for rel in units}
    assert min(per_unit.values()) >= 2
    assert len(_pilih(rekaman, "skp")) == PEGAWAI
    assert len(_pilih(rekaman, "evaluasi")) == 5 * PEGAWAI - len(_absen(profil))


def test_refuses_bad_arguments_and_non_empty_target(tmp_path):
    with pytest.raises(GalatPemakaian):
        tulis_sintetis(tmp_path / "a", 5, 3)  # fewer than two employees per unit
    with pytest.raises(GalatPemakaian):
        tulis_sintetis(tmp_path / "b", 5, 0)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "berkas.txt").write_text("x")
    with pytest.raises(GalatPemakaian):
        tulis_sintetis(tmp_path / "c", 10, 2)
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["berkas.txt"]
    (tmp_path / "d").mkdir()  # an existing empty directory is fine
    assert tulis_sintetis(tmp_path / "d", 2, 1) > 0


# --- files -----------------------------------------------------------------------------------


def test_every_file_parses_and_points_at_its_schema(pohon, rekaman):
    records, _ = pohon
    schemas = records.parent / "schemas"
    for rel, doc in rekaman.items():
        assert isinstance(doc, dict), rel
        first = (records / rel).read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), rel
        target = (records / rel).parent / first[len(prefix):]
        assert target.resolve() == (schemas / f"{_jenis(rel)}.schema.json").resolve(), rel


def test_nips_are_quoted_plausible_and_unique(rekaman):
    disebut = []
    for rel, doc in rekaman.items():
        jenis = _jenis(rel)
        if jenis == "unit":
            pimpinan = doc["pimpinan"]
            disebut += [pimpinan] if isinstance(pimpinan, str) else [m["nip"] for m in pimpinan]
        elif jenis == "organisasi":
            disebut += [p["ditetapkan_oleh"] for p in doc["penetapan"]]
        elif jenis == "profil":
            disebut += [doc["nip"], doc["penilai"]]
            assert doc["nip"] == rel.parts[2]
        elif jenis == "skp":
            disebut += [doc["pegawai"]["nip"], doc["penilai"]["nip"]]
        elif jenis == "umpan-balik":
            disebut.append(doc["dari"])
        elif jenis == "keberatan":
            disebut.append(doc["keputusan"]["oleh"])
    for nip in disebut:
        assert isinstance(nip, str) and NIP.match(nip), nip
        lahir = _lahir(nip)  # a real date, or ValueError
        assert nip[14] in "12"
        assert 18 < TAHUN - lahir.year < 70
    profil = _pilih(rekaman, "profil")
    assert len({doc["nip"] for doc in profil.values()}) == len(profil)
    for doc in profil.values():
        if doc["jenis_asn"] == "pns":
            nip = doc["nip"]
            tmt = date(int(nip[8:12]), int(nip[12:14]), 1)
            lahir = _lahir(nip)
            assert tmt > lahir.replace(year=lahir.year + 18, day=min(lahir.day, 28)), nip


# --- hierarchy, cascading, dates ----------------------------------------------------------------


def test_unit_tree_and_appraisers(rekaman):
    units = {rel.parts[0]: doc for rel, doc in _pilih(rekaman, "unit").items()}
    profil = {doc["nip"]: (rel.parts[0], doc) for rel, doc in _pilih(rekaman, "profil").items()}
    kode = sorted(units)
    root = units[kode[0]]
    assert root["induk"] not in units  # the root's parent is outside the tree
    assert profil[_kepala(root)][1]["jenis_jabatan"] in ("jpt_madya", "jpt_pratama")
    assert profil[_kepala(root)][1]["penilai"] not in profil  # appraised from outside the tree
    for k in kode[1:]:
        assert kode.index(units[k]["induk"]) < kode.index(k)
        kepala = profil[_kepala(units[k])][1]
        assert kepala["penilai"] == _kepala(units[units[k]["induk"]])
        assert kepala["jenis_jabatan"] in ("administrator", "jpt_pratama")
    for nip, (unit, doc) in profil.items():
        if nip != _kepala(units[unit]):
            assert profil[doc["penilai"]][0] == unit, nip  # superior in the same unit
        assert ("jenjang" in doc) == (doc["jenis_jabatan"] == "fungsional")
    jenis = Counter(doc["jenis_jabatan"] for _, doc in profil.values())
    assert jenis["fungsional"] and jenis["pelaksana"]
    assert {doc["jenis_asn"] for _, doc in profil.values()} == {"pns", "pppk"}
    for rel, org in _pilih(rekaman, "organisasi").items():
        penilai_kepala = profil[_kepala(units[rel.parts[0]])][1]["penilai"]
        assert [p["periode"] for p in org["penetapan"]] == ["tw1", "tw2", "tw3", "tw4", "tahunan"]
        assert {p["ditetapkan_oleh"] for p in org["penetapan"]} == {penilai_kepala}


def test_every_intervensi_resolves_in_the_penilai_skp(rekaman):
    skp = {doc["pegawai"]["nip"]: doc for doc in _pilih(rekaman, "skp").values()}
    jabatan = {doc["nip"]: doc["jenis_jabatan"] for doc in _pilih(rekaman, "profil").values()}
    dicek = 0
    for nip, doc in skp.items():
        for rhk in doc["hasil_kerja"]:
            jpt = jabatan[nip].startswith("jpt")
            if rhk["jenis"] == "utama" and not jpt:
                nip_atasan, rhk_id = rhk["intervensi"].split("/")
                assert nip_atasan == doc["penilai"]["nip"]
                assert rhk_id in {r["id"] for r in skp[nip_atasan]["hasil_kerja"]}
                assert doc["ditetapkan"] > skp[nip_atasan]["ditetapkan"]
                dicek += 1
            for iki in rhk["indikator"]:
                assert isinstance(iki["target"]["satuan"], str)
                assert ("perspektif" in iki) == jpt
    assert dicek >= PEGAWAI


def test_evaluations_feedback_and_organisation_dates(rekaman):
    units = {rel.parts[0]: doc for rel, doc in _pilih(rekaman, "unit").items()}
    org = {rel.parts[0]: {p["periode"]: p for p in doc["penetapan"]}
           for rel, doc in _pilih(rekaman, "organisasi").items()}
    profil = {doc["nip"]: doc for doc in _pilih(rekaman, "profil").values()}
    for rel, ev in _pilih(rekaman, "evaluasi").items():
        unit, nip, periode = rel.parts[0], rel.parts[2], rel.stem
        assert ev["periode"] == periode and ev["status"] == "final"
        tanggal = ev["tanggal"]
        assert tanggal.month == BULAN_EVALUASI[periode]
        assert org[unit][periode]["tanggal"] < tanggal
        assert ("rating_hasil_kerja" in ev) == (_kepala(units[unit]) != nip)
        assert "predikat" not in ev
    per_skp = Counter()
    for rel, ub in _pilih(rekaman, "umpan-balik").items():
        per_skp[rel.parts[:4]] += 1
        assert ub["tanggal"].year == int(rel.parts[3])
        assert rel.stem.startswith(ub["tanggal"].isoformat())
        assert ub["dari"] == profil[rel.parts[2]]["penilai"]
        assert ub["rahasia"] == (ub["jenis"] == "konseling")
    assert len(per_skp) == PEGAWAI and set(per_skp.values()) <= {2, 3, 4, 5}


def test_objections_decided_by_the_penilai_own_penilai(tmp_path):
    records = tmp_path / "records"
    tulis_sintetis(records, 400, 5, seed=3)
    profil = {p.parent.name: _baca(p)
              for p in records.glob("*/pegawai/*/profil.yaml")}
    berkas = sorted(records.glob("*/pegawai/*/*/keberatan/*.yaml"))
    assert berkas
    for path in berkas:
        keberatan = _baca(path)
        tahunan = _baca(path.parent.parent / "evaluasi" / "tahunan.yaml")
        assert keberatan["evaluasi"] == path.stem == "tahunan"
        assert tahunan["tanggal"] < keberatan["diajukan"] <= tahunan["tanggal"] + timedelta(days=14)
        penilai = tahunan.get("penilai", profil[path.parts[-4]]["penilai"])
        assert keberatan["keputusan"]["oleh"] == profil[penilai]["penilai"]
        assert keberatan["keputusan"]["tanggal"] > keberatan["diajukan"]


def test_history_keys_head_terms_absences_balances_revisions_and_appraisers(tmp_path):
    """Some units had a plt before the head took office on 1 January; some staff are away for a
    whole quarter (no evaluation for it); some functional staff carry a starting balance; some
    SKPs drop an additional RHK from July through a revision; some evaluations name their own
    appraiser (the SKP appraiser's superior, from TW III on)."""
    records = tmp_path / "records"
    tulis_sintetis(records, 400, 12, seed=3)
    rekaman = _baca_semua(records)
    profil = {doc["nip"]: doc for doc in _pilih(rekaman, "profil").values()}
    lists = [doc["pimpinan"] for doc in _pilih(rekaman, "unit").values() if isinstance(doc["pimpinan"], list)]
    assert lists
    for plt, definitif in lists:
        assert plt["sebagai"] == "plt" and plt["selesai"] + timedelta(days=1) == definitif["mulai"]
        assert date(TAHUN, 1, 1) == definitif["mulai"] and profil[plt["nip"]]["jenis_jabatan"] != "fungsional"
    absen = _absen(profil)
    assert set(absen.values()) == {"tw2", "tw4"}
    for nip, periode in absen.items():
        assert profil[nip]["jenis_jabatan"] in ("fungsional", "pelaksana")
        ada = {rel.stem for rel in _pilih(rekaman, "evaluasi") if rel.parts[2] == nip}
        assert ada == set(BULAN_EVALUASI) - {periode}
    awal = [doc for doc in profil.values() if "angka_kredit_awal" in doc]
    assert awal and all(d["angka_kredit_awal"]["jenjang"] == d["jenjang"] for d in awal)
    direvisi = 0
    for rel, skp in _pilih(rekaman, "skp").items():
        if "revisi" not in skp:
            continue
        direvisi += 1
        assert skp["revisi"][0]["disetujui_oleh"] == skp["penilai"]["nip"]
        (dicabut,) = [r["id"] for r in skp["hasil_kerja"] if "berlaku_sampai" in r]
        for periode in ("tw3", "tw4"):
            ev = rekaman.get(rel.parent / "evaluasi" / f"{periode}.yaml")
            assert ev is None or dicabut not in {h["rhk"] for h in ev["hasil_kerja"]}
    assert direvisi
    oleh = {(rel.parts[2], rel.stem): ev["penilai"] for rel, ev in _pilih(rekaman, "evaluasi").items()
            if "penilai" in ev}
    assert oleh and {periode for _, periode in oleh} == {"tw3", "tw4", "tahunan"}
    for (nip, _), penilai in oleh.items():
        assert penilai == profil[profil[nip]["penilai"]]["penilai"]


def test_teams_span_a_unit_and_its_children_and_every_assignment_resolves(rekaman):
    """Each team lives in a parent unit and is led by its head, with members from its child
    units (so lead and members work in different units), some joining mid-year; every RHK
    citing a team result names a result of a team the employee belongs to."""
    teams = {(rel.parts[0], rel.stem): doc for rel, doc in _pilih(rekaman, "tim").items()}
    units = {rel.parts[0]: doc for rel, doc in _pilih(rekaman, "unit").items()}
    assert teams
    unit_of = {rel.parts[2]: rel.parts[0] for rel in _pilih(rekaman, "profil")}
    for (unit, _), team in teams.items():
        assert team["ketua"] == _kepala(units[unit])
    assert any(unit_of[a["nip"]] != unit for (unit, _), t in teams.items() for a in t["anggota"])
    assert any(str(a["mulai"])[5:7] != "02" for t in teams.values() for a in t["anggota"])
    cited = 0
    for rel, skp in _pilih(rekaman, "skp").items():
        for rhk in skp["hasil_kerja"]:
            ref = str(rhk.get("penugasan_dari", ""))
            if ref.startswith("tim:"):
                unit, kode, hasil = ref[4:].split("/")
                team = teams[(unit, kode)]
                assert hasil in {h["id"] for h in team["hasil"]}
                assert rel.parts[2] in {a["nip"] for a in team["anggota"]}
                cited += 1
    assert cited == sum(len(t["hasil"]) for t in teams.values())


# --- the validator -------------------------------------------------------------------------------


@pytest.mark.parametrize("pegawai, unit", [pytest.param(200, 3, marks=pytest.mark.slow),  # a directorate-general
                                           (12, 2)])  # a bureau
def test_validator_accepts_a_generated_tree(tmp_path, pegawai, unit):
    tulis_sintetis(tmp_path / "records", pegawai, unit, seed=2)
    hasil = jalankan_cli("validate", "--records", "records", "--format", "json", cwd=tmp_path)
    assert hasil.code == 0, hasil.out
    assert hasil.err == ""
    # Only distribution-curve deviations remain, and those are warnings by design.
    assert {(d["code"], d["severity"]) for d in json.loads(hasil.out)} <= {("K605", "warning")}
