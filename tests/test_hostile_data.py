"""Hostile data: no text from data/ ever becomes a template or live markup, anywhere.

Anyone may open a pull request with data and CI builds it, so every free-text field is
attacked at once. The fields are discovered from the JSON Schemas in macros/schema (a field
added later is attacked without anyone listing it): every position whose schema admits
free text gets a unique marker and the payload, e.g. "F0123 <script>alert(1)</script>".
One build per payload; then every file the build wrote is inspected, and the pages of
the most dangerous builds are opened in a real browser.

A finding names the field through its marker, e.g.
"plan hsn-verksamhetsplan-2024-2026 → kapitel[3].rubrik".
"""

from __future__ import annotations

import copy
import functools
import gzip
import html
import http.server
import json
import re
import shutil
import tempfile
import threading
import time
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Comment
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import ROOT, build, norm
from macros.rendering.text import plain

REPORT = ROOT / "tests" / "artifacts" / "hostile-report.txt"
SCHEMAS = ROOT / "macros" / "schema"
# Each kind of data file and its schema.
DATA_FILES = {"region": ("regioner/*.yml", "region.schema.json"),
              "plan": ("planer/*/*.yml", "plan.schema.json"),
              "protokoll": ("protokoll/*/*.yml", "protokoll.schema.json"),
              "indikatorer": ("indikatorer/*.yml", "indikatorer.schema.json"),
              "uppfoljning": ("uppfoljning/*/*.yml", "uppfoljning.schema.json")}
# A position "admits free text" when its schema accepts this: ids, dates, enums and
# numeric patterns reject it, any text field accepts it.
FREE_TEXT_SAMPLE = "F0000 Fri text <b>&amp; {{ x }} | \" '"
MARKER = re.compile(r"F\d{4}(?!\d)")
QUOTES = "x-ordagrant-ur"  # the schemas' mark for a field that quotes another file word for word


@dataclass(frozen=True)
class Payload:
    name: str
    text: str
    # Pieces that must survive literally in the text right after the marker wherever
    # a field is shown (a template evaluated or a table split loses them).
    literal: tuple[str, ...] = ()


PAYLOADS = [
    Payload("script", "<script>alert(1)</script>"),
    Payload("img-onerror", "<img src=x onerror=alert(2)>"),
    Payload("attr-breakout-double", "\" onmouseover=\"alert(3)"),
    Payload("attr-breakout-single", "' onfocus='alert(4)"),
    Payload("md-javascript-link", "[x](javascript:alert(5))"),
    Payload("html-javascript-link", "<a href=\"javascript:alert(6)\">x</a>"),
    Payload("entity-script", "&lt;script&gt;alert(7)&lt;/script&gt;"),
    Payload("entity-img", "&#60;img src=x onerror=alert(8)&#62;"),
    Payload("title-breakout", "</title><script>alert(9)</script>"),
    Payload("comment-open", "<!--"),
    Payload("jinja-expression", "{{ 7*1913 }}", ("{{ 7*1913 }}",)),
    Payload("jinja-raw", "{% raw %}", ("{% raw %}",)),
    Payload("jinja-if", "{% if true %}x{% endif %}", ("{% if true %}x{% endif %}",)),
    Payload("jinja-comment", "{# c #}", ("{# c #}",)),
    # Markdown may turn __globals__ into bold; the braces and the call must survive.
    Payload("jinja-ssti", "{{ lipsum.__globals__.os.popen('touch PWNED').read() }}",
            ("{{ lipsum.", "popen('touch PWNED')", "}}")),
    Payload("table-pipes", "| a | b |\n| c | d |", ("| a | b | | c | d |",)),
    Payload("bidi-controls", "\u202eabc\u2066def\u2069"),
    Payload("md-javascript-image", "![x](javascript:alert(10))"),
    Payload("svg-onload", "<svg onload=alert(11)>"),
]
# A build with the marker alone: which fields the site publishes at all.
PLAIN = Payload("plain", "vanlig text")
# The builds whose every page is opened in a browser (time: one browser pass each).
BROWSER_PAYLOADS = ["img-onerror", "attr-breakout-double"]
# Fields that the site legitimately does not publish. Empty: no such list has been
# agreed with the lead; a field silently dropped is a finding.
UNPUBLISHED_FIELDS: set[str] = set()


# --- discovering the free-text fields from the schemas ---------------------------------

def json_like(value):
    """The instance as JSON Schema sees it: YAML's integer keys (years) become strings."""
    if isinstance(value, dict):
        return {str(key): json_like(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_like(item) for item in value]
    return value


def pointer_token(key) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


class SchemaWalker:
    """Finds the positions in a data document whose schema admits free text.

    A schema position is a URI "<file>#<json pointer>", so that any part of any schema
    can be validated on its own with the whole registry behind it ($ref, anyOf, if …).
    """

    def __init__(self):
        schemas = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(SCHEMAS.glob("*.schema.json"))]
        self.registry = Registry().with_resources(
            (schema["$id"], Resource.from_contents(schema)) for schema in schemas)

    @functools.lru_cache(maxsize=None)
    def validator(self, location: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": location}, registry=self.registry)

    def contents(self, location: str):
        return self.registry.resolver().lookup(location).contents

    def valid(self, location: str, instance) -> bool:
        return self.validator(location).is_valid(json_like(instance))

    @functools.lru_cache(maxsize=None)
    def admits_free_text(self, location: str) -> bool:
        if isinstance(self.contents(location), dict) and QUOTES in self.contents(location):
            # A verbatim quote of text elsewhere (checked against it by the build): that text
            # is attacked where it stands, and the quote cannot be changed alone.
            return False
        return self.validator(location).is_valid(FREE_TEXT_SAMPLE)

    def applicable(self, location: str, instance) -> list[str]:
        """The location and every subschema that applies to this instance there."""
        found = [location]
        schema = self.contents(location)
        if not isinstance(schema, dict):
            return found
        base = location.split("#")[0]
        if "$ref" in schema:
            ref = schema["$ref"]
            found += self.applicable(base + ref if ref.startswith("#") else ref, instance)
        for keyword in ("allOf", "anyOf", "oneOf"):
            for index, _ in enumerate(schema.get(keyword, [])):
                branch = f"{location}/{keyword}/{index}"
                if keyword == "allOf" or self.valid(branch, instance):
                    found += self.applicable(branch, instance)
        if "if" in schema:
            chosen = "then" if self.valid(f"{location}/if", instance) else "else"
            if chosen in schema:
                found += self.applicable(f"{location}/{chosen}", instance)
        if isinstance(instance, dict):
            for key in schema.get("dependentSchemas", {}):
                if key in instance:
                    found += self.applicable(f"{location}/dependentSchemas/{pointer_token(key)}", instance)
        return found

    def positions(self, locations: list[str], instance, path=()):
        """Yield (path, is_key) for every free-text value, and free-text map key.

        locations are all the schemas that apply at this place (from properties,
        then-branches …): a value is free text only if every one of them admits it.
        """
        if isinstance(instance, bool) or instance is None:
            return
        if isinstance(instance, (str, int, float)):
            if locations and all(self.admits_free_text(location) for location in locations):
                yield path, False
            return
        expanded = [found for location in locations for found in self.applicable(location, instance)]
        if isinstance(instance, list):
            children = self.children(expanded, "items")
            for index, item in enumerate(instance):
                yield from self.positions(children, item, (*path, index))
            return
        for key, value in instance.items():
            children, free_key = self.property_schemas(expanded, str(key))
            if free_key:
                yield (*path, key), True
            yield from self.positions(children, value, (*path, key))

    def children(self, locations, keyword):
        return [f"{loc}/{keyword}" for loc in locations
                if isinstance(self.contents(loc), dict) and isinstance(self.contents(loc).get(keyword), dict)]

    def property_schemas(self, locations, key: str) -> tuple[list[str], bool]:
        """The schemas of one property, and whether its key is free text (a map key)."""
        children, named, mapped = [], False, False
        for loc in locations:
            schema = self.contents(loc)
            if not isinstance(schema, dict):
                continue
            if key in schema.get("properties", {}):
                children.append(f"{loc}/properties/{pointer_token(key)}")
                named = True
                continue
            matched = [p for p in schema.get("patternProperties", {}) if re.search(p, key)]
            children += [f"{loc}/patternProperties/{pointer_token(p)}" for p in matched]
            if not matched and isinstance(schema.get("additionalProperties"), dict):
                children.append(f"{loc}/additionalProperties")
            mapped = mapped or bool(matched) or "additionalProperties" in schema and schema["additionalProperties"] is not False
        names_free = all(self.valid_names(loc) for loc in locations)
        return children, mapped and not named and names_free

    def valid_names(self, location: str) -> bool:
        schema = self.contents(location)
        if not isinstance(schema, dict) or "propertyNames" not in schema:
            return True
        return self.admits_free_text(f"{location}/propertyNames")


@dataclass
class Field:
    marker: str
    label: str          # "plan hsn-verksamhetsplan-2024-2026 → kapitel[3].rubrik"
    paths: list         # (position, is_key) in the document that carry this field's text
    original: str


@dataclass
class DataFile:
    relative: str
    kind: str
    schema: str
    document: dict
    fields: list = field(default_factory=list)


def path_label(path) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text.lstrip(".")


# The sources hold no follow-up document, so the seed data has none: the harness brings one
# of its own (written into the project copy only), so that those fields are attacked too.
SAMPLE_DOCUMENTS = {
    "uppfoljning/vasterbotten/harness-uppfoljning.yml": {
        "id": "harness-uppfoljning", "region": "vasterbotten", "titel": "Delårsrapport augusti 2025",
        "typ": "delårsrapport", "organ": "hsn", "datum": "2025-10-14",
        "utfall": [{"indikator": "anvandandet-av-sjalvservice", "år": 2025,
                    "värde": {"värde": 541000, "not": "Prognos"}},
                   {"indikator": "hme-chefer", "år": 2025, "värde": "Ökat"}]},
}


def discover() -> list[DataFile]:
    """Every data file with its free-text fields, each with its own marker."""
    walker = SchemaWalker()
    files, number = [], 0
    documents = []
    for kind, (pattern, schema) in DATA_FILES.items():
        for path in sorted((ROOT / "data").glob(pattern)):
            documents.append((kind, schema, path, yaml.safe_load(path.read_text(encoding="utf-8"))))
        for relative, sample in SAMPLE_DOCUMENTS.items():
            if Path(relative).match(pattern):
                documents.append((kind, schema, ROOT / "data" / relative, copy.deepcopy(sample)))
    for kind, schema, path, document in documents:
            data = DataFile(str(path.relative_to(ROOT / "data")), kind, schema, document)
            found = list(walker.positions([f"{schema}#"], document))
            # A free-text map key (a series, "RVN") is referred to by values elsewhere in
            # the file (serier: [RVN]): the key and every value equal to it are one field,
            # renamed together, so that the references stay valid.
            keys = {position[-1] for position, is_key in found if is_key}
            references: dict[str, Field] = {}
            for position, is_key in found:
                if not is_key and not isinstance(get(document, position), str):
                    # A number where text is also allowed (an outcome of 73) stays a
                    # number: text there changes how the row is shown (its unit is
                    # dropped), which would hide the unit field from this test. The same
                    # positions holding text ("Bibehålla/öka") are attacked.
                    continue
                original = str(position[-1] if is_key else get(document, position))
                shared = is_key or original in keys
                if shared and original in references:
                    references[original].paths.append((position, is_key))
                    continue
                number += 1
                name = f"{kind} {path.stem} → {path_label(position)}"
                entry = Field(f"F{number:04d}", name, [(position, is_key)], original)
                if shared:
                    references[original] = entry
                data.fields.append(entry)
            files.append(data)
    return files


def get(document, path):
    for step in path:
        document = document[step]
    return document


def substitute(document, path, is_key: bool, text: str):
    container = get(document, path[:-1])
    if is_key:
        # Rebuild the map to keep the key's place among its siblings.
        items = [(text if key == path[-1] else key, value) for key, value in container.items()]
        container.clear()
        container.update(items)
    else:
        container[path[-1]] = text


def attacked(marker: str, payload: Payload, original) -> str:
    """The field's new text. A block of paragraphs keeps its own words in a paragraph after the
    payload's, so that a quote of it checked word for word elsewhere (x-ordagrant-ur) is still
    found; a one-line field is the payload alone (its own words could pair with the payload's
    Markdown, such as a * in both)."""
    if isinstance(original, str) and "\n" in original.strip():
        return f"{marker} {payload.text}\n\n{original}"
    return f"{marker} {payload.text}"


def hostile_copy(files: list[DataFile], project: Path, payload: Payload) -> None:
    """Write every data file into the project copy with every text field attacked."""
    walker = SchemaWalker()
    for data in files:
        document = copy.deepcopy(data.document)
        # Keys last and deepest first, so earlier paths stay valid while keys change.
        edits = [(path, is_key, attacked(entry.marker, payload, path[-1] if is_key else get(document, path)))
                 for entry in data.fields for path, is_key in entry.paths]
        for path, is_key, text in sorted(edits, key=lambda edit: (edit[1], -len(edit[0]))):
            substitute(document, path, is_key, text)
        errors = list(walker.validator(f"{data.schema}#").iter_errors(json_like(document)))
        assert not errors, f"the attacked copy of {data.relative} breaks its schema: {errors[0].message}"
        (project / "data" / data.relative).parent.mkdir(parents=True, exist_ok=True)
        (project / "data" / data.relative).write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- building ---------------------------------------------------------------------------

@dataclass
class Build:
    payload: Payload
    site: Path
    project: Path
    result: object
    seconds: float


@pytest.fixture(scope="module")
def fields() -> list[DataFile]:
    return discover()


@pytest.fixture(scope="module")
def builds(fields):
    """One build per payload, made on first use and shared by the tests of this file.

    In a directory of its own, not pytest's tmp_path: concurrent pytest runs of other
    engineers prune /tmp/pytest-of-<user> and could delete a build while it is read.
    """
    made: dict[str, Build] = {}
    directory = tempfile.TemporaryDirectory(prefix="hostile-data-")

    def get_build(payload: Payload) -> Build:
        if payload.name not in made:
            base = Path(directory.name) / payload.name
            project = base / "project"
            project.mkdir(parents=True)
            for name in ("docs", "data", "macros", "overrides"):
                shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
            shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
            hostile_copy(fields, project, payload)
            start = time.monotonic()
            result = build(project, base / "site")
            made[payload.name] = Build(payload, base / "site", project, result, time.monotonic() - start)
        return made[payload.name]

    yield get_build
    directory.cleanup()


# --- inspecting the output --------------------------------------------------------------

@dataclass
class Scan:
    findings: dict = field(default_factory=lambda: defaultdict(set))  # (cause, field) → {file: detail}
    markers: set = field(default_factory=set)       # markers seen anywhere in the output
    landings: dict = field(default_factory=lambda: defaultdict(int))  # where markers land → count
    html_pages: int = 0

    def add(self, cause: str, field_label: str, file: str, detail: str):
        self.findings[(cause, field_label)].add(f"{file}: {detail[:160]!r}")


TITLE = re.compile(r"(<title[^>]*>)(.*?)(</title\s*>)", re.S | re.I)


def as_browser_reads_title(source: str) -> str:
    """html.parser reads markup inside <title>; a browser reads text up to the first
    </title>, entities decoded. Escape the title's text so that both read the same."""
    return TITLE.sub(lambda title: title[1] + html.escape(html.unescape(title[2]), quote=False) + title[3], source)


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}


def read_output(path: Path) -> str | None:
    """A file's text as its consumer reads it: gzip and Pagefind's header removed."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw.startswith(b"pagefind_dcd"):
        raw = raw[len(b"pagefind_dcd"):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None  # binary: images, Pagefind's word index and WebAssembly


class Inspector:
    def __init__(self, files: list[DataFile], payload: Payload):
        self.labels = {entry.marker: entry.label + (f" (and {len(entry.paths) - 1} references)"
                                                    if len(entry.paths) > 1 else "")
                       for data in files for entry in data.fields}
        self.payload = payload
        self.scan = Scan()

    def label(self, text: str) -> str:
        markers = MARKER.findall(text)
        return self.labels.get(markers[-1], markers[-1]) if markers else "(no marker nearby)"

    def run(self, site: Path) -> Scan:
        for path in sorted(site.rglob("*")):
            if not path.is_file():
                continue
            text = read_output(path)
            if text is None:
                continue
            relative = str(path.relative_to(site))
            self.scan.markers |= set(MARKER.findall(text))
            self.check_evaluation(relative, text)
            if path.suffix in (".html", ".htm"):
                self.check_html(relative, text)
            elif path.suffix in (".xml", ".svg", ".rdf") or relative.endswith(".xml.gz"):
                self.check_xml(relative, text)
            elif path.suffix in (".json", ".pf_fragment", ".pf_meta"):
                self.check_json(relative, text)
            elif path.suffix not in (".js", ".css", ".map") and MARKER.search(text):
                # .csv, .txt, .ttl …: record where fields land (escaping is format-specific).
                self.scan.landings[f"{path.suffix or path.name} file"] += len(MARKER.findall(text))
        return self.scan

    def after_markers(self, text: str):
        """The text after each marker, as long as the payload and a little more."""
        for match in MARKER.finditer(text):
            yield match.group(), text[match.end():match.end() + len(self.payload.text) + 40]

    def check_evaluation(self, file: str, text: str):
        # {{ 7*1913 }} evaluated would leave 13391 where the payload was (five digits: no marker looks like it).
        if "7*1913" in self.payload.text:
            for marker, after in self.after_markers(text):
                if "13391" in after:
                    self.scan.add("template evaluated (7*1913 → 13391)", self.labels.get(marker, marker), file, after)

    def check_literal(self, file: str, text: str, where: str):
        """Template and table payloads must survive as the same text wherever shown."""
        text = norm(text)
        for marker, after in self.after_markers(text):
            # Case aside: the site may capitalise a word (plan type); braces must stay.
            missing = [piece for piece in self.payload.literal if norm(piece).lower() not in after.lower()]
            if missing:
                self.scan.add(f"payload text not shown literally in {where} (template evaluated or markup split)",
                              self.labels.get(marker, marker), file, after)

    def check_html(self, file: str, source: str):
        self.scan.html_pages += 1
        raw = source
        for title in TITLE.finditer(raw):
            for marker, after in self.after_markers(title[2]):
                if re.search(r"<[a-zA-Z/!]", after[:len(self.payload.text) + 2]):
                    # Not live (a browser reads <title> as text), but "</title>" in data breaks out.
                    self.scan.add("markup from data unescaped inside <title>", self.labels.get(marker, marker),
                                  file, title[0])
        source = as_browser_reads_title(raw)
        soup = BeautifulSoup(source, "html.parser")
        lines = [0]
        for line in source.splitlines(keepends=True):
            lines.append(lines[-1] + len(line))

        def origin(element) -> str:
            """The field whose marker stands in the element's start tag or just before it."""
            start = lines[element.sourceline - 1] + element.sourcepos if element.sourceline else 0
            end = source.find(">", start) + 1 or start
            return self.label(source[max(0, start - 300):end])

        def where(element) -> str:
            """Where on the page: the element's nearest ancestors that have a class."""
            names = [f"{parent.name}.{parent['class'][0]}" for parent in element.parents
                     if parent.get("class")][:2]
            return " < ".join(names or [element.parent.name]) + ": "

        for element in soup.find_all(True):
            if element.name == "script" and "alert(" in element.get_text():
                self.scan.add("live <script> element", origin(element), file, where(element) + str(element))
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on") and "alert(" in value:
                    self.scan.add(f"live event-handler attribute <{element.name} {name}>", origin(element), file,
                                  where(element) + str(element))
                compact = re.sub(r"[\s\x00-\x20]", "", value).lower()
                if name.lower() in URL_ATTRIBUTES and compact.startswith("javascript:") and "alert(" in compact:
                    self.scan.add(f"javascript: URL in <{element.name} {name}>", origin(element), file,
                                  where(element) + str(element))
                if name.lower() == "src" and value == "x":
                    self.scan.add(f"<{element.name}> element created from data", origin(element), file,
                                  where(element) + str(element))
            if element.name == "svg" and any(n.lower().startswith("on") for n in element.attrs):
                self.scan.add("<svg> with event handler created from data", origin(element), file,
                              where(element) + str(element))
        for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
            if MARKER.search(comment) or "<!--" in self.payload.text:
                if MARKER.search(comment):
                    self.scan.add("HTML comment opened by data swallows content", self.label(str(comment)), file,
                                  str(comment)[:160])
        if "<" in self.payload.text:
            # The payload verbatim in the source is markup the browser parses (even
            # inside a <script> block or an attribute, which the DOM checks may not see).
            pattern = MARKER.pattern + r"\s+" + r"\s*".join(map(re.escape, self.payload.text.split()))
            cause = ("HTML comment opened by data: a browser hides the rest of the page"
                     if self.payload.text.startswith("<!--") else "payload unescaped in HTML source")
            for match in re.finditer(pattern, raw):
                self.scan.add(cause, self.label(match.group()), file,
                              raw[max(0, match.start() - 60):match.end() + 20])
        for title in soup.find_all("title"):
            self.check_title(file, title.get_text())
        self.check_literal(file, soup.get_text(" "), "the page")
        self.scan.landings["HTML page"] += len(MARKER.findall(source))

    def check_title(self, file: str, title: str):
        """A title is plain text: the whole payload must stand in it, as written, or as the text
        a reader sees of it as Markdown (a Markdown name is one title everywhere, issue 19)."""
        shown = norm(title)
        expected = {text for text in (norm(self.payload.text), norm(plain(self.payload.text))) if text}
        for marker, after in self.after_markers(shown):
            if any(after.startswith(" " + text) or after.startswith(text) for text in expected):
                continue
            if not norm(plain(self.payload.text)) and not any(
                    word in after for word in re.findall(r"\w{4,}", self.payload.text)):
                continue  # Markdown that shows no text (an image without alt text): none of it is shown
            self.scan.add("<title> does not show the payload as written", self.labels.get(marker, marker),
                          file, after)

    def check_xml(self, file: str, text: str):
        """Data in XML must be character data: escaped, or in a CDATA section (as rdflib writes
        text with < and >), never elements. Parsed as XML, the payload's tags must not be
        elements, and its text must come back whole."""
        try:
            root = ElementTree.fromstring(text)
        except ElementTree.ParseError as error:
            self.scan.add("XML file no longer well-formed", self.label(text), file, str(error))
            return
        tags = set(re.findall(r"<([a-zA-Z][\w:-]*)", self.payload.text))
        for element in root.iter():
            local = element.tag.rsplit("}", 1)[-1]
            if local in tags:
                self.scan.add("markup from data became an XML element", f"<{local}>", file, local)
        parsed = " ".join(" ".join(element.itertext()) for element in [root])
        for marker, after in self.after_markers(norm(parsed)):
            if not after.lstrip().startswith(norm(self.payload.text)):
                self.scan.add("payload not kept as text in XML", self.labels.get(marker, marker), file, after)
        if MARKER.search(text):
            self.scan.landings[f"{Path(file).suffix} file"] += len(MARKER.findall(text))

    def check_json(self, file: str, text: str):
        try:
            document = json.loads(text)
        except ValueError as error:
            self.scan.add("JSON file no longer parses", self.label(text), file, str(error))
            return
        kind = "Pagefind fragment" if file.endswith(".pf_fragment") else f"{Path(file).name}"

        def walk(value, where):
            if isinstance(value, dict):
                for key, item in value.items():
                    walk(item, f"{where}.{key}")
            elif isinstance(value, list):
                for item in value:
                    walk(item, f"{where}[]")
            elif isinstance(value, str) and MARKER.search(value):
                # Consumers insert these as text (the search UI escapes titles, builds
                # its own excerpts): the browser test checks that, here we only record.
                self.scan.landings[f"{kind} {where}"] += len(MARKER.findall(value))
                self.check_literal(file, value, f"{kind} {where}")

        walk(document, "")


def pwned_files(build_: Build) -> list[Path]:
    """Files that the payload's shell command ("touch PWNED") would create."""
    found = set(build_.project.rglob("PWNED"))
    found |= {place / "PWNED" for place in (Path.cwd(), ROOT) if (place / "PWNED").exists()}
    return sorted(found)


# --- the tests --------------------------------------------------------------------------

RESULTS: dict[str, Scan | str] = {}


@pytest.fixture(scope="module", autouse=True)
def report(fields):
    """Write the summary of fields × payloads and all findings, also when tests fail."""
    yield
    if not any(payload.name in RESULTS for payload in PAYLOADS):
        return  # only the discovery or self-tests ran: keep the last full report
    count = sum(len(data.fields) for data in fields)
    lines, total = [], 0
    for payload in PAYLOADS:
        outcome = RESULTS.get(payload.name)
        if outcome is None:
            lines.append(f"\n## {payload.name} {payload.text!r}: not run")
            continue
        if isinstance(outcome, str):
            lines.append(f"\n## {payload.name} {payload.text!r}: {outcome}")
            total += 1
            continue
        total += len(outcome.findings)
        lines.append(f"\n## {payload.name} {payload.text!r}: {len(outcome.findings)} findings")
        lines += [f"- {cause} — {label}\n    " + "\n    ".join(sorted(places)[:3])
                  + (f"\n    … and {len(places) - 3} more files" if len(places) > 3 else "")
                  for (cause, label), places in sorted(outcome.findings.items())]
        lines.append("  markers land in: " + ", ".join(f"{where} ×{n}" for where, n in sorted(outcome.landings.items())))
    lines.append("\n## Findings by cause (field paths without indices, payloads)")
    by_cause = defaultdict(lambda: defaultdict(set))
    for payload in PAYLOADS:
        outcome = RESULTS.get(payload.name)
        for cause, label in (outcome.findings if isinstance(outcome, Scan) else ()):
            pattern = re.sub(r"\[[^\]]*\]", "[]", re.sub(r"^(\w+) \S+ →", r"\1 →", label))
            by_cause[re.sub(r"<(\w+) on\w+>", r"<\1 on…>", cause)][pattern].add(payload.name)
    for payload in PAYLOADS:
        if isinstance(RESULTS.get(payload.name), str):
            by_cause["build fails instead of publishing the text"]["(see the build output above)"].add(payload.name)
    for cause, patterns in sorted(by_cause.items()):
        lines.append(f"- {cause}")
        lines += [f"    {pattern}: {', '.join(sorted(names))}" for pattern, names in sorted(patterns.items())]
    for name in ("plain", "browser"):
        if name in RESULTS:
            lines.append(f"\n## {name}\n{RESULTS[name]}")
    cases = f"{count * len(PAYLOADS):,}".replace(",", " ")
    head = f"{count} text fields × {len(PAYLOADS)} payloads = {cases} cases, {total} findings"
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(head + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print("\n" + head + f"\n(details in {REPORT.relative_to(ROOT)})")


def test_the_schemas_yield_many_text_fields_in_every_kind_of_file(fields):
    count = sum(len(data.fields) for data in fields)
    assert count > 150, f"only {count} free-text fields found: the schema walk is broken"
    for kind in DATA_FILES:
        assert any(data.fields for data in fields if data.kind == kind), f"no text field found in any {kind} file"
    labels = " ".join(entry.label for data in fields for entry in data.fields)
    # Spot checks that the walk goes through $ref, oneOf blocks, maps and nested arrays.
    for expected in (".titel", "kapitel[0].rubrik", "innehåll[0].text", ".namn", "fotnoter[1]", "utfall[",
                     "serier[0].id", "paragrafer[0].beslut.att[0]", "närvarande.ledamöter[0].namn"):
        assert expected in labels, f"no field {expected} discovered"
    # Ids, dates and years are not text.
    # (A series' id is free text: "RVN", a name rather than an id.)
    not_text = [entry.label for data in fields for entry in data.fields
                if re.search(r"\.(id|datum|region|organ|målstruktur|från|till)$", entry.label)
                and "serier[" not in entry.label]
    assert not not_text, f"ids, dates or years taken for text: {not_text[:5]}"


@pytest.fixture(scope="module")
def published(fields, builds) -> set[str]:
    """The markers that the plain build shows: a payload build must show them too."""
    return Inspector(fields, PLAIN).run(builds(PLAIN).site).markers


def test_the_inspector_sees_each_kind_of_live_markup(tmp_path):
    """The checks themselves, on a made-up site: a harness that sees nothing passes vacuously."""
    (tmp_path / "page.html").write_text(
        "<html><head><title>F0001 alert(1)<b>x</b></title></head><body>"
        "<p>F0001 <script>alert(1)</script></p><p title=\"F0002 \" onmouseover=\"alert(3)\">x</p>"
        "<a href=\" Java&#x09;Script:alert(6)\">F0003 x</a><img src=x onerror=alert(2)>"
        "<svg onload=alert(11)></svg><p>F0004 13391</p></body></html>", encoding="utf-8")
    (tmp_path / "data.xml").write_text("<urlset><loc>F0005 <script>alert(1)</script></loc>"
                                       "<loc><![CDATA[F0007 <script>alert(1)</script>]]></loc></urlset>",
                                       encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"title": "F0006 <"', encoding="utf-8")
    script = next(payload for payload in PAYLOADS if payload.name == "script")
    causes = {cause for cause, _ in Inspector([], script).run(tmp_path).findings}
    assert causes >= {"live <script> element", "live event-handler attribute <p onmouseover>",
                      "javascript: URL in <a href>", "live event-handler attribute <img onerror>",
                      "<img> element created from data", "<svg> with event handler created from data",
                      "payload unescaped in HTML source", "<title> does not show the payload as written",
                      "markup from data became an XML element", "JSON file no longer parses",
                      "markup from data unescaped inside <title>"}, causes
    expression = next(payload for payload in PAYLOADS if payload.name == "jinja-expression")
    causes = {cause for cause, _ in Inspector([], expression).run(tmp_path).findings}
    assert "template evaluated (7*1913 → 13391)" in causes, causes


def test_every_text_field_is_published(fields, builds):
    """With a plain marker alone, every field's marker appears somewhere in the site."""
    result = builds(PLAIN)
    assert result.result.returncode == 0, result.result.stdout + result.result.stderr
    scan = Inspector(fields, PLAIN).run(result.site)
    missing = [entry.label for data in fields for entry in data.fields
               if entry.marker not in scan.markers and entry.label not in UNPUBLISHED_FIELDS]
    RESULTS["plain"] = (f"build {result.seconds:.1f} s; {len(missing)} fields never published"
                        + "".join(f"\n- {label}" for label in missing))
    assert scan.html_pages > 10
    assert not missing, f"{len(missing)} text fields appear nowhere in the built site:\n" + "\n".join(missing)


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda payload: payload.name)
def test_hostile_text_stays_inert_in_every_output_file(payload, fields, builds, published):
    result = builds(payload)
    output = result.result.stdout + result.result.stderr
    if result.result.returncode != 0:
        assert not pwned_files(result), f"{payload.text!r} ran a shell command: {pwned_files(result)}"
        # Rejecting bidi controls (Trojan Source) is acceptable, with a clear data error
        # (file and line, in Swedish, no traceback); any other payload is text to accept.
        clean_error = re.search(r"data/\S+\.yml, rad \d+", output) and "Traceback" not in output
        RESULTS[payload.name] = f"build failed (exit {result.result.returncode}): {output[-300:]!r}"
        assert payload.name == "bidi-controls" and clean_error, (
            f"the build failed on {payload.text!r} instead of publishing it as text:\n{output[-3000:]}")
        return
    scan = Inspector(fields, payload).run(result.site)
    RESULTS[payload.name] = scan
    for path in pwned_files(result):
        scan.add("template ran a shell command from data (PWNED file created)", "any field rendered as a template",
                 str(path), "")
    assert scan.html_pages > 10, f"only {scan.html_pages} pages built"
    for entry in (entry for data in fields for entry in data.fields):
        if entry.marker in published and entry.marker not in scan.markers:
            scan.add("field dropped from the output by this payload", entry.label, "(whole site)", "")
    findings = [f"{cause}\n  field: {label}\n  " + "\n  ".join(sorted(places)[:3])
                for (cause, label), places in sorted(scan.findings.items())]
    assert not findings, (f"{len(findings)} findings for payload {payload.text!r}:\n\n" + "\n\n".join(findings))


# --- a real browser ---------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    servers = []

    def start(directory: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(directory))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_port}"

    yield start
    for httpd in servers:
        httpd.shutdown()


# Attribute breakouts (onmouseover, onfocus) only run when touched, as a reader's mouse
# or keyboard would: fire each inline handler's event at the element that carries it.
TOUCH_EVERYTHING = """() => document.querySelectorAll('*').forEach(element => {
    for (const attribute of element.attributes)
        if (attribute.name.startsWith('on')) element.dispatchEvent(new Event(attribute.name.slice(2)));
})"""


@pytest.mark.parametrize("name", BROWSER_PAYLOADS)
def test_no_page_or_search_result_runs_hostile_text_in_a_browser(name, fields, builds, serve, browser):
    payload = next(payload for payload in PAYLOADS if payload.name == name)
    result = builds(payload)
    assert result.result.returncode == 0, result.result.stdout + result.result.stderr
    base = serve(result.site)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    dialogs: list[str] = []
    current = {"url": ""}
    # Name the page that was asked for and, after a redirect, the page that ran the code.
    page.on("dialog", lambda dialog: (
        dialogs.append(f"{current['url']} (at {page.url.removeprefix(base)}): {dialog.message}"), dialog.dismiss()))
    pages = sorted(path.relative_to(result.site).as_posix() for path in result.site.rglob("*.html"))
    for url in pages:
        current["url"] = url
        page.goto(f"{base}/{url}", wait_until="load")
        page.evaluate(TOUCH_EVERYTHING)
    page.wait_for_timeout(300)  # late handlers (onload of lazily parsed svg) get their chance
    # The search box: a word of the payload finds the attacked fields; the results must
    # show the text, not run it.
    current["url"] = "start page before searching"
    page.goto(f"{base}/", wait_until="load")
    current["url"] = "search results"
    if page.locator("#op-search-input").is_hidden():
        page.locator("label.md-header__button[for=__search]").click()
    page.locator("#op-search-input").fill("alert")
    page.wait_for_function("document.querySelectorAll('#op-search-results li').length > 0", timeout=10000)
    page.evaluate(TOUCH_EVERYTHING)
    page.wait_for_timeout(300)
    live = page.evaluate("""() => [...document.querySelectorAll('#op-search-results *')]
        .filter(e => ['SCRIPT', 'IMG', 'SVG', 'svg', 'IFRAME'].includes(e.tagName)
                     || [...e.attributes].some(a => a.name.startsWith('on')))
        .map(e => e.outerHTML.slice(0, 160))""")
    results = page.locator("#op-search-results li").count()
    context.close()
    RESULTS["browser"] = RESULTS.get("browser", "") + (
        f"{name}: {len(pages)} pages opened, {results} search results for 'alert', "
        f"{len(dialogs)} dialogs, {len(live)} live elements in results\n")
    assert len(pages) > 10
    per_page = defaultdict(list)
    for dialog in dialogs:
        where, message = dialog.split(": ", 1)
        per_page[where].append(message)
    assert not dialogs and not live, (
        f"payload {payload.text!r}: {len(dialogs)} dialogs opened:\n"
        + "\n".join(f"  {where}: {len(messages)} × {sorted(set(messages))}" for where, messages in per_page.items())
        + f"\nlive markup in search results: {live}")
