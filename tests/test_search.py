"""Search in Swedish, in a real browser: inflections, prefixes, several words, deep results."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from macros.site import searchindex


def search(page, server, query: str, width: int = 1280):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + "/")
    if page.locator("#op-search-input").is_hidden():
        page.locator("label.md-header__button[for=__search]").click()
    page.locator("#op-search-input").fill(query)
    expect(page.locator("#op-search-status")).to_contain_text("träff")
    return page.locator("#op-search-results a.op-search-section")


def marked(results) -> set[str]:
    return {m.lower() for m in results.locator("mark").all_inner_texts()}


@pytest.mark.parametrize("query, finds", [
    ("tandvården", "tandvård"),      # inflected form finds the base form …
    ("tandvård", "tandvården"),      # … and the reverse
    ("hyrberoendet", "hyrberoende"),
    ("hyrberoende", "hyrberoendet"),
])
def test_an_inflected_form_finds_the_base_form_and_the_reverse(server, page, query, finds):
    results = search(page, server, query)
    expect(results.first).to_be_visible()
    assert finds in marked(results), marked(results)


def test_a_word_typed_partway_shows_matches_as_you_type(server, page):
    results = search(page, server, "kariesfr")
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert any(h.endswith("/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/#indikator-kariesfria-6-aringar")
               for h in hrefs), hrefs


def test_several_words_find_the_indicators_that_have_them_all(server, page):
    results = search(page, server, "självskattad hälsa")
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert sum("#indikator-sjalvskattad-halsa-" in h for h in hrefs) >= 3, hrefs


@pytest.mark.parametrize("width", [1280, 375])
def test_a_result_leads_to_the_item_itself(server, page, width):
    results = search(page, server, "kariesfria", width)
    results.locator("xpath=self::*[contains(@href, '#indikator-kariesfria-6-aringar')]").first.click()
    expect(page).to_have_url(re.compile(r"/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/#indikator-kariesfria-6-aringar$"))
    expect(page.locator("#indikator-kariesfria-6-aringar")).to_be_in_viewport()


def test_a_paragraph_of_the_minutes_is_found_by_its_words(server, page):
    results = search(page, server, "visselblåsarärenden")
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert any(h.endswith("/vasternorrland/protokoll/hsu-2023-12-07/#paragraf-p93") for h in hrefs), hrefs


def test_search_works_by_keyboard_alone(server, page):
    page.goto(server + "/vasterbotten/")
    page.keyboard.press("/")
    expect(page.locator("#op-search-input")).to_be_focused()
    page.keyboard.type("hyrberoendet")
    expect(page.locator("#op-search-results a.op-search-section").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert "#" in focused
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/vasterbotten/planer/hsn-namndplan-2025/#"))


# --- results that say what they are, and rank the exact item first (issue 9) ---------------

def results_of(page, server, query: str, width: int = 1280) -> list[dict]:
    search(page, server, query, width)
    page.wait_for_timeout(200)
    return page.evaluate("""() => [...document.querySelectorAll('#op-search-results .md-search-result__item')].map(li => ({
        where: li.querySelector('.op-search-where').textContent,
        title: li.querySelector('h1').textContent,
        sections: [...li.querySelectorAll('a.op-search-section')].map(a => ({
            title: a.querySelector('h2').textContent, href: a.getAttribute('href'), excerpt: a.querySelector('p').textContent})),
    }))""")


def test_each_result_names_region_kind_and_document(server, page):
    results = results_of(page, server, "självskattad hälsa")
    assert results
    plans = [r for r in results if "Plan" in r["where"]]
    assert plans, results
    for result in plans:
        assert result["where"].startswith("Region V"), result["where"]
        assert ": " in result["title"], result["title"]  # "Regionstyrelsen: Nämndplan 2023": body and document


@pytest.mark.parametrize("query, title", [
    ("kariesfria", "Indikator Andel kariesfria 6-åringar"),
    ("visselblåsarärenden", "Paragraf § 93 Årlig information Visselblåsarärenden (2023)"),
    ("levnadsvillkor", "Mål Mål 2. Goda levnadsvillkor"),
    ("hembesök nyfödda", "Delmål Nyfödda i Region Västerbotten ska erbjudas hembesök enligt det nationella barnhälsovårdsprogrammet"),
])
def test_sub_results_name_the_item(server, page, query, title):
    results = results_of(page, server, query)
    titles = [s["title"] for r in results for s in r["sections"]]
    assert title in titles, titles


def test_a_section_of_a_paragraph_is_named_with_its_number(server, page):
    results = results_of(page, server, "Beslutsunderlag")
    titles = [s["title"] for r in results for s in r["sections"]]
    assert "Paragraf § 93 Årlig information Visselblåsarärenden (2023) – Beslutsunderlag" in titles, titles


@pytest.mark.parametrize("query, separated", [
    ("23HSN4749", "Diarienummer 23HSN4749 Ärendeansvarig"),
    ("Budgetreducering", "Budget 2024 Budgetförändring 2024 Budgetreducering 2025"),
])
def test_cells_and_labels_are_kept_apart_in_snippets(server, page, query, separated):
    results = results_of(page, server, query)
    excerpts = [" ".join(s["excerpt"].split()) for r in results for s in r["sections"]]
    assert any(separated in e for e in excerpts), excerpts


@pytest.mark.parametrize("query, first", [
    # An indicator's own page, with its whole history, is the exact item for its name.
    ("Andel kariesfria 6-åringar", "/vasternorrland/indikatorer/kariesfria-6-aringar/"),
    ("kariesfria", "/vasternorrland/indikatorer/kariesfria-6-aringar/"),
    ("Användandet av självservice", "/vasterbotten/indikatorer/anvandandet-av-sjalvservice/"),
    ("§ 93", "/vasternorrland/protokoll/hsu-2023-12-07/#paragraf-p93"),
    ("23HSN4749", "/vasternorrland/protokoll/hsu-2023-12-07/#paragraf-p93"),
])
def test_the_exact_item_ranks_first(server, page, query, first):
    results = results_of(page, server, query)
    assert results[0]["sections"][0]["href"].endswith(first), [r["sections"][:1] for r in results]


def test_a_plans_case_number_lists_the_plan_first_then_the_paragraph_that_prepared_it(server, page):
    results = results_of(page, server, "23HSN1782")
    assert [r["title"] for r in results[:2]] == [
        "Hälso- och sjukvårdsnämnden: Reviderad verksamhetsplan 2024–2026",
        "Hälso- och sjukvårdsutskottets sammanträde 7–8 december 2023"], [r["title"] for r in results]
    assert results[1]["sections"][0]["href"].endswith("/vasternorrland/protokoll/hsu-2023-12-07/#paragraf-p92")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_searched_words_are_highlighted_on_the_page_reached(server, page, width):
    results = search(page, server, "kariesfria", width)
    results.locator("xpath=self::*[contains(@href, '#indikator-kariesfria-6-aringar')]").first.click()
    # the address is the item's permanent one again once the words are marked
    expect(page).to_have_url(re.compile(r"/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/#indikator-kariesfria-6-aringar$"))
    marks = page.locator("#indikator-kariesfria-6-aringar mark.op-highlight")
    expect(marks.first).to_have_text(re.compile("kariesfria", re.I))
    expect(page.locator("#indikator-kariesfria-6-aringar")).to_be_in_viewport()


# --- one Pagefind bundle per region and one for the site-wide pages (issue 11) -------------

@pytest.mark.parametrize("query, where, address", [
    ("hyrberoende", "Region Västerbotten", "/vasterbotten/"),
    ("visselblåsarärenden", "Region Västernorrland", "/vasternorrland/"),
    ("tillgänglighetsredogörelse", "Öppna planer · Om webbplatsen", "/om/tillganglighet/"),
])
def test_one_search_covers_every_regions_bundle_and_the_site_wide_one(server, page, query, where, address):
    results = results_of(page, server, query)
    found = [(r["where"], urlparse(s["href"]).path) for r in results for s in r["sections"]]
    assert any(w.startswith(where) and path.startswith(address) for w, path in found), found


def test_each_page_is_indexed_in_one_bundle_only(site):
    """A region's pages in pagefind/<region>/ only, all other pages in pagefind/."""
    def indexed(pages) -> int:
        return sum("data-pagefind-body" in p.read_text(encoding="utf-8") for p in pages)

    def page_count(bundle) -> int:
        entry = json.loads((site.directory / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(language["page_count"] for language in entry["languages"].values())

    regions = ["vasterbotten", "vasternorrland"]
    for region in regions:
        assert page_count(f"pagefind/{region}") == indexed((site.directory / region).rglob("*.html")) > 0
    site_wide = [p for p in site.directory.rglob("*.html")
                 if p.relative_to(site.directory).parts[0] not in regions]
    assert page_count("pagefind") == indexed(site_wide) > 0


@pytest.mark.parametrize("free, at_once", [(1 << 50, 2), (0, 1)], ids=["room for two", "room for one"])
def test_pagefind_runs_side_by_side_only_while_the_free_memory_holds_another(site, tmp_path, monkeypatch,
                                                                             free, at_once):
    """Two runs at once on two cores when there is memory for both, one at a time when there
    is not; the bundles are the build's, byte for byte, either way."""
    copy = tmp_path / "site"
    shutil.copytree(site.directory, copy)
    monkeypatch.setattr(searchindex, "free_memory", lambda: free)
    regions = {"vasterbotten", "vasternorrland"}
    result = searchindex.run(copy, searchindex.runs_for(copy, regions, regions, site_wide=True), processes=2)
    assert result.failure == "" and result.most_at_once == at_once
    built = sorted(p.relative_to(site.directory) for p in (site.directory / "pagefind").rglob("*") if p.is_file())
    again = sorted(p.relative_to(copy) for p in (copy / "pagefind").rglob("*") if p.is_file())
    assert again == built
    assert all((copy / path).read_bytes() == (site.directory / path).read_bytes() for path in built)
