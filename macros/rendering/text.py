"""Markdown fields of the data as safe HTML: rendered without raw HTML, then sanitised.

This is the one place where text from data becomes markup. Python-Markdown is
run with its raw-HTML parsing removed, so "<b>" in a field is shown as the
characters it is, and nh3 then keeps only the handful of tags Markdown itself
makes, with http(s) and mailto links. The result is ours and marked safe;
every other value reaches a page through the template engine's escaping.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markupsafe import Markup, escape

_ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br", "code", "pre", "sup", "sub", "blockquote"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}
_MD = markdown.Markdown(extensions=["sane_lists"])
_MD.preprocessors.deregister("html_block")
_MD.inlinePatterns.deregister("html")


def _sanitise(rendered: str) -> str:
    return nh3.clean(rendered, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                     url_schemes=_SCHEMES, link_rel="noopener noreferrer")


# Most fields (names, titles, short notes) hold nothing Markdown reads as markup: no
# syntax character, no line break or other whitespace than a space, nothing at the start
# that opens a list, a heading or code, no space at either end. Such a text renders as
# itself inside <p>, which is found a hundred times faster than by running Markdown and
# nh3 (at national scale those runs were a fifth of the build). It holds nothing escaping
# would change either (no quotes), so it is escaped all the same, as any other value.
# tests/test_properties.py holds the two ways equal.
# Running text is often several such paragraphs separated by one blank line (most of the
# minutes' texts): each renders on its own, joined as Markdown joins them.
_MARKUP = re.compile(r"[\\`*_\[\]<>&!#|~=\"']|[^\S ]|^[ \-+*]|^\d+[.)]| $")
_PARAGRAPH = Markup("<p>{}</p>")


def _as_is(value: str) -> bool:
    return _MARKUP.search(value) is None


def block(value: str) -> Markup:
    """Markdown paragraphs → sanitised HTML."""
    if _as_is(value):
        return _PARAGRAPH.format(value) if value else Markup("")
    paragraphs = value.split("\n\n")
    if all(paragraph and _as_is(paragraph) for paragraph in paragraphs):
        return Markup("\n").join(_PARAGRAPH.format(paragraph) for paragraph in paragraphs)
    _MD.reset()
    return Markup(_sanitise(_MD.convert(value)))


def inline(value: str) -> Markup:
    """One line of Markdown (emphasis, links) → sanitised HTML without a <p>."""
    if _as_is(value):
        return escape(value)
    rendered = str(block(value)).strip()
    return Markup(re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.S))


def plain(value: str) -> str:
    """The text a reader sees of one line of Markdown, for attributes and labels (unescaped:
    the template escapes it where it is written)."""
    if _as_is(value):
        return value
    return html.unescape(re.sub(r"<[^>]+>", "", str(inline(value))))
