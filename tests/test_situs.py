"""The unit site without MkDocs: escaping and display helpers, the chart, page contexts
(privacy, publication settings, cascade, progress, Git history) and the per-unit config.

Pages are rendered into tmp_path from the minimal valid tree of conftest (biro-sdm: head
NIP_KEPALA, staff NIP_STAF; sekretariat: NIP_SEKJEN).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import NIP_KEPALA, NIP_SEKJEN, NIP_STAF, ganti, tulis_arsip_sah
from kinerja import aturan, pemeriksaan
from kinerja.riwayat import Komit
from kinerja.situs import halaman, konfigurasi, render, svg, tampil

STAF = f"biro-sdm/pegawai/{NIP_STAF}"
HARI_INI = date(2026, 11, 29)


def muat(records: Path):
    model, hasil, diagnostik = pemeriksaan.muat_semua(records)
    assert not [d for d in diagnostik if d.severity == "error"], diagnostik
    return model, hasil


def tulis(tmp_path: Path, records: Path, unit: str = "biro-sdm", sejarah=None, hari_ini=HARI_INI) -> Path:
    """Render every generated page of unit into tmp_path/docs; return that folder."""
    model, hasil = muat(records)
    situs = halaman.Situs(model, hasil, unit, sejarah=sejarah or {}, hari_ini=hari_ini)
    docs = tmp_path / "docs"
    render.tulis_halaman(render.lingkungan(), docs, halaman.semua_halaman(situs))
    return docs


def teks_semua(docs: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md")))


def tambah(records: Path, rel: str, text: str) -> None:
    path = records / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- display helpers ---------------------------------------------------------------------

EKSTENSI = ["admonition", "attr_list", "def_list", "tables", "toc"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\t"),
               min_size=1).filter(lambda s: s.strip()))
def test_teks_renders_as_the_same_text_in_markdown(value):
    rendered = markdown.markdown(str(tampil.teks(value)), extensions=EKSTENSI)
    inner = re.fullmatch(r"<p>(.*)</p>", rendered, re.S)
    assert inner, rendered
    assert "<" not in inner.group(1)  # no element of any kind came out of the text
    assert html.unescape(inner.group(1)).strip() == value.strip()


def test_teks_keeps_line_breaks_and_defuses_every_syntax():
    payload = "<script>x</script>\n[a](javascript:alert(1)) {{ 7*7 }} {% if %} **b** _c_ `d` # e | f"
    out = str(tampil.teks(payload))
    assert not set("<>[](){}*_`#|\n") & set(out.replace("&#", "").replace(";", ""))
    assert html.unescape(out) == payload


def test_tanggal_nip_angka_target_persen():
    assert tampil.tanggal(date(2026, 1, 5)) == "5 Januari 2026"
    assert tampil.tanggal(date(2025, 12, 31)) == "31 Desember 2025"
    assert tampil.nip("199203142019032001") == "19920314 201903 2 001"
    assert tampil.angka(1234.5) == "1.234,5" and tampil.angka(4) == "4" and tampil.angka("teks") == "teks"
    assert tampil.target({"nilai": 3.5, "satuan": "indeks"}) == "3,5 indeks"
    assert tampil.target({"min": 90, "maks": 100, "satuan": "persen"}) == "90–100 persen"
    assert tampil.target("Laporan diterima pimpinan") == "Laporan diterima pimpinan"
    assert tampil.persen(aturan.capaian({"nilai": 4, "satuan": "modul"}, 1)) == "25,0%"
    assert tampil.persen(None) == "-"
    assert tampil.realisasi(140, {"nilai": 150, "satuan": "dokumen"}) == "140 dokumen"
    assert tampil.realisasi(92.5, {"min": 90, "maks": 100, "satuan": "persen"}) == "92,5 persen"
    assert tampil.realisasi("Laporan diterima", "Laporan diterima pimpinan") == "Laporan diterima"


def test_nip_and_url_markup_keep_their_text_and_escape_it():
    assert str(tampil.nip_utuh("199203142019032001")) == '<span class="kinerja-nip">19920314 201903 2 001</span>'
    assert str(tampil.nip_utuh("<b>")) == '<span class="kinerja-nip">&#60;b&#62;</span>'
    url = "https://drive.example.go.id/s/a1?x=1&y=<2>"
    out = str(tampil.url_terpotong(url))
    pieces = re.findall(r"<span>(.*?)</span>", out)
    assert [html.unescape(p) for p in pieces] == ["https://", "drive.example.go.id/", "s/", "a1?", "x=", "1&", "y=",
                                                  "<2>"]
    assert out == "<wbr>".join(f"<span>{p}</span>" for p in pieces) and "<2>" not in out


@pytest.mark.parametrize("url, ok", [
    ("https://drive.example.go.id/berkas/1", True), ("http://intra.go.id/x", True), ("HTTPS://A.B/c", True),
    ("javascript:alert(1)", False), ("data:text/html,<b>", False), ("//evil.example/x", False),
    ("Lemari arsip B-3", False), ("https:/tanpa-host", False), ("vbscript:x", False),
])
def test_tautan_aman_allows_http_and_https_only(url, ok):
    assert tampil.tautan_aman(url) is ok


def test_judul_skp():
    assert [tampil.judul_skp(f) for f in ("2025", "2025-2", "2025-3", "2025-12")] == [
        "SKP 2025", "SKP kedua 2025", "SKP ketiga 2025", "SKP ke-12 2025"]


def test_periode_dokumen():
    assert tampil.periode_dokumen("tw1", 2026) == "TRIWULAN I"
    assert tampil.periode_dokumen("tw4", 2026) == "TRIWULAN IV"
    assert tampil.periode_dokumen("b03", 2026) == "BULAN MARET"
    assert tampil.periode_dokumen("tahunan", 2026) == "TAHUN 2026"


# --- the chart ---------------------------------------------------------------------------

def test_grafik_kurva_draws_shares_and_curve_limits():
    model, hasil = muat(Path(__file__).resolve().parents[1] / "records")
    for kurva in hasil.kurva:
        root = ET.fromstring(str(svg.grafik_kurva(kurva)))
        ns = "{http://www.w3.org/2000/svg}"
        bars = root.findall(f"{ns}rect")
        assert len(bars) == len(aturan.PREDIKAT)
        heights = [float(b.get("height")) for b in bars]
        counts = list(kurva.jumlah.values())
        tallest = max(range(5), key=lambda i: counts[i])
        assert heights[tallest] == max(heights)
        assert all((h == 0) == (n == 0) for h, n in zip(heights, counts, strict=True))
        limits = [line for line in root.findall(f"{ns}line") if "batas" in (line.get("class") or "")]
        assert len(limits) == 2 * len(aturan.KURVA[kurva.penetapan.predikat])  # plot line + legend sample
        assert root.find(f"{ns}title").text.startswith("Sebaran predikat")
        assert not root.findall(f".//{ns}script") and "href" not in str(svg.grafik_kurva(kurva))
        assert ("menyimpang" in root.get("class")) == bool(kurva.pelanggaran)


# --- page contexts and rendered pages ----------------------------------------------------

@pytest.fixture
def records(tmp_path: Path) -> Path:
    return tulis_arsip_sah(tmp_path / "repo")


def test_pages_of_a_unit(tmp_path, records):
    docs = tulis(tmp_path, records)
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert pages == ["index.md", "matriks/index.md", f"pegawai/{NIP_KEPALA}/index.md",
                     f"pegawai/{NIP_KEPALA}/skp-2026/index.md",
                     f"pegawai/{NIP_STAF}/index.md", f"pegawai/{NIP_STAF}/skp-2026/index.md", "pegawai/index.md",
                     "tim/index.md"]
    staf = (docs / "pegawai" / NIP_STAF / "index.md").read_text(encoding="utf-8")
    assert staf.startswith('---\ntitle: "Sari Wulandari, S.Kom."\n---\n')
    assert "19920314 201903 2 001" in staf and "20 Januari 2026" in staf
    # the evaluation: realisation, advisory capaian, evidence link, ratings, predikat and its source
    assert "25,0%" in staf and 'href="https&#58;//drive.example.go.id/berkas/123"' in staf
    assert "Sesuai Ekspektasi" in staf and "kinerja-predikat--baik" in staf and "penilaian pejabat penilai" in staf
    # credit points are shown only with a final annual evaluation: none yet
    assert "Angka kredit" not in staf


def test_confidential_feedback_never_reaches_a_page(tmp_path, records):
    folder = f"biro-sdm/pegawai/{NIP_STAF}/2026/umpan-balik"
    tambah(records, f"{folder}/2026-03-02-konseling.yaml",
           f'tanggal: 2026-03-02\ndari: "{NIP_KEPALA}"\njenis: konseling\ncatatan: RAHASIA-KONSELING-1\n'
           "tindak_lanjut: RAHASIA-TINDAK-2\nrahasia: true\n")
    tambah(records, f"{folder}/2026-03-03-catatan.yaml",
           f'tanggal: 2026-03-03\ndari: "{NIP_KEPALA}"\njenis: umpan_balik\ncatatan: RAHASIA-CATATAN-3\n'
           "rahasia: true\n")
    text = teks_semua(tulis(tmp_path, records))
    for secret in ("RAHASIA-", "2 Maret 2026", "3 Maret 2026", "Konseling kinerja"):
        assert secret not in text
    assert "Progres modul cuti" in text  # the public note is there


def test_publikasi_rating_false_hides_individual_ratings(tmp_path, records):
    ganti(records / "biro-sdm" / "unit.yaml", "admin: [hr-biro-sdm]",
          "admin: [hr-biro-sdm]\npublikasi: {rating: false}")
    docs = tulis(tmp_path, records)
    for page in [*docs.glob("pegawai/*/*.md"), docs / "pegawai" / "index.md"]:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(di atas|sesuai|di bawah) ekspektasi", text, re.I), page
        assert "kinerja-predikat" not in text and "Predikat terbaru" not in text
    staf = (docs / "pegawai" / NIP_STAF / "index.md").read_text(encoding="utf-8")
    assert "tidak dipublikasikan" in staf and "Progres modul cuti" in staf


def test_publikasi_umpan_balik_false_hides_feedback_text(tmp_path, records):
    ganti(records / "biro-sdm" / "unit.yaml", "admin: [hr-biro-sdm]",
          "admin: [hr-biro-sdm]\npublikasi: {umpan_balik: false}")
    text = teks_semua(tulis(tmp_path, records))
    for feedback in ("Progres modul cuti", "Jadwalkan uji beban", "Modul cuti selesai", "Respons cepat",
                     "Ikutkan pelatihan"):
        assert feedback not in text
    assert "14 Februari 2026" in text and "Isi umpan balik tidak dipublikasikan" in text
    assert "Sesuai Ekspektasi" in text


def test_cascade_links_both_ways(tmp_path, records):
    docs = tulis(tmp_path, records)
    staf = (docs / "pegawai" / NIP_STAF / "index.md").read_text(encoding="utf-8")
    kepala = (docs / "pegawai" / NIP_KEPALA / "index.md").read_text(encoding="utf-8")
    matriks = (docs / "matriks" / "index.md").read_text(encoding="utf-8")
    # staff RHK -> the head's RHK on the head's page, and -> its row of the matriks
    assert f'href="../../pegawai/{NIP_KEPALA}/#skp-2026-rhk-1"' in staf
    assert f'href="../../matriks/#m-{NIP_KEPALA}-2026-rhk-1"' in staf
    assert 'id="skp-2026-rhk-1"' in kepala
    # the matriks row of the head's RHK links to both RHK; the head's page links to it
    row = re.search(rf'<tr id="m-{NIP_KEPALA}-2026-rhk-1">(.*?)</tr>', matriks, re.S).group(1)
    assert f'href="../pegawai/{NIP_KEPALA}/#skp-2026-rhk-1"' in row
    assert f'href="../pegawai/{NIP_STAF}/#skp-2026-rhk-1"' in row
    assert f'href="../../matriks/#m-{NIP_KEPALA}-2026-rhk-1"' in kepala


def test_a_superior_in_another_unit_is_only_a_name(tmp_path, records):
    docs = tulis(tmp_path, records)
    kepala = (docs / "pegawai" / NIP_KEPALA / "index.md").read_text(encoding="utf-8")
    # the head's penilai is in sekretariat: the name from the SKP's identity block, no page, no link
    assert "Dr. Bambang Sutrisno, M.Si." in kepala
    assert f"pegawai/{NIP_SEKJEN}" not in teks_semua(docs)


def test_employee_page_names_only_people_of_their_own_records(tmp_path, records):
    """An employee page does not grow with the unit: no other colleague appears on it."""
    for i in range(3):
        nip = f"19900101201501100{i}"
        tambah(records, f"biro-sdm/pegawai/{nip}/profil.yaml",
               f'nip: "{nip}"\nnama: Rekan Nomor {i}\njenis_asn: pns\npangkat_golongan: Penata (III/c)\n'
               f'jabatan: Analis\njenis_jabatan: pelaksana\npenilai: "{NIP_KEPALA}"\n')
    docs = tulis(tmp_path, records)
    staf = (docs / "pegawai" / NIP_STAF / "index.md").read_text(encoding="utf-8")
    assert "Rekan Nomor" not in staf
    assert set(re.findall(r"\d{18}", staf)) == {NIP_STAF, NIP_KEPALA}
    assert (docs / "pegawai" / "index.md").read_text(encoding="utf-8").count("Rekan Nomor") == 3


def test_progress_of_the_current_year(tmp_path, records):
    ganti(records / "biro-sdm" / "pegawai" / NIP_KEPALA / "2026" / "skp.yaml", "status: ditetapkan", "status: draft")
    ganti(records / "biro-sdm" / "pegawai" / NIP_KEPALA / "2026" / "skp.yaml", "ditetapkan: 2026-01-15\n", "")
    model, hasil = muat(records)
    situs = halaman.Situs(model, hasil, "biro-sdm", sejarah={}, hari_ini=date(2026, 5, 2))
    konteks = halaman.halaman_beranda(situs).konteks
    assert situs.tahun == 2026 and situs.periode_kini == (2026, "tw2")  # the period of the build date
    skp = konteks["skp"]
    assert (skp["jumlah"], skp["ditetapkan"], skp["draf"], skp["belum"]) == (2, 1, 1, 0)
    assert [(t.orang.nip, t.keterangan) for t in skp["terlambat"]] == [(NIP_KEPALA, "belum ditetapkan")]
    tw1, tw2 = konteks["evaluasi"][:2]
    assert (tw1.lewat, tw1.wajib, tw1.final, [o.nip for o in tw1.belum]) == (True, 2, 1, [NIP_KEPALA])
    assert (tw2.lewat, tw2.belum) == (False, [])
    # TW II runs on 2 May, its evaluation due on 30 June; nobody had feedback in it yet
    dialog = konteks["dialog"]
    assert (dialog["label"], dialog["sisa_hari"], len(dialog["tanpa"])) == ("Triwulan II 2026", 59, 2)
    # TW I on 20 March: the staff member had a performance dialogue on 14 February, the head had none
    situs = halaman.Situs(model, hasil, "biro-sdm", sejarah={}, hari_ini=date(2026, 3, 20))
    dialog = halaman.halaman_beranda(situs).konteks["dialog"]
    assert (dialog["label"], dialog["sisa_hari"]) == ("Triwulan I 2026", 11)
    assert [o.nip for o in dialog["tanpa"]] == [NIP_KEPALA]


def test_the_running_period_of_a_unit_without_periodic_evaluations_is_the_year(records):
    model, hasil = muat(records)
    model.units["biro-sdm"].evaluasi_periodik = "tidak_ada"
    situs = halaman.Situs(model, hasil, "biro-sdm", sejarah={}, hari_ini=date(2026, 12, 31))
    dialog = halaman.halaman_beranda(situs).konteks["dialog"]
    assert (situs.periode_kini, dialog["sisa_hari"]) == ((2026, "tahunan"), 0)


def test_git_history_leaves_out_commits_touching_confidential_notes(tmp_path, records):
    folder = f"records/{STAF}/2026"
    tambah(records, f"{STAF}/2026/umpan-balik/2026-03-02-konseling.yaml",
           f'tanggal: 2026-03-02\ndari: "{NIP_KEPALA}"\njenis: konseling\ncatatan: x\nrahasia: true\n')

    def komit(n: int, pesan: str) -> Komit:
        return Komit(datetime(2026, 1, n, 9, tzinfo=timezone.utc), "Sari", pesan, str(n) * 40)

    publik, rahasia, dihapus, lain = (komit(1, "Usul <b>SKP</b> {{ 7*7 }}"), komit(2, "Catat konseling"),
                                      komit(3, "Hapus catatan"), komit(4, "Profil kepala"))
    sejarah = {
        f"{folder}/skp.yaml": [publik],
        f"{folder}/umpan-balik/2026-02-14-modul-cuti.yaml": [publik],
        f"{folder}/umpan-balik/2026-03-02-konseling.yaml": [rahasia],
        f"{folder}/umpan-balik/2026-01-09-lama.yaml": [dihapus],
        f"records/biro-sdm/pegawai/{NIP_KEPALA}/profil.yaml": [lain],
        "records/sekretariat/unit.yaml": [komit(5, "Unit lain")],
    }
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path / "repo")  # Sumber.file is relative to the repository root
        docs = tulis(tmp_path, Path("records"), sejarah=sejarah)
    staf = (docs / "pegawai" / NIP_STAF / "index.md").read_text(encoding="utf-8")
    assert "Usul &#60;b&#62;SKP&#60;/b&#62; &#123;&#123; 7&#42;7 &#125;&#125;" in staf
    assert '<code class="kinerja-komit">1111111111</code>' in staf and "1 Januari 2026" in staf
    for hidden in ("Catat konseling", "Hapus catatan", "Profil kepala", "Unit lain"):
        assert hidden not in staf
    assert "Profil kepala" in (docs / "pegawai" / NIP_KEPALA / "index.md").read_text(encoding="utf-8")


def test_documents_follow_the_official_layouts(tmp_path, records):
    tambah(records, f"{STAF}/2026/keberatan/tw1.yaml",
           "evaluasi: tw1\ndiajukan: 2026-04-15\nalasan: Bukti modul kedua belum dihitung.\n"
           "penjelasan_penilai: Bukti diunggah setelah rekapitulasi.\n"
           f'keputusan:\n  oleh: "{NIP_SEKJEN}"\n  tanggal: 2026-04-25\n  rating_hasil_kerja: di_atas_ekspektasi\n'
           "  rating_perilaku_kerja: sesuai_ekspektasi\n  catatan: Bukti sah.\n")
    docs = tulis(tmp_path, records)
    text = (docs / "pegawai" / NIP_STAF / "skp-2026" / "index.md").read_text(encoding="utf-8")
    assert "search:\n  exclude: true" in text
    for heading in ("SASARAN KINERJA PEGAWAI", "LAMPIRAN SASARAN KINERJA PEGAWAI", "EVALUASI KINERJA PEGAWAI",
                    "PERIODE: TRIWULAN I", "DOKUMEN EVALUASI KINERJA PEGAWAI", "RENCANA HASIL KERJA PIMPINAN YANG "
                    "DIINTERVENSI", "A. UTAMA", "B. TAMBAHAN", "EKSPEKTASI KHUSUS PIMPINAN", "DUKUNGAN SUMBER DAYA",
                    "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI", "REALISASI BERDASARKAN BUKTI DUKUNG",
                    "CAPAIAN KINERJA ORGANISASI", "POLA DISTRIBUSI", "PREDIKAT KINERJA PEGAWAI",
                    "ATASAN PEJABAT PENILAI KINERJA", "KEBERATAN PEGAWAI", "PENJELASAN PEJABAT PENILAI KINERJA",
                    "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", "Pegawai yang Dinilai", "Pejabat Penilai Kinerja"):
        assert heading in text, heading
    # the evaluation form keeps what the appraiser signed (sesuai, sesuai) and notes the
    # decision; the decision (di atas + sesuai) is in the objection section of the Dokumen Evaluasi
    form = text[text.index('id="evaluasi-tw1"'):text.index('id="dokumen-evaluasi-tw1"')]
    hasil, perilaku = re.findall(r"RATING (?:HASIL|PERILAKU) KERJA</th><td[^>]*>([^<]+)<", form)
    assert (hasil, perilaku) == ("Sesuai Ekspektasi", "Sesuai Ekspektasi")
    assert "memutuskan rating yang berlaku pada 25 April 2026" in form
    keputusan = text[text.index("KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA"):]
    assert re.search(r"RATING HASIL KERJA</td><td[^>]*>Di Atas Ekspektasi<", keputusan)
    for guide in aturan.BERAKHLAK["kolaboratif"].panduan:
        assert guide in text
    # the atasan penilai block: the head's penilai, from the head's own SKP
    assert re.search(r"ATASAN PEJABAT PENILAI KINERJA</th></tr>\s*<tr><td>1</td><td>NAMA</td><td>[^<.]+", text)


def test_monthly_unit(tmp_path, records):
    ganti(records / "biro-sdm" / "unit.yaml", "evaluasi_periodik: triwulanan",
          "evaluasi_periodik: bulanan\npublikasi: {minimum_kelompok: 1}")
    ganti(records / "biro-sdm" / "organisasi" / "2026.yaml", "periode: tw1", "periode: b03")
    evaluasi = records / "biro-sdm" / "pegawai" / NIP_STAF / "2026" / "evaluasi"
    ganti(evaluasi / "tw1.yaml", "periode: tw1", "periode: b03")
    (evaluasi / "tw1.yaml").rename(evaluasi / "b03.yaml")
    docs = tulis(tmp_path, records, hari_ini=date(2026, 4, 15))
    beranda = (docs / "index.md").read_text(encoding="utf-8")
    assert beranda.count("<tr><td>") >= 12 + 1 + 5  # twelve months and the year, beside the counts
    assert "<strong>April 2026</strong> (1 April 2026 s.d. 30 April 2026)" in beranda  # the month of the build date
    assert "15 hari lagi" in beranda
    dokumen = (docs / "pegawai" / NIP_STAF / "skp-2026" / "index.md").read_text(encoding="utf-8")
    assert "PERIODE: BULAN MARET" in dokumen and 'id="evaluasi-b03"' in dokumen


# --- the per-unit configuration ----------------------------------------------------------

def test_unit_config_inherits_the_packaged_base_without_a_repository_config(tmp_path, records):
    model, _ = muat(records)
    induk = konfigurasi.Induk.dari_repositori(tmp_path / "repo")
    path = konfigurasi.tulis(tmp_path / "build" / "biro-sdm", induk, model.units["biro-sdm"],
                             aset=["assets/kinerja/kinerja.css", "assets/kinerja/kinerja.js"], halaman_situs=[])
    config = yaml.safe_load(path.read_text())
    assert "INHERIT" not in config and config["site_dir"] == "site"  # one merged file that every engine reads
    assert config["extra"] == {"generator": False} and config["plugins"] == ["search"]  # from the base
    assert config["theme"] == {**induk.data["theme"], "name": "material", "language": "id", "font": False}
    assert config["not_in_nav"] == "/pegawai/*/\n/tim/*/\n" and config["use_directory_urls"] is True
    assert [list(item)[0] for item in config["nav"]] == ["Beranda", "Pegawai", "Matriks peran hasil", "Tim kerja"]
    assert config["extra_javascript"] == ["assets/kinerja/kinerja.js"]
    assert "attr_list" in config["markdown_extensions"]


def test_unit_config_inherits_and_extends_the_repository_config(tmp_path, records):
    repo = tmp_path / "repo"
    (repo / "mkdocs.yml").write_text(
        "site_name: Repo\ntheme: {name: material, custom_dir: site/overrides, font: {text: Roboto}}\n"
        "extra_css: [gaya.css]\nmarkdown_extensions: [footnotes, {toc: {permalink: true}}]\n"
        "plugins: [tags]\nnav: [{Panduan: [panduan/a.md]}]\n", encoding="utf-8")
    model, _ = muat(records)
    induk = konfigurasi.Induk.dari_repositori(repo)
    kerja = repo / "build" / "biro-sdm"
    path = konfigurasi.tulis(kerja, induk, model.units["biro-sdm"], aset=["assets/kinerja/kinerja.css"],
                             halaman_situs=["panduan/a.md", "glosarium.md"])
    config = yaml.safe_load(path.read_text())
    assert "INHERIT" not in config and config["site_dir"] == "site" and config["docs_dir"] == "docs"
    assert config["theme"]["font"] is False and config["theme"]["custom_dir"] == str(repo / "site" / "overrides")
    assert config["extra_css"] == ["gaya.css", "assets/kinerja/kinerja.css"]
    assert config["markdown_extensions"] == ["footnotes", {"toc": {"permalink": True}}, "attr_list", "tables"]
    assert config["plugins"] == ["tags", "search"]
    assert config["nav"][4:] == [{"Panduan": ["panduan/a.md"]}]


def test_unit_config_keeps_python_names_of_the_repository_config(tmp_path, records):
    repo = tmp_path / "repo"
    (repo / "mkdocs.yml").write_text(
        "site_name: Repo\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    model, _ = muat(records)
    path = konfigurasi.tulis(repo / "build" / "biro-sdm", konfigurasi.Induk.dari_repositori(repo),
                             model.units["biro-sdm"], aset=[], halaman_situs=[])
    assert "emoji_index: !!python/name:material.extensions.emoji.twemoji" in path.read_text()
    from mkdocs.utils.yaml import yaml_load
    with open(path, "rb") as f:
        assert yaml_load(f)["markdown_extensions"][0]["pymdownx.emoji"]["emoji_index"].__name__ == "twemoji"


def test_navigation_of_hand_written_pages_without_a_repository_nav():
    assert konfigurasi._nav_situs(["glosarium.md", "panduan/b.md", "panduan/a.md", "tentang-kami/x.md"]) == [
        {"Panduan": ["panduan/a.md", "panduan/b.md"]}, {"Tentang kami": ["tentang-kami/x.md"]}, "glosarium.md"]


SKP_SEKJEN = f"""tahun: 2026
periode: {{mulai: 2026-01-01, selesai: 2026-12-31}}
pendekatan: kuantitatif
pegawai: {{nip: "{NIP_SEKJEN}", nama: "Dr. Bambang Sutrisno, M.Si.", pangkat_golongan: "Pembina Utama Madya (IV/d)",
           jabatan: Sekretaris Jenderal, unit_kerja: Sekretariat Jenderal}}
penilai: {{nip: "196805121990031001", nama: Menteri Contoh, pangkat_golongan: "-", jabatan: Menteri,
           unit_kerja: Kementerian Contoh}}
status: ditetapkan
ditetapkan: 2026-01-10
hasil_kerja:
  - id: rhk-9
    jenis: utama
    uraian: Terwujudnya birokrasi kepegawaian yang berkelas dunia
    indikator:
      - {{id: iki-1, aspek: kualitas, uraian: Indeks sistem merit, target: {{nilai: 3, satuan: indeks}},
         perspektif: penerima_layanan}}
perilaku_kerja: {{berorientasi_pelayanan: {{}}, akuntabel: {{}}, kompeten: {{}}, harmonis: {{}}, loyal: {{}},
                 adaptif: {{}}, kolaboratif: {{}}}}
lampiran: {{dukungan_sumber_daya: [], skema_pertanggungjawaban: [], konsekuensi: []}}
"""


def _intervensi_sekjen(records: Path) -> None:
    ganti(records / "biro-sdm" / "pegawai" / NIP_KEPALA / "2026" / "skp.yaml", "    jenis: utama\n",
          f'    jenis: utama\n    intervensi: "{NIP_SEKJEN}/rhk-9"\n')


def test_a_cross_unit_cascade_shows_the_superior_rhk_text(tmp_path, records):
    _intervensi_sekjen(records)
    tambah(records, f"sekretariat/pegawai/{NIP_SEKJEN}/2026/skp.yaml", SKP_SEKJEN)
    docs = tulis(tmp_path, records)
    for page in (f"pegawai/{NIP_KEPALA}/index.md", "matriks/index.md"):  # (a JPT's Form SKP has no such column)
        text = (docs / page).read_text(encoding="utf-8")
        assert "Terwujudnya birokrasi kepegawaian yang berkelas dunia" in text, page
        assert "rhk&#45;9" not in text and "tidak ada di repositori" not in text, page
    # no page of the other unit's employee: the text only, no link into this site
    assert f"pegawai/{NIP_SEKJEN}" not in teks_semua(docs)


def test_a_superior_rhk_outside_the_repository_is_an_id_that_says_so(tmp_path, records):
    _intervensi_sekjen(records)
    docs = tulis(tmp_path, records)
    for page in (f"pegawai/{NIP_KEPALA}/index.md", "matriks/index.md"):
        text = (docs / page).read_text(encoding="utf-8")
        assert "<code>rhk-9</code>" in text and "tidak ada di repositori ini" in text, page


def test_the_atasan_penilai_is_found_in_another_unit(tmp_path, records):
    tambah(records, f"sekretariat/pegawai/{NIP_SEKJEN}/2026/skp.yaml", SKP_SEKJEN)
    model, hasil = muat(records)
    situs = halaman.Situs(model, hasil, "biro-sdm", sejarah={}, hari_ini=HARI_INI)
    kepala = model.pegawai[("biro-sdm", NIP_KEPALA)].skp[0]
    atasan = situs.atasan_penilai(kepala)
    # the same lookup as the checks (K603), and the identity block from the penilai's own SKP
    assert atasan.nip == situs.fakta.atasan_penilai(kepala) == "196805121990031001"
    assert (atasan.nama, atasan.identitas.jabatan) == ("Menteri Contoh", "Menteri")
    assert ("skp", NIP_SEKJEN) in situs.dibaca  # another unit's records read: part of the build key


# --- teams (tim kerja) ---------------------------------------------------------------------

DEMO = Path(__file__).resolve().parents[1] / "records"
NIP_MAYA = "198612032010032003"  # member of a biro-sdm team, employed in bagian-pengembangan-pegawai
NIP_BAMBANG = "198102272006031002"  # member of two biro-sdm teams; feedback from a lead in another unit


@pytest.fixture
def demo():
    model, hasil, _ = pemeriksaan.muat_semua(DEMO)
    return model, hasil


def _halaman_demo(model, hasil, unit: str = "biro-sdm") -> tuple[halaman.Situs, dict[str, halaman.Halaman]]:
    situs = halaman.Situs(model, hasil, unit, sejarah={}, hari_ini=HARI_INI)
    return situs, {p.path: p for p in halaman.semua_halaman(situs)}


def test_a_team_page_names_members_of_other_units_and_their_rhk_through_fakta(demo):
    situs, pages = _halaman_demo(*demo)
    assert [t.nama for t in pages["tim/index.md"].konteks["daftar"]][0].startswith("Tim Penguatan")
    tim = pages["tim/tim-penguatan-kompetensi/index.md"].konteks["t"]
    assert tim.intervensi.rhk.uraian.startswith("Meningkatnya kompetensi pegawai")  # the leader's RHK served
    maya = next(a for a in tim.anggota if a.orang.nip == NIP_MAYA)
    assert maya.orang.url is None and maya.orang.identitas.unit_kerja == "Bagian Pengembangan Pegawai"
    assert maya.predikat is None  # another unit's rating is never shown here
    bambang = next(a for a in tim.anggota if a.orang.nip == NIP_BAMBANG)
    assert bambang.predikat is not None  # this unit publishes ratings
    pembawa = {b.orang.nip: b for h in tim.hasil for b in h.pembawa}
    assert pembawa[NIP_MAYA].url is None and pembawa[NIP_BAMBANG].url.startswith(f"pegawai/{NIP_BAMBANG}/#skp-2026")
    # the other unit's records read are keys of the build; so is every team file (memberships)
    assert {("skp", NIP_MAYA), ("profil", NIP_MAYA), ("tim",)} <= situs.dibaca


def test_team_pages_hide_predikat_unless_the_unit_publishes_ratings(demo):
    model, hasil = demo
    model.units["biro-sdm"].publikasi = {"rating": False}
    _, pages = _halaman_demo(model, hasil)
    for path, page in pages.items():
        if path.startswith("tim/") and "t" in page.konteks:
            assert all(a.predikat is None for a in page.konteks["t"].anggota), path


def test_feedback_from_a_team_lead_is_team_feedback_and_a_confidential_one_stays_out(demo):
    model, hasil = demo
    _, pages = _halaman_demo(model, hasil)
    umpan = [u for s in pages[f"pegawai/{NIP_BAMBANG}/index.md"].konteks["daftar_skp"] for u in s.umpan_balik]
    dari_tim = [u for u in umpan if u.tim]
    assert {u.tanggal for u in dari_tim} == {date(2026, 5, 12), date(2026, 8, 17)}
    teguh = next(u for u in dari_tim if u.tanggal == date(2026, 5, 12))
    assert teguh.dari.nama.startswith("Teguh Prasetyo") and teguh.dari.url is None  # lead in another unit
    keanggotaan = pages[f"pegawai/{NIP_BAMBANG}/index.md"].konteks["tim"]
    assert [k.peran for k in keanggotaan] == ["anggota", "analis data"]
    skp = next(s for s in model.pegawai[("biro-sdm", NIP_BAMBANG)].skp if s.tahun == 2026)
    rahasia = next(u for u in skp.umpan_balik if u.tanggal == date(2026, 5, 12))
    rahasia.rahasia_tertulis = True
    _, pages = _halaman_demo(model, hasil)
    umpan = [u for s in pages[f"pegawai/{NIP_BAMBANG}/index.md"].konteks["daftar_skp"] for u in s.umpan_balik]
    assert date(2026, 5, 12) not in {u.tanggal for u in umpan}
    for path, page in pages.items():
        assert rahasia.catatan not in repr(page.konteks), path
