"""Privacy by construction, checked on real builds (`kinerja build` of a records tree in a Git
repository): what the built files must never hold, and the output folders a build refuses."""

from __future__ import annotations

import dataclasses
import gzip
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import NIP_KEPALA, NIP_STAF, ganti, jalankan_cli, tulis_arsip_sah
from kinerja import model as model_mod
from kinerja import pemeriksaan, rekap, riwayat
from kinerja.situs import halaman

GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@contoh.go.id",
           "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@contoh.go.id",
           "GIT_AUTHOR_DATE": "2026-03-05T10:00:00+07:00", "GIT_COMMITTER_DATE": "2026-03-05T10:00:00+07:00"}
DEMO = Path(__file__).resolve().parents[1] / "records"
STAF = f"biro-sdm/pegawai/{NIP_STAF}"
KONSELING = f"{STAF}/2026/umpan-balik/2026-03-02-konseling.yaml"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, check=True, capture_output=True)


def _teks_semua(folder: Path) -> str:
    """Every built file's text (gzip unpacked)."""
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            raw = path.read_bytes()
            parts.append((gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace"))
    return "\n".join(parts)


def _repo(tmp_path: Path) -> Path:
    """tmp_path/repo: the minimal valid tree in a Git repository, with a counselling note of the
    staff member committed together with a change to the unit head's profile."""
    repo = tmp_path / "repo"
    records = tulis_arsip_sah(repo)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Rekaman awal")
    (records / KONSELING).write_text(
        f'tanggal: 2026-03-02\ndari: "{NIP_KEPALA}"\njenis: konseling\ncatatan: RAHASIA-KONSELING-ISI\n'
        "rahasia: true\n", encoding="utf-8")
    profil = records / "biro-sdm" / "pegawai" / NIP_KEPALA / "profil.yaml"
    profil.write_text(profil.read_text(encoding="utf-8") + "# diperbarui\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "PESAN-RAHASIA konseling Sari dan profil kepala")
    return repo


def _bangun(repo: Path, out: Path, *extra: str):
    return jalankan_cli("build", "--records", str(repo / "records"), "--out", str(out), *extra, cwd=repo)


@pytest.fixture(scope="module")
def dibangun(tmp_path_factory) -> Path:
    """The sites of both units of the repository, built for real; the out folder."""
    repo = _repo(tmp_path_factory.mktemp("privasi"))
    out = repo.parent / "keluar" / "site"
    result = _bangun(repo, out)
    assert result.code == 0, result.err
    return out


# --- Git history --------------------------------------------------------------------------------

def test_a_commit_touching_a_confidential_note_shows_its_message_on_no_page(dibangun):
    built = _teks_semua(dibangun)
    assert "RAHASIA-KONSELING-ISI" not in built and "PESAN-RAHASIA" not in built
    kepala = (dibangun / "biro-sdm" / "pegawai" / NIP_KEPALA / "index.html").read_text(encoding="utf-8")
    staf = (dibangun / "biro-sdm" / "pegawai" / NIP_STAF / "index.html").read_text(encoding="utf-8")
    assert "Rekaman awal" in kepala and "Rekaman awal" in staf
    assert "pesan tidak dipublikasikan" in kepala  # the head's profile changed in that commit
    assert "pesan tidak dipublikasikan" not in staf and "5 Maret 2026" in staf  # the note's own page: no trace


# --- hand-written pages ---------------------------------------------------------------------

def test_symbolic_links_in_the_hand_written_pages_are_not_followed(tmp_path):
    repo = _repo(tmp_path)
    site = repo / "site"
    site.mkdir()
    (site / "panduan.md").write_text("# Panduan unit\n", encoding="utf-8")
    (site / "bocor.md").symlink_to(repo / "records" / KONSELING)
    (site / "folder-bocor").symlink_to(repo / "records" / STAF / "2026" / "umpan-balik", target_is_directory=True)
    out = tmp_path / "keluar" / "site"
    result = _bangun(repo, out, "--unit", "biro-sdm")
    assert result.code == 0, result.err
    assert "site/bocor.md adalah tautan simbolik" in result.err and "site/folder-bocor adalah tautan" in result.err
    built = _teks_semua(out) + _teks_semua(tmp_path / "keluar" / "biro-sdm" / "docs")
    assert "Panduan unit" in built and "RAHASIA-KONSELING-ISI" not in built
    assert not (out / "biro-sdm" / "bocor").exists() and not (out / "biro-sdm" / "folder-bocor").exists()


# --- output folders ---------------------------------------------------------------------------

@pytest.mark.parametrize("out, unit", [("records", None), ("records/biro-sdm/situs", None), ("site", None),
                                       ("site/keluaran", None), ("keluaran", "site"), ("keluaran", "records")])
def test_an_output_folder_inside_the_records_or_the_hand_written_pages_is_refused(tmp_path, out, unit):
    """Also when a unit's code makes its work folder (<out>/../<unit>) one of them."""
    repo = tmp_path / "repo"
    records = tulis_arsip_sah(repo)
    if unit:
        (records / "biro-sdm").rename(records / unit)
        ganti(records / unit / "unit.yaml", "kode: biro-sdm", f"kode: {unit}")
    (repo / "site").mkdir()
    (repo / "site" / "panduan.md").write_text("# Panduan\n", encoding="utf-8")
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    result = jalankan_cli("build", "--out", out, "--no-cache", cwd=repo)
    assert result.code == 2, (result.code, result.err)
    assert result.err.count("\n") == 1 and result.err.startswith("kinerja: folder keluaran ")
    assert "pakai --out di luar folder itu" in result.err
    assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == before  # nothing written


# --- distribution counts ------------------------------------------------------------------------

_SEBARAN = ("pegawai dengan evaluasi final", "Tabel sebaran", "<svg class=\"kinerja-grafik", "Sebaran sesuai kurva",
            "Menyimpang dari kurva")


def test_distribution_counts_of_a_small_group_are_not_published(dibangun):
    """The minimal tree's curves count fewer than the default minimum of 5 employees."""
    built = _teks_semua(dibangun / "biro-sdm")
    assert not [t for t in _SEBARAN if t in built]
    beranda = (dibangun / "biro-sdm" / "index.html").read_text(encoding="utf-8")
    assert "Sebaran predikat tidak dipublikasikan: kelompok yang dihitung kurang dari 5 pegawai" in beranda
    assert "Kurva yang diharapkan" in beranda  # the organisation rating and its expected curve stay


@pytest.mark.parametrize("publikasi, tampil", [("{minimum_kelompok: 1}", True),
                                               ("{rating: false, minimum_kelompok: 1}", False)])
def test_distribution_counts_follow_publikasi_rating(tmp_path, publikasi, tampil):
    repo = tmp_path / "repo"
    records = tulis_arsip_sah(repo)
    ganti(records / "biro-sdm" / "unit.yaml", "admin: [hr-biro-sdm]", f"admin: [hr-biro-sdm]\npublikasi: {publikasi}")
    out = tmp_path / "keluar" / "site"
    result = _bangun(repo, out, "--unit", "biro-sdm")
    assert result.code == 0, result.err
    built = _teks_semua(out / "biro-sdm")
    assert all((t in built) == tampil for t in _SEBARAN[:3]), [t for t in _SEBARAN if t in built]
    assert ("unit ini tidak mempublikasikan rating" in built) != tampil


# --- page contexts ------------------------------------------------------------------------------

def _objek(value, seen=None):
    """Every object reachable from a page context through dataclass fields, named tuples,
    mappings and sequences."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, int, float, bytes, type(None))):
        return
    seen.add(id(value))
    yield value
    if dataclasses.is_dataclass(value):
        children = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif isinstance(value, dict):
        children = [*value.keys(), *value.values()]
    elif isinstance(value, (list, tuple, set, frozenset)):
        children = list(value)
    else:
        children = []
    for child in children:
        yield from _objek(child, seen)


@pytest.mark.parametrize("records", [DEMO, None], ids=["demo", "minimal-dengan-konseling"])
def test_page_contexts_hold_no_model_object(tmp_path, records):
    if records is None:
        records = _repo(tmp_path) / "records"
    model, hasil, diagnostik = pemeriksaan.muat_semua(records)
    assert not [d for d in diagnostik if d.severity == "error"]
    terlarang = (model_mod.__name__, rekap.__name__, riwayat.__name__)
    for unit in model.units:
        situs = halaman.Situs(model, hasil, unit, sejarah=riwayat.sejarah(records.parent, records),
                              hari_ini=date(2026, 11, 29))
        for page in halaman.semua_halaman(situs):
            bad = {type(o).__name__ for o in _objek(page.konteks)
                   if type(o).__module__ in terlarang or isinstance(o, halaman.Situs)}
            assert not bad, (page.path, bad)
