"""The progress bar: only on a terminal, only after a delay, and ending its line."""

from __future__ import annotations

import io

from kinerja import progres


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal_after_the_delay(monkeypatch):
    monkeypatch.setattr(progres, "TUNDA", 0)
    stream = _Terminal()
    bar = progres.Progres(4, "Membaca rekaman", True, stream)
    bar.maju(1)
    bar.maju(3)
    bar.selesai()
    text = stream.getvalue()
    assert "\rMembaca rekaman [#######.......................]  25% 1/4" in text
    assert text.endswith("100% 4/4\n")


def test_no_bar_when_not_a_terminal_or_disabled_or_quick(monkeypatch):
    for stream, aktif, tunda in ((io.StringIO(), True, 0), (_Terminal(), False, 0), (_Terminal(), True, 60)):
        monkeypatch.setattr(progres, "TUNDA", tunda)
        bar = progres.Progres(10, "x", aktif, stream)
        bar.maju(10)
        bar.selesai()
        assert stream.getvalue() == ""
