"""The change scope is derived, so it cannot be quietly wrong: after any change, a warm run (only
what the change affects re-checked) gives the result of a run without the cache, and
`--changed-since` reports every diagnostic the change adds to a full run.

Every mutation kind is applied on its own to the demo records in a real Git repository
(deterministically), then random whole-record mutations and random sequences; the `slow`
variant runs many more.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import jalankan_cli
from kinerja import pemeriksaan, riwayat

DEMO = Path(__file__).resolve().parents[1] / "records"
ENV = {**os.environ, "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@contoh.go.id", "GIT_COMMITTER_NAME": "Uji",
       "GIT_COMMITTER_EMAIL": "uji@contoh.go.id", "GIT_AUTHOR_DATE": "2026-01-02T10:00:00+07:00",
       "GIT_COMMITTER_DATE": "2026-01-02T10:00:00+07:00"}
BIRO, BAGIAN = "biro-sdm", "bagian-pengembangan-pegawai"
KEPALA_BIRO = "197408231999031002"
KABAG = "197904122003122001"
KEPALA_BAGIAN = "197810302002121004"
TIM_STATISTIK = f"{BIRO}/tim/tim-statistik-kepegawaian.yaml"  # inside biro-sdm; a member joined in July
TIM_KOMPETENSI = f"{BIRO}/tim/tim-penguatan-kompetensi.yaml"  # members in both units, led from the other


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True, text=True).stdout


def _berkas(records: Path, pattern: str, index: int = 0) -> Path | None:
    found = sorted(records.glob(pattern))
    return found[index % len(found)] if found else None


def _hapus(pattern: str, index: int = 0):
    def run(records: Path, rng: random.Random) -> None:
        path = _berkas(records, pattern, index)
        if path is not None:
            path.unlink()
    return run


def _ganti(pattern: str, old: str, new: str, index: int = 0):
    """Replace the first match of the regex old in the index-th file matching pattern."""
    def run(records: Path, rng: random.Random) -> None:
        path = _berkas(records, pattern, index)
        if path is not None:
            path.write_text(re.sub(old, new, path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    return run


def _pindah(pattern: str, ke: str):
    """Move an employee's folder to another unit."""
    def run(records: Path, rng: random.Random) -> None:
        path = _berkas(records, pattern)
        if path is not None:
            shutil.move(path, records / ke / "pegawai" / path.name)
    return run


def _ganti_nama(pattern: str, baru: str):
    def run(records: Path, rng: random.Random) -> None:
        path = _berkas(records, pattern)
        if path is not None and not (path.parent / baru).exists():
            path.rename(path.parent / baru)
    return run


def _tambah(path: Path | None, text: str) -> None:
    """Append top-level keys to a record."""
    if path is not None and path.exists():
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _pindah_tim(pattern: str, ke: str):
    """Move a team file to another unit's tim/ folder."""
    def run(records: Path, rng: random.Random) -> None:
        path = _berkas(records, pattern)
        if path is not None:
            (records / ke / "tim").mkdir(exist_ok=True)
            shutil.move(path, records / ke / "tim" / path.name)
    return run


def _tanpa_jejak_waktu(records: Path, rng: random.Random) -> None:
    """Add an evaluation and edit another file, then put every touched mtime back (rsync -a, cp -p)."""
    folder = records / BIRO / "pegawai" / KABAG / "2026" / "evaluasi"
    stats = {p: os.stat(p) for p in (folder, folder / "tw1.yaml")}
    shutil.copyfile(folder / "tw1.yaml", folder / "tw4.yaml")
    text = (folder / "tw1.yaml").read_text(encoding="utf-8")
    (folder / "tw1.yaml").write_text(re.sub(r"rating_perilaku_kerja: \w+", "rating_perilaku_kerja: x", text, count=1),
                                     encoding="utf-8")
    for path, st in stats.items():
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.utime(folder / "tw4.yaml", ns=(stats[folder].st_atime_ns, stats[folder].st_mtime_ns))


def _isi_acak(records: Path, rng: random.Random) -> None:
    """A random record takes the content of another random record (of any kind)."""
    files = sorted(p for p in records.rglob("*.yaml"))
    target, source = rng.choice(files), rng.choice(files)
    target.write_bytes(source.read_bytes())


def _hapus_acak(records: Path, rng: random.Random) -> None:
    rng.choice(sorted(records.rglob("*.yaml"))).unlink()


def _nilai_acak(records: Path, rng: random.Random) -> None:
    """One random scalar of a random record replaced by a value another record uses for some key."""
    files = sorted(records.rglob("*.yaml"))
    path = rng.choice(files)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    scalars = [i for i, line in enumerate(lines) if re.match(r"\s*[a-z_]+: \S", line)]
    donor = [line for line in rng.choice(files).read_text(encoding="utf-8").splitlines()
             if re.match(r"\s*[a-z_]+: \S", line)]
    if scalars and donor:
        i = rng.choice(scalars)
        key = lines[i].split(":", 1)[0]
        lines[i] = key + ":" + rng.choice(donor).split(":", 1)[1] + "\n"
        path.write_text("".join(lines), encoding="utf-8")


MUTASI = {
    "rating diubah": _ganti(f"{BIRO}/pegawai/*/2025/evaluasi/tw2.yaml", r"rating_perilaku_kerja: \w+",
                            "rating_perilaku_kerja: di_bawah_ekspektasi"),
    "evaluasi dihapus": _hapus(f"{BAGIAN}/pegawai/*/2026/evaluasi/tw1.yaml", 1),
    "evaluasi ditambah": lambda r, rng: shutil.copyfile(_berkas(r, f"{BIRO}/pegawai/*/2026/evaluasi/tw3.yaml"),
                                                        _berkas(r, f"{BIRO}/pegawai/*/2026/evaluasi/tw3.yaml").parent
                                                        / "tw4.yaml"),
    "evaluasi berganti nama": _ganti_nama(f"{BAGIAN}/pegawai/*/2026/evaluasi/tw3.yaml", "tw4.yaml"),
    "rhk atasan diganti": _ganti(f"{BIRO}/pegawai/{KABAG}/2026/skp.yaml", r"id: rhk-1\b", "id: rhk-91"),
    "rhk atasan ditambah": _ganti(f"{BIRO}/pegawai/{KABAG}/2026/skp.yaml", r"hasil_kerja:\n",
                                  "hasil_kerja:\n  - id: rhk-90\n    jenis: tambahan\n    uraian: Baru\n"
                                  "    indikator:\n      - {id: iki-90, aspek: kuantitas, uraian: Baru, "
                                  "target: {nilai: 1, satuan: laporan}}\n"),
    "penilai asing": _ganti(f"{BAGIAN}/pegawai/*/profil.yaml", r'penilai: "\d+"', 'penilai: "199001012015031001"'),
    "penilai lain": _ganti(f"{BIRO}/pegawai/*/profil.yaml", r'penilai: "\d+"', f'penilai: "{KEPALA_BAGIAN}"', 3),
    "predikat organisasi": _ganti(f"{BIRO}/organisasi/2025.yaml", r"predikat: \w+", "predikat: butuh_perbaikan"),
    "kalibrasi": _ganti(f"{BAGIAN}/organisasi/2025.yaml", r"(predikat: \w+\n)",
                        r"\1    kalibrasi: Disepakati dalam rapat kalibrasi.\n"),
    "organisasi dihapus": _hapus(f"{BAGIAN}/organisasi/2026.yaml"),
    "berkas asing": lambda r, rng: (r / BIRO / "catatan.txt").write_text("catatan\n", encoding="utf-8"),
    "yaml rusak": _ganti(f"{BIRO}/pegawai/*/2026/umpan-balik/*.yaml", r"catatan: ", "catatan: [ "),
    "profil dihapus": _hapus(f"{BIRO}/pegawai/*/profil.yaml", 6),
    "profil pimpinan dihapus": _hapus(f"{BAGIAN}/pegawai/{KEPALA_BAGIAN}/profil.yaml"),
    "profil tidak sah": _ganti(f"{BAGIAN}/pegawai/{KEPALA_BAGIAN}/profil.yaml", r"jenis_asn: \w+", "jenis_asn: x"),
    "skp jadi draft": _ganti(f"{BAGIAN}/pegawai/*/2025/skp.yaml", r"status: ditetapkan", "status: draft"),
    "pimpinan diganti": _ganti(f"{BIRO}/unit.yaml", r'pimpinan: "\d+"', f'pimpinan: "{KABAG}"'),
    "pimpinan dari unit lain": _ganti(f"{BAGIAN}/unit.yaml", r'pimpinan: "\d+"', f'pimpinan: "{KEPALA_BIRO}"'),
    "unit.yaml dihapus": _hapus(f"{BAGIAN}/unit.yaml"),
    "induk diganti": _ganti(f"{BAGIAN}/unit.yaml", r"induk: [\w-]+", "induk: unit-lain"),
    "pegawai pindah unit": _pindah(f"{BIRO}/pegawai/19*", BAGIAN),
    "pimpinan pindah unit": _pindah(f"{BAGIAN}/pegawai/{KEPALA_BAGIAN}", BIRO),
    "atasan pindah unit": _pindah(f"{BIRO}/pegawai/{KABAG}", BAGIAN),
    "skp atasan dihapus": _hapus(f"{BIRO}/pegawai/{KABAG}/2026/skp.yaml"),
    "periode skp diubah": _ganti(f"{BIRO}/pegawai/*/2026/skp.yaml", r"selesai: 2026-12-31", "selesai: 2026-06-30"),
    "tahun skp": _ganti(f"{BIRO}/pegawai/*/2026/skp.yaml", r"tahun: 2026", "tahun: 2027"),
    "keputusan keberatan": _ganti(f"{BAGIAN}/pegawai/*/2025/keberatan/tahunan.yaml",
                                  r"rating_perilaku_kerja: \w+", "rating_perilaku_kerja: di_atas_ekspektasi"),
    "umpan balik baru": lambda r, rng: (r / BIRO / "pegawai" / KABAG / "2026" / "umpan-balik").is_dir() and (
        r / BIRO / "pegawai" / KABAG / "2026" / "umpan-balik" / "2026-03-03-baru.yaml").write_text(
        f'tanggal: 2026-03-03\ndari: "{KEPALA_BIRO}"\njenis: umpan_balik\ntentang: {{rhk: rhk-77}}\n'
        "catatan: Catatan baru.\n", encoding="utf-8"),
    "nip di dua unit": lambda r, rng: shutil.copytree(r / BIRO / "pegawai" / KABAG, r / BAGIAN / "pegawai" / KABAG,
                                                      dirs_exist_ok=True),
    "pimpinan berganti bermasa": _ganti(f"{BIRO}/unit.yaml", r'pimpinan: "\d+"',
                                        f'pimpinan:\n  - {{nip: "{KEPALA_BIRO}", mulai: 2020-01-01, '
                                        'selesai: 2025-12-31}'
                                        f'\n  - {{nip: "{KABAG}", mulai: 2026-01-01}}'),
    "plt pimpinan": _ganti(f"{BAGIAN}/unit.yaml", r'pimpinan: "(\d+)"',
                           r'pimpinan:\n  - {nip: "\1", mulai: 2020-01-01, selesai: 2026-03-31}'
                           f'\n  - {{nip: "{KABAG}", mulai: 2026-04-01, sebagai: plt}}'),
    "status absen": lambda r, rng: _tambah(_berkas(r, f"{BIRO}/pegawai/*/profil.yaml", 2),
                                           "status:\n  - {jenis: tugas_belajar, mulai: 2026-01-01}\n"),
    "revisi skp": lambda r, rng: _tambah(_berkas(r, f"{BIRO}/pegawai/*/2026/skp.yaml", 1),
                                         'revisi:\n  - {tanggal: 2026-06-01, alasan: Ubah., '
                                         f'disetujui_oleh: "{KABAG}"}}\n'),
    "rhk berakhir": _ganti(f"{BIRO}/pegawai/*/2026/skp.yaml", r"(\n    jenis: \w+\n)",
                           r"\1    berlaku_sampai: 2026-03-31\n", 2),
    "penilai evaluasi": _ganti(f"{BAGIAN}/pegawai/*/2026/evaluasi/tw2.yaml", r"(status: \w+\n)",
                               f'\\1penilai: "{KEPALA_BIRO}"\n', 2),
    "aturan instansi": lambda r, rng: _tambah(r / "instansi.yaml",
                                              "aturan: {kurva_mayoritas: lebih_dari_separuh, hari_keberatan: 3}\n"),
    "anggota tim ditambah": _ganti(TIM_STATISTIK, r"anggota:\n",
                                   'anggota:\n  - {nip: "199003082024211004", mulai: 2026-09-01}\n'),
    "anggota tim dihapus": _ganti(TIM_STATISTIK, r'  - \{nip: "198809192011042001", mulai: 2026-02-02\}\n', ""),
    "anggota tim bergabung belakangan": _ganti(TIM_STATISTIK, r"mulai: 2026-07-01", "mulai: 2026-09-01"),
    "ketua tim diganti": _ganti(TIM_KOMPETENSI, r'ketua: "\d+"', 'ketua: "198311052009021003"'),
    "hasil tim berganti kode": _ganti(TIM_KOMPETENSI, r"id: hasil-1\b", "id: hasil-9"),
    "tim dihapus": _hapus(TIM_STATISTIK),
    "tim tidak sah": _ganti(TIM_KOMPETENSI, r"ketua: ", "pemimpin: "),
    "tim pindah unit": _pindah_tim(TIM_KOMPETENSI, BAGIAN),
    "penugasan tim diganti": _ganti(f"{BAGIAN}/pegawai/198612032010032003/2026/skp.yaml", r"kompetensi/hasil-2",
                                    "kompetensi/hasil-1"),
    "waktu dipulihkan": _tanpa_jejak_waktu,
    "isi acak": _isi_acak,
    "hapus acak": _hapus_acak,
    "nilai acak": _nilai_acak,
}
ACAK = ("isi acak", "hapus acak", "nilai acak")


@pytest.fixture(scope="module")
def induk(tmp_path_factory) -> tuple[Path, list]:
    """A Git repository holding the demo records, committed on main, and their full result."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(DEMO, root / "records")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "records")
    _git(root, "commit", "-qm", "rekaman")
    return root, _validate(root, "--no-cache")


def _validate(root: Path, *extra: str) -> list:
    result = jalankan_cli("validate", "--format", "json", *extra, cwd=root)
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


def _penuh(root: Path, cache: Path) -> list:
    """A full check (no last run to start from; parsing still comes from the content-addressed
    per-file cache, which keys by blob id and is tested on its own)."""
    for terakhir in cache.rglob("terakhir.bin"):
        terakhir.unlink()
    return _validate(root)


def _kunci(d: dict) -> tuple:
    return (d["file"], d["line"], d["column"], d["code"], d["message"])


@pytest.fixture
def salinan(induk, tmp_path_factory, monkeypatch) -> Path:
    """The module's repository put back to main, its cache shared across the module's tests (each
    test's warm runs start from whatever state the previous one left)."""
    root, awal = induk
    _git(root, "checkout", "-q", "-f", "main")
    _git(root, "clean", "-q", "-fdx", "records")
    monkeypatch.setenv("KINERJA_CACHE", str(root.parent / "tembolok-lingkup"))
    assert _validate(root) == awal, "a warm run back on main gives main's full result"
    return root


def _dasar_seperti_ls_tree(records: Path) -> None:
    """The merge base's listing that --changed-since derives from the index and the diff is the
    one Git lists for that commit: the same records, misplaced files and blob ids."""
    staged = pemeriksaan.daftar_pohon(records, revisi=":")
    assert staged.top is not None
    dasar = riwayat.titik_cabang(staged.top, riwayat.verifikasi(staged.top, "main"))
    turunan = pemeriksaan.daftar_turunan(staged, records, riwayat.berubah(staged.top, dasar, "records"))
    penuh = pemeriksaan.daftar_pohon(records, revisi=dasar)
    assert turunan is not None
    assert (turunan.berkas, turunan.salah, turunan.blobs) == (penuh.berkas, penuh.salah, penuh.blobs)


def _periksa(root: Path, names: list[str], seed: int, penuh=_penuh) -> None:
    """Apply the mutations one after another; after each, a warm run equals a full one, and the
    branch check reports every diagnostic that the change adds to the full run."""
    rng = random.Random(seed)
    cache = root.parent / "tembolok-lingkup"
    base = {_kunci(d) for d in penuh(root, cache)}
    _validate(root)  # the warm state the next runs start from
    for name in names:
        MUTASI[name](root / "records", rng)
        warm = _validate(root)
        full = penuh(root, cache)
        assert warm == full, f"{names} (seed {seed})"
        _git(root, "add", "-A", "records")
        _dasar_seperti_ls_tree(root / "records")
        dilaporkan = {_kunci(d) for d in _validate(root, "--changed-since", "main")}
        missing = ({_kunci(d) for d in full} - base) - dilaporkan
        assert not missing, f"{names} (seed {seed}): --changed-since misses {sorted(missing)}"
        assert {k for k in dilaporkan if not k[3].startswith("K7")} <= {_kunci(d) for d in full}, names


@pytest.mark.parametrize("name", sorted(set(MUTASI) - set(ACAK)))
def test_every_mutation_kind(salinan: Path, name: str):
    _periksa(salinan, [name], 0)


@pytest.mark.parametrize("seed", range(6))
def test_random_records_and_sequences(salinan: Path, seed: int):
    rng = random.Random(seed)
    _periksa(salinan, [rng.choice(sorted(MUTASI)) for _ in range(3)] + [ACAK[seed % 3]], seed)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(6, 60))
def test_random_records_and_sequences_long(salinan: Path, seed: int):
    """Longer sequences, against runs without any cache at all."""
    rng = random.Random(seed)
    _periksa(salinan, [rng.choice(sorted(MUTASI)) for _ in range(6)], seed,
             penuh=lambda root, cache: _validate(root, "--no-cache"))


def _catat_periksa(monkeypatch) -> list[set[str]]:
    """The groups each checking round of the following runs checks, in order."""
    checked: list[set[str]] = []
    original = pemeriksaan.Pohon._jalankan
    monkeypatch.setattr(pemeriksaan.Pohon, "_jalankan",
                        lambda self, periksa, muat: checked.append(set(periksa)) or original(self, periksa, muat))
    return checked


def test_the_warm_run_rechecks_only_what_the_change_affects(salinan: Path, monkeypatch):
    """One changed evaluation re-checks its employee's folder and what read it, not the tree."""
    _validate(salinan)
    _validate(salinan)
    checked = _catat_periksa(monkeypatch)
    MUTASI["rating diubah"](salinan / "records", random.Random(0))
    _validate(salinan)
    assert checked and len(checked[0]) < 10, checked
    assert any(g.startswith("organisasi/biro-sdm/") for g in checked[0]), "the unit's curves are counted again"


@pytest.mark.parametrize("name", ["pimpinan pindah unit", "profil pimpinan dihapus"])
def test_a_heads_folder_moved_or_profile_deleted_reports_k401_with_a_warm_cache(salinan: Path, name: str):
    """The regression of issue 9: with a warm cache K401 went unreported (exit 0)."""
    assert not [d for d in _validate(salinan) if d["code"] == "K401"]
    MUTASI[name](salinan / "records", random.Random(0))
    result = jalankan_cli("validate", "--format", "json", cwd=salinan)
    found = [d for d in json.loads(result.out) if d["code"] == "K401"]
    assert result.code == 1 and [d["file"] for d in found] == [f"records/{BAGIAN}/unit.yaml"]


def test_a_team_edit_rechecks_the_members_that_carry_its_results(salinan: Path, monkeypatch):
    """Renaming a team result re-checks the team and the folders of the members whose SKPs carry
    its results (in both units), not the tree; --changed-since on the branch reports the broken
    assignment."""
    _validate(salinan)
    checked = _catat_periksa(monkeypatch)
    MUTASI["hasil tim berganti kode"](salinan / "records", random.Random(0))
    _validate(salinan)
    assert {f"tim/{TIM_KOMPETENSI.replace('/tim/', '/')}", f"pegawai/{BIRO}/198102272006031002",
            f"pegawai/{BAGIAN}/198612032010032003"} <= checked[0]
    assert len(checked[0]) < 10, checked
    _git(salinan, "add", "-A", "records")
    dilaporkan = {(d["file"], d["code"]) for d in _validate(salinan, "--changed-since", "main")}
    assert (f"records/{BIRO}/pegawai/198102272006031002/2026/skp.yaml", "K433") in dilaporkan
    assert (f"records/{TIM_KOMPETENSI}", "K545") in dilaporkan
