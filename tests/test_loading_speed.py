"""What makes `validate` fast at national scale changes nothing it reports: files read in
forked workers give the errors of reading them in turn, the fingerprint index sees every
edit, and a cache written by other code is not used."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from macros.loading import DataErrors, cache, cacheplace, corpus, load_corpus
from macros.loading.fingerprints import Fingerprints
from macros.loading.sealed import Seal
from national_corpus import make_project
from test_data_errors import edit, validate


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> Path:
    """A small national corpus: 3 regions, each with plans and minutes of several boards."""
    out = tmp_path_factory.mktemp("national") / "project"
    make_project(out, regions=3, boards=2, years=2, minutes=3)
    return out


def _errors(data_dir: Path, processes: int) -> list[str]:
    cache._MEMORY.clear()  # each load reads the files, not the models of the one before
    with pytest.raises(DataErrors) as raised:
        load_corpus(data_dir, processes)
    return [str(error) for error in raised.value.errors]


def _plans(data_dir: Path, processes: int) -> list[tuple[str, list[str]]]:
    cache._MEMORY.clear()
    loaded = load_corpus(data_dir, processes)
    return [(region.id, [p.id for p in region.plans] + [mt.id for mt in region.meetings])
            for region in loaded.regions.values()]


@pytest.mark.parametrize("cached", ["1", "0"])
def test_workers_report_what_reading_in_turn_reports(national, tmp_path, monkeypatch, cached):
    monkeypatch.setenv("OPPNA_CACHE", cached)
    monkeypatch.setattr(corpus, "_FORK_AT", 0)  # fork even for this small corpus
    maps = []
    imap = corpus.forked.imap
    monkeypatch.setattr(corpus.forked, "imap", lambda *args: maps.append(args) or imap(*args))
    data = tmp_path / "project" / "data"
    import shutil

    shutil.copytree(national / "data", data)
    assert _plans(data, 1) == _plans(data, 2)
    plans = sorted((data / "planer").rglob("*.yml"))
    minutes = sorted((data / "protokoll").rglob("*.yml"))
    # Mistakes in several regions, in plans and in minutes, one a YAML syntax error and one
    # a reference from a plan to minutes that no longer exist.
    for path in (plans[0], plans[-1], minutes[1], minutes[-2]):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("titel:", "titl:", 1), encoding="utf-8")
    minutes[-1].write_text("id: [\n", encoding="utf-8")
    removed = minutes[len(minutes) // 2]
    removed.unlink()
    shutil.rmtree(_cache_folder(tmp_path / "project"), ignore_errors=True)
    serial = _errors(data, 1)
    shutil.rmtree(_cache_folder(tmp_path / "project"), ignore_errors=True)
    forked = _errors(data, 2)
    assert len(serial) >= 6 and forked == serial
    assert maps  # the workers did read
    assert any(removed.stem in message for message in serial)


def test_an_edit_keeping_size_and_modification_time_is_seen(project):
    """The fingerprint index trusts a file's recorded digest only while its size, inode and
    both times are unchanged: an edit of the same length, its modification time set back,
    still changes the status-change time."""
    plan = project / "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
    past = os.stat(plan).st_mtime_ns - 60_000_000_000
    for path in (project / "data").rglob("*.yml"):
        os.utime(path, ns=(past, past))
    time.sleep(2.1)  # a file changed (its status too) within 2 s of a run is not recorded
    assert validate(project).returncode == 0
    assert "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml" in _recorded(project)
    before = os.stat(plan)
    line = edit(project, "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml",
                "organ: hsn\n", "organ: hsx\n")
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(plan)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    result = validate(project)
    assert result.returncode == 1
    assert f"data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml, rad {line}," in result.stderr
    assert "organet 'hsx' finns inte" in result.stderr


def _cache_folder(project: Path) -> Path:
    return cacheplace.find(project).directory


def _recorded(project: Path) -> dict:
    place = cacheplace.find(project)
    return place.seal.read(place.directory / "fingerprints.pickle", None)[1]


def test_a_recorded_digest_is_used_without_reading_the_file(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("id: a\n", encoding="utf-8")
    old = os.stat(path).st_mtime_ns - 60_000_000_000
    os.utime(path, ns=(old, old))
    time.sleep(2.1)
    seal = Seal(b"k" * 32)
    first = Fingerprints(tmp_path, seal)
    real = first.digest(path)
    first.now[str(path)] = (first.now[str(path)][0], b"recorded")
    first.save()
    assert Fingerprints(tmp_path, seal).digest(path) == b"recorded"  # not read again
    path.write_text("id: b\n", encoding="utf-8")
    os.utime(path, ns=(old, old))
    assert Fingerprints(tmp_path, seal).digest(path) not in (b"recorded", real)


def test_a_file_written_just_now_is_not_recorded(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("id: a\n", encoding="utf-8")
    prints = Fingerprints(tmp_path, Seal(b"k" * 32))
    prints.digest(path)
    assert str(path) not in prints.now


def test_a_cache_written_by_other_code_is_not_used(project, monkeypatch):
    folder = _cache_folder(project)
    assert validate(project).returncode == 0
    written = sorted(folder.rglob("*.pickle"))
    assert validate(project).returncode == 0
    assert sorted(folder.rglob("*.pickle")) == written  # same code: every model from the cache
    (project / "macros/loading/plans.py").write_text(
        (project / "macros/loading/plans.py").read_text(encoding="utf-8") + "\n# another version\n",
        encoding="utf-8")
    edit(project, "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml",
         "organ: hsn\n", "organ: hsx\n")
    # The models kept by the old code are of a file without this mistake; the new code must
    # not take them, nor the old digests' keys.
    result = validate(project)
    assert result.returncode == 1 and "organet 'hsx' finns inte" in result.stderr
    fresh = set(folder.rglob("*.pickle")) - set(written)
    assert len(fresh) >= len(written) - 2  # every model read again under the new version's keys
