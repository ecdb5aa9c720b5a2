"""Benchmark: `kinerja validate --changed-since main` on 1,000 and 10,000 employees.

    python scripts/bench/changed_since.py [--kecil 1000] [--besar 10000] [--per-unit 100]
                                          [--ulang 3] [--json build/bench/changed_since.json]

For each size, writes a synthetic records tree (`kinerja sintetis`, about 100 employees
per unit, as a ministry grows by adding units), commits it to a fresh Git repository
(fixed author dates), and on a branch changes the same 20 files: eight new feedback notes,
four reworded targets of set SKPs, three objections filed, two final evaluations whose
rating was edited, one RHK added to a unit head's SKP (its subordinates are
rechecked only if it lost one) and two profile edits. A second branch makes the same
change except that the head's SKP loses an RHK (renamed), the case where every SKP must be
searched for subordinates who intervene it. Then it times the command as CI runs it on a
pull request: a new process each time (start-up, Git, loading, checks) with the cache that
main's own run left (restored before every measured run: the per-file entries and main's
last-run record, from which the branch is checked incrementally), once to warm the file
system and `--ulang` times measured, alternating the two sizes so that a busy machine slows
both alike, and reports the medians and their ratios (goal: at most 1.5, judged on the
first branch) on stdout and as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from catat import tulis_json

from kinerja.sintetis import tulis_sintetis

TANGGAL = "2026-01-05T09:00:00+07:00"


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": TANGGAL, "GIT_COMMITTER_DATE": TANGGAL,
           "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@contoh.go.id",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@contoh.go.id"}
    subprocess.run(["git", "-c", "gc.auto=0", "-c", "maintenance.auto=false", *args], cwd=repo, env=env, check=True,
                   capture_output=True)


def _ganti_pertama(path: Path, pola: str, fungsi) -> None:
    text = path.read_text(encoding="utf-8")
    baru, n = re.subn(pola, fungsi, text, count=1)
    assert n == 1, f"{pola!r} tidak ditemukan di {path}"
    path.write_text(baru, encoding="utf-8")


def _umpan_balik(folder: Path, penilai: str, nomor: int) -> None:
    path = folder / "umpan-balik" / f"2025-11-{nomor + 1:02d}-bench.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'tanggal: 2025-11-{nomor + 1:02d}\ndari: "{penilai}"\njenis: dialog_kinerja\n'
                    'catatan: "Progres sesuai rencana."\nrahasia: false\n', encoding="utf-8")


def ubah_20_berkas(records: Path, bawahan: bool = False) -> list[str]:
    """The same 20-file change in any tree sintetis writes; returns the changed paths.

    bawahan: the unit head's SKP loses an RHK (renamed) instead of gaining one, so the
    subordinates who may intervene it must be found and rechecked (a search of every SKP).
    """
    pegawai = []
    for unit in ("unit-001", "unit-002"):
        for folder in sorted((records / unit / "pegawai").iterdir()):
            skp = folder / "2025"
            if (skp / "skp.yaml").exists() and not (skp / "keberatan").exists():
                pegawai.append(folder)
    profil = {f: re.search(r'penilai: "([0-9]{18})"', (f / "profil.yaml").read_text()).group(1) for f in pegawai}
    changed: list[Path] = []
    for n, folder in enumerate(pegawai[:8]):  # feedback notes
        _umpan_balik(folder / "2025", profil[folder], n)
        changed.append(next((folder / "2025" / "umpan-balik").glob(f"2025-11-{n + 1:02d}-bench.yaml")))
    for folder in pegawai[8:12]:  # reworded targets
        path = folder / "2025" / "skp.yaml"
        _ganti_pertama(path, r"target: \{nilai: ([0-9.]+)", lambda m: f"target: {{nilai: {float(m.group(1)) + 1}")
        changed.append(path)
    for folder in pegawai[12:15]:  # objections filed
        tanggal = re.search(r"tanggal: (\S+)", (folder / "2025" / "evaluasi" / "tahunan.yaml").read_text()).group(1)
        path = folder / "2025" / "keberatan" / "tahunan.yaml"
        path.parent.mkdir()
        path.write_text(f'evaluasi: tahunan\ndiajukan: {tanggal}\nalasan: "Realisasi belum memperhitungkan bukti '
                        'tambahan."\n', encoding="utf-8")
        changed.append(path)
    for folder in pegawai[15:17]:  # final evaluations edited
        path = folder / "2025" / "evaluasi" / "tw2.yaml"
        _ganti_pertama(path, r"rating_hasil_kerja: \w+", lambda m: "rating_hasil_kerja: di_atas_ekspektasi")
        changed.append(path)
    kepala = re.search(r'pimpinan: "([0-9]{18})"', (records / "unit-001" / "unit.yaml").read_text()).group(1)
    path = records / "unit-001" / "pegawai" / kepala / "2025" / "skp.yaml"
    if bawahan:
        _ganti_pertama(path, r"- id: rhk-1\n", lambda m: "- id: rhk-bench\n")
    else:
        _ganti_pertama(path, r"hasil_kerja:\n", lambda m: (
            "hasil_kerja:\n  - id: rhk-bench\n    jenis: tambahan\n    uraian: \"Terlaksananya tugas tambahan\"\n"
            "    indikator:\n      - id: iki-bench\n        aspek: kuantitas\n        uraian: \"Jumlah laporan\"\n"
            "        target: {nilai: 1, satuan: laporan}\n"))
    changed.append(path)
    for folder in pegawai[17:19]:  # profile edits
        path = folder / "profil.yaml"
        _ganti_pertama(path, r'jabatan: "', lambda m: 'jabatan: "Plt. ')
        changed.append(path)
    assert len(set(changed)) == 20, len(set(changed))
    return [p.relative_to(records.parent).as_posix() for p in changed]


SKENARIO = {"biasa": False, "bawahan": True}  # branch -> the head's RHK renamed (subordinates searched)


def siapkan(root: Path, pegawai: int, per_unit: int) -> dict:
    """The records committed on main, and one branch per scenario with its 20-file change."""
    root.mkdir()
    records = root / "records"
    files = tulis_sintetis(records, pegawai=pegawai, unit=max(1, pegawai // per_unit), seed=7)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Rekaman awal")
    for cabang, bawahan in SKENARIO.items():
        git(root, "checkout", "-q", "-b", cabang, "main")
        ubah_20_berkas(records, bawahan)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Perubahan 20 berkas")
    git(root, "checkout", "-q", "main")  # main's own run leaves the cache a pull request restores
    subprocess.run([sys.executable, "-m", "kinerja", "validate", "--format", "json"], cwd=root, check=False,
                   capture_output=True, env=_env(root, "tembolok-main"))
    return {"pegawai": pegawai, "unit": max(1, pegawai // per_unit), "berkas": files}


def _env(root: Path, cache: str) -> dict:
    return {**os.environ, "KINERJA_CACHE": str(root / cache)}


def jalankan(root: Path, cabang: str) -> tuple[float, int, int]:
    """One timed run of the command on a branch, with main's cache restored: seconds, exit
    status, diagnostics."""
    git(root, "checkout", "-q", cabang)
    shutil.rmtree(root / "tembolok", ignore_errors=True)
    shutil.copytree(root / "tembolok-main", root / "tembolok")
    command = [sys.executable, "-m", "kinerja", "validate", "--changed-since", "main", "--format", "json"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=_env(root, "tembolok"))
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"kinerja gagal: {done.stderr.strip()}")
    return elapsed, done.returncode, len(json.loads(done.stdout))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kecil", type=int, default=1000)
    parser.add_argument("--besar", type=int, default=10000)
    parser.add_argument("--per-unit", type=int, default=100)
    parser.add_argument("--ulang", type=int, default=3)
    parser.add_argument("--json", default="build/bench/changed_since.json")
    args = parser.parse_args()

    ukuran = (args.kecil, args.besar)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        roots = {n: Path(tmp) / str(n) for n in ukuran}
        hasil = {str(n): siapkan(roots[n], n, args.per_unit) for n in ukuran}
        for cabang in SKENARIO:
            # Alternate the sizes, so that a busy machine slows both alike; the first round warms the cache.
            runs: dict[int, list[tuple[float, int, int]]] = {n: [] for n in ukuran}
            for putaran in range(args.ulang + 1):
                for n in ukuran:
                    run = jalankan(roots[n], cabang)
                    if putaran:
                        runs[n].append(run)
            for n in ukuran:
                times = [t for t, _, _ in runs[n]]
                _, code, count = runs[n][-1]
                hasil[str(n)][cabang] = {"detik": [round(t, 3) for t in times],
                                         "median": round(statistics.median(times), 3),
                                         "keluar": code, "diagnostik": count}
                info = hasil[str(n)]
                print(f"{n:>6} pegawai, {info['unit']} unit, {info['berkas']} berkas, skenario {cabang}: "
                      f"median {statistics.median(times):.3f} s ({', '.join(f'{t:.3f}' for t in times)}); "
                      f"{count} diagnostik, keluar {code}")
    rasio = {c: hasil[str(args.besar)][c]["median"] / hasil[str(args.kecil)][c]["median"] for c in SKENARIO}
    for cabang, r in rasio.items():
        print(f"rasio {args.besar}/{args.kecil}, skenario {cabang}: {r:.2f} (sasaran <= 1,5)")
    tulis_json(args.json, {"ukuran": hasil, "rasio": {c: round(r, 3) for c, r in rasio.items()}, "sasaran": 1.5})
    return 0 if rasio["biasa"] <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
