"""Finds and indexes every record of a records tree into the model.

Three steps: `temukan` walks the tree and decides each file's kind from its path;
`baca` loads and schema-validates one file (a pure function of its bytes, so it can run
in worker processes and be cached); `bangun` turns the valid documents into the model.
"""

from __future__ import annotations

import errno
import marshal
import multiprocessing
import os
import stat
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import astuple, dataclass, field
from datetime import date
from fractions import Fraction
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from kinerja import jenis as jenis_mod
from kinerja import schema, tembolok
from kinerja.aturan import Aturan
from kinerja.laporan import ERROR, Diagnostik
from kinerja.progres import Progres
from kinerja.model import (
    IKI, RHK, SKP, AnggotaTim, AngkaKreditAwal, Arsip, Berlaku, Evaluasi, HasilEvaluasi, HasilTim, Identitas,
    Instansi, Keberatan, Keputusan, MasaPimpinan, MasaStatus, Organisasi, Pegawai, PenetapanOrganisasi, Potensi,
    Realisasi, Revisi, Sumber, Tim, UmpanBalik, Unit, tanggal,
)
from kinerja.yamlio import Dokumen, YamlError, muat_bytes

_SARAN_TAUTAN = "Hapus tautannya, atau arahkan ke berkas atau folder lain di dalam folder rekaman."


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


def _kenali(parts: tuple[str, ...], path: str, prefix: str, found: list[Berkas],
            diagnostik: list[Diagnostik]) -> None:
    """Add a file to the records found, or a diagnostic saying why it does not belong."""
    rel = prefix + "/" + "/".join(parts)
    kind, reason = jenis_mod.kenali(parts)
    if kind is None and reason is None:
        diagnostik.append(_diag(rel, "K301", 1, 1, f"Berkas '{'/'.join(parts)}' tidak dikenal di dalam folder rekaman.",
                                jenis_mod.TATA_LETAK))
    elif kind is None:
        diagnostik.append(_diag(rel, "K302", 1, 1, reason, jenis_mod.TATA_LETAK))
    else:
        found.append(Berkas(rel, path, kind, parts))


def awalan(records: Path, root: Path) -> str:
    """The records folder as diagnostics name it (relative to root when inside it)."""
    return records.relative_to(root).as_posix() if records.is_relative_to(root) else records.as_posix()


def kenali_semua(items: Iterable[tuple[tuple[str, ...], str]], records: Path,
                 root: Path) -> tuple[list[Berkas], list[Diagnostik]]:
    """The records among listed files (path parts below records, absolute path), and
    diagnostics for the files that do not belong."""
    prefix = awalan(records.resolve(), root)
    found: list[Berkas] = []
    diagnostik: list[Diagnostik] = []
    for parts, path in items:
        _kenali(parts, path, prefix, found, diagnostik)
    return found, diagnostik


_nama = attrgetter("name")


MAKS_KEDALAMAN_FOLDER = 32  # folders below records/; a record sits at most 6 deep


class _Penjelajah:
    """The walk of `temukan`: what it found and what it refused."""

    def __init__(self, records: Path, root: Path):
        self.real = os.path.realpath(records)
        self.prefix = awalan(records, root)
        self.found: list[Berkas] = []
        self.diagnostik: list[Diagnostik] = []
        self.linked_dirs: set[str] = set()  # real paths of symlinked folders already walked

    def tolak(self, sub: tuple[str, ...], code: str, message: str, hint: str | None = None) -> None:
        self.diagnostik.append(_diag(self.prefix + "".join("/" + part for part in sub), code, 1, 1, message, hint))

    def walk(self, folder: str, parts: tuple[str, ...]) -> None:
        if len(parts) > MAKS_KEDALAMAN_FOLDER:
            self.tolak(parts, "K311", f"Folder bersarang terlalu dalam (lebih dari {MAKS_KEDALAMAN_FOLDER} tingkat "
                       "di bawah folder rekaman); isinya tidak diperiksa.", jenis_mod.TATA_LETAK)
            return
        try:
            with os.scandir(folder) as entries:
                ordered = sorted(entries, key=_nama)
        except OSError as exc:
            self.tolak(parts, "K100", f"Folder tidak dapat dibaca ({os.strerror(exc.errno or 0)}).")
            return
        for entry in ordered:
            sub = parts + (entry.name,)
            if entry.is_symlink():
                self.tautan(entry.path, sub)
            elif entry.is_dir(follow_symlinks=False):
                self.walk(entry.path, sub)
            else:
                self.berkas(entry.path, sub, entry.is_file(follow_symlinks=False))

    def tautan(self, path: str, sub: tuple[str, ...]) -> None:
        target = os.path.realpath(path)
        if os.path.commonpath((target, self.real)) != self.real:
            self.tolak(sub, "K109", "Tautan simbolik ini menunjuk ke luar folder rekaman; ditolak.",
                       "Salin berkasnya ke dalam folder rekaman atau hapus tautannya.")
            return
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.tolak(sub, "K111", "Tautan simbolik ini berputar: ia menunjuk ke dirinya sendiri "
                           "(langsung atau lewat tautan lain).", _SARAN_TAUTAN)
            else:
                self.berkas(path, sub, True)  # a broken link: reported when it is read
            return
        if not stat.S_ISDIR(mode):
            self.berkas(path, sub, stat.S_ISREG(mode))
        elif os.path.commonpath((target, os.path.realpath(os.path.dirname(path)))) == target:
            self.tolak(sub, "K111", "Tautan simbolik ini menunjuk ke folder yang memuatnya sendiri (berputar).",
                       _SARAN_TAUTAN)
        elif target not in self.linked_dirs:
            self.linked_dirs.add(target)
            self.walk(path, sub)

    def berkas(self, path: str, sub: tuple[str, ...], biasa: bool) -> None:
        if not biasa:  # a FIFO, socket or device: never opened (reading a FIFO would wait forever)
            self.tolak(sub, "K312", "Ini bukan berkas biasa (pipa bernama, soket atau perangkat); tidak dibaca.",
                       "Hapus dari folder rekaman; rekaman selalu berkas teks biasa.")
        else:
            _kenali(sub, path, self.prefix, self.found, self.diagnostik)


def temukan(records: Path, root: Path) -> tuple[list[Berkas], list[Diagnostik]]:
    """Every file under records with its kind, and diagnostics for files that do not belong (the
    walk, for trees outside Git or holding symbolic links). Symbolic link loops, folders nested
    deeper than MAKS_KEDALAMAN_FOLDER and files that are not regular files are diagnostics at
    line 1, never a hang or a failure."""
    records = records.resolve()
    jelajah = _Penjelajah(records, root)
    jelajah.walk(str(records), ())
    return jelajah.found, jelajah.diagnostik


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


def _dari_disk(berkas: Berkas) -> bytes:
    return Path(berkas.path).read_bytes()


def _baca_potongan(daftar: list[Berkas], isi: Callable[[Berkas], bytes] = _dari_disk) -> list[Hasil]:
    """Read (from the disk unless isi gives the bytes) and load files, the job of a worker
    process: plain data only, the positions are re-read on demand."""
    out = []
    for berkas in daftar:
        try:
            raw = isi(berkas)
        except OSError as exc:
            out.append((None, None, [_tidak_terbaca(berkas, exc)]))
            continue
        loaded = baca(berkas, raw)
        out.append((tembolok.blob_id(raw), loaded.data, loaded.diagnostik))
    return out


def _baca_potongan_terkirim(daftar: list[Berkas]) -> bytes:
    """A worker's loaded files as marshal bytes: unlike pickle, marshal keeps the texts interned
    (yamlio interns them), so the parent holds one copy of each."""
    return marshal.dumps([(blob, data, [astuple(d) for d in found]) for blob, data, found in _baca_potongan(daftar)])


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
        for raw in pool.map(_baca_potongan_terkirim, chunks):
            chunk = marshal.loads(raw)
            out.extend((blob, data, [Diagnostik(*d) for d in found]) for blob, data, found in chunk)
            bar.maju(len(chunk))
    bar.selesai()
    return out


def _kunci(berkas: Berkas, blob: str) -> str:
    return f"{berkas.kind}:{blob}"


def _baca_dari(daftar: list[Berkas], isi: dict[str, bytes]) -> list[Hasil]:
    """Load files from contents at hand (read from Git), in this process."""
    def ambil(berkas: Berkas) -> bytes:
        if berkas.path not in isi:
            raise FileNotFoundError(errno.ENOENT, "hilang")
        return isi[berkas.path]
    return _baca_potongan(daftar, ambil)


def baca_semua(daftar: list[Berkas], *, cache: tembolok.Tembolok | None = None,
               blobs: dict[str, str] | None = None, jobs: int | None = None, progres: bool = False,
               isi: Callable[[list[Berkas]], dict[str, bytes]] | None = None) -> list[Bacaan]:
    """Load every file, same order as given: from the cache when its blob id (from Git's index,
    `blobs`) is known there, otherwise from the contents `isi` gives (Git's index) or the disk,
    in worker processes across all cores for large trees."""
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
    missing = [daftar[i] for i in todo]
    loaded_all = (_baca_dari(missing, isi(missing)) if isi is not None
                  else _muat_paralel(missing, jobs or os.cpu_count() or 1, progres))
    for i, loaded in zip(todo, loaded_all):
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


def _masa_pimpinan(pimpinan: str | list) -> list[MasaPimpinan]:
    if isinstance(pimpinan, str):
        return [MasaPimpinan(pimpinan, None, None, "definitif", None)]
    return [MasaPimpinan(m["nip"], tanggal(m["mulai"]), tanggal(m.get("selesai")), m.get("sebagai", "definitif"), n)
            for n, m in enumerate(pimpinan)]


def _kepala_sekarang(masa: list[MasaPimpinan]) -> str:
    """The head "as of now" without reading the clock: the latest-starting definitive term
    still open, else the latest-starting term of any kind."""
    def mulai(m: MasaPimpinan):
        return (m.mulai or date.min, m.selesai is None)
    terbuka = [m for m in masa if m.sebagai == "definitif" and m.selesai is None]
    return max(terbuka or masa, key=mulai).nip


def _unit(b: Bacaan, instansi: Instansi | None) -> Unit:
    d = b.data
    rules = Aturan.dari_unit(instansi.aturan if instansi else None, d.get("aturan"))
    masa = _masa_pimpinan(d["pimpinan"])
    return Unit(d["kode"], d["nama"], d["instansi"], d.get("induk"), _kepala_sekarang(masa), d["evaluasi_periodik"],
                list(d.get("admin") or []), rules, dict(d.get("publikasi") or {}),
                _sumber(b), d.get("tunjangan"), masa, d.get("tempat"))


def _pegawai(b: Bacaan) -> Pegawai:
    d = b.data
    status = [MasaStatus(m["jenis"], tanggal(m["mulai"]), tanggal(m.get("selesai")), n)
              for n, m in enumerate(d.get("status") or [])]
    awal = d.get("angka_kredit_awal")
    saldo = AngkaKreditAwal(Fraction(str(awal["nilai"])), tanggal(awal["per"]), awal["jenjang"]) if awal else None
    return Pegawai(b.berkas.parts[0], d["nip"], d["nama"], d["jenis_asn"], d["pangkat_golongan"], d["jabatan"],
                   d["jenis_jabatan"], d.get("jenjang"), d["penilai"], d.get("akun_git"),
                   _sumber(b), kelas_jabatan=d.get("kelas_jabatan"), status=status, angka_kredit_awal=saldo)


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
            [IKI(i["id"], i["aspek"], i["uraian"], i["target"], i.get("perspektif"), i.get("arah", "naik"), k,
                 _berlaku(i)) for k, i in enumerate(r["indikator"])], n, _berlaku(r))
        for n, r in enumerate(d["hasil_kerja"])
    ]
    revisi = [Revisi(tanggal(r["tanggal"]), r["alasan"], r["disetujui_oleh"], n)
              for n, r in enumerate(d.get("revisi") or [])]
    return SKP(parts[0], parts[2], parts[3], d["tahun"], tanggal(d["periode"]["mulai"]),
               tanggal(d["periode"]["selesai"]), d["pendekatan"], _identitas(d["pegawai"]),
               _identitas(d["penilai"]), d["status"], tanggal(d.get("ditetapkan")), hasil,
               d["perilaku_kerja"], d["lampiran"], _sumber(b), revisi=revisi)


def _berlaku(d: dict) -> Berlaku:
    return Berlaku(tanggal(d.get("berlaku_mulai")), tanggal(d.get("berlaku_sampai")))


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
                    d.get("catatan_rekomendasi"), _sumber(b), d.get("penilai"))


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


def _tim(b: Bacaan) -> Tim:
    d = b.data
    selesai = tanggal(d["periode"]["selesai"])
    hasil = [HasilTim(h["id"], h["uraian"], n) for n, h in enumerate(d["hasil"])]
    anggota = [AnggotaTim(a["nip"], tanggal(a["mulai"]), tanggal(a.get("selesai")) or selesai, a.get("peran"), n)
               for n, a in enumerate(d["anggota"])]
    return Tim(b.berkas.parts[0], b.berkas.parts[2][:-5], d["kode"], d["nama"], d.get("dasar"),
               tanggal(d["periode"]["mulai"]), selesai, d["ketua"], d.get("intervensi"), hasil, anggota, _sumber(b))


def induk_hilang(rel: str, what: str, where: str) -> Diagnostik:
    return _diag(rel, "K308", 1, 1, f"{what} tanpa {where}.",
                 f"Setiap rekaman di bawah folder ini memerlukan {where}; buat dengan 'kinerja new'.")


PEMBANGUN = {"instansi": _instansi, "unit": _unit, "organisasi": _organisasi, "profil": _pegawai,
             "potensi": _potensi, "skp": _skp, "umpan-balik": _umpan_balik, "evaluasi": _evaluasi,
             "keberatan": _keberatan, "tim": _tim}  # the builder of each record kind (jenis.REGISTRI)


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

    for b in valid.get("instansi", []):
        arsip.instansi = _instansi(b)
    for b in valid.get("unit", []):
        arsip.units[b.berkas.parts[0]] = _unit(b, arsip.instansi)
    for b in valid.get("organisasi", []):
        org = _organisasi(b)
        arsip.organisasi[(org.unit, int(b.berkas.parts[-1][:4]))] = org
    arsip.tim = {(tim.unit, tim.kode): tim for tim in map(_tim, valid.get("tim", []))}
    for b in valid.get("profil", []):
        arsip.tambah_pegawai(_pegawai(b), b.berkas.parts[2])
    for b in valid.get("potensi", []):
        pegawai = arsip.pegawai.get((b.berkas.parts[0], b.berkas.parts[2]))
        if pegawai is not None:
            record = _potensi(b)
            pegawai.potensi[record.tahun] = record
        elif b.berkas.parts[:3] not in present:
            diagnostik.append(induk_hilang(b.berkas.rel, "Penilaian potensi", "profil.yaml pegawai"))
    skp_index: dict[tuple[str, ...], SKP] = {}
    for b in valid.get("skp", []):
        folder = b.berkas.parts[:4]
        pegawai = arsip.pegawai.get((folder[0], folder[2]))
        if pegawai is None:
            if folder[:3] not in present:
                diagnostik.append(induk_hilang(b.berkas.rel, "SKP", "profil.yaml pegawai"))
            continue
        skp = _skp(b)
        pegawai.skp.append(skp)
        skp_index[folder] = skp
    for pegawai in arsip.pegawai.values():
        pegawai.skp.sort(key=lambda s: (s.tahun, len(s.folder), s.folder))

    for kind in ("umpan-balik", "evaluasi", "keberatan"):
        for b in valid.get(kind, []):
            skp = skp_index.get(b.berkas.parts[:4])
            if skp is None:
                if b.berkas.parts[:4] not in present:
                    diagnostik.append(induk_hilang(b.berkas.rel, "Rekaman ini", "skp.yaml di folder SKP-nya"))
                continue
            record = PEMBANGUN[kind](b)
            if kind == "umpan-balik":
                skp.umpan_balik.append(record)
            elif kind == "evaluasi":
                skp.evaluasi[b.berkas.parts[-1][:-5]] = record
            else:
                skp.keberatan[record.periode] = record
    for skp in skp_index.values():
        skp.umpan_balik.sort(key=lambda u: u.nama_berkas)
    return arsip, diagnostik


def rel_root(records: Path) -> Path:
    """The folder diagnostics are relative to: the working directory when records is inside it."""
    cwd = Path.cwd().resolve()
    real = records.resolve()
    return cwd if real.is_relative_to(cwd) else real.parent


def blob_semua(daftar: list[Berkas], known: dict[str, str]) -> dict[str, str]:
    """Blob id of every file: those known (from Git's index, unchanged there), the rest from
    their bytes."""
    blobs = dict(known)
    for berkas in daftar:
        if berkas.path not in blobs:
            try:
                blobs[berkas.path] = tembolok.blob_id(Path(berkas.path).read_bytes())
            except OSError:
                pass  # reported when the file is loaded
    return blobs
