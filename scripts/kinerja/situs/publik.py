"""What a page may show of a record: plain named tuples copied from the model with only the
publishable fields. Page contexts hold these (never a model object), so a template cannot
reach a record's feedback, its source file or another record through it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from kinerja.model import IKI, RHK, SKP, Identitas, Pegawai, Unit


def _salin(cls, obj, **ganti):
    """A cls with the fields of the same names copied from obj (or given in ganti)."""
    return cls(**{name: ganti[name] if name in ganti else getattr(obj, name) for name in cls._fields})


class UnitPublik(NamedTuple):
    kode: str
    nama: str
    instansi: str
    induk: str | None
    evaluasi_periodik: str


class PegawaiPublik(NamedTuple):
    nip: str
    nama: str
    jenis_asn: str
    pangkat_golongan: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None
    akun_git: str | None


class IdentitasPublik(NamedTuple):
    """An identity block of an SKP (a snapshot of the person when it was set)."""

    nip: str
    nama: str
    pangkat_golongan: str
    jabatan: str
    unit_kerja: str
    jenjang: str | None


class IKIPublik(NamedTuple):
    id: str
    aspek: str
    uraian: str
    target: object
    perspektif: str | None
    arah: str


class RHKPublik(NamedTuple):
    id: str
    jenis: str
    uraian: str
    penugasan_dari: str | None
    indikator: tuple[IKIPublik, ...]
    index: int
    berlaku_mulai: date | None  # added by a revision on this day
    berlaku_sampai: date | None  # dropped by a revision after this day


class RevisiPublik(NamedTuple):
    tanggal: date
    alasan: str
    disetujui_oleh: str


class SKPPublik(NamedTuple):
    """An SKP's own content: no feedback, evaluations or objections (pages get those as views)."""

    folder: str
    tahun: int
    mulai: date
    selesai: date
    pendekatan: str
    status: str
    ditetapkan: date | None
    pegawai: IdentitasPublik
    penilai: IdentitasPublik
    lampiran: dict
    revisi: tuple[RevisiPublik, ...]  # the plan's revision history, oldest first


def unit(u: Unit) -> UnitPublik:
    return _salin(UnitPublik, u)


def pegawai(p: Pegawai) -> PegawaiPublik:
    return _salin(PegawaiPublik, p)


def identitas(i: Identitas | None) -> IdentitasPublik | None:
    return _salin(IdentitasPublik, i) if i is not None else None


def iki(i: IKI) -> IKIPublik:
    return _salin(IKIPublik, i)


def rhk(r: RHK) -> RHKPublik:
    return _salin(RHKPublik, r, indikator=tuple(iki(i) for i in r.indikator), berlaku_mulai=r.berlaku.mulai,
                  berlaku_sampai=r.berlaku.sampai)


def skp(s: SKP) -> SKPPublik:
    return _salin(SKPPublik, s, pegawai=identitas(s.pegawai), penilai=identitas(s.penilai),
                  revisi=tuple(_salin(RevisiPublik, r) for r in s.revisi))
