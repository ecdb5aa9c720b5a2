"""The Decap CMS form editor: `kinerja cms` covers every record kind of the registry and every
required key of each schema, is current (regenerating changes nothing), and `kinerja build`
publishes it under /admin/ of the units that enable it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import jalankan_cli
from kinerja import jenis, schema
from kinerja.alur import formulir

DEMO = Path(__file__).resolve().parents[1] / "records"
MODELINE = re.compile(r"yaml-language-server: \$schema=((?:\.\./)+)schemas/(.+)\.schema\.json")


def _config(unit: str = "biro-sdm", records: Path = DEMO) -> tuple[str, dict]:
    hasil = jalankan_cli("cms", "--records", str(records), "--unit", unit, "--backend", "proxy", "--no-cache")
    assert hasil.code == 0, hasil.err
    return hasil.out, yaml.safe_load(hasil.out)


def _per_jenis(config: dict) -> dict[str, list[dict]]:
    """The collection entries (a file of a files collection, or a folder collection) per kind,
    read from the modeline each entry's first field writes."""
    found: dict[str, list[dict]] = {}
    for koleksi in config["collections"]:
        for entry in koleksi.get("files", [koleksi]):
            kind = MODELINE.fullmatch(entry["fields"][0]["comment"]).group(2)
            found.setdefault(kind, []).append(entry)
    return found


def _urai(root: dict, node: dict) -> dict:
    while "$ref" in node:
        node = {**root["definitions"][node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _wajib_hilang(root: dict, node: dict, fields: list[dict], where: str) -> list[str]:
    """Required keys of node (and of its nested objects and lists of objects) that the fields
    leave out or mark optional."""
    node = _urai(root, node)
    by_name = {f["name"]: f for f in fields}
    hilang = [f"{where}{key}" for key in node.get("required", ())
              if key not in by_name or by_name[key].get("required") is False]
    for key, prop in node.get("properties", {}).items():
        prop = _urai(root, prop)
        field = by_name.get(key, {})
        if prop.get("type") == "object" and "fields" in field:
            hilang += _wajib_hilang(root, prop, field["fields"], f"{where}{key}.")
        items = _urai(root, prop.get("items", {}))
        if prop.get("type") == "array" and items.get("type") == "object" and "fields" in field:
            hilang += _wajib_hilang(root, items, field["fields"], f"{where}{key}[].")
    return hilang


def test_every_registry_kind_has_a_collection():
    _, config = _config()
    assert set(_per_jenis(config)) == set(jenis.REGISTRI)
    assert config["publish_mode"] == "editorial_workflow"


def test_every_required_key_of_each_schema_is_a_required_field():
    _, config = _config()
    for kind, entries in _per_jenis(config).items():
        root = schema.skema(kind)
        for entry in entries:
            assert _wajib_hilang(root, root, entry["fields"], f"{kind}: ") == []
            assert [f["name"] for f in entry["fields"]] == list(root["properties"]), "schema key order"


def test_the_configuration_is_current():
    pertama, _ = _config()
    kedua, _ = _config()
    assert pertama == kedua


def test_paths_match_the_record_tree_and_the_modeline_climbs_to_the_root():
    _, config = _config()
    for kind, entries in _per_jenis(config).items():
        for entry in entries:
            path = entry.get("file") or entry["folder"] + "/x.yaml"
            parts = tuple(path.split("/")[1:])
            assert jenis.REGISTRI[kind].cocok(parts), path
            naik = MODELINE.fullmatch(entry["fields"][0]["comment"]).group(1)
            assert naik == "../" * len(parts)


def test_widgets_for_dates_nip_enums_and_the_confidential_warning():
    _, config = _config()
    umpan_balik = _per_jenis(config)["umpan-balik"][0]
    fields = {f["name"]: f for f in umpan_balik["fields"]}
    assert fields["tanggal"] | {"comment": None} == fields["tanggal"] | {
        "widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
        "comment": None}
    assert fields["dari"]["widget"] == "string" and fields["dari"]["pattern"][0] == "^[0-9]{18}$"
    assert fields["jenis"]["options"] == ["umpan_balik", "dialog_kinerja", "bimbingan", "konseling"]
    assert fields["tindak_lanjut"]["required"] is False
    assert formulir.PERINGATAN_RAHASIA in umpan_balik["description"]
    assert umpan_balik["slug"] == "{{tanggal}}"


def test_skp_target_is_a_number_and_a_unit(tmp_path):
    _, config = _config()
    skp = _per_jenis(config)["skp"][0]
    rhk = next(f for f in skp["fields"] if f["name"] == "hasil_kerja")
    iki = next(f for f in rhk["fields"] if f["name"] == "indikator")
    target = next(f for f in iki["fields"] if f["name"] == "target")
    sub = {f["name"]: f["widget"] for f in target["fields"]}
    assert sub["nilai"] == "number" and sub["satuan"] == "text"


@pytest.mark.parametrize(("url", "nama", "repo", "base_url"), [
    ("git@gitlab.example.go.id:biro/kinerja.git", "gitlab", "biro/kinerja", "https://gitlab.example.go.id"),
    ("https://github.com/kementerian/kinerja.git", "github", "kementerian/kinerja", None),
    ("https://git.example.go.id/biro/kinerja", "gitea", "biro/kinerja", "https://git.example.go.id"),
])
def test_backend_from_the_git_remote(tmp_path, monkeypatch, url, nama, repo, base_url):
    for key in ("NAMA", "REPO", "CABANG", "BASE_URL", "APP_ID"):
        monkeypatch.delenv(f"KINERJA_CMS_{key}", raising=False)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", url], check=True)
    backend = formulir.backend_dari(tmp_path)
    assert (backend.nama, backend.repo, backend.base_url) == (nama, repo, base_url)
    assert formulir.backend_dari(tmp_path, nama="proxy").konfigurasi()["name"] == "proxy"


@pytest.mark.slow
def test_build_publishes_admin_only_for_units_that_enable_it(arsip_sah, tmp_path, monkeypatch):
    decap = tmp_path / "decap"
    decap.mkdir()
    for name in ("decap-cms.js", "12.decap-cms.js", "decap-cms.js.map", "12.cms.js"):
        (decap / name).write_text("// stub\n", encoding="utf-8")
    monkeypatch.setenv("KINERJA_DECAP", str(decap))
    unit_yaml = arsip_sah / "biro-sdm" / "unit.yaml"
    unit_yaml.write_text(unit_yaml.read_text(encoding="utf-8") + "publikasi: {formulir: true}\n", encoding="utf-8")
    hasil = jalankan_cli("build", "--records", str(arsip_sah), "--out", str(tmp_path / "keluaran"), "--no-cache")
    assert hasil.code == 0, hasil.err
    admin = tmp_path / "keluaran" / "biro-sdm" / "admin"
    assert sorted(p.name for p in admin.iterdir()) == ["12.decap-cms.js", "config.yml", "decap-cms.js", "index.html"]
    assert (admin / "config.yml").read_text(encoding="utf-8") == _config("biro-sdm", arsip_sah)[0]
    assert "https://" not in (admin / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "keluaran" / "sekretariat" / "admin").exists()
