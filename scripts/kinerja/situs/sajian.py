"""Serves a built site on 127.0.0.1 until interrupted."""

from __future__ import annotations

import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Penangan(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


def sajikan_folder(folder: Path, port: int) -> None:
    handler = functools.partial(_Penangan, directory=str(folder))
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"kinerja: situs tersedia di http://127.0.0.1:{server.server_address[1]}/ "
              "(tekan Ctrl+C untuk berhenti).", file=sys.stderr, flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("kinerja: penyajian dihentikan.", file=sys.stderr)
