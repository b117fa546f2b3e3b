"""Shared fixtures: the real site, built once per test run from the real data."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def norm(text: str) -> str:
    """Text as a reader sees it: one space for any run of (no-break) spaces, ASCII minus."""
    text = text.replace("\u2212", "-")
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True)


class Site:
    def __init__(self, directory: Path):
        self.directory = directory
        self._pages: dict[str, BeautifulSoup] = {}

    def path(self, url: str) -> Path:
        url = url.split("#")[0].strip("/")
        return self.directory / url / "index.html" if url else self.directory / "index.html"

    def page(self, url: str) -> BeautifulSoup:
        if url not in self._pages:
            path = self.path(url)
            assert path.is_file(), f"no page at {url}"
            self._pages[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return self._pages[url]

    def content(self, url: str):
        """The article of a page, without navigation, header or footer."""
        return self.page(url).select_one("article.md-content__inner")

    def text(self, url: str) -> str:
        return norm(self.content(url).get_text(" "))

    def element(self, url: str, anchor: str):
        found = self.page(url).find(id=anchor)
        assert found is not None, f"no element #{anchor} on {url}"
        return found

    def row_element(self, url: str, anchor: str):
        """The table row (<tr>) that holds #anchor; row anchors sit on the row's header cell."""
        element = self.element(url, anchor)
        return element if element.name == "tr" else element.find_parent("tr")

    def row(self, url: str, anchor: str) -> dict[str, str]:
        """The cells of the table row holding #anchor, keyed by column heading.

        Merged cells (rowspan) are expanded so that every row has every column,
        as a reader of the table sees it.
        """
        row = self.row_element(url, anchor)
        grid, headers = table_grid(row.find_parent("table"))
        rows = row.find_parent("table").select("tbody > tr")
        cells = grid[rows.index(row)]
        return dict(zip(headers, cells))


def table_grid(table) -> tuple[list[list[str]], list[str]]:
    headers = [norm(th.get_text(" ")) for th in table.select("thead tr")[0].find_all(["th", "td"])]
    grid: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column → (text, rows left)
    for tr in table.select("tbody > tr"):
        row: list[str] = []
        cells = iter(tr.find_all(["th", "td"], recursive=False))
        column = 0
        while column < len(headers):
            if column in pending:
                text, left = pending[column]
                row.append(text)
                if left == 1:
                    del pending[column]
                else:
                    pending[column] = (text, left - 1)
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text = cell_text(cell)
            span = int(cell.get("rowspan", 1))
            if span > 1:
                pending[column] = (text, span - 1)
            row.append(text)
            column += 1
        grid.append(row)
    return grid, headers


def cell_text(cell) -> str:
    """A cell's text as the source has it: without permalink and screen-reader-only helpers,
    and without the charts and target statuses the site adds."""
    clone = BeautifulSoup(str(cell), "html.parser")
    for helper in clone.select(".op-permalink, .op-sr-only, .op-chart, .op-judgement"):
        helper.decompose()
    return norm(clone.get_text(" "))


@pytest.fixture(scope="session", autouse=True)
def cache_home(tmp_path_factory) -> Path:
    """The validation cache of this test run (every build and `validate` it starts), outside
    every project as always, and not in the user's own ~/.cache."""
    home = tmp_path_factory.mktemp("cache-home")
    saved = {name: os.environ.pop(name, None) for name in ("XDG_CACHE_HOME", "OPPNA_CACHE_DIR")}
    os.environ["XDG_CACHE_HOME"] = str(home)
    yield home
    for name, value in saved.items():
        os.environ.pop(name, None)
        if value is not None:
            os.environ[name] = value


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    directory = tmp_path_factory.mktemp("site")
    result = build(ROOT, directory)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(directory)


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project (docs, data, macros, overrides, mkdocs.yml) to modify and build."""
    import shutil

    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("docs", "data", "macros", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


# --- a real browser on the built site ---------------------------------------------

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.directory))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()
