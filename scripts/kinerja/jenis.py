"""The registry of record kinds: where each kind lives in the tree and what it means to the rest.

One entry per kind says its path (matched on the parts below records/), its schema, its
parent kind, the glob editors map its schema to, its title in summaries, and two things the
change scope derives from the path alone:

- its **kelompok** (group): the unit of checking and reporting. Every diagnostic of a run
  belongs to the group of its file; a group is checked as a whole (a unit's unit.yaml, one
  year's organisation ratings, or everything in one employee's folder).
- what it **provides** (`sedia`): the keys under which the checks of *other* groups read it
  (`fakta.Fakta` records every key a group's checks read). When a file changes, every group
  that read one of its keys is checked again. A key names everything that can change what a
  lookup returns, absence and validity included: the SKPs of a NIP depend on its profiles
  being valid, so a lookup of them reads the profiles' key too.

The builders (arsip), comparers (alur.banding) and scaffolds (alur.baru) are keyed by the
same names; a test holds them to this registry. Adding a kind: its schema, an entry here,
its dataclass and builder, its checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kinerja.yamlio import NIP

Parts = tuple[str, ...]  # a path below records/
Kunci = tuple[str, ...]  # a key one group's checks read of another's records

KODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # common.schema.json's code: units, ids, teams, periods
FOLDER_SKP = re.compile(r"([0-9]{4})(?:-([2-9]|[1-9][0-9]+))?")
BERKAS_PERIODE = re.compile(r"(tw[1-4]|b(?:0[1-9]|1[0-2])|tahunan)\.yaml")
BERKAS_TAHUN = re.compile(r"([0-9]{4})\.yaml")
BERKAS_UMPAN_BALIK = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(-[a-z0-9]+(-[a-z0-9]+)*)?\.yaml")
BERKAS_TIM = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\.yaml")

TATA_LETAK = ("Susunan yang dikenal: instansi.yaml, <unit>/unit.yaml, <unit>/organisasi/<tahun>.yaml, "
              "<unit>/tim/<kode>.yaml, <unit>/pegawai/<nip>/profil.yaml, <unit>/pegawai/<nip>/potensi/<tahun>.yaml, "
              "<unit>/pegawai/<nip>/<tahun>/skp.yaml, serta umpan-balik/, evaluasi/ dan keberatan/ "
              "di dalam folder SKP.")


@dataclass(frozen=True)
class Jenis:
    nama: str
    glob: str  # below records/, for editors and hooks
    judul: str
    induk: str | None  # the kind whose record must exist for this one to mean anything
    cocok: Callable[[Parts], bool]  # the path holds this kind (its folders already checked)
    sedia: Callable[[Parts], frozenset[Kunci]]
    baru: str | None = None  # the `kinerja new` command that scaffolds it, if any

    @property
    def skema(self) -> str:
        return f"{self.nama}.schema.json"


def _pegawai(parts: Parts) -> frozenset[Kunci]:
    return frozenset({("pegawai", parts[0], parts[2])})


REGISTRI: dict[str, Jenis] = {j.nama: j for j in (
    Jenis("instansi", "instansi.yaml", "Instansi", None,
          lambda p: p == ("instansi.yaml",),
          lambda p: frozenset({("instansi",)})),
    Jenis("unit", "*/unit.yaml", "Unit", None,
          lambda p: len(p) == 2 and p[1] == "unit.yaml",
          lambda p: frozenset({("unit", p[0]), ("units",)}), baru="unit"),
    Jenis("organisasi", "*/organisasi/*.yaml", "Predikat organisasi", "unit",
          lambda p: len(p) == 3 and p[1] == "organisasi",
          lambda p: frozenset({("organisasi", p[0], p[2][:-5])})),
    Jenis("profil", "*/pegawai/*/profil.yaml", "Profil", "unit",
          lambda p: len(p) == 4 and p[1] == "pegawai" and p[3] == "profil.yaml",
          lambda p: _pegawai(p) | {("profil", p[2]), ("anggota", p[0])}, baru="pegawai"),
    Jenis("potensi", "*/pegawai/*/potensi/*.yaml", "Penilaian potensi", "profil",
          lambda p: len(p) == 5 and p[1] == "pegawai" and p[3] == "potensi", _pegawai),
    Jenis("skp", "*/pegawai/*/*/skp.yaml", "SKP", "profil",
          lambda p: len(p) == 5 and p[1] == "pegawai" and p[4] == "skp.yaml",
          lambda p: _pegawai(p) | {("skp", p[2]), ("anggota", p[0], p[3][:4])}, baru="skp"),
    Jenis("evaluasi", "*/pegawai/*/*/evaluasi/*.yaml", "Evaluasi", "skp",
          lambda p: len(p) == 6 and p[1] == "pegawai" and p[4] == "evaluasi", _pegawai, baru="evaluasi"),
    Jenis("umpan-balik", "*/pegawai/*/*/umpan-balik/*.yaml", "Umpan balik", "skp",
          lambda p: len(p) == 6 and p[1] == "pegawai" and p[4] == "umpan-balik", _pegawai, baru="umpan-balik"),
    Jenis("keberatan", "*/pegawai/*/*/keberatan/*.yaml", "Keberatan", "skp",
          lambda p: len(p) == 6 and p[1] == "pegawai" and p[4] == "keberatan", _pegawai, baru="keberatan"),
    # A team: its own key, and the key of "every team" that lookups by member read (a file
    # cannot provide a key per member: keys come from the path alone).
    Jenis("tim", "*/tim/*.yaml", "Tim kerja", "unit",
          lambda p: len(p) == 3 and p[1] == "tim",
          lambda p: frozenset({("tim", p[0], p[2][:-5]), ("tim",)}), baru="tim"),
)}

_NAMA_BERKAS = {  # file-name rules of the kinds whose file names carry meaning
    "organisasi": (BERKAS_TAHUN, "penetapan organisasi bernama <tahun>.yaml"),
    "potensi": (BERKAS_TAHUN, "penilaian potensi bernama <tahun>.yaml"),
    "umpan-balik": (BERKAS_UMPAN_BALIK, "umpan balik bernama <tttt-bb-hh>[-<judul>].yaml"),
    "evaluasi": (BERKAS_PERIODE, "pakai tw1..tw4, b01..b12 atau tahunan (.yaml)"),
    "keberatan": (BERKAS_PERIODE, "pakai tw1..tw4, b01..b12 atau tahunan (.yaml)"),
    "tim": (BERKAS_TIM, "tim bernama <kode>.yaml (huruf kecil, angka dan tanda hubung)"),
}


def _folder_salah(parts: Parts) -> str | None:
    """Why a folder on the path is badly named, or None."""
    if len(parts) > 1 and not KODE.fullmatch(parts[0]):
        return f"Nama folder unit '{parts[0]}' tidak sah: pakai huruf kecil, angka dan tanda hubung."
    if len(parts) >= 4 and parts[1] == "pegawai":
        if not NIP.match(parts[2]):
            return f"Nama folder pegawai '{parts[2]}' tidak sah: harus NIP 18 angka."
        if len(parts) >= 5 and parts[3] != "potensi" and not FOLDER_SKP.fullmatch(parts[3]):
            return f"Nama folder SKP '{parts[3]}' tidak sah: tulis <tahun> atau <tahun>-<n> (n mulai 2)."
    return None


_UNIT_CONTOH, _NIP_CONTOH = "u", "199001012015011001"


def kenali(parts: Parts) -> tuple[str | None, str | None]:
    """(kind, None) for a recognised path, (None, reason) for a badly named one, (None, None)
    for a path that is no record location at all."""
    if len(parts) > 1 and KODE.fullmatch(parts[0]):
        # Once the unit code and NIP folder are valid, the answer depends on the rest of the path
        # only: answered once per shape (a tree of 100,000 files has a few thousand).
        if len(parts) < 3 or parts[1] != "pegawai":
            return _kenali_bentuk((_UNIT_CONTOH,) + parts[1:])
        if NIP.match(parts[2]):
            return _kenali_bentuk((_UNIT_CONTOH, parts[1], _NIP_CONTOH) + parts[3:])
    return _kenali(parts)


@lru_cache(maxsize=65536)
def _kenali_bentuk(parts: Parts) -> tuple[str | None, str | None]:
    return _kenali(parts)


def _kenali(parts: Parts) -> tuple[str | None, str | None]:
    if not parts:
        return None, None
    reason = _folder_salah(parts)
    if reason:
        return None, reason
    for jenis in REGISTRI.values():
        if jenis.cocok(parts):
            rule = _NAMA_BERKAS.get(jenis.nama)
            if rule and not rule[0].fullmatch(parts[-1]):
                return None, f"Nama berkas '{parts[-1]}' tidak sah: {rule[1]}."
            return jenis.nama, None
    if parts[-1].endswith(".yml"):
        return None, f"Berkas '{parts[-1]}' berakhiran .yml; rekaman Kinerja berakhiran .yaml."
    return None, None


def jenis(parts: Parts) -> str | None:
    """The kind of record a path below records/ holds, or None when it holds none."""
    return kenali(parts)[0]


def kelompok(parts: Parts) -> str:
    """The group of a path below records/ (any path, record or not), as a string key."""
    if len(parts) >= 3 and parts[1] == "pegawai":
        return f"pegawai/{parts[0]}/{parts[2]}"
    if len(parts) == 3 and parts[1] in ("organisasi", "tim"):
        return f"{parts[1]}/{parts[0]}/{parts[2]}"
    if len(parts) == 2 and parts[1] == "unit.yaml":
        return f"unit/{parts[0]}"
    if parts == ("instansi.yaml",):
        return "instansi"
    return "lain/" + "/".join(parts)


def sedia(kind: str, parts: Parts) -> frozenset[Kunci]:
    """The keys other groups read this record under."""
    return REGISTRI[kind].sedia(parts)
