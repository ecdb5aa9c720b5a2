"""Content-addressed cache of loaded-and-validated records, and the last run's per-group results.

Keys are Git blob ids (sha1 of "blob <size>\\0<content>"): taken from Git's index for files
that a clean checkout has unchanged, computed from the bytes for every other file. Every
key also carries VERSI, a hash of the tool version, the schemas and the source of the
modules whose output is cached, so a new schema or loader never reuses old results.

The cache can only ever cost a re-computation, never a wrong result: every cache file
carries a checksum of its content and anything that does not verify is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
from functools import cache
from pathlib import Path

from kinerja import __version__
from kinerja.yamlio import tulis_atomik

_PAKET = Path(__file__).resolve().parent
_MAGIC = b"KINERJA-TEMBOLOK-1\n"


@cache
def versi() -> str:
    """Hash of everything a cached result depends on besides the records themselves."""
    return versi_dari(_PAKET)


def versi_dari(paket: Path) -> str:
    """Hash of the tool version, every module of the package and its schemas (every module, so
    that none can be forgotten)."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(paket.rglob("*.py")):
        digest.update(path.relative_to(paket).as_posix().encode() + b"\0" + path.read_bytes())
    for path in sorted((paket / "schemas").glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def blob_id(raw: bytes) -> str:
    """Git's object id of a blob with this content."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


# A diagnostic as cached: file, line, column, code, severity, message, hint (per-file entries
# leave out the file).
BENTUK_DIAGNOSTIK = ((str,), (int,), (int,), (str,), (str,), (str,), (str, type(None)))


def diagnostik_sah(found, bentuk: tuple) -> bool:
    """Whether found is a tuple of diagnostics of this shape (a checksum proves only that a
    cache file is whole, not that a run of this tool wrote it)."""
    return isinstance(found, tuple) and all(
        isinstance(d, tuple) and len(d) == len(bentuk) and all(type(v) in t for v, t in zip(d, bentuk, strict=True))
        for d in found)


def _nama_shard(key: str) -> str:
    """Per-file entries live in 4,096 shards by the blob id's first three hex digits, so a run
    that needs a few records reads a few small files."""
    return key[-40:-37]


class Tembolok:
    """Cache folder: berkas/<3 hex>.bin shards of per-file results, and named records (the last run)."""

    def __init__(self, folder: Path):
        self.folder = folder / versi()
        self._shards: dict[str, dict] = {}
        self._dirty: set[str] = set()
        self._dipakai: set[str] = set()  # keys asked for or stored in this run

    # -- verified files ---------------------------------------------------------------------------

    @staticmethod
    def _baca(path: Path):
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        if not raw.startswith(_MAGIC):
            return None
        checksum, payload = raw[len(_MAGIC):len(_MAGIC) + 32], raw[len(_MAGIC) + 32:]
        if hashlib.sha256(payload).digest() != checksum:
            return None
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None

    @classmethod
    def _tulis_aman(cls, path: Path, value) -> bool:
        """Write a cache file; a cache that cannot be written is skipped (False)."""
        try:
            cls._tulis(path, value)
        except OSError:
            return False
        return True

    @staticmethod
    def _tulis(path: Path, value) -> None:
        payload = marshal.dumps(value)
        tulis_atomik(path, _MAGIC + hashlib.sha256(payload).digest() + payload, fsync=False)

    # -- per-file results ----------------------------------------------------------------------

    def _shard(self, key: str) -> dict:
        name = _nama_shard(key)
        shard = self._shards.get(name)
        if shard is None:
            loaded = self._baca(self.folder / "berkas" / f"{name}.bin")
            shard = loaded if isinstance(loaded, dict) else {}
            self._shards[name] = shard
        return shard

    def ambil(self, key: str):
        """The cached value for a per-file key ("<kind>:<blob id>"): (data, diagnostics), or None
        when absent or of another shape."""
        self._dipakai.add(key)
        value = self._shard(key).get(key)
        if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], (dict, type(None)))
                and diagnostik_sah(value[1], BENTUK_DIAGNOSTIK[1:])):
            return None
        return value

    def simpan(self, key: str, value: tuple) -> None:
        self._dipakai.add(key)
        self._shard(key)[key] = value
        self._dirty.add(_nama_shard(key))

    def tulis(self) -> None:
        """Write the shards that gained entries, keeping only the entries this run used (so the
        cache follows the tree instead of growing); a cache that cannot be written is skipped."""
        for name in sorted(self._dirty):
            shard = {key: value for key, value in self._shards[name].items() if key in self._dipakai}
            if not self._tulis_aman(self.folder / "berkas" / f"{name}.bin", shard):
                return
        self._dirty.clear()

    # -- named records: "terakhir", the last run (every file's blob id, each group's diagnostics and
    # keys read), for the next run to re-check only what changed since -----------------------------

    def catatan(self, name: str):
        return self._baca(self.folder / f"{name}.bin")

    def simpan_catatan(self, name: str, value) -> None:
        self._tulis_aman(self.folder / f"{name}.bin", value)


def _jenis_pekerjaan() -> str:
    """The kind of job this run is: $KINERJA_CACHE_JENIS, else from the CI's variables a job
    checking a proposed change ("usulan": a GitHub pull request, a GitLab merge request or a
    push to a branch other than the default one) or one that publishes ("terbit"); "lokal"
    outside CI."""
    env = os.environ
    if env.get("KINERJA_CACHE_JENIS"):
        return re.sub(r"[^a-z0-9]+", "-", env["KINERJA_CACHE_JENIS"].lower()).strip("-") or "lain"
    if env.get("GITHUB_ACTIONS"):
        return "usulan" if env.get("GITHUB_EVENT_NAME", "").startswith("pull_request") else "terbit"
    if env.get("GITLAB_CI"):
        usulan = env.get("CI_PIPELINE_SOURCE") in ("merge_request_event", "external_pull_request_event") or (
            env.get("CI_COMMIT_BRANCH", env.get("CI_DEFAULT_BRANCH")) != env.get("CI_DEFAULT_BRANCH"))
        return "usulan" if usulan else "terbit"
    return "lokal"


def lokasi(root: Path) -> Path:
    """The cache folder: $KINERJA_CACHE, else .kinerja-cache at the repository root; inside it one
    folder per kind of job, so that a job publishing the sites never trusts what a job checking
    a proposed change (whose records and code anyone proposing may write) left in the cache."""
    return Path(os.environ.get("KINERJA_CACHE") or root / ".kinerja-cache") / _jenis_pekerjaan()
