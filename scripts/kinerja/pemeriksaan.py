"""A whole run over a records tree: load (through the cache), compute the regulation, check.

`validasi` also memoises the complete list of diagnostics under a key made of every
file's path, kind and blob id: when nothing in the tree changed, nothing is loaded.
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import astuple
from pathlib import Path

from kinerja import arsip, checks, laporan, rekap, tembolok
from kinerja.laporan import Diagnostik


def buka_tembolok(records: Path, aktif: bool) -> tembolok.Tembolok | None:
    return tembolok.Tembolok(tembolok.lokasi(arsip.rel_root(records))) if aktif else None


def _hitung(model, diagnostik):
    hasil = rekap.hitung(model)
    return model, hasil, laporan.urutkan(diagnostik + checks.periksa(model, hasil))


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


def muat_semua(records: Path, cache: tembolok.Tembolok | None = None, progres: bool = False):
    """The model, its computed results and every diagnostic (loading and cross-record)."""
    return _tanpa_gc(lambda: _hitung(*arsip.muat(records, cache, progres)))


def _kunci_hasil(cache: tembolok.Tembolok, daftar, misplaced, blobs: dict[str, str]) -> str:
    """Content key of a whole tree: every file's path, kind and blob id, and the misplaced files."""
    digest = hashlib.sha256(cache.folder.name.encode())
    for berkas in daftar:
        digest.update(f"{berkas.rel}\0{berkas.kind}\0{blobs.get(berkas.path, '-')}\n".encode())
    for d in misplaced:
        digest.update(repr(astuple(d)).encode())
    return digest.hexdigest()


def validasi(records: Path, cache: tembolok.Tembolok | None = None,
             progres: bool = False) -> tuple[list[Diagnostik], int]:
    """Every diagnostic of the tree, sorted, and the number of files checked."""
    if cache is None:
        model, _, diagnostik = muat_semua(records, progres=progres)
        return diagnostik, len(model.berkas)
    daftar, misplaced = arsip.temukan(records, arsip.rel_root(records))
    blobs = arsip.blob_semua(records, daftar)
    key = _kunci_hasil(cache, daftar, misplaced, blobs)
    memo = cache.hasil(key)
    if isinstance(memo, tuple) and len(memo) == 2:
        found, jumlah = memo
        return [Diagnostik(*d) for d in found], jumlah
    model, _, diagnostik = _tanpa_gc(lambda: _hitung(*arsip.muat_daftar(daftar, misplaced, cache, blobs, progres)))
    cache.simpan_hasil(key, (tuple(astuple(d) for d in diagnostik), len(model.berkas)))
    return diagnostik, len(model.berkas)
