"""Benchmark: bytes a visitor's first search transfers, now and with every region of Sweden.

Run: .venv/bin/python tests/bench_search.py [regions]   (not part of the test suite)

Builds the real site, and a site where the real data is copied under `regions`
region ids (21 by default: every Swedish region) with every plan and minutes,
then opens the start page in Chromium, types a query and sums the bytes of all
responses the query caused (Pagefind's script, WebAssembly, metadata, index
chunks and result fragments). Prints the median over several queries.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from conftest import CHROMIUM_ARGS, ROOT, build  # noqa: E402

QUERIES = ["tandvården", "kariesfr", "självskattad hälsa", "hyrberoende", "kompetensförsörjning"]


def copy_project(target: Path, regions: int) -> None:
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for number in range(regions):
        for source in sorted((ROOT / "data" / "regioner").glob("*.yml")):
            region = source.stem
            clone = f"{region}-{number}" if number else region  # keep the real ids the docs link to
            text = source.read_text(encoding="utf-8").replace(f"id: {region}\n", f"id: {clone}\n", 1)
            if number:
                text = text.replace("namn: Region ", f"namn: Region {number} ", 1)
            (target / "data/regioner").mkdir(parents=True, exist_ok=True)
            (target / "data/regioner" / f"{clone}.yml").write_text(text, encoding="utf-8")
            register = ROOT / "data" / "indikatorer" / f"{region}.yml"
            (target / "data/indikatorer").mkdir(parents=True, exist_ok=True)
            (target / "data/indikatorer" / f"{clone}.yml").write_text(
                register.read_text(encoding="utf-8").replace(f"region: {region}\n", f"region: {clone}\n", 1),
                encoding="utf-8")
            for kind in ("planer", "protokoll"):
                for item in sorted((ROOT / "data" / kind / region).glob("*.yml")):
                    folder = target / "data" / kind / clone
                    folder.mkdir(parents=True, exist_ok=True)
                    item_text = item.read_text(encoding="utf-8").replace(f"region: {region}\n", f"region: {clone}\n", 1)
                    (folder / item.name).write_text(item_text, encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def first_query_bytes(site: Path) -> tuple[list[int], int]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for query in QUERIES:
            context = browser.new_context()  # a new visitor: nothing cached
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            page.wait_for_load_state("networkidle")
            transferred = []
            page.on("requestfinished", lambda request: transferred.append(request.sizes()["responseBodySize"]))
            page.locator("#op-search-input").fill(query)
            page.wait_for_selector("#op-search-status:has-text('träff')")
            page.wait_for_load_state("networkidle")
            sizes.append(sum(transferred))
            context.close()
        browser.close()
    server.shutdown()
    pages = len(list(site.rglob("*.html")))
    return sizes, pages


def report(label: str, site: Path) -> None:
    sizes, pages = first_query_bytes(site)
    index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    print(f"{label}: {pages} pages, search bundle {index / 1e6:.1f} MB on the server; "
          f"first query transfers median {statistics.median(sizes) / 1e3:.0f} kB "
          f"(min {min(sizes) / 1e3:.0f}, max {max(sizes) / 1e3:.0f}) over {len(sizes)} queries")


def main(regions: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        result = build(ROOT, tmp / "real")
        assert result.returncode == 0, result.stderr
        report("real data", tmp / "real")
        copy_project(tmp / "large", regions)
        result = build(tmp / "large", tmp / "large-site")
        assert result.returncode == 0, result.stderr
        report(f"{regions}× each region", tmp / "large-site")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
