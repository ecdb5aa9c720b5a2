"""The regulation applied to whole records trees, through the predikat / kurva / angka-kredit commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import NIP_KEPALA, NIP_STAF, ganti, jalankan_cli

DEMO = Path(__file__).resolve().parents[1] / "records"
KEPALA_BAGIAN = "197810302002121004"  # head of bagian-pengembangan-pegawai, rated from the unit rating
DEWI = "199208302019032004"  # objection to the 2025 annual evaluation, decided
ANDIKA = "199507212021011006"  # transferred mid-2025: SKP 2025 and 2025-2


def _json(*args: str) -> list[dict]:
    result = jalankan_cli(*args, "--records", str(DEMO), "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_predikat_json_fields_and_order():
    rows = _json("predikat")
    assert rows, "the demo has evaluations"
    assert list(rows[0]) == ["unit", "nip", "nama", "skp", "tahun", "periode", "status",
                             "rating_hasil_kerja", "rating_perilaku_kerja", "predikat", "sumber"]
    assert {r["sumber"] for r in rows} == {"evaluasi", "organisasi", "keberatan"}


def test_head_results_rating_comes_from_the_organisation_rating():
    rows = [r for r in _json("predikat", "--tahun", "2025") if r["nip"] == KEPALA_BAGIAN]
    kurva = {r["periode"]: r["predikat_organisasi"]
             for r in _json("kurva", "--unit", "bagian-pengembangan-pegawai", "--tahun", "2025")}
    expected = {"istimewa": "di_atas_ekspektasi", "baik": "sesuai_ekspektasi"}
    assert len(rows) == 5
    for row in rows:
        assert row["sumber"] == "organisasi"
        assert row["rating_hasil_kerja"] == expected.get(kurva[row["periode"]], "di_bawah_ekspektasi")


def test_objection_decision_replaces_the_ratings():
    row, = [r for r in _json("predikat", "--tahun", "2025", "--periode", "tahunan") if r["nip"] == DEWI]
    assert (row["sumber"], row["rating_hasil_kerja"], row["rating_perilaku_kerja"], row["predikat"]) == \
        ("keberatan", "sesuai_ekspektasi", "sesuai_ekspektasi", "baik")


def test_kurva_rows_report_deviations_with_and_without_kalibrasi():
    rows = {(r["unit"], r["tahun"], r["periode"]): r for r in _json("kurva")}
    calibrated = rows[("biro-sdm", 2025, "tw3")]
    assert calibrated["sesuai"] is False and calibrated["kalibrasi"]
    uncalibrated = rows[("bagian-pengembangan-pegawai", 2025, "tahunan")]
    assert uncalibrated["sesuai"] is False and uncalibrated["kalibrasi"] is None
    # the unit's head counts in the parent's curve (their appraiser's unit), not in their own
    assert uncalibrated["pelanggaran"] == [
        "Predikat Butuh Perbaikan dan Kurang/Misconduct 0 dari 7 pegawai (0%), paling sedikit 1 pegawai."]
    for row in rows.values():
        assert list(row["jumlah"]) == ["sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]
        assert row["total"] == sum(row["jumlah"].values())
        assert row["sesuai"] == (not row["pelanggaran"])


def test_angka_kredit_of_a_transferred_functional_employee():
    # transferred on 15 July 2025: July belongs to the second SKP (16 of its 31 days); 6 + 6 months
    rows = [r for r in _json("angka-kredit") if r["nip"] == ANDIKA]
    assert [(r["skp"], r["bulan"], r["jenjang"], r["koefisien"]) for r in rows] == \
        [("2025", 6, "ahli_pertama", 12.5), ("2025-2", 6, "ahli_pertama", 12.5)]
    for row in rows:
        assert row["angka_kredit"] == pytest.approx(6 / 12 * row["persen"] / 100 * 12.5)
    # from the starting balance of 12.5 (profil.yaml angka_kredit_awal, per 2024-12-31)
    assert rows[1]["kumulatif"] == pytest.approx(12.5 + rows[0]["angka_kredit"] + rows[1]["angka_kredit"])


@pytest.mark.parametrize("command", ["predikat", "kurva", "angka-kredit"])
def test_table_and_csv_forms_agree_with_json(command):
    rows = _json(command)
    table = jalankan_cli(command, "--records", str(DEMO))
    assert table.code == 0
    header, rule, *lines = table.out.splitlines()
    assert set(rule) <= {"-", " "} and len(lines) == len(rows)
    assert header.startswith("Unit")
    result = jalankan_cli(command, "--records", str(DEMO), "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(result.out)))
    assert len(parsed) == len(rows)
    assert list(parsed[0]) == list(rows[0])
    assert [p["nip"] if "nip" in p else p["unit"] for p in parsed] == \
        [r["nip"] if "nip" in r else r["unit"] for r in rows]


def test_filters_narrow_every_command():
    rows = _json("predikat", "--unit", "biro-sdm", "--tahun", "2026", "--periode", "tw2")
    assert rows and all((r["unit"], r["tahun"], r["periode"]) == ("biro-sdm", 2026, "tw2") for r in rows)
    assert _json("kurva", "--periode", "b01") == []
    assert all(r["unit"] == "biro-sdm" for r in _json("angka-kredit", "--unit", "biro-sdm"))


def test_credit_point_worked_example_of_the_regulation(arsip_sah: Path):
    """domain.md: Ahli Pertama, sangat_baik Jan-Dec = 18.75; baik Jan-Feb next year = 2.08; total 20.83."""
    staf = arsip_sah / "biro-sdm" / "pegawai" / NIP_STAF
    skp_2026 = staf / "2026" / "skp.yaml"
    skp_2025 = staf / "2025" / "skp.yaml"
    skp_2025.parent.mkdir()
    skp_2025.write_text(skp_2026.read_text(encoding="utf-8").replace("2026", "2025"), encoding="utf-8")
    ganti(skp_2026, "selesai: 2026-12-31", "selesai: 2026-02-28")
    tahunan = (staf / "2026" / "evaluasi" / "tw1.yaml").read_text(encoding="utf-8").replace("periode: tw1",
                                                                                         "periode: tahunan")
    (skp_2025.parent / "evaluasi").mkdir()
    (skp_2025.parent / "evaluasi" / "tahunan.yaml").write_text(
        tahunan.replace("tanggal: 2026-04-08", "tanggal: 2026-01-10")
        .replace("rating_hasil_kerja: sesuai_ekspektasi", "rating_hasil_kerja: di_atas_ekspektasi")
        .replace("rating_perilaku_kerja: sesuai_ekspektasi", "rating_perilaku_kerja: di_atas_ekspektasi"),
        encoding="utf-8")
    (staf / "2026" / "evaluasi" / "tahunan.yaml").write_text(tahunan.replace("tanggal: 2026-04-08",
                                                                             "tanggal: 2026-03-05"), encoding="utf-8")
    validate = jalankan_cli("validate", "--records", str(arsip_sah), "--format", "json")
    assert [d for d in json.loads(validate.out) if d["severity"] == "error"] == []

    rows = json.loads(jalankan_cli("angka-kredit", "--records", str(arsip_sah), "--format", "json").out)
    assert [(r["skp"], r["bulan"], r["predikat"], r["persen"]) for r in rows] == \
        [("2025", 12, "sangat_baik", 150), ("2026", 2, "baik", 100)]
    assert rows[0]["angka_kredit"] == pytest.approx(18.75)
    assert rows[1]["angka_kredit"] == pytest.approx(2 / 12 * 12.5)
    table = jalankan_cli("angka-kredit", "--records", str(arsip_sah)).out
    assert "18,75" in table and "2,08" in table and "20,83" in table


def test_head_without_organisation_rating_is_an_error(arsip_sah: Path):
    kepala = arsip_sah / "biro-sdm" / "pegawai" / NIP_KEPALA / "2026"
    (kepala / "evaluasi").mkdir()
    (kepala / "evaluasi" / "tw2.yaml").write_text(
        "periode: tw2\ntanggal: 2026-07-08\nstatus: final\nhasil_kerja: []\n"
        "rating_perilaku_kerja: sesuai_ekspektasi\n", encoding="utf-8")
    result = jalankan_cli("validate", "--records", str(arsip_sah), "--format", "json")
    codes = {d["code"] for d in json.loads(result.out) if d["file"].endswith("tw2.yaml")}
    assert result.code == 1 and "K601" in codes
