"""Two versions of one record compared, in Indonesian words for a reviewer.

Every function takes the plain data of the old and the new version (None when the file
does not exist on that side) and returns sentences. Free text of the records appears only
in quotes and shortened; confidential feedback (konseling, rahasia) is never quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kinerja import aturan
from kinerja.situs import tampil

NamaNip = Callable[[str], str]  # NIP -> "Nama (NIP)" for display


def kutip(text, panjang: int = 120) -> str:
    text = " ".join(str(text).split())
    return "“" + (text if len(text) <= panjang else text[:panjang - 1].rstrip() + "…") + "”"


def teks_target(target) -> str:
    if isinstance(target, dict):
        return tampil.target(target)
    return kutip(target) if target is not None else "(kosong)"


def label(tabel: dict, kode) -> str:
    return tabel.get(kode, str(kode)) if kode is not None else "(kosong)"


def _ganti(apa: str, lama, baru, fmt=str) -> list[str]:
    if lama == baru:
        return []
    if lama is None:
        return [f"{apa} diisi: {fmt(baru)}."]
    if baru is None:
        return [f"{apa} dikosongkan (sebelumnya {fmt(lama)})."]
    return [f"{apa}: {fmt(lama)} → {fmt(baru)}."]


def _ganti_periode(apa: str, lama: dict, baru: dict) -> list[str]:
    pl, pb = lama.get("periode") or {}, baru.get("periode") or {}
    if pl == pb:
        return []
    return [f"{apa}: {pl.get('mulai')} s.d. {pl.get('selesai')} → {pb.get('mulai')} s.d. {pb.get('selesai')}."]


def _per_id(items, key: str = "id") -> dict:
    return {item.get(key): item for item in items or [] if isinstance(item, dict)}


def _lain(lama: dict, baru: dict, out: list[str]) -> list[str]:
    """A generic sentence when the data differs but nothing above described it."""
    if not out and lama != baru:
        return ["Isi lain berubah (format atau kunci tambahan)."]
    return out


# --- SKP -------------------------------------------------------------------------------------

def _iki(rhk_id: str, lama: dict, baru: dict) -> list[str]:
    out: list[str] = []
    a, b = _per_id(lama.get("indikator")), _per_id(baru.get("indikator"))
    for iki_id, iki in b.items():
        if iki_id not in a:
            out.append(f"Indikator baru {iki_id} pada RHK {rhk_id}: {kutip(iki.get('uraian', ''))}, "
                       f"target {teks_target(iki.get('target'))}.")
            continue
        old = a[iki_id]
        where = f"indikator {iki_id} (RHK {rhk_id})"
        out += _ganti(f"Target {where}", old.get("target"), iki.get("target"), teks_target)
        out += _ganti(f"Uraian {where}", old.get("uraian"), iki.get("uraian"), kutip)
        out += _ganti(f"Aspek {where}", old.get("aspek"), iki.get("aspek"))
        out += _ganti(f"Arah {where}", old.get("arah", "naik"), iki.get("arah", "naik"))
        out += _ganti(f"Perspektif {where}", old.get("perspektif"), iki.get("perspektif"))
    for iki_id, iki in a.items():
        if iki_id not in b:
            out.append(f"Indikator {iki_id} pada RHK {rhk_id} dihapus: {kutip(iki.get('uraian', ''))}.")
    return out


def skp(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    if lama is None:
        rhk = baru.get("hasil_kerja") or []
        return [f"Ditambahkan ({baru.get('status')}), {len(rhk)} RHK, penilai "
                f"{nama((baru.get('penilai') or {}).get('nip', '?'))}."]
    if baru is None:
        return [f"Dihapus (sebelumnya berstatus {lama.get('status')})."]
    out: list[str] = []
    status_lama, status_baru = lama.get("status"), baru.get("status")
    if status_lama != status_baru:
        tanggal = f" pada {baru.get('ditetapkan')}" if status_baru == "ditetapkan" else ""
        out.append(f"Status SKP: {status_lama} → {status_baru}{tanggal}.")
    elif lama.get("ditetapkan") != baru.get("ditetapkan"):
        out += _ganti("Tanggal penetapan", lama.get("ditetapkan"), baru.get("ditetapkan"))
    out += _ganti_periode("Periode SKP", lama, baru)
    out += _ganti("Pendekatan", lama.get("pendekatan"), baru.get("pendekatan"))
    for blok, judul in (("pegawai", "pegawai"), ("penilai", "penilai")):
        il, ib = lama.get(blok) or {}, baru.get(blok) or {}
        if il.get("nip") != ib.get("nip"):
            out.append(f"Penilai: {nama(il.get('nip', '?'))} → {nama(ib.get('nip', '?'))}." if blok == "penilai"
                       else f"NIP pegawai: {il.get('nip')} → {ib.get('nip')}.")
        for key in ("nama", "pangkat_golongan", "jabatan", "unit_kerja", "jenjang"):
            if il.get("nip") == ib.get("nip"):
                out += _ganti(f"Identitas {judul} ({key.replace('_', ' ')})", il.get(key), ib.get(key))
    a, b = _per_id(lama.get("hasil_kerja")), _per_id(baru.get("hasil_kerja"))
    for rhk_id, rhk in b.items():
        if rhk_id not in a:
            out.append(f"RHK baru {rhk_id} ({rhk.get('jenis')}): {kutip(rhk.get('uraian', ''))}"
                       + (f", mengintervensi {rhk['intervensi']}" if rhk.get("intervensi") else "") + ".")
            continue
        old = a[rhk_id]
        out += _ganti(f"Uraian RHK {rhk_id}", old.get("uraian"), rhk.get("uraian"), kutip)
        out += _ganti(f"Jenis RHK {rhk_id}", old.get("jenis"), rhk.get("jenis"))
        out += _ganti(f"RHK pimpinan yang diintervensi oleh {rhk_id}", old.get("intervensi"), rhk.get("intervensi"))
        out += _ganti(f"Penugasan dari (RHK {rhk_id})", old.get("penugasan_dari"), rhk.get("penugasan_dari"))
        out += _ganti(f"RHK {rhk_id} berlaku sampai", old.get("berlaku_sampai"), rhk.get("berlaku_sampai"))
        out += _iki(rhk_id, old, rhk)
    for rhk_id, rhk in a.items():
        if rhk_id not in b:
            out.append(f"RHK {rhk_id} dihapus: {kutip(rhk.get('uraian', ''))}.")
    for kode, nilai in aturan.BERAKHLAK.items():
        el = ((lama.get("perilaku_kerja") or {}).get(kode) or {}).get("ekspektasi")
        eb = ((baru.get("perilaku_kerja") or {}).get(kode) or {}).get("ekspektasi")
        out += _ganti(f"Ekspektasi khusus pimpinan ({nilai.label})", el, eb, kutip)
    for key in ("dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi"):
        ll = (lama.get("lampiran") or {}).get(key) or []
        lb = (baru.get("lampiran") or {}).get(key) or []
        judul = key.replace("_", " ")
        out += [f"Lampiran ({judul}) ditambah: {kutip(x)}." for x in lb if x not in ll]
        out += [f"Lampiran ({judul}) dihapus: {kutip(x)}." for x in ll if x not in lb]
    lr = lama.get("revisi") or []
    out += [f"Revisi SKP {r.get('tanggal')}: {kutip(r.get('alasan', ''))}, "
            f"disetujui {nama(str(r.get('disetujui_oleh')))}." for r in (baru.get("revisi") or []) if r not in lr]
    return _lain(lama, baru, out)


# --- evaluation, feedback, objection -----------------------------------------------------------

def evaluasi(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    if lama is None:
        return [f"Ditambahkan ({baru.get('status')}), tanggal {baru.get('tanggal')}."]
    if baru is None:
        return [f"Dihapus (sebelumnya berstatus {lama.get('status')})."]
    out: list[str] = []
    out += _ganti("Status evaluasi", lama.get("status"), baru.get("status"))
    out += _ganti("Tanggal evaluasi", lama.get("tanggal"), baru.get("tanggal"))
    out += _ganti("Rating hasil kerja", lama.get("rating_hasil_kerja"), baru.get("rating_hasil_kerja"),
                  lambda k: label(aturan.RATING, k))
    out += _ganti("Rating perilaku kerja", lama.get("rating_perilaku_kerja"), baru.get("rating_perilaku_kerja"),
                  lambda k: label(aturan.RATING, k))
    a, b = _per_id(lama.get("hasil_kerja"), "rhk"), _per_id(baru.get("hasil_kerja"), "rhk")
    for rhk_id in list(b) + [r for r in a if r not in b]:
        ra = {r.get("indikator"): r for r in (a.get(rhk_id) or {}).get("realisasi") or []}
        rb = {r.get("indikator"): r for r in (b.get(rhk_id) or {}).get("realisasi") or []}
        for iki in list(rb) + [i for i in ra if i not in rb]:
            out += _ganti(f"Realisasi {iki} (RHK {rhk_id})", (ra.get(iki) or {}).get("nilai"),
                          (rb.get(iki) or {}).get("nilai"), tampil.angka)
            if (ra.get(iki) or {}).get("bukti") != (rb.get(iki) or {}).get("bukti"):
                out.append(f"Bukti dukung {iki} (RHK {rhk_id}) diubah.")
        ul, ub = (a.get(rhk_id) or {}).get("umpan_balik"), (b.get(rhk_id) or {}).get("umpan_balik")
        out += _ganti(f"Umpan balik penilai atas RHK {rhk_id}", ul, ub, kutip)
    for kode, nilai in aturan.BERAKHLAK.items():
        ul = ((lama.get("perilaku_kerja") or {}).get(kode) or {}).get("umpan_balik")
        ub = ((baru.get("perilaku_kerja") or {}).get(kode) or {}).get("umpan_balik")
        out += _ganti(f"Umpan balik perilaku ({nilai.label})", ul, ub, kutip)
    out += _ganti("Catatan/rekomendasi", lama.get("catatan_rekomendasi"), baru.get("catatan_rekomendasi"), kutip)
    return _lain(lama, baru, out)


JENIS_UMPAN_BALIK = {kode: nama.lower() for kode, nama in aturan.JENIS_UMPAN_BALIK.items()}


def rahasia(data: dict) -> bool:
    return aturan.rahasia(data.get("jenis"), data.get("rahasia"))


def _tentang(data: dict) -> str:
    tentang = data.get("tentang") or {}
    if "rhk" in tentang:
        return f" tentang RHK {tentang['rhk']}"
    if "perilaku" in tentang:
        return f" tentang perilaku {label({k: v.label for k, v in aturan.BERAKHLAK.items()}, tentang['perilaku'])}"
    return ""


def umpan_balik(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    data = baru if baru is not None else lama
    judul = (f"{JENIS_UMPAN_BALIK.get(data.get('jenis'), data.get('jenis'))} {data.get('tanggal')} "
             f"dari {nama(str(data.get('dari')))}{_tentang(data)}")
    tertutup = rahasia(data) or (lama is not None and rahasia(lama))
    isi = " (catatan rahasia, isinya tidak ditampilkan)" if tertutup else f": {kutip(data.get('catatan', ''))}"
    if lama is None:
        return [f"Ditambahkan {judul}{isi}."]
    if baru is None:
        return [f"Dihapus {judul}."]
    if lama == baru:
        return []
    return [f"Diubah {judul}{'' if tertutup else isi}."]


def keberatan(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    data = baru if baru is not None else lama
    atas = f"evaluasi {label(aturan.PERIODE, data.get('evaluasi'))}"
    if baru is None:
        return [f"Keberatan atas {atas} dihapus."]
    out: list[str] = []
    if lama is None:
        out.append(f"Keberatan atas {atas} diajukan {baru.get('diajukan')}: {kutip(baru.get('alasan', ''))}.")
        lama = {}
    else:
        out += _ganti("Alasan keberatan", lama.get("alasan"), baru.get("alasan"), kutip)
        out += _ganti("Tanggal pengajuan keberatan", lama.get("diajukan"), baru.get("diajukan"))
    out += _ganti("Penjelasan penilai", lama.get("penjelasan_penilai"), baru.get("penjelasan_penilai"), kutip)
    kl, kb = lama.get("keputusan"), baru.get("keputusan")
    if kb and kb != kl:
        rating = (f"rating hasil kerja {label(aturan.RATING, kb.get('rating_hasil_kerja'))}, "
                  f"rating perilaku kerja {label(aturan.RATING, kb.get('rating_perilaku_kerja'))}")
        kata = "diputus" if not kl else "keputusannya diubah menjadi"
        out.append(f"Keberatan atas {atas} {kata} {kb.get('tanggal')} oleh {nama(str(kb.get('oleh')))}: {rating}.")
    elif kl and not kb:
        out.append(f"Keputusan keberatan atas {atas} dihapus.")
    return _lain(lama, baru, out) if lama else out


# --- profile, unit, organisation ---------------------------------------------------------------

def profil(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    if lama is None:
        return [f"Pegawai baru: {baru.get('jabatan')}, {baru.get('pangkat_golongan')}, penilai "
                f"{nama(str(baru.get('penilai')))}."]
    if baru is None:
        return ["Profil pegawai dihapus."]
    out: list[str] = []
    for key, judul in (("nama", "Nama"), ("jenis_asn", "Jenis ASN"), ("pangkat_golongan", "Pangkat/golongan"),
                       ("jabatan", "Jabatan"), ("jenis_jabatan", "Jenis jabatan"), ("jenjang", "Jenjang"),
                       ("akun_git", "Akun Git")):
        out += _ganti(judul, lama.get(key), baru.get(key))
    if lama.get("penilai") != baru.get("penilai"):
        out.append(f"Penilai: {nama(str(lama.get('penilai')))} → {nama(str(baru.get('penilai')))}.")
    return _lain(lama, baru, out)


def unit(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    if lama is None:
        return [f"Unit baru: {baru.get('nama')}, pimpinan {nama(str(baru.get('pimpinan')))}."]
    if baru is None:
        return ["Berkas unit dihapus."]
    out: list[str] = []
    for key, judul in (("nama", "Nama unit"), ("instansi", "Instansi"), ("induk", "Unit induk"),
                       ("evaluasi_periodik", "Evaluasi periodik")):
        out += _ganti(judul, lama.get(key), baru.get(key))
    if lama.get("pimpinan") != baru.get("pimpinan"):
        out.append(f"Pimpinan unit: {nama(str(lama.get('pimpinan')))} → {nama(str(baru.get('pimpinan')))}.")
    out += _ganti("Admin (akun Git)", ", ".join(lama.get("admin") or []) or None,
                  ", ".join(baru.get("admin") or []) or None)
    for key, judul in (("aturan", "Aturan unit"), ("publikasi", "Pengaturan publikasi")):
        if lama.get(key) != baru.get(key):
            out.append(f"{judul} diubah.")
    return _lain(lama, baru, out)


def organisasi(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    a = _per_id((lama or {}).get("penetapan"), "periode")
    b = _per_id((baru or {}).get("penetapan"), "periode")
    out: list[str] = []

    def fmt(kode) -> str:
        return label(aturan.PREDIKAT_ORGANISASI, kode)

    for periode in sorted(set(a) | set(b), key=lambda p: list(aturan.PERIODE).index(p) if p in aturan.PERIODE else 99):
        judul = f"Predikat organisasi {label(aturan.PERIODE, periode)}"
        pl, pb = a.get(periode), b.get(periode)
        if pl is None:
            out.append(f"{judul} ditetapkan: {fmt(pb.get('predikat'))} oleh {nama(str(pb.get('ditetapkan_oleh')))}.")
        elif pb is None:
            out.append(f"{judul} dihapus (sebelumnya {fmt(pl.get('predikat'))}).")
        else:
            out += _ganti(judul, pl.get("predikat"), pb.get("predikat"), fmt)
            out += _ganti(f"Kalibrasi {label(aturan.PERIODE, periode)}", pl.get("kalibrasi"), pb.get("kalibrasi"),
                          kutip)
    if baru is None:
        out.append("Berkas penetapan organisasi dihapus.")
    return _lain(lama or {}, baru or {}, out) if lama and baru else out


# --- team ------------------------------------------------------------------------------------

def _masa(anggota: dict) -> str:
    selesai = anggota.get("selesai")
    return f"sejak {anggota.get('mulai')}" + (f" s.d. {selesai}" if selesai else "")


def _anggota_tim(lama: dict, baru: dict, nama: NamaNip) -> list[str]:
    out: list[str] = []
    a, b = _per_id(lama.get("anggota"), "nip"), _per_id(baru.get("anggota"), "nip")
    for nip, anggota in b.items():
        peran = f", {anggota['peran']}" if anggota.get("peran") else ""
        if nip not in a:
            out.append(f"Anggota baru: {nama(str(nip))} ({_masa(anggota)}{peran}).")
            continue
        out += _ganti(f"Masa keanggotaan {nama(str(nip))}", _masa(a[nip]), _masa(anggota))
        out += _ganti(f"Peran {nama(str(nip))}", a[nip].get("peran"), anggota.get("peran"))
    out += [f"Anggota keluar dari daftar: {nama(str(nip))}." for nip in a if nip not in b]
    return out


def tim(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    if lama is None:
        return [f"Tim kerja baru: {kutip(baru.get('nama', ''))}, ketua {nama(str(baru.get('ketua')))}, "
                f"{len(baru.get('anggota') or [])} anggota, {len(baru.get('hasil') or [])} hasil kerja tim."]
    if baru is None:
        return [f"Tim kerja dihapus: {kutip(lama.get('nama', ''))}."]
    out: list[str] = []
    out += _ganti("Nama tim", lama.get("nama"), baru.get("nama"), kutip)
    out += _ganti("Dasar pembentukan", lama.get("dasar"), baru.get("dasar"), kutip)
    out += _ganti_periode("Periode tim", lama, baru)
    if lama.get("ketua") != baru.get("ketua"):
        out.append(f"Ketua tim: {nama(str(lama.get('ketua')))} → {nama(str(baru.get('ketua')))}.")
    out += _ganti("RHK pimpinan yang didukung tim", lama.get("intervensi"), baru.get("intervensi"))
    a, b = _per_id(lama.get("hasil")), _per_id(baru.get("hasil"))
    for hasil_id, hasil in b.items():
        if hasil_id not in a:
            out.append(f"Hasil tim baru {hasil_id}: {kutip(hasil.get('uraian', ''))}.")
        else:
            out += _ganti(f"Uraian hasil tim {hasil_id}", a[hasil_id].get("uraian"), hasil.get("uraian"), kutip)
    out += [f"Hasil tim {hasil_id} dihapus: {kutip(hasil.get('uraian', ''))}." for hasil_id, hasil in a.items()
            if hasil_id not in b]
    out += _anggota_tim(lama, baru, nama)
    return _lain(lama, baru, out)




def umum(lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    """Any kind without its own comparer: which top-level keys were added, removed or changed."""
    if lama is None:
        return ["Rekaman ditambahkan."]
    if baru is None:
        return ["Rekaman dihapus."]
    out = []
    for key in [*lama, *(k for k in baru if k not in lama)]:
        if key not in baru:
            out.append(f"Isian {key} dihapus.")
        elif key not in lama:
            out.append(f"Isian {key} ditambahkan.")
        elif lama[key] != baru[key]:
            out.append(f"Isian {key} diubah.")
    return _lain(lama, baru, out)


PER_JENIS = {"skp": skp, "evaluasi": evaluasi, "umpan-balik": umpan_balik, "keberatan": keberatan,
             "profil": profil, "unit": unit, "organisasi": organisasi, "instansi": umum, "potensi": umum,
             "tim": tim}


def bandingkan(kind: str, lama: dict | None, baru: dict | None, nama: NamaNip) -> list[str]:
    """The sentences for one record of a kind (no sentence ends with a stop after a quoted one)."""
    return [re.sub(r"([.!?])”\.\Z", r"\1”", kalimat) for kalimat in PER_JENIS[kind](lama, baru, nama)]
