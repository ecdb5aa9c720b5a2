"""The regulation as pure functions and tables (PermenPANRB 6/2022, SE MenPANRB 3/2023,
PP 30/2019, Peraturan BKN 3/2023).

No I/O and no imports from other kinerja modules: callers pass plain values (codes,
``datetime.date``, numbers) and get plain values back. Arithmetic is exact (``int`` and
``Fraction``); floats are only accepted as input and read by their decimal text.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, TypeVar

# --- code tables ----------------------------------------------------------------------

RATING = {
    "di_atas_ekspektasi": "Di Atas Ekspektasi",
    "sesuai_ekspektasi": "Sesuai Ekspektasi",
    "di_bawah_ekspektasi": "Di Bawah Ekspektasi",
}

# Employee predikat, best first.
PREDIKAT = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang/Misconduct",
    "sangat_kurang": "Sangat Kurang",
}

# Organisation predikat (SE MenPANRB 3/2023), best first.
PREDIKAT_ORGANISASI = {
    "istimewa": "Istimewa",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang",
    "sangat_kurang": "Sangat Kurang",
}


@dataclass(frozen=True)
class NilaiDasar:
    """One BerAKHLAK core value with its three fixed behaviour guides."""

    label: str
    panduan: tuple[str, str, str]


BERAKHLAK = {
    "berorientasi_pelayanan": NilaiDasar("Berorientasi Pelayanan", (
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Ramah, cekatan, solutif, dan dapat diandalkan",
        "Melakukan perbaikan tiada henti",
    )),
    "akuntabel": NilaiDasar("Akuntabel", (
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
        "Tidak menyalahgunakan kewenangan jabatan",
    )),
    "kompeten": NilaiDasar("Kompeten", (
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
        "Membantu orang lain belajar",
        "Melaksanakan tugas dengan kualitas terbaik",
    )),
    "harmonis": NilaiDasar("Harmonis", (
        "Menghargai setiap orang apapun latar belakangnya",
        "Suka menolong orang lain",
        "Membangun lingkungan kerja yang kondusif",
    )),
    "loyal": NilaiDasar("Loyal", (
        "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
        "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
        "Menjaga rahasia jabatan dan negara",
    )),
    "adaptif": NilaiDasar("Adaptif", (
        "Cepat menyesuaikan diri menghadapi perubahan",
        "Terus berinovasi dan mengembangkan kreativitas",
        "Bertindak proaktif",
    )),
    "kolaboratif": NilaiDasar("Kolaboratif", (
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    )),
}


@dataclass(frozen=True)
class Jenjang:
    """A functional level and its annual credit-point coefficient (Peraturan BKN 3/2023)."""

    label: str
    koefisien: Fraction


JENJANG = {
    "pemula": Jenjang("Pemula", Fraction("3.75")),
    "terampil": Jenjang("Terampil", Fraction(5)),
    "mahir": Jenjang("Mahir", Fraction("12.5")),
    "penyelia": Jenjang("Penyelia", Fraction(25)),
    "ahli_pertama": Jenjang("Ahli Pertama", Fraction("12.5")),
    "ahli_muda": Jenjang("Ahli Muda", Fraction(25)),
    "ahli_madya": Jenjang("Ahli Madya", Fraction("37.5")),
    "ahli_utama": Jenjang("Ahli Utama", Fraction(50)),
}

# Percentage of the annual coefficient earned per employee predikat.
PERSEN_ANGKA_KREDIT = {
    "sangat_baik": 150,
    "baik": 100,
    "butuh_perbaikan": 75,
    "kurang": 50,
    "sangat_kurang": 25,
}

_ROMAWI = ("I", "II", "III", "IV")
_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

# Evaluation periods in calendar order within each kind; "tahunan" last.
PERIODE = {
    **{f"tw{i}": f"Triwulan {r}" for i, r in enumerate(_ROMAWI, start=1)},
    **{f"b{i:02d}": nama for i, nama in enumerate(_BULAN, start=1)},
    "tahunan": "Tahunan",
}

# The periodic evaluation codes allowed by a unit's `evaluasi_periodik`.
PERIODE_PERIODIK = {
    "triwulanan": tuple(k for k in PERIODE if k.startswith("tw")),
    "bulanan": tuple(k for k in PERIODE if k.startswith("b")),
}

JENIS_JABATAN = {
    "jpt_utama": "Pimpinan Tinggi Utama",
    "jpt_madya": "Pimpinan Tinggi Madya",
    "jpt_pratama": "Pimpinan Tinggi Pratama",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
    "pelaksana": "Pelaksana",
    "fungsional": "Fungsional",
}

JENIS_ASN = {
    "pns": "PNS",
    "pppk": "PPPK",
}

# The other code tables of the records, with their display labels (the schemas' enums must
# equal these keys: tests/test_tabel_kode.py).
PENDEKATAN = {"kuantitatif": "Kuantitatif", "kualitatif": "Kualitatif"}
JENIS_RHK = {"utama": "Utama", "tambahan": "Tambahan"}
ASPEK = {"kuantitas": "Kuantitas", "kualitas": "Kualitas", "waktu": "Waktu", "biaya": "Biaya"}
PERSPEKTIF = {"penerima_layanan": "Penerima Layanan", "proses_bisnis": "Proses Bisnis",
              "penguatan_internal": "Penguatan Internal", "anggaran": "Anggaran"}
JENIS_UMPAN_BALIK = {"umpan_balik": "Umpan balik", "dialog_kinerja": "Dialog kinerja",
                     "bimbingan": "Bimbingan kinerja", "konseling": "Konseling kinerja"}
STATUS_SKP = {"draft": "Draf", "ditetapkan": "Ditetapkan"}
STATUS_PEGAWAI = {"cpns": "CPNS", "tugas_belajar": "Tugas belajar", "cuti_besar": "Cuti besar",
                  "cuti_melahirkan": "Cuti melahirkan", "cltn": "Cuti di luar tanggungan negara",
                  "pemberhentian_sementara": "Pemberhentian sementara"}
STATUS_EVALUASI = {"draft": "Draf", "final": "Final"}


def _kode(tabel: Mapping[str, object], kode: object, apa: str) -> str:
    """Return ``kode`` if it is a key of ``tabel``, else raise ValueError."""
    if kode not in tabel:
        raise ValueError(f"{apa} tidak dikenal: {kode!r}")
    return kode  # type: ignore[return-value]


def rahasia(jenis_umpan_balik: object, tertulis: object) -> bool:
    """Whether a feedback note is confidential (never published, never quoted): counselling
    always is, whatever the record says; any other note when it says `rahasia: true`."""
    return jenis_umpan_balik == "konseling" or tertulis is True


_URUTAN_PERIODE = {kode: i for i, kode in enumerate(PERIODE)}


def urutkan_periode(kode: Iterable[str]) -> list[str]:
    """Period codes in calendar order, "tahunan" last (unknown codes after it)."""
    return sorted(kode, key=lambda k: _URUTAN_PERIODE.get(k, len(_URUTAN_PERIODE)))


def urutkan_penetapan(penetapan: Iterable):
    """Organisation ratings in period order (anything with a `periode`)."""
    return sorted(penetapan, key=lambda p: _URUTAN_PERIODE.get(p.periode, len(_URUTAN_PERIODE)))


def periode_valid(kode: str, evaluasi_periodik: str) -> bool:
    """Whether an evaluation period code fits the unit's periodic rhythm ("tahunan" always does)."""
    return kode == "tahunan" or kode in PERIODE_PERIODIK.get(evaluasi_periodik, ())


def rentang_periode(tahun: int, kode: str) -> tuple[date, date]:
    """First and last day of an evaluation period in a calendar year."""
    _kode(PERIODE, kode, "Periode")
    if kode == "tahunan":
        awal, akhir = 1, 12
    elif kode.startswith("tw"):
        akhir = 3 * int(kode[2:])
        awal = akhir - 2
    else:
        awal = akhir = int(kode[1:])
    return date(tahun, awal, 1), date(tahun, akhir, calendar.monthrange(tahun, akhir)[1])


# --- configurable rules ---------------------------------------------------------------

# How "most" employees (*sebagian besar*, SE MenPANRB 3/2023) is read.
MAYORITAS = {
    "terbanyak": "lebih banyak daripada predikat lain mana pun",
    "lebih_dari_separuh": "lebih dari separuh pegawai",
}

RATING_PIMPINAN_BAKU = MappingProxyType({
    "istimewa": "di_atas_ekspektasi",
    "baik": "sesuai_ekspektasi",
    "butuh_perbaikan": "di_bawah_ekspektasi",
    "kurang": "di_bawah_ekspektasi",
    "sangat_kurang": "di_bawah_ekspektasi",
})


@dataclass(frozen=True)
class Aturan:
    """The rules a unit may override in the ``aturan:`` mapping of its unit.yaml.

    tenggat_skp: "MM-DD", the day of the SKP's year by which it must be set.
    hari_keberatan: days after an evaluation is given within which an objection may be filed.
    rating_pimpinan: organisation predikat -> results rating of the unit head.
    kurva_mayoritas: how "most" employees (SE MenPANRB 3/2023) is read, see MAYORITAS.
    kebutuhan_angka_kredit: the credit points each jenjang and golongan step needs, see
        KEBUTUHAN_ANGKA_KREDIT (set in instansi.yaml, golongan by golongan).
    """

    tenggat_skp: str = "01-31"
    hari_keberatan: int = 14
    rating_pimpinan: Mapping[str, str] = field(default_factory=lambda: dict(RATING_PIMPINAN_BAKU), hash=False)
    kurva_mayoritas: str = "terbanyak"
    kebutuhan_angka_kredit: Mapping[str, Mapping[str, int | None]] = field(
        default_factory=lambda: KEBUTUHAN_ANGKA_KREDIT, hash=False)

    def __post_init__(self) -> None:
        bulan, _, hari = str(self.tenggat_skp).partition("-")
        if not (len(bulan) == len(hari) == 2 and bulan.isdigit() and hari.isdigit()
                and 1 <= int(bulan) <= 12
                and 1 <= int(hari) <= calendar.monthrange(2000, int(bulan))[1]):
            raise ValueError(f"tenggat_skp harus tanggal berbentuk BB-HH, bukan {self.tenggat_skp!r}")
        if isinstance(self.hari_keberatan, bool) or not isinstance(self.hari_keberatan, int) \
                or self.hari_keberatan < 1:
            raise ValueError(f"hari_keberatan harus bilangan bulat positif, bukan {self.hari_keberatan!r}")
        if set(self.rating_pimpinan) != set(PREDIKAT_ORGANISASI):
            raise ValueError("rating_pimpinan harus memuat tepat setiap predikat organisasi")
        for rating in self.rating_pimpinan.values():
            _kode(RATING, rating, "Rating")
        _kode(MAYORITAS, self.kurva_mayoritas, "Arti sebagian besar")
        object.__setattr__(self, "rating_pimpinan", MappingProxyType(dict(self.rating_pimpinan)))
        object.__setattr__(self, "kebutuhan_angka_kredit", _tabel_kebutuhan(self.kebutuhan_angka_kredit))

    @classmethod
    def dari_unit(cls, *lapisan: Mapping[str, Any] | None) -> Aturan:
        """Build from (schema-validated) ``aturan:`` mappings, each later one overriding the earlier
        key by key (instansi.yaml's, then unit.yaml's); missing keys keep their defaults and a
        partial ``rating_pimpinan`` overrides only the ratings it names."""
        nilai: dict[str, Any] = {"rating_pimpinan": dict(RATING_PIMPINAN_BAKU),
                                 "kebutuhan_angka_kredit": {k: dict(v) for k, v in KEBUTUHAN_ANGKA_KREDIT.items()}}
        for aturan in lapisan:
            aturan = aturan or {}
            nilai.update({k: aturan[k] for k in ("tenggat_skp", "hari_keberatan", "kurva_mayoritas") if k in aturan})
            nilai["rating_pimpinan"].update(aturan.get("rating_pimpinan") or {})
            for jenjang, per_golongan in (aturan.get("kebutuhan_angka_kredit") or {}).items():
                nilai["kebutuhan_angka_kredit"].setdefault(jenjang, {}).update(per_golongan or {})
        return cls(**nilai)

    def tenggat_skp_tanggal(self, tahun: int) -> date:
        """The day of ``tahun`` by which that year's SKP must be set ("02-29" means the
        last day of February in a common year)."""
        bulan, hari = (int(x) for x in self.tenggat_skp.split("-"))
        return date(tahun, bulan, min(hari, calendar.monthrange(tahun, bulan)[1]))

    def tenggat_penetapan(self, tahun: int, mulai: date) -> date:
        """The day an SKP of ``tahun`` starting on ``mulai`` must be set by: the yearly deadline,
        or for an SKP that starts later in the year (after a transfer) the same allowance
        counted from its start."""
        tenggat = self.tenggat_skp_tanggal(tahun)
        awal_tahun = date(tahun, 1, 1)
        return mulai + (tenggat - awal_tahun) if mulai > awal_tahun else tenggat

    def batas_keberatan(self, tanggal_evaluasi: date) -> date:
        """The last day an objection to an evaluation given on ``tanggal_evaluasi`` may be filed."""
        return tanggal_evaluasi + timedelta(days=self.hari_keberatan)


# --- kuadran kinerja and the ratings that count ---------------------------------------

# (rating hasil kerja, rating perilaku kerja) -> predikat; rows are results, columns behaviour.
KUADRAN = {
    ("di_atas_ekspektasi", "di_bawah_ekspektasi"): "kurang",
    ("di_atas_ekspektasi", "sesuai_ekspektasi"): "baik",
    ("di_atas_ekspektasi", "di_atas_ekspektasi"): "sangat_baik",
    ("sesuai_ekspektasi", "di_bawah_ekspektasi"): "kurang",
    ("sesuai_ekspektasi", "sesuai_ekspektasi"): "baik",
    ("sesuai_ekspektasi", "di_atas_ekspektasi"): "baik",
    ("di_bawah_ekspektasi", "di_bawah_ekspektasi"): "sangat_kurang",
    ("di_bawah_ekspektasi", "sesuai_ekspektasi"): "butuh_perbaikan",
    ("di_bawah_ekspektasi", "di_atas_ekspektasi"): "butuh_perbaikan",
}


def predikat(rating_hasil_kerja: str, rating_perilaku_kerja: str) -> str:
    """The employee predikat from the two ratings (kuadran kinerja)."""
    _kode(RATING, rating_hasil_kerja, "Rating hasil kerja")
    _kode(RATING, rating_perilaku_kerja, "Rating perilaku kerja")
    return KUADRAN[rating_hasil_kerja, rating_perilaku_kerja]


def rating_hasil_pimpinan(predikat_organisasi: str, aturan: Aturan) -> str:
    """A unit head's results rating derived from the unit's organisation predikat."""
    return aturan.rating_pimpinan[_kode(PREDIKAT_ORGANISASI, predikat_organisasi, "Predikat organisasi")]


def rating_pimpinan_berbeda(rating_hasil_kerja: str | None, predikat_organisasi: str | None,
                            aturan: Aturan) -> bool:
    """Whether a unit head's own results rating differs from the one the organisation
    predikat gives (False when either is missing)."""
    if rating_hasil_kerja is None or predikat_organisasi is None:
        return False
    return rating_hasil_kerja != rating_hasil_pimpinan(predikat_organisasi, aturan)


@dataclass(frozen=True)
class Penilaian:
    """The ratings that count for an evaluation, its predikat (None while a rating is
    missing) and where the ratings came from: "evaluasi", "organisasi" or "keberatan"."""

    rating_hasil_kerja: str | None
    rating_perilaku_kerja: str | None
    predikat: str | None
    sumber: str


def rating_berlaku(rating_hasil_kerja: str | None, rating_perilaku_kerja: str | None, *,
                   pimpinan: bool = False, predikat_organisasi: str | None = None,
                   keputusan: tuple[str, str] | None = None, aturan: Aturan) -> Penilaian:
    """The ratings used downstream for one evaluation.

    keputusan: a decided objection's (rating_hasil_kerja, rating_perilaku_kerja); it is
    final and replaces both ratings. Otherwise a unit head (``pimpinan``) whose evaluation
    omits the results rating gets it from the organisation predikat of the period.
    """
    hasil: str | None
    perilaku: str | None
    if keputusan is not None:
        hasil, perilaku = keputusan
        sumber = "keberatan"
    elif rating_hasil_kerja is None and pimpinan and predikat_organisasi is not None:
        hasil, perilaku = rating_hasil_pimpinan(predikat_organisasi, aturan), rating_perilaku_kerja
        sumber = "organisasi"
    else:
        hasil, perilaku = rating_hasil_kerja, rating_perilaku_kerja
        sumber = "evaluasi"
    nilai = predikat(hasil, perilaku) if hasil is not None and perilaku is not None else None
    return Penilaian(hasil, perilaku, nilai, sumber)


# --- display of numbers ---------------------------------------------------------------

def _pecahan(x: object) -> Fraction | None:
    """An exact value of a number (a float read by its decimal text); None for non-numbers."""
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, Fraction)):
        return Fraction(x)
    if isinstance(x, Decimal):
        return Fraction(x) if x.is_finite() else None
    if isinstance(x, float):
        return Fraction(repr(x)) if math.isfinite(x) else None
    return None


def _teks_angka(skala: int, digits: int) -> str:
    """``skala`` / 10**digits written with an Indonesian decimal comma."""
    tanda = "-" if skala < 0 else ""
    utuh, pecahan = divmod(abs(skala), 10 ** digits)
    return f"{tanda}{utuh},{pecahan:0{digits}d}" if digits else f"{tanda}{utuh}"


def format_angka(x: int | Fraction | Decimal | float, digits: int = 2) -> str:
    """Display rounding: ``digits`` decimals, half away from zero, decimal comma ("2,08")."""
    nilai = _pecahan(x)
    if nilai is None:
        raise ValueError(f"Bukan angka: {x!r}")
    skala = abs(nilai) * 10 ** digits
    bulat = int(skala + Fraction(1, 2))  # int() truncates; skala >= 0
    return _teks_angka(-bulat if nilai < 0 else bulat, digits)


# --- distribution curves (SE MenPANRB 3/2023) -----------------------------------------

PALING_SEDIKIT = "paling sedikit"
PALING_BANYAK = "paling banyak"


@dataclass(frozen=True)
class Syarat:
    """One condition of a curve: the employees whose predikat is in ``predikat``, counted
    together, number ``batas`` (PALING_SEDIKIT / PALING_BANYAK) ``nilai`` ``satuan``
    ("%" of all rated employees, or "pegawai" as a head count)."""

    predikat: tuple[str, ...]
    batas: str
    nilai: int
    satuan: str


KURVA = {
    "istimewa": (
        Syarat(("sangat_baik",), PALING_BANYAK, 70, "%"),
    ),
    "baik": (
        Syarat(("baik",), PALING_BANYAK, 70, "%"),
        Syarat(("butuh_perbaikan", "kurang"), PALING_SEDIKIT, 1, "pegawai"),
    ),
    "butuh_perbaikan": (
        Syarat(("butuh_perbaikan",), PALING_SEDIKIT, 60, "%"),
        Syarat(("sangat_baik",), PALING_BANYAK, 10, "%"),
    ),
    "kurang": (
        Syarat(("kurang",), PALING_SEDIKIT, 60, "%"),
        Syarat(("butuh_perbaikan",), PALING_SEDIKIT, 10, "%"),
        Syarat(("sangat_baik",), PALING_BANYAK, 10, "%"),
    ),
    "sangat_kurang": (
        Syarat(("sangat_kurang",), PALING_SEDIKIT, 60, "%"),
        Syarat(("kurang", "butuh_perbaikan"), PALING_SEDIKIT, 10, "%"),
        Syarat(("sangat_baik",), PALING_BANYAK, 0, "pegawai"),
    ),
}


# The predikat that "most" employees must have under an organisation rating (before its cap).
SEBAGIAN_BESAR = {"istimewa": "sangat_baik", "baik": "baik"}


def sebagian_besar(kode: str, jumlah: Mapping[str, int], mayoritas: str) -> bool:
    """Whether the employees with predikat ``kode`` are "most": more than those of any other
    single predikat (a tie is not most), or more than half of all."""
    bagian = jumlah.get(kode, 0)
    if _kode(MAYORITAS, mayoritas, "Arti sebagian besar") == "lebih_dari_separuh":
        return bagian * 2 > sum(jumlah.values())
    return all(bagian > n for k, n in jumlah.items() if k != kode)


def _nama_predikat(syarat: Syarat) -> str:
    return " dan ".join(PREDIKAT[k] for k in syarat.predikat)


def _teks_batas(syarat: Syarat) -> str:
    if syarat.batas == PALING_BANYAK and syarat.nilai == 0:
        return "tidak boleh ada"
    satuan = "%" if syarat.satuan == "%" else f" {syarat.satuan}"
    return f"{syarat.batas} {syarat.nilai}{satuan}"


def _terpenuhi(syarat: Syarat, bagian: int, total: int) -> bool:
    # Percentages compare by cross-multiplication: bagian/total <= nilai/100.
    kiri, kanan = (bagian * 100, syarat.nilai * total) if syarat.satuan == "%" else (bagian, syarat.nilai)
    return kiri >= kanan if syarat.batas == PALING_SEDIKIT else kiri <= kanan


def _persen_pelanggaran(syarat: Syarat, bagian: int, total: int) -> str:
    """The share of a broken condition, in percent at one decimal with ",0" dropped
    ("66,7%"): rounded half up, except that it never rounds onto the side of the limit it
    breaks (then it rounds away from the limit: 70.01% above a 70% maximum shows "70,1%")."""
    persen = Fraction(bagian * 100, total)
    batas = syarat.nilai if syarat.satuan == "%" else Fraction(syarat.nilai * 100, total)
    bulat = math.floor(persen * 10 + Fraction(1, 2))
    if syarat.batas == PALING_BANYAK and bulat <= batas * 10:
        bulat = math.ceil(persen * 10)
    elif syarat.batas == PALING_SEDIKIT and bulat >= batas * 10:
        bulat = math.floor(persen * 10)
    return _teks_angka(bulat, 1).removesuffix(",0") + "%"


def uraian_kurva(predikat_organisasi: str, mayoritas: str = "terbanyak") -> list[str]:
    """The expected distribution for an organisation predikat, one phrase per condition,
    e.g. "Sangat Baik sebagian besar (...)", "Sangat Baik paling banyak 70%"."""
    syarat_kurva = KURVA[_kode(PREDIKAT_ORGANISASI, predikat_organisasi, "Predikat organisasi")]
    besar = SEBAGIAN_BESAR.get(predikat_organisasi)
    awal = [f"{PREDIKAT[besar]} sebagian besar ({MAYORITAS[mayoritas]})"] if besar else []
    return awal + [f"{_nama_predikat(s)} {_teks_batas(s)}" for s in syarat_kurva]


def periksa_kurva(predikat_organisasi: str, jumlah: Mapping[str, int], mayoritas: str = "terbanyak") -> list[str]:
    """The curve conditions the distribution ``jumlah`` (employee predikat -> head count)
    violates, as Indonesian sentences in the order of the regulation ("most" first); [] when
    it holds or when nobody is counted. mayoritas: how "most" is read (MAYORITAS)."""
    syarat_kurva = KURVA[_kode(PREDIKAT_ORGANISASI, predikat_organisasi, "Predikat organisasi")]
    for kode, n in jumlah.items():
        _kode(PREDIKAT, kode, "Predikat")
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"Jumlah pegawai {PREDIKAT[kode]} tidak sah: {n!r}")
    total = sum(jumlah.values())
    if total == 0:
        return []
    pelanggaran = []
    besar = SEBAGIAN_BESAR.get(predikat_organisasi)
    if besar and not sebagian_besar(besar, jumlah, mayoritas):
        bagian = jumlah.get(besar, 0)
        persen = _teks_angka(math.floor(Fraction(bagian * 1000, total) + Fraction(1, 2)), 1).removesuffix(",0")
        pelanggaran.append(f"Predikat {PREDIKAT[besar]} {bagian} dari {total} pegawai ({persen}%), "
                           f"bukan sebagian besar: harus {MAYORITAS[mayoritas]}.")
    for syarat in syarat_kurva:
        bagian = sum(jumlah.get(k, 0) for k in syarat.predikat)
        if not _terpenuhi(syarat, bagian, total):
            pelanggaran.append(
                f"Predikat {_nama_predikat(syarat)} {bagian} dari {total} pegawai "
                f"({_persen_pelanggaran(syarat, bagian, total)}), "
                f"{_teks_batas(syarat)}."
            )
    return pelanggaran


# --- credit points (Peraturan BKN 3/2023) ---------------------------------------------

def bulan_periode(mulai: date, selesai: date) -> int:
    """The number of calendar months an SKP period touches (both ends included)."""
    if selesai < mulai:
        raise ValueError(f"Periode berakhir ({selesai}) sebelum dimulai ({mulai})")
    return (selesai.year - mulai.year) * 12 + selesai.month - mulai.month + 1


# Status periods (profil.yaml `status`) whose whole months earn no credit points: the employee
# does not hold the functional position then. CPNS months count like any other (see README).
TANPA_ANGKA_KREDIT = frozenset({"tugas_belajar", "cltn", "pemberhentian_sementara"})

# Cumulative credit points needed for the next step (PermenPANRB 1/2023 Lampiran, Peraturan BKN
# 3/2023): jenjang -> {golongan ruang: points}. A golongan at the top of its jenjang needs the
# points for the next jenjang; None where no higher step exists.
KEBUTUHAN_ANGKA_KREDIT: Mapping[str, Mapping[str, int | None]] = MappingProxyType({
    "pemula": {"II/a": 15},
    "terampil": {"II/b": 20, "II/c": 20, "II/d": 60},
    "mahir": {"III/a": 50, "III/b": 100},
    "penyelia": {"III/c": 100, "III/d": None},
    "ahli_pertama": {"III/a": 50, "III/b": 100},
    "ahli_muda": {"III/c": 100, "III/d": 200},
    "ahli_madya": {"IV/a": 150, "IV/b": 150, "IV/c": 450},
    "ahli_utama": {"IV/d": 200, "IV/e": None},
})


def _tabel_kebutuhan(tabel: Mapping[str, Mapping[str, int | None]]) -> Mapping[str, Mapping[str, int | None]]:
    """A credit-point needs table, checked and frozen: known jenjang, golongan ruang like "III/a",
    and a whole number of points (None: no higher step)."""
    for jenjang, per_golongan in tabel.items():
        _kode(JENJANG, jenjang, "Jenjang")
        for gol, poin in per_golongan.items():
            if not re.fullmatch(r"(I|II|III|IV)/[a-e]", gol):
                raise ValueError(f"Golongan ruang tidak sah dalam kebutuhan angka kredit: {gol!r}")
            if poin is not None and (isinstance(poin, bool) or not isinstance(poin, int) or poin < 0):
                raise ValueError(f"Kebutuhan angka kredit {jenjang} {gol} harus bilangan bulat >= 0, bukan {poin!r}")
    if tabel is KEBUTUHAN_ANGKA_KREDIT:
        return tabel
    return MappingProxyType({k: MappingProxyType(dict(v)) for k, v in tabel.items()})


def golongan(pangkat_golongan: str) -> str | None:
    """The golongan ruang written in a rank, e.g. "III/b" from "Penata Muda Tk. I (III/b)"."""
    found = re.search(r"\b(I{1,3}V?|IV)/([a-e])\b", pangkat_golongan)
    return f"{found.group(1)}/{found.group(2)}" if found else None


def kebutuhan_angka_kredit(jenjang: str, pangkat_golongan: str,
                           tabel: Mapping[str, Mapping[str, int | None]] = KEBUTUHAN_ANGKA_KREDIT) -> int | None:
    """The cumulative credit points the next rank or level needs; None when unknown or none."""
    return tabel.get(jenjang, {}).get(golongan(pangkat_golongan) or "")


def angka_kredit(jenjang: str, predikat: str, bulan: int) -> Fraction:
    """Credit points earned: bulan/12 x percentage of the predikat x annual coefficient
    of the level, exact and unrounded (round only for display, after summing)."""
    koefisien = JENJANG[_kode(JENJANG, jenjang, "Jenjang")].koefisien
    persen = PERSEN_ANGKA_KREDIT[_kode(PERSEN_ANGKA_KREDIT, predikat, "Predikat")]
    if isinstance(bulan, bool) or not isinstance(bulan, int) or bulan < 0:
        raise ValueError(f"Jumlah bulan tidak sah: {bulan!r}")
    return Fraction(bulan, 12) * Fraction(persen, 100) * koefisien


# --- advisory capaian -----------------------------------------------------------------

def capaian(target: Mapping[str, object] | str | None, nilai: object, arah: str = "naik") -> Fraction | None:
    """Realisation against target as a ratio (1 = 100%), advice only, never a rating.

    target: {nilai, satuan} or a range {min, maks, satuan}; a string (kualitatif) gives None.
    nilai: the realisation; text or a missing value gives None. Negative numbers, a zero
    target and an inverted range (min > maks) give None too: no meaningful ratio.

    arah "naik" (higher is better): realisasi / target.
    arah "turun" (lower is better): target / realisasi; a realisation of 0 has no finite
    ratio and counts as fully met (1).
    Range: inside [min, maks] is 1. Naik: below min is nilai/min, above maks nilai/maks
    (above 1). Turun: above maks is maks/nilai, below min min/nilai (above 1; 1 at 0).
    So the ratio is continuous at every bound; only turun's 0 is set by definition.
    """
    if arah not in ("naik", "turun"):
        raise ValueError(f"Arah tidak dikenal: {arah!r}")
    if not isinstance(target, Mapping):
        return None
    realisasi = _pecahan(nilai)
    if realisasi is None or realisasi < 0:
        return None
    if "nilai" in target:
        bawah = atas = _pecahan(target["nilai"])
    else:
        bawah, atas = _pecahan(target.get("min")), _pecahan(target.get("maks"))
    if bawah is None or atas is None or bawah < 0 or atas <= 0 or bawah > atas:
        return None
    if arah == "naik":
        if realisasi < bawah:
            return realisasi / bawah
        return realisasi / atas if realisasi > atas else Fraction(1)
    if realisasi > atas:
        return atas / realisasi
    return bawah / realisasi if 0 < realisasi < bawah else Fraction(1)


def rating_bertentangan(rating_hasil_kerja: str | None, daftar_capaian: Iterable[Fraction | None]) -> bool:
    """Whether the results rating runs against every known capaian: di_atas_ekspektasi
    while all fall short of 1, or di_bawah_ekspektasi while all reach 1. A hint for the
    penilai, never a correction; False when no capaian is known."""
    diketahui = [c for c in daftar_capaian if c is not None]
    if not diketahui:
        return False
    if rating_hasil_kerja == "di_atas_ekspektasi":
        return all(c < 1 for c in diketahui)
    if rating_hasil_kerja == "di_bawah_ekspektasi":
        return all(c >= 1 for c in diketahui)
    return False


# --- calendar months of SKPs --------------------------------------------------------------

K = TypeVar("K")


def bulan_skp(periode_skp: Iterable[tuple[K, date, date]], tahun: int) -> dict[int, K]:
    """Which SKP each calendar month of ``tahun`` belongs to: the one whose period covers
    more of the month's days, the later-starting one on a tie. periode_skp holds
    (key, mulai, selesai) per SKP; the result maps month (1..12) to key, and leaves out
    months no SKP touches."""
    daftar = list(periode_skp)
    hasil: dict[int, K] = {}
    for bulan in range(1, 13):
        awal = date(tahun, bulan, 1)
        akhir = date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])
        terbaik = None
        for kunci, mulai, selesai in daftar:
            hari = (min(selesai, akhir) - max(mulai, awal)).days + 1
            if hari > 0 and (terbaik is None or (hari, mulai) >= terbaik[:2]):
                terbaik = (hari, mulai, kunci)
        if terbaik is not None:
            hasil[bulan] = terbaik[2]
    return hasil


def periode_bulan(evaluasi_periodik: str, bulan: int) -> str:
    """The periodic evaluation code that covers a calendar month: b01..b12 or tw1..tw4."""
    if not 1 <= bulan <= 12:
        raise ValueError(f"Bulan tidak sah: {bulan!r}")
    _kode(PERIODE_PERIODIK, evaluasi_periodik, "Evaluasi periodik")
    return f"b{bulan:02d}" if evaluasi_periodik == "bulanan" else f"tw{(bulan - 1) // 3 + 1}"


# --- performance allowance (each agency's own regulation) ----------------------------------

DASAR_TUNJANGAN = {
    "bulanan": "predikat evaluasi periodik yang mencakup bulan itu",
    "tahun_berikutnya": "predikat tahunan tahun sebelumnya",
}


@dataclass(frozen=True)
class AturanTunjangan:
    """An agency's allowance rules: the basis, the percentage per predikat, the percentage
    when no final result exists (None: not computed), and the full monthly allowance per
    job class (empty: no nominal)."""

    dasar: str
    persen: Mapping[str, int | float]
    tanpa_evaluasi: int | float | None = None
    kelas_jabatan: Mapping[int, int] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        _kode(DASAR_TUNJANGAN, self.dasar, "Dasar tunjangan")
        if set(self.persen) != set(PREDIKAT):
            raise ValueError("persen tunjangan harus memuat tepat setiap predikat kinerja pegawai")
        object.__setattr__(self, "persen", MappingProxyType(dict(self.persen)))
        object.__setattr__(self, "kelas_jabatan", MappingProxyType(dict(self.kelas_jabatan)))

    @classmethod
    def gabung(cls, *lapisan: Mapping[str, object] | None) -> AturanTunjangan | None:
        """The rules from (schema-valid) ``tunjangan:`` mappings, each later one overriding the
        earlier key by key (instansi.yaml, then the unit); None when none has rules."""
        data: dict[str, Any] = {}
        for tunjangan in lapisan:
            data.update(tunjangan or {})
        if not data:
            return None
        kelas = {int(k): v for k, v in (data.get("kelas_jabatan") or {}).items()}
        return cls(data["dasar"], data["persen"], data.get("tanpa_evaluasi"), kelas)

    def nominal(self, kelas_jabatan: int | None, persen: int | float | None) -> int | None:
        """The allowance in whole rupiah (half up) for a job class at a percentage; None when
        either is unknown or the class is not in the table."""
        if kelas_jabatan is None or kelas_jabatan not in self.kelas_jabatan or persen is None:
            return None
        pecahan = _pecahan(persen)
        assert pecahan is not None  # a number, by the schema
        nilai = Fraction(self.kelas_jabatan[kelas_jabatan]) * pecahan / 100
        return int(nilai + Fraction(1, 2))


# --- talent classification (PermenPANRB 3/2020) ---------------------------------------------

POTENSI = {"tinggi": "Tinggi", "menengah": "Menengah", "rendah": "Rendah"}

# A year's predikat as a level of the performance axis.
KINERJA_TALENTA = {
    "sangat_baik": "di_atas_ekspektasi",
    "baik": "sesuai_ekspektasi",
    "butuh_perbaikan": "di_bawah_ekspektasi",
    "kurang": "di_bawah_ekspektasi",
    "sangat_kurang": "di_bawah_ekspektasi",
}
_URUTAN_KINERJA = ("di_bawah_ekspektasi", "sesuai_ekspektasi", "di_atas_ekspektasi")

# (performance level, potential) -> box of the 9-box, 9 the highest.
KOTAK_TALENTA = {
    ("di_bawah_ekspektasi", "rendah"): 1,
    ("di_bawah_ekspektasi", "menengah"): 2,
    ("sesuai_ekspektasi", "rendah"): 3,
    ("di_bawah_ekspektasi", "tinggi"): 4,
    ("sesuai_ekspektasi", "menengah"): 5,
    ("di_atas_ekspektasi", "rendah"): 6,
    ("sesuai_ekspektasi", "tinggi"): 7,
    ("di_atas_ekspektasi", "menengah"): 8,
    ("di_atas_ekspektasi", "tinggi"): 9,
}


def kinerja_talenta(predikat_tahun: str | None, predikat_sebelumnya: str | None) -> str | None:
    """The performance level of talent classification from the annual predikat of a year and
    of the year before: the lower of the two years' levels (performance must be sustained);
    the one year's level when only one is known; None when neither is."""
    tingkat = [KINERJA_TALENTA[_kode(PREDIKAT, p, "Predikat")] for p in (predikat_tahun, predikat_sebelumnya)
               if p is not None]
    return min(tingkat, key=_URUTAN_KINERJA.index) if tingkat else None


def kotak_talenta(kinerja: str, potensi: str) -> int:
    """The 9-box cell (1..9) of a performance level and a potential level."""
    return KOTAK_TALENTA[_kode(RATING, kinerja, "Tingkat kinerja"), _kode(POTENSI, potensi, "Tingkat potensi")]
