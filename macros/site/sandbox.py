"""Hand-written pages in docs/ are templates from a pull request: they run in Jinja's sandbox.

mkdocs-macros renders every page in docs/ as a Jinja2 template in a plain Environment,
with MkDocs' whole configuration, the theme (whose own Environment renders unsandboxed),
the plugins and the last commit in its variables: a page with
`{{ lipsum.__globals__.os.popen(...) }}` or `{{ config.theme.get_env().from_string(...) }}`
would run code on the CI machine that builds a pull request. Here the macros plugin's
environment is replaced by an immutable sandbox whose templates see only plain data (the
site's name, address, description and `extra`, and the page's own header) and our macros,
and may read no attribute of any other object. A page that tries gets a message naming it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from types import MappingProxyType

from jinja2 import StrictUndefined, TemplateNotFound, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from mkdocs_macros.errors import format_error

# The configuration a page may show ({{ config.site_name }}, {{ config.extra.utgivare.namn }}).
SHOWN_SETTINGS = ("site_name", "site_url", "site_description", "extra")
_PLAIN = (dict, list, tuple, str, int, float, bool, type(None))
_MAX_SIZE = 100_000  # characters or items a template's arithmetic may make (range's own bound)
_MAX_BITS = 4096  # the size of a whole number it may make


class PageSandbox(ImmutableSandboxedEnvironment):
    """Templates may read items of plain data and nothing else: no attribute of any object
    (a method of a dict or a str included), so nothing leads from a value to code; and
    `*` and `**` are bounded, so that no page can hang the build or exhaust its memory."""

    intercepted_binops = frozenset(("*", "**"))

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            if not all(isinstance(x, int) for x in (left, right)) or not 0 <= right <= 64 \
                    or abs(left).bit_length() * right > _MAX_BITS:
                raise SecurityError("a power larger than a page needs")
            return left ** right
        if all(isinstance(x, int) for x in (left, right)):
            if abs(left).bit_length() + abs(right).bit_length() > _MAX_BITS:
                raise SecurityError("a number larger than a page needs")
        elif any(isinstance(x, int) and x * len(y) > _MAX_SIZE
                 for x, y in ((left, right), (right, left)) if isinstance(y, (str, list, tuple))):
            raise SecurityError("a text or list larger than a page needs")
        return left * right

    def is_safe_attribute(self, obj, attr, value) -> bool:
        return False

    def is_safe_callable(self, obj) -> bool:
        # Only the globals: the macros registered for pages and Jinja's own (range, which
        # the sandbox bounds, lipsum, cycler, joiner, namespace).
        return any(obj is allowed for allowed in self.globals.values())


def plain(value):
    """A deep copy of configuration values as plain data (MkDocs' config types are
    subclasses with methods; a template gets none of them)."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value if isinstance(value, _PLAIN) else str(value)


def environment(loader, macros: dict) -> PageSandbox:
    env = PageSandbox(loader=loader, undefined=StrictUndefined)
    env.globals.update(macros)
    return env


def variables(config) -> dict:
    """What a page's template may read of the configuration, as plain data."""
    shown = plain({name: config.get(name) for name in SHOWN_SETTINGS})
    return {"config": MappingProxyType(shown), "extra": shown["extra"]}


def sandbox(plugin, config) -> None:
    """Give the mkdocs-macros plugin a sandboxed environment and plain variables, keeping its
    loader (docs/, which holds no links: see checks.py) and its macros."""
    plugin._env = environment(plugin.env.loader, plugin.macros)
    # The plugin adds "page" to its variables before each page; templates cannot read it.
    plugin._variables.clear()
    plugin._variables.update(variables(config))


@format_error.register
def _refused(error: SecurityError, markdown: str, page) -> str:
    return _message(page, "sidan använder något som sidor inte får använda i mallar",
                    "bara makron som {{ region_list() }} och inställningar som "
                    "{{ config.extra.utgivare.namn }}")


@format_error.register
def _not_found(error: TemplateNotFound, markdown: str, page) -> str:
    return _message(page, f"sidan tar med en fil som inte finns i docs/ ({error.name})",
                    "{% include %} av en fil i docs/, med sökvägen från docs/")


@format_error.register
def _undefined(error: UndefinedError, markdown: str, page) -> str:
    return _message(page, f"sidan använder något som inte finns ({error.message})",
                    "bara makron som {{ region_list() }} och inställningar som "
                    "{{ config.extra.utgivare.namn }}")


def _message(page, problem: str, expected: str) -> str:
    return textwrap.dedent(f"""
        {page.file.src_uri}: {problem}
          förväntade: {expected}""").strip()

