"""`kinerja pengaturan [--check]`: the editor and hook files a records repository carries, written
from the registry of record kinds (never by hand, so a new kind cannot be forgotten).

- `.vscode/settings.json`: every kind's schema mapped onto the files of that kind (the VS Code
  YAML extension then completes and checks records while they are typed);
- `.pre-commit-hooks.yaml`: the hooks this tool offers (`kinerja validate` on any change under
  records/, and `--changed-since HEAD` for the staged change only).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kinerja.jenis import REGISTRI
from kinerja.yamlio import tulis_atomik

PERINTAH = "kinerja pengaturan"

_VSCODE_LAIN = {
    "yaml.yamlVersion": "1.2",
    "yaml.validate": True,
    "yaml.hover": True,
    "yaml.completion": True,
    "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.detectIndentation": False},
    "files.encoding": "utf8",
    "files.eol": "\n",
    "files.insertFinalNewline": True,
}

_KAIT = [
    ("kinerja-validate", "kinerja validate",
     "Memeriksa seluruh rekaman kinerja (skema dan aturan antar-rekaman) sebelum komit.",
     "kinerja validate"),
    ("kinerja-validate-perubahan", "kinerja validate --changed-since HEAD",
     "Memeriksa hanya rekaman yang akan dikomit beserta rekaman yang bergantung padanya, termasuk aturan "
     "riwayat (evaluasi final dan SKP yang sudah ditetapkan); cepat untuk repositori besar.",
     "kinerja validate --changed-since HEAD"),
]


def vscode(records: str = "records", schemas: str = "schemas") -> str:
    mapping = {f"./{schemas}/{j.skema}": f"{records}/{j.glob}" for j in REGISTRI.values()}
    return json.dumps({"yaml.schemas": mapping, **_VSCODE_LAIN}, indent=2, ensure_ascii=False) + "\n"


def kait(records: str = "records") -> str:
    lines = [f"# Dibuat oleh '{PERINTAH}'; jangan disunting langsung, jalankan ulang perintahnya.",
             "# Kait pre-commit yang disediakan repositori ini. Di repositori unit, tulis di",
             "# .pre-commit-config.yaml:",
             "#   repos:",
             "#     - repo: <alamat repositori kinerja>",
             "#       rev: v0.1.0",
             "#       hooks:",
             "#         - id: kinerja-validate"]
    for ident, nama, keterangan, entry in _KAIT:
        lines += [f"- id: {ident}", f"  name: {nama}", f"  description: {json.dumps(keterangan, ensure_ascii=False)}",
                  f"  entry: {entry}", "  language: python", f"  files: ^{records}/", "  pass_filenames: false"]
    return "\n".join(lines) + "\n"


BERKAS = {".vscode/settings.json": vscode, ".pre-commit-hooks.yaml": kait}


@dataclass(frozen=True)
class Hasil:
    sesuai: bool
    pesan: str


def jalankan(root: Path, *, periksa: bool) -> Hasil:
    """Write the files at the repository root (or, periksa, say which are out of date)."""
    usang = [name for name, buat in BERKAS.items()
             if not (root / name).is_file() or (root / name).read_text(encoding="utf-8") != buat()]
    if periksa:
        if usang:
            return Hasil(False, f"{', '.join(usang)} usang; jalankan '{PERINTAH}' lalu komit hasilnya.")
        return Hasil(True, "berkas pengaturan editor dan kait sesuai dengan jenis rekaman.")
    for name in usang:
        tulis_atomik(root / name, BERKAS[name]())
    return Hasil(True, f"{len(usang)} berkas ditulis." if usang else "berkas pengaturan sudah sesuai.")
