"""Benchmark: the unit site of generated units of 100 and 1,000 employees, against a plain
Material build of as many pages.

    python scripts/bench/situs.py [--pegawai 100 1000] [--json build/bench/situs.json]

For each size: write a synthetic records tree of one unit (`kinerja sintetis`), load and
compute it (timed apart: that is validation's cost, not the site's), then build its site
with `situs.bangun` and report build seconds per built page (our page generation plus the
mkdocs process), the average HTML bytes of an employee page, and the share of the build
spent in our own page generation. The largest size is compared with the smallest: seconds
per page may grow at most 1.3 times and employee-page bytes at most 1.2 times (exit 1 if not).

In the same run, for each size, a plain project is built as a yardstick: the Material theme
with its search plugin (as ours), as many generic Markdown pages (a heading, paragraphs, a
table) as our site has HTML pages, each rendering to as much HTML as our average generated
Markdown page holds (ours is mostly raw HTML, which the engine passes through), the bulk
of them outside the navigation (as our employee pages are), built by the same engine call
(`situs.mesin.bangun`, a `python -m mkdocs build --strict` process). Reported: its seconds
per page and the ratio ours / plain.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import markdown
import yaml
from catat import tulis_json

from kinerja import pemeriksaan, situs
from kinerja.sintetis import tulis_sintetis
from kinerja.situs import konfigurasi, mesin

BATAS_DETIK = 1.3
BATAS_BYTE = 1.2
HARI_INI = date(2026, 3, 1)
_PARAGRAF = ("Pegawai menyusun laporan kinerja triwulanan berdasarkan rencana hasil kerja yang "
             "disepakati dengan pejabat penilai, lengkap dengan bukti dukung dan umpan balik berkelanjutan. ")


def _halaman_polos(nomor: int, ukuran: int) -> str:
    """A generic Markdown page of about ukuran bytes: a heading, two paragraphs, a table."""
    teks = [f"# Halaman {nomor}\n", _PARAGRAF * 3 + "\n", _PARAGRAF * 2 + "\n",
            "| No | Uraian | Target | Realisasi |", "|---|---|---|---|"]
    baris = 0
    while sum(len(t) + 1 for t in teks) < ukuran:
        baris += 1
        teks.append(f"| {baris} | Dokumen administrasi kegiatan {nomor}-{baris} | {baris * 3} dokumen "
                    f"| {baris * 2} dokumen |")
    return "\n".join(teks) + "\n"


def _ukuran_markdown(ukuran_html: int) -> int:
    """The Markdown size of a generic page whose HTML body is about ukuran_html bytes: our
    Markdown is mostly raw HTML and passes through, a generic page's table does not."""
    contoh = _halaman_polos(0, ukuran_html)
    return round(ukuran_html * len(contoh) / len(markdown.markdown(contoh, extensions=["tables"])))


def ukur_polos(root: Path, halaman: int, ukuran_html: int) -> dict:
    """The plain Material build of `halaman` pages whose HTML body is about `ukuran_html`
    bytes, as our average Markdown page (see the module's doc)."""
    ukuran = _ukuran_markdown(ukuran_html)
    docs = root / "docs"
    (docs / "halaman").mkdir(parents=True)
    (docs / "index.md").write_text(_halaman_polos(0, ukuran), encoding="utf-8")
    for i in range(1, halaman):
        (docs / "halaman" / f"{i:05d}.md").write_text(_halaman_polos(i, ukuran), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "site_name": "Polos", "docs_dir": "docs", "site_dir": konfigurasi.SITE_DIR,
        "theme": {"name": "material", "language": "id", "font": False}, "plugins": ["search"],
        "markdown_extensions": ["tables", {"toc": {"permalink": True}}],
        "nav": ["index.md", *(f"halaman/{i:05d}.md" for i in range(1, min(halaman, 10)))],
        "not_in_nav": "/halaman/\n",
    }), encoding="utf-8")
    tujuan = root / "out"
    detik = mesin.bangun(config, HARI_INI, tujuan)
    pages = [p for p in tujuan.rglob("*.html") if p.name != "404.html"]
    return {"halaman_html": len(pages), "byte_markdown": ukuran, "detik": round(detik, 3),
            "detik_per_halaman": detik / len(pages),
            "byte_halaman": statistics.mean(p.stat().st_size for p in pages)}


def ukur(root: Path, pegawai: int) -> dict:
    records = root / "records"
    tulis_sintetis(records, pegawai=pegawai, unit=1, seed=1, tahun=2025)
    mulai = time.perf_counter()
    pohon = pemeriksaan.Pohon(records)
    _ = pohon.dimuat  # the load alone, timed
    detik_muat = time.perf_counter() - mulai
    out = root / "build" / "site"
    (unit,) = situs.bangun(pohon, out=out, hari_ini=HARI_INI)
    pages = [p for p in unit.folder.rglob("*.html") if p.name != "404.html"]
    employee = [p.stat().st_size for p in (unit.folder / "pegawai").glob("*/index.html")]
    byte_md = [p.stat().st_size for p in (out.parent / unit.unit / "docs").rglob("*.md")]
    detik = unit.detik_halaman + unit.detik_mkdocs
    polos = ukur_polos(root / "polos", len(pages), round(statistics.mean(byte_md)))
    return {
        "pegawai": unit.pegawai,
        "halaman_html": len(pages),
        "detik_muat": round(detik_muat, 3),
        "detik_halaman": round(unit.detik_halaman, 3),
        "detik_mkdocs": round(unit.detik_mkdocs, 3),
        "detik_per_halaman": detik / len(pages),
        "byte_halaman_pegawai": statistics.mean(employee),
        "bagian_halaman_kita": unit.detik_halaman / detik,
        "byte_markdown_rata_rata": round(statistics.mean(byte_md)),
        "polos": polos,
        "rasio_kita_polos": (detik / len(pages)) / polos["detik_per_halaman"],
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
        print(f"{'':>5}  Material polos, {row['polos']['halaman_html']} halaman HTML dari Markdown "
              f"{row['polos']['byte_markdown'] / 1024:.1f} KiB (Markdown kita "
              f"{row['byte_markdown_rata_rata'] / 1024:.1f} KiB; HTML rata-rata "
              f"{row['polos']['byte_halaman'] / 1024:.1f} KiB): {row['polos']['detik']:.1f} dtk = "
              f"{row['polos']['detik_per_halaman'] * 1000:.1f} ms/halaman; rasio kita/polos "
              f"{row['rasio_kita_polos']:.2f}")
    kecil, besar = rows[0], rows[-1]
    rasio_detik = besar["detik_per_halaman"] / kecil["detik_per_halaman"]
    rasio_byte = besar["byte_halaman_pegawai"] / kecil["byte_halaman_pegawai"]
    lulus = rasio_detik <= BATAS_DETIK and rasio_byte <= BATAS_BYTE
    print(f"rasio {besar['pegawai']} vs {kecil['pegawai']}: detik per halaman {rasio_detik:.2f} "
          f"(batas {BATAS_DETIK}), byte halaman pegawai {rasio_byte:.2f} (batas {BATAS_BYTE}): "
          f"{'lulus' if lulus else 'GAGAL'}")
    for row in rows:
        print(f"rasio kita/Material polos, {row['pegawai']} pegawai: {row['rasio_kita_polos']:.2f}")
    tulis_json(args.json, {"ukuran": rows, "rasio_detik_per_halaman": rasio_detik,
                           "rasio_kita_polos": {str(r["pegawai"]): r["rasio_kita_polos"] for r in rows},
                           "rasio_byte_halaman_pegawai": rasio_byte, "lulus": lulus})
    return 0 if lulus else 1


if __name__ == "__main__":
    sys.exit(main())
