"""The installer's and the editor's loop: site_url, and `mkdocs serve` watching data/."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import MKDOCS, build
from test_data_errors import edit


def test_a_build_with_the_example_site_url_says_so_loudly_and_names_the_setting(project, tmp_path):
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr  # strict, yet it builds: the banner is INFO
    output = result.stdout + result.stderr
    assert "VARNING: site_url i mkdocs.yml är https://oppnaplaner.example/, exempeldomänen." in output
    assert "README.md" in output


def test_a_build_with_a_real_site_url_is_quiet_and_prints_that_address(project, tmp_path):
    edit(project, "mkdocs.yml", "site_url: https://oppnaplaner.example/", "site_url: https://planer.region.test/")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "site_url" not in result.stdout + result.stderr
    html = (tmp_path / "site/vasterbotten/planer/hsn-namndplan-2025/index.html").read_text(encoding="utf-8")
    assert "Permanent adress: https://planer.region.test/vasterbotten/planer/hsn-namndplan-2025/" in html
    assert '<link rel="canonical" href="https://planer.region.test/vasterbotten/planer/hsn-namndplan-2025/">' in html


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.mark.parametrize("options", [[], ["--dirty", "--no-strict"]], ids=["whole", "dirty"])
def test_mkdocs_serve_rebuilds_when_a_data_file_changes(project, options):
    """Plain `serve` rebuilds everything; `--dirty` only the edited region's pages and open
    data. Either way the edit shows on the page and in the plan's JSON, and the other
    region's pages are still there."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    url = base + "vasterbotten/planer/hsn-namndplan-2025/"
    plan_json = base + "data/vasterbotten/planer/hsn-namndplan-2025/plan.json"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([*MKDOCS, "serve", *options, "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while "Användandet av självservice" not in _get(url):
            assert time.monotonic() < deadline, "mkdocs serve did not come up"
            time.sleep(0.5)
        data = project / "data/planer/vasterbotten/hsn-namndplan-2025.yml"
        data.write_text(data.read_text(encoding="utf-8").replace(
            "namn: Användandet av självservice", "namn: Användandet av självbetjäning"), encoding="utf-8")
        deadline = time.monotonic() + 60
        while "Användandet av självbetjäning" not in _get(url):
            assert time.monotonic() < deadline, "the edit under data/ never showed: serve does not watch data/"
            time.sleep(0.5)
        assert "Användandet av självbetjäning" in _get(plan_json)
        assert "Region Västernorrland" in _get(base + "vasternorrland/")
        assert "Användandet av självservice" not in _get(plan_json)
    finally:
        server.terminate()
        server.wait(timeout=20)
