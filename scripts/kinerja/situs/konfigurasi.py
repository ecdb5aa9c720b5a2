"""The per-unit MkDocs configuration: build/<unit>/mkdocs.yml.

It starts from the repository's mkdocs.yml when there is one (with its INHERIT chain), else
the base shipped in the package, and sets what each unit's build needs. The file is written
whole, already merged as MkDocs merges an INHERIT (mappings key by key, lists replaced), so
every engine reads the same settings: Zensical appends inherited lists instead of replacing
them. The lists we extend (stylesheets, scripts, Markdown extensions, plugins) hold the
inherited entries, then ours. The site is built into the unit's work folder (`site/`: Zensical
refuses a site_dir outside the configuration's folder) and moved into place by `mesin`.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from kinerja.model import Unit
from kinerja.situs import tampil

DASAR = Path(__file__).parent / "templates" / "mkdocs-dasar.yml"
EKSTENSI_WAJIB = ("attr_list", "tables", "toc")  # what the generated pages use
SITE_DIR = "site"  # under the work folder, for every engine
AKSI_SUNTING = ("content.action.edit", "content.action.view")  # the theme's edit buttons: off (see _tema)
NAV_DIBANGKITKAN = [{"Beranda": "index.md"}, {"Pegawai": "pegawai/index.md"},
                    {"Matriks peran hasil": "matriks/index.md"},
                    {"Tim kerja": "tim/index.md"}]


@dataclass(frozen=True)
class Induk:
    """The configuration a unit's inherits, read once per build."""

    path: Path
    data: dict

    @classmethod
    def dari_repositori(cls, root: Path) -> Induk:
        path = root / "mkdocs.yml"
        path = path if path.is_file() else DASAR
        with open(path, "rb") as f:
            return cls(path.resolve(), yaml_load(f))

    def path_dari(self, value: str | None) -> Path | None:
        """A path setting of the inherited file, made absolute (MkDocs would read it from
        the per-unit file's folder)."""
        return (self.path.parent / value).resolve() if isinstance(value, str) else None

    @property
    def custom_dir(self) -> Path | None:
        theme = self.data.get("theme")
        return self.path_dari(theme.get("custom_dir")) if isinstance(theme, dict) else None


def _nama(item) -> str:
    return item if isinstance(item, str) else next(iter(item))


def _tambah(inherited, ours: list) -> list:
    items = list(inherited or [])
    names = {_nama(i) for i in items}
    return items + [i for i in ours if _nama(i) not in names]


def _gabung(induk: dict, anak: dict) -> dict:
    """MkDocs' INHERIT merge: mappings merged key by key, anything else replaced."""
    hasil = dict(induk)
    for key, value in anak.items():
        lama = hasil.get(key)
        hasil[key] = _gabung(lama, value) if isinstance(lama, dict) and isinstance(value, dict) else value
    return hasil


class _Penulis(yaml.SafeDumper):
    """Safe YAML, plus the `!!python/name:` values MkDocs configurations use (pymdownx emoji
    functions, for instance), written back as they were read."""


def _nama_python(dumper: yaml.SafeDumper, value) -> yaml.Node:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{value.__module__}.{value.__qualname__}", "")


_Penulis.add_representer(types.FunctionType, _nama_python)
_Penulis.add_representer(types.BuiltinFunctionType, _nama_python)
_Penulis.add_multi_representer(type, _nama_python)


def _nav_situs(pages: list[str]) -> list:
    """Navigation of the hand-written pages: top-level pages, then one section per folder."""
    top: list = []
    sections: dict[str, list] = {}
    for page in sorted(pages):
        folder, _, rest = page.partition("/")
        if rest:
            sections.setdefault(folder, []).append(page)
        else:
            top.append(page)
    nav = [{folder.replace("-", " ").capitalize(): items} for folder, items in sections.items()]
    return nav + top


def _tema(induk: Induk) -> dict:
    """Our theme settings. The theme's edit buttons are turned off: one edit_uri cannot serve
    both generated pages (no source in the repository) and hand-written ones, and Zensical has no
    per-page switch; the pages carry their own edit links instead (`sunting`)."""
    theme: dict = {"name": "material", "language": "id", "font": False}
    if induk.custom_dir is not None:
        theme["custom_dir"] = str(induk.custom_dir)
    inherited = induk.data.get("theme")
    features = inherited.get("features") if isinstance(inherited, dict) else None
    if isinstance(features, list) and set(AKSI_SUNTING) & set(features):
        theme["features"] = [f for f in features if f not in AKSI_SUNTING]
    return theme


def site_url(induk: Induk, kode: str) -> str | None:
    """The unit's address: the repository's site_url (where the out folder is published) plus
    '<kode>/'. The engines take the 404 page's base path from it."""
    url = induk.data.get("site_url")
    return f"{url.rstrip('/')}/{kode}/" if isinstance(url, str) and url else None


def tulis(kerja: Path, induk: Induk, unit: Unit, *, aset: list[str], halaman_situs: list[str]) -> Path:
    """Write kerja/mkdocs.yml for one unit (its pages are in kerja/docs) and return its path."""
    theme = _tema(induk)
    nav_situs = induk.data.get("nav") or _nav_situs(halaman_situs)
    plugins = induk.data.get("plugins")
    config = {
        "site_name": tampil.html(unit.nama),
        "docs_dir": "docs",
        "site_dir": SITE_DIR,
        "use_directory_urls": True,
        "theme": theme,
        "nav": NAV_DIBANGKITKAN + list(nav_situs),
        "not_in_nav": "/pegawai/*/\n/tim/*/\n",
        "extra_css": _tambah(induk.data.get("extra_css"), [a for a in aset if a.endswith(".css")]),
        "extra_javascript": _tambah(induk.data.get("extra_javascript"), [a for a in aset if a.endswith(".js")]),
        "markdown_extensions": _tambah(induk.data.get("markdown_extensions"), list(EKSTENSI_WAJIB)),
    }
    if site_url(induk, unit.kode):
        config["site_url"] = site_url(induk, unit.kode)
    if isinstance(plugins, list) and not {"search", "material/search"} & {_nama(p) for p in plugins}:
        config["plugins"] = plugins + ["search"]  # search must work on every unit site
    hooks = [str(induk.path_dari(h)) for h in induk.data.get("hooks") or []]
    if hooks:
        config["hooks"] = hooks
    watch = [str(induk.path_dari(w)) for w in induk.data.get("watch") or []]
    if watch:
        config["watch"] = watch
    kerja.mkdir(parents=True, exist_ok=True)
    path = kerja / "mkdocs.yml"
    text = ("# Ditulis oleh 'kinerja build'; jangan disunting: ubah mkdocs.yml repositori.\n"
            + f"# Dari {induk.path}\n"
            + yaml.dump(_gabung(induk.data, config), Dumper=_Penulis, allow_unicode=True, sort_keys=False))
    path.write_text(text, encoding="utf-8")
    return path
