"""Build keys of the unit sites and the stamps that record them, so that an unchanged unit is
not built again.

A unit's pages are made from its own records, the records of the whole repository that its
pages looked up (`halaman.Situs.dibaca`: keys such as ("skp", <NIP>) of a superior in another
unit, recorded in the stamp so that the next key covers every file providing them), the Git
history of the unit's own files, the day the deadlines are checked against, the site configuration
(the repository's mkdocs.yml and every file it INHERITs, the hand-written pages of site/ or
the packaged ones, theme overrides, hooks), what its links point to (the units built beside it
and the repository's web editor, added by `pembangun`), this package's code and templates, and the
versions of MkDocs, its plugins and the libraries that render. A unit's key is a hash of all
of them and of the folder its site is written to. The root page's key covers what it lists.

After a successful build the stamp holds the key and a fingerprint of what was built (every
file's path and size: modification times do not survive every CI cache). A site is up to
date when its stamp holds the current key and the built files still match the fingerprint,
so a built folder that was removed, cut short or replaced is built again.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from importlib import metadata
from operator import attrgetter
from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from kinerja import jenis, tembolok
from kinerja.pemeriksaan import Pohon
from kinerja.riwayat import Komit
from kinerja.situs.konfigurasi import Induk
from kinerja.yamlio import tulis_atomik

_KINERJA = Path(__file__).resolve().parents[1]
_PUSTAKA = ("mkdocs", "mkdocs-material", "mkdocs-material-extensions", "markdown", "pymdown-extensions", "pygments",
            "jinja2", "markupsafe", "babel", "pyyaml")
_PLUGIN = ("mkdocs.plugins", "mkdocs.themes")  # entry point groups: every installed plugin and theme


def _isi(digest, paths: Iterable[Path], base: Path) -> None:
    """Add every file's path (relative to base) and bytes to digest."""
    for path in paths:
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def _berkas_di(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _versi_pustaka() -> list[str]:
    found = {}
    for name in _PUSTAKA:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "-"
    for group in _PLUGIN:
        for entry in metadata.entry_points(group=group):
            if entry.dist is not None:
                found[entry.dist.name.lower()] = entry.dist.version
    return sorted(f"{name}=={version}" for name, version in found.items())


@cache
def versi_situs() -> str:
    """Hash of the tool: the loader's and schemas' version, every file of this package (code,
    templates, assets; the packaged guides are hashed with the configuration when used), the
    rendering libraries' versions and Python's."""
    digest = hashlib.sha256(tembolok.versi().encode())
    _isi(digest, _berkas_di(_KINERJA), _KINERJA)  # symbolic links to folders (schemas, guides) are not followed
    digest.update("\n".join([platform.python_version(), *_versi_pustaka()]).encode())
    return digest.hexdigest()


def _rantai_induk(path: Path) -> list[Path]:
    """The configuration file and every file it INHERITs, as MkDocs follows them."""
    chain = []
    while path is not None and path not in chain:
        chain.append(path)
        data = yaml.load(path.read_bytes(), Loader=get_yaml_loader())
        inherit = data.get("INHERIT") if isinstance(data, dict) else None
        path = Path(os.path.normpath(path.parent / inherit)) if isinstance(inherit, str) else None
    return chain


def dasar(hari_ini: date, induk: Induk, halaman_situs: Path) -> str:
    """What every unit's pages depend on besides their records: the tool, the day, and the site
    configuration with the hand-written pages, theme overrides and hooks it uses."""
    digest = hashlib.sha256(f"{versi_situs()}\0{hari_ini.isoformat()}\0".encode())
    for path in _rantai_induk(induk.path):
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    for folder in (halaman_situs, induk.custom_dir):
        digest.update(f"\0{folder}\0".encode())
        _isi(digest, _berkas_di(folder), folder)
    for hook in induk.data.get("hooks") or []:
        path = induk.path_dari(hook)
        digest.update(f"\0{path}\0".encode() + (path.read_bytes() if path.is_file() else b"-"))
    return digest.hexdigest()


def units(umum: str, pohon: Pohon, sejarah: dict[str, list[Komit]], out: Path,
          kode_units: list[str], dibaca: Mapping[str, Iterable[jenis.Kunci]] | None = None) -> dict[str, str]:
    """The key of each unit's site in out/<unit>/: the common part (`dasar`), the unit's record
    files (path and blob id), the commits that touched each file under the unit's folder
    (sejarah: riwayat.sejarah of the records tree), and every file of the repository that
    provides a key the unit's pages read (dibaca, per unit)."""
    digests = {kode: hashlib.sha256(f"{umum}\0{out / kode}\0".encode()) for kode in kode_units}
    for berkas in pohon.daftar:
        digest = digests.get(berkas.parts[0])
        if digest is not None:
            digest.update(f"{berkas.rel}\0{pohon.blobs.get(berkas.path, '-')}\n".encode())
    contoh = pohon.daftar[0] if pohon.daftar else None
    awalan = contoh.rel[:-len("/".join(contoh.parts))] if contoh else None  # "<records>/", as paths start
    for path in sorted(sejarah) if awalan else ():
        if path.startswith(awalan):
            digest = digests.get(path[len(awalan):].partition("/")[0])
            if digest is not None:
                digest.update(f"{path}\0{' '.join(k.hexsha for k in sejarah[path])}\n".encode())
    for kode, keys in (dibaca or {}).items():
        _isi_kunci(digests[kode], pohon, keys)
    return {kode: digest.hexdigest() for kode, digest in digests.items()}


def _isi_kunci(digest, pohon: Pohon, keys: Iterable[jenis.Kunci]) -> None:
    """Add each key and the files providing it (path and blob id) to digest."""
    wanted = set(keys)
    digest.update(json.dumps(sorted(wanted)).encode())
    groups = {g for key in wanted for g in pohon.penyedia.get(key, ())}  # the tree's index, not a scan per unit
    found = [b for g in groups for b in pohon.kelompok[g] if wanted & jenis.sedia(b.kind, b.parts)]
    for berkas in sorted(found, key=attrgetter("parts")):  # the listing's order
        digest.update(f"{berkas.rel}\0{pohon.blobs.get(berkas.path, '-')}\n".encode())


def akar(pohon: Pohon, out: Path, dibangun: list[str]) -> str:
    """The key of the root page out/index.html: the units it lists (those built in out), their
    unit.yaml (name, agency) and employee count (their profiles)."""
    digest = hashlib.sha256(f"{versi_situs()}\0{out}\0{' '.join(dibangun)}\n".encode())
    for berkas in pohon.daftar:
        if berkas.kind == "unit":
            digest.update(f"{berkas.rel}\0{pohon.blobs.get(berkas.path, '-')}\n".encode())
        elif berkas.kind == "profil":
            digest.update(f"{berkas.rel}\n".encode())
    return digest.hexdigest()


def jejak(path: Path) -> str:
    """Fingerprint of a built file or folder: every file's path and size."""
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
    else:
        return "-"
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.relative_to(path).as_posix()}\0{file.stat().st_size}\n".encode())
    return digest.hexdigest()


def cocok(stempel: Path, kunci: str, hasil: Path) -> bool:
    """Whether the stamp holds this key and the built file or folder is as the build left it."""
    try:
        return stempel.read_text(encoding="utf-8").split("\n")[:2] == [kunci, jejak(hasil)]
    except (OSError, UnicodeDecodeError):
        return False


def dibaca(stempel: Path) -> list[jenis.Kunci]:
    """The repository keys the pages of the last build read (none without a readable stamp)."""
    try:
        lines = stempel.read_text(encoding="utf-8").split("\n")
        return [tuple(key) for key in json.loads(lines[2])] if len(lines) > 2 and lines[2] else []
    except (OSError, UnicodeDecodeError, ValueError, TypeError):
        return []


def catat(stempel: Path, kunci: str, hasil: Path, dibaca: Iterable[jenis.Kunci] = ()) -> None:
    """Record that hasil was built from this key, reading these repository keys."""
    tulis_atomik(stempel, f"{kunci}\n{jejak(hasil)}\n{json.dumps(sorted(dibaca))}\n")


def hapus(stempel: Path) -> None:
    """Forget a stamp before its site is rebuilt (a failed build leaves none)."""
    stempel.unlink(missing_ok=True)
