"""Downstream outputs at scale (issue 13): `kinerja tunjangan` and `kinerja ekspor ekinerja`
against `kinerja predikat` on the same generated tree, in the same run.

    python scripts/bench/keluaran.py [--pegawai 10000] [--unit 100] [--ulang 3] [--json build/bench/keluaran.json]

Generates a synthetic tree (one year, quarterly evaluations) in a temporary Git repository
with an instansi.yaml holding monthly allowance rules and a job-class table, warms the cache
once, then runs the three commands as separate processes, alternating them in every round so
that a noisy machine affects all alike. Reports medians, the ratios (goals: tunjangan <= 1.5x,
ekspor <= 3x of predikat) and the peak memory of each command (goal < 1 GiB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from catat import tulis_json
from skala import KINERJA, git, jalankan

INSTANSI = """nama: Kementerian Sintetis
tunjangan:
  dasar: bulanan
  persen: {sangat_baik: 100, baik: 100, butuh_perbaikan: 90, kurang: 85, sangat_kurang: 80}
  kelas_jabatan: {7: 2915000, 9: 5079000}
"""


def siapkan(repo: Path, pegawai: int, unit: int) -> int:
    """Write and commit the synthetic tree; the number of record files."""
    subprocess.run([*KINERJA, "sintetis", "--pegawai", str(pegawai), "--unit", str(unit), "--tahun", "2025",
                    "records"], cwd=repo, check=True, capture_output=True)
    (repo / "records" / "instansi.yaml").write_text(INSTANSI, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "records")
    git(repo, "commit", "-qm", "rekaman sintetis")
    return sum(1 for _ in (repo / "records").rglob("*.yaml"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=10000)
    parser.add_argument("--unit", type=int, default=100)
    parser.add_argument("--ulang", type=int, default=3)
    parser.add_argument("--json", default="build/bench/keluaran.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        files = siapkan(repo, args.pegawai, args.unit)
        env = {**os.environ, "KINERJA_CACHE": str(Path(tmp) / "cache")}
        commands = {
            "predikat": [*KINERJA, "predikat", "--tahun", "2025", "--format", "json"],
            "tunjangan": [*KINERJA, "tunjangan", "--tahun", "2025", "--format", "json"],
            "ekspor": [*KINERJA, "ekspor", "ekinerja", "--tahun", "2025", "--out", str(Path(tmp) / "e.xlsx")],
        }
        jalankan(commands["predikat"], repo, env)  # warm the per-file cache for all three
        seconds: dict[str, list[float]] = {name: [] for name in commands}
        peak: dict[str, int] = dict.fromkeys(commands, 0)
        for _ in range(args.ulang):
            for name, cmd in commands.items():
                wall, rss = jalankan(cmd, repo, env)
                seconds[name].append(wall)
                peak[name] = max(peak[name], rss)

    median = {name: statistics.median(values) for name, values in seconds.items()}
    figures = {
        "pegawai": args.pegawai, "berkas": files, "ulang": args.ulang,
        "detik": median, "rasio_tunjangan": median["tunjangan"] / median["predikat"],
        "rasio_ekspor": median["ekspor"] / median["predikat"],
        "memori_puncak_mib": {name: kib // 1024 for name, kib in peak.items()},
    }
    print(f"{args.pegawai} pegawai, {files} berkas, median {args.ulang} putaran:")
    for name, value in median.items():
        print(f"  {name:10s} {value:7.2f} s   puncak {peak[name] // 1024:5d} MiB")
    print(f"  tunjangan / predikat = {figures['rasio_tunjangan']:.2f} (sasaran <= 1,5)")
    print(f"  ekspor / predikat    = {figures['rasio_ekspor']:.2f} (sasaran <= 3)")
    tulis_json(args.json, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
