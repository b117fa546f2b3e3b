"""Every data mistake is found before anything is written, the same way by `validate` and
by the build: nothing under data/ is ignored, absurd input gets a message in seconds, and
a failed build leaves an existing output directory exactly as it was.

Each message is written out whole, as in test_data_errors.py.
"""

from __future__ import annotations

import pytest

from conftest import build
from test_data_errors import HSN, MINUTES, RS, assert_fails_with, edit, reports, validate

RS_PLAN = "plan rs-verksamhetsplan-2025-2027"
RS_GRUND = f'{RS_PLAN} → kapitel "Inledning" → kapitel "Grunduppdraget"'
P92 = 'protokoll hsu-2023-12-07 → § "92"'

CASES = {
    "a footnote placed twice": (
        RS, "- fotnot: [1, 2, 3]", "- fotnot: [1, 2, 3, 1]",
        "{file}, rad {line}, kolumn 13: fotnot 1 placeras redan på rad {line}\n"
        f"  plats: {RS_GRUND}\n"
        "  förväntade: varje fotnot på ett ställe i texten"),
    "a footnote never placed": (
        RS, "- fotnot: [1, 2, 3]", "- fotnot: [1, 3]",
        "data/planer/vasternorrland/rs-verksamhetsplan-2025-2027.yml, rad 18, kolumn 3: fotnot 2 "
        "placeras aldrig i texten och skulle inte publiceras\n"
        f"  plats: {RS_PLAN} → fotnoter\n"
        "  förväntade: '- fotnot: 2' i kapitlets innehåll där fotnoten ska stå, eller ta bort fotnoten"),
    "a footnote number that is no number": (
        RS, '  1: "Diarienummer 24RS64-3"', '  1: "Diarienummer 24RS64-3"\n  x" onclick="y: "z"',
        "{file}, rad {next}, kolumn 3: 'x\" onclick=\"y' är inget fotnotsnummer\n"
        f"  plats: {RS_PLAN} → fotnoter\n"
        "  förväntade: ett nummer, till exempel 4: …"),
    "two paragraphs with the same number": (
        MINUTES, "nummer: 93", "nummer: 92",
        "{file}, rad {line}, kolumn 5: § 92 används redan i samma fil (rad {first_92})\n"
        '  plats: protokoll hsu-2023-12-07 → § "92"\n'
        "  förväntade: varje paragrafnummer en gång i protokollet"),
    "minutes without a date": (
        MINUTES, 'datum: ["2023-12-07", "2023-12-08"]', "datum: []",
        "{file}, rad {line}, kolumn 1: 'datum' är en tom lista\n"
        "  plats: protokoll hsu-2023-12-07\n"
        '  förväntade: sammanträdets datum, till exempel ["2023-12-07"]'),
    "a decimal without its leading zero": (
        HSN, "                        2021: 75\n", "                        2021: .75\n",
        "{file}, rad {line}, kolumn 25: talet '.75' är inte fullständigt skrivet\n"
        "  plats: {karies} → utfall 2021\n"
        "  förväntade: 0.75 (siffror på båda sidor om decimalpunkten, eller ingen decimalpunkt)"),
    "a number ending in a point": (
        HSN, "                        2022: 73\n", "                        2022: 73.\n",
        "{file}, rad {line}, kolumn 25: talet '73.' är inte fullständigt skrivet\n"
        "  plats: {karies} → utfall 2022\n"
        "  förväntade: 73 (siffror på båda sidor om decimalpunkten, eller ingen decimalpunkt)"),
    "a goal area given two chapters": (
        HSN, "      - id: malomrade-1\n",
        "      - id: extra\n        målområde: malomrade-1\n        rubrik: Extra\n      - id: malomrade-1\n",
        "{file}, rad {later}, kolumn 9: målområdet 'malomrade-1' används redan i samma fil (rad {next})\n"
        '  plats: plan hsn-verksamhetsplan-2024-2026 → kapitel "Målområden" → målområde '
        '"Målområde 1: Ett attraktivt Västernorrland med …"\n'
        "  förväntade: ett kapitel per målområde i planen (målområdet är en adress på sidan)"),
}


def _expected(project, name: str) -> str:
    file, old, new, report = CASES[name]
    text = (project / file).read_text(encoding="utf-8")
    first_92 = text[: text.find("nummer: 92")].count("\n") + 1
    line = edit(project, file, old, new)
    from test_data_errors import KARIES
    return report.format(file=file, line=line, next=line + 1, later=line + 4, first_92=first_92,
                         karies=KARIES)


@pytest.mark.parametrize("name", CASES)
def test_a_mistake_that_would_publish_a_broken_page_is_reported(project, name):
    expected = _expected(project, name)
    assert_fails_with(validate(project), expected)


@pytest.mark.parametrize("name", CASES)
def test_the_build_reports_the_same_and_leaves_the_previous_site_untouched(project, tmp_path, name):
    expected = _expected(project, name)
    out = tmp_path / "out"
    (out / "gammal").mkdir(parents=True)
    (out / "index.html").write_text("the site as built before", encoding="utf-8")
    (out / "gammal" / "sida.html").write_text("kept", encoding="utf-8")
    result = build(project, out)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output
    assert expected in output, output
    assert (out / "index.html").read_text(encoding="utf-8") == "the site as built before"
    assert (out / "gammal" / "sida.html").read_text(encoding="utf-8") == "kept"


# --- a § section's address is made from its heading --------------------------------------

def test_two_sections_of_a_paragraph_with_alike_headings_are_reported(project):
    text = (project / MINUTES).read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.strip().startswith("- rubrik: Ärende"))
    indent = heading[: heading.index("-")]
    line = edit(project, MINUTES, heading + "\n", f"{heading}\n{indent}  innehåll: []\n{indent}- rubrik: ÄRENDEBESKRIVNING!\n")
    output = validate(project)
    assert output.returncode == 1 and "Traceback" not in output.stderr
    (report,) = reports(output.stderr)
    assert report.startswith(f"{MINUTES}, rad {line + 2}, kolumn {len(indent) + 3}: rubriken "
                             f"'ÄRENDEBESKRIVNING!' får samma adress som avsnittet på rad {line}"), report


def test_a_section_heading_that_takes_the_address_of_a_fixed_part_is_reported(project):
    text = (project / MINUTES).read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.strip().startswith("- rubrik: Ärende"))
    line = edit(project, MINUTES, heading, heading.replace(heading.split("rubrik: ")[1], "Yrkanden"))
    (report,) = reports(validate(project).stderr)
    assert report.startswith(f"{MINUTES}, rad {line}, kolumn") and \
        "rubriken 'Yrkanden' får samma adress som paragrafens del 'Yrkanden'" in report, report


# --- nothing under data/ is ignored --------------------------------------------------------

PLACES = {
    "upper-case extension": ("data/planer/vasternorrland/ny-plan.YML",
                             "filändelsen '.YML' skrivs med stora bokstäver\n"
                             "  förväntade: filnamnet 'ny-plan.yml'"),
    "a .txt after the extension": ("data/planer/vasternorrland/ny-plan.yml.txt",
                                   "filen heter 'ny-plan.yml.txt', men en datafil slutar på .yml\n"
                                   "  förväntade: filnamnet 'ny-plan.yml'"),
    "a sub-folder of a region": ("data/planer/vasternorrland/2025/ny-plan.yml",
                                 "filen ligger i en undermapp och läses inte\n"
                                 "  förväntade: planer direkt i data/planer/vasternorrland/; flytta filen dit"),
    "directly in the plans folder": ("data/planer/ny-plan.yml",
                                     "filen ligger direkt i data/planer/ och läses inte\n"
                                     "  förväntade: data/planer/<region>/<id>.yml: i mappen för sin region"),
    "directly in data": ("data/ny-plan.yml",
                         "filen 'ny-plan.yml' ligger direkt i data/ och läses inte\n"
                         "  förväntade: regioner i data/regioner/, planer i data/planer/<region>/, "
                         "protokoll i data/protokoll/<region>/, indikatorer i data/indikatorer/, "
                         "uppföljningar i data/uppfoljning/<region>/"),
    "a Word document among the plans": ("data/planer/vasternorrland/plan.docx",
                                        "'plan.docx' är ingen datafil, och bara datafiler (.yml) läses i data/\n"
                                        "  förväntade: planer som data/planer/<region>/<id>.yml; ta bort filen "
                                        "eller flytta den utanför data/"),
    "a sub-folder of the regions": ("data/regioner/gamla/vasternorrland.yml",
                                    "filen ligger i en undermapp och läses inte\n"
                                    "  förväntade: regionfiler direkt i data/regioner/; flytta filen dit"),
}


@pytest.mark.parametrize("name", PLACES)
def test_a_file_where_no_data_is_read_is_reported(project, name):
    relative, report = PLACES[name]
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((project / HSN).read_bytes())
    assert_fails_with(validate(project), f"{relative}, rad 1, kolumn 1: {report}")


def test_a_misspelt_folder_is_reported_once_with_a_suggestion(project):
    (project / "data/plan/vasternorrland").mkdir(parents=True)
    (project / "data/plan/vasternorrland/ny-plan.yml").write_bytes((project / HSN).read_bytes())
    assert_fails_with(validate(project),
                      "data/plan/, rad 1, kolumn 1: mappen 'plan' läses inte\n"
                      "  förväntade: en av mapparna data/regioner/, data/planer/, data/protokoll/, "
                      "data/indikatorer/, data/uppfoljning/\n"
                      "  menade du 'planer'?")


def test_the_readme_is_not_data(project):
    assert (project / "data/README.md").is_file()
    assert validate(project).returncode == 0


# --- limits, with a message within seconds ------------------------------------------------

def test_absurdly_deep_nesting_is_reported_without_a_traceback(project):
    line = edit(project, HSN, "titel: Reviderad verksamhetsplan 2024–2026",
                "titel: " + "[" * 5000 + "]" * 5000)
    output = validate(project)
    assert "Traceback" not in output.stderr and "RecursionError" not in output.stderr
    (report,) = reports(output.stderr)
    assert report.startswith(f"{HSN}, rad {line}, kolumn 47: YAML-syntaxen är felaktig: uppgifterna är "
                             "inlagda i varandra i fler än 40 nivåer"), report


def test_a_huge_text_is_reported(project):
    line = edit(project, HSN, "titel: Reviderad verksamhetsplan 2024–2026", "titel: " + "x" * 50_000)
    assert_fails_with(validate(project),
                      f"{HSN}, rad {line}, kolumn 8: texten är 50 000 tecken lång\n"
                      "  förväntade: högst 20 000 tecken i ett fält; dela upp texten i flera stycken eller block")


def test_a_text_full_of_link_brackets_is_reported(project):
    # 50 000 '[' made Markdown run for minutes; the field is stopped before Markdown sees it.
    line = edit(project, HSN, "titel: Reviderad verksamhetsplan 2024–2026", "titel: '" + "[" * 5000 + "'")
    assert_fails_with(validate(project),
                      f"{HSN}, rad {line}, kolumn 8: texten innehåller 5000 hakparenteser '['\n"
                      "  förväntade: högst 200 i ett fält (en länk skrivs [text](adress))")


def test_a_huge_file_is_reported_without_reading_it(project):
    with (project / HSN).open("ab") as file:
        file.truncate(50_000_000)  # sparse: no 50 MB written
    assert_fails_with(validate(project), f"{HSN}, rad 1, kolumn 1: filen är 50,0 MB\n"
                                         "  förväntade: högst 2 MB i en fil; är det rätt fil? Dela annars upp den")


# --- the schemas ---------------------------------------------------------------------------

def test_a_broken_schema_is_named_with_its_line_in_swedish(project):
    path = project / "macros/schema/plan.schema.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"type": "object",', '"type": "object"', 1), encoding="utf-8")
    line = text[: text.index('"type": "object",')].count("\n") + 2
    output = validate(project)
    assert "Traceback" not in output.stderr
    (report,) = reports(output.stderr)
    assert report.startswith(f"macros/schema/plan.schema.json, rad {line}, kolumn"), report
    assert "schemat är ingen giltig JSON" in report and "Expecting" not in report, report


# --- the configuration, checked against the data ----------------------------------------------

CONFIG = {
    "outside the site": ('"../../x/": om/index.md',
                         "mkdocs.yml, extra.flyttade_sidor: '../../x/' ligger utanför webbplatsen; skriv en "
                         "adress inom den, till exempel 'om/adresser/'"),
    "over a page made from data": ('"vasternorrland/": om/index.md',
                                   "mkdocs.yml, extra.flyttade_sidor: 'vasternorrland/' är adressen till en sida "
                                   "som finns; en vidarebefordran skulle ersätta sidan. Ta bort raden eller ange "
                                   "den gamla adressen"),
    "over a current-plan address": ('"vasternorrland/organ/hsn/aktuell-plan/": om/index.md',
                                    "mkdocs.yml, extra.flyttade_sidor: 'vasternorrland/organ/hsn/aktuell-plan/' är "
                                    "adressen till en sida som finns"),
    "to a page that does not exist": ('"gammal/": om/saknas.md',
                                      "mkdocs.yml, extra.flyttade_sidor: 'gammal/' pekar på 'om/saknas.md', som "
                                      "inte finns"),
}


@pytest.mark.parametrize("name", CONFIG)
def test_a_wrong_moved_page_stops_validate_and_the_build_alike(project, tmp_path, name):
    entry, message = CONFIG[name]
    edit(project, "mkdocs.yml", "  flyttade_sidor: {}", f"  flyttade_sidor:\n    {entry}")
    checked = validate(project)
    assert checked.returncode == 1 and message in checked.stderr, checked.stderr
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("before", encoding="utf-8")
    built = build(project, out)
    assert built.returncode != 0 and message in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert not (tmp_path.parent / "x").exists()


def test_a_region_id_that_is_one_of_the_sites_own_addresses_is_reported(project):
    region = project / "data/regioner/vasterbotten.yml"
    region.rename(project / "data/regioner/pagefind.yml")
    text = (project / "data/regioner/pagefind.yml").read_text(encoding="utf-8")
    (project / "data/regioner/pagefind.yml").write_text(text.replace("id: vasterbotten", "id: pagefind", 1),
                                                        encoding="utf-8")
    found = reports(validate(project).stderr)
    assert any(r.startswith("data/regioner/pagefind.yml, rad 2, kolumn 1: id 'pagefind' är upptaget av "
                            "webbplatsen själv: regionens adresser skulle ta webbplatsens egen adress "
                            "/pagefind/") for r in found), found


def test_a_docs_folder_with_a_regions_address_is_reported(project, tmp_path):
    (project / "docs/vasterbotten").mkdir()
    (project / "docs/vasterbotten/om.md").write_text("# Om\n", encoding="utf-8")
    message = ("mappen docs/vasterbotten/ har samma adress som regionen 'vasterbotten' (/vasterbotten/); "
               "byt namn på mappen")
    assert message in validate(project).stderr
    built = build(project, tmp_path / "out")
    assert built.returncode != 0 and message in built.stdout + built.stderr
    assert not (tmp_path / "out").exists()


def test_a_hand_written_page_where_a_site_wide_page_is_made_is_reported(project, tmp_path):
    (project / "docs/andringar").mkdir()
    (project / "docs/andringar/index.md").write_text("# Ändringar\n", encoding="utf-8")
    message = "docs/andringar/index.md finns redan men skapas från data; ta bort filen i docs/"
    assert message in validate(project).stderr
    built = build(project, tmp_path / "out")
    assert built.returncode != 0 and message in built.stdout + built.stderr
    assert not (tmp_path / "out").exists()
