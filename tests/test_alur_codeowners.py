"""`kinerja codeowners`: review routing written from the records, and --check."""

from __future__ import annotations

from pathlib import Path

from conftest import NIP_KEPALA, NIP_SEKJEN, NIP_STAF, ganti, jalankan_cli, tulis_arsip_sah

ROOT = Path(__file__).resolve().parent.parent


def _dengan_akun(tmp_path: Path) -> Path:
    records = tulis_arsip_sah(tmp_path)
    kepala = records / "biro-sdm" / "pegawai" / NIP_KEPALA / "profil.yaml"
    kepala.write_text(kepala.read_text() + "akun_git: hendraw\n")
    sekjen = records / "sekretariat" / "pegawai" / NIP_SEKJEN / "profil.yaml"
    sekjen.write_text(sekjen.read_text() + "akun_git: kemenco/sekjen\n")
    return records


def test_routing_follows_the_records_and_the_last_match_wins(tmp_path):
    _dengan_akun(tmp_path)
    result = jalankan_cli("codeowners", cwd=tmp_path)
    assert result.code == 0, result.err
    lines = [line for line in (tmp_path / ".github/CODEOWNERS").read_text().splitlines()
             if line and not line.startswith("#")]
    assert lines[0] == "* @hr-biro-sdm"  # the catch-all comes first
    staf = f"/records/biro-sdm/pegawai/{NIP_STAF}/"
    expected = [
        "/records/biro-sdm/ @hr-biro-sdm",
        f"/records/biro-sdm/pegawai/{NIP_KEPALA}/ @kemenco/sekjen",
        f"{staf} @hendraw",  # the staff member's penilai
        "/records/biro-sdm/pegawai/*/profil.yaml @hr-biro-sdm",  # roster data: the unit's admins
        "/records/biro-sdm/unit.yaml @hr-biro-sdm",
        "/records/biro-sdm/organisasi/ @kemenco/sekjen",  # the head of the parent unit
        f"{staf}2026/keberatan/ @kemenco/sekjen",  # the SKP's atasan pejabat penilai decides objections
    ]
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)  # general before specific
    # Nobody in this repository can approve the Secretary-General's own folder.
    assert "tidak ada yang dapat menyetujui" in result.err
    assert f"/records/sekretariat/pegawai/{NIP_SEKJEN}/" in result.err
    assert not any(line.startswith(f"/records/sekretariat/pegawai/{NIP_SEKJEN}/ ") for line in lines)


def test_missing_account_falls_back_to_the_unit_admins_with_a_warning(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    result = jalankan_cli("codeowners", cwd=tmp_path)
    text = (tmp_path / ".github/CODEOWNERS").read_text()
    assert f"/records/biro-sdm/pegawai/{NIP_STAF}/ @hr-biro-sdm\n" in text
    assert f"/records/biro-sdm/pegawai/{NIP_STAF}/: penilai ({NIP_KEPALA}) belum mencantumkan akun_git" in result.err
    assert "/records/sekretariat/organisasi/: tidak ada yang dapat menyetujui (unit tidak mencantumkan induk" \
        in result.err
    assert records.is_dir()


def test_check_passes_when_current_and_fails_when_the_records_moved_on(tmp_path):
    records = _dengan_akun(tmp_path)
    assert jalankan_cli("codeowners", "--check", cwd=tmp_path).code == 1  # not written yet
    assert jalankan_cli("codeowners", cwd=tmp_path).code == 0
    result = jalankan_cli("codeowners", "--check", cwd=tmp_path)
    assert result.code == 0 and "sesuai" in result.err
    ganti(records / "biro-sdm" / "pegawai" / NIP_STAF / "profil.yaml",
          f'penilai: "{NIP_KEPALA}"', f'penilai: "{NIP_SEKJEN}"')
    result = jalankan_cli("codeowners", "--check", cwd=tmp_path)
    assert result.code == 1 and "usang" in result.err
    assert jalankan_cli("codeowners", "--format", "gitlab", cwd=tmp_path).code == 0
    gitlab = (tmp_path / ".gitlab/CODEOWNERS").read_text()
    assert f"/records/biro-sdm/pegawai/{NIP_STAF}/ @kemenco/sekjen\n" in gitlab


def test_paths_are_relative_to_the_git_root_when_records_live_deeper(tmp_path, repo_git):
    repo_git()
    _dengan_akun(tmp_path / "data")
    result = jalankan_cli("codeowners", "--records", "data/records", cwd=tmp_path)
    assert result.code == 0
    assert "/data/records/biro-sdm/unit.yaml @hr-biro-sdm" in (tmp_path / ".github/CODEOWNERS").read_text()


def test_the_repository_s_own_codeowners_are_current():
    for host in ("github", "gitlab"):
        result = jalankan_cli("codeowners", "--check", "--format", host, cwd=ROOT)
        assert result.code == 0, result.err


def test_a_line_break_in_a_unit_name_adds_no_rule_and_check_catches_a_forged_file(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    ganti(records / "biro-sdm" / "unit.yaml", "nama: Biro Sumber Daya Manusia",
          'nama: "Biro SDM\\n/.github/ @anyone\\n* @anyone"')
    assert jalankan_cli("validate", cwd=tmp_path).code == 0  # a line break is allowed in text
    assert jalankan_cli("codeowners", cwd=tmp_path).code == 0
    text = (tmp_path / ".github/CODEOWNERS").read_text()
    assert "# Biro SDM\\n/.github/ @anyone\\n* @anyone\n" in text
    assert not [line for line in text.splitlines() if "@anyone" in line and not line.startswith("#")]
    forged = text.replace("# Biro SDM\\n/.github/ @anyone", "# Biro SDM\n/.github/ @anyone")
    (tmp_path / ".github/CODEOWNERS").write_text(forged)
    result = jalankan_cli("codeowners", "--check", cwd=tmp_path)
    assert result.code == 1 and "usang" in result.err


def test_a_team_file_goes_to_its_unit_head_and_admins_and_team_lead_feedback_to_the_appraiser(tmp_path):
    """tim/ of each unit: the unit head (who signs the decree) with the unit's admins, or the
    admins alone when the head has no account. Feedback a team lead writes in a member's folder
    follows that folder's line: the member's penilai."""
    records = _dengan_akun(tmp_path)
    lead = "198907182014022001"
    (records / "sekretariat" / "tim").mkdir()
    (records / "sekretariat" / "tim" / "tim-merit.yaml").write_text(
        f'kode: tim-merit\nnama: Tim Merit\nperiode: {{mulai: 2026-02-01, selesai: 2026-12-31}}\nketua: "{lead}"\n'
        f'hasil:\n  - {{id: hasil-1, uraian: Peta talenta}}\nanggota:\n  - {{nip: "{NIP_STAF}", mulai: 2026-02-01}}\n')
    umpan = records / "biro-sdm" / "pegawai" / NIP_STAF / "2026" / "umpan-balik" / "2026-03-02-ketua-tim.yaml"
    umpan.write_text(f'tanggal: 2026-03-02\ndari: "{lead}"\njenis: umpan_balik\ncatatan: Masukan ketua tim.\n')
    assert jalankan_cli("codeowners", cwd=tmp_path).code == 0
    lines = (tmp_path / ".github/CODEOWNERS").read_text().splitlines()
    assert "/records/biro-sdm/tim/ @hendraw @hr-biro-sdm" in lines
    assert "/records/sekretariat/tim/ @kemenco/sekjen" in lines
    rel = "/" + umpan.relative_to(tmp_path).as_posix()
    matching = [line for line in lines if line and not line.startswith("#") and rel.startswith(line.split()[0])]
    assert matching[-1] == f"/records/biro-sdm/pegawai/{NIP_STAF}/ @hendraw"
