"""The schema registry (built once) and validation with Indonesian messages.

Each record kind's schema is bundled with the shared definitions of common.schema.json
into one self-contained schema, so no `$ref` crosses files at validation time. The fast
validator (jsonschema-rs) answers "valid or not" for the common case; only a record that
fails it goes through the Python validator, whose errors we translate and position.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from functools import cache
from pathlib import Path

import jsonschema

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - wheels exist for the platforms we run on
    jsonschema_rs = None  # type: ignore[assignment]

from kinerja.yamlio import Dokumen

SKEMA_DIR = Path(__file__).resolve().parent / "schemas"
KINDS = ("unit", "organisasi", "profil", "skp", "evaluasi", "umpan-balik", "keberatan", "instansi", "potensi", "tim")
_COMMON = "common.schema.json"

_BENTUK_TANGGAL = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # a date's shape, whatever its year
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
    """The JSON type of a loaded value (an integral float such as 2026.0 is a number, not an integer)."""
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


def _bilangan_bulat(checker, instance) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


def _angka(checker, instance) -> bool:
    """A number JSON can carry: YAML's .nan and .inf are not (jsonschema-rs sees them as null)."""
    return (isinstance(instance, (int, float)) and not isinstance(instance, bool)
            and not (isinstance(instance, float) and not math.isfinite(instance)))


@cache
def _regex(pattern: str) -> re.Pattern:
    """A schema pattern read as ECMA-262 and jsonschema-rs read it: a final `$` matches only at
    the end of the text (Python's `$` also matches before a final line break, so "rhk-3\\n"
    would pass). Our patterns use `$` only there (tests/test_schemas_meta.py)."""
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern)


def _pola(validator, pattern: str, instance, schema):
    if validator.is_type(instance, "string") and not _regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


# JSON Schema counts 2026.0 as an integer; the model needs a real int (a year, a number of days).
_Rinci = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, validators={"pattern": _pola},
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"integer": _bilangan_bulat, "number": _angka}))


class _Validator:
    def __init__(self, kind: str):
        schema = skema(kind)
        self.skema = schema
        self.rinci = _Rinci(schema, format_checker=jsonschema.FormatChecker(formats=["date"]))
        self.cepat = (jsonschema_rs.validator_for(schema, validate_formats=True)
                      if jsonschema_rs is not None else None)

    def errors(self, data, *, cepat: bool = True):
        """Validation errors; cepat=False skips the fast validator, which counts 2026.0 as an integer."""
        if cepat and self.cepat is not None and self.cepat.is_valid(data):
            return []
        return list(self.rinci.iter_errors(data))


@cache
def validator(kind: str) -> _Validator:
    return _Validator(kind)


def _title(schema: dict, fallback: str) -> str:
    return schema.get("title") or fallback


def _tebakan(key: str, allowed) -> str | None:
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    return close[0] if close else None


def _saran_kunci(key: str, allowed) -> str | None:
    close = _tebakan(key, allowed)
    if close:
        return f"Mungkin maksudnya '{close}'?"
    if allowed:
        return "Kunci yang dikenal di sini: " + ", ".join(sorted(allowed)) + "."
    return None


def _teks(value) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def _angka_id(value) -> str:
    """A schema bound as Indonesians write it: 1000000000000 -> '1.000.000.000.000' (a year stays 2100)."""
    return f"{value:,}".replace(",", ".") if isinstance(value, int) and abs(value) >= 10_000 else str(value)


def _urai(root: dict, node):
    """A subschema with its local reference followed (bundled references are all #/definitions/<name>)."""
    while isinstance(node, dict) and "$ref" in node:
        node = root["definitions"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _skema_pada(root: dict, schema_path) -> dict:
    """The subschema at an absolute schema path (local references are followed implicitly)."""
    node = root
    for part in schema_path:
        if isinstance(node, dict) and part not in node:
            node = _urai(root, node)
        node = node[part]
    return node


def _properti(error: jsonschema.ValidationError, schema: dict, root: dict) -> dict:
    """The properties a `required` error is about; those of the enclosing schema for an if/then rule."""
    if "properties" in schema:
        return schema["properties"]
    schema_path = list(error.absolute_schema_path)
    if schema_path[-2:] == ["then", "required"]:
        return _skema_pada(root, schema_path[:-2]).get("properties", {})
    return {}


def _cabang_terdekat(error: jsonschema.ValidationError, root: dict) -> list | None:
    """The errors of the anyOf/oneOf branch closest to the value: among branches of the
    value's own type, the one declaring most of the value's keys, then with the fewest
    errors, then the first."""
    cabang: dict[int, list] = {}
    for sub in error.context:
        cabang.setdefault(sub.relative_schema_path[0], []).append(sub)
    keys = set(error.instance) if isinstance(error.instance, dict) else set()

    def jarak(i: int):
        declared = _urai(root, error.validator_value[i]).get("properties", {})
        return (-len(keys & set(declared)), len(cabang[i]), i)

    cocok = [i for i, errors in cabang.items()
             if not any(e.validator == "type" and not e.relative_path for e in errors)]
    return cabang[min(cocok, key=jarak)] if cocok else None


def _tak_terhingga(value: float) -> str:
    return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")


def _pesan_nilai(error: jsonschema.ValidationError, title: str, schema: dict):
    """Yield (code, message, hint) for an error about a value itself (its type, choice, form, range)."""
    kind, value, description = error.validator, error.instance, schema.get("description")
    if kind == "type" and isinstance(value, float) and not math.isfinite(value):
        yield "K207", f"{title}: '{_tak_terhingga(value)}' bukan angka yang dapat dihitung.", description
    elif kind == "type":
        expected = [error.validator_value] if isinstance(error.validator_value, str) else error.validator_value
        names = " atau ".join(_JENIS_NILAI[t] for t in expected)
        actual = _jenis(value)
        shown = "angka pecahan" if actual == "number" and "integer" in expected else _JENIS_NILAI[actual]
        yield "K203", f"{title}: nilai harus berupa {names}, bukan {shown}.", description
    elif kind in ("enum", "const"):
        choices = error.validator_value if kind == "enum" else [error.validator_value]
        pilihan = [str(c) for c in choices if c is not None]
        close = difflib.get_close_matches(value, pilihan, n=1, cutoff=0.6) if isinstance(value, str) else []
        yield ("K204", f"{title}: nilai '{_teks(value)}' tidak dikenal; pilihan: {', '.join(pilihan)}.",
               f"Mungkin maksudnya '{close[0]}'?" if close else None)
    elif kind == "pattern" and schema.get("format") == "date" and _BENTUK_TANGGAL.fullmatch(str(value)):
        yield "K207", f"{title}: tahun {str(value)[:4]} di luar rentang yang diizinkan.", description
    elif kind == "pattern":
        yield "K205", f"{title}: nilai '{_teks(value)}' tidak sesuai format.", description
    elif kind == "format":
        if "pattern" not in schema or _regex(schema["pattern"]).search(str(value)):  # else the pattern error says it
            yield ("K206", f"{title}: '{_teks(value)}' bukan tanggal yang ada di kalender.",
                   "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-01-31.")
    elif kind in ("minLength", "minItems"):
        yield "K207", f"{title}: {'teks' if kind == 'minLength' else 'daftar'} tidak boleh kosong.", description
    elif kind in ("minimum", "maximum"):
        batas = "paling kecil" if kind == "minimum" else "paling besar"
        yield ("K207", f"{title}: nilai '{_teks(value)}' di luar batas yang diizinkan "
               f"({batas} {_angka_id(error.validator_value)}).", description)
    elif kind in ("maxLength", "maxItems", "exclusiveMinimum", "exclusiveMaximum"):
        yield "K207", f"{title}: nilai '{_teks(value)}' di luar batas yang diizinkan.", description
    elif kind == "uniqueItems":
        yield "K207", f"{title}: daftar berisi butir yang sama lebih dari sekali.", None


_KATA_NILAI = {"type", "enum", "const", "pattern", "format", "minLength", "minItems", "minimum", "maximum",
               "maxLength", "maxItems", "exclusiveMinimum", "exclusiveMaximum", "uniqueItems"}


def terjemahkan(error: jsonschema.ValidationError, root: dict):
    """Yield (code, path-for-position, is_key, message, hint) for one validation error.

    root is the bundled schema the error came from.
    """
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    name = str(path[-1]) if path else "rekaman"
    title = _title(schema, name)
    kind = error.validator
    if kind == "required":
        properties = _properti(error, schema, root)
        instance = error.instance if isinstance(error.instance, dict) else {}
        # A misspelled key is reported once, at the key, with the right spelling as hint (K202).
        ditebak = ({_tebakan(key, properties) for key in instance if key not in properties}
                   if schema.get("additionalProperties") is False else set())
        for key in error.validator_value:
            if key not in instance and key not in ditebak:
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
    elif kind in _KATA_NILAI:
        for code, message, hint in _pesan_nilai(error, title, schema):
            yield code, path, False, message, hint
    elif kind in ("anyOf", "oneOf") and error.context:
        cabang = _cabang_terdekat(error, root)
        if cabang:
            for sub in cabang:
                yield from terjemahkan(sub, root)
        else:
            yield ("K208", path, False, f"{title}: bentuk nilai tidak sesuai.", schema.get("description"))
    else:
        yield ("K208", path, False, f"{title}: nilai tidak sesuai aturan skema ({kind}).",
               schema.get("description"))


def sah(kind: str, dok: Dokumen) -> bool:
    """Whether a record is valid; needs no positions."""
    return not validator(kind).errors(dok.data, cepat=not dok.float_bulat)


def periksa(kind: str, dok: Dokumen):
    """Validate a loaded record; yield (code, line, column, message, hint)."""
    checker = validator(kind)
    for error in checker.errors(dok.data, cepat=not dok.float_bulat):
        for code, path, is_key, message, hint in terjemahkan(error, checker.skema):
            line, column = dok.posisi_kunci(path) if is_key else dok.posisi_nilai(path)
            yield code, line, column, message, hint
