"""The error family (kinerja.galat) at the command line: every failure the user can act on is
one Indonesian line with exit 2 (1 when the records are at fault), never "galat internal"."""

from __future__ import annotations

import pytest

from conftest import HasilCli
from kinerja import galat, pemeriksaan
from kinerja.alur.baru import BaruError
from kinerja.riwayat import RiwayatError
from kinerja.situs import mesin
from kinerja.yamlio import YamlError


def _satu_baris(hasil: HasilCli, code: int = 2, kemajuan: str | tuple[str, ...] = "") -> str:
    """The one stderr line of a failed command that is not an internal failure (after progress
    and note lines starting with kemajuan, when given)."""
    assert (hasil.code, hasil.out) == (code, ""), hasil.err
    *awal, galat_ = hasil.err.splitlines(keepends=True)
    assert all(kemajuan and line.startswith(kemajuan) for line in awal), hasil.err
    assert "Traceback" not in hasil.err and "galat internal" not in galat_, hasil.err
    return galat_


def test_the_package_errors_belong_to_the_family():
    assert issubclass(BaruError, galat.GalatPemakaian)
    assert issubclass(RiwayatError, galat.GalatGit)
    assert issubclass(mesin.SitusGagal, galat.GalatSitus)
    assert issubclass(YamlError, galat.GalatRekaman)
    for cls in (galat.GalatPemakaian, galat.GalatRekaman, galat.GalatGit, galat.GalatSitus):
        assert issubclass(cls, galat.KinerjaError)


@pytest.mark.parametrize(("cls", "code"), [(galat.GalatPemakaian, 2), (galat.GalatGit, 2), (galat.GalatSitus, 2),
                                           (galat.GalatRekaman, 1)])
def test_an_error_of_the_family_is_one_line_with_its_exit_status(arsip_sah, jalankan, monkeypatch, cls, code):
    def gagal(*args, **kwargs):
        raise cls("baris pertama\nbaris kedua")

    monkeypatch.setattr(pemeriksaan, "validasi", gagal)
    assert _satu_baris(jalankan("validate"), code) == "kinerja: baris pertama baris kedua\n"
    assert _satu_baris(jalankan("validate", "--debug"), code) == "kinerja: baris pertama baris kedua\n"


@pytest.mark.parametrize("isi", ["site_name: [tidak ditutup\n", "- site_name\n- nav\n", "sekadar teks\n"])
def test_a_broken_repository_mkdocs_yml_is_a_usage_error(arsip_sah, jalankan, isi):
    (arsip_sah.parent / "mkdocs.yml").write_text(isi, encoding="utf-8")
    for command in (["build"], ["serve", "--unit", "biro-sdm"]):
        assert _satu_baris(jalankan(*command)).startswith("kinerja: mkdocs.yml repositori ")
    assert not (arsip_sah.parent / "build").exists()


@pytest.mark.parametrize("out", ["berkas.txt", "berkas.txt/site", "berkas.txt/a/site"])
def test_an_unwritable_out_folder_is_a_usage_error(arsip_sah, jalankan, out):
    (arsip_sah.parent / "berkas.txt").write_text("bukan folder\n", encoding="utf-8")
    err = _satu_baris(jalankan("build", "--out", out))
    assert err.startswith(f"kinerja: folder keluaran '{out}' tidak dapat ditulis")


def test_a_failed_site_build_is_one_line(arsip_sah, jalankan, monkeypatch):
    def gagal(config, hari_ini, *_):
        raise mesin.SitusGagal(f"mkdocs build gagal untuk {config}: ERROR - Config value 'theme'")

    monkeypatch.setattr(mesin, "bangun", gagal)
    err = _satu_baris(jalankan("build", "--unit", "biro-sdm"),
                      kemajuan=("kinerja: unit biro-sdm: ", "kinerja: catatan: site_url belum diisi"))
    assert err.startswith("kinerja: mkdocs build gagal untuk ")


def test_an_unknown_site_engine_is_a_usage_error(arsip_sah, jalankan):
    result = jalankan("build", "--engine", "hugo")
    assert result.code == 2
    assert _satu_baris(result).startswith("kinerja: mesin situs 'hugo' tidak dikenal; pilih mkdocs, ")


def test_a_bad_request_to_new_is_one_line(arsip_sah, jalankan):
    err = _satu_baris(jalankan("new", "evaluasi", "199901012020011001", "tw1"))
    assert err.startswith("kinerja: pegawai 199901012020011001 tidak ditemukan")


def test_bad_synthetic_arguments_are_one_line(jalankan, tmp_path):
    assert _satu_baris(jalankan("sintetis", "--unit", "0", str(tmp_path / "s"))) == "kinerja: Jumlah unit minimal 1.\n"
