"""Shared fixtures: a minimal valid records tree and an in-process runner of the command.

The tree (tests/corpus/sah/records) has two units, sekretariat and its child biro-sdm; the
head of sekretariat (NIP_SEKJEN) is the penilai of the head of biro-sdm (NIP_KEPALA), who is
the penilai of a functional staff member (NIP_STAF). Both biro-sdm employees have a 2026 SKP
(the staff RHK rhk-1 intervenes the head's rhk-1); the staff member has a final TW I
evaluation and one feedback record; biro-sdm has its 2026 organisation rating for TW I.
`kinerja validate` reports nothing on it.

Every test runs with its own cache folder (KINERJA_CACHE in tmp_path), so no test writes
.kinerja-cache into the repository or reuses another test's memoised results. RepoGit makes
Git repositories with a fixed identity and fixed dates, so commit ids are reproducible.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from kinerja import cli

SAH = Path(__file__).parent / "corpus" / "sah" / "records"

NIP_SEKJEN = "197502102000031001"
NIP_KEPALA = "198003152005011002"
NIP_STAF = "199203142019032001"


TANGGAL_GIT = "2026-01-05T09:00:00+07:00"


@pytest.fixture(scope="session", autouse=True)
def _tembolok_sesi(tmp_path_factory):
    """A cache outside the repository for module- and session-scoped fixtures, which run
    before any test's own."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KINERJA_CACHE", str(tmp_path_factory.mktemp("tembolok-sesi")))
        yield


@pytest.fixture(autouse=True)
def tembolok_sendiri(tmp_path_factory, monkeypatch) -> Path:
    """Each test's own empty cache folder (beside tmp_path, so tests still own tmp_path wholly)."""
    folder = tmp_path_factory.mktemp("tembolok")
    monkeypatch.setenv("KINERJA_CACHE", str(folder))
    return folder


class RepoGit:
    """A Git repository in a folder, committing as one fixed identity at fixed dates."""

    def __init__(self, path: Path):
        self.path = path

    @classmethod
    def buat(cls, path: Path, *, cabang: str = "main") -> RepoGit:
        """A new repository in path (created if needed) on branch cabang."""
        path.mkdir(parents=True, exist_ok=True)
        repo = cls(path)
        repo.git("init", "-q", "-b", cabang)
        return repo

    def git(self, *args: str, tanggal: str = TANGGAL_GIT, penulis: str = "Uji") -> str:
        """Run git in the repository (isolated from the user's Git configuration); its stdout."""
        env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
               "GIT_AUTHOR_NAME": penulis, "GIT_AUTHOR_EMAIL": "uji@contoh.go.id", "GIT_AUTHOR_DATE": tanggal,
               "GIT_COMMITTER_NAME": penulis, "GIT_COMMITTER_EMAIL": "uji@contoh.go.id",
               "GIT_COMMITTER_DATE": tanggal}
        return subprocess.run(["git", "-c", "gc.auto=0", "-c", "commit.gpgsign=false", *args], cwd=self.path,
                              env=env, check=True, capture_output=True, text=True).stdout

    def komit(self, pesan: str, *paths: str, **kwargs: str) -> str:
        """Stage paths (default: everything) and commit them; the new commit's id."""
        self.git("add", "-A", "--", *(paths or ["."]))
        self.git("commit", "-q", "-m", pesan, **kwargs)
        return self.git("rev-parse", "HEAD").strip()

    def cabang(self, nama: str) -> None:
        """Create branch nama at HEAD and switch to it."""
        self.git("switch", "-q", "-c", nama)


@pytest.fixture
def repo_git(tmp_path: Path):
    """Make a RepoGit: repo_git() in tmp_path, repo_git(folder) elsewhere."""
    def buat(path: Path = tmp_path, **kwargs) -> RepoGit:
        return RepoGit.buat(path, **kwargs)
    return buat


def tulis_arsip_sah(root: Path) -> Path:
    """Copy the minimal valid tree to root/records and return that folder."""
    records = root / "records"
    shutil.copytree(SAH, records)
    return records


def ganti(path: Path, lama: str, baru: str) -> None:
    """Replace the one occurrence of lama in a text file (fails if it is not exactly one)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(lama) == 1, f"{lama!r} occurs {text.count(lama)} times in {path}"
    path.write_text(text.replace(lama, baru), encoding="utf-8")


@dataclass(frozen=True)
class HasilCli:
    code: int
    out: str
    err: str


def jalankan_cli(*args: str, cwd: Path | None = None) -> HasilCli:
    """Run kinerja.cli.main in-process (optionally in cwd) with stdout and stderr captured."""
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse: --help, --version, usage errors
                code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    finally:
        os.chdir(before)
    return HasilCli(code, out.getvalue(), err.getvalue())


@pytest.fixture
def arsip_sah(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid tree: tmp_path/records."""
    return tulis_arsip_sah(tmp_path)


@pytest.fixture
def jalankan(tmp_path: Path):
    """Run the command in tmp_path (so `records/` there is the default and paths are relative to it)."""
    def run(*args: str) -> HasilCli:
        return jalankan_cli(*args, cwd=tmp_path)
    return run

