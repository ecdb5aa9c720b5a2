"""Synthetic records tree shaped like a real ministry, for tests, demos and load checks.

`tulis_sintetis` writes units, organisation ratings and employees, each with a set SKP,
five final evaluations (tw1..tw4 and tahunan), feedback notes and the occasional
objection. The output is byte-identical for the same arguments: every choice comes from
one `random.Random(seed)` and the records are written in a fixed order. Text is written
from small templates (no YAML dumper); free-text strings are JSON-quoted, which is a valid
YAML double-quoted scalar.
"""

from __future__ import annotations

import json
import math
import os
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kinerja.galat import GalatPemakaian

INSTANSI = "Kementerian Contoh"
NILAI_BERAKHLAK = (
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
)
PERIODE = ("tw1", "tw2", "tw3", "tw4", "tahunan")
# When a period's results are given: (years after the SKP year, month). TW IV and the annual
# evaluation are given together in January.
BULAN_EVALUASI = {"tw1": (0, 4), "tw2": (0, 7), "tw3": (0, 10), "tw4": (1, 1), "tahunan": (1, 1)}
RATING = {"atas": "di_atas_ekspektasi", "sesuai": "sesuai_ekspektasi", "bawah": "di_bawah_ekspektasi"}
RATING_NAIK = {"bawah": "sesuai", "sesuai": "atas", "atas": "atas"}

# ---------------------------------------------------------------- word lists

DEPAN_L = (
    "Agus", "Ahmad", "Andi", "Arif", "Bambang", "Bayu", "Budi", "Dedi", "Dimas", "Eko",
    "Fajar", "Gilang", "Hadi", "Hendra", "Imam", "Iwan", "Joko", "Made", "Muhammad", "Putu",
    "Rahmat", "Rizky", "Rudi", "Sigit", "Slamet", "Taufik", "Teguh", "Wahyu", "Yusuf", "Zainal",
)
DEPAN_P = (
    "Anisa", "Astuti", "Ayu", "Desi", "Dewi", "Dian", "Eka", "Fitri", "Indah", "Intan",
    "Kartika", "Lestari", "Lina", "Maya", "Mega", "Nadia", "Novi", "Nur", "Putri", "Rahma",
    "Ratih", "Ratna", "Rina", "Sari", "Siti", "Tri", "Wening", "Wulan", "Yuni", "Zahra",
)
BELAKANG_L = (
    "Firmansyah", "Gunawan", "Hakim", "Hidayat", "Kurniawan", "Nugroho", "Pratama", "Ramadhan",
    "Santoso", "Saputra", "Setiawan", "Syahputra", "Wibowo", "Fauzi", "Prasetyo",
)
BELAKANG_P = (
    "Anggraini", "Handayani", "Lestari", "Maharani", "Permatasari", "Purnamasari", "Rahayu",
    "Susanti", "Utami", "Wulandari", "Kusumawati", "Safitri", "Puspitasari", "Oktaviani",
)
BELAKANG_MARGA = (
    "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Manurung", "Tanjung", "Wijaya",
    "Sitompul", "Pangaribuan", "Tambunan", "Sinaga",
)
GELAR_D3 = ("A.Md.", "A.Md.Kom.", "A.Md.Ak.")
GELAR_S1 = ("S.Kom.", "S.E.", "S.H.", "S.Sos.", "S.I.Kom.", "S.T.", "S.Si.", "S.AP.", "S.Psi.", "S.Stat.")
GELAR_S2 = ("M.Si.", "M.M.", "M.T.", "M.H.", "M.A.P.", "M.Kom.", "M.Ec.Dev.", "M.P.P.")

GOLONGAN = (
    ("Juru Muda", "I/a"), ("Juru Muda Tk. I", "I/b"), ("Juru", "I/c"), ("Juru Tk. I", "I/d"),
    ("Pengatur Muda", "II/a"), ("Pengatur Muda Tk. I", "II/b"), ("Pengatur", "II/c"),
    ("Pengatur Tk. I", "II/d"), ("Penata Muda", "III/a"), ("Penata Muda Tk. I", "III/b"),
    ("Penata", "III/c"), ("Penata Tk. I", "III/d"), ("Pembina", "IV/a"), ("Pembina Tk. I", "IV/b"),
    ("Pembina Utama Muda", "IV/c"), ("Pembina Utama Madya", "IV/d"), ("Pembina Utama", "IV/e"),
)

# Per position (jenis_jabatan, or jenjang for functional staff):
# age range, minimum years of service, PNS golongan index range, PPPK golongan, education.
POSISI = {
    "jpt_madya": ((48, 58), 15, (15, 16), None, "s2"),
    "jpt_pratama": ((42, 56), 15, (14, 15), None, "s2"),
    "administrator": ((36, 55), 10, (12, 13), None, "s2"),
    "pengawas": ((30, 52), 6, (10, 12), None, "s1"),
    "pelaksana": ((21, 57), 1, (5, 9), ("V", "VII"), "d3"),
    "terampil": ((22, 50), 1, (5, 7), ("VII",), "d3"),
    "mahir": ((28, 55), 3, (8, 9), ("VIII",), "d3"),
    "penyelia": ((34, 58), 8, (10, 11), None, "d3"),
    "ahli_pertama": ((23, 45), 1, (8, 9), ("IX",), "s1"),
    "ahli_muda": ((30, 55), 4, (10, 11), ("X",), "s1"),
    "ahli_madya": ((38, 58), 10, (12, 14), None, "s2"),
    "ahli_utama": ((46, 60), 15, (15, 16), None, "s2"),
}
JENJANG = (  # (code, display name, weight)
    ("terampil", "Terampil", 15), ("mahir", "Mahir", 9), ("penyelia", "Penyelia", 5),
    ("ahli_pertama", "Ahli Pertama", 34), ("ahli_muda", "Ahli Muda", 26),
    ("ahli_madya", "Ahli Madya", 10), ("ahli_utama", "Ahli Utama", 1),
)
FUNGSIONAL_AHLI = (
    "Analis Sumber Daya Manusia Aparatur", "Perencana", "Pranata Komputer", "Analis Kebijakan",
    "Arsiparis", "Analis Anggaran", "Pranata Hubungan Masyarakat", "Statistisi",
    "Analis Pengelolaan Keuangan APBN",
)
FUNGSIONAL_TERAMPIL = (
    "Pranata Komputer", "Arsiparis", "Statistisi", "Pranata Keuangan APBN",
    "Pranata Sumber Daya Manusia Aparatur",
)
PELAKSANA = (
    "Penelaah Teknis Kebijakan", "Penata Layanan Operasional", "Pengolah Data dan Informasi",
    "Pengadministrasi Perkantoran", "Operator Layanan Operasional",
)
SUBBIDANG = (
    "Tata Usaha", "Program dan Evaluasi", "Administrasi Umum", "Data dan Informasi",
    "Perencanaan", "Pelaporan", "Layanan Teknis", "Pengendalian", "Sarana dan Prasarana",
    "Hubungan Antarlembaga",
)  # at least as many as in-unit administrators plus supervisors (see _anggota)
DITJEN = ("Pelayanan Publik", "Tata Kelola Pemerintahan", "Pembinaan Aparatur", "Transformasi Digital")
BIDANG = (  # (name, objects of work used in RHK and IKI texts)
    ("Kepegawaian", ("data kepegawaian", "usulan kenaikan pangkat", "layanan administrasi kepegawaian")),
    ("Keuangan", ("laporan keuangan", "dokumen pembayaran", "pengelolaan kas")),
    ("Perencanaan", ("rencana kerja", "dokumen perencanaan", "usulan program")),
    ("Hukum", ("rancangan peraturan", "telaahan hukum", "naskah perjanjian")),
    ("Hubungan Masyarakat", ("siaran pers", "konten publikasi", "layanan informasi publik")),
    ("Umum", ("pengadaan barang dan jasa", "pemeliharaan sarana kantor", "layanan persuratan")),
    ("Sistem Informasi", ("aplikasi layanan", "pusat data", "sistem keamanan informasi")),
    ("Pengembangan Kompetensi", ("pelatihan teknis", "kurikulum pelatihan", "asesmen kompetensi")),
    ("Evaluasi dan Pelaporan", ("laporan kinerja", "evaluasi program", "data capaian kinerja")),
    ("Standardisasi", ("standar layanan", "pedoman teknis", "norma dan prosedur")),
    ("Pengawasan", ("pemantauan pelaksanaan program", "rekomendasi perbaikan", "laporan pengawasan")),
    ("Kerja Sama", ("nota kesepahaman", "kerja sama antarlembaga", "forum koordinasi")),
    ("Pelayanan Publik", ("pengaduan masyarakat", "layanan terpadu", "survei kepuasan masyarakat")),
    ("Kebijakan", ("kajian kebijakan", "rekomendasi kebijakan", "naskah akademik")),
    ("Data dan Statistik", ("data statistik sektoral", "basis data sektoral", "publikasi statistik")),
    ("Organisasi dan Tata Laksana", ("peta proses bisnis", "analisis jabatan", "agenda reformasi birokrasi")),
    ("Barang Milik Negara", ("inventarisasi aset", "penatausahaan barang milik negara", "usulan penghapusan aset")),
    ("Pengadaan", ("paket pengadaan", "katalog elektronik", "dokumen pemilihan penyedia")),
)
OBJEK_UMUM = ("dukungan administrasi pimpinan", "koordinasi teknis", "dokumen pendukung kegiatan")
RHK_UTAMA = (
    "Terlaksananya {} yang tepat waktu dan akuntabel",
    "Tersedianya {} yang berkualitas",
    "Meningkatnya kualitas {}",
    "Terselesaikannya {} sesuai standar",
    "Terwujudnya {} yang efektif dan efisien",
)
RHK_TAMBAHAN = (
    "anggota Tim Reformasi Birokrasi", "sekretaris Tim Pembangunan Zona Integritas",
    "narasumber sosialisasi kebijakan", "anggota tim penyusun laporan tahunan",
    "pengelola laman unit kerja", "anggota panitia seleksi jabatan",
)
# IKI kinds: (kind, aspek, uraian template, satuan, arah)
IKI: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("jumlah", "kuantitas", "Jumlah {} yang diselesaikan", None, None),
    ("standar", "kualitas", "Persentase {} yang memenuhi standar mutu", "persen", None),
    ("tepat", "waktu", "Persentase {} yang diselesaikan tepat waktu", "persen", None),
    ("indeks", "kualitas", "Indeks kepuasan pengguna atas {}", "indeks (skala 5)", None),
    ("hari", "waktu", "Rata-rata waktu penyelesaian {}", "hari kerja", "turun"),
    ("anggaran", "biaya", "Persentase realisasi anggaran kegiatan {}", "persen", None),
)
IKI_TAMBAHAN = (IKI[0], IKI[2])
SATUAN_JUMLAH = ("dokumen", "laporan", "kegiatan", "berkas", "rekomendasi")
PERSPEKTIF = {
    "jumlah": "penguatan_internal", "standar": "proses_bisnis", "tepat": "proses_bisnis",
    "indeks": "penerima_layanan", "hari": "penerima_layanan", "anggaran": "anggaran",
}
EKSPEKTASI = {
    "berorientasi_pelayanan": ("Menanggapi permintaan layanan dalam satu hari kerja",
                               "Menindaklanjuti keluhan pengguna sampai tuntas"),
    "akuntabel": ("Menyampaikan laporan pertanggungjawaban tepat waktu",
                  "Mendokumentasikan setiap keputusan teknis"),
    "kompeten": ("Mengikuti minimal 20 jam pelajaran pengembangan kompetensi",
                 "Berbagi pengetahuan dalam forum internal unit"),
    "harmonis": ("Menjaga suasana kerja yang saling menghargai",),
    "loyal": ("Menjaga kerahasiaan data dan dokumen dinas",),
    "adaptif": ("Mengusulkan minimal satu perbaikan proses kerja",
                "Cepat menguasai aplikasi kerja yang baru"),
    "kolaboratif": ("Aktif berkoordinasi dengan unit terkait",
                    "Melibatkan pemangku kepentingan sejak perencanaan"),
}
PERILAKU_UMPAN_BALIK = {
    "berorientasi_pelayanan": ("Respons cepat terhadap permintaan layanan.",
                               "Pengguna layanan puas dengan solusi yang diberikan."),
    "akuntabel": ("Laporan disusun cermat dan tepat waktu.", "Pengelolaan barang milik negara tertib."),
    "kompeten": ("Aktif mengikuti pelatihan dan menerapkan hasilnya.", "Membantu rekan memahami prosedur baru."),
    "harmonis": ("Menjaga suasana kerja yang kondusif.", "Ringan tangan membantu rekan kerja."),
    "loyal": ("Menjaga kerahasiaan dokumen dengan baik.", "Menjaga nama baik unit dalam setiap kegiatan."),
    "adaptif": ("Cepat menyesuaikan diri dengan aplikasi baru.", "Proaktif mengusulkan perbaikan proses kerja."),
    "kolaboratif": ("Terbuka bekerja sama lintas tim.", "Melibatkan unit terkait sejak awal kegiatan."),
}
UMPAN_BALIK_RHK = {
    "atas": ("Realisasi melampaui target berkat koordinasi yang baik.",
             "Hasil kerja melebihi rencana dengan kualitas yang terjaga.",
             "Capaian di atas target; praktik kerjanya layak dibagikan ke tim."),
    "sesuai": ("Capaian sesuai rencana; pertahankan ketepatan waktu.",
               "Hasil kerja sesuai target dan bukti dukung lengkap.",
               "Pelaksanaan sesuai rencana; perlu sedikit perbaikan kelengkapan dokumen."),
    "bawah": ("Realisasi di bawah target; perlu pemantauan mingguan.",
              "Beberapa keluaran terlambat; susun rencana percepatan.",
              "Bukti dukung belum lengkap dan capaian belum sesuai rencana."),
}
CATATAN_REKOMENDASI = (
    "Ikutkan pelatihan teknis sesuai bidang tugas.",
    "Pertahankan kinerja dan tingkatkan kolaborasi lintas unit.",
    "Perlu pendampingan dalam penyusunan laporan.",
    "Dapat dipertimbangkan untuk pengembangan karier.",
    "Tingkatkan ketelitian dalam mengunggah bukti dukung.",
)
CATATAN_UMPAN_BALIK = {
    "umpan_balik": ("Progres pekerjaan sesuai rencana; pertahankan ketepatan waktu.",
                    "Kualitas dokumen sudah baik, lengkapi lampiran pendukung.",
                    "Koordinasi dengan unit terkait perlu ditingkatkan.",
                    "Laporan disampaikan tepat waktu dan rapi."),
    "dialog_kinerja": ("Membahas capaian triwulan berjalan dan kendala pelaksanaan.",
                       "Menyepakati prioritas pekerjaan untuk bulan berikutnya.",
                       "Meninjau bukti dukung dan rencana tindak lanjut."),
    "bimbingan": ("Pendampingan penyusunan dokumen teknis.",
                  "Bimbingan penggunaan aplikasi pelaporan kinerja."),
    "konseling": ("Membahas penyebab keterlambatan pekerjaan dan dukungan yang dibutuhkan.",
                  "Membahas kendala yang memengaruhi kinerja; disepakati rencana perbaikan."),
}
TINDAK_LANJUT = (
    "Jadwalkan pemantauan mingguan.", "Lengkapi bukti dukung sebelum akhir bulan.",
    "Ikuti pelatihan teknis yang relevan.", "Susun rencana perbaikan bersama atasan.",
)
DUKUNGAN = (
    "Akses sistem informasi kepegawaian", "Anggaran kegiatan sesuai DIPA",
    "Perangkat komputer dan jaringan internet", "Dukungan data dari unit terkait",
    "Pelatihan teknis yang relevan", "Ruang rapat dan sarana koordinasi",
)
SKEMA = (
    "Laporan triwulanan kepada atasan langsung", "Laporan bulanan melalui aplikasi e-Kinerja",
    "Paparan capaian dalam rapat pimpinan", "Laporan akhir tahun kepada pimpinan unit",
)
KONSEKUENSI = (
    "Predikat kinerja menjadi dasar pemberian tunjangan kinerja",
    "Predikat kinerja menjadi pertimbangan pengembangan karier",
    "Predikat di bawah ekspektasi ditindaklanjuti dengan bimbingan kinerja",
)
ALASAN_KEBERATAN = (
    "Realisasi beberapa indikator belum diperhitungkan karena bukti dukung terlambat diunggah.",
    "Penugasan tambahan sepanjang tahun belum menjadi pertimbangan penilaian.",
    "Kendala di luar kendali pegawai belum dipertimbangkan dalam penilaian.",
)
ALASAN_REVISI = (
    "Tugas tambahan dialihkan kepada pegawai lain sesuai keputusan pimpinan unit.",
    "Kegiatan tugas tambahan dihentikan karena refocusing anggaran.",
)
PENJELASAN_PENILAI = (
    "Penilaian didasarkan pada bukti dukung yang tersedia saat evaluasi.",
    "Penugasan tambahan sudah dipertimbangkan, namun target utama belum tercapai penuh.",
)


# ---------------------------------------------------------------- model of the tree

_Hasil = list[tuple[str, list[tuple[str, str, float]]]]  # [(rhk id, [(iki id, kind, target)])]


@dataclass
class _Pegawai:
    nip: str
    nama: str
    jenis_asn: str
    pangkat: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None
    unit_kerja: str
    penilai: _Pegawai | None
    kedalaman: int  # steps below the root unit's head; orders the SKP dates
    akun_git: str | None = None
    rhk_utama: list[str] = field(default_factory=list)

    @property
    def atasan(self) -> _Pegawai:
        """The penilai, which every employee in the tree has (only the outsider above the
        root head has none)."""
        assert self.penilai is not None, self.nip
        return self.penilai


@dataclass
class _Unit:
    kode: str
    nama: str
    induk: str
    atas: _Unit | None
    jenis_pimpinan: str
    jabatan_pimpinan: str
    kata_administrator: str  # "Bagian" or "Subdirektorat"
    kata_pengawas: str  # "Subbagian" or "Seksi"
    objek: tuple[str, ...]
    bobot: float
    pimpinan: _Pegawai | None = None


def tulis_sintetis(out: Path, pegawai: int, unit: int, seed: int = 1, tahun: int = 2025) -> int:
    """Write a synthetic records tree into `out` (the records directory); return the file count."""
    if unit < 1:
        raise GalatPemakaian("Jumlah unit minimal 1.")
    if pegawai < unit * 2:
        raise GalatPemakaian(f"Jumlah pegawai minimal dua kali jumlah unit ({unit * 2}).")
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise GalatPemakaian(f"Direktori tujuan {out} sudah ada dan tidak kosong.")
    return _Penulis(out, random.Random(seed), tahun).tulis(pegawai, unit)


# The string encoder behind json.dumps(s, ensure_ascii=False), without its per-call set-up:
# a JSON string is a valid YAML double-quoted scalar.
_q = json.encoder.encode_basestring


def _daftar(items) -> str:
    return "[" + ", ".join(_q(s) for s in items) + "]"


def _angka(x: float) -> str:
    if isinstance(x, int):
        return str(x)
    x = round(x, 2)
    return str(int(x)) if x == int(x) else repr(x)


class _Penulis:
    def __init__(self, out: Path, rng: random.Random, tahun: int):
        self.out = out
        self.rng = rng
        self.tahun = tahun
        self.jumlah_file = 0
        self.nomor_urut: dict[str, int] = {}  # NIP prefix -> last serial used
        self.akun: set[str] = set()
        self.tim: dict[str, list[tuple[str, str, date]]] = {}  # unit -> its team's (member, result, joined)

    # ------------------------------------------------------------ output

    def _tulis(self, rel: str, jenis: str, isi: list[str]) -> None:
        naik = "../" * rel.count("/")
        teks = f"# yaml-language-server: $schema={naik}../schemas/{jenis}.schema.json\n" + "\n".join(isi) + "\n"
        with open(os.path.join(self.out, rel), "wb") as f:
            f.write(teks.encode("utf-8"))
        self.jumlah_file += 1

    def tulis(self, jumlah_pegawai: int, jumlah_unit: int) -> int:
        units = self._susun_unit(jumlah_unit)
        ukuran = self._bagi(jumlah_pegawai, [u.bobot for u in units])
        luar = self._orang_luar(units[0])
        self.out.mkdir(parents=True, exist_ok=True)
        for u, n in zip(units, ukuran, strict=True):
            self._tulis_unit(u, n, luar)
        for u in units:
            self._tulis_tim(u)
        return self.jumlah_file

    # ------------------------------------------------------------ units

    def _susun_unit(self, n: int) -> list[_Unit]:
        """Root unit first; every other unit's parent comes before it."""
        rng = self.rng
        bidang = list(BIDANG)
        rng.shuffle(bidang)
        dipakai: dict[str, int] = {}  # unit name -> times used

        def ambil(awalan: str) -> tuple[str, tuple[str, ...]]:
            """The next field of work as a unit name; repeated names get a numeral."""
            nama, objek = bidang[sum(dipakai.values()) % len(bidang)]
            lengkap = f"{awalan} {nama}"
            dipakai[lengkap] = dipakai.get(lengkap, 0) + 1
            if dipakai[lengkap] > 1:
                lengkap += f" {_romawi(dipakai[lengkap])}"
            return lengkap, objek

        kode = iter(f"unit-{i:03d}" for i in range(1, n + 1))
        if n < 3:
            nama, objek = ambil("Biro")
            root = _Unit(next(kode), nama, "sekretariat-jenderal", None, "jpt_pratama",
                         "Kepala " + nama, "Bagian", "Subbagian", objek, 1.0)
            units = [root]
            for _ in range(n - 1):
                nama, objek = ambil("Bagian")
                units.append(_Unit(next(kode), nama, root.kode, root, "administrator",
                                   "Kepala " + nama, "Bagian", "Subbagian", objek, 1.0))
            return units
        ditjen = rng.choice(DITJEN)
        root = _Unit(next(kode), f"Direktorat Jenderal {ditjen}", "kementerian-contoh", None, "jpt_madya",
                     f"Direktur Jenderal {ditjen}", "Bagian", "Subbagian",
                     bidang[-1][1], 0.3 * rng.uniform(0.7, 1.3))
        sisa = n - 1
        k1 = min(sisa, max(2, round(math.sqrt(sisa))))
        anak_per_induk = [(sisa - k1) // k1 + (1 if i < (sisa - k1) % k1 else 0) for i in range(k1)]
        tingkat1: list[_Unit] = []
        for i in range(k1):
            punya_anak = anak_per_induk[i] > 0
            bobot = (0.5 if punya_anak else 1.0) * rng.uniform(0.6, 1.5)
            if i == 0:
                objek = bidang[-2][1]
                tingkat1.append(_Unit(next(kode), f"Sekretariat Direktorat Jenderal {ditjen}", root.kode, root,
                                      "jpt_pratama", f"Sekretaris Direktorat Jenderal {ditjen}",
                                      "Bagian", "Subbagian", objek, bobot))
            else:
                nama, objek = ambil("Direktorat")
                tingkat1.append(_Unit(next(kode), nama, root.kode, root, "jpt_pratama",
                                      "Direktur" + nama[len("Direktorat"):], "Subdirektorat", "Seksi", objek, bobot))
        units = [root, *tingkat1]
        for induk, jumlah in zip(tingkat1, anak_per_induk, strict=True):
            for _ in range(jumlah):
                nama, objek = ambil(induk.kata_administrator)
                units.append(_Unit(next(kode), nama, induk.kode, induk, "administrator", "Kepala " + nama,
                                   induk.kata_administrator, induk.kata_pengawas, objek, rng.uniform(0.6, 1.5)))
        return units

    @staticmethod
    def _bagi(total: int, bobot: list[float]) -> list[int]:
        """At least two employees per unit; the rest by weight (largest remainder)."""
        lebih = total - 2 * len(bobot)
        jumlah_bobot = sum(bobot)
        bagian = [lebih * b / jumlah_bobot for b in bobot]
        hasil = [2 + int(b) for b in bagian]
        urutan = sorted(range(len(bobot)), key=lambda i: (-(bagian[i] - int(bagian[i])), i))
        for i in urutan[: total - sum(hasil)]:
            hasil[i] += 1
        return hasil

    # ------------------------------------------------------------ people

    def _nip(self, posisi: str, pppk: bool) -> tuple[str, str]:
        """A plausible NIP (or NI PPPK) unique in the tree, and the sex digit."""
        rng = self.rng
        (umur_min, umur_maks), masa_min, _, _, _ = POSISI[posisi]
        tahun_lahir = self.tahun - rng.randint(umur_min, umur_maks)
        lahir = date(tahun_lahir, 1, 1) + timedelta(days=rng.randrange(365))
        jk = rng.choice("12")
        if pppk:
            tmt = rng.randint(min(max(2019, lahir.year + 20), self.tahun - 1), self.tahun - 1)
            tengah = f"{tmt}21"
        else:
            tmt = rng.randint(lahir.year + 20, min(lahir.year + 35, self.tahun - masa_min))
            tengah = f"{tmt}{rng.randint(1, 12):02d}"
        awalan = f"{lahir:%Y%m%d}{tengah}{jk}"
        urut = self.nomor_urut.get(awalan, 0) + 1
        self.nomor_urut[awalan] = urut
        return f"{awalan}{urut:03d}", jk

    def _nama(self, jk: str, pendidikan: str) -> tuple[str, str]:
        rng = self.rng
        depan = rng.choice(DEPAN_L if jk == "1" else DEPAN_P)
        r = rng.random()
        if r < 0.1:
            nama = depan
        else:
            pilihan = BELAKANG_MARGA if r < 0.3 else (BELAKANG_L if jk == "1" else BELAKANG_P)
            nama = f"{depan} {rng.choice(pilihan)}"
        r = rng.random()
        if pendidikan == "d3":
            gelar = [rng.choice(GELAR_D3)] if r < 0.6 else [rng.choice(GELAR_S1)] if r < 0.85 else []
        elif pendidikan == "s1":
            gelar = [rng.choice(GELAR_S1)] + ([rng.choice(GELAR_S2)] if r < 0.3 else [])
        else:
            gelar = [rng.choice(GELAR_S1), rng.choice(GELAR_S2)]
        lengkap = ", ".join([("Dr. " if pendidikan == "s2" and r < 0.2 else "") + nama, *gelar])
        return lengkap, nama

    def _orang(self, posisi: str, jenis_jabatan: str, jabatan: str, unit_kerja: str,
               penilai: _Pegawai | None, pppk: bool = False, jenjang: str | None = None) -> _Pegawai:
        rng = self.rng
        _, _, (g_min, g_maks), gol_pppk, pendidikan = POSISI[posisi]
        nip, jk = self._nip(posisi, pppk)
        nama, nama_pendek = self._nama(jk, pendidikan)
        if pppk:
            assert gol_pppk is not None, posisi  # a position open to PPPK lists its golongan
            pangkat = rng.choice(gol_pppk)
        else:
            p, g = GOLONGAN[rng.randint(g_min, g_maks)]
            pangkat = f"{p} ({g})"
        kedalaman = penilai.kedalaman + 1 if penilai else -1
        orang = _Pegawai(nip, nama, "pppk" if pppk else "pns", pangkat, jabatan, jenis_jabatan, jenjang,
                         unit_kerja, penilai, kedalaman)
        if rng.random() < (0.7 if jenis_jabatan in ("jpt_madya", "jpt_pratama", "administrator") else 0.4):
            bagian = nama_pendek.lower().split()
            akun = bagian[0] + (bagian[1][0] if len(bagian) > 1 else "")
            calon, i = akun, 1
            while calon in self.akun:
                i += 1
                calon = f"{akun}{i}"
            self.akun.add(calon)
            orang.akun_git = calon
        return orang

    def _orang_luar(self, root: _Unit) -> _Pegawai:
        """The root head's appraiser, outside the tree (no records of their own)."""
        if root.jenis_pimpinan == "jpt_madya":
            return self._orang("jpt_madya", "jpt_madya", "Wakil Menteri", INSTANSI, None)
        return self._orang("jpt_madya", "jpt_madya", "Sekretaris Jenderal", "Sekretariat Jenderal", None)

    def _anggota(self, u: _Unit, n: int, luar: _Pegawai) -> list[_Pegawai]:
        """The unit's people, superiors before their staff."""
        rng = self.rng
        kepala = self._orang(u.jenis_pimpinan, u.jenis_pimpinan, u.jabatan_pimpinan, u.nama,
                             u.atas.pimpinan if u.atas else luar)
        u.pimpinan = kepala
        sisa = n - 1
        jpt = u.jenis_pimpinan.startswith("jpt")
        n_adm = min(3, sisa // 20) if jpt else 0
        n_peng = min(6 if jpt else 4, sisa // 10 if jpt else sisa // 8)
        subbidang = list(SUBBIDANG)
        rng.shuffle(subbidang)
        administrator = [
            self._orang("administrator", "administrator", f"Kepala {u.kata_administrator} {subbidang[i]}",
                        u.nama, kepala)
            for i in range(n_adm)
        ]
        pengawas = [
            self._orang("pengawas", "pengawas", f"Kepala {u.kata_pengawas} {subbidang[n_adm + i]}", u.nama,
                        administrator[i % n_adm] if administrator else kepala)
            for i in range(n_peng)
        ]
        atasan_staf = pengawas or administrator or [kepala]
        kode_jenjang = [j[0] for j in JENJANG]
        bobot_jenjang = [j[2] for j in JENJANG]
        nama_jenjang = {j[0]: j[1] for j in JENJANG}
        staf = []
        for _ in range(sisa - n_adm - n_peng):
            pppk = rng.random() < 0.17
            if rng.random() < 0.6:
                jenjang = rng.choices(kode_jenjang, bobot_jenjang)[0]
                if pppk and POSISI[jenjang][3] is None:
                    jenjang = "ahli_pertama"
                keluarga = FUNGSIONAL_AHLI if jenjang.startswith("ahli") else FUNGSIONAL_TERAMPIL
                penilai = kepala if jenjang in ("ahli_madya", "ahli_utama") else rng.choice(atasan_staf)
                staf.append(self._orang(jenjang, "fungsional", f"{rng.choice(keluarga)} {nama_jenjang[jenjang]}",
                                        u.nama, penilai, pppk, jenjang))
            else:
                staf.append(self._orang("pelaksana", "pelaksana", rng.choice(PELAKSANA), u.nama,
                                        rng.choice(atasan_staf), pppk))
        return [kepala, *administrator, *pengawas, *staf]

    # ------------------------------------------------------------ unit files

    def _tulis_unit(self, u: _Unit, n: int, luar: _Pegawai) -> None:
        rng = self.rng
        anggota = self._anggota(u, n, luar)
        kepala = anggota[0]
        os.makedirs(os.path.join(self.out, u.kode, "organisasi"))
        os.mkdir(os.path.join(self.out, u.kode, "pegawai"))
        self._tulis(f"{u.kode}/unit.yaml", "unit", [
            f"kode: {u.kode}",
            f"nama: {_q(u.nama)}",
            f"instansi: {_q(INSTANSI)}",
            f"induk: {u.induk}",
            *self._pimpinan(anggota),
            "evaluasi_periodik: triwulanan",
            f"admin: {_daftar([f'kepegawaian-{u.kode}'])}",
        ])
        # Each period: the organisation rating a few days before the unit's evaluations.
        dasar: dict[str, date] = {}
        predikat: dict[str, str] = {}
        isi = [f"tahun: {self.tahun}", "penetapan:"]
        for periode in PERIODE:
            tambah_tahun, bulan = BULAN_EVALUASI[periode]
            dasar[periode] = date(self.tahun + tambah_tahun, bulan, rng.randint(8, 14))
            predikat[periode] = "istimewa" if rng.random() < 0.2 else "baik"
            isi += [
                f"  - periode: {periode}",
                f"    predikat: {predikat[periode]}",
                f"    ditetapkan_oleh: {_q(kepala.atasan.nip)}",
                f"    tanggal: {dasar[periode] - timedelta(days=rng.randint(2, 5))}",
            ]
        self._tulis(f"{u.kode}/organisasi/{self.tahun}.yaml", "organisasi", isi)
        for p in anggota:
            self._tulis_pegawai(u, p, p is kepala, dasar, predikat)

    def _pimpinan(self, anggota: list[_Pegawai]) -> list[str]:
        """unit.yaml's head: a quoted NIP, or now and then a list of terms in which the head took
        office on 1 January after the first official below them acted as plt for a quarter."""
        kepala = anggota[0]
        plt = next((p for p in anggota[1:] if p.jenis_jabatan in ("administrator", "pengawas")), None)
        if plt is None or self.rng.random() >= 0.2:
            return [f"pimpinan: {_q(kepala.nip)}"]
        t = self.tahun
        return [
            "pimpinan:",
            f"  - {{nip: {_q(plt.nip)}, mulai: {t - 1}-10-01, selesai: {t - 1}-12-31, sebagai: plt}}",
            f"  - {{nip: {_q(kepala.nip)}, mulai: {t}-01-01}}",
        ]

    # ------------------------------------------------------------ employee files

    def _masa_status(self, p: _Pegawai, kepala: bool) -> tuple[str, date, date, str] | None:
        """Now and then a staff member away for a while: (jenis, mulai, selesai, the evaluation
        period wholly inside it, which is then owed no evaluation)."""
        rng = self.rng
        if kepala or p.jenis_jabatan not in ("fungsional", "pelaksana") or rng.random() >= 0.05:
            return None
        t = self.tahun
        if p.nip[14] == "2" and (p.jenis_asn == "pppk" or rng.random() < 0.6):
            return "cuti_melahirkan", date(t, 4, 1), date(t, 6, 30), "tw2"
        if p.jenis_asn == "pppk":
            return None
        return "tugas_belajar", date(t, 10, 1), date(t + 1, 9, 30), "tw4"

    def _tulis_profil(self, folder: str, p: _Pegawai, masa: tuple[str, date, date, str] | None) -> None:
        profil = [
            f"nip: {_q(p.nip)}",
            f"nama: {_q(p.nama)}",
            f"jenis_asn: {p.jenis_asn}",
            f"pangkat_golongan: {_q(p.pangkat)}",
            f"jabatan: {_q(p.jabatan)}",
            f"jenis_jabatan: {p.jenis_jabatan}",
        ]
        if p.jenjang:
            profil.append(f"jenjang: {p.jenjang}")
        profil.append(f"penilai: {_q(p.atasan.nip)}")
        if p.akun_git:
            profil.append(f"akun_git: {_q(p.akun_git)}")
        if masa:
            profil += ["status:", f"  - {{jenis: {masa[0]}, mulai: {masa[1]}, selesai: {masa[2]}}}"]
        if p.jenjang and p.jenis_asn == "pns" and self.rng.random() < 0.3:
            nilai = self.rng.randint(0, 80) / 2
            profil.append(f"angka_kredit_awal: {{nilai: {_angka(nilai)}, per: {self.tahun - 1}-12-31, "
                          f"jenjang: {p.jenjang}}}")
        self._tulis(f"{folder}/profil.yaml", "profil", profil)

    def _penilai_pengganti(self, u: _Unit, p: _Pegawai, kepala: bool) -> _Pegawai | None:
        """Now and then the appraiser moved mid-year and their own superior in the unit gave the
        evaluations from TW III on (the evaluation then names its penilai)."""
        if kepala or p.atasan is u.pimpinan or self.rng.random() >= 0.03:
            return None
        return p.atasan.atasan

    def _tulis_pegawai(self, u: _Unit, p: _Pegawai, kepala: bool, dasar: dict[str, date],
                       predikat_org: dict[str, str]) -> None:
        rng = self.rng
        t = self.tahun
        folder = f"{u.kode}/pegawai/{p.nip}"
        skp = f"{folder}/{t}"
        os.makedirs(os.path.join(self.out, skp, "evaluasi"))
        os.mkdir(os.path.join(self.out, skp, "umpan-balik"))
        masa = self._masa_status(p, kepala)
        self._tulis_profil(folder, p, masa)
        pengganti = self._penilai_pengganti(u, p, kepala)

        rhk, dicabut = self._tulis_skp(skp, u, p)

        # Ratings: a steady tendency per employee, with some variation per period.
        r = rng.random()
        kecenderungan = "atas" if r < 0.2 else "sesuai" if r < 0.92 else "bawah"
        penilai_akhir = pengganti or p.atasan
        atasan_penilai = penilai_akhir.penilai
        keberatan = (not kepala and atasan_penilai is not None and atasan_penilai.kedalaman >= 0
                     and rng.random() < 0.02)
        for periode in PERIODE:
            if masa and masa[3] == periode:
                continue  # away for the whole period: no evaluation owed
            if kepala:
                tingkat = "atas" if predikat_org[periode] == "istimewa" else "sesuai"
            elif periode == "tahunan":
                tingkat = "sesuai" if keberatan and kecenderungan == "atas" else kecenderungan
            elif rng.random() < 0.75:
                tingkat = kecenderungan
            else:
                tingkat = rng.choices(("atas", "sesuai", "bawah"), (2, 7, 1))[0]
            perilaku = rng.choices(("atas", "sesuai", "bawah"), (25, 70, 5))[0]
            tanggal = dasar[periode] + timedelta(days=rng.randint(0, 8))
            berlaku = [r for r in rhk if r[0] != dicabut or periode in ("tw1", "tw2", "tahunan")]
            oleh = pengganti if periode in ("tw3", "tw4", "tahunan") else None
            self._tulis_evaluasi(skp, p, periode, tanggal, berlaku, (tingkat, perilaku), kepala, oleh)
        # The loop ends with the annual evaluation, the one objected to.
        self._tulis_umpan_balik(skp, p, rhk, masa)
        if keberatan:
            self._tulis_keberatan(skp, penilai_akhir.atasan, tanggal, tingkat, perilaku)

    def _tulis_skp(self, skp: str, u: _Unit, p: _Pegawai) -> tuple[_Hasil, str | None]:
        """Write skp.yaml; return ([(rhk id, [(iki id, kind, target)])], the id of an additional
        RHK dropped by a mid-year revision, if any)."""
        rng = self.rng
        t = self.tahun
        ditetapkan = date(t, 1, min(28, 2 + 3 * p.kedalaman + rng.randint(0, 2)))
        n_utama = rng.randint(2, 3)
        n_rhk = n_utama + (1 if rng.random() < 0.5 else 0)
        objek = rng.sample(list(u.objek) + list(OBJEK_UMUM), n_utama)
        dicabut = f"rhk-{n_rhk}" if n_rhk > n_utama and rng.random() < 0.1 else None
        isi = [
            f"tahun: {t}",
            f"periode: {{mulai: {t}-01-01, selesai: {t}-12-31}}",
            "pendekatan: kuantitatif",
            "pegawai:",
            *_identitas(p),
            "penilai:",
            *_identitas(p.atasan),
            "status: ditetapkan",
            f"ditetapkan: {ditetapkan}",
        ]
        if dicabut:
            isi += ["revisi:", f"  - tanggal: {t}-07-01", f"    alasan: {_q(rng.choice(ALASAN_REVISI))}",
                    f"    disetujui_oleh: {_q(p.atasan.nip)}"]
        isi.append("hasil_kerja:")
        hasil: _Hasil = []
        for i in range(n_rhk):
            rid = f"rhk-{i + 1}"
            sampai = date(t, 6, 30) if rid == dicabut else None
            hasil.append((rid, self._rhk(isi, u, p, rid, objek[i] if i < n_utama else None,
                                         sum(len(x[1]) for x in hasil), sampai)))
        isi += self._perilaku_dan_lampiran()
        self._tulis(f"{skp}/skp.yaml", "skp", isi)
        return hasil, dicabut

    def _rhk(self, isi: list[str], u: _Unit, p: _Pegawai, rid: str, objek: str | None, n_iki: int,
             sampai: date | None) -> list[tuple[str, str, float]]:
        """Append one RHK (a main one about objek, or an additional one when objek is None) to
        isi; return its [(iki id, kind, target)]."""
        rng = self.rng
        jpt = p.jenis_jabatan.startswith("jpt")
        isi += [f"  - id: {rid}", f"    jenis: {'utama' if objek else 'tambahan'}"]
        if objek:
            if not jpt:
                isi.append(f"    intervensi: {_q(p.atasan.nip + '/' + rng.choice(p.atasan.rhk_utama))}")
            isi.append(f"    uraian: {_q(rng.choice(RHK_UTAMA).format(objek))}")
            p.rhk_utama.append(rid)
        else:
            uraian = "Terlaksananya tugas tambahan sebagai " + rng.choice(RHK_TAMBAHAN)
            isi.append(f"    uraian: {_q(uraian)}")
            if jpt:
                isi.append(f"    penugasan_dari: {_q('Menteri')}")
            elif rng.random() < 0.4:
                isi.append(f"    penugasan_dari: {_q(self._tugaskan(u, p, uraian))}")
        if sampai:
            isi.append(f"    berlaku_sampai: {sampai}")
        isi.append("    indikator:")
        return self._indikator(isi, IKI if objek else IKI_TAMBAHAN, objek or "tugas tambahan", jpt, n_iki)

    def _tugaskan(self, u: _Unit, p: _Pegawai, uraian: str) -> str:
        """Make p a member of the team of u's parent unit (u's own at the root, so teams span a
        unit and its children), carrying a new team result; return how the RHK cites it."""
        induk = u.atas or u
        anggota = self.tim.setdefault(induk.kode, [])
        bulan = 2 if self.rng.random() < 0.8 else self.rng.randint(3, 9)  # some join mid-year
        anggota.append((p.nip, uraian, date(self.tahun, bulan, 1)))
        return f"tim:{induk.kode}/tim-kerja/hasil-{len(anggota)}"

    def _tulis_tim(self, u: _Unit) -> None:
        """The team led by u's head whose results _tugaskan handed out, if any."""
        anggota = self.tim.get(u.kode)
        if not anggota or u.pimpinan is None:
            return
        os.mkdir(os.path.join(self.out, u.kode, "tim"))
        self._tulis(f"{u.kode}/tim/tim-kerja.yaml", "tim", [
            "kode: tim-kerja",
            f"nama: {_q('Tim Kerja Lintas Fungsi ' + u.nama)}",
            f"periode: {{mulai: {self.tahun}-02-01, selesai: {self.tahun}-12-31}}",
            f"ketua: {_q(u.pimpinan.nip)}",
            "hasil:",
            *(f"  - {{id: hasil-{i}, uraian: {_q(uraian)}}}" for i, (_, uraian, _) in enumerate(anggota, 1)),
            "anggota:",
            *(f"  - {{nip: {_q(nip)}, mulai: {mulai}}}" for nip, _, mulai in anggota),
        ])

    def _indikator(self, isi: list[str], pilihan: tuple, obj: str, jpt: bool,
                   n_iki: int) -> list[tuple[str, str, float]]:
        """Append one RHK's indicators (numbered after the n_iki before them) to isi; return
        [(iki id, kind, target)]."""
        rng = self.rng
        indikator = []
        for jenis_iki, aspek, uraian, satuan, arah in rng.sample(pilihan, rng.randint(1, min(3, len(pilihan)))):
            n_iki += 1
            iid = f"iki-{n_iki}"
            target, teks_target = self._target(jenis_iki, satuan, jpt)
            isi += [
                f"      - id: {iid}",
                f"        aspek: {aspek}",
                f"        uraian: {_q(uraian.format(obj))}",
                f"        target: {teks_target}",
            ]
            if arah:
                isi.append(f"        arah: {arah}")
            if jpt:
                isi.append(f"        perspektif: {PERSPEKTIF[jenis_iki]}")
            indikator.append((iid, jenis_iki, target))
        return indikator

    def _perilaku_dan_lampiran(self) -> list[str]:
        """The lines of an SKP's perilaku_kerja and lampiran."""
        rng = self.rng
        isi = ["perilaku_kerja:"]
        for nilai in NILAI_BERAKHLAK:
            if rng.random() < 0.35:
                isi.append(f"  {nilai}: {{ekspektasi: {_q(rng.choice(EKSPEKTASI[nilai]))}}}")
            else:
                isi.append(f"  {nilai}: {{}}")
        return isi + [
            "lampiran:",
            f"  dukungan_sumber_daya: {_daftar(rng.sample(DUKUNGAN, rng.randint(1, 3)))}",
            f"  skema_pertanggungjawaban: {_daftar(rng.sample(SKEMA, rng.randint(1, 2)))}",
            f"  konsekuensi: {_daftar(rng.sample(KONSEKUENSI, rng.randint(1, 2)))}",
        ]

    def _target(self, jenis: str, satuan: str | None, jpt: bool) -> tuple[float, str]:
        rng = self.rng
        if jenis == "jumlah":
            jumlah = rng.randint(4, 40) if jpt else rng.randint(2, 24)
            return jumlah, f"{{nilai: {jumlah}, satuan: {_q(rng.choice(SATUAN_JUMLAH))}}}"
        assert satuan is not None, jenis  # only "jumlah" has no fixed unit
        if jenis in ("standar", "tepat") and rng.random() < 0.1:
            return 90, f"{{min: 90, maks: 100, satuan: {_q(satuan)}}}"
        nilai = {
            "standar": lambda: rng.choice((85, 90, 95, 100)),
            "tepat": lambda: rng.choice((85, 90, 95, 100)),
            "indeks": lambda: rng.choice((3.5, 3.75, 4, 4.25)),
            "hari": lambda: rng.randint(3, 14),
            "anggaran": lambda: rng.choice((90, 95, 98)),
        }[jenis]()
        return nilai, f"{{nilai: {_angka(nilai)}, satuan: {_q(satuan)}}}"

    def _realisasi(self, jenis: str, target: float, periode: str, tingkat: str) -> str:
        lo, hi = {"atas": (1.05, 1.2), "sesuai": (0.95, 1.05), "bawah": (0.7, 0.9)}[tingkat]
        f = self.rng.uniform(lo, hi)
        porsi = 1.0 if periode in ("tahunan", "tw4") else int(periode[2]) / 4
        if jenis == "jumlah":
            return str(max(0, round(target * porsi * f)))
        if jenis == "anggaran":
            return _angka(round(min(100.0, target * porsi * f), 1))
        if jenis == "indeks":
            return _angka(round(min(5.0, target * f), 2))
        if jenis == "hari":
            return _angka(round(target / f, 1))
        return _angka(round(min(100.0, target * f), 1))

    def _tulis_evaluasi(self, skp: str, p: _Pegawai, periode: str, tanggal: date, rhk,
                        rating: tuple[str, str], kepala: bool, penilai: _Pegawai | None) -> None:
        """One evaluation; rating is (results tendency, behaviour tendency); penilai only when
        someone other than the SKP's appraiser gave it."""
        rng = self.rng
        tingkat, perilaku = rating
        isi = [f"periode: {periode}", f"tanggal: {tanggal}", "status: final"]
        if penilai is not None:
            isi.append(f"penilai: {_q(penilai.nip)}")
        isi.append("hasil_kerja:")
        for rid, indikator in rhk:
            isi += [f"  - rhk: {rid}", "    realisasi:"]
            for iid, jenis, target in indikator:
                bukti = [f"https://drive.example.go.id/berkas/{p.nip}/{self.tahun}/{periode}-{iid}"]
                if rng.random() < 0.3:
                    bukti.append(bukti[0] + "-lampiran")
                isi += [
                    f"      - indikator: {iid}",
                    f"        nilai: {self._realisasi(jenis, target, periode, tingkat)}",
                    f"        bukti: {_daftar(bukti)}",
                ]
            isi.append(f"    umpan_balik: {_q(rng.choice(UMPAN_BALIK_RHK[tingkat]))}")
        if not kepala:
            isi.append(f"rating_hasil_kerja: {RATING[tingkat]}")
        isi.append("perilaku_kerja:")
        for nilai in sorted(rng.sample(NILAI_BERAKHLAK, rng.randint(2, 4)), key=NILAI_BERAKHLAK.index):
            isi.append(f"  {nilai}: {{umpan_balik: {_q(rng.choice(PERILAKU_UMPAN_BALIK[nilai]))}}}")
        isi.append(f"rating_perilaku_kerja: {RATING[perilaku]}")
        if periode == "tahunan" or rng.random() < 0.3:
            isi.append(f"catatan_rekomendasi: {_q(rng.choice(CATATAN_REKOMENDASI))}")
        self._tulis(f"{skp}/evaluasi/{periode}.yaml", "evaluasi", isi)

    def _tulis_umpan_balik(self, skp: str, p: _Pegawai, rhk, masa: tuple[str, date, date, str] | None) -> None:
        rng = self.rng
        awal = date(self.tahun, 2, 1).toordinal()
        akhir = date(self.tahun, 12, 31).toordinal()
        for hari in sorted(rng.sample(range(awal, akhir + 1), rng.randint(2, 5))):
            tanggal = date.fromordinal(hari)
            if masa and masa[1] <= tanggal <= masa[2]:
                continue  # no feedback while away
            jenis = rng.choices(("umpan_balik", "dialog_kinerja", "bimbingan", "konseling"), (45, 40, 10, 5))[0]
            isi = [f"tanggal: {tanggal}", f"dari: {_q(p.atasan.nip)}", f"jenis: {jenis}"]
            r = rng.random()
            if r < 0.5:
                isi.append(f"tentang: {{rhk: {rng.choice(rhk)[0]}}}")
            elif r < 0.8:
                isi.append(f"tentang: {{perilaku: {rng.choice(NILAI_BERAKHLAK)}}}")
            isi.append(f"catatan: {_q(rng.choice(CATATAN_UMPAN_BALIK[jenis]))}")
            if rng.random() < 0.5:
                isi.append(f"tindak_lanjut: {_q(rng.choice(TINDAK_LANJUT))}")
            isi.append(f"rahasia: {'true' if jenis == 'konseling' else 'false'}")
            nama = f"{tanggal}" if jenis == "umpan_balik" else f"{tanggal}-{jenis.replace('_', '-')}"
            self._tulis(f"{skp}/umpan-balik/{nama}.yaml", "umpan-balik", isi)

    def _tulis_keberatan(self, skp: str, pemutus: _Pegawai, tanggal_evaluasi: date, tingkat: str,
                         perilaku: str) -> None:
        rng = self.rng
        os.mkdir(os.path.join(self.out, skp, "keberatan"))
        diajukan = tanggal_evaluasi + timedelta(days=rng.randint(1, 14))
        diterima = rng.random() < 0.5
        hasil = RATING_NAIK[tingkat] if diterima else tingkat
        catatan = ("Bukti dukung tambahan dapat diterima; rating hasil kerja disesuaikan." if diterima
                   else "Penilaian pejabat penilai telah sesuai dengan bukti dukung; rating tetap.")
        self._tulis(f"{skp}/keberatan/tahunan.yaml", "keberatan", [
            "evaluasi: tahunan",
            f"diajukan: {diajukan}",
            f"alasan: {_q(rng.choice(ALASAN_KEBERATAN))}",
            f"penjelasan_penilai: {_q(rng.choice(PENJELASAN_PENILAI))}",
            "keputusan:",
            f"  oleh: {_q(pemutus.nip)}",
            f"  tanggal: {diajukan + timedelta(days=rng.randint(5, 20))}",
            f"  rating_hasil_kerja: {RATING[hasil]}",
            f"  rating_perilaku_kerja: {RATING[perilaku]}",
            f"  catatan: {_q(catatan)}",
        ])


def _identitas(p: _Pegawai) -> list[str]:
    baris = [
        f"  nip: {_q(p.nip)}",
        f"  nama: {_q(p.nama)}",
        f"  pangkat_golongan: {_q(p.pangkat)}",
        f"  jabatan: {_q(p.jabatan)}",
        f"  unit_kerja: {_q(p.unit_kerja)}",
    ]
    if p.jenjang:
        baris.append(f"  jenjang: {p.jenjang}")
    return baris


def _romawi(n: int) -> str:
    angka = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    hasil = ""
    for nilai, huruf in angka:
        while n >= nilai:
            hasil += huruf
            n -= nilai
    return hasil
