"""Every table of every page type, read as a reader reads it in a real browser.

At 375 px each row is a card: every value of the HTML table must be on screen, not
clipped, with its column heading beside it (the CSS label from data-label). At
1280 px no table may be clipped: none is wider than its scrolling region.
"""

from __future__ import annotations

import re

import pytest

from conftest import norm, table_grid

PAGES = [
    "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/",
    "/vasternorrland/planer/rs-verksamhetsplan-2025-2027/",
    "/vasterbotten/planer/hsn-namndplan-2025/",
    "/vasterbotten/planer/rs-namndplan-2023/",
    "/vasternorrland/protokoll/hsu-2023-12-07/",
    "/om/webbadresser/",
]

# For each table, row and visible cell: its label (the ::before text), its text and its box.
READ_TABLES = """() => [...document.querySelectorAll('article table')].map(table => ({
  caption: table.caption ? table.caption.innerText : '',
  rows: [...table.querySelectorAll(':scope > tbody > tr')].map(tr =>
    [...tr.children].filter(cell => cell.getClientRects().length > 0).map(cell => {
      const box = cell.getBoundingClientRect();
      const label = getComputedStyle(cell, '::before').content;
      return {label: label === 'none' || label === 'normal' ? '' : label, group: cell.scope === 'rowgroup',
              span: cell.rowSpan, text: cell.innerText, left: box.left, right: box.right, width: box.width};
    })),
}))"""


def _squeeze(text: str) -> str:
    """Text without any white space: BeautifulSoup puts spaces around inline elements."""
    return re.sub(r"[\s\u00a0\u202f]+", "", text.replace("\u2212", "-"))


def _label(css_content: str) -> str:
    # content: attr(data-label) ": " / "" computes to '"Utfall 2021" ": " / ""': the visible
    # strings before the slash (after it: the empty alternative text for screen readers)
    visible = css_content.split(" / ")[0]
    return norm("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', visible)).rstrip(": "))


@pytest.mark.parametrize("url", PAGES)
def test_every_value_of_every_table_is_readable_with_its_label_at_375(site, server, browser, url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server + url)
    seen = page.evaluate(READ_TABLES)
    tables = site.content(url).select("table")
    assert len(seen) == len(tables) > 0
    checked = 0
    for html_table, shown in zip(tables, seen):
        grid, headers = table_grid(html_table)
        assert len(grid) == len(shown["rows"]), shown["caption"]
        spanning = []  # sub-goal headings (rowspan): on a card they head the whole group
        for values, cells in zip(grid, shown["rows"]):
            spanning = [(c, left - 1) for c, left in spanning if left > 1]
            own = cells
            cells = own + [c for c, _ in spanning]
            spanning += [(c, c["span"]) for c in own if c["group"] and c["span"] > 1]
            for heading, value in zip(headers, values):
                labelled = [c for c in cells if _label(c["label"]) == heading] if heading else cells
                assert labelled, f"{url} {shown['caption']}: no cell labelled {heading!r} in row {values[0]!r}"
                if value:
                    assert any(_squeeze(value) in _squeeze(c["text"]) for c in labelled), \
                        f"{url} {shown['caption']}: {heading} = {value!r} not shown; shown {[c['text'] for c in labelled]}"
                checked += 1
            for cell in cells:
                assert cell["left"] >= 0 and cell["right"] <= 375, \
                    f"{url} {shown['caption']}: {cell['text'][:40]!r} is off-screen ({cell['left']}–{cell['right']})"
    assert checked > 0
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_no_table_is_clipped_at_1280(server, page, url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + url)
    clipped = page.evaluate("""() => [...document.querySelectorAll('article .op-table')]
        .filter(e => e.scrollWidth > e.clientWidth + 1)
        .map(e => `${e.getAttribute('aria-label')}: ${e.scrollWidth} > ${e.clientWidth}`)""")
    assert clipped == []
    # and every cell of every table lies inside the article's column
    article = page.locator("article").bounding_box()
    outside = page.evaluate("""(right) => [...document.querySelectorAll('article table th, article table td')]
        .filter(c => c.getClientRects().length && c.getBoundingClientRect().right > right + 1)
        .map(c => c.innerText.slice(0, 40))""", article["x"] + article["width"])
    assert outside == []


def test_printed_tables_keep_rows_whole_in_at_least_9_pt_with_the_real_address(server, page):
    page.goto(server + "/vasterbotten/planer/hsn-namndplan-2025/")
    page.emulate_media(media="print")
    styles = page.evaluate("""() => [...document.querySelectorAll('article .op-table tbody tr')].map(tr => {
        const cell = tr.querySelector('td, th');
        return [getComputedStyle(tr).breakInside, parseFloat(getComputedStyle(cell).fontSize)];
    })""")
    assert styles and all(b == "avoid" for b, _ in styles), {b for b, _ in styles}
    assert min(size for _, size in styles) >= 12  # 9 pt = 12 CSS px
    # the printed address is the canonical one, made from site_url
    canonical = page.evaluate("document.querySelector('link[rel=canonical]').href")
    assert page.locator(".op-print-only").inner_text() == f"Permanent adress: {canonical}"
