"""Finds and indexes every record of a records tree into the model.

Three steps: `temukan` walks the tree and decides each file's kind from its path;
`baca` loads and schema-validates one file (a pure function of its bytes, so it can run
in worker processes and be cached); `bangun` turns the valid documents into the model.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import astuple, dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from kinerja import schema, tembolok
from kinerja.aturan import Aturan
from kinerja.laporan import ERROR, Diagnostik
from kinerja.progres import Progres
from kinerja.model import (
    IKI, RHK, SKP, Arsip, Evaluasi, HasilEvaluasi, Identitas, Instansi, Keberatan, Keputusan, Organisasi,
    Pegawai, PenetapanOrganisasi, Potensi, Realisasi, Sumber, UmpanBalik, Unit, tanggal,
)
from kinerja.yamlio import NIP, Dokumen, YamlError, muat_bytes

KODE_UNIT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FOLDER_SKP = re.compile(r"^([0-9]{4})(?:-([2-9]|[1-9][0-9]+))?$")
BERKAS_PERIODE = re.compile(r"^(tw[1-4]|b(?:0[1-9]|1[0-2])|tahunan)\.yaml$")
BERKAS_TAHUN = re.compile(r"^([0-9]{4})\.yaml$")
BERKAS_UMPAN_BALIK = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})(-[a-z0-9]+(-[a-z0-9]+)*)?\.yaml$")

_TATA_LETAK = ("Susunan yang dikenal: <unit>/unit.yaml, <unit>/organisasi/<tahun>.yaml, "
               "<unit>/pegawai/<nip>/profil.yaml, <unit>/pegawai/<nip>/<tahun>/skp.yaml, "
               "serta umpan-balik/, evaluasi/ dan keberatan/ di dalam folder SKP.")


class Berkas(NamedTuple):
    """A file of the records tree and the kind its path gives it."""

    rel: str  # relative to the repository root, forward slashes
    path: str  # absolute
    kind: str
    parts: tuple[str, ...]  # path parts below records/


@dataclass
class Bacaan:
    """The result of loading one file: its data (None if unusable), diagnostics, and the
    positions when they are at hand (not after a worker process or the cache)."""

    berkas: Berkas
    data: dict | None
    diagnostik: list[Diagnostik] = field(default_factory=list)
    dok: Dokumen | None = None


def _diag(rel: str, code: str, line: int, column: int, message: str, hint: str | None = None,
          severity: str = ERROR) -> Diagnostik:
    return Diagnostik(rel, line, column, code, severity, message, hint)


def _kind(parts: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(kind, None) for a recognised path, or (None, reason) for a badly named one.

    (None, None) means the path is not a record location at all.
    """
    n = len(parts)
    name = parts[-1]
    if n == 1 and name == "instansi.yaml":
        return "instansi", None
    if not KODE_UNIT.match(parts[0]) and n > 1:
        return None, f"Nama folder unit '{parts[0]}' tidak sah: pakai huruf kecil, angka dan tanda hubung."
    if n == 2 and name == "unit.yaml":
        return "unit", None
    if n == 3 and parts[1] == "organisasi":
        return ("organisasi", None) if BERKAS_TAHUN.match(name) else (
            None, f"Nama berkas '{name}' tidak sah: penetapan organisasi bernama <tahun>.yaml.")
    if n >= 4 and parts[1] == "pegawai":
        if not NIP.match(parts[2]):
            return None, f"Nama folder pegawai '{parts[2]}' tidak sah: harus NIP 18 angka."
        if n == 4 and name == "profil.yaml":
            return "profil", None
        if n == 5 and parts[3] == "potensi":
            return ("potensi", None) if BERKAS_TAHUN.match(name) else (
                None, f"Nama berkas '{name}' tidak sah: penilaian potensi bernama <tahun>.yaml.")
        if n >= 5 and not FOLDER_SKP.match(parts[3]):
            return None, f"Nama folder SKP '{parts[3]}' tidak sah: tulis <tahun> atau <tahun>-<n> (n mulai 2)."
        if n == 5 and name == "skp.yaml":
            return "skp", None
        if n == 6 and parts[4] == "umpan-balik":
            return ("umpan-balik", None) if BERKAS_UMPAN_BALIK.match(name) else (
                None, f"Nama berkas '{name}' tidak sah: umpan balik bernama <tttt-bb-hh>[-<judul>].yaml.")
        if n == 6 and parts[4] in ("evaluasi", "keberatan"):
            return (parts[4], None) if BERKAS_PERIODE.match(name) else (
                None, f"Nama berkas '{name}' tidak sah: pakai tw1..tw4, b01..b12 atau tahunan (.yaml).")
    if name.endswith(".yml"):
        return None, f"Berkas '{name}' berakhiran .yml; rekaman Kinerja berakhiran .yaml."
    return None, None


def jenis(parts: tuple[str, ...]) -> str | None:
    """The kind of record a path below records/ holds, or None when it holds none."""
    return _kind(parts)[0] if parts else None


_nama = attrgetter("name")


def temukan(records: Path, root: Path, di: Iterable[tuple[str, ...]] | None = None,
            folders: list | None = None) -> tuple[list[Berkas], list[Diagnostik]]:
    """Every file under records with its kind, and diagnostics for files that do not belong.

    di: only these folders and files (path parts below records; missing ones are skipped),
    for loading just the records a change can affect.
    folders: filled with (path, mtime in ns taken before reading it) of every folder walked,
    or cleared when a symbolic link was met (such a listing cannot be trusted by mtimes).
    """
    records = records.resolve()
    records_real = os.path.realpath(records)
    prefix = records.relative_to(root).as_posix() if records.is_relative_to(root) else records.as_posix()
    found: list[Berkas] = []
    diagnostik: list[Diagnostik] = []
    linked_dirs: set[str] = set()  # real paths of symlinked folders already walked (no cycles)

    def walk(folder: str, parts: tuple[str, ...]):
        if folders is not None:
            folders.append((folder, os.stat(folder).st_mtime_ns))
        with os.scandir(folder) as entries:
            ordered = sorted(entries, key=_nama)
        for entry in ordered:
            sub = parts + (entry.name,)
            if entry.is_symlink():
                visit(entry.path, sub, True, entry.is_dir())
            elif entry.is_dir(follow_symlinks=False):
                walk(entry.path, sub)
            else:
                berkas(entry.path, sub)

    def visit(path: str, sub: tuple[str, ...], is_link: bool, is_dir: bool):
        if is_link and folders is not None:
            folders.clear()
            folders.append(None)  # marks the listing as not reusable
        if is_link:
            rel = prefix + "/" + "/".join(sub)
            target = os.path.realpath(path)
            if os.path.commonpath((target, records_real)) != records_real:
                diagnostik.append(_diag(rel, "K109", 1, 1,
                                        "Tautan simbolik ini menunjuk ke luar folder rekaman; ditolak.",
                                        "Salin berkasnya ke dalam folder rekaman atau hapus tautannya."))
                return
            if is_dir:
                if target in linked_dirs:
                    return
                linked_dirs.add(target)
        if is_dir:
            walk(path, sub)
        else:
            berkas(path, sub)

    def berkas(path: str, sub: tuple[str, ...]):
        rel = prefix + "/" + "/".join(sub)
        kind, reason = _kind(sub)
        if kind is None and reason is None:
            diagnostik.append(_diag(rel, "K301", 1, 1,
                                    f"Berkas '{'/'.join(sub)}' tidak dikenal di dalam folder rekaman.",
                                    _TATA_LETAK))
        elif kind is None:
            diagnostik.append(_diag(rel, "K302", 1, 1, reason, _TATA_LETAK))
        else:
            found.append(Berkas(rel, path, kind, sub))

    if di is None:
        walk(str(records), ())
    else:
        for sub in di:
            path = os.path.join(records, *sub)
            if os.path.lexists(path):
                visit(path, tuple(sub), os.path.islink(path), os.path.isdir(path))
    return found, diagnostik


def baca(berkas: Berkas, raw: bytes) -> Bacaan:
    """Load and schema-validate one record. A valid record is parsed without positions;
    an invalid one is parsed again with them, for its messages."""
    try:
        dok = muat_bytes(raw, posisi=False)
        if schema.sah(berkas.kind, dok):
            return Bacaan(berkas, dok.data, [])
        dok = muat_bytes(raw)
    except YamlError as exc:
        return Bacaan(berkas, None, [_diag(berkas.rel, exc.code, exc.line, exc.column, exc.message, exc.hint)])
    found = [_diag(berkas.rel, code, line, column, message, hint)
             for code, line, column, message, hint in schema.periksa(berkas.kind, dok)]
    return Bacaan(berkas, None if found else dok.data, found, dok)


def _tidak_terbaca(berkas: Berkas, exc: OSError) -> Diagnostik:
    reason = {errno.EACCES: "izin membaca ditolak", errno.ENOENT: "berkas hilang saat diperiksa",
              errno.EISDIR: "ini folder, bukan berkas"}.get(exc.errno, f"galat sistem {exc.errno}")
    return _diag(berkas.rel, "K100", 1, 1, f"Berkas tidak dapat dibaca ({reason}).")


Hasil = tuple  # (blob id or None, data or None, diagnostics): what loading one file yields


def _baca_potongan(daftar: list[Berkas]) -> list[Hasil]:
    """Read, identify and load files (the job of a worker process): plain data only, the
    positions are re-read on demand."""
    out = []
    for berkas in daftar:
        try:
            raw = Path(berkas.path).read_bytes()
        except OSError as exc:
            out.append((None, None, [_tidak_terbaca(berkas, exc)]))
            continue
        loaded = baca(berkas, raw)
        out.append((tembolok.blob_id(raw), loaded.data, loaded.diagnostik))
    return out


AMBANG_PARALEL = 2000  # below this many files, starting worker processes costs more than it saves
POTONGAN = 256


def _muat_paralel(daftar: list[Berkas], jobs: int, progres: bool) -> list[Hasil]:
    if jobs < 2 or len(daftar) < AMBANG_PARALEL:
        return _baca_potongan(daftar)
    for kind in {b.kind for b in daftar}:
        schema.validator(kind)  # build once here; forked workers inherit them
    chunks = [daftar[i:i + POTONGAN] for i in range(0, len(daftar), POTONGAN)]
    bar = Progres(len(daftar), "Membaca rekaman", progres)
    out: list[Hasil] = []
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        for chunk in pool.map(_baca_potongan, chunks):
            out.extend(chunk)
            bar.maju(len(chunk))
    bar.selesai()
    return out


def _kunci(berkas: Berkas, blob: str) -> str:
    return f"{berkas.kind}:{blob}"


def baca_semua(daftar: list[Berkas], *, cache: tembolok.Tembolok | None = None,
               blobs: dict[str, str] | None = None, jobs: int | None = None,
               progres: bool = False) -> list[Bacaan]:
    """Load every file, same order as given: from the cache when its blob id (from Git's index,
    `blobs`) is known there, otherwise in worker processes across all cores for large trees."""
    blobs = blobs or {}
    hasil: list[Hasil | None] = [None] * len(daftar)
    todo = []
    for i, berkas in enumerate(daftar):
        blob = blobs.get(berkas.path)
        hit = cache.ambil(_kunci(berkas, blob)) if cache is not None and blob else None
        if hit is None:
            todo.append(i)
        else:
            data, found = hit
            hasil[i] = (blob, data, [Diagnostik(berkas.rel, *d) for d in found])
    for i, loaded in zip(todo, _muat_paralel([daftar[i] for i in todo], jobs or os.cpu_count() or 1, progres)):
        hasil[i] = loaded
        blob, data, found = loaded
        if cache is not None and blob:
            cache.simpan(_kunci(daftar[i], blob), (data, tuple(astuple(d)[1:] for d in found)))
    if cache is not None:
        cache.tulis()
    return [Bacaan(berkas, data, found) for berkas, (_, data, found) in zip(daftar, hasil)]


# --- building the model from valid documents -------------------------------------------------

def _sumber(b: Bacaan) -> Sumber:
    return Sumber(b.berkas.rel, b.berkas.path, b.dok)


def _identitas(data: dict) -> Identitas:
    return Identitas(data["nip"], data["nama"], data["pangkat_golongan"], data["jabatan"], data["unit_kerja"],
                     data.get("jenjang"))


def _unit(b: Bacaan) -> Unit:
    d = b.data
    return Unit(d["kode"], d["nama"], d["instansi"], d.get("induk"), d["pimpinan"], d["evaluasi_periodik"],
                list(d.get("admin") or []), Aturan.dari_unit(d.get("aturan")), dict(d.get("publikasi") or {}),
                _sumber(b), d.get("tunjangan"))


def _pegawai(b: Bacaan) -> Pegawai:
    d = b.data
    return Pegawai(b.berkas.parts[0], d["nip"], d["nama"], d["jenis_asn"], d["pangkat_golongan"], d["jabatan"],
                   d["jenis_jabatan"], d.get("jenjang"), d["penilai"], d.get("akun_git"),
                   _sumber(b), kelas_jabatan=d.get("kelas_jabatan"))


def _instansi(b: Bacaan) -> Instansi:
    d = b.data
    return Instansi(d["nama"], d.get("tempat"), dict(d.get("aturan") or {}), d.get("tunjangan"), _sumber(b))


def _potensi(b: Bacaan) -> Potensi:
    d = b.data
    return Potensi(int(b.berkas.parts[-1][:4]), d["tingkat"], d["asesor"], tanggal(d["tanggal"]), d.get("catatan"),
                   _sumber(b))


def _skp(b: Bacaan) -> SKP:
    d = b.data
    parts = b.berkas.parts
    hasil = [
        RHK(r["id"], r["jenis"], r.get("intervensi"), r["uraian"], r.get("penugasan_dari"),
            [IKI(i["id"], i["aspek"], i["uraian"], i["target"], i.get("perspektif"), i.get("arah", "naik"), k)
             for k, i in enumerate(r["indikator"])], n)
        for n, r in enumerate(d["hasil_kerja"])
    ]
    return SKP(parts[0], parts[2], parts[3], d["tahun"], tanggal(d["periode"]["mulai"]),
               tanggal(d["periode"]["selesai"]), d["pendekatan"], _identitas(d["pegawai"]),
               _identitas(d["penilai"]), d["status"], tanggal(d.get("ditetapkan")), hasil,
               d["perilaku_kerja"], d["lampiran"], _sumber(b))


def _umpan_balik(b: Bacaan) -> UmpanBalik:
    d = b.data
    return UmpanBalik(b.berkas.parts[-1][:-5], tanggal(d["tanggal"]), d["dari"], d["jenis"], d.get("tentang"),
                      d["catatan"], d.get("tindak_lanjut"), d.get("rahasia"),
                      _sumber(b))


def _evaluasi(b: Bacaan) -> Evaluasi:
    d = b.data
    hasil = [
        HasilEvaluasi(h["rhk"], [Realisasi(r["indikator"], r["nilai"], list(r.get("bukti") or []), k)
                                 for k, r in enumerate(h.get("realisasi") or [])], h.get("umpan_balik"), n)
        for n, h in enumerate(d["hasil_kerja"])
    ]
    return Evaluasi(d["periode"], tanggal(d["tanggal"]), d["status"], hasil, d.get("rating_hasil_kerja"),
                    dict(d.get("perilaku_kerja") or {}), d.get("rating_perilaku_kerja"),
                    d.get("catatan_rekomendasi"), _sumber(b))


def _keberatan(b: Bacaan) -> Keberatan:
    d = b.data
    k = d.get("keputusan")
    keputusan = (Keputusan(k["oleh"], tanggal(k["tanggal"]), k.get("rating_hasil_kerja"), k["rating_perilaku_kerja"],
                           k.get("catatan")) if k else None)
    return Keberatan(b.berkas.parts[-1][:-5], d["evaluasi"], tanggal(d["diajukan"]), d["alasan"],
                     d.get("penjelasan_penilai"), keputusan, _sumber(b))


def _organisasi(b: Bacaan) -> Organisasi:
    d = b.data
    penetapan = [PenetapanOrganisasi(p["periode"], p["predikat"], p["ditetapkan_oleh"], tanggal(p["tanggal"]),
                                     p.get("kalibrasi"), n) for n, p in enumerate(d["penetapan"])]
    return Organisasi(b.berkas.parts[0], d["tahun"], penetapan, _sumber(b))


def _induk_hilang(b: Bacaan, what: str, where: str) -> Diagnostik:
    return _diag(b.berkas.rel, "K308", 1, 1, f"{what} tanpa {where}.",
                 f"Setiap rekaman di bawah folder ini memerlukan {where}; buat dengan 'kinerja new'.")


def bangun(bacaan: list[Bacaan]) -> tuple[Arsip, list[Diagnostik]]:
    """The model from every valid document, plus diagnostics for records without a parent."""
    arsip = Arsip(berkas=sorted(b.berkas.rel for b in bacaan))
    diagnostik: list[Diagnostik] = []
    by_kind: dict[str, list[Bacaan]] = {}
    present: set[tuple[str, ...]] = set()  # folders whose own record exists, valid or not
    for b in bacaan:
        by_kind.setdefault(b.berkas.kind, []).append(b)
        present.add(b.berkas.parts[:-1])
    valid = {kind: [b for b in items if b.data is not None] for kind, items in by_kind.items()}

    for b in valid.get("unit", []):
        unit = _unit(b)
        arsip.units[b.berkas.parts[0]] = unit
    for b in valid.get("organisasi", []):
        org = _organisasi(b)
        arsip.organisasi[(org.unit, int(b.berkas.parts[-1][:4]))] = org
    for b in valid.get("instansi", []):
        arsip.instansi = _instansi(b)
    for b in valid.get("profil", []):
        arsip.tambah_pegawai(_pegawai(b))
    for b in valid.get("potensi", []):
        pegawai = arsip.pegawai.get((b.berkas.parts[0], b.berkas.parts[2]))
        if pegawai is not None:
            record = _potensi(b)
            pegawai.potensi[record.tahun] = record
        elif b.berkas.parts[:3] not in present:
            diagnostik.append(_induk_hilang(b, "Penilaian potensi", "profil.yaml pegawai"))
    skp_index: dict[tuple[str, ...], SKP] = {}
    for b in valid.get("skp", []):
        folder = b.berkas.parts[:4]
        pegawai = arsip.pegawai.get((folder[0], folder[2]))
        if pegawai is None:
            if folder[:3] not in present:
                diagnostik.append(_induk_hilang(b, "SKP", "profil.yaml pegawai"))
            continue
        skp = _skp(b)
        pegawai.skp.append(skp)
        skp_index[folder] = skp
    for pegawai in arsip.pegawai.values():
        pegawai.skp.sort(key=lambda s: (s.tahun, len(s.folder), s.folder))

    builders = {"umpan-balik": _umpan_balik, "evaluasi": _evaluasi, "keberatan": _keberatan}
    for kind, build in builders.items():
        for b in valid.get(kind, []):
            skp = skp_index.get(b.berkas.parts[:4])
            if skp is None:
                if b.berkas.parts[:4] not in present:
                    diagnostik.append(_induk_hilang(b, "Rekaman ini", "skp.yaml di folder SKP-nya"))
                continue
            record = build(b)
            if kind == "umpan-balik":
                skp.umpan_balik.append(record)
            elif kind == "evaluasi":
                skp.evaluasi[b.berkas.parts[-1][:-5]] = record
            else:
                skp.keberatan[record.periode] = record
    for skp in skp_index.values():
        skp.umpan_balik.sort(key=lambda u: u.nama_berkas)
    for b in by_kind.get("profil", []) + by_kind.get("organisasi", []):
        if b.berkas.parts[:1] not in present:
            diagnostik.append(_induk_hilang(b, "Rekaman ini", "unit.yaml di folder unitnya"))
    return arsip, diagnostik


def rel_root(records: Path) -> Path:
    """The folder diagnostics are relative to: the working directory when records is inside it."""
    cwd = Path.cwd().resolve()
    real = records.resolve()
    return cwd if real.is_relative_to(cwd) else real.parent


def blob_semua(records: Path, daftar: list[Berkas], git: tembolok.BlobGit | None = None) -> dict[str, str]:
    """Blob id of every file: from Git's index when unchanged there (git: the query already
    started), else from its bytes."""
    blobs = (git or tembolok.BlobGit(records)).hasil()
    for berkas in daftar:
        if berkas.path not in blobs:
            try:
                blobs[berkas.path] = tembolok.blob_id(Path(berkas.path).read_bytes())
            except OSError:
                pass  # reported when the file is loaded
    return blobs


def muat_daftar(daftar: list[Berkas], diagnostik: list[Diagnostik], cache: tembolok.Tembolok | None = None,
                blobs: dict[str, str] | None = None, progres: bool = False) -> tuple[Arsip, list[Diagnostik]]:
    """The model of the given files, with the diagnostics found so far plus every loading one."""
    bacaan = baca_semua(daftar, cache=cache, blobs=blobs, progres=progres)
    diagnostik = list(diagnostik)
    for b in bacaan:
        diagnostik.extend(b.diagnostik)
    arsip, more = bangun(bacaan)
    return arsip, diagnostik + more


def muat(records: Path, cache: tembolok.Tembolok | None = None,
         progres: bool = False) -> tuple[Arsip, list[Diagnostik]]:
    """Load a whole records tree: the model and every loading diagnostic."""
    daftar, diagnostik = temukan(records, rel_root(records))
    return muat_daftar(daftar, diagnostik, cache, blob_semua(records, daftar) if cache else None, progres)
