"""Every change visible (issue 10, item 5): last-change dates and the "Ändringar" page.

The dates come from one `git log` over data/ at build time; without git (a tarball,
a shallow clone) the build still works and falls back to the data's `ändrad` date.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, build, norm
from macros.loading import changes as changes_module
from macros.loading.changes import read_changes
from macros.rendering.formatting import date_text

HSN_FILE = "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
HSN_PAGE = "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/"
RS_PAGE = "/vasternorrland/planer/rs-verksamhetsplan-2025-2027/"
HSU_PAGE = "/vasternorrland/protokoll/hsu-2023-12-07/"
PAGES = {
    "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml": HSN_PAGE,
    "data/planer/vasternorrland/rs-verksamhetsplan-2025-2027.yml": RS_PAGE,
    "data/planer/vasterbotten/hsn-namndplan-2025.yml": "/vasterbotten/planer/hsn-namndplan-2025/",
    "data/planer/vasterbotten/rs-namndplan-2023.yml": "/vasterbotten/planer/rs-namndplan-2023/",
    "data/protokoll/vasternorrland/hsu-2023-12-07.yml": HSU_PAGE,
}


def facts(site, url: str) -> dict[str, str]:
    return {norm(dt.get_text(" ")): norm(dt.find_next_sibling("dd").get_text(" "))
            for dt in site.content(url).select("dl.op-facts dt")}


def git(directory: Path, *args: str, date: str = "", tz: str = "") -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.org")
    if tz:
        env["TZ"] = tz
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00", GIT_COMMITTER_DATE=f"{date}T12:00:00")
    return subprocess.run(["git", "-C", str(directory), *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def _in_git() -> bool:
    try:
        return git(ROOT, "rev-parse", "--is-shallow-repository").strip() == "false"
    except (OSError, subprocess.CalledProcessError):
        return False


@pytest.mark.skipif(not _in_git(), reason="the project is not a full git clone")
@pytest.mark.parametrize("data_file", PAGES)
def test_each_page_says_when_its_data_last_changed(site, data_file):
    dirty = git(ROOT, "status", "--porcelain", "--", data_file).strip()
    shown = facts(site, PAGES[data_file]).get("Senast ändrad")
    if dirty:
        assert shown is None, "a file with uncommitted changes has no date from the history"
        return
    # the day the change reached the published branch: its first-parent commit, in UTC
    date = git(ROOT, "log", "-1", "--first-parent", "--no-patch",
               "--format=%cd", "--date=format-local:%Y-%m-%d", "--", data_file, tz="UTC").strip()
    assert shown == f"{date_text(date)} ( alla ändringar )", shown
    link = site.content(PAGES[data_file]).select_one("dl.op-facts time")
    assert link["datetime"] == date


@pytest.mark.skipif(not _in_git(), reason="the project is not a full git clone")
def test_the_changes_page_lists_the_latest_commits_to_data(site):
    expected = git(ROOT, "log", "-3", "--first-parent", "--format=%cd %s", "--date=format-local:%Y-%m-%d",
                   "--", "data/*.yml", tz="UTC").strip().splitlines()
    rows = site.content("/andringar/").select("table.op-changes tbody tr")
    shown = [norm(f"{tr.find_all('td')[0].get_text()} {tr.find_all('td')[1].get_text()}") for tr in rows[:3]]
    assert shown == [norm(line) for line in expected]
    # a change to a plan's file links the plan's page
    links = {a["href"] for tr in rows for a in tr.select("td ul a")}
    assert any(href.endswith("vasternorrland/planer/hsn-verksamhetsplan-2024-2026/") for href in links), links


def test_history_from_one_walk_for_structure_and_one_for_subjects(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "data" / "planer" / "r").mkdir(parents=True)
    git(repo.parent, "init", "-q", str(repo))
    plan, other = repo / "data/planer/r/a.yml", repo / "data/planer/r/b.yml"
    plan.write_text("id: a\n")
    other.write_text("id: b\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Två planer", date="2024-01-10")
    plan.write_text("id: a\ntitel: x\n")
    git(repo, "commit", "-q", "-am", "Rättad titel i a", date="2024-03-05")
    (repo / "README.md").write_text("not data\n")
    (repo / "data" / "README.md").write_text("about the data, not data\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Readme", date="2024-04-01")
    other.write_text("id: b\nändrad\n")  # changed, not committed

    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(changes_module.subprocess, "run",
                        lambda args, **kw: calls.append(args) or real_run(args, **kw))
    history = read_changes(repo)
    # one walk for the structure and one for the subjects, however many commits there are
    assert len([c for c in calls if "log" in c]) == 2
    assert [(c.date, c.subject) for c in history.changes] == [("2024-03-05", "Rättad titel i a"),
                                                               ("2024-01-10", "Två planer")]
    assert history.last_changed == {"data/planer/r/a.yml": "2024-03-05"}  # b.yml is uncommitted
    assert history.first_published["data/planer/r/a.yml"] == "2024-01-10"


def test_no_history_without_git_or_in_a_shallow_clone(tmp_path, monkeypatch):
    assert read_changes(tmp_path).changes == []  # not a repository
    monkeypatch.setenv("PATH", str(tmp_path))  # no git at all
    assert read_changes(ROOT).changes == []


def test_a_shallow_clone_gives_no_dates(tmp_path):
    source = tmp_path / "source"
    (source / "data").mkdir(parents=True)
    git(tmp_path, "init", "-q", str(source))
    for day in ("2024-01-10", "2024-02-10"):
        (source / "data" / "a.yml").write_text(day)
        git(source, "add", "-A")
        git(source, "commit", "-q", "-m", day, date=day)
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{source}", str(tmp_path / "shallow"))
    assert read_changes(tmp_path / "shallow").changes == []
    assert read_changes(source).last_changed == {"data/a.yml": "2024-02-10"}


def test_a_site_without_git_builds_and_uses_the_data_s_own_date(project, tmp_path):
    """A tarball without .git: the build works, a page shows its `ändrad` date, the others
    no date, and the changes page says that there is no history."""
    assert not (project / ".git").exists()
    path = project / HSN_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('diarienummer: "23HSN1782"\n', 'diarienummer: "23HSN1782"\nändrad: "2024-01-15"\n', 1),
                    encoding="utf-8")
    site_dir = tmp_path / "site"
    env_path = os.environ["PATH"]
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    from conftest import Site

    built = Site(site_dir)
    assert facts(built, HSN_PAGE)["Senast ändrad"] == "15 januari 2024 ( alla ändringar )"
    assert "Senast ändrad" not in facts(built, RS_PAGE)
    assert "Senast ändrad" not in facts(built, HSU_PAGE)
    assert "byggdes utan versionshistorik" in built.text("/andringar/")
    assert os.environ["PATH"] == env_path
    assert shutil.which("git")  # the build ran with git installed, outside any repository


def test_a_shallow_clone_builds_in_strict_mode_without_dates(project, tmp_path):
    """GitHub Actions checks out one commit unless told otherwise: the site must still build."""
    git(project.parent, "init", "-q", str(project))
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Första", date="2024-01-10")
    (project / HSN_FILE).write_text((project / HSN_FILE).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "Andra", date="2024-02-10")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", str(clone))
    result = build(clone, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    from conftest import Site

    built = Site(tmp_path / "site")
    assert "Senast ändrad" not in facts(built, HSN_PAGE)
    assert "byggdes utan versionshistorik" in built.text("/andringar/")
