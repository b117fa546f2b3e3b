"""A commit message, a commit date or a file name from a pull request cannot break the build
or forge a fact (issue 18): git's output is read so that no message shapes it, every date is
checked, and a change has the date it reached the published branch (the first-parent line).

Repositories are made in tmp with hostile messages, dates and names; most tests read their
history directly, one builds a copy of the project with all of them and reads the pages, the
"Ändringar" page and the catalogue.
"""

from __future__ import annotations

import calendar
import logging
import os
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from conftest import Site, build, norm
from macros.loading.changes import Commit, commit_dates, parse_structure, parse_subjects, plain_subject, read_changes

A, B, C = "data/planer/r/a.yml", "data/planer/r/b.yml", "data/planer/r/c.yml"
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def at(day: str, hour: int = 12) -> int:
    """"2024-03-05" → seconds since 1970, at noon UTC."""
    year, month, date = map(int, day.split("-"))
    return calendar.timegm((year, month, date, hour, 0, 0))


NOW = at("2026-12-01")  # the build's clock in the tests that read a history directly


def git(repo: Path, *args: str, when: int | None = None, stdin: bytes | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.org", TZ="UTC")
    if when is not None:
        env.update(GIT_AUTHOR_DATE=f"@{when} +0000", GIT_COMMITTER_DATE=f"@{when} +0000")
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True,
                          input=stdin).stdout.decode("utf-8", "replace")


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str, when: int, files: dict[str, str] | None = None) -> str:
    """Commit everything (after writing `files`) with this exact message and date. A message
    with NUL, which `git commit` refuses, is written as a raw commit object."""
    write(repo, files or {})
    git(repo, "add", "-A")
    if "\x00" not in message:
        git(repo, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", message, when=when)
    else:
        tree = git(repo, "write-tree").strip()
        parent = git(repo, "rev-parse", "HEAD").strip()
        raw = (f"tree {tree}\nparent {parent}\nauthor Test <t@example.org> {when} +0000\n"
               f"committer Test <t@example.org> {when} +0000\n\n{message}\n")
        made = git(repo, "hash-object", "-t", "commit", "-w", "--literally", "--stdin", stdin=raw.encode()).strip()
        git(repo, "update-ref", "HEAD", made)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    directory = tmp_path / "repo"
    directory.mkdir()
    git(directory, "init", "-q", "-b", "main")
    return directory


def shown_plainly(subject: str) -> bool:
    return not any(c in BIDI or unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in subject)


# Each kind of character that once split git's output or hides text, in a subject that
# would forge a date, a file list, or both, if it could.
HOSTILE_SUBJECTS = {
    "record separator, date and files": f"Rättad\x1e1999-01-01\x00x\n{B}",
    "record separator, not a date": "Rättad\x1einte ett datum",
    "unit separator and a file": f"Rättad\x1f{B}",
    "NUL after a control character": f"Rättad\x1f\x00\x1e1999-01-01\x00\n{B}",
    "carriage return, date and file": f"Rättad\r1999-01-01 {B}",
    "file and group separators": f"Rättad\x1c\x1d{B}",
    "C1 and line separators": f"Rättad\x85\u2028\u2029\x9b31m",
    "bidirectional override": "Rättad \u202edla\u202c i planen \u2066x\u2069",
    "escape sequence and DEL": "Rättad \x1b[2J\x7f i planen",
    "first paragraph of two lines": f"Rättad\nfortsatt\x1e1999-01-01\x00\n{B}",
    "forged body after the subject": f"Rättad\x0b\n\n\x1e1999-01-01\x00\n{B}\n\x1e5138-01-01\x00\n{A}",
}


@pytest.mark.parametrize("message", HOSTILE_SUBJECTS.values(), ids=HOSTILE_SUBJECTS.keys())
def test_a_commit_message_changes_only_its_own_shown_text(repo, message):
    commit(repo, "Två planer", at("2024-01-10"), {A: "id: a\n", B: "id: b\n"})
    commit(repo, message, at("2024-03-05"), {A: "id: a\ntitel: x\n"})
    history = read_changes(repo, now=NOW)
    assert [(c.date, c.files) for c in history.changes] == [("2024-03-05", (A,)), ("2024-01-10", (A, B))]
    assert history.last_changed == {A: "2024-03-05", B: "2024-01-10"}
    assert history.first_published == {A: "2024-01-10", B: "2024-01-10"}
    subject = history.changes[0].subject
    assert subject.startswith("Rättad") and shown_plainly(subject), repr(subject)
    assert history.changes[1].subject == "Två planer"


# Dates no commit can have (before git existed, after the build's clock), and the bounds.
DATES = {
    "1970": (at("1970-01-01"), ""),
    "1999, before git": (at("1999-01-01"), ""),
    "the day before git's first release": (at("2005-04-06", 23), ""),
    "git's first release": (at("2005-04-07", 0), "2005-04-07"),
    "a day after the clock": (NOW + 86400, "2026-12-02"),
    "three days after the clock": (NOW + 3 * 86400, ""),
    "year 2100": (at("2100-01-01"), ""),
    "year 5138": (99999999999, ""),
}


@pytest.mark.parametrize("when, shown", DATES.values(), ids=DATES.keys())
def test_a_commit_date_no_commit_can_have_is_not_shown(repo, caplog, when, shown):
    commit(repo, "Två planer", at("2005-04-07", 0), {A: "id: a\n", B: "id: b\n"})
    hostile = commit(repo, "Ändrad", when, {A: "id: a\ntitel: x\n"})
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.oppna_planer"):
        history = read_changes(repo, now=NOW)
    assert history.changes[0].date == shown
    assert history.last_changed[A] == shown  # "": the page falls back to the data's own `ändrad`
    assert history.first_published == {A: "2005-04-07", B: "2005-04-07"}
    assert history.newest == (shown or "2005-04-07") and history.oldest == "2005-04-07"
    logged = [r.getMessage() for r in caplog.records if hostile in r.getMessage()]
    assert len(logged) == (0 if shown else 1), logged


def test_dates_never_go_backwards_along_the_published_branch(repo):
    commit(repo, "Första", at("2024-03-01"), {A: "id: a\n"})
    commit(repo, "Daterad för sent", at("2025-06-01"), {B: "id: b\n"})
    commit(repo, "Daterad för sent igen", at("2025-01-01"), {B: "id: b\nx: 1\n"})
    commit(repo, "Senaste", at("2024-05-01"), {C: "id: c\n"})
    history = read_changes(repo, now=NOW)
    assert [c.date for c in history.changes] == ["2024-05-01", "2024-05-01", "2024-05-01", "2024-03-01"]
    assert history.last_changed == {A: "2024-03-01", B: "2024-05-01", C: "2024-05-01"}


@pytest.mark.parametrize("forged", [at("1999-01-01"), at("2010-01-01"), at("2026-11-30"), 99999999999],
                         ids=["before git", "old", "newer than the merge", "year 5138"])
def test_a_merged_branch_s_files_have_the_date_of_the_merge(repo, caplog, forged):
    commit(repo, "Första", at("2024-01-10"), {A: "id: a\n"})
    git(repo, "checkout", "-q", "-b", "forslag")
    branch = [commit(repo, f"Gren\x1e{n}", forged, {name: f"id: {n}\n"}) for n, name in (("b", B), ("c", C))]
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Sammanfogat förslag", "forslag", when=at("2024-06-01"))
    commit(repo, "Sista", at("2024-07-01"), {A: "id: a\nx: 1\n"})
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.oppna_planer"):
        history = read_changes(repo, now=NOW)
    assert [(c.date, c.subject, c.files) for c in history.changes] == [
        ("2024-07-01", "Sista", (A,)), ("2024-06-01", "Sammanfogat förslag", (B, C)), ("2024-01-10", "Första", (A,))]
    assert history.last_changed == {A: "2024-07-01", B: "2024-06-01", C: "2024-06-01"}
    assert history.first_published == {A: "2024-01-10", B: "2024-06-01", C: "2024-06-01"}
    assert not any(h in r.getMessage() for h in branch for r in caplog.records), "the branch is never read"


HOSTILE_NAMES = {
    "newline": "data/planer/r/rad\nbrytning.yml",
    "carriage return": "data/planer/r/vagn\rretur.yml",
    "tab and spaces": "data/planer/r/med\ttab och mellanslag.yml",
    "quote and backslash": 'data/planer/r/"citat"\\snedstreck.yml',
    "non-ASCII and a file separator": "data/planer/r/åäö\x1cü.yml",
    "looks like a commit": "data/planer/r/\n" + "a" * 40 + " 915148800.yml",
}


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_a_file_name_is_one_file_whatever_its_characters(repo, name):
    commit(repo, "Första", at("2024-01-10"), {name: "id: x\n", A: "id: a\n"})
    commit(repo, "Andra", at("2024-03-05"), {name: "id: x\ny: 1\n"})
    history = read_changes(repo, now=NOW)
    assert [c.files for c in history.changes] == [(name,), tuple(sorted((name, A)))]
    assert history.last_changed == {name: "2024-03-05", A: "2024-01-10"}
    write(repo, {name: "id: x\ny: 2\n"})  # changed, not committed: no date from the history
    assert read_changes(repo, now=NOW).last_changed == {A: "2024-01-10"}


def test_a_project_inside_a_larger_repository_with_hostile_history(repo):
    project = repo / "webbplats"
    commit(repo, "Första", at("2024-01-10"), {f"webbplats/{A}": "id: a\n", "annat/data/planer/r/a.yml": "x: 1\n"})
    commit(repo, f"Rättad\x1e1999-01-01\x00\nwebbplats/{B}", at("2024-03-05"), {f"webbplats/{A}": "id: a\nx: 1\n"})
    history = read_changes(project, now=NOW)
    assert history.last_changed == {A: "2024-03-05"}
    assert [c.files for c in history.changes] == [(A,), (A,)]


# --- the parser on its own --------------------------------------------------------

H1, H2 = "a1" * 20, "b2" * 20


@pytest.mark.parametrize("output, commits", [
    (f"{H1} 1700000000\x00\n{A}\x00{B}\x00{H2} 1600000000\x00\n{A}\x00",
     [Commit(H1, 1700000000, (A, B)), Commit(H2, 1600000000, (A,))]),
    # a commit with no file, then one whose first file comes after the newline
    (f"{H1} 1700000000\x00\n{H2} 1600000000\x00\n{A}\x00", [Commit(H1, 1700000000, ()), Commit(H2, 1600000000, (A,))]),
    # SHA-256 hashes
    (f"{'a' * 64} 1700000000\x00\n{A}\x00", [Commit("a" * 64, 1700000000, (A,))]),
    # nothing that is not a header or a file under the data folder is taken for either
    (f"{H1} 1700000000\x00\n{A}\x00README.md\x00{H2} 17x\x00{H1.upper()} 1\x00{B}\x00",
     [Commit(H1, 1700000000, (A, B))]),
    # a timestamp git could not write (more than 20 digits) is no header
    (f"{H1} 1700000000\x00\n{A}\x00{H2} {'9' * 5000}\x00{B}\x00", [Commit(H1, 1700000000, (A, B))]),
    ("", []),
])
def test_the_structure_is_hashes_timestamps_and_files_only(output, commits):
    assert parse_structure(output, "data/") == commits


@pytest.mark.parametrize("output, subjects", [
    (f"{H1} Första\x00{H2} Andra\x00", {H1: "Första", H2: "Andra"}),
    (f"{H1} Första\x00{'3' * 40} Okänd\x00inte en post\x00", {H1: "Första"}),
    # a hash given twice (a subject that imitates another record) gives that commit no subject
    (f"{H1} Första {H2} Falsk\x00{H2} Falsk\x00{H2} Andra\x00", {H1: f"Första {H2} Falsk"}),
    (f"{H1}\x00{H2} \x00", {H2: ""}),
])
def test_subjects_are_read_by_known_hash_only(output, subjects):
    assert parse_subjects(output, {H1, H2}) == subjects


@pytest.mark.parametrize("text, shown", [
    ("Rättad\x00titel", "Rättad titel"),
    ("a\tb\r\nc\x0bd\x0ce", "a b c d e"),
    ("a\x1c\x1d\x1e\x1fb", "a b"),
    ("a\x7f\x80\x85\x9fb", "a b"),
    ("a\u2028b\u2029c", "a b c"),
    ("\u202eRättad\u202c \u2066x\u2069 \u200f\u061c", "Rättad x"),
    ("Ändrad 👩‍👩‍👧 mål", "Ändrad 👩‍👩‍👧 mål"),  # a joiner is not a control character
    ("x" * 400, "x" * 299 + "…"),
])
def test_a_subject_is_shown_as_plain_text(text, shown):
    assert plain_subject(text) == shown


def test_dates_are_checked_and_limited_along_the_line():
    commits = [Commit(H1, 99999999999, ()), Commit(H2, at("2025-06-01"), ()),
               Commit("3" * 40, at("1999-01-01"), ()), Commit("4" * 40, at("2025-06-02"), ()),
               Commit("5" * 40, at("2024-01-10"), ())]
    assert commit_dates(commits, at("2025-06-01")) == {
        H1: "", H2: "2025-06-01", "3" * 40: "", "4" * 40: "2025-06-01", "5" * 40: "2024-01-10"}


# --- a real build with all of it ------------------------------------------------------

HSN_FILE = "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
RS_FILE = "data/planer/vasternorrland/rs-verksamhetsplan-2025-2027.yml"
HSU_FILE = "data/protokoll/vasternorrland/hsu-2023-12-07.yml"
PAGES = {HSN_FILE: "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/",
         RS_FILE: "/vasternorrland/planer/rs-verksamhetsplan-2025-2027/",
         HSU_FILE: "/vasternorrland/protokoll/hsu-2023-12-07/"}


def touch(project: Path, name: str, note: str) -> dict[str, str]:
    """The file with a YAML comment added: the same data, a new version of the file."""
    return {name: (project / name).read_text(encoding="utf-8") + f"# {note}\n"}


def test_a_site_built_from_a_hostile_history_shows_no_forged_date(project, tmp_path):
    git(project, "init", "-q", "-b", "main")
    commit(project, "Första publiceringen", at("2024-01-10"))
    commit(project, f"Rättad\x1e1999-01-01\x00x\n{RS_FILE}\n{HSU_FILE}", at("2024-02-10"), touch(project, HSN_FILE, "1"))
    commit(project, "Rättad\x1einte ett datum \u202eslaF", at("2024-02-11"), touch(project, HSN_FILE, "2"))
    commit(project, "Från framtiden\r5138-01-01", 99999999999, touch(project, RS_FILE, "1"))
    git(project, "checkout", "-q", "-b", "forslag")
    commit(project, "Gren från 1999", at("1999-01-01"), touch(project, HSU_FILE, "1"))
    commit(project, "Gren från i morgon\x1f2026-12-31", at("2026-11-30"), touch(project, HSU_FILE, "2"))
    git(project, "checkout", "-q", "main")
    git(project, "merge", "-q", "--no-ff", "-m", "Sammanfogat förslag", "forslag", when=at("2024-03-01"))

    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    site = Site(site_dir)

    def last_changed(page: str) -> str | None:
        found = [dt.find_next_sibling("dd") for dt in site.content(page).select("dl.op-facts dt")
                 if norm(dt.get_text()) == "Senast ändrad"]
        return found[0].select_one("time")["datetime"] if found else None

    assert last_changed(PAGES[HSN_FILE]) == "2024-02-11"
    assert last_changed(PAGES[RS_FILE]) is None, "year 5138 is not shown, and the file has no `ändrad`"
    assert last_changed(PAGES[HSU_FILE]) == "2024-03-01", "a merged branch's files: the merge's date"

    changes = site.content("/andringar/")
    rows = [[norm(td.get_text(" ")) for td in tr.find_all("td")] for tr in changes.select("table.op-changes tbody tr")]
    assert [(row[0], row[1].split(" ")[0]) for row in rows] == [
        ("2024-03-01", "Sammanfogat"), ("", "Från"), ("2024-02-11", "Rättad"), ("2024-02-10", "Rättad"),
        ("2024-01-10", "Första")]
    assert {t["datetime"] for t in changes.select("time")} == {"2024-01-10", "2024-02-10", "2024-02-11", "2024-03-01"}
    assert all(shown_plainly(row[1]) for row in rows), rows
    assert "Gren" not in changes.get_text(), "a merged branch's own commits are not listed"

    catalogue = (site_dir / "katalog" / "katalog.ttl").read_text(encoding="utf-8")
    dates = set(re.findall(r'dcterms:(?:modified|issued) "([^"]*)"', catalogue))
    assert dates and dates <= {"2024-01-10", "2024-02-11", "2024-03-01"}, dates
