"""A pull request is untrusted as a whole, the kinds of its files too: no cache file, link,
device, FIFO or schema it carries can run code, read outside the project, hang the build or
change what validation accepts. Every case ends within BOUND seconds, in a Swedish message
naming the file and no site written."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BOUND = 30  # seconds: each run below takes one or two on an idle machine
HSN = "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
SECRET = "HEMLIGT-UTANFOR-4711"  # in the files outside the project that links point at


def run(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """A command in the project, killed after BOUND seconds (a failure, not a hang)."""
    return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True, text=True,
                          timeout=BOUND, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env))


def validate(project: Path, **env: str) -> subprocess.CompletedProcess:
    return run(project, "macros", "validate", **env)


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return run(project, "mkdocs", "build", "--strict", "--site-dir", str(site))


# --- the cache never runs code ----------------------------------------------------------------

class _Payload:
    """Unpickling this writes the marker file: what a crafted cache file could do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return exec, (f"open({str(self.marker)!r}, 'w').write('ran')",)


def _place(project: Path):
    from macros.loading import cacheplace

    return cacheplace.find(project)


def _crafted(marker: Path) -> bytes:
    return pickle.dumps(_Payload(marker))


def _plant_in_the_project(project: Path, marker: Path, folder: Path) -> dict:
    """Crafted pickles where the cache used to live, under every name a run wrote there."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in {*folder.glob("*.pickle"), folder / "fingerprints.pickle"}:
        path.write_bytes(_crafted(marker))
    return {}


def _old_location(project, marker, tmp_path):
    return _plant_in_the_project(project, marker, project / ".cache/oppna-planer")


def _cache_dir_in_the_project(project, marker, tmp_path):
    folder = project / ".cache/oppna-planer"
    _plant_in_the_project(project, marker, folder)
    return {"OPPNA_CACHE_DIR": str(folder)}


def _cache_dir_linked_into_the_project(project, marker, tmp_path):
    folder = project / ".cache/oppna-planer"
    _plant_in_the_project(project, marker, folder)
    link = tmp_path / "cache-link"
    link.symlink_to(folder, target_is_directory=True)
    return {"OPPNA_CACHE_DIR": str(link)}


def _sealed_wrongly(tag):
    """Every file of the real cache (outside the project) replaced by a crafted pickle
    with the tag `tag(payload)`."""
    def plant(project, marker, tmp_path):
        folder = _place(project).directory
        written = sorted(folder.glob("*.pickle"))
        assert written, "the first run wrote no cache"
        _plant_in_the_project(project, marker, project / ".cache/oppna-planer")  # and there too
        for path in written:
            payload = _crafted(marker)
            path.write_bytes(tag(payload) + payload)
        return {}
    return plant


CRAFTED = {
    "in the project, where the cache was": _old_location,
    "OPPNA_CACHE_DIR inside the project": _cache_dir_in_the_project,
    "OPPNA_CACHE_DIR a link to a folder in the project": _cache_dir_linked_into_the_project,
    "in the cache, without a tag": _sealed_wrongly(lambda payload: b""),
    "in the cache, with a forged tag": _sealed_wrongly(lambda payload: os.urandom(32)),
    "in the cache, tagged with another key": _sealed_wrongly(
        lambda payload: hmac.new(b"another key" * 3, payload, hashlib.sha256).digest()),
    "in the cache, tagged without a key": _sealed_wrongly(lambda payload: hashlib.sha256(payload).digest()),
}


@pytest.mark.parametrize("plant", CRAFTED.values(), ids=CRAFTED)
def test_a_crafted_cache_file_never_runs(project, tmp_path, plant):
    marker = tmp_path / "ran"
    assert validate(project).returncode == 0  # the cache as a run writes it
    env = plant(project, marker, tmp_path)
    result = validate(project, **env)
    assert not marker.exists(), "a crafted pickle ran"
    assert result.returncode == 0, result.stderr
    if env:
        assert "cache används inte" in result.stderr and "ligger i projektet" in result.stderr


def test_the_cache_is_outside_the_project_and_every_file_is_verified(project):
    assert validate(project).returncode == 0
    place = _place(project)
    root = place.directory.parent
    assert not place.directory.resolve().is_relative_to(project.resolve())
    assert not (project / ".cache").exists()
    key_file = root / "key"
    assert os.stat(key_file).st_mode & 0o777 == 0o600
    key = key_file.read_bytes()

    def verifies(sealed: bytes) -> bool:
        return hmac.compare_digest(sealed[:32], hmac.new(key, sealed[32:], hashlib.sha256).digest())

    files = sorted(place.directory.glob("*.pickle"))
    assert len(files) >= 4  # the parts of the plans and minutes, and the fingerprints
    assert all(verifies(path.read_bytes()) for path in files)
    # A file whose tag no longer verifies is as if absent: read again and written anew,
    # while the others are used as they are.
    models = [path for path in files if path.name != "fingerprints.pickle"]
    broken, kept = models[0], models[1:]
    stamps = {path: os.stat(path).st_mtime_ns for path in kept}
    good = broken.read_bytes()
    forged = bytes([good[0] ^ 1]) + good[1:]
    broken.write_bytes(forged)
    assert validate(project).returncode == 0
    rewritten = broken.read_bytes()
    assert rewritten != forged and verifies(rewritten)
    assert {path: os.stat(path).st_mtime_ns for path in kept} == stamps


# --- only regular files inside the project are read --------------------------------------------

# Where a pull request could put an entry, and its name there (a folder's entries are data files).
DATA_PLACES = ["data/regioner", "data/planer/vasternorrland", "data/protokoll/vasternorrland",
               "data/indikatorer", "data/uppfoljning/vasterbotten", "data/planer", "data"]


def _outside(tmp_path: Path) -> Path:
    """A folder outside the project with a file that would pass as data, or as a page."""
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "x.yml").write_text(f"id: x\ntitel: {SECRET}\n", encoding="utf-8")
    (folder / "x.md").write_text(f"# {SECRET}\n", encoding="utf-8")
    return folder


def _link_to(target):
    def make(path: Path, project: Path, tmp_path: Path) -> None:
        path.symlink_to(target(path, project, tmp_path))
    return make


ENTRIES = {
    "a link to a file outside the project": _link_to(lambda p, project, tmp: _outside(tmp) / f"x{p.suffix}"),
    "a link to a file inside the project": _link_to(lambda p, project, tmp: project / HSN),
    "a link to /etc/passwd": _link_to(lambda p, project, tmp: Path("/etc/passwd")),
    "a link to /dev/zero": _link_to(lambda p, project, tmp: Path("/dev/zero")),
    "a dangling link": _link_to(lambda p, project, tmp: tmp / "nothing-here.yml"),
    "a link to a folder": _link_to(lambda p, project, tmp: _outside(tmp)),
    "a FIFO": lambda path, project, tmp_path: os.mkfifo(path),
}


def _name(kind: str, suffix: str) -> str:
    return "x" if kind == "a link to a folder" else f"x{suffix}"


def _assert_refused(result: subprocess.CompletedProcess, lines: list[str], site: Path | None = None) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    for start in lines:
        line = next((line for line in output.splitlines() if start in line), None)
        assert line is not None, f"{start!r} is not named:\n{output}"
        assert "symbolisk länk" in line or "FIFO" in line, line
    assert SECRET not in output and "root:" not in output
    if site is not None:
        assert not site.exists() or not any(site.iterdir()), "a site was written"


@pytest.mark.parametrize("command", ["validate", "mkdocs build"])
@pytest.mark.parametrize("kind", ENTRIES)
@pytest.mark.parametrize("where", ["data", "docs"])
def test_a_link_device_or_fifo_is_refused_by_name(project, tmp_path, where, kind, command):
    """In every place of data/ at once, or of docs/ (whose messages come after the data's)."""
    (project / "data/uppfoljning/vasterbotten").mkdir(parents=True, exist_ok=True)
    starts = []
    for place in (DATA_PLACES if where == "data" else ["docs", "docs/om"]):
        name = _name(kind, ".yml" if where == "data" else ".md")
        ENTRIES[kind](project / place / name, project, tmp_path)
        starts.append(f"{place}/{name}, rad 1, kolumn 1: '{name}' är " if where == "data"
                      else f"{place}/{name} är ")
    site = tmp_path / "site"
    result = validate(project) if command == "validate" else build(project, site)
    _assert_refused(result, starts, site)


@pytest.mark.parametrize("command", ["validate", "mkdocs build"])
@pytest.mark.parametrize("folder", ["data", "docs"])
def test_data_or_docs_itself_a_link_is_refused(project, tmp_path, folder, command):
    moved = tmp_path / "elsewhere" / folder
    moved.parent.mkdir()
    shutil.move(project / folder, moved)
    (project / folder).symlink_to(moved, target_is_directory=True)
    site = tmp_path / "site"
    result = validate(project) if command == "validate" else build(project, site)
    start = "data, rad 1, kolumn 1: 'data' är " if folder == "data" else "docs är "
    _assert_refused(result, [start], site)


# --- the schemas are code, not data -------------------------------------------------------------

def _with_schema(change):
    """A data/schema/ folder: the real schemas (from wherever the program keeps them), one
    changed, and the data relying on the change."""
    def make(project: Path) -> None:
        source = next(p for p in (project / "macros/schema", project / "data/schema") if p.is_dir())
        schemas = {path.name: json.loads(path.read_text(encoding="utf-8"))
                   for path in source.glob("*.schema.json")}
        change(schemas, project)
        (project / "data/schema").mkdir(exist_ok=True)
        for name, schema in schemas.items():
            (project / "data/schema" / name).write_text(json.dumps(schema), encoding="utf-8")
    return make


def _edit(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _a_new_key(schemas, project):
    schemas["plan.schema.json"]["properties"]["hemlig_nyckel"] = {"type": "string", "description": "x"}
    _edit(project, HSN, "status: föreslagen\n", "status: föreslagen\nhemlig_nyckel: x\n")


def _a_wider_choice(schemas, project):
    schemas["plan.schema.json"]["properties"]["status"]["enum"].append("hemlig")
    _edit(project, HSN, "status: föreslagen\n", "status: hemlig\n")


def _a_pattern_that_hangs(schemas, project):
    schemas["common.schema.json"]["$defs"]["footnotes"]["propertyNames"]["pattern"] = "^(a+)+$"
    _edit(project, "data/planer/vasternorrland/rs-verksamhetsplan-2025-2027.yml", "fotnoter:\n",
          "fotnoter:\n  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!': x\n")


SCHEMA_CHANGES = {"a key the schema did not have": _with_schema(_a_new_key),
                  "a choice the schema did not have": _with_schema(_a_wider_choice),
                  "a pattern that backtracks for ever": _with_schema(_a_pattern_that_hangs),
                  "an empty schema folder": lambda project: (project / "data/schema").mkdir()}


@pytest.mark.parametrize("change", SCHEMA_CHANGES.values(), ids=SCHEMA_CHANGES)
def test_a_schema_in_data_cannot_change_validation(project, change):
    change(project)
    result = validate(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "data/schema/, rad 1, kolumn 1: mappen 'schema' läses inte: schemana följer med programmet" \
        in result.stderr, result.stderr
