"""Incremental site builds: a unit whose inputs did not change is skipped, every input of its
pages does rebuild it, and a warm build leaves exactly the files a clean build writes."""

from __future__ import annotations

import html
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import NIP_KEPALA, NIP_SEKJEN, NIP_STAF, RepoGit, ganti, jalankan_cli, tulis_arsip_sah
from kinerja import pemeriksaan
from kinerja.situs import bangun, mesin, pembangun
from test_situs import SKP_SEKJEN

DEMO = Path(__file__).resolve().parents[1] / "records"
HARI_INI = date(2026, 3, 20)
UMPAN_BALIK = Path("biro-sdm", "pegawai", NIP_STAF, "2026", "umpan-balik", "2026-02-14-modul-cuti.yaml")
CATATAN = "catatan: Progres modul cuti sesuai rencana; perlu uji beban sebelum Maret."

pytestmark = pytest.mark.slow  # every test here builds real sites


def _repo(records_src: Path, repo: RepoGit) -> Path:
    """repo holding a copy of records_src as its records/, committed."""
    shutil.copytree(records_src, repo.path / "records")
    repo.komit("Rekaman awal", "records")
    return repo.path / "records"


@pytest.fixture
def sah(tmp_path: Path, repo_git) -> Path:
    """The minimal valid tree (units sekretariat and biro-sdm) committed in tmp_path/repo."""
    return _repo(tulis_arsip_sah(tmp_path / "sumber"), repo_git(tmp_path / "repo"))


def _bangun(records: Path, out: Path, **kwargs) -> tuple[list[str], pemeriksaan.Pohon]:
    """Build like `kinerja build` does (in records' repository); the units built and the tree."""
    pohon = pemeriksaan.Pohon(records)
    before = Path.cwd()
    os.chdir(records.parent)
    try:
        hasil = bangun(pohon, out=out, hari_ini=kwargs.pop("hari_ini", HARI_INI), **kwargs)
    finally:
        os.chdir(before)
    return [h.unit for h in hasil], pohon


def _isi(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_warm_builds_through_a_change_and_its_undoing_equal_a_clean_build(tmp_path, repo_git):
    records = _repo(DEMO, repo_git(tmp_path / "repo"))
    units = sorted(p.name for p in records.iterdir() if p.is_dir())
    out = records.parent / "build" / "site"
    assert _bangun(records, out)[0] == units
    catatan = sorted((records / "biro-sdm").rglob("umpan-balik/*.yaml"))[0]
    asli = catatan.read_text(encoding="utf-8")
    catatan.write_text(asli.replace("catatan: ", "catatan: Direvisi. ", 1), encoding="utf-8")
    assert _bangun(records, out)[0] == ["biro-sdm"]
    catatan.write_text(asli, encoding="utf-8")
    assert _bangun(records, out)[0] == ["biro-sdm"]
    built, pohon = _bangun(records, out)
    assert built == [] and "dimuat" not in vars(pohon)  # nothing to build: the records were not loaded

    bersih = records.parent / "bersih" / "site"
    assert _bangun(records, bersih)[0] == units
    warm, clean = _isi(out), _isi(bersih)
    assert sorted(warm) == sorted(clean) and "index.html" in clean and f"{units[0]}/sitemap.xml.gz" in clean
    assert [rel for rel in clean if warm[rel] != clean[rel]] == []


def test_cli_skips_an_unchanged_unit_without_loading_and_rebuilds_a_changed_one(sah, monkeypatch):
    monkeypatch.setattr(pembangun, "date", type("Tetap", (date,), {"today": classmethod(lambda cls: HARI_INI)}))
    repo = sah.parent

    def build(*args: str) -> str:
        result = jalankan_cli("build", *args, cwd=repo)
        assert result.code == 0, result.err
        return result.err

    err = build()
    assert "unit biro-sdm: situs selesai" in err and "unit sekretariat: situs selesai" in err
    with monkeypatch.context() as m:  # a memoised validation and skipped units load nothing
        m.setattr(pemeriksaan.arsip, "baca_semua", lambda *a, **k: pytest.fail("rekaman dimuat"))
        err = build()
    assert "unit biro-sdm: tidak berubah" in err and "unit sekretariat: tidak berubah" in err

    ganti(sah / UMPAN_BALIK, CATATAN, "catatan: Modul cuti selesai diuji.")
    err = build()
    assert "unit biro-sdm: situs selesai" in err and "unit sekretariat: tidak berubah" in err
    assert "Modul cuti selesai diuji." in (repo / "build" / "site" / "biro-sdm" / "pegawai" / NIP_STAF /
                                            "index.html").read_text(encoding="utf-8")


def test_every_input_of_the_pages_rebuilds_the_unit(sah):
    repo = sah.parent
    out = repo / "build" / "site"
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]
    assert _bangun(sah, out)[0] == []

    assert _bangun(sah, out, hari_ini=date(2026, 3, 21))[0] == ["biro-sdm", "sekretariat"]  # the day
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]

    (repo / "mkdocs.yml").write_text("site_name: Uji\ncopyright: Kementerian Uji\n", encoding="utf-8")
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]  # the repository's configuration
    assert "Kementerian Uji" in (out / "sekretariat" / "index.html").read_text(encoding="utf-8")
    (repo / "site").mkdir()
    (repo / "site" / "bantuan.md").write_text("# Bantuan\n\nHubungi bagian kepegawaian.\n", encoding="utf-8")
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]  # its hand-written pages
    assert (out / "biro-sdm" / "bantuan" / "index.html").is_file()

    # history: two commits that change a note and change it back leave its bytes as they were
    ganti(sah / UMPAN_BALIK, CATATAN, "catatan: Sementara.")
    RepoGit(repo).komit("Ubah catatan", "records")
    ganti(sah / UMPAN_BALIK, "catatan: Sementara.", CATATAN)
    RepoGit(repo).komit("Kembalikan catatan", "records")
    assert _bangun(sah, out)[0] == ["biro-sdm"]
    assert "Kembalikan catatan" in (out / "biro-sdm" / "pegawai" / NIP_STAF / "index.html").read_text(encoding="utf-8")

    (out / "sekretariat" / "pegawai" / "index.html").unlink()  # a built file removed
    assert _bangun(sah, out)[0] == ["sekretariat"]
    assert _bangun(sah, repo / "lain" / "site")[0] == ["biro-sdm", "sekretariat"]  # another out folder


def test_another_units_records_that_the_pages_read_rebuild_the_unit(tmp_path, repo_git):
    """biro-sdm's head intervenes an RHK of sekretariat's head: its text is on biro-sdm's pages,
    so a change to that SKP (or its appearance) rebuilds biro-sdm, and another unit's other
    records do not."""
    records = tulis_arsip_sah(tmp_path / "sumber")
    ganti(records / "biro-sdm" / "pegawai" / NIP_KEPALA / "2026" / "skp.yaml", "    jenis: utama\n",
          f'    jenis: utama\n    intervensi: "{NIP_SEKJEN}/rhk-9"\n')
    sah = _repo(records, repo_git(tmp_path / "repo"))
    out = sah.parent / "build" / "site"
    kepala = out / "biro-sdm" / "pegawai" / NIP_KEPALA / "index.html"
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]
    skp = sah / "sekretariat" / "pegawai" / NIP_SEKJEN / "2026" / "skp.yaml"
    skp.parent.mkdir(parents=True)
    skp.write_text(SKP_SEKJEN, encoding="utf-8")  # the superior's SKP appears
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]
    assert "berkelas dunia" in kepala.read_text(encoding="utf-8")
    ganti(skp, "berkelas dunia", "melayani")  # and changes
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]
    assert "birokrasi kepegawaian yang melayani" in kepala.read_text(encoding="utf-8")
    baru = sah / "sekretariat" / "pegawai" / "198501012010011001" / "profil.yaml"  # someone biro-sdm never names
    baru.parent.mkdir()
    baru.write_text((baru.parents[1] / NIP_SEKJEN / "profil.yaml").read_text(encoding="utf-8").replace(
        NIP_SEKJEN, "198501012010011001").replace("penilai: \"196805121990031001\"", f'penilai: "{NIP_SEKJEN}"'),
        encoding="utf-8")
    assert _bangun(sah, out)[0] == ["sekretariat"]
    ganti(sah / "sekretariat" / "unit.yaml", "nama: ", "nama: Unit Baru ")
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]  # biro-sdm's home names its parent unit


def test_a_failed_build_is_not_taken_for_a_built_site(sah, monkeypatch):
    out = sah.parent / "build" / "site"
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]
    ganti(sah / UMPAN_BALIK, CATATAN, "catatan: Gagal.")

    def gagal(config, hari_ini, *_):
        raise mesin.SitusGagal(f"mkdocs build gagal untuk {config}")
    with monkeypatch.context() as m:
        m.setattr(mesin, "bangun", gagal)
        with pytest.raises(mesin.SitusGagal):
            _bangun(sah, out)
    ganti(sah / UMPAN_BALIK, "catatan: Gagal.", CATATAN)  # back to the inputs of the last good build
    assert _bangun(sah, out)[0] == ["biro-sdm"]


def test_root_page_follows_units_not_rebuilt(sah):
    out = sah.parent / "build" / "site"
    assert _bangun(sah, out, units=["biro-sdm"])[0] == ["biro-sdm"]
    root = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="biro-sdm/"' in root and "sekretariat" not in root
    assert _bangun(sah, out, units=["sekretariat"])[0] == ["sekretariat"]
    assert 'href="sekretariat/"' in (out / "index.html").read_text(encoding="utf-8")

    ganti(sah / "sekretariat" / "unit.yaml", "nama: ", "nama: Unit Baru ")
    assert _bangun(sah, out, units=["biro-sdm"])[0] == ["biro-sdm"]  # its home names its parent unit, now beside it
    assert "Unit Baru" in (out / "index.html").read_text(encoding="utf-8")  # sekretariat itself not rebuilt


def test_team_pages_rebuild_with_the_other_units_records_they_read(tmp_path, repo_git):
    """biro-sdm's team page shows the RHK of a member employed in bagian-pengembangan-pegawai, so
    an edit of that SKP rebuilds biro-sdm; every employee page lists its teams of any unit, so an
    edit of a biro-sdm team file rebuilds bagian-pengembangan-pegawai."""
    records = _repo(DEMO, repo_git(tmp_path / "repo"))
    out = records.parent / "build" / "site"
    tim = out / "biro-sdm" / "tim" / "tim-penguatan-kompetensi" / "index.html"
    assert _bangun(records, out)[0] == ["bagian-pengembangan-pegawai", "biro-sdm"]
    ganti(records / "bagian-pengembangan-pegawai" / "pegawai" / "198612032010032003" / "2026" / "skp.yaml",
          "uraian: Terlaksananya pelatihan coaching dan mentoring bagi pejabat struktural",
          "uraian: Terlaksananya pelatihan coaching bagi pejabat struktural")
    assert _bangun(records, out)[0] == ["bagian-pengembangan-pegawai", "biro-sdm"]
    assert "pelatihan coaching bagi pejabat struktural" in tim.read_text(encoding="utf-8")
    ganti(records / "biro-sdm" / "tim" / "tim-penguatan-kompetensi.yaml", "nama: Tim Penguatan",
          "nama: Tim Penguatan Baru")
    assert _bangun(records, out)[0] == ["bagian-pengembangan-pegawai", "biro-sdm"]
    maya = out / "bagian-pengembangan-pegawai" / "pegawai" / "198612032010032003" / "index.html"
    assert "Tim Penguatan Baru" in maya.read_text(encoding="utf-8")


def _unescape(path: Path) -> str:
    return html.unescape(path.read_text(encoding="utf-8"))


def test_edit_links_follow_the_origin_remote_and_its_change_rebuilds(sah):
    """No remote: no edit link anywhere. A GitHub origin: each record's and hand-written page's
    editor URL, and no theme edit button; another remote (a GitLab host) rebuilds every unit
    with its URLs. The repository's site_url gives each unit its own, the 404 page's base."""
    repo, out = sah.parent, sah.parent / "build" / "site"
    (repo / "mkdocs.yml").write_text("site_name: Uji\nsite_url: https://kinerja.uji.go.id/\ntheme:\n  name: material\n"
                                     "  features: [content.action.edit, navigation.top]\n", encoding="utf-8")
    (repo / "site").mkdir()
    (repo / "site" / "bantuan.md").write_text("# Bantuan\n\nHubungi bagian kepegawaian.\n", encoding="utf-8")
    _bangun(sah, out)
    assert not [p for p in out.rglob("*.html") if "kinerja-sunting" in p.read_text(encoding="utf-8")]
    RepoGit(repo).git("remote", "add", "origin", "git@github.com:contoh/kinerja.git")
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]
    config = (repo / "build" / "biro-sdm" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: https://kinerja.uji.go.id/biro-sdm/" in config  # the 404 page's base: /biro-sdm/
    assert 'href="/biro-sdm/assets/' in (out / "biro-sdm" / "404.html").read_text(encoding="utf-8")
    assert not [p for p in out.rglob("*.html") if 'rel="edit"' in p.read_text(encoding="utf-8")]  # no theme button
    assert 'href="https://github.com/contoh/kinerja/edit/main/site/bantuan.md"' in \
        _unescape(out / "biro-sdm" / "bantuan" / "index.html")  # a hand-written page of the repository
    page = _unescape(out / "biro-sdm" / "pegawai" / NIP_STAF / "index.html")
    web = "https://github.com/contoh/kinerja/edit/main/records/biro-sdm/"
    for berkas in (f"pegawai/{NIP_STAF}/profil.yaml", f"pegawai/{NIP_STAF}/2026/skp.yaml"):
        assert f'href="{web}{berkas}" aria-label="Sunting di GitHub: records/biro-sdm/{berkas}"' in page
    assert f"{web}unit.yaml" in _unescape(out / "biro-sdm" / "index.html")
    assert f"{web}organisasi/2026.yaml" in _unescape(out / "biro-sdm" / "index.html")
    RepoGit(repo).git("remote", "set-url", "origin", "https://gitlab.kemen.go.id/sdm/kinerja.git")
    assert _bangun(sah, out)[0] == ["biro-sdm", "sekretariat"]
    assert "https://gitlab.kemen.go.id/sdm/kinerja/-/edit/main/records/biro-sdm/unit.yaml" in \
        _unescape(out / "biro-sdm" / "index.html")


def test_links_to_another_units_people_follow_the_units_built_beside(sah):
    """biro-sdm's head is appraised by sekretariat's head: built together, the page links to the
    appraiser's page there; biro-sdm built alone (sekretariat's older site left in place) links
    to no page of sekretariat's, and that change of what is linkable rebuilds it."""
    out = sah.parent / "build" / "site"
    tujuan = f'href="../../../sekretariat/pegawai/{NIP_SEKJEN}/"'
    halaman = out / "biro-sdm" / "pegawai" / NIP_KEPALA / "index.html"
    _bangun(sah, out)
    assert tujuan in halaman.read_text(encoding="utf-8")
    assert _bangun(sah, out, units=["biro-sdm"])[0] == ["biro-sdm"]
    assert tujuan not in halaman.read_text(encoding="utf-8")
    assert 'href="../sekretariat/"' in (out / "biro-sdm" / "index.html").read_text(encoding="utf-8")  # its home
    assert _bangun(sah, out, units=["biro-sdm"])[0] == []
