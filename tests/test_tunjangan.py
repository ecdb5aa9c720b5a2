"""kinerja tunjangan: each basis on quarterly and monthly units, objection timing, a transfer
mid-year, missing evaluations, nominal with and without the job-class table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import NIP_STAF, ganti

STAF = Path("biro-sdm/pegawai") / NIP_STAF
PERSEN = "{sangat_baik: 100, baik: 100, butuh_perbaikan: 90, kurang: 85, sangat_kurang: 80}"
KOLOM = ["unit", "nip", "nama", "bulan", "kelas_jabatan", "predikat", "sumber", "periode", "persen", "nominal",
         "catatan"]


def tulis_instansi(records: Path, dasar: str, tambahan: str = "") -> None:
    (records / "instansi.yaml").write_text(
        f"nama: Kementerian Contoh\ntunjangan:\n  dasar: {dasar}\n  persen: {PERSEN}\n{tambahan}", encoding="utf-8")


def tulis_evaluasi(records: Path, folder: str, periode: str, hasil: str, perilaku: str, tanggal: str) -> None:
    path = records / STAF / folder / "evaluasi" / f"{periode}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"periode: {periode}\ntanggal: {tanggal}\nstatus: final\nhasil_kerja: []\n"
                    f"rating_hasil_kerja: {hasil}\nrating_perilaku_kerja: {perilaku}\n", encoding="utf-8")


def skp_2025(records: Path) -> None:
    """A 2025 SKP for the staff member, with a final annual evaluation: butuh perbaikan."""
    folder = records / STAF / "2025"
    folder.mkdir()
    text = (records / STAF / "2026" / "skp.yaml").read_text(encoding="utf-8")
    (folder / "skp.yaml").write_text(text.replace("2026", "2025"), encoding="utf-8")
    tulis_evaluasi(records, "2025", "tahunan", "di_bawah_ekspektasi", "sesuai_ekspektasi", "2026-01-10")


def bulanan_unit(records: Path) -> None:
    ganti(records / "biro-sdm" / "unit.yaml", "evaluasi_periodik: triwulanan", "evaluasi_periodik: bulanan")


def baris(jalankan, *args: str) -> list[dict]:
    hasil = jalankan("tunjangan", "--tahun", "2026", "--format", "json", *args)
    assert hasil.code == 0, hasil.err
    return [r for r in json.loads(hasil.out) if r["nip"] == NIP_STAF]


def kolom(rows: list[dict], *keys: str) -> list[tuple]:
    return [tuple(r[k] for k in keys) for r in rows]


def test_bulanan_on_a_quarterly_unit(arsip_sah, jalankan):
    tulis_instansi(arsip_sah, "bulanan")
    tulis_evaluasi(arsip_sah, "2026", "tw2", "di_bawah_ekspektasi", "sesuai_ekspektasi", "2026-07-06")
    rows = baris(jalankan)
    assert list(rows[0]) == KOLOM
    assert [r["bulan"] for r in rows] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert kolom(rows, "predikat", "periode", "persen")[:6] == [("baik", "tw1", 100)] * 3 + \
        [("butuh_perbaikan", "tw2", 90)] * 3
    assert kolom(rows, "predikat", "persen", "catatan")[6] == (
        None, None, "Belum ada evaluasi Triwulan III yang final.")


def test_bulanan_on_a_monthly_unit(arsip_sah, jalankan):
    bulanan_unit(arsip_sah)
    tulis_instansi(arsip_sah, "bulanan")
    tulis_evaluasi(arsip_sah, "2026", "b01", "di_atas_ekspektasi", "di_atas_ekspektasi", "2026-02-03")
    tulis_evaluasi(arsip_sah, "2026", "b02", "di_bawah_ekspektasi", "di_bawah_ekspektasi", "2026-03-03")
    rows = baris(jalankan)
    assert kolom(rows, "predikat", "periode", "persen")[:3] == [
        ("sangat_baik", "b01", 100), ("sangat_kurang", "b02", 80), (None, None, None)]
    assert rows[2]["catatan"] == "Belum ada evaluasi Maret yang final."


@pytest.mark.parametrize("bulanan", [False, True], ids=["triwulanan", "bulanan"])
def test_tahun_berikutnya_takes_last_years_annual_predikat(arsip_sah, jalankan, bulanan):
    if bulanan:
        bulanan_unit(arsip_sah)
    tulis_instansi(arsip_sah, "tahun_berikutnya")
    skp_2025(arsip_sah)
    rows = baris(jalankan)
    assert kolom(rows, "predikat", "sumber", "periode", "persen") == [
        ("butuh_perbaikan", "evaluasi", "tahunan", 90)] * 12


def test_objection_decision_counts_from_its_month(arsip_sah, jalankan):
    tulis_instansi(arsip_sah, "tahun_berikutnya")
    skp_2025(arsip_sah)
    (arsip_sah / STAF / "2025" / "keberatan").mkdir()
    (arsip_sah / STAF / "2025" / "keberatan" / "tahunan.yaml").write_text(
        'evaluasi: tahunan\ndiajukan: 2026-01-15\nalasan: Realisasi belum dihitung.\nkeputusan:\n'
        '  oleh: "197502102000031001"\n  tanggal: 2026-03-05\n  rating_hasil_kerja: sesuai_ekspektasi\n'
        '  rating_perilaku_kerja: sesuai_ekspektasi\n  catatan: Bukti diterima.\n', encoding="utf-8")
    rows = baris(jalankan)
    assert kolom(rows, "predikat", "sumber", "persen") == [("butuh_perbaikan", "evaluasi", 90)] * 2 + \
        [("baik", "keberatan", 100)] * 10
    assert rows[0]["catatan"] == "Keberatan diputus 2026-03-05: predikat Baik berlaku mulai 2026-03."
    assert rows[2]["catatan"] is None


def test_transfer_mid_year_splits_the_months_and_shows_each_once(arsip_sah, jalankan):
    tulis_instansi(arsip_sah, "bulanan")
    ganti(arsip_sah / STAF / "2026" / "skp.yaml", "selesai: 2026-12-31", "selesai: 2026-07-14")
    baru = arsip_sah / "sekretariat" / "pegawai" / NIP_STAF
    (baru / "2026-2").mkdir(parents=True)
    shutil.copy(arsip_sah / STAF / "profil.yaml", baru / "profil.yaml")
    text = (arsip_sah / STAF / "2026" / "skp.yaml").read_text(encoding="utf-8")
    (baru / "2026-2" / "skp.yaml").write_text(
        text.replace("mulai: 2026-01-01, selesai: 2026-07-14", "mulai: 2026-07-15, selesai: 2026-12-31"),
        encoding="utf-8")
    rows = baris(jalankan)
    assert kolom(rows, "bulan", "unit") == [(f"2026-{m:02d}", "biro-sdm" if m <= 6 else "sekretariat")
                                            for m in range(1, 13)]
    assert [r["bulan"] for r in baris(jalankan, "--unit", "sekretariat")] == [f"2026-{m:02d}" for m in range(7, 13)]


def test_months_outside_every_skp_say_so(arsip_sah, jalankan):
    tulis_instansi(arsip_sah, "bulanan")
    ganti(arsip_sah / STAF / "2026" / "skp.yaml", "selesai: 2026-12-31", "selesai: 2026-05-31")
    rows = baris(jalankan)
    assert rows[5]["catatan"] == "Tidak bertugas: tidak ada SKP yang mencakup bulan ini."
    assert rows[5]["unit"] == "biro-sdm" and rows[5]["persen"] is None


def test_missing_evaluation_uses_tanpa_evaluasi(arsip_sah, jalankan):
    tulis_instansi(arsip_sah, "bulanan", "  tanpa_evaluasi: 50\n")
    rows = baris(jalankan)
    assert kolom(rows, "predikat", "persen")[2:4] == [("baik", 100), (None, 50)]
    assert rows[3]["catatan"] == "Belum ada evaluasi Triwulan II yang final."


def test_no_rules_anywhere_is_a_note(arsip_sah, jalankan):
    rows = baris(jalankan)
    assert {r["catatan"] for r in rows} == {"Aturan tunjangan belum ada di records/instansi.yaml atau unit.yaml."}


def test_nominal_with_and_without_the_class_table(arsip_sah, jalankan):
    tulis_instansi(arsip_sah, "bulanan")
    tulis_evaluasi(arsip_sah, "2026", "tw2", "di_bawah_ekspektasi", "sesuai_ekspektasi", "2026-07-06")
    (arsip_sah / STAF / "profil.yaml").open("a", encoding="utf-8").write("kelas_jabatan: 9\n")
    assert {r["nominal"] for r in baris(jalankan)} == {None}
    tulis_instansi(arsip_sah, "bulanan", "  kelas_jabatan: {7: 2915000, 9: 5079000}\n")
    rows = baris(jalankan)
    assert kolom(rows, "kelas_jabatan", "nominal")[:6] == [(9, 5079000)] * 3 + [(9, 4571100)] * 3
    assert rows[6]["nominal"] is None
    ganti(arsip_sah / STAF / "profil.yaml", "kelas_jabatan: 9", "kelas_jabatan: 8")
    assert baris(jalankan)[0]["catatan"] == "Kelas jabatan 8 tidak ada di tabel tunjangan."


def test_unit_rules_override_the_agency_key_by_key(arsip_sah, jalankan):
    tulis_instansi(arsip_sah, "tahun_berikutnya", "  kelas_jabatan: {9: 5079000}\n")
    (arsip_sah / STAF / "profil.yaml").open("a", encoding="utf-8").write("kelas_jabatan: 9\n")
    (arsip_sah / "biro-sdm" / "unit.yaml").open("a", encoding="utf-8").write(
        f"tunjangan:\n  dasar: bulanan\n  persen: {PERSEN}\n")
    row = baris(jalankan, "--bulan", "2")[0]
    assert (row["bulan"], row["periode"], row["persen"], row["nominal"]) == ("2026-02", "tw1", 100, 5079000)


def test_csv_and_xlsx(arsip_sah, jalankan, tmp_path):
    tulis_instansi(arsip_sah, "bulanan")
    hasil = jalankan("tunjangan", "--tahun", "2026", "--format", "csv")
    assert hasil.out.splitlines()[0] == ",".join(KOLOM)
    assert jalankan("tunjangan", "--tahun", "2026", "--format", "xlsx").code == 2
    assert jalankan("tunjangan", "--tahun", "2026", "--format", "xlsx", "--out", "t.xlsx").code == 0
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Tunjangan"]
    nip = [c for c in sheet["B"][1:] if c.value == NIP_STAF]
    assert nip and all(c.data_type == "s" for c in nip)


@pytest.mark.parametrize("rows", [
    [], [{}], [{"a": 1}], [{"a": [], "b": {}, "c": "x\ny", "d": None}, {"a": [1, {"b": [2, "\u00e9"]}], "e": True}],
])
def test_json_rows_render_as_one_dump(rows):
    from kinerja import tabel

    assert tabel.render_json(rows, ()) == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
