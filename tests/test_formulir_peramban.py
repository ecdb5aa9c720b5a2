"""The form editor end to end: `kinerja build` publishes /admin/ of a unit whose repository was
made in tmp_path, decap-server (npm, `bash scripts/decap.sh`) serves that repository in git
mode, and Debian's Chromium (Playwright, never a downloaded browser) creates a feedback note and
edits an SKP target through the forms. The editorial workflow saves each as a branch
cms/<collection>/<slug>; on each branch `kinerja validate --changed-since main` exits 0 and
`kinerja pr-summary` describes the change.

The page may request nothing but the two local servers and may log no console error, with one
exception: Decap asks decap-server whether an entry is already in the editorial workflow
(action `unpublishedEntry`) and decap-server answers 404 when it is not, which Chromium logs as
"Failed to load resource". Those answers are checked one by one and only they are tolerated.

Without Chromium, Playwright, Node.js or the npm packages the test is skipped, but fails when
CI=true.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import NIP_KEPALA, NIP_STAF, RepoGit, jalankan_cli, tulis_arsip_sah

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
DECAP_CMS = ROOT / "node_modules" / "decap-cms" / "dist"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
LOKAL = {"127.0.0.1", "localhost"}
SKP = f"records/biro-sdm/pegawai/{NIP_STAF}/2026/skp.yaml"
UMPAN_BALIK = f"records/biro-sdm/pegawai/{NIP_STAF}/2026/umpan-balik/2026-03-10.yaml"
KOLEKSI_UMPAN_BALIK = f"umpan-balik-biro-sdm-pegawai-{NIP_STAF}-2026-umpan-balik"
ENTRI_SKP = f"biro-sdm-pegawai-{NIP_STAF}-2026"
TUNGGU_MS = 30_000

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _perlu(ada: bool, pesan: str) -> None:
    """Skip when a tool is missing, but fail in CI (CI=true), where scripts/test.sh installs it."""
    if not ada:
        if os.environ.get("CI") == "true":
            pytest.fail(pesan)
        pytest.skip(pesan)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu_port(port: int, proc: subprocess.Popen, log: Path) -> None:
    batas = time.monotonic() + 30
    while time.monotonic() < batas:
        if proc.poll() is not None:
            pytest.fail(f"decap-server berhenti ({proc.returncode}): {log.read_text(encoding='utf-8')}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"decap-server tidak mendengarkan port {port} dalam 30 detik: {log.read_text(encoding='utf-8')}")


def _env_git() -> dict[str, str]:
    """decap-server's Git: no user or system configuration (the repository has its own identity)."""
    return {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.fixture
def decap_server(tmp_path: Path) -> Iterator[tuple[RepoGit, int]]:
    """A records repository in tmp_path/repo (branch main, /admin/ enabled for biro-sdm) served
    by decap-server in git mode on 127.0.0.1; stopped (bounded waits) after the test."""
    _perlu(shutil.which("node") is not None and DECAP_SERVER.is_file() and (DECAP_CMS / "decap-cms.js").is_file(),
           "Node.js, decap-server atau decap-cms tidak ada: jalankan `bash scripts/decap.sh`")
    repo = RepoGit.buat(tmp_path / "repo")
    records = tulis_arsip_sah(repo.path)
    unit = records / "biro-sdm" / "unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + "publikasi: {formulir: true}\n", encoding="utf-8")
    repo.git("config", "user.name", "Formulir")
    repo.git("config", "user.email", "formulir@contoh.go.id")
    repo.komit("Rekaman awal")
    port = _port_bebas()
    log = tmp_path / "decap-server.log"
    env = _env_git() | {"PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git",
                        "GIT_REPO_DIRECTORY": str(repo.path), "LOG_LEVEL": "info"}
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=tmp_path, env=env, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        _tunggu_port(port, proc, log)
        yield repo, port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


class _Diam(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def situs(decap_server, tmp_path: Path, monkeypatch) -> Iterator[str]:
    """`kinerja build` of the repository with the proxy backend at decap-server, served on
    127.0.0.1; the URL of biro-sdm's /admin/."""
    repo, port = decap_server
    monkeypatch.setenv("KINERJA_DECAP", str(DECAP_CMS))
    monkeypatch.setenv("KINERJA_CMS_NAMA", "proxy")
    monkeypatch.setenv("KINERJA_CMS_BASE_URL", f"http://127.0.0.1:{port}/api/v1")
    out = tmp_path / "situs"
    hasil = jalankan_cli("build", "--records", str(repo.path / "records"), "--out", str(out), cwd=repo.path)
    assert hasil.code == 0, hasil.err
    assert (out / "biro-sdm" / "admin" / "config.yml").is_file(), hasil.err
    assert repo.git("status", "--porcelain") == "", "the build must leave the repository clean (decap-server adds all)"
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Diam, directory=str(out)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/biro-sdm/admin/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


class Pengamat:
    """Every request, failed response and console error of a page, for the final check."""

    def __init__(self, page, api: str):
        self.api = api
        self.masalah: list[str] = []
        self.probe_404 = 0  # decap-server's "not in the editorial workflow" answers
        self.konsol_404: list[str] = []
        page.on("request", self._request)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.masalah.append(f"pageerror: {e}"))

    def _request(self, r) -> None:
        if not r.url.startswith("data:") and urlsplit(r.url).hostname not in LOKAL:
            self.masalah.append(f"request: {r.url}")

    def _response(self, r) -> None:
        if r.status < 400:
            return
        try:
            action = json.loads(r.request.post_data or "{}").get("action")
        except ValueError:
            action = None
        if r.url == self.api and r.status == 404 and action == "unpublishedEntry":
            self.probe_404 += 1
        else:
            self.masalah.append(f"response {r.status}: {r.url} {r.request.post_data or ''}")

    def _console(self, m) -> None:
        if m.type != "error":
            return
        if (m.text.startswith("Failed to load resource: the server responded with a status of 404")
                and m.location.get("url") == self.api):
            self.konsol_404.append(m.text)
        else:
            self.masalah.append(f"console: {m.text} ({m.location.get('url')})")

    def periksa(self) -> None:
        masalah = list(self.masalah)
        if len(self.konsol_404) > self.probe_404:
            masalah.append(f"{len(self.konsol_404)} console 404s for {self.probe_404} workflow probes")
        assert not masalah, masalah


def _cabang(repo: RepoGit) -> set[str]:
    return set(repo.git("branch", "--format=%(refname:short)").split())


def _tunggu_cabang(repo: RepoGit, nama: str, page) -> None:
    """Wait (bounded) for decap-server to have committed the entry on its branch."""
    batas = time.monotonic() + TUNGGU_MS / 1000
    while nama not in _cabang(repo):
        if time.monotonic() > batas:
            page.screenshot(path=str(repo.path.parent / "gagal.png"), full_page=True)
            pytest.fail(f"cabang {nama} tidak dibuat; cabang: {sorted(_cabang(repo))}")
        page.wait_for_timeout(200)
    page.get_by_text("Changes saved").first.wait_for(timeout=TUNGGU_MS)


def _pilih(page, select, nilai: str) -> None:
    """A select (react-select): open its menu, then click the option."""
    select.click()
    page.get_by_role("option", name=nilai, exact=True).click()


BUKA = """el => {
  for (const b of document.querySelectorAll('button[data-testid=expand-button][aria-label=Expand]')) {
    const wadah = b.closest('[class*=ListItem], [class*=ControlContainer]');
    if (wadah && wadah.contains(el)) { b.setAttribute('data-buka', ''); return true; }
  }
  return false;
}"""


def _buka(page, target) -> None:
    """Expand the collapsed lists and list items that hold target, outermost first."""
    for _ in range(10):
        if target.is_visible():
            return
        page.locator("[data-buka]").evaluate_all("bs => bs.forEach(b => b.removeAttribute('data-buka'))")
        assert target.evaluate(BUKA), "no collapsed list holds the field, yet it is hidden"
        page.locator("[data-buka]").click()
    assert target.is_visible()


def _isi_umpan_balik(page, admin: str) -> None:
    page.goto(f"{admin}#/collections/{KOLEKSI_UMPAN_BALIK}/new")
    page.locator("[id^=tanggal-field-]").fill("2026-03-10")  # a native date input
    page.locator("[id^=dari-field-]").fill(NIP_KEPALA)
    _pilih(page, page.locator("[id^=jenis-field-]"), "dialog_kinerja")
    page.locator("[id^=rhk-field-]").fill("rhk-2")
    page.locator("[id^=catatan-field-]").fill("Permintaan bantuan selesai rata-rata dua hari; pertahankan.")
    page.get_by_role("button", name="Save", exact=True).click()


def _ubah_target_skp(page, admin: str) -> None:
    page.goto(f"{admin}#/collections/skp/entries/{ENTRI_SKP}")
    page.reload()  # a new hash alone leaves Decap on the saved feedback entry
    # the target of rhk-1/iki-1: the first "nilai" number field of the form
    nilai = page.locator("input[type=number][id^=nilai-field-]").first
    nilai.wait_for(state="attached", timeout=TUNGGU_MS)
    assert nilai.input_value() == "4"
    _buka(page, nilai)
    nilai.fill("5")
    # a set SKP changes only with a revision approved by the appraiser (K707 otherwise)
    revisi = page.locator("[id^=revisi-field-]")
    revisi.get_by_role("button", name="Add riwayat revisi skp").click()
    revisi.locator("[id^=tanggal-field-]").fill("2026-03-02")
    revisi.locator("[id^=alasan-field-]").fill("Tambahan modul presensi atas permintaan pimpinan.")
    revisi.locator("[id^=disetujui_oleh-field-]").fill(NIP_KEPALA)
    page.get_by_role("button", name="Save", exact=True).click()


def _di_cabang(repo: RepoGit, cabang: str) -> tuple[list[str], str]:
    """Switch to cabang; the files it changes from main and `kinerja pr-summary --base main`."""
    repo.git("switch", "-q", cabang)
    berubah = repo.git("diff", "--name-only", "main...HEAD").split()
    hasil = jalankan_cli("validate", "--records", "records", "--changed-since", "main", cwd=repo.path)
    assert hasil.code == 0, hasil.out + hasil.err
    ringkas = jalankan_cli("pr-summary", "--records", "records", "--base", "main", cwd=repo.path)
    assert ringkas.code == 0, ringkas.err
    return berubah, ringkas.out


def test_forms_create_feedback_and_edit_a_skp_target_as_valid_branches(decap_server, situs):
    _perlu(CHROMIUM.exists(), "Chromium Debian (/usr/bin/chromium) tidak ada: jalankan `bash scripts/test.sh`")
    try:
        from playwright import sync_api
    except ImportError:
        _perlu(False, "Playwright (Python) tidak terpasang: pip install -e '.[test]'")
        raise
    repo, port = decap_server
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(TUNGGU_MS)
            pengamat = Pengamat(page, f"http://127.0.0.1:{port}/api/v1")
            page.goto(situs)
            page.get_by_role("button", name="Login").click()
            page.get_by_role("link", name="SKP", exact=True).first.wait_for()

            _isi_umpan_balik(page, situs)
            _tunggu_cabang(repo, f"cms/{KOLEKSI_UMPAN_BALIK}/2026-03-10", page)
            _ubah_target_skp(page, situs)
            _tunggu_cabang(repo, f"cms/skp/{ENTRI_SKP}", page)
            page.wait_for_load_state("networkidle")
            page.close()
            pengamat.periksa()
        finally:
            browser.close()

    assert repo.git("rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    berubah, ringkas = _di_cabang(repo, f"cms/{KOLEKSI_UMPAN_BALIK}/2026-03-10")
    assert berubah == [UMPAN_BALIK]
    teks = (repo.path / UMPAN_BALIK).read_text(encoding="utf-8")
    assert teks.startswith("# yaml-language-server: $schema=../../../../../../schemas/umpan-balik.schema.json\n")
    assert f'dari: "{NIP_KEPALA}"' in teks
    assert yaml.safe_load(teks) == {
        "tanggal": datetime.date(2026, 3, 10), "dari": NIP_KEPALA, "jenis": "dialog_kinerja",
        "tentang": {"rhk": "rhk-2"}, "catatan": "Permintaan bantuan selesai rata-rata dua hari; pertahankan."}
    assert "Ditambahkan dialog kinerja 2026-03-10" in ringkas and "semua sah" in ringkas, ringkas

    repo.git("switch", "-q", "main")
    berubah, ringkas = _di_cabang(repo, f"cms/skp/{ENTRI_SKP}")
    assert berubah == [SKP]
    teks = (repo.path / SKP).read_text(encoding="utf-8")
    assert teks.startswith("# yaml-language-server: $schema=../../../../../schemas/skp.schema.json\n")
    skp = yaml.safe_load(teks)
    assert skp["hasil_kerja"][0]["indikator"][0]["target"] == {"nilai": 5, "satuan": "modul"}
    assert skp["revisi"] == [{"tanggal": datetime.date(2026, 3, 2), "disetujui_oleh": NIP_KEPALA,
                              "alasan": "Tambahan modul presensi atas permintaan pimpinan."}]
    assert "Target indikator iki-1 (RHK rhk-1): 4 modul → 5 modul" in ringkas and "**0 galat**" in ringkas, ringkas
