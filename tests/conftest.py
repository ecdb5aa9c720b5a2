"""Shared fixtures: a minimal valid records tree and an in-process runner of the command.

The tree (tests/corpus/sah/records) has two units, sekretariat and its child biro-sdm; the
head of sekretariat (NIP_SEKJEN) is the penilai of the head of biro-sdm (NIP_KEPALA), who is
the penilai of a functional staff member (NIP_STAF). Both biro-sdm employees have a 2026 SKP
(the staff RHK rhk-1 intervenes the head's rhk-1); the staff member has a final TW I
evaluation and one feedback record; biro-sdm has its 2026 organisation rating for TW I.
`kinerja validate` reports nothing on it.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from kinerja import cli

SAH = Path(__file__).parent / "corpus" / "sah" / "records"

NIP_SEKJEN = "197502102000031001"
NIP_KEPALA = "198003152005011002"
NIP_STAF = "199203142019032001"


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


@pytest.fixture(autouse=True)
def tembolok_terpisah(tmp_path_factory, monkeypatch):
    """Every test keeps its cache in its own temporary folder, never in the repository."""
    monkeypatch.setenv("KINERJA_CACHE", str(tmp_path_factory.mktemp("tembolok")))
