"""Property-based: any text or number in data reaches the page unchanged and inert.

The pages are rendered by the same templates the build uses (pages made from data
go from the templates to the theme without a Markdown pass), so that hundreds of
examples run in seconds; the full-build cases cover the rest of the pipeline.
"""

from __future__ import annotations

import copy
import dataclasses
import html
import re
from decimal import Decimal

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, norm
from macros import model as m
from macros.loading import load_corpus
from macros.rendering import text
from macros.rendering.pages import plan_page

MARKDOWN_SYNTAX = set("\\`*_{}[]()#+-.!|<>&~:=\"'")

# Printable text of every script, with the characters that matter for HTML,
# Markdown, Jinja and tables over-represented.
tricky = st.sampled_from(list("<>&\"'{}|*_`[]#\\!") + ["{{", "}}", "{%", "<script>", "javascript:",
                                                        " onerror=", "</td>", "\n", "\t"])
any_text = st.lists(st.one_of(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8),
                              tricky), min_size=1, max_size=8).map("".join).filter(lambda t: norm(t))
plain_words = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                                    blacklist_characters="".join(MARKDOWN_SYNTAX)),
                      min_size=1, max_size=20)


_CORPUS: list[m.Corpus] = []


def real_corpus() -> m.Corpus:
    # Not a fixture: Hypothesis would print the whole corpus with a failing example.
    if not _CORPUS:
        _CORPUS.append(load_corpus(ROOT / "data"))
    return _CORPUS[0]


def page_html(corpus: m.Corpus, plan: m.Plan) -> BeautifulSoup:
    return BeautifulSoup(plan_page(corpus, plan).html, "html.parser")


def with_plan(change) -> tuple[m.Corpus, m.Plan]:
    corpus = copy.deepcopy(real_corpus())
    plan = corpus.plan("vasternorrland", "hsn-verksamhetsplan-2024-2026")
    change(plan)
    return corpus, plan


def assert_inert(soup: BeautifulSoup) -> None:
    assert not soup.find_all("script")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), element
            if name in ("href", "src"):
                assert not str(value).strip().lower().startswith("javascript:"), element


def first(plan: m.Plan, kind):
    return next(plan.blocks(kind))


SETTINGS = settings(max_examples=100, deadline=None)


@SETTINGS
@given(text=any_text)
def test_plain_text_fields_appear_unchanged_and_inert(text):
    def change(plan: m.Plan) -> None:
        plan.chapters[0].heading = text
        table = first(plan, m.Table)
        table.rows[0].name = text
        indicator = first(plan, m.IndicatorTable).rows[0]
        indicator.targets[2024] = m.Value(note=text)

    changed, plan = with_plan(change)
    soup = page_html(changed, plan)
    assert_inert(soup)
    expected = norm(text)
    heading = soup.find(id=f"kapitel-{plan.chapters[0].id}")
    for link in heading.select(".headerlink"):
        link.decompose()
    assert norm(heading.get_text()) == expected
    table = soup.find(id=f"tabell-{first(plan, m.Table).id}")
    assert norm(table.select("tbody th")[0].get_text()) == expected
    row = soup.find(id=f"indikator-{first(plan, m.IndicatorTable).rows[0].id}")
    assert expected in norm(row.get_text(" "))


@SETTINGS
@given(text=any_text)
def test_markdown_fields_never_carry_live_markup(text):
    def change(plan: m.Plan) -> None:
        plan.chapters[0].blocks.insert(0, m.Paragraphs(text))
        first(plan, m.IndicatorTable).rows[0].name = text

    changed, plan = with_plan(change)
    soup = page_html(changed, plan)
    assert_inert(soup)
    for tag in ("<script>", "</td>"):
        if tag in text:
            assert tag in soup.get_text(), f"{tag} was dropped instead of shown as text"


@SETTINGS
@given(words=st.lists(plain_words, min_size=1, max_size=6))
def test_markdown_fields_keep_text_without_markdown_syntax(words):
    text = " ".join(words)

    def change(plan: m.Plan) -> None:
        plan.chapters[0].blocks.insert(0, m.Paragraphs(text))

    changed, plan = with_plan(change)
    soup = page_html(changed, plan)
    assert norm(text) in norm(soup.get_text(" "))


@SETTINGS
@given(value=st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3,
                         allow_nan=False, allow_infinity=False))
def test_numbers_are_shown_as_the_same_number_in_swedish_notation(value):
    def change(plan: m.Plan) -> None:
        first(plan, m.Table).rows[0].values[0] = value

    changed, plan = with_plan(change)
    cell = page_html(changed, plan).find(id=f"tabell-{first(plan, m.Table).id}").select("tbody td")[0]
    shown = cell.get_text().replace("\u00a0", "").replace("\u2212", "-").replace(",", ".")
    assert Decimal(shown) == value


def _through_markdown(value: str) -> tuple[str, str, str]:
    """block, inline and plain of `value` the long way: Markdown and nh3 every time."""
    text._MD.reset()
    block = text._sanitise(text._MD.convert(value))
    inline = re.sub(r"^<p>(.*)</p>$", r"\1", block.strip(), flags=re.S)
    return block, inline, html.unescape(re.sub(r"<[^>]+>", "", inline))


# Words, numbers and every character that matters to Markdown, at both ends too.
markdownish = st.lists(st.one_of(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=6),
                                 st.sampled_from(list("\\`*_[]<>&!#|~=-+.)0123456789 \t\n\xa0\u202f") +
                                                 ["1. ", "- ", "  ", "    ", "&amp;", "http://a.se"])),
                       max_size=8).map("".join)
# Several paragraphs separated by blank lines, as running text is: mostly words and the
# punctuation of Swedish prose (which may still open a list or end in a space), some of
# them anything.
prose = st.lists(st.text("abcåäöÅÄÖ0123456789,.;:()%§–”’?- ", min_size=1, max_size=12),
                 min_size=1, max_size=6).map(" ".join)
paragraphs = st.lists(st.one_of(prose, prose, markdownish), min_size=2, max_size=4).map("\n\n".join)


@SETTINGS
@given(value=st.one_of(markdownish, paragraphs))
def test_text_that_skips_markdown_renders_exactly_as_markdown_would_render_it(value):
    assert (str(text.block(value)), str(text.inline(value)), text.plain(value)) == _through_markdown(value)


def test_every_text_of_the_real_data_renders_exactly_as_markdown_would_render_it():
    def texts(item, seen):
        if isinstance(item, str):
            yield item
        elif isinstance(item, m.Paragraphs):
            yield item.text
        elif id(item) in seen or not isinstance(item, (list, tuple, dict)) and not dataclasses.is_dataclass(item):
            return
        else:
            seen.add(id(item))
            values = (item.values() if isinstance(item, dict) else item if isinstance(item, (list, tuple))
                      else (getattr(item, f.name) for f in dataclasses.fields(item)))
            for value in values:
                yield from texts(value, seen)

    found = set(texts(list(real_corpus().regions.values()), set()))
    assert len(found) > 1000
    skipping = [v for v in found if text._as_is(v)]
    assert len(skipping) > len(found) / 2  # the quick way is the usual one
    for value in found:
        assert (str(text.block(value)), str(text.inline(value)), text.plain(value)) == _through_markdown(value), value
