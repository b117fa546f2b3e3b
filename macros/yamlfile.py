"""Reading one YAML data file into plain values that remember where they stood.

PyYAML's defaults are wrong for hand-edited plan data: a repeated key silently
keeps the last value, `no` becomes False, `2023-12-07` becomes a date and `6.9`
a binary float. Here a repeated key is an error, only `true`/`false` are
booleans, dates stay text, and decimals become `Decimal` so that "15.0" keeps
its written precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from .errors import DataError


@dataclass(frozen=True)
class Location:
    file: str
    line: int  # 1-based
    column: int  # 1-based


class YamlMap(dict):
    """A mapping that knows the location of itself and of each key."""

    location: Location
    key_locations: dict


class YamlList(list):
    """A sequence that knows the location of itself and of each item."""

    location: Location
    item_locations: list


_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}


def _location(path: str, mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


def _scalar(node: yaml.ScalarNode):
    text = node.value
    if node.style is not None and node.style != "":
        # Quoted or block scalars are always text.
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _DECIMAL.match(text):
        return Decimal(text)
    return text


def _convert(node: yaml.Node, path: str):
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        result = YamlList(_convert(item, path) for item in node.value)
        result.location = _location(path, node.start_mark)
        result.item_locations = [_location(path, item.start_mark) for item in node.value]
        return result
    if isinstance(node, yaml.MappingNode):
        result = YamlMap()
        result.location = _location(path, node.start_mark)
        result.key_locations = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path)
            where = _location(path, key_node.start_mark)
            if not isinstance(key, (str, int)):
                raise DataError(where, "en nyckel måste vara ett ord eller ett årtal",
                                found=repr(key_node.value))
            if key in result:
                first = result.key_locations[key]
                raise DataError(
                    where,
                    f"nyckeln '{key}' står två gånger i samma avsnitt "
                    f"(första gången på rad {first.line})",
                    expected="varje nyckel en gång; ta bort eller slå ihop den ena",
                )
            result[key] = _convert(value_node, path)
            result.key_locations[key] = where
        return result
    raise DataError(_location(path, node.start_mark), "okänd YAML-konstruktion")


class _Composer(yaml.SafeLoader):
    """SafeLoader used only to compose nodes; aliases and tags are refused."""


def load(path: Path, display_name: str) -> object:
    """Load one file; raise DataError with file and line for any problem."""
    start = Location(display_name, 1, 1)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(start, f"filen kunde inte läsas ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            Location(display_name, line, 1),
            "filen är inte sparad som UTF-8",
            expected="spara filen med teckenkodningen UTF-8",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        node = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _location(display_name, mark) if mark else start
        raise DataError(where, f"YAML-syntaxen är felaktig: {_syntax_hint(exc)}") from None
    if node is None:
        raise DataError(start, "filen är tom", expected="uppgifter enligt data/README.md")
    _refuse_anchors(node, display_name)
    return _convert(node, display_name)


def _refuse_anchors(node: yaml.Node, path: str, seen=None) -> None:
    # Aliases make one edit change several places unseen; the data has no need of them.
    seen = seen if seen is not None else set()
    if id(node) in seen:
        raise DataError(_location(path, node.start_mark),
                        "ankare och alias (&namn, *namn) används inte i plandata",
                        expected="skriv ut värdet där det behövs")
    seen.add(id(node))
    if node.tag and node.tag.startswith("!") and not node.tag.startswith("tag:"):
        raise DataError(_location(path, node.start_mark), f"okänd tagg {node.tag}")
    children = []
    if isinstance(node, yaml.SequenceNode):
        children = node.value
    elif isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    for child in children:
        _refuse_anchors(child, path, seen)


def _syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    hints = {
        "mapping values are not allowed here": (
            "ett kolon följt av mellanslag i en text som inte står inom citattecken; "
            'sätt texten inom "…"'
        ),
        "found character '\\t' that cannot start any token": (
            "ett tabbtecken; använd mellanslag för indrag"
        ),
        "could not find expected ':'": "en rad saknar kolon efter nyckeln",
        "found undefined alias": "en asterisk (*) i början av en text; sätt texten inom \"…\"",
    }
    for english, swedish in hints.items():
        if problem.startswith(english):
            return swedish
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "indraget stämmer inte med raderna ovanför"
    return problem or "okänt fel"
