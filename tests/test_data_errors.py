"""Bad data stops the build with a clear Swedish message and publishes nothing.

Each case is a small, realistic mistake in a copy of the real data. The
expected messages are written out whole, so that a vaguer message fails.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build

HSN = "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
MINUTES = "data/protokoll/vasternorrland/hsu-2023-12-07.yml"
REGION = "data/regioner/vasternorrland.yml"


def edit(project: Path, relative: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in a data file; return the line number of the first change."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def validate(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=project,
                          capture_output=True, text=True)


CASES = {
    "duplicate key": (
        HSN, "titel: Reviderad verksamhetsplan 2024–2026\n",
        "titel: Reviderad verksamhetsplan 2024–2026\ntitel: Verksamhetsplan 2024\n", 1,
        "nyckeln 'titel' står två gånger i samma avsnitt (första gången på rad {line})"),
    "misspelt key": (
        HSN, "diarienummer: \"23HSN1782\"", "diarienumer: \"23HSN1782\"", 0,
        "okänd nyckel 'diarienumer'"),
    "unknown goal": (
        HSN, "mål: folkhalsa", "mål: folkhälsa", 0, "'mål' är inte ett giltigt id"),
    "unknown § in plan": (
        HSN, "paragraf: p92", "paragraf: p29", 0, "paragrafen i hsu-2023-12-07 'p29' finns inte"),
    "year outside the table": (
        HSN, "                        2021: 75\n", "                        2020: 75\n", 0,
        "tabellen har ingen kolumn för utfall 2020"),
    "unknown body": (
        MINUTES, "organ: hsu", "organ: hsutskott", 0, "organet 'hsutskott' finns inte"),
    "date that is no date": (
        MINUTES, 'datum: ["2023-12-07", "2023-12-08"]', 'datum: ["2023-12-07", "2023-13-08"]', 0,
        '"2023-13-08" är inget datum'),
    "tab in indentation": (
        REGION, "  - id: rs\n", "  - id: rs\n\t", 1, "YAML-syntaxen är felaktig"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_data_mistake_is_reported_with_file_line_and_what_was_expected(project, name):
    relative, old, new, line_offset, message = CASES[name]
    line = edit(project, relative, old, new) + line_offset
    result = validate(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{relative}, rad {line}" in result.stderr, result.stderr
    assert message.format(line=line - line_offset) in result.stderr, result.stderr


def test_a_misspelt_key_gets_a_suggestion(project):
    edit(project, HSN, "                  kolumner:", "                  kolumnr:")
    result = validate(project)
    assert "menade du 'kolumner'?" in result.stderr


def test_all_errors_of_a_run_are_reported_together(project):
    edit(project, HSN, "organ: hsn", "organ: hsnn")
    edit(project, MINUTES, "organ: hsu", "organ: hsuu")
    result = validate(project)
    assert "organet 'hsnn' finns inte" in result.stderr
    assert "organet 'hsuu' finns inte" in result.stderr
    assert "menade du 'hsn'?" in result.stderr


def test_no_becomes_text_and_dates_stay_text(project):
    # YAML 1.1 would turn `no` into false and 2023-12-07 into a date; here both stay as written.
    edit(project, MINUTES, 'tid: "kl. 09:15"', "tid: no")
    edit(project, HSN, 'diarienummer: "23HSN1782"', "diarienummer: 2023-12-07")
    assert validate(project).returncode == 0


def test_swedish_numbers_written_as_text_are_understood(project, tmp_path):
    edit(project, HSN, "                        2021: 75\n", '                        2021: "0,75"\n')
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/index.html").read_text()
    assert "0,75\u00a0%" in html


@pytest.mark.parametrize("content, message", [
    (b"", "filen är tom"),
    (b"id: hsn-verksamhetsplan-2024-2026\ntitel: \xe5r\n", "filen är inte sparad som UTF-8"),
])
def test_an_empty_or_non_utf8_file_is_reported(project, content, message):
    (project / HSN).write_bytes(content)
    result = validate(project)
    assert result.returncode == 1
    assert f"{HSN}, rad" in result.stderr and message in result.stderr


def test_a_build_with_a_data_error_fails_and_writes_nothing(project, tmp_path):
    edit(project, HSN, "organ: hsn", "organ: hsnn")
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert f"{HSN}, rad 4" in output and "organet 'hsnn' finns inte" in output
    assert not out.exists(), "a failed build must not write a site"
