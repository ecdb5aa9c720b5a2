"""Plausibility of a NIP (PNS) or NI PPPK: 18 digits `YYYYMMDD YYYYMM G NNN`.

The birth date (digits 1-8) must exist and lie between 1900 and today; the sex digit
(15th) is 1 or 2. For a PNS the year-month of first appointment (digits 9-14) must exist,
fall in or after the month of the 18th birthday, and not lie in the future. The middle
digits of an NI PPPK differ between sources, so they are not checked.
"""

from __future__ import annotations

from datetime import date

from kinerja.yamlio import NIP

TAHUN_LAHIR_TERAWAL = 1900
USIA_PENGANGKATAN = 18


def masalah_nip(nip: str, jenis_asn: str = "pns", hari_ini: date | None = None) -> str | None:
    """Why nip is not a plausible NIP (jenis_asn "pns") or NI PPPK ("pppk"), or None.

    hari_ini: the day "the future" is counted from (today by default)."""
    if not NIP.match(nip):
        return "harus 18 angka"
    hari_ini = hari_ini or date.today()
    try:
        lahir = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return f"delapan angka pertama ({nip[:8]}) bukan tanggal lahir yang ada"
    if lahir.year < TAHUN_LAHIR_TERAWAL or lahir > hari_ini:
        return f"tanggal lahir {lahir.isoformat()} tidak masuk akal"
    if nip[14] not in "12":
        return f"angka ke-15 ({nip[14]}) harus 1 (pria) atau 2 (wanita)"
    if jenis_asn == "pns":
        return _masalah_pengangkatan(int(nip[8:12]), int(nip[12:14]), lahir, hari_ini)
    return None


def _masalah_pengangkatan(tahun: int, bulan: int, lahir: date, hari_ini: date) -> str | None:
    if not 1 <= bulan <= 12:
        return f"bulan pengangkatan ({bulan:02d}) tidak ada"
    diangkat = f"{tahun:04d}-{bulan:02d}"
    if (tahun, bulan) < (lahir.year + USIA_PENGANGKATAN, lahir.month):
        return (f"pengangkatan {diangkat} terjadi sebelum usia {USIA_PENGANGKATAN} tahun "
                f"(lahir {lahir.isoformat()})")
    if (tahun, bulan) > (hari_ini.year, hari_ini.month):
        return f"pengangkatan {diangkat} belum terjadi (setelah bulan ini)"
    return None
