"""The regulation engine against the rulebook (shared/domain.md), with tables copied here."""

import re
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.aturan import (
    BERAKHLAK,
    JENIS_ASN,
    JENIS_JABATAN,
    JENJANG,
    KEBUTUHAN_ANGKA_KREDIT,
    MAYORITAS,
    PERIODE,
    PREDIKAT,
    PREDIKAT_ORGANISASI,
    RATING,
    Aturan,
    Penilaian,
    angka_kredit,
    bulan_periode,
    capaian,
    format_angka,
    kebutuhan_angka_kredit,
    periksa_kurva,
    periode_valid,
    predikat,
    rating_berlaku,
    rating_bertentangan,
    rating_hasil_pimpinan,
    rating_pimpinan_berbeda,
    rentang_periode,
    uraian_kurva,
)

ATAS, SESUAI, BAWAH = "di_atas_ekspektasi", "sesuai_ekspektasi", "di_bawah_ekspektasi"

# --- code tables --------------------------------------------------------------------------


def test_rating_and_predikat_codes_in_order_with_labels():
    assert list(RATING.items()) == [
        ("di_atas_ekspektasi", "Di Atas Ekspektasi"),
        ("sesuai_ekspektasi", "Sesuai Ekspektasi"),
        ("di_bawah_ekspektasi", "Di Bawah Ekspektasi"),
    ]
    assert list(PREDIKAT.items()) == [
        ("sangat_baik", "Sangat Baik"),
        ("baik", "Baik"),
        ("butuh_perbaikan", "Butuh Perbaikan"),
        ("kurang", "Kurang/Misconduct"),
        ("sangat_kurang", "Sangat Kurang"),
    ]
    assert list(PREDIKAT_ORGANISASI) == ["istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"]
    assert PREDIKAT_ORGANISASI["istimewa"] == "Istimewa"
    assert JENIS_ASN == {"pns": "PNS", "pppk": "PPPK"}
    assert set(JENIS_JABATAN) == {
        "jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana", "fungsional",
    }


BERAKHLAK_DOMAIN = """
berorientasi_pelayanan | Berorientasi Pelayanan | Memahami dan memenuhi kebutuhan masyarakat · Ramah, cekatan, solutif, dan dapat diandalkan · Melakukan perbaikan tiada henti
akuntabel | Akuntabel | Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi · Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien · Tidak menyalahgunakan kewenangan jabatan
kompeten | Kompeten | Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah · Membantu orang lain belajar · Melaksanakan tugas dengan kualitas terbaik
harmonis | Harmonis | Menghargai setiap orang apapun latar belakangnya · Suka menolong orang lain · Membangun lingkungan kerja yang kondusif
loyal | Loyal | Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah · Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara · Menjaga rahasia jabatan dan negara
adaptif | Adaptif | Cepat menyesuaikan diri menghadapi perubahan · Terus berinovasi dan mengembangkan kreativitas · Bertindak proaktif
kolaboratif | Kolaboratif | Memberi kesempatan kepada berbagai pihak untuk berkontribusi · Terbuka dalam bekerja sama untuk menghasilkan nilai tambah · Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama
"""  # noqa: E501 (the regulation's table, verbatim)


def test_berakhlak_matches_domain_table():
    baris = [line.split(" | ") for line in BERAKHLAK_DOMAIN.strip().splitlines()]
    assert list(BERAKHLAK) == [kode for kode, _, _ in baris]
    for kode, label, panduan in baris:
        assert BERAKHLAK[kode].label == label
        assert BERAKHLAK[kode].panduan == tuple(panduan.split(" · "))


@pytest.mark.parametrize("jenjang, label, koefisien", [
    ("pemula", "Pemula", "3.75"),
    ("terampil", "Terampil", "5"),
    ("mahir", "Mahir", "12.5"),
    ("penyelia", "Penyelia", "25"),
    ("ahli_pertama", "Ahli Pertama", "12.5"),
    ("ahli_muda", "Ahli Muda", "25"),
    ("ahli_madya", "Ahli Madya", "37.5"),
    ("ahli_utama", "Ahli Utama", "50"),
])
def test_jenjang_coefficients_are_exact(jenjang, label, koefisien):
    assert JENJANG[jenjang].label == label
    assert JENJANG[jenjang].koefisien == Fraction(koefisien)
    # a full year at "baik" (100%) earns exactly the coefficient
    assert angka_kredit(jenjang, "baik", 12) == Fraction(koefisien)


def test_periode_labels_and_validity():
    assert [PERIODE[k] for k in ("tw1", "tw2", "tw3", "tw4")] == [
        "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"]
    assert PERIODE["b01"] == "Januari" and PERIODE["b08"] == "Agustus" and PERIODE["b12"] == "Desember"
    assert PERIODE["tahunan"] == "Tahunan"
    assert len(PERIODE) == 4 + 12 + 1
    assert periode_valid("tw3", "triwulanan") and not periode_valid("tw3", "bulanan")
    assert periode_valid("b07", "bulanan") and not periode_valid("b07", "triwulanan")
    assert periode_valid("tahunan", "triwulanan") and periode_valid("tahunan", "bulanan")
    assert not periode_valid("b13", "bulanan") and not periode_valid("tw5", "triwulanan")


@pytest.mark.parametrize("tahun, kode, mulai, selesai", [
    (2026, "tw1", date(2026, 1, 1), date(2026, 3, 31)),
    (2026, "tw2", date(2026, 4, 1), date(2026, 6, 30)),
    (2026, "tw3", date(2026, 7, 1), date(2026, 9, 30)),
    (2026, "tw4", date(2026, 10, 1), date(2026, 12, 31)),
    (2024, "b02", date(2024, 2, 1), date(2024, 2, 29)),
    (2026, "b02", date(2026, 2, 1), date(2026, 2, 28)),
    (2026, "b11", date(2026, 11, 1), date(2026, 11, 30)),
    (2026, "tahunan", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_rentang_periode(tahun, kode, mulai, selesai):
    assert rentang_periode(tahun, kode) == (mulai, selesai)


def test_rentang_periode_rejects_unknown_code():
    with pytest.raises(ValueError):
        rentang_periode(2026, "tw5")


# --- kuadran kinerja ------------------------------------------------------------------------

# Literal copy of domain.md's table: rows = hasil kerja, columns = perilaku (di bawah, sesuai, di atas).
KUADRAN_DOMAIN = """
di atas  | Kurang/Misconduct | Baik            | Sangat Baik
sesuai   | Kurang/Misconduct | Baik            | Baik
di bawah | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan
"""
LEVEL = {"di atas": ATAS, "sesuai": SESUAI, "di bawah": BAWAH}
KODE_PREDIKAT = {
    "Sangat Baik": "sangat_baik", "Baik": "baik", "Butuh Perbaikan": "butuh_perbaikan",
    "Kurang/Misconduct": "kurang", "Sangat Kurang": "sangat_kurang",
}


def _sel_kuadran():
    for line in KUADRAN_DOMAIN.strip().splitlines():
        hasil, *sel = (x.strip() for x in line.split("|"))
        for perilaku, label in zip(("di bawah", "sesuai", "di atas"), sel, strict=True):
            yield LEVEL[hasil], LEVEL[perilaku], label


@pytest.mark.parametrize("hasil, perilaku, label", list(_sel_kuadran()))
def test_kuadran_cell(hasil, perilaku, label):
    kode = predikat(hasil, perilaku)
    assert kode == KODE_PREDIKAT[label]
    assert PREDIKAT[kode] == label


def test_kuadran_has_nine_cells_and_rejects_unknown_rating():
    assert len(list(_sel_kuadran())) == 9
    with pytest.raises(ValueError):
        predikat("luar_biasa", SESUAI)
    with pytest.raises(ValueError):
        predikat(SESUAI, None)


# --- configurable rules ---------------------------------------------------------------------

RATING_PIMPINAN_DOMAIN = {
    "istimewa": ATAS, "baik": SESUAI, "butuh_perbaikan": BAWAH, "kurang": BAWAH, "sangat_kurang": BAWAH,
}


def test_aturan_defaults():
    for aturan in (Aturan(), Aturan.dari_unit(None), Aturan.dari_unit({})):
        assert aturan == Aturan()
        assert aturan.tenggat_skp == "01-31"
        assert aturan.hari_keberatan == 14
        assert dict(aturan.rating_pimpinan) == RATING_PIMPINAN_DOMAIN


@pytest.mark.parametrize("organisasi, rating", RATING_PIMPINAN_DOMAIN.items())
def test_unit_head_default_mapping(organisasi, rating):
    assert rating_hasil_pimpinan(organisasi, Aturan()) == rating


def test_unit_head_partial_override_merges_with_defaults():
    aturan = Aturan.dari_unit({"rating_pimpinan": {"baik": ATAS, "butuh_perbaikan": SESUAI}})
    assert rating_hasil_pimpinan("baik", aturan) == ATAS
    assert rating_hasil_pimpinan("butuh_perbaikan", aturan) == SESUAI
    assert rating_hasil_pimpinan("istimewa", aturan) == ATAS
    assert rating_hasil_pimpinan("kurang", aturan) == BAWAH
    assert aturan.hari_keberatan == 14 and aturan.tenggat_skp == "01-31"


def test_aturan_is_immutable_and_copies_its_mapping():
    asal = dict(RATING_PIMPINAN_DOMAIN)
    aturan = Aturan(rating_pimpinan=asal)
    asal["baik"] = BAWAH
    assert aturan.rating_pimpinan["baik"] == SESUAI
    with pytest.raises(TypeError):
        aturan.rating_pimpinan["baik"] = BAWAH  # type: ignore[index]
    assert hash(aturan) == hash(Aturan())


@pytest.mark.parametrize("isi", [
    {"tenggat_skp": "13-01"},
    {"tenggat_skp": "02-30"},
    {"tenggat_skp": "1-31"},
    {"hari_keberatan": 0},
    {"hari_keberatan": True},
    {"rating_pimpinan": {"baik": "luar_biasa"}},
    {"rating_pimpinan": {"hebat": ATAS}},
])
def test_aturan_rejects_bad_values(isi):
    with pytest.raises(ValueError):
        Aturan.dari_unit(isi)


def test_tenggat_skp():
    assert Aturan().tenggat_skp_tanggal(2026) == date(2026, 1, 31)
    assert Aturan.dari_unit({"tenggat_skp": "02-15"}).tenggat_skp_tanggal(2026) == date(2026, 2, 15)
    akhir_februari = Aturan.dari_unit({"tenggat_skp": "02-29"})
    assert akhir_februari.tenggat_skp_tanggal(2024) == date(2024, 2, 29)
    assert akhir_februari.tenggat_skp_tanggal(2026) == date(2026, 2, 28)


@pytest.mark.parametrize("diberikan", [date(2026, 4, 8), date(2026, 12, 20), date(2028, 2, 20)])
def test_objection_deadline_default_14_days(diberikan):
    batas = Aturan().batas_keberatan(diberikan)
    hari_14 = diberikan + timedelta(days=14)
    hari_15 = diberikan + timedelta(days=15)
    assert hari_14 <= batas  # on time
    assert hari_15 > batas  # late


def test_objection_deadline_concrete_and_override():
    assert Aturan().batas_keberatan(date(2026, 12, 20)) == date(2027, 1, 3)
    tujuh = Aturan.dari_unit({"hari_keberatan": 7})
    assert tujuh.batas_keberatan(date(2026, 4, 8)) == date(2026, 4, 15)
    assert date(2026, 4, 16) > tujuh.batas_keberatan(date(2026, 4, 8))


# --- ratings that count ---------------------------------------------------------------------


def test_rating_berlaku_from_evaluation():
    hasil = rating_berlaku(ATAS, ATAS, aturan=Aturan())
    assert hasil == Penilaian(ATAS, ATAS, "sangat_baik", "evaluasi")


def test_rating_berlaku_missing_rating_has_no_predikat():
    assert rating_berlaku(SESUAI, None, aturan=Aturan()) == Penilaian(SESUAI, None, None, "evaluasi")
    # a non-head without results rating does not take the organisation rating
    tanpa = rating_berlaku(None, SESUAI, pimpinan=False, predikat_organisasi="istimewa", aturan=Aturan())
    assert tanpa == Penilaian(None, SESUAI, None, "evaluasi")
    # a head without results rating and no organisation rating yet
    kosong = rating_berlaku(None, SESUAI, pimpinan=True, aturan=Aturan())
    assert kosong == Penilaian(None, SESUAI, None, "evaluasi")


def test_rating_berlaku_head_takes_organisation_rating():
    hasil = rating_berlaku(None, ATAS, pimpinan=True, predikat_organisasi="istimewa", aturan=Aturan())
    assert hasil == Penilaian(ATAS, ATAS, "sangat_baik", "organisasi")
    hasil = rating_berlaku(None, ATAS, pimpinan=True, predikat_organisasi="kurang", aturan=Aturan())
    assert hasil == Penilaian(BAWAH, ATAS, "butuh_perbaikan", "organisasi")
    diubah = Aturan.dari_unit({"rating_pimpinan": {"kurang": SESUAI}})
    hasil = rating_berlaku(None, ATAS, pimpinan=True, predikat_organisasi="kurang", aturan=diubah)
    assert hasil == Penilaian(SESUAI, ATAS, "baik", "organisasi")


def test_head_own_rating_is_kept_and_disagreement_reported():
    hasil = rating_berlaku(ATAS, SESUAI, pimpinan=True, predikat_organisasi="baik", aturan=Aturan())
    assert hasil == Penilaian(ATAS, SESUAI, "baik", "evaluasi")
    assert rating_pimpinan_berbeda(ATAS, "baik", Aturan())
    assert not rating_pimpinan_berbeda(SESUAI, "baik", Aturan())
    assert not rating_pimpinan_berbeda(None, "baik", Aturan())
    assert not rating_pimpinan_berbeda(ATAS, None, Aturan())
    assert not rating_pimpinan_berbeda(ATAS, "baik", Aturan.dari_unit({"rating_pimpinan": {"baik": ATAS}}))


@pytest.mark.parametrize("hasil, perilaku, pimpinan, organisasi", [
    (ATAS, ATAS, False, None),
    (None, ATAS, True, "istimewa"),
    (ATAS, None, True, "baik"),
    (None, None, False, None),
])
def test_objection_decision_wins(hasil, perilaku, pimpinan, organisasi):
    nilai = rating_berlaku(hasil, perilaku, pimpinan=pimpinan, predikat_organisasi=organisasi,
                           keputusan=(BAWAH, SESUAI), aturan=Aturan())
    assert nilai == Penilaian(BAWAH, SESUAI, "butuh_perbaikan", "keberatan")


# --- distribution curves --------------------------------------------------------------------


@pytest.mark.parametrize("organisasi, jumlah, awalan", [
    # istimewa: most are sangat_baik, at most 70%
    ("istimewa", {"sangat_baik": 7, "baik": 3}, []),
    ("istimewa", {"sangat_baik": 71, "baik": 29}, ["Predikat Sangat Baik 71 dari 100 pegawai"]),
    ("istimewa", {"sangat_baik": 4, "baik": 3, "kurang": 3}, []),
    ("istimewa", {"sangat_baik": 3, "baik": 3, "kurang": 1}, ["Predikat Sangat Baik 3 dari 7 pegawai"]),  # a tie
    # baik: most are baik, at most 70%; at least one butuh_perbaikan or kurang
    ("baik", {"baik": 7, "butuh_perbaikan": 3}, []),
    ("baik", {"baik": 71, "kurang": 29}, ["Predikat Baik 71 dari 100 pegawai"]),
    ("baik", {"baik": 6, "sangat_baik": 3, "kurang": 1}, []),
    ("baik", {"baik": 6, "sangat_baik": 3, "butuh_perbaikan": 1}, []),
    ("baik", {"sangat_baik": 9, "kurang": 1}, ["Predikat Baik 0 dari 10 pegawai"]),
    ("baik", {"sangat_baik": 4, "baik": 6},
     ["Predikat Butuh Perbaikan dan Kurang/Misconduct 0 dari 10 pegawai"]),
    ("baik", {"sangat_kurang": 10}, ["Predikat Baik 0 dari 10 pegawai",
                                     "Predikat Butuh Perbaikan dan Kurang/Misconduct 0 dari 10 pegawai"]),
    # butuh_perbaikan: butuh_perbaikan at least 60%; sangat_baik at most 10%
    ("butuh_perbaikan", {"butuh_perbaikan": 6, "baik": 3, "sangat_baik": 1}, []),
    ("butuh_perbaikan", {"butuh_perbaikan": 59, "baik": 41}, ["Predikat Butuh Perbaikan 59 dari 100 pegawai"]),
    ("butuh_perbaikan", {"butuh_perbaikan": 60, "sangat_baik": 11, "baik": 29},
     ["Predikat Sangat Baik 11 dari 100 pegawai"]),
    # kurang: kurang at least 60%; butuh_perbaikan at least 10%; sangat_baik at most 10%
    ("kurang", {"kurang": 6, "butuh_perbaikan": 1, "sangat_baik": 1, "baik": 2}, []),
    ("kurang", {"kurang": 59, "butuh_perbaikan": 10, "baik": 31}, ["Predikat Kurang/Misconduct 59 dari 100 pegawai"]),
    ("kurang", {"kurang": 60, "butuh_perbaikan": 9, "baik": 31}, ["Predikat Butuh Perbaikan 9 dari 100 pegawai"]),
    ("kurang", {"kurang": 60, "butuh_perbaikan": 10, "sangat_baik": 11, "baik": 19},
     ["Predikat Sangat Baik 11 dari 100 pegawai"]),
    # sangat_kurang: sangat_kurang at least 60%; kurang + butuh_perbaikan at least 10%; no sangat_baik
    ("sangat_kurang", {"sangat_kurang": 6, "kurang": 1, "baik": 3}, []),
    ("sangat_kurang", {"sangat_kurang": 6, "butuh_perbaikan": 1, "baik": 3}, []),
    ("sangat_kurang", {"sangat_kurang": 60, "kurang": 5, "butuh_perbaikan": 5, "baik": 30}, []),
    ("sangat_kurang", {"sangat_kurang": 59, "kurang": 10, "baik": 31}, ["Predikat Sangat Kurang 59 dari 100 pegawai"]),
    ("sangat_kurang", {"sangat_kurang": 60, "kurang": 5, "butuh_perbaikan": 4, "baik": 31},
     ["Predikat Kurang/Misconduct dan Butuh Perbaikan 9 dari 100 pegawai"]),
    ("sangat_kurang", {"sangat_kurang": 60, "kurang": 10, "sangat_baik": 1, "baik": 29},
     ["Predikat Sangat Baik 1 dari 100 pegawai"]),
    # several violations come in the regulation's order
    ("sangat_kurang", {"sangat_baik": 10}, [
        "Predikat Sangat Kurang 0 dari 10 pegawai",
        "Predikat Kurang/Misconduct dan Butuh Perbaikan 0 dari 10 pegawai",
        "Predikat Sangat Baik 10 dari 10 pegawai",
    ]),
])
def test_curve_boundaries(organisasi, jumlah, awalan):
    pelanggaran = periksa_kurva(organisasi, jumlah)
    assert len(pelanggaran) == len(awalan), pelanggaran
    for kalimat, awal in zip(pelanggaran, awalan, strict=True):
        assert kalimat.startswith(awal + " ("), kalimat


@pytest.mark.parametrize("organisasi", list(PREDIKAT_ORGANISASI))
def test_curve_with_nobody_has_nothing_to_check(organisasi):
    assert periksa_kurva(organisasi, {}) == []
    assert periksa_kurva(organisasi, {kode: 0 for kode in PREDIKAT}) == []


@pytest.mark.parametrize("organisasi, jumlah, kalimat", [
    ("istimewa", {"sangat_baik": 8, "baik": 2}, "Predikat Sangat Baik 8 dari 10 pegawai (80%), paling banyak 70%."),
    ("baik", {"baik": 5, "kurang": 1}, "Predikat Baik 5 dari 6 pegawai (83,3%), paling banyak 70%."),
    ("baik", {"baik": 2, "sangat_baik": 1},
     "Predikat Butuh Perbaikan dan Kurang/Misconduct 0 dari 3 pegawai (0%), paling sedikit 1 pegawai."),
    ("baik", {"baik": 2, "sangat_baik": 2, "kurang": 1},
     "Predikat Baik 2 dari 5 pegawai (40%), bukan sebagian besar: harus lebih banyak daripada predikat lain mana pun."),
    ("butuh_perbaikan", {"butuh_perbaikan": 5, "sangat_baik": 1},
     "Predikat Sangat Baik 1 dari 6 pegawai (16,7%), paling banyak 10%."),
    ("butuh_perbaikan", {"butuh_perbaikan": 1, "baik": 2},
     "Predikat Butuh Perbaikan 1 dari 3 pegawai (33,3%), paling sedikit 60%."),
    ("sangat_kurang", {"sangat_kurang": 8, "kurang": 1, "sangat_baik": 1},
     "Predikat Sangat Baik 1 dari 10 pegawai (10%), tidak boleh ada."),
    # a share just past the limit never shows as the limit itself
    ("istimewa", {"sangat_baik": 7001, "baik": 2999},
     "Predikat Sangat Baik 7001 dari 10000 pegawai (70,1%), paling banyak 70%."),
    ("butuh_perbaikan", {"butuh_perbaikan": 5999, "baik": 4001},
     "Predikat Butuh Perbaikan 5999 dari 10000 pegawai (59,9%), paling sedikit 60%."),
])
def test_curve_sentences(organisasi, jumlah, kalimat):
    assert periksa_kurva(organisasi, jumlah) == [kalimat]


def test_curve_rejects_unknown_codes_and_bad_counts():
    with pytest.raises(ValueError):
        periksa_kurva("luar_biasa", {"baik": 1})
    with pytest.raises(ValueError):
        periksa_kurva("baik", {"cukup": 1})
    with pytest.raises(ValueError):
        periksa_kurva("baik", {"baik": -1})


def test_uraian_kurva_reads_like_the_regulation():
    assert uraian_kurva("istimewa") == [
        "Sangat Baik sebagian besar (lebih banyak daripada predikat lain mana pun)", "Sangat Baik paling banyak 70%"]
    assert uraian_kurva("baik", "lebih_dari_separuh") == [
        "Baik sebagian besar (lebih dari separuh pegawai)",
        "Baik paling banyak 70%", "Butuh Perbaikan dan Kurang/Misconduct paling sedikit 1 pegawai"]
    assert uraian_kurva("sangat_kurang") == [
        "Sangat Kurang paling sedikit 60%",
        "Kurang/Misconduct dan Butuh Perbaikan paling sedikit 10%",
        "Sangat Baik tidak boleh ada",
    ]


def _kurva_brute_force(organisasi, jumlah, mayoritas="terbanyak"):
    """The domain table's curve, checked with floor/ceiling head counts (independent of the module).
    Returns (label in the sentence, head count, limit in percent or None) for each broken rule."""
    total = sum(jumlah.values())
    n = {kode: jumlah.get(kode, 0) for kode in PREDIKAT}

    def sebagian_besar(kode):
        def cek(bagian, _):
            if mayoritas == "lebih_dari_separuh":
                return bagian > total / 2
            return all(bagian > n[k] for k in n if k != kode)
        return cek

    def paling_banyak(bagian, persen):
        return bagian <= total * persen // 100

    def paling_sedikit(bagian, persen):
        return bagian >= -(-total * persen // 100)

    aturan = {
        "istimewa": [("Sangat Baik", n["sangat_baik"], sebagian_besar("sangat_baik"), None),
                     ("Sangat Baik", n["sangat_baik"], paling_banyak, 70)],
        "baik": [
            ("Baik", n["baik"], sebagian_besar("baik"), None),
            ("Baik", n["baik"], paling_banyak, 70),
            ("Butuh Perbaikan dan Kurang/Misconduct", n["butuh_perbaikan"] + n["kurang"],
             lambda bagian, _: bagian > 0, None),
        ],
        "butuh_perbaikan": [
            ("Butuh Perbaikan", n["butuh_perbaikan"], paling_sedikit, 60),
            ("Sangat Baik", n["sangat_baik"], paling_banyak, 10),
        ],
        "kurang": [
            ("Kurang/Misconduct", n["kurang"], paling_sedikit, 60),
            ("Butuh Perbaikan", n["butuh_perbaikan"], paling_sedikit, 10),
            ("Sangat Baik", n["sangat_baik"], paling_banyak, 10),
        ],
        "sangat_kurang": [
            ("Sangat Kurang", n["sangat_kurang"], paling_sedikit, 60),
            ("Kurang/Misconduct dan Butuh Perbaikan", n["kurang"] + n["butuh_perbaikan"], paling_sedikit, 10),
            ("Sangat Baik", n["sangat_baik"], lambda bagian, _: bagian == 0, None),
        ],
    }[organisasi]
    if total == 0:
        return []
    return [(label, bagian, persen) for label, bagian, cek, persen in aturan if not cek(bagian, persen)]


def _sama_dengan_brute_force(organisasi, jumlah, mayoritas="terbanyak"):
    pelanggaran = periksa_kurva(organisasi, jumlah, mayoritas)
    harapan = _kurva_brute_force(organisasi, jumlah, mayoritas)
    assert len(pelanggaran) == len(harapan), (organisasi, jumlah, pelanggaran)
    total = sum(jumlah.values())
    for kalimat, (label, bagian, batas) in zip(pelanggaran, harapan, strict=True):
        assert kalimat.startswith(f"Predikat {label} {bagian} dari {total} pegawai (")
        tampil = Fraction(re.search(r"\((\d+(?:,\d)?)%\)", kalimat).group(1).replace(",", "."))
        benar = Fraction(bagian * 100, total)
        assert abs(tampil - benar) < Fraction(1, 10)
        if batas is not None:  # the shown share stays on the broken side of the limit
            assert (tampil > batas) if "paling banyak" in kalimat else (tampil < batas)


@given(
    organisasi=st.sampled_from(list(PREDIKAT_ORGANISASI)),
    mayoritas=st.sampled_from(list(MAYORITAS)),
    jumlah=st.dictionaries(st.sampled_from(list(PREDIKAT)),
                           st.one_of(st.integers(min_value=0, max_value=12), st.integers(min_value=0, max_value=5000))),
)
@settings(max_examples=200)
def test_curve_agrees_with_brute_force(organisasi, mayoritas, jumlah):
    _sama_dengan_brute_force(organisasi, jumlah, mayoritas)


def _semua_sebaran(total, kode):
    """Every way to spread ``total`` employees over the predikat codes ``kode``."""
    if len(kode) == 1:
        yield {kode[0]: total}
        return
    for n in range(total + 1):
        for sisa in _semua_sebaran(total - n, kode[1:]):
            yield {kode[0]: n, **sisa}


@pytest.mark.parametrize("mayoritas", list(MAYORITAS))
@pytest.mark.parametrize("organisasi", list(PREDIKAT_ORGANISASI))
def test_curve_agrees_with_brute_force_on_every_small_unit(organisasi, mayoritas):
    # units of up to 10 employees land exactly on every 10%, 60% and 70% boundary (and on every
    # tie and half of "most")
    for total in range(11):
        for jumlah in _semua_sebaran(total, list(PREDIKAT)):
            _sama_dengan_brute_force(organisasi, jumlah, mayoritas)


@pytest.mark.parametrize("jumlah, terbanyak, separuh", [
    ({"baik": 4, "sangat_baik": 3, "kurang": 3}, True, False),   # most by count, not more than half
    ({"baik": 5, "sangat_baik": 4, "kurang": 1}, True, False),   # exactly half is not more than half
    ({"baik": 6, "sangat_baik": 3, "kurang": 1}, True, True),
    ({"baik": 3, "sangat_baik": 3, "kurang": 1}, False, False),  # a tie is not most
])
def test_kurva_mayoritas_both_ways_on_both_sides_of_the_boundary(jumlah, terbanyak, separuh):
    for mayoritas, sesuai in (("terbanyak", terbanyak), ("lebih_dari_separuh", separuh)):
        pelanggaran = [k for k in periksa_kurva("baik", jumlah, mayoritas) if "sebagian besar" in k]
        assert (not pelanggaran) == sesuai, (mayoritas, pelanggaran)


# --- credit points --------------------------------------------------------------------------


def test_credit_points_worked_example():
    tahun_pertama = angka_kredit("ahli_pertama", "sangat_baik", bulan_periode(date(2026, 1, 1), date(2026, 12, 31)))
    assert tahun_pertama == Fraction("18.75")
    dua_bulan = angka_kredit("ahli_pertama", "baik", bulan_periode(date(2027, 1, 1), date(2027, 2, 28)))
    assert dua_bulan == Fraction(2, 12) * Fraction("12.5")
    assert format_angka(tahun_pertama) == "18,75"
    assert format_angka(dua_bulan) == "2,08"
    assert format_angka(tahun_pertama + dua_bulan) == "20,83"


@pytest.mark.parametrize("kode, persen", [
    ("sangat_baik", 150), ("baik", 100), ("butuh_perbaikan", 75), ("kurang", 50), ("sangat_kurang", 25),
])
def test_credit_point_percentages(kode, persen):
    assert angka_kredit("ahli_muda", kode, 12) == Fraction(persen, 100) * 25
    assert angka_kredit("ahli_muda", kode, 3) == Fraction(3, 12) * Fraction(persen, 100) * 25


def test_credit_points_sum_before_rounding():
    # three one-month periods of 12.5 * 1/12 = 1.041666...: the display of the sum is not the sum of displays
    bulan = [angka_kredit("ahli_pertama", "baik", 1) for _ in range(3)]
    assert format_angka(sum(bulan)) == "3,13"
    assert sum(Fraction(format_angka(x).replace(",", ".")) for x in bulan) == Fraction("3.12")


def test_credit_points_reject_bad_input():
    with pytest.raises(ValueError):
        angka_kredit("ahli_super", "baik", 12)
    with pytest.raises(ValueError):
        angka_kredit("ahli_muda", "cukup", 12)
    with pytest.raises(ValueError):
        angka_kredit("ahli_muda", "baik", -1)


@pytest.mark.parametrize("x, digits, teks", [
    (Fraction(1, 8), 2, "0,13"),
    (Fraction(-1, 8), 2, "-0,13"),
    (Fraction(1, 200), 2, "0,01"),
    (Decimal("2.675"), 2, "2,68"),
    (2.675, 2, "2,68"),
    (12, 2, "12,00"),
    (Fraction(5, 2), 0, "3"),
    (Fraction(2, 3), 3, "0,667"),
    (Fraction(0), 1, "0,0"),
])
def test_format_angka(x, digits, teks):
    assert format_angka(x, digits) == teks


@pytest.mark.parametrize("mulai, selesai, bulan", [
    (date(2026, 1, 1), date(2026, 12, 31), 12),
    (date(2026, 1, 1), date(2026, 2, 28), 2),
    (date(2026, 7, 15), date(2026, 12, 31), 6),
    (date(2026, 3, 31), date(2026, 4, 1), 2),
    (date(2026, 5, 10), date(2026, 5, 10), 1),
    (date(2025, 11, 15), date(2026, 2, 1), 4),
])
def test_bulan_periode(mulai, selesai, bulan):
    assert bulan_periode(mulai, selesai) == bulan


def test_bulan_periode_rejects_reversed_period():
    with pytest.raises(ValueError):
        bulan_periode(date(2026, 2, 1), date(2026, 1, 31))


# --- advisory capaian -----------------------------------------------------------------------


@pytest.mark.parametrize("target, nilai, arah, hasil", [
    # naik: realisasi / target
    ({"nilai": 4, "satuan": "modul"}, 1, "naik", Fraction(1, 4)),
    ({"nilai": 4, "satuan": "modul"}, 4, "naik", Fraction(1)),
    ({"nilai": 4, "satuan": "modul"}, 6, "naik", Fraction(3, 2)),
    ({"nilai": 2, "satuan": "jam"}, 0.5, "naik", Fraction(1, 4)),
    ({"nilai": 4, "satuan": "modul"}, 0, "naik", Fraction(0)),
    # turun: target / realisasi; zero realisation is fully met
    ({"nilai": 10, "satuan": "hari"}, 5, "turun", Fraction(2)),
    ({"nilai": 10, "satuan": "hari"}, 20, "turun", Fraction(1, 2)),
    ({"nilai": 10, "satuan": "hari"}, 10, "turun", Fraction(1)),
    ({"nilai": 10, "satuan": "hari"}, 0, "turun", Fraction(1)),
    # range, naik
    ({"min": 80, "maks": 90, "satuan": "%"}, 85, "naik", Fraction(1)),
    ({"min": 80, "maks": 90, "satuan": "%"}, 80, "naik", Fraction(1)),
    ({"min": 80, "maks": 90, "satuan": "%"}, 90, "naik", Fraction(1)),
    ({"min": 80, "maks": 90, "satuan": "%"}, 40, "naik", Fraction(1, 2)),
    ({"min": 80, "maks": 90, "satuan": "%"}, 99, "naik", Fraction(11, 10)),
    # range, turun
    ({"min": 2, "maks": 4, "satuan": "hari"}, 3, "turun", Fraction(1)),
    ({"min": 2, "maks": 4, "satuan": "hari"}, 8, "turun", Fraction(1, 2)),
    ({"min": 2, "maks": 4, "satuan": "hari"}, 1, "turun", Fraction(2)),
    ({"min": 2, "maks": 4, "satuan": "hari"}, 0, "turun", Fraction(1)),
    ({"min": 0, "maks": 4, "satuan": "hari"}, 0, "turun", Fraction(1)),
])
def test_capaian(target, nilai, arah, hasil):
    assert capaian(target, nilai, arah) == hasil


@pytest.mark.parametrize("target, nilai", [
    ("Laporan disetujui pimpinan tanpa revisi", "Disetujui"),  # kualitatif
    ("Laporan disetujui pimpinan tanpa revisi", 1),
    ({"nilai": 4, "satuan": "modul"}, "empat modul"),
    ({"nilai": 4, "satuan": "modul"}, None),
    ({"nilai": 4, "satuan": "modul"}, True),
    ({"nilai": 4, "satuan": "modul"}, -1),
    ({"nilai": 0, "satuan": "temuan"}, 0),
    ({"min": 0, "maks": 0, "satuan": "temuan"}, 0),
    ({"min": 9, "maks": 3, "satuan": "hari"}, 5),
    (None, 3),
])
def test_capaian_unknown(target, nilai):
    assert capaian(target, nilai) is None
    assert capaian(target, nilai, "turun") is None


def test_capaian_rejects_unknown_direction():
    with pytest.raises(ValueError):
        capaian({"nilai": 4, "satuan": "modul"}, 4, "datar")


@pytest.mark.parametrize("rating, daftar, bertentangan", [
    (ATAS, [Fraction(1, 2), None, Fraction(9, 10)], True),
    (ATAS, [Fraction(1, 2), Fraction(1)], False),
    (BAWAH, [Fraction(1), Fraction(3, 2)], True),
    (BAWAH, [Fraction(1), Fraction(1, 2)], False),
    (SESUAI, [Fraction(1, 10)], False),
    (SESUAI, [Fraction(3)], False),
    (ATAS, [], False),
    (BAWAH, [None, None], False),
    (None, [Fraction(1, 2)], False),
])
def test_rating_bertentangan(rating, daftar, bertentangan):
    assert rating_bertentangan(rating, daftar) is bertentangan


def test_credit_point_needs_override_the_default_table_golongan_by_golongan():
    rules = Aturan.dari_unit({"kebutuhan_angka_kredit": {"ahli_pertama": {"III/b": 120},
                                                          "pemula": {"II/a": None}}})
    tabel = rules.kebutuhan_angka_kredit
    assert tabel["ahli_pertama"] == {"III/a": 50, "III/b": 120}
    assert tabel["pemula"] == {"II/a": None} and tabel["ahli_muda"] == KEBUTUHAN_ANGKA_KREDIT["ahli_muda"]
    assert kebutuhan_angka_kredit("ahli_pertama", "Penata Muda Tk. I (III/b)", tabel) == 120
    assert KEBUTUHAN_ANGKA_KREDIT["ahli_pertama"]["III/b"] == 100  # the default is untouched
    assert Aturan().kebutuhan_angka_kredit is KEBUTUHAN_ANGKA_KREDIT
    for salah in ({"ahli_pertama": {"III/f": 10}}, {"juru": {"II/a": 10}}, {"mahir": {"III/a": -1}},
                  {"mahir": {"III/a": True}}):
        with pytest.raises(ValueError):
            Aturan.dari_unit({"kebutuhan_angka_kredit": salah})

