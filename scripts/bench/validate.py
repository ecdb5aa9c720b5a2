"""Benchmark: `kinerja validate` against merely parsing the same files with PyYAML's C loader.

    python scripts/bench/validate.py [--pegawai 2000] [--unit 10] [--ulang 3] [--json build/bench/validate.json]

Generates a synthetic records tree, then times, in this one process and alternating so
that a noisy machine affects both alike: (a) reading and parsing every file with
yaml.CSafeLoader, (b) the whole validation (load, schema, model, cross-record checks).
It also counts how often each file is read and parsed and how many validators are
built, which must be once per file and once per record kind.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml
from catat import tulis_json

from kinerja import arsip, pemeriksaan, schema, yamlio
from kinerja.sintetis import tulis_sintetis


def parse_saja(records: Path) -> float:
    start = time.perf_counter()
    for path in records.rglob("*.yaml"):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def validasi(records: Path) -> tuple[float, int]:
    start = time.perf_counter()
    _, _, diagnostik = pemeriksaan.muat_semua(records)
    return time.perf_counter() - start, len(diagnostik)


def hitung_baca(records: Path) -> tuple[Counter, int]:
    """Validate once more with counters on file reads, parses and validator construction."""
    reads: Counter = Counter()
    parses: Counter = Counter()
    original_read, original_parse = arsip.baca, yamlio.muat_bytes

    def read(berkas, raw):  # arsip.baca gets each file's bytes right after reading them
        reads.update([berkas.rel])
        return original_read(berkas, raw)

    def parse(raw: bytes, posisi: bool = True):
        parses.update(["parse"])
        return original_parse(raw, posisi)

    threshold = arsip.AMBANG_PARALEL
    arsip.baca, arsip.muat_bytes = read, parse
    arsip.AMBANG_PARALEL = float("inf")  # counters only see this process
    schema.validator.cache_clear()
    try:
        pemeriksaan.muat_semua(records)
    finally:
        arsip.baca, arsip.muat_bytes, arsip.AMBANG_PARALEL = original_read, original_parse, threshold
    return reads, parses["parse"], schema.validator.cache_info().currsize


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, default=2000)
    parser.add_argument("--unit", type=int, default=10)
    parser.add_argument("--ulang", type=int, default=3)
    parser.add_argument("--json", default="build/bench/validate.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "records"
        files = tulis_sintetis(records, pegawai=args.pegawai, unit=args.unit, seed=7)
        reads, parses, validators = hitung_baca(records)
        floor, ours = [], []
        for _ in range(args.ulang):
            floor.append(parse_saja(records))
            seconds, count = validasi(records)
            ours.append(seconds)
    figures = {
        "pegawai": args.pegawai,
        "berkas": files,
        "parse_c_loader_detik": statistics.median(floor),
        "validate_detik": statistics.median(ours),
        "rasio_validate_terhadap_parse": statistics.median(ours) / statistics.median(floor),
        "baca_per_berkas_maks": max(reads.values()),
        "parse_per_berkas": parses / files,
        "validator_dibangun": validators,
        "diagnostik": count,
    }
    for key, value in figures.items():
        print(f"{key:34} {value:.3f}" if isinstance(value, float) else f"{key:34} {value}")
    tulis_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
