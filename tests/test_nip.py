"""kinerja.nip.masalah_nip: plausibility of a NIP (PNS) and NI PPPK."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja.nip import masalah_nip

HARI_INI = date(2026, 6, 15)


@pytest.mark.parametrize("nip, jenis", [
    ("199203142019032001", "pns"),
    ("199203142010031001", "pns"),  # appointed in the month of the 18th birthday
    ("200806012026061001", "pns"),  # appointed this month, at 18
    ("199203142019032001", "pppk"),
    ("199203149999992001", "pppk"),  # the middle digits of an NI PPPK are not checked
])
def test_plausible(nip, jenis):
    assert masalah_nip(nip, jenis, HARI_INI) is None


@pytest.mark.parametrize("nip, jenis, pesan", [
    ("199202302019032001", "pns", "delapan angka pertama (19920230) bukan tanggal lahir yang ada"),
    ("199203142019033001", "pns", "angka ke-15 (3) harus 1 (pria) atau 2 (wanita)"),
    ("199203142019132001", "pns", "bulan pengangkatan (13) tidak ada"),
    ("199203142010022001", "pns", "pengangkatan 2010-02 terjadi sebelum usia 18 tahun (lahir 1992-03-14)"),
    ("199212142010112001", "pns", "pengangkatan 2010-11 terjadi sebelum usia 18 tahun"),  # year+18, month before
    ("199203142026072001", "pns", "pengangkatan 2026-07 belum terjadi (setelah bulan ini)"),
    ("199203142099012001", "pns", "pengangkatan 2099-01 belum terjadi"),
    ("000101012019032001", "pns", "tanggal lahir 0001-01-01 tidak masuk akal"),
    ("202701012019032001", "pppk", "tanggal lahir 2027-01-01 tidak masuk akal"),
    ("19920314201903200", "pns", "harus 18 angka"),
    ("199203142019032001\n", "pns", "harus 18 angka"),
])
def test_implausible(nip, jenis, pesan):
    assert pesan in (masalah_nip(nip, jenis, HARI_INI) or "")


def test_the_future_is_counted_from_today_by_default():
    bulan_depan = date.today().replace(day=1).toordinal() + 40
    besok = date.fromordinal(bulan_depan)
    nip = f"19800101{besok.year:04d}{besok.month:02d}1001"
    assert "belum terjadi" in masalah_nip(nip)
    assert masalah_nip("198001012005011001") is None
