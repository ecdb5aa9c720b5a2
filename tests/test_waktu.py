"""Rules read the facts that held at the time (issue 10): dated heads, an evaluation's own
appraiser, absences, credit points per month with a history, curves counted by appraiser."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from conftest import NIP_KEPALA as B
from conftest import NIP_SEKJEN as A
from conftest import NIP_STAF as D
from conftest import ganti, tulis_arsip_sah
from kinerja import pemeriksaan
from kinerja.fakta import Fakta

UNIT_B = "biro-sdm/unit.yaml"
SKP_D = f"biro-sdm/pegawai/{D}/2026/skp.yaml"
EVAL_D = f"biro-sdm/pegawai/{D}/2026/evaluasi/tw1.yaml"


def _muat(records: Path):
    arsip, rekap, diagnostik = pemeriksaan.Pohon(records).dimuat
    return arsip, rekap, [d for d in diagnostik if d.severity == "error"]


def _predikat(rekap) -> dict:
    return {(h.skp.nip, h.skp.folder, h.evaluasi.periode): h.penilaian for h in rekap.penilaian}


def test_changing_todays_head_changes_no_earlier_result(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    _, sebelum, _ = _muat(records)
    ganti(records / UNIT_B, f'pimpinan: "{B}"',
          f'pimpinan:\n  - {{nip: "{B}", mulai: 2020-01-01, selesai: 2026-06-30}}\n'
          f'  - {{nip: "{D}", mulai: 2026-07-01}}')
    _, sesudah, errors = _muat(records)
    assert errors == []
    assert _predikat(sesudah) == _predikat(sebelum)


def test_the_head_rule_reads_the_definitive_head_on_the_periods_last_day(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    ganti(records / EVAL_D, "rating_hasil_kerja: sesuai_ekspektasi\n", "")
    # D is only Plt on 31 March: keeps the ratings of their own position (no results rating: no predikat)
    ganti(records / UNIT_B, f'pimpinan: "{B}"',
          f'pimpinan:\n  - {{nip: "{B}", mulai: 2020-01-01, selesai: 2026-02-28}}\n'
          f'  - {{nip: "{D}", mulai: 2026-03-01, sebagai: plt}}')
    arsip, rekap, errors = _muat(records)
    assert [d.code for d in errors] == ["K506"]
    # as definitive head from 1 March, the organisation rating gives the results rating
    ganti(records / UNIT_B, "sebagai: plt}", "}")
    arsip, rekap, errors = _muat(records)
    hasil = _predikat(rekap)[(D, "2026", "tw1")]
    assert hasil.sumber == "organisasi" and hasil.rating_hasil_kerja == "di_atas_ekspektasi"


def test_an_evaluation_by_a_replaced_appraiser_routes_its_objection_to_that_appraisers_superior(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    arsip, _, _ = _muat(records)
    skp = arsip.pegawai[("biro-sdm", D)].skp[0]
    assert Fakta(arsip).atasan_penilai(skp, skp.evaluasi["tw1"]) == A  # B's own penilai
    ganti(records / EVAL_D, "status: final\n", f'status: final\npenilai: "{A}"\n')
    arsip, _, _ = _muat(records)
    skp = arsip.pegawai[("biro-sdm", D)].skp[0]
    assert Fakta(arsip).atasan_penilai(skp, skp.evaluasi["tw1"]) == "196805121990031001"  # A's penilai


def test_an_employee_absent_for_the_whole_period_is_left_out_of_its_curve(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    _, rekap, _ = _muat(records)
    assert [k.total for k in rekap.kurva] == [1]
    profil = records / f"biro-sdm/pegawai/{D}/profil.yaml"
    profil.write_text(profil.read_text()
                      + "status:\n  - {jenis: cuti_melahirkan, mulai: 2025-12-15, selesai: 2026-04-10}\n")
    _, rekap, _ = _muat(records)
    assert [k.total for k in rekap.kurva] == [0]


def test_a_unit_head_counts_in_the_parents_curve(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    (records / f"biro-sdm/pegawai/{B}/2026/evaluasi").mkdir(parents=True)
    # B is appraised by A (sekretariat, the parent unit); an organisation rating of sekretariat counts B
    (records / f"biro-sdm/pegawai/{B}/2026/evaluasi/tw1.yaml").write_text(
        "periode: tw1\ntanggal: 2026-04-08\nstatus: final\nhasil_kerja: []\n"
        "rating_perilaku_kerja: sesuai_ekspektasi\n")
    (records / "sekretariat/organisasi").mkdir()
    (records / "sekretariat/organisasi/2026.yaml").write_text(
        f'tahun: 2026\npenetapan:\n  - {{periode: tw1, predikat: baik, ditetapkan_oleh: "{A}", tanggal: 2026-04-05}}\n')
    _, rekap, _ = _muat(records)
    totals = {k.unit: k.total for k in rekap.kurva}
    assert totals == {"biro-sdm": 1, "sekretariat": 1}


def test_a_transfer_on_15_july_gives_six_and_six_months(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    _tahunan(records, "2026")
    ganti(records / SKP_D, "{mulai: 2026-01-01, selesai: 2026-12-31}", "{mulai: 2026-01-01, selesai: 2026-07-15}")
    kedua = records / f"biro-sdm/pegawai/{D}/2026-2"
    kedua.mkdir()
    (kedua / "skp.yaml").write_text((records / SKP_D).read_text().replace(
        "{mulai: 2026-01-01, selesai: 2026-07-15}", "{mulai: 2026-07-16, selesai: 2026-12-31}"))
    _tahunan(records, "2026-2")
    _, rekap, errors = _muat(records)
    assert errors == []
    assert [(a.skp.folder, a.bulan) for a in rekap.angka_kredit] == [("2026", 6), ("2026-2", 6)]


def test_a_starting_balance_counts_until_a_promotion_resets_the_total(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    _tahunan(records, "2026")
    profil = records / f"biro-sdm/pegawai/{D}/profil.yaml"
    profil.write_text(profil.read_text() + "angka_kredit_awal: {nilai: 37.5, per: 2025-12-31, jenjang: ahli_pertama}\n")
    _, rekap, _ = _muat(records)
    [baris] = rekap.angka_kredit
    assert baris.kumulatif == Fraction("37.5") + Fraction("12.5") and baris.kebutuhan == 100
    ganti(records / SKP_D, "jenjang: ahli_pertama", "jenjang: ahli_muda")  # promoted before this SKP
    _, rekap, _ = _muat(records)
    [baris] = rekap.angka_kredit
    assert baris.kumulatif == Fraction(25) and baris.jenjang == "ahli_muda"


def _tahunan(records: Path, folder: str) -> None:
    """A final annual evaluation (baik) of D's SKP in folder, with the realisations of tw1."""
    text = (records / EVAL_D).read_text().replace("periode: tw1", "periode: tahunan").replace(
        "tanggal: 2026-04-08", "tanggal: 2027-01-10")
    path = records / f"biro-sdm/pegawai/{D}/{folder}/evaluasi/tahunan.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_credit_point_needs_come_from_instansi_yaml_golongan_by_golongan(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    _tahunan(records, "2026")
    (records / "instansi.yaml").write_text(
        "nama: Kementerian Contoh\naturan:\n  kebutuhan_angka_kredit:\n    ahli_pertama: {III/b: 120}\n")
    _, rekap, errors = _muat(records)
    assert errors == []
    [baris] = rekap.angka_kredit
    assert baris.kebutuhan == 120
