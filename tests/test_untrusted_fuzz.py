"""A pull request is untrusted as a whole: hostile FILES, not only hostile text.

A property test draws hostile changes of every kind a pull request can carry and runs
`python -m macros validate` (and, for some, the whole build) on a copy of the project:

- the kind of file: a symbolic link (to a secret outside the project, to /dev/zero, to a
  folder, dangling), a FIFO, a folder where a file should be, an empty, binary, non-UTF-8
  or oversized file, a crafted pickle where a cache could be;
- a value anywhere in any data file (chosen by its place in the YAML): huge and tiny
  numbers, every class of character (controls, C1, surrogates, bidirectional overrides,
  invisible format characters, valid letters and emoji), long and deeply nested values,
  YAML tags and directives, hostile addresses;
- hostile commit messages and commit dates, on the published branch or merged into it
  (the history the pages' dates come from).

Every case must end within BOUND seconds, in a site that is built (the data was acceptable)
or in a Swedish message that names a file and line; never in a traceback. No case may
bring the secret outside the project into the output, the log or the site, and no case may
run code (the crafted pickle would create a marker file).
"""

from __future__ import annotations

import itertools
import os
import pickle
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT, build
from macros.loading.changes import read_changes
from test_untrusted_history import A, B, C, NOW, at, commit, git, shown_plainly

BOUND = 60  # seconds for one validate; a real one takes about 2 s
BUILD_BOUND = 300  # seconds for one build on a shared two-core machine
EXAMPLES = int(os.environ.get("OPPNA_FUZZ_EXAMPLES", "40"))
SECRET = "HEMLIG-7f3a9c-RAD"  # the content of a file outside the project
# A data error: "data/planer/x/y.yml, rad 12, kolumn 3: …"; a page in docs/ is named alone
# ("docs/index.md är en symbolisk länk …": a link or a FIFO has no lines).
MESSAGE = re.compile(r"^(data/[^\n]*?), rad (\d+)|^(docs/\S+) ", re.MULTILINE)

DATA_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.y*ml"))
DOCS_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md"))


class Payload:
    """Writes a pickle that, when unpickled, creates the marker file (it must never be)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    """A place outside the project with a secret in it, and where a marker would appear."""
    where = tmp_path_factory.mktemp("outside")
    (where / "secret.yml").write_text(f"namn: {SECRET}\nid: {SECRET}\n", encoding="utf-8")
    (where / "folder").mkdir()
    (where / "folder" / "x.yml").write_text(f"id: {SECRET}\n", encoding="utf-8")
    return where


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """One copy of the project; each case works on a fresh copy of it."""
    copy = tmp_path_factory.mktemp("pristine") / "project"
    copy.mkdir()
    for name in ("docs", "data", "macros", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


def fresh(pristine: Path, tmp_path: Path, number: int) -> Path:
    project = tmp_path / f"case-{number}"
    shutil.copytree(pristine, project, symlinks=True)
    return project


def run_validate(project: Path, cache: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, OPPNA_CACHE_DIR=str(cache), XDG_CACHE_HOME=str(cache))
    return subprocess.run([sys.executable, "-m", "macros", "validate"], cwd=project, env=env,
                          capture_output=True, text=True, errors="replace", timeout=BOUND)


# --- hostile values, placed at any scalar of any data file -------------------------------

def quoted(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text` (every character escaped that
    YAML could read otherwise), on one line: valid in block and flow context alike."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F or 0xD800 <= code <= 0xDFFF \
                or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


CONTROL = st.sampled_from([*map(chr, range(0x00, 0x09)), "\x0b", "\x0c", *map(chr, range(0x0e, 0x20)),
                           "\x7f", *map(chr, range(0x80, 0x85)), *map(chr, range(0x86, 0xa0))])
SURROGATE = st.integers(0xD800, 0xDFFF).map(chr)
BIDI = st.sampled_from([chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))])
INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\ufffe", "\uffff"])
LETTERS = st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=40)


def around(bad) -> st.SearchStrategy[str]:
    return st.tuples(LETTERS, bad, LETTERS).map("".join)


NUMBERS = st.one_of(
    st.integers(16, 5000).map(lambda n: "1" + "0" * n),                    # huge integers
    st.integers(16, 400).map(lambda n: "0." + "0" * n + "1"),              # tiny decimals
    st.integers(16, 60).map(lambda n: "9" * n + "." + "9" * n),           # too precise
    st.sampled_from(["1e400", "-1E-400", ".inf", "-.inf", ".nan", "NaN", "Infinity", "1e15",
                     "0x1F", "0o17", "1_000", "-0", "+7"]),
    st.integers(16, 400).map(lambda n: '"' + " ".join(["999"] * n) + ' %"'),  # Swedish notation, huge
    st.integers(16, 400).map(lambda n: '"' + "1" * n + ',5 %"'),
)
LONG = st.sampled_from([20_001, 155_000]).map(lambda n: quoted("7 % " * (n // 4 + 1)))
DEEP = st.integers(41, 3000).map(lambda n: "[" * n + "]" * n)
TAGS = st.sampled_from(["!!str Viktigt", "!Viktigt text", "!!Viktigt!! Nämndplan", "!<tag:x> y",
                        "!!python/object/apply:os.system ['touch PWNED']", "&a x", "*a"])
URLS = st.sampled_from(["http://[x", "http://x/{a}", "http://x/a|b", "http://x/^", "http://x/`",
                        "http://x\\y", "javascript:alert(1)", "file:///etc/passwd",
                        "http://x/ a", "http://x/<a>", "http://"]).map(quoted)
# (YAML text, whether it must be refused wherever it stands)
VALUES = st.one_of(
    *(around(bad).map(lambda v: (quoted(v), True)) for bad in (CONTROL, SURROGATE, BIDI, INVISIBLE)),
    LETTERS.map(lambda v: (quoted(v), False)),
    NUMBERS.map(lambda v: (v, False)),
    st.integers(16, 5000).map(lambda n: ("1" + "0" * n, True)),  # a huge plain integer
    LONG.map(lambda v: (v, True)), DEEP.map(lambda v: (v, True)), TAGS.map(lambda v: (v, True)),
    URLS.map(lambda v: (v, False)),
)


def scalars(text: str) -> list[yaml.ScalarNode]:
    nodes, stack = [], [yaml.compose(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            nodes.append(node)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
    return sorted(nodes, key=lambda n: n.start_mark.index)


def place_value(project: Path, relative: str, pick: int, value: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    nodes = scalars(text)
    node = nodes[pick % len(nodes)]
    start, end = node.start_mark.index, node.end_mark.index
    path.write_text(text[:start] + value + text[end:], encoding="utf-8")


# --- hostile kinds of file ------------------------------------------------------------------

def replace_file(project: Path, relative: str, kind: str, outside: Path) -> None:
    path = project / relative
    path.unlink()
    if kind == "link-to-secret":
        path.symlink_to(outside / "secret.yml")
    elif kind == "link-to-passwd":
        path.symlink_to("/etc/passwd")
    elif kind == "link-to-zero":
        path.symlink_to("/dev/zero")
    elif kind == "link-to-urandom":
        path.symlink_to("/dev/urandom")
    elif kind == "link-inside":
        path.symlink_to(project / "mkdocs.yml")
    elif kind == "link-dangling":
        path.symlink_to(outside / "missing.yml")
    elif kind == "link-to-folder":
        path.symlink_to(outside / "folder", target_is_directory=True)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
        (path / "x.yml").write_text("id: x\n", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 64)
    elif kind == "latin-1":
        path.write_bytes("id: åäö\nnamn: Hälso- och sjukvård\n".encode("latin-1"))
    elif kind == "huge":
        with open(path, "wb") as f:
            f.write(b"a: " + b"x" * (3 * 1024 * 1024) + b"\n")
    else:
        raise AssertionError(kind)


FILE_KINDS = ["link-to-secret", "link-to-passwd", "link-to-zero", "link-to-urandom", "link-inside",
              "link-dangling", "link-to-folder", "fifo", "folder", "empty", "binary", "latin-1", "huge"]
# Kinds that may never be read, whatever the file holds.
NEVER_READ = {kind for kind in FILE_KINDS if kind.startswith("link") or kind == "fifo"}


def plant_pickles(project: Path, cache: Path, marker: Path) -> None:
    """Crafted pickles wherever a cache has been or could be, inside and outside the project."""
    data = pickle.dumps(Payload(marker))
    for folder in (project / ".cache" / "oppna-planer", cache, cache / "oppna-planer"):
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("fingerprints.pickle", "models.pickle", "0" * 40 + ".pickle"):
            (folder / name).write_bytes(data)


def check_ending(result: subprocess.CompletedProcess, changed: str, must_refuse: bool) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    assert SECRET not in output and "root:x:0" not in output, "a file outside the project was read"
    assert result.returncode in (0, 1), output[-3000:]
    if result.returncode == 1:
        named = [data or docs for data, _, docs in MESSAGE.findall(output)]
        assert named, "an error without a file and line:\n" + output[-3000:]
        if must_refuse:  # (a refused id or name may be reported where it is referred to)
            assert any(file.startswith(changed) for file in named), (changed, output[-3000:])
    else:
        assert not must_refuse, f"{changed} was accepted:\n{output[-2000:]}"


CASES = itertools.count()


@settings(max_examples=EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_validate_ends_well_on_hostile_files_and_values(data, pristine, outside, tmp_path):
    number = next(CASES)
    project = fresh(pristine, tmp_path, number)
    cache = tmp_path / f"cache-{number}"
    marker = outside / f"PWNED-{number}"
    plant_pickles(project, cache, marker)
    what = data.draw(st.sampled_from(["file", "value", "docs-file"]), label="what")
    if what == "value":
        changed = data.draw(st.sampled_from(DATA_FILES), label="file")
        value, refuse = data.draw(VALUES, label="value")
        place_value(project, changed, data.draw(st.integers(0, 10**6), label="position"), value)
    else:
        pool = DATA_FILES if what == "file" else DOCS_FILES
        changed = data.draw(st.sampled_from(pool), label="file")
        kind = data.draw(st.sampled_from(FILE_KINDS if what == "file" else sorted(NEVER_READ)),
                         label="kind")
        replace_file(project, changed, kind, outside)
        refuse = True  # no data file or page may be any of these kinds
    result = run_validate(project, cache)
    check_ending(result, changed, must_refuse=refuse)
    assert not marker.exists(), "a pickle from the pull request was run"


# --- whole builds: the site is correct or nothing is published ------------------------------

BUILD_CASES = {
    "a secret linked in as a follow-up": ("data/uppfoljning/vasternorrland/intrang.yml", "link-to-secret"),
    "/dev/zero linked in as a plan": ("data/planer/vasterbotten/noll.yml", "link-to-zero"),
    "a page linked to /etc/passwd": ("docs/om/losen.md", "link-to-passwd"),
}


@pytest.mark.parametrize("name", BUILD_CASES)
def test_a_build_with_a_hostile_file_publishes_nothing(name, pristine, outside, tmp_path):
    project = fresh(pristine, tmp_path, 0)
    relative, kind = BUILD_CASES[name]
    (project / relative).parent.mkdir(parents=True, exist_ok=True)
    (project / relative).write_text("x", encoding="utf-8")
    replace_file(project, relative, kind, outside)
    marker = outside / "PWNED-build"
    plant_pickles(project, tmp_path / "cache", marker)
    site = tmp_path / "site"
    result = build(project, site, OPPNA_CACHE_DIR=str(tmp_path / "cache"))
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "Traceback" not in output and SECRET not in output and "root:x:0" not in output
    assert relative in output, output[-2000:]
    assert not (site / "index.html").exists(), "a site was published"
    assert not marker.exists()


def test_a_build_of_odd_but_valid_values_publishes_them_exactly(pristine, tmp_path):
    """Values at the edge of what is allowed build, and the pages show them as written."""
    project = fresh(pristine, tmp_path, 1)
    plan = project / "data/planer/vasterbotten/hsn-namndplan-2025.yml"
    text = plan.read_text(encoding="utf-8")
    title = yaml.safe_load(text)["titel"]
    odd = "Nämndplan 2025 – ÅÄÖ åäö é ü ß ø æ 😀 (Ω≈ç) «citat» ‘a’ 1 234,5 %"
    plan.write_text(text.replace(f"titel: {title}", f"titel: {quoted(odd)}", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site, OPPNA_CACHE_DIR=str(tmp_path / "cache"))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    page = (site / "vasterbotten" / "planer" / "hsn-namndplan-2025" / "index.html").read_text(encoding="utf-8")
    import html
    assert html.escape(odd, quote=False) in page


# --- hostile histories: any message, any date, on the published branch or merged into it ----

MESSAGES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
STAMPS = st.one_of(st.integers(0, 2**32), st.sampled_from([0, at("1999-12-31"), at("2005-04-06"),
                                                          at("2005-04-07"), NOW, NOW + 86_400 * 2,
                                                          2**33]))
GIT_BIRTH = "2005-04-07"


@settings(max_examples=max(EXAMPLES // 4, 5), deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(MESSAGES, STAMPS, st.sampled_from([A, B, C]), st.booleans()),
                      min_size=1, max_size=5))
def test_no_history_shapes_or_forges_the_dates(steps, tmp_path):
    """Commits with any message and any date, some on a branch merged into main: every file
    read is a file that changed, every date shown lies between git's first release and the
    build's clock and never goes backwards along the branch, and every subject is plain."""
    repo = tmp_path / f"history-{next(CASES)}"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "start", at("2020-01-01"), {A: "a: 0\n"})
    for number, (message, stamp, name, merged) in enumerate(steps):
        if merged:
            git(repo, "checkout", "-q", "-b", f"b{number}")
            commit(repo, message or "x", stamp, {name: f"x: {number}\n"})
            git(repo, "checkout", "-q", "main")
            git(repo, "merge", "-q", "--no-ff", "-m", "Sammanfogning", f"b{number}", when=NOW - 10)
        else:
            commit(repo, message or "x", stamp, {name: f"x: {number}\n"})
    log = read_changes(repo, now=NOW)
    assert set(log.last_changed) <= {A, B, C}
    limit = time.strftime("%Y-%m-%d", time.gmtime(NOW + 86_400))
    dates = [change.date for change in log.changes]
    assert all(date == "" or GIT_BIRTH <= date <= limit for date in dates), dates
    shown = [date for date in dates if date]
    assert shown == sorted(shown, reverse=True), shown
    assert all(shown_plainly(change.subject) for change in log.changes)
    for date in log.last_changed.values():
        assert date == "" or GIT_BIRTH <= date <= limit
