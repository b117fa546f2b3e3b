"""Accessibility (WCAG 2.1 AA, as DOS-lagen requires), privacy and print, in a real browser."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from test_search import search

# WCAG 2.1 A/AA, and 2.5.8 target size (minimum) from WCAG 2.2: axe's rule "target-size".
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
              "resultTypes": ["violations"]}
PAGE_TYPES = {
    "start": "/",
    "region": "/vasternorrland/",
    "plan": "/vasterbotten/planer/hsn-namndplan-2025/",
    "plan with per-organisation values": "/vasternorrland/planer/rs-verksamhetsplan-2025-2027/",
    "minutes": "/vasternorrland/protokoll/hsu-2023-12-07/",
    "accessibility statement": "/om/tillganglighet/",
    "open data": "/data/",
    "data catalogue": "/katalog/",
    "changes": "/andringar/",
    "404": "/404.html",
}
AXE = Axe()


def violations(page) -> list[str]:
    response = AXE.run(page, options=WCAG_21_AA).response
    assert "target-size" in {rule["id"] for kind in ("passes", "incomplete", "inapplicable", "violations")
                             for rule in response.get(kind, [])} or response["violations"], "target-size did not run"
    result = response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_axe_violations_on_any_page_type(server, page, kind, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + PAGE_TYPES[kind])
    assert violations(page) == []


@pytest.mark.parametrize("width", [1280, 375])
def test_no_axe_violations_with_search_results_open(server, page, width):
    results = search(page, server, "tandvården", width)
    expect(results.first).to_be_visible()
    assert violations(page) == []


def test_the_whole_site_works_by_keyboard(server, page):
    page.goto(server + "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    # Focus is visible wherever it lands: a permanent link in a table row, for instance.
    link = page.locator("#indikator-kariesfria-6-aringar a.op-permalink")
    link.focus()
    outline = link.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert not outline.startswith("none"), outline
    # A wide table scrolls sideways from the keyboard.
    table = page.locator("#tabell-ekonomiska-ramar").locator("xpath=..").locator(".op-table").first
    if not table.count():
        table = page.locator(".op-table").first
    table.focus()
    expect(table).to_be_focused()


@pytest.mark.parametrize("width", [375, 760, 1280])
def test_wide_tables_need_no_sideways_scrolling_and_stay_reachable_by_keyboard(server, page, width):
    """The budget table with eleven columns is labelled cards at every width (test_tables.py reads
    them); its region stays focusable, so a table wider than its column would still scroll by keyboard."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server + "/vasterbotten/planer/hsn-namndplan-2025/#tabell-ekonomiska-ramar-per-namnd")
    region = page.locator("#tabell-ekonomiska-ramar-per-namnd .op-table")
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth")
    region.focus()
    expect(region).to_be_focused()


def test_tables_have_captions_and_header_scopes(site):
    for url in ("/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/", "/vasterbotten/planer/rs-namndplan-2023/",
                "/vasternorrland/protokoll/hsu-2023-12-07/", "/om/webbadresser/"):
        for table in site.content(url).select("table"):
            assert table.find("caption") and table.find("caption").get_text(strip=True), url
            for th in table.select("th"):
                assert th.get("scope") in ("col", "row", "rowgroup"), (url, str(th)[:80])


def test_every_page_has_swedish_language_and_links_to_the_statement_and_privacy_pages(site):
    for path in site.directory.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect page
        assert '<html lang="sv"' in html, path
        relative = path.parent.relative_to(site.directory).as_posix()
        url = "/" if relative == "." else f"/{relative}/"
        footer = site.page(url).select_one("footer")
        targets = {urlparse(urljoin("http://site" + url, a["href"])).path for a in footer.select("a[href]")}
        assert {"/om/tillganglighet/", "/om/personuppgifter/"} <= targets, (url, targets)


def test_the_accessibility_statement_has_what_digg_requires(site):
    text = site.text("/om/tillganglighet/")
    for required in ("lagen (2018:1937) om tillgänglighet till digital offentlig service",
                     "delvis förenlig", "Innehåll som inte är tillgängligt", "1.1.1",
                     "Hur vi testat webbplatsen", "Senaste bedömningen gjordes den 22 november 2026",
                     "uppdaterades senast den 22 november 2026", "tillganglighet@oppnaplaner.example",
                     "Myndigheten för digital förvaltning"):
        assert required in text, required
    digg = site.content("/om/tillganglighet/").find("a", string=re.compile("kontakta Myndigheten"))
    assert digg["href"].startswith("https://www.digg.se/")


def test_nothing_is_stored_and_nothing_leaves_the_origin(server, page):
    origins = set()
    page.on("request", lambda request: origins.add(urlparse(request.url).netloc))
    results = search(page, server, "kariesfria")
    results.first.click()
    page.goto(server + "/vasternorrland/protokoll/hsu-2023-12-07/")
    page.wait_for_load_state("networkidle")
    assert origins == {urlparse(server).netloc}, origins
    assert page.context.cookies() == []
    stored = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
    assert stored == [[], []], stored
    assert "Inget sparas i din webbläsare" in page.goto(server + "/om/personuppgifter/").text()


def test_a_plan_prints_cleanly_with_its_permanent_address(server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "/vasterbotten/planer/hsn-namndplan-2025/")
    page.emulate_media(media="print")
    for hidden in ("header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary", "footer", "#op-search-input"):
        assert not page.locator(hidden).first.is_visible(), hidden
    address = page.locator(".op-print-only")
    expect(address).to_be_visible()
    expect(address).to_contain_text("/vasterbotten/planer/hsn-namndplan-2025/")
    # No table is cut off at the right edge: none is wider than the printed article.
    article = page.locator("article").bounding_box()
    for table in page.locator(".op-table table").all():
        box = table.bounding_box()
        assert box["x"] + box["width"] <= article["x"] + article["width"] + 1, table.inner_text()[:60]


def test_the_permanent_link_is_copied_and_marks_its_item(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    page.goto(server + "/vasternorrland/protokoll/hsu-2023-12-07/")
    link = page.locator("#paragraf-p92 a.headerlink")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".op-copied")).to_contain_text("Adressen är kopierad")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/vasternorrland/protokoll/hsu-2023-12-07/#paragraf-p92"), copied
    expect(page.locator("#paragraf-p92")).to_be_in_viewport()
    marked = page.locator("#paragraf-p92").evaluate("e => e.matches(':target')")
    assert marked
    context.close()


def test_each_board_has_an_address_for_its_current_plan(server, page):
    page.goto(server + "/vasterbotten/organ/hsn/aktuell-plan/#indikator-anvandandet-av-sjalvservice")
    expect(page).to_have_url(re.compile(r"/vasterbotten/planer/hsn-namndplan-2025/#indikator-anvandandet-av-sjalvservice$"))
    page.goto(server + "/vasternorrland/")
    page.locator("article").get_by_role("link", name="aktuell plan").first.click()
    expect(page).to_have_url(re.compile(r"/vasternorrland/planer/.+/$"))


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("url", ["/vasternorrland/planer/rs-verksamhetsplan-2025-2027/", "/vasternorrland/protokoll/hsu-2023-12-07/"])
def test_no_axe_violations_with_the_contents_open_and_a_row_reached(server, page, url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + url)
    page.locator("details.op-contents > summary").click()
    first = page.locator("article tr[id]").first
    if first.count():
        page.goto(f"{server}{url}#{first.get_attribute('id')}")
        page.locator("details.op-contents > summary").click()
    assert violations(page) == []
