"""`kinerja new`: a complete, schema-valid record, pre-filled from the records around it.

Each `buat_<kind>` returns the path to write and the text; `tulis` writes it atomically and
never over an existing file. New SKPs and evaluations are drafts; free text the user has
not given yet is a short placeholder the schema accepts, and comments show the choices
(the superior's RHK to intervene, the indicators to realise, the objection deadline).
Strings are written JSON-quoted, which YAML reads as double-quoted scalars.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from kinerja import arsip, aturan
from kinerja.fakta import Fakta
from kinerja.galat import GalatPemakaian
from kinerja.jenis import KODE
from kinerja.model import SKP, Arsip, Pegawai
from kinerja.pemeriksaan import Pohon
from kinerja.yamlio import tulis_atomik

ISI = "(isi di sini)"  # placeholder for free text still to be written
PILIHAN_RATING = " | ".join(aturan.RATING)


class BaruError(GalatPemakaian):
    """A request that cannot be fulfilled, as one Indonesian line."""


def q(text) -> str:
    return json.dumps(str(text), ensure_ascii=False)


def _baris_skema(records: Path, path: Path, kind: str) -> str:
    skema = os.path.relpath(records.resolve().parent / "schemas" / f"{kind}.schema.json", path.parent)
    return f"# yaml-language-server: $schema={Path(skema).as_posix()}\n"


def _tanggal(text: str | None, apa: str) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BaruError(f"{apa} '{text}' bukan tanggal TTTT-BB-HH.") from None


class Konteks:
    """The records a new file is filled from: only the groups it needs are loaded."""

    def __init__(self, records: Path):
        if not records.is_dir():
            raise BaruError(f"folder rekaman '{records}' tidak ditemukan.")
        self.records = records
        self.pohon = Pohon(records)
        self._groups: set[str] = set()
        self._arsip: Arsip | None = None

    def _folder(self, nips: set[str]) -> set[str]:
        return {g for nip in nips for g in self.pohon.penyedia.get(("profil", nip), ())}

    def muat_pegawai(self, *nips: str | None) -> None:
        """Load these employees' folders and their penilai's, and every unit.yaml."""
        wanted = {n for n in nips if n}
        groups = self._folder(wanted)
        penilai = {p.penilai for p in self.pohon.model(groups).pegawai.values() if p.nip in wanted}
        self._groups |= groups | self._folder(penilai) | {f"unit/{u}" for u in self.pohon.units}
        self._arsip = None

    def muat_unit(self, *kode: str) -> None:
        self._groups |= {f"unit/{k}" for k in kode}
        self._arsip = None

    @property
    def arsip(self) -> Arsip:
        if self._arsip is None:
            self._arsip = self.pohon.model(self._groups)
        return self._arsip

    def pegawai(self, nip: str, unit: str | None) -> Pegawai:
        self.muat_pegawai(nip)
        found = [p for p in self.arsip.pegawai_nip(nip) if unit is None or p.unit == unit]
        if not found:
            raise BaruError(f"pegawai {nip} tidak ditemukan" + (f" di unit {unit}" if unit else "")
                            + " (buat dulu dengan 'kinerja new pegawai').")
        if len(found) > 1:
            raise BaruError(f"NIP {nip} ada di beberapa unit ({', '.join(p.unit for p in found)}); "
                            "pilih dengan --unit.")
        return found[0]

    def skp(self, pegawai: Pegawai, *, tahun: int | None = None, folder: str | None = None,
            pada: date | None = None) -> SKP:
        daftar = pegawai.skp
        if folder is not None:
            daftar = [s for s in daftar if s.folder == folder]
        elif tahun is not None:
            daftar = [s for s in daftar if s.tahun == tahun]
        if pada is not None and len(daftar) > 1:
            daftar = [s for s in daftar if s.mulai <= pada <= s.selesai] or daftar
        if not daftar:
            apa = f"SKP {folder}" if folder else f"SKP tahun {tahun}" if tahun else "SKP"
            raise BaruError(f"{apa} pegawai {pegawai.nip} belum ada (buat dengan 'kinerja new skp').")
        if len(daftar) > 1 and folder is None and pada is None:
            raise BaruError(f"pegawai {pegawai.nip} memiliki beberapa SKP ({', '.join(s.folder for s in daftar)}); "
                            "pilih dengan --skp.")
        return daftar[-1]

    def path(self, *parts: str) -> Path:
        return self.records.joinpath(*parts)


def _nama_unit(konteks: Konteks, kode: str) -> str:
    unit = konteks.arsip.units.get(kode)
    return unit.nama if unit else kode


def _identitas(data: dict) -> list[str]:
    lines = []
    for key in ("nip", "nama", "pangkat_golongan", "jabatan", "unit_kerja", "jenjang"):
        if data.get(key):
            lines.append(f"  {key}: {q(data[key]) if key != 'jenjang' else data[key]}")
    return lines


# --- unit and employee -------------------------------------------------------------------------

def buat_unit(konteks: Konteks, kode: str, *, nama: str, pimpinan: str, instansi: str | None = None,
              induk: str | None = None, periodik: str = "triwulanan", admin: list[str] | None = None):
    if not KODE.fullmatch(kode):
        raise BaruError(f"kode unit '{kode}' tidak sah: pakai huruf kecil, angka dan tanda hubung (misalnya biro-sdm).")
    konteks.muat_unit(*konteks.pohon.units)
    if instansi is None:
        semua = {u.instansi for u in konteks.arsip.units.values()}
        if len(semua) != 1:
            raise BaruError("sebutkan instansi dengan --instansi.")
        instansi = semua.pop()
    lines = [f"kode: {kode}", f"nama: {q(nama)}", f"instansi: {q(instansi)}"]
    if induk:
        lines.append(f"induk: {induk}")
    elif konteks.arsip.units:
        lines.append("# induk: <kode unit induk>   # unit satu tingkat di atas; pimpinannya menetapkan predikat unit")
    lines += [f"pimpinan: {q(pimpinan)}   # NIP kepala unit",
              "# saat pimpinan berganti, tulis masa jabatannya (hasil tahun-tahun lalu tidak berubah):",
              f"# pimpinan:\n#   - {{nip: {q(pimpinan)}, mulai: <TTTT-BB-HH>, selesai: <TTTT-BB-HH>}}",
              "#   - {nip: \"<NIP>\", mulai: <TTTT-BB-HH>, sebagai: plt}   # definitif | plt | plh",
              f"evaluasi_periodik: {periodik}   # triwulanan | bulanan"]
    if admin:
        lines.append(f"admin: [{', '.join(q(a) for a in admin)}]   # akun Git pengelola data kepegawaian unit")
    else:
        lines.append("admin: []   # akun Git pengelola data kepegawaian unit, misalnya [\"kepegawaian-biro\"]")
    return konteks.path(kode, "unit.yaml"), "unit", lines


def buat_pegawai(konteks: Konteks, nip: str, *, unit: str, nama: str, jabatan: str, jenis_jabatan: str,
                 pangkat: str, jenis_asn: str = "pns", jenjang: str | None = None, penilai: str | None = None,
                 akun_git: str | None = None):
    konteks.muat_unit(unit)
    data_unit = konteks.arsip.units.get(unit)
    if data_unit is None:
        raise BaruError(f"unit '{unit}' belum ada (buat dulu dengan 'kinerja new unit').")
    if penilai is None:
        if data_unit.pimpinan == nip:
            raise BaruError("pegawai ini pimpinan unit: sebutkan penilainya dengan --penilai.")
        penilai = data_unit.pimpinan
    if jenis_jabatan == "fungsional" and not jenjang:
        raise BaruError("pejabat fungsional memerlukan --jenjang (misalnya ahli_pertama).")
    lines = [f"nip: {q(nip)}", f"nama: {q(nama)}", f"jenis_asn: {jenis_asn}   # pns | pppk",
             f"pangkat_golongan: {q(pangkat)}", f"jabatan: {q(jabatan)}",
             f"jenis_jabatan: {jenis_jabatan}   # {' | '.join(aturan.JENIS_JABATAN)}"]
    if jenjang:
        lines.append(f"jenjang: {jenjang}   # {' | '.join(aturan.JENJANG)}")
    konteks.muat_pegawai(penilai)
    nama_penilai = next((p.nama for p in konteks.arsip.pegawai_nip(penilai)), None)
    lines.append(f"penilai: {q(penilai)}" + (f"   # {nama_penilai}" if nama_penilai else "   # NIP penilai"))
    lines.append(f"akun_git: {q(akun_git)}" if akun_git else "# akun_git: <akun di GitHub/GitLab>   # agar dapat "
                 "menyetujui pull request")
    lines += _petunjuk_profil(jenjang if jenis_jabatan == "fungsional" else None)
    return konteks.path(unit, "pegawai", nip, "profil.yaml"), "profil", lines


def _petunjuk_profil(jenjang: str | None) -> list[str]:
    """Commented examples of a profile's dated keys: status periods and, for functional staff,
    the starting credit-point balance."""
    lines = ["# status:   # masa yang mengubah kewajiban evaluasi dan angka kredit",
             "#   - {jenis: tugas_belajar, mulai: <TTTT-BB-HH>, selesai: <TTTT-BB-HH>}   # cpns | tugas_belajar | "
             "cuti_besar | cuti_melahirkan | cltn | pemberhentian_sementara"]
    if jenjang:
        lines.append(f"# angka_kredit_awal: {{nilai: 0, per: <TTTT-BB-HH>, jenjang: {jenjang}}}   # saldo menurut "
                     "PAK terakhir")
    return lines


# --- SKP ---------------------------------------------------------------------------------------

def _rhk_atasan(konteks: Konteks, penilai: str, tahun: int) -> list[str]:
    atasan = konteks.arsip.skp_tahun(penilai, tahun)
    if not atasan:
        return [f"  # SKP atasan ({penilai}) tahun {tahun} belum ada di rekaman; isi 'intervensi' setelah SKP "
                "atasan dibuat."]
    lines = ["  # RHK atasan yang dapat diintervensi (salin satu baris 'intervensi' ke RHK utama di bawah):"]
    for skp in atasan:
        for rhk in skp.hasil_kerja:
            lines.append(f"  #   intervensi: {q(f'{penilai}/{rhk.id}')}   # {' '.join(rhk.uraian.split())}")
    return lines


def buat_skp(konteks: Konteks, nip: str, *, unit: str | None = None, tahun: int | None = None,
             mulai: str | None = None, selesai: str | None = None, pendekatan: str = "kuantitatif"):
    pegawai = konteks.pegawai(nip, unit)
    tahun = tahun or (_tanggal(mulai, "--mulai").year if mulai else date.today().year)
    ada = sorted(s.folder for s in pegawai.skp if s.tahun == tahun)
    folder = str(tahun) if not ada else f"{tahun}-{len(ada) + 1}"
    awal = _tanggal(mulai, "--mulai") if mulai else date(tahun, 1, 1)
    akhir = _tanggal(selesai, "--selesai") if selesai else date(tahun, 12, 31)
    if ada and not mulai:
        raise BaruError(f"SKP tahun {tahun} sudah ada ({', '.join(ada)}); SKP kedua dalam setahun (setelah mutasi) "
                        "memerlukan --mulai.")
    konteks.muat_pegawai(pegawai.penilai)
    penilai = next(iter(konteks.arsip.pegawai_nip(pegawai.penilai)), None)
    jpt = pegawai.jenis_jabatan.startswith("jpt_")
    kualitatif = pendekatan == "kualitatif"
    lines = [f"tahun: {tahun}", f"periode: {{mulai: {awal}, selesai: {akhir}}}",
             f"pendekatan: {pendekatan}   # kuantitatif | kualitatif", "pegawai:"]
    lines += _identitas({"nip": pegawai.nip, "nama": pegawai.nama, "pangkat_golongan": pegawai.pangkat_golongan,
                         "jabatan": pegawai.jabatan, "unit_kerja": _nama_unit(konteks, pegawai.unit),
                         "jenjang": pegawai.jenjang if pegawai.jenis_jabatan == "fungsional" else None})
    lines.append("penilai:")
    if penilai is not None:
        lines += _identitas({"nip": penilai.nip, "nama": penilai.nama, "pangkat_golongan": penilai.pangkat_golongan,
                             "jabatan": penilai.jabatan, "unit_kerja": _nama_unit(konteks, penilai.unit)})
    else:  # the penilai lives in another repository
        lines += [f"  nip: {q(pegawai.penilai)}", f"  nama: {q(ISI)}", f"  pangkat_golongan: {q(ISI)}",
                  f"  jabatan: {q(ISI)}", f"  unit_kerja: {q(ISI)}"]
    lines += ["status: draft   # draft | ditetapkan (penilai menetapkan, lalu tulis tanggal 'ditetapkan:')",
              *_petunjuk_revisi(pegawai.penilai), "hasil_kerja:"]
    if not jpt:
        lines += _rhk_atasan(konteks, pegawai.penilai, tahun)
    lines += ["  - id: rhk-1", "    jenis: utama   # utama | tambahan"]
    if not jpt:
        lines.append(f"    # intervensi: \"{pegawai.penilai}/<id RHK atasan>\"")
    lines += [f"    uraian: {q(ISI)}", "    indikator:", "      - id: iki-1",
              "        aspek: kuantitas   # kuantitas | kualitas | waktu | biaya", f"        uraian: {q(ISI)}",
              f"        target: {q(ISI)}" if kualitatif else
              f"        target: {{nilai: 0, satuan: {q(ISI)}}}   # atau rentang {{min: 90, maks: 100, satuan: persen}}"]
    if jpt:
        lines.append("        perspektif: penerima_layanan   # penerima_layanan | proses_bisnis | penguatan_internal "
                     "| anggaran")
    lines.append("perilaku_kerja:   # ekspektasi khusus pimpinan, tidak wajib: {ekspektasi: \"...\"}")
    for kode, nilai in aturan.BERAKHLAK.items():
        lines.append(f"  {kode}: {{}}   # {nilai.label}: {'; '.join(nilai.panduan)}")
    lines += ["lampiran:",
              "  dukungan_sumber_daya: []   # misalnya [\"Akses server pengembangan\"]",
              "  skema_pertanggungjawaban: []   # misalnya [\"Laporan triwulanan kepada atasan\"]",
              "  konsekuensi: []   # misalnya [\"Predikat kinerja menjadi dasar tunjangan kinerja\"]"]
    return konteks.path(pegawai.unit, "pegawai", nip, folder, "skp.yaml"), "skp", lines


def _petunjuk_revisi(penilai: str) -> list[str]:
    """How a set SKP changes: a dated, reasoned revision, with dropped results kept."""
    return ["# revisi:   # SKP yang sudah ditetapkan hanya berubah lewat revisi yang disetujui pejabat penilai",
            f"#   - {{tanggal: <TTTT-BB-HH>, alasan: \"...\", disetujui_oleh: {q(penilai)}}}",
            "#   RHK atau indikator yang dihapus tetap ditulis dengan 'berlaku_sampai: <TTTT-BB-HH>';",
            "#   yang ditambahkan diberi 'berlaku_mulai: <TTTT-BB-HH>'."]


# --- evaluation, feedback, objection ----------------------------------------------------------

def buat_evaluasi(konteks: Konteks, nip: str, periode: str, *, unit: str | None = None, tahun: int | None = None,
                  skp: str | None = None, tanggal: str | None = None, penilai: str | None = None):
    pegawai = konteks.pegawai(nip, unit)
    penilai = penilai or pegawai.penilai  # by default the current appraiser in the profile
    if periode not in aturan.PERIODE:
        raise BaruError(f"periode '{periode}' tidak dikenal: pakai tw1..tw4, b01..b12 atau tahunan.")
    data_unit = konteks.arsip.units.get(pegawai.unit)
    if data_unit and not aturan.periode_valid(periode, data_unit.evaluasi_periodik):
        raise BaruError(f"periode '{periode}' tidak sesuai evaluasi periodik unit ({data_unit.evaluasi_periodik}).")
    rencana = konteks.skp(pegawai, tahun=tahun, folder=skp)
    contoh_nilai = '"..."' if rencana.pendekatan == "kualitatif" else "0"
    lines = [f"periode: {periode}",
             f"tanggal: {_tanggal(tanggal, '--tanggal')}   # hari hasil evaluasi diterima pegawai",
             "status: draft   # draft | final"]
    if penilai != rencana.penilai.nip:  # the superior moved or was replaced since the SKP was set
        lines.append(f"penilai: {q(penilai)}   # penilai evaluasi ini (di SKP: {rencana.penilai.nip})")
    lines.append("hasil_kerja:")
    for rhk in rencana.rhk_berlaku(*aturan.rentang_periode(rencana.tahun, periode)):
        lines += [f"  - rhk: {rhk.id}   # {' '.join(rhk.uraian.split())}",
                  "    realisasi: []   # ganti [] dengan realisasi setiap indikator di bawah"]
        for iki in rhk.indikator:
            target = iki.target if isinstance(iki.target, str) else (
                f"{iki.target.get('nilai', iki.target.get('min'))} {iki.target['satuan']}")
            lines += [f"    #   - indikator: {iki.id}   # {' '.join(iki.uraian.split())} (target: {target})",
                      f"    #     nilai: {contoh_nilai}",
                      "    #     bukti: [\"<tautan bukti dukung>\"]"]
        lines.append("    # umpan_balik: \"...\"")
    lines += [f"# rating_hasil_kerja: sesuai_ekspektasi   # {PILIHAN_RATING}",
              "perilaku_kerja:   # umpan balik per nilai, tidak wajib: {umpan_balik: \"...\"}"]
    for kode, nilai in aturan.BERAKHLAK.items():
        ekspektasi = (rencana.perilaku_kerja.get(kode) or {}).get("ekspektasi")
        lines.append(f"  {kode}: {{}}   # {nilai.label}" + (f"; ekspektasi: {ekspektasi}" if ekspektasi else ""))
    lines += [f"# rating_perilaku_kerja: sesuai_ekspektasi   # {PILIHAN_RATING}",
              "# catatan_rekomendasi: \"...\""]
    path = konteks.path(pegawai.unit, "pegawai", nip, rencana.folder, "evaluasi", f"{periode}.yaml")
    return path, "evaluasi", lines


def buat_umpan_balik(konteks: Konteks, nip: str, *, unit: str | None = None, tanggal: str | None = None,
                     jenis: str = "dialog_kinerja", rhk: str | None = None, perilaku: str | None = None,
                     judul: str | None = None, catatan: str | None = None, dari: str | None = None,
                     skp: str | None = None):
    pegawai = konteks.pegawai(nip, unit)
    hari = _tanggal(tanggal, "--tanggal")
    rencana = konteks.skp(pegawai, tahun=None if skp else hari.year, folder=skp, pada=hari)
    if rhk and not rencana.rhk(rhk):
        raise BaruError(f"RHK '{rhk}' tidak ada di SKP {rencana.folder}; yang ada: "
                        + ", ".join(r.id for r in rencana.hasil_kerja) + ".")
    if perilaku and perilaku not in aturan.BERAKHLAK:
        raise BaruError(f"nilai perilaku '{perilaku}' tidak dikenal; pilihan: {', '.join(aturan.BERAKHLAK)}.")
    if judul and not KODE.fullmatch(judul):
        raise BaruError(f"judul '{judul}' tidak sah: pakai huruf kecil, angka dan tanda hubung.")
    lines = [f"tanggal: {hari}", f"dari: {q(dari or rencana.penilai.nip)}   # NIP pemberi umpan balik",
             f"jenis: {jenis}   # umpan_balik | dialog_kinerja | bimbingan | konseling"]
    if rhk:
        lines.append(f"tentang: {{rhk: {rhk}}}")
    elif perilaku:
        lines.append(f"tentang: {{perilaku: {perilaku}}}")
    else:
        lines.append("# tentang: {rhk: " + (rencana.hasil_kerja[0].id if rencana.hasil_kerja else "rhk-1")
                     + "}   # atau {perilaku: <nilai BerAKHLAK>}")
    lines += [f"catatan: {q(catatan or ISI)}", "# tindak_lanjut: \"...\"",
              f"rahasia: {'true' if jenis == 'konseling' else 'false'}"
              + ("   # catatan konseling selalu rahasia: tidak pernah diterbitkan" if jenis == "konseling" else "")]
    nama = f"{hari}-{judul}.yaml" if judul else f"{hari}.yaml"
    return konteks.path(pegawai.unit, "pegawai", nip, rencana.folder, "umpan-balik", nama), "umpan-balik", lines


def buat_keberatan(konteks: Konteks, nip: str, periode: str, *, unit: str | None = None, tahun: int | None = None,
                   skp: str | None = None, diajukan: str | None = None, alasan: str | None = None):
    pegawai = konteks.pegawai(nip, unit)
    rencana = konteks.skp(pegawai, tahun=tahun, folder=skp)
    evaluasi = rencana.evaluasi.get(periode)
    if evaluasi is None or evaluasi.status != "final":
        keadaan = "belum ada" if evaluasi is None else "masih draft"
        raise BaruError(f"evaluasi {periode} SKP {rencana.folder} {keadaan}"
                        + "; keberatan hanya dapat diajukan atas hasil evaluasi final.")
    konteks.muat_pegawai(rencana.penilai.nip)
    fakta = Fakta(konteks.arsip)
    rules = fakta.aturan(pegawai.unit)
    batas = rules.batas_keberatan(evaluasi.tanggal)
    atasan_nip = fakta.atasan_penilai(rencana)
    lines = [f"# Hasil evaluasi diterima {evaluasi.tanggal}; batas pengajuan keberatan {batas} "
             f"({rules.hari_keberatan} hari, PP 30/2019 Pasal 59).",
             f"evaluasi: {periode}",
             f"diajukan: {_tanggal(diajukan, '--diajukan')}",
             f"alasan: {q(alasan or ISI)}",
             "# penjelasan_penilai: \"...\"   # diisi pejabat penilai",
             "# keputusan:   # diisi atasan pejabat penilai"
             + (f" ({atasan_nip})" if atasan_nip else "") + "; keputusannya final",
             f"#   oleh: {q(atasan_nip or '<NIP atasan pejabat penilai>')}",
             "#   tanggal: TTTT-BB-HH",
             "#   rating_hasil_kerja: sesuai_ekspektasi",
             "#   rating_perilaku_kerja: sesuai_ekspektasi",
             "#   catatan: \"...\""]
    path = konteks.path(pegawai.unit, "pegawai", nip, rencana.folder, "keberatan", f"{periode}.yaml")
    return path, "keberatan", lines


# --- team ---------------------------------------------------------------------------------------

def buat_tim(konteks: Konteks, kode: str, *, unit: str, nama: str, anggota: list[str], ketua: str | None = None,
             dasar: str | None = None, mulai: str | None = None, selesai: str | None = None,
             intervensi: str | None = None):
    if not KODE.fullmatch(kode):
        raise BaruError(f"kode tim '{kode}' tidak sah: pakai huruf kecil, angka dan tanda hubung (misalnya tim-merit).")
    konteks.muat_unit(unit)
    data_unit = konteks.arsip.units.get(unit)
    if data_unit is None:
        raise BaruError(f"unit '{unit}' belum ada (buat dulu dengan 'kinerja new unit').")
    ketua = ketua or data_unit.pimpinan
    awal = _tanggal(mulai, "--mulai")
    akhir = _tanggal(selesai, "--selesai") if selesai else date(awal.year, 12, 31)
    konteks.muat_pegawai(ketua, *anggota)

    def siapa(nip: str) -> str:
        found = konteks.arsip.pegawai_nip(nip)
        return f"   # {found[0].nama}, {found[0].unit}" if found else "   # belum ada di rekaman repositori ini"

    lines = [f"kode: {kode}", f"nama: {q(nama)}",
             f"dasar: {q(dasar)}" if dasar else "# dasar: \"Keputusan ... Nomor ... Tahun ...\"   # pembentukan tim",
             f"periode: {{mulai: {awal}, selesai: {akhir}}}", f"ketua: {q(ketua)}" + siapa(ketua),
             f"intervensi: {q(intervensi)}" if intervensi else
             "# intervensi: \"<NIP pimpinan>/<id RHK>\"   # RHK pimpinan yang didukung tim",
             "hasil:   # anggota yang ditugasi menulis di RHK SKP-nya: penugasan_dari: "
             f"\"tim:{unit}/{kode}/hasil-1\"",
             f"  - {{id: hasil-1, uraian: {q(ISI)}}}", "anggota:   # selesai dan peran tidak wajib"]
    lines += [f"  - {{nip: {q(nip)}, mulai: {awal}}}" + siapa(nip) for nip in dict.fromkeys(anggota)]
    return konteks.path(unit, "tim", f"{kode}.yaml"), "tim", lines


BUAT = {"unit": buat_unit, "pegawai": buat_pegawai, "skp": buat_skp, "evaluasi": buat_evaluasi,
        "umpan-balik": buat_umpan_balik, "keberatan": buat_keberatan, "tim": buat_tim}


def tulis(konteks: Konteks, kind: str, *args, **kwargs) -> Path:
    """Build the record, check it against its schema, and write it; never over an existing file."""
    path, jenis, lines = BUAT[kind](konteks, *args, **kwargs)
    if path.exists():
        raise BaruError(f"berkas {path} sudah ada; tidak ditimpa.")
    text = _baris_skema(konteks.records, path, jenis) + "\n".join(lines) + "\n"
    parts = path.relative_to(konteks.records).parts
    bacaan = arsip.baca(arsip.Berkas(str(path), str(path), jenis, parts), text.encode("utf-8"))
    if bacaan.diagnostik:
        d = bacaan.diagnostik[0]
        raise BaruError(f"isian tidak sah: {d.message}" + (f" {d.hint}" if d.hint else ""))
    try:
        tulis_atomik(path, text, timpa=False)
    except FileExistsError:
        raise BaruError(f"berkas {path} sudah ada; tidak ditimpa.") from None
    return path
