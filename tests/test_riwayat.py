"""riwayat: one-pass Git history against real repositories built in tmp_path."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kinerja.riwayat import (
    Komit,
    Pencarian,
    RiwayatError,
    baca_di,
    berubah,
    sejarah,
    titik_cabang,
    verifikasi,
)
from kinerja.tembolok import blob_id


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


def test_revisions_are_verified_before_use(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    komit(tmp_path, "awal", {"records/a.yaml": "a\n"})
    head = git(tmp_path, "rev-parse", "HEAD").strip()
    assert verifikasi(tmp_path, "main") == head
    assert verifikasi(tmp_path, "HEAD") == head
    tree = git(tmp_path, "rev-parse", "HEAD^{tree}").strip()
    for rev in ("tidak-ada", "--output=/tmp/x", "-p", "main~5", "a b", "", tree):
        with pytest.raises(RiwayatError) as exc:
            verifikasi(tmp_path, rev)
        assert "revisi" in str(exc.value) and "\n" not in str(exc.value)


def test_merge_base_changes_since_and_files_at_a_base_in_one_pass(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    komit(tmp_path, "awal", {"records/tetap.yaml": "1\n", "records/ubah.yaml": "1\n", "records/hapus.yaml": "1\n",
                             "lain/luar.yaml": "1\n"})
    dasar = git(tmp_path, "rev-parse", "HEAD").strip()
    git(tmp_path, "checkout", "-q", "-b", "usulan")
    komit(tmp_path, "ubah", {"records/ubah.yaml": "2\n", "records/hapus.yaml": None, "records/baru.yaml": "1\n",
                             "lain/luar.yaml": "2\n"})
    git(tmp_path, "checkout", "-q", "main")
    komit(tmp_path, "main maju", {"records/tetap.yaml": "3\n"}, tanggal="2026-02-01T09:00:00+07:00")
    git(tmp_path, "checkout", "-q", "usulan")
    (tmp_path / "records" / "staged.yaml").write_text("s\n")
    git(tmp_path, "add", "records/staged.yaml")
    (tmp_path / "records" / "belum-stage.yaml").write_text("u\n")

    assert titik_cabang(tmp_path, verifikasi(tmp_path, "main")) == dasar
    # Committed and staged changes under records/ only; main's own progress is not the branch's.
    satu, kosong = blob_id(b"1\n"), "0" * 40  # the base's blob of each file (none for an added one)
    assert berubah(tmp_path, dasar, "records") == {
        "records/ubah.yaml": ("M", "100644", satu), "records/hapus.yaml": ("D", "100644", satu),
        "records/baru.yaml": ("A", "000000", kosong), "records/staged.yaml": ("A", "000000", kosong)}
    isi = baca_di(tmp_path, dasar, ["records/ubah.yaml", "records/hapus.yaml", "records/baru.yaml", "records"])
    assert isi == {"records/ubah.yaml": b"1\n", "records/hapus.yaml": b"1\n"}  # absent paths and trees left out


def test_unrelated_histories_have_no_merge_base(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    komit(tmp_path, "awal", {"a.yaml": "1\n"})
    git(tmp_path, "checkout", "-q", "--orphan", "lain")
    komit(tmp_path, "yatim", {"b.yaml": "1\n"})
    with pytest.raises(RiwayatError, match="titik cabang"):
        titik_cabang(tmp_path, verifikasi(tmp_path, "main"))


def test_search_finds_the_files_naming_a_nip_and_nothing_is_not_an_error(tmp_path):
    git(tmp_path, "init", "-q")
    komit(tmp_path, "awal", {"records/u/pegawai/1/profil.yaml": 'penilai: "198003152005011002"\n',
                             "records/u/pegawai/2/profil.yaml": 'penilai: "197502102000031001"\n',
                             "records/u/pegawai/2/2026/skp.yaml": 'intervensi: "198003152005011002/rhk-1"\n'})
    pola = [":(glob)records/*/pegawai/*/profil.yaml", ":(glob)records/*/pegawai/*/*/skp.yaml"]
    assert sorted(Pencarian(tmp_path, ["198003152005011002"], pola).hasil()) == [
        "records/u/pegawai/1/profil.yaml", "records/u/pegawai/2/2026/skp.yaml"]
    assert Pencarian(tmp_path, ["199999999999999999"], pola).hasil() == []
