"""Real builds: `kinerja build` of every demo unit (mkdocs build --strict in its own process),
checks over every built file, and headless Chromium against the sites served on 127.0.0.1.

The browser is Debian's /usr/bin/chromium driven by Playwright (never downloaded); the
browser tests fail when either is missing (scripts/test.sh installs both). Every page a
browser test opens fails the test on a console error, an uncaught exception, or a request
to any host but the local server.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import date
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from conftest import NIP_KEPALA, NIP_STAF, ganti, jalankan_cli, tulis_arsip_sah
from kinerja import aturan, pemeriksaan

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "records"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
UNITS = sorted(p.name for p in DEMO.iterdir() if (p / "unit.yaml").is_file())

pytestmark = pytest.mark.slow  # every test here builds real sites


ASAL = "https://github.com/kementerian-contoh/kinerja"  # the origin the demo is built as a clone of


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """`kinerja build` of the demo records; the folder holding index.html and one site per unit.
    Built as a clone of a GitHub repository is (its origin given to Git through the
    environment, whatever this checkout's remote is), so every page carries its edit links."""
    out = tmp_path_factory.mktemp("demo") / "site"
    with pytest.MonkeyPatch.context() as env:
        for name, value in {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "remote.origin.url",
                            "GIT_CONFIG_VALUE_0": f"{ASAL}.git", "CI_DEFAULT_BRANCH": "main"}.items():
            env.setenv(name, value)
        result = jalankan_cli("build", "--records", str(DEMO), "--out", str(out), cwd=ROOT)
    assert result.code == 0, result.err
    for unit in UNITS:
        assert f"unit {unit}: situs selesai" in result.err  # progress on stderr
    return out


# --- the built files -----------------------------------------------------------------------

def test_every_demo_unit_is_built_with_a_root_page(demo):
    assert sorted(p.name for p in demo.iterdir() if p.is_dir()) == UNITS
    root = (demo / "index.html").read_text(encoding="utf-8")
    for unit in UNITS:
        assert f'href="{unit}/"' in root
        site = demo / unit
        for page in ("index.html", "pegawai/index.html", "matriks/index.html", "glosarium/index.html",
                     "panduan/mengusulkan-perubahan/index.html", "panduan/meninjau-usulan/index.html",
                     "search/search_index.json", "sitemap.xml"):
            assert (site / page).is_file(), f"{unit}/{page}"
        config = yaml.safe_load((demo.parent / unit / "mkdocs.yml").read_text(encoding="utf-8"))
        assert config["copyright"] == yaml.safe_load((ROOT / "mkdocs.yml").read_text())["copyright"]  # the repository's
        assert config["extra"] == {"generator": False}  # and the packaged base it inherits, merged into one file


def _berkas_teks(site: Path):
    for path in site.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            yield path, (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace")


def _nips_in(folder: Path) -> set[str]:
    return {n for p in folder.rglob("*.yaml") for n in re.findall(r"\d{18}", p.read_text(encoding="utf-8"))}


def test_no_confidential_note_and_no_other_unit_in_any_built_file(demo):
    model = pemeriksaan.muat_semua(DEMO)[0]
    rahasia = [text for p in model.pegawai.values() for s in p.skp for u in s.umpan_balik if u.rahasia
               for text in (u.catatan, u.tindak_lanjut) if text]
    assert rahasia, "the demo has a confidential note"
    fragments = {frag for text in rahasia for frag in re.split(r"[.;,]\s*", text) if len(frag) > 25}
    for unit in UNITS:
        own = _nips_in(DEMO / unit)  # people this unit's own records name (identity blocks, penilai, ...)
        others = {nip for (u, nip) in model.pegawai if u != unit} - own
        assert others, "the demo has people of another unit not named in this one"
        needles = fragments | others | {f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}" for n in others}
        for path, text in _berkas_teks(demo / unit):
            found = [n for n in needles if n in text]
            assert not found, f"{path}: {found[:3]}"


class _Tautan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "link" and attrs.get("rel") == "canonical":
            return  # the page's public address (site_url), never loaded
        for key in ("href", "src"):
            if attrs.get(key) is not None:
                self.links.append((tag, attrs[key]))


def _tautan_lokal(site: Path) -> tuple[list[str], int]:
    """Every local href and src of every page of one built site (anchors included): the
    broken ones, and how many were checked. Links are resolved as the out folder holding the
    site is served (the site at /<unit>/), so links to the unit list and other units count."""
    parsed: dict[Path, _Tautan] = {}

    def parse(path: Path) -> _Tautan:
        if path not in parsed:
            parser = _Tautan()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    rusak, checked = [], 0
    for page in site.rglob("*.html"):
        base = "http://x/" + page.relative_to(site.parent).as_posix()
        for tag, link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                if tag != "a":
                    rusak.append(f"{page}: external {tag} {link}")  # evidence links only, never loaded
                continue
            if parts.scheme or link.startswith("#") and not link[1:]:
                continue
            target = urlsplit(urljoin(base, link))
            path = site.parent / unquote(target.path.lstrip("/"))
            if path.is_dir():
                path = path / "index.html"
            checked += 1
            if not path.is_file():
                rusak.append(f"{page}: broken link {link}")
            elif target.fragment and path.suffix == ".html" and unquote(target.fragment) not in parse(path).ids:
                rusak.append(f"{page}: missing anchor {link}")
    return rusak, checked


def test_every_local_link_of_the_demo_sites_resolves(demo):
    total = 0
    for unit in UNITS:
        rusak, checked = _tautan_lokal(demo / unit)
        assert not rusak, rusak[:10]
        total += checked
    assert total > 1000


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_a_demo_unit_builds_with_each_engine_and_its_links_resolve(tmp_path, engine):
    """The generated sources are engine-neutral: strict builds (no warning) with every engine
    installed, and every internal link and anchor resolves. In CI (CI=true) the engines must
    be installed (scripts/setup.sh installs the `mesin` extra), so a missing one fails."""
    if importlib.util.find_spec(engine) is None:
        assert os.environ.get("CI") != "true", f"{engine} is not installed: pip install -e '.[mesin]'"
        pytest.skip(f"{engine} is not installed")
    out = tmp_path / "site"
    result = jalankan_cli("build", "--records", str(DEMO), "--out", str(out), "--unit", "biro-sdm",
                          "--engine", engine, cwd=ROOT)
    assert result.code == 0, result.err
    assert f"({engine} " in result.err
    site = out / "biro-sdm"
    for page in ("index.html", "pegawai/index.html", "matriks/index.html", "glosarium/index.html"):
        assert (site / page).is_file(), page
    rusak, checked = _tautan_lokal(site)
    assert not rusak, rusak[:10]
    assert checked > 500


def test_navigation_does_not_list_employees(demo):
    site = demo / UNITS[0]
    home = (site / "index.html").read_text(encoding="utf-8")
    employee = next((site / "pegawai").glob("*/index.html")).read_text(encoding="utf-8")
    def pages(text: str) -> int:  # links of the site navigation to pages (not the table of contents)
        return len(re.findall(r'<a href="(?!#)[^"]*"\s+class="md-nav__link', text))

    assert pages(home) == pages(employee)
    assert "pegawai/1" not in re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', employee, re.S).group(0)


def test_search_index_holds_employee_pages_but_no_bulky_tables(demo):
    for unit in UNITS:
        index = json.loads((demo / unit / "search" / "search_index.json").read_text(encoding="utf-8"))
        pages = {d["location"].split("#")[0] for d in index["docs"]}
        employees = {f"pegawai/{p.name}/" for p in (demo / unit / "pegawai").iterdir() if p.is_dir()}
        assert employees <= pages
        assert not [p for p in pages if p in ("pegawai/", "matriks/") or "/skp-" in p]  # lists and documents
        text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(("pegawai/", "#")) or
                        not d["location"].split("#")[0])
        for header in ("Capaian*", "bukti 1 (", "Koefisien", "Komit", "Belum final", "Jenis jabatan"):
            assert header not in text  # numeric tables are data-search-exclude


def test_a_failing_mkdocs_build_stops_with_its_reason(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\ntheme: {name: material}\nnav: [hilang.md]\n",
                                         encoding="utf-8")
    result = jalankan_cli("build", "--records", str(records), "--unit", "biro-sdm", cwd=tmp_path)
    assert result.code == 2
    assert "mkdocs build gagal" in result.err and "hilang.md" in result.err
    assert not (tmp_path / "build" / "site" / "index.html").exists()


def test_a_build_without_site_url_says_what_the_404_pages_need(tmp_path):
    records = tulis_arsip_sah(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\ntheme: {name: material}\n", encoding="utf-8")
    result = jalankan_cli("build", "--records", str(records), "--unit", "biro-sdm", cwd=tmp_path)
    halaman_404 = tmp_path / "build" / "site" / "biro-sdm" / "404.html"
    assert result.code == 0 and "site_url belum diisi di mkdocs.yml" in result.err
    assert 'href="/assets/' in halaman_404.read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\nsite_url: https://kinerja.uji.go.id/\n"
                                         "theme: {name: material}\n", encoding="utf-8")
    result = jalankan_cli("build", "--records", str(records), "--unit", "biro-sdm", cwd=tmp_path)
    assert result.code == 0 and "belum diisi" not in result.err
    assert 'href="/biro-sdm/assets/' in halaman_404.read_text(encoding="utf-8")


def test_serve_builds_one_unit_and_serves_it_on_localhost(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "kinerja", "serve", "--records", str(DEMO), "--unit", "biro-sdm",
                             "--port", str(port)], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        body = None
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/pegawai/", timeout=2) as response:
                    body = response.read().decode("utf-8")
                break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.1)
        assert body is not None and "tabel-pegawai" in body, proc.stderr.read() if proc.poll() is not None else ""
        assert (tmp_path / "build" / "site" / "biro-sdm" / "index.html").is_file()
        assert not (tmp_path / "build" / "site" / "bagian-pengembangan-pegawai").exists()
    finally:
        proc.send_signal(signal.SIGINT)
        err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 0, err
    assert f"http://127.0.0.1:{port}/" in err


# --- the browser ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api

    assert CHROMIUM.exists(), "Debian's chromium is missing: run `bash scripts/test.sh`, which installs it"
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class _Diam(SimpleHTTPRequestHandler):
    """Serves the out folder as a web server would: a missing path under /<unit>/ gets that
    unit's 404.html (with status 404)."""

    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_error(self, code, message=None, explain=None):
        unit = urlsplit(self.path).path.strip("/").split("/")[0]
        tidak_ada = Path(self.directory, unit, "404.html")
        if code != 404 or unit not in UNITS or not tidak_ada.is_file():
            return super().send_error(code, message, explain)
        body = tidak_ada.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def server(demo):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Diam, directory=str(demo)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class Halaman:
    """A browser page that records every problem the tests must fail on."""

    def __init__(self, browser, base: str):
        self.base = base
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.masalah: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.masalah.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.masalah.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: None if r.url.startswith((self.base, "data:", f"blob:{self.base}"))
                     else self.masalah.append(f"request: {r.url}"))

    def buka(self, path: str):
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def tutup(self):
        self.page.close()
        assert not self.masalah, self.masalah


@pytest.fixture
def halaman(browser, server):
    h = Halaman(browser, server)
    yield h
    h.tutup()


@pytest.mark.browser
def test_home_shows_the_unit_and_the_svg_chart(halaman):
    page = halaman.buka("")
    page.click("text=Biro Sumber Daya Manusia")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Beranda"
    chart = page.locator("svg.kinerja-grafik").first
    assert chart.is_visible()
    assert chart.bounding_box()["width"] > 200
    assert page.locator("svg.kinerja-grafik rect.batang").count() >= 5
    assert "Kemajuan tahun" in page.content()


@pytest.mark.browser
def test_a_missing_page_under_a_unit_gets_its_styled_404_page_whose_links_work(halaman):
    """The unit's site_url (the repository's plus '<unit>/') gives the 404 page its base, so
    the theme's stylesheet loads at any depth under /<unit>/."""
    page = halaman.buka("biro-sdm/tidak/ada/di/sini/")
    [gagal] = [m for m in halaman.masalah if "status of 404" in m]  # the page itself, nothing it loads
    halaman.masalah.remove(gagal)
    assert "404" in page.locator("h1").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.evaluate("[...document.styleSheets].some(s => (s.href || '').includes('/biro-sdm/assets/'))")
    page.click("a.md-header__button.md-logo")
    page.wait_for_load_state("networkidle")
    assert page.url == halaman.base + "biro-sdm/"
    assert page.locator("h1").inner_text() == "Beranda"


@pytest.mark.browser
def test_unit_home_links_to_the_parent_unit_the_unit_list_and_people_of_other_units(halaman):
    page = halaman.buka("bagian-pengembangan-pegawai/")
    page.click("dd a[href='../biro-sdm/']")
    page.wait_for_load_state("networkidle")
    assert page.url == halaman.base + "biro-sdm/"
    assert page.locator("h1").inner_text() == "Beranda"
    page.click("text=Daftar situs kinerja unit")
    page.wait_for_load_state("networkidle")
    assert page.url == halaman.base
    assert page.locator("h1").inner_text() == "Situs kinerja unit"
    page = halaman.buka("bagian-pengembangan-pegawai/pegawai/197810302002121004/")  # appraised by biro-sdm's head
    page.locator("dd a[href*='/biro-sdm/pegawai/197603152000031001/']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == halaman.base + "biro-sdm/pegawai/197603152000031001/"
    assert "Hendra Kurniawan" in page.locator("h1").inner_text()


@pytest.mark.browser
def test_reach_an_employee_by_the_table(halaman):
    page = halaman.buka("biro-sdm/pegawai/")
    rows = page.locator("#tabel-pegawai tbody tr")
    total = rows.count()
    name = rows.nth(total - 1).locator("td").first.inner_text()
    nip = rows.nth(total - 1).locator("td").nth(1).inner_text()
    page.fill("[data-kinerja-cari]", nip)
    assert page.locator("#tabel-pegawai tbody tr:visible").count() == 1
    assert page.locator("[data-kinerja-jumlah]").inner_text() == f"1 dari {total} pegawai"
    page.fill("[data-kinerja-cari]", "")
    page.click("#tabel-pegawai th:has-text('NIP')")
    nips = page.locator("#tabel-pegawai tbody td:nth-child(2)").all_inner_texts()
    assert nips == sorted(nips) and len(nips) == total
    page.click("#tabel-pegawai th:has-text('NIP')")
    assert page.locator("#tabel-pegawai tbody td:nth-child(2)").all_inner_texts() == sorted(nips, reverse=True)
    page.click(f"#tabel-pegawai a:has-text('{name}')")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == name
    assert page.locator("#riwayat").count() == 1


@pytest.mark.browser
def test_reach_an_employee_by_search(halaman):
    page = halaman.buka("biro-sdm/")
    page.click(".md-search__input")
    page.keyboard.type("Hartono", delay=30)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_load_state("networkidle")
    assert "Rudi Hartono" in page.locator("h1").inner_text()


@pytest.mark.browser
def test_form_skp_prints_without_navigation(halaman):
    page = halaman.buka("biro-sdm/pegawai/")
    href = page.locator("#tabel-pegawai tbody tr a").first.get_attribute("href")
    page = halaman.buka(f"biro-sdm/pegawai/{href}")
    page.click("text=Form SKP, Lampiran")
    page.wait_for_load_state("networkidle")
    page.goto(page.url.split("#")[0] + "#form-skp")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                     ".kinerja-cetak-alat", "#lampiran-skp"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert page.locator("#form-skp").is_visible()
    assert page.locator("#form-skp .kinerja-ttd").evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert "SASARAN KINERJA PEGAWAI" in page.locator("#form-skp").inner_text()
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible()


def _cetak(halaman, path: str, dokumen: str) -> list[str]:
    """Print one document of a documents page to PDF as Chromium does (A4, print styles); the
    text of each printed page, spaces collapsed."""
    from pypdf import PdfReader

    page = halaman.buka(f"{path}#{dokumen}")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _blok_atasan(text: str) -> str:
    """The ATASAN PEJABAT PENILAI KINERJA block of a printed Dokumen Evaluasi."""
    mulai = text.index("ATASAN PEJABAT PENILAI KINERJA")
    return text[mulai:text.index("EVALUASI KINERJA", mulai)]


def _halaman_ttd(pages: list[str], bersama: str) -> str:
    """The printed page holding the signature block, which must not stand alone on it: the
    text bersama (the end of the document's last table) is printed on the same page."""
    found = [p for p in pages if "Pegawai yang Dinilai" in p]
    assert len(found) == 1, pages
    assert bersama in found[0], "the signature block is not on the page that ends the last table"
    return found[0]


OBJEKSI = "bagian-pengembangan-pegawai/pegawai/199208302019032004/skp-2025/"


@pytest.mark.browser
def test_printed_evaluation_form_shows_what_the_appraiser_signed(halaman):
    pages = _cetak(halaman, OBJEKSI, "evaluasi-tahunan")
    text = " ".join(pages)
    assert "EVALUASI KINERJA PEGAWAI" in text and "DOKUMEN EVALUASI" not in text  # this document only
    assert "RATING HASIL KERJA DI BAWAH EKSPEKTASI" in text and "KINERJA PEGAWAI BUTUH PERBAIKAN" in text
    assert "memutuskan rating yang berlaku pada 4 Februari 2026" in text
    assert "A. UTAMA" in text and "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI" in text and "ASPEK" in text
    assert "Jakarta, 14 Januari 2026" in _halaman_ttd(pages, "PREDIKAT KINERJA PEGAWAI BUTUH PERBAIKAN")


@pytest.mark.browser
def test_printed_evaluation_document_fills_the_atasan_block_and_the_decision(halaman):
    text = " ".join(_cetak(halaman, OBJEKSI, "dokumen-evaluasi-tahunan"))
    atasan = _blok_atasan(text)
    assert "NAMA Teguh Prasetyo" in atasan and "NIP 19" in atasan
    assert "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA" in text and "Jakarta, 4 Februari 2026" in text
    # a unit head whose atasan penilai is in another unit of the repository (biro-sdm's head's SKP)
    kepala = " ".join(_cetak(halaman, "bagian-pengembangan-pegawai/pegawai/197810302002121004/skp-2025/",
                             "dokumen-evaluasi-tahunan"))
    atasan = _blok_atasan(kepala)
    assert "Suharyanto Wibisono" in atasan and "19680514 199403 1 001" in atasan


@pytest.mark.browser
def test_printed_form_skp_has_one_identity_grid_and_a_dated_signature(halaman):
    page = halaman.buka(f"{OBJEKSI}#form-skp")
    grid = page.locator("#form-skp table.kinerja-identitas")
    assert grid.count() == 1 and grid.locator("table").count() == 0
    for row in grid.locator("tr").all()[1:]:
        tops = {round(c.bounding_box()["y"]) for c in row.locator("td").all()}
        assert len(tops) == 1 and row.locator("td").count() == 6
    pages = _cetak(halaman, OBJEKSI, "form-skp")
    assert "SASARAN KINERJA PEGAWAI" in pages[0] and "LAMPIRAN" not in " ".join(pages)
    assert re.search(r"Jakarta, \d+ \w+ 2025", _halaman_ttd(pages, "Kolaboratif"))
    jpt = " ".join(_cetak(halaman, "biro-sdm/pegawai/197408231999031002/skp-2025/", "evaluasi-tahunan"))
    assert "PERSPEKTIF" in jpt and "A. UTAMA" in jpt and "ASPEK" not in jpt


# --- record text that tries to be code ------------------------------------------------------

SERANGAN = {
    "nama": 'Sari <img src=x onerror="window.__xss=1"> {{ 7*7 }}',
    "rhk": "<script>window.__xss=2</script> [x](javascript:window.__xss=3) {{ 7*7 }} {% print 7*7 %}",
    "catatan": "<img src=x onerror=window.__xss=4> **tebal** {{ 7*7 }}",
    "bukti": "javascript:window.__xss=5",
    "unit": "Biro <b>SDM</b> {{ 7*7 }}",
}


@pytest.fixture(scope="module")
def situs_serangan(tmp_path_factory):
    repo = tmp_path_factory.mktemp("serangan")
    records = tulis_arsip_sah(repo)
    staf = records / "biro-sdm" / "pegawai" / NIP_STAF

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    ganti(staf / "profil.yaml", "nama: Sari Wulandari, S.Kom.", f"nama: {q(SERANGAN['nama'])}")
    ganti(staf / "2026" / "skp.yaml", "uraian: Tersedianya layanan aplikasi kepegawaian yang andal",
          f"uraian: {q(SERANGAN['rhk'])}")
    ganti(staf / "2026" / "umpan-balik" / "2026-02-14-modul-cuti.yaml",
          "catatan: Progres modul cuti sesuai rencana; perlu uji beban sebelum Maret.",
          f"catatan: {q(SERANGAN['catatan'])}")
    ganti(staf / "2026" / "evaluasi" / "tw1.yaml", 'bukti: ["https://drive.example.go.id/berkas/123"]',
          f"bukti: [{q(SERANGAN['bukti'])}]")
    ganti(records / "biro-sdm" / "unit.yaml", "nama: Biro Sumber Daya Manusia", f"nama: {q(SERANGAN['unit'])}")
    out = repo / "build" / "site"
    result = jalankan_cli("build", "--records", str(records), "--out", str(out), "--unit", "biro-sdm", cwd=repo)
    assert result.code == 0, result.err
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Diam, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/biro-sdm/"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("path", [f"pegawai/{NIP_STAF}/", f"pegawai/{NIP_STAF}/skp-2026/", "pegawai/",
                                  "matriks/", "", f"pegawai/{NIP_KEPALA}/"])
def test_record_text_shows_as_text_and_runs_nothing(browser, situs_serangan, path):
    h = Halaman(browser, situs_serangan)
    page = h.buka(path)
    text = page.locator("body").inner_text()
    assert SERANGAN["unit"] in page.title()
    if path.startswith(f"pegawai/{NIP_STAF}") or path == "pegawai/":
        assert SERANGAN["nama"] in text
    if path.startswith(f"pegawai/{NIP_STAF}") or path in ("matriks/",):
        assert SERANGAN["rhk"] in text
    if path == f"pegawai/{NIP_STAF}/":
        assert SERANGAN["catatan"] in text and SERANGAN["bukti"] in text
        assert page.locator("a[href^='javascript']").count() == 0
    assert "49" not in re.sub(r"\d{5,}", "", text)  # {{ 7*7 }} was never evaluated
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img[src='x'], script:has-text('__xss'), b:has-text('SDM')").count() == 0
    h.tutup()


@pytest.mark.browser
def test_search_results_show_record_text_as_text(browser, situs_serangan):
    h = Halaman(browser, situs_serangan)
    page = h.buka("")
    page.click(".md-search__input")
    page.keyboard.type("Sari", delay=30)
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=15000)
    assert "onerror" in result.inner_text()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator(".md-search-result img").count() == 0
    h.tutup()


@pytest.mark.browser
def test_employee_page_starts_with_a_summary_and_prints_name_and_nip(halaman):
    page = halaman.buka("bagian-pengembangan-pegawai/pegawai/199208302019032004/")
    ringkasan = page.locator(".kinerja-ringkasan table").first
    assert ringkasan.bounding_box()["y"] < 900, "the summary is not in the first screen"
    tahunan = page.locator(".kinerja-ringkasan__tahunan").first
    assert "Baik" in tahunan.inner_text() and "keputusan atas keberatan" in tahunan.inner_text()
    tahunan.locator("a").click()
    assert page.url.endswith("#skp-2025-tahunan")
    assert page.locator("#skp-2025-tahunan").is_visible()
    page.emulate_media(media="print")
    assert "Dewi Anggraini" in page.locator("h1").inner_text()
    assert page.locator("h1").is_visible() and page.locator(".kinerja-profil").is_visible()
    assert "19920830 201903 2 004" in page.locator(".kinerja-profil").inner_text()


@pytest.mark.browser
def test_team_pages_from_the_navigation_to_a_member(halaman):
    page = halaman.buka("biro-sdm/")
    page.click(".md-tabs a:has-text('Tim kerja'), .md-nav a:has-text('Tim kerja')")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Tim kerja"
    page.click("text=Tim Penguatan Kompetensi")
    page.wait_for_load_state("networkidle")
    anggota = page.locator("#anggota + div table").inner_text()
    assert "Bagian Pengembangan Pegawai" in anggota and "sekretaris" in anggota
    page.click("td a:has-text('RHK 3')")
    page.wait_for_load_state("networkidle")
    assert "Bambang Sutrisno" in page.locator("h1").inner_text()
    assert page.locator(".kinerja-linimasa").first.inner_text().count("Masukan ketua tim") == 2
    assert "Tim Penguatan Kompetensi" in page.locator(".kinerja-profil").inner_text()


@pytest.mark.browser
def test_home_names_the_period_of_the_build_date_and_the_days_to_its_evaluation(halaman):
    hari_ini = date.today()  # the build's date (a build spanning midnight would fail here)
    periode = f"tw{(hari_ini.month - 1) // 3 + 1}"  # biro-sdm evaluates quarterly
    mulai, selesai = aturan.rentang_periode(hari_ini.year, periode)
    sisa = (selesai - hari_ini).days
    page = halaman.buka("biro-sdm/")
    teks = page.locator("#kemajuan-dialog + div").inner_text()
    assert f"Periode berjalan pada {hari_ini.day} " in teks
    assert f"{aturan.PERIODE[periode]} {hari_ini.year}" in teks
    assert (f"{sisa} hari lagi" if sisa else "hari ini") in teks


NIP_DEWI = "199208302019032004"


@pytest.mark.browser
def test_employee_table_finds_a_raw_or_spaced_nip_filters_and_downloads_csv(halaman):
    page = halaman.buka("bagian-pengembangan-pegawai/pegawai/")
    rows = "#tabel-pegawai tbody tr:visible"
    total = page.locator("#tabel-pegawai tbody tr").count()
    for q in (NIP_DEWI, "19920830 201903 2 004", "2019032004"):
        page.fill("[data-kinerja-cari]", q)
        assert page.locator(rows).count() == 1 and "Dewi Anggraini" in page.locator(rows).inner_text(), q
    page.fill("[data-kinerja-cari]", "")
    page.select_option("[data-kinerja-atribut='jenis-jabatan']", "fungsional")
    n = page.locator(rows).count()
    assert 0 < n < total and page.locator("#tabel-pegawai tbody tr[data-jenis-jabatan='fungsional']").count() == n
    page.select_option("[data-kinerja-atribut='jenis-jabatan']", "")
    page.select_option("[data-kinerja-atribut='predikat']", "baik")
    predikat = page.locator(f"{rows} td:nth-child(6)").all_inner_texts()
    assert predikat and all(t.startswith("Baik") for t in predikat)
    assert page.locator("[data-kinerja-jumlah]").inner_text() == f"{len(predikat)} dari {total} pegawai"
    with page.expect_download() as info:
        page.click("[data-kinerja-csv]")
    unduhan = info.value
    assert unduhan.suggested_filename.startswith("pegawai-bagian-pengembangan-pegawai-")
    baris = Path(unduhan.path()).read_bytes().decode("utf-8-sig").rstrip("\r\n").split("\r\n")
    assert baris[0] == '"Nama","NIP","Jabatan","Pejabat penilai","SKP 2026","Predikat terbaru"'
    assert len(baris) == len(predikat) + 1 and all('"Baik (' in b for b in baris[1:])


@pytest.mark.browser
def test_reach_an_employee_by_a_raw_nip_in_the_site_search(halaman):
    page = halaman.buka("bagian-pengembangan-pegawai/")
    page.click(".md-search__input")
    page.keyboard.type(NIP_DEWI, delay=10)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_load_state("networkidle")
    assert "Dewi Anggraini" in page.locator("h1").inner_text()


def test_search_snippets_keep_labels_apart_from_values(demo):
    path = demo / "bagian-pengembangan-pegawai" / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    dewi = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(f"pegawai/{NIP_DEWI}/"))
    assert f"NIP 19920830 201903 2 004 {NIP_DEWI} Jabatan Penata Layanan Operasional" in dewi


# --- accessibility: axe-core ---------------------------------------------------------------

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # from npm by scripts/axe.sh (never a CDN)
NIP_KEBERATAN = "199208302019032004"  # the demo employee with an objection
HALAMAN_AXE = ["", "biro-sdm/", "biro-sdm/pegawai/", f"bagian-pengembangan-pegawai/pegawai/{NIP_KEBERATAN}/",
               "biro-sdm/matriks/", f"bagian-pengembangan-pegawai/pegawai/{NIP_KEBERATAN}/skp-2025/"]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.browser
@pytest.mark.parametrize("lebar", [390, 1280])
@pytest.mark.parametrize("path", HALAMAN_AXE)
def test_axe_finds_no_serious_wcag_violation(halaman, path, lebar):
    """WCAG 2.1 AA as axe-core checks it in Chromium: no violation of impact serious or
    critical, on a phone and a desktop width (a table scrolls sideways only on the first)."""
    assert AXE.is_file(), "axe-core is missing: run `bash scripts/axe.sh` (scripts/test.sh does)"
    halaman.page.set_viewport_size({"width": lebar, "height": 900})
    page = halaman.buka(path)
    page.add_script_tag(path=str(AXE))
    hasil = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    berat = [f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes']][:3]} {v['nodes'][0]['failureSummary']}"
             for v in hasil["violations"] if v["impact"] in ("serious", "critical")]
    assert not berat, berat
    assert hasil["passes"], "axe-core ran no check"


@pytest.mark.browser
def test_each_record_on_an_employee_page_has_an_edit_link_that_paper_leaves_out(halaman):
    """The guide's "propose a change in the web editor" is one click: the profile, each SKP,
    evaluation and objection link to their file in GitHub's editor, named for screen readers;
    printed forms carry none."""
    page = halaman.buka(f"bagian-pengembangan-pegawai/pegawai/{NIP_KEBERATAN}/")
    folder = f"records/bagian-pengembangan-pegawai/pegawai/{NIP_KEBERATAN}"
    tautan = page.locator("a.kinerja-sunting")
    href = [tautan.nth(i).get_attribute("href") for i in range(tautan.count())]
    for berkas in ("profil.yaml", "2025/skp.yaml", "2025/evaluasi/tahunan.yaml", "2025/keberatan/tahunan.yaml"):
        assert f"{ASAL}/edit/main/{folder}/{berkas}" in href, berkas
    profil = page.get_by_role("link", name=f"Sunting di GitHub: {folder}/profil.yaml")
    assert profil.is_visible() and profil.inner_text() == "Sunting di GitHub"
    page.emulate_media(media="print")
    assert not any(tautan.nth(i).is_visible() for i in range(tautan.count()))


@pytest.mark.browser
def test_a_table_wider_than_a_phone_is_reached_and_scrolled_by_keyboard(halaman):
    halaman.page.set_viewport_size({"width": 390, "height": 900})
    page = halaman.buka(f"bagian-pengembangan-pegawai/pegawai/{NIP_KEBERATAN}/")
    region = page.locator("[data-kinerja-geser]").first
    assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle())
    assert page.evaluate("() => document.activeElement.hasAttribute('data-kinerja-geser')")


# --- polish: wrapping, widths and chart text -----------------------------------------------

NIP_FUNGSIONAL = "198102272006031002"  # biro-sdm, functional staff with credit points
DOKUMEN_BUKTI = f"biro-sdm/pegawai/{NIP_FUNGSIONAL}/skp-2025/"  # printed forms with evidence URLs
LEBAR_CETAK = 703  # A4 less the 12 mm side margins of @page, in CSS px

_BARIS_URL = """() => [...document.querySelectorAll('a.kinerja-url')].map(a => {
  const chars = [], walk = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) for (let i = 0; i < n.length; i++) {
    const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
    const box = r.getClientRects()[0];
    if (box) chars.push([n.data[i], Math.round(box.top)]);
  }
  const s = getComputedStyle(a);
  return {href: a.getAttribute('href'), teks: a.textContent, chars, pecah: s.wordBreak + ' ' + s.overflowWrap};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("lebar", [390, LEBAR_CETAK])
def test_evidence_urls_wrap_only_after_a_separator(halaman, lebar):
    halaman.page.set_viewport_size({"width": lebar, "height": 900})
    page = halaman.buka(DOKUMEN_BUKTI)
    if lebar == LEBAR_CETAK:
        page.emulate_media(media="print")
    tautan = page.evaluate(_BARIS_URL)
    assert tautan, "no evidence URL on the documents page"
    terpecah = 0
    for t in tautan:
        assert t["teks"] == t["href"] and len(t["chars"]) == len(t["href"])  # the text is the URL, unbroken
        assert "anywhere" not in t["pecah"] and "break-all" not in t["pecah"] and "break-word" not in t["pecah"]
        akhir_baris = [c for (c, top), (_, berikut) in zip(t["chars"], t["chars"][1:], strict=False) if berikut != top]
        assert all(c in "/?&=" for c in akhir_baris), (t["href"], akhir_baris)
        terpecah += bool(akhir_baris)
    assert terpecah, "no URL wraps at this width: the test proves nothing"


_NIP_SPASI = r"\d{8} \d{6} \d \d{3}"


@pytest.mark.browser
@pytest.mark.parametrize("lebar", [390, LEBAR_CETAK])
@pytest.mark.parametrize("path", ["biro-sdm/pegawai/", f"biro-sdm/pegawai/{NIP_FUNGSIONAL}/", DOKUMEN_BUKTI,
                                  "biro-sdm/tim/tim-penguatan-kompetensi/"])
def test_nips_and_commit_ids_stay_on_one_line(halaman, path, lebar):
    """Every NIP shown (spaced) is in a .kinerja-nip element, and that and every commit id is
    one line box, on a phone and at print width."""
    halaman.page.set_viewport_size({"width": lebar, "height": 900})
    page = halaman.buka(path)
    if lebar == LEBAR_CETAK:
        page.emulate_media(media="print")
    lepas = page.evaluate("""re => {
      const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode())
        if (new RegExp(re).test(n.data) && !n.parentElement.closest('.kinerja-nip')) out.push(n.data);
      return out; }""", _NIP_SPASI)
    assert not lepas, lepas
    baris = page.evaluate("""() => [...document.querySelectorAll('.kinerja-nip, .kinerja-komit')]
      .filter(e => e.getClientRects().length).map(e => [e.textContent, e.getClientRects().length])""")
    assert baris and all(n == 1 for _, n in baris), [b for b in baris if b[1] != 1]
    assert all(re.fullmatch(_NIP_SPASI + r"|[0-9a-f]{10}", t) for t, _ in baris), baris


@pytest.mark.browser
def test_credit_point_table_shows_its_last_column_at_1366_px(halaman):
    halaman.page.set_viewport_size({"width": 1366, "height": 768})
    page = halaman.buka(f"biro-sdm/pegawai/{NIP_FUNGSIONAL}/")
    bungkus = page.locator(".kinerja-angka-kredit")
    terakhir = bungkus.locator("thead th").last
    assert terakhir.inner_text() == "Masih kurang"
    # inside the viewport and inside every clipping ancestor (the theme's scroll wrapper), unscrolled
    terpotong = terakhir.evaluate("""th => { const r = th.getBoundingClientRect(), out = [];
      if (r.left < 0 || r.right > innerWidth) out.push('viewport');
      for (let e = th.parentElement; e; e = e.parentElement) {
        const b = e.getBoundingClientRect();
        if (getComputedStyle(e).overflowX !== 'visible' && (r.left < b.left || r.right > b.right || e.scrollLeft))
          out.push(e.className || e.tagName); }
      return out; }""")
    assert not terpotong, terpotong
    angka = bungkus.evaluate("""e => [...e.querySelectorAll('tbody td')]
      .filter(td => /^[0-9.,%]+$/.test(td.textContent))
      .map(td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; })""")
    assert angka and set(angka) == {1}  # numbers on one line


@pytest.mark.browser
@pytest.mark.parametrize("unit", UNITS)
def test_charts_stay_legible_on_a_phone(halaman, unit):
    """At 390 px every text of every chart is at least 11 CSS px, inside the chart, and no two
    texts overlap."""
    halaman.page.set_viewport_size({"width": 390, "height": 900})
    page = halaman.buka(f"{unit}/")
    grafik = page.evaluate("""() => [...document.querySelectorAll('svg.kinerja-grafik')].map(s => {
      const b = s.getBoundingClientRect();
      const t = [...s.querySelectorAll('text')].map(e => { const r = e.getBoundingClientRect();
        return {teks: e.textContent, px: parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a,
                l: r.left, r: r.right, t: r.top, b: r.bottom}; });
      const tumpang = [];
      t.forEach((p, i) => t.slice(i + 1).forEach(q => {
        if (p.l < q.r && q.l < p.r && p.t < q.b && q.t < p.b) tumpang.push([p.teks, q.teks]); }));
      return {kecil: t.filter(x => x.px < 11).map(x => [x.teks, x.px]), tumpang,
              keluar: t.filter(x => x.l < b.left - 0.5 || x.r > b.right + 0.5).map(x => x.teks), n: t.length};
    })""")
    assert grafik, "no chart on the unit home"
    for g in grafik:
        assert g["n"] >= 15 and not g["kecil"] and not g["tumpang"] and not g["keluar"], g


def test_pages_name_a_second_skp_and_give_realisations_their_unit(demo):
    """'SKP kedua 2025', never the folder name 'SKP 2025-2'; a realisation carries its target's
    unit ('140 dokumen')."""
    assert not [p for p, t in _berkas_teks(demo) if re.search(r"SKP \d{4}-\d", t)]
    andika = demo / "bagian-pengembangan-pegawai" / "pegawai" / "199507212021011006" / "index.html"
    assert "SKP kedua 2025" in andika.read_text(encoding="utf-8")
    dewi = (demo / "bagian-pengembangan-pegawai" / "pegawai" / NIP_DEWI / "index.html").read_text(encoding="utf-8")
    assert '<span class="kinerja-teks">140 dokumen</span>' in dewi
