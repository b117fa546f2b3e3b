"""Benchmark: what the indicator charts cost, in build time and in page weight.

    .venv/bin/python tests/bench_charts.py [runs]

Build time: every chart of the site (the full chart of each indicator page and the
compact chart of each plan row) drawn from the model, median of several runs, against
the median of a whole build (tests/bench_build.py measures the same build). Page
weight: the bytes of the charts' SVG in the built pages, per page type.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.loading import load_corpus  # noqa: E402
from macros.rendering.pages import PageContext  # noqa: E402

SVG = re.compile(r'<svg class="op-chart-svg".*?</svg>', re.S)


def draw_all(corpus) -> int:
    context = PageContext(corpus, "index.md")
    count = 0
    for region in corpus.regions.values():
        for history in corpus.histories(region).values():
            if history.chartable():
                context.chart(history)
                count += 1
                for _plan, _row in history.rows:
                    context.chart(history, compact=True)
                    count += 1
    return count


def main(runs: int) -> None:
    corpus = load_corpus(ROOT / "data")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        charts = draw_all(corpus)
        times.append(time.perf_counter() - start)
    builds = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(max(3, runs // 2)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", out], cwd=ROOT,
                           check=True, capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
            builds.append(time.perf_counter() - start)
        weights: dict[str, list[tuple[int, int]]] = {}
        for page in Path(out).rglob("index.html"):
            html = page.read_text(encoding="utf-8")
            svg = sum(len(m.group(0).encode()) for m in SVG.finditer(html))
            kind = ("indikator" if "/indikatorer/" in page.as_posix() and page.parent.name != "indikatorer"
                    else "plan" if "/planer/" in page.as_posix() else None)
            if kind and svg:
                weights.setdefault(kind, []).append((svg, len(html.encode())))
    chart_ms, build_s = statistics.median(times) * 1000, statistics.median(builds)
    print(f"charts drawn: {charts} ({runs} runs): median {chart_ms:.0f} ms, "
          f"range {min(times) * 1000:.0f}–{max(times) * 1000:.0f} ms")
    print(f"whole build ({len(builds)} runs): median {build_s:.2f} s; charts are "
          f"{chart_ms / 10 / build_s:.1f} % of it")
    for kind, pairs in sorted(weights.items()):
        svgs = [s for s, _ in pairs]
        print(f"{kind} pages with charts: {len(pairs)}; chart SVG per page median {statistics.median(svgs) / 1000:.1f} kB "
              f"(max {max(svgs) / 1000:.1f} kB), {statistics.median([s / t for s, t in pairs]) * 100:.1f} % of the page's HTML")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
