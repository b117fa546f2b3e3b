"""The installer's and the editor's loop: site_url, and `mkdocs serve` watching data/."""

from __future__ import annotations

import json
import os
import re
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


def _as_built(served: str, built: str) -> str:
    """A page as `mkdocs serve` sent it, without the live-reload script it adds before </body>
    (unchanged when that is not the only difference, so that the comparison shows it)."""
    end = built.rfind("</body>")
    tail = len(built) - end
    injected = served[end:len(served) - tail]
    if end < 0 or not (injected.startswith("<script>") and injected.endswith("</script>")):
        return served
    return served[:end] + served[len(served) - tail:]


def test_a_quick_rebuild_writes_only_what_changed_and_serves_what_a_whole_build_makes(project, tmp_path):
    """`serve --dirty` after an edit renders the edited region's pages, but writes only those
    that changed; every page it then serves is the page a whole build of the edited data
    makes (the edited plan, its neighbours' navigation, the region's overview, the start
    page), after an edit in one region and then in the other. A title that looks like a
    template or like HTML stays text. Not compared: the Öppna data and Datakatalog pages,
    which list the sizes of the whole site's files, left as they were until the next whole
    build (README, Preview)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", OPPNA_TIMINGS="1")
    with log.open("w") as stderr:
        server = subprocess.Popen([*MKDOCS, "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    # (file, text, new text, a page, what it then shows, whether every page changes)
    edits = [("data/planer/vasterbotten/hsn-namndplan-2025.yml", "titel: Nämndplan 2025",
              "titel: Nämndplan 2025 {{ 6*7 }} <b>fet</b>", "vasterbotten/planer/hsn-namndplan-2025/",
              "Nämndplan 2025 {{ 6*7 }} &lt;b&gt;fet&lt;/b&gt;", False),
             ("data/protokoll/vasternorrland/hsu-2023-12-07.yml", "sammanträde 7–8 december 2023",
              "sammanträde 7–8 december 2023 (justerat)", "vasternorrland/protokoll/hsu-2023-12-07/",
              "sammanträde 7–8 december 2023 (justerat)", False),
             # Every page's navigation names the regions: the other region's pages change too.
             ("data/regioner/vasterbotten.yml", "namn: Region Västerbotten", "namn: Region Västerbotten {% raw %}",
              "vasternorrland/", "Region Västerbotten {% raw %}", True)]

    def timings() -> list[dict]:
        return [json.loads(line.split(" ", 1)[1]) for line in log.read_text(encoding="utf-8").splitlines()
                if line.startswith("OPPNA_TIMINGS ")]

    def wait_for(condition, what: str) -> None:
        deadline = time.monotonic() + 90
        while not condition():
            assert time.monotonic() < deadline, what
            time.sleep(0.3)

    # The whole builds to compare with: the same configuration, with the address serve gives.
    (project / "served.yml").write_text(f"INHERIT: mkdocs.yml\nsite_url: {base}\n", encoding="utf-8")
    try:
        wait_for(lambda: len(timings()) == 1, "mkdocs serve did not come up")
        total = timings()[0]["pages written"]
        for number, (data, old, new, page, shown, everything) in enumerate(edits, start=2):
            edit(project, data, old, new)
            wait_for(lambda: shown in _get(base + page), f"the edit of {data} never showed")
            wait_for(lambda: len(timings()) == number, "the quick rebuild did not finish")
            written = timings()[-1]["pages written"]

            whole = tmp_path / f"whole-{number}"
            built = subprocess.run([*MKDOCS, "build", "--strict", "-f", "served.yml", "--site-dir", str(whole)],
                                   cwd=project, env=env, capture_output=True, text=True)
            assert built.returncode == 0, built.stderr
            if everything:
                assert written == total
            else:  # not even every page of the edited region
                assert 0 < written < len(list((whole / page.split("/")[0]).rglob("*.html"))), written
            compared = 0
            for built in sorted(whole.rglob("*.html")):
                address = built.relative_to(whole).as_posix()
                if address in ("data/index.html", "katalog/index.html"):
                    continue
                expected = built.read_text(encoding="utf-8")
                assert _as_built(_get(base + address), expected) == expected, address
                compared += 1
            assert compared > 100
        assert "42" not in re.findall(r"Nämndplan 2025 (\S+)", _get(base + "vasterbotten/planer/rs-namndplan-2023/"))
    finally:
        server.terminate()
        server.wait(timeout=20)
