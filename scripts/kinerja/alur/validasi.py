"""`kinerja validate --changed-since REV`: the checks of every record a branch's change can
affect, plus the rules that need history (codes K7xx):

K701 a final evaluation changed (error; the only path is an objection decision)
K702 a final evaluation deleted (error)
K703 a set SKP (ditetapkan) deleted (error)
K704 a set SKP changed (warning naming what changed)
K705 a decided objection's decision changed or deleted (error; the decision is final)
"""

from __future__ import annotations

from pathlib import Path

from kinerja import checks, laporan
from kinerja.alur import banding
from kinerja.alur.lingkup import Parts, Tinjauan, data_disk, tinjau
from kinerja.arsip import jenis
from kinerja.laporan import ERROR, WARNING, Diagnostik
from kinerja.model import Arsip
from kinerja.yamlio import YamlError, muat_bytes

RATING = ("rating_hasil_kerja", "rating_perilaku_kerja")


def nama_nip(arsip: Arsip):
    """NIP -> "Nama (NIP)" from the loaded profiles, or the NIP alone."""
    def nama(nip: str) -> str:
        found = arsip.pegawai_nip(nip)
        return f"{found[0].nama} ({nip})" if found else nip
    return nama


def _beda(a, b, path: tuple = ()) -> tuple:
    """The path of the first place where b differs from a (b's side)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key, value in b.items():
            if key not in a or a[key] != value:
                return _beda(a.get(key), value, path + (key,)) if key in a else path + (key,)
        return path
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _beda(x, y, path + (i,))
    return path


def _posisi(path: str, beda: tuple) -> tuple[int, int]:
    try:
        dok = muat_bytes(Path(path).read_bytes())
    except (OSError, YamlError):
        return 1, 1
    return dok.posisi_nilai(beda)


def _lewat_keberatan(lama: dict, baru: dict, keberatan: dict | None) -> bool:
    """Only the two ratings changed, to exactly what a decided objection says."""
    keputusan = (keberatan or {}).get("keputusan") if isinstance(keberatan, dict) else None
    if not isinstance(keputusan, dict):
        return False
    changed = {k for k in set(lama) | set(baru) if lama.get(k) != baru.get(k)}
    return changed <= set(RATING) and all(baru.get(k) == keputusan.get(k) for k in changed)


def _daftar(kalimat: list[str], paling_banyak: int) -> str:
    teks = "; ".join(k.rstrip(".") for k in kalimat[:paling_banyak])
    return teks + (f"; dan {len(kalimat) - paling_banyak} perubahan lain" if len(kalimat) > paling_banyak else "")


def aturan_riwayat(t: Tinjauan) -> list[Diagnostik]:
    out: list[Diagnostik] = []
    jalur, baru = t.perubahan.jalur, t.baru
    nama = nama_nip(baru.arsip)

    def diag(parts: Parts, code: str, severity: str, message: str, hint: str, beda: tuple | None = None):
        line, column = (1, 1) if beda is None else _posisi(str(jalur.records.joinpath(*parts)), beda)
        out.append(Diagnostik(jalur.rel(parts), line, column, code, severity, message, hint))

    for parts, status in sorted(t.perubahan.berkas.items()):
        kind = jenis(parts)
        lama = t.perubahan.lama.get(parts)
        if kind not in ("evaluasi", "skp", "keberatan") or lama is None:
            continue
        sekarang = None if status == "D" else data_disk(jalur.records.joinpath(*parts))
        if sekarang == lama:
            continue  # comments or layout only
        if kind == "evaluasi" and lama.get("status") == "final":
            if status == "D":
                diag(parts, "K702", ERROR, "Evaluasi final tidak boleh dihapus.",
                     "Kembalikan berkasnya; hasil evaluasi final hanya dapat diubah melalui keputusan keberatan.")
            elif sekarang is None or not _lewat_keberatan(
                    lama, sekarang, data_disk(jalur.records.joinpath(*parts[:4], "keberatan", parts[5]))):
                apa = banding.bandingkan("evaluasi", lama, sekarang or {}, nama)
                diag(parts, "K701", ERROR, f"Evaluasi final tidak boleh diubah: {_daftar(apa, 4)}.",
                     f"Kembalikan isinya; jika pegawai tidak setuju, ajukan keberatan di keberatan/{parts[5]} "
                     "dan atasan pejabat penilai memutuskannya.", _beda(lama, sekarang or {}))
        elif kind == "skp" and lama.get("status") == "ditetapkan":
            if status == "D":
                diag(parts, "K703", ERROR, "SKP yang sudah ditetapkan tidak boleh dihapus.",
                     "Kembalikan berkasnya; saat mutasi, akhiri periode SKP lama dan buat SKP baru.")
            else:
                apa = banding.bandingkan("skp", lama, sekarang or {}, nama)
                diag(parts, "K704", WARNING, f"SKP yang sudah ditetapkan diubah: {_daftar(apa, 5)}.",
                     "Perubahan SKP yang sudah ditetapkan harus disepakati pegawai dan penilai; "
                     "pastikan penilai menyetujui pull request ini.", _beda(lama, sekarang or {}))
        elif kind == "keberatan" and isinstance(lama.get("keputusan"), dict):
            keputusan = (sekarang or {}).get("keputusan")
            if status == "D" or keputusan != lama["keputusan"]:
                diag(parts, "K705", ERROR,
                     "Keputusan atas keberatan bersifat final dan tidak boleh diubah atau dihapus.",
                     "Kembalikan keputusan seperti semula.",
                     None if status == "D" else ("keputusan",) + _beda(lama["keputusan"], keputusan))
    return out


def diagnostik(t: Tinjauan) -> list[Diagnostik]:
    """Every diagnostic of the affected records, and the history rules."""
    found = [d for d in t.baru.diagnostik + checks.periksa(t.baru.arsip, t.baru.rekap) if t.dilaporkan(d)]
    return laporan.urutkan(found + aturan_riwayat(t))


def jumlah_berkas(t: Tinjauan) -> int:
    """Records checked: the affected files on disk and the deleted ones."""
    ada = {b.berkas.rel for b in t.baru.bacaan.values() if t.melapor(b.berkas.rel)}
    hapus = {t.perubahan.jalur.rel(p) for p, s in t.perubahan.berkas.items() if s == "D"}
    return len(ada | hapus)


def periksa_perubahan(records: Path, rev: str) -> tuple[list[Diagnostik], int]:
    t = tinjau(records, rev)
    return diagnostik(t), jumlah_berkas(t)
