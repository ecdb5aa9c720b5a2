"""The pages of one unit's site and what each shows, computed from the model and the rekap.

`Situs` indexes one unit once (its employees, computed ratings, cascade, Git history); the
functions below turn it into one context per page. The publication rules are applied
here, so templates only lay out what they are given: a context holds views built for the
page and copies of the publishable fields of records (`publik`), never a model object, so
confidential feedback cannot be reached from a template; `publikasi` in unit.yaml hides
ratings, distribution counts (also those of groups under `minimum_kelompok`) or feedback text.

Other units' records are read for three things only, through `Fakta` so that the keys read are
recorded (`Situs.dibaca`, part of the unit's build key): the superior RHK a cross-unit
`intervensi` names (its text and its owner's identity block), the atasan pejabat penilai
(the same lookup the checks use), and teams: their leads and members wherever they are, the
members' RHKs carrying a team's results, an employee's teams and their leads' feedback.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from urllib.parse import urlsplit

from markupsafe import Markup

from kinerja import aturan
from kinerja.aturan import Penilaian
from kinerja.fakta import Fakta, tumpang_tindih
from kinerja.jenis import KODE, Kunci
from kinerja.model import RHK, SKP, AnggotaTim, Arsip, Evaluasi, Identitas, Pegawai, Tim, UmpanBalik
from kinerja.rekap import HasilKurva, HasilPenilaian, Rekap
from kinerja.riwayat import Komit
from kinerja.situs import publik, svg, tampil
from kinerja.situs.publik import IdentitasPublik, IKIPublik, PegawaiPublik, RHKPublik, SKPPublik, UnitPublik
from kinerja.situs.sunting import Sunting, TautanSunting


def jangkar(*parts: object) -> Markup:
    """An HTML id (and URL fragment) from codes of the records: lowercase, digits, hyphens."""
    text = "-".join(str(p) for p in parts)
    if not KODE.fullmatch(text):
        raise ValueError(f"bukan jangkar yang aman: {text!r}")
    return Markup(text)


def url_pegawai(nip: str) -> str:
    return f"pegawai/{nip}/"


def url_dokumen(nip: str, folder: str) -> str:
    return f"pegawai/{nip}/skp-{folder}/"


def url_rhk(nip: str, folder: str, rhk_id: str) -> str:
    """An RHK's row on its owner's page."""
    return f"{url_pegawai(nip)}#{jangkar('skp', folder, rhk_id)}"


def url_tim(kode: str) -> str:
    return f"tim/{kode}/"


@dataclass(frozen=True)
class Halaman:
    """One Markdown file of the site: its path under docs/, its template and context."""

    path: str
    template: str
    konteks: dict


@dataclass(frozen=True)
class KomitTampil:
    """A commit on an employee's history: its message only when it touched no confidential record."""

    tanggal: date
    penulis: str
    pesan: str | None
    hexsha: str


@dataclass(frozen=True)
class Orang:
    """A person as this unit's site may show them: a page of their own only if in the unit."""

    nip: str
    nama: str | None
    url: str | None = None
    identitas: IdentitasPublik | None = None

    @property
    def di_unit(self) -> bool:
        """Whether their page is on this site (not another unit's)."""
        return self.url is not None and not self.url.startswith("../")


@dataclass(frozen=True)
class Bukti:
    teks: str
    tautan: bool  # http(s) only

    @property
    def host(self) -> str:
        return urlsplit(self.teks.strip()).netloc if self.tautan else self.teks


@dataclass(frozen=True)
class BarisRealisasi:
    iki: IKIPublik
    nilai: object  # None when not reported
    capaian: Fraction | None
    bukti: list[Bukti]


@dataclass(frozen=True)
class HasilRHK:
    rhk: RHKPublik
    intervensi: "Intervensi | None"
    baris: list[BarisRealisasi]
    umpan_balik: str | None


@dataclass(frozen=True)
class PerilakuEvaluasi:
    kode: str
    label: str
    panduan: tuple[str, ...]
    ekspektasi: str | None
    umpan_balik: str | None


@dataclass(frozen=True)
class KeberatanTampil:
    diajukan: date
    alasan: str | None
    penjelasan_penilai: str | None
    diputuskan: date | None
    pemutus: Orang | None
    rating_hasil_kerja: str | None
    rating_perilaku_kerja: str | None
    catatan: str | None
    sunting: TautanSunting | None


@dataclass(frozen=True)
class EvaluasiTampil:
    periode: str
    label: str
    id: Markup
    mulai: date
    selesai: date
    tanggal: date
    status: str
    hasil: list[HasilRHK]
    perilaku: list[PerilakuEvaluasi]
    penilaian: Penilaian | None  # in force (an objection's decision applied); None when ratings are not published
    penilaian_penilai: Penilaian | None  # as the appraiser gave them (the unit-head rule applied)
    organisasi: str | None  # the organisation rating of the period
    kurva: list[str]  # the expected distribution of the organisation rating
    catatan_rekomendasi: str | None
    keberatan: KeberatanTampil | None
    sunting: TautanSunting | None


@dataclass(frozen=True)
class Intervensi:
    pemilik: Orang
    rhk_id: str
    rhk: RHKPublik | None  # the superior's RHK; None when their SKP is not in the repository
    url: str | None  # the superior's RHK on their page, when they are in this unit
    matriks: str | None  # its row in the matriks peran hasil


@dataclass(frozen=True)
class Sasaran:
    """The superior RHK that an RHK intervenes, looked up in the whole repository."""

    nip: str
    rhk_id: str
    skp: SKP | None  # the superior's SKP holding it (None: not in the repository)
    rhk: RHK | None


@dataclass(frozen=True)
class RHKTampil:
    rhk: RHKPublik
    id: Markup
    intervensi: Intervensi | None
    matriks: str | None  # this RHK's own row in the matriks, when others contribute to it


@dataclass(frozen=True)
class UmpanBalikTampil:
    tanggal: date
    jenis: str
    dari: Orang
    tentang: str | None
    catatan: str | None
    tindak_lanjut: str | None
    tim: list[str]  # the teams whose lead gave it (team feedback: masukan ketua tim); empty otherwise


@dataclass(frozen=True)
class AngkaKreditTampil:
    folder: str
    jenjang: str
    bulan: int
    predikat: str
    angka_kredit: Fraction
    kumulatif: Fraction
    kebutuhan: int | None  # cumulative points the next rank or level needs (None: unknown)
    kurang: Fraction | None  # still needed


@dataclass(frozen=True)
class SKPTampil:
    skp: SKPPublik
    id: Markup
    judul: str
    penilai: Orang
    atasan_penilai: Orang | None
    rhk: list[RHKTampil]
    perilaku: list[PerilakuEvaluasi]
    umpan_balik: list[UmpanBalikTampil]
    evaluasi: list[EvaluasiTampil]
    angka_kredit: AngkaKreditTampil | None
    dokumen: str
    berkas: str  # the SKP folder, relative to the repository root
    orang_revisi: list[Orang]  # who approved each revision (skp.revisi), in order
    sunting: TautanSunting | None  # skp.yaml


@dataclass(frozen=True)
class Kontribusi:
    pegawai: Orang  # a member of this unit: their page is on this site
    url: str  # the contributing RHK's row on their page
    rhk: RHKPublik


@dataclass
class KelompokMatriks:
    """One leader's RHK in the matriks, with the number of table rows they take."""

    pemilik: Orang
    baris: list["BarisMatriks"]

    @property
    def tinggi(self) -> int:
        return sum(max(len(b.kontribusi), 1) for b in self.baris)


@dataclass
class BarisMatriks:
    """A leader RHK and the RHK of others that intervene it."""

    id: Markup
    pemilik: Orang
    rhk_id: str
    rhk: RHKPublik | None
    url: str | None
    kontribusi: list[Kontribusi] = field(default_factory=list)


@dataclass(frozen=True)
class SitusPublik:
    """What every page of the unit may show about the site as a whole."""

    unit: UnitPublik
    hari_ini: date
    tahun: int
    jumlah_pegawai: int
    rating_publik: bool
    umpan_balik_publik: bool
    tempat: str | None  # printed before signature dates
    formulir: bool  # the unit's site has the /admin/ form editor (publikasi.formulir)


MINIMUM_KELOMPOK = 5  # smallest group whose distribution counts are published (publikasi.minimum_kelompok)


def umpan_balik_publik(skp: SKP) -> list[UmpanBalik]:
    """The feedback of an SKP that a site may mention: never a confidential one."""
    return [u for u in skp.umpan_balik if not u.rahasia]


def _dalam(day: date, mulai: date, selesai: date) -> bool:
    return mulai <= day <= selesai


def _sasaran(nip: str, rhk_id: str, kandidat: list[SKP]) -> Sasaran:
    """The RHK rhk_id of nip in the first of the candidate SKPs holding it."""
    for atasan in kandidat:
        target = atasan.rhk(rhk_id)
        if target is not None:
            return Sasaran(nip, rhk_id, atasan, target)
    return Sasaran(nip, rhk_id, None, None)


class Situs:
    """One unit's records, indexed once for all its pages."""

    def __init__(self, arsip: Arsip, rekap: Rekap, kode: str, *, sejarah: dict[str, list[Komit]],
                 hari_ini: date, terhubung: Mapping[str, bool] | None = None, sunting: Sunting | None = None):
        """terhubung: the other units whose sites this build puts beside this one (out/<kode>/),
        each with whether their employee pages are built from these records (then linked);
        sunting: the repository's web editor (edit links), when known."""
        self.unit = arsip.units[kode]
        self.hari_ini = hari_ini
        self.terhubung = {k: v for k, v in (terhubung or {}).items() if k != kode}
        self._sunting = sunting
        self.fakta = Fakta(arsip)
        self.dibaca: set[Kunci] = set()  # keys of the whole repository the pages read (the build key)
        self.pegawai = sorted((p for (u, _), p in arsip.pegawai.items() if u == kode),
                              key=lambda p: (p.nama.casefold(), p.nip))
        self._profil = {p.nip: p for p in self.pegawai}
        publikasi = self.unit.publikasi or {}
        self.rating_publik = publikasi.get("rating", True) is not False
        self.umpan_balik_publik = publikasi.get("umpan_balik", True) is not False
        self.minimum_kelompok = publikasi.get("minimum_kelompok", MINIMUM_KELOMPOK)
        self.penilaian = {(h.skp.nip, h.skp.folder, h.evaluasi.periode): h
                          for h in rekap.penilaian if h.skp.unit == kode}
        self.angka_kredit = {(a.skp.nip, a.skp.folder): a for a in rekap.angka_kredit if a.skp.unit == kode}
        self.kurva = [k for k in rekap.kurva if k.unit == kode]
        self.organisasi = {t: o for (u, t), o in arsip.organisasi.items() if u == kode}
        self.tim = sorted((t for (u, _), t in arsip.tim.items() if u == kode), key=lambda t: (t.nama.casefold(), t.kode))
        self.periode_periodik = aturan.PERIODE_PERIODIK.get(self.unit.evaluasi_periodik, ())
        tahun_skp = [s.tahun for p in self.pegawai for s in p.skp]
        tahun_org = [t for (u, t) in arsip.organisasi if u == kode]
        self.tahun = max(tahun_skp or tahun_org or [hari_ini.year])
        self.periode_kini = self._periode_kini()
        self.matriks = self._susun_matriks()
        self.riwayat = self._susun_riwayat(sejarah)
        self.publik = SitusPublik(publik.unit(self.unit), hari_ini, self.tahun, len(self.pegawai),
                                  self.rating_publik, self.umpan_balik_publik, self._tempat(arsip),
                                  publikasi.get("formulir") is True)

    def _tempat(self, arsip: Arsip) -> str | None:
        """The place of signatures: the unit's own, else the repository's instansi.yaml (then a
        key of the build)."""
        if self.unit.tempat:
            return self.unit.tempat
        self.dibaca.add(("instansi",))
        return arsip.instansi.tempat if arsip.instansi else None

    # --- people -----------------------------------------------------------------------

    def orang(self, nip: str, *identitas: Identitas | None) -> Orang:
        """A person by NIP: their profile when in this unit, else a name from the given
        identity blocks (of SKPs that name them), else the NIP alone."""
        profil = self._profil.get(nip)
        blok = next((i for i in identitas if i is not None and i.nip == nip), None)
        if profil is not None:
            return Orang(nip, profil.nama, url_pegawai(nip), publik.identitas(blok))
        return Orang(nip, blok.nama if blok else None, self._url_lain(nip), publik.identitas(blok))

    def _url_lain(self, nip: str) -> str | None:
        """The person's page on another unit's site of this build (their profile's unit), when
        that site's employee pages are built from these records."""
        if not any(self.terhubung.values()):
            return None
        with self._mencatat():
            unit = next((p.unit for p in self.fakta.profil(nip) if self.terhubung.get(p.unit)), None)
        return f"../{unit}/{url_pegawai(nip)}" if unit else None

    def url_sasaran(self, sasaran: Sasaran) -> str | None:
        """A superior RHK's row on its owner's page, on this site or on another unit's site of
        this build whose employee pages are built from these records."""
        if sasaran.skp is None or sasaran.rhk is None:
            return None
        url = url_rhk(sasaran.nip, sasaran.skp.folder, sasaran.rhk_id)
        if sasaran.skp.unit == self.unit.kode:
            return url
        return f"../{sasaran.skp.unit}/{url}" if self.terhubung.get(sasaran.skp.unit) else None

    def unit_induk(self) -> dict | None:
        """The parent unit: its name when it is in the repository, and its site when this build
        puts it beside this one."""
        kode = self.unit.induk
        if not kode:
            return None
        with self._mencatat():
            unit = self.fakta.unit(kode)
        return {"kode": kode, "nama": unit.nama if unit else None,
                "url": f"../{kode}/" if unit and kode in self.terhubung else None}

    def sunting(self, berkas: str) -> TautanSunting | None:
        """The edit link of a record file (relative to the repository root), when the web
        editor is known."""
        return self._sunting.tautan(berkas) if self._sunting else None

    def skp_tahun(self, nip: str, tahun: int) -> list[SKP]:
        profil = self._profil.get(nip)
        return [s for s in profil.skp if s.tahun == tahun] if profil else []

    @contextmanager
    def _mencatat(self) -> Iterator[None]:
        """Look up the repository through fakta, adding the keys read to dibaca."""
        with self.fakta.mencatat() as dibaca:
            yield
        self.dibaca |= dibaca

    def atasan_penilai(self, skp: SKP, evaluasi: Evaluasi | None = None) -> Orang | None:
        """The atasan pejabat penilai of an SKP or of one evaluation (`Fakta.atasan_penilai`,
        wherever they are in the repository) with their identity block: from the appraiser's SKP,
        else their own SKP of the time, else their profile."""
        with self._mencatat():
            nip = self.fakta.atasan_penilai(skp, evaluasi)
            if nip is None:
                return None
            penilai = skp.penilai_evaluasi(evaluasi) if evaluasi else skp.penilai.nip
            blok = [s.penilai for s in reversed(self.fakta.skp_atasan(penilai, skp))]
            blok += [s.pegawai for s in reversed(self.fakta.skp_atasan(nip, skp))]
            if not any(b.nip == nip for b in blok):
                blok = [self._identitas_profil(p) for p in self.fakta.profil(nip)]
        return self.orang(nip, *blok)

    def orang_repositori(self, nip: str) -> Orang:
        """A person anywhere in the repository, with the identity block of their profile (its
        unit's name): their profile in this unit first, else the first one found."""
        with self._mencatat():
            profil = sorted(self.fakta.profil(nip), key=lambda p: p.unit != self.unit.kode)
            blok = [self._identitas_profil(p) for p in profil[:1]]
        return self.orang(nip, *blok)

    def tim_ketua(self, dari: str, skp: SKP, pada: date) -> list[str]:
        """The names of the teams led by dari that skp's employee belongs to on that day (their
        feedback is team feedback); none for the SKP's own appraiser."""
        if dari == skp.penilai.nip:
            return []
        with self._mencatat():
            return [t.nama for t in self.fakta.tim_dipimpin(dari, skp.nip, pada, pada)]

    def profil(self, nip: str) -> Pegawai | None:
        """The employee's profile in this unit."""
        return self._profil.get(nip)

    def rhk_tim(self, tim: Tim) -> list[tuple[str, SKP, RHK]]:
        """`Fakta.rhk_tim`: the members' RHKs carrying the team's results, wherever they are."""
        with self._mencatat():
            return self.fakta.rhk_tim(tim)

    def tim_anggota(self, nip: str) -> list[tuple[Tim, AnggotaTim]]:
        """`Fakta.tim_anggota`: every membership of nip, in any unit's team."""
        with self._mencatat():
            return self.fakta.tim_anggota(nip, date.min, date.max)

    def _identitas_profil(self, p: Pegawai) -> Identitas:
        unit = self.fakta.unit(p.unit)
        return Identitas(p.nip, p.nama, p.pangkat_golongan, p.jabatan, unit.nama if unit else p.unit)

    # --- the current year ---------------------------------------------------------------

    def _periode_kini(self) -> tuple[int, str]:
        """(year, period) of the period running on the build date: the unit's periodic period
        that contains it, or the year when the unit evaluates only annually."""
        tahun = self.hari_ini.year
        for periode in self.periode_periodik:
            if _dalam(self.hari_ini, *aturan.rentang_periode(tahun, periode)):
                return tahun, periode
        return tahun, "tahunan"

    # --- cascade ------------------------------------------------------------------------

    def intervensi(self, skp: SKP, rhk: RHK) -> Sasaran | None:
        """The superior RHK that rhk intervenes, in any unit of the repository: preferably in
        the superior's SKP of the same year whose period overlaps skp's."""
        if not rhk.intervensi:
            return None
        nip, _, rhk_id = rhk.intervensi.partition("/")
        with self._mencatat():
            kandidat = [s for s in self.fakta.skp(nip) if s.tahun == skp.tahun]
        kandidat.sort(key=lambda s: not tumpang_tindih(s, skp))
        return _sasaran(nip, rhk_id, kandidat)

    def rhk_tim_dilayani(self, tim: Tim) -> Sasaran | None:
        """The leader's RHK a team serves (its `intervensi`), in their SKPs overlapping the team's
        period, in any unit of the repository."""
        if not tim.intervensi:
            return None
        nip, _, rhk_id = tim.intervensi.partition("/")
        with self._mencatat():
            kandidat = [s for s in self.fakta.skp(nip) if tumpang_tindih(s, tim)]
        return _sasaran(nip, rhk_id, kandidat)

    def di_unit(self, sasaran: Sasaran) -> bool:
        return sasaran.skp is not None and sasaran.skp.unit == self.unit.kode

    def _susun_matriks(self) -> dict[int, dict[str, KelompokMatriks]]:
        """year -> leader key ("<nip>/<SKP folder>") -> their rows, in one pass over the unit's RHK."""
        baris: dict[tuple, BarisMatriks] = {}
        for pegawai in self.pegawai:
            for skp in pegawai.skp:
                for rhk in skp.hasil_kerja:
                    sasaran = self.intervensi(skp, rhk)
                    if sasaran is None:
                        continue
                    target = publik.rhk(sasaran.rhk) if sasaran.rhk else None
                    if self.di_unit(sasaran):
                        assert sasaran.skp is not None
                        folder = sasaran.skp.folder
                        key = (skp.tahun, sasaran.nip, folder, sasaran.rhk_id)
                        row = BarisMatriks(jangkar("m", sasaran.nip, folder, sasaran.rhk_id),
                                           self.orang(sasaran.nip), sasaran.rhk_id, target,
                                           url_rhk(sasaran.nip, folder, sasaran.rhk_id))
                    else:
                        key = (skp.tahun, sasaran.nip, "", sasaran.rhk_id)
                        row = BarisMatriks(jangkar("m", skp.tahun, sasaran.nip, sasaran.rhk_id),
                                           self.orang(sasaran.nip, skp.penilai), sasaran.rhk_id, target,
                                           self.url_sasaran(sasaran))
                    baris.setdefault(key, row).kontribusi.append(
                        Kontribusi(self.orang(pegawai.nip), url_rhk(pegawai.nip, skp.folder, rhk.id), publik.rhk(rhk)))
        # Leaders in the unit get a row for every RHK of theirs, contributed to or not.
        for (tahun, nip, folder, _), row in list(baris.items()):
            if folder:
                skp_atasan = next(s for s in self._profil[nip].skp if s.folder == folder)
                for rhk in skp_atasan.hasil_kerja:
                    key = (tahun, nip, folder, rhk.id)
                    if key not in baris:
                        baris[key] = BarisMatriks(jangkar("m", nip, folder, rhk.id), row.pemilik, rhk.id, publik.rhk(rhk),
                                                  url_rhk(nip, folder, rhk.id))
        hasil: dict[int, dict[str, KelompokMatriks]] = {}
        urut = sorted(baris.items(), key=lambda kv: (
            -kv[0][0], (kv[1].pemilik.nama or "").casefold(), kv[0][1], kv[0][2],
            kv[1].rhk.index if kv[1].rhk else 0, kv[0][3]))
        for (tahun, nip, folder, _), row in urut:
            hasil.setdefault(tahun, {}).setdefault(f"{nip}/{folder}", KelompokMatriks(row.pemilik, [])).baris.append(row)
        return hasil

    def id_matriks(self, skp: SKP, rhk: RHK) -> str | None:
        """The matriks row of one of this unit's RHK, when it has one (its owner leads)."""
        leads = f"{skp.nip}/{skp.folder}" in self.matriks.get(skp.tahun, {})
        return f"matriks/#{jangkar('m', skp.nip, skp.folder, rhk.id)}" if leads else None

    # --- Git history --------------------------------------------------------------------

    def _susun_riwayat(self, sejarah: dict[str, list[Komit]]) -> dict[str, list[KomitTampil]]:
        """Each employee's commits, newest first. A feedback file not known to be publishable
        here (a confidential note, one since removed, or another unit's) is confidential: a
        commit that touched one of an employee's own is left out of their history, so the page
        does not even hint at the note, and any commit that touched one anywhere is shown
        without its message."""
        if not self.pegawai:
            return {}
        awalan = self.pegawai[0].sumber.file.rsplit("/", 2)[0] + "/"  # <records>/<unit>/pegawai/
        terbit = {u.sumber.file for p in self.pegawai for s in p.skp for u in umpan_balik_publik(s)}
        rahasia = {k.hexsha for path, daftar in sejarah.items()
                   if "/umpan-balik/" in path and path not in terbit for k in daftar}
        komit: dict[str, Komit] = {}
        tersentuh: dict[str, set[str]] = {}  # NIP -> commits touching their records
        tersembunyi: dict[str, set[str]] = {}  # NIP -> commits touching a confidential note of theirs
        for path, daftar in sejarah.items():
            if not path.startswith(awalan):
                continue
            nip, _, rest = path[len(awalan):].partition("/")
            if nip not in self._profil:
                continue
            for k in daftar:
                komit[k.hexsha] = k
                tersentuh.setdefault(nip, set()).add(k.hexsha)
                if "/umpan-balik/" in f"/{rest}" and path not in terbit:
                    tersembunyi.setdefault(nip, set()).add(k.hexsha)
        return {nip: [KomitTampil(k.tanggal.date(), k.penulis, None if k.hexsha in rahasia else k.pesan, k.hexsha)
                      for k in sorted((komit[h] for h in hexsha - tersembunyi.get(nip, set())),
                                      key=lambda k: (k.tanggal, k.hexsha), reverse=True)]
                for nip, hexsha in tersentuh.items()}

    # --- ratings ------------------------------------------------------------------------

    def predikat_terbaru(self, pegawai: Pegawai) -> tuple[str, str] | None:
        """(predikat, 'Triwulan III 2026') of the newest final evaluation with a predikat."""
        for skp in reversed(pegawai.skp):
            for periode in reversed(aturan.urutkan_periode(skp.evaluasi)):
                h = self.penilaian.get((skp.nip, skp.folder, periode))
                if h and h.evaluasi.status == "final" and h.penilaian.predikat:
                    return h.penilaian.predikat, f"{aturan.PERIODE[periode]} {skp.tahun}"
        return None


# --- page contexts ------------------------------------------------------------------------

def _rentang_berlaku(skp: SKP, periode: str) -> tuple[date, date]:
    mulai, selesai = aturan.rentang_periode(skp.tahun, periode)
    return max(mulai, skp.mulai), min(selesai, skp.selesai)


def _perilaku(skp: SKP, umpan_balik: dict | None, publik: bool) -> list[PerilakuEvaluasi]:
    rows = []
    for kode, nilai in aturan.BERAKHLAK.items():
        ekspektasi = (skp.perilaku_kerja.get(kode) or {}).get("ekspektasi")
        teks = (umpan_balik or {}).get(kode) or {}
        rows.append(PerilakuEvaluasi(kode, nilai.label, nilai.panduan, ekspektasi,
                                     teks.get("umpan_balik") if publik else None))
    return rows


def _hasil_rhk(skp: SKP, evaluasi, publik_teks: bool, intervensi: dict[str, Intervensi | None]) -> list[HasilRHK]:
    """Per RHK of the SKP: the evaluation's realisation of each indicator and its feedback."""
    per_rhk = {e.rhk: e for e in evaluasi.hasil_kerja}
    hasil = []
    for rhk in skp.hasil_kerja:
        entry = per_rhk.get(rhk.id)
        realisasi = {r.indikator: r for r in entry.realisasi} if entry else {}
        baris = []
        for iki in rhk.indikator:
            r = realisasi.get(iki.id)
            nilai = r.nilai if r else None
            baris.append(BarisRealisasi(
                publik.iki(iki), nilai, aturan.capaian(iki.target, nilai, iki.arah) if r else None,
                [Bukti(str(b), tampil.tautan_aman(b)) for b in (r.bukti if r else [])]))
        hasil.append(HasilRHK(publik.rhk(rhk), intervensi.get(rhk.id), baris,
                              entry.umpan_balik if entry and publik_teks else None))
    return hasil


def _keberatan(situs: Situs, skp: SKP, periode: str) -> KeberatanTampil | None:
    keberatan = skp.keberatan.get(periode)
    if keberatan is None:
        return None
    k = keberatan.keputusan
    teks, rating = situs.umpan_balik_publik, situs.rating_publik
    atasan = situs.atasan_penilai(skp, skp.evaluasi.get(keberatan.evaluasi))
    return KeberatanTampil(
        keberatan.diajukan,
        keberatan.alasan if teks else None,
        keberatan.penjelasan_penilai if teks else None,
        k.tanggal if k else None,
        situs.orang(k.oleh, atasan.identitas if atasan else None) if k else None,
        k.rating_hasil_kerja if k and rating else None,
        k.rating_perilaku_kerja if k and rating else None,
        k.catatan if k and teks else None, situs.sunting(keberatan.sumber.file))


def _evaluasi(situs: Situs, skp: SKP, periode: str, intervensi: dict[str, Intervensi | None]) -> EvaluasiTampil:
    evaluasi = skp.evaluasi[periode]
    h: HasilPenilaian | None = situs.penilaian.get((skp.nip, skp.folder, periode))
    penilaian = h.penilaian if h and situs.rating_publik else None
    penilai = h.semula if h and penilaian else None  # as the appraiser gave them, before any decision
    mulai, selesai = _rentang_berlaku(skp, periode)
    penetapan = h.penetapan if h else None
    return EvaluasiTampil(
        periode, aturan.PERIODE[periode], jangkar("skp", skp.folder, periode), mulai, selesai, evaluasi.tanggal,
        evaluasi.status, _hasil_rhk(skp, evaluasi, situs.umpan_balik_publik, intervensi),
        _perilaku(skp, evaluasi.perilaku_kerja, situs.umpan_balik_publik), penilaian, penilai,
        penetapan.predikat if penetapan else None,
        aturan.uraian_kurva(penetapan.predikat) if penetapan else [],
        evaluasi.catatan_rekomendasi if situs.umpan_balik_publik else None, _keberatan(situs, skp, periode),
        situs.sunting(evaluasi.sumber.file))


def _intervensi(situs: Situs, skp: SKP, rhk: RHK) -> Intervensi | None:
    sasaran = situs.intervensi(skp, rhk)
    if sasaran is None:
        return None
    if situs.di_unit(sasaran):
        assert sasaran.skp is not None and sasaran.rhk is not None
        return Intervensi(situs.orang(sasaran.nip), sasaran.rhk_id, publik.rhk(sasaran.rhk),
                          url_rhk(sasaran.nip, sasaran.skp.folder, sasaran.rhk_id),
                          situs.id_matriks(sasaran.skp, sasaran.rhk))
    return Intervensi(situs.orang(sasaran.nip, skp.penilai), sasaran.rhk_id, publik.rhk(sasaran.rhk) if sasaran.rhk else None,
                      situs.url_sasaran(sasaran), f"matriks/#{jangkar('m', skp.tahun, sasaran.nip, sasaran.rhk_id)}")


def _skp(situs: Situs, pegawai: Pegawai, skp: SKP) -> SKPTampil:
    rhk_rows = [RHKTampil(publik.rhk(rhk), jangkar("skp", skp.folder, rhk.id), _intervensi(situs, skp, rhk),
                          situs.id_matriks(skp, rhk)) for rhk in skp.hasil_kerja]
    umpan = [_umpan_balik(situs, skp, u) for u in umpan_balik_publik(skp)]
    intervensi = {r.rhk.id: r.intervensi for r in rhk_rows}
    evaluasi = [_evaluasi(situs, skp, periode, intervensi) for periode in aturan.urutkan_periode(skp.evaluasi)]
    a = situs.angka_kredit.get((skp.nip, skp.folder)) if situs.rating_publik else None
    ak = (AngkaKreditTampil(skp.folder, a.jenjang, a.bulan, a.predikat, a.angka_kredit, a.kumulatif, a.kebutuhan,
                            a.kurang) if a else None)
    return SKPTampil(publik.skp(skp), jangkar("skp", skp.folder), tampil.judul_skp(skp.folder),
                     situs.orang(skp.penilai.nip, skp.penilai), situs.atasan_penilai(skp), rhk_rows,
                     _perilaku(skp, None, situs.umpan_balik_publik), umpan, evaluasi, ak,
                     url_dokumen(pegawai.nip, skp.folder), skp.sumber.file.rsplit("/", 1)[0],
                     [situs.orang(r.disetujui_oleh) for r in skp.revisi], situs.sunting(skp.sumber.file))


def _umpan_balik(situs: Situs, skp: SKP, u: UmpanBalik) -> UmpanBalikTampil:
    """One publishable feedback; from the lead of a team of the employee's on its day, labelled
    as team feedback, with the lead named from their profile wherever they are."""
    tim = situs.tim_ketua(u.dari, skp, u.tanggal)
    dari = situs.orang_repositori(u.dari) if tim else situs.orang(u.dari, skp.penilai, skp.pegawai)
    teks = situs.umpan_balik_publik
    return UmpanBalikTampil(u.tanggal, u.jenis, dari, _tentang(skp, u.tentang), u.catatan if teks else None,
                            u.tindak_lanjut if teks else None, tim)


def _tentang(skp: SKP, tentang: dict | None) -> str | None:
    if not tentang:
        return None
    if "rhk" in tentang:
        rhk = skp.rhk(tentang["rhk"])
        return f"RHK {rhk.index + 1}: {rhk.uraian}" if rhk else f"RHK {tentang['rhk']}"
    if "perilaku" in tentang:
        return f"Perilaku {tampil.LABEL['perilaku'](tentang['perilaku'])}"
    return None


def halaman_pegawai(situs: Situs, pegawai: Pegawai) -> Halaman:
    skp = [_skp(situs, pegawai, s) for s in reversed(pegawai.skp)]
    return Halaman(f"pegawai/{pegawai.nip}/index.md", "pegawai.md", {
        "situs": situs.publik, "p": publik.pegawai(pegawai), "penilai": situs.orang(pegawai.penilai, *[s.penilai for s in pegawai.skp]),
        "daftar_skp": skp, "riwayat": situs.riwayat.get(pegawai.nip, []),
        "angka_kredit": [s.angka_kredit for s in reversed(skp) if s.angka_kredit],
        "berkas": pegawai.sumber.file.rsplit("/", 1)[0], "tim": keanggotaan_tim(situs, pegawai.nip),
        "sunting": situs.sunting(pegawai.sumber.file),
    })


def halaman_dokumen(situs: Situs, pegawai: Pegawai, skp: SKPTampil) -> Halaman:
    return Halaman(f"pegawai/{pegawai.nip}/skp-{skp.skp.folder}/index.md", "dokumen.md", {
        "situs": situs.publik, "p": publik.pegawai(pegawai), "s": skp, "jpt": pegawai.jenis_jabatan.startswith("jpt"),
    })


@dataclass(frozen=True)
class Terlambat:
    orang: Orang
    keterangan: str


@dataclass(frozen=True)
class BarisPeriode:
    periode: str
    label: str
    selesai: date
    lewat: bool
    wajib: int
    final: int
    draf: int
    belum: list[Orang]
    absen: list[tuple[Orang, str]]  # not owed: away for the whole period, with the reason


def _kemajuan_skp(situs: Situs) -> dict:
    tenggat = situs.unit.aturan.tenggat_skp_tanggal(situs.tahun)
    ditetapkan = draf = 0
    terlambat: list[Terlambat] = []
    for p in situs.pegawai:
        daftar = situs.skp_tahun(p.nip, situs.tahun)
        tetap = [s for s in daftar if s.status == "ditetapkan"]
        if tetap:
            ditetapkan += 1
        elif daftar:
            draf += 1
        if not tetap and situs.hari_ini > tenggat:
            terlambat.append(Terlambat(situs.orang(p.nip), "belum ditetapkan" if daftar else "belum ada SKP"))
        for s in tetap:
            if situs.unit.aturan.tenggat_penetapan(s.tahun, s.mulai) < s.ditetapkan:
                terlambat.append(Terlambat(situs.orang(p.nip), f"ditetapkan {tampil.tanggal(s.ditetapkan)}"))
    return {"jumlah": len(situs.pegawai), "ditetapkan": ditetapkan, "draf": draf,
            "belum": len(situs.pegawai) - ditetapkan - draf, "tenggat": tenggat, "terlambat": terlambat}


def _kemajuan_evaluasi(situs: Situs) -> list[BarisPeriode]:
    rows = []
    for periode in (*situs.periode_periodik, "tahunan"):
        mulai, selesai = aturan.rentang_periode(situs.tahun, periode)
        lewat = selesai < situs.hari_ini
        wajib = final = draf = 0
        belum, absen = [], []
        for p in situs.pegawai:
            daftar = [s for s in situs.skp_tahun(p.nip, situs.tahun) if s.mulai <= selesai and mulai <= s.selesai]
            masa = p.absen(mulai, selesai)
            if masa is not None and daftar:
                absen.append((situs.orang(p.nip), aturan.STATUS_PEGAWAI[masa.jenis]))
            if not daftar or masa is not None:
                continue
            wajib += 1
            status = {s.evaluasi[periode].status for s in daftar if periode in s.evaluasi}
            if "final" in status:
                final += 1
            else:
                draf += "draft" in status
                if lewat:
                    belum.append(situs.orang(p.nip))
        rows.append(BarisPeriode(periode, aturan.PERIODE[periode], selesai, lewat, wajib, final, draf, belum,
                                 absen))
    return rows


def _tanpa_dialog(situs: Situs) -> dict:
    """The period running on the build date, the days left until its evaluation falls due (the
    period's last day; an evaluation is given once the period ends), and the employees with an
    SKP in it who had no publishable feedback in it yet."""
    tahun, periode = situs.periode_kini
    mulai, selesai = aturan.rentang_periode(tahun, periode)
    tanpa = []
    for p in situs.pegawai:
        daftar = [s for s in situs.skp_tahun(p.nip, tahun) if s.mulai <= selesai and mulai <= s.selesai]
        if not daftar:
            continue
        # any publishable feedback counts (umpan balik, dialog, bimbingan); a confidential
        # one does not, or the list would hint at it
        if not any(_dalam(u.tanggal, mulai, selesai) for s in daftar for u in umpan_balik_publik(s)):
            tanpa.append(situs.orang(p.nip))
    return {"periode": periode, "label": f"{aturan.PERIODE[periode]} {tahun}", "mulai": mulai, "selesai": selesai,
            "sisa_hari": (selesai - situs.hari_ini).days, "tanpa": tanpa}


@dataclass(frozen=True)
class SebaranTampil:
    """The counted distribution of one unit and period, with the curve's verdict."""

    total: int
    jumlah: dict[str, int]
    grafik: Markup
    pelanggaran: list[str]
    kalibrasi: str | None


@dataclass(frozen=True)
class KurvaTampil:
    periode: str
    label: str
    organisasi: str
    ditetapkan: date
    syarat: list[str]  # the expected distribution
    sebaran: SebaranTampil | None
    tersembunyi: str | None  # why the distribution is not published


def _kurva(situs: Situs, k: HasilKurva) -> KurvaTampil:
    """One period's curve. Its counts (and so its verdict and calibration) are published only
    when the unit publishes ratings and the group counted is at least minimum_kelompok, since
    in a small group counts reveal individual ratings."""
    if not situs.rating_publik:
        tersembunyi = "unit ini tidak mempublikasikan rating"
    elif k.total < situs.minimum_kelompok:
        tersembunyi = f"kelompok yang dihitung kurang dari {situs.minimum_kelompok} pegawai"
    else:
        tersembunyi = None
    sebaran = None if tersembunyi else SebaranTampil(k.total, dict(k.jumlah), svg.grafik_kurva(k),
                                                       list(k.pelanggaran), k.penetapan.kalibrasi)
    return KurvaTampil(k.periode, f"{aturan.PERIODE[k.periode]} {k.tahun}", k.penetapan.predikat,
                       k.penetapan.tanggal, aturan.uraian_kurva(k.penetapan.predikat), sebaran, tersembunyi)


def halaman_beranda(situs: Situs) -> Halaman:
    hitung_jabatan = {k: 0 for k in aturan.JENIS_JABATAN}
    hitung_asn = {k: 0 for k in aturan.JENIS_ASN}
    for p in situs.pegawai:
        hitung_jabatan[p.jenis_jabatan] = hitung_jabatan.get(p.jenis_jabatan, 0) + 1
        hitung_asn[p.jenis_asn] = hitung_asn.get(p.jenis_asn, 0) + 1
    kurva: dict[int, list[KurvaTampil]] = {}
    for k in situs.kurva:
        kurva.setdefault(k.tahun, []).append(_kurva(situs, k))
    sunting_tahun = {t: situs.sunting(o.sumber.file) for t, o in situs.organisasi.items()}
    return Halaman("index.md", "beranda.md", {
        "situs": situs.publik, "unit": situs.publik.unit, "pimpinan": situs.orang(situs.unit.pimpinan),
        "induk": situs.unit_induk(), "sunting": situs.sunting(situs.unit.sumber.file), "sunting_tahun": sunting_tahun,
        "jabatan": {k: n for k, n in hitung_jabatan.items() if n}, "asn": {k: n for k, n in hitung_asn.items() if n},
        "skp": _kemajuan_skp(situs), "evaluasi": _kemajuan_evaluasi(situs), "dialog": _tanpa_dialog(situs),
        "kurva": sorted(kurva.items(), reverse=True),
    })


@dataclass(frozen=True)
class BarisPegawai:
    pegawai: PegawaiPublik
    penilai: Orang
    status: str
    urut_status: str
    predikat: tuple[str, str] | None


def halaman_daftar(situs: Situs) -> Halaman:
    rows = []
    for p in situs.pegawai:
        daftar = situs.skp_tahun(p.nip, situs.tahun)
        tetap = [s for s in daftar if s.status == "ditetapkan"]
        if tetap:
            status, urut = f"Ditetapkan {tampil.tanggal(tetap[-1].ditetapkan)}", f"1 {tetap[-1].ditetapkan}"
        elif daftar:
            status, urut = "Draf", "2"
        else:
            status, urut = "Belum ada", "3"
        rows.append(BarisPegawai(publik.pegawai(p), situs.orang(p.penilai, *[s.penilai for s in p.skp]), status, urut,
                                 situs.predikat_terbaru(p) if situs.rating_publik else None))
    ada = {p.jenis_jabatan for p in situs.pegawai}
    return Halaman("pegawai/index.md", "daftar.md", {
        "situs": situs.publik, "baris": rows, "jenis_jabatan": [k for k in aturan.JENIS_JABATAN if k in ada]})


def halaman_matriks(situs: Situs) -> Halaman:
    return Halaman("matriks/index.md", "matriks.md",
                   {"situs": situs.publik, "matriks": sorted(situs.matriks.items(), reverse=True)})


# --- teams (tim kerja) ---------------------------------------------------------------------

@dataclass(frozen=True)
class AnggotaTampil:
    orang: Orang  # with the identity block of their profile (unit_kerja: their unit's name)
    mulai: date
    selesai: date
    peran: str | None
    predikat: tuple[str, str] | None  # only for this unit's employees, when the unit publishes ratings


@dataclass(frozen=True)
class PembawaHasil:
    """A member's RHK that carries a team result."""

    orang: Orang
    skp: str  # 'SKP 2026'
    rhk: RHKPublik
    url: str | None  # the RHK on the member's page, when it is this unit's


@dataclass(frozen=True)
class HasilTimTampil:
    id: Markup  # the result's row on the team page
    uraian: str
    pembawa: list[PembawaHasil]


@dataclass(frozen=True)
class TimTampil:
    kode: str
    nama: str
    dasar: str | None
    mulai: date
    selesai: date
    ketua: Orang
    intervensi: Intervensi | None  # the leader's RHK the team serves
    anggota: list[AnggotaTampil]
    hasil: list[HasilTimTampil]
    url: str
    sunting: TautanSunting | None


@dataclass(frozen=True)
class KeanggotaanTampil:
    """One of an employee's teams (any unit's), on their page."""

    nama: str
    url: str | None  # the team's page, when it is this unit's
    peran: str
    mulai: date
    selesai: date


def _pembawa(situs: Situs, skp: SKP, rhk: RHK) -> PembawaHasil:
    ini = skp.unit == situs.unit.kode
    return PembawaHasil(situs.orang(skp.nip, skp.pegawai), tampil.judul_skp(skp.folder), publik.rhk(rhk),
                        url_rhk(skp.nip, skp.folder, rhk.id) if ini else None)


def _tim(situs: Situs, tim: Tim) -> TimTampil:
    """A team of the unit: lead, members (wherever they are) and the members' RHKs carrying each
    result (`Fakta.rhk_tim`, recorded in the build key); a member's latest predikat only for this
    unit's employees and only when the unit publishes ratings."""
    dibawa = situs.rhk_tim(tim)
    anggota = []
    for a in tim.anggota:
        profil = situs.profil(a.nip)
        predikat = situs.predikat_terbaru(profil) if profil and situs.rating_publik else None
        anggota.append(AnggotaTampil(situs.orang_repositori(a.nip), a.mulai, a.selesai, a.peran, predikat))
    hasil = [HasilTimTampil(jangkar('hasil', h.id), h.uraian, [_pembawa(situs, skp, rhk) for hid, skp, rhk in dibawa if hid == h.id])
             for h in tim.hasil]
    return TimTampil(tim.kode, tim.nama, tim.dasar, tim.mulai, tim.selesai, situs.orang_repositori(tim.ketua),
                     _dilayani(situs, tim), anggota, hasil, url_tim(tim.kode), situs.sunting(tim.sumber.file))


def _dilayani(situs: Situs, tim: Tim) -> Intervensi | None:
    sasaran = situs.rhk_tim_dilayani(tim)
    if sasaran is None:
        return None
    return Intervensi(situs.orang_repositori(sasaran.nip), sasaran.rhk_id,
                      publik.rhk(sasaran.rhk) if sasaran.rhk else None, situs.url_sasaran(sasaran), None)


def halaman_daftar_tim(situs: Situs, daftar: list[TimTampil]) -> Halaman:
    return Halaman("tim/index.md", "tim-daftar.md", {"situs": situs.publik, "daftar": daftar})


def halaman_tim(situs: Situs, tim: TimTampil) -> Halaman:
    return Halaman(f"tim/{tim.kode}/index.md", "tim.md", {"situs": situs.publik, "t": tim})


def keanggotaan_tim(situs: Situs, nip: str) -> list[KeanggotaanTampil]:
    """The teams of an employee, of any unit (`Fakta.tim_anggota`), and the teams of this unit
    they lead."""
    anggota = situs.tim_anggota(nip)
    ini = situs.unit.kode
    rows = [KeanggotaanTampil(t.nama, url_tim(t.kode), "ketua", t.mulai, t.selesai)  # situs.tim: this unit's
            for t in situs.tim if t.ketua == nip]
    rows += [KeanggotaanTampil(t.nama, url_tim(t.kode) if t.unit == ini else None, a.peran or "anggota",
                               a.mulai, a.selesai) for t, a in anggota]
    return sorted(rows, key=lambda k: (k.mulai, k.nama.casefold()))


def semua_halaman(situs: Situs) -> Iterator[Halaman]:
    """Every generated page of the unit, one at a time (an employee's pages together)."""
    yield halaman_beranda(situs)
    yield halaman_daftar(situs)
    yield halaman_matriks(situs)
    daftar_tim = [_tim(situs, t) for t in situs.tim]
    yield halaman_daftar_tim(situs, daftar_tim)
    for tim in daftar_tim:
        yield halaman_tim(situs, tim)
    for pegawai in situs.pegawai:
        page = halaman_pegawai(situs, pegawai)
        yield page
        for skp in page.konteks["daftar_skp"]:
            yield halaman_dokumen(situs, pegawai, skp)
