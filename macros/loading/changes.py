"""The history of data/ from git, read once per build; git is never required.

A commit message, a commit date and a file name all come with a pull request, so none of
them may shape what is read. One `git log` gives the structure: each commit's hash and
committer timestamp (fields git writes itself) and the files it changed, NUL-terminated.
A second gives the subjects, keyed by the hashes already known; a subject is only ever the
text of its own commit.

Which date a change has: the day it reached the published branch. So only the first-parent
line of HEAD is walked, a merge counting as one change of every file it brought (diffed
against its first parent); the commits of a merged branch, and their dates, are never read.
A date before git existed or after the build's own clock is not shown, and a date later
than a newer change's is limited to it (dates never go backwards).

The first commits are the "Ändringar" page; the first commit that names a file is its last
change. Without git, outside a repository, in a shallow clone (whose oldest commit would
claim every file) or on any error, the history is empty and pages fall back to the data's
own `ändrad` date. A file with changes not yet committed (or never committed) gets no date
from the history either, since its last commit does not describe what is being published.
"""

from __future__ import annotations

import logging
import re
import subprocess
import time
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from ..model import Change, ChangeLog

log = logging.getLogger("mkdocs.plugins.oppna_planer")

_TIMEOUT = 30
GIT_RELEASED = 1112832000  # 2005-04-07T00:00:00Z: no commit is older than git itself
CLOCK_SLACK = 86400  # a day: a commit made "tomorrow" in some time zone is not from the future
_SUBJECT_LENGTH = 300  # characters shown of a subject; a subject is a line, not a text
# "<hash> <timestamp>": SHA-1 or SHA-256 hash, and a number of at most 20 digits.
_HEADER = re.compile(r"([0-9a-f]{40}|[0-9a-f]{64}) (-?[0-9]{1,20})")
# Directional formatting: an override or isolate reverses or hides the text around it.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Commit(NamedTuple):
    hash: str
    timestamp: int
    files: tuple[str, ...]  # as git names them, relative to the repository


def _git(project: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(project), *args], capture_output=True, timeout=_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    # Decoded here, not in text mode: that would turn a "\r" in a file name into "\n".
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def read_changes(project: Path, folder: str = "data", now: float | None = None) -> ChangeLog:
    """Changes of the YAML files under `folder` (relative to `project`) along the published
    branch, newest first, and each file's first and last change. Empty when there is no
    usable repository. `now` is the build's clock (seconds since 1970)."""
    project = Path(project)
    shallow = _git(project, "rev-parse", "--is-shallow-repository")
    if shallow != "false\n":
        if shallow == "true\n":
            # Information, not a warning: `strict` would turn a warning into a failed build,
            # and a shallow clone (GitHub Actions' default) must still build.
            log.info("Ändringsdatum visas inte: git-historiken är inte fullständig (grund klon). "
                     "Hämta hela historiken, till exempel med fetch-depth: 0")
        return ChangeLog()
    # Only the data files themselves: a change to data/README.md or a schema publishes nothing.
    # (In a pathspec, * also matches /, so this is every YAML file under the folder.)
    data_files = ("--", f"{folder}/*.yml", f"{folder}/*.yaml")
    walk = ("log", "--first-parent", "--no-renames", "-z")
    # A merge counts as the change of every file it brings: diffed against its first parent.
    structure = _git(project, *walk, "--diff-merges=first-parent", "--name-only", "--format=%H %ct", *data_files)
    if structure is None:
        log.info("Ändringsdatum visas inte: git log misslyckades (historiken saknar commits, "
                 "eller git är äldre än 2.31).")
        return ChangeLog()
    root = _git(project, "rev-parse", "--show-prefix")  # the project's place in the repository
    prefix = (root or "").rstrip("\n")
    commits = parse_structure(structure, prefix + folder + "/")
    # No diff at all here: a patch would carry the files' own text.
    subjects = parse_subjects(_git(project, *walk, "--no-patch", "--format=%H %s", *data_files) or "",
                              {c.hash for c in commits})
    dates = commit_dates(commits, time.time() if now is None else now)
    changes: list[Change] = []
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    for commit in commits:
        files = tuple(_relative(name, prefix) for name in commit.files)
        changes.append(Change(dates[commit.hash], subjects.get(commit.hash, ""), files))
        for name in files:
            last.setdefault(name, dates[commit.hash])
            first[name] = dates[commit.hash]  # newest first: the last one seen is the first commit
    for name in _uncommitted(project, data_files, prefix):
        last.pop(name, None)
    return ChangeLog(changes, last, first)


def parse_structure(output: str, under: str) -> list[Commit]:
    """`git log -z --format='%H %ct' --name-only` → commits, newest first. Each commit is
    "<hash> <timestamp>" NUL, then its files, each NUL-terminated (the first after a newline).
    Only git writes a header; a file name always begins with `under` (the data folder as the
    repository names it), so nothing else is taken for either."""
    commits: list[Commit] = []
    current: tuple[str, int, list[str]] | None = None
    after_header = False
    for token in output.split("\x00"):
        if after_header and token.startswith("\n"):
            token = token[1:]
        header = _HEADER.fullmatch(token)
        after_header = header is not None
        if header:
            if current:
                commits.append(Commit(current[0], current[1], tuple(current[2])))
            current = (header[1], int(header[2]), [])
        elif current and token.startswith(under):
            current[2].append(token)
    if current:
        commits.append(Commit(current[0], current[1], tuple(current[2])))
    return commits


def parse_subjects(output: str, known: set[str]) -> dict[str, str]:
    """`git log -z --format='%H %s'` → hash → subject as shown. A record that is not
    "<known hash> <subject>", or a hash given twice, gives no subject."""
    subjects: dict[str, str] = {}
    seen: set[str] = set()
    for record in output.split("\x00"):
        commit, space, subject = record.lstrip("\n").partition(" ")
        if not space or commit not in known:
            continue
        if commit in seen:
            subjects.pop(commit, None)
            continue
        seen.add(commit)
        subjects[commit] = plain_subject(subject)
    return subjects


def plain_subject(text: str) -> str:
    """A commit subject as one line of plain text: control characters (C0, DEL, C1, line and
    paragraph separators) and directional overrides become a space, runs of space one."""
    kept = "".join(" " if c in _BIDI or unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                   for c in text)
    line = " ".join(kept.split())
    return line if len(line) <= _SUBJECT_LENGTH else line[:_SUBJECT_LENGTH - 1].rstrip() + "…"


def commit_dates(commits: list[Commit], now: float) -> dict[str, str]:
    """Hash → "YYYY-MM-DD" (UTC) for commits along one line, newest first, or "" for a date
    no commit can have: before git's first release or after `now` (with a day's slack). A
    date later than a newer commit's is limited to it."""
    dates: dict[str, str] = {}
    ceiling = now + CLOCK_SLACK
    for commit in commits:
        if not GIT_RELEASED <= commit.timestamp <= now + CLOCK_SLACK:
            when = "före git fanns (7 april 2005)" if commit.timestamp < GIT_RELEASED else "efter byggets klocka"
            log.info("Ändringsdatum från commit %s visas inte: dess datum ligger %s.", commit.hash, when)
            dates[commit.hash] = ""
            continue
        ceiling = min(ceiling, commit.timestamp)
        dates[commit.hash] = datetime.fromtimestamp(ceiling, timezone.utc).date().isoformat()
    return dates


def _uncommitted(project: Path, data_files: tuple[str, ...], prefix: str) -> set[str]:
    """Data files that differ from HEAD or are not committed, relative to the project."""
    dirty = _git(project, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all",
                 *data_files) or ""
    # Each entry is "XY path", NUL-terminated, the path unquoted and relative to the repository.
    return {_relative(entry[3:], prefix) for entry in dirty.split("\x00") if len(entry) > 3}


def _relative(path: str, prefix: str) -> str:
    """A path from git (relative to the repository) as relative to the project."""
    return path[len(prefix):] if prefix and path.startswith(prefix) else path
