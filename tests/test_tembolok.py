"""The content-addressed cache: warm runs give exactly the cold result, and a bad cache is never trusted."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import NIP_STAF, ganti, jalankan_cli
from kinerja import arsip, pemeriksaan, tembolok
from kinerja.sintetis import tulis_sintetis


def _validate(root: Path, *extra: str) -> tuple[int, list[dict]]:
    result = jalankan_cli("validate", "--format", "json", *extra, cwd=root)
    return result.code, json.loads(result.out)


def _with_findings(records: Path) -> None:
    """One error and one warning, so that a memoised result has something to get wrong."""
    folder = records / "biro-sdm" / "pegawai" / NIP_STAF / "2026"
    ganti(folder / "skp.yaml", "ditetapkan: 2026-01-20", "ditetapkan: 2026-03-20")
    ganti(folder / "evaluasi" / "tw1.yaml", "status: final", "status: finall")


def _cache_files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.bin"))


def test_warm_run_equals_cold_run_and_follows_changes(arsip_sah: Path, tembolok_sendiri: Path):
    root = arsip_sah.parent
    _with_findings(arsip_sah)
    cold = _validate(root, "--no-cache")
    assert not list(tembolok_sendiri.iterdir())
    first = _validate(root)
    assert _cache_files(tembolok_sendiri), "a cached run writes the cache"
    assert _validate(root) == first == cold
    assert {d["code"] for d in cold[1]} == {"K204", "K520"}

    ganti(arsip_sah / "biro-sdm" / "pegawai" / NIP_STAF / "2026" / "evaluasi" / "tw1.yaml", "status: finall",
          "status: final")
    code, found = _validate(root)
    assert (code, [d["code"] for d in found]) == (0, ["K520"])
    assert _validate(root, "--no-cache") == (code, found)


def test_corrupt_or_foreign_cache_files_are_ignored_and_rebuilt(arsip_sah: Path, tembolok_sendiri: Path):
    root = arsip_sah.parent
    _with_findings(arsip_sah)
    expected = _validate(root)
    files = _cache_files(tembolok_sendiri)
    for n, path in enumerate(files):
        if n % 2:
            path.write_bytes(b"bukan tembolok")
        else:  # a well-formed header and checksum around content of the wrong shape
            tembolok.Tembolok._tulis(path, "asing")
    assert _validate(root) == expected
    assert _validate(root) == expected
    berkas = [p for p in _cache_files(tembolok_sendiri) if p.parent.name == "berkas"]
    assert all(tembolok.Tembolok._baca(p) != "asing" for p in berkas)


def test_cache_folder_is_at_the_root_unless_an_environment_variable_moves_it(arsip_sah: Path, tmp_path: Path,
                                                                               monkeypatch):
    monkeypatch.delenv("KINERJA_CACHE")
    _validate(arsip_sah.parent)
    assert _cache_files(arsip_sah.parent / ".kinerja-cache")
    shutil.rmtree(arsip_sah.parent / ".kinerja-cache")
    monkeypatch.setenv("KINERJA_CACHE", str(tmp_path / "ci-cache"))
    _validate(arsip_sah.parent)
    assert _cache_files(tmp_path / "ci-cache") and not (arsip_sah.parent / ".kinerja-cache").exists()


def test_inside_git_the_listing_and_blob_ids_come_from_git(arsip_sah: Path, repo_git):
    """Index blobs for unchanged tracked files; modified and untracked files are read from the disk."""
    repo = repo_git(arsip_sah.parent)
    repo.komit("awal", "records")
    pohon = pemeriksaan.Pohon(arsip_sah)
    files = sorted(arsip_sah.rglob("*.yaml"))
    assert sorted(Path(b.path) for b in pohon.daftar) == files
    for path in files:
        assert pohon.blobs[str(path)] == tembolok.blob_id(path.read_bytes())
        assert pohon._daftar.blobs[str(path)] == repo.git("hash-object", str(path)).strip()

    changed = arsip_sah / "biro-sdm" / "unit.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# catatan\n", encoding="utf-8")
    new = arsip_sah / "biro-sdm" / "organisasi" / "2027.yaml"
    new.write_text("tahun: 2027\n", encoding="utf-8")
    gone = arsip_sah / "biro-sdm" / "organisasi" / "2026.yaml"
    gone.unlink()
    pohon = pemeriksaan.Pohon(arsip_sah)
    assert {Path(b.path) for b in pohon.daftar} == set(files) - {gone} | {new}
    assert str(changed) not in pohon._daftar.blobs and str(new) not in pohon._daftar.blobs
    assert pohon.blobs[str(changed)] == tembolok.blob_id(changed.read_bytes())


def test_the_staged_listing_reads_the_index_not_the_working_copy(arsip_sah: Path, repo_git):
    repo = repo_git(arsip_sah.parent)
    repo.komit("awal", "records")
    unit = arsip_sah / "biro-sdm" / "unit.yaml"
    staged = unit.read_text(encoding="utf-8").replace("triwulanan", "bulanan")
    unit.write_text(staged, encoding="utf-8")
    repo.git("add", "records")
    unit.write_text(staged.replace("bulanan", "triwulanan"), encoding="utf-8")  # the working copy put back
    pohon = pemeriksaan.Pohon(arsip_sah, revisi=":")
    assert pohon.model(pohon.kelompok).units["biro-sdm"].evaluasi_periodik == "bulanan"
    assert pemeriksaan.Pohon(arsip_sah).model({"unit/biro-sdm"}).units["biro-sdm"].evaluasi_periodik == "triwulanan"


def test_a_branch_check_leaves_the_last_run_it_started_from_in_place(arsip_sah: Path, repo_git,
                                                                   tembolok_sendiri: Path):
    """--changed-since checks the staged tree from the last run and does not write its own (a
    second per check at ministry scale); the run after it is still exact."""
    repo = repo_git(arsip_sah.parent)
    repo.komit("awal", "records")
    root = arsip_sah.parent
    _with_findings(arsip_sah)
    _validate(root)
    (terakhir,) = tembolok_sendiri.rglob("terakhir.bin")
    sebelum = terakhir.read_bytes()
    ganti(arsip_sah / "biro-sdm" / "pegawai" / NIP_STAF / "2026" / "evaluasi" / "tw1.yaml", "status: finall",
          "status: final")
    repo.git("add", "records")
    code, found = _validate(root, "--changed-since", "HEAD")
    assert (code, sorted({d["code"] for d in found})) == (1, ["K520", "K707"])  # late SKP, set SKP changed
    assert terakhir.read_bytes() == sebelum
    assert _validate(root) == _validate(root, "--no-cache")


def test_a_new_tool_version_does_not_reuse_results(arsip_sah: Path, tembolok_sendiri: Path, monkeypatch):
    root = arsip_sah.parent
    _with_findings(arsip_sah)
    _validate(root)
    monkeypatch.setattr(tembolok, "versi", lambda: "versi-lain")
    assert _validate(root)[1] and (tembolok.lokasi(root) / "versi-lain").is_dir()


def test_a_file_added_with_its_folder_mtime_restored_is_seen(arsip_sah: Path, repo_git):
    """The listing never trusts folder mtimes (rsync -a, cp -p, tar -x keep them)."""
    repo_git(arsip_sah.parent).komit("awal", "records")
    root = arsip_sah.parent
    first = _validate(root)
    feedback = arsip_sah / "biro-sdm" / "pegawai" / NIP_STAF / "2026" / "umpan-balik"
    before = os.stat(feedback)
    (feedback / "2026-03-01.yaml").write_text("tanggal: 2026-03-01\n", encoding="utf-8")
    os.utime(feedback, ns=(before.st_atime_ns, before.st_mtime_ns))
    warm = _validate(root)
    assert warm == _validate(root, "--no-cache") != first
    assert any(d["file"].endswith("2026-03-01.yaml") for d in warm[1])


def test_a_last_run_record_of_another_shape_is_ignored(arsip_sah: Path, tembolok_sendiri: Path):
    root = arsip_sah.parent
    _with_findings(arsip_sah)
    expected = _validate(root, "--no-cache")
    _validate(root)
    last, = tembolok_sendiri.rglob("terakhir.bin")
    tembolok.Tembolok._tulis(last, (str(arsip_sah.resolve()), (("records/x", ("x",), "skp", "0"),), ()))
    ganti(arsip_sah / "biro-sdm" / "pegawai" / NIP_STAF / "2026" / "evaluasi" / "tw1.yaml", "status: finall",
          "status: final")
    assert _validate(root) == _validate(root, "--no-cache") != expected


# --- one cache per kind of CI job; entries of another shape are not trusted -------------------------

_CI = ("KINERJA_CACHE_JENIS", "GITHUB_ACTIONS", "GITHUB_EVENT_NAME", "GITLAB_CI", "CI_PIPELINE_SOURCE",
       "CI_COMMIT_BRANCH", "CI_DEFAULT_BRANCH")


def _pekerjaan(monkeypatch, **env: str) -> None:
    for name in _CI:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


def test_cache_folder_depends_on_the_kind_of_ci_job(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KINERJA_CACHE", str(tmp_path))
    kinds = [
        ({}, "lokal"),
        ({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request"}, "usulan"),
        ({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request_target"}, "usulan"),
        ({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "push"}, "terbit"),
        ({"GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "merge_request_event", "CI_DEFAULT_BRANCH": "main"}, "usulan"),
        ({"GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "fitur",
          "CI_DEFAULT_BRANCH": "main"}, "usulan"),
        ({"GITLAB_CI": "true", "CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main",
          "CI_DEFAULT_BRANCH": "main"}, "terbit"),
        ({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "KINERJA_CACHE_JENIS": "Situs/../x"},
         "situs-x"),
    ]
    for env, kind in kinds:
        _pekerjaan(monkeypatch, **env)
        assert tembolok.lokasi(Path("/repo")) == tmp_path / kind, env
    _pekerjaan(monkeypatch)
    monkeypatch.delenv("KINERJA_CACHE")
    assert tembolok.lokasi(Path("/repo")) == Path("/repo/.kinerja-cache/lokal")


def _racuni(folder: Path) -> int:
    """Replace every record in the per-file shards under folder with an empty mapping and drop
    its diagnostics (well-formed, checksummed: what a hostile job could leave)."""
    n = 0
    for path in folder.rglob("berkas/*.bin"):
        shard = tembolok.Tembolok._baca(path)
        tembolok.Tembolok._tulis(path, {key: ({}, ()) for key in shard})
        n += len(shard)
    return n


def test_a_pull_request_jobs_cache_is_not_read_by_the_publishing_job(arsip_sah: Path, tmp_path: Path, monkeypatch):
    root = arsip_sah.parent
    monkeypatch.setenv("KINERJA_CACHE", str(tmp_path / "ci"))
    _with_findings(arsip_sah)
    expected = _validate(root, "--no-cache")
    _pekerjaan(monkeypatch, GITHUB_ACTIONS="true", GITHUB_EVENT_NAME="pull_request")
    assert _validate(root) == expected
    assert _racuni(tmp_path / "ci" / "usulan") > 0
    for terakhir in (tmp_path / "ci" / "usulan").rglob("terakhir.bin"):
        terakhir.unlink()  # so that this job kind reads its poisoned per-file entries
    poisoned = jalankan_cli("validate", "--format", "json", cwd=root)
    assert poisoned.code == 2 or json.loads(poisoned.out) != expected[1]  # what this job kind reads...
    _pekerjaan(monkeypatch, GITHUB_ACTIONS="true", GITHUB_EVENT_NAME="push")
    assert _validate(root) == expected  # ...and never what the publishing job reads
    assert sorted(p.name for p in (tmp_path / "ci").iterdir()) == ["terbit", "usulan"]


def test_cache_entries_of_another_shape_are_ignored(arsip_sah: Path, monkeypatch):
    root = arsip_sah.parent
    _pekerjaan(monkeypatch)
    monkeypatch.delenv("KINERJA_CACHE", raising=False)
    _with_findings(arsip_sah)
    expected = _validate(root)
    bentuk = [("bukan mapping", ()), ({}, ("x",)), ({}, ((1, 1, "K1", "error", "m"),)),
              ({}, (("1", 1, "K1", "error", "m", None),)), ({}, [])]
    for path in _cache_files(root):
        if path.parent.name == "berkas":
            shard = tembolok.Tembolok._baca(path)
            tembolok.Tembolok._tulis(path, {key: bentuk[i % len(bentuk)] for i, key in enumerate(shard)})
        elif path.parent.name == "hasil":
            tembolok.Tembolok._tulis(path, ((("f", 1, 1, "K1", "error", "m", None, "lebih"),), 1))
    assert _validate(root) == expected
    assert _validate(root) == expected


def test_cached_diagnostic_shape_follows_the_diagnostic_class():
    from dataclasses import fields

    from kinerja.laporan import Diagnostik

    assert len(tembolok.BENTUK_DIAGNOSTIK) == len(fields(Diagnostik))


def test_the_cache_version_covers_every_module_of_the_package(tmp_path: Path):
    """Not a hand-kept list: a change to any module (riwayat.py was once missing) or schema changes it."""
    paket = tmp_path / "kinerja"
    shutil.copytree(Path(tembolok.__file__).parent, paket, ignore=shutil.ignore_patterns("__pycache__"))
    awal = tembolok.versi_dari(paket)
    assert awal == tembolok.versi()
    for path in sorted(paket.rglob("*.py")) + sorted((paket / "schemas").glob("*.json")):
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert tembolok.versi_dari(paket) != awal, path.name
        path.write_bytes(original)
    assert tembolok.versi_dari(paket) == awal


def _teks(data) -> list[str]:
    if isinstance(data, dict):
        return [t for k, v in data.items() for t in [k, *_teks(v)]]
    if isinstance(data, list):
        return [t for v in data for t in _teks(v)]
    return [data] if isinstance(data, str) else []


def test_equal_texts_of_loaded_records_are_one_object_from_workers_and_from_the_cache(tmp_path: Path,
                                                                                      tembolok_sendiri: Path):
    """A ministry's records repeat the same keys and codes millions of times: loaded in worker
    processes or read back from the cache, each text is held once (the memory goal of 10,000
    employees rests on it)."""
    records = tmp_path / "records"
    tulis_sintetis(records, pegawai=220, unit=2, seed=3, tahun=2025)
    daftar, _ = arsip.temukan(records, tmp_path)
    assert len(daftar) > arsip.AMBANG_PARALEL, "loaded in worker processes"
    blobs = arsip.blob_semua(daftar, {})
    for run in ("workers", "cache"):
        cache = tembolok.Tembolok(tembolok_sendiri)
        loaded = arsip.baca_semua(daftar, cache=cache, blobs=blobs, jobs=2)
        teks = [t for b in loaded for t in _teks(b.data)]
        assert len(teks) > 100_000 and all(b.data is not None for b in loaded), run
        assert len({id(t) for t in teks}) == len(set(teks)), run
