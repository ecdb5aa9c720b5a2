"""Command line: arguments only. Calls the modules that do the work and maps results to exit codes.

Exit status: 0 success; 1 the records have errors (or warnings, under --strict);
2 bad usage or an internal failure (one line, no traceback unless --debug).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from kinerja import __version__, aturan, laporan, pemeriksaan, tabel
from kinerja.galat import GalatGit, GalatPemakaian, KinerjaError

EXIT_OK, EXIT_RECORDS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with its own words in Indonesian and errors on one line."""

    def __init__(self, *, add_help: bool = True, **kwargs):
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "penggunaan:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "penggunaan:", 1)

    def error(self, message: str):  # argparse's own messages: one line, in Indonesian where we can
        self.exit(EXIT_USAGE, f"kinerja: penggunaan salah: {message} (lihat '{self.prog} --help')\n")


def _records(args) -> Path:
    path = Path(args.records)
    if not path.is_dir():
        raise GalatPemakaian(f"folder rekaman '{args.records}' tidak ditemukan (pakai --records DIR).")
    return path


def _muat(args):
    """Model, computed results and diagnostics of the records the command names."""
    records = _records(args)
    return pemeriksaan.muat_semua(records, pemeriksaan.buka_tembolok(records, not args.no_cache),
                                  progres=getattr(args, "format", "text") in ("text", "table"))


def _saring_path(diagnostik, paths: list[str], records: Path):
    from kinerja.arsip import rel_root

    root = rel_root(records)
    targets = []
    for text in paths:
        path = Path(text).resolve()
        if not path.exists():
            raise GalatPemakaian(f"path '{text}' tidak ditemukan.")
        targets.append(path)
    return [d for d in diagnostik
            if any((root / d.file).resolve().is_relative_to(t) for t in targets)]


def cmd_validate(args) -> int:
    records = _records(args)
    cache = pemeriksaan.buka_tembolok(records, not args.no_cache)
    if args.changed_since is not None:
        from kinerja.alur import validasi

        diagnostik, jumlah = validasi.periksa_perubahan(records, args.changed_since, cache)
    else:
        diagnostik, jumlah = pemeriksaan.validasi(records, cache, progres=args.format == "text")
    if args.paths:
        diagnostik = _saring_path(diagnostik, args.paths, records)
    sys.stdout.write(laporan.RENDERERS[args.format](diagnostik, jumlah))
    errors, warnings = laporan.ringkasan(diagnostik)
    return EXIT_RECORDS if errors or (args.strict and warnings) else EXIT_OK


def _muat_hasil(args):
    """Model and computed results, warning on stderr when some records have errors."""
    model, hasil, diagnostik = _muat(args)
    errors, _ = laporan.ringkasan(diagnostik)
    if errors:
        print(f"kinerja: peringatan: rekaman memuat {errors} galat; hasil di bawah hanya mencakup rekaman yang sah "
              "(jalankan 'kinerja validate').", file=sys.stderr)
    return model, hasil


def _cmd_tabel(rows_of, kolom):
    def run(args) -> int:
        _, hasil = _muat_hasil(args)
        rows = rows_of(hasil, unit=args.unit, tahun=args.tahun, periode=args.periode)
        sys.stdout.write(tabel.RENDERERS[args.format](rows, kolom))
        return EXIT_OK
    return run


def _periksa_mkdocs(records: Path) -> None:
    """The repository's mkdocs.yml, which every unit's site inherits, must load as a mapping."""
    from mkdocs.exceptions import ConfigurationError

    from kinerja.situs.konfigurasi import Induk

    try:
        data = Induk.dari_repositori(records.resolve().parent).data
    except (ConfigurationError, OSError) as exc:
        raise GalatPemakaian(f"mkdocs.yml repositori tidak dapat dibaca: {exc}") from None
    if not isinstance(data, dict):
        raise GalatPemakaian("mkdocs.yml repositori harus berupa pemetaan 'kunci: nilai'.")


def _keluaran(text: str) -> Path:
    """The --out folder, if it and the work folders beside it can be written."""
    out = Path(text).resolve()
    for folder in (out.parent, out):
        ada = next(p for p in (folder, *folder.parents) if p.exists())
        if not (ada.is_dir() and os.access(ada, os.W_OK | os.X_OK)):
            raise GalatPemakaian(f"folder keluaran '{text}' tidak dapat ditulis: {ada} bukan folder yang dapat "
                                 "ditulis.")
    return out


def _muat_untuk_situs(args):
    """Validate first (memoised: an unchanged tree is not loaded): errors (or warnings under
    --strict) stop the build with the diagnostics. The tree, for the build to load if needed."""
    records = _records(args)
    _periksa_mkdocs(records)
    pohon = pemeriksaan.Pohon(records, pemeriksaan.buka_tembolok(records, not args.no_cache), progres=True)
    diagnostik, jumlah = pohon.validasi()
    errors, warnings = laporan.ringkasan(diagnostik)
    if errors or (getattr(args, "strict", False) and warnings):
        sys.stderr.write(laporan.render_text(diagnostik, jumlah))
        print("kinerja: situs tidak dibangun karena rekaman belum sah.", file=sys.stderr)
        return None
    unknown = [u for u in (args.unit or []) if u not in pohon.units]
    if unknown:
        raise GalatPemakaian(f"unit tidak dikenal: {', '.join(unknown)} (unit yang ada: {', '.join(pohon.units)}).")
    return pohon


def cmd_build(args) -> int:
    from kinerja import situs
    from kinerja.situs import mesin

    out = _keluaran(args.out)
    mesin.periksa(args.engine)  # before the records are loaded
    pohon = _muat_untuk_situs(args)
    if pohon is None:
        return EXIT_RECORDS
    situs.bangun(pohon, out=out, units=args.unit, engine=args.engine)
    return EXIT_OK


def cmd_serve(args) -> int:
    from kinerja import situs

    pohon = _muat_untuk_situs(args)
    if pohon is None:
        return EXIT_RECORDS
    situs.sajikan(pohon, unit=args.unit[0], port=args.port)
    return EXIT_OK


def cmd_sintetis(args) -> int:
    from kinerja.sintetis import tulis_sintetis

    count = tulis_sintetis(Path(args.out), pegawai=args.pegawai, unit=args.unit, seed=args.seed, tahun=args.tahun)
    print(f"{count} berkas ditulis ke {args.out}.", file=sys.stderr)
    return EXIT_OK


def cmd_pr_summary(args) -> int:
    from kinerja.alur import ringkasan

    records = _records(args)
    sys.stdout.write(ringkasan.ringkas(records, args.base, pemeriksaan.buka_tembolok(records, not args.no_cache)))
    return EXIT_OK


def cmd_codeowners(args) -> int:
    from kinerja.alur import codeowners

    records = _records(args)
    hasil = codeowners.jalankan(records, args.format, periksa=args.check,
                                cache=pemeriksaan.buka_tembolok(records, not args.no_cache))
    for pesan in hasil.peringatan:
        print(f"kinerja: peringatan: {pesan}", file=sys.stderr)
    print(f"kinerja: {hasil.pesan}", file=sys.stderr)
    return EXIT_OK if hasil.sesuai else EXIT_RECORDS


def cmd_pengaturan(args) -> int:
    from kinerja.alur import pengaturan
    from kinerja.riwayat import akar_git

    records = _records(args)
    hasil = pengaturan.jalankan(akar_git(records) or records.resolve().parent, periksa=args.check)
    print(f"kinerja: {hasil.pesan}", file=sys.stderr)
    return EXIT_OK if hasil.sesuai else EXIT_RECORDS


def cmd_cms(args) -> int:
    from kinerja.alur import formulir

    records = _records(args)
    pohon = pemeriksaan.Pohon(records, pemeriksaan.buka_tembolok(records, not args.no_cache))
    unit = args.unit or (pohon.units[0] if len(pohon.units) == 1 else None)
    if unit not in pohon.units:
        raise GalatPemakaian(f"pilih satu unit dengan --unit (unit yang ada: {', '.join(pohon.units)}).")
    backend = formulir.backend_dari(records.resolve().parent, nama=args.backend, repo=args.repo,
                                    cabang=args.branch, base_url=args.base_url, app_id=args.app_id)
    teks = formulir.dari_pohon(pohon, pohon.model(pohon.kelompok), unit, backend)  # names only: no checks
    if args.out:
        Path(args.out).write_text(teks, encoding="utf-8")
    else:
        sys.stdout.write(teks)
    return EXIT_OK


def cmd_units(args) -> int:
    import json

    records = _records(args)
    if args.changed_since is not None:
        from kinerja.alur.lingkup import unit_terdampak

        units = unit_terdampak(records, args.changed_since, pemeriksaan.buka_tembolok(records, not args.no_cache))
    else:
        units = sorted(p.parent.name for p in records.glob("*/unit.yaml"))
    if args.bagian:
        ke, dari = args.bagian
        units = units[ke - 1::dari]
    sys.stdout.write(json.dumps(units) + "\n" if args.json else "".join(f"{u}\n" for u in units))
    return EXIT_OK


def cmd_new(args) -> int:
    from kinerja.alur import baru

    kwargs = {k: v for k, v in vars(args).items() if k in args.isian and v is not None}
    posisi = [getattr(args, a) for a in args.posisi]
    path = baru.tulis(baru.Konteks(Path(args.records)), args.jenis_rekaman, *posisi, **kwargs)
    print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
    print("kinerja: lengkapi isinya (lihat komentar di berkas), lalu jalankan 'kinerja validate'.", file=sys.stderr)
    return EXIT_OK


def _parser_new(sub, common) -> None:
    """`kinerja new <jenis> ...`: arguments an HR officer can read."""
    p = sub.add_parser("new", help="tulis rekaman baru yang sudah terisi dari rekaman sekitarnya",
                       description="Menulis berkas rekaman baru (tidak pernah menimpa berkas yang ada). SKP dan "
                                   "evaluasi dibuat berstatus draft.")
    jenis = p.add_subparsers(dest="jenis_rekaman", metavar="JENIS", parser_class=_Parser)
    jenis.required = True

    def kind(name: str, help_: str, posisi: list[tuple[str, str]], isian: list[tuple[str, dict]]):
        q = jenis.add_parser(name, parents=[common], help=help_, description=help_)
        for dest, text in posisi:
            q.add_argument(dest, help=text)
        for flag, options in isian:
            q.add_argument(flag, **options)
        q.set_defaults(run=cmd_new, posisi=[d for d, _ in posisi],
                       isian=[f.lstrip("-").replace("-", "_") for f, _ in isian])

    _new_unit_pegawai(kind)
    _new_rekaman_skp(kind)
    _new_tim(kind)


def _new_unit_pegawai(kind) -> None:
    """`kinerja new unit` and `kinerja new pegawai`."""
    kind("unit", "unit kerja baru: records/<kode>/unit.yaml",
         [("kode", "kode unit: huruf kecil, angka, tanda hubung (misalnya biro-sdm)")],
         [("--nama", {"required": True, "help": "nama unit, misalnya \"Biro Sumber Daya Manusia\""}),
          ("--pimpinan", {"required": True, "metavar": "NIP", "help": "NIP kepala unit"}),
          ("--instansi", {"help": "nama instansi (bawaan: instansi unit lain di rekaman)"}),
          ("--induk", {"metavar": "KODE", "help": "kode unit satu tingkat di atas"}),
          ("--periodik", {"choices": tuple(aturan.PERIODE_PERIODIK), "help": "evaluasi periodik (bawaan: triwulanan)"}),
          ("--admin", {"action": "append", "metavar": "AKUN",
                       "help": "akun Git pengelola kepegawaian (boleh diulang)"})])
    kind("pegawai", "pegawai baru: profil.yaml di folder unitnya",
         [("nip", "NIP 18 angka, tanpa spasi")],
         [("--unit", {"required": True, "metavar": "KODE", "help": "kode unit tempat pegawai bekerja"}),
          ("--nama", {"required": True, "help": "nama lengkap dengan gelar"}),
          ("--jabatan", {"required": True, "help": "nama jabatan"}),
          ("--jenis-jabatan", {"required": True, "choices": tuple(aturan.JENIS_JABATAN), "help": "jenis jabatan"}),
          ("--pangkat", {"required": True, "help": "pangkat/golongan ruang, misalnya \"Penata Muda (III/a)\""}),
          ("--jenjang", {"help": "jenjang jabatan fungsional, misalnya ahli_pertama"}),
          ("--jenis-asn", {"choices": tuple(aturan.JENIS_ASN), "help": "pns atau pppk (bawaan: pns)"}),
          ("--penilai", {"metavar": "NIP", "help": "NIP atasan langsung (bawaan: pimpinan unit)"}),
          ("--akun-git", {"metavar": "AKUN", "help": "akun GitHub/GitLab pegawai"})])


def _new_tim(kind) -> None:
    """`kinerja new tim`."""
    kind("tim", "tim kerja baru: records/<unit>/tim/<kode>.yaml, dengan ketua, anggota dan hasil kerja tim",
         [("kode", "kode tim: huruf kecil, angka, tanda hubung (misalnya tim-sistem-merit)")],
         [("--unit", {"required": True, "metavar": "KODE", "help": "kode unit yang membentuk tim"}),
          ("--nama", {"required": True, "help": "nama tim, misalnya \"Tim Percepatan Penerapan Sistem Merit\""}),
          ("--anggota", {"required": True, "action": "append", "metavar": "NIP",
                         "help": "NIP anggota, dari unit mana pun (boleh diulang)"}),
          ("--ketua", {"metavar": "NIP", "help": "NIP ketua tim (bawaan: pimpinan unit)"}),
          ("--dasar", {"metavar": "TEKS", "help": "keputusan pembentukan tim"}),
          ("--mulai", {"metavar": "TTTT-BB-HH", "help": "awal periode tim (bawaan: hari ini)"}),
          ("--selesai", {"metavar": "TTTT-BB-HH", "help": "akhir periode tim (bawaan: 31 Desember)"}),
          ("--intervensi", {"metavar": "NIP/RHK", "help": "RHK pimpinan yang didukung tim"})])


def _new_rekaman_skp(kind) -> None:
    """`kinerja new` for an SKP and the records in its folder."""
    unit_opsi = ("--unit", {"metavar": "KODE", "help": "kode unit, bila NIP ada di lebih dari satu unit"})
    tahun = ("--tahun", {"type": int, "help": "tahun SKP (bawaan: SKP terakhir pegawai)"})
    skp = ("--skp", {"metavar": "FOLDER", "help": "folder SKP, misalnya 2026-2 untuk SKP kedua setelah mutasi"})
    kind("skp", "SKP baru (draft) berisi identitas pegawai dan penilai serta daftar RHK atasan",
         [("nip", "NIP pegawai")],
         [unit_opsi, ("--tahun", {"type": int, "help": "tahun SKP (bawaan: tahun ini)"}),
          ("--mulai", {"metavar": "TTTT-BB-HH", "help": "awal periode (wajib untuk SKP kedua dalam setahun)"}),
          ("--selesai", {"metavar": "TTTT-BB-HH", "help": "akhir periode (bawaan: 31 Desember)"}),
          ("--pendekatan", {"choices": tuple(aturan.PENDEKATAN), "help": "bawaan: kuantitatif"})])
    kind("evaluasi", "evaluasi baru (draft) berisi setiap RHK dan indikator SKP-nya",
         [("nip", "NIP pegawai"), ("periode", "tw1..tw4, b01..b12 atau tahunan")],
         [unit_opsi, tahun, skp,
          ("--tanggal", {"metavar": "TTTT-BB-HH", "help": "tanggal evaluasi (bawaan: hari ini)"}),
          ("--penilai", {"metavar": "NIP", "help": "NIP pemberi evaluasi bila bukan penilai di SKP "
                                                 "(bawaan: penilai di profil)"})])
    kind("umpan-balik", "catatan umpan balik, dialog kinerja, bimbingan atau konseling",
         [("nip", "NIP pegawai yang menerima umpan balik")],
         [unit_opsi, skp, ("--tanggal", {"metavar": "TTTT-BB-HH", "help": "bawaan: hari ini"}),
          ("--jenis", {"choices": tuple(aturan.JENIS_UMPAN_BALIK),
                       "help": "bawaan: dialog_kinerja; konseling selalu rahasia"}),
          ("--rhk", {"metavar": "ID", "help": "RHK yang dibahas, misalnya rhk-1"}),
          ("--perilaku", {"metavar": "NILAI", "help": "nilai BerAKHLAK yang dibahas, misalnya kolaboratif"}),
          ("--judul", {"metavar": "JUDUL", "help": "akhiran nama berkas bila ada dua catatan di hari yang sama"}),
          ("--catatan", {"metavar": "TEKS", "help": "isi catatan"}),
          ("--dari", {"metavar": "NIP", "help": "NIP pemberi umpan balik (bawaan: penilai SKP)"})])
    kind("keberatan", "keberatan atas hasil evaluasi final, dengan batas waktu pengajuannya",
         [("nip", "NIP pegawai yang berkeberatan"), ("periode", "periode evaluasi, misalnya tahunan")],
         [unit_opsi, tahun, skp,
          ("--diajukan", {"metavar": "TTTT-BB-HH", "help": "tanggal pengajuan (bawaan: hari ini)"}),
          ("--alasan", {"metavar": "TEKS", "help": "alasan keberatan"})])


# --- where results go: allowance, e-Kinerja worksheets, talent classification ----------------

def _dibuat():
    """The build time written into files: SOURCE_DATE_EPOCH when set (reproducible), else now."""
    import os
    from datetime import datetime, timezone

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), timezone.utc).replace(tzinfo=None)
    return datetime.now().replace(microsecond=0)


def _komit(records: Path) -> str | None:
    from kinerja import riwayat

    top = riwayat.akar_git(records)
    try:
        return riwayat.verifikasi(top, "HEAD") if top else None
    except GalatGit:
        return None


def _keluarkan(args, rows: list[dict], kolom, lembar: str) -> int:
    """Rows in the chosen format, to --out or stdout (xlsx needs --out)."""
    if args.format == "xlsx":
        from kinerja.lembar import Lembar, tulis_xlsx

        if not args.out:
            raise GalatPemakaian("format xlsx memerlukan --out BERKAS.xlsx.")
        tulis_xlsx(Path(args.out), [Lembar(lembar, kolom, rows)], _dibuat())
    elif args.out:
        Path(args.out).write_text(tabel.RENDERERS[args.format](rows, kolom), encoding="utf-8")
    else:
        sys.stdout.write(tabel.RENDERERS[args.format](rows, kolom))
    return EXIT_OK


def cmd_tunjangan(args) -> int:
    from kinerja import tunjangan

    model, hasil = _muat_hasil(args)
    rows = tunjangan.baris_tunjangan(model, hasil, args.tahun, bulan=args.bulan, unit=args.unit)
    return _keluarkan(args, rows, tunjangan.KOLOM_TUNJANGAN, "Tunjangan")


def cmd_talenta(args) -> int:
    from kinerja import talenta

    model, hasil = _muat_hasil(args)
    return _keluarkan(args, talenta.baris_talenta(model, hasil, args.tahun, unit=args.unit),
                      talenta.KOLOM_TALENTA, "Talenta")


def cmd_ekspor_ekinerja(args) -> int:
    from kinerja import ekinerja
    from kinerja.lembar import tulis_xlsx

    model, hasil = _muat_hasil(args)
    dibuat = _dibuat()
    daftar = ekinerja.lembar_ekinerja(model, hasil, args.tahun, args.unit, _komit(_records(args)), dibuat)
    out = Path(args.out)
    if args.format == "xlsx":
        tulis_xlsx(out, daftar, dibuat)
        return EXIT_OK
    out.mkdir(parents=True, exist_ok=True)
    for lembar in daftar:
        (out / f"{lembar.nama.lower()}.csv").write_text(tabel.render_csv(list(lembar.baris), lembar.kolom),
                                                         encoding="utf-8")
    return EXIT_OK


def _parser_keluaran(sub, common) -> None:
    """`kinerja tunjangan`, `kinerja talenta`, `kinerja ekspor ekinerja`."""
    def base(p, formats):
        p.add_argument("--tahun", type=int, required=True, help="tahun yang dihitung")
        p.add_argument("--unit", action="append", help="hanya unit ini (boleh diulang)")
        p.add_argument("--format", choices=formats, default=formats[0])

    p = sub.add_parser("tunjangan", parents=[common], help="persentase dan nominal tunjangan kinerja per pegawai "
                                                          "dan bulan (tanpa potongan kehadiran)")
    base(p, (*tabel.RENDERERS, "xlsx"))
    p.add_argument("--bulan", type=int, choices=range(1, 13), metavar="BULAN", help="hanya bulan ini (1..12)")
    p.add_argument("--out", metavar="BERKAS", help="tulis ke berkas ini (wajib untuk xlsx)")
    p.set_defaults(run=cmd_tunjangan)

    p = sub.add_parser("talenta", parents=[common], help="sumbu kinerja dan kotak talenta (PermenPANRB 3/2020)")
    base(p, tuple(tabel.RENDERERS))
    p.add_argument("--out", metavar="BERKAS", help="tulis ke berkas ini")
    p.set_defaults(run=cmd_talenta)

    p = sub.add_parser("ekspor", help="ekspor rekaman ke format aplikasi lain")
    tujuan = p.add_subparsers(dest="tujuan", metavar="TUJUAN", parser_class=_Parser)
    tujuan.required = True
    q = tujuan.add_parser("ekinerja", parents=[common], help="lembar kerja untuk diketik ke e-Kinerja BKN")
    base(q, ("xlsx", "csv"))
    q.add_argument("--out", required=True, metavar="BERKAS|FOLDER",
                   help="berkas .xlsx, atau folder untuk satu berkas CSV per lembar (--format csv)")
    q.set_defaults(run=cmd_ekspor_ekinerja)


def _bagian(text: str) -> tuple[int, int]:
    ke, _, dari = text.partition("/")
    if not (ke.isdigit() and dari.isdigit() and 1 <= int(ke) <= int(dari)):
        raise argparse.ArgumentTypeError(f"'{text}' bukan I/N dengan 1 <= I <= N")
    return int(ke), int(dari)


def _filters(p: argparse.ArgumentParser):
    p.add_argument("--unit", action="append", help="hanya unit ini (boleh diulang)")
    p.add_argument("--tahun", type=int, help="hanya tahun ini")
    p.add_argument("--periode", choices=tuple(aturan.PERIODE), metavar="PERIODE",
                   help="hanya periode ini (tw1..tw4, b01..b12, tahunan)")
    p.add_argument("--format", choices=tuple(tabel.RENDERERS), default="table")


def parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--records", default="records", help="folder rekaman (bawaan: ./records)")
    common.add_argument("--debug", action="store_true", help="tampilkan jejak galat internal")
    common.add_argument("--no-cache", action="store_true",
                        help="jangan pakai tembolok .kinerja-cache (atau $KINERJA_CACHE); baca ulang semua berkas")

    root = _Parser(prog="kinerja", description="Manajemen kinerja ASN (PermenPANRB 6/2022) sebagai rekaman di Git.")
    root.add_argument("--version", action="version", version=f"kinerja {__version__}",
                      help="tampilkan versi lalu keluar")
    sub = root.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True
    _parser_periksa(sub, common)
    _parser_keluaran(sub, common)
    _parser_situs(sub, common)
    _parser_alur(sub, common)
    _parser_new(sub, common)
    return root


def _parser_periksa(sub, common) -> None:
    """validate and the tables of computed results."""
    p = sub.add_parser("validate", parents=[common], help="periksa skema dan aturan antar-rekaman")
    p.add_argument("paths", nargs="*", metavar="PATH", help="hanya laporkan berkas di bawah path ini")
    p.add_argument("--format", choices=tuple(laporan.RENDERERS), default="text")
    p.add_argument("--strict", action="store_true", help="peringatan juga menggagalkan (keluar 1)")
    p.add_argument("--changed-since", metavar="REV",
                   help="hanya periksa yang diubah cabang ini sejak titik cabangnya dengan REV (komit dan "
                        "perubahan yang di-stage) beserta rekaman yang bergantung padanya, ditambah aturan riwayat")
    p.set_defaults(run=cmd_validate)

    for name, rows_of, kolom, text in (
        ("predikat", tabel.baris_predikat, tabel.KOLOM_PREDIKAT, "predikat kinerja setiap evaluasi"),
        ("kurva", tabel.baris_kurva, tabel.KOLOM_KURVA, "sebaran predikat tiap unit dan periode terhadap kurva"),
        ("angka-kredit", tabel.baris_angka_kredit, tabel.KOLOM_ANGKA_KREDIT, "angka kredit pejabat fungsional"),
    ):
        p = sub.add_parser(name, parents=[common], help=text)
        _filters(p)
        p.set_defaults(run=_cmd_tabel(rows_of, kolom))



def _parser_situs(sub, common) -> None:
    """build and serve: the unit sites."""
    p = sub.add_parser("build", parents=[common], help="periksa rekaman lalu bangun situs statis tiap unit")
    p.add_argument("--unit", action="append", help="hanya unit ini (boleh diulang; bawaan: semua)")
    p.add_argument("--out", default="build/site", help="folder keluaran (bawaan: build/site)")
    p.add_argument("--strict", action="store_true", help="peringatan juga menghentikan pembangunan")
    p.add_argument("--engine", default="mkdocs", metavar="MESIN",
                   help="mesin situs: mkdocs (bawaan), properdocs atau zensical (pip install 'kinerja[zensical]')")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("serve", parents=[common], help="bangun dan sajikan situs satu unit di localhost")
    p.add_argument("--unit", action="append", required=True, help="unit yang disajikan")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(run=cmd_serve)


def _parser_alur(sub, common) -> None:
    """The workflow commands: synthetic trees, review routing, summaries, CI unit lists."""
    p = sub.add_parser("sintetis", parents=[common], help="tulis pohon rekaman sintetis untuk uji dan tolok ukur")
    p.add_argument("out", metavar="OUT", help="folder rekaman yang akan ditulis (harus kosong)")
    p.add_argument("--pegawai", type=int, default=100)
    p.add_argument("--unit", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--tahun", type=int, default=2025)
    p.set_defaults(run=cmd_sintetis)

    p = sub.add_parser("codeowners", parents=[common], help="tulis (atau periksa) berkas CODEOWNERS dari rekaman")
    p.add_argument("--check", action="store_true", help="hanya periksa; keluar 1 bila berkasnya usang")
    p.add_argument("--format", choices=("github", "gitlab"), default="github",
                   help="github: .github/CODEOWNERS (bawaan); gitlab: .gitlab/CODEOWNERS")
    p.set_defaults(run=cmd_codeowners)

    p = sub.add_parser("pengaturan", parents=[common],
                       help="tulis (atau periksa) .vscode/settings.json dan .pre-commit-hooks.yaml dari jenis rekaman")
    p.add_argument("--check", action="store_true", help="hanya periksa; keluar 1 bila berkasnya usang")
    p.set_defaults(run=cmd_pengaturan)

    p = sub.add_parser("pr-summary", parents=[common], help="ringkasan Markdown perubahan cabang untuk peninjau")
    p.add_argument("--base", required=True, metavar="REV", help="cabang tujuan, misalnya origin/main")
    p.set_defaults(run=cmd_pr_summary)

    p = sub.add_parser("cms", parents=[common], help="tulis config.yml Decap CMS (formulir /admin/) dari skema")
    p.add_argument("--unit", help="unit yang formulirnya dibuat (wajib bila ada lebih dari satu unit)")
    p.add_argument("--backend", choices=("github", "gitlab", "gitea", "proxy"),
                   help="layanan Git (bawaan: dari remote origin; proxy: decap-server lokal)")
    p.add_argument("--repo", metavar="PEMILIK/NAMA", help="repositori di layanan Git (bawaan: dari remote origin)")
    p.add_argument("--branch", help="cabang utama (bawaan: main)")
    p.add_argument("--base-url", help="GitHub: alamat proksi OAuth; GitLab/Gitea: alamat server; "
                   "proxy: API decap-server")
    p.add_argument("--app-id", help="ID aplikasi OAuth (GitLab PKCE, Gitea)")
    p.add_argument("--out", help="tulis ke berkas ini (bawaan: keluaran standar)")
    p.set_defaults(run=cmd_cms)

    p = sub.add_parser("units", parents=[common], help="daftar kode unit (untuk matriks CI)")
    p.add_argument("--json", action="store_true", help="sebagai larik JSON")
    p.add_argument("--changed-since", metavar="REV", help="hanya unit yang terdampak perubahan sejak REV")
    p.add_argument("--bagian", type=_bagian, metavar="I/N",
                   help="hanya bagian ke-I dari N bagian daftar (untuk pekerjaan CI paralel)")
    p.set_defaults(run=cmd_units)


def _satu_baris(exc: BaseException) -> str:
    """An exception's message on one line (the contract: one line on stderr)."""
    return " ".join(str(exc).split())


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KinerjaError as exc:
        print(f"kinerja: {_satu_baris(exc)}", file=sys.stderr)
        return exc.kode_keluar
    except KeyboardInterrupt:
        print("kinerja: dihentikan.", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # an internal failure: one line unless --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(f"kinerja: galat internal: {type(exc).__name__}: {_satu_baris(exc)} "
              "(ulangi dengan --debug untuk rinciannya)", file=sys.stderr)
        return EXIT_USAGE
