"""`kinerja new <kind>`: every kind writes a schema-valid, pre-filled file and never overwrites."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import NIP_KEPALA, NIP_SEKJEN, NIP_STAF, jalankan_cli, tulis_arsip_sah
from kinerja import arsip, jenis

NIP_BARU = "199501012020121001"
STAF = f"records/biro-sdm/pegawai/{NIP_STAF}"

# (kind, arguments, the file written, text the file must contain)
KASUS = [
    ("unit", ["biro-umum", "--nama", "Biro Umum", "--pimpinan", NIP_SEKJEN, "--induk", "sekretariat",
              "--admin", "umum-sdm"],
     "records/biro-umum/unit.yaml",
     ['instansi: "Kementerian Contoh"', 'admin: ["umum-sdm"]', "# pimpinan:\n#   - {nip:",
      "sebagai: plt}   # definitif | plt | plh"]),
    ("pegawai", [NIP_BARU, "--unit", "biro-sdm", "--nama", "Budi Santoso, S.Psi.", "--jabatan",
                 "Analis SDM Aparatur Ahli Pertama", "--jenis-jabatan", "fungsional", "--jenjang", "ahli_pertama",
                 "--pangkat", "Penata Muda (III/a)"],
     f"records/biro-sdm/pegawai/{NIP_BARU}/profil.yaml",
     [f'penilai: "{NIP_KEPALA}"', "# status:", "cuti_melahirkan | cltn",
      "# angka_kredit_awal: {nilai: 0, per: <TTTT-BB-HH>, jenjang: ahli_pertama}"]),
    ("skp", [NIP_STAF, "--tahun", "2027"], f"{STAF}/2027/skp.yaml",
     ['unit_kerja: "Biro Sumber Daya Manusia"', f'nip: "{NIP_KEPALA}"', "status: draft",
      "SKP atasan (198003152005011002) tahun 2027 belum ada", "# revisi:",
      f'disetujui_oleh: "{NIP_KEPALA}"}}', "'berlaku_sampai: <TTTT-BB-HH>'", "'berlaku_mulai: <TTTT-BB-HH>'"]),
    ("evaluasi", [NIP_STAF, "tw2", "--tahun", "2026", "--tanggal", "2026-07-06"], f"{STAF}/2026/evaluasi/tw2.yaml",
     ["- rhk: rhk-1", "- rhk: rhk-2", "indikator: iki-1", "indikator: iki-2", "kolaboratif: {}", "status: draft"]),
    ("umpan-balik", [NIP_STAF, "--tanggal", "2026-03-03", "--rhk", "rhk-2", "--judul", "pendampingan",
                     "--catatan", "Pendampingan berjalan baik."],
     f"{STAF}/2026/umpan-balik/2026-03-03-pendampingan.yaml",
     [f'dari: "{NIP_KEPALA}"', "tentang: {rhk: rhk-2}", "rahasia: false"]),
    ("keberatan", [NIP_STAF, "tw1", "--tahun", "2026", "--diajukan", "2026-04-12"], f"{STAF}/2026/keberatan/tw1.yaml",
     ["evaluasi: tw1", "batas pengajuan keberatan 2026-04-22", f'oleh: "{NIP_SEKJEN}"']),
    ("tim", ["tim-merit", "--unit", "sekretariat", "--nama", "Tim Percepatan Penerapan Sistem Merit",
             "--anggota", NIP_STAF, "--anggota", NIP_KEPALA, "--mulai", "2026-03-01"],
     "records/sekretariat/tim/tim-merit.yaml",
     [f'ketua: "{NIP_SEKJEN}"   # Dr. Bambang Sutrisno, M.Si., sekretariat',
      "periode: {mulai: 2026-03-01, selesai: 2026-12-31}",
      f'  - {{nip: "{NIP_STAF}", mulai: 2026-03-01}}   # Sari Wulandari, S.Kom., biro-sdm',
      'penugasan_dari: "tim:sekretariat/tim-merit/hasil-1"']),
]


@pytest.mark.parametrize("kind,args,rel,contains", KASUS, ids=[k[0] for k in KASUS])
def test_new_writes_a_valid_prefilled_file_and_never_overwrites(tmp_path, kind, args, rel, contains):
    records = tulis_arsip_sah(tmp_path)
    result = jalankan_cli("new", kind, *args, cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.out.strip() == rel
    path = tmp_path / rel
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    schema_kind = jenis.jenis(Path(rel).relative_to("records").parts)
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    assert (path.parent / first[len(prefix):]).resolve() == (tmp_path / "schemas" / f"{schema_kind}.schema.json")
    for part in contains:
        assert part in text
    berkas = arsip.Berkas(rel, str(path), schema_kind, Path(rel).relative_to("records").parts)
    assert arsip.baca(berkas, text.encode()).diagnostik == []
    assert "predikat:" not in text
    validate = json.loads(jalankan_cli("validate", "--format", "json", cwd=tmp_path).out)
    mine = [d for d in validate if d["file"] == rel]
    assert not [d for d in mine if d["code"].startswith(("K1", "K2", "K3"))], mine  # schema and layout
    before = path.stat().st_mtime_ns, text
    again = jalankan_cli("new", kind, *args, cwd=tmp_path)
    assert again.code == 2 and ("sudah ada" in again.err) and again.err.count("\n") == 1
    assert (path.stat().st_mtime_ns, path.read_text(encoding="utf-8")) == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert records.is_dir()


def test_skp_lists_the_superiors_rhk_to_choose_intervensi_from(tmp_path):
    tulis_arsip_sah(tmp_path)
    jalankan_cli("new", "pegawai", NIP_BARU, "--unit", "biro-sdm", "--nama", "Budi", "--jabatan", "Analis",
                 "--jenis-jabatan", "pelaksana", "--pangkat", "Pengatur (II/c)", cwd=tmp_path)
    result = jalankan_cli("new", "skp", NIP_BARU, "--tahun", "2026", cwd=tmp_path)
    assert result.code == 0, result.err
    text = (tmp_path / result.out.strip()).read_text()
    assert f'#   intervensi: "{NIP_KEPALA}/rhk-1"   # ' in text
    assert 'nama: "Hendra Wijaya, S.H., M.M."' in text  # the penilai block comes from the penilai's profile


def test_new_refuses_what_the_records_do_not_allow(tmp_path):
    tulis_arsip_sah(tmp_path)
    cases = [
        (["skp", "199909092020121009"], "tidak ditemukan"),
        (["skp", NIP_STAF, "--tahun", "2026"], "memerlukan --mulai"),
        (["evaluasi", NIP_STAF, "b03", "--tahun", "2026"], "tidak sesuai evaluasi periodik"),
        (["keberatan", NIP_STAF, "tw2", "--tahun", "2026"], "belum ada"),
        (["umpan-balik", NIP_STAF, "--tanggal", "2026-03-03", "--rhk", "rhk-7"], "RHK 'rhk-7' tidak ada"),
        (["unit", "Biro_SDM", "--nama", "x", "--pimpinan", NIP_SEKJEN], "kode unit"),
        (["unit", "biro-umum\n", "--nama", "x", "--pimpinan", NIP_SEKJEN], "kode unit"),
        (["umpan-balik", NIP_STAF, "--tanggal", "2026-03-03", "--judul", "uji\n"], "judul"),
        (["pegawai", NIP_BARU, "--unit", "biro-sdm", "--nama", "A", "--jabatan", "B", "--jenis-jabatan",
          "pelaksana", "--pangkat", "C", "--akun-git", "bukan akun!"], "isian tidak sah"),
    ]
    for args, message in cases:
        result = jalankan_cli("new", *args, cwd=tmp_path)
        assert result.code == 2 and message in result.err, (args, result.err)
    assert not list(tmp_path.rglob("*.tmp"))


def test_second_skp_in_a_year_after_a_transfer(tmp_path):
    tulis_arsip_sah(tmp_path)
    result = jalankan_cli("new", "skp", NIP_STAF, "--tahun", "2026", "--mulai", "2026-07-01", cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.out.strip() == f"{STAF}/2026-2/skp.yaml"
    assert "periode: {mulai: 2026-07-01, selesai: 2026-12-31}" in (tmp_path / result.out.strip()).read_text()
    assert os.path.exists(tmp_path / STAF / "2026" / "skp.yaml")


def _ditolak(tmp_path: Path, args: list[str], message: str) -> None:
    result = jalankan_cli("new", *args, cwd=tmp_path)
    assert result.code == 2 and message in result.err and "galat internal" not in result.err, (args, result.err)


def test_dates_outside_1900_to_2100_are_refused_without_overflow(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    _ditolak(tmp_path, ["keberatan", NIP_STAF, "tw1", "--tahun", "2026", "--diajukan", "9999-12-31"],
             "tahun 9999 di luar rentang")
    _ditolak(tmp_path, ["umpan-balik", NIP_STAF, "--tanggal", "9999-12-31"], "SKP tahun 9999")
    _ditolak(tmp_path, ["evaluasi", NIP_STAF, "tw2", "--tahun", "2026", "--tanggal", "2101-01-01"],
             "tahun 2101 di luar rentang")
    _ditolak(tmp_path, ["skp", NIP_STAF, "--tahun", "9999"],
             "nilai '9999' di luar batas yang diizinkan (paling besar 2100)")
    _ditolak(tmp_path, ["umpan-balik", NIP_STAF, "--tanggal", "0000-01-01"], "bukan tanggal TTTT-BB-HH")
    # An evaluation dated 9999-12-31 is not a valid record: no objection deadline is computed from it.
    evaluasi = records / "biro-sdm" / "pegawai" / NIP_STAF / "2026" / "evaluasi" / "tw1.yaml"
    evaluasi.write_text(evaluasi.read_text().replace("tanggal: 2026-04-08", "tanggal: 9999-12-31"))
    _ditolak(tmp_path, ["keberatan", NIP_STAF, "tw1", "--tahun", "2026"], "evaluasi tw1 SKP 2026 belum ada")
    assert not list(tmp_path.rglob("*.tmp"))


def test_evaluation_names_its_own_appraiser_when_the_profile_changed_since_the_skp(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    profil = records / "biro-sdm" / "pegawai" / NIP_STAF / "profil.yaml"
    profil.write_text(profil.read_text().replace(f'penilai: "{NIP_KEPALA}"', f'penilai: "{NIP_SEKJEN}"'))
    result = jalankan_cli("new", "evaluasi", NIP_STAF, "tw2", "--tahun", "2026", "--tanggal", "2026-07-06",
                          cwd=tmp_path)
    assert result.code == 0, result.err
    text = (tmp_path / result.out.strip()).read_text()
    assert f'penilai: "{NIP_SEKJEN}"   # penilai evaluasi ini (di SKP: {NIP_KEPALA})' in text


def test_evaluation_appraiser_given_on_the_command_line(tmp_path):
    """--penilai names who gave the evaluation; the SKP's own appraiser writes no penilai key."""
    tulis_arsip_sah(tmp_path)
    result = jalankan_cli("new", "evaluasi", NIP_STAF, "tw2", "--tahun", "2026", "--tanggal", "2026-07-06",
                          "--penilai", NIP_SEKJEN, cwd=tmp_path)
    assert result.code == 0, result.err
    text = (tmp_path / result.out.strip()).read_text()
    assert f'penilai: "{NIP_SEKJEN}"   # penilai evaluasi ini (di SKP: {NIP_KEPALA})' in text
    sama = jalankan_cli("new", "evaluasi", NIP_STAF, "tw3", "--tahun", "2026", "--tanggal", "2026-10-06",
                        "--penilai", NIP_KEPALA, cwd=tmp_path)
    assert sama.code == 0, sama.err
    assert "\npenilai:" not in (tmp_path / sama.out.strip()).read_text()
