"""The "#" beside every item, and landing on an item's address, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

PLAN = "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/"
SUBGOALS = "/vasterbotten/planer/hsn-namndplan-2025/"
MINUTES = "/vasternorrland/protokoll/hsu-2023-12-07/"
LINKS = "article a.op-permalink, article a.headerlink"


def _context(browser, server, width, touch=False):
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=touch,
                                  is_mobile=touch)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    return context


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("url", [PLAN, SUBGOALS, MINUTES])
def test_every_link_control_is_at_least_24_by_24_and_does_not_move_on_hover_or_focus(server, browser, url, width):
    context = _context(browser, server, width)
    page = context.new_page()
    page.goto(server + url)
    sizes = page.evaluate(f"""() => [...document.querySelectorAll('{LINKS}')]
        .filter(a => a.getClientRects().length && getComputedStyle(a).opacity !== '0')
        .map(a => [a.getAttribute('href'), a.getBoundingClientRect().width, a.getBoundingClientRect().height])""")
    assert len(sizes) > 10
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert small == [], small[:5]
    # Hover and focus change neither the control's box nor its row's: no layout shift.
    for link in page.locator(LINKS).all()[:12]:
        if not link.is_visible():
            continue
        link.scroll_into_view_if_needed()
        box = link.evaluate("a => { const r = a.getBoundingClientRect(), p = a.parentElement.getBoundingClientRect(); return [r.x, r.y, r.width, r.height, p.height] }")
        link.hover()
        assert link.evaluate("a => { const r = a.getBoundingClientRect(), p = a.parentElement.getBoundingClientRect(); return [r.x, r.y, r.width, r.height, p.height] }") == box
        link.focus()
        assert link.evaluate("a => { const r = a.getBoundingClientRect(), p = a.parentElement.getBoundingClientRect(); return [r.x, r.y, r.width, r.height, p.height] }") == box
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_click_on_the_centre_of_every_hash_copies_its_address(server, browser, width):
    context = _context(browser, server, width)
    page = context.new_page()
    page.goto(server + PLAN)
    links = [link for link in page.locator(LINKS).all() if link.is_visible()]
    assert len(links) >= 39  # the count: 39 controls on this page
    missed = []
    for link in links:
        href = link.get_attribute("href")
        link.evaluate("a => a.scrollIntoView({block: 'center'})")  # not under the sticky header
        box = link.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        copied = page.evaluate("navigator.clipboard.readText()")
        if not copied.endswith(PLAN + href):
            missed.append(href)
    assert missed == []
    # the copied address is the published one, from site_url (the canonical address)
    assert copied.startswith(page.evaluate("document.querySelector('link[rel=canonical]').href"))
    context.close()


def test_a_tap_on_the_hash_copies_and_announces_it(server, browser):
    context = _context(browser, server, 375, touch=True)
    page = context.new_page()
    page.goto(server + PLAN)
    link = page.locator("#indikator-kariesfria-6-aringar a.op-permalink")
    link.scroll_into_view_if_needed()
    link.tap()
    status = page.locator(".op-copied")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("Adressen är kopierad")
    assert page.evaluate("navigator.clipboard.readText()").endswith(PLAN + "#indikator-kariesfria-6-aringar")
    expect(page).to_have_url(f"{server}{PLAN}#indikator-kariesfria-6-aringar")
    context.close()


def test_the_keyboard_copies_too(server, browser):
    context = _context(browser, server, 1280)
    page = context.new_page()
    page.goto(server + SUBGOALS)
    page.locator("#delmal-forsta-linjen a.op-permalink").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".op-copied")).to_contain_text("Adressen är kopierad")
    assert page.evaluate("navigator.clipboard.readText()").endswith(SUBGOALS + "#delmal-forsta-linjen")
    context.close()


def _labels_in_view(page, anchor):
    """The column headings a reader sees with the row: the cells' own labels, or the table's header row."""
    return page.evaluate("""(id) => {
      const row = document.getElementById(id), table = row.closest('table');
      const head = table.tHead.getBoundingClientRect(), header = document.querySelector('header').getBoundingClientRect();
      const visible = head.height > 2 && head.top >= header.bottom && head.bottom <= innerHeight;
      const labels = [...row.children].filter(c => c.getClientRects().length).map(c => {
        const content = getComputedStyle(c, '::before').content;
        return content === 'none' || content === 'normal' ? '' : content.split(' / ')[0].replace(/"/g, '');
      });
      return {headerRowVisible: visible, labels};
    }""", anchor)


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("url, anchor", [
    (PLAN, "indikator-kariesfria-6-aringar"),
    (SUBGOALS, "indikator-anvandandet-av-sjalvservice"),
])
def test_landing_on_a_row_shows_the_whole_row_with_its_column_headings(server, browser, width, url, anchor):
    context = _context(browser, server, width)
    page = context.new_page()
    page.goto(f"{server}{url}#{anchor}")
    row = page.locator(f"#{anchor}")
    expect(row).to_be_in_viewport(ratio=1)
    assert row.evaluate("e => e.matches(':target') && e.tagName") == "TR"
    # the whole row is marked, not just its name cell
    colours = row.evaluate("r => [...r.children].filter(c => c.getClientRects().length).map(c => getComputedStyle(c).backgroundColor)")
    marked = row.evaluate("r => getComputedStyle(r).backgroundColor")
    assert marked != "rgba(0, 0, 0, 0)" and all(c in (marked, "rgba(0, 0, 0, 0)") for c in colours), (marked, colours)
    # not hidden under the sticky site header
    top = row.evaluate("r => r.getBoundingClientRect().top - document.querySelector('header').getBoundingClientRect().bottom")
    assert top >= 0
    seen = _labels_in_view(page, anchor)
    assert seen["headerRowVisible"] or all(seen["labels"][1:]), seen
    context.close()


@pytest.mark.parametrize("url, anchor", [
    (MINUTES, "paragraf-p93"),
    (SUBGOALS, "mal-goda-levnadsvillkor"),
    ("/vasterbotten/planer/rs-namndplan-2023/", "kapitel-uppdrag-till-beredning-folkhalsa"),
])
def test_the_table_of_contents_highlights_the_item_reached(server, page, url, anchor):
    page.goto(f"{server}{url}#{anchor}")
    active = page.locator(".md-sidebar--secondary .md-nav__link--active")
    expect(active).to_have_attribute("href", f"#{anchor}")


@pytest.mark.parametrize("url, target", [
    ("/vasternorrland/planer/rs-verksamhetsplan-2025-2027/", None),
    (SUBGOALS, "mal-goda-levnadsvillkor"),
    (MINUTES, "paragraf-p96"),
])
def test_on_a_phone_every_goal_and_paragraph_is_two_taps_from_the_top(site, server, browser, url, target):
    goals = [e["id"] for e in site.content(url).select("[id^=mal-], [id^=paragraf-]")
             if re.fullmatch(r"mal-[^ ]+|paragraf-p\d+", e["id"])]
    contents = site.content(url).select_one("details.op-contents nav")
    listed = {a["href"][1:] for a in contents.select("a[href^='#']")}
    assert set(goals) <= listed, set(goals) - listed
    target = target or goals[-1]
    context = browser.new_context(viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + url)
    page.locator("details.op-contents > summary").tap()                               # tap 1
    page.locator(f"details.op-contents a[href='#{target}']").tap()                    # tap 2
    expect(page.locator(f"[id='{target}']")).to_be_in_viewport()
    expect(page).to_have_url(f"{server}{url}#{target}")
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("url, anchor, inside", [
    (SUBGOALS, "mal-goda-levnadsvillkor", "#delmal-halsoframjande-forebyggande"),
    (MINUTES, "paragraf-p93", "#paragraf-p93-beslutsunderlag"),
])
def test_landing_on_a_goal_or_paragraph_marks_all_of_it(server, browser, width, url, anchor, inside):
    context = _context(browser, server, width)
    page = context.new_page()
    page.goto(f"{server}{url}#{anchor}")
    section = page.locator(f"section.op-item:has(> [id='{anchor}'])")
    expect(section).to_have_count(1)
    expect(section.locator(inside)).to_have_count(1)  # the item's content is inside its section
    assert section.evaluate("s => getComputedStyle(s).backgroundColor") != "rgba(0, 0, 0, 0)"
    heading_top = page.locator(f"[id='{anchor}']").evaluate(
        "h => h.getBoundingClientRect().top - document.querySelector('header').getBoundingClientRect().bottom")
    assert 0 <= heading_top < 40
    context.close()
