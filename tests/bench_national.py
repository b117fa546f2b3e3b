"""National benchmark: our build against a bare MkDocs + Material build of the same pages.

    .venv/bin/python tests/bench_national.py [--sizes 21x10x4x10,...] [--runs 3] [--keep DIR]

A size is regions x boards x years x minutes per board and year (tests/national_corpus.py
makes the corpus). For each size the benchmark makes the project, then a bare MkDocs +
Material project of the same pages (each page made from data as its rendered HTML in a
Markdown file, the hand-written pages as they are without their macros, the same
navigation with titles, Material's own search plugin in Swedish, no hooks, no macros),
and builds the two alternately, `--runs` times each, in one run. It prints per size:
median and range of the wall time of each, the ratio, pages per second, the peak RSS
of the build process, of the largest Pagefind run and of the build while Pagefind runs
(the build frees its model first), the time of each
phase of our build (OPPNA_TIMINGS, see macros/site/timing.py), and `python -m macros
validate` cold (no cache), warm (nothing changed) and after one file changed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
from national_corpus import make_project  # noqa: E402

PY = sys.executable
SERVE = False


def _run(cmd: list[str], cwd: Path, env: dict) -> tuple[float, int, str, int]:
    """Wall time, peak RSS (bytes) of the process itself, stderr, exit code."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        err.seek(0)
        return elapsed, usage.ru_maxrss * 1024, err.read(), os.waitstatus_to_exitcode(status)


def _env(**extra) -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", **extra)


def make_bare(ours: Path, bare: Path) -> int:
    """The same pages as plain Markdown pages of a bare MkDocs + Material site."""
    import yaml

    from macros.loading import load_corpus
    from macros.site import pages

    corpus = load_corpus(ours / "data")
    generated = pages.generated_pages(corpus)
    if bare.exists():
        shutil.rmtree(bare)
    docs = bare / "docs"
    titles: dict[str, str] = {}
    for source, made in generated.items():
        target = docs / source
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(str(made.render().html), encoding="utf-8")
        titles[source] = made.title
    for page in (ours / "docs").rglob("*.md"):
        target = docs / page.relative_to(ours / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", page.read_text(encoding="utf-8"), flags=re.S)
        target.write_text(text, encoding="utf-8")

    def titled(entry):
        if isinstance(entry, str):
            return {titles[entry]: entry} if entry in titles else entry
        if isinstance(entry, dict):
            return {str(k): [titled(e) for e in v] if isinstance(v, list) else titled(v)
                    for k, v in entry.items()}
        return entry

    config = yaml.safe_load((ours / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = config["nav"]
    nav = nav[:1] + [titled(e) for e in pages.navigation(corpus)] + nav[1:]
    theme = dict(config["theme"])
    theme.pop("custom_dir", None)
    bare_config = {
        "site_name": config["site_name"], "site_url": config["site_url"],
        "use_directory_urls": True, "theme": theme,
        "markdown_extensions": config["markdown_extensions"],
        "plugins": [{"search": {"lang": "sv"}}],
        "nav": json.loads(json.dumps(nav, default=str)),
    }
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(bare_config, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    return len(generated) + sum(1 for _ in (ours / "docs").rglob("*.md"))


def _fmt(times: list[float]) -> str:
    return f"{statistics.median(times):7.1f} s ({min(times):.1f}–{max(times):.1f})"


def validate_times(project: Path) -> dict[str, float]:
    cache = project.parent / "validate-cache"  # a cache of its own, outside the project as any
    if cache.exists():
        shutil.rmtree(cache)
    cmd = [PY, "-m", "macros", "validate", "data"]
    env = _env(PYTHONPATH=str(ROOT), OPPNA_CACHE_DIR=str(cache))
    result = {}
    for label in ("cold", "warm"):
        elapsed, _, err, code = _run(cmd, project, env)
        if code:
            sys.exit(err)
        result[label] = elapsed
    one = sorted((project / "data" / "planer").rglob("*.yml"))[0]
    original = one.read_bytes()
    one.write_bytes(original + b"# changed\n")
    try:
        elapsed, _, err, code = _run(cmd, project, env)
        if code:
            sys.exit(err)
        result["one file changed"] = elapsed
    finally:
        one.write_bytes(original)
    return result


def serve_edit_time(project: Path, port: int = 8765) -> dict[str, float]:
    """`mkdocs serve --dirty --no-strict` (a dirty build is a warning): seconds to the first page, then from saving an edit to one
    plan's title to the page showing it (polled every 0.1 s)."""
    import urllib.request

    plan = sorted((project / "data" / "planer").rglob("*.yml"))[0]
    region, plan_id = plan.parent.name, plan.stem
    url = f"http://127.0.0.1:{port}/{region}/planer/{plan_id}/"
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
                            cwd=project, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait_for(text: str, limit: float) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < limit:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if text in response.read().decode("utf-8"):
                        return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"{url} did not show {text!r} in {limit} s")

    original = plan.read_bytes()
    try:
        first = wait_for("</html>", 3600)
        time.sleep(2)
        text = original.decode("utf-8")
        marker = "Ändrad i förhandsvisningen"
        changed = re.sub(r"^titel: (.*)$", lambda m: f"titel: {marker} {m.group(1)}", text, count=1, flags=re.M)
        plan.write_text(changed, encoding="utf-8")
        edit = wait_for(marker, 3600)
    finally:
        plan.write_bytes(original)
        proc.terminate()
        proc.wait()
    return {"first build": first, "edit to visible": edit}


def bench(size: str, runs: int, work: Path, search: bool) -> dict:
    regions, boards, years, minutes = (int(x) for x in size.split("x"))
    ours = work / f"ours-{size}"
    bare = work / f"bare-{size}"
    counts = make_project(ours, regions, boards, years, minutes)
    pages = make_bare(ours, bare)
    ours_times, bare_times, ours_rss, bare_rss, phases = [], [], [], [], []
    # Not -q: with -q MkDocs does not count warnings, and --strict would let them pass.
    cmd = [PY, "-m", "mkdocs", "build", "--strict", "--site-dir"]
    # No validation cache in the builds: each build reads and checks every file, as a CI
    # runner without a restored cache does (validate_times measures the cache).
    env = _env(OPPNA_TIMINGS="1", OPPNA_CACHE="0", **({} if search else {"OPPNA_SEARCH": "0"}))
    for _ in range(runs):
        for which, project, times, rss in (("ours", ours, ours_times, ours_rss),
                                           ("bare", bare, bare_times, bare_rss)):
            site = work / f"site-{which}"
            shutil.rmtree(site, ignore_errors=True)
            elapsed, peak, err, code = _run([*cmd, str(site)] if which == "ours" else
                                            [PY, "-m", "mkdocs", "build", "--site-dir", str(site)],
                                            project, env)
            if code:
                sys.exit(f"{which} build failed:\n{err[-3000:]}")
            times.append(elapsed)
            rss.append(peak)
            if which == "ours":
                line = next((ln for ln in err.splitlines() if ln.startswith("OPPNA_TIMINGS ")), None)
                if line:
                    phases.append(json.loads(line.split(" ", 1)[1]))
    validate = validate_times(ours)
    serve = serve_edit_time(ours) if SERVE else {}
    return {"serve": serve, "size": size, "counts": counts, "pages": pages, "ours": ours_times, "bare": bare_times,
            "ours_rss": max(ours_rss), "bare_rss": max(bare_rss), "phases": phases,
            "validate": validate}


def _own_rss(r: dict) -> str:
    values = [p["peak RSS of the build, MB"] for p in r["phases"] if "peak RSS of the build, MB" in p]
    return f"{max(values):.0f}" if values else f"{r['ours_rss'] / 1e6:.0f}"


def _largest(r: dict, key: str) -> str:
    values = [p[key] for p in r["phases"] if key in p]
    return f"{max(values):.0f}" if values else "?"


def report(results: list[dict]) -> None:
    print("\n| corpus (regions×boards×years×minutes) | pages | MB YAML | ours | bare MkDocs | ratio "
          "| pages/s ours | pages/s bare | peak RSS ours: build; one Pagefind run (build meanwhile) "
          "| peak RSS bare "
          "| validate cold / warm / one changed |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        o, b = statistics.median(r["ours"]), statistics.median(r["bare"])
        v = r["validate"]
        print(f"| {r['size']} ({r['counts']['plans']} plans, {r['counts']['minutes']} minutes) "
              f"| {r['pages']} | {r['counts']['bytes'] / 1e6:.1f} | {_fmt(r['ours'])} | {_fmt(r['bare'])} "
              f"| {o / b:.2f} | {r['pages'] / o:.1f} | {r['pages'] / b:.1f} "
              f"| {_own_rss(r)} MB; {_largest(r, 'peak RSS of one Pagefind run, MB')} MB "
              f"({_largest(r, 'RSS of the build while Pagefind runs, MB')} MB) | {r['bare_rss'] / 1e6:.0f} MB "
              f"| {v['cold']:.1f} / {v['warm']:.1f} / {v['one file changed']:.1f} s |")
    for r in results:
        if r.get("serve"):
            print(f"\n`mkdocs serve --dirty` at {r['size']}: first build {r['serve']['first build']:.1f} s, "
                  f"an edit to one plan visible after {r['serve']['edit to visible']:.1f} s")
    print("\nPhases of our build (median over runs, seconds):\n")
    names = []
    for r in results:
        for p in r["phases"]:
            names += [k for k in p if k not in names and k != "pages" and "RSS" not in k]
    print("| phase | " + " | ".join(r["size"] for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for name in names:
        cells = []
        for r in results:
            values = [p[name] for p in r["phases"] if name in p]
            cells.append(f"{statistics.median(values):.2f}" if values else "–")
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2x10x1x2,4x10x1x2,8x10x1x2")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the projects and sites here")
    parser.add_argument("--no-search", action="store_true", help="build ours without Pagefind")
    parser.add_argument("--serve", action="store_true",
                        help="also measure `mkdocs serve --dirty`: an edit to one plan until it shows")
    args = parser.parse_args()
    global SERVE
    SERVE = args.serve
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-national-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for size in args.sizes.split(","):
            started = time.perf_counter()
            results.append(bench(size, args.runs, work, not args.no_search))
            print(f"{size}: done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
            report(results[-1:])
        if len(results) > 1:
            print("\n## All sizes")
            report(results)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
