"""Benchmark: how long a full `mkdocs build --strict` takes and what it produces.

Run: .venv/bin/python tests/bench_build.py [runs]   (not part of the test suite)
Prints the median and spread of the build time over several runs, the number of
HTML pages and the size of the built site.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from conftest import ROOT, build  # noqa: E402


def main(runs: int) -> None:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        for _ in range(runs):
            started = time.perf_counter()
            result = build(ROOT, out)
            times.append(time.perf_counter() - started)
            if result.returncode != 0:
                sys.exit(result.stderr)
        pages = list(out.rglob("*.html"))
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        search = sum(p.stat().st_size for p in (out / "pagefind").rglob("*") if p.is_file())
        redirects = sum('http-equiv="refresh"' in p.read_text(encoding="utf-8") for p in pages)
        print(f"builds (with search indexing): {runs}, median {statistics.median(times):.2f} s, "
              f"min {min(times):.2f} s, max {max(times):.2f} s")
        print(f"HTML pages: {len(pages) - redirects} (+ {redirects} redirect pages), "
              f"site size: {size / 1e6:.1f} MB, search bundle: {search / 1e3:.0f} kB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
