"""What a branch changed, and the records that change can affect.

`baca_perubahan` asks Git for the merge base with a revision and the record files that
differ since (committed or staged). `tinjau` then loads only what those changes can
affect, so a pull request is checked in about the same time whatever the size of the
repository:

- every folder of an employee whose files changed (in every unit the NIP appears in);
- the employees whose checks read a changed profile or SKP (their subordinates), found
  with one `git grep` for the NIP (run while the rest loads), and only when the change can
  give them new diagnostics: a changed status, period or penilai, an RHK removed or renamed,
  the record added or deleted — not an RHK added, reworded or retargeted;
- as context, not reported: the superiors those employees point at, their units' unit.yaml
  and organisation ratings;
- for a curve whose count may change (an evaluation's status or rating, an objection
  decision, an SKP added or removed), the files of that unit, year and period it needs;
- the whole unit when its unit.yaml or organisation ratings changed.

Diagnostics are reported for the changed records and the records whose results depend on
them, never for the context.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kinerja import arsip as arsip_mod
from kinerja import rekap as rekap_mod
from kinerja import riwayat
from kinerja.arsip import FOLDER_SKP, Bacaan
from kinerja.laporan import Diagnostik
from kinerja.model import Arsip
from kinerja.rekap import Rekap
from kinerja.tembolok import Tembolok
from kinerja.yamlio import YamlError, muat_bytes

Parts = tuple[str, ...]  # a path below records/


@dataclass(frozen=True)
class Jalur:
    """The three names of a records file: parts below records/, the path Git uses (relative to
    the top of the work tree) and the path diagnostics use (relative to the repository root)."""

    records: Path  # resolved
    top: Path
    rel_prefix: str

    @classmethod
    def dari(cls, records: Path, top: Path) -> Jalur:
        records = records.resolve()
        root = arsip_mod.rel_root(records)
        prefix = records.relative_to(root).as_posix() if records.is_relative_to(root) else records.as_posix()
        return cls(records, top, prefix)

    @property
    def git_prefix(self) -> str:
        return self.records.relative_to(self.top).as_posix()

    def git(self, parts: Parts) -> str:
        return "/".join((self.git_prefix,) + parts) if self.git_prefix != "." else "/".join(parts)

    def dari_git(self, path: str) -> Parts | None:
        prefix = self.git_prefix
        if prefix == ".":
            return tuple(path.split("/"))
        return tuple(path[len(prefix) + 1:].split("/")) if path.startswith(prefix + "/") else None

    def rel(self, parts: Parts) -> str:
        return "/".join((self.rel_prefix,) + parts)


@dataclass
class Perubahan:
    jalur: Jalur
    dasar: str  # the merge base
    berkas: dict[Parts, str]  # changed file -> "A" | "M" | "D"
    lama: dict[Parts, dict | None]  # the base's data of changed files that existed there (None: unreadable)
    cari_untracked: bool = False  # search subordinates among untracked files too (a working tree, not a branch)


def baca_perubahan(records: Path, rev: str) -> Perubahan:
    top = riwayat.akar_git(records)
    if top is None:
        raise riwayat.RiwayatError("folder rekaman tidak berada di dalam repositori Git; "
                                   "--changed-since dan pr-summary memerlukan Git.")
    jalur = Jalur.dari(records, top)
    dasar = riwayat.titik_cabang(top, riwayat.verifikasi(top, rev))
    berkas = {}
    for path, status in riwayat.berubah(top, dasar, jalur.git_prefix).items():
        parts = jalur.dari_git(path)
        if parts:
            berkas[parts] = status
    lama_git = riwayat.baca_di(top, dasar, [jalur.git(p) for p, s in berkas.items() if s != "A"])
    lama = {jalur.dari_git(path): data_dari(raw) for path, raw in lama_git.items()}
    return Perubahan(jalur, dasar, berkas, lama)


def data_dari(raw: bytes | None) -> dict | None:
    """Plain data of a record's bytes, or None when absent or unreadable (no schema check)."""
    if raw is None:
        return None
    try:
        data = muat_bytes(raw).data
    except YamlError:
        return None
    return data if isinstance(data, dict) else None


def data_disk(path: Path) -> dict | None:
    """Plain data of a file in the working tree, or None when absent or unreadable."""
    try:
        return data_dari(path.read_bytes())
    except OSError:
        return None


# --- what the checks of other records read from a record ------------------------------------

def _nilai(kind: str, d: dict | None):
    """What the curves count from a record (None: absent or unreadable)."""
    if d is None:
        return None
    try:
        if kind == "evaluasi":
            return (d.get("periode"), d.get("status"), d.get("rating_hasil_kerja"), d.get("rating_perilaku_kerja"))
        if kind == "keberatan":
            return (d.get("evaluasi"), json.dumps(d.get("keputusan"), sort_keys=True))
        if kind == "skp":
            return d.get("tahun")
    except (AttributeError, TypeError):
        return ("tidak terbaca",)
    return None


def _rujukan(kind: str, d: dict | None):
    """What other employees' checks read from a profile or an SKP (None: absent or unreadable)."""
    if d is None:
        return None
    try:
        if kind == "profil":
            return (d.get("nip"), d.get("penilai"))
        return (d.get("status"), d.get("tahun"), json.dumps(d.get("periode"), sort_keys=True),
                (d.get("penilai") or {}).get("nip"))
    except (AttributeError, TypeError):
        return ("tidak terbaca",)


def _id_rhk(d: dict | None) -> set[str]:
    try:
        return {str(r.get("id")) for r in (d or {}).get("hasil_kerja") or []}
    except (AttributeError, TypeError):
        return set()


def mengubah_bawahan(kind: str, lama: dict | None, baru: dict | None) -> bool:
    """Whether a changed profile or SKP can give new diagnostics to the records that read it (its
    subordinates'): anything they read changed, or an RHK they may intervene is gone. An RHK
    added or reworded, a target changed, cannot."""
    if _rujukan(kind, lama) != _rujukan(kind, baru) or lama is None or baru is None:
        return True
    return kind == "skp" and not _id_rhk(lama) <= _id_rhk(baru)


def _tahun(folder: str) -> int | None:
    match = FOLDER_SKP.match(folder)
    return int(match.group(1)) if match else None


@dataclass
class Lingkup:
    """What to load and what to report for a change."""

    pegawai: set[str] = field(default_factory=set)  # NIPs whose own files changed
    terdampak: set[str] = field(default_factory=set)  # NIPs whose checks read a changed record
    unit_penuh: set[str] = field(default_factory=set)  # units whose unit.yaml or ratings changed
    unit: set[str] = field(default_factory=set)  # every unit involved (its unit.yaml and ratings are loaded)
    unit_anak: set[str] = field(default_factory=set)  # children of a unit_penuh: their ratings name its head
    kurva: dict[tuple[str, int], set[str] | None] = field(default_factory=dict)  # (unit, tahun) -> periods; None: all
    lain: set[Parts] = field(default_factory=set)  # changed files outside employee folders
    lapor: set[Parts] = field(default_factory=set)  # folders and files whose diagnostics are reported

    def tambah_kurva(self, unit: str, tahun: int | None, periode: str | None) -> None:
        if tahun is None:
            return
        key = (unit, tahun)
        if periode is None or self.kurva.get(key, set()) is None:
            self.kurva[key] = None
        else:
            self.kurva.setdefault(key, set()).add(periode)


@dataclass
class Sisi:
    """One side of the change: the loaded documents, the model and its computed results."""

    bacaan: dict[Parts, Bacaan]
    arsip: Arsip
    rekap: Rekap
    diagnostik: list[Diagnostik]  # loading diagnostics (files that do not belong, schema, YAML)


class Pemuat:
    """The working tree's records, loaded on demand and at most once per file."""

    def __init__(self, records: Path, cache: Tembolok | None = None, blobs: dict[str, str] | None = None):
        self.records = records.resolve()
        self.cache = cache  # loading through the cache when the files' blob ids are known
        self.blobs = blobs
        self.bacaan: dict[Parts, Bacaan] = {}
        self.diagnostik: list[Diagnostik] = []
        self.dilihat: set[Parts] = set()
        self.units = sorted(e.name for e in os.scandir(self.records) if e.is_dir())
        self._nip: dict[str, list[str]] | None = None

    def folder_nip(self, nip: str) -> list[Parts]:
        """The folders of a NIP, in every unit it appears in."""
        if self._nip is None:  # one listing of every unit's employees, on first use
            self._nip = {}
            for u in self.units:
                folder = self.records / u / "pegawai"
                if folder.is_dir():
                    for entry in os.scandir(folder):
                        self._nip.setdefault(entry.name, []).append(u)
        return [(u, "pegawai", nip) for u in sorted(self._nip.get(nip, []))]

    def folder_skp(self, pegawai: Parts) -> set[str]:
        folder = self.records.joinpath(*pegawai)
        return {e.name for e in os.scandir(folder) if e.is_dir()} if folder.is_dir() else set()

    def muat(self, di) -> None:
        baru = [p for p in di if p not in self.dilihat]
        if not baru:
            return
        self.dilihat.update(baru)
        root = arsip_mod.rel_root(self.records)
        daftar, diagnostik = arsip_mod.temukan(self.records, root, di=baru)
        daftar = list({b.parts: b for b in daftar if b.parts not in self.bacaan}.values())
        self.diagnostik += diagnostik
        for b in arsip_mod.baca_semua(daftar, cache=self.cache, blobs=self.blobs):
            self.bacaan[b.berkas.parts] = b
            self.diagnostik += b.diagnostik

    def data(self, parts: Parts) -> dict | None:
        b = self.bacaan.get(parts)
        if b is None:
            return None
        return b.data if b.data is not None else (b.dok.data if b.dok is not None else None)

    def daftar_kurva(self, unit: str, kurva: dict) -> list[Parts]:
        found = []
        folder = self.records / unit / "pegawai"
        if not folder.is_dir():
            return found
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            rel = Path(root).relative_to(self.records).parts
            found += [p for p in (rel + (f,) for f in sorted(files)) if untuk_kurva(p, kurva)]
        return found


def untuk_kurva(parts: Parts, kurva: dict[tuple[str, int], set[str] | None]) -> bool:
    """Whether a file is needed to count the curves of the given (unit, year) keys."""
    if len(parts) < 4 or parts[1] != "pegawai":
        return False
    if len(parts) == 4:
        return parts[3] == "profil.yaml" and any(u == parts[0] for u, _ in kurva)
    key = (parts[0], _tahun(parts[3]))
    if key not in kurva:
        return False
    if len(parts) == 5:
        return parts[4] == "skp.yaml"
    periods = kurva[key]
    return (len(parts) == 6 and parts[4] in ("evaluasi", "keberatan")
            and (periods is None or parts[5].removesuffix(".yaml") in periods))


def _nip_rujukan(data: dict | None, kind: str) -> set[str]:
    """The NIPs whose records the checks of this record read (its superiors)."""
    if not isinstance(data, dict):
        return set()
    found: set[str] = set()
    try:
        if kind == "profil":
            found.add(data.get("penilai"))
        elif kind == "skp":
            found.add((data.get("penilai") or {}).get("nip"))
            found.update(str(r.get("intervensi")).split("/", 1)[0] for r in data.get("hasil_kerja") or []
                         if r.get("intervensi"))
    except (AttributeError, TypeError):
        pass
    return {n for n in found if isinstance(n, str) and arsip_mod.NIP.match(n)}


def _muat_baru(perubahan: Perubahan, disk: Pemuat) -> Lingkup:
    """Load what the change can affect, and say what that is."""
    lingkup = Lingkup()
    jalur = perubahan.jalur
    for parts, status in perubahan.berkas.items():
        if len(parts) > 1:
            lingkup.unit.add(parts[0])
        if len(parts) >= 3 and parts[1] == "pegawai" and arsip_mod.NIP.match(parts[2]):
            lingkup.pegawai.add(parts[2])
        elif parts[1:] == ("unit.yaml",) or (len(parts) == 3 and parts[1] == "organisasi"):
            lingkup.unit_penuh.add(parts[0])
        else:
            lingkup.lain.add(parts)

    # What others read from the changed records decides whose checks and which curves to redo.
    # A record that fails its schema is left out of the model, as if absent.
    bawahan_dari: set[str] = set()  # NIPs whose subordinates need rechecking
    tahun_cari: set[int] | None = set()  # SKP years to search them in (None: all)
    disk.muat(sorted(p for p, status in perubahan.berkas.items() if status != "D"))
    for parts, status in perubahan.berkas.items():
        kind = arsip_mod.jenis(parts)
        if kind not in ("profil", "skp", "evaluasi", "keberatan"):
            continue
        lama = perubahan.lama.get(parts)
        baru = disk.bacaan[parts].data if parts in disk.bacaan else None
        if kind in ("profil", "skp") and mengubah_bawahan(kind, lama, baru):
            bawahan_dari.add(parts[2])
            if kind == "profil" or tahun_cari is None:
                tahun_cari = None
            else:
                tahun_cari |= {t for t in (_tahun(parts[3]), *(d.get("tahun") for d in (lama, baru) if d))
                               if isinstance(t, int)}
        if kind == "profil" and (lama is None) != (baru is None):  # the employee enters or leaves the curves
            for folder in disk.folder_skp(parts[:3]) | {p[3] for p in perubahan.berkas if p[:3] == parts[:3]}:
                lingkup.tambah_kurva(parts[0], _tahun(folder), None)
        elif kind != "profil" and (_nilai(kind, lama) != _nilai(kind, baru) or lama is None or baru is None):
            if kind == "skp":
                for d in (lama, baru):
                    tahun = d.get("tahun") if isinstance(d, dict) and isinstance(d.get("tahun"), int) else None
                    lingkup.tambah_kurva(parts[0], tahun or _tahun(parts[3]), None)
            else:
                lingkup.tambah_kurva(parts[0], _tahun(parts[3]), parts[5].removesuffix(".yaml"))

    # Subordinates of a changed profile or SKP: Git searches while this process loads the rest.
    # An SKP is read through other SKPs of its year (intervensi, their penilai); a profile also
    # through profiles (who has this penilai) and SKPs of any year.
    folders_skp = ["*"] if tahun_cari is None else [f"{t}{akhir}" for t in sorted(tahun_cari) for akhir in ("", "-*")]
    pola = [f":(glob){jalur.git(('*', 'pegawai', '*', f, 'skp.yaml'))}" for f in folders_skp]
    if tahun_cari is None:
        pola.append(f":(glob){jalur.git(('*', 'pegawai', '*', 'profil.yaml'))}")
    pencarian = (riwayat.Pencarian(jalur.top, sorted(bawahan_dari), pola, untracked=perubahan.cari_untracked)
                 if bawahan_dari else None)
    disk.muat([f for nip in sorted(lingkup.pegawai) for f in disk.folder_nip(nip)]
              + [(u,) for u in sorted(lingkup.unit_penuh)] + sorted(lingkup.lain))
    if lingkup.unit_penuh:  # child units: their ratings are checked against this unit's head
        for u in disk.units:
            data = data_disk(jalur.records / u / "unit.yaml")
            if data and data.get("induk") in lingkup.unit_penuh:
                lingkup.unit.add(u)
                lingkup.unit_anak.add(u)
    seluruh_unit = {p[2] for p in disk.bacaan if p[0] in lingkup.unit_penuh and len(p) > 3 and p[1] == "pegawai"}
    lingkup.terdampak |= seluruh_unit - lingkup.pegawai
    _muat_konteks(disk, lingkup, lingkup.pegawai | lingkup.terdampak)
    for u in sorted({u for u, _ in lingkup.kurva}):
        disk.muat(disk.daftar_kurva(u, lingkup.kurva))
    if pencarian is not None:
        bawahan = set()
        for path in pencarian.hasil():
            parts = jalur.dari_git(path)
            if parts and len(parts) > 3 and parts[2] not in lingkup.pegawai | lingkup.terdampak:
                bawahan.add(parts[2])
                # a subordinate's SKP that names the NIP, or (found by its profile) the whole folder
                lingkup.lapor.update([parts[:4]] if parts[-1] == "skp.yaml" else disk.folder_nip(parts[2]))
        lingkup.terdampak |= bawahan
        disk.muat([f for nip in sorted(bawahan) for f in disk.folder_nip(nip)])
        _muat_konteks(disk, lingkup, bawahan)
    _lapor(perubahan, disk, lingkup)
    return lingkup


def _lapor(perubahan: Perubahan, disk: Pemuat, lingkup: Lingkup) -> None:
    """What is reported besides the subordinates: the changed files; the SKP folders they are in,
    with the employee's other SKPs of that year (periods must not overlap); an employee's whole
    folder when the profile changed; the units whose unit.yaml or ratings changed and their
    children's ratings; the ratings of the curves counted again."""
    lapor = lingkup.lapor
    lapor.update(perubahan.berkas)
    lapor.update((u,) for u in lingkup.unit_penuh)
    lapor.update((u, "organisasi") for u in lingkup.unit_anak)
    lapor.update((u, "organisasi", f"{t}.yaml") for u, t in lingkup.kurva)
    for parts in perubahan.berkas:
        if len(parts) < 4 or parts[1] != "pegawai" or parts[2] not in lingkup.pegawai:
            continue
        if parts[3] == "profil.yaml":
            lapor.update(disk.folder_nip(parts[2]))
        elif len(parts) > 4:
            tahun = _tahun(parts[3])
            lapor.add(parts[:4])
            lapor.update(f + (skp,) for f in disk.folder_nip(parts[2]) for skp in disk.folder_skp(f)
                         if tahun is not None and _tahun(skp) == tahun)


def _muat_konteks(disk: Pemuat, lingkup: Lingkup, nips: set[str]) -> None:
    """The records the checks of these employees read: their superiors' folders, and every
    unit involved with its ratings and its parent's unit.yaml."""
    dilaporkan = lingkup.pegawai | lingkup.terdampak
    # their folders in other units too: one NIP must not be active in two units at once
    disk.muat([f for nip in sorted(nips) for f in disk.folder_nip(nip)])
    konteks: set[str] = set()
    for parts in list(disk.bacaan):
        if len(parts) > 3 and parts[1] == "pegawai" and parts[2] in nips:
            konteks |= _nip_rujukan(disk.data(parts), arsip_mod.jenis(parts))
    disk.muat([f for nip in sorted(konteks - dilaporkan) for f in disk.folder_nip(nip)])
    for u in sorted(lingkup.unit | {p[0] for p in disk.bacaan}):
        disk.muat([(u, "unit.yaml"), (u, "organisasi")])
        induk = (disk.data((u, "unit.yaml")) or {}).get("induk")
        if isinstance(induk, str) and induk in disk.units:
            disk.muat([(induk, "unit.yaml")])


def sisi(bacaan: dict[Parts, Bacaan], diagnostik: list[Diagnostik]) -> Sisi:
    model, more = arsip_mod.bangun(list(bacaan.values()))
    return Sisi(bacaan, model, rekap_mod.hitung(model), diagnostik + more)


@dataclass
class Tinjauan:
    """A change with what it affects: the new side loaded, the old side on request."""

    perubahan: Perubahan
    lingkup: Lingkup
    baru: Sisi
    lapor: set[str]  # rel paths (files or folders) whose diagnostics are reported
    lama: Sisi | None = None

    def kurva(self, sisi: Sisi) -> list:
        """The curves this change may count differently (the others were counted from part of a unit)."""
        return [k for k in sisi.rekap.kurva if k.unit in self.lingkup.unit_penuh
                or self.lingkup.kurva.get((k.unit, k.tahun), ()) is None
                or k.periode in self.lingkup.kurva.get((k.unit, k.tahun), ())]

    @cached_property
    def _baris_kurva(self) -> set[tuple[str, int]]:
        """Where the deviation of each curve counted in full is reported: the line of its rating."""
        out = set()
        for k in self.kurva(self.baru):
            sumber = self.baru.arsip.organisasi[(k.unit, k.tahun)].sumber
            out.add((sumber.file, sumber.nilai("penetapan", k.penetapan.index, "predikat")[0]))
        return out

    def dilaporkan(self, d: Diagnostik) -> bool:
        if d.code == "K605":  # a curve's deviation: only curves counted in full
            return (d.file, d.line) in self._baris_kurva
        return self.melapor(d.file)

    def melapor(self, file: str) -> bool:
        """Whether diagnostics of this file (relative to the repository root) are reported."""
        parts = file.split("/")
        return any("/".join(parts[:k]) in self.lapor for k in range(1, len(parts) + 1))


def tinjau(records: Path, rev: str, *, dengan_lama: bool = False) -> Tinjauan:
    perubahan = baca_perubahan(records, rev)
    disk = Pemuat(perubahan.jalur.records)
    tinjauan = tinjau_dari(perubahan, disk)
    if dengan_lama:
        tinjauan.lama = _muat_lama(perubahan, disk)
    return tinjauan


def tinjau_dari(perubahan: Perubahan, disk: Pemuat) -> Tinjauan:
    """Load what a change can affect and what is reported for it."""
    lingkup = _muat_baru(perubahan, disk)
    lapor = {perubahan.jalur.rel(p) for p in lingkup.lapor}
    return Tinjauan(perubahan, lingkup, sisi(disk.bacaan, disk.diagnostik), lapor)


def _muat_lama(perubahan: Perubahan, disk: Pemuat) -> Sisi:
    """The merge base's version of everything loaded on the new side, read from Git in one pass."""
    jalur = perubahan.jalur
    folders = sorted({p[:3] if len(p) > 3 and p[1] == "pegawai" else p[:2] for p in disk.dilihat}
                     | {p[:3] if len(p) > 3 and p[1] == "pegawai" else p[:2] for p in perubahan.berkas})
    wanted = set(disk.dilihat) | set(perubahan.berkas)
    paths = []
    for path in riwayat.daftar_di(jalur.top, perubahan.dasar, [jalur.git(f) for f in folders]):
        parts = jalur.dari_git(path)
        if parts and any(parts[:k] in wanted for k in range(1, len(parts) + 1)) and arsip_mod.jenis(parts):
            paths.append(parts)
    raw = riwayat.baca_di(jalur.top, perubahan.dasar, [jalur.git(p) for p in paths])
    bacaan = {}
    for parts in paths:
        berkas = arsip_mod.Berkas(jalur.rel(parts), str(jalur.records.joinpath(*parts)), arsip_mod.jenis(parts),
                                  parts)
        bacaan[parts] = arsip_mod.baca(berkas, raw.get(jalur.git(parts), b""))
    return sisi(bacaan, [])


def unit_terdampak(records: Path, rev: str) -> list[str]:
    """The units whose records a change affects (their sites may change)."""
    t = tinjau(records, rev)
    units = {r.removeprefix(t.perubahan.jalur.rel_prefix + "/").split("/", 1)[0] for r in t.lapor}
    return sorted(u for u in units if (t.perubahan.jalur.records / u / "unit.yaml").is_file())
