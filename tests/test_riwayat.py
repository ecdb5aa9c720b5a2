"""riwayat: one-pass Git history against real repositories built in tmp_path."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kinerja.riwayat import Komit, sejarah


def git(repo: Path, *args: str, tanggal: str = "2026-01-05T09:00:00+07:00", penulis: str = "Sari") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": tanggal, "GIT_COMMITTER_DATE": tanggal,
           "GIT_AUTHOR_NAME": penulis, "GIT_AUTHOR_EMAIL": "sari@contoh.go.id",
           "GIT_COMMITTER_NAME": penulis, "GIT_COMMITTER_EMAIL": "sari@contoh.go.id"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def komit(repo: Path, pesan: str, files: dict[str, str | None], **kw) -> None:
    for rel, text in files.items():
        path = repo / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", pesan, **kw)


def test_history_of_every_file_newest_first(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    komit(tmp_path, "Tambah profil\n\nbadan pesan", {"records/u/unit.yaml": "a\n", "records/u/pegawai/p.yaml": "b\n",
                                                      "README.md": "x\n"},
          tanggal="2026-01-05T09:00:00+07:00", penulis="Sari Wulandari")
    komit(tmp_path, "Ubah unit", {"records/u/unit.yaml": "a2\n"}, tanggal="2026-02-01T10:30:00+07:00",
          penulis="Budi")
    komit(tmp_path, "Hapus profil", {"records/u/pegawai/p.yaml": None}, tanggal="2026-03-01T08:00:00+00:00")

    history = sejarah(tmp_path, tmp_path / "records")

    assert set(history) == {"records/u/unit.yaml", "records/u/pegawai/p.yaml"}
    unit = history["records/u/unit.yaml"]
    assert [k.pesan for k in unit] == ["Ubah unit", "Tambah profil"]
    assert unit[0] == Komit(datetime(2026, 2, 1, 10, 30, tzinfo=timezone(timedelta(hours=7))), "Budi", "Ubah unit",
                            git(tmp_path, "rev-parse", "HEAD~1").strip())
    assert unit[1].penulis == "Sari Wulandari" and unit[1].tanggal.utcoffset() == timedelta(hours=7)
    deleted = history["records/u/pegawai/p.yaml"]
    assert [k.pesan for k in deleted] == ["Hapus profil", "Tambah profil"]
    assert deleted[0].tanggal == datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def test_keys_are_relative_to_the_given_root_and_odd_names_survive(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    komit(repo, "nama berkas dengan spasi dan aksara é", {"data/records/a b/é.yaml": "x\n"})
    history = sejarah(repo / "data", repo / "data" / "records")
    assert list(history) == ["records/a b/é.yaml"]


def test_not_a_work_tree_or_no_commits(tmp_path):
    (tmp_path / "records").mkdir()
    assert sejarah(tmp_path, tmp_path / "records") == {}
    git(tmp_path, "init", "-q")
    assert sejarah(tmp_path, tmp_path / "records") == {}
