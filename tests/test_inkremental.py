"""A warm run after a few changes re-checks only what they affect; its result must equal a full run's."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import jalankan_cli

from kinerja import inkremental

DEMO = Path(__file__).resolve().parents[1] / "records"
ENV = {**os.environ, "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@contoh.go.id", "GIT_COMMITTER_NAME": "Uji",
       "GIT_COMMITTER_EMAIL": "uji@contoh.go.id", "GIT_AUTHOR_DATE": "2026-01-02T10:00:00+07:00",
       "GIT_COMMITTER_DATE": "2026-01-02T10:00:00+07:00"}
KEPALA_BIRO = "197408231999031002"
KABAG = "197904122003122001"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True)


def _hapus(records: Path, pattern: str, index: int) -> None:
    """Delete the index-th file (sorted) matching pattern, if an earlier step left it."""
    found = sorted(records.glob(pattern))
    if len(found) > index:
        found[index].unlink()


def _ganti(records: Path, pattern: str, old: str, new: str) -> None:
    """Replace the first match of the regex old in the first file (sorted) matching pattern, if any."""
    found = sorted(records.glob(pattern))
    if not found:
        return
    path = found[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(old, new, text, count=1), encoding="utf-8")


MUTASI = {
    "rating": lambda r: _ganti(r, "biro-sdm/pegawai/*/2025/evaluasi/tw2.yaml", r"rating_perilaku_kerja: \w+",
                               "rating_perilaku_kerja: di_bawah_ekspektasi"),
    "hapus evaluasi": lambda r: _hapus(r, "bagian-pengembangan-pegawai/pegawai/*/2026/evaluasi/tw1.yaml", 1),
    "rhk atasan diganti": lambda r: _ganti(r, f"biro-sdm/pegawai/{KABAG}/2026/skp.yaml", r"id: rhk-1\b",
                                           "id: rhk-91"),
    "penilai asing": lambda r: _ganti(r, "bagian-pengembangan-pegawai/pegawai/*/profil.yaml",
                                      r'penilai: "\d+"', 'penilai: "199001012015031001"'),
    "predikat organisasi": lambda r: _ganti(r, "biro-sdm/organisasi/2025.yaml", r"predikat: \w+",
                                            "predikat: butuh_perbaikan"),
    "kalibrasi": lambda r: _ganti(r, "bagian-pengembangan-pegawai/organisasi/2025.yaml",
                                  r"(predikat: \w+\n)", r"\1    kalibrasi: Disepakati dalam rapat kalibrasi.\n"),
    "berkas asing": lambda r: (r / "biro-sdm" / "catatan.txt").write_text("catatan\n", encoding="utf-8"),
    "yaml rusak": lambda r: _ganti(r, "biro-sdm/pegawai/*/2026/umpan-balik/*.yaml", r"catatan: ", "catatan: [ "),
    "hapus profil": lambda r: _hapus(r, "biro-sdm/pegawai/*/profil.yaml", 6),
    "skp jadi draft": lambda r: _ganti(r, "bagian-pengembangan-pegawai/pegawai/*/2025/skp.yaml",
                                       r"status: ditetapkan", "status: draft"),
    "pimpinan diganti": lambda r: _ganti(r, "biro-sdm/unit.yaml", r'pimpinan: "\d+"', f'pimpinan: "{KABAG}"'),
    "umpan balik baru": lambda r: (r / "biro-sdm" / "pegawai" / KABAG / "2026" / "umpan-balik").is_dir() and (
        r / "biro-sdm" / "pegawai" / KABAG / "2026" / "umpan-balik" / "2026-03-03-baru.yaml").write_text(
        f'tanggal: 2026-03-03\ndari: "{KEPALA_BIRO}"\njenis: umpan_balik\ntentang: {{rhk: rhk-77}}\n'
        "catatan: Catatan baru.\n", encoding="utf-8"),
    "skp atasan dihapus": lambda r: _hapus(r, f"biro-sdm/pegawai/{KABAG}/2026/skp.yaml", 0),
    "keputusan keberatan": lambda r: _ganti(r, "bagian-pengembangan-pegawai/pegawai/*/2025/keberatan/tahunan.yaml",
                                            r"rating_perilaku_kerja: \w+", "rating_perilaku_kerja: di_atas_ekspektasi"),
    "tahun skp": lambda r: _ganti(r, "biro-sdm/pegawai/*/2026/skp.yaml", r"tahun: 2026", "tahun: 2027"),
    "nip di dua unit": lambda r: shutil.copytree(r / "biro-sdm" / "pegawai" / KABAG,
                                                 r / "bagian-pengembangan-pegawai" / "pegawai" / KABAG,
                                                 dirs_exist_ok=True),
    "kembali": lambda r: _git(r.parent, "checkout", "-q", "--", "records"),
}


@pytest.fixture(scope="module")
def induk(tmp_path_factory) -> Path:
    """A Git repository holding the demo records, committed."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(DEMO, root / "records")
    _git(root, "init", "-q")
    _git(root, "add", "records")
    _git(root, "commit", "-qm", "rekaman")
    return root


def _validate(root: Path, *extra: str) -> tuple[int, list]:
    result = jalankan_cli("validate", "--format", "json", *extra, cwd=root)
    assert result.code in (0, 1), result.err
    return result.code, json.loads(result.out)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(urutan=st.lists(st.sampled_from(sorted(MUTASI)), min_size=1, max_size=4))
def test_warm_result_after_changes_equals_a_full_run(induk: Path, tmp_path_factory, urutan, monkeypatch):
    root = tmp_path_factory.mktemp("salinan")
    shutil.copytree(induk, root, dirs_exist_ok=True)
    monkeypatch.setenv("KINERJA_CACHE", str(root / "cache"))
    taken = []
    original = inkremental.periksa_ulang
    monkeypatch.setattr(inkremental, "periksa_ulang",
                        lambda *a, **k: taken.append(original(*a, **k)) or taken[-1])
    _validate(root)
    for name in urutan:
        MUTASI[name](root / "records")
        assert _validate(root) == _validate(root, "--no-cache"), f"setelah {urutan}"
    changed_any = any(name != "kembali" for name in urutan)
    assert not changed_any or any(result is not None for result in taken), "the incremental path was taken"
