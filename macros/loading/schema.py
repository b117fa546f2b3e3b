"""The JSON Schemas in macros/schema/ as the build's source of allowed keys and values.

Editors get completion and inline errors from these files in VS Code; the build
reads the same files for which keys each kind of mapping may and must have and
which values a choice allows, so the two can never disagree. Checks a schema
cannot express (references, uniqueness, years against the plan's period) stay
in the parsers.

The schemas are the build's rules, so they are code and come with the program: a pull
request that changes only data/ cannot change what validation accepts (a data/schema/
folder is refused, see files.py).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from .errors import DataError, DataErrors
from .yamlfile import Location

FILES = ("common", "region", "plan", "protokoll", "indikatorer", "uppfoljning")
DIRECTORY = Path(__file__).resolve().parent.parent / "schema"


class Schema:
    def __init__(self, directory: Path = DIRECTORY):
        self.documents = {}
        errors = []
        for name in FILES:
            path = Path(directory) / f"{name}.schema.json"
            shown = f"macros/{Path(directory).name}/{path.name}"
            try:
                self.documents[name] = json.loads(path.read_text("utf-8"))
            except OSError as error:
                errors.append(DataError(Location(shown, 1, 1), f"schemat kunde inte läsas ({error.strerror})",
                                        expected="filen som följer med Öppna planer i macros/schema/; "
                                                 "installera programmet igen"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                line, column = getattr(error, "lineno", 1), getattr(error, "colno", 1)
                errors.append(DataError(Location(shown, line, column),
                                        "schemat är ingen giltig JSON (ett kommatecken, citattecken "
                                        "eller en klammer saknas eller står fel här)",
                                        expected="JSON som i filen från Öppna planer; jämför med den"))
        if errors:
            raise DataErrors(errors)
        # Asked for every mapping and block read (millions of times at national scale), of
        # documents that do not change once read: each answer is worked out once, per schema.
        self.keys = functools.cache(self.keys)
        self.choices = functools.cache(self.choices)
        self.block_kinds = functools.cache(self.block_kinds)

    def definition(self, ref: str) -> dict:
        """'plan' is a whole file's schema; 'common#indicatorRow' one of its $defs."""
        document, _, name = ref.partition("#")
        schema = self.documents[document]
        return schema["$defs"][name] if name else schema

    def keys(self, ref: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(required, optional) keys of a mapping."""
        definition = self.definition(ref)
        required = tuple(definition.get("required", ()))
        optional = tuple(k for k in definition.get("properties", {}) if k not in required)
        return required, optional

    def description(self, ref: str, key: str) -> str:
        return self.definition(ref).get("properties", {}).get(key, {}).get("description", "")

    def choices(self, ref: str, key: str) -> tuple[str, ...]:
        return tuple(self.definition(ref)["properties"][key]["enum"])

    def block_kinds(self) -> tuple[str, ...]:
        """The keys of content blocks ('text', 'lista', 'indikatorer', …)."""
        kinds = []
        for option in self.definition("common#block")["oneOf"]:
            name = option["$ref"].rpartition("/")[2]
            kinds += self.definition(f"common#{name}")["required"]
        return tuple(kinds)
