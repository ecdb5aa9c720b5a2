"""`validate --changed-since` and `pr-summary` on real Git repositories built in tmp_path.

Each test starts from the minimal valid tree (tests/corpus/sah) committed on main with a
fixed author date, makes a branch that changes records, and checks what the reviewer sees.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import NIP_KEPALA, NIP_SEKJEN, NIP_STAF, ganti, jalankan_cli, tulis_arsip_sah

STAF = f"records/biro-sdm/pegawai/{NIP_STAF}"
KEPALA = f"records/biro-sdm/pegawai/{NIP_KEPALA}"


def git(repo: Path, *args: str, tanggal: str = "2026-05-04T10:00:00+07:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": tanggal, "GIT_COMMITTER_DATE": tanggal,
           "GIT_AUTHOR_NAME": "Petugas SDM", "GIT_AUTHOR_EMAIL": "sdm@contoh.go.id",
           "GIT_COMMITTER_NAME": "Petugas SDM", "GIT_COMMITTER_EMAIL": "sdm@contoh.go.id"}
    done = subprocess.run(["git", "-c", "gc.auto=0", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def komit(repo: Path, pesan: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", pesan)


def tulis(repo: Path, rel: str, text: str) -> None:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The minimal valid tree committed on main, with the staff's SKP set; HEAD on branch usulan."""
    tulis_arsip_sah(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    komit(tmp_path, "Rekaman awal")
    git(tmp_path, "checkout", "-q", "-b", "usulan")
    return tmp_path


def validate(repo: Path, *extra: str):
    result = jalankan_cli("validate", "--changed-since", "main", "--format", "json", *extra, cwd=repo)
    return result, (json.loads(result.out) if result.out.strip() else [])


def summary(repo: Path) -> str:
    result = jalankan_cli("pr-summary", "--base", "main", cwd=repo)
    assert result.code == 0, result.err
    return result.out


def codes(diagnostik) -> set[tuple[str, str]]:
    return {(d["code"], d["file"]) for d in diagnostik}


def test_the_fixture_is_valid_and_a_branch_without_changes_reports_nothing(repo):
    result, found = validate(repo)
    assert result.code == 0 and found == []
    assert "0 berkas rekaman berubah" in summary(repo)


def test_editing_a_final_evaluation_is_an_error_pointing_at_the_edit(repo):
    evaluasi = repo / STAF / "2026/evaluasi/tw1.yaml"
    ganti(evaluasi, "rating_hasil_kerja: sesuai_ekspektasi", "rating_hasil_kerja: di_bawah_ekspektasi")
    komit(repo, "Ubah rating")
    result, found = validate(repo)
    assert result.code == 1
    [k701] = [d for d in found if d["code"] == "K701"]
    assert k701["file"] == f"{STAF}/2026/evaluasi/tw1.yaml" and k701["severity"] == "error"
    line = evaluasi.read_text().splitlines().index("rating_hasil_kerja: di_bawah_ekspektasi") + 1
    assert (k701["line"], k701["column"]) == (line, len("rating_hasil_kerja: ") + 1)
    assert "Sesuai Ekspektasi → Di Bawah Ekspektasi" in k701["message"]
    text = summary(repo)
    assert "Predikat Triwulan I: **Baik** → **Butuh Perbaikan**" in text
    assert "**1 galat**" in text and "K701" in text


def test_comments_and_layout_in_a_final_evaluation_are_not_a_change(repo):
    evaluasi = repo / STAF / "2026/evaluasi/tw1.yaml"
    evaluasi.write_text(evaluasi.read_text() + "# catatan petugas: tidak mengubah isi\n")
    komit(repo, "Komentar")
    result, found = validate(repo)
    assert result.code == 0 and found == []


def test_deleting_a_set_skp_is_an_error_and_so_is_deleting_its_final_evaluation(repo):
    git(repo, "rm", "-rq", f"{STAF}/2026")
    komit(repo, "Hapus SKP")
    result, found = validate(repo)
    assert result.code == 1
    assert {("K703", f"{STAF}/2026/skp.yaml"), ("K702", f"{STAF}/2026/evaluasi/tw1.yaml")} <= codes(found)
    assert "SKP: Dihapus (sebelumnya berstatus ditetapkan)" in summary(repo)


def test_filing_and_deciding_an_objection_is_allowed_and_changes_the_predikat(repo):
    keberatan = f"{STAF}/2026/keberatan/tw1.yaml"
    tulis(repo, keberatan, 'evaluasi: tw1\ndiajukan: 2026-04-15\nalasan: "Bukti modul kedua belum dinilai."\n')
    komit(repo, "Ajukan keberatan")
    result, found = validate(repo)
    assert result.code == 0 and not [d for d in found if d["severity"] == "error"]
    text = summary(repo)
    assert "Keberatan atas evaluasi Triwulan I diajukan 2026-04-15" in text
    assert "Predikat Triwulan I" not in text  # filed, not decided: nothing changes yet

    tulis(repo, keberatan, 'evaluasi: tw1\ndiajukan: 2026-04-15\nalasan: "Bukti modul kedua belum dinilai."\n'
          f'keputusan:\n  oleh: "{NIP_SEKJEN}"\n  tanggal: 2026-04-25\n'
          '  rating_hasil_kerja: di_atas_ekspektasi\n  rating_perilaku_kerja: di_atas_ekspektasi\n'
          '  catatan: "Bukti tambahan diterima."\n')
    komit(repo, "Putuskan keberatan")
    result, found = validate(repo)
    assert result.code == 0, found
    assert not [d for d in found if d["severity"] == "error"]
    text = summary(repo)
    assert "Keberatan atas evaluasi Triwulan I diputus 2026-04-25 oleh" in text
    assert "Predikat Triwulan I: **Baik** → **Sangat Baik (keputusan keberatan)**" in text
    assert "### Kurva distribusi" in text and "Sangat Baik 1" in text

    # Once decided on main, the decision is final.
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "usulan")
    git(repo, "checkout", "-q", "-b", "ubah-keputusan")
    ganti(repo / keberatan, "rating_perilaku_kerja: di_atas_ekspektasi", "rating_perilaku_kerja: sesuai_ekspektasi")
    komit(repo, "Ubah keputusan")
    result, found = validate(repo)
    assert result.code == 1 and ("K705", keberatan) in codes(found)
    [k705] = [d for d in found if d["code"] == "K705"]
    lines = (repo / keberatan).read_text().splitlines()
    assert k705["line"] == lines.index("  rating_perilaku_kerja: sesuai_ekspektasi") + 1


def test_mirroring_a_decision_in_the_evaluation_is_allowed_but_other_edits_are_not(repo):
    tulis(repo, f"{STAF}/2026/keberatan/tw1.yaml",
          'evaluasi: tw1\ndiajukan: 2026-04-15\nalasan: "Bukti belum dinilai."\n'
          f'keputusan:\n  oleh: "{NIP_SEKJEN}"\n  tanggal: 2026-04-25\n'
          '  rating_hasil_kerja: di_atas_ekspektasi\n  rating_perilaku_kerja: sesuai_ekspektasi\n'
          '  catatan: "Diterima."\n')
    evaluasi = repo / STAF / "2026/evaluasi/tw1.yaml"
    ganti(evaluasi, "rating_hasil_kerja: sesuai_ekspektasi", "rating_hasil_kerja: di_atas_ekspektasi")
    komit(repo, "Keputusan dan cerminannya")
    result, found = validate(repo)
    assert "K701" not in {d["code"] for d in found}
    ganti(evaluasi, "catatan_rekomendasi: Ikutkan", "catatan_rekomendasi: Wajib ikut")
    komit(repo, "Ubah catatan")
    result, found = validate(repo)
    assert result.code == 1 and "K701" in {d["code"] for d in found}


def test_adding_feedback_is_fine_and_confidential_text_is_never_quoted(repo):
    tulis(repo, f"{STAF}/2026/umpan-balik/2026-03-02.yaml",
          f'tanggal: 2026-03-02\ndari: "{NIP_KEPALA}"\njenis: dialog_kinerja\ntentang: {{rhk: rhk-1}}\n'
          'catatan: "Uji beban <b>selesai</b> [tautan](http://contoh)"\nrahasia: false\n')
    tulis(repo, f"{STAF}/2026/umpan-balik/2026-03-09-konseling.yaml",
          f'tanggal: 2026-03-09\ndari: "{NIP_KEPALA}"\njenis: konseling\n'
          'catatan: "Masalah pribadi yang dibahas"\nrahasia: true\n')
    komit(repo, "Umpan balik")
    result, found = validate(repo)
    assert result.code == 0 and found == []
    text = summary(repo)
    assert "Ditambahkan dialog kinerja 2026-03-02 dari Hendra" in text and "tentang RHK rhk-1" in text
    assert "<b>" not in text and "\\<b\\>" in text and "\\[tautan\\](http" in text  # escaped, not rendered
    assert "konseling kinerja 2026-03-09" in text and "rahasia, isinya tidak ditampilkan" in text
    assert "Masalah pribadi" not in text


REVISI = f'revisi:\n  - {{tanggal: 2026-05-02, alasan: Target dinaikkan., disetujui_oleh: "{NIP_KEPALA}"}}\n'


def test_changing_a_target_with_a_revision_warns_and_the_summary_names_both(repo):
    skp = repo / STAF / "2026/skp.yaml"
    ganti(skp, "target: {nilai: 4, satuan: modul}", "target: {nilai: 5, satuan: modul}")
    skp.write_text(skp.read_text() + REVISI)
    komit(repo, "Naikkan target")
    result, found = validate(repo)
    assert result.code == 0
    [k704] = [d for d in found if d["code"] == "K704"]
    assert k704["severity"] == "warning"
    assert "Target indikator iki-1 (RHK rhk-1): 4 modul → 5 modul" in k704["message"]
    line = skp.read_text().splitlines().index("        target: {nilai: 5, satuan: modul}") + 1
    assert k704["line"] == line
    assert validate(repo, "--strict")[0].code == 1
    assert "Target indikator iki-1 (RHK rhk-1): 4 modul → 5 modul" in summary(repo)
    assert "Revisi SKP 2026-05-02: “Target dinaikkan.”, disetujui Hendra" in summary(repo)


def test_changing_a_set_skp_without_a_revision_is_an_error(repo):
    skp = repo / STAF / "2026/skp.yaml"
    ganti(skp, "target: {nilai: 4, satuan: modul}", "target: {nilai: 5, satuan: modul}")
    komit(repo, "Naikkan target diam-diam")
    result, found = validate(repo)
    assert result.code == 1
    [k707] = [d for d in found if d["code"] == "K707"]
    assert k707["severity"] == "error" and "tanpa catatan revisi" in k707["message"]
    assert "4 modul → 5 modul" in k707["message"]
    assert k707["line"] == skp.read_text().splitlines().index("        target: {nilai: 5, satuan: modul}") + 1


def test_a_revision_drops_an_rhk_that_an_earlier_evaluation_still_refers_to(repo):
    skp = repo / STAF / "2026/skp.yaml"
    evaluasi = (repo / STAF / "2026/evaluasi/tw1.yaml").read_text()
    assert "rhk: rhk-1" in evaluasi
    # the RHK is kept with berlaku_sampai after the first quarter: tw1 still refers to it, tw2 may not
    ganti(skp, "    jenis: utama\n", "    jenis: utama\n    berlaku_sampai: 2026-03-31\n")
    skp.write_text(skp.read_text() + REVISI)
    tulis(repo, f"{STAF}/2026/evaluasi/tw2.yaml",
          evaluasi.replace("periode: tw1", "periode: tw2").replace("tanggal: 2026-04-08", "tanggal: 2026-07-08"))
    komit(repo, "Revisi: RHK rhk-1 berakhir")
    result, found = validate(repo)
    assert ("K424", f"{STAF}/2026/evaluasi/tw2.yaml") in codes(found)
    assert ("K424", f"{STAF}/2026/evaluasi/tw1.yaml") not in codes(found)
    assert "K707" not in {d["code"] for d in found}


def test_a_superiors_removed_rhk_is_reported_on_the_unchanged_subordinate(repo):
    skp = repo / KEPALA / "2026/skp.yaml"
    text = skp.read_text()
    assert "id: rhk-1" in text
    skp.write_text(text.replace("id: rhk-1", "id: rhk-9"))
    komit(repo, "Ganti id RHK")
    result, found = validate(repo)
    assert result.code == 1
    assert ("K410", f"{STAF}/2026/skp.yaml") in codes(found)


def test_staged_changes_count_and_paths_after_the_double_dash_filter(repo):
    ganti(repo / STAF / "2026/skp.yaml", "target: {nilai: 4, satuan: modul}", "target: {nilai: 6, satuan: modul}")
    git(repo, "add", "-A")  # staged, not committed
    result, found = validate(repo)
    assert {d["code"] for d in found} == {"K707"}
    result, found = validate(repo, "--", "records/sekretariat")
    assert result.code == 0 and found == []


def test_bad_revisions_and_folders_outside_git_exit_2_with_one_line(repo, tmp_path_factory):
    for rev in ("tidak-ada", "--output=/tmp/x", "main~99"):
        result = jalankan_cli("validate", f"--changed-since={rev}", cwd=repo)
        assert result.code == 2, rev
        assert result.err.count("\n") == 1 and "revisi" in result.err and "Traceback" not in result.err
    result = jalankan_cli("pr-summary", "--base", "tidak-ada", cwd=repo)
    assert result.code == 2 and "tidak ditemukan" in result.err
    plain = tmp_path_factory.mktemp("bukan-git")
    tulis_arsip_sah(plain)
    result = jalankan_cli("validate", "--changed-since", "main", cwd=plain)
    assert result.code == 2 and "tidak berada di dalam repositori Git" in result.err


def test_units_changed_since_lists_the_units_a_change_touches(repo):
    ganti(repo / STAF / "2026/skp.yaml", "target: {nilai: 4, satuan: modul}", "target: {nilai: 5, satuan: modul}")
    komit(repo, "Target")
    result = jalankan_cli("units", "--changed-since", "main", "--json", cwd=repo)
    assert result.code == 0 and json.loads(result.out) == ["biro-sdm"]
    assert jalankan_cli("units", "--json", cwd=repo).out.strip() == '["biro-sdm", "sekretariat"]'
    assert jalankan_cli("units", "--bagian", "2/2", cwd=repo).out == "sekretariat\n"


# --- the subset the change loads gives the same answers as the whole tree ---------------------

def test_an_organisation_rating_change_shows_in_the_unit_section_and_the_curve(repo):
    ganti(repo / "records/biro-sdm/organisasi/2026.yaml", "predikat: istimewa", "predikat: butuh_perbaikan")
    komit(repo, "Predikat organisasi")
    result, found = validate(repo)
    assert result.code == 0
    text = summary(repo)
    assert "#### Biro Sumber Daya Manusia (biro-sdm)" in text
    assert "Predikat organisasi Triwulan I: Istimewa → Butuh Perbaikan." in text
    row = next(line for line in text.splitlines() if line.startswith("| biro-sdm | Triwulan I 2026 |"))
    assert "Istimewa → Butuh Perbaikan" in row and "Baik 1 (menyimpang, dengan kalibrasi)" in row
    assert "menyimpang" in row.split("|")[5]  # after: butuh_perbaikan needs at least 60% Butuh Perbaikan


@pytest.mark.parametrize("isi", [
    "tanggal: 2026-03-02\ncatatan: Progres: selesai\n",  # not valid YAML
    "- sebuah daftar\n",  # YAML, but not one mapping
    'tanggal: 2026-03-02\ndari: 5\njenis: [dialog_kinerja]\ntentang: rhk-1\ncatatan: {a: 1}\n',  # wrong shapes
])
def test_the_summary_shows_a_broken_added_record_as_invalid(repo, isi):
    tulis(repo, f"{STAF}/2026/umpan-balik/2026-03-02.yaml", isi)
    tulis(repo, f"{STAF}/2026/evaluasi/tw2.yaml", isi)
    ganti(repo / STAF / "2026/skp.yaml", "tahun: 2026", "tahun: 2026\nhasil_kerja: rusak")
    komit(repo, "Rekaman rusak")
    text = summary(repo)
    assert text.count("bukan rekaman yang sah") == 3
    assert "galat" in text


def test_the_summary_of_a_deleted_or_repaired_broken_record(repo):
    tulis(repo, f"{STAF}/2026/evaluasi/tw2.yaml", "a: [\n")
    tulis(repo, f"{STAF}/2026/evaluasi/tw3.yaml", "a: [\n")
    komit(repo, "Rekaman rusak")
    git(repo, "branch", "-f", "main")
    (repo / STAF / "2026/evaluasi/tw2.yaml").unlink()
    tulis(repo, f"{STAF}/2026/evaluasi/tw3.yaml", (repo / STAF / "2026/evaluasi/tw1.yaml").read_text()
          .replace("periode: tw1", "periode: tw3").replace("tanggal: 2026-04-08", "tanggal: 2026-10-08")
          .replace("status: final", "status: draft"))
    komit(repo, "Perbaiki")
    text = summary(repo)
    assert "- Evaluasi Triwulan II: Dihapus (sebelumnya bukan rekaman yang sah)." in text
    assert "- Evaluasi Triwulan III: Diperbaiki: versi sebelumnya bukan rekaman yang sah." in text


def test_an_empty_revision_is_a_usage_error_not_a_plain_validation(repo):
    result = jalankan_cli("validate", "--changed-since", "", cwd=repo)
    assert (result.code, result.out) == (2, "")
    assert result.err == "kinerja: revisi '' tidak sah.\n"


def test_a_staged_edit_is_checked_even_when_the_working_copy_was_put_back(repo):
    """--changed-since reads what `git commit` would record (the index), not the working tree."""
    evaluasi = repo / STAF / "2026/evaluasi/tw1.yaml"
    asli = evaluasi.read_text()
    ganti(evaluasi, "rating_hasil_kerja: sesuai_ekspektasi", "rating_hasil_kerja: di_bawah_ekspektasi")
    git(repo, "add", "-A")
    evaluasi.write_text(asli)
    result, found = validate(repo)
    assert result.code == 1
    [k701] = [d for d in found if d["code"] == "K701"]
    line = asli.splitlines().index("rating_hasil_kerja: sesuai_ekspektasi") + 1
    assert (k701["file"], k701["line"]) == (f"{STAF}/2026/evaluasi/tw1.yaml", line)


DEMO = Path(__file__).resolve().parents[1] / "records"


def test_lowering_a_past_organisation_rating_cannot_change_a_heads_final_predikat(tmp_path):
    """K706: the head's final results rating comes from the organisation rating, so changing that
    rating afterwards is a change of a final result without an objection decision."""
    import shutil

    shutil.copytree(DEMO, tmp_path / "records")
    git(tmp_path, "init", "-q", "-b", "main")
    komit(tmp_path, "Rekaman contoh")
    git(tmp_path, "checkout", "-q", "-b", "usulan")
    organisasi = tmp_path / "records/bagian-pengembangan-pegawai/organisasi/2025.yaml"
    text = organisasi.read_text()
    lama = text.split("predikat: ", 1)[1].split("\n", 1)[0]
    organisasi.write_text(text.replace(f"predikat: {lama}", "predikat: sangat_kurang", 1))
    komit(tmp_path, "Turunkan predikat organisasi")
    result, found = validate(tmp_path)
    k706 = [d for d in found if d["code"] == "K706"]
    assert result.code == 1 and k706, found
    assert all(d["severity"] == "error" and "tanpa keputusan keberatan" in d["message"] for d in k706)
    assert any("records/bagian-pengembangan-pegawai/organisasi/2025.yaml" in d["message"] for d in k706)
KETUA_TIM = "198907182014022001"
TIM = "records/sekretariat/tim/tim-merit.yaml"
TIM_ISI = (f'kode: tim-merit\nnama: Tim Percepatan Penerapan Sistem Merit\n'
           f'periode: {{mulai: 2026-02-01, selesai: 2026-12-31}}\nketua: "{KETUA_TIM}"\n'
           f'hasil:\n  - {{id: hasil-1, uraian: Terpetakannya talenta jabatan administrator}}\n'
           f'anggota:\n  - {{nip: "{NIP_STAF}", mulai: 2026-02-01}}\n')


def _dengan_tim(repo: Path) -> None:
    """A team in sekretariat (its lead a new employee there) whose result the staff member's rhk-2 carries."""
    profil = (repo / STAF / "profil.yaml").read_text(encoding="utf-8")
    tulis(repo, f"records/sekretariat/pegawai/{KETUA_TIM}/profil.yaml",
          profil.replace(NIP_STAF, KETUA_TIM).replace(NIP_KEPALA, NIP_SEKJEN))
    tulis(repo, TIM, TIM_ISI)
    skp = repo / STAF / "2026/skp.yaml"
    ganti(skp, "  - id: rhk-2\n    jenis: tambahan\n",
          '  - id: rhk-2\n    jenis: tambahan\n    penugasan_dari: "tim:sekretariat/tim-merit/hasil-1"\n')
    skp.write_text(skp.read_text() + REVISI)  # a set SKP changes only through a revision


def test_a_new_team_is_named_in_the_summary(repo):
    _dengan_tim(repo)
    komit(repo, "Bentuk tim")
    result, found = validate(repo)
    assert result.code == 0 and {d["code"] for d in found} == {"K704"}  # the set SKP was changed
    text = summary(repo)
    assert "#### Sekretariat Jenderal (sekretariat)" in text
    assert ("- Tim kerja Tim Percepatan Penerapan Sistem Merit (tim-merit): Tim kerja baru: "
            "“Tim Percepatan Penerapan Sistem Merit”, ketua Sari Wulandari, S.Kom. (19890718 201402 2 001), "
            "1 anggota, 1 hasil kerja tim.") in text
    assert "Penugasan dari (RHK rhk-2) diisi: tim:sekretariat/tim-merit/hasil-1." in text


def test_a_branch_that_edits_a_team_rechecks_the_members_carrying_its_results(repo):
    _dengan_tim(repo)
    komit(repo, "Bentuk tim")
    git(repo, "branch", "-f", "main", "HEAD")
    ganti(repo / TIM, f'  - {{nip: "{NIP_STAF}", mulai: 2026-02-01}}\n',
          f'  - {{nip: "{NIP_STAF}", mulai: 2026-02-01}}\n  - {{nip: "{NIP_KEPALA}", mulai: 2026-06-01}}\n')
    ganti(repo / TIM, f'ketua: "{KETUA_TIM}"', f'ketua: "{NIP_SEKJEN}"')
    ganti(repo / TIM, "id: hasil-1", "id: hasil-2")
    komit(repo, "Ubah tim")
    result, found = validate(repo)
    assert result.code == 1
    assert ("K433", f"{STAF}/2026/skp.yaml") in codes(found)  # the member's SKP was checked again
    text = summary(repo)
    assert ("Ketua tim: Sari Wulandari, S.Kom. (19890718 201402 2 001) → Dr. Bambang Sutrisno, M.Si. "
            "(19750210 200003 1 001).") in text
    assert "Anggota baru: Hendra Wijaya, S.H., M.M. (19800315 200501 1 002) (sejak 2026-06-01)." in text
    assert "Hasil tim baru hasil-2" in text and "Hasil tim hasil-1 dihapus" in text
