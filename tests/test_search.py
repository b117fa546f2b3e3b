"""Search in Swedish, in a real browser: inflections, prefixes, several words, deep results."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect



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
