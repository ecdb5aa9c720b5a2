"""The corpus of broken records: one defect per case, each a small edit of the valid tree.

Each case proves the complete report of `kinerja validate --format json` on the edited tree:
every diagnostic's file, line, column, code and severity, in order, with a key part of its
Indonesian message (and of its hint where the hint is the point). So a case also proves that
the defect causes nothing else. The last test checks that the corpus covers every code the
loader, the schema layer, the tree walk and the cross-record checks can emit.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import NIP_KEPALA as B
from conftest import NIP_SEKJEN as A
from conftest import NIP_STAF as D
from conftest import SAH, ganti

X = "196805121990031001"  # the penilai of the head of sekretariat, outside the repository

UNIT_S = "sekretariat/unit.yaml"
UNIT_B = "biro-sdm/unit.yaml"
ORG = "biro-sdm/organisasi/2026.yaml"
PROFIL_D = f"biro-sdm/pegawai/{D}/profil.yaml"
SKP_B = f"biro-sdm/pegawai/{B}/2026/skp.yaml"
SKP_D = f"biro-sdm/pegawai/{D}/2026/skp.yaml"
FOLDER_D = f"biro-sdm/pegawai/{D}/2026"
EVAL = f"{FOLDER_D}/evaluasi/tw1.yaml"
UB = f"{FOLDER_D}/umpan-balik/2026-02-14-modul-cuti.yaml"
KEBERATAN = f"{FOLDER_D}/keberatan/tw1.yaml"
REVISI_OLEH = 'revisi:\n  - {{tanggal: 2026-03-01, alasan: Perubahan prioritas., disetujui_oleh: "{nip}"}}\n'


def masa_pimpinan(selesai_1: str, mulai_2: str) -> str:
    """Three definitive terms of the head of biro-sdm (the first two as given)."""
    return (f'pimpinan:\n  - {{nip: "{X}", mulai: 2019-01-01, selesai: {selesai_1}}}\n'
            f'  - {{nip: "{A}", mulai: {mulai_2}, selesai: 2023-12-31}}\n'
            f'  - {{nip: "{B}", mulai: 2024-01-01}}')


KALIBRASI = "    kalibrasi: Unit hanya berisi satu pegawai yang dinilai; kurva tidak dapat dipenuhi.\n"

Ubah = Callable[[Path], None]  # an edit of the records folder


# --- edits -------------------------------------------------------------------------------------

def ganti_di(rel: str, lama: str, baru: str) -> Ubah:
    return lambda records: ganti(records / rel, lama, baru)


def tulis(rel: str, isi: str | bytes) -> Ubah:
    def run(records: Path):
        path = records / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(isi if isinstance(isi, bytes) else isi.encode("utf-8"))
    return run


def ubah_bita(rel: str, fungsi: Callable[[bytes], bytes]) -> Ubah:
    def run(records: Path):
        path = records / rel
        path.write_bytes(fungsi(path.read_bytes()))
    return run


def salin(asal: str, tujuan: str, *pasangan: tuple[str, str]) -> Ubah:
    """Write a copy of a record elsewhere, with text replacements (each must occur once)."""
    def run(records: Path):
        text = (records / asal).read_text(encoding="utf-8")
        for lama, baru in pasangan:
            assert text.count(lama) == 1, lama
            text = text.replace(lama, baru)
        tulis(tujuan, text)(records)
    return run


def hapus(rel: str) -> Ubah:
    return lambda records: (records / rel).unlink()


def tautan(rel: str, sasaran: Callable[[Path], Path]) -> Ubah:
    """A symbolic link at rel pointing to sasaran(records) (which need not exist)."""
    def run(records: Path):
        path = records / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(sasaran(records), path)
    return run


def fifo(rel: str) -> Ubah:
    """A named pipe at rel: reading it would wait forever."""
    return lambda records: os.mkfifo(records / rel)


def folder_dalam(rel: str, kedalaman: int) -> Ubah:
    """A chain of kedalaman folders named x below rel (kept shallow enough for shutil.rmtree)."""
    return lambda records: (records / rel).joinpath(*["x"] * kedalaman).mkdir(parents=True)


def di_luar(records: Path) -> Path:
    """A valid-looking record outside records/."""
    luar = records.parent / "luar" / "2027.yaml"
    luar.parent.mkdir(exist_ok=True)
    luar.write_text((records / ORG).read_text(encoding="utf-8"), encoding="utf-8")
    return luar


# --- cases -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Diag:
    file: str  # relative to records/
    line: int
    column: int
    code: str
    severity: str
    pesan: str  # a part of the message
    saran: str | None = None  # a part of the hint


def galat(file, line, column, code, pesan, saran=None) -> Diag:
    return Diag(file, line, column, code, "error", pesan, saran)


def peringatan(file, line, column, code, pesan, saran=None) -> Diag:
    return Diag(file, line, column, code, "warning", pesan, saran)


@dataclass(frozen=True)
class Kasus:
    id: str
    ubah: tuple[Ubah, ...]
    diharapkan: tuple[Diag, ...]


def kasus(id_: str, ubah: Ubah | tuple[Ubah, ...], *diharapkan: Diag) -> Kasus:
    return Kasus(id_, ubah if isinstance(ubah, tuple) else (ubah,), diharapkan)


# A head's evaluation (rating_hasil_kerja may come from the organisation rating).
def evaluasi_kepala(periode: str, tanggal: str, rating_hasil: str | None = None) -> str:
    rating = f"rating_hasil_kerja: {rating_hasil}\n" if rating_hasil else ""
    return (f"periode: {periode}\ntanggal: {tanggal}\nstatus: final\nhasil_kerja:\n  - rhk: rhk-1\n"
            f"    realisasi:\n      - indikator: iki-1\n        nilai: 86\n{rating}"
            "rating_perilaku_kerja: sesuai_ekspektasi\n")


def keberatan(diajukan: str = "2026-04-10", evaluasi: str = "tw1", *, oleh: str | None = None,
              tanggal: str = "2026-04-20") -> str:
    text = f"evaluasi: {evaluasi}\ndiajukan: {diajukan}\nalasan: Realisasi modul keempat belum diperhitungkan.\n"
    if oleh:
        text += (f'keputusan:\n  oleh: "{oleh}"\n  tanggal: {tanggal}\n  rating_hasil_kerja: di_atas_ekspektasi\n'
                 "  rating_perilaku_kerja: sesuai_ekspektasi\n  catatan: Keberatan diterima.\n")
    return text


EVALUASI_TAHUNAN = """periode: tahunan
tanggal: 2027-01-10
status: final
hasil_kerja:
  - rhk: rhk-1
    realisasi:
      - indikator: iki-1
        nilai: {nilai_1}
  - rhk: rhk-2
    realisasi:
      - indikator: iki-2
        nilai: {nilai_2}
rating_hasil_kerja: {rating}
rating_perilaku_kerja: sesuai_ekspektasi
"""

RHK_KEPALA_KEDUA = """  - id: {rhk}
    jenis: tambahan
    uraian: Terlaksananya survei kepuasan pegawai
    indikator:
      - id: {iki}
        aspek: kuantitas
        uraian: Jumlah survei yang dilaksanakan
        target: {{nilai: 1, satuan: survei}}
        perspektif: proses_bisnis
perilaku_kerja:"""

PENETAPAN_KEDUA = KALIBRASI + """  - periode: {periode}
    predikat: istimewa
    ditetapkan_oleh: "197502102000031001"
    tanggal: {tanggal}
""" + KALIBRASI

SKP_DRAFT_D = ganti_di(SKP_D, "status: ditetapkan\nditetapkan: 2026-01-20\n", "status: draft\n")
SKP_DRAFT_B = ganti_di(SKP_B, "status: ditetapkan\nditetapkan: 2026-01-15\n", "status: draft\n")
NIP_SALAH = "199202302019032001"  # 30 February

LOADER = [
    kasus("K101-titik-dua-dalam-teks",
          ganti_di(UB, "catatan: Progres modul", "catatan: Progres: modul"),
          galat(UB, 6, 17, "K101", "Sintaks YAML tidak sah: tanda ':' tidak boleh ada di sini.",
                "apit teksnya dengan tanda kutip")),
    kasus("K101-kurung-tidak-ditutup",
          ganti_di(UB, "tentang: {rhk: rhk-1}", "tentang: {rhk: rhk-1"),
          galat(UB, 6, 8, "K101", "pemetaan '{ ... }' belum ditutup")),
    kasus("K101-tab-untuk-indentasi",
          ganti_di(UB, "tentang: {rhk: rhk-1}", "tentang:\n\trhk: rhk-1"),
          galat(UB, 6, 1, "K101", "karakter ini tidak boleh mengawali nilai", "bukan tab")),
    kasus("K101-karakter-kontrol",
          ganti_di(UB, "sesuai rencana;", "sesuai\x07rencana;"),
          galat(UB, 6, 35, "K101", "karakter kontrol U+0007 yang tidak diizinkan")),
    kasus("K101-escape-karakter-kontrol",
          ganti_di(UB, "tindak_lanjut: Jadwalkan uji beban minggu depan.", 'tindak_lanjut: "\\e[2JJadwalkan"'),
          galat(UB, 7, 16, "K101", "Teks berisi karakter kontrol U+001B yang tidak diizinkan.",
                "teks boleh memuat tab dan baris baru saja")),
    kasus("K102-kunci-ganda",
          ganti_di(UB, "rahasia: false\n", "rahasia: false\njenis: umpan_balik\n"),
          galat(UB, 9, 1, "K102", "Kunci 'jenis' ditulis dua kali (pertama di baris 4).")),
    kasus("K103-jangkar",
          ganti_di(UB, "tentang: {rhk: rhk-1}", "tentang: &t {rhk: rhk-1}"),
          galat(UB, 5, 10, "K103", "Jangkar YAML '&t' tidak diizinkan.")),
    kasus("K103-alias",
          ganti_di(UB, "tindak_lanjut: Jadwalkan uji beban minggu depan.", "tindak_lanjut: *catatan"),
          galat(UB, 7, 16, "K103", "Alias YAML '*catatan' tidak diizinkan.")),
    kasus("K104-tag",
          ganti_di(UB, "rahasia: false", "rahasia: !!bool false"),
          galat(UB, 8, 10, "K104", "Tag YAML 'tag:yaml.org,2002:bool' tidak diizinkan.", "Hapus tag")),
    kasus("K104-tag-sendiri",
          ganti_di(UB, "jenis: dialog_kinerja", "jenis: !penting dialog_kinerja"),
          galat(UB, 4, 8, "K104", "Tag YAML '!penting' tidak diizinkan.")),
    kasus("K105-lebih-dari-1-MiB",
          tulis(UB, b"#" * (1024 * 1024) + b"\n"),
          galat(UB, 1, 1, "K105", "Berkas terlalu besar (1.048.577 bita); batasnya 1 MiB.", "Pecah isinya")),
    kasus("K106-bersarang-lebih-dari-32",
          ganti_di(UB, "tindak_lanjut: Jadwalkan uji beban minggu depan.", "tindak_lanjut: " + "[" * 40 + "]" * 40),
          galat(UB, 7, 16 + 32, "K106", "Struktur bersarang terlalu dalam (lebih dari 32 tingkat).")),
    kasus("K107-bukan-utf8",
          ubah_bita(UB, lambda raw: raw.replace(b"Progres modul", "Progrés ".encode() + b"\xff modul")),
          galat(UB, 6, 18, "K107", "Berkas bukan teks UTF-8 yang sah.", "pengodean UTF-8")),
    kasus("K107-bukan-utf8-setelah-huruf-beraksen",
          ubah_bita(UB, lambda raw: raw.replace(b"Progres modul", "Progrés ".encode() + b"\xc3 modul")),
          galat(UB, 6, 18, "K107", "Berkas bukan teks UTF-8 yang sah.")),
    kasus("K108-nip-tanpa-kutip",
          ganti_di(PROFIL_D, f'penilai: "{B}"', f"penilai: {B}"),
          galat(PROFIL_D, 9, 10, "K108", "NIP ditulis tanpa tanda kutip sehingga terbaca sebagai angka.",
                f'Tulis "{B}" dengan tanda kutip ganda.')),
    kasus("K110-berkas-kosong", tulis(UB, ""),
          galat(UB, 1, 1, "K110", "Berkas kosong.")),
    kasus("K110-hanya-komentar", tulis(UB, "# yaml-language-server: $schema=x\n\n"),
          galat(UB, 1, 1, "K110", "Berkas kosong.")),
    kasus("K110-dua-dokumen",
          ganti_di(UB, "rahasia: false\n", "rahasia: false\n---\ncatatan: Lagi.\n"),
          galat(UB, 9, 1, "K110", "lebih dari satu dokumen YAML", "Hapus baris '---'")),
    kasus("K110-daftar-di-puncak", tulis(UB, "- tanggal: 2026-02-14\n- catatan: Progres.\n"),
          galat(UB, 1, 1, "K110", "Isi berkas harus berupa pemetaan 'kunci: nilai'.")),
    kasus("K110-teks-di-puncak", tulis(UB, "Progres modul cuti\n"),
          galat(UB, 1, 1, "K110", "Isi berkas harus berupa pemetaan 'kunci: nilai'.")),
    # YAML 1.2: `no` is text, not false (YAML 1.1 would have made this record valid).
    kasus("yaml12-no-adalah-teks",
          ganti_di(UB, "rahasia: false", "rahasia: no"),
          galat(UB, 8, 10, "K203", "Rahasia: nilai harus berupa true atau false, bukan teks.")),
]

BERKAS = [
    kasus("K109-tautan-berkas-ke-luar",
          tautan("biro-sdm/organisasi/2027.yaml", di_luar),
          galat("biro-sdm/organisasi/2027.yaml", 1, 1, "K109", "menunjuk ke luar folder rekaman; ditolak.")),
    kasus("K109-tautan-folder-ke-luar",
          tautan("sekretariat/organisasi", lambda records: di_luar(records).parent),
          galat("sekretariat/organisasi", 1, 1, "K109", "menunjuk ke luar folder rekaman")),
    kasus("tautan-di-dalam-rekaman-dibaca",
          tautan("biro-sdm/organisasi/2025.yaml", lambda records: Path("2026.yaml")),
          galat("biro-sdm/organisasi/2025.yaml", 2, 8, "K307",
                "Tahun 2026 tidak sama dengan nama berkas '2025.yaml'.")),
    kasus("K100-tautan-putus",
          tautan(f"{FOLDER_D}/evaluasi/tw2.yaml", lambda records: records / "hilang.yaml"),
          galat(f"{FOLDER_D}/evaluasi/tw2.yaml", 1, 1, "K100", "Berkas tidak dapat dibaca")),
    kasus("K111-tautan-ke-dirinya-sendiri",
          tautan(f"{FOLDER_D}/evaluasi/tw2.yaml", lambda records: Path("tw2.yaml")),
          galat(f"{FOLDER_D}/evaluasi/tw2.yaml", 1, 1, "K111", "Tautan simbolik ini berputar", "Hapus tautannya")),
    kasus("K111-dua-tautan-saling-menunjuk",
          (tautan("biro-sdm/a", lambda records: Path("b")), tautan("biro-sdm/b", lambda records: Path("a"))),
          galat("biro-sdm/a", 1, 1, "K111", "berputar"), galat("biro-sdm/b", 1, 1, "K111", "berputar")),
    kasus("K111-tautan-folder-ke-induknya",
          tautan("biro-sdm/pegawai/atas", lambda records: Path("..")),
          galat("biro-sdm/pegawai/atas", 1, 1, "K111", "menunjuk ke folder yang memuatnya sendiri")),
    kasus("K312-pipa-bernama-seperti-rekaman", fifo(f"{FOLDER_D}/evaluasi/tw2.yaml"),
          galat(f"{FOLDER_D}/evaluasi/tw2.yaml", 1, 1, "K312", "bukan berkas biasa (pipa bernama", "Hapus")),
    kasus("K312-tautan-ke-pipa-bernama",
          (fifo("pipa"), tautan(f"{FOLDER_D}/evaluasi/tw2.yaml", lambda records: records / "pipa")),
          galat(f"{FOLDER_D}/evaluasi/tw2.yaml", 1, 1, "K312", "bukan berkas biasa"),
          galat("pipa", 1, 1, "K312", "bukan berkas biasa")),
    kasus("K311-rantai-40-folder", folder_dalam("biro-sdm", 40),
          galat("biro-sdm/" + "/".join(["x"] * 32), 1, 1, "K311",
                "Folder bersarang terlalu dalam (lebih dari 32 tingkat di bawah folder rekaman)")),
    kasus("K301-berkas-di-puncak", tulis("README.md", "# Rekaman\n"),
          galat("README.md", 1, 1, "K301", "Berkas 'README.md' tidak dikenal di dalam folder rekaman.",
                "<unit>/unit.yaml")),
    kasus("K301-berkas-di-unit", tulis("biro-sdm/catatan.txt", "catatan\n"),
          galat("biro-sdm/catatan.txt", 1, 1, "K301", "Berkas 'biro-sdm/catatan.txt' tidak dikenal")),
    kasus("K301-folder-tak-dikenal-di-skp", tulis(f"{FOLDER_D}/bukti/laporan.yaml", "a: 1\n"),
          galat(f"{FOLDER_D}/bukti/laporan.yaml", 1, 1, "K301", "tidak dikenal di dalam folder rekaman")),
    kasus("K302-folder-unit", tulis("Biro_Umum/unit.yaml", "kode: biro-umum\n"),
          galat("Biro_Umum/unit.yaml", 1, 1, "K302", "Nama folder unit 'Biro_Umum' tidak sah")),
    kasus("K302-folder-unit-baris-baru-di-akhir", salin(UNIT_B, "biro-sdm\n/unit.yaml"),
          galat("biro-sdm\n/unit.yaml", 1, 1, "K302", "Nama folder unit 'biro-sdm\n' tidak sah")),
    kasus("K302-folder-pegawai-baris-baru-di-akhir", salin(PROFIL_D, f"biro-sdm/pegawai/{D}\n/profil.yaml"),
          galat(f"biro-sdm/pegawai/{D}\n/profil.yaml", 1, 1, "K302", "harus NIP 18 angka")),
    kasus("K302-berkas-organisasi", salin(ORG, "biro-sdm/organisasi/tahun-2027.yaml"),
          galat("biro-sdm/organisasi/tahun-2027.yaml", 1, 1, "K302",
                "Nama berkas 'tahun-2027.yaml' tidak sah: penetapan organisasi bernama <tahun>.yaml.")),
    kasus("K302-folder-pegawai", salin(PROFIL_D, "biro-sdm/pegawai/19920314/profil.yaml"),
          galat("biro-sdm/pegawai/19920314/profil.yaml", 1, 1, "K302",
                "Nama folder pegawai '19920314' tidak sah: harus NIP 18 angka.")),
    kasus("K302-folder-skp", salin(SKP_D, f"biro-sdm/pegawai/{D}/2026-1/skp.yaml"),
          galat(f"biro-sdm/pegawai/{D}/2026-1/skp.yaml", 1, 1, "K302", "Nama folder SKP '2026-1' tidak sah")),
    kasus("K302-berkas-evaluasi", salin(EVAL, f"{FOLDER_D}/evaluasi/triwulan-2.yaml"),
          galat(f"{FOLDER_D}/evaluasi/triwulan-2.yaml", 1, 1, "K302",
                "Nama berkas 'triwulan-2.yaml' tidak sah: pakai tw1..tw4, b01..b12 atau tahunan")),
    kasus("K302-berkas-keberatan", tulis(f"{FOLDER_D}/keberatan/tw5.yaml", keberatan()),
          galat(f"{FOLDER_D}/keberatan/tw5.yaml", 1, 1, "K302", "Nama berkas 'tw5.yaml' tidak sah")),
    kasus("K302-berkas-umpan-balik", salin(UB, f"{FOLDER_D}/umpan-balik/14-02-2026.yaml"),
          galat(f"{FOLDER_D}/umpan-balik/14-02-2026.yaml", 1, 1, "K302",
                "umpan balik bernama <tttt-bb-hh>[-<judul>].yaml")),
    kasus("K302-akhiran-yml", salin(UNIT_B, "biro-sdm/unit.yml"),
          galat("biro-sdm/unit.yml", 1, 1, "K302",
                "Berkas 'unit.yml' berakhiran .yml; rekaman Kinerja berakhiran .yaml.")),
    kasus("K308-skp-tanpa-profil", salin(SKP_D, f"biro-sdm/pegawai/{NIP_SALAH[:-1]}2/2026/skp.yaml"),
          galat(f"biro-sdm/pegawai/{NIP_SALAH[:-1]}2/2026/skp.yaml", 1, 1, "K308", "SKP tanpa profil.yaml pegawai.")),
    kasus("K308-evaluasi-tanpa-skp", salin(EVAL, f"biro-sdm/pegawai/{D}/2025/evaluasi/tw1.yaml"),
          galat(f"biro-sdm/pegawai/{D}/2025/evaluasi/tw1.yaml", 1, 1, "K308",
                "Rekaman ini tanpa skp.yaml di folder SKP-nya.")),
    kasus("K308-profil-tanpa-unit", salin(PROFIL_D, f"biro-umum/pegawai/{D}/profil.yaml"),
          galat(f"biro-umum/pegawai/{D}/profil.yaml", 1, 1, "K308",
                "Rekaman ini tanpa unit.yaml di folder unitnya.")),
]

KEBUTUHAN_AK = "nama: Kementerian Contoh\naturan:\n  kebutuhan_angka_kredit:\n    ahli_pertama: {{{}}}\n"

SKEMA = [
    kasus("K202-golongan-kebutuhan-angka-kredit", tulis("instansi.yaml", KEBUTUHAN_AK.format("III/f: 50")),
          galat("instansi.yaml", 4, 20, "K202", "Kunci 'III/f' tidak dikenal di sini.",
                "Mungkin maksudnya 'III/d'?")),
    kasus("K207-kebutuhan-angka-kredit-negatif", tulis("instansi.yaml", KEBUTUHAN_AK.format("III/b: -5")),
          galat("instansi.yaml", 4, 27, "K207",
                "Angka kredit yang dibutuhkan: nilai '-5' di luar batas yang diizinkan (paling kecil 0).",
                "Bilangan bulat tidak negatif")),
    kasus("K201-kunci-wajib-di-puncak", ganti_di(UNIT_B, "instansi: Kementerian Contoh\n", ""),
          galat(UNIT_B, 2, 1, "K201", "Kunci wajib 'instansi' (Instansi) belum diisi.", "Nama instansi")),
    kasus("K201-kunci-wajib-bersarang",
          ganti_di(SKP_D, "    uraian: Tersedianya layanan aplikasi kepegawaian yang andal\n", ""),
          galat(SKP_D, 21, 5, "K201", "Kunci wajib 'uraian' (Uraian RHK) belum diisi.")),
    kasus("K201-wajib-karena-status", ganti_di(SKP_D, "ditetapkan: 2026-01-20\n", ""),
          galat(SKP_D, 2, 1, "K201", "Kunci wajib 'ditetapkan' (Tanggal penetapan) belum diisi.",
                "wajib bila status ditetapkan")),
    kasus("K201-jenjang-pejabat-fungsional", ganti_di(PROFIL_D, "jenjang: ahli_pertama\n", ""),
          galat(PROFIL_D, 2, 1, "K201", "Kunci wajib 'jenjang' (Jenjang jabatan fungsional) belum diisi.",
                "Wajib diisi bila jenis_jabatan fungsional")),
    kasus("K202-kunci-salah-eja", ganti_di(SKP_D, "        aspek: kuantitas", "        aspke: kuantitas"),
          galat(SKP_D, 27, 9, "K202", "Kunci 'aspke' tidak dikenal di sini.", "Mungkin maksudnya 'aspek'?")),
    kasus("K202-kunci-tak-dikenal", ganti_di(SKP_D, "status: ditetapkan\n", "status: ditetapkan\nwarna: biru\n"),
          galat(SKP_D, 19, 1, "K202", "Kunci 'warna' tidak dikenal di sini.",
                "Kunci yang dikenal di sini: ditetapkan,")),
    kasus("K202-predikat-tidak-ditulis", ganti_di(EVAL, "rating_perilaku_kerja: sesuai_ekspektasi\n",
                                                  "rating_perilaku_kerja: sesuai_ekspektasi\npredikat: baik\n"),
          galat(EVAL, 20, 1, "K202", "Kunci 'predikat' tidak dikenal di sini.")),
    kasus("K203-teks-untuk-bilangan", ganti_di(SKP_D, "tahun: 2026", 'tahun: "2026"'),
          galat(SKP_D, 2, 8, "K203", "Tahun: nilai harus berupa bilangan bulat, bukan teks.")),
    kasus("K203-pecahan-untuk-bilangan-bulat", ganti_di(SKP_D, "tahun: 2026", "tahun: 2026.0"),
          galat(SKP_D, 2, 8, "K203", "Tahun: nilai harus berupa bilangan bulat, bukan angka pecahan.")),
    kasus("K203-tanggal-tanpa-tanda-hubung", ganti_di(SKP_D, "ditetapkan: 2026-01-20", "ditetapkan: 20260120"),
          galat(SKP_D, 19, 13, "K203", "nilai harus berupa teks, bukan bilangan bulat.")),
    kasus("K204-enum", ganti_di(SKP_D, "aspek: kuantitas", "aspek: kuantitass"),
          galat(SKP_D, 27, 16, "K204",
                "Aspek: nilai 'kuantitass' tidak dikenal; pilihan: kuantitas, kualitas, waktu, biaya.",
                "Mungkin maksudnya 'kuantitas'?")),
    kasus("K204-rating", ganti_di(EVAL, "rating_hasil_kerja: sesuai_ekspektasi", "rating_hasil_kerja: baik"),
          galat(EVAL, 16, 21, "K204", "nilai 'baik' tidak dikenal; pilihan: di_atas_ekspektasi")),
    kasus("K205-pola-nip", ganti_di(SKP_D, f'  nip: "{D}"', f'  nip: "{D[:-1]}"'),
          galat(SKP_D, 6, 8, "K205", f"NIP: nilai '{D[:-1]}' tidak sesuai format.", "18 angka")),
    kasus("K205-pola-nip-berspasi", ganti_di(PROFIL_D, f'penilai: "{B}"', 'penilai: "19800315 200501 1 002"'),
          galat(PROFIL_D, 9, 10, "K205", "nilai '19800315 200501 1 002' tidak sesuai format.")),
    kasus("K205-pola-kode-unit", ganti_di(UNIT_B, "induk: sekretariat", "induk: Sekretariat"),
          galat(UNIT_B, 5, 8, "K205", "Kode unit: nilai 'Sekretariat' tidak sesuai format.", "huruf kecil")),
    kasus("K205-pola-id", ganti_di(SKP_D, "  - id: rhk-2", "  - id: RHK 2"),
          galat(SKP_D, 30, 9, "K205", "nilai 'RHK 2' tidak sesuai format.")),
    kasus("K205-pola-id-baris-baru-di-akhir", ganti_di(SKP_D, "  - id: rhk-2", '  - id: "rhk-2\\n"'),
          galat(SKP_D, 30, 9, "K205", "tidak sesuai format.")),
    kasus("K205-pola-intervensi-baris-baru-di-akhir", ganti_di(SKP_D, f'"{B}/rhk-1"', f'"{B}/rhk-1\\n"'),
          galat(SKP_D, 23, 17, "K205", "tidak sesuai format.")),
    kasus("K205-pola-periode", ganti_di(ORG, "periode: tw1", "periode: tw5"),
          galat(ORG, 4, 14, "K205", "Periode evaluasi: nilai 'tw5' tidak sesuai format.", "tw1 sampai tw4")),
    kasus("K205-pola-intervensi", ganti_di(SKP_D, f'"{B}/rhk-1"', '"rhk-1"'),
          galat(SKP_D, 23, 17, "K205", "nilai 'rhk-1' tidak sesuai format.")),
    kasus("K206-tanggal-mustahil", ganti_di(SKP_D, "ditetapkan: 2026-01-20", "ditetapkan: 2026-02-30"),
          galat(SKP_D, 19, 13, "K206", "'2026-02-30' bukan tanggal yang ada di kalender.", "TTTT-BB-HH")),
    kasus("K205-tanggal-berformat-lain", ganti_di(UB, "tanggal: 2026-02-14", "tanggal: 14-02-2026"),
          galat(UB, 2, 10, "K205", "nilai '14-02-2026' tidak sesuai format.")),
    kasus("K207-teks-kosong", ganti_di(SKP_D, "  nama: Sari Wulandari, S.Kom.", '  nama: ""'),
          galat(SKP_D, 7, 9, "K207", "Nama: teks tidak boleh kosong.")),
    kasus("K207-daftar-kosong",
          ganti_di(ORG, 'penetapan:\n  - periode: tw1\n    predikat: istimewa\n'
                        '    ditetapkan_oleh: "197502102000031001"\n    tanggal: 2026-04-05\n'
                        + KALIBRASI, "penetapan: []\n"),
          galat(ORG, 3, 12, "K207", "Penetapan: daftar tidak boleh kosong.")),
    kasus("K207-di-luar-batas", ganti_di(UNIT_B, "admin: [hr-biro-sdm]",
                                         "admin: [hr-biro-sdm]\naturan: {hari_keberatan: 0}"),
          galat(UNIT_B, 9, 26, "K207", "nilai '0' di luar batas yang diizinkan (paling kecil 1).")),
    kasus("K207-target-terlalu-besar", ganti_di(SKP_D, "target: {nilai: 4, satuan: modul}",
                                                "target: {nilai: 1e25, satuan: modul}"),
          galat(SKP_D, 29, 25, "K207", "Nilai target: nilai '1e+25' di luar batas yang diizinkan "
                "(paling besar 1.000.000.000.000).", "paling besar 1.000.000.000.000")),
    kasus("K207-batas-rentang-terlalu-kecil",
          ganti_di(SKP_D, "target: {nilai: 4, satuan: modul}",
                   "target: {min: -10000000000000, maks: 4, satuan: modul}"),
          galat(SKP_D, 29, 23, "K207", "Batas bawah: nilai '-10000000000000' di luar batas yang diizinkan "
                "(paling kecil -1.000.000.000.000).")),
    kasus("K207-target-nan", ganti_di(SKP_D, "target: {nilai: 4, satuan: modul}",
                                      "target: {nilai: .nan, satuan: modul}"),
          galat(SKP_D, 29, 25, "K207", "Nilai target: '.nan' bukan angka yang dapat dihitung.")),
    kasus("K207-realisasi-tak-hingga", ganti_di(EVAL, "nilai: 2\n", "nilai: -.inf\n"),
          galat(EVAL, 15, 16, "K207", "Nilai realisasi: '-.inf' bukan angka yang dapat dihitung.")),
    kasus("K207-realisasi-terlalu-besar", ganti_di(EVAL, "nilai: 2\n", "nilai: 1000000000001\n"),
          galat(EVAL, 15, 16, "K207", "nilai '1000000000001' di luar batas yang diizinkan (paling besar")),
    kasus("K207-tanggal-tahun-0000", ganti_di(EVAL, "tanggal: 2026-04-08", "tanggal: 0000-04-08"),
          galat(EVAL, 3, 10, "K207", "Tanggal: tahun 0000 di luar rentang yang diizinkan.",
                "tahun 1900 sampai 2100")),
    kasus("K207-tanggal-tahun-9999", ganti_di(UB, "tanggal: 2026-02-14", "tanggal: 9999-12-31"),
          galat(UB, 2, 10, "K207", "tahun 9999 di luar rentang yang diizinkan.")),
    kasus("K207-butir-ganda", ganti_di(UNIT_B, "admin: [hr-biro-sdm]", "admin: [hr-biro-sdm, hr-biro-sdm]"),
          galat(UNIT_B, 8, 8, "K207", "daftar berisi butir yang sama lebih dari sekali.")),
    kasus("K208-target-berbentuk-daftar", ganti_di(SKP_D, "target: {nilai: 4, satuan: modul}", "target: [4, modul]"),
          galat(SKP_D, 29, 17, "K208", "Target: bentuk nilai tidak sesuai.", "{nilai, satuan}")),
    kasus("target-tanpa-satuan", ganti_di(SKP_D, "target: {nilai: 4, satuan: modul}", "target: {nilai: 4}"),
          galat(SKP_D, 29, 17, "K201", "Kunci wajib 'satuan' (Satuan) belum diisi.")),
    kasus("target-nilai-berupa-teks", ganti_di(SKP_D, "target: {nilai: 4, satuan: modul}",
                                               "target: {nilai: empat, satuan: modul}"),
          galat(SKP_D, 29, 25, "K203", "nilai harus berupa angka, bukan teks.")),
    kasus("target-rentang-salah-eja", ganti_di(SKP_D, "target: {nilai: 4, satuan: modul}",
                                               "target: {min: 3, maksimum: 5, satuan: modul}"),
          galat(SKP_D, 29, 26, "K202", "Kunci 'maksimum' tidak dikenal di sini.", "Mungkin maksudnya 'maks'?")),
    kasus("tentang-perilaku-salah-eja", ganti_di(UB, "tentang: {rhk: rhk-1}", "tentang: {perilaku: loyall}"),
          galat(UB, 5, 21, "K204", "nilai 'loyall' tidak dikenal", "Mungkin maksudnya 'loyal'?")),
]

SILANG = [
    kasus("K310-nip-tanggal-lahir-mustahil",
          salin(PROFIL_D, f"biro-sdm/pegawai/{NIP_SALAH}/profil.yaml", (f'nip: "{D}"', f'nip: "{NIP_SALAH}"')),
          galat(f"biro-sdm/pegawai/{NIP_SALAH}/profil.yaml", 2, 6, "K310",
                f"NIP {NIP_SALAH} tidak sah: delapan angka pertama (19920230) bukan tanggal lahir yang ada.")),
    kasus("K310-nip-jenis-kelamin",
          salin(PROFIL_D, "biro-sdm/pegawai/199203142019033001/profil.yaml",
                (f'nip: "{D}"', 'nip: "199203142019033001"')),
          galat("biro-sdm/pegawai/199203142019033001/profil.yaml", 2, 6, "K310",
                "angka ke-15 (3) harus 1 (pria) atau 2 (wanita)")),
    kasus("K303-kode-unit", ganti_di(UNIT_B, "kode: biro-sdm", "kode: biro-umum"),
          galat(UNIT_B, 2, 7, "K303", "Kode unit 'biro-umum' tidak sama dengan nama foldernya 'biro-sdm'.")),
    kasus("K304-nip-profil", ganti_di(PROFIL_D, f'nip: "{D}"', 'nip: "199203142019032002"'),
          galat(PROFIL_D, 2, 6, "K304", f"NIP 199203142019032002 tidak sama dengan nama foldernya {D}.")),
    kasus("K304-nip-skp", ganti_di(SKP_D, f'  nip: "{D}"', '  nip: "199203142019032002"'),
          galat(SKP_D, 6, 8, "K304",
                f"NIP pegawai di SKP (199203142019032002) tidak sama dengan folder pegawainya ({D}).")),
    kasus("K305-tahun-folder-skp",
          salin(SKP_B, f"biro-sdm/pegawai/{B}/2025/skp.yaml", ("tahun: 2026", "tahun: 2024"),
                ("{mulai: 2026-01-01, selesai: 2026-12-31}", "{mulai: 2024-01-01, selesai: 2024-12-31}"),
                ("ditetapkan: 2026-01-15", "ditetapkan: 2024-01-15")),
          galat(f"biro-sdm/pegawai/{B}/2025/skp.yaml", 2, 8, "K305",
                "Tahun SKP 2024 tidak sama dengan nama foldernya '2025'.")),
    kasus("K306-periode-evaluasi", salin(EVAL, f"{FOLDER_D}/evaluasi/tw2.yaml"),
          galat(f"{FOLDER_D}/evaluasi/tw2.yaml", 2, 10, "K306",
                "Periode 'tw1' tidak sama dengan nama berkas 'tw2.yaml'.")),
    kasus("K306-periode-keberatan", tulis(f"{FOLDER_D}/keberatan/tw2.yaml", keberatan()),
          galat(f"{FOLDER_D}/keberatan/tw2.yaml", 1, 11, "K306",
                "Keberatan atas 'tw1' harus disimpan sebagai keberatan/tw1.yaml, bukan tw2.yaml.")),
    kasus("K307-tahun-organisasi", ganti_di(ORG, "tahun: 2026", "tahun: 2025"),
          galat(ORG, 2, 8, "K307", "Tahun 2025 tidak sama dengan nama berkas '2026.yaml'.")),
    kasus("K309-tanggal-umpan-balik", ganti_di(UB, "tanggal: 2026-02-14", "tanggal: 2026-02-15"),
          galat(UB, 2, 10, "K309",
                "Tanggal 2026-02-15 tidak sama dengan tanggal di nama berkas '2026-02-14-modul-cuti.yaml'.")),
    kasus("K401-pimpinan-bukan-pegawai-unit", ganti_di(UNIT_B, f'pimpinan: "{B}"', f'pimpinan: "{A}"'),
          galat(UNIT_B, 6, 11, "K401", f"Pimpinan unit ({A}) bukan pegawai unit ini.",
                f"records/biro-sdm/pegawai/{A}/profil.yaml")),
    kasus("K402-induk-diri-sendiri", ganti_di(UNIT_S, "induk: null", "induk: sekretariat"),
          galat(UNIT_S, 5, 8, "K402", "Unit tidak boleh menjadi induk dirinya sendiri.")),
    kasus("K403-penilai-tidak-ditemukan", ganti_di(PROFIL_D, f'penilai: "{B}"', 'penilai: "198507202010011003"'),
          peringatan(PROFIL_D, 9, 10, "K403", "Penilai 198507202010011003 tidak ditemukan di rekaman.")),
    kasus("K404-penilai-diri-sendiri", ganti_di(PROFIL_D, f'penilai: "{B}"', f'penilai: "{D}"'),
          galat(PROFIL_D, 9, 10, "K404", "Pegawai tidak boleh menjadi penilai dirinya sendiri.")),
    kasus("K410-rhk-atasan-tidak-ada", ganti_di(SKP_D, '/rhk-1"', '/rhk-9"'),
          galat(SKP_D, 23, 17, "K410", f"RHK 'rhk-9' tidak ada di SKP atasan {B} tahun 2026.",
                "RHK atasan yang tersedia: rhk-1.")),
    kasus("K411-skp-atasan-belum-ada", hapus(SKP_B),
          peringatan(SKP_D, 23, 17, "K411", f"SKP atasan ({B}) untuk tahun 2026 belum ada", "Tidak menghalangi")),
    kasus("K411-skp-atasan-draft", SKP_DRAFT_B,
          peringatan(SKP_D, 23, 17, "K411", "SKP atasan yang memuat RHK 'rhk-1' masih draft.")),
    kasus("K411-rhk-belum-ada-di-skp-atasan-draft", (SKP_DRAFT_B, ganti_di(SKP_D, '/rhk-1"', '/rhk-9"')),
          peringatan(SKP_D, 23, 17, "K411", "RHK 'rhk-9' belum ada di SKP atasan yang masih draft.")),
    kasus("K412-intervensi-bukan-milik-penilai", ganti_di(SKP_D, f'"{B}/rhk-1"', f'"{X}/rhk-1"'),
          peringatan(SKP_D, 23, 17, "K412", f"RHK yang diintervensi milik {X}, bukan penilai SKP ini ({B}).")),
    kasus("K413-tanpa-intervensi", ganti_di(SKP_D, f'    intervensi: "{B}/rhk-1"\n', ""),
          galat(SKP_D, 21, 5, "K413", "RHK utama 'rhk-1' belum menyebut RHK pimpinan yang diintervensi.")),
    kasus("K413-tanpa-intervensi-di-skp-draft",
          (ganti_di(SKP_D, f'    intervensi: "{B}/rhk-1"\n', ""), SKP_DRAFT_D,
           ganti_di(EVAL, "status: final", "status: draft")),
          peringatan(SKP_D, 20, 5, "K413", "RHK utama 'rhk-1' belum menyebut RHK pimpinan yang diintervensi.")),
    kasus("K420-rhk-evaluasi-tidak-ada",
          ganti_di(EVAL, "        nilai: 2\n", "        nilai: 2\n  - rhk: rhk-9\n    realisasi: []\n"),
          galat(EVAL, 16, 10, "K420", "RHK 'rhk-9' tidak ada di SKP ini.", "RHK yang ada: rhk-1, rhk-2.")),
    kasus("K421-indikator-rhk-lain",
          ganti_di(EVAL, "        nilai: 2\n", "        nilai: 2\n      - indikator: iki-1\n        nilai: 1\n"),
          galat(EVAL, 16, 20, "K421", "Indikator 'iki-1' bukan indikator RHK 'rhk-2'.", "Indikator RHK ini: iki-2.")),
    kasus("K422-umpan-balik-rhk-tidak-ada", ganti_di(UB, "{rhk: rhk-1}", "{rhk: rhk-9}"),
          galat(UB, 5, 16, "K422", "RHK 'rhk-9' tidak ada di SKP ini.")),
    kasus("K423-keberatan-evaluasi-tidak-ada", tulis(f"{FOLDER_D}/keberatan/tw2.yaml", keberatan(evaluasi="tw2")),
          galat(f"{FOLDER_D}/keberatan/tw2.yaml", 1, 11, "K423",
                "Evaluasi 'tw2' yang diajukan keberatan tidak ada di SKP ini.")),
    kasus("K423-keberatan-evaluasi-draft",
          (ganti_di(EVAL, "status: final", "status: draft"), tulis(KEBERATAN, keberatan())),
          galat(KEBERATAN, 1, 11, "K423", "Evaluasi 'tw1' masih draft; keberatan hanya atas hasil evaluasi final.")),
    kasus("K501-id-rhk-ganda", ganti_di(SKP_B, "perilaku_kerja:", RHK_KEPALA_KEDUA.format(rhk="rhk-1", iki="iki-2")),
          galat(SKP_B, 29, 9, "K501", "Id RHK 'rhk-1' sudah dipakai di butir ke-1.")),
    kasus("K502-id-iki-ganda", ganti_di(SKP_B, "perilaku_kerja:", RHK_KEPALA_KEDUA.format(rhk="rhk-2", iki="iki-1")),
          galat(SKP_B, 33, 13, "K502", "Id indikator 'iki-1' sudah dipakai di SKP ini.")),
    kasus("K504-evaluasi-final-tanpa-rhk",
          ganti_di(EVAL, "  - rhk: rhk-2\n    realisasi:\n      - indikator: iki-2\n        nilai: 2\n", ""),
          galat(EVAL, 6, 3, "K504", "Evaluasi final belum memuat RHK 'rhk-2'.")),
    kasus("K505-realisasi-belum-diisi",
          ganti_di(EVAL, "    realisasi:\n      - indikator: iki-2\n        nilai: 2\n", "    realisasi: []\n"),
          peringatan(EVAL, 12, 5, "K505", "Realisasi indikator iki-2 belum diisi.")),
    kasus("K506-tanpa-rating-perilaku", ganti_di(EVAL, "rating_perilaku_kerja: sesuai_ekspektasi\n", ""),
          galat(EVAL, 2, 1, "K506", "Evaluasi final belum memuat rating_perilaku_kerja.")),
    kasus("K506-tanpa-rating-hasil", ganti_di(EVAL, "rating_hasil_kerja: sesuai_ekspektasi\n", ""),
          galat(EVAL, 2, 1, "K506", "Evaluasi final belum memuat rating_hasil_kerja.",
                "Hanya pimpinan unit yang rating hasil kerjanya boleh diambil dari predikat organisasi.")),
    kasus("K507-rhk-dinilai-dua-kali",
          ganti_di(EVAL, "        nilai: 2\n",
                   "        nilai: 2\n  - rhk: rhk-2\n    realisasi:\n      - indikator: iki-2\n        nilai: 3\n"),
          galat(EVAL, 16, 10, "K507", "RHK 'rhk-2' dinilai dua kali dalam evaluasi ini.")),
    kasus("K508-target-tidak-sesuai-pendekatan",
          ganti_di(SKP_D, "target: {nilai: 2, satuan: hari}",
                   "target: Permintaan bantuan selesai dalam dua hari kerja"),
          galat(SKP_D, 37, 17, "K508", "Pendekatan SKP kuantitatif: target harus berupa angka dengan satuan")),
    kasus("K508-rentang-terbalik", ganti_di(SKP_D, "target: {nilai: 2, satuan: hari}",
                                            "target: {min: 3, maks: 1, satuan: hari}"),
          galat(SKP_D, 37, 23, "K508", "Target rentang: nilai min lebih besar daripada maks.")),
    kasus("K509-jpt-tanpa-perspektif", ganti_di(SKP_B, "        perspektif: penerima_layanan\n", ""),
          peringatan(SKP_B, 24, 9, "K509", "Indikator kinerja JPT belum mencantumkan perspektif.")),
    kasus("K510-periode-evaluasi-bulanan-di-unit-triwulanan",
          salin(EVAL, f"{FOLDER_D}/evaluasi/b01.yaml", ("periode: tw1", "periode: b01"), ("2026-04-08", "2026-02-05")),
          galat(f"{FOLDER_D}/evaluasi/b01.yaml", 2, 10, "K510",
                "Periode 'b01' tidak sesuai evaluasi periodik unit (triwulanan).")),
    kasus("K510-periode-penetapan-organisasi",
          ganti_di(ORG, KALIBRASI, PENETAPAN_KEDUA.format(periode="b01", tanggal="2026-02-05")),
          galat(ORG, 9, 14, "K510", "Periode 'b01' tidak sesuai evaluasi periodik unit (triwulanan).")),
    kasus("K520-skp-melewati-tenggat", ganti_di(SKP_D, "ditetapkan: 2026-01-20", "ditetapkan: 2026-02-10"),
          peringatan(SKP_D, 19, 13, "K520", "SKP ditetapkan 2026-02-10, melewati tenggat 2026-01-31.")),
    kasus("K520-tenggat-unit", (ganti_di(UNIT_B, "admin: [hr-biro-sdm]",
                                         "admin: [hr-biro-sdm]\naturan: {tenggat_skp: 01-10}")),
          peringatan(SKP_B, 18, 13, "K520", "SKP ditetapkan 2026-01-15, melewati tenggat 2026-01-10."),
          peringatan(SKP_D, 19, 13, "K520", "SKP ditetapkan 2026-01-20, melewati tenggat 2026-01-10.")),
    kasus("K521-periode-terbalik",
          ganti_di(SKP_B, "{mulai: 2026-01-01, selesai: 2026-12-31}", "{mulai: 2026-12-31, selesai: 2026-01-01}"),
          galat(SKP_B, 3, 39, "K521", "Periode SKP berakhir sebelum dimulai.")),
    kasus("K521-periode-di-luar-tahun", ganti_di(SKP_B, "selesai: 2026-12-31", "selesai: 2027-03-31"),
          galat(SKP_B, 3, 10, "K521", "Periode SKP harus berada di dalam tahun 2026.")),
    kasus("K522-skp-bertumpang-tindih",
          salin(SKP_B, f"biro-sdm/pegawai/{B}/2026-2/skp.yaml", ("{mulai: 2026-01-01,", "{mulai: 2026-06-01,")),
          galat(f"biro-sdm/pegawai/{B}/2026-2/skp.yaml", 3, 10, "K522",
                "Periode SKP ini bertumpang tindih dengan SKP 2026.")),
    kasus("K523-umpan-balik-di-luar-periode",
          salin(UB, f"{FOLDER_D}/umpan-balik/2025-12-20.yaml", ("tanggal: 2026-02-14", "tanggal: 2025-12-20")),
          galat(f"{FOLDER_D}/umpan-balik/2025-12-20.yaml", 2, 10, "K523",
                "Tanggal 2025-12-20 di luar periode SKP (2026-01-01 s.d. 2026-12-31).")),
    kasus("K524-evaluasi-sebelum-periode-berakhir", ganti_di(EVAL, "tanggal: 2026-04-08", "tanggal: 2026-03-25"),
          peringatan(EVAL, 3, 10, "K524", "Evaluasi bertanggal 2026-03-25, sebelum periodenya berakhir (2026-03-31).")),
    kasus("K525-evaluasi-final-skp-draft", SKP_DRAFT_D,
          galat(EVAL, 4, 9, "K525", "Evaluasi final atas SKP yang masih draft.", "Tetapkan SKP terlebih dahulu.")),
    kasus("K526-evaluasi-di-luar-periode-skp",
          (ganti_di(SKP_B, "{mulai: 2026-01-01,", "{mulai: 2026-07-01,"),
           tulis(f"biro-sdm/pegawai/{B}/2026/evaluasi/tw1.yaml", evaluasi_kepala("tw1", "2026-04-06"))),
          galat(f"biro-sdm/pegawai/{B}/2026/evaluasi/tw1.yaml", 1, 10, "K526",
                "Periode Triwulan I 2026 di luar periode SKP (2026-07-01 s.d. 2026-12-31).")),
    kasus("K527-aktif-di-dua-unit",
          (salin(PROFIL_D, f"sekretariat/pegawai/{D}/profil.yaml", (f'penilai: "{B}"', f'penilai: "{A}"')),
           salin(SKP_D, f"sekretariat/pegawai/{D}/2026/skp.yaml", ("{mulai: 2026-01-01,", "{mulai: 2026-07-01,"),
                 ("ditetapkan: 2026-01-20", "ditetapkan: 2026-07-10"))),
          galat(f"sekretariat/pegawai/{D}/2026/skp.yaml", 3, 10, "K527",
                f"NIP {D} aktif di dua unit sekaligus: periode SKP ini bertumpang tindih dengan SKP 2026 "
                "di unit biro-sdm.")),
    kasus("K528-keberatan-sebelum-hasil-diterima", tulis(KEBERATAN, keberatan("2026-04-01")),
          galat(KEBERATAN, 2, 11, "K528",
                "Keberatan diajukan 2026-04-01, sebelum hasil evaluasi diterima (2026-04-08).")),
    kasus("K529-keputusan-sebelum-keberatan", tulis(KEBERATAN, keberatan(oleh=A, tanggal="2026-04-09")),
          galat(KEBERATAN, 6, 12, "K529", "Keputusan atas keberatan bertanggal sebelum keberatan diajukan.")),
    kasus("K531-penetapan-ganda",
          ganti_di(ORG, KALIBRASI, PENETAPAN_KEDUA.format(periode="tw1", tanggal="2026-04-06")),
          galat(ORG, 9, 14, "K531", "Periode 'tw1' ditetapkan lebih dari sekali.")),
    kasus("K532-konseling-tidak-rahasia", ganti_di(UB, "jenis: dialog_kinerja", "jenis: konseling"),
          peringatan(UB, 8, 10, "K532", "Catatan konseling selalu rahasia; 'rahasia: false' diabaikan.")),
    kasus("K533-tanggal-penetapan", ganti_di(ORG, "tanggal: 2026-04-05", "tanggal: 2028-01-05"),
          peringatan(ORG, 7, 14, "K533",
                     "Tanggal penetapan 2028-01-05 bukan pada tahun 2026 atau awal tahun berikutnya.")),
    kasus("K601-predikat-organisasi-belum-ditetapkan",
          tulis(f"biro-sdm/pegawai/{B}/2026/evaluasi/tw2.yaml", evaluasi_kepala("tw2", "2026-07-06")),
          galat(f"biro-sdm/pegawai/{B}/2026/evaluasi/tw2.yaml", 1, 1, "K601",
                "predikat organisasi biro-sdm untuk Triwulan II 2026 belum ditetapkan.",
                "Tambahkan penetapan periode tw2 di records/biro-sdm/organisasi/2026.yaml.")),
    kasus("K602-keberatan-terlambat", tulis(KEBERATAN, keberatan("2026-04-30")),
          galat(KEBERATAN, 2, 11, "K602", "Keberatan diajukan 2026-04-30, melewati batas 14 hari sejak hasil evaluasi "
                                          "diterima (2026-04-08; batas 2026-04-22).", "PP 30/2019 Pasal 59")),
    kasus("K602-batas-hari-unit",
          (ganti_di(UNIT_B, "admin: [hr-biro-sdm]", "admin: [hr-biro-sdm]\naturan: {hari_keberatan: 7}"),
           tulis(KEBERATAN, keberatan("2026-04-16"))),
          galat(KEBERATAN, 2, 11, "K602",
                "melewati batas 7 hari sejak hasil evaluasi diterima (2026-04-08; batas 2026-04-15).")),
    kasus("K603-keputusan-bukan-oleh-atasan-penilai", tulis(KEBERATAN, keberatan(oleh=B)),
          galat(KEBERATAN, 5, 9, "K603",
                f"Keputusan keberatan ditetapkan oleh {B}, padahal atasan pejabat penilai adalah {A}.")),
    kasus("K604-rating-pimpinan-berbeda-dari-organisasi",
          tulis(f"biro-sdm/pegawai/{B}/2026/evaluasi/tw1.yaml",
                evaluasi_kepala("tw1", "2026-04-06", "sesuai_ekspektasi")),
          peringatan(f"biro-sdm/pegawai/{B}/2026/evaluasi/tw1.yaml", 9, 21, "K604",
                     "Rating hasil kerja pimpinan unit (sesuai_ekspektasi) berbeda dari yang diturunkan dari predikat "
                     "organisasi istimewa (di_atas_ekspektasi).")),
    kasus("K605-kurva-menyimpang",
          (ganti_di(ORG, "predikat: istimewa", "predikat: baik"), ganti_di(ORG, KALIBRASI, "")),
          peringatan(ORG, 5, 15, "K605", "Distribusi predikat Triwulan I 2026 menyimpang dari kurva organisasi Baik: "
                                         "Predikat Baik 1 dari 1 pegawai (100%), paling banyak 70%.", "kalibrasi")),
    kasus("K606-rating-di-atas-capaian-kurang",
          tulis(f"{FOLDER_D}/evaluasi/tahunan.yaml",
                EVALUASI_TAHUNAN.format(nilai_1=3, nilai_2=3, rating="di_atas_ekspektasi")),
          peringatan(f"{FOLDER_D}/evaluasi/tahunan.yaml", 13, 21, "K606",
                     "Rating hasil kerja di_atas_ekspektasi sementara capaian setiap indikator di bawah 100%.")),
    kasus("K606-rating-di-bawah-capaian-penuh",
          tulis(f"{FOLDER_D}/evaluasi/tahunan.yaml",
                EVALUASI_TAHUNAN.format(nilai_1=4, nilai_2=1, rating="di_bawah_ekspektasi")),
          peringatan(f"{FOLDER_D}/evaluasi/tahunan.yaml", 13, 21, "K606",
                     "Rating hasil kerja di_bawah_ekspektasi sementara capaian setiap indikator mencapai 100%.")),
    kasus("K414-revisi-bukan-oleh-penilai",
          ubah_bita(SKP_D, lambda raw: raw + REVISI_OLEH.format(nip=A).encode()),
          peringatan(SKP_D, 52, 73, "K414", f"Revisi SKP disetujui oleh {A}, bukan pejabat penilai SKP ini ({B}).")),
    kasus("K424-rhk-belum-berlaku",
          ganti_di(SKP_D, "  - id: rhk-2\n", "  - id: rhk-2\n    berlaku_mulai: 2026-07-01\n"),
          galat(EVAL, 12, 10, "K424",
                "RHK 'rhk-2' tidak berlaku pada periode evaluasi ini (berlaku mulai 2026-07-01).")),
    kasus("K534-masa-pimpinan-definitif-bertumpang-tindih",
          ganti_di(UNIT_B, f'pimpinan: "{B}"', masa_pimpinan("2022-12-31", "2022-06-01")),
          galat(UNIT_B, 8, 40, "K534", f"Masa jabatan pimpinan definitif {A} bertumpang tindih dengan masa {X}.",
                "sebagai: plt atau plh")),
    kasus("K535-masa-pimpinan-terbalik",
          ganti_di(UNIT_B, f'pimpinan: "{B}"', masa_pimpinan("2018-12-31", "2023-01-01")),
          galat(UNIT_B, 7, 61, "K535",
                f"Masa jabatan pimpinan {X} berakhir (2018-12-31) sebelum dimulai (2019-01-01).")),
    kasus("K535-masa-status-terbalik",
          ubah_bita(PROFIL_D, lambda raw: raw + b"status:\n"
                    b"  - {jenis: cuti_besar, mulai: 2026-05-01, selesai: 2026-04-01}\n"),
          galat(PROFIL_D, 12, 53, "K535", "Masa cuti_besar berakhir (2026-04-01) sebelum dimulai (2026-05-01).")),
    kasus("K608-penetapan-bukan-oleh-pimpinan-induk",
          ganti_di(ORG, f'ditetapkan_oleh: "{A}"', f'ditetapkan_oleh: "{X}"'),
          peringatan(ORG, 6, 22, "K608",
                     f"Predikat organisasi ditetapkan oleh {X}, bukan pimpinan unit induk sekretariat pada "
                     f"2026-04-05 ({A}).")),
]

# --- teams (tim kerja) ---------------------------------------------------------------------------

L = "198907182014022001"  # a team lead in sekretariat, outside the staff member's line of superiors
TIM = "sekretariat/tim/tim-merit.yaml"
TIM_ISI = f"""kode: tim-merit
nama: Tim Percepatan Penerapan Sistem Merit
periode: {{mulai: 2026-02-01, selesai: 2026-12-31}}
ketua: "{L}"
hasil:
  - {{id: hasil-1, uraian: Terpetakannya talenta jabatan administrator}}
anggota:
  - {{nip: "{D}", mulai: 2026-02-01}}
"""
PROFIL_L = salin(PROFIL_D, f"sekretariat/pegawai/{L}/profil.yaml", (f'nip: "{D}"', f'nip: "{L}"'),
                 (f'penilai: "{B}"', f'penilai: "{A}"'))


def ditugaskan(penugasan: str, rhk: str = "rhk-2") -> Ubah:
    """The staff member's RHK (rhk-2 by default, line 32 then) assigned by penugasan."""
    jenis = "tambahan" if rhk == "rhk-2" else "utama"
    return ganti_di(SKP_D, f"  - id: {rhk}\n    jenis: {jenis}\n",
                    f"  - id: {rhk}\n    jenis: {jenis}\n    penugasan_dari: \"{penugasan}\"\n")


def tim(*pasangan: tuple[str, str]) -> Ubah:
    """The team file, with text replacements (each must occur once)."""
    text = TIM_ISI
    for lama, baru in pasangan:
        assert text.count(lama) == 1, lama
        text = text.replace(lama, baru)
    return tulis(TIM, text)


TIM_SAH = (PROFIL_L, tim(), ditugaskan("tim:sekretariat/tim-merit/hasil-1"))

TIM_KASUS = [
    kasus("K302-nama-berkas-tim", (PROFIL_L, tulis("sekretariat/tim/Tim_Merit.yaml", TIM_ISI)),
          galat("sekretariat/tim/Tim_Merit.yaml", 1, 1, "K302", "tim bernama <kode>.yaml")),
    kasus("K308-tim-tanpa-unit", (PROFIL_L, tulis("biro-umum/tim/tim-merit.yaml", TIM_ISI),
                                  ditugaskan("tim:biro-umum/tim-merit/hasil-1")),
          galat("biro-umum/tim/tim-merit.yaml", 1, 1, "K308", "Rekaman ini tanpa unit.yaml di folder unitnya.")),
    kasus("K430-penugasan-tim-tanpa-hasil", ditugaskan("tim:sekretariat/tim-merit"),
          galat(SKP_D, 32, 21, "K430", "Penugasan 'tim:sekretariat/tim-merit' tidak sesuai format "
                "tim:<unit>/<kode tim>/<kode hasil>.")),
    kasus("K431-tim-tidak-ada", ditugaskan("tim:sekretariat/tim-lain/hasil-1"),
          galat(SKP_D, 32, 21, "K431", "Tim kerja sekretariat/tim-lain tidak ditemukan.",
                "records/sekretariat/tim/tim-lain.yaml")),
    kasus("K432-tim-di-repositori-lain", ditugaskan("tim:biro-umum/tim-merit/hasil-1"),
          peringatan(SKP_D, 32, 21, "K432", "Unit biro-umum tidak ada di repositori ini")),
    kasus("K433-hasil-tim-tidak-ada", (PROFIL_L, tim(), ditugaskan("tim:sekretariat/tim-merit/hasil-9")),
          galat(SKP_D, 32, 21, "K433", "Hasil 'hasil-9' tidak ada di tim kerja sekretariat/tim-merit.",
                "Hasil tim yang ada: hasil-1."),
          peringatan(TIM, 6, 10, "K545", "Hasil 'hasil-1' belum dimuat RHK anggota mana pun.")),
    kasus("K434-bukan-anggota-selama-periode-skp",
          (PROFIL_L, tim(("{mulai: 2026-02-01, selesai: 2026-12-31}", "{mulai: 2027-01-01, selesai: 2027-12-31}"),
                         ("mulai: 2026-02-01}", "mulai: 2027-01-01}")),
           ditugaskan("tim:sekretariat/tim-merit/hasil-1")),
          galat(SKP_D, 32, 21, "K434", f"Pegawai {D} bukan anggota tim kerja sekretariat/tim-merit selama periode "
                "SKP ini (2026-01-01 s.d. 2026-12-31).")),
    kasus("K435-penugasan-nip-bukan-ketua-tim-atau-atasan", ditugaskan(L),
          peringatan(SKP_D, 32, 21, "K435", f"RHK 'rhk-2' ditugaskan oleh {L}, yang bukan ketua tim kerja pegawai "
                     "ini dan bukan atasan dalam rantai penilainya.")),
    kasus("K436-umpan-balik-dari-orang-lain", ganti_di(UB, f'dari: "{B}"', f'dari: "{L}"'),
          peringatan(UB, 3, 7, "K436", f"Umpan balik dari {L}, yang bukan penilai, atasan dalam rantai penilai, "
                     "maupun ketua tim kerja pegawai ini pada 2026-02-14.")),
    kasus("K436-umpan-balik-ketua-tim-sebelum-anggota-bergabung",
          TIM_SAH + (tim(("mulai: 2026-02-01}\n", "mulai: 2026-03-01}\n")),
                     ganti_di(UB, f'dari: "{B}"', f'dari: "{L}"')),
          peringatan(UB, 3, 7, "K436", f"Umpan balik dari {L}")),
    kasus("K437-ketua-tim-tidak-ditemukan", (tim(), ditugaskan("tim:sekretariat/tim-merit/hasil-1")),
          peringatan(TIM, 4, 8, "K437", f"Ketua tim {L} tidak ditemukan di rekaman.")),
    kasus("K437-anggota-tim-tidak-ditemukan",
          TIM_SAH + (tim(('mulai: 2026-02-01}\n', f'mulai: 2026-02-01}}\n  - {{nip: "{X}", mulai: 2026-03-01}}\n')),),
          peringatan(TIM, 9, 11, "K437", f"Anggota tim {X} tidak ditemukan di rekaman.")),
    kasus("K540-kode-tim", TIM_SAH + (tim(("kode: tim-merit", "kode: tim-lain")),),
          galat(TIM, 1, 7, "K540", "Kode tim 'tim-lain' tidak sama dengan nama berkasnya 'tim-merit.yaml'.")),
    kasus("K541-periode-tim-terbalik", TIM_SAH + (tim(("selesai: 2026-12-31", "selesai: 2026-01-31")),),
          galat(TIM, 3, 39, "K541", "Periode tim berakhir sebelum dimulai.")),
    kasus("K542-anggota-sebelum-tim-dibentuk", TIM_SAH + (tim(("mulai: 2026-02-01}\n", "mulai: 2026-01-15}\n")),),
          galat(TIM, 8, 40, "K542", f"Masa keanggotaan {D} (2026-01-15 s.d. 2026-12-31) di luar periode tim "
                "(2026-02-01 s.d. 2026-12-31)")),
    kasus("K543-anggota-ganda",
          TIM_SAH + (tim(("mulai: 2026-02-01}\n", f'mulai: 2026-02-01}}\n  - {{nip: "{D}", mulai: 2026-06-01}}\n')),),
          galat(TIM, 9, 11, "K543", f"Anggota {D} tercatat lebih dari sekali")),
    kasus("K544-kode-hasil-ganda",
          TIM_SAH + (tim(("administrator}\n",
                          "administrator}\n  - {id: hasil-1, uraian: Tersusunnya peta suksesi}\n")),),
          galat(TIM, 7, 10, "K544", "Kode hasil 'hasil-1' sudah dipakai di tim ini.")),
    kasus("K545-hasil-tim-belum-ditugaskan", (PROFIL_L, tim()),
          peringatan(TIM, 6, 10, "K545", "Hasil 'hasil-1' belum dimuat RHK anggota mana pun.",
                     'penugasan_dari: "tim:sekretariat/tim-merit/hasil-1"')),
]

# Variants of the valid tree that must stay valid (the rules' exceptions).
SAH_JUGA = [
    kasus("bom-diterima", ubah_bita(UB, lambda raw: b"\xef\xbb\xbf" + raw)),
    kasus("yaml12-NO-on-adalah-teks",
          ganti_di(UB, "catatan: Progres modul cuti sesuai rencana; perlu uji beban sebelum Maret.", "catatan: NO")),
    kasus("crlf-diterima", ubah_bita(SKP_D, lambda raw: raw.replace(b"\n", b"\r\n"))),
    kasus("kepala-unit-tanpa-rating-hasil-memakai-predikat-organisasi",
          tulis(f"biro-sdm/pegawai/{B}/2026/evaluasi/tw1.yaml", evaluasi_kepala("tw1", "2026-04-06"))),
    kasus("kurva-menyimpang-dengan-kalibrasi", ganti_di(ORG, "predikat: istimewa", "predikat: baik")),
    kasus("keberatan-tepat-waktu-diputus-atasan-penilai",
          tulis(KEBERATAN, keberatan("2026-04-22", oleh=A, tanggal="2026-04-30"))),
    kasus("skp-kedua-setelah-mutasi",
          (ganti_di(SKP_B, "selesai: 2026-12-31", "selesai: 2026-05-31"),
           salin(SKP_B, f"biro-sdm/pegawai/{B}/2026-2/skp.yaml",
                 ("{mulai: 2026-01-01, selesai: 2026-05-31}", "{mulai: 2026-06-01, selesai: 2026-12-31}"),
                 ("ditetapkan: 2026-01-15", "ditetapkan: 2026-06-20")))),
    kasus("tenggat-unit-diperpanjang",
          (ganti_di(UNIT_B, "admin: [hr-biro-sdm]", "admin: [hr-biro-sdm]\naturan: {tenggat_skp: 02-28}"),
           ganti_di(SKP_D, "ditetapkan: 2026-01-20", "ditetapkan: 2026-02-10"))),
    kasus("penilai-pimpinan-di-luar-repositori", ganti_di(PROFIL_D, "akun_git: sariw\n", "")),
    kasus("plt-boleh-bertumpang-tindih-dengan-definitif",
          ganti_di(UNIT_B, f'pimpinan: "{B}"',
                   f'pimpinan:\n  - {{nip: "{B}", mulai: 2024-01-01}}\n'
                   f'  - {{nip: "{D}", mulai: 2026-06-01, selesai: 2026-06-30, sebagai: plh}}')),
    kasus("revisi-oleh-penilai", ubah_bita(SKP_D, lambda raw: raw + REVISI_OLEH.format(nip=B).encode())),
    kasus("aturan-instansi-diganti-unit",
          (tulis("instansi.yaml", "nama: Kementerian Contoh\n"
                                  "aturan: {tenggat_skp: 01-10, kurva_mayoritas: lebih_dari_separuh}\n"),
           ganti_di(UNIT_B, "admin: [hr-biro-sdm]", "admin: [hr-biro-sdm]\naturan: {tenggat_skp: 01-31}"))),
    kasus("tim-penugasan-dan-umpan-balik-ketua-tim",
          TIM_SAH + (salin(UB, f"{FOLDER_D}/umpan-balik/2026-03-02.yaml", (f'dari: "{B}"', f'dari: "{L}"'),
                           ("tanggal: 2026-02-14", "tanggal: 2026-03-02")),)),
    kasus("rhk-utama-ditugaskan-tim-tanpa-intervensi",
          (PROFIL_L, tim(), ganti_di(SKP_D, f'    intervensi: "{B}/rhk-1"\n',
                                     '    penugasan_dari: "tim:sekretariat/tim-merit/hasil-1"\n'))),
    kasus("rhk-utama-ditugaskan-atasan-penilai-tanpa-intervensi",
          ganti_di(SKP_D, f'    intervensi: "{B}/rhk-1"\n', f'    penugasan_dari: "{A}"\n')),
    kasus("rhk-ditugaskan-mengintervensi-rhk-lain-tanpa-K412",
          (PROFIL_L, tim(), ditugaskan("tim:sekretariat/tim-merit/hasil-1", "rhk-1"),
           ganti_di(SKP_D, f'"{B}/rhk-1"', f'"{X}/rhk-1"'))),
    kasus("penugasan-berupa-teks-tetap-sah", ditugaskan("Menteri")),
    kasus("umpan-balik-dari-penilai-pengganti-tanpa-K436",
          (PROFIL_L, ganti_di(EVAL, "tanggal: 2026-04-08\n", f'tanggal: 2026-04-08\npenilai: "{L}"\n'),
           ganti_di(UB, f'dari: "{B}"', f'dari: "{L}"'))),
    kasus("kebutuhan-angka-kredit-dari-instansi",
          tulis("instansi.yaml", KEBUTUHAN_AK.format("III/b: 120, IV/e: null"))),
]

KASUS = LOADER + BERKAS + SKEMA + SILANG + TIM_KASUS + SAH_JUGA


def _laporan(records: Path, jalankan) -> tuple[int, list[dict]]:
    hasil = jalankan("validate", "--format", "json")
    assert hasil.err == "", hasil.err
    return hasil.code, json.loads(hasil.out)


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_corpus(kasus: Kasus, arsip_sah: Path, jalankan):
    for ubah in kasus.ubah:
        ubah(arsip_sah)
    code, laporan = _laporan(arsip_sah, jalankan)
    assert [(d["file"], d["line"], d["column"], d["code"], d["severity"]) for d in laporan] == [
        ("records/" + e.file, e.line, e.column, e.code, e.severity) for e in kasus.diharapkan]
    for d, e in zip(laporan, kasus.diharapkan, strict=True):
        assert e.pesan in d["message"]
        if e.saran:
            assert e.saran in (d["hint"] or "")
    assert code == (1 if any(e.severity == "error" for e in kasus.diharapkan) else 0)


def test_valid_tree_reports_nothing(arsip_sah: Path, jalankan):
    assert _laporan(arsip_sah, jalankan) == (0, [])


def test_every_problem_in_one_run(arsip_sah: Path, jalankan):
    """Defects in many files at once: each reported, none hiding another, sorted by file and line."""
    ids = ["K302-berkas-keberatan", "K303-kode-unit", "K310-nip-tanggal-lahir-mustahil", "K402-induk-diri-sendiri",
           "K410-rhk-atasan-tidak-ada", "K422-umpan-balik-rhk-tidak-ada", "K524-evaluasi-sebelum-periode-berakhir",
           "K533-tanggal-penetapan"]
    chosen = [k for k in KASUS if k.id in ids]
    for k in chosen:
        for ubah in k.ubah:
            ubah(arsip_sah)
    code, laporan = _laporan(arsip_sah, jalankan)
    assert code == 1
    got = [(d["file"], d["line"], d["column"], d["code"]) for d in laporan]
    assert got == sorted(("records/" + e.file, e.line, e.column, e.code) for k in chosen for e in k.diharapkan)


# --- no input is an internal failure ----------------------------------------------------------

@pytest.mark.parametrize("ubah", [
    pytest.param(ganti_di(SKP_B, "{mulai: 2026-01-01, selesai: 2026-12-31}",
                          "{mulai: 9999-12-20, selesai: 9999-12-31}"),
                 id="skp-di-tahun-9999"),
    pytest.param((ganti_di(EVAL, "tanggal: 2026-04-08", "tanggal: 9999-12-31"),
                  tulis(KEBERATAN, keberatan("9999-12-31"))),
                 id="evaluasi-dan-keberatan-di-tahun-9999"),
    pytest.param((ganti_di(SKP_D, "{mulai: 2026-01-01, selesai: 2026-12-31}",
                           "{mulai: 2026-12-31, selesai: 2026-01-01}"),
                  tulis(f"{FOLDER_D}/evaluasi/tahunan.yaml",
                        EVALUASI_TAHUNAN.format(nilai_1=4, nilai_2=2, rating="sesuai_ekspektasi"))),
                 id="periode-skp-terbalik-dengan-evaluasi-tahunan"),
    pytest.param(ganti_di(UNIT_B, "admin: [hr-biro-sdm]", "admin: [hr-biro-sdm]\naturan: {tenggat_skp: 02-30}"),
                 id="tenggat-skp-tanggal-mustahil"),
    pytest.param(tulis(KEBERATAN, keberatan(oleh=A).replace("  rating_hasil_kerja: di_atas_ekspektasi\n", "")),
                 id="keputusan-keberatan-tanpa-rating-hasil-kerja"),
])
def test_no_internal_failure(ubah, arsip_sah: Path, jalankan):
    for edit in ubah if isinstance(ubah, tuple) else (ubah,):
        edit(arsip_sah)
    hasil = jalankan("validate", "--format", "json")
    assert hasil.code in (0, 1) and hasil.err == "", hasil.err
    json.loads(hasil.out)


def test_a_chain_of_1100_folders_is_a_diagnostic_not_a_recursion_error(arsip_sah: Path, jalankan):
    chain = [arsip_sah / "biro-sdm" / "x"]
    for _ in range(1099):
        chain.append(chain[-1] / "x")
    try:
        for folder in chain:
            folder.mkdir()
        code, laporan = _laporan(arsip_sah, jalankan)
    finally:  # bottom up: shutil.rmtree (and pytest's cleanup) would recurse too deep
        for folder in reversed(chain):
            if folder.is_dir():
                folder.rmdir()
    assert code == 1
    assert [(d["file"], d["code"]) for d in laporan] == [("records/biro-sdm/" + "/".join(["x"] * 32), "K311")]


def test_an_unreadable_folder_is_a_diagnostic(arsip_sah: Path, jalankan, monkeypatch):
    scandir = os.scandir

    def ditolak(path):
        if str(path).endswith("organisasi"):
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", ditolak)
    code, laporan = _laporan(arsip_sah, jalankan)
    assert code == 1
    assert [(d["file"], d["code"]) for d in laporan if d["code"] == "K100"] == [
        ("records/biro-sdm/organisasi", "K100")]
    assert "Folder tidak dapat dibaca (Permission denied)" in laporan[0]["message"]


# --- coverage of the codes ---------------------------------------------------------------------

SUMBER = Path(__import__("kinerja").__file__).parent


def _kode_di(modul: str) -> set[str]:
    return set(re.findall(r'"(K\d{3})"', (SUMBER / modul).read_text(encoding="utf-8")))


@pytest.mark.parametrize("modul", ["yamlio.py", "schema.py", "arsip.py", "checks.py"])
def test_corpus_covers_every_code(modul):
    covered = {e.code for k in KASUS for e in k.diharapkan}
    assert _kode_di(modul) - covered == set()


def test_corpus_covers_both_severities_of_a_rule():
    """K413 is an error on a set SKP and a warning on a draft: both are in the corpus."""
    severities = {(e.code, e.severity) for k in KASUS for e in k.diharapkan}
    assert {("K413", "error"), ("K413", "warning")} <= severities


def test_valid_tree_fixture_is_the_documented_one():
    assert sorted(p.relative_to(SAH).as_posix() for p in SAH.rglob("*.yaml")) == sorted([
        UNIT_S, f"sekretariat/pegawai/{A}/profil.yaml", UNIT_B, ORG, f"biro-sdm/pegawai/{B}/profil.yaml", SKP_B,
        PROFIL_D, SKP_D, EVAL, UB])
