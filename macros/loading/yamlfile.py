"""Reading one YAML data file into plain values that remember where they stood.

PyYAML's defaults are wrong for hand-edited plan data: a repeated key silently
keeps the last value, `no` becomes False, `2023-12-07` becomes a date and `6.9`
a binary float. Here a repeated key is an error, only `true`/`false` are
booleans, dates stay text, and decimals become `Decimal` so that "15.0" keeps
its written precision.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import yaml

from . import characters, regular
from .errors import DataError
from .numbers import EXPECTED_OR_TEXT, MAX_DIGITS, Unbounded, check_digits
from .yaml_hints import Refused, syntax_hint


class Location(NamedTuple):
    """Where a value stands; a tuple, since one is made for every key and item read (twice
    as fast to make as a frozen dataclass)."""

    file: str
    line: int  # 1-based
    column: int  # 1-based


class YamlMap(dict):
    """A mapping that knows where it and each of its keys stand.

    It keeps the parser's marks and makes a Location only when one is asked for: that is
    mostly for a message, and a location made for every key read was a tenth of reading."""

    __slots__ = ("file", "mark", "key_marks")  # (no attribute dictionary for each mapping)
    file: str
    mark: object  # the parser's mark: 0-based line and column
    key_marks: dict

    @property
    def location(self) -> Location:
        return _location(self.file, self.mark)

    def location_of(self, key) -> Location:
        """Where `key` stands; where the mapping starts when it has no such key."""
        return _location(self.file, self.key_marks.get(key, self.mark))


class YamlList(list):
    """A sequence that knows where it and each of its items stand (as YamlMap)."""

    __slots__ = ("file", "mark", "item_marks")
    file: str
    mark: object
    item_marks: list

    @property
    def location(self) -> Location:
        return _location(self.file, self.mark)

    def location_at(self, index: int) -> Location:
        return _location(self.file, self.item_marks[index])


_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
_NUMBER_START = frozenset("+-0123456789")

# Limits far above any real plan (the largest file is ~40 kB, the longest text ~4 000
# characters, the deepest nesting 17 levels), so that absurd input gets a message in
# a second instead of a traceback or a build that runs for minutes. Link brackets are
# limited because Markdown's link parsing slows down with the square of their number.
MAX_FILE_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_TEXT = 20_000
MAX_BRACKETS = 200


def _location(path: str, mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


# Plain scalars that are not texts, and what they are.
_SPECIAL = {**dict.fromkeys(("", "~", "null", "Null", "NULL")), "true": True, "false": False}


def _scalar(node: yaml.ScalarNode, path: str, escapes: str | None):
    text = node.value
    if "[" in text or len(text) > MAX_TEXT:
        _text_limits(node, path)
    if node.style:
        # Quoted or block scalars are always text (a plain one's style is "" or None); in
        # double quotes an escape ("\\x01", "\\u202e") can make any character.
        if node.style == '"' and escapes is not None:
            _escaped_characters(node, path, escapes)
        return text
    if text in _SPECIAL:
        return _SPECIAL[text]
    if text[0] not in _NUMBER_START:
        return text
    if _INT.match(text):
        _bounded(node, path, text.lstrip("+-"), "")
        return int(text)
    if _DECIMAL.match(text):
        _bounded(node, path, *text.lstrip("+-").split("."))
        return Decimal(text)
    return text


def _escaped_characters(node: yaml.ScalarNode, path: str, escapes: str) -> None:
    """Refuse a character that an escape in double quotes made and the file's text would not have
    held (characters.py); only a text written with a backslash is searched."""
    if "\\" in escapes[node.start_mark.index:node.end_mark.index]:
        refused = characters.IN_TEXT.search(node.value)
        if refused:
            raise _refused(_location(path, node.start_mark), refused.group(), escaped=True)


def _bounded(node: yaml.ScalarNode, path: str, whole: str, fraction: str) -> None:
    """Refuse a figure with more digits than a plan's figures have (numbers.py), before
    Python turns its digits into a number."""
    try:
        check_digits(whole, fraction)
    except Unbounded as exc:
        raise DataError(_location(path, node.start_mark), str(exc), expected=EXPECTED_OR_TEXT) from None


def _text_limits(node: yaml.ScalarNode, path: str) -> None:
    text = node.value
    if len(text) > MAX_TEXT:
        raise DataError(_location(path, node.start_mark),
                        f"texten är {len(text):,} tecken lång".replace(",", " "),
                        expected=f"högst {MAX_TEXT:,} tecken i ett fält; dela upp texten i flera "
                                 "stycken eller block".replace(",", " "))
    brackets = text.count("[")
    if brackets > MAX_BRACKETS:
        raise DataError(_location(path, node.start_mark),
                        f"texten innehåller {brackets} hakparenteser '['",
                        expected=f"högst {MAX_BRACKETS} i ett fält (en länk skrivs [text](adress))")


class _Unsure(Exception):
    """Nodes of libyaml's composer hold something only the Python composer judges exactly."""


_PROPERTY = frozenset("&*!")  # the first character of an anchor, an alias or a tag
_EMPTY = object()  # a document of nothing but comments (not a document holding null)
_SCALAR = yaml.ScalarNode


def _property_at_start(text: str) -> bool:
    """Whether an '&', '*' or '!' stands where a node can start: first on a line or after an
    indicator ('- ', ': ', '? ', '[', '{', ','). Most texts have those characters only within
    words or Markdown, after a word and a space, and then no node needs looking at."""
    for char in _PROPERTY:
        at = text.find(char)  # (finding one character is many times faster than a regex)
        while at >= 0:
            before = at - 1
            while before >= 0 and text[before] in " \t":
                before -= 1
            if before < 0 or text[before] in "-:?,[{\n\r":
                return True
            at = text.find(char, at + 1)
    return False


def _convert(node: yaml.Node, path: str, text: str | None, escapes: str | None, depth: int = 0):
    """Plain values from nodes. libyaml's composer lets anchors, aliases, tags and any depth
    through, which the Python composer refuses: a collection nested too deep raises _Unsure,
    and so, with `text`, does a node starting with one of those (a node's mark is where its
    anchor or tag is written, an alias is its anchor's node), so that the Python composer
    reads the file again. `text` is None where no node can start so (_property_at_start);
    `escapes` is the file's text if it has a backslash, which starts an escape in double quotes."""
    if text is not None and text[node.start_mark.index:node.start_mark.index + 1] in _PROPERTY:
        raise _Unsure
    if node.__class__ is _SCALAR:
        return _scalar(node, path, escapes)
    if depth >= MAX_DEPTH:
        raise _Unsure
    depth += 1
    if isinstance(node, yaml.SequenceNode):
        result = YamlList([_convert(item, path, text, escapes, depth) for item in node.value])
        result.file, result.mark = path, node.start_mark
        result.item_marks = [item.start_mark for item in node.value]
        return result
    if isinstance(node, yaml.MappingNode):
        result = YamlMap()
        result.file, result.mark = path, node.start_mark
        result.key_marks = marks = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, text, escapes, depth)
            if isinstance(key, bool):
                key = key_node.value  # 'true:' is a (misspelt) key, not a truth value
            elif not isinstance(key, (str, int)):
                raise DataError(_location(path, key_node.start_mark),
                                "en nyckel måste vara ett ord eller ett årtal",
                                found=repr(key_node.value))
            same = key if key in result else (  # (only a key that can be a number can be one twice)
                _same_key(key, result) if key.__class__ is int or key[:1] in _NUMBER_START else None)
            if same is not None:
                raise DataError(
                    _location(path, key_node.start_mark),
                    f"nyckeln '{same}' står två gånger i samma avsnitt "
                    f"(första gången på rad {result.location_of(same).line})",
                    expected="varje nyckel en gång; ta bort eller slå ihop den ena",
                )
            result[key] = _convert(value_node, path, text, escapes, depth)
            marks[key] = key_node.start_mark
        return result
    raise DataError(_location(path, node.start_mark), "okänd YAML-konstruktion")


def _same_key(key, mapping: dict):
    """The key of `mapping` that means the same as `key` though written otherwise, or None: a
    year in quotes ("2025") and without (2025) are the same key to every reader."""
    if key.__class__ is int:
        other = str(key)
    elif _INT.match(key) and len(key) <= MAX_DIGITS + 1:
        other = int(key)
    else:
        return None
    return other if other in mapping else None


class _Refusals:
    """Composing nodes with anchors, aliases and tags refused.

    An '&', '*' or '!' typed first in an unquoted text makes YAML read an anchor,
    an alias or a tag: the text silently loses its first word, or one edit
    changes several places unseen; a line starting with '%' is a directive that
    changes what the tags mean. The data has no need of any of them.
    """

    depth = 0

    def scan_directive(self):
        # '%YAML 1.1', '%TAG ! …' or any other line starting with '%' before the data.
        raise Refused(problem="directive", problem_mark=self.get_mark())

    def compose_node(self, parent, index):
        event = self.peek_event()
        if self.depth >= MAX_DEPTH and not isinstance(event, yaml.ScalarEvent):
            raise Refused(problem="depth", problem_mark=event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise Refused(problem="alias", problem_mark=event.start_mark)
        if event.anchor is not None:
            raise Refused(problem="anchor", problem_mark=event.start_mark)
        if getattr(event, "tag", None) is not None:  # '!x', '!!str', '!<…>': all typed by mistake
            raise Refused(problem="tag", problem_mark=event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Composer(_Refusals, yaml.SafeLoader):
    """SafeLoader used only to compose nodes; anchors, aliases and tags are refused."""


# libyaml's composer recurses in C, once per level of nesting, with no limit of its own: a
# file nested tens of thousands of levels deep would overflow the stack. A block collection
# starts no further right than its line's run of indentation and '- ', '? ', ': ', and is
# indented further than its parent at least every second level; a flow collection opens
# with '[' or '{'. Text bounded far below what the stack holds goes to libyaml.
_C_DEPTH = 2000
_WIDE_LINE_START = re.compile(r"\n[ \t?:-]{%d}" % (_C_DEPTH // 4))  # from "\n": found fast


def _shallow(text: str) -> bool:
    """Nesting bounded below _C_DEPTH: under half of it in brackets, and the rest in lines."""
    return (text.count("[") + text.count("{") < _C_DEPTH // 2
            and _WIDE_LINE_START.search("\n" + text) is None)


def _directive_possible(text: str) -> bool:
    """A line starts with '%' (libyaml reads a directive and tells nothing of it)."""
    return text.startswith("%") or "\n%" in text


if yaml.__with_libyaml__:
    class _CLoader(yaml.CSafeLoader):
        """libyaml's composer, without working out each node's tag (nothing here reads tags)."""

        def resolve(self, kind, value, implicit):
            return ""

        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass
else:  # PyYAML built without libyaml
    _CLoader = None


def _convert_text(text: str, raw: bytes, path: str):
    """The document's values, or _EMPTY; raises yaml's errors, Refused or DataError as PyYAML's Python
    parser and the refusals give them. `raw` is the text in UTF-8, as read."""
    escapes = text if "\\" in text else None
    if _CLoader is not None and _shallow(text) and not _directive_possible(text):
        try:
            # Reading the text into nodes in C is most of the time; when libyaml finds a
            # problem or the nodes hold a refused construction, the Python parser reads the
            # text again, so that every message and its line are exactly PyYAML's. libyaml
            # is given the bytes read: it would encode the text again (its marks count
            # characters either way).
            node = yaml.compose(raw, Loader=_CLoader)
            if node is None:
                return _EMPTY
            return _convert(node, path, text if _property_at_start(text) else None, escapes)
        except Exception:  # noqa: BLE001 - the Python parser gives the message
            pass
    node = yaml.compose(text, Loader=_Composer)
    return _EMPTY if node is None else _convert(node, path, None, escapes)


def _refused(where: Location, char: str, escaped: bool) -> DataError:
    problem, expected = characters.refusal(char, escaped)
    return DataError(where, problem, expected=expected)


def _position(path: str, text: str, at: int) -> Location:
    before = text[:at]
    return Location(path, before.count("\n") + 1, at - before.rfind("\n"))


def load(path: Path, display_name: str) -> object:
    """Load one file; raise DataError with file and line for any problem."""
    start = Location(display_name, 1, 1)
    try:
        raw = regular.read(path, MAX_FILE_BYTES)
    except regular.NotRegular as exc:
        raise DataError(start, f"filen är {exc} och läses inte",
                        expected=regular.what_to_do(str(exc))) from None
    except regular.TooLarge as exc:
        raise DataError(start, f"filen är {exc.size / 1_000_000:.1f} MB".replace(".", ","),
                        expected=f"högst {MAX_FILE_BYTES // 1_000_000} MB i en fil; "
                                 "är det rätt fil? Dela annars upp den") from None
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
        text, raw = text[1:], raw[3:]  # (a byte-order mark is three bytes in UTF-8)
    at = characters.refused_in_file(text)
    if at >= 0:
        # Pasted from Word or a PDF. A hidden line break is a new line to YAML but not in the
        # editor, so that every later line number would be off by one.
        raise _refused(_position(display_name, text, at), text[at], escaped=False)
    try:
        value = _convert_text(text, raw, display_name)
    except yaml.reader.ReaderError as exc:
        # Control characters (a NUL, a pasted binary) are valid UTF-8 but no text.
        raise _refused(_position(display_name, text, exc.position), chr(exc.character),
                       escaped=False) from None
    except yaml.MarkedYAMLError as exc:
        mark, hint = syntax_hint(exc, text)
        where = _location(display_name, mark) if mark else start
        raise DataError(where, f"YAML-syntaxen är felaktig: {hint}") from None
    if value is _EMPTY:
        only_comments = any(line.strip() for line in text.splitlines())
        raise DataError(start, "filen innehåller bara kommentarer" if only_comments else "filen är tom",
                        expected="uppgifter enligt data/README.md")
    return value
