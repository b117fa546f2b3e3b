"""Screenshots of every page type at desktop and phone width, for a person to look at.

They are written to tests/artifacts/ (not committed). The test checks what can be
checked without eyes: the page renders without horizontal overflow of the page itself
at phone width (wide tables scroll inside their own region instead).
"""

from __future__ import annotations

from pathlib import Path

import pytest


ARTIFACTS = Path(__file__).parent / "artifacts"
PAGES = {
    "start": "/",
    "region": "/vasternorrland/",
    "plan": "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/#mal-folkhalsa",
    "plan-subgoals": "/vasterbotten/planer/hsn-namndplan-2025/#mal-goda-levnadsvillkor",
    "minutes": "/vasternorrland/protokoll/hsu-2023-12-07/#paragraf-p92",
    "plan-downloads": "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/#ladda-ner-data",
    "open-data": "/data/",
    "changes": "/andringar/",
}


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(server, browser, name, width):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + PAGES[name])
    page.wait_for_load_state("networkidle")
    page.screenshot(path=ARTIFACTS / f"{name}-{width}.png")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} at {width}px is {overflow}px wider than the screen"
    context.close()


PHONE = {
    "phone-plan-top": ("/vasterbotten/planer/hsn-namndplan-2025/", None),
    "phone-indicator-table": ("/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/#indikator-kariesfria-6-aringar", None),
    "phone-subgoal-table": ("/vasterbotten/planer/hsn-namndplan-2025/#delmal-forsta-linjen", None),
    "phone-search": ("/", "kariesfria"),
}


@pytest.mark.parametrize("name", PHONE)
def test_phone_screenshot(server, browser, name):
    """A plan page, an indicator table and a search at 375 px, for a person to look at."""
    from playwright.sync_api import expect

    url, query = PHONE[name]
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + url)
    if query:
        page.locator("label.md-header__button[for=__search]").click()
        page.locator("#op-search-input").fill(query)
        expect(page.locator("#op-search-results a.op-search-section").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=ARTIFACTS / f"{name}-375.png")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()
