"""The published data's change log: when each data file last changed, and the latest changes
(from the repository). Not to be confused with an indicator's history (history.py)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """One commit that changed files under data/."""

    date: str  # "2026-11-24", the day it reached the published branch, or "" (no date to trust)
    subject: str  # the commit message's first line
    files: tuple[str, ...]  # paths relative to the project, "data/planer/…/….yml"


@dataclass
class ChangeLog:
    """What the repository says; empty when the site is built without one."""

    changes: list[Change] = field(default_factory=list)  # newest first
    # data file → date of its last and of its first change; "" when that change has no date to trust
    last_changed: dict[str, str] = field(default_factory=dict)
    first_published: dict[str, str] = field(default_factory=dict)

    @property
    def newest(self) -> str:
        """The date of the newest change that has one, or ""."""
        return next((c.date for c in self.changes if c.date), "")

    @property
    def oldest(self) -> str:
        """The date of the oldest change that has one, or ""."""
        return next((c.date for c in reversed(self.changes) if c.date), "")

    def changed(self, item) -> str:
        """The date a plan's or minutes' data last changed: from the history, else the
        data's own `ändrad`, else "" (say nothing)."""
        return self.last_changed.get(item.source, "") or item.changed

    def published(self, item) -> str:
        """The date a plan's or minutes' data was first committed, or ""."""
        return self.first_published.get(item.source, "")
