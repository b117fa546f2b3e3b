"""Safe HTML from data: plain text is escaped, Markdown is rendered and sanitised.

Every string from data/ reaches a page through `text()`, `inline()` or
`block()`, so `<script>`, `onerror=` or `javascript:` in a field never becomes
live markup, and `{{ }}` or `|` in a value are just characters.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

_ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br", "code", "pre", "sup", "sub", "blockquote"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}
_MD = markdown.Markdown(extensions=["sane_lists"])
# Data is Markdown without HTML: raw HTML is not parsed, so "<b>" in a field is
# shown as the characters it is (Markdown escapes them) instead of being dropped.
_MD.preprocessors.deregister("html_block")
_MD.inlinePatterns.deregister("html")


def text(value: str) -> str:
    """Escape plain text for HTML."""
    return html.escape(value, quote=True)


def attr(value: str) -> str:
    return html.escape(value, quote=True)


def _sanitise(rendered: str) -> str:
    return nh3.clean(rendered, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                     url_schemes=_SCHEMES, link_rel="noopener noreferrer")


def block(value: str) -> str:
    """Markdown paragraphs → sanitised HTML."""
    _MD.reset()
    return _sanitise(_MD.convert(value))


def plain(value: str) -> str:
    """The text a reader sees of one line of Markdown, for attributes and labels."""
    return html.unescape(re.sub(r"<[^>]+>", "", inline(value)))


def inline(value: str) -> str:
    """One line of Markdown (emphasis, links) → sanitised HTML without a <p>."""
    rendered = block(value)
    rendered = re.sub(r"^<p>(.*)</p>$", r"\1", rendered.strip(), flags=re.S)
    return rendered


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")  # what Python-Markdown (with tables) unescapes


def heading(level: int, title: str, anchor: str = "") -> str:
    """A Markdown heading, so that MkDocs lists it in the page's table of contents.

    The title is data: Markdown specials are backslash-escaped and HTML specials
    escaped, so it renders as exactly the text it holds.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(title.replace("\n", " "), quote=False))
    attributes = f" {{#{anchor}}}" if anchor else ""
    return f"{'#' * min(level, 6)} {escaped}{attributes}"
