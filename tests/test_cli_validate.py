"""The `kinerja validate` contract (design.md, "Command line"): exit status, the three report
formats, --strict, PATH filtering, usage errors, and paths relative to the repository root."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NIP_KEPALA as B
from conftest import NIP_STAF as D
from conftest import ganti, jalankan_cli, tulis_arsip_sah

SKP_D = f"biro-sdm/pegawai/{D}/2026/skp.yaml"
EVAL = f"biro-sdm/pegawai/{D}/2026/evaluasi/tw1.yaml"
ORG = "biro-sdm/organisasi/2026.yaml"
UNIT_B = "biro-sdm/unit.yaml"

PESAN_K410 = f"RHK 'rhk-9' tidak ada di SKP atasan {B} tahun 2026."
SARAN_K410 = "RHK atasan yang tersedia: rhk-1."
PESAN_K524 = "Evaluasi bertanggal 2026-03-25, sebelum periodenya berakhir (2026-03-31)."
PESAN_K303 = "Kode unit 'biro-umum' tidak sama dengan nama foldernya 'biro-sdm'."


def rhk_atasan_salah(records: Path):  # K410, an error with a hint
    ganti(records / SKP_D, '/rhk-1"', '/rhk-9"')


def evaluasi_terlalu_awal(records: Path):  # K524, a warning without a hint
    ganti(records / EVAL, "tanggal: 2026-04-08", "tanggal: 2026-03-25")


def kode_unit_salah(records: Path):  # K303, an error in another file
    ganti(records / UNIT_B, "kode: biro-sdm", "kode: biro-umum")


# --- exit status and formats -------------------------------------------------------------------

def test_valid_tree_exits_0(arsip_sah, jalankan):
    hasil = jalankan("validate")
    assert (hasil.code, hasil.out, hasil.err) == (0, "10 berkas diperiksa: semua rekaman sah.\n", "")
    assert jalankan("validate", "--records", "records") == hasil


def test_text_format(arsip_sah, jalankan):
    rhk_atasan_salah(arsip_sah)
    evaluasi_terlalu_awal(arsip_sah)
    hasil = jalankan("validate", "--format", "text")
    assert hasil.code == 1 and hasil.err == ""
    assert hasil.out == (
        f"records/{EVAL}:3:10: warning K524: {PESAN_K524}\n"
        f"records/{SKP_D}:23:17: error K410: {PESAN_K410}\n"
        f"    saran: {SARAN_K410}\n"
        "10 berkas diperiksa: 1 galat, 1 peringatan.\n"
    )


def test_json_format(arsip_sah, jalankan):
    rhk_atasan_salah(arsip_sah)
    evaluasi_terlalu_awal(arsip_sah)
    hasil = jalankan("validate", "--format", "json")
    assert hasil.code == 1 and hasil.err == ""
    laporan = json.loads(hasil.out)
    assert laporan == [
        {"code": "K524", "severity": "warning", "file": f"records/{EVAL}", "line": 3, "column": 10,
         "message": PESAN_K524, "hint": None},
        {"code": "K410", "severity": "error", "file": f"records/{SKP_D}", "line": 23, "column": 17,
         "message": PESAN_K410, "hint": SARAN_K410},
    ]
    assert [list(d) for d in laporan] == [["code", "severity", "file", "line", "column", "message", "hint"]] * 2


def test_json_of_a_valid_tree_is_an_empty_list(arsip_sah, jalankan):
    hasil = jalankan("validate", "--format", "json")
    assert (hasil.code, json.loads(hasil.out), hasil.err) == (0, [], "")


def test_json_keeps_indonesian_text_readable(arsip_sah, jalankan):
    ganti(arsip_sah / UNIT_B, "nama: Biro Sumber Daya Manusia", "nama: Biro SDM\nkepala: Bu Sri Hartatié")
    hasil = jalankan("validate", "--format", "json")
    assert "Hartatié" not in hasil.out  # the unknown key is named, not its value
    assert json.loads(hasil.out)[0]["message"] == "Kunci 'kepala' tidak dikenal di sini."


def test_github_format(arsip_sah, jalankan):
    rhk_atasan_salah(arsip_sah)
    evaluasi_terlalu_awal(arsip_sah)
    hasil = jalankan("validate", "--format", "github")
    assert hasil.code == 1 and hasil.err == ""
    assert hasil.out == (
        f"::warning file=records/{EVAL},line=3,col=10,title=K524::{PESAN_K524}\n"
        f"::error file=records/{SKP_D},line=23,col=17,title=K410::{PESAN_K410} Saran: {SARAN_K410}\n"
    )


def test_github_format_escapes_percent_signs(arsip_sah, jalankan):
    ganti(arsip_sah / ORG, "predikat: istimewa", "predikat: baik")
    text = (arsip_sah / ORG).read_text()
    (arsip_sah / ORG).write_text(text[:text.index("    kalibrasi:")])
    hasil = jalankan("validate", "--format", "github")
    assert hasil.code == 0
    assert hasil.out.startswith(f"::warning file=records/{ORG},line=5,col=15,title=K605::Distribusi predikat ")
    assert "1 dari 1 pegawai (100%25), paling banyak 70%25." in hasil.out
    assert hasil.out.count("\n") == 1


def test_github_format_of_a_valid_tree_prints_nothing(arsip_sah, jalankan):
    hasil = jalankan("validate", "--format", "github")
    assert (hasil.code, hasil.out, hasil.err) == (0, "", "")


def test_warnings_alone_exit_0_and_1_under_strict(arsip_sah, jalankan):
    evaluasi_terlalu_awal(arsip_sah)
    assert jalankan("validate").code == 0
    assert jalankan("validate", "--strict").code == 1
    assert jalankan("validate", "--strict", "--format", "json").code == 1


def test_strict_on_a_valid_tree_exits_0(arsip_sah, jalankan):
    assert jalankan("validate", "--strict").code == 0


def test_errors_exit_1_with_or_without_strict(arsip_sah, jalankan):
    rhk_atasan_salah(arsip_sah)
    assert jalankan("validate").code == 1
    assert jalankan("validate", "--strict").code == 1


def test_report_is_sorted_by_file_then_line(arsip_sah, jalankan):
    rhk_atasan_salah(arsip_sah)
    evaluasi_terlalu_awal(arsip_sah)
    kode_unit_salah(arsip_sah)
    ganti(arsip_sah / SKP_D, "ditetapkan: 2026-01-20", "ditetapkan: 2026-02-10")  # K520, line 19 of the same file
    laporan = json.loads(jalankan("validate", "--format", "json").out)
    assert [(d["file"], d["line"], d["code"]) for d in laporan] == [
        (f"records/{EVAL}", 3, "K524"),
        (f"records/{SKP_D}", 19, "K520"),
        (f"records/{SKP_D}", 23, "K410"),
        (f"records/{UNIT_B}", 2, "K303"),
    ]


# --- PATH filtering ----------------------------------------------------------------------------

@pytest.fixture
def dua_masalah(arsip_sah):
    rhk_atasan_salah(arsip_sah)
    kode_unit_salah(arsip_sah)
    return arsip_sah


def _kode(hasil) -> list[str]:
    return [d["code"] for d in json.loads(hasil.out)]


def test_path_limits_the_report_to_a_folder(dua_masalah, jalankan):
    hasil = jalankan("validate", "--format", "json", f"records/biro-sdm/pegawai/{D}")
    assert (hasil.code, _kode(hasil)) == (1, ["K410"])


def test_path_limits_the_report_to_a_file(dua_masalah, jalankan):
    hasil = jalankan("validate", "--format", "json", f"records/{UNIT_B}")
    assert (hasil.code, _kode(hasil)) == (1, ["K303"])


def test_several_paths_and_absolute_paths(dua_masalah, jalankan):
    hasil = jalankan("validate", "--format", "json", str(dua_masalah / UNIT_B), f"records/{SKP_D}")
    assert _kode(hasil) == ["K410", "K303"]


def test_path_without_problems_exits_0(dua_masalah, jalankan):
    hasil = jalankan("validate", "records/sekretariat")
    assert hasil.code == 0 and hasil.out.endswith("semua rekaman sah.\n")


def test_path_that_does_not_exist_exits_2(arsip_sah, jalankan):
    hasil = jalankan("validate", "records/tidak-ada")
    assert (hasil.code, hasil.out, hasil.err) == (2, "", "kinerja: path 'records/tidak-ada' tidak ditemukan.\n")


# --- usage and internal failures -----------------------------------------------------------------

def test_missing_records_folder_exits_2_with_one_line(tmp_path, jalankan):
    hasil = jalankan("validate", "--records", "tidak-ada")
    assert (hasil.code, hasil.out) == (2, "")
    assert hasil.err == "kinerja: folder rekaman 'tidak-ada' tidak ditemukan (pakai --records DIR).\n"


def test_default_records_folder_missing_exits_2(tmp_path, jalankan):
    hasil = jalankan("validate")
    assert (hasil.code, hasil.err) == (2, "kinerja: folder rekaman 'records' tidak ditemukan (pakai --records DIR).\n")


def test_records_that_is_a_file_exits_2(tmp_path, jalankan):
    (tmp_path / "records").write_text("bukan folder\n")
    hasil = jalankan("validate")
    assert hasil.code == 2 and hasil.err.count("\n") == 1 and "tidak ditemukan" in hasil.err


@pytest.mark.parametrize("args", [["validate", "--format", "xml"], ["validate", "--tidak-ada"], ["periksa"], []])
def test_bad_usage_exits_2_without_traceback(arsip_sah, jalankan, args):
    hasil = jalankan(*args)
    assert hasil.code == 2 and hasil.out == ""
    assert "Traceback" not in hasil.err
    assert len(hasil.err.splitlines()) == 1
    assert hasil.err.startswith("kinerja: penggunaan salah: ")


def test_internal_failure_is_one_line_unless_debug(arsip_sah, jalankan, monkeypatch):
    from kinerja import checks

    def rusak(*args, **kwargs):
        raise RuntimeError("contoh kegagalan")

    monkeypatch.setattr(checks, "periksa_pegawai", rusak)
    hasil = jalankan("validate")
    assert (hasil.code, hasil.out) == (2, "")
    assert hasil.err == ("kinerja: galat internal: RuntimeError: contoh kegagalan "
                         "(ulangi dengan --debug untuk rinciannya)\n")
    debug = jalankan("validate", "--debug")
    assert debug.code == 2 and "Traceback" in debug.err and debug.err.endswith(hasil.err)


# --- paths in the report -------------------------------------------------------------------------

def test_files_are_relative_to_the_working_directory(tmp_path):
    data = tmp_path / "repo" / "data"
    data.mkdir(parents=True)
    records = tulis_arsip_sah(data)
    rhk_atasan_salah(records)
    hasil = jalankan_cli("validate", "--format", "json", "--records", "data/records", cwd=tmp_path / "repo")
    assert json.loads(hasil.out)[0]["file"] == f"data/records/{SKP_D}"


def test_records_outside_the_working_directory_are_relative_to_their_parent(arsip_sah, tmp_path):
    rhk_atasan_salah(arsip_sah)
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    hasil = jalankan_cli("validate", "--format", "json", "--records", str(arsip_sah), cwd=elsewhere)
    assert json.loads(hasil.out)[0]["file"] == f"records/{SKP_D}"


def test_python_dash_m_kinerja(arsip_sah):
    rhk_atasan_salah(arsip_sah)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run([sys.executable, "-m", "kinerja", "validate", "--format", "json"], cwd=arsip_sah.parent,
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 1 and run.stderr == ""
    assert [d["code"] for d in json.loads(run.stdout)] == ["K410"]
    missing = subprocess.run([sys.executable, "-m", "kinerja", "validate", "--records", "tidak-ada"],
                             cwd=arsip_sah.parent, capture_output=True, text=True, env=env, timeout=60)
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == "kinerja: folder rekaman 'tidak-ada' tidak ditemukan (pakai --records DIR).\n"
