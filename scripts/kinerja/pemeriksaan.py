"""A whole run over a records tree: list, load (through the cache), check per group, remember.

`Pohon` is one run's view of a tree. Its files come from Git when the tree is in a work tree
(the index's blob ids, plus what differs from the index or is untracked: a listing that
cannot miss a file), else from a walk; with `revisi` they are the staged content only (what
`git commit` would record, `revisi=":"`) or a commit's, read from Git.

Checking is per group (`jenis.kelompok`). Each group's checks read other groups only through
`Fakta`, which records the keys read. A run leaves, for the next one, every file's blob id
and each group's diagnostics and keys read. The next run re-checks only the groups whose
files changed and the groups that read a key a changed file provides (`jenis.sedia`); the
records those need are loaded until everything they read is loaded (a fixed point), so the
result is the one a full run gives. Nothing in the scope is kept by hand.
"""

from __future__ import annotations

import gc
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import astuple, dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter
from pathlib import Path

from kinerja import arsip, checks, jenis, laporan, rekap, riwayat, tembolok
from kinerja.arsip import Bacaan, Berkas
from kinerja.fakta import Fakta
from kinerja.laporan import Diagnostik
from kinerja.model import Arsip
from kinerja.rekap import Rekap
from kinerja.yamlio import YamlError, muat_bytes

MODE_BUKAN_BERKAS = ("120000", "160000")  # Git modes of a symbolic link and a submodule
AMBANG = 500  # more changed files than this: a full run is as quick and simpler


def buka_tembolok(records: Path, aktif: bool) -> tembolok.Tembolok | None:
    return tembolok.Tembolok(tembolok.lokasi(arsip.rel_root(records))) if aktif else None


def _tanpa_gc(fn):
    # Loading creates millions of small objects and no reference cycles: the cyclic garbage
    # collector would only rescan them over and over (it more than doubles the run time).
    # Afterwards they are frozen out of its sight too (reference counting still frees them), so
    # the collections that the work after loading triggers scan only what that work made.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return fn()
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


@dataclass
class Daftar:
    """The files of a tree: records with their kind, the diagnostics of files that do not belong,
    blob ids where known, and contents that must come from Git rather than the disk."""

    berkas: list[Berkas]
    salah: list[Diagnostik]
    blobs: dict[str, str] = field(default_factory=dict)  # absolute path -> blob id
    isi_git: dict[str, str] = field(default_factory=dict)  # absolute path -> blob to read from Git
    top: Path | None = None


def _daftar_git(records: Path, top: Path, revisi: str | None) -> Daftar | None:
    """The listing from Git, or None when the tree holds a symbolic link or a submodule (the
    walk handles those)."""
    records = records.resolve()
    root = arsip.rel_root(records)
    folder = records.relative_to(top).as_posix()
    indeks = revisi is not None
    git = riwayat.PembacaDaftar(top, folder, kerja=not indeks, revisi=None if revisi == ":" else revisi).hasil()
    cut = 0 if folder == "." else len(folder) + 1
    paths: dict[str, str | None] = {}  # path from top -> index blob (None: read from the disk)
    for path, (mode, blob) in git.indeks.items():
        if mode in MODE_BUKAN_BERKAS:
            return None
        if indeks or (path not in git.hilang and path not in git.berubah):
            paths[path] = blob
        elif path not in git.hilang:
            paths[path] = None
    if not indeks:
        for path in git.baru:
            if os.path.islink(top / path):
                return None
            paths[path] = None
    atas = str(top) + "/"  # plain strings: pathlib costs seconds over 100,000 files
    items = sorted((tuple(path[cut:].split("/")), atas + path, blob) for path, blob in paths.items())
    daftar, salah = arsip.kenali_semua(((parts, full) for parts, full, _ in items), records, root)
    blobs = {full: blob for _, full, blob in items if blob is not None}
    berbeda = {atas + p for p in git.berubah | git.hilang} if revisi == ":" else set()
    return Daftar(daftar, salah, blobs, {p: blobs[p] for p in berbeda if p in blobs}, top)


def daftar_pohon(records: Path, *, revisi: str | None = None) -> Daftar:
    top = riwayat.akar_git(records)
    if top is None:
        if revisi is not None:
            raise riwayat.RiwayatError("folder rekaman tidak berada di dalam repositori Git; "
                                       "--changed-since dan pr-summary memerlukan Git.")
    else:
        found = _daftar_git(records, top, revisi)
        if found is not None:
            return found
        if revisi is not None:
            raise riwayat.RiwayatError("rekaman memuat tautan simbolik atau submodul; periksa tanpa --changed-since.")
    berkas, salah = arsip.temukan(records, arsip.rel_root(records))
    return Daftar(berkas, salah, top=top)


def daftar_turunan(daftar: Daftar, records: Path, ubahan: dict[str, riwayat.Ubahan]) -> Daftar | None:
    """The listing of a commit, derived from Git's listing of the index (daftar) and the files
    that differ between them (by path from the top of the work tree, with the commit's blob):
    the same files and blobs `git ls-tree` would give, without listing the whole tree again.
    None when a changed file is a symbolic link or a submodule in the commit."""
    if daftar.top is None or any(u.mode_dasar in MODE_BUKAN_BERKAS for u in ubahan.values()):
        return None
    records = records.resolve()
    folder = records.relative_to(daftar.top).as_posix()
    cut = 0 if folder == "." else len(folder) + 1
    atas = str(daftar.top) + "/"
    bawah = {atas + path: path[cut:] for path in ubahan}  # absolute path -> path below records/
    dasar = {atas + path: u.blob_dasar for path, u in ubahan.items() if u.status != "A"}
    root = arsip.rel_root(records)
    berkas, salah = arsip.kenali_semua(((tuple(bawah[p].split("/")), p) for p in sorted(dasar)), records, root)
    rel_diganti = {arsip.awalan(records, root) + "/" + rel for rel in bawah.values()}
    return Daftar(sorted([b for b in daftar.berkas if b.path not in bawah] + berkas, key=attrgetter("parts")),
                  [d for d in daftar.salah if d.file not in rel_diganti] + salah,
                  {p: blob for p, blob in daftar.blobs.items() if p not in bawah} | dasar, {}, daftar.top)


def _indeks_penyedia(daftar: list[Berkas]) -> dict[jenis.Kunci, set[str]]:
    """Which groups provide each key (the inverse of `jenis.sedia` over the listing)."""
    found: dict[jenis.Kunci, set[str]] = defaultdict(set)
    for b in daftar:
        group = jenis.kelompok(b.parts)
        for key in jenis.sedia(b.kind, b.parts):
            found[key].add(group)
    return found


@dataclass
class HasilKelompok:
    diagnostik: list[Diagnostik]
    dibaca: frozenset[jenis.Kunci]


def _periksa(group: str, model: Arsip, fakta: Fakta, berkas: list[Berkas]) -> list[Diagnostik]:
    """The cross-record diagnostics of one group (its loading diagnostics are the loader's)."""
    kind, _, rest = group.partition("/")
    if kind == "unit":
        return checks.periksa_unit(rest, model.units.get(rest), fakta)
    unit, _, name = rest.partition("/")
    found = checks.periksa_induk_unit(unit, berkas, fakta) if kind in ("pegawai", "organisasi", "tim") else []
    if kind == "pegawai":
        return found + checks.periksa_pegawai(model.pegawai.get((unit, name)), fakta)
    if kind == "organisasi":
        tahun = jenis.BERKAS_TAHUN.fullmatch(name)
        organisasi = model.organisasi.get((unit, int(tahun.group(1)))) if tahun else None
        return found + checks.periksa_organisasi(organisasi, fakta)
    if kind == "tim":
        return found + checks.periksa_tim(model.tim.get((unit, name.removesuffix(".yaml"))), fakta)
    return found


class Pohon:
    """One records tree in one run: its files found once, loaded at most once, checked per group."""

    def __init__(self, records: Path, cache: tembolok.Tembolok | None = None, progres: bool = False, *,
                 revisi: str | None = None, daftar: Daftar | None = None):
        self.records = Path(records)
        self.cache = cache
        self.progres = progres
        self.revisi = revisi  # ":" the staged content (Git's index), a commit's, or None: the working tree
        self._daftar = daftar or daftar_pohon(self.records, revisi=revisi)
        self.top = self._daftar.top
        self.daftar, self.misplaced = self._daftar.berkas, self._daftar.salah
        self._bacaan: dict[str, Bacaan] = {}
        self.hasil_kelompok: dict[str, HasilKelompok] = {}
        self.dibaca: dict[str, frozenset[jenis.Kunci]] = {}  # after validasi: the keys each group read

    def di(self, revisi: str, ubahan: dict[str, riwayat.Ubahan]) -> Pohon:
        """The same records at commit revisi, from this staged tree and the files that differ
        between them (`riwayat.berubah`)."""
        assert self.revisi == ":", "derived from the staged listing only"
        return Pohon(self.records, self.cache, self.progres, revisi=revisi,
                     daftar=daftar_turunan(self._daftar, self.records, ubahan))

    @cached_property
    def blobs(self) -> dict[str, str]:
        """Blob id of every file, by absolute path (unreadable files are left out)."""
        return arsip.blob_semua(self.daftar, self._daftar.blobs)

    @cached_property
    def units(self) -> list[str]:
        """The codes of the units that have a unit.yaml, sorted."""
        return sorted(b.parts[0] for b in self.daftar if b.kind == "unit")

    @cached_property
    def kelompok(self) -> dict[str, list[Berkas]]:
        found: dict[str, list[Berkas]] = defaultdict(list)
        for b in self.daftar:
            found[jenis.kelompok(b.parts)].append(b)
        return found

    @cached_property
    def penyedia(self) -> dict[jenis.Kunci, set[str]]:
        return _indeks_penyedia(self.daftar)

    # -- loading ----------------------------------------------------------------------------------

    def _muat(self, groups: Iterable[str]) -> list[Bacaan]:
        """The loaded files of these groups (each file read at most once per run)."""
        todo = [b for g in groups for b in self.kelompok.get(g, ()) if b.rel not in self._bacaan]
        if todo:
            git = [b for b in todo if b.path in self._daftar.isi_git]
            disk = [b for b in todo if b.path not in self._daftar.isi_git]
            for b in arsip.baca_semua(disk, cache=self.cache, blobs=self.blobs if self.cache else None,
                                      progres=self.progres, isi=self._baca_isi if self.revisi else None):
                self._bacaan[b.berkas.rel] = b
            for b in self._baca_dari_git(git):
                self._bacaan[b.berkas.rel] = b
        return [self._bacaan[b.rel] for g in groups for b in self.kelompok.get(g, ())]

    def _baca_isi(self, daftar: list[Berkas]) -> dict[str, bytes]:
        """Contents of files, read from Git in one pass (the index's or a commit's listing)."""
        assert self._daftar.top is not None
        wanted = {b.path: self.blobs[b.path] for b in daftar if b.path in self.blobs}
        raw = riwayat.baca_blob(self._daftar.top, list(wanted.values()))
        return {path: raw[blob] for path, blob in wanted.items() if blob in raw}

    def _baca_dari_git(self, daftar: list[Berkas]) -> list[Bacaan]:
        """Staged files whose working copy differs: loaded with positions from the staged bytes."""
        if not daftar:
            return []
        raw = self._baca_isi(daftar)
        out = []
        for b in daftar:
            loaded = arsip.baca(b, raw.get(b.path, b""))
            if loaded.dok is None and loaded.data is not None:
                try:
                    loaded.dok = muat_bytes(raw.get(b.path, b""))
                except YamlError:
                    pass
            out.append(loaded)
        return out

    # -- checking ---------------------------------------------------------------------------------

    def _jalankan(self, periksa: set[str], muat: set[str]) -> tuple[Arsip, Fakta, list[Diagnostik]]:
        """Check the groups in periksa on a model of the groups in muat, growing muat until it
        holds every group that provides a key their checks read. Returns the model, its Fakta and
        the loader's diagnostics (every loaded file's)."""
        units_ada = set(self.units)
        while True:
            bacaan = self._muat(sorted(muat))
            model, induk_hilang = arsip.bangun(bacaan)
            fakta = Fakta(model, units_ada)
            dibaca: set[jenis.Kunci] = set()
            for group in sorted(periksa):
                with fakta.mencatat() as keys:
                    found = _periksa(group, model, fakta, self.kelompok.get(group, []))
                self.hasil_kelompok[group] = HasilKelompok(found, frozenset(keys))
                dibaca |= keys
            needed = {g for key in dibaca for g in self.penyedia.get(key, ())}
            if needed <= muat:
                loading = [d for b in bacaan for d in b.diagnostik] + induk_hilang
                return model, fakta, loading
            muat |= needed

    def _per_kelompok(self, groups: Iterable[str], loading: list[Diagnostik]):
        """Each checked group's diagnostics (its files' loading ones and its checks') and keys read."""
        found: dict[str, list[Diagnostik]] = defaultdict(list)
        for d in loading:
            found[self.kelompok_berkas(d.file)].append(d)
        return {g: (found.get(g, []) + self.hasil_kelompok[g].diagnostik, self.hasil_kelompok[g].dibaca)
                for g in groups}

    @cached_property
    def _penuh(self) -> tuple[Arsip, Fakta, list[Diagnostik]]:
        """Every group checked on the whole model: the model, its Fakta, the loader's diagnostics."""
        groups = set(self.kelompok)
        return _tanpa_gc(lambda: self._jalankan(groups, set(groups)))

    @cached_property
    def dimuat(self) -> tuple[Arsip, Rekap, list[Diagnostik]]:
        """The whole model, its computed results and every diagnostic (loading and cross-record)."""
        model, fakta, loading = self._penuh
        diagnostik = loading + [d for h in self.hasil_kelompok.values() for d in h.diagnostik]
        return model, _tanpa_gc(lambda: rekap.hitung(model, fakta)), laporan.urutkan(diagnostik + self.misplaced)

    def validasi(self) -> tuple[list[Diagnostik], int]:
        """Every diagnostic of the tree, sorted, and the number of files checked: with the cache,
        only what changed since the last run and what read it is checked again. Afterwards
        `dibaca` holds the keys each group read."""
        ulang = _tanpa_gc(self._periksa_ulang) if self.cache is not None else None
        per_group = ulang[0] if ulang is not None else self._per_kelompok(self.kelompok, self._penuh[2])
        self.dibaca = {g: keys for g, (_, keys) in per_group.items()}
        diagnostik = laporan.urutkan([d for found, _ in per_group.values() for d in found] + self.misplaced)
        # A branch check (the staged view) that started from a last run leaves that run in place:
        # the next run compares against it just as exactly, and writing the record of every group
        # costs a second at 10,000 employees on each check.
        tetap = ulang is not None and (ulang[1] or self.revisi == ":")
        if self.cache is not None:
            if not tetap:
                self.cache.simpan_catatan("terakhir", self._keadaan(per_group))
            self.cache.tulis()
        return diagnostik, len(self.daftar)

    # -- the last run, for the next one ---------------------------------------------------------------

    def _keadaan(self, per_group: dict[str, tuple[list[Diagnostik], frozenset]]) -> tuple:
        groups = {g: (tuple(astuple(d) for d in found), tuple(sorted(dibaca)))
                  for g, (found, dibaca) in per_group.items()}
        return self._pengenal(), self.berkas_teks, groups

    def _pengenal(self) -> str:
        """Whose last run a record is: this records folder, on this day (a NIP appointed "in the
        future" is checked against today, so a day's results are not reused the next day)."""
        return f"{self.records.resolve()}\0{date.today().isoformat()}"

    def _lalu(self):
        previous = self.cache.catatan("terakhir") if self.cache is not None else None
        if not (isinstance(previous, tuple) and len(previous) == 3 and previous[0] == self._pengenal()
                and isinstance(previous[1], str) and isinstance(previous[2], dict)):
            return None
        return previous

    @cached_property
    def berkas_teks(self) -> str:
        """Every file as "rel<TAB>kind<TAB>blob id" lines: what a last run records of the tree."""
        return "\n".join(f"{b.rel}\t{b.kind}\t{self.blobs.get(b.path, '-')}" for b in self.daftar)

    def berubah_sejak(self, teks_lama: str) -> set[str]:
        """The files (rel) whose kind or blob differs from an earlier listing, that came or went,
        or that could not be read (compared as lines of text: quick for 100,000 files)."""
        if teks_lama == self.berkas_teks:
            return {line.split("\t", 1)[0] for line in teks_lama.split("\n") if line.endswith("\t-")}
        lama, baru = set(teks_lama.split("\n")), set(self.berkas_teks.split("\n"))
        return {line.split("\t", 1)[0] for line in (lama ^ baru) | {x for x in baru if x.endswith("\t-")} if line}

    def _periksa_ulang(self) -> tuple[dict[str, tuple[list[Diagnostik], frozenset]], bool] | None:
        """Each group's diagnostics and keys read, re-checking only what a change since the last run
        can affect, and whether nothing changed; None when there is no usable last run or too much
        changed."""
        previous = self._lalu()
        if previous is None:
            return None
        changed = self.berubah_sejak(previous[1])
        if len(changed) > AMBANG:
            return None
        terdahulu: dict[str, tuple[list[Diagnostik], frozenset]] = {}
        for group, entry in previous[2].items():
            if not (isinstance(entry, tuple) and len(entry) == 2
                    and tembolok.diagnostik_sah(entry[0], tembolok.BENTUK_DIAGNOSTIK)
                    and isinstance(entry[1], tuple) and all(isinstance(k, tuple) for k in entry[1])):
                return None  # an entry of another shape: a full run
            terdahulu[group] = ([Diagnostik(*d) for d in entry[0]], frozenset(entry[1]))
        periksa = self.terdampak(changed, {g: dibaca for g, (_, dibaca) in terdahulu.items()})
        if periksa:
            muat = set(periksa) | self._penyedia_bacaan(periksa, {g: keys for g, (_, keys) in terdahulu.items()})
            _, _, loading = self._jalankan(set(periksa), muat)
            terdahulu.update(self._per_kelompok(periksa, loading))
        return {g: terdahulu[g] for g in self.kelompok}, not changed

    def terdampak(self, changed: set[str], dibaca: dict[str, frozenset]) -> set[str]:
        """The groups a change can affect: those of the changed files (rel paths; still in the
        tree) and those that read a key a changed file provides, before or after the change."""
        kunci: set[jenis.Kunci] = set()
        groups: set[str] = set()
        for rel in changed:
            parts = tuple(rel[len(self.awalan):].split("/"))
            groups.add(jenis.kelompok(parts))
            kind = jenis.jenis(parts)
            if kind is not None:
                kunci |= jenis.sedia(kind, parts)
        groups |= {g for g, keys in dibaca.items() if not keys.isdisjoint(kunci)}
        return {g for g in groups if g in self.kelompok}

    @cached_property
    def awalan(self) -> str:
        """What every rel path of this tree starts with (the records folder and a slash)."""
        records = self.records.resolve()
        return arsip.awalan(records, arsip.rel_root(records)) + "/"

    def kelompok_berkas(self, rel: str) -> str:
        """The group of a file given by its rel path."""
        return jenis.kelompok(tuple(rel.removeprefix(self.awalan).split("/")))

    def data(self, rel: str) -> dict | None:
        """The loaded data of one file of the tree (None: absent or not a valid record)."""
        group = self.kelompok_berkas(rel)
        found = [b for b in self._muat([group]) if b.berkas.rel == rel]
        return found[0].data if found else None

    def model(self, groups: Iterable[str]) -> Arsip:
        """The model of just these groups' records."""
        return arsip.bangun(self._muat(sorted(groups)))[0]

    def model_sekitar(self, groups: set[str], dibaca: dict[str, frozenset] | None = None) -> tuple[Arsip, Fakta]:
        """A model in which everything about these groups is as in the whole tree: them and
        every group their checks read, loaded to a fixed point (starting from the groups that
        provide the keys `dibaca` says they read, when known, which spares most rounds)."""
        muat = set(groups) | self._penyedia_bacaan(groups, dibaca or {})
        model, fakta, _ = _tanpa_gc(lambda: self._jalankan(set(groups), muat))
        return model, fakta

    def _penyedia_bacaan(self, groups, dibaca: dict[str, frozenset]) -> set[str]:
        """The groups that provide a key these groups read (as far as dibaca knows)."""
        return {provider for g in groups for key in dibaca.get(g, ()) for provider in self.penyedia.get(key, ())}


def muat_semua(records: Path, cache: tembolok.Tembolok | None = None, progres: bool = False):
    """The model, its computed results and every diagnostic (loading and cross-record)."""
    return Pohon(records, cache, progres).dimuat


def validasi(records: Path, cache: tembolok.Tembolok | None = None,
             progres: bool = False) -> tuple[list[Diagnostik], int]:
    """Every diagnostic of the tree, sorted, and the number of files checked."""
    return Pohon(records, cache, progres).validasi()
