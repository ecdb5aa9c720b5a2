"""Checking a tree again after a few files changed since the last cached run.

The previous run's file list (path, kind, blob id) and diagnostics are kept in the cache.
The files whose blob differs, appeared or disappeared form a change, exactly like a
branch's change for `--changed-since`: `alur.lingkup` loads what that change can affect
(through the per-file cache) and says which files' diagnostics it recomputes. Those come
from the new check; every other diagnostic is the previous run's.
"""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path

from kinerja import checks, laporan, riwayat, tembolok
from kinerja.alur.lingkup import Jalur, Pemuat, Perubahan, tinjau_dari
from kinerja.arsip import Berkas
from kinerja.laporan import Diagnostik

AMBANG = 500  # more changed files than this: a full run is as quick and simpler
_TEMUKAN = ("K109", "K301", "K302")  # the tree walk's own diagnostics, always recomputed in full


def keadaan(records: Path, daftar: list[Berkas], blobs: dict[str, str], diagnostik: list[Diagnostik]) -> tuple:
    """What a run leaves for the next one: the records folder, every file and the result."""
    berkas = "\n".join(f"{b.rel}\t{b.kind}\t{blobs.get(b.path, '-')}" for b in daftar)  # compact: one string
    return str(records.resolve()), berkas, tuple(astuple(d) for d in diagnostik)


def periksa_ulang(records: Path, cache: tembolok.Tembolok, daftar: list[Berkas], misplaced: list[Diagnostik],
                  blobs: dict[str, str]) -> list[Diagnostik] | None:
    """The diagnostics of the tree from the previous run and the change since, or None when
    there is no previous run of this folder, it is not in a Git work tree, or much changed."""
    previous = cache.catatan("terakhir")
    if not (isinstance(previous, tuple) and len(previous) == 3 and previous[0] == str(records.resolve())
            and isinstance(previous[1], str) and isinstance(previous[2], tuple)):
        return None  # none, another folder's, or of another shape: a full run
    top = riwayat.akar_git(records)
    if top is None:
        return None
    _, berkas_lama, diagnostik_lama = previous
    jalur = Jalur.dari(records, top)
    lama = dict(line.split("\t", 1) for line in berkas_lama.split("\n")) if berkas_lama else {}
    baru = {b.rel: b for b in daftar}
    status: dict[tuple, str] = {}
    data_lama: dict[tuple, dict | None] = {}
    for rel in lama.keys() | baru.keys():
        before, after = lama.get(rel), baru.get(rel)
        now = f"{after.kind}\t{blobs.get(after.path, '-')}" if after is not None else None
        if before is not None and before == now and not now.endswith("\t-"):
            continue
        parts = after.parts if after is not None else tuple(rel[len(jalur.rel_prefix) + 1:].split("/"))
        status[parts] = "A" if before is None else "D" if after is None else "M"
        if before is not None:
            kind, blob = before.split("\t")
            hit = cache.ambil(f"{kind}:{blob}") if blob != "-" else None
            data_lama[parts] = hit[0] if hit else None
    if len(status) > AMBANG:
        return None
    if not status:  # only files that are not records came or went
        return laporan.urutkan([Diagnostik(*t) for t in diagnostik_lama if t[3] not in _TEMUKAN] + misplaced)
    perubahan = Perubahan(jalur, "", status, data_lama, cari_untracked=True)
    tinjauan = tinjau_dari(perubahan, Pemuat(records, cache, blobs))
    changed = {perubahan.jalur.rel(parts) for parts in status}
    kept = [d for d in (Diagnostik(*t) for t in diagnostik_lama)
            if d.code not in _TEMUKAN and d.file not in changed and not tinjauan.dilaporkan(d)]
    found = [d for d in tinjauan.baru.diagnostik + checks.periksa(tinjauan.baru.arsip, tinjauan.baru.rekap)
             if d.code not in _TEMUKAN and tinjauan.dilaporkan(d)]
    return laporan.urutkan(kept + found + misplaced)
