"""The form editor of a unit site: a Decap CMS config.yml generated from the registry of record
kinds (jenis.REGISTRI) and their JSON Schemas, never written by hand.

Collections follow the registry generically:
- a kind whose file name is fixed (unit.yaml, profil.yaml, skp.yaml) is a `files` collection of
  the unit's existing records of that kind (edit only; new ones come from `kinerja new`);
- a kind whose files are `*.yaml` in a folder is one `folder` collection per concrete folder:
  wildcards in its folder are filled from the existing records of its parent kind (one feedback
  collection per SKP, for example). Decap can only filter a folder's entries by an exact field
  value, so a collection must never span folders that hold other kinds. The file name of such a
  record is its schema's first key (tanggal, periode, tahun, evaluasi, kode), as in the design.

Fields keep the schema's key order, titles and descriptions (label, hint); enums become selects,
dates `YYYY-MM-DD` date pickers, patterns Decap patterns. The first field carries the
`# yaml-language-server` modeline as Decap's comment, so saved entries keep it. Unions a form
cannot show (a kualitatif target text or an object) are shown as the object alternatives merged.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml

from kinerja import jenis, schema
from kinerja.galat import GalatPemakaian
from kinerja.yamlio import NIP

Parts = jenis.Parts
BACKENDS = ("github", "gitlab", "gitea", "proxy")
PROXY_BAWAAN = "http://localhost:8081/api/v1"  # decap-server
DECAP_BERKAS = re.compile(r"(?:[0-9]+\.)?decap-cms\.js")  # the bundle and its lazily loaded chunks
PERINGATAN_RAHASIA = ("Catatan konseling dan catatan bertanda rahasia tidak pernah tampil di situs, "
                      "tetapi tetap dapat dibaca semua orang yang punya akses ke repositori.")
TANPA_PRATINJAU = {"editor": {"preview": False}}  # records have no page preview; the site shows them after review
# The empty data: icon keeps the browser from asking the server root for /favicon.ico (a 404).
INDEX_HTML = """<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Formulir Kinerja</title>
  <link rel="icon" href="data:,">
</head>
<body>
  <script src="decap-cms.js"></script>
</body>
</html>
"""


class GalatFormulir(GalatPemakaian):
    """The form editor cannot be set up (no Decap CMS files, an unknown backend)."""


# --- schema -> Decap fields ----------------------------------------------------------------------

def _urai(root: dict, node: dict) -> dict:
    """node with its $ref resolved; the referring node's own title and description win."""
    while "$ref" in node:
        target = root["definitions"][node["$ref"].rsplit("/", 1)[1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _gabung_objek(objek: list[dict]) -> dict:
    """One object with the properties of every alternative, in order, none required."""
    properties: dict = {}
    for alt in objek:
        for key, value in alt.get("properties", {}).items():
            properties.setdefault(key, value)
    return {"type": "object", "properties": properties}


def _bentuk(root: dict, node: dict) -> tuple[dict, bool]:
    """The one shape a form shows for node, and whether null is allowed."""
    node = _urai(root, node)
    own = {k: node[k] for k in ("title", "description") if k in node}
    alts = node.get("anyOf") or node.get("oneOf")
    if alts:
        alts = [_urai(root, alt) for alt in alts]
        nullable = any(alt.get("type") == "null" for alt in alts)
        objek = [alt for alt in alts if alt.get("type") == "object"]
        pilih = _gabung_objek(objek) if objek else next(alt for alt in alts if alt.get("type") != "null")
        return {**pilih, **own}, nullable
    tipe = node.get("type")
    if isinstance(tipe, list):
        rest = [t for t in tipe if t != "null"]
        return {**node, "type": rest[0]}, len(rest) < len(tipe)
    return node, None in node.get("enum", ())


def _widget(root: dict, node: dict) -> dict:
    tipe = node.get("type")
    if "enum" in node:
        return {"widget": "select", "options": [v for v in node["enum"] if v is not None]}
    if tipe == "object":
        return {"widget": "object", "collapsed": False, "fields": bidang_semua(root, node)}
    if tipe == "array":
        items, _ = _bentuk(root, node.get("items", {}))
        isi = ({"fields": bidang_semua(root, items)} if items.get("type") == "object"
               else {"field": bidang(root, "item", items, True)})
        return {"widget": "list", **isi, **({"min": node["minItems"]} if "minItems" in node else {})}
    if tipe == "boolean":
        return {"widget": "boolean"}
    if tipe in ("integer", "number"):
        batas = {k: node[v] for k, v in (("min", "minimum"), ("max", "maximum")) if v in node}
        return {"widget": "number", "value_type": "int" if tipe == "integer" else "float", **batas}
    if node.get("format") == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if "pattern" in node:
        return {"widget": "string", "pattern": [node["pattern"], f"Isian {node.get('title', '')} tidak sah."]}
    return {"widget": "text"}


def bidang(root: dict, name: str, node: dict, wajib: bool) -> dict:
    """The Decap field of one schema property."""
    node, nullable = _bentuk(root, node)
    field = {"name": name, "label": node.get("title", name)}
    if node.get("description"):
        field["hint"] = node["description"]
    if not wajib or nullable:
        field["required"] = False
    return {**field, **_widget(root, node)}


def bidang_semua(root: dict, node: dict) -> list[dict]:
    """The fields of an object schema, in its key order."""
    wajib = set(node.get("required", ()))
    return [bidang(root, name, prop, name in wajib) for name, prop in node.get("properties", {}).items()]


@cache
def bidang_jenis(kind: str, kedalaman: int) -> list[dict]:
    """The fields of a record kind; the first carries the modeline of a record kedalaman parts
    below records/. Shared by every collection of the kind, so config.yml writes them once."""
    root = schema.skema(kind)
    fields = bidang_semua(root, root)
    naik = "../" * kedalaman  # from the record's folder up to the repository root
    fields[0] = {**fields[0], "comment": f"yaml-language-server: $schema={naik}schemas/{kind}.schema.json"}
    return fields


# --- collections --------------------------------------------------------------------------------

def _cocok(parts: Parts, pola: Parts) -> bool:
    return len(parts) == len(pola) and all(fnmatch.fnmatchcase(p, q) for p, q in zip(parts, pola, strict=True))


def _label(kind: str, folder: Parts, nama: dict[str, str]) -> str:
    """A collection's label: the kind's title, then who and which SKP its folder names."""
    kata = [jenis.REGISTRI[kind].judul]
    for part in folder[1:]:
        kata.append(nama.get(part, part) if NIP.match(part) else part)
    return " · ".join(k for k in kata if k not in ("pegawai", kind))


def _deskripsi(kind: str) -> str:
    root = schema.skema(kind)
    teks = root.get("description", "")
    return f"{teks} {PERINGATAN_RAHASIA}" if "rahasia" in root.get("properties", {}) else teks


def _koleksi_berkas(kind: str, ada: list[Parts], nama: dict[str, str]) -> dict:
    """A files collection. Its files all lie at one depth, so they share one field list, which
    the collection repeats as its own `fields`: Decap (3.x) looks a field's `comment` up in the
    collection's fields only, and would otherwise drop the modeline of every file it saves
    (with collection fields it then also wants an identifier_field)."""
    fields = bidang_jenis(kind, len(ada[0]))
    assert all(len(parts) == len(ada[0]) for parts in ada), kind
    return {"name": kind, "label": jenis.REGISTRI[kind].judul, "description": _deskripsi(kind), **TANPA_PRATINJAU,
            "identifier_field": fields[0]["name"], "fields": fields,
            "files": [{"name": "-".join(parts[:-1]) or parts[0][:-5], "label": _label(kind, parts[:-1], nama),
                       "file": "records/" + "/".join(parts), "fields": fields}
                      for parts in ada]}


def _koleksi_folder(kind: str, folder: Parts, nama: dict[str, str]) -> dict:
    fields = bidang_jenis(kind, len(folder) + 1)
    pertama = fields[0]["name"]
    return {"name": "-".join((kind, *folder)), "label": _label(kind, folder, nama), "description": _deskripsi(kind),
            "folder": "records/" + "/".join(folder), "extension": "yaml", "format": "yaml", "create": True,
            **TANPA_PRATINJAU,
            "identifier_field": pertama, "slug": f"{{{{{pertama}}}}}", "summary": f"{{{{{pertama}}}}}",
            "fields": fields}


def _folder_konkret(pola: Parts, induk: Iterable[Parts]) -> list[Parts]:
    """The folders matching pola: itself when it has no wildcard, else one per record of the
    parent kind whose folder fills pola's wildcards."""
    if not any("*" in p for p in pola):
        return [pola]
    found = set()
    for parts in induk:
        d = parts[:-1]
        rest = pola[len(d):]
        if _cocok(d, pola[:len(d)]) and not any("*" in p for p in rest):
            found.add((*d, *rest))
    return sorted(found)


def koleksi(unit: str, rekaman: list[tuple[str, Parts]], nama: dict[str, str]) -> list[dict]:
    """Every collection of a unit's form editor, in registry order. rekaman: (kind, path below
    records/) of every record in the tree; nama: employee names by NIP (labels)."""
    out = []
    for kind, j in jenis.REGISTRI.items():
        pola = tuple(j.glob.split("/"))
        if pola[0] == "*":
            pola = (unit, *pola[1:])
        ada = sorted(p for k, p in rekaman if k == kind and _cocok(p, pola))
        if "*" not in pola[-1]:
            if ada:
                out.append(_koleksi_berkas(kind, ada, nama))
            continue
        induk = [p for k, p in rekaman if k == j.induk]
        out.extend(_koleksi_folder(kind, folder, nama) for folder in _folder_konkret(pola[:-1], induk))
    return out


# --- backend and the whole configuration ----------------------------------------------------------

@dataclass(frozen=True)
class Backend:
    """Where Decap reads and proposes changes: a Git host (with its sign-in) or decap-server."""

    nama: str = "proxy"  # github | gitlab | gitea | proxy
    repo: str | None = None  # OWNER/NAME
    cabang: str = "main"
    base_url: str | None = None  # GitHub: the OAuth proxy; GitLab, Gitea: the host; proxy: decap-server's API
    app_id: str | None = None  # GitLab (PKCE) or Gitea OAuth application id

    def konfigurasi(self) -> dict:
        if self.nama not in BACKENDS:
            raise GalatFormulir(f"backend formulir '{self.nama}' tidak dikenal (pilih: {', '.join(BACKENDS)}).")
        if self.nama == "proxy":
            return {"name": "proxy", "proxy_url": self.base_url or PROXY_BAWAAN, "branch": self.cabang}
        if not self.repo:
            raise GalatFormulir("repositori untuk formulir tidak diketahui: pakai --repo PEMILIK/NAMA "
                                "atau $KINERJA_CMS_REPO, atau tambahkan remote origin.")
        out = {"name": self.nama, "repo": self.repo, "branch": self.cabang}
        if self.nama == "gitlab":
            out |= {"auth_type": "pkce", "app_id": self.app_id or "ISI-ID-APLIKASI-GITLAB"}
        if self.nama == "gitea":
            out["app_id"] = self.app_id or "ISI-ID-APLIKASI-GITEA"
        if self.base_url and self.nama != "github":
            out["api_root"] = self.base_url.rstrip("/") + ("/api/v4" if self.nama == "gitlab" else "/api/v1")
        return out | ({"base_url": self.base_url} if self.base_url else {})


def _remote(root: Path) -> str | None:
    try:
        hasil = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"],
                               capture_output=True, text=True, check=False, timeout=30)
    except OSError:
        return None
    return hasil.stdout.strip() or None


def backend_dari(root: Path, **ganti: str | None) -> Backend:
    """The backend read from the Git remote origin, then $KINERJA_CMS_<KEY>, then ganti (options)."""
    backend = Backend()
    url = _remote(root)
    match = re.fullmatch(r"(?:https?://(?:[^@/]+@)?|[^@]+@)([^/:]+)[/:](.+?)(?:\.git)?/?", url or "")
    if match:
        host, repo = match.groups()
        nama = next((n for n in ("github", "gitlab") if n in host), "gitea")
        backend = Backend(nama, repo, base_url=None if host == "github.com" or nama == "github" else f"https://{host}")
    env = {k: os.environ.get(f"KINERJA_CMS_{k.upper()}") for k in ("nama", "repo", "cabang", "base_url", "app_id")}
    pilih = {k: v for k, v in (env | {k: v for k, v in ganti.items() if v}).items() if v}
    return replace(backend, **pilih)


def konfigurasi(unit: str, rekaman: list[tuple[str, Parts]], nama: dict[str, str], backend: Backend) -> dict:
    """The whole Decap config of one unit."""
    return {
        "backend": backend.konfigurasi(),
        "publish_mode": "editorial_workflow",
        "media_folder": "records/.unggahan",  # no field uploads files; Decap requires the key
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": koleksi(unit, rekaman, nama),
    }


def teks(config: dict) -> str:
    """config.yml: generated, key order kept."""
    kepala = "# Dibuat oleh `kinerja cms` dari registri jenis rekaman dan skema JSON; jangan diubah tangan.\n"
    return kepala + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def dari_pohon(pohon, arsip, unit: str, backend: Backend) -> str:
    """config.yml of one unit of a records tree (pemeriksaan.Pohon) and its model (names only:
    no checks need to have run)."""
    nama = {nip: p.nama for (_, nip), p in arsip.pegawai.items()}
    return teks(konfigurasi(unit, [(b.kind, b.parts) for b in pohon.daftar], nama, backend))


# --- the /admin/ folder of a unit site ------------------------------------------------------------

def folder_decap(root: Path) -> Path | None:
    """The folder with decap-cms.js: $KINERJA_DECAP, else node_modules/decap-cms/dist of the
    repository; None when it is not there."""
    folder = Path(os.environ.get("KINERJA_DECAP") or root / "node_modules" / "decap-cms" / "dist")
    return folder if (folder / "decap-cms.js").is_file() else None


def pasang_admin(docs: Path, config_yml: str, decap: Path) -> None:
    """Write docs/admin/: index.html, config.yml and Decap's JavaScript (served by the site itself)."""
    admin = docs / "admin"
    admin.mkdir(parents=True, exist_ok=True)
    (admin / "index.html").write_text(INDEX_HTML, encoding="utf-8")
    (admin / "config.yml").write_text(config_yml, encoding="utf-8")
    for berkas in sorted(decap.iterdir()):
        if DECAP_BERKAS.fullmatch(berkas.name):
            shutil.copyfile(berkas, admin / berkas.name)


def untuk_situs(pohon, unit: str, docs: Path, root: Path) -> None:
    """Add /admin/ to a unit's site pages when its unit.yaml says `publikasi: {formulir: true}`;
    without Decap's files the site is built without it, with a warning."""
    arsip = pohon.dimuat[0]  # the site build's model, already loaded
    if arsip.units[unit].publikasi.get("formulir") is not True:
        return
    decap = folder_decap(root)
    if decap is None:
        print(f"kinerja: peringatan: unit {unit}: formulir /admin/ dilewati karena berkas Decap CMS tidak ada; "
              "jalankan `bash scripts/decap.sh` (atau `npm install decap-cms`) atau tunjuk foldernya dengan "
              "$KINERJA_DECAP.", file=sys.stderr)
        return
    pasang_admin(docs, dari_pohon(pohon, arsip, unit, backend_dari(root)), decap)
