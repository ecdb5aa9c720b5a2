"""Cross-record rules: each a small function yielding diagnostics with a stable code.

Checks run per group (`jenis.kelompok`: a unit's unit.yaml, a year's organisation ratings, an
employee's folder): each sees its own records directly and every other record only through
`Fakta`, which records what it read, and yields diagnostics on its own files only. They never
touch files. Codes: K3xx the record tree, K4xx references, K5xx completeness and consistency,
K52x dates, K6xx rules of the regulation (predikat, objections, curves).
"""

from __future__ import annotations

from datetime import date

from kinerja import aturan, jenis
from kinerja.arsip import Berkas, induk_hilang
from kinerja.fakta import Fakta, tumpang_tindih
from kinerja.laporan import ERROR, WARNING, Diagnostik
from kinerja.model import SKP, Organisasi, Pegawai, Sumber, Tim, Unit, ditugaskan, penugasan_nip, penugasan_tim
from kinerja.nip import masalah_nip


def _d(sumber: Sumber, path: tuple, code: str, message: str, hint: str | None = None, *,
       severity: str = ERROR, key: bool = False) -> Diagnostik:
    line, column = sumber.kunci(*path) if key else sumber.nilai(*path)
    return Diagnostik(sumber.file, line, column, code, severity, message, hint)


def _tgl(day: date) -> str:
    return day.isoformat()


# --- identifiers ---------------------------------------------------------------------------

def cek_nip(pegawai: Pegawai, fakta: Fakta):
    problem = masalah_nip(pegawai.nip, pegawai.jenis_asn)
    if problem:
        yield _d(pegawai.sumber, ("nip",), "K310", f"NIP {pegawai.nip} tidak sah: {problem}.",
                 "NIP PNS: tanggal lahir (8 angka), bulan-tahun pengangkatan (6), jenis kelamin (1), "
                 "nomor urut (3).")


# --- folder names agree with content ---------------------------------------------------------

def cek_nama_folder(pegawai: Pegawai, fakta: Fakta):
    folder_nip = pegawai.sumber.file.rsplit("/", 2)[-2]
    if pegawai.nip != folder_nip:
        yield _d(pegawai.sumber, ("nip",), "K304", f"NIP {pegawai.nip} tidak sama dengan nama foldernya {folder_nip}.")
    for skp in pegawai.skp:
        if str(skp.tahun) != skp.folder[:4]:
            yield _d(skp.sumber, ("tahun",), "K305", f"Tahun SKP {skp.tahun} tidak sama dengan nama foldernya '{skp.folder}'.")
        if skp.pegawai.nip != skp.nip:
            yield _d(skp.sumber, ("pegawai", "nip"), "K304",
                     f"NIP pegawai di SKP ({skp.pegawai.nip}) tidak sama dengan folder pegawainya ({skp.nip}).")
        for periode, evaluasi in skp.evaluasi.items():
            if evaluasi.periode != periode:
                yield _d(evaluasi.sumber, ("periode",), "K306",
                         f"Periode '{evaluasi.periode}' tidak sama dengan nama berkas '{periode}.yaml'.")
        for periode, keberatan in skp.keberatan.items():
            if keberatan.evaluasi != periode:
                yield _d(keberatan.sumber, ("evaluasi",), "K306",
                         f"Keberatan atas '{keberatan.evaluasi}' harus disimpan sebagai "
                         f"keberatan/{keberatan.evaluasi}.yaml, bukan {periode}.yaml.")
        for umpan in skp.umpan_balik:
            if umpan.nama_berkas[:10] != _tgl(umpan.tanggal):
                yield _d(umpan.sumber, ("tanggal",), "K309",
                         f"Tanggal {_tgl(umpan.tanggal)} tidak sama dengan tanggal di nama berkas "
                         f"'{umpan.nama_berkas}.yaml'.")


# --- the unit and its people ---------------------------------------------------------------

def cek_unit(unit: Unit, kode: str, fakta: Fakta):
    if unit.kode != kode:
        yield _d(unit.sumber, ("kode",), "K303", f"Kode unit '{unit.kode}' tidak sama dengan nama foldernya '{kode}'.",
                 "Samakan kode dengan nama folder, atau pindahkan folder.")
    for masa in unit.masa_pimpinan:
        path = ("pimpinan",) if masa.index is None else ("pimpinan", masa.index, "nip")
        if masa.selesai is None and fakta.pegawai(kode, masa.nip) is None:  # a past head may have left
            yield _d(unit.sumber, path, "K401", f"Pimpinan unit ({masa.nip}) bukan pegawai unit ini.",
                     f"Buat records/{kode}/pegawai/{masa.nip}/profil.yaml atau perbaiki NIP pimpinan.")
    yield from _cek_masa_pimpinan(unit)
    if unit.induk == kode:
        yield _d(unit.sumber, ("induk",), "K402", "Unit tidak boleh menjadi induk dirinya sendiri.")


def _cek_masa_pimpinan(unit: Unit):
    """Each term ends after it starts; definitive terms never overlap (a Plt or Plh may)."""
    definitif = []
    for masa in unit.masa_pimpinan:
        if masa.mulai and masa.selesai and masa.selesai < masa.mulai:
            yield _d(unit.sumber, ("pimpinan", masa.index, "selesai"), "K535",
                     f"Masa jabatan pimpinan {masa.nip} berakhir ({_tgl(masa.selesai)}) sebelum dimulai "
                     f"({_tgl(masa.mulai)}).")
            continue
        for other in definitif if masa.sebagai == "definitif" else []:
            if (other.selesai is None or masa.mulai is None or masa.mulai <= other.selesai) and (
                    masa.selesai is None or other.mulai is None or other.mulai <= masa.selesai):
                yield _d(unit.sumber, ("pimpinan", masa.index, "mulai"), "K534",
                         f"Masa jabatan pimpinan definitif {masa.nip} bertumpang tindih dengan masa {other.nip}.",
                         "Akhiri masa pimpinan sebelumnya (selesai) sehari sebelum pimpinan baru mulai; "
                         "pejabat sementara ditulis dengan sebagai: plt atau plh.")
                break
        if masa.sebagai == "definitif":
            definitif.append(masa)


def cek_penilai(pegawai: Pegawai, fakta: Fakta):
    unit = fakta.unit(pegawai.unit)
    if unit is None:
        return
    if pegawai.penilai == pegawai.nip:
        yield _d(pegawai.sumber, ("penilai",), "K404", "Pegawai tidak boleh menjadi penilai dirinya sendiri.")
    elif not fakta.profil(pegawai.penilai) and all(m.nip != pegawai.nip for m in unit.masa_pimpinan):
        # A head, present or past, is commonly appraised from outside the repository.
        yield _d(pegawai.sumber, ("penilai",), "K403",
                 f"Penilai {pegawai.penilai} tidak ditemukan di rekaman.",
                 "Hanya pimpinan unit yang lazim dinilai oleh pejabat di luar repositori; periksa NIP penilai.",
                 severity=WARNING)


def _urutan_aktif(skp: SKP) -> tuple:
    return (skp.mulai, skp.unit, skp.folder)


def cek_satu_unit(pegawai: Pegawai, fakta: Fakta):
    """One NIP is active in only one unit: an SKP must not overlap an earlier-starting SKP of the
    same NIP in another unit (reported on the later one)."""
    lain = [s for s in fakta.skp(pegawai.nip) if s.unit != pegawai.unit]
    for skp in pegawai.skp:
        for other in sorted(lain, key=_urutan_aktif):
            if _urutan_aktif(other) < _urutan_aktif(skp) and skp.mulai <= other.selesai:
                yield _d(skp.sumber, ("periode",), "K527",
                         f"NIP {pegawai.nip} aktif di dua unit sekaligus: periode SKP ini bertumpang tindih dengan "
                         f"SKP {other.folder} di unit {other.unit}.",
                         "Saat mutasi, akhiri periode SKP lama pada tanggal pindah.")


# --- the SKP -------------------------------------------------------------------------------

def cek_skp(pegawai: Pegawai, fakta: Fakta):
    for skp in pegawai.skp:
        yield from _cek_isi_skp(skp, pegawai.jenis_jabatan)
        yield from _cek_tanggal_skp(pegawai, skp, fakta)
        yield from _cek_intervensi(fakta, skp, pegawai.jenis_jabatan)


def _cek_isi_skp(skp: SKP, jenis_jabatan: str):
    seen_rhk: dict[str, int] = {}
    seen_iki: dict[str, tuple[int, int]] = {}
    jpt = jenis_jabatan.startswith("jpt_")
    for rhk in skp.hasil_kerja:
        if rhk.id in seen_rhk:
            yield _d(skp.sumber, ("hasil_kerja", rhk.index, "id"), "K501",
                     f"Id RHK '{rhk.id}' sudah dipakai di butir ke-{seen_rhk[rhk.id] + 1}.", "Id RHK harus unik dalam satu SKP.")
        seen_rhk.setdefault(rhk.id, rhk.index)
        for iki in rhk.indikator:
            path = ("hasil_kerja", rhk.index, "indikator", iki.index)
            if iki.id in seen_iki:
                yield _d(skp.sumber, path + ("id",), "K502", f"Id indikator '{iki.id}' sudah dipakai di SKP ini.",
                         "Id IKI harus unik dalam satu SKP.")
            seen_iki.setdefault(iki.id, (rhk.index, iki.index))
            kualitatif = isinstance(iki.target, str)
            if kualitatif != (skp.pendekatan == "kualitatif"):
                bentuk = "teks naratif" if skp.pendekatan == "kualitatif" else "angka dengan satuan ({nilai, satuan})"
                yield _d(skp.sumber, path + ("target",), "K508",
                         f"Pendekatan SKP {skp.pendekatan}: target harus berupa {bentuk}.")
            elif isinstance(iki.target, dict) and "min" in iki.target and iki.target["min"] > iki.target["maks"]:
                yield _d(skp.sumber, path + ("target", "min"), "K508",
                         "Target rentang: nilai min lebih besar daripada maks.")
            if jpt and not iki.perspektif:
                yield _d(skp.sumber, path, "K509", "Indikator kinerja JPT belum mencantumkan perspektif.",
                         "Pilih penerima_layanan, proses_bisnis, penguatan_internal atau anggaran.", severity=WARNING)


def _cek_tanggal_skp(pegawai: Pegawai, skp: SKP, fakta: Fakta):
    if skp.mulai > skp.selesai:
        yield _d(skp.sumber, ("periode", "selesai"), "K521", "Periode SKP berakhir sebelum dimulai.")
        return
    dalam_tahun = skp.mulai.year == skp.tahun == skp.selesai.year
    if not dalam_tahun:
        yield _d(skp.sumber, ("periode",), "K521", f"Periode SKP harus berada di dalam tahun {skp.tahun}.")
    for other in pegawai.skp:
        if other is not skp and other.folder < skp.folder and other.tahun == skp.tahun and tumpang_tindih(other, skp):
            yield _d(skp.sumber, ("periode",), "K522",
                     f"Periode SKP ini bertumpang tindih dengan SKP {other.folder}.",
                     "SKP kedua dalam setahun dimulai setelah SKP sebelumnya berakhir.")
    if dalam_tahun and skp.status == "ditetapkan" and skp.ditetapkan:  # the deadline is counted in that year
        tenggat = fakta.aturan(skp.unit).tenggat_penetapan(skp.tahun, skp.mulai)
        if skp.ditetapkan > tenggat:
            yield _d(skp.sumber, ("ditetapkan",), "K520",
                     f"SKP ditetapkan {_tgl(skp.ditetapkan)}, melewati tenggat {_tgl(tenggat)}.",
                     severity=WARNING)


def _cek_intervensi(fakta: Fakta, skp: SKP, jenis_jabatan: str):
    for rhk in skp.hasil_kerja:
        path = ("hasil_kerja", rhk.index, "intervensi")
        if not rhk.intervensi:
            if rhk.jenis == "utama" and not jenis_jabatan.startswith("jpt_") and not ditugaskan(rhk):
                yield _d(skp.sumber, ("hasil_kerja", rhk.index), "K413",
                         f"RHK utama '{rhk.id}' belum menyebut RHK pimpinan yang diintervensi.",
                         "Tulis intervensi: \"<NIP atasan>/<id RHK atasan>\" (lihat SKP atasan).",
                         severity=ERROR if skp.status == "ditetapkan" else WARNING)
            continue
        nip, rhk_id = rhk.intervensi.split("/", 1)
        if nip != skp.penilai.nip and not ditugaskan(rhk):
            yield _d(skp.sumber, path, "K412",
                     f"RHK yang diintervensi milik {nip}, bukan penilai SKP ini ({skp.penilai.nip}).",
                     "Cascading mengikuti atasan langsung; periksa NIP pada intervensi.", severity=WARNING)
        if not fakta.profil(nip):
            continue  # the superior lives in another repository: nothing to check here
        candidates = fakta.skp_atasan(nip, skp)
        if not candidates:
            yield _d(skp.sumber, path, "K411",
                     f"SKP atasan ({nip}) untuk tahun {skp.tahun} belum ada, sehingga RHK '{rhk_id}' belum dapat "
                     "diperiksa.", "Tidak menghalangi: periksa kembali setelah SKP atasan dibuat.", severity=WARNING)
            continue
        holders = [s for s in candidates if s.rhk(rhk_id)]
        if holders:
            if all(s.status == "draft" for s in holders):
                yield _d(skp.sumber, path, "K411", f"SKP atasan yang memuat RHK '{rhk_id}' masih draft.",
                         "Tidak menghalangi: RHK atasan masih dapat berubah sebelum ditetapkan.", severity=WARNING)
        elif all(s.status == "draft" for s in candidates):
            yield _d(skp.sumber, path, "K411",
                     f"RHK '{rhk_id}' belum ada di SKP atasan yang masih draft.",
                     "Tidak menghalangi: periksa kembali setelah SKP atasan ditetapkan.", severity=WARNING)
        else:
            daftar = ", ".join(r.id for s in candidates for r in s.hasil_kerja)
            yield _d(skp.sumber, path, "K410", f"RHK '{rhk_id}' tidak ada di SKP atasan {nip} tahun {skp.tahun}.",
                     f"RHK atasan yang tersedia: {daftar}.")


def cek_masa(pegawai: Pegawai, fakta: Fakta):
    """Status periods, and the dated parts of SKPs (RHK and indicators in force, revisions)."""
    for masa in pegawai.status:
        if masa.selesai and masa.selesai < masa.mulai:
            yield _d(pegawai.sumber, ("status", masa.index, "selesai"), "K535",
                     f"Masa {masa.jenis} berakhir ({_tgl(masa.selesai)}) sebelum dimulai ({_tgl(masa.mulai)}).")
    for skp in pegawai.skp:
        for rhk in skp.hasil_kerja:
            for path, berlaku in [(("hasil_kerja", rhk.index), rhk.berlaku)] + [
                    (("hasil_kerja", rhk.index, "indikator", iki.index), iki.berlaku) for iki in rhk.indikator]:
                if berlaku.mulai and berlaku.sampai and berlaku.sampai < berlaku.mulai:
                    yield _d(skp.sumber, path + ("berlaku_sampai",), "K535",
                             f"Berlaku sampai {_tgl(berlaku.sampai)}, sebelum berlaku mulai {_tgl(berlaku.mulai)}.")
        penilai = {skp.penilai.nip} | {e.penilai for e in skp.evaluasi.values() if e.penilai}
        for revisi in skp.revisi:
            if revisi.disetujui_oleh not in penilai:
                yield _d(skp.sumber, ("revisi", revisi.index, "disetujui_oleh"), "K414",
                         f"Revisi SKP disetujui oleh {revisi.disetujui_oleh}, bukan pejabat penilai SKP ini "
                         f"({skp.penilai.nip}).", "Revisi SKP disetujui oleh pejabat penilai kinerja.",
                         severity=WARNING)


# --- feedback ------------------------------------------------------------------------------

def cek_umpan_balik(pegawai: Pegawai, fakta: Fakta):
    for skp in pegawai.skp:
        for umpan in skp.umpan_balik:
            if not skp.mulai <= umpan.tanggal <= skp.selesai:
                yield _d(umpan.sumber, ("tanggal",), "K523",
                         f"Tanggal {_tgl(umpan.tanggal)} di luar periode SKP ({_tgl(skp.mulai)} s.d. {_tgl(skp.selesai)}).",
                         "Umpan balik untuk periode lain disimpan di folder SKP periode itu.")
            tentang = umpan.tentang or {}
            if "rhk" in tentang and not skp.rhk(tentang["rhk"]):
                yield _d(umpan.sumber, ("tentang", "rhk"), "K422", f"RHK '{tentang['rhk']}' tidak ada di SKP ini.",
                         "RHK yang ada: " + ", ".join(r.id for r in skp.hasil_kerja) + ".")
            if not _pemberi_dikenal(fakta, skp, umpan.dari, umpan.tanggal, umpan.tanggal):
                yield _d(umpan.sumber, ("dari",), "K436",
                         f"Umpan balik dari {umpan.dari}, yang bukan penilai, atasan dalam rantai penilai, maupun "
                         f"ketua tim kerja pegawai ini pada {_tgl(umpan.tanggal)}.",
                         "Umpan balik ketua tim sah bila pegawai tercatat sebagai anggota timnya pada tanggal itu "
                         "(records/<unit>/tim/<kode>.yaml).", severity=WARNING)
            if umpan.jenis == "konseling" and umpan.rahasia_tertulis is False:
                yield _d(umpan.sumber, ("rahasia",), "K532",
                         "Catatan konseling selalu rahasia; 'rahasia: false' diabaikan.",
                         "Ubah menjadi 'rahasia: true' agar rekaman sesuai perlakuannya.", severity=WARNING)


# --- evaluations ---------------------------------------------------------------------------

def _penilaian(pegawai: Pegawai, fakta: Fakta):
    for skp in pegawai.skp:
        for periode in aturan.urutkan_periode(skp.evaluasi):
            yield fakta.penilaian(skp, periode)


def cek_evaluasi(pegawai: Pegawai, fakta: Fakta):
    unit = fakta.unit(pegawai.unit)
    for hasil in _penilaian(pegawai, fakta):
        skp, evaluasi = hasil.skp, hasil.evaluasi
        if unit and not aturan.periode_valid(evaluasi.periode, unit.evaluasi_periodik):
            yield _d(evaluasi.sumber, ("periode",), "K510",
                     f"Periode '{evaluasi.periode}' tidak sesuai evaluasi periodik unit ({unit.evaluasi_periodik}).",
                     "Unit triwulanan memakai tw1..tw4, unit bulanan b01..b12, keduanya juga tahunan.")
            continue
        mulai, selesai = aturan.rentang_periode(skp.tahun, evaluasi.periode)
        if selesai < skp.mulai or mulai > skp.selesai:
            yield _d(evaluasi.sumber, ("periode",), "K526",
                     f"Periode {aturan.PERIODE[evaluasi.periode]} {skp.tahun} di luar periode SKP "
                     f"({_tgl(skp.mulai)} s.d. {_tgl(skp.selesai)}).")
            continue
        akhir = min(selesai, skp.selesai)
        if evaluasi.tanggal < akhir:
            yield _d(evaluasi.sumber, ("tanggal",), "K524",
                     f"Evaluasi bertanggal {_tgl(evaluasi.tanggal)}, sebelum periodenya berakhir ({_tgl(akhir)}).",
                     severity=WARNING)
        if evaluasi.penilai == skp.nip:
            yield _d(evaluasi.sumber, ("penilai",), "K404", "Pegawai tidak boleh menjadi penilai dirinya sendiri.")
        yield from _cek_isi_evaluasi(skp, hasil, (max(mulai, skp.mulai), akhir))


def _tidak_berlaku(evaluasi, path: tuple, apa: str, berlaku) -> Diagnostik:
    sejak = f"berlaku mulai {_tgl(berlaku.mulai)}" if berlaku.mulai else ""
    sampai = f"berlaku sampai {_tgl(berlaku.sampai)}" if berlaku.sampai else ""
    return _d(evaluasi.sumber, path, "K424",
              f"{apa} tidak berlaku pada periode evaluasi ini ({', '.join(x for x in (sejak, sampai) if x)}).",
              "Evaluasi dinilai terhadap SKP sebagaimana berlaku pada periodenya (lihat revisi SKP).")


def _cek_realisasi(evaluasi, item, rhk, rentang: tuple, final: bool):
    semua = {i.id: i for i in rhk.indikator}
    known = {i for i, iki in semua.items() if iki.berlaku.dalam(*rentang)}
    for realisasi in item.realisasi:
        path = ("hasil_kerja", item.index, "realisasi", realisasi.index, "indikator")
        if realisasi.indikator in known:
            continue
        if realisasi.indikator in semua:
            yield _tidak_berlaku(evaluasi, path, f"Indikator '{realisasi.indikator}'",
                                 semua[realisasi.indikator].berlaku)
        else:
            yield _d(evaluasi.sumber, path, "K421", f"Indikator '{realisasi.indikator}' bukan indikator RHK '{rhk.id}'.",
                     "Indikator RHK ini: " + ", ".join(sorted(known)) + ".")
    missing = known - {r.indikator for r in item.realisasi}
    if final and missing:
        yield _d(evaluasi.sumber, ("hasil_kerja", item.index), "K505",
                 f"Realisasi indikator {', '.join(sorted(missing))} belum diisi.", severity=WARNING)


def _cek_isi_evaluasi(skp: SKP, hasil, rentang: tuple):
    """The evaluation against the SKP as it stood in its period (rentang: first and last day)."""
    evaluasi = hasil.evaluasi
    final = evaluasi.status == "final"
    if final and skp.status != "ditetapkan":
        yield _d(evaluasi.sumber, ("status",), "K525", "Evaluasi final atas SKP yang masih draft.",
                 "Tetapkan SKP terlebih dahulu.")
    berlaku = skp.rhk_berlaku(*rentang)
    covered: dict[str, int] = {}
    for item in evaluasi.hasil_kerja:
        rhk = skp.rhk(item.rhk)
        path = ("hasil_kerja", item.index, "rhk")
        if rhk is None:
            yield _d(evaluasi.sumber, path, "K420", f"RHK '{item.rhk}' tidak ada di SKP ini.",
                     "RHK yang ada: " + ", ".join(r.id for r in berlaku) + ".")
            continue
        if not rhk.berlaku.dalam(*rentang):
            yield _tidak_berlaku(evaluasi, path, f"RHK '{item.rhk}'", rhk.berlaku)
            continue
        if item.rhk in covered:
            yield _d(evaluasi.sumber, path, "K507", f"RHK '{item.rhk}' dinilai dua kali dalam evaluasi ini.")
        covered[item.rhk] = item.index
        yield from _cek_realisasi(evaluasi, item, rhk, rentang, final)
    if not final:
        return
    for rhk in berlaku:
        if rhk.id not in covered:
            yield _d(evaluasi.sumber, ("hasil_kerja",), "K504",
                     f"Evaluasi final belum memuat RHK '{rhk.id}'.", "Evaluasi final menilai setiap RHK di SKP.")
    if evaluasi.rating_perilaku_kerja is None:
        yield _d(evaluasi.sumber, (), "K506", "Evaluasi final belum memuat rating_perilaku_kerja.")
    if evaluasi.rating_hasil_kerja is None:
        if not hasil.pimpinan:
            yield _d(evaluasi.sumber, (), "K506", "Evaluasi final belum memuat rating_hasil_kerja.",
                     "Hanya pimpinan unit yang rating hasil kerjanya boleh diambil dari predikat organisasi.")
        elif hasil.penetapan is None:
            yield _d(evaluasi.sumber, (), "K601",
                     f"Rating hasil kerja pimpinan unit diambil dari predikat organisasi, tetapi predikat organisasi "
                     f"{skp.unit} untuk {aturan.PERIODE[evaluasi.periode]} {skp.tahun} belum ditetapkan.",
                     f"Tambahkan penetapan periode {evaluasi.periode} di records/{skp.unit}/organisasi/{skp.tahun}.yaml.")


def cek_rating(pegawai: Pegawai, fakta: Fakta):
    """Warnings where a rating runs against what the records say (advice, never a correction)."""
    rules = fakta.aturan(pegawai.unit)
    for hasil in _penilaian(pegawai, fakta):
        evaluasi, skp = hasil.evaluasi, hasil.skp
        if evaluasi.status != "final":
            continue
        if hasil.pimpinan and hasil.penetapan and aturan.rating_pimpinan_berbeda(
                evaluasi.rating_hasil_kerja, hasil.penetapan.predikat, rules):
            turunan = aturan.rating_hasil_pimpinan(hasil.penetapan.predikat, rules)
            yield _d(evaluasi.sumber, ("rating_hasil_kerja",), "K604",
                     f"Rating hasil kerja pimpinan unit ({evaluasi.rating_hasil_kerja}) berbeda dari yang diturunkan "
                     f"dari predikat organisasi {hasil.penetapan.predikat} ({turunan}).",
                     "Hapus rating_hasil_kerja agar diambil dari predikat organisasi, atau jelaskan di catatan.",
                     severity=WARNING)
        if evaluasi.periode != "tahunan" or evaluasi.rating_hasil_kerja == "sesuai_ekspektasi":
            continue  # quarterly realisations are cumulative against annual targets
        daftar = [aturan.capaian(iki.target, r.nilai, iki.arah)
                  for item in evaluasi.hasil_kerja if (rhk := skp.rhk(item.rhk))
                  for r in item.realisasi for iki in rhk.indikator if iki.id == r.indikator]
        if aturan.rating_bertentangan(evaluasi.rating_hasil_kerja, daftar):
            arah = "di bawah 100%" if evaluasi.rating_hasil_kerja == "di_atas_ekspektasi" else "mencapai 100%"
            yield _d(evaluasi.sumber, ("rating_hasil_kerja",), "K606",
                     f"Rating hasil kerja {evaluasi.rating_hasil_kerja} sementara capaian setiap indikator {arah}.",
                     "Capaian hanya saran; pastikan rating didukung bukti dan umpan balik.", severity=WARNING)


# --- objections ----------------------------------------------------------------------------

def cek_keberatan(pegawai: Pegawai, fakta: Fakta):
    rules = fakta.aturan(pegawai.unit)
    for skp in pegawai.skp:
        for periode, keberatan in skp.keberatan.items():
            evaluasi = skp.evaluasi.get(keberatan.evaluasi)
            if evaluasi is None:
                yield _d(keberatan.sumber, ("evaluasi",), "K423",
                         f"Evaluasi '{keberatan.evaluasi}' yang diajukan keberatan tidak ada di SKP ini.")
                continue
            if evaluasi.status != "final":
                yield _d(keberatan.sumber, ("evaluasi",), "K423",
                         f"Evaluasi '{keberatan.evaluasi}' masih draft; keberatan hanya atas hasil evaluasi final.")
                continue
            if keberatan.diajukan < evaluasi.tanggal:
                yield _d(keberatan.sumber, ("diajukan",), "K528",
                         f"Keberatan diajukan {_tgl(keberatan.diajukan)}, sebelum hasil evaluasi diterima "
                         f"({_tgl(evaluasi.tanggal)}).")
            elif (keberatan.diajukan - evaluasi.tanggal).days > rules.hari_keberatan:
                batas = rules.batas_keberatan(evaluasi.tanggal)  # before diajukan, so a real date
                yield _d(keberatan.sumber, ("diajukan",), "K602",
                         f"Keberatan diajukan {_tgl(keberatan.diajukan)}, melewati batas {rules.hari_keberatan} hari "
                         f"sejak hasil evaluasi diterima ({_tgl(evaluasi.tanggal)}; batas {_tgl(batas)}).",
                         "PP 30/2019 Pasal 59: keberatan diajukan paling lama 14 hari sejak hasil diterima.")
            keputusan = keberatan.keputusan
            if keputusan is None:
                continue
            if keputusan.tanggal < keberatan.diajukan:
                yield _d(keberatan.sumber, ("keputusan", "tanggal"), "K529",
                         "Keputusan atas keberatan bertanggal sebelum keberatan diajukan.")
            atasan = fakta.atasan_penilai(skp, evaluasi)
            if atasan and keputusan.oleh != atasan:
                yield _d(keberatan.sumber, ("keputusan", "oleh"), "K603",
                         f"Keputusan keberatan ditetapkan oleh {keputusan.oleh}, padahal atasan pejabat penilai "
                         f"adalah {atasan}.", "Keberatan diputus oleh atasan dari pejabat penilai kinerja.")


# --- organisation ratings and curves -------------------------------------------------------

def cek_organisasi(organisasi: Organisasi, fakta: Fakta):
    kode, tahun = organisasi.unit, organisasi.tahun
    folder_tahun = int(organisasi.sumber.file.rsplit("/", 1)[-1][:4])
    if tahun != folder_tahun:
        yield _d(organisasi.sumber, ("tahun",), "K307",
                 f"Tahun {tahun} tidak sama dengan nama berkas '{folder_tahun}.yaml'.")
    unit = fakta.unit(kode)
    induk = fakta.unit(unit.induk) if unit and unit.induk else None
    seen: set[str] = set()
    for p in organisasi.penetapan:
        if p.periode in seen:
            yield _d(organisasi.sumber, ("penetapan", p.index, "periode"), "K531",
                     f"Periode '{p.periode}' ditetapkan lebih dari sekali.")
        seen.add(p.periode)
        if unit and not aturan.periode_valid(p.periode, unit.evaluasi_periodik):
            yield _d(organisasi.sumber, ("penetapan", p.index, "periode"), "K510",
                     f"Periode '{p.periode}' tidak sesuai evaluasi periodik unit ({unit.evaluasi_periodik}).")
        if p.tanggal.year not in (tahun, tahun + 1):
            yield _d(organisasi.sumber, ("penetapan", p.index, "tanggal"), "K533",
                     f"Tanggal penetapan {_tgl(p.tanggal)} bukan pada tahun {tahun} atau awal tahun berikutnya.",
                     severity=WARNING)
        pejabat = {m.nip for m in induk.masa_pimpinan if m.meliputi(p.tanggal)} if induk else set()
        if induk and p.ditetapkan_oleh not in pejabat:
            kepala = induk.kepala(p.tanggal, definitif=False) or "tidak ada"
            yield _d(organisasi.sumber, ("penetapan", p.index, "ditetapkan_oleh"), "K608",
                     f"Predikat organisasi ditetapkan oleh {p.ditetapkan_oleh}, bukan pimpinan unit induk "
                     f"{induk.kode} pada {_tgl(p.tanggal)} ({kepala}).", severity=WARNING)


def cek_kurva(organisasi: Organisasi, fakta: Fakta):
    for penetapan in aturan.urutkan_penetapan(organisasi.penetapan):
        kurva = fakta.kurva(organisasi, penetapan)
        if kurva.sesuai or penetapan.kalibrasi:
            continue
        yield _d(organisasi.sumber, ("penetapan", penetapan.index, "predikat"), "K605",
                 f"Distribusi predikat {aturan.PERIODE[kurva.periode]} {kurva.tahun} menyimpang dari kurva "
                 f"organisasi {aturan.PREDIKAT_ORGANISASI[penetapan.predikat]}: " + " ".join(kurva.pelanggaran),
                 "Kurva adalah pedoman, bukan kuota: tulis alasan penyimpangan di 'kalibrasi'.", severity=WARNING)


# --- teams (tim kerja): assignments to members, and the team records ------------------------------

def _pemberi_dikenal(fakta: Fakta, skp: SKP, nip: str, mulai: date, selesai: date) -> bool:
    """Whether nip may assign results to or give feedback on this SKP's employee from mulai to
    selesai: someone in their line of superiors, an appraiser who took over (named by one of the
    SKP's evaluations), or the lead of a team they belong to then."""
    return (nip == skp.penilai.nip or nip in fakta.rantai(skp)
            or any(e.penilai == nip for e in skp.evaluasi.values())
            or bool(fakta.tim_dipimpin(nip, skp.nip, mulai, selesai)))


def cek_penugasan(pegawai: Pegawai, fakta: Fakta):
    """RHKs assigned by a team (`tim:<unit>/<kode>/<hasil>`) or by another leader (a NIP)."""
    for skp in pegawai.skp:
        for rhk in skp.hasil_kerja:
            path = ("hasil_kerja", rhk.index, "penugasan_dari")
            ref = penugasan_tim(rhk.penugasan_dari)
            nip = penugasan_nip(rhk.penugasan_dari)
            if ref is not None:
                yield from _cek_penugasan_tim(fakta, skp, ref, path)
            elif (rhk.penugasan_dari or "").startswith("tim:"):
                yield _d(skp.sumber, path, "K430",
                         f"Penugasan '{rhk.penugasan_dari}' tidak sesuai format tim:<unit>/<kode tim>/<kode hasil>.",
                         "Contoh: \"tim:biro-sdm/tim-sistem-merit/hasil-1\".")
            elif nip is not None and not _pemberi_dikenal(fakta, skp, nip, skp.mulai, skp.selesai):
                yield _d(skp.sumber, path, "K435",
                         f"RHK '{rhk.id}' ditugaskan oleh {nip}, yang bukan ketua tim kerja pegawai ini dan bukan "
                         "atasan dalam rantai penilainya.",
                         "Penugasan oleh ketua tim dicatat sebagai \"tim:<unit>/<kode tim>/<kode hasil>\"; periksa "
                         "NIP atau keanggotaan tim.", severity=WARNING)


def _cek_penugasan_tim(fakta: Fakta, skp: SKP, ref: tuple[str, str, str], path: tuple):
    unit, kode, hasil_id = ref
    tim = fakta.tim(unit, kode)
    if tim is None:
        if fakta.ada_unit(unit):
            yield _d(skp.sumber, path, "K431", f"Tim kerja {unit}/{kode} tidak ditemukan.",
                     f"Tim kerja dicatat di records/{unit}/tim/{kode}.yaml; bila berkas itu ada, perbaiki dahulu "
                     "galatnya.")
        else:
            yield _d(skp.sumber, path, "K432",
                     f"Unit {unit} tidak ada di repositori ini, sehingga penugasan tim {kode} tidak dapat diperiksa.",
                     "Tidak menghalangi bila tim dibentuk di repositori lain; periksa kode unitnya.", severity=WARNING)
        return
    if tim.hasil_id(hasil_id) is None:
        yield _d(skp.sumber, path, "K433", f"Hasil '{hasil_id}' tidak ada di tim kerja {unit}/{kode}.",
                 "Hasil tim yang ada: " + ", ".join(h.id for h in tim.hasil) + ".")
    if not tim.keanggotaan(skp.nip, skp.mulai, skp.selesai):
        yield _d(skp.sumber, path, "K434",
                 f"Pegawai {skp.nip} bukan anggota tim kerja {unit}/{kode} selama periode SKP ini "
                 f"({_tgl(skp.mulai)} s.d. {_tgl(skp.selesai)}).",
                 f"Tambahkan pegawai ke daftar anggota di records/{unit}/tim/{kode}.yaml.")


def cek_tim(tim: Tim, fakta: Fakta):
    if tim.kode_tertulis != tim.kode:
        yield _d(tim.sumber, ("kode",), "K540",
                 f"Kode tim '{tim.kode_tertulis}' tidak sama dengan nama berkasnya '{tim.kode}.yaml'.")
    if tim.selesai < tim.mulai:
        yield _d(tim.sumber, ("periode", "selesai"), "K541", "Periode tim berakhir sebelum dimulai.")
    seen: set[str] = set()
    for hasil in tim.hasil:
        if hasil.id in seen:
            yield _d(tim.sumber, ("hasil", hasil.index, "id"), "K544", f"Kode hasil '{hasil.id}' sudah dipakai di tim ini.")
        seen.add(hasil.id)
    if not fakta.profil(tim.ketua):
        yield _d(tim.sumber, ("ketua",), "K437", f"Ketua tim {tim.ketua} tidak ditemukan di rekaman.",
                 "Ketua dari instansi atau repositori lain boleh dicatat; periksa NIP-nya.", severity=WARNING)
    yield from _cek_anggota_tim(tim, fakta)
    yield from _cek_hasil_tim(tim, fakta)


def _cek_anggota_tim(tim: Tim, fakta: Fakta):
    for anggota in tim.anggota:
        path = ("anggota", anggota.index)
        if tim.mulai <= tim.selesai and not tim.mulai <= anggota.mulai <= anggota.selesai <= tim.selesai:
            yield _d(tim.sumber, path + ("mulai",), "K542",
                     f"Masa keanggotaan {anggota.nip} ({_tgl(anggota.mulai)} s.d. {_tgl(anggota.selesai)}) di luar "
                     f"periode tim ({_tgl(tim.mulai)} s.d. {_tgl(tim.selesai)}) atau berakhir sebelum dimulai.")
        lain = [a for a in tim.anggota[:anggota.index] if a.nip == anggota.nip]
        if any(a.mulai <= anggota.selesai and anggota.mulai <= a.selesai for a in lain):
            yield _d(tim.sumber, path + ("nip",), "K543",
                     f"Anggota {anggota.nip} tercatat lebih dari sekali dengan masa keanggotaan yang bertumpang tindih.")
        if not lain and not fakta.profil(anggota.nip):
            yield _d(tim.sumber, path + ("nip",), "K437", f"Anggota tim {anggota.nip} tidak ditemukan di rekaman.",
                     "Anggota dari instansi atau repositori lain boleh dicatat; periksa NIP-nya.", severity=WARNING)


def _cek_hasil_tim(tim: Tim, fakta: Fakta):
    """A team result no member's RHK carries (only when every member's records are here)."""
    if not all(fakta.profil(a.nip) for a in tim.anggota):
        return
    dibawa = {hasil_id for hasil_id, _, _ in fakta.rhk_tim(tim)}
    for hasil in tim.hasil:
        if hasil.id not in dibawa:
            yield _d(tim.sumber, ("hasil", hasil.index, "id"), "K545",
                     f"Hasil '{hasil.id}' belum dimuat RHK anggota mana pun.",
                     f"Anggota yang ditugasi menulis penugasan_dari: \"{tim.rujukan}/{hasil.id}\" pada RHK di SKP-nya.",
                     severity=WARNING)


CEK_PEGAWAI = (cek_nip, cek_nama_folder, cek_penilai, cek_satu_unit, cek_skp, cek_masa, cek_umpan_balik,
               cek_evaluasi, cek_rating, cek_keberatan, cek_penugasan)
CEK_ORGANISASI = (cek_organisasi, cek_kurva)


def periksa_induk_unit(kode: str, berkas: list[Berkas], fakta: Fakta) -> list[Diagnostik]:
    """K308 for the records that need their unit's unit.yaml when it does not exist."""
    if fakta.ada_unit(kode):
        return []
    return [induk_hilang(b.rel, "Rekaman ini", "unit.yaml di folder unitnya")
            for b in berkas if jenis.REGISTRI[b.kind].induk == "unit"]


def periksa_unit(kode: str, unit: Unit | None, fakta: Fakta) -> list[Diagnostik]:
    return list(cek_unit(unit, kode, fakta)) if unit is not None else []


def periksa_pegawai(pegawai: Pegawai | None, fakta: Fakta) -> list[Diagnostik]:
    return [d for check in CEK_PEGAWAI for d in check(pegawai, fakta)] if pegawai is not None else []


def periksa_organisasi(organisasi: Organisasi | None, fakta: Fakta) -> list[Diagnostik]:
    return [d for check in CEK_ORGANISASI for d in check(organisasi, fakta)] if organisasi is not None else []


def periksa_tim(tim: Tim | None, fakta: Fakta) -> list[Diagnostik]:
    return list(cek_tim(tim, fakta)) if tim is not None else []
