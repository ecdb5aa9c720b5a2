"""Ministry-scale benchmark (issue 6): cold and warm validation, builds, memory, as ratios.

    python scripts/bench/skala.py [--pegawai 10000] [--unit 100] [--ulang 3] [--json build/bench/skala.json]
                                  [--tanpa-check-jsonschema]

Generates a synthetic tree in a temporary Git repository (committed, so blob ids come from
Git's index as in CI), then measures every command as a separate process, alternating the
measurements of each ratio in the same round so that a noisy machine affects both sides
alike, and reports medians:

- cold `kinerja validate` (empty cache) against `check-jsonschema --schemafile` over the same
  files with the same schemas (one run per record kind, in batches that fit a command line);
- cold `kinerja validate` against parsing every file with PyYAML's C loader in one process;
- warm `kinerja validate` with nothing changed against cold;
- warm `kinerja validate` after changing 20 files against nothing changed;
- `kinerja build --unit U` of one unchanged unit, warm (the same build again), against its cold
  build (empty cache, no previous build);
- peak memory (max RSS of the process and its workers) of cold validate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from catat import tulis_json

from kinerja import jenis

ROOT = Path(__file__).resolve().parents[2]
KINERJA = [sys.executable, "-m", "kinerja"]
BATCH = 2000
PARSE = ("import sys, yaml, pathlib\n"
         "for p in pathlib.Path(sys.argv[1]).rglob('*.yaml'): yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n")


def jalankan(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB, the process or any child it waited for) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} gagal ({proc.returncode})")
    return seconds, usage.ru_maxrss


def check_jsonschema(repo: Path) -> float:
    by_kind: dict[str, list[str]] = {}
    for path in sorted((repo / "records").rglob("*.yaml")):
        kind = jenis.jenis(path.relative_to(repo / "records").parts)
        if kind is not None:
            by_kind.setdefault(kind, []).append(str(path))
    total = 0.0
    for kind, files in by_kind.items():
        for i in range(0, len(files), BATCH):
            seconds, _ = jalankan([str(Path(sys.executable).parent / "check-jsonschema"), "--schemafile",
                                   str(ROOT / "schemas" / f"{kind}.schema.json"), *files[i:i + BATCH]], repo)
            total += seconds
    return total


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@contoh.go.id",
                        "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@contoh.go.id"})


def ubah_20(repo: Path, round_: int) -> None:
    """Change 20 feedback notes' text (a different text each round, so the change is new)."""
    notes = sorted((repo / "records").rglob("umpan-balik/*.yaml"))[:20]
    for path in notes:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("catatan: ", f"catatan: (revisi {round_}) ", 1), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=10000)
    parser.add_argument("--unit", type=int, default=100)
    parser.add_argument("--ulang", type=int, default=3)
    parser.add_argument("--json", default="build/bench/skala.json")
    parser.add_argument("--tanpa-check-jsonschema", action="store_true",
                        help="lewati pembanding check-jsonschema (lambat: beberapa menit per putaran)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        subprocess.run([*KINERJA, "sintetis", "--pegawai", str(args.pegawai), "--unit", str(args.unit),
                        "records"], cwd=repo, check=True, capture_output=True)
        git(repo, "init", "-q")
        git(repo, "add", "records")
        git(repo, "commit", "-qm", "rekaman sintetis")
        files = sum(1 for _ in (repo / "records").rglob("*.yaml"))
        unit = sorted(p.name for p in (repo / "records").iterdir())[0]
        env = {**os.environ, "KINERJA_CACHE": str(Path(tmp) / "cache")}
        validate = [*KINERJA, "validate", "--format", "json"]
        build = [*KINERJA, "build", "--unit", unit]  # into build/site, its stamps in build/<unit>

        rows: dict[str, list[float]] = {}
        peak = []
        for round_ in range(args.ulang):
            shutil.rmtree(Path(tmp) / "cache", ignore_errors=True)
            seconds, rss = jalankan(validate, repo, env)
            rows.setdefault("validate_dingin", []).append(seconds)
            peak.append(rss)
            rows.setdefault("parse_c_loader", []).append(jalankan([sys.executable, "-c", PARSE, "records"], repo)[0])
            rows.setdefault("validate_hangat", []).append(jalankan(validate, repo, env)[0])
            ubah_20(repo, round_)
            rows.setdefault("validate_hangat_20_berubah", []).append(jalankan(validate, repo, env)[0])
            git(repo, "checkout", "-q", "--", "records")
            if not args.tanpa_check_jsonschema:
                rows.setdefault("check_jsonschema", []).append(check_jsonschema(repo))
            shutil.rmtree(Path(tmp) / "cache", ignore_errors=True)
            shutil.rmtree(repo / "build", ignore_errors=True)
            rows.setdefault("build_unit_dingin", []).append(jalankan(build, repo, env)[0])
            rows.setdefault("build_unit_hangat", []).append(jalankan(build, repo, env)[0])

    median = {key: statistics.median(values) for key, values in rows.items()}
    figures = {"pegawai": args.pegawai, "unit": args.unit, "berkas": files, "ulang": args.ulang,
               "median_detik": median, "memori_puncak_validate_dingin_mib": max(peak) / 1024}
    ratios = {
        "check_jsonschema / validate_dingin (target >= 3)": ("check_jsonschema", "validate_dingin"),
        "validate_dingin / parse_c_loader (target <= 1.3)": ("validate_dingin", "parse_c_loader"),
        "validate_dingin / validate_hangat (target >= 15)": ("validate_dingin", "validate_hangat"),
        "validate_hangat_20_berubah / validate_hangat (target <= 2)": ("validate_hangat_20_berubah",
                                                                        "validate_hangat"),
        "build_unit_dingin / build_unit_hangat (target >= 10)": ("build_unit_dingin", "build_unit_hangat"),
    }
    figures["rasio"] = {name: median[a] / median[b] for name, (a, b) in ratios.items() if a in median and b in median}
    for key, value in median.items():
        print(f"{key:40} {value:9.2f} s")
    print(f"{'memori puncak validate dingin':40} {figures['memori_puncak_validate_dingin_mib']:9.0f} MiB")
    for name, value in figures["rasio"].items():
        print(f"{name:60} {value:7.2f}")
    tulis_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
