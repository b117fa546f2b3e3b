"""The search index: Pagefind run over the built site, one bundle per region and one for
the site-wide pages, which the search script merges in the browser.

Pagefind holds everything a run indexes in memory until it writes the bundle: about
1.2 MB for a page of minutes, less for others (Pagefind 1.5, national corpus), so a
large region's run needs half a gigabyte. Runs go one per core only while the memory
left (the system's, or the build's cgroup limit) holds the next run besides the
running ones' remaining growth; otherwise one at a time. The build then fits in the
memory it is given, and uses both cores where there is room.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

from .. import urls

# Helpers that are not content: permalink signs, empty-cell labels for screen readers.
NOT_INDEXED = ".headerlink, .op-permalink, .op-empty"
# What a run is assumed to need per page (the measured peak for minutes, rounded up).
BYTES_PER_PAGE = 1_300_000
_POLL = 0.05  # seconds between looks at the running processes


@dataclass
class Run:
    """One Pagefind run: the pages it indexes (a glob relative to the site) into a bundle."""

    pages: str
    bundle: str
    need: int  # bytes it is assumed to need at its peak
    process: subprocess.Popen | None = None
    output: object = None
    peak: int = 0  # its peak resident memory, read while it runs

    def command(self, site: Path) -> list[str]:
        return [str(get_executable()), "--site", str(site), "--glob", self.pages, "--output-subdir",
                self.bundle, "--silent", "--exclude-selectors", NOT_INDEXED]


@dataclass
class Result:
    failure: str = ""  # what the first failing run said
    peak: int = 0  # the largest run's peak memory, in bytes
    most_at_once: int = 0  # the most runs that ran side by side


def runs_for(site: Path, regions: set[str], written: set[str], site_wide: bool) -> list[Run]:
    """The runs that index the regions `written` (each into pagefind/<region>/, removed first,
    since Pagefind leaves old chunks) and, with `site_wide`, the pages outside every
    region's folder (into pagefind/)."""
    runs = []
    if site_wide:
        folders = sorted(p.name for p in site.iterdir() if p.is_dir() and p.name not in regions)
        pages = sum(_html_files(site / folder) for folder in folders) + _html_files(site, deep=False)
        runs.append(Run(_outside(folders), urls.SEARCH_DIR, pages * BYTES_PER_PAGE))
    for region in sorted(written):
        shutil.rmtree(site / urls.SEARCH_DIR / region, ignore_errors=True)
        runs.append(Run(f"{region}/**/*.html", f"{urls.SEARCH_DIR}/{region}", _html_files(site / region) * BYTES_PER_PAGE))
    return runs


def run(site: Path, runs: list[Run], processes: int) -> Result:
    """Run them, the largest first, at most `processes` at a time and only as many as the
    free memory holds (always at least one)."""
    result = Result()
    waiting = sorted(runs, key=lambda r: r.need, reverse=True)
    running: list[Run] = []
    with contextlib.ExitStack() as outputs:
        while waiting or running:
            while waiting and len(running) < processes and (not running or _room(running) >= waiting[0].need):
                started = waiting.pop(0)
                started.output = outputs.enter_context(tempfile.TemporaryFile("w+"))
                started.process = subprocess.Popen(started.command(site), stdout=started.output,
                                                   stderr=subprocess.STDOUT, text=True)
                running.append(started)
                result.most_at_once = max(result.most_at_once, len(running))
            time.sleep(_POLL)
            for each in list(running):
                each.peak = max(each.peak, process_memory(each.process.pid, "VmHWM"))
                if each.process.poll() is None:
                    continue
                running.remove(each)
                result.peak = max(result.peak, each.peak)
                if each.process.returncode != 0 and not result.failure:
                    each.output.seek(0)
                    result.failure = each.output.read() or f"Pagefind avslutades med kod {each.process.returncode}"
    return result


def _room(running: list[Run]) -> int:
    """Bytes free for another run: what is free now less what the running ones may still grow by."""
    growth = sum(max(0, r.need - process_memory(r.process.pid)) for r in running)
    return free_memory() - growth


def free_memory() -> int:
    """Bytes this build can still use: the system's available memory, or less where the
    build's cgroup has a limit (its limit less the memory its processes hold)."""
    free = _proc_bytes("/proc/meminfo", "MemAvailable")
    free = 1 << 62 if free is None else free  # unknown: as if unlimited (runs go one per core)
    limited = _cgroup_room()
    return min(free, limited) if limited is not None else free


def _cgroup_room() -> int | None:
    """The limit less the memory held (anonymous memory: files' cache can be given back),
    for cgroup v2 or v1; None without a limit."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "":
            folder, limit_file, held_key = Path("/sys/fs/cgroup") / path.lstrip("/"), "memory.max", "anon"
        elif "memory" in controllers.split(","):
            folder = Path("/sys/fs/cgroup/memory") / path.lstrip("/")
            limit_file, held_key = "memory.limit_in_bytes", "total_rss"
        else:
            continue
        try:
            limit = (folder / limit_file).read_text().strip()
            stat = dict(entry.split() for entry in (folder / "memory.stat").read_text().splitlines())
        except (OSError, ValueError):
            continue
        if limit.isdigit() and int(limit) < 1 << 60:
            return int(limit) - int(stat.get(held_key, 0))
    return None


def process_memory(pid: int | str = "self", key: str = "VmRSS") -> int:
    """A process's resident memory, or with VmHWM its peak so far (which, unlike the kernel's
    figure at exit, does not start from the build's own, copied at fork), in bytes; 0
    where /proc has none."""
    return _proc_bytes(f"/proc/{pid}/status", key) or 0


def _proc_bytes(path: str, key: str) -> int | None:
    """The `key:  N kB` line of a /proc file, in bytes; None where there is none."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def _html_files(folder: Path, deep: bool = True) -> int:
    if not deep:
        return sum(1 for p in folder.glob("*.html"))
    return sum(sum(1 for name in names if name.endswith(".html")) for _, _, names in os.walk(folder))


def _outside(folders: list[str]) -> str:
    """A glob of the HTML files at the top and in `folders`. Pagefind's globs cannot exclude,
    so it names the folders, escaped (a name is the site's, not a pattern)."""
    escaped = (re.sub(r"([\\*?\[\]{}<>(),:!$])", r"\\\1", name) for name in folders)
    return "{" + ",".join(["*.html", *(f"{name}/**/*.html" for name in escaped)]) + "}"

