"""Benchmark: the unit site of generated units of 100 and 1,000 employees.

    python scripts/bench/situs.py [--pegawai 100 1000] [--json build/bench/situs.json]

For each size: write a synthetic records tree of one unit (`kinerja sintetis`), load and
compute it (timed apart: that is validation's cost, not the site's), then build its site
with `situs.bangun` and report build seconds per built page (our page generation plus the
mkdocs process), the average HTML bytes of an employee page, and the share of the build
spent in our own page generation. The largest size is compared with the smallest: seconds
per page may grow at most 1.3 times and employee-page bytes at most 1.2 times (exit 1 if not).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from catat import tulis_json

from kinerja import pemeriksaan, situs
from kinerja.sintetis import tulis_sintetis

BATAS_DETIK = 1.3
BATAS_BYTE = 1.2


def ukur(root: Path, pegawai: int) -> dict:
    records = root / "records"
    tulis_sintetis(records, pegawai=pegawai, unit=1, seed=1, tahun=2025)
    mulai = time.perf_counter()
    pohon = pemeriksaan.Pohon(records)
    _ = pohon.dimuat  # the load alone, timed
    detik_muat = time.perf_counter() - mulai
    out = root / "build" / "site"
    (unit,) = situs.bangun(pohon, out=out, hari_ini=date(2026, 3, 1))
    pages = [p for p in unit.folder.rglob("*.html") if p.name != "404.html"]
    employee = [p.stat().st_size for p in (unit.folder / "pegawai").glob("*/index.html")]
    detik = unit.detik_halaman + unit.detik_mkdocs
    return {
        "pegawai": unit.pegawai,
        "halaman_html": len(pages),
        "detik_muat": round(detik_muat, 3),
        "detik_halaman": round(unit.detik_halaman, 3),
        "detik_mkdocs": round(unit.detik_mkdocs, 3),
        "detik_per_halaman": detik / len(pages),
        "byte_halaman_pegawai": statistics.mean(employee),
        "bagian_halaman_kita": unit.detik_halaman / detik,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pegawai", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--json", default="build/bench/situs.json")
    args = parser.parse_args()

    rows = []
    for n in sorted(args.pegawai):
        with tempfile.TemporaryDirectory() as tmp:
            row = ukur(Path(tmp), n)
        rows.append(row)
        print(f"{row['pegawai']:>5} pegawai: {row['halaman_html']} halaman HTML; "
              f"halaman kita {row['detik_halaman']:.1f} dtk + mkdocs {row['detik_mkdocs']:.1f} dtk = "
              f"{row['detik_per_halaman'] * 1000:.1f} ms/halaman; halaman pegawai rata-rata "
              f"{row['byte_halaman_pegawai'] / 1024:.1f} KiB; bagian halaman kita "
              f"{row['bagian_halaman_kita']:.0%} (muat dan hitung rekaman {row['detik_muat']:.1f} dtk, di luar)")
    kecil, besar = rows[0], rows[-1]
    rasio_detik = besar["detik_per_halaman"] / kecil["detik_per_halaman"]
    rasio_byte = besar["byte_halaman_pegawai"] / kecil["byte_halaman_pegawai"]
    lulus = rasio_detik <= BATAS_DETIK and rasio_byte <= BATAS_BYTE
    print(f"rasio {besar['pegawai']} vs {kecil['pegawai']}: detik per halaman {rasio_detik:.2f} "
          f"(batas {BATAS_DETIK}), byte halaman pegawai {rasio_byte:.2f} (batas {BATAS_BYTE}): "
          f"{'lulus' if lulus else 'GAGAL'}")
    tulis_json(args.json, {"ukuran": rows, "rasio_detik_per_halaman": rasio_detik,
                           "rasio_byte_halaman_pegawai": rasio_byte, "lulus": lulus})
    return 0 if lulus else 1


if __name__ == "__main__":
    sys.exit(main())
