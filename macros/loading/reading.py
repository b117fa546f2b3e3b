"""Typed, located access to loaded YAML, collecting every mistake on the way.

A `Fields` wraps one YAML mapping together with a human description of where
it sits in the plan ("plan … → mål … → indikator …"). Each accessor returns
the value or None, and records a DataError instead of raising, so that one
run reports all errors of all files.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Callable, Iterator, Optional

from .. import urls
from .errors import DataError, closest, did_you_mean, visible
from .yamlfile import Location, YamlList, YamlMap

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

TYPE_NAMES = {
    str: "en text",
    int: "ett heltal",
    Decimal: "ett tal",
    bool: "true eller false",
    YamlMap: "en grupp av nycklar (nyckel: värde)",
    YamlList: "en lista (rader som börjar med -)",
    type(None): "ingenting (tomt värde)",
}


def describe(value) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f'texten "{visible(shown)}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return f"talet {value}"
    return TYPE_NAMES.get(type(value), type(value).__name__)


MAX_LISTED = 20  # choices listed in a message (bodies: yes; a register of sixty indicators: no)

_NEUTER = {"kapitel", "uppdrag", "delmål"}  # "inget annat kapitel", "ingen annan indikator"


class Collector:
    """The errors of one run, and what the file being read may refer to.

    References are checked while reading, where the referring key's line is at
    hand: `region` is the region of the file, `framework`, `period` and
    `footnotes` those of the plan being read, `claimed` the ids used so far in
    the file, `deferred` the checks that need every file loaded first, and
    `unreadable` the ids (file names) of files that could not be read at all:
    references to them are not reported, since the file's own error says it all
    (`unreadable_minutes` those of minutes files, once all minutes are read);
    `unchecked_regions` the regions whose own file has errors, so that their plans
    and minutes are not read and references into them are not checked.
    """

    def __init__(self):
        self.errors: list[DataError] = []
        self.schema = None  # macros.schema.Schema: allowed keys and choices
        self.region = None
        self.framework = None
        self.period = None
        self.footnotes: dict[str, str] = {}
        self.placed: dict[str, Location] = {}  # footnote → where the text places it
        self.claimed: dict[str, dict[str, Location]] = {}
        # kind → (fields, key, id, {part: what it addresses}) of the ids in the file whose
        # items have anchors made from their id and a part (see urls.part_anchor)
        self.parts: dict[str, list[tuple["Fields", object, str, dict[str, str]]]] = {}
        self.deferred: list[Callable[[], None]] = []
        self.unreadable: set[str] = set()
        self.unreadable_minutes: frozenset[str] = frozenset()
        self.registerless: set[str] = set()  # regions without an indicator register, already reported
        # (region, indicator, year, series) → where follow-ups gave it: (place, value, (date, id))
        self.reported: dict[tuple, list[tuple[Location, object, tuple]]] = {}
        self.unchecked_regions: set[str] = set()

    def add(self, error: DataError) -> None:
        self.errors.append(error)

    def start_file(self, region) -> None:
        self.region, self.framework, self.period, self.footnotes, self.claimed = region, None, None, {}, {}
        self.placed, self.parts = {}, {}

    def check_parts(self) -> None:
        """Once a file is read: no item's anchor, nor an anchor of one of its parts, is that of
        a part of another item of its kind (a § 'p92-beslutsunderlag' beside § 'p92', whose
        part Beslutsunderlag has the anchor #paragraf-p92-beslutsunderlag). Such an item's id
        starts with the other's and '-': that id is the one reported."""
        for kind, items in self.parts.items():
            taken = {urls.part_anchor(kind, ident, part): (ident, what)
                     for _, _, ident, parts in items for part, what in parts.items()}
            for fields, key, ident, parts in items:
                own = [(urls.anchor(kind, ident), "")]
                own += [(urls.part_anchor(kind, ident, part), what) for part, what in parts.items()]
                for address, mine in own:
                    owner, what = taken.get(address, (ident, ""))
                    if ident.startswith(f"{owner}-"):
                        fields.error(key, f"id '{ident}' ger adressen #{address}"
                                          + (f" till {mine}" if mine else "")
                                          + f", som redan är adressen till {what}",
                                     expected=f"ett annat id, som inte börjar med '{owner}-'")
                        break


class Fields:
    def __init__(self, mapping: YamlMap, place: str | Callable[[], str], errors: Collector):
        self.mapping = mapping
        # Made when a message needs it: most mappings have no mistake, and a place for each
        # item of each list read was a sixth of turning values into the model.
        self._place = place
        self.errors = errors
        self.missing: set = set()  # required keys already reported missing: reported once
        self.misspelt: set = set()  # keys meant by unknown keys ('kolumnr' → 'kolumner')

    # --- structure ------------------------------------------------------

    @property
    def place(self) -> str:
        """Where the mapping sits in its file, for messages: "plan … → kapitel … → mål …"."""
        if not isinstance(self._place, str):
            self._place = self._place()
        return self._place

    @place.setter
    def place(self, place: str) -> None:
        self._place = place

    def here(self, mapping: YamlMap) -> "Fields":
        """Fields for a mapping at this one's place (a block of its content)."""
        return Fields(mapping, lambda: self.place, self.errors)

    @property
    def location(self) -> Location:
        return self.mapping.location

    def location_of(self, key) -> Location:
        return self.mapping.location_of(key)

    def error(self, key, problem: str, *, found: str = "", expected: str = "",
              suggestion: str = "") -> None:
        where = self.location_of(key) if key is not None else self.location
        self.errors.add(DataError(where, problem, place=self.place, found=found,
                                  expected=expected, suggestion=suggestion))

    def check_keys(self, required: tuple = (), optional: tuple = (), ref: str = "") -> bool:
        """Report unknown and missing keys; True when the required ones are there."""
        allowed = _allowed(required, optional)
        misspelt = self.misspelt
        for key in self.mapping:
            if key not in allowed:
                meant = closest(key, allowed)
                misspelt.add(meant)
                self.error(key, f"okänd nyckel '{visible(key)}'",
                           expected="en av: " + ", ".join(sorted(map(str, allowed))),
                           suggestion=f"menade du '{meant}'?" if meant else "")
        complete = True
        for key in required:
            if key not in self.mapping:
                complete = False
                self.missing.add(key)
                if key in misspelt:
                    continue  # 'okänd nyckel … menade du' on the misspelt key's own line says it
                described = self.errors.schema.description(ref, key) if ref else ""
                self.error(None, f"nyckeln '{key}' saknas",
                           expected=f"'{key}: …'" + (f" ({described})" if described else ""))
        return complete

    def claim(self, kind: str, key: str, value, problem: str = "", expected: str = "",
              parts: dict[str, str] | None = None) -> None:
        """Record an id (or other value that must be unique) of `kind`; a value used twice in
        one file is an error, by default worded for an id. `parts`: the parts of the item with
        an anchor of their own (see Collector.check_parts), each with what it is, for messages."""
        if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
            return
        seen = self.errors.claimed.setdefault(kind, {})
        if value in seen:
            other = "inget annat" if kind in _NEUTER else "ingen annan"
            self.error(key, f"{problem or f'id {value!r}'} används redan i samma fil (rad {seen[value].line})",
                       expected=expected or f"ett id som {other} {kind} i filen har")
        else:
            seen[value] = self.location_of(key)
            if parts is not None and isinstance(value, str):
                self.errors.parts.setdefault(kind, []).append((self, key, value, parts))

    def reference(self, key, value: str, known, what: str, within: str = "") -> str:
        """Check that `value` is one of `known` ids; report with a suggestion if not.

        `within` names where it was looked for: "paragrafen 'p29' finns inte i protokollet …".
        """
        if value and value not in known:
            # A short list helps; sixty ids do not: then say where they are.
            listed = (f"ett av: {', '.join(sorted(known))}" if len(known) <= MAX_LISTED
                      else f"ett id som finns {within}" if within else f"ett av de {len(known)} id som finns")
            self.error(key, f"{what} '{visible(value)}' finns inte" + (f" {within}" if within else ""),
                       expected=listed if known else "ett id som finns i data/ (det finns inga ännu)",
                       suggestion=did_you_mean(value, known))
            return ""
        return value

    def check(self, ref: str) -> bool:
        """Check keys against a definition of the JSON Schema ('common#indicatorRow')."""
        required, optional = self.errors.schema.keys(ref)
        return self.check_keys(required, optional, ref)

    def has(self, key) -> bool:
        return key in self.mapping and self.mapping[key] is not None

    def _typed(self, key, kinds: tuple, expected: str, required: bool):
        if key not in self.mapping or self.mapping[key] is None:
            if required and key in self.mapping:
                self.error(key, f"'{key}' är tomt", expected=expected)
            elif required and key not in self.missing:
                self.error(None, f"nyckeln '{key}' saknas", expected=expected)
            return None
        value = self.mapping[key]
        if isinstance(value, bool) and bool not in kinds:
            self.error(key, f"'{key}' har fel typ", found=describe(value), expected=expected)
            return None
        if not isinstance(value, kinds):
            self.error(key, f"'{key}' har fel typ", found=describe(value), expected=expected)
            return None
        return value

    # --- scalars --------------------------------------------------------

    def text(self, key, required: bool = False) -> str:
        value = self._typed(key, (str, int, Decimal), "en text", required)
        if value is None:
            return ""
        text = str(value).strip()
        if required and not text:
            self.error(key, f"'{key}' är tomt", expected="en text")
        return text

    def identifier(self, key, required: bool = True) -> str:
        value = self.text(key, required)
        if value and not ID_PATTERN.match(value):
            self.error(key, f"'{key}' är inte ett giltigt id", found=describe(value),
                       expected="små bokstäver a–z, siffror och bindestreck, "
                                "till exempel 'kariesfria-6-aringar' (å, ä, ö skrivs a, a, o)")
            return ""
        return value

    def page_identifier(self, key, source: Callable[[str], str], example: str) -> str:
        """The id of an item with a page of its own at `source(id)`: never a name the page's
        folder gives its own page (an indicator 'index' would replace the indicator overview)."""
        value = self.identifier(key)
        if value in urls.RESERVED_PAGE_IDS:
            folder = "/" + urls.url_of(source(value))
            self.error(key, f"id '{value}' är upptaget av webbplatsen själv: sidan skulle få adressen "
                            f"{folder}, som är mappens egen sida, i stället för {folder}{value}/",
                       expected=f"ett annat id, som säger vad det gäller, till exempel '{example}'")
        return value

    def year(self, key, required: bool = True) -> Optional[int]:
        value = self._typed(key, (int,), "ett årtal, till exempel 2024", required)
        if value is not None and not 1900 <= value <= 2100:
            self.error(key, f"'{key}' är inte ett rimligt årtal", found=describe(value),
                       expected="ett årtal mellan 1900 och 2100")
            return None
        return value

    def integer(self, key, required: bool = False, example: int = 92) -> Optional[int]:
        return self._typed(key, (int,), f"ett heltal, till exempel {example}", required)

    def number(self, key, required: bool = False) -> Optional[Decimal]:
        value = self._typed(key, (int, Decimal), "ett tal, till exempel 60 eller 6.9", required)
        return Decimal(value) if value is not None else None

    def date(self, key, required: bool = False) -> str:
        value = self.text(key, required)
        if value and not valid_date(value):
            self.error(key, f"'{key}' är inte ett datum", found=describe(value),
                       expected='ett datum skrivet "ÅÅÅÅ-MM-DD", till exempel "2023-12-07"')
            return ""
        return value

    def flag(self, key) -> bool:
        value = self._typed(key, (bool,), "true eller false", False)
        return bool(value)

    def choice(self, key, ref: str, required: bool = True) -> str:
        """A value among the choices the schema's definition `ref` allows for `key`."""
        choices = self.errors.schema.choices(ref, key)
        value = self.text(key, required)
        if value and value not in choices:
            self.error(key, f"'{key}' har ett okänt värde", found=describe(value),
                       expected="ett av: " + ", ".join(choices),
                       suggestion=did_you_mean(value, choices))
            return ""
        return value

    # --- nested ---------------------------------------------------------

    def sub(self, key, place: str = "", required: bool = True) -> Optional["Fields"]:
        """The mapping under `key`; `place` is what it adds to this one's place (the key)."""
        value = self._typed(key, (YamlMap,), TYPE_NAMES[YamlMap], required)
        if value is None:
            return None
        return Fields(value, lambda: f"{self.place} → {place or key}", self.errors)

    def items(self, key, required: bool = False) -> Iterator[tuple[int, object]]:
        """The items of a list, numbered (item_error reports a mistake in one on its line)."""
        value = self._typed(key, (YamlList,), TYPE_NAMES[YamlList], required)
        if value is not None:
            yield from enumerate(value)

    def item_error(self, key, index: int, problem: str, *, found: str = "", expected: str = "") -> None:
        self.errors.add(DataError(self.mapping[key].location_at(index), problem, place=self.place,
                                  found=found, expected=expected))

    def maps(self, key, place_of: Callable[[YamlMap, int], str],
             required: bool = False) -> Iterator["Fields"]:
        """Each item of a list of mappings, as Fields."""
        for index, item in self.items(key, required):
            if not isinstance(item, YamlMap):
                self.item_error(key, index, f"punkt {index + 1} i '{key}' har fel typ",
                                found=describe(item), expected=TYPE_NAMES[YamlMap])
                continue
            yield Fields(item, functools.partial(self._item_place, place_of, item, index), self.errors)

    def _item_place(self, place_of: Callable[[YamlMap, int], str], item: YamlMap, index: int) -> str:
        return f"{self.place} → {place_of(item, index)}"

    def texts(self, key, required: bool = False) -> list[str]:
        result = []
        for index, item in self.items(key, required):
            if isinstance(item, bool) or not isinstance(item, (str, int, Decimal)):
                self.item_error(key, index, f"punkt {index + 1} i '{key}' har fel typ",
                                found=describe(item), expected="en text")
                continue
            result.append(str(item).strip())
        return result


@functools.cache
def _allowed(required: tuple, optional: tuple) -> frozenset:
    """The keys a mapping may have: asked for every mapping read, of a few schema definitions."""
    return frozenset(required) | frozenset(optional)


def valid_date(text: str) -> bool:
    import datetime

    match = DATE_PATTERN.match(text)
    if not match:
        return False
    try:
        datetime.date(*map(int, match.groups()))
    except ValueError:
        return False
    return True


def label(mapping: YamlMap, kind: str, index: int, *keys) -> str:
    """A short human name for a list item: 'indikator "Andel …"' or 'indikator 3'."""
    for key in keys:
        value = mapping.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            text = str(value).strip()
            text = text if len(text) <= 50 else text[:47] + "…"
            return f'{kind} "{text}"'
    return f"{kind} {index + 1}"
