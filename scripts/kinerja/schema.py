"""The schema registry (built once) and validation with Indonesian messages.

Each record kind's schema is bundled with the shared definitions of common.schema.json
into one self-contained schema, so no `$ref` crosses files at validation time. The fast
validator (jsonschema-rs) answers "valid or not" for the common case; only a record that
fails it goes through the Python validator, whose errors we translate and position.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path

import jsonschema
from jsonschema.exceptions import best_match

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - wheels exist for the platforms we run on
    jsonschema_rs = None

from kinerja.yamlio import Dokumen

SKEMA_DIR = Path(__file__).resolve().parent / "schemas"
KINDS = ("unit", "organisasi", "profil", "skp", "evaluasi", "umpan-balik", "keberatan")
_COMMON = "common.schema.json"

_JENIS_NILAI = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "boolean": "true atau false",
    "object": "pemetaan (kunci: nilai)",
    "array": "daftar",
    "null": "kosong (null)",
}


def _jenis(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _bundle(schema, prefix: str):
    """Copy of schema with references into common.schema.json made local.

    Definitions of common.schema.json are renamed "common__<name>"; prefix is the
    renaming applied to the local references of the schema being copied.
    """
    if isinstance(schema, dict):
        out = {}
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str):
                if value.startswith(_COMMON + "#/definitions/"):
                    value = "#/definitions/common__" + value.rsplit("/", 1)[1]
                elif value.startswith("#/definitions/") and prefix:
                    value = "#/definitions/" + prefix + value.rsplit("/", 1)[1]
            out[key] = _bundle(value, prefix) if key != "$ref" else value
        return out
    if isinstance(schema, list):
        return [_bundle(item, prefix) for item in schema]
    return schema


def _baca(name: str) -> dict:
    return json.loads((SKEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def skema(kind: str) -> dict:
    """The bundled, self-contained schema of a record kind."""
    own = _bundle(_baca(f"{kind}.schema.json"), "")
    common = _bundle(_baca(_COMMON), "common__")
    definitions = dict(own.get("definitions", {}))
    for name, definition in common.get("definitions", {}).items():
        definitions["common__" + name] = definition
    own["definitions"] = definitions
    return own


class _Validator:
    def __init__(self, kind: str):
        schema = skema(kind)
        self.rinci = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.FormatChecker(formats=["date"]))
        self.cepat = (jsonschema_rs.validator_for(schema, validate_formats=True)
                      if jsonschema_rs is not None else None)

    def errors(self, data):
        if self.cepat is not None and self.cepat.is_valid(data):
            return []
        return list(self.rinci.iter_errors(data))


@cache
def validator(kind: str) -> _Validator:
    return _Validator(kind)


def _title(schema: dict, fallback: str) -> str:
    return schema.get("title") or fallback


def _saran_kunci(key: str, allowed) -> str | None:
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    if close:
        return f"Mungkin maksudnya '{close[0]}'?"
    if allowed:
        return "Kunci yang dikenal di sini: " + ", ".join(sorted(allowed)) + "."
    return None


def _teks(value) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def terjemahkan(error: jsonschema.ValidationError, dok: Dokumen):
    """Yield (code, path-for-position, is_key, message, hint) for one validation error."""
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    name = str(path[-1]) if path else "rekaman"
    title = _title(schema, name)
    kind = error.validator
    if kind == "required":
        properties = schema.get("properties", {})
        for key in error.validator_value:
            if isinstance(error.instance, dict) and key not in error.instance:
                sub = properties.get(key, {})
                yield ("K201", path, False,
                       f"Kunci wajib '{key}' ({_title(sub, key)}) belum diisi.",
                       sub.get("description"))
    elif kind == "additionalProperties":
        allowed = schema.get("properties", {})
        for key in error.instance:
            if key not in allowed:
                yield ("K202", path + (key,), True, f"Kunci '{key}' tidak dikenal di sini.",
                       _saran_kunci(key, allowed))
    elif kind == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        names = " atau ".join(_JENIS_NILAI[t] for t in expected)
        yield ("K203", path, False,
               f"{title}: nilai harus berupa {names}, bukan {_JENIS_NILAI[_jenis(error.instance)]}.",
               schema.get("description"))
    elif kind in ("enum", "const"):
        choices = error.validator_value if kind == "enum" else [error.validator_value]
        shown = [str(c) for c in choices if c is not None]
        hint = None
        if isinstance(error.instance, str):
            close = difflib.get_close_matches(error.instance, shown, n=1, cutoff=0.6)
            hint = f"Mungkin maksudnya '{close[0]}'?" if close else None
        yield ("K204", path, False,
               f"{title}: nilai '{_teks(error.instance)}' tidak dikenal; pilihan: {', '.join(shown)}.", hint)
    elif kind == "pattern":
        yield ("K205", path, False, f"{title}: nilai '{_teks(error.instance)}' tidak sesuai format.",
               schema.get("description"))
    elif kind == "format":
        yield ("K206", path, False, f"{title}: '{_teks(error.instance)}' bukan tanggal yang ada di kalender.",
               "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-01-31.")
    elif kind in ("minLength", "minItems"):
        what = "teks" if kind == "minLength" else "daftar"
        yield ("K207", path, False, f"{title}: {what} tidak boleh kosong.", schema.get("description"))
    elif kind in ("minimum", "maximum", "maxLength", "maxItems", "exclusiveMinimum", "exclusiveMaximum"):
        yield ("K207", path, False,
               f"{title}: nilai '{_teks(error.instance)}' di luar batas yang diizinkan.", schema.get("description"))
    elif kind == "uniqueItems":
        yield ("K207", path, False, f"{title}: daftar berisi butir yang sama lebih dari sekali.", None)
    elif kind in ("anyOf", "oneOf") and error.context:
        expected_type = _jenis(error.instance)
        same_shape = [e for e in error.context
                      if expected_type in _tipe_skema(e.schema) and e.validator != "type"]
        if same_shape:
            yield from terjemahkan(best_match(same_shape), dok)
        else:
            yield ("K208", path, False, f"{title}: bentuk nilai tidak sesuai.", schema.get("description"))
    else:
        yield ("K208", path, False, f"{title}: nilai tidak sesuai aturan skema ({kind}).",
               schema.get("description"))


def _tipe_skema(schema) -> set[str]:
    if not isinstance(schema, dict):
        return set()
    declared = schema.get("type")
    types = {declared} if isinstance(declared, str) else set(declared or ())
    if "integer" in types:
        types.add("number")
    if "number" in types:
        types.add("integer")
    return types


def periksa(kind: str, dok: Dokumen):
    """Validate a loaded record; yield (code, line, column, message, hint)."""
    for error in validator(kind).errors(dok.data):
        for code, path, is_key, message, hint in terjemahkan(error, dok):
            line, column = dok.posisi_kunci(path) if is_key else dok.posisi_nilai(path)
            yield code, line, column, message, hint
