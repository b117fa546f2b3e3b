"""Open data (issue 10): every file validates, and its values are the source's and the pages'.

The expected values are typed from the source documents in /work/shared/sources
(never from the YAML); ids (file names, anchors) are the only thing taken from data.
The files are checked as published: the data package with frictionless, each JSON
file against its published JSON Schema, the catalogue with rdflib and pyshacl
against our shapes of DCAT-AP-SE 3.0.1 (tests/shapes/).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import frictionless
import pytest
import rdflib
from jsonschema import Draft202012Validator
from pyshacl import validate as shacl_validate
from rdflib.compare import isomorphic
from rdflib import namespace as ns

from conftest import ROOT, norm, table_grid
from macros.downloads import FileStore, Settings, build, remake_regions
from macros.downloads.jsonfiles import Streamed, json_bytes, write_json
from macros.loading import load_corpus
from macros.model import History
from macros.rendering.formatting import number

SITE_URL = "https://oppnaplaner.example/"
HSN = "vasternorrland/planer/hsn-verksamhetsplan-2024-2026"
RS = "vasternorrland/planer/rs-verksamhetsplan-2025-2027"
VB_HSN = "vasterbotten/planer/hsn-namndplan-2025"
VB_RS = "vasterbotten/planer/rs-namndplan-2023"
HSU = "vasternorrland/protokoll/hsu-2023-12-07"
PLANS = (HSN, RS, VB_HSN, VB_RS)
VCARD = ns.Namespace("http://www.w3.org/2006/vcard/ns#")
SHAPES = ROOT / "tests" / "shapes"
CC0 = rdflib.URIRef("http://creativecommons.org/publicdomain/zero/1.0/")


def data_file(site, path: str) -> Path:
    return site.directory / "data" / path


def read_csv(site, path: str) -> list[dict]:
    raw = data_file(site, path).read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def rows_of(site, path: str, **match) -> list[dict]:
    return [r for r in read_csv(site, path) if all(r[k] == v for k, v in match.items())]


def one(site, path: str, **match) -> dict:
    found = rows_of(site, path, **match)
    assert len(found) == 1, (match, found)
    return found[0]


# --------------------------------------------------------------------------------------
# Values from the source documents
# --------------------------------------------------------------------------------------

def test_kariesfria_6_aringar_outcome_2022_is_73_percent(site):
    # Source (VN HSN plan, "Andel kariesfria 6-åringar"): Utfall 2021 75 %, Utfall 2022 73 %.
    row = one(site, f"{HSN}/indikatorer.csv", indicator_id="kariesfria-6-aringar", year="2022", kind="utfall")
    assert (row["value"], row["unit"], row["value_text"], row["note"]) == ("73", "%", "", "")
    assert row["indicator_name"] == "Andel kariesfria 6-åringar"
    assert row["region"] == "vasternorrland" and row["plan"] == "hsn-verksamhetsplan-2024-2026"


def test_a_text_target_keeps_its_text_and_has_no_number(site):
    # Source: Målnivå 2024 and 2026 "Positiv utveckling (ökade värden) över tid".
    rows = rows_of(site, f"{HSN}/indikatorer.csv", indicator_id="kariesfria-6-aringar", kind="målnivå")
    assert [(r["year"], r["value"], r["value_text"]) for r in rows] == [
        ("2024", "", "Positiv utveckling (ökade värden) över tid"),
        ("2026", "", "Positiv utveckling (ökade värden) över tid")]


def test_a_number_with_a_note_keeps_both(site):
    # Source: Kontinuitetsindex … (läkare): 0,29 (feb-22), 0,28 (feb-22), 0,55.
    rows = rows_of(site, f"{HSN}/indikatorer.csv", indicator_id="kontinuitetsindex-kronisk-sjukdom")
    values = {(r["kind"], r["year"]): (r["value"], r["note"]) for r in rows}
    assert values[("utfall", "2021")] == ("0.29", "(feb-22)")
    assert values[("utfall", "2022")] == ("0.28", "(feb-22)")
    assert values[("målnivå", "2024")] == ("0.55", "")


def test_values_per_organisation_are_one_row_per_series(site):
    # Source (VN RS plan 2.3.1): HME totalindex, Utfall 2022 "RVN 77, RLF 74", 2023 "RVN 78, RLF 77",
    # Målnivå 2025 and 2027 "Bibehålla/öka".
    rows = rows_of(site, f"{RS}/indikatorer.csv", indicator_id="hme-totalindex")
    assert [(r["year"], r["kind"], r["series"], r["value"], r["value_text"]) for r in rows] == [
        ("2022", "utfall", "RVN", "77", ""), ("2022", "utfall", "RLF", "74", ""),
        ("2023", "utfall", "RVN", "78", ""), ("2023", "utfall", "RLF", "77", ""),
        ("2025", "målnivå", "", "", "Bibehålla/öka"), ("2027", "målnivå", "", "", "Bibehålla/öka")]
    assert rows[0]["series_name"] == ""  # the plan writes "RVN" only; no source expands it (issue 19)


def test_budget_table_cells(site):
    # Source (VN HSN, Ekonomiska ramar, mnkr): "Ekonomisk ram, HSN" 6 319 / 6 635 / 6 859 / 6 959;
    # "Utgångspunkt/Resultat" -628 / -600 / -449 / -273.
    path = f"{HSN}/tabeller.csv"
    frame = rows_of(site, path, table_id="ekonomiska-ramar", row_name="Ekonomisk ram, HSN")
    assert [(r["column"], r["value"]) for r in frame] == [
        ("Ram 2023", "6319"), ("Ram 2024", "6635"), ("Ram 2025", "6859"), ("Ram 2026", "6959")]
    assert {r["unit"] for r in frame} == {"mnkr"}
    start = rows_of(site, path, table_id="ekonomiska-ramar", row_name="Utgångspunkt/Resultat")
    assert [r["value"] for r in start] == ["-628", "-600", "-449", "-273"]  # numbers, no apostrophe


def test_measures_and_their_total(site):
    # Source: "Beslut att ersättningar utöver avtal begränsas till sommarmånaderna + 60 mnkr" …
    # "SUMMA Åtgärder + 151 mnkr".
    rows = read_csv(site, f"{HSN}/atgarder.csv")
    assert (rows[0]["text"], rows[0]["amount"], rows[0]["unit"]) == (
        "Beslut att ersättningar utöver avtal begränsas till sommarmånaderna", "60", "mnkr")
    assert (rows[-1]["text"], rows[-1]["amount"], rows[-1]["is_total"]) == ("SUMMA Åtgärder", "151", "true")
    assert sum(Decimal(r["amount"]) for r in rows if r["is_total"] == "false") == Decimal(151)


def test_paragraph_92_att_clauses(site):
    # Source (HSU minutes § 92, Diarienummer 23HSN1782): "Hälsa- och sjukvårdsutskottet föreslår att
    # Hälsa- och sjukvårdsnämnden beslutar / att anta reviderad verksamhetsplan 2024–2026 för hälsa-
    # och sjukvårdsnämnden; …"
    rows = rows_of(site, f"{HSU}/beslut.csv", paragraph_id="p92")
    assert [r["clause_number"] for r in rows] == ["1", "2", "3", "4"]
    first = rows[0]
    assert first["clause"] == "anta reviderad verksamhetsplan 2024–2026 för hälsa- och sjukvårdsnämnden;"
    assert first["paragraph_number"] == "92" and first["case_number"] == "23HSN1782"
    assert first["decision_kind"] == "förslag" and first["to_body"] == "hsn"
    assert first["meeting_date"] == "2023-12-07"
    assert rows[3]["clause"] == ("godkänna tillåtet underskott per område för planperioden 2024–2026 "
                                 "enligt föreslagna revideringar.")


def test_minutes_json_has_every_paragraph_with_its_decision_and_plan(site):
    data = json.loads(data_file(site, f"{HSU}/protokoll.json").read_text(encoding="utf-8"))
    # Source: §§ 90–98.
    assert [p["number"] for p in data["paragraphs"]] == list(range(90, 99))
    p92 = next(p for p in data["paragraphs"] if p["number"] == 92)
    assert p92["decision"]["clauses"][1] == "anta verksamhetsplaner 2024–2026 för hälsa- och sjukvårdens områden;"
    assert p92["plans"] == [{"plan": "hsn-verksamhetsplan-2024-2026", "action": "föreslog antagande"}]
    assert p92["url"] == SITE_URL + HSU + "/#paragraf-p92"
    assert data["original"] == {"title": "Protokoll, Hälso- och sjukvårdsutskottet 2023-12-07–08",
                                "case_number": "23HSN1"}


def test_plan_json_carries_the_original_and_exact_numbers(site):
    data = json.loads(data_file(site, f"{VB_RS}/plan.json").read_text(encoding="utf-8"))
    # Source cover: "Nämndplan 2023 / Regionstyrelsen / DNR 39-2022 / Beslutad av Regionstyrelsen 2022-12-06".
    assert data["original"]["case_number"] == "39-2022" and "url" not in data["original"]
    assert data["decision_date"] == "2022-12-06"
    hsn = json.loads(data_file(site, f"{HSN}/plan.json").read_text(encoding="utf-8"))
    indicator = _find(hsn, "kontinuitetsindex-kronisk-sjukdom")
    assert indicator["outcomes"]["2021"] == {"number": 0.29, "note": "(feb-22)"}
    assert _find(hsn, "kariesfria-6-aringar")["outcomes"]["2022"] == {"number": 73, "unit": "%"}


def _find(data, indicator_id: str) -> dict:
    if isinstance(data, dict):
        if data.get("id") == indicator_id and "outcomes" in data:
            return data
        items = data.values()
    elif isinstance(data, list):
        items = data
    else:
        return {}
    for item in items:
        found = _find(item, indicator_id)
        if found:
            return found
    return {}


def test_plans_without_an_original_in_their_source_have_none(site):
    # Neither the VN RS plan nor the VB HSN plan gives a diarium entry or an address.
    for plan in (RS, VB_HSN):
        data = json.loads(data_file(site, f"{plan}/plan.json").read_text(encoding="utf-8"))
        assert "original" not in data, plan
        facts = [norm(dt.get_text()) for dt in site.content(f"/{plan}/").select("dl.op-facts dt")]
        assert "Originaldokument" not in facts, plan


def test_the_page_shows_the_original(site):
    facts = {norm(dt.get_text(" ")): norm(dt.find_next_sibling("dd").get_text(" "))
             for dt in site.content(f"/{HSN}/").select("dl.op-facts dt")}
    assert facts["Originaldokument"].startswith(
        "Reviderad verksamhetsplan 2024–2026, Hälsa- och sjukvårdsnämnden, diarienummer 23HSN1782")


# --------------------------------------------------------------------------------------
# The CSVs say what the pages say
# --------------------------------------------------------------------------------------

def unguarded(text: str) -> str:
    """A CSV text cell without the apostrophe that keeps a spreadsheet from reading a formula."""
    return text[1:] if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text


def _column_headings(plan) -> dict[tuple[str, str, int], str]:
    """(indicator id, kind, year) → the heading of its column on the page."""
    from macros import model as m
    headings = {}
    for table in plan.blocks((m.IndicatorTable, m.SubGoalTable)):
        rows = table.rows if isinstance(table, m.IndicatorTable) else [i for s in table.rows for i in s.indicators]
        for row in rows:
            for column in table.columns:
                headings[(row.id, column.kind, column.year)] = column.heading
    return headings


@pytest.mark.parametrize("plan_path", PLANS)
def test_every_indicator_value_in_the_csv_is_the_value_on_the_page(site, plan_path):
    region, _, plan_id = plan_path.split("/")
    plan = load_corpus(ROOT / "data").plan(region, plan_id)
    headings = _column_headings(plan)
    checked = 0
    for row in read_csv(site, f"{plan_path}/indikatorer.csv"):
        if not row["year"]:
            continue
        cells = site.row(f"/{plan_path}/", f"indikator-{row['indicator_id']}")
        heading = norm(headings[(row["indicator_id"], row["kind"], int(row["year"]))])
        cell = cells[heading]
        shown = [number(Decimal(row["value"]))] if row["value"] else []
        shown += [norm(row["value_text"])] if row["value_text"] else []
        shown += [norm(row["note"])] if row["note"] else []
        shown += [row["series"]] if row["series"] else []
        for part in shown:
            assert unguarded(norm(part)) in cell, (row, cell)
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("plan_path", PLANS)
def test_every_table_cell_in_the_csv_is_the_cell_on_the_page(site, plan_path):
    rows = read_csv(site, f"{plan_path}/tabeller.csv")
    assert rows
    for table_id in sorted({r["table_id"] for r in rows}):
        wrapper = site.element(f"/{plan_path}/", f"tabell-{table_id}")
        table = wrapper if wrapper.name == "table" else wrapper.find("table")
        grid, headers = table_grid(table)
        for row in (r for r in rows if r["table_id"] == table_id):
            line = grid[int(row["row_number"]) - 1]
            assert norm(row["row_name"]) in line[0], (row, line)
            assert headers[int(row["column_number"])] == norm(row["column"])
            cell = line[int(row["column_number"])]
            expected = number(Decimal(row["value"])) if row["value"] else ""
            assert norm(cell) == norm(expected), (row, cell)


# --------------------------------------------------------------------------------------
# Every file validates
# --------------------------------------------------------------------------------------

def test_the_data_package_and_every_csv_validate_with_frictionless(site):
    package = json.loads(data_file(site, "datapackage.json").read_text(encoding="utf-8"))
    csv_files = sorted(p.relative_to(site.directory / "data").as_posix()
                       for p in (site.directory / "data").rglob("*.csv"))
    assert sorted(r["path"] for r in package["resources"]) == csv_files
    report = frictionless.validate(str(data_file(site, "datapackage.json")))
    assert report.valid, report.flatten(["resource", "rowNumber", "fieldName", "type", "note"])[:20]
    assert report.stats["tasks"] == len(csv_files)


def test_frictionless_rejects_a_csv_that_breaks_its_table_schema(site, tmp_path):
    copy_dir = tmp_path / "data"
    copy_dir.mkdir()
    package = json.loads(data_file(site, "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["path"] == f"{HSN}/tabeller.csv")
    broken = data_file(site, resource["path"]).read_bytes().decode("utf-8").replace(",6319\r\n", ",6 319\r\n")
    assert ",6 319\r\n" in broken
    (copy_dir / "tabeller.csv").write_text(broken, encoding="utf-8", newline="")
    resource = {**resource, "path": "tabeller.csv"}
    resource.pop("bytes")
    (copy_dir / "datapackage.json").write_text(json.dumps({**package, "resources": [resource]}), encoding="utf-8")
    report = frictionless.validate(str(copy_dir / "datapackage.json"))
    assert not report.valid
    assert report.flatten(["type", "fieldName"]) == [["type-error", "value"]]


def test_csv_files_are_utf8_with_a_header_and_crlf(site):
    for path in (site.directory / "data").rglob("*.csv"):
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), path
        first = raw.split(b"\r\n", 1)[0].decode("utf-8")
        assert first.startswith(("region,plan,", "region,meeting,", "region,indicator_id,")), (path, first)
        assert raw.endswith(b"\r\n")


def _schema(site, name: str) -> Draft202012Validator:
    schema = json.loads(data_file(site, f"schema/{name}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"{SITE_URL}data/schema/{name}.json"
    return Draft202012Validator(schema)


JSON_FILES = [(f"{p}/plan.json", "plan") for p in PLANS] + [
    (f"{HSU}/protokoll.json", "protokoll"), ("oppna-planer.json", "oppna-planer")]


@pytest.mark.parametrize("path, schema", JSON_FILES)
def test_every_json_file_validates_against_its_published_schema(site, path, schema):
    data = json.loads(data_file(site, path).read_text(encoding="utf-8"))
    assert data["$schema"] == f"{SITE_URL}data/schema/{schema}.json"
    errors = list(_schema(site, schema).iter_errors(data))
    assert not errors, [(list(e.absolute_path), e.message) for e in errors[:5]]


def test_the_json_schema_rejects_what_it_does_not_describe(site):
    validator = _schema(site, "plan")
    data = json.loads(data_file(site, f"{HSN}/plan.json").read_text(encoding="utf-8"))
    unknown = copy.deepcopy(data)
    unknown["chapters"][0]["blocks"][0]["colour"] = "red"
    assert not validator.is_valid(unknown)
    text_number = copy.deepcopy(data)
    _find(text_number, "kariesfria-6-aringar")["outcomes"]["2022"]["number"] = "73"
    assert not validator.is_valid(text_number)


def test_the_site_json_holds_every_plan_and_minutes(site):
    data = json.loads(data_file(site, "oppna-planer.json").read_text(encoding="utf-8"))
    assert sorted(f"{p['region_id']}/planer/{p['id']}" for p in data["plans"]) == sorted(PLANS)
    assert [f"{m['region_id']}/protokoll/{m['id']}" for m in data["meetings"]] == [HSU]
    assert [r["geography"] for r in data["regions"]] == [["http://data.europa.eu/nuts/code/SE331"],
                                                         ["http://data.europa.eu/nuts/code/SE321"]]
    # Written in pieces (jsonfiles.write_json), it is still exactly what one json.dumps
    # of the whole makes, and each plan in it is its own file's content.
    raw = data_file(site, "oppna-planer.json").read_bytes()
    assert raw == json_bytes(data)
    for plan in data["plans"]:
        assert json.loads(data_file(site, f"{plan['region_id']}/planer/{plan['id']}/plan.json").read_bytes()) == plan


def test_open_data_made_side_by_side_in_forked_processes_is_the_same_as_made_in_one(tmp_path):
    corpus = load_corpus(ROOT / "data")
    settings = Settings(SITE_URL, "Öppna planer", "Utgivare", "a@b.example")
    alone = build(corpus, settings, FileStore(tmp_path / "one"), processes=1)
    forked = build(corpus, settings, FileStore(tmp_path / "two"), processes=2)
    assert list(forked.files) == list(alone.files)
    for path, download in alone.files.items():
        assert forked.files[path].content == download.content, path
        assert forked.files[path].size == download.size == len(download.content)
    assert (forked.plans.keys(), forked.meetings.keys(), forked.indicators.keys(), forked.kinds) == \
        (alone.plans.keys(), alone.meetings.keys(), alone.indicators.keys(), alone.kinds)


def test_a_preview_after_an_edit_remakes_the_edited_regions_files_only(tmp_path):
    settings = Settings(SITE_URL, "Öppna planer", "Utgivare", "a@b.example")
    store = FileStore(tmp_path / "preview")
    before = build(load_corpus(ROOT / "data"), settings, store)
    site_json = before.files["data/oppna-planer.json"].content
    edited = load_corpus(ROOT / "data")
    edited.plan("vasterbotten", "hsn-namndplan-2025").title = "Ändrad titel"
    after = remake_regions(before, edited, settings, store, {"vasterbotten"})
    full = build(edited, settings, FileStore(tmp_path / "full"))
    assert list(after.files) == list(full.files)
    plan_json = "data/vasterbotten/planer/hsn-namndplan-2025/plan.json"
    assert json.loads(after.files[plan_json].content)["title"] == "Ändrad titel"
    for path, download in after.files.items():
        if path.startswith("data/vasterbotten/"):
            assert download.content == full.files[path].content, path
        elif path.startswith("data/vasternorrland/"):
            assert download is before.files[path], path  # not made again
    # The whole site's files wait for the next full build.
    assert after.files["data/oppna-planer.json"].content == site_json
    assert after.site_wide == before.site_wide and after.catalogue == before.catalogue
    assert after.plans.keys() == full.plans.keys() and after.meetings.keys() == full.meetings.keys()
    assert after.indicators.keys() == full.indicators.keys()


def test_json_written_in_pieces_is_json_dumps_of_the_whole():
    data = {"title": "Öppna \"planer\"\n", "regions": [{"id": "a", "list": [1, {"x": []}]}],
            "plans": [{"id": "p1", "text": "rad 1\nrad 2", "nested": {"deep": [[], {}]}}, {"id": "p2"}],
            "meetings": [], "more": [{}], "version": "2026-11-24", "empty": {}}
    for streamed in ({"plans", "meetings", "more"}, {"plans"}, set()):
        out = io.BytesIO()
        write_json(out, {key: Streamed(json_bytes(item) for item in value) if key in streamed else value
                         for key, value in data.items()})
        assert out.getvalue() == json_bytes(data)
    out = io.BytesIO()
    write_json(out, {})
    assert out.getvalue() == json_bytes({})


def test_the_zip_is_a_data_package_that_validates_on_its_own(site, tmp_path):
    with zipfile.ZipFile(data_file(site, "oppna-planer-csv.zip")) as archive:
        archive.extractall(tmp_path)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid and report.stats["tasks"] == len(list(tmp_path.rglob("*.csv")))


def test_the_zip_holds_every_csv_and_the_data_package_and_is_deterministic(site, tmp_path):
    raw = data_file(site, "oppna-planer-csv.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert "datapackage.json" in names
        for info in archive.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert archive.read(info) == data_file(site, info.filename).read_bytes()
    csv_files = {p.relative_to(site.directory / "data").as_posix() for p in (site.directory / "data").rglob("*.csv")}
    assert set(names) == csv_files | {"datapackage.json"}
    corpus = load_corpus(ROOT / "data")
    settings = Settings(SITE_URL, "Öppna planer", "Utgivare", "a@b.example")
    assert build(corpus, settings, FileStore(tmp_path / "a")).files["data/oppna-planer-csv.zip"].content == \
        build(corpus, settings, FileStore(tmp_path / "b")).files["data/oppna-planer-csv.zip"].content


# --------------------------------------------------------------------------------------
# The DCAT-AP-SE catalogue
# --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def catalogue(site) -> rdflib.Graph:
    turtle = rdflib.Graph().parse(site.directory / "katalog" / "katalog.ttl", format="turtle")
    rdfxml = rdflib.Graph().parse(site.directory / "katalog" / "katalog.rdf", format="xml")
    assert isomorphic(turtle, rdfxml), "katalog.ttl and katalog.rdf describe different graphs"
    return turtle


def _shapes() -> rdflib.Graph:
    shapes = rdflib.Graph()
    for name in ("dcat-ap-se.ttl", "oppna-planer.ttl"):
        shapes.parse(SHAPES / name, format="turtle")
    return shapes


def test_the_catalogue_conforms_to_our_dcat_ap_se_shapes(catalogue):
    conforms, _, text = shacl_validate(catalogue, shacl_graph=_shapes(), inference="none")
    assert conforms, text


@pytest.mark.parametrize("subject_class, path", [
    (ns.DCAT.Catalog, ns.DCTERMS.license), (ns.DCAT.Catalog, ns.DCTERMS.publisher), (ns.DCAT.Dataset, ns.DCTERMS.title),
    (ns.DCAT.Dataset, ns.DCTERMS.publisher), (ns.DCAT.Distribution, ns.DCAT.accessURL), (ns.DCAT.Distribution, ns.DCTERMS.format),
    (ns.FOAF.Agent, ns.DCTERMS.type), (VCARD.Organization, VCARD.hasEmail)],
    ids=["catalogue-licence", "catalogue-publisher", "dataset-title", "dataset-publisher",
         "distribution-accessURL", "distribution-format", "agent-type", "contact-email"])
def test_the_shapes_catch_a_missing_mandatory_property(catalogue, subject_class, path):
    broken = rdflib.Graph()
    for triple in catalogue:
        broken.add(triple)
    subject = next(iter(broken.subjects(ns.RDF.type, subject_class)))
    broken.remove((subject, path, None))
    conforms, _, _ = shacl_validate(broken, shacl_graph=_shapes(), inference="none")
    assert not conforms


def test_every_mandatory_dcat_ap_se_property_is_there(catalogue):
    """DCAT-AP-SE 3.0.1, cardinality min 1 (3.0.1/bundle.json), checked one by one."""
    g = catalogue
    (cat,) = list(g.subjects(ns.RDF.type, ns.DCAT.Catalog))
    for prop in (ns.DCTERMS.title, ns.DCTERMS.description, ns.DCTERMS.publisher, ns.DCAT.dataset):
        assert g.value(cat, prop) is not None, prop
    assert list(g.objects(cat, ns.DCTERMS.license)) == [CC0]
    datasets = list(g.subjects(ns.RDF.type, ns.DCAT.Dataset))
    assert set(g.objects(cat, ns.DCAT.dataset)) == set(datasets)
    assert len(datasets) == len(PLANS) + 1 + 1  # plans, minutes, everything
    for dataset in datasets:
        for prop in (ns.DCTERMS.title, ns.DCTERMS.description):
            assert g.value(dataset, prop).language == "sv", (dataset, prop)
        assert len(list(g.objects(dataset, ns.DCTERMS.publisher))) == 1
    for distribution in g.subjects(ns.RDF.type, ns.DCAT.Distribution):
        assert len(list(g.objects(distribution, ns.DCAT.accessURL))) == 1
        assert len(list(g.objects(distribution, ns.DCTERMS.format))) == 1
    for agent in set(g.objects(None, ns.DCTERMS.publisher)):
        assert g.value(agent, ns.FOAF.name) is not None
        assert g.value(agent, ns.DCTERMS.type) == rdflib.URIRef("http://purl.org/adms/publishertype/RegionalAuthority")
    for contact in set(g.objects(None, ns.DCAT.contactPoint)):
        assert (contact, ns.RDF.type, VCARD.Organization) in g
        assert g.value(contact, VCARD.fn) is not None
        assert str(g.value(contact, VCARD.hasEmail)).startswith("mailto:")
    assert not any(isinstance(node, rdflib.BNode) for triple in g for node in triple)


def test_a_plan_dataset_has_region_period_licence_and_its_files(catalogue, site):
    g = catalogue
    dataset = rdflib.URIRef(f"{SITE_URL}{HSN}/#datamangd")
    assert str(g.value(dataset, ns.DCTERMS.title)) == (
        "Hälso- och sjukvårdsnämnden: Reviderad verksamhetsplan 2024–2026, Region Västernorrland")
    publisher = g.value(dataset, ns.DCTERMS.publisher)
    assert str(g.value(publisher, ns.FOAF.name)) == "Region Västernorrland"
    assert list(g.objects(dataset, ns.DCTERMS.spatial)) == [rdflib.URIRef("http://data.europa.eu/nuts/code/SE321")]
    period = g.value(dataset, ns.DCTERMS.temporal)
    assert (str(g.value(period, ns.DCAT.startDate)), str(g.value(period, ns.DCAT.endDate))) == ("2024", "2026")
    assert g.value(dataset, ns.DCAT.landingPage) == rdflib.URIRef(f"{SITE_URL}{HSN}/")
    urls = sorted(str(g.value(d, ns.DCAT.downloadURL)) for d in g.objects(dataset, ns.DCAT.distribution))
    assert urls == sorted(f"{SITE_URL}data/{HSN}/{name}"
                          for name in ("plan.json", "indikatorer.csv", "tabeller.csv", "atgarder.csv"))
    for distribution in g.objects(dataset, ns.DCAT.distribution):
        assert g.value(distribution, ns.DCTERMS.license) == CC0
        url = str(g.value(distribution, ns.DCAT.accessURL))
        assert url == str(g.value(distribution, ns.DCAT.downloadURL))
        local = site.directory / url[len(SITE_URL):]
        assert local.is_file(), url
        assert int(g.value(distribution, ns.DCAT.byteSize)) == local.stat().st_size


# --------------------------------------------------------------------------------------
# Pages link the files; addresses are documented
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("page, files", [
    (HSN, ["plan.json", "indikatorer.csv", "tabeller.csv", "atgarder.csv"]),
    (VB_HSN, ["plan.json", "indikatorer.csv", "tabeller.csv", "uppdrag.csv"]),
    (HSU, ["protokoll.json", "beslut.csv"])])
def test_plan_and_minutes_pages_link_their_files(site, page, files):
    heading = site.element(f"/{page}/", "ladda-ner-data")
    links = [a["href"] for a in heading.find_next("ul", class_="op-downloads").find_all("a")]
    assert [href.rsplit("/", 1)[-1] for href in links] == files
    for href in links:
        target = (site.path(f"/{page}/").parent / href).resolve()
        assert target.is_file(), href


def test_the_open_data_page_lists_every_file(site):
    page = site.content("/data/")
    linked = {(site.directory / "data" / a["href"]).resolve() for a in page.select("ul.op-downloads a")}
    published = {p.resolve() for p in (site.directory / "data").rglob("*") if p.is_file() and p.name != "index.html"}
    assert published <= linked, sorted(str(p) for p in published - linked)


def test_the_catalogue_page_links_turtle_and_rdfxml(site):
    hrefs = [a["href"] for a in site.content("/katalog/").select("ul.op-downloads a")]
    assert hrefs == ["katalog.ttl", "katalog.rdf"]


def test_webbadresser_documents_the_data_addresses(site):
    text = site.text("/om/webbadresser/")
    for address in ("/data/<region>/planer/<plan>/indikatorer.csv", "/data/<region>/planer/<plan>/plan.json",
                    "/data/<region>/protokoll/<protokoll>/beslut.csv", "/data/oppna-planer-csv.zip",
                    "/data/datapackage.json", "/katalog/katalog.rdf", "/andringar/"):
        assert address in text, address


# --------------------------------------------------------------------------------------
# An indicator's history (issue 8): a CSV per indicator, linked from its page
# --------------------------------------------------------------------------------------

def test_an_indicators_history_becomes_a_csv_in_the_data_package(tmp_path):
    """Användandet av självservice, Region Västerbotten: RS nämndplan 2023 (utfall 2021 209 266,
    målnivå 2023 276 230) and HSN nämndplan 2025 (utfall 2023 274 057, målnivå 2025 530 000)."""
    corpus = load_corpus(ROOT / "data")
    downloads = build(corpus, Settings(SITE_URL, "Öppna planer", "Utgivare", "a@b.example"), FileStore(tmp_path / "made"))
    history = downloads.for_indicator("vasterbotten", "anvandandet-av-sjalvservice")
    assert history.path == "data/vasterbotten/indikatorer/anvandandet-av-sjalvservice/historik.csv"
    rows = list(csv.DictReader(io.StringIO(history.content.decode("utf-8"))))
    assert [(r["year"], r["kind"], r["value"], r["source_id"]) for r in rows] == [
        ("2021", "utfall", "209266", "rs-namndplan-2023"),
        ("2023", "utfall", "274057", "hsn-namndplan-2025"),
        ("2023", "målnivå", "276230", "rs-namndplan-2023"),
        ("2025", "målnivå", "530000", "hsn-namndplan-2025")]
    package = json.loads(downloads.files["data/datapackage.json"].content)
    assert "vasterbotten/indikatorer/anvandandet-av-sjalvservice/historik.csv" in [r["path"] for r in package["resources"]]
    for path, download in downloads.files.items():
        if path.startswith("data/") and (path.endswith(".csv") or path == "data/datapackage.json"):
            target = tmp_path / path[len("data/"):]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(download.content)
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resource", "rowNumber", "fieldName", "type", "note"])[:10]


def test_the_indicator_page_links_its_history_file(site):
    link = site.content("/vasterbotten/indikatorer/anvandandet-av-sjalvservice/").find(
        "a", href=re.compile(r"historik\.csv$"))
    assert link is not None
    assert link["href"] == "../../../data/vasterbotten/indikatorer/anvandandet-av-sjalvservice/historik.csv"


def test_a_region_cannot_take_an_address_the_site_uses(tmp_path):
    from macros.loading import DataErrors

    data = tmp_path / "data"
    (data / "regioner").mkdir(parents=True)
    text = (ROOT / "data/regioner/vasterbotten.yml").read_text(encoding="utf-8")
    (data / "regioner" / "data.yml").write_text(text.replace("id: vasterbotten\n", "id: data\n", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_corpus(data)
    assert "id 'data' är upptaget av webbplatsen själv" in str(raised.value)


def test_region_pages_link_their_open_data(site):
    for region in ("vasternorrland", "vasterbotten"):
        link = site.content(f"/{region}/").select_one("p.op-open-data a")
        assert link["href"] == f"../data/#region-{region}", link
        site.element("/data/", f"region-{region}")


def test_assignments_csv_is_what_the_page_shows(site):
    # Source (VB HSN 3.1): "Identifiera och initiera ett fokusarbete för att förbättra
    # tillgängligheten vid valda enheter" – Pågående.
    rows = read_csv(site, f"{VB_HSN}/uppdrag.csv")
    first = next(r for r in rows if r["assignment_id"] == "tillganglighet-valda-enheter")
    assert first["text"].startswith("Identifiera och initiera ett fokusarbete för att förbättra tillgängligheten")
    assert first["status"] == "Pågående"
    for row in rows:
        shown = norm(site.row_element(f"/{VB_HSN}/", f"uppdrag-{row['assignment_id']}").get_text(" "))
        assert norm(row["text"]) in shown, (row, shown)
        assert norm(row["status"]) in shown, (row, shown)


def test_the_catalogue_carries_the_original(catalogue):
    dataset = rdflib.URIRef(f"{SITE_URL}{VB_RS}/#datamangd")
    (description,) = catalogue.objects(dataset, ns.DCTERMS.description)
    # Source cover: "DNR 39-2022"
    assert str(description).endswith(" Originaldokument: Nämndplan 2023, Regionstyrelsen, diarienummer 39-2022.")
    assert catalogue.value(dataset, ns.DCTERMS.source) is None  # no address in the source


def test_an_original_with_an_address_is_a_link_on_the_page_and_a_source_in_the_catalogue(tmp_path):
    from macros import model as m
    from macros.rendering.pages import Published, plan_page

    corpus = load_corpus(ROOT / "data")
    plan = corpus.plan("vasternorrland", "rs-verksamhetsplan-2025-2027")
    url = "https://www.rvn.se/dokument/verksamhetsplan-2025.pdf?a=1&b=2"
    plan.original = m.Original("Verksamhetsplan 2025 (2026–2027)", url)
    downloads = build(corpus, Settings(SITE_URL, "Öppna planer", "Utgivare", "a@b.example"), FileStore(tmp_path))
    html = str(plan_page(corpus, plan, Published(downloads)).html)
    assert '<a href="https://www.rvn.se/dokument/verksamhetsplan-2025.pdf?a=1&amp;b=2" rel="external">' \
           'Verksamhetsplan 2025 (2026–2027)</a>' in html
    assert "begäras ut" not in html
    graph = rdflib.Graph().parse(data=downloads.catalogue[0].content, format="turtle")
    dataset = rdflib.URIRef(f"{SITE_URL}{RS}/#datamangd")
    assert graph.value(dataset, ns.DCTERMS.source) == rdflib.URIRef(url)
    data = json.loads(downloads.files[f"data/{RS}/plan.json"].content)
    assert data["original"] == {"title": "Verksamhetsplan 2025 (2026–2027)", "url": url}


@pytest.mark.parametrize("setting, message", [
    ("    licens: http://creativecommons.org/publicdomain/zero/1.0/\n",
     "extra.oppna_data.licens 'https://creativecommons.org/licenses/by/4.0/' är ingen av licenserna"),
    ("site_url: https://oppnaplaner.example/\n", "'site_url' saknas eller är ingen webbadress")])
def test_a_wrong_open_data_setting_stops_the_build_before_anything_is_written(project, tmp_path, setting, message):
    from conftest import build as build_site

    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert setting in text
    wrong = ("    licens: https://creativecommons.org/licenses/by/4.0/\n" if "licens" in setting else "")
    config.write_text(text.replace(setting, wrong), encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("plan_path", PLANS)
def test_every_indicator_on_the_page_is_in_the_csv(site, plan_path):
    """Qualitative indicators too (Ja/Delvis/Nej, no values): one row without a year."""
    on_page = {e["id"][len("indikator-"):] for e in site.content(f"/{plan_path}/").select("[id^='indikator-']")}
    rows = read_csv(site, f"{plan_path}/indikatorer.csv")
    assert {r["indicator_id"] for r in rows} == on_page
    for row in rows:
        if row["indicator_kind"] == "kvalitativ" and not row["year"]:
            assert row["value"] == row["value_text"] == row["kind"] == ""
