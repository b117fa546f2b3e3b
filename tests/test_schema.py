"""The JSON Schemas in macros/schema/ that editors get in VS Code (completion, tooltips, checks).

The schemas mirror the validator in macros/ (which remains the authority): every real
data file must satisfy its schema, the schemas must be valid draft 2020-12, each data
file must point at its schema on its first line, and the schemas must reject the
typical editing mistakes.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path, PurePosixPath

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SCHEMA_DIR = ROOT / "macros" / "schema"
SCHEMA_NAMES = ("common.schema.json", "region.schema.json", "plan.schema.json",
                "protokoll.schema.json")
# data folder → (schema of its files, path to it from a data file's own folder)
KINDS = {
    "regioner": ("region.schema.json", "../../macros/schema/region.schema.json"),
    "planer": ("plan.schema.json", "../../../macros/schema/plan.schema.json"),
    "protokoll": ("protokoll.schema.json", "../../../macros/schema/protokoll.schema.json"),
    "indikatorer": ("indikatorer.schema.json", "../../macros/schema/indikatorer.schema.json"),
}
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _data_files(folder: str) -> list[Path]:
    base = DATA / folder
    pattern = "*" if folder in ("regioner", "indikatorer") else "*/*"
    return sorted(p for p in base.glob(pattern) if p.suffix in (".yml", ".yaml") and p.is_file())


DATA_FILES = [(folder, path) for folder in KINDS for path in _data_files(folder)]


def _name(path: Path) -> str:
    return path.relative_to(DATA).as_posix()


def _retrieve(uri: str) -> Resource:
    # The schemas refer to each other by file name ("common.schema.json#/$defs/…").
    path = SCHEMA_DIR / uri
    if "/" in uri or not path.is_file():
        raise NoSuchResource(ref=uri)
    return Resource.from_contents(json.loads(path.read_text(encoding="utf-8")))


REGISTRY = Registry(retrieve=_retrieve)


def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(_schema(name), registry=REGISTRY)


def _as_json(value):
    """What the project's loader sees, as JSON: dates stay text and keys are strings."""
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _load(path: Path):
    return _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


def _errors(validator: Draft202012Validator, document) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(filen)'}: {e.message}"
            for e in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))]


# --- (a) the real data files -------------------------------------------------------

def test_there_are_data_files_of_every_kind():
    assert {folder for folder, _ in DATA_FILES} == set(KINDS)


@pytest.mark.parametrize("folder, path", DATA_FILES, ids=[_name(p) for _, p in DATA_FILES])
def test_data_file_satisfies_its_schema(folder, path):
    errors = _errors(_validator(KINDS[folder][0]), _load(path))
    assert not errors, f"{_name(path)}:\n" + "\n".join(errors[:20])


# --- (b) the schemas themselves ----------------------------------------------------

@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name):
    schema = _schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == name


def test_schema_folder_holds_the_four_schemas():
    assert set(SCHEMA_NAMES) <= {p.name for p in SCHEMA_DIR.glob("*.schema.json")}


def _objects(node, where="#"):
    """Every subschema that describes a mapping with named keys."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            yield where, node
        for key, item in node.items():
            yield from _objects(item, f"{where}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _objects(item, f"{where}/{index}")


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_mapping_is_closed_and_every_key_described(name):
    for where, node in _objects(_schema(name)):
        assert node.get("additionalProperties") is False, f"{name}{where}: additionalProperties"
        assert set(node.get("required", [])) <= set(node["properties"]), f"{name}{where}"
        for key, prop in node["properties"].items():
            assert prop.get("description", "").strip(), f"{name}{where}/{key}: description saknas"


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_reference_resolves(name):
    resolver = REGISTRY.resolver(base_uri=name)

    def refs(node):
        if isinstance(node, dict):
            if "$ref" in node:
                yield node["$ref"]
            for item in node.values():
                yield from refs(item)
        elif isinstance(node, list):
            for item in node:
                yield from refs(item)

    for ref in refs(_schema(name)):
        assert resolver.lookup(ref).contents, ref


# --- (c) each data file names its schema on its first line --------------------------

@pytest.mark.parametrize("folder, path", DATA_FILES, ids=[_name(p) for _, p in DATA_FILES])
def test_first_line_points_at_the_schema(folder, path):
    first = path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n", 1)[0]
    match = MODELINE.match(first)
    assert match, f"{_name(path)}: första raden ska vara '# yaml-language-server: $schema=…'"
    schema_name, expected = KINDS[folder]
    assert match.group(1) == expected
    target = (path.parent / match.group(1)).resolve()
    assert target == (SCHEMA_DIR / schema_name).resolve() and target.is_file()


VSCODE = ROOT / ".vscode" / "settings.json"
# data folder → (a file in it, its schema)
FOLDERS = {"regioner": ("data/regioner/x.yml", "region.schema.json"),
           "planer": ("data/planer/r/x.yml", "plan.schema.json"),
           "protokoll": ("data/protokoll/r/x.yml", "protokoll.schema.json"),
           "indikatorer": ("data/indikatorer/x.yml", "indikatorer.schema.json"),
           "uppfoljning": ("data/uppfoljning/r/x.yaml", "uppfoljning.schema.json")}


@pytest.mark.parametrize("example, schema_name", FOLDERS.values(), ids=FOLDERS)
def test_vscode_maps_each_data_folder_to_its_schema(example, schema_name):
    """A new file gets completion before its first line is written (and whatever that says)."""
    mapping = json.loads(VSCODE.read_text(encoding="utf-8"))["yaml.schemas"]
    schemas = [schema for schema, globs in mapping.items()
               if any(PurePosixPath(example).match(glob) for glob in globs)]
    assert schemas == [f"./macros/schema/{schema_name}"]
    assert (ROOT / schemas[0]).is_file()


# --- (d) the schemas reject typical mistakes -----------------------------------------

def _first(folder: str, relative: str) -> dict:
    return _load(DATA / folder / relative)


def _walk(node):
    yield node
    if isinstance(node, dict):
        for item in node.values():
            yield from _walk(item)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _find(document, predicate):
    return next(node for node in _walk(document) if isinstance(node, dict) and predicate(node))


def _indicator_row(doc):
    return _find(doc, lambda n: "namn" in n and ("utfall" in n or "målnivå" in n))


def _kvantitativ_table(doc):
    return _find(doc, lambda n: n.get("typ") == "kvantitativ" and "rader" in n)


def _block_list(doc):
    return _find(doc, lambda n: isinstance(n.get("innehåll"), list) and n["innehåll"]
                 and "rubrik" in n)["innehåll"]


PLAN = "planer/vasternorrland/rs-verksamhetsplan-2025-2027.yml"
SUBGOAL_PLAN = "planer/vasterbotten/hsn-namndplan-2025.yml"
HSN_PLAN = "planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
MINUTES = "protokoll/vasternorrland/hsu-2023-12-07.yml"
REGION = "regioner/vasternorrland.yml"


def _set(key, value):
    return lambda node: node.__setitem__(key, value)


MUTATIONS = {
    # unknown keys
    "okänd nyckel i planen": (PLAN, lambda d: d.__setitem__("kortnamn", "RS")),
    "okänd nyckel på en indikatorrad": (PLAN, lambda d: _indicator_row(d).__setitem__("källa", "x")),
    "okänd nyckel i ett organ": (REGION, lambda d: d["organ"][0].__setitem__("ordförande", "x")),
    "okänd nyckel i en paragraf": (MINUTES, lambda d: d["paragrafer"][0].__setitem__("beslutat", "ja")),
    "okänd blocknyckel": (PLAN, lambda d: _block_list(d).append({"stycke": "Text"})),
    "block med två nycklar": (PLAN, lambda d: _block_list(d).append({"text": "A", "rubrik": "B"})),
    "okänd nyckel i ett värde": (PLAN, lambda d: _find(d, lambda n: "not" in n and "namn" not in n)
                                 .__setitem__("kommentar", "x")),
    # missing required keys
    "planen saknar målstruktur": (PLAN, lambda d: d.pop("målstruktur")),
    "indikatorraden saknar namn": (PLAN, lambda d: _indicator_row(d).pop("namn")),
    "paragrafen saknar beslut": (MINUTES, lambda d: d["paragrafer"][0].pop("beslut")),
    "regionen saknar organ": (REGION, lambda d: d.pop("organ")),
    "förslag utan till": (MINUTES, lambda d: _find(d, lambda n: n.get("typ") == "förslag").pop("till")),
    "kvantitativ tabell utan kolumner": (PLAN, lambda d: _kvantitativ_table(d).pop("kolumner")),
    # wrong enum values
    "okänd planstatus": (PLAN, lambda d: d.__setitem__("status", "antagen")),
    "okänd organtyp": (REGION, lambda d: d["organ"][0].__setitem__("typ", "kommun")),
    "okänd kolumntyp": (PLAN, lambda d: _kvantitativ_table(d)["kolumner"][0].__setitem__("typ", "prognos")),
    "okänd indikatortyp": (PLAN, lambda d: _kvantitativ_table(d).__setitem__("typ", "kvantitativt")),
    "okänd beslutstyp": (MINUTES, lambda d: d["paragrafer"][0]["beslut"].__setitem__("typ", "beslut")),
    # bad ids
    "id med versaler": (PLAN, lambda d: d.__setitem__("id", "RS-verksamhetsplan")),
    "kapitel-id med å": (PLAN, lambda d: d["kapitel"][0].__setitem__("id", "förord")),
    "indikator-id med mellanslag": (PLAN, lambda d: _indicator_row(d).__setitem__("id", "hme total")),
    "organ-id med understreck": (REGION, lambda d: d["organ"][0].__setitem__("id", "region_fullmaktige")),
    "delmåls-id med dubbelt bindestreck": (SUBGOAL_PLAN, lambda d: _find(d, lambda n: "indikatorer" in n
                                                                         and "text" in n)
                                           .__setitem__("id", "forsta--linjen")),
    # other values
    "årtal som inte är fyra siffror": (PLAN, lambda d: _indicator_row(d)["utfall" if "utfall" in
                                                                         _indicator_row(d) else "målnivå"]
                                       .__setitem__("år2024", 5)),
    "år utanför 1900–2100": (PLAN, lambda d: d["period"].__setitem__("från", 1899)),
    "datum utan nollor": (MINUTES, lambda d: d.__setitem__("datum", ["2023-12-7"])),
    "både målnivå och målnivå_som": (HSN_PLAN, lambda d: _find(d, lambda n: "målnivå_som" in n)
                                     .__setitem__("målnivå", {"2025": 1})),
    "fotnot som inte är ett nummer": (PLAN, lambda d: d["fotnoter"].__setitem__("a", "Text")),
    "tomt värde": (PLAN, lambda d: _indicator_row(d).__setitem__("utfall", {"2023": " "})),
    "värden per serie utan serier": (PLAN, lambda d: _find(d, lambda n: "utfall" in n and "serier" not in n)
                                     .__setitem__("utfall", {"2023": {"RVN": 77}})),
    "utfall i en kvalitativ tabell utan kolumner": (HSN_PLAN, lambda d: _find(
        d, lambda n: n.get("typ") == "kvalitativ" and "kolumner" not in n)["rader"][0]
        .__setitem__("utfall", {"2023": 1})),
}


@pytest.mark.parametrize("mistake", MUTATIONS)
def test_schema_rejects_mistake(mistake):
    relative, mutate = MUTATIONS[mistake]
    folder = relative.split("/")[0]
    validator = _validator(KINDS[folder][0])
    document = _load(DATA / relative)
    assert validator.is_valid(document), f"{relative} ska vara giltig före ändringen"
    changed = copy.deepcopy(document)
    mutate(changed)
    assert changed != document, "ändringen ändrade inget"
    assert not validator.is_valid(changed), f"schemat godtar: {mistake}"


def test_the_build_reads_its_allowed_keys_from_these_schemas():
    """Every block kind in the schema has a parser, and every parser a block kind."""
    from macros.loading.blocks import _PARSERS
    from macros.loading.schema import Schema

    assert set(Schema(SCHEMA_DIR).block_kinds()) == set(_PARSERS)
