"""Edit links: the URL of a repository file in its Git host's web editor.

The repository's web address comes from `repo_url` in the repository's mkdocs.yml, else from
the `origin` remote (`riwayat.asal`: `git@host:org/repo.git`, `ssh://`, `https://` forms). The
editor's path and branch come from mkdocs.yml's `edit_uri` when it names one (`edit/main/site/`,
`-/edit/main/docs/`, `_edit/main/`), else from the host (GitHub `edit`, GitLab `-/edit`, Gitea
and Forgejo `_edit`) and the remote's default branch (or the current one). An unknown host
without `edit_uri` gets no edit links. Pure functions only: no Git, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

# host kind -> (name in link texts, the editor's path segment)
HOST = {"github": ("GitHub", "edit"), "gitlab": ("GitLab", "-/edit"), "gitea": ("Gitea", "_edit")}
_SCP = re.compile(r"(?:[^@/]+@)?([^:/]+):(?!//)(.+)")  # git@host:org/repo.git


@dataclass(frozen=True)
class TautanSunting:
    """An edit link of one file, as a page shows it."""

    url: str
    host: str  # 'GitHub': the link reads "Sunting di GitHub"
    berkas: str  # the file, relative to the records' repository root (its accessible name)


@dataclass(frozen=True)
class Sunting:
    """The web editor of one repository: `awalan` + `folder` + a path relative to the folder
    holding records/ (which may lie below the Git work tree's top)."""

    awalan: str  # 'https://github.com/org/repo/edit/main/', ending in '/'
    host: str  # 'GitHub'
    folder: str = ""  # the records' root relative to the work tree's top: '' or 'kinerja/'

    def tautan(self, berkas: str) -> TautanSunting:
        return TautanSunting(self.awalan + quote(self.folder + berkas), self.host, berkas)


def url_web(remote: str | None) -> str | None:
    """The https address of a repository from a remote URL, without '.git' and credentials."""
    if not remote:
        return None
    remote = remote.strip()
    scp = _SCP.fullmatch(remote)
    if scp and "://" not in remote:
        host, path = scp.groups()
    else:
        parts = urlsplit(remote)
        if parts.scheme not in ("http", "https", "ssh", "git", "git+ssh") or not parts.hostname:
            return None
        host, path = parts.hostname, parts.path
    path = path.strip("/").removesuffix(".git").strip("/")
    if not path or ".." in path.split("/"):
        return None
    return f"https://{host}/{path}"


def jenis_host(repo_url: str) -> str | None:
    """'github', 'gitlab' or 'gitea' (Gitea, Forgejo, Codeberg), from the host name."""
    host = (urlsplit(repo_url).hostname or "").lower()
    if "github" in host:
        return "github"
    if "gitlab" in host:
        return "gitlab"
    if "gitea" in host or "forgejo" in host or host == "codeberg.org":
        return "gitea"
    return None


def _nama_host(repo_url: str, jenis: str | None, segmen: str) -> str:
    if jenis is not None:
        return HOST[jenis][0]
    return next((nama for nama, seg in HOST.values() if seg == segmen), urlsplit(repo_url).hostname or "Git")


def dari_edit_uri(repo_url: str, edit_uri: str) -> Sunting | None:
    """The editor named by an mkdocs.yml `edit_uri` (relative to repo_url, or a full URL under
    it): its editor segment and branch; the rest (MkDocs' docs folder) is dropped, since our
    paths are relative to the repository root."""
    repo = repo_url.rstrip("/")
    if edit_uri.startswith(("http://", "https://")):
        if not edit_uri.startswith(repo + "/"):
            return None
        edit_uri = edit_uri[len(repo) + 1:]
    parts = [p for p in edit_uri.split("/") if p]
    for segmen in sorted((seg for _, seg in HOST.values()), key=len, reverse=True):
        n = segmen.count("/") + 1
        if "/".join(parts[:n]) == segmen and len(parts) > n:
            return Sunting(f"{repo}/{segmen}/{parts[n]}/", _nama_host(repo, jenis_host(repo), segmen))
    return None


def tentukan(repo_url: str | None, edit_uri: str | None, remote: str | None, cabang: str | None) -> Sunting | None:
    """The web editor of the repository, or None when it cannot be known (no address, an
    unknown host without edit_uri, no branch)."""
    repo = (repo_url.rstrip("/") if repo_url else None) or url_web(remote)
    if not repo:
        return None
    if edit_uri:
        return dari_edit_uri(repo, edit_uri)
    jenis = jenis_host(repo)
    if jenis is None or not cabang:
        return None
    nama, segmen = HOST[jenis]
    return Sunting(f"{repo}/{segmen}/{quote(cabang)}/", nama)
