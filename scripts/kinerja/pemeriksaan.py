"""A whole run over a records tree: load (through the cache), compute the regulation, check.

`Pohon` is one run's view of a tree: its files and their blob ids are found once and shared
by validation, loading and the site build's keys; the model is loaded at most once.
`validasi` also memoises the complete list of diagnostics under a key made of every
file's path, kind and blob id: when nothing in the tree changed, nothing is loaded.
"""

from __future__ import annotations

import gc
import os
import time
import hashlib
from dataclasses import astuple
from functools import cached_property
from pathlib import Path

from kinerja import arsip, checks, laporan, rekap, tembolok
from kinerja.laporan import Diagnostik
from kinerja.model import Arsip
from kinerja.rekap import Rekap


def buka_tembolok(records: Path, aktif: bool) -> tembolok.Tembolok | None:
    return tembolok.Tembolok(tembolok.lokasi(arsip.rel_root(records))) if aktif else None


def _tanpa_gc(fn):
    # Loading creates millions of small objects and no reference cycles: the cyclic garbage
    # collector would only rescan them over and over (it more than doubles the run time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return fn()
    finally:
        if collecting:
            gc.enable()


BARU_NS = 2_000_000_000  # folders modified this recently (ns) do not make a reusable listing


def _folder_sama(folders) -> bool:
    """Whether every folder of a saved listing still has the mtime it had then."""
    try:
        return all(os.stat(path).st_mtime_ns == mtime for path, mtime in folders)
    except (OSError, TypeError, ValueError):
        return False


class Pohon:
    """One records tree in one run: its files found once, their blob ids computed once (when
    asked), the model with its computed results and diagnostics loaded at most once."""

    def __init__(self, records: Path, cache: tembolok.Tembolok | None = None, progres: bool = False):
        self.records = Path(records)
        self.cache = cache
        self.progres = progres
        self._git = tembolok.BlobGit(self.records) if cache is not None else None  # runs during the walk
        self.daftar, self.misplaced = self._temukan()

    def _temukan(self) -> tuple[list[arsip.Berkas], list[Diagnostik]]:
        """The tree's files. With the cache, the last listing is reused while no folder's
        mtime changed (a file added, removed or renamed in a folder changes its mtime; a
        file's content is keyed by its blob id anyway), which spares reading 40,000 folders."""
        root = arsip.rel_root(self.records)
        where = (str(self.records.resolve()), str(root))
        if self.cache is not None:
            saved = self.cache.catatan("daftar")
            if isinstance(saved, tuple) and len(saved) == 4 and saved[0] == where and _folder_sama(saved[1]):
                return [arsip.Berkas(*b) for b in saved[2]], [Diagnostik(*d) for d in saved[3]]
        folders: list = []
        walked = time.time_ns()
        daftar, misplaced = arsip.temukan(self.records, root, folders=folders)
        # A folder changed within the last seconds may change again within one mtime tick of
        # a coarse file system: such a listing is not saved.
        settled = None not in folders and all(mtime < walked - BARU_NS for _, mtime in folders)
        if self.cache is not None and settled:
            self.cache.simpan_catatan("daftar", (where, tuple(folders), tuple(tuple(b) for b in daftar),
                                      tuple(astuple(d) for d in misplaced)))
        return daftar, misplaced

    @cached_property
    def blobs(self) -> dict[str, str]:
        """Blob id of every file, by absolute path (unreadable files are left out)."""
        return arsip.blob_semua(self.records, self.daftar, self._git)

    @cached_property
    def units(self) -> list[str]:
        """The codes of the units that have a unit.yaml, sorted."""
        return sorted(b.parts[0] for b in self.daftar if b.kind == "unit")

    @cached_property
    def dimuat(self) -> tuple[Arsip, Rekap, list[Diagnostik]]:
        """The model, its computed results and every diagnostic (loading and cross-record)."""
        def hitung():
            model, diagnostik = arsip.muat_daftar(self.daftar, self.misplaced, self.cache,
                                                  self.blobs if self.cache is not None else None, self.progres)
            hasil = rekap.hitung(model)
            return model, hasil, laporan.urutkan(diagnostik + checks.periksa(model, hasil))
        return _tanpa_gc(hitung)

    def _kunci_hasil(self) -> str:
        """Content key of the whole tree: every file's path, kind and blob id, and the misplaced files."""
        digest = hashlib.sha256(self.cache.folder.name.encode())
        for berkas in self.daftar:
            digest.update(f"{berkas.rel}\0{berkas.kind}\0{self.blobs.get(berkas.path, '-')}\n".encode())
        for d in self.misplaced:
            digest.update(repr(astuple(d)).encode())
        return digest.hexdigest()

    def validasi(self) -> tuple[list[Diagnostik], int]:
        """Every diagnostic of the tree, sorted, and the number of files checked: memoised in
        the cache, so an unchanged tree is not loaded at all."""
        return _tanpa_gc(self._validasi)

    def _validasi(self) -> tuple[list[Diagnostik], int]:
        if self.cache is None:
            return self.dimuat[2], len(self.daftar)
        key = self._kunci_hasil()
        memo = self.cache.hasil(key)
        if isinstance(memo, tuple) and len(memo) == 2:
            found, jumlah = memo
            return [Diagnostik(*d) for d in found], jumlah
        from kinerja import inkremental  # the change-scope machinery, only on a cache miss

        diagnostik = inkremental.periksa_ulang(self.records, self.cache, self.daftar, self.misplaced, self.blobs)
        if diagnostik is None:
            diagnostik = self.dimuat[2]
        self.cache.simpan_hasil(key, (tuple(astuple(d) for d in diagnostik), len(self.daftar)))
        self.cache.simpan_catatan("terakhir", inkremental.keadaan(self.records, self.daftar, self.blobs, diagnostik))
        return diagnostik, len(self.daftar)


def muat_semua(records: Path, cache: tembolok.Tembolok | None = None, progres: bool = False):
    """The model, its computed results and every diagnostic (loading and cross-record)."""
    return Pohon(records, cache, progres).dimuat


def validasi(records: Path, cache: tembolok.Tembolok | None = None,
             progres: bool = False) -> tuple[list[Diagnostik], int]:
    """Every diagnostic of the tree, sorted, and the number of files checked."""
    return Pohon(records, cache, progres).validasi()
