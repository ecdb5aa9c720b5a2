"""Review routing: the CODEOWNERS file of GitHub or GitLab, written from the records.

The host asks the owners of the last matching pattern to approve, so general patterns come
first and specific ones after:

    *                                   every unit's admins (the repository's catch-all)
    /records/<unit>/                    the unit's admins (new folders)
    /records/<unit>/pegawai/<nip>/      the employee's penilai (akun_git of the penilai's profile)
    /records/<unit>/pegawai/*/profil.yaml   the unit's admins (roster data)
    /records/<unit>/unit.yaml           the unit's admins
    /records/<unit>/tim/                the unit's head (who signs the team decree) and its admins
    /records/<unit>/organisasi/         the head of the parent unit (who sets the unit's rating)
    /records/<unit>/pegawai/<nip>/<skp>/keberatan/   that SKP's atasan pejabat penilai (who decides objections)

When the account that should approve is unknown (no akun_git, or the person is not in this
repository), the unit's admins approve instead and a warning names the folder; when the unit
has no admin either, the line is left out (the catch-all applies) and the warning says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja.fakta import Fakta
from kinerja.laporan import satu_baris
from kinerja.model import Arsip
from kinerja.pemeriksaan import Pohon
from kinerja.riwayat import akar_git
from kinerja.tembolok import Tembolok
from kinerja.yamlio import tulis_atomik

LOKASI = {"github": ".github/CODEOWNERS", "gitlab": ".gitlab/CODEOWNERS"}
PERINTAH = {"github": "kinerja codeowners", "gitlab": "kinerja codeowners --format gitlab"}


@dataclass(frozen=True)
class Codeowners:
    teks: str
    peringatan: list[str]


def _akun(arsip: Arsip, nip: str | None) -> str | None:
    for pegawai in arsip.pegawai_nip(nip) if nip else []:
        if pegawai.akun_git:
            return pegawai.akun_git
    return None


def _sebab(arsip: Arsip, nip: str | None, siapa: str) -> str:
    """Why nobody's account is known for a person."""
    if nip is None:
        return f"{siapa} tidak diketahui"
    if not arsip.pegawai_nip(nip):
        return f"{siapa} ({nip}) tidak ada di rekaman repositori ini"
    return f"{siapa} ({nip}) belum mencantumkan akun_git di profilnya"


def buat(arsip: Arsip, records_dari_akar: str, format_: str = "github") -> Codeowners:
    """The file's text for a model; records_dari_akar: the records folder relative to the
    repository root ("records"). Both hosts read the same syntax; only the place differs."""
    base = "/" + records_dari_akar.strip("/") + "/" if records_dari_akar not in ("", ".") else "/"
    peringatan: list[str] = []
    semua_admin = sorted({a for unit in arsip.units.values() for a in unit.admin})
    fakta = Fakta(arsip)
    lines = [
        f"# Dibuat oleh '{PERINTAH[format_]}' dari rekaman; jangan disunting langsung, jalankan ulang perintahnya.",
        "# Pola terakhir yang cocok yang berlaku: pola umum di atas, pola khusus di bawah.",
        "",
        _baris("*", semua_admin),
    ]
    if not semua_admin:
        peringatan.append("Tidak ada unit yang mencantumkan admin: pola umum '*' tanpa pemilik.")

    def baris(pattern: str, nip: str | None, admin: list[str], siapa: str, sebab: str | None = None,
              bersama: list[str] | None = None) -> None:
        """The line for the person's account (with bersama, when given), else the admins' with a warning."""
        akun = _akun(arsip, nip)
        sebab = sebab or _sebab(arsip, nip, siapa)
        if akun:
            lines.append(_baris(pattern, [akun] + [a for a in bersama or [] if a != akun]))
        elif admin:
            lines.append(_baris(pattern, admin))
            peringatan.append(f"{pattern}: {sebab}; admin unit yang meninjau.")
        else:
            peringatan.append(f"{pattern}: tidak ada yang dapat menyetujui ({sebab} "
                              "dan unit tidak mencantumkan admin).")

    for kode in sorted(arsip.units):
        unit = arsip.units[kode]
        folder = f"{base}{kode}/"
        lines += ["", f"# {satu_baris(unit.nama)}"]  # a line break in the name must not add a rule
        if unit.admin:
            lines.append(_baris(folder, unit.admin))
        else:
            peringatan.append(f"{folder}: unit tidak mencantumkan admin (unit.yaml 'admin').")
        pegawai = sorted((p for (u, _), p in arsip.pegawai.items() if u == kode), key=lambda p: p.nip)
        for p in pegawai:
            baris(f"{folder}pegawai/{p.nip}/", p.penilai, unit.admin, "penilai")
        if unit.admin:
            lines.append(_baris(f"{folder}pegawai/*/profil.yaml", unit.admin))
            lines.append(_baris(f"{folder}unit.yaml", unit.admin))
        baris(f"{folder}tim/", unit.pimpinan, unit.admin, "pimpinan unit", bersama=unit.admin)
        induk = arsip.units.get(unit.induk) if unit.induk else None
        tanpa_induk = (f"unit induk {unit.induk} tidak ada di repositori ini" if unit.induk
                       else "unit tidak mencantumkan induk")
        baris(f"{folder}organisasi/", induk.pimpinan if induk else None, unit.admin, "pimpinan unit induk",
              None if induk else tanpa_induk)
        for p in pegawai:
            for skp in p.skp:
                baris(f"{folder}pegawai/{p.nip}/{skp.folder}/keberatan/", fakta.atasan_penilai(skp), unit.admin,
                      "atasan pejabat penilai")
    return Codeowners("\n".join(lines) + "\n", peringatan)


def _baris(pattern: str, akun: list[str]) -> str:
    return " ".join([pattern] + [f"@{a}" for a in akun])


@dataclass(frozen=True)
class Hasil:
    sesuai: bool  # written, or (when checking) already up to date
    pesan: str
    peringatan: list[str]


def jalankan(records: Path, format_: str, *, periksa: bool, cache: Tembolok | None = None) -> Hasil:
    """Write the file for the repository records is in (or, periksa, compare it)."""
    pohon = Pohon(records, cache)
    model = pohon.model(pohon.kelompok)
    root = akar_git(records) or records.resolve().parent
    hasil = buat(model, records.resolve().relative_to(root).as_posix(), format_)
    lokasi = LOKASI[format_]
    target = root / lokasi
    if periksa:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == hasil.teks:
            return Hasil(True, f"{lokasi} sesuai dengan rekaman.", hasil.peringatan)
        keadaan = "belum ada" if current is None else "usang"
        return Hasil(False, f"{lokasi} {keadaan}; jalankan '{PERINTAH[format_]}' lalu komit hasilnya.",
                     hasil.peringatan)
    tulis_atomik(target, hasil.teks)
    return Hasil(True, f"{lokasi} ditulis.", hasil.peringatan)
