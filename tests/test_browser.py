"""A person in a real browser: clicking from the start page to an indicator and a §."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

def test_a_citizen_clicks_from_the_start_page_to_an_indicator_value(server, page):
    page.goto(server + "/")
    page.locator("article").get_by_role("link", name="Region Västernorrland").click()
    page.locator("article").get_by_role("link",
                                         name="Hälso- och sjukvårdsnämnden: Reviderad verksamhetsplan 2024–2026").first.click()
    row = page.locator("tr#indikator-undvikbar-slutenvard-kroniska")
    row.scroll_into_view_if_needed()
    expect(row).to_be_visible()
    expect(row).to_contain_text("6,9 %")
    expect(row).to_contain_text("6,0 %")


def test_a_citizen_reaches_a_paragraph_of_the_minutes(server, page):
    page.goto(server + "/vasternorrland/")
    page.locator("article").get_by_role("link", name="Hälso- och sjukvårdsutskottets sammanträde 7–8 december 2023").click()
    page.locator("article").get_by_role("link", name="§ 92 Reviderad verksamhetsplan 2024–2026, Hälsa- och sjukvårdsnämnden").click()
    heading = page.locator("#paragraf-p92")
    expect(heading).to_be_in_viewport()
    expect(page.locator("#paragraf-p92 ~ .op-decision").first).to_contain_text("att anta reviderad verksamhetsplan")


@pytest.mark.parametrize("width", [1280, 375])
def test_a_permanent_address_opens_at_its_item(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server + "/vasterbotten/planer/hsn-namndplan-2025/#indikator-anvandandet-av-sjalvservice")
    expect(page.locator("#indikator-anvandandet-av-sjalvservice")).to_be_in_viewport()
    context.close()


def test_pages_make_no_request_to_another_origin(server, page):
    origins = set()
    page.on("request", lambda request: origins.add(urlparse(request.url).netloc))
    for url in ("/", "/vasternorrland/", "/vasternorrland/planer/rs-verksamhetsplan-2025-2027/",
                "/vasternorrland/protokoll/hsu-2023-12-07/"):
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    assert origins == {urlparse(server).netloc}, origins
