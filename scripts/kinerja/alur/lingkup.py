"""What a branch changed, and the record groups that change affects.

The staged tree (Git's index: what the branch committed plus what is staged) is checked as a
whole, through the cache, so its diagnostics are exactly a full run's. The change is every
record file that differs between the merge base and the index. The groups it affects are
derived from what the checks read (`pemeriksaan.Pohon.terdampak`): the groups of the changed
files and every group that read a key a changed file provides. Those groups' diagnostics are
reported. Nothing here lists by hand which checks read what.

For the reviewer summary both sides are also modelled around the affected groups (the
merge base's files read from Git), so their predikat and curves can be compared. The merge
base's listing is the staged one with the changed files swapped for the base's versions
(`Pohon.di`), not a second listing of the whole tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kinerja import aturan, jenis, rekap, riwayat
from kinerja.fakta import Fakta
from kinerja.laporan import Diagnostik
from kinerja.model import Arsip, HasilKurva, HasilPenilaian
from kinerja.pemeriksaan import Pohon
from kinerja.tembolok import Tembolok
from kinerja.yamlio import YamlError, muat_bytes

Parts = jenis.Parts


def data_dari(raw: bytes | None) -> dict | None:
    """Plain data of a record's bytes, or None when absent or unreadable (no schema check)."""
    if raw is None:
        return None
    try:
        data = muat_bytes(raw).data
    except YamlError:
        return None
    return data if isinstance(data, dict) else None


@dataclass
class Perubahan:
    """The record files a branch changed against its merge base with a revision."""

    top: Path
    awalan: str  # what rel paths of this records folder start with
    git_awalan: str  # the records folder relative to the top of the work tree
    dasar: str  # the merge base
    berkas: dict[Parts, str]  # changed file -> "A" | "M" | "T" | "D"
    ubahan: dict[str, riwayat.Ubahan]  # the same files by path from the top, with the base's mode and blob
    lama: dict[Parts, dict | None] = field(default_factory=dict)  # the base's data (None: unreadable)
    baru: dict[Parts, dict | None] = field(default_factory=dict)  # the staged data (None: unreadable)
    baru_mentah: dict[Parts, bytes] = field(default_factory=dict)  # the staged bytes

    def rel(self, parts: Parts) -> str:
        return self.awalan + "/".join(parts)

    def git(self, parts: Parts) -> str:
        return "/".join(((self.git_awalan,) if self.git_awalan != "." else ()) + parts)


def baca_perubahan(pohon: Pohon, rev: str) -> Perubahan:
    top = pohon.top
    if top is None:
        raise riwayat.RiwayatError("folder rekaman tidak berada di dalam repositori Git; "
                                   "--changed-since dan pr-summary memerlukan Git.")
    git_awalan = pohon.records.resolve().relative_to(top).as_posix()
    dasar = riwayat.titik_cabang(top, riwayat.verifikasi(top, rev))
    cut = 0 if git_awalan == "." else len(git_awalan) + 1
    ubahan = riwayat.berubah(top, dasar, git_awalan)
    berkas = {tuple(path[cut:].split("/")): u.status for path, u in ubahan.items()}
    perubahan = Perubahan(top, pohon.awalan, git_awalan, dasar, berkas, ubahan)
    lama = riwayat.baca_di(top, dasar, [perubahan.git(p) for p, s in berkas.items() if s != "A"])
    baru = riwayat.baca_di(top, "", [perubahan.git(p) for p, s in berkas.items() if s != "D"])
    for parts, status in berkas.items():
        if status != "A":
            perubahan.lama[parts] = data_dari(lama.get(perubahan.git(parts)))
        if status != "D":
            perubahan.baru_mentah[parts] = baru.get(perubahan.git(parts), b"")
            perubahan.baru[parts] = data_dari(baru.get(perubahan.git(parts)))
    return perubahan


@dataclass
class Sisi:
    """One side of the change, modelled around the affected groups."""

    arsip: Arsip
    fakta: Fakta
    kelompok: set[str]  # the affected groups present on this side

    def penilaian(self) -> dict[tuple, HasilPenilaian]:
        """The ratings in force of every evaluation of the affected employees."""
        return {(unit, nip, h.skp.folder, h.evaluasi.periode): h
                for (unit, nip), pegawai in sorted(self.arsip.pegawai.items())
                if f"pegawai/{unit}/{nip}" in self.kelompok
                for h in rekap.penilaian_pegawai(self.fakta, pegawai)}

    def kurva(self) -> list[HasilKurva]:
        """The curves of the affected organisation ratings."""
        return [self.fakta.kurva(organisasi, penetapan)
                for (unit, tahun), organisasi in sorted(self.arsip.organisasi.items())
                if f"organisasi/{unit}/{tahun}.yaml" in self.kelompok
                for penetapan in aturan.urutkan_penetapan(organisasi.penetapan)]


def sisi(pohon: Pohon, groups: set[str], dibaca: dict[str, frozenset]) -> Sisi:
    """One side modelled around the groups (dibaca: the keys they read, to start loading from)."""
    present = groups & set(pohon.kelompok)
    model, fakta = pohon.model_sekitar(present, dibaca)
    return Sisi(model, fakta, present)


@dataclass
class Tinjauan:
    """A branch's change, the full check of the staged tree and the groups the change affects;
    both sides are modelled around those groups when first asked for (the unit list of
    `kinerja units --changed-since` needs neither)."""

    perubahan: Perubahan
    pohon: Pohon
    diagnostik: list[Diagnostik]  # of the whole staged tree
    terdampak: set[str]  # the affected groups

    @cached_property
    def baru(self) -> Sisi:
        """The staged side."""
        return sisi(self.pohon, self.terdampak, self.pohon.dibaca)

    @cached_property
    def lama(self) -> Sisi:
        """The merge base's side."""
        return sisi(self.pohon.di(self.perubahan.dasar, self.perubahan.ubahan), self.terdampak, self.pohon.dibaca)

    def dilaporkan(self, d: Diagnostik) -> bool:
        return self.pohon.kelompok_berkas(d.file) in self.terdampak or d.file in self.berkas_rel

    @cached_property
    def berkas_rel(self) -> set[str]:
        return {self.perubahan.rel(p) for p in self.perubahan.berkas}

    def dilaporkan_semua(self) -> list[Diagnostik]:
        return [d for d in self.diagnostik if self.dilaporkan(d)]

    def jumlah_berkas(self) -> int:
        """Records checked and reported on: the affected groups' files and the deleted ones."""
        ada = {b.rel for g in self.terdampak for b in self.pohon.kelompok.get(g, [])}
        hapus = {self.perubahan.rel(p) for p, s in self.perubahan.berkas.items() if s == "D"}
        return len(ada | hapus)


def tinjau(records: Path, rev: str, cache: Tembolok | None = None) -> Tinjauan:
    pohon = Pohon(records, cache, revisi=":")
    perubahan = baca_perubahan(pohon, rev)
    diagnostik, _ = pohon.validasi()
    return Tinjauan(perubahan, pohon, diagnostik, pohon.terdampak({perubahan.rel(p) for p in perubahan.berkas},
                                                                  pohon.dibaca))


def unit_terdampak(records: Path, rev: str, cache: Tembolok | None = None) -> list[str]:
    """The units whose records a change affects (their sites may change)."""
    t = tinjau(records, rev, cache)
    units = {g.split("/")[1] for g in t.terdampak if not g.startswith("lain/")}
    return sorted(u for u in units if u in t.pohon.units)
