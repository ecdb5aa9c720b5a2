"""`kinerja validate --changed-since REV`: the checks of every record a branch's change can
affect, plus the rules that need history (codes K7xx):

K701 a final evaluation changed (error; the only path is an objection decision)
K702 a final evaluation deleted (error)
K703 a set SKP (ditetapkan) deleted (error)
K704 a set SKP changed with a new `revisi` entry (warning naming what changed)
K707 a set SKP changed without a new `revisi` entry (error)
K705 a decided objection's decision changed or deleted (error; the decision is final)
K706 a final evaluation's predikat changed without an objection decision (an organisation
     rating, the unit's rules or its head changed under it)
"""

from __future__ import annotations

from pathlib import Path

from kinerja import aturan, laporan
from kinerja.alur import banding
from kinerja.alur.lingkup import Parts, Tinjauan, tinjau
from kinerja.jenis import jenis
from kinerja.laporan import ERROR, WARNING, Diagnostik
from kinerja.model import Arsip
from kinerja.tembolok import Tembolok
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
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _beda(x, y, path + (i,))
    return path


def _posisi(raw: bytes, beda: tuple) -> tuple[int, int]:
    try:
        dok = muat_bytes(raw)
    except YamlError:
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
    perubahan = t.perubahan
    nama = nama_nip(t.baru.arsip)

    def diag(parts: Parts, code: str, severity: str, message: str, hint: str, beda: tuple | None = None):
        line, column = (1, 1) if beda is None else _posisi(perubahan.baru_mentah.get(parts, b""), beda)
        out.append(Diagnostik(perubahan.rel(parts), line, column, code, severity, message, hint))

    for parts, status in sorted(perubahan.berkas.items()):
        kind = jenis(parts)
        lama = perubahan.lama.get(parts)
        if kind not in ("evaluasi", "skp", "keberatan") or lama is None:
            continue
        sekarang = perubahan.baru.get(parts)
        if sekarang == lama:
            continue  # comments or layout only
        if kind == "evaluasi" and lama.get("status") == "final":
            if status == "D":
                diag(parts, "K702", ERROR, "Evaluasi final tidak boleh dihapus.",
                     "Kembalikan berkasnya; hasil evaluasi final hanya dapat diubah melalui keputusan keberatan.")
            elif sekarang is None or not _lewat_keberatan(lama, sekarang, _data_keberatan(t, parts)):
                apa = banding.bandingkan("evaluasi", lama, sekarang or {}, nama)
                diag(parts, "K701", ERROR, f"Evaluasi final tidak boleh diubah: {_daftar(apa, 4)}.",
                     f"Kembalikan isinya; jika pegawai tidak setuju, ajukan keberatan di keberatan/{parts[5]} "
                     "dan atasan pejabat penilai memutuskannya.", _beda(lama, sekarang or {}))
        elif kind == "skp" and lama.get("status") == "ditetapkan":
            if status == "D":
                diag(parts, "K703", ERROR, "SKP yang sudah ditetapkan tidak boleh dihapus.",
                     "Kembalikan berkasnya; saat mutasi, akhiri periode SKP lama dan buat SKP baru.")
            else:
                diag(parts, *_skp_berubah(lama, sekarang or {}, nama))
        elif kind == "keberatan" and isinstance(lama.get("keputusan"), dict):
            keputusan = (sekarang or {}).get("keputusan")
            if status == "D" or keputusan != lama["keputusan"]:
                diag(parts, "K705", ERROR,
                     "Keputusan atas keberatan bersifat final dan tidak boleh diubah atau dihapus.",
                     "Kembalikan keputusan seperti semula.",
                     None if status == "D" else ("keputusan",) + _beda(lama["keputusan"], keputusan))
    return out + _predikat_final_berubah(t)


def _skp_berubah(lama: dict, baru: dict, nama) -> tuple:
    """K704 (a revision was added) or K707 (none was) for a set SKP that changed: the diagnostic's
    code, severity, message, hint and the path of the change."""
    apa = _daftar(banding.bandingkan("skp", lama, baru, nama), 5)
    if _revisi_baru(lama, baru):
        return ("K704", WARNING, f"SKP yang sudah ditetapkan diubah: {apa}.",
                "Perubahan SKP yang sudah ditetapkan harus disepakati pegawai dan penilai; "
                "pastikan penilai menyetujui pull request ini.", _beda(lama, baru))
    return ("K707", ERROR, f"SKP yang sudah ditetapkan diubah tanpa catatan revisi: {apa}.",
            "Tambahkan butir di 'revisi' (tanggal, alasan, disetujui_oleh: NIP penilai); RHK atau "
            "indikator yang dihapus tetap ditulis dengan berlaku_sampai.", _beda(lama, baru))


def _revisi_baru(lama: dict, baru: dict) -> bool:
    """The changed SKP adds a revision entry and keeps the earlier ones."""
    sebelum, sesudah = lama.get("revisi") or [], baru.get("revisi") or []
    return len(sesudah) > len(sebelum) and sesudah[:len(sebelum)] == sebelum


def _data_keberatan(t: Tinjauan, evaluasi: Parts) -> dict | None:
    parts = evaluasi[:4] + ("keberatan", evaluasi[5])
    if parts in t.perubahan.berkas:
        return t.perubahan.baru.get(parts)
    return t.pohon.data(t.perubahan.rel(parts))


def _predikat_final_berubah(t: Tinjauan) -> list[Diagnostik]:
    """K706: a final evaluation's predikat in force changed while neither the evaluation nor its
    objection did (an organisation rating, the unit's rules or its head changed under it)."""
    berubah = t.perubahan.berkas
    lama, baru = t.lama.penilaian(), t.baru.penilaian()
    penyebab = ", ".join(sorted(t.perubahan.rel(p) for p in berubah if jenis(p) in ("unit", "organisasi")))
    out = []
    for key in sorted(lama.keys() & baru.keys()):
        sebelum, sesudah = lama[key], baru[key]
        unit, nip, folder, periode = key
        own = (unit, "pegawai", nip, folder)
        if (sesudah.evaluasi.status != "final" or sebelum.evaluasi.status != "final"
                or own + ("evaluasi", f"{periode}.yaml") in berubah or own + ("keberatan", f"{periode}.yaml") in berubah
                or sebelum.penilaian.predikat is None or sesudah.penilaian.predikat is None
                or sebelum.penilaian == sesudah.penilaian):
            continue
        out.append(Diagnostik(sesudah.evaluasi.sumber.file, 1, 1, "K706", ERROR,
                              f"Predikat final {aturan.PERIODE[periode]} {sesudah.skp.tahun} berubah dari "
                              f"{aturan.PREDIKAT[sebelum.penilaian.predikat]} menjadi "
                              f"{aturan.PREDIKAT[sesudah.penilaian.predikat]} tanpa keputusan keberatan"
                              + (f" (karena perubahan {penyebab})." if penyebab else "."),
                              "Predikat yang sudah final hanya dapat berubah melalui keputusan keberatan; kembalikan "
                              "perubahan predikat organisasi atau aturan unit untuk periode yang sudah dinilai."))
    return out


def diagnostik(t: Tinjauan) -> list[Diagnostik]:
    """Every diagnostic of the affected records, and the history rules."""
    return laporan.urutkan(t.dilaporkan_semua() + aturan_riwayat(t))


def periksa_perubahan(records: Path, rev: str, cache: Tembolok | None = None) -> tuple[list[Diagnostik], int]:
    t = tinjau(records, rev, cache)
    return diagnostik(t), t.jumlah_berkas()
