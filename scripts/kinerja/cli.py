"""Command line: arguments only. Calls the modules that do the work and maps results to exit codes.

Exit status: 0 success; 1 the records have errors (or warnings, under --strict);
2 bad usage or an internal failure (one line, no traceback unless --debug).
"""

from __future__ import annotations

import argparse
import gc
import sys
import traceback
from pathlib import Path

from kinerja import __version__, laporan, tabel

EXIT_OK, EXIT_RECORDS, EXIT_USAGE = 0, 1, 2


class Gagal(Exception):
    """A usage problem or a failure reported to the user as one Indonesian line (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages, prefixed in Indonesian
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"kinerja: penggunaan salah: {message}\n")


def _records(args) -> Path:
    path = Path(args.records)
    if not path.is_dir():
        raise Gagal(f"folder rekaman '{args.records}' tidak ditemukan (pakai --records DIR).")
    return path


def muat_semua(records: Path):
    """The model, its computed results and every diagnostic (loading and cross-record)."""
    from kinerja import arsip, checks, rekap

    # Loading creates millions of small objects and no reference cycles: the cyclic garbage
    # collector would only rescan them over and over (it more than doubles the run time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        model, diagnostik = arsip.muat(records)
        hasil = rekap.hitung(model)
        diagnostik = laporan.urutkan(diagnostik + checks.periksa(model, hasil))
    finally:
        if collecting:
            gc.enable()
    return model, hasil, diagnostik


def _saring_path(diagnostik, paths: list[str], records: Path):
    from kinerja.arsip import rel_root

    root = rel_root(records)
    targets = []
    for text in paths:
        path = Path(text).resolve()
        if not path.exists():
            raise Gagal(f"path '{text}' tidak ditemukan.")
        targets.append(path)
    return [d for d in diagnostik
            if any((root / d.file).resolve().is_relative_to(t) for t in targets)]


def cmd_validate(args) -> int:
    records = _records(args)
    model, _, diagnostik = muat_semua(records)
    if args.paths:
        diagnostik = _saring_path(diagnostik, args.paths, records)
    sys.stdout.write(laporan.RENDERERS[args.format](diagnostik, len(model.berkas)))
    errors, warnings = laporan.ringkasan(diagnostik)
    return EXIT_RECORDS if errors or (args.strict and warnings) else EXIT_OK


def _cmd_tabel(rows_of, kolom):
    def run(args) -> int:
        _, hasil, diagnostik = muat_semua(_records(args))
        errors, _ = laporan.ringkasan(diagnostik)
        if errors:
            print(f"kinerja: peringatan: rekaman memuat {errors} galat; hasil di bawah hanya mencakup rekaman yang sah "
                  "(jalankan 'kinerja validate').", file=sys.stderr)
        rows = rows_of(hasil, unit=args.unit, tahun=args.tahun, periode=args.periode)
        sys.stdout.write(tabel.RENDERERS[args.format](rows, kolom))
        return EXIT_OK
    return run


def _muat_untuk_situs(args):
    """Validate first: errors (or warnings under --strict) stop the build with the diagnostics."""
    records = _records(args)
    model, hasil, diagnostik = muat_semua(records)
    errors, warnings = laporan.ringkasan(diagnostik)
    if errors or (getattr(args, "strict", False) and warnings):
        sys.stderr.write(laporan.render_text(diagnostik, len(model.berkas)))
        print("kinerja: situs tidak dibangun karena rekaman belum sah.", file=sys.stderr)
        return None
    unknown = [u for u in (args.unit or []) if u not in model.units]
    if unknown:
        raise Gagal(f"unit tidak dikenal: {', '.join(unknown)} (unit yang ada: {', '.join(sorted(model.units))}).")
    return records, model, hasil


def cmd_build(args) -> int:
    from kinerja import situs

    loaded = _muat_untuk_situs(args)
    if loaded is None:
        return EXIT_RECORDS
    records, model, hasil = loaded
    situs.bangun(model, hasil, records=records, out=Path(args.out), units=args.unit)
    return EXIT_OK


def cmd_serve(args) -> int:
    from kinerja import situs

    loaded = _muat_untuk_situs(args)
    if loaded is None:
        return EXIT_RECORDS
    records, model, hasil = loaded
    situs.sajikan(model, hasil, records=records, unit=args.unit[0], port=args.port)
    return EXIT_OK


def cmd_sintetis(args) -> int:
    from kinerja.sintetis import tulis_sintetis

    try:
        count = tulis_sintetis(Path(args.out), pegawai=args.pegawai, unit=args.unit, seed=args.seed,
                               tahun=args.tahun)
    except ValueError as exc:
        raise Gagal(str(exc)) from None
    print(f"{count} berkas ditulis ke {args.out}.", file=sys.stderr)
    return EXIT_OK


def _filters(p: argparse.ArgumentParser):
    p.add_argument("--unit", action="append", help="hanya unit ini (boleh diulang)")
    p.add_argument("--tahun", type=int, help="hanya tahun ini")
    p.add_argument("--periode", help="hanya periode ini (tw1..tw4, b01..b12, tahunan)")
    p.add_argument("--format", choices=tuple(tabel.RENDERERS), default="table")


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--records", default="records", help="folder rekaman (bawaan: ./records)")
    common.add_argument("--debug", action="store_true", help="tampilkan jejak galat internal")

    root = _Parser(prog="kinerja", description="Manajemen kinerja ASN (PermenPANRB 6/2022) sebagai rekaman di Git.")
    root.add_argument("--version", action="version", version=f"kinerja {__version__}")
    sub = root.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("validate", parents=[common], help="periksa skema dan aturan antar-rekaman")
    p.add_argument("paths", nargs="*", metavar="PATH", help="hanya laporkan berkas di bawah path ini")
    p.add_argument("--format", choices=tuple(laporan.RENDERERS), default="text")
    p.add_argument("--strict", action="store_true", help="peringatan juga menggagalkan (keluar 1)")
    p.set_defaults(run=cmd_validate)

    for name, rows_of, kolom, text in (
        ("predikat", tabel.baris_predikat, tabel.KOLOM_PREDIKAT, "predikat kinerja setiap evaluasi"),
        ("kurva", tabel.baris_kurva, tabel.KOLOM_KURVA, "sebaran predikat tiap unit dan periode terhadap kurva"),
        ("angka-kredit", tabel.baris_angka_kredit, tabel.KOLOM_ANGKA_KREDIT, "angka kredit pejabat fungsional"),
    ):
        p = sub.add_parser(name, parents=[common], help=text)
        _filters(p)
        p.set_defaults(run=_cmd_tabel(rows_of, kolom))

    p = sub.add_parser("build", parents=[common], help="periksa rekaman lalu bangun situs statis tiap unit")
    p.add_argument("--unit", action="append", help="hanya unit ini (boleh diulang; bawaan: semua)")
    p.add_argument("--out", default="build/site", help="folder keluaran (bawaan: build/site)")
    p.add_argument("--strict", action="store_true", help="peringatan juga menghentikan pembangunan")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("serve", parents=[common], help="bangun dan sajikan situs satu unit di localhost")
    p.add_argument("--unit", action="append", required=True, help="unit yang disajikan")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("sintetis", parents=[common], help="tulis pohon rekaman sintetis untuk uji dan tolok ukur")
    p.add_argument("out", metavar="OUT", help="folder rekaman yang akan ditulis (harus kosong)")
    p.add_argument("--pegawai", type=int, default=100)
    p.add_argument("--unit", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--tahun", type=int, default=2025)
    p.set_defaults(run=cmd_sintetis)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except Gagal as exc:
        print(f"kinerja: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("kinerja: dihentikan.", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # an internal failure: one line unless --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(f"kinerja: galat internal: {type(exc).__name__}: {exc} (ulangi dengan --debug untuk rinciannya)",
              file=sys.stderr)
        return EXIT_USAGE
