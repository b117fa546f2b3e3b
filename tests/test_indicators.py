"""Indicators with a history, a status and a chart (issue 8).

Expected values are typed from the source documents:
- vasterbotten-rs-namndplan-2023.txt: "Användandet av självservice", utfall 2021 209 266,
  målnivå 2023 276 230;
- vasterbotten-hsn-namndplan-2025.txt: the same indicator, utfall 2023 274 057, målnivå 2025 530 000;
- vasternorrland-rs-verksamhetsplan-2025-2027.txt: HME totalindex, RVN 77 (2022) and 78 (2023),
  RLF 74 (2022) and 77 (2023), målnivå "Bibehålla/öka";
- vasternorrland-hsn-verksamhetsplan-2024-2026.txt: HME Totalindex 77 (2021) and 77 (2022), and
  Andel kariesfria 6-åringar 75 % (2021), 73 % (2022) with targets for 2024 and 2026.
"""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import Site, build, norm, table_grid
from macros import model as m
from macros.model import history as h
from test_data_errors import assert_fails_with, edit, validate

SELF_SERVICE = "/vasterbotten/indikatorer/anvandandet-av-sjalvservice/"
RS_2023 = "/vasterbotten/planer/rs-namndplan-2023/"
HSN_2025 = "/vasterbotten/planer/hsn-namndplan-2025/"
HME = "/vasternorrland/indikatorer/hme-totalindex/"
HME_HSN = "/vasternorrland/indikatorer/hme-totalindex-hsn/"
KARIES = "/vasternorrland/indikatorer/kariesfria-6-aringar/"
PLANS = ["/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/",
         "/vasternorrland/planer/rs-verksamhetsplan-2025-2027/", HSN_2025, RS_2023]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}


def history_rows(site: Site, url: str) -> list[dict[str, str]]:
    table = site.element(url, "historik").find_next("table")
    grid, headers = table_grid(table)
    return [dict(zip(headers, row)) for row in grid]


# --- every row reaches its page ---------------------------------------------------------

def test_every_indicator_row_of_every_plan_links_to_a_page_that_names_the_row(site):
    rows = 0
    for url in PLANS:
        for row in site.page(url).select("[id^=indikator-]"):
            link = row.select_one("a.op-indicator-link")
            assert link is not None, f"{url}#{row['id']} has no link to its indicator page"
            target = urljoin("http://site" + url, link["href"]).removeprefix("http://site")
            listed = site.element(target, "planer").find_next("ul")
            assert any(a["href"].endswith(f"#{row['id']}") for a in listed.select("a")), (url, row["id"])
            rows += 1
    assert rows == 111  # 20 + 22 + 31 + 38 indicator rows in the four plans


# --- the one indicator that recurs across plans ---------------------------------------------

def test_self_service_has_its_whole_history_with_sources_and_status(site):
    rows = history_rows(site, SELF_SERVICE)
    assert [(r["År"], r["Utfall"], r["Målnivå"]) for r in rows] == [
        ("2021", "209 266", "Ingen målnivå"),
        ("2023", "274 057", "276 230"),
        ("2025", "Inget utfall redovisat", "530 000"),
    ]
    assert rows[0]["Utfallet enligt"] == "Regionstyrelsen: Nämndplan 2023"
    assert rows[1]["Utfallet enligt"] == "Hälso- och sjukvårdsnämnden: Nämndplan 2025"
    assert rows[1]["Beslutad i"] == "Regionstyrelsen: Nämndplan 2023"
    assert rows[1]["Måluppfyllelse"] == "✗ Ej nådd, 99 % av målnivån"
    assert rows[2]["Beslutad i"] == "Hälso- och sjukvårdsnämnden: Nämndplan 2025"
    assert rows[2]["Måluppfyllelse"] == "○ Utfall saknas"
    assert norm(site.content(SELF_SERVICE).select_one(".op-judgements").get_text()) == (
        "2023: målnivå 276 230 enligt Regionstyrelsen: Nämndplan 2023; utfall 274 057 enligt "
            "Hälso- och sjukvårdsnämnden: Nämndplan 2025. ✗ Ej nådd, 99 % av målnivån")
    text = site.text(SELF_SERVICE)
    assert "Målnivå anges för 2023 och 2025. Utfall finns för 2021 och 2023. Utfall saknas för 2025." in text


def test_the_plan_row_shows_whether_its_target_was_reached(site):
    cells = site.row(RS_2023, "indikator-anvandandet-av-sjalvservice")
    assert cells["Mål 2023"] == "276 230"  # as decided; the judgement stands beside it
    row = site.row_element(RS_2023, "indikator-anvandandet-av-sjalvservice")
    assert [norm(j.get_text()) for j in row.select(".op-judgement")] == ["✗ Ej nådd, 99 % av målnivån"]
    assert row.select_one(".op-judgement").find_parent("td").get_text().startswith("276")
    # The later plan's row links to the same page.
    for url in (RS_2023, HSN_2025):
        link = site.element(url, "indikator-anvandandet-av-sjalvservice").select_one("a.op-indicator-link")
        assert link["href"].endswith("indikatorer/anvandandet-av-sjalvservice/")


def test_plan_goal_and_region_show_status_summaries(site):
    # RS 2023: every indicator with a 2023 target; only självservice has a reported outcome.
    targets_2023 = sum(1 for table in site.content(RS_2023).select("table")
                       for row in table_grid(table)[0]
                       for header, cell in zip(table_grid(table)[1], row)
                       if header == "Mål 2023" and cell)
    assert targets_2023 > 20
    summary = site.content(RS_2023).select_one(".op-summary")
    # Issue 19: targets no rule can judge (most RS 2023 rows state no direction) are counted as
    # "kan inte bedömas", apart from those that wait for an outcome ("saknar utfall").
    counted = re.match(
        rf"Måluppfyllelse 2023: 0 av {targets_2023} indikatorer nådde målnivån 2023, 1 nådde den inte, "
        r"(\d+) saknar utfall, (\d+) kan inte bedömas\.", norm(summary.get_text()))
    assert counted and int(counted[1]) + int(counted[2]) == targets_2023 - 1 and int(counted[2]) > 0
    # The goal that holds självservice says the same of its own indicators.
    goal = site.element(RS_2023, "indikator-anvandandet-av-sjalvservice").find_previous(id=re.compile("^mal-"))
    goal_summary = goal.find_next(class_="op-summary")
    assert ", 1 nådde den inte," in norm(goal_summary.get_text())
    # The region page, under the region goal the board goal serves.
    region = site.content("/vasterbotten/")
    assert any("nådde målnivån 2023, 1 nådde den inte" in norm(s.get_text())
               for s in region.select(".op-region-goal .op-summary"))
    # Where no outcome is reported yet for any target that can be judged, the page says so.
    pending = [norm(s.get_text()) for s in site.content(PLANS[1]).select(".op-summary p")]
    assert "Inga utfall har ännu redovisats för målnivåerna 2025 och 2027." in pending


def test_what_is_missing_is_said(site):
    text = site.text(KARIES)
    assert "Målnivå anges för 2024 och 2026. Utfall finns för 2021 och 2022." in text
    # Issue 19: no promise of a verdict; "Positiv utveckling (ökade värden) över tid" can be judged.
    assert "Utfall saknas för 2024 och 2026." in text and "kan ännu bedömas" not in text
    rows = history_rows(site, KARIES)
    assert [(r["År"], r["Utfall"], r["Målnivå"]) for r in rows][:2] == [
        ("2021", "75 %", "Ingen målnivå"), ("2022", "73 %", "Ingen målnivå")]


# --- series, look-alikes ---------------------------------------------------------------------

def test_organisations_are_series_of_their_own_in_table_and_chart(site):
    rows = history_rows(site, HME)
    assert [(r["År"], r["Serie"], r["Utfall"]) for r in rows] == [
        ("2022", "RVN", "77"),
        ("2022", "RLF", "74"),
        ("2023", "RVN", "78"),
        ("2023", "RLF", "77"),
        ("2025", "RVN", "Inget utfall redovisat"),
        ("2025", "RLF", "Inget utfall redovisat"),
        ("2027", "RVN", "Inget utfall redovisat"),
        ("2027", "RLF", "Inget utfall redovisat"),
    ]
    assert {r["Målnivå"] for r in rows[4:]} == {"Bibehålla/öka"}
    svg = site.element(HME, "diagram").find_next("svg")
    lines = svg.select("g.op-chart-line")
    assert len(lines) == 2 and {len(g.select(".op-marker")) for g in lines} == {2}
    assert norm(svg.find("desc").get_text()) == (
        "RVN, utfall 2022: 77, 2023: 78; RLF, utfall 2022: 74, 2023: 77.")  # no source expands them


def test_look_alikes_are_kept_apart_and_say_why(site):
    # The HSN plan's HME is not the RS plan's RVN series: its Ledarskap 2022 is 81, RVN's is 80.
    apart = site.element(HME_HSN, "skild-fran").find_next("ul")
    link = apart.find("a", href=re.compile(r"/hme-totalindex/$"))
    assert link is not None
    assert "organisation" in norm(link.find_parent("li").get_text(" "))
    assert [r["Utfall"] for r in history_rows(site, HME_HSN)][:2] == ["77", "77"]


# --- charts --------------------------------------------------------------------------------

def test_compact_charts_only_where_there_are_two_numbers(site):
    page = site.content(RS_2023)
    row = site.element(RS_2023, "indikator-anvandandet-av-sjalvservice")
    assert row.select_one(".op-chart--compact svg[role=img]") is not None
    desc = norm(row.select_one(".op-chart--compact desc").get_text())
    assert desc == "utfall 2021: 209 266, 2023: 274 057; målnivå 2023: 276 230, 2025: 530 000."
    qualitative = site.element("/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/",
                               "indikator-handlingsplan-patientsakerhet")
    assert qualitative.select_one("svg") is None
    assert len(page.select(".op-chart--compact")) >= 10


@pytest.mark.parametrize("width", [1280, 375])
def test_charts_are_visible_accessible_and_without_axe_violations(server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    for url in (SELF_SERVICE, HME, RS_2023):
        page.goto(server + url)
        chart = page.locator("svg.op-chart-svg").first
        expect(chart).to_be_visible()
        box = chart.bounding_box()
        assert box["width"] <= width and box["height"] > 20
        assert chart.get_attribute("role") == "img"
        name = page.evaluate("e => e.getAttribute('aria-labelledby').split(' ').map(id => "
                             "document.getElementById(id).textContent).join(' ')", chart.element_handle())
        assert "utfall" in name and "20" in name
        assert Axe().run(page, options=WCAG).response["violations"] == [], url
    page.goto(server + "/vasterbotten/indikatorer/")
    assert Axe().run(page, options=WCAG).response["violations"] == []
    # Axis labels stay legible on a phone: at least 10 px as drawn.
    page.goto(server + SELF_SERVICE)
    size = page.locator(".op-chart-axis text").first.evaluate(
        "e => e.getBoundingClientRect().height")
    assert size >= 10


def test_charts_need_no_script_and_no_other_origin(site):
    svg = str(site.element(SELF_SERVICE, "diagram").find_next("svg"))
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


# --- the rule, case by case -------------------------------------------------------------------

def _history(direction: str, outcomes: dict, targets: dict, qualitative=False, scale=True) -> h.History:
    def cell(v):
        return m.Value(number=Decimal(str(v))) if isinstance(v, (int, float)) else m.Value(text=v)
    plan = m.Plan("p", "r", "b", "plan", "Plan", m.Period(2020, 2027), "", "", "", "", "f", [], {}, [])
    if scale:  # the plan states that its qualitative outcomes are Ja, Delvis or Nej
        plan.statements = m.IndicatorStatements(scale=m.PlanStatement("inledning", "… ”Ja”, ”Nej” eller ”Delvis”."))
    row = m.Indicator("i", "Indikator", "kvantitativ", indicator_id="i",
                      outcomes={y: cell(v) for y, v in outcomes.items()},
                      targets={y: cell(v) for y, v in targets.items()})
    return h.History(m.IndicatorDefinition("i", "r", "Indikator", direction=direction, qualitative=qualitative),
                     [(plan, row)], [])


@pytest.mark.parametrize("direction, outcomes, targets, status, detail", [
    ("högre", {2023: 274057}, {2023: 276230}, h.NOT_MET, ("share", 99)),
    ("högre", {2023: 300}, {2023: 300}, h.MET, None),
    ("lägre", {2023: 12}, {2023: 10}, h.NOT_MET, ("excess", 20)),
    ("lägre", {2023: 9}, {2023: 10}, h.MET, None),
    ("", {2023: 9}, {2023: 10}, h.NOT_JUDGED, ("reason", "det är inte angivet om ett högre eller lägre värde är bättre")),
    ("", {2022: 77, 2023: 78}, {2023: "Bibehålla/öka"}, h.MET, None),
    ("", {2022: 77, 2023: 76}, {2023: "Bibehålla/öka"}, h.NOT_MET, None),
    ("", {2022: 77, 2023: 77}, {2023: "Öka"}, h.NOT_MET, None),
    ("", {2022: 1, 2023: 2}, {2023: "Positiv utveckling (ökade värden) över tid"}, h.MET, None),
    ("", {2023: 76}, {2023: "Högre än 75"}, h.MET, None),
    ("", {2022: 1, 2023: 2}, {2023: "Öka med 0,5 % per år"}, h.NOT_JUDGED,
     ("reason", "målnivåns text säger inte entydigt vad som ska jämföras")),
    ("", {2023: 2}, {2023: "Öka"}, h.NOT_JUDGED, ("reason", "det finns inget tidigare utfall att jämföra med")),
    ("", {2022: 5}, {2023: "Öka"}, h.NO_OUTCOME, None),
    ("", {2023: "Delvis"}, {2023: "Ja"}, h.NOT_MET, None),
    # Issue 19: a target no rule can judge says so before any outcome comes.
    ("", {}, {2025: "Öka med 0,5 % per år"}, h.NOT_JUDGED, ("rule", "annan-text")),
    ("", {}, {2025: 10}, h.NOT_JUDGED, ("rule", "riktning-anges-inte")),
    ("högre", {}, {2025: 10}, h.NO_OUTCOME, ("rule", "utfall-saknas")),
    ("", {2025: "Ja"}, {2025: "Ja"}, h.MET, ("rule", "ja-delvis-nej")),
])
def test_a_target_is_judged_by_the_written_rule(direction, outcomes, targets, status, detail):
    (judgement,) = _history(direction, outcomes, targets).judgements()
    assert judgement.status == status
    if detail:
        assert getattr(judgement, detail[0]) == detail[1]


def test_ja_delvis_nej_only_where_the_plan_states_it():
    (judgement,) = _history("", {2025: "Ja"}, {2025: "Ja"}, scale=False).judgements()
    assert (judgement.status, judgement.rule) == (h.NOT_JUDGED, "ja-delvis-nej")


def test_a_dash_in_a_target_cell_is_no_target():
    assert _history("högre", {2026: 5}, {2026: "-"}).judgements() == []


# --- follow-ups: reported apart from what was decided ------------------------------------------

FOLLOW_UP = """# yaml-language-server: $schema=../../../macros/schema/uppfoljning.schema.json
id: delarsrapport-2025-08
region: vasterbotten
titel: Delårsrapport augusti 2025
typ: delårsrapport
datum: "2025-10-14"
utfall:
  - indikator: anvandandet-av-sjalvservice
    år: {year}
    värde: {value}
"""
FOLLOW_UP_FILE = "data/uppfoljning/vasterbotten/delarsrapport-2025-08.yml"


def _write_follow_up(project, year=2025, value=541000):
    path = project / FOLLOW_UP_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FOLLOW_UP.format(year=year, value=value), encoding="utf-8")


def test_a_follow_up_reports_an_outcome_without_touching_the_plan(project, tmp_path):
    before = (project / "data/planer/vasterbotten/hsn-namndplan-2025.yml").read_bytes()
    _write_follow_up(project)
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "out")
    rows = history_rows(site, SELF_SERVICE)
    assert rows[-1]["Utfall"] == "541 000"
    assert rows[-1]["Utfallet enligt"] == "Delårsrapport augusti 2025 (14 oktober 2025)"
    assert rows[-1]["Måluppfyllelse"] == "✓ Nådd"
    row = site.row_element(HSN_2025, "indikator-anvandandet-av-sjalvservice")
    assert [norm(j.get_text()) for j in row.select(".op-judgement")] == ["✓ Nådd"]
    assert (project / "data/planer/vasterbotten/hsn-namndplan-2025.yml").read_bytes() == before


def test_a_follow_up_that_contradicts_a_plan_is_rejected(project):
    _write_follow_up(project, year=2023, value=274000)
    assert_fails_with(validate(project),
                      f"{FOLLOW_UP_FILE}, rad 10, kolumn 5: utfallet 2023 motsäger planen hsn-namndplan-2025, "
                      "som anger 274057\n"
                      '  plats: uppföljning delarsrapport-2025-08 → utfall "anvandandet-av-sjalvservice"\n'
                      "  hittade: 274000\n"
                      "  förväntade: samma utfall som planen; ett beslutat dokument skrivs inte om. Är det "
                      "rätt år eller indikator?")


def test_a_follow_up_of_an_unknown_indicator_is_rejected(project):
    _write_follow_up(project)
    edit(project, FOLLOW_UP_FILE, "indikator: anvandandet-av-sjalvservice", "indikator: anvandande-av-sjalvservice")
    assert_fails_with(validate(project),
                      f"{FOLLOW_UP_FILE}, rad 8, kolumn 5: indikatorn 'anvandande-av-sjalvservice' finns inte i "
                      "data/indikatorer/vasterbotten.yml\n"
                      '  plats: uppföljning delarsrapport-2025-08 → utfall "anvandande-av-sjalvservice"\n'
                      "  förväntade: ett id som finns i data/indikatorer/vasterbotten.yml\n"
                      "  menade du 'anvandandet-av-sjalvservice'?")


def test_a_plan_row_that_names_no_register_entry_is_rejected(project):
    line = edit(project, "data/planer/vasterbotten/rs-namndplan-2023.yml",
                "indikator: hme-chefer-rs", "indikator: hme-chefer-rss")
    output = validate(project)
    assert output.returncode == 1 and "Traceback" not in output.stderr
    assert (f"data/planer/vasterbotten/rs-namndplan-2023.yml, rad {line}, kolumn" in output.stderr
            and "indikatorn 'hme-chefer-rss' finns inte i data/indikatorer/vasterbotten.yml" in output.stderr
            and "menade du 'hme-chefer-rs'?" in output.stderr), output.stderr


def test_a_region_without_a_register_is_told_once(project):
    (project / "data/indikatorer/vasternorrland.yml").unlink()
    output = validate(project)
    assert output.stderr.count("regionen 'vasternorrland' har inget indikatorregister") == 1
    assert "förväntade: filen data/indikatorer/vasternorrland.yml med regionens indikatorer" in output.stderr


def _contrast(a: str, b: str) -> float:
    def luminance(rgb: str) -> float:
        channels = [int(x) / 255 for x in re.findall(r"\d+", rgb)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_chart_lines_stand_out_in_light_and_dark_scheme(server, page, scheme):
    page.goto(server + HME)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    for series in (0, 1):
        stroke = page.locator(f"svg.op-chart-svg g.op-chart-series-{series} path").first.evaluate(
            "e => getComputedStyle(e).stroke")
        assert _contrast(stroke, background) >= 3, (scheme, series, stroke, background)  # WCAG 1.4.11


def test_charts_print(server, page):
    page.goto(server + SELF_SERVICE)
    page.emulate_media(media="print")
    chart = page.locator("svg.op-chart-svg").first
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 14 / 2.54 * 96 + 1  # at most 14 cm wide on paper
    stroke = page.locator("svg.op-chart-svg g.op-chart-outcome path").first.evaluate("e => getComputedStyle(e).stroke")
    assert stroke == "rgb(0, 0, 0)"
