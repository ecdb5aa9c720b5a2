"""Git, in one module: the listing of a records tree, one-pass history, changes since a base,
reading files at a base or in the index.

Revisions a user names are resolved by GitPython (verifikasi, titik_cabang); everything run
on every command (listing, history, blobs) is plain `git` as a subprocess with a fixed
argument list (never a shell) and `--` before paths, which measured faster than importing
GitPython (0.2 s) on the warm path.
History is read in one pass over the whole records tree, never once per file.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from kinerja.galat import GalatGit

_ENV = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
_BASE = ("git", "-c", "core.quotePath=false", "-c", "i18n.logOutputEncoding=UTF-8")


class RiwayatError(GalatGit):
    """A Git problem reported to the user as one Indonesian line."""


@dataclass(frozen=True)
class Komit:
    tanggal: datetime  # author date, with its time zone
    penulis: str
    pesan: str  # the subject line
    hexsha: str


def _git(cwd: Path, *args: str, input_: bytes | None = None, ok: tuple[int, ...] = (0,)) -> bytes:
    try:
        done = subprocess.run(_BASE + args, cwd=cwd, input=input_, capture_output=True, check=False,
                              env={**os.environ, **_ENV})
    except FileNotFoundError:
        raise RiwayatError("perintah 'git' tidak ditemukan; pasang Git terlebih dahulu.") from None
    if done.returncode not in ok:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RiwayatError(f"git {args[0]} gagal: {detail[-1] if detail else 'tanpa pesan'}")
    return done.stdout


def akar_git(path: Path) -> Path | None:
    """The top of the Git work tree containing path, or None when path is not in one."""
    folder = path if path.is_dir() else path.parent
    try:
        out = _git(folder, "rev-parse", "--show-toplevel")
    except RiwayatError:
        return None
    return Path(out.decode("utf-8").strip()).resolve()


def _rel(top: Path, root: Path, path_from_top: str) -> str:
    full = top / path_from_top
    return full.relative_to(root).as_posix() if full.is_relative_to(root) else full.as_posix()


def sejarah(root: Path, records: Path) -> dict[str, list[Komit]]:
    """The commits that touched each file under records, newest first, in one `git log`.

    Keys are paths relative to root (the repository root; forward slashes). Files that were
    deleted or renamed keep their history under their old path. Empty when records is not
    inside a Git work tree (or the repository has no commits yet).
    """
    records = records.resolve()
    top = akar_git(records)
    if top is None:
        return {}
    folder = records.relative_to(top).as_posix()
    try:
        out = _git(top, "log", "-z", "--name-only", "--no-renames", "--format=%x1e%H%x1f%aI%x1f%an%x1f%s",
                   "--", folder)
    except RiwayatError:
        return {}  # e.g. a repository without commits
    # Every name is under records: relate that folder to root once, not each of the paths.
    cut = 0 if folder == "." else len(folder) + 1
    lead = _rel(top, root.resolve(), folder)
    lead = "" if lead == "." else lead + "/"
    result: dict[str, list[Komit]] = {}
    for chunk in out.decode("utf-8", "replace").split("\x1e"):
        if not chunk:
            continue
        header, _, names = chunk.partition("\0")
        hexsha, tanggal, penulis, pesan = header.split("\x1f", 3)
        komit = Komit(datetime.fromisoformat(tanggal), penulis, pesan, hexsha)
        for name in names.lstrip("\n").split("\0"):
            if name:
                result.setdefault(lead + name[cut:], []).append(komit)
    return result


@dataclass(frozen=True)
class Asal:
    """The repository's `origin` remote, as the site's edit links need it."""

    top: Path  # the work tree's top: edit paths are relative to it
    url: str | None  # remote.origin.url as configured (None: no such remote)
    cabang: str | None  # the remote's default branch (refs/remotes/origin/HEAD, or the CI's), else the current one


def asal(path: Path) -> Asal | None:
    """The origin remote of the Git work tree holding path; None outside Git."""
    top = akar_git(path)
    if top is None:
        return None
    url = _git(top, "config", "--get", "remote.origin.url", ok=(0, 1)).decode("utf-8", "replace").strip()
    bawaan = _git(top, "symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD", ok=(0, 1, 128))
    cabang = bawaan.decode("utf-8", "replace").strip().removeprefix("origin/") or _cabang_ci()
    if not cabang:
        cabang = _git(top, "symbolic-ref", "-q", "--short", "HEAD", ok=(0, 1, 128)).decode("utf-8", "replace").strip()
    return Asal(top, url or None, cabang or None)


def _cabang_ci() -> str | None:
    """The default branch as a CI job knows it, where its checkout has no origin/HEAD and may be
    a detached HEAD: GitLab's CI_DEFAULT_BRANCH, or the branch a GitHub Actions job was pushed to."""
    env = os.environ
    if env.get("CI_DEFAULT_BRANCH"):
        return env["CI_DEFAULT_BRANCH"]
    if env.get("GITHUB_ACTIONS") and env.get("GITHUB_REF_TYPE") == "branch":
        return env.get("GITHUB_REF_NAME") or None
    return None


def _repo(top: Path):
    """The GitPython repository at top (imported here: the listing and history, run on every
    command, use plain `git`, which measured faster than GitPython's import alone)."""
    import git

    return git.Repo(top)


def verifikasi(top: Path, rev: str) -> str:
    """The full hash of the commit rev names, or RiwayatError. GitPython resolves the name
    itself, so no revision reaches a command line."""
    import git

    if not rev or rev.startswith("-") or any(c.isspace() or c == "\0" for c in rev):
        raise RiwayatError(f"revisi '{rev}' tidak sah.")
    try:
        return _repo(top).commit(rev).hexsha
    except (git.BadName, git.BadObject, ValueError):
        raise RiwayatError(f"revisi '{rev}' tidak ditemukan di repositori ini (periksa nama cabangnya; di CI ambil "
                           "seluruh riwayat, misalnya fetch-depth: 0).") from None


def titik_cabang(top: Path, rev: str) -> str:
    """The merge base of the verified commit rev and HEAD."""
    head = verifikasi(top, "HEAD")
    dasar = _repo(top).merge_base(rev, head)
    if not dasar:
        raise RiwayatError(f"revisi {rev[:12]} dan HEAD tidak memiliki titik cabang bersama (riwayat terpotong? "
                           "ambil seluruh riwayat, misalnya fetch-depth: 0).")
    return dasar[0].hexsha


class Ubahan(NamedTuple):
    """How one file differs between a commit and the index."""

    status: str  # "A" (added), "M", "T" (type changed) or "D" (deleted)
    mode_dasar: str  # the file's mode in the commit ("000000": absent there)
    blob_dasar: str  # its blob id in the commit


def berubah(top: Path, dasar: str, folder: str) -> dict[str, Ubahan]:
    """Files under folder (relative to top) that differ between commit dasar and the index:
    what the branch committed plus what is staged, with the commit's mode and blob of each."""
    out = _git(top, "diff", "--cached", "--raw", "--no-abbrev", "-z", "--no-renames", dasar, "--", folder)
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    found: dict[str, Ubahan] = {}
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        if path:
            mode, _, blob, _, status = meta.lstrip(":").split(" ")
            found[path] = Ubahan(status[0], mode, blob)
    return found


def _cat_file(top: Path, objek: list[str]) -> dict[str, bytes]:
    """The content of each object name (a blob id, "<rev>:<path>", ":<path>" for the index) that
    names a blob, read by one `git cat-file --batch`; missing ones are left out."""
    objek = [o for o in dict.fromkeys(objek) if "\n" not in o]
    if not objek:
        return {}
    out = _git(top, "cat-file", "--batch", input_="".join(f"{o}\n" for o in objek).encode("utf-8", "surrogateescape"))
    result: dict[str, bytes] = {}
    pos = 0
    for nama in objek:
        end = out.index(b"\n", pos)
        header = out[pos:end].split(b" ")
        pos = end + 1
        if header[-1] == b"missing" or len(header) != 3:
            continue
        size = int(header[2])
        if header[1] == b"blob":
            result[nama] = out[pos:pos + size]
        pos += size + 1
    return result


def baca_di(top: Path, rev: str, paths: list[str]) -> dict[str, bytes]:
    """The content of each path (relative to top) in commit rev ("" for the index); paths that do
    not exist there are left out."""
    found = _cat_file(top, [f"{rev}:{p}" for p in paths])
    return {nama.split(":", 1)[1]: raw for nama, raw in found.items()}


class Pencarian:
    """Files (relative to top) among the tracked ones (and the untracked ones, on request) matching
    pathspecs that contain any of the fixed strings in kata: one `git grep` over the working tree,
    running while the caller works."""

    def __init__(self, top: Path, kata: list[str], pathspecs: list[str], *, untracked: bool = False):
        args = [*_BASE, "grep", "-l", "-z", "-F", "--full-name", *(["--untracked"] if untracked else [])]
        for k in kata:
            args += ["-e", k]
        self.proses = subprocess.Popen([*args, "--", *pathspecs], cwd=top, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, env={**os.environ, **_ENV})

    def hasil(self) -> list[str]:
        out, err = self.proses.communicate()
        if self.proses.returncode not in (0, 1):  # 1: nothing found
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise RiwayatError(f"git grep gagal: {detail[-1] if detail else 'tanpa pesan'}")
        return [name for name in out.decode("utf-8", "replace").split("\0") if name]


# --- the records tree as Git sees it -----------------------------------------------------------

@dataclass
class DaftarGit:
    """Files under a folder by Git: the index's blob of every tracked file, and the paths whose
    working copy differs from it (modified or deleted) or that Git does not track (untracked,
    ignored ones included). Paths relative to top. Git lists no FIFOs or sockets."""

    top: Path
    indeks: dict[str, tuple[str, str]]  # path -> (mode, blob id) of stage 0
    berubah: set[str]  # tracked, working copy modified
    hilang: set[str]  # tracked, working copy deleted
    baru: list[str]  # not tracked


class PembacaDaftar:
    """The listing of the index and of how the working tree differs from it (or of a commit's
    tree, `revisi`): the commands start at once and run while the caller works; `hasil`
    collects them."""

    def __init__(self, top: Path, folder: str, *, kerja: bool = True, revisi: str | None = None):
        self.top = top
        self.revisi = revisi
        args: list[tuple[str, ...]]
        if revisi is not None:
            args = [("ls-tree", "-r", "-z", revisi, "--", folder)]
        else:
            args = [("ls-files", "-s", "-z", "--", folder)]
            if kerja:
                args.append(("ls-files", "-t", "-z", "-m", "-d", "-o", "--", folder))
        self.proses = [subprocess.Popen([*_BASE, *a], cwd=top, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        env={**os.environ, **_ENV}) for a in args]

    def hasil(self) -> DaftarGit:
        outputs = [(p.communicate()[0], p.returncode) for p in self.proses]
        if any(code != 0 for _, code in outputs):
            raise RiwayatError("git ls-files gagal membaca daftar berkas.")
        indeks: dict[str, tuple[str, str]] = {}
        for line in outputs[0][0].split(b"\0"):
            if line:
                meta, _, name = line.partition(b"\t")
                mode, blob, stage = meta.split(b" ")
                if self.revisi is not None:  # ls-tree: mode, type, object
                    blob, stage = stage, b"0"
                if stage == b"0":
                    indeks[name.decode("utf-8", "surrogateescape")] = (mode.decode(), blob.decode())
        daftar = DaftarGit(self.top, indeks, set(), set(), [])
        if len(outputs) > 1:
            for token in outputs[1][0].split(b"\0"):
                tag, path = token[:2], token[2:].decode("utf-8", "surrogateescape")
                if tag == b"C ":
                    daftar.berubah.add(path)
                elif tag == b"R ":
                    daftar.hilang.add(path)
                elif tag == b"? ":
                    daftar.baru.append(path)
        return daftar


def baca_blob(top: Path, blobs: list[str]) -> dict[str, bytes]:
    """The content of each blob id."""
    return _cat_file(top, blobs)
