"""The history of data/ from git, read once per build; git is never required.

One `git log` call gives every commit that touched data/ with its files, newest
first: the first commit that names a file is its last change, and the first
commits are the "Ändringar" page. Without git, outside a repository, in a shallow
clone (whose oldest commit would claim every file) or on any error, the history
is empty and pages fall back to the data's own `ändrad` date. A file with changes
not yet committed (or never committed) gets no date from the history either, since
its last commit does not describe what is being published.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from ..model import Change, ChangeLog

log = logging.getLogger("mkdocs.plugins.oppna_planer")

_SEPARATOR = "\x1e"  # record separator: starts each commit in the log output
_TIMEOUT = 30


def _git(project: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(project), *args], capture_output=True,
                                text=True, encoding="utf-8", timeout=_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def read_changes(project: Path, folder: str = "data") -> ChangeLog:
    """Commits that changed a YAML file under `folder` (relative to `project`), newest first,
    and each file's first and last change. Empty when there is no usable repository."""
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
    data_files = (f"{folder}/*.yml", f"{folder}/*.yaml")
    output = _git(project, "-c", "core.quotePath=false", "log", "--no-renames",
                  f"--format={_SEPARATOR}%cs%x00%s", "--name-only", "--", *data_files)
    if output is None:
        return ChangeLog()
    root = _git(project, "rev-parse", "--show-prefix")  # the project's place in the repository
    prefix = (root or "").strip()
    dirty = _git(project, "-c", "core.quotePath=false", "status", "--porcelain",
                 "--untracked-files=all", "--", *data_files) or ""
    # Porcelain lines are "XY path" or "XY old -> new", relative to the repository.
    uncommitted = {_relative(line[3:].split(" -> ")[-1].strip().strip('"'), prefix)
                   for line in dirty.splitlines() if len(line) > 3}
    changes: list[Change] = []
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    for record in output.split(_SEPARATOR)[1:]:
        head, _, names = record.partition("\n")
        date, _, subject = head.partition("\x00")
        files = tuple(_relative(name.strip(), prefix) for name in names.splitlines() if name.strip())
        changes.append(Change(date, subject, files))
        for name in files:
            last.setdefault(name, date)
            first[name] = date  # the log runs newest first: the last one seen is the first commit
    for name in uncommitted:
        last.pop(name, None)
    return ChangeLog(changes, last, first)


def _relative(path: str, prefix: str) -> str:
    """A path from `git log` (relative to the repository) as relative to the project."""
    return path[len(prefix):] if prefix and path.startswith(prefix) else path
