"""Writers neutralise record text: terminal tables, text and GitHub diagnostics, site Markdown,
pr-summary Markdown. A value can neither forge a line nor drive the terminal."""

from __future__ import annotations

from kinerja import laporan, tabel
from kinerja.alur.ringkasan import md
from kinerja.laporan import Diagnostik, satu_baris
from kinerja.situs import tampil

JAHAT = "Sari\x1b[2J\n::error file=x.yaml::palsu\r\u202ekanan\x00"


def test_satu_baris_writes_every_control_as_a_visible_escape():
    assert satu_baris(JAHAT) == "Sari\\x1b[2J\\n::error file=x.yaml::palsu\\r\\u202ekanan\\x00"
    assert satu_baris("Sari Wulandari, S.Kom. — é 漢") == "Sari Wulandari, S.Kom. — é 漢"
    assert satu_baris("a\tb\x85c\u2028d") == "a\\tb\\x85c\\u2028d"


def _diagnostik(message: str) -> list[Diagnostik]:
    return [Diagnostik("records/a\nb.yaml", 3, 5, "K420", "error", message, "saran\x1b[31m"),
            Diagnostik("records/c.yaml", 1, 1, "K101", "warning", "100%0A::error::x", None)]


def test_text_diagnostics_keep_one_line_per_diagnostic_and_hint():
    out = laporan.render_text(_diagnostik(f"RHK '{JAHAT}' tidak ada."), 2)
    lines = out.splitlines()
    assert len(lines) == 4  # two diagnostics, one hint, the summary
    assert lines[0].startswith("records/a\\nb.yaml:3:5: error K420: RHK 'Sari\\x1b[2J\\n::error")
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out
    assert lines[1] == "    saran: saran\\x1b[31m"


def test_github_commands_cannot_be_forged_and_percent_is_escaped():
    out = laporan.render_github(_diagnostik(f"RHK '{JAHAT}' tidak ada."), 2)
    lines = out.splitlines()
    assert len(lines) == 2 and all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert lines[0].startswith("::error file=records/a\\nb.yaml,line=3,col=5,title=K420::")
    assert "::error file=x.yaml::palsu" in lines[0]  # as inert data of the first command
    assert lines[1].endswith("::100%250A::error::x")  # a literal %0A stays text; ':' is fine in data
    assert "\x1b" not in out and "\r" not in out


def test_terminal_table_cells_are_inert_and_aligned():
    rows = [{"unit": "biro-sdm", "nip": "199203142019032001", "nama": JAHAT, "skp": "2026", "tahun": 2026,
             "periode": "tw1", "status": "final", "rating_hasil_kerja": None, "rating_perilaku_kerja": None,
             "predikat": None, "sumber": "evaluasi"}]
    out = tabel.render_table(rows, tabel.KOLOM_PREDIKAT)
    assert len(out.splitlines()) == 3
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out and "\x00" not in out
    assert "Sari\\x1b[2J\\n::error" in out


def test_site_text_has_no_raw_control_characters():
    out = str(tampil.teks("a\x1b[2J\tb\nc\rd\x85e\x00"))
    assert out == "a\ufffd&#91;2J\tb&#10;cd\ufffde\ufffd"


def test_pr_summary_markdown_is_one_inert_line():
    assert md("Sari\x1b[2J\n## Judul palsu\u202e") == "Sari\\\\x1b\\[2J ## Judul palsu\\\\u202e"
