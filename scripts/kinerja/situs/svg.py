"""Charts drawn at build time as inline SVG (no script, no external file).

`grafik_kurva`: the predikat distribution of one unit and period as bars (share of rated
employees), with the limits of the curve its organisation rating requires drawn over the
predikat each limit counts.

Legible on a phone: the chart scales down with the page (at most to 358/380 on a 390 px
screen), so its text is 12 units (kinerja.css), at least 11 CSS px there; a legend line too
long for the width continues on a second line.
"""

from __future__ import annotations

from fractions import Fraction

from markupsafe import Markup, escape

from kinerja import aturan
from kinerja.rekap import HasilKurva

LEBAR, TINGGI = 380, 250
KIRI, KANAN, ATAS, BAWAH = 38, 4, 20, 56  # plot margins
KOLOM = (LEBAR - KIRI - KANAN) / len(aturan.PREDIKAT)
LEGENDA = 16  # height of one legend line under the plot
LEGENDA_MUAT = 46  # characters of a legend line that fit the width at 12 units
_BARIS_LABEL = {"butuh_perbaikan": ("Butuh", "Perbaikan"), "kurang": ("Kurang/", "Misconduct"),
                "sangat_baik": ("Sangat", "Baik"), "sangat_kurang": ("Sangat", "Kurang")}


def _f(x: float | Fraction) -> str:
    """A coordinate with at most one decimal, stable across runs."""
    return f"{float(x):.1f}".removesuffix(".0")


def _y(persen: Fraction) -> float:
    return ATAS + (TINGGI - ATAS - BAWAH) * (1 - float(min(persen, 100)) / 100)


def _persen(bagian: int, total: int) -> Fraction:
    return Fraction(bagian * 100, total) if total else Fraction(0)


def _teks_persen(p: Fraction) -> str:
    return aturan.format_angka(p, 0) + "%"


def _kelas_batas(s: aturan.Syarat) -> str:
    return "batas maks" if s.batas == aturan.PALING_BANYAK else "batas min"


def _legenda(hasil: HasilKurva, syarat: tuple[aturan.Syarat, ...]) -> tuple[list[str], int]:
    """The legend under the plot: per condition of the curve a line sample and its text, the
    current share on a line of its own when the whole does not fit; the elements and the
    number of lines."""
    out: list[str] = []
    baris = 0
    for s in syarat:
        ly = TINGGI + 10 + LEGENDA * baris
        bagian = sum(hasil.jumlah[k] for k in s.predikat)
        kini = f"{bagian} org" if s.satuan != "%" else _teks_persen(_persen(bagian, hasil.total))
        tanda = "≤" if s.batas == aturan.PALING_BANYAK else "≥"
        nilai = f"{s.nilai}%" if s.satuan == "%" else f"{s.nilai} org"
        teks = [f"{' + '.join(aturan.PREDIKAT[k] for k in s.predikat)} {tanda} {nilai}", f"(kini {kini})"]
        if len(" ".join(teks)) <= LEGENDA_MUAT:
            teks = [" ".join(teks)]
        out.append(f'<line class="{_kelas_batas(s)}" x1="0" y1="{ly - 4}" x2="24" y2="{ly - 4}"/>')
        out.extend(f'<text class="legenda" x="30" y="{ly + LEGENDA * i}">{escape(t)}</text>'
                   for i, t in enumerate(teks))
        baris += len(teks)
    return out, baris


def grafik_kurva(hasil: HasilKurva) -> Markup:
    kode = list(aturan.PREDIKAT)
    total = hasil.total
    syarat = aturan.KURVA[hasil.penetapan.predikat]
    bawah = TINGGI - BAWAH
    judul = (f"Sebaran predikat {aturan.PERIODE[hasil.periode]} {hasil.tahun} terhadap kurva "
             f"organisasi {aturan.PREDIKAT_ORGANISASI[hasil.penetapan.predikat]}")
    uraian = "; ".join(f"{aturan.PREDIKAT[k]} {hasil.jumlah[k]} pegawai" for k in kode)
    kelas = "kinerja-grafik menyimpang" if hasil.pelanggaran else "kinerja-grafik"
    legenda, baris_legenda = _legenda(hasil, syarat)
    tinggi = TINGGI + 14 + LEGENDA * baris_legenda
    out = [
        f'<svg class="{kelas}" viewBox="0 0 {LEBAR} {tinggi}" width="{LEBAR}" height="{tinggi}" '
        f'role="img" aria-labelledby="g-{hasil.tahun}-{hasil.periode}-j g-{hasil.tahun}-{hasil.periode}-u" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="g-{hasil.tahun}-{hasil.periode}-j">{escape(judul)}</title>',
        f'<desc id="g-{hasil.tahun}-{hasil.periode}-u">{escape(uraian)}</desc>',
    ]
    for p in (0, 25, 50, 75, 100):
        y = _f(_y(Fraction(p)))
        out.append(f'<line class="sumbu" x1="{KIRI}" y1="{y}" x2="{LEBAR - KANAN}" y2="{y}"/>')
        out.append(f'<text class="skala" x="{KIRI - 4}" y="{y}" text-anchor="end" dominant-baseline="middle">{p}%</text>')
    for i, k in enumerate(kode):
        n = hasil.jumlah[k]
        persen = _persen(n, total)
        x = KIRI + i * KOLOM
        y = _y(persen)
        out.append(f'<rect class="batang" x="{_f(x + 8)}" y="{_f(y)}" width="{_f(KOLOM - 16)}" '
                   f'height="{_f(bawah - y)}"/>')
        out.append(f'<text class="nilai" x="{_f(x + KOLOM / 2)}" y="{_f(y - 4)}" text-anchor="middle">'
                   f'{n} ({_teks_persen(persen)})</text>')
        for j, baris in enumerate(_BARIS_LABEL.get(k, (aturan.PREDIKAT[k],))):
            out.append(f'<text class="label" x="{_f(x + KOLOM / 2)}" y="{_f(bawah + 14 + 13 * j)}" '
                       f'text-anchor="middle">{escape(baris)}</text>')
    for s in syarat:
        posisi = sorted(kode.index(k) for k in s.predikat)
        x1, x2 = KIRI + posisi[0] * KOLOM + 2, KIRI + (posisi[-1] + 1) * KOLOM - 2
        batas = Fraction(s.nilai) if s.satuan == "%" else _persen(s.nilai, total)
        y = _f(_y(batas))
        out.append(f'<line class="{_kelas_batas(s)}" x1="{_f(x1)}" y1="{y}" x2="{_f(x2)}" y2="{y}"/>')
    out.extend(legenda)
    out.append("</svg>")
    return Markup("".join(out))
