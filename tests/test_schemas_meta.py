"""The JSON Schemas in schemas/: metaschemas, the editor-safe keyword subset, Indonesian
titles and descriptions, $ref targets, and the record examples of design.md."""

import copy
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, Draft202012Validator
from referencing import Registry, Resource

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
KINDS = ["unit", "organisasi", "profil", "skp", "evaluasi", "umpan-balik", "keberatan", "instansi", "potensi", "tim"]
SCHEMA_FILES = sorted(SCHEMAS.glob("*.schema.json"))
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

# Keywords that draft-07 editors understand; "$schema" only at a file's root.
ALLOWED_KEYWORDS = {
    "type", "properties", "required", "additionalProperties", "enum", "const", "pattern", "items",
    "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "minimum", "maximum", "anyOf",
    "allOf", "if", "then", "else", "not", "definitions", "$ref", "format", "title", "description",
    "default", "examples",
}
CONDITION_KEYWORDS = ("if", "then", "else", "not")
ENGLISH_WORDS = {"the", "and", "is", "are", "must", "should", "this", "with", "of", "or", "if", "when"}
REF = re.compile(r"^(?P<file>[a-z-]+\.schema\.json)?#/definitions/(?P<name>[a-z_]+)$")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def subschemas(schema: dict, path: str = "#", in_condition: bool = False):
    """Yield (path, schema, in_condition) for the schema and every schema nested in it.

    in_condition marks schemas under if/then/else/not: they constrain properties that
    are described elsewhere, so they carry no titles and stay open."""
    yield path, schema, in_condition
    for keyword in ("properties", "definitions"):
        for name, sub in schema.get(keyword, {}).items():
            yield from subschemas(sub, f"{path}/{keyword}/{name}", in_condition)
    for keyword in ("items", "additionalProperties"):
        if isinstance(schema.get(keyword), dict):
            yield from subschemas(schema[keyword], f"{path}/{keyword}", in_condition)
    for keyword in ("anyOf", "allOf"):
        for index, sub in enumerate(schema.get(keyword, [])):
            yield from subschemas(sub, f"{path}/{keyword}/{index}", in_condition)
    for keyword in CONDITION_KEYWORDS:
        if keyword in schema:
            yield from subschemas(schema[keyword], f"{path}/{keyword}", True)


def all_subschemas():
    for path in SCHEMA_FILES:
        for pointer, sub, in_condition in subschemas(load(path)):
            yield path.name, pointer, sub, in_condition


def refs():
    for file_name, pointer, sub, _ in all_subschemas():
        if "$ref" in sub:
            yield file_name, pointer, sub["$ref"]


def test_one_schema_per_kind_plus_common():
    assert {path.name for path in SCHEMA_FILES} == {f"{kind}.schema.json" for kind in KINDS + ["common"]}


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_metaschemas(path):
    schema = load(path)
    assert schema["$schema"] == DRAFT_2020_12
    Draft202012Validator.check_schema(schema)
    Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.name)
def test_root_has_title_and_description(path):
    schema = load(path)
    assert schema["title"].strip() and schema["description"].strip()


def test_only_editor_safe_keywords():
    unknown = [
        (file_name, pointer, sorted(set(sub) - ALLOWED_KEYWORDS - ({"$schema"} if pointer == "#" else set())))
        for file_name, pointer, sub, _ in all_subschemas()
    ]
    assert [entry for entry in unknown if entry[2]] == []


def test_every_property_has_indonesian_title_and_description():
    problems = []
    for file_name, pointer, sub, in_condition in all_subschemas():
        if in_condition:
            continue
        for name, prop in sub.get("properties", {}).items():
            for keyword in ("title", "description"):
                text = prop.get(keyword)
                if not isinstance(text, str) or not text.strip():
                    problems.append((file_name, f"{pointer}/properties/{name}", f"{keyword} kosong"))
                elif ENGLISH_WORDS & set(re.findall(r"[a-z]+", text.lower())):
                    problems.append((file_name, f"{pointer}/properties/{name}", f"{keyword} berbahasa Inggris"))
    assert problems == []


def test_every_object_is_closed():
    open_objects = [
        (file_name, pointer)
        for file_name, pointer, sub, in_condition in all_subschemas()
        if not in_condition and (sub.get("type") == "object" or "properties" in sub)
        and sub.get("additionalProperties") is not False
    ]
    assert open_objects == []


def test_every_ref_resolves():
    broken = []
    for file_name, pointer, ref in refs():
        match = REF.match(ref)
        target = (match and match["file"]) or file_name
        if not match or not (SCHEMAS / target).is_file() or match["name"] not in load(SCHEMAS / target).get(
            "definitions", {}
        ):
            broken.append((file_name, pointer, ref))
    assert broken == []


def test_every_definition_is_used():
    used = set()
    for file_name, _, ref in refs():
        match = REF.match(ref)
        used.add(((match["file"] or file_name), match["name"]))
    defined = {(path.name, name) for path in SCHEMA_FILES for name in load(path).get("definitions", {})}
    assert defined - used == set()


# ---------------------------------------------------------------- examples of design.md

EXAMPLES = {
    "unit": {
        "kode": "biro-sdm",
        "nama": "Biro Sumber Daya Manusia",
        "instansi": "Kementerian Contoh",
        "induk": "sekretariat-jenderal",
        "pimpinan": "198003152005011002",
        "evaluasi_periodik": "triwulanan",
        "admin": ["hr-biro-sdm"],
    },
    "profil": {
        "nip": "199203142019032001",
        "nama": "Sari Wulandari, S.Kom.",
        "jenis_asn": "pns",
        "pangkat_golongan": "Penata Muda Tk. I (III/b)",
        "jabatan": "Pranata Komputer Ahli Pertama",
        "jenis_jabatan": "fungsional",
        "jenjang": "ahli_pertama",
        "penilai": "198507202010011003",
        "akun_git": "sariw",
    },
    "skp": {
        "tahun": 2026,
        "periode": {"mulai": "2026-01-01", "selesai": "2026-12-31"},
        "pendekatan": "kuantitatif",
        "pegawai": {
            "nip": "199203142019032001",
            "nama": "Sari Wulandari, S.Kom.",
            "pangkat_golongan": "Penata Muda Tk. I (III/b)",
            "jabatan": "Pranata Komputer Ahli Pertama",
            "unit_kerja": "Biro Sumber Daya Manusia",
            "jenjang": "ahli_pertama",
        },
        "penilai": {
            "nip": "198507202010011003",
            "nama": "Budi Santoso, S.T., M.T.",
            "pangkat_golongan": "Penata Tk. I (III/d)",
            "jabatan": "Kepala Bagian Sistem Informasi Kepegawaian",
            "unit_kerja": "Biro Sumber Daya Manusia",
        },
        "status": "ditetapkan",
        "ditetapkan": "2026-01-20",
        "hasil_kerja": [
            {
                "id": "rhk-1",
                "jenis": "utama",
                "intervensi": "198507202010011003/rhk-2",
                "uraian": "Tersedianya layanan aplikasi kepegawaian yang andal",
                "penugasan_dari": None,
                "indikator": [
                    {
                        "id": "iki-1",
                        "aspek": "kuantitas",
                        "uraian": "Jumlah modul aplikasi yang selesai dikembangkan",
                        "target": {"nilai": 4, "satuan": "modul"},
                        "perspektif": None,
                    }
                ],
            }
        ],
        "perilaku_kerja": {
            "berorientasi_pelayanan": {"ekspektasi": "Menanggapi permintaan layanan dalam satu hari kerja"},
            "akuntabel": {},
            "kompeten": {},
            "harmonis": {},
            "loyal": {},
            "adaptif": {},
            "kolaboratif": {},
        },
        "lampiran": {
            "dukungan_sumber_daya": ["Akses server pengembangan"],
            "skema_pertanggungjawaban": ["Laporan triwulanan kepada Kepala Bagian"],
            "konsekuensi": ["Predikat kinerja menjadi dasar tunjangan kinerja"],
        },
    },
    "evaluasi": {
        "periode": "tw1",
        "tanggal": "2026-04-08",
        "status": "final",
        "hasil_kerja": [
            {
                "rhk": "rhk-1",
                "realisasi": [
                    {"indikator": "iki-1", "nilai": 1, "bukti": ["https://drive.example.go.id/berkas/123"]}
                ],
                "umpan_balik": "Modul cuti selesai lebih cepat dari rencana.",
            }
        ],
        "rating_hasil_kerja": "sesuai_ekspektasi",
        "perilaku_kerja": {"berorientasi_pelayanan": {"umpan_balik": "Respons cepat terhadap permintaan layanan."}},
        "rating_perilaku_kerja": "di_atas_ekspektasi",
        "catatan_rekomendasi": "Ikutkan pelatihan keamanan aplikasi.",
    },
    "umpan-balik": {
        "tanggal": "2026-02-14",
        "dari": "198507202010011003",
        "jenis": "dialog_kinerja",
        "tentang": {"rhk": "rhk-1"},
        "catatan": "Progres modul cuti sesuai rencana; perlu uji beban sebelum Maret.",
        "tindak_lanjut": "Jadwalkan uji beban minggu depan.",
        "rahasia": False,
    },
    "keberatan": {
        "evaluasi": "tahunan",
        "diajukan": "2027-01-12",
        "alasan": "Realisasi modul keempat belum diperhitungkan.",
        "penjelasan_penilai": "Modul keempat selesai setelah evaluasi disusun.",
        "keputusan": {
            "oleh": "197502102000031001",
            "tanggal": "2027-01-25",
            "rating_hasil_kerja": "sesuai_ekspektasi",
            "rating_perilaku_kerja": "sesuai_ekspektasi",
            "catatan": "Rating hasil kerja tetap; bukti modul keempat diterima untuk periode berikutnya.",
        },
    },
    "instansi": {
        "nama": "Kementerian Contoh",
        "tempat": "Jakarta",
        "aturan": {"kurva_mayoritas": "terbanyak"},
        "tunjangan": {
            "dasar": "bulanan",
            "persen": {"sangat_baik": 100, "baik": 100, "butuh_perbaikan": 90, "kurang": 85, "sangat_kurang": 80},
            "tanpa_evaluasi": None,
            "kelas_jabatan": {"7": 2915000, "9": 5079000},
        },
    },
    "potensi": {"tingkat": "tinggi", "asesor": "UPT Penilaian Kompetensi Pegawai", "tanggal": "2026-08-14"},
    "tim": {
        "kode": "tim-sistem-merit",
        "nama": "Tim Percepatan Penerapan Sistem Merit",
        "dasar": "Keputusan Kepala Biro SDM Nomor 12 Tahun 2026",
        "periode": {"mulai": "2026-02-01", "selesai": "2026-12-31"},
        "ketua": "198003152005011002",
        "intervensi": "197502102000031001/rhk-2",
        "hasil": [{"id": "hasil-1", "uraian": "Terpetakannya talenta jabatan administrator"}],
        "anggota": [
            {"nip": "199203142019032001", "mulai": "2026-02-01"},
            {"nip": "198907182014022001", "mulai": "2026-03-01", "selesai": "2026-09-30", "peran": "sekretaris"},
        ],
    },
    "organisasi": {
        "tahun": 2026,
        "penetapan": [
            {
                "periode": "tw1",
                "predikat": "baik",
                "ditetapkan_oleh": "197502102000031001",
                "tanggal": "2026-04-05",
                "kalibrasi": None,
            }
        ],
    },
}

REGISTRY = Registry().with_resource(
    "common.schema.json", Resource.from_contents(load(SCHEMAS / "common.schema.json"))
)
VALIDATORS = {
    kind: Draft202012Validator(
        load(SCHEMAS / f"{kind}.schema.json"),
        registry=REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    for kind in KINDS
}
DELETE = object()
IKI = ("hasil_kerja", 0, "indikator", 0)


def mutated(kind: str, edits: dict) -> dict:
    """The design example of kind with edits {path: value or DELETE} applied."""
    document = copy.deepcopy(EXAMPLES[kind])
    for path, value in edits.items():
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        if value is DELETE:
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return document


@pytest.mark.parametrize("kind", KINDS)
def test_design_example_is_valid(kind):
    assert list(VALIDATORS[kind].iter_errors(EXAMPLES[kind])) == []


VALID = {
    "unit-tanpa-induk-dan-admin": ("unit", {("induk",): DELETE, ("admin",): DELETE}),
    "unit-induk-null": ("unit", {("induk",): None}),
    "unit-aturan-dan-publikasi": ("unit", {
        ("aturan",): {
            "tenggat_skp": "02-15",
            "hari_keberatan": 21,
            "rating_pimpinan": {"istimewa": "di_atas_ekspektasi", "baik": "di_atas_ekspektasi"},
        },
        ("publikasi",): {"rating": False, "umpan_balik": True},
    }),
    "profil-pelaksana-tanpa-jenjang": ("profil", {("jenis_jabatan",): "pelaksana", ("jenjang",): DELETE}),
    "profil-pppk-tanpa-akun-git": ("profil", {("jenis_asn",): "pppk", ("akun_git",): DELETE}),
    "skp-draft-tanpa-tanggal-penetapan": ("skp", {("status",): "draft", ("ditetapkan",): DELETE}),
    "skp-kualitatif": ("skp", {("pendekatan",): "kualitatif", IKI + ("target",): "Modul cuti dipakai seluruh biro"}),
    "skp-target-rentang-arah-turun": ("skp", {
        IKI + ("target",): {"min": 1, "maks": 2.5, "satuan": "hari"},
        IKI + ("arah",): "turun",
    }),
    "skp-jpt": ("skp", {
        ("hasil_kerja", 0, "intervensi"): DELETE,
        ("hasil_kerja", 0, "penugasan_dari"): "Menteri",
        IKI + ("perspektif",): "penerima_layanan",
    }),
    "skp-rhk-tambahan-tanpa-intervensi": ("skp", {
        ("hasil_kerja", 0, "jenis"): "tambahan",
        ("hasil_kerja", 0, "intervensi"): None,
        ("hasil_kerja", 0, "penugasan_dari"): DELETE,
        IKI + ("perspektif",): DELETE,
    }),
    "skp-lampiran-kosong": ("skp", {
        ("lampiran",): {"dukungan_sumber_daya": [], "skema_pertanggungjawaban": [], "konsekuensi": []},
    }),
    "evaluasi-draft-pimpinan-unit": ("evaluasi", {
        ("status",): "draft",
        ("rating_hasil_kerja",): DELETE,
        ("perilaku_kerja",): DELETE,
        ("rating_perilaku_kerja",): DELETE,
        ("catatan_rekomendasi",): DELETE,
        ("hasil_kerja", 0, "umpan_balik"): DELETE,
        ("hasil_kerja", 0, "realisasi"): [],
    }),
    "evaluasi-realisasi-kualitatif-bulanan": ("evaluasi", {
        ("periode",): "b12",
        ("hasil_kerja", 0, "realisasi", 0, "nilai"): "Modul cuti dipakai seluruh biro",
        ("hasil_kerja", 0, "realisasi", 0, "bukti"): DELETE,
        ("perilaku_kerja", "kolaboratif"): {},
    }),
    "umpan-balik-tentang-perilaku": ("umpan-balik", {("tentang",): {"perilaku": "kolaboratif"}}),
    "umpan-balik-konseling-minimal": ("umpan-balik", {
        ("jenis",): "konseling",
        ("tentang",): DELETE,
        ("tindak_lanjut",): DELETE,
        ("rahasia",): DELETE,
    }),
    "keberatan-baru-diajukan": ("keberatan", {("penjelasan_penilai",): DELETE, ("keputusan",): DELETE}),
    "keberatan-penjelasan-null": ("keberatan", {("penjelasan_penilai",): None, ("keputusan",): DELETE}),
    "tim-tanpa-dasar-dan-intervensi": ("tim", {("dasar",): DELETE, ("intervensi",): None}),
    "skp-penugasan-tim": ("skp", {("hasil_kerja", 0, "intervensi"): DELETE,
                                  ("hasil_kerja", 0, "penugasan_dari"): "tim:biro-sdm/tim-sistem-merit/hasil-1"}),
    "organisasi-kalibrasi-tahunan": ("organisasi", {
        ("penetapan", 0, "periode"): "tahunan",
        ("penetapan", 0, "kalibrasi"): "Seluruh pegawai menyelesaikan proyek prioritas nasional.",
    }),
}


@pytest.mark.parametrize("case", VALID)
def test_valid_variants(case):
    kind, edits = VALID[case]
    assert list(VALIDATORS[kind].iter_errors(mutated(kind, edits))) == []


INVALID = {
    "unit-kunci-asing": ("unit", {("pimpinan_unit",): "198003152005011002"}),
    "unit-tanpa-pimpinan": ("unit", {("pimpinan",): DELETE}),
    "unit-periodik-salah": ("unit", {("evaluasi_periodik",): "semesteran"}),
    "unit-induk-huruf-besar": ("unit", {("induk",): "Sekretariat-Jenderal"}),
    "unit-tenggat-bulan-13": ("unit", {("aturan",): {"tenggat_skp": "13-01"}}),
    "unit-rating-pimpinan-salah": ("unit", {("aturan",): {"rating_pimpinan": {"baik": "baik"}}}),
    "unit-admin-dengan-at": ("unit", {("admin",): ["@hr-biro-sdm"]}),
    "profil-nip-17-angka": ("profil", {("nip",): "19920314201903200"}),
    "profil-nip-bilangan": ("profil", {("nip",): 199203142019032001}),
    "profil-nip-berspasi": ("profil", {("nip",): "19920314 201903 2 001"}),
    "profil-jenis-asn-salah": ("profil", {("jenis_asn",): "honorer"}),
    "profil-fungsional-tanpa-jenjang": ("profil", {("jenjang",): DELETE}),
    "profil-tanpa-penilai": ("profil", {("penilai",): DELETE}),
    "profil-nama-kosong": ("profil", {("nama",): ""}),
    "skp-ditetapkan-tanpa-tanggal": ("skp", {("ditetapkan",): DELETE}),
    "skp-tanggal-30-februari": ("skp", {("ditetapkan",): "2026-02-30"}),
    "skp-tanggal-tanpa-nol": ("skp", {("periode", "mulai"): "2026-1-1"}),
    "skp-tahun-teks": ("skp", {("tahun",): "2026"}),
    "skp-tahun-di-luar-rentang": ("skp", {("tahun",): 1999}),
    "skp-kunci-salah-eja": ("skp", {IKI + ("targer",): {"nilai": 4, "satuan": "modul"}}),
    "skp-target-tanpa-satuan": ("skp", {IKI + ("target",): {"nilai": 4}}),
    "skp-target-campuran": ("skp", {IKI + ("target",): {"nilai": 4, "maks": 5, "satuan": "modul"}}),
    "skp-target-kosong": ("skp", {IKI + ("target",): ""}),
    "skp-aspek-salah": ("skp", {IKI + ("aspek",): "mutu"}),
    "skp-intervensi-tanpa-nip": ("skp", {("hasil_kerja", 0, "intervensi"): "rhk-2"}),
    "skp-tanpa-rhk": ("skp", {("hasil_kerja",): []}),
    "skp-rhk-tanpa-iki": ("skp", {("hasil_kerja", 0, "indikator"): []}),
    "skp-perilaku-kurang-satu": ("skp", {("perilaku_kerja", "loyal"): DELETE}),
    "skp-perilaku-tak-dikenal": ("skp", {("perilaku_kerja", "jujur"): {}}),
    "skp-lampiran-kurang-satu": ("skp", {("lampiran", "konsekuensi"): DELETE}),
    "skp-identitas-tanpa-jabatan": ("skp", {("penilai", "jabatan"): DELETE}),
    "evaluasi-predikat-ditulis": ("evaluasi", {("predikat",): "baik"}),
    "evaluasi-periode-tw5": ("evaluasi", {("periode",): "tw5"}),
    "evaluasi-status-salah": ("evaluasi", {("status",): "selesai"}),
    "evaluasi-rating-salah": ("evaluasi", {("rating_hasil_kerja",): "baik"}),
    "evaluasi-nilai-kosong": ("evaluasi", {("hasil_kerja", 0, "realisasi", 0, "nilai"): ""}),
    "evaluasi-realisasi-tanpa-indikator": ("evaluasi", {("hasil_kerja", 0, "realisasi", 0, "indikator"): DELETE}),
    "evaluasi-perilaku-ekspektasi": ("evaluasi", {("perilaku_kerja", "loyal"): {"ekspektasi": "Setia"}}),
    "umpan-balik-tentang-keduanya": ("umpan-balik", {("tentang", "perilaku"): "kolaboratif"}),
    "umpan-balik-tentang-kosong": ("umpan-balik", {("tentang",): {}}),
    "umpan-balik-perilaku-salah": ("umpan-balik", {("tentang",): {"perilaku": "jujur"}}),
    "umpan-balik-rahasia-teks": ("umpan-balik", {("rahasia",): "ya"}),
    "umpan-balik-jenis-salah": ("umpan-balik", {("jenis",): "teguran"}),
    "keberatan-tanpa-alasan": ("keberatan", {("alasan",): DELETE}),
    "keberatan-keputusan-tanpa-oleh": ("keberatan", {("keputusan", "oleh"): DELETE}),
    "keberatan-keputusan-predikat": ("keberatan", {("keputusan", "predikat"): "baik"}),
    "tim-tanpa-ketua": ("tim", {("ketua",): DELETE}),
    "tim-tanpa-anggota": ("tim", {("anggota",): []}),
    "tim-anggota-tanpa-mulai": ("tim", {("anggota", 0, "mulai"): DELETE}),
    "tim-hasil-tanpa-uraian": ("tim", {("hasil", 0, "uraian"): DELETE}),
    "tim-kode-huruf-besar": ("tim", {("kode",): "Tim-Merit"}),
    "organisasi-predikat-pegawai": ("organisasi", {("penetapan", 0, "predikat"): "sangat_baik"}),
    "organisasi-tanpa-penetapan": ("organisasi", {("penetapan",): []}),
}


@pytest.mark.parametrize("case", INVALID)
def test_invalid_variants(case):
    kind, edits = INVALID[case]
    errors = list(VALIDATORS[kind].iter_errors(mutated(kind, edits)))
    assert errors
    # every error sits on an edited path: at a mapping holding the edit, the edit, or inside it
    for error in errors:
        location = tuple(error.absolute_path)
        assert any(path[: len(location)] == location[: len(path)] for path in edits), (location, error.message)


def test_patterns_are_anchored_at_both_ends_and_use_dollar_only_there():
    """kinerja.schema reads a final `$` as the end of the text (as ECMA-262 and jsonschema-rs do);
    a `$` elsewhere would keep Python's reading, which also matches before a final line break."""
    wrong = [(file_name, pointer, sub["pattern"]) for file_name, pointer, sub, _ in all_subschemas()
             if "pattern" in sub and not (sub["pattern"].startswith("^") and sub["pattern"].endswith("$")
                                          and "$" not in sub["pattern"][:-1])]
    assert wrong == []


def test_every_number_is_bounded():
    """Numbers a record may hold stay within what every later stage computes with (|x| <= 10^12)."""
    unbounded = [(file_name, pointer) for file_name, pointer, sub, in_condition in all_subschemas()
                 if not in_condition and "number" in (sub.get("type") if isinstance(sub.get("type"), list)
                                                      else [sub.get("type")])
                 and not ("minimum" in sub and "maximum" in sub)]
    assert unbounded == []
