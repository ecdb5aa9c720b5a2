"""A progress bar on stderr for long runs: shown only on a terminal and only after a few seconds."""

from __future__ import annotations

import sys
import time

TUNDA = 2.0  # seconds before the bar appears: short runs stay quiet


class Progres:
    def __init__(self, total: int, label: str, aktif: bool, stream=None):
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.aktif = aktif and total > 0 and self.stream.isatty()
        self.mulai = time.monotonic()
        self.selesai_n = 0
        self.tampil = False

    def maju(self, n: int = 1) -> None:
        self.selesai_n += n
        if not self.aktif or time.monotonic() - self.mulai < TUNDA:
            return
        self.tampil = True
        lebar = 30
        isi = lebar * self.selesai_n // self.total
        persen = 100 * self.selesai_n // self.total
        self.stream.write(f"\r{self.label} [{'#' * isi}{'.' * (lebar - isi)}] {persen:3d}% "
                          f"{self.selesai_n}/{self.total}")
        self.stream.flush()

    def selesai(self) -> None:
        if self.tampil:
            self.stream.write("\n")
            self.stream.flush()
