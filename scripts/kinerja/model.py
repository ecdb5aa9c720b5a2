"""Typed records. Built by arsip from schema-valid documents; never read files themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

from kinerja import aturan
from kinerja.aturan import Aturan, Penilaian
from kinerja.yamlio import Dokumen, YamlError, muat_bytes


@dataclass
class Sumber:
    """Where a record came from: its file (relative to the repository root) and, on demand,
    the position of each key and value (re-read from the file only when a diagnostic needs
    one, so that worker processes and the cache carry plain data only)."""

    file: str
    path: str  # absolute
    dok: Dokumen | None = None

    def _posisi(self) -> Dokumen:
        if self.dok is None:
            try:
                self.dok = muat_bytes(Path(self.path).read_bytes())
            except (OSError, YamlError):  # changed under our feet: point at the file
                self.dok = Dokumen(None)
        return self.dok

    def nilai(self, *path) -> tuple[int, int]:
        return self._posisi().posisi_nilai(path)

    def kunci(self, *path) -> tuple[int, int]:
        return self._posisi().posisi_kunci(path)


def tanggal(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class MasaPimpinan:
    """One term of a unit head: sebagai definitif, plt or plh; mulai None means since ever and
    selesai None still in office."""

    nip: str
    mulai: date | None
    selesai: date | None
    sebagai: str
    index: int | None  # position in the pimpinan list (None: pimpinan written as one NIP)

    def meliputi(self, pada: date) -> bool:
        return (self.mulai is None or self.mulai <= pada) and (self.selesai is None or pada <= self.selesai)


@dataclass
class Unit:
    kode: str
    nama: str
    instansi: str
    induk: str | None
    pimpinan: str
    evaluasi_periodik: str
    admin: list[str]
    aturan: Aturan
    publikasi: dict
    sumber: Sumber
    tunjangan: dict | None = None  # this unit's allowance rules, overriding instansi.yaml key by key
    masa_pimpinan: list[MasaPimpinan] = field(default_factory=list)  # in the record's order
    tempat: str | None = None  # place printed before signature dates (else instansi.yaml's)

    def kepala(self, pada: date, definitif: bool = True) -> str | None:
        """The head on a day: the definitive one, or with definitif=False anyone in office
        (a Plt or Plh where no definitive head is)."""
        masa = [m for m in self.masa_pimpinan if m.meliputi(pada)]
        pilihan = [m for m in masa if m.sebagai == "definitif"] or ([] if definitif else masa)
        return pilihan[-1].nip if pilihan else None


@dataclass
class Identitas:
    nip: str
    nama: str
    pangkat_golongan: str
    jabatan: str
    unit_kerja: str
    jenjang: str | None = None


@dataclass
class Pegawai:
    """profil.yaml: the employee as of now, plus every SKP in their folder."""

    unit: str
    nip: str
    nama: str
    jenis_asn: str
    pangkat_golongan: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None
    penilai: str
    akun_git: str | None
    sumber: Sumber
    skp: list["SKP"] = field(default_factory=list)  # sorted by folder name
    kelas_jabatan: int | None = None
    potensi: dict[int, "Potensi"] = field(default_factory=dict)  # by year
    status: list["MasaStatus"] = field(default_factory=list)
    angka_kredit_awal: "AngkaKreditAwal | None" = None

    def absen(self, mulai: date, selesai: date, jenis: frozenset[str] | None = None) -> MasaStatus | None:
        """The absence (a status other than cpns, or one of jenis) covering every day from mulai
        to selesai."""
        return next((m for m in self.status if (m.jenis in jenis if jenis else m.jenis != "cpns")
                     and m.mulai <= mulai and (m.selesai is None or selesai <= m.selesai)), None)


@dataclass(frozen=True)
class MasaStatus:
    """A period of profil.yaml `status`: cpns or an absence (tugas belajar, leave, suspension)."""

    jenis: str
    mulai: date
    selesai: date | None
    index: int


@dataclass(frozen=True)
class AngkaKreditAwal:
    """A starting credit-point balance: its value, the day it holds on, the level it belongs to."""

    nilai: Fraction
    per: date
    jenjang: str


@dataclass
class Instansi:
    """records/instansi.yaml: defaults for every unit of the repository."""

    nama: str
    tempat: str | None
    aturan: dict  # raw, same keys as a unit's aturan plus kurva_mayoritas
    tunjangan: dict | None  # raw allowance rules (schema: common tunjangan)
    sumber: Sumber


@dataclass
class Potensi:
    """pegawai/<nip>/potensi/<tahun>.yaml: a potential assessment for talent classification."""

    tahun: int  # from the file name
    tingkat: str  # tinggi | menengah | rendah
    asesor: str
    tanggal: date
    catatan: str | None
    sumber: Sumber


@dataclass
class IKI:
    id: str
    aspek: str
    uraian: str
    target: object  # {nilai, satuan} | {min, maks, satuan} | str
    perspektif: str | None
    arah: str
    index: int  # position in the RHK's indikator list
    berlaku: "Berlaku" = field(default_factory=lambda: Berlaku(None, None))


@dataclass
class RHK:
    id: str
    jenis: str
    intervensi: str | None
    uraian: str
    penugasan_dari: str | None
    indikator: list[IKI]
    index: int  # position in hasil_kerja
    berlaku: "Berlaku" = field(default_factory=lambda: Berlaku(None, None))


@dataclass(frozen=True)
class Berlaku:
    """When an RHK or indicator is in force (added or dropped by an SKP revision); None: open."""

    mulai: date | None
    sampai: date | None

    def dalam(self, mulai: date, selesai: date) -> bool:
        """In force on some day from mulai to selesai."""
        return (self.mulai is None or self.mulai <= selesai) and (self.sampai is None or mulai <= self.sampai)


@dataclass(frozen=True)
class Revisi:
    tanggal: date
    alasan: str
    disetujui_oleh: str
    index: int


@dataclass
class UmpanBalik:
    nama_berkas: str  # file name without .yaml
    tanggal: date
    dari: str
    jenis: str
    tentang: dict | None
    catatan: str
    tindak_lanjut: str | None
    rahasia_tertulis: bool | None  # the record's own `rahasia` value, if any
    sumber: Sumber

    @property
    def rahasia(self) -> bool:
        """Confidential: never published (aturan.rahasia)."""
        return aturan.rahasia(self.jenis, self.rahasia_tertulis)


@dataclass
class Realisasi:
    indikator: str
    nilai: object
    bukti: list[str]
    index: int


@dataclass
class HasilEvaluasi:
    rhk: str
    realisasi: list[Realisasi]
    umpan_balik: str | None
    index: int


@dataclass
class Evaluasi:
    periode: str
    tanggal: date
    status: str
    hasil_kerja: list[HasilEvaluasi]
    rating_hasil_kerja: str | None
    perilaku_kerja: dict
    rating_perilaku_kerja: str | None
    catatan_rekomendasi: str | None
    sumber: Sumber
    penilai: str | None = None  # the appraiser of this evaluation when not the SKP's


@dataclass
class Keputusan:
    oleh: str
    tanggal: date
    rating_hasil_kerja: str | None  # a unit head's decision may leave it to the organisation rating
    rating_perilaku_kerja: str
    catatan: str | None


@dataclass
class Keberatan:
    periode: str  # from the file name
    evaluasi: str
    diajukan: date
    alasan: str
    penjelasan_penilai: str | None
    keputusan: Keputusan | None
    sumber: Sumber


@dataclass
class SKP:
    unit: str
    nip: str
    folder: str  # "<tahun>" or "<tahun>-<n>"
    tahun: int
    mulai: date
    selesai: date
    pendekatan: str
    pegawai: Identitas
    penilai: Identitas
    status: str
    ditetapkan: date | None
    hasil_kerja: list[RHK]
    perilaku_kerja: dict
    lampiran: dict
    sumber: Sumber
    umpan_balik: list[UmpanBalik] = field(default_factory=list)  # sorted by file name
    evaluasi: dict[str, Evaluasi] = field(default_factory=dict)
    keberatan: dict[str, Keberatan] = field(default_factory=dict)
    revisi: list[Revisi] = field(default_factory=list)

    def rhk(self, rhk_id: str) -> RHK | None:
        return next((r for r in self.hasil_kerja if r.id == rhk_id), None)

    def rhk_berlaku(self, mulai: date, selesai: date) -> list[RHK]:
        """The plan as it stood from mulai to selesai: the RHK in force then."""
        return [r for r in self.hasil_kerja if r.berlaku.dalam(mulai, selesai)]

    def penilai_evaluasi(self, evaluasi: Evaluasi) -> str:
        """The appraiser who gave an evaluation: its own `penilai`, else the SKP's."""
        return evaluasi.penilai or self.penilai.nip

    @property
    def kunci(self) -> tuple[str, str, str]:
        return (self.unit, self.nip, self.folder)


@dataclass
class PenetapanOrganisasi:
    periode: str
    predikat: str
    ditetapkan_oleh: str
    tanggal: date
    kalibrasi: str | None
    index: int


@dataclass
class Organisasi:
    unit: str
    tahun: int
    penetapan: list[PenetapanOrganisasi]
    sumber: Sumber

    def untuk(self, periode: str) -> PenetapanOrganisasi | None:
        return next((p for p in self.penetapan if p.periode == periode), None)


# --- teams (tim kerja) ----------------------------------------------------------------------------

PENUGASAN_TIM = re.compile(r"tim:([a-z0-9]+(?:-[a-z0-9]+)*)/([a-z0-9]+(?:-[a-z0-9]+)*)/([a-z0-9]+(?:-[a-z0-9]+)*)")
PENUGASAN_NIP = re.compile(r"[0-9]{18}")


def penugasan_tim(penugasan_dari: str | None) -> tuple[str, str, str] | None:
    """(unit, team code, result id) of an RHK's `penugasan_dari: "tim:<unit>/<kode>/<hasil>"`, else None."""
    match = PENUGASAN_TIM.fullmatch(penugasan_dari or "")
    return (match.group(1), match.group(2), match.group(3)) if match else None


def penugasan_nip(penugasan_dari: str | None) -> str | None:
    """The NIP of an RHK's `penugasan_dari: "<NIP>"` (an assignment by another leader), else None."""
    return penugasan_dari if penugasan_dari and PENUGASAN_NIP.fullmatch(penugasan_dari) else None


def ditugaskan(rhk: RHK) -> bool:
    """Whether an RHK is assigned by a team or a named leader (it then needs no `intervensi`)."""
    return penugasan_tim(rhk.penugasan_dari) is not None or penugasan_nip(rhk.penugasan_dari) is not None


@dataclass
class HasilTim:
    id: str
    uraian: str
    index: int  # position in hasil


@dataclass
class AnggotaTim:
    nip: str
    mulai: date
    selesai: date  # the team's end when the record gives none
    peran: str | None
    index: int  # position in anggota


@dataclass
class Tim:
    """tim/<kode>.yaml: a cross-functional team set up by a unit; lead and members from any unit."""

    unit: str  # the folder's unit
    kode: str  # from the file name (`kode_tertulis` is the record's own)
    kode_tertulis: str
    nama: str
    dasar: str | None
    mulai: date
    selesai: date
    ketua: str
    intervensi: str | None
    hasil: list[HasilTim]
    anggota: list[AnggotaTim]
    sumber: Sumber

    @property
    def rujukan(self) -> str:
        """How an RHK names this team: "tim:<unit>/<kode>" (then "/<hasil id>")."""
        return f"tim:{self.unit}/{self.kode}"

    def hasil_id(self, hasil_id: str) -> HasilTim | None:
        return next((h for h in self.hasil if h.id == hasil_id), None)

    def keanggotaan(self, nip: str, mulai: date, selesai: date) -> list[AnggotaTim]:
        """The memberships of nip that share a day with mulai..selesai."""
        return [a for a in self.anggota if a.nip == nip and a.mulai <= selesai and mulai <= a.selesai]


@dataclass
class Arsip:
    """The whole records tree, loaded once."""

    units: dict[str, Unit] = field(default_factory=dict)
    pegawai: dict[tuple[str, str], Pegawai] = field(default_factory=dict)  # (unit, nip)
    organisasi: dict[tuple[str, int], Organisasi] = field(default_factory=dict)  # (unit, tahun)
    berkas: list[str] = field(default_factory=list)  # every file looked at, sorted
    per_nip: dict[str, list[Pegawai]] = field(default_factory=dict)
    instansi: Instansi | None = None
    tim: dict[tuple[str, str], Tim] = field(default_factory=dict)  # (unit, kode from the file name)

    def tambah_pegawai(self, pegawai: Pegawai, nip: str) -> None:
        """Add a profile under its folder's NIP (the path decides; K304 reports a content that disagrees)."""
        self.pegawai[(pegawai.unit, nip)] = pegawai
        same = self.per_nip.setdefault(nip, [])
        same.append(pegawai)
        same.sort(key=lambda p: p.unit)  # by unit, whatever order the files were loaded in

    def semua_skp(self):
        for key in sorted(self.pegawai):
            yield from self.pegawai[key].skp

    def pegawai_nip(self, nip: str) -> list[Pegawai]:
        return self.per_nip.get(nip, [])

    def skp_tahun(self, nip: str, tahun: int) -> list[SKP]:
        return [s for p in self.pegawai_nip(nip) for s in p.skp if s.tahun == tahun]


# --- results the regulation computes from the records (fakta, rekap) ----------------------------

@dataclass(frozen=True)
class HasilPenilaian:
    """One evaluation with the ratings that count for it."""

    pegawai: Pegawai
    skp: SKP
    evaluasi: Evaluasi
    penilaian: Penilaian
    pimpinan: bool  # the employee heads the unit of this SKP
    penetapan: PenetapanOrganisasi | None  # the unit's organisation rating for the period
    keberatan: Keberatan | None  # the objection to this evaluation, decided or not
    semula: Penilaian  # the ratings in force before an objection decision (= penilaian without one)


@dataclass(frozen=True)
class HasilKurva:
    unit: str
    tahun: int
    periode: str
    penetapan: PenetapanOrganisasi
    jumlah: dict[str, int]  # every predikat code, zeros included
    pelanggaran: list[str]

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())

    @property
    def sesuai(self) -> bool:
        return not self.pelanggaran


@dataclass(frozen=True)
class HasilAngkaKredit:
    pegawai: Pegawai
    skp: SKP
    jenjang: str
    bulan: int
    predikat: str
    angka_kredit: Fraction
    kumulatif: Fraction  # the starting balance of this jenjang plus the records' credit up to this SKP
    kebutuhan: int | None = None  # cumulative points the next rank or level needs (None: unknown)

    @property
    def kurang(self) -> Fraction | None:
        """Points still needed for the next step (0 when reached); None when the need is unknown."""
        return None if self.kebutuhan is None else max(Fraction(0), self.kebutuhan - self.kumulatif)
