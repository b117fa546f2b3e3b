"""What a value in a data file may be: a pull request is untrusted as a whole.

Each kind of hostile value (a figure of any size or form, a character no plan text needs,
a line break in a value a message shows, a malformed address, a cell that makes a pattern
slow, a YAML tag or directive, a key written twice in two forms) is tried in several
forms and places in a copy of the real data. Every case must end, within the bound of
the subprocess's timeout, either in data that is read correctly or in exit 1 with a
Swedish message naming the file and the line of the value, and never in a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from test_data_errors import HSN, MINUTES, RS, VB_RS, edit, reports

VALIDATE_SECONDS = 60  # a validate of the real data takes 1–2 s; every case must end well within
BUILD_SECONDS = 600
VN_REGISTER = "data/indikatorer/vasternorrland.yml"
VB_REGION = "data/regioner/vasterbotten.yml"


def validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=project,
                          capture_output=True, text=True, timeout=VALIDATE_SECONDS)


def assert_refused(result: subprocess.CompletedProcess, *places: tuple[str, int], saying: str = "") -> list[str]:
    """Exit 1, no traceback, one message for each (file, line) and nothing else; each says `saying`."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    found = reports(result.stderr)
    heads = sorted(re.match(r"(\S+), rad (\d+), kolumn \d+: ", block).groups() for block in found)
    assert heads == sorted((file, str(line)) for file, line in places), output
    for block in found:
        assert saying in block, output
    return found


def assert_build_refused(project: Path, site: Path, file: str, line: int, saying: str) -> None:
    """A real build ends within BUILD_SECONDS with the message, writes nothing, shows no traceback."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                            capture_output=True, text=True, timeout=BUILD_SECONDS)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert re.search(rf"^{re.escape(file)}, rad {line}, kolumn \d+: .*{re.escape(saying)}", output, re.M), output
    assert not site.exists(), "a failed build must not write a site"


def assert_read_or_refused_where_written(result: subprocess.CompletedProcess, file: str, line: int) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode in (0, 1), output
    if result.returncode == 1:
        assert reports(result.stderr), output
        for block in reports(result.stderr):
            assert block.startswith(f"{file}, rad {line}, kolumn "), output


# --- 1. figures are bounded --------------------------------------------------------------

# Where a figure enters the model, and how the figure is written there ({} is the figure).
NUMBER_PLACES = {
    "indicator cell": (HSN, "2021: 75\n", "2021: {}\n"),
    "indicator cell as text": (HSN, "2021: 75\n", '2021: "{}"\n'),
    "värde": (HSN, "2021: 75\n", "2021: {{värde: {}}}\n"),
    "värde as text": (HSN, "2021: 75\n", '2021: {{värde: "{}"}}\n'),
    "budget table cell": (HSN, "värden: [6319, ", "värden: [{}, "),
    "budget table cell as text": (HSN, "värden: [6319, ", 'värden: ["{}", '),
    "band": (VN_REGISTER, "    riktning: högre\n", "    riktning: intervall\n    intervall: {{från: {}, till: 1}}\n"),
    "key": (HSN, "2021: 75\n", "? {}\n                        : 75\n"),  # (an explicit key: any length)
}
TEXT_PLACES = {name for name, (_, _, new) in NUMBER_PLACES.items() if '"{}"' in new}
PLAIN = ["9" * 16, "-" + "9" * 16, "1" + "0" * 400, "9" * 4301, "1" * 10 + "." + "1" * 6,
         "0." + "0" * 15 + "1", "123456789012345.6"]
SWEDISH = ["1 000 000 000 000 000", "9" * 4301, "12 345 678 901 234,56", "-0," + "0" * 15 + "1",
           "1" + "\u00a0000" * 120]
AT_THE_BOUND = {"plain": ["999999999999999", "-99999999999999.9", "0.00000000000001"],
                "swedish": ["999 999 999 999 999", "-9\u202f999,99999999999", "0,00000000000001"]}
# Forms that are no figure to the reader: read as text, or refused where a figure is needed.
OTHER_FORMS = ["1e400", "1E-400", "-1.5e+3", "Infinity", "-Infinity", "NaN", "sNaN", ".inf",
               "-.inf", ".nan", "-0", "-0.0", "+0", "0x1F", "1_000", "٣", "１２", "1e15"]


def _number_cases():
    for place in NUMBER_PLACES:
        over = SWEDISH if place in TEXT_PLACES else PLAIN
        for value in over:
            yield pytest.param(place, value, "over", id=f"{place}-over-{len(value)}-{value[:8]}")
        if place not in ("key", "band"):
            for value in AT_THE_BOUND["swedish" if place in TEXT_PLACES else "plain"]:
                yield pytest.param(place, value, "at", id=f"{place}-at-{value}")
        for value in OTHER_FORMS:
            yield pytest.param(place, value, "other", id=f"{place}-other-{value}")


def _digits(value: str) -> int:
    whole, _, fraction = re.sub(r"[^\d.,]", "", value).replace(",", ".").partition(".")
    return len(whole.lstrip("0")) + len(fraction)


@pytest.mark.parametrize("place, value, kind", list(_number_cases()))
def test_a_figure_of_any_form_is_read_or_refused_with_its_file_and_line(project, place, value, kind):
    file, old, new = NUMBER_PLACES[place]
    line = edit(project, file, old, new.format(value))
    if place == "band":
        line += 1
    result = validate(project)
    if kind == "over":
        assert_refused(result, (file, line), saying=f"talet har {_digits(value)} siffror")
        assert "högst 15 siffror" in result.stderr
    elif kind == "at":
        assert result.returncode == 0, result.stdout + result.stderr
    else:
        assert_read_or_refused_where_written(result, file, line)


@pytest.mark.parametrize("outcomes", [("999999999999999.9", "999999999999999.8"), ("1" + "0" * 400, "1")],
                         ids=["apart-below-float-precision", "beyond-float-range"])
def test_figures_that_broke_the_chart_stop_the_build_with_a_message(project, tmp_path, outcomes):
    """Two outcomes that differ below a float's precision near 10^15 made the chart's scale
    loop forever, and 10^400 overflowed; both are refused before any chart is drawn."""
    line = edit(project, HSN, "2021: 75\n                        2022: 73",
                f"2021: {outcomes[0]}\n                        2022: {outcomes[1]}")
    assert_build_refused(project, tmp_path / "site", HSN, line, "siffror")


# --- 2. characters no plan text needs -----------------------------------------------------

# A few of each class, as written in the file and as an escape in double quotes.
REFUSED = {
    "C0 control": ["\x01", "\x08", "\x0b", "\x1b", "\x1f"],
    "DEL": ["\x7f"],
    "C1 control": ["\x80", "\x9b", "\x9f"],
    "hidden line break": ["\x85", "\u2028", "\u2029"],
    "bidirectional": ["\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069", "\u200e",
                      "\u200f", "\u061c"],
    "invisible format": ["\u200b", "\u200c", "\u200d", "\u2060", "\u2063", "\ufeff", "\u180e",
                         "\U000e0001", "\U000e0041"],
    "noncharacter": ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff"],
}
ESCAPED_ONLY = {"lone surrogate": ["\ud800", "\udbff", "\udc00", "\udfff"],
                "carriage return": ["\r"]}


def _escape(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else (
        f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")


def _character_cases():
    for kind, chars in REFUSED.items():
        for char in chars:
            yield pytest.param(char, False, id=f"{kind}-U+{ord(char):04X}-as-written")
            yield pytest.param(char, True, id=f"{kind}-U+{ord(char):04X}-escaped")
    for kind, chars in ESCAPED_ONLY.items():
        for char in chars:
            yield pytest.param(char, True, id=f"{kind}-U+{ord(char):04X}-escaped")


# Swedish text needs these; they stand before the refused character in each text, so that
# the message's column shows they are kept.
KEPT = "a\u00adb\u00a0c\u202fd\u2013e\u2019f\u2265😀 "


@pytest.mark.parametrize("char, escaped", list(_character_cases()))
def test_a_character_no_plan_text_needs_is_refused_in_every_kind_of_file_and_field(project, char, escaped):
    written = _escape(char) if escaped else char
    text = f"{KEPT}{written}x"
    places = [
        (HSN, "titel: Reviderad verksamhetsplan 2024–2026", f'titel: "{text}"'),  # a title
        (RS, '2025: "Ja"', f'2025: "{text}"'),  # an indicator cell
        (VN_REGISTER, "    riktning: högre", f'    "{text}": högre'),  # a key
        (MINUTES, "tjänsteställe: Regionledningsförvaltningen", f'tjänsteställe: "{text}"'),  # minutes
        (VB_REGION, "namn: Region Västerbotten", f'namn: "{text}"'),  # a region's name
    ]
    lines = [(file, edit(project, file, old, new)) for file, old, new in places]
    result = validate(project)
    for block in assert_refused(result, *lines, saying=f"U+{ord(char):04X}"):
        if not escaped:
            column = int(re.search(r"kolumn (\d+)", block)[1])
            assert column > len(KEPT), block  # at the refused character, not at a kept one


def test_every_format_control_and_noncharacter_but_the_soft_hyphen_is_refused():
    """The classes come from Unicode's own categories, not from a list someone remembered."""
    import unicodedata

    from macros.loading.characters import IN_TEXT

    missed = [f"U+{code:04X}" for code in range(0x110000)
              if (unicodedata.category(chr(code)) in ("Cc", "Cf", "Cs", "Zl", "Zp")
                  or code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF)
              and chr(code) not in "\t\n\u00ad" and not IN_TEXT.match(chr(code))]
    assert not missed, missed


def test_a_windows_file_with_carriage_returns_is_still_read(project):
    path = project / HSN
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    line = edit(project, MINUTES, "tjänsteställe: Regionledningsförvaltningen", 'tjänsteställe: "a\\rb"')
    assert_refused(validate(project), (MINUTES, line), saying="U+000D")


@pytest.mark.parametrize("text", ["a\x01b", "a\\x01b", "a\\ud800b", "a\u202eb"],
                         ids=["control", "escaped-control", "escaped-surrogate", "bidi-override"])
def test_a_refused_character_stops_the_build_with_its_message(project, tmp_path, text):
    """Once: ill-formed katalog.rdf, a traceback, a reversed name in navigation and search."""
    line = edit(project, HSN, "titel: Reviderad verksamhetsplan 2024–2026", f'titel: "{text}"')
    assert_build_refused(project, tmp_path / "site", HSN, line, "U+")


# --- 3. a message cannot start a line of the CI log ----------------------------------------

INJECTIONS = ['"föreslagen\\n::error file=x.yml::forged"', '"föreslagen\\n\\n::warning::forged"',
              '"föreslagen\\t\\n::set-output name=x::forged"',
              "|\n  föreslagen\n  ::error::forged", '"föreslagen\\r\\n::error::forged"',
              '"föreslagen\\e[2K\\r::error::forged"', '"föreslagen\\v::error::forged"']


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("where", ["value", "key"])
def test_a_value_shown_in_a_message_stays_on_its_line(project, value, where):
    if where == "value":
        line = edit(project, HSN, "status: föreslagen", f"status: {value}")
    else:
        key = value.replace("|\n  ", '"').replace("\n  ", "\\n") + ('"' if value.startswith("|") else "")
        line = edit(project, HSN, "status: föreslagen", f"status: föreslagen\n{key}: x") + 1
    result = validate(project)
    assert_refused(result, (HSN, line))
    for output_line in result.stderr.splitlines():
        assert not output_line.lstrip().startswith("::"), result.stderr
        assert re.match(r"(Data i data/|data/\S+, rad \d+|  (plats|hittade|förväntade|menade)|$)",
                        output_line), result.stderr


def test_a_long_value_is_shown_shortened(project):
    """A key of thousands of characters is named in its message by its beginning."""
    key = "okänd" * 1000
    line = edit(project, HSN, "status: föreslagen", f"status: föreslagen\n? {key}\n: x") + 1
    result = validate(project)
    (block,) = assert_refused(result, (HSN, line), saying="okänd nyckel")
    assert all(len(part) < 400 for part in block.splitlines()), block


# --- 4. addresses ----------------------------------------------------------------------------

# (address as written, what the message proposes instead, or None)
ADDRESSES = [
    ("https://www.regionvasterbotten.se/a{b}.pdf", "https://www.regionvasterbotten.se/a%7Bb%7D.pdf"),
    ("https://www.regionvasterbotten.se/a|b.pdf", "https://www.regionvasterbotten.se/a%7Cb.pdf"),
    ("https://www.regionvasterbotten.se/a^b.pdf", "https://www.regionvasterbotten.se/a%5Eb.pdf"),
    ("https://www.regionvasterbotten.se/a`b.pdf", "https://www.regionvasterbotten.se/a%60b.pdf"),
    ("https://www.regionvasterbotten.se\\dok\\a.pdf", "https://www.regionvasterbotten.se/dok/a.pdf"),
    ("https://www.regionvasterbotten.se/nämndplan 2023.pdf",
     "https://www.regionvasterbotten.se/n%C3%A4mndplan%202023.pdf"),
    ("https://www.regionvasterbotten.se/<a>.pdf", "https://www.regionvasterbotten.se/%3Ca%3E.pdf"),
    ('https://www.regionvasterbotten.se/"a".pdf', "https://www.regionvasterbotten.se/%22a%22.pdf"),
    ("https://www.regionvasterbotten.se/100%.pdf", "https://www.regionvasterbotten.se/100%25.pdf"),
    ("www.regionvasterbotten.se/a.pdf", "https://www.regionvasterbotten.se/a.pdf"),
    ("https://user:secret@www.regionvasterbotten.se/a.pdf", "https://www.regionvasterbotten.se/a.pdf"),
    ("http://[x", None), ("http://[::1", None), ("https://www.regionvasterbotten.se:99999/a.pdf", None),
    ("https://www.regionvasterbotten.se:port/a.pdf", None), ("ftp://www.regionvasterbotten.se/a.pdf", None),
    ("javascript:alert(1)", None), ("https://", None), ("https:///a.pdf", None),
    ("https://-x-.se/a.pdf", None), ("https://" + "a" * 2100 + ".se/", None),
]


@pytest.mark.parametrize("address, corrected", ADDRESSES, ids=[a[:40] for a, _ in ADDRESSES])
@pytest.mark.parametrize("field", ["original.url", "geografi"])
def test_an_address_outside_rfc_3986_is_refused_with_the_corrected_form(project, field, address, corrected):
    quoted = "'" + address.replace("'", "''") + "'"
    if field == "original.url":
        file, line = VB_RS, edit(project, VB_RS, '  diarienummer: "39-2022"\n',
                                 f'  diarienummer: "39-2022"\n  url: {quoted}\n') + 1
    else:
        file, line = VB_REGION, edit(project, VB_REGION, "  - http://data.europa.eu/nuts/code/SE331",
                                     f"  - {quoted}")
    (block,) = assert_refused(validate(project), (file, line), saying="ingen giltig webbadress")
    if corrected:
        assert f"förväntade: {corrected}" in block


def test_an_address_that_failed_the_catalogue_stops_the_build_with_a_message(project, tmp_path):
    line = edit(project, VB_RS, '  diarienummer: "39-2022"\n',
                "  diarienummer: \"39-2022\"\n  url: 'https://www.regionvasterbotten.se/a{b}|c.pdf'\n") + 1
    assert_build_refused(project, tmp_path / "site", VB_RS, line, "ingen giltig webbadress")


# --- 5. slow patterns and sizes ------------------------------------------------------------

SLOW_CELLS = {  # each just under the limit of a text's length
    "spaces before a word": " " * 19_990 + "x",
    "a figure, spaces, a unit, spaces, a digit": "1" + " " * 19_980 + "kr 1",
    "digit groups that never end right": "1 000" * 3_990 + "x",
}


@pytest.mark.parametrize("cell", SLOW_CELLS.values(), ids=SLOW_CELLS.keys())
def test_a_long_cell_is_read_in_linear_time(project, cell):
    """Sixteen cells of 20 000 characters: seconds each to a quadratic pattern."""
    first = None
    for values in ("[6319, 6635, 6859, 6959]", "[-628, -600, -449, -273]", "[0, 151, 176, 273]",
                   "[-628, -449, -273, 0]"):
        line = edit(project, HSN, f"värden: {values}", "värden: [" + ", ".join([f'"{cell}"'] * 4) + "]")
        first = first or line
    result = validate(project)  # (the timeout is the test)
    assert_refused(result, *[(HSN, line) for line in range(first, first + 8, 2) for _ in range(4)],
                   saying="är inget tal")


# --- 6. YAML tags and directives --------------------------------------------------------------

TAGGED = ["!!Viktigt!! Nämndplan", "!!str Nämndplan", "!<tag:yaml.org,2002:str> Nämndplan",
          "! Nämndplan", "!Viktigt Nämndplan", "!!binary TsOkbW5kcGxhbg==", "!!python/name:os.system",
          "!!int 2024", "!e!x Nämndplan"]


@pytest.mark.parametrize("value", TAGGED)
def test_every_explicit_tag_is_refused_and_the_text_is_to_be_quoted(project, value):
    line = edit(project, HSN, "titel: Reviderad verksamhetsplan 2024–2026", f"titel: {value}")
    assert_refused(validate(project), (HSN, line), saying='sätt texten inom "…"')


@pytest.mark.parametrize("directive", ["%YAML 1.1", "%YAML 1.2", "%TAG ! tag:example.com,2000:",
                                       "%TAG !e! tag:example.com,2000:", "%FOO bar"])
def test_every_directive_is_refused(project, directive):
    edit(project, HSN, "# yaml-language-server", f"{directive}\n---\n# yaml-language-server")
    assert_refused(validate(project), (HSN, 1), saying="YAML-direktiv")


# --- 7. keys that mean the same ---------------------------------------------------------------

DUPLICATES = {
    "a quoted year after the year": "2021: 75\n                        \"2021\": 73\n",
    "the year after a quoted year": "\"2021\": 75\n                        2021: 73\n",
    "a year with a plus sign": "2021: 75\n                        +2021: 73\n",
    "a quoted year with a space": "2021: 75\n                        \" 2021\": 73\n",
    "in one line": "{\"2021\": 75, 2021: 73, 2022: 73}\n",
}


@pytest.mark.parametrize("written", DUPLICATES.values(), ids=DUPLICATES.keys())
def test_a_key_written_twice_in_two_forms_is_reported(project, written):
    if written.startswith("{"):
        line = edit(project, HSN, "utfall:\n                        2021: 75\n                        2022: 73\n",
                    f"utfall: {written}")
    else:
        line = edit(project, HSN, "2021: 75\n", written) + 1
    assert_refused(validate(project), (HSN, line), saying="två gånger")
