"""Edit links: the web editor's URL from mkdocs.yml settings or the origin remote (pure), and
the remote as riwayat.asal reads it from a real repository."""

from __future__ import annotations

import pytest

from kinerja import riwayat
from kinerja.situs.sunting import Sunting, jenis_host, tentukan, url_web


@pytest.mark.parametrize(("remote", "web"), [
    ("git@github.com:contoh/kinerja.git", "https://github.com/contoh/kinerja"),
    ("https://github.com/contoh/kinerja.git", "https://github.com/contoh/kinerja"),
    ("https://oauth2:rahasia@gitlab.example.go.id/biro/sdm/kinerja.git", "https://gitlab.example.go.id/biro/sdm/kinerja"),
    ("ssh://git@codeberg.org:2222/contoh/kinerja.git", "https://codeberg.org/contoh/kinerja"),
    ("gitea@gitea.kemen.go.id:sdm/kinerja", "https://gitea.kemen.go.id/sdm/kinerja"),
    ("/srv/git/kinerja.git", None),
    ("file:///srv/git/kinerja.git", None),
    ("", None),
])
def test_remote_urls_become_https_web_addresses_without_credentials(remote, web):
    assert url_web(remote) == web


@pytest.mark.parametrize(("remote", "awalan", "host"), [
    ("git@github.com:contoh/kinerja.git", "https://github.com/contoh/kinerja/edit/utama/", "GitHub"),
    ("https://gitlab.com/contoh/kinerja.git", "https://gitlab.com/contoh/kinerja/-/edit/utama/", "GitLab"),
    ("git@codeberg.org:contoh/kinerja.git", "https://codeberg.org/contoh/kinerja/_edit/utama/", "Gitea"),
    ("https://forgejo.kemen.go.id/sdm/kinerja.git", "https://forgejo.kemen.go.id/sdm/kinerja/_edit/utama/", "Gitea"),
])
def test_each_host_gets_its_editor_path_on_the_remotes_branch(remote, awalan, host):
    assert tentukan(None, None, remote, "utama") == Sunting(awalan, host)


def test_edit_uri_of_mkdocs_yml_gives_the_editor_and_branch_and_repo_url_wins_over_the_remote():
    s = tentukan("https://git.kemen.go.id/sdm/kinerja/", "-/edit/produksi/site/", "git@github.com:x/y.git", "main")
    assert s == Sunting("https://git.kemen.go.id/sdm/kinerja/-/edit/produksi/", "GitLab")
    assert tentukan("https://github.com/a/b", "https://github.com/a/b/edit/dev/docs/", None, None) == \
        Sunting("https://github.com/a/b/edit/dev/", "GitHub")
    assert tentukan(None, "_edit/main/", "https://git.kemen.go.id/a/b.git", None) == \
        Sunting("https://git.kemen.go.id/a/b/_edit/main/", "Gitea")
    assert tentukan("https://github.com/a/b", "blob/main/docs/", None, "main") is None  # not an editor


def test_unknown_hosts_without_edit_uri_and_missing_remotes_get_no_editor():
    assert jenis_host("https://git.kemen.go.id/a/b") is None
    assert tentukan(None, None, "https://git.kemen.go.id/a/b.git", "main") is None
    assert tentukan(None, None, None, "main") is None
    assert tentukan(None, None, "git@github.com:a/b.git", None) is None  # no branch known


def test_paths_are_quoted_and_prefixed_with_the_records_folder_below_the_top():
    s = Sunting("https://github.com/a/b/edit/main/", "GitHub", "kinerja/")
    t = s.tautan("records/biro-sdm/pegawai/1/2026/umpan balik.yaml")
    assert t.url == "https://github.com/a/b/edit/main/kinerja/records/biro-sdm/pegawai/1/2026/umpan%20balik.yaml"
    assert t.berkas == "records/biro-sdm/pegawai/1/2026/umpan balik.yaml"


def test_asal_reads_origin_its_default_branch_or_the_current_one(tmp_path, repo_git, monkeypatch):
    for name in ("CI_DEFAULT_BRANCH", "GITHUB_ACTIONS", "GITHUB_REF_TYPE", "GITHUB_REF_NAME"):
        monkeypatch.delenv(name, raising=False)
    assert riwayat.asal(tmp_path) is None  # outside Git
    repo = repo_git(tmp_path / "repo", cabang="kerja")
    assert riwayat.asal(repo.path) == riwayat.Asal(repo.path.resolve(), None, "kerja")
    repo.git("remote", "add", "origin", "git@github.com:contoh/kinerja.git")
    assert riwayat.asal(repo.path).url == "git@github.com:contoh/kinerja.git"
    assert riwayat.asal(repo.path).cabang == "kerja"
    repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/utama")
    assert riwayat.asal(repo.path).cabang == "utama"


def test_a_ci_checkout_without_origin_head_takes_the_ci_default_branch(tmp_path, repo_git, monkeypatch):
    """GitLab CI checks out a detached HEAD and GitHub Actions sets no origin/HEAD: the edit links
    still name a branch, the one the CI says."""
    for name in ("CI_DEFAULT_BRANCH", "GITHUB_ACTIONS", "GITHUB_REF_TYPE", "GITHUB_REF_NAME"):
        monkeypatch.delenv(name, raising=False)
    repo = repo_git(tmp_path / "repo", cabang="kerja")
    repo.git("remote", "add", "origin", "https://gitlab.com/contoh/kinerja.git")
    (repo.path / "README.md").write_text("Kinerja\n", encoding="utf-8")
    repo.komit("Awal")
    repo.git("checkout", "-q", "--detach")
    assert riwayat.asal(repo.path).cabang is None  # detached, no CI: no branch, so no edit links
    monkeypatch.setenv("CI_DEFAULT_BRANCH", "utama")
    assert riwayat.asal(repo.path).cabang == "utama"
    monkeypatch.delenv("CI_DEFAULT_BRANCH")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_REF_TYPE", "branch")
    monkeypatch.setenv("GITHUB_REF_NAME", "main")
    assert riwayat.asal(repo.path).cabang == "main"
    monkeypatch.setenv("GITHUB_REF_TYPE", "tag")
    assert riwayat.asal(repo.path).cabang is None
