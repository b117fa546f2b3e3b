"""Publishing switches the served site in one step, and a failure at any step leaves it as it was.

Each test runs the real `.ci/publish` on a copy of the project. The served path is a
symbolic link into `<target>.releases/`; after every failure the site served through
that path must be byte-identical to the one served before.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from test_data_errors import HSN, edit

MARKER = ".publicerad-av-oppna-planer"
UNCHANGED = "Den publicerade webbplatsen lämnades oförändrad."


@pytest.fixture
def project(project: Path) -> Path:
    """The copy, with the script and a real site address, so that publishing is allowed."""
    (project / ".ci").mkdir()
    shutil.copy(ROOT / ".ci/publish", project / ".ci/publish")
    edit(project, "mkdocs.yml", "site_url: https://oppnaplaner.example/", "site_url: https://plans.region.test/")
    return project


@pytest.fixture
def srv(tmp_path: Path) -> Path:
    """The web server's directory, holding things that are not ours to touch."""
    directory = tmp_path / "srv"
    directory.mkdir()
    (directory / "annan-webbplats").mkdir()
    (directory / "annan-webbplats" / "index.html").write_text("someone else's site", encoding="utf-8")
    (directory / "www.bak").write_text("a backup", encoding="utf-8")
    return directory


def publish(project: Path, *args: str, cwd: Path, python: bool = True) -> subprocess.CompletedProcess:
    options = ["--python", sys.executable] if python else []
    env = {k: v for k, v in os.environ.items() if k != "PYTHON"}
    return subprocess.run(["bash", str(project / ".ci/publish"), *options, *args], cwd=cwd,
                          capture_output=True, text=True, env=env)


def served(target: Path) -> dict[str, bytes]:
    """Every file a web server would serve through the target path."""
    return {str(p.relative_to(target)): p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()}


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def state(srv: Path) -> tuple:
    """What must not change when publishing fails: the link, the versions, the neighbours."""
    target, releases = srv / "www", srv / "www.releases"
    return (os.readlink(target) if target.is_symlink() else None, served(target), listing(srv),
            listing(releases) if releases.exists() else None,
            served(srv / "annan-webbplats"), (srv / "www.bak").read_bytes())


def release_of(target: Path) -> str:
    link = os.readlink(target)
    assert link.startswith(f"{target.name}.releases/") and link.endswith("/site"), link
    return link.split("/")[1]


def test_first_publish_keeps_the_old_directory_and_links_the_new_site_from_the_callers_cwd(project, srv):
    old = srv / "www"
    (old / "gammal").mkdir(parents=True)
    (old / "index.html").write_text("the site as published before", encoding="utf-8")
    (old / "gammal" / "sida.html").write_bytes(b"\x00old bytes\xff")
    before = served(old)

    # A relative target, from the web server's directory: it lands there, not in the project.
    result = publish(project, "www", cwd=srv)
    assert result.returncode == 0, result.stderr
    assert listing(srv) == ["annan-webbplats", "www", "www.bak", "www.releases"]
    assert not (project / "www").exists() and not (project / "www.releases").exists()
    assert (srv / "annan-webbplats" / "index.html").read_text(encoding="utf-8") == "someone else's site"
    assert (srv / "www.bak").read_text(encoding="utf-8") == "a backup"

    target = srv / "www"
    assert target.is_symlink() and not os.path.isabs(os.readlink(target))
    assert "Region Västernorrland" in (target / "index.html").read_text(encoding="utf-8")
    assert (target / "vasternorrland/planer/hsn-verksamhetsplan-2024-2026/index.html").is_file()
    new = release_of(target)
    assert new.endswith("-norev") and f"Publicerat: {target} → {new}" in result.stdout
    assert not (target / MARKER).exists(), "the marker is never served"

    # The old-style directory is kept byte for byte, without a marker: never deleted by the script.
    releases = srv / "www.releases"
    kept = [name for name in listing(releases) if name != new]
    assert len(kept) == 1 and kept[0].endswith("-tidigare") and kept[0] < new
    assert served(releases / kept[0] / "site") == before
    assert not (releases / kept[0] / MARKER).exists()
    assert (releases / new / MARKER).is_file()

    # Rolling back serves the old directory again; there is nothing before it.
    back = publish(project, "--rollback", "www", cwd=srv, python=False)
    assert back.returncode == 0, back.stderr
    assert served(target) == before
    current = state(srv)
    again = publish(project, "--rollback", str(target), cwd=project, python=False)
    assert again.returncode == 1
    assert "ingen version före" in again.stderr and UNCHANGED in again.stderr
    assert state(srv) == current


def test_a_failure_at_any_step_leaves_the_served_site_and_no_new_version(project, srv):
    first = publish(project, str(srv / "www"), cwd=project)
    assert first.returncode == 0, first.stderr
    before = state(srv)

    # Validation: a data error.
    edit(project, HSN, "organ: hsn", "organ: hsnn")
    failed = publish(project, str(srv / "www"), cwd=project)
    assert failed.returncode != 0
    assert "organet 'hsnn' finns inte" in failed.stderr and UNCHANGED in failed.stderr
    assert state(srv) == before
    edit(project, HSN, "organ: hsnn", "organ: hsn")

    # The build: data is valid, but a page links to one that does not exist (strict).
    index = project / "docs/index.md"
    good = index.read_text(encoding="utf-8")
    index.write_text(good + "\n[Saknas](finns-inte.md)\n", encoding="utf-8")
    failed = publish(project, str(srv / "www"), cwd=project)
    assert failed.returncode != 0
    assert "finns-inte.md" in failed.stderr, "the build's own error is shown"
    assert "bygget misslyckades" in failed.stderr and UNCHANGED in failed.stderr
    assert state(srv) == before
    index.write_text(good, encoding="utf-8")

    # After the new version is fully built, before the switch.
    failed = publish(project, "--fail-at", "efter-bygget", str(srv / "www"), cwd=project)
    assert failed.returncode != 0 and UNCHANGED in failed.stderr
    assert "Bygger" in failed.stdout, "it failed after building"
    assert state(srv) == before


def test_a_failure_after_moving_an_old_directory_still_serves_it(project, srv):
    old = srv / "www"
    old.mkdir()
    (old / "index.html").write_text("the site as published before", encoding="utf-8")

    failed = publish(project, "--fail-at", "efter-flytten", "www", cwd=srv)
    assert failed.returncode != 0
    assert "Den publicerade webbplatsen är oförändrad" in failed.stderr
    assert served(srv / "www") == {"index.html": b"the site as published before"}
    kept = listing(srv / "www.releases")
    assert len(kept) == 1 and kept[0].endswith("-tidigare"), "the new version is removed"
    assert listing(srv) == ["annan-webbplats", "www", "www.bak", "www.releases"]


def test_each_publish_keeps_the_previous_site_deletes_only_its_own_old_versions_and_rolls_back(project, srv):
    target = srv / "www"
    index = project / "docs/index.md"
    text = index.read_text(encoding="utf-8")
    releases = srv / "www.releases"
    names = []
    for version in ("första", "andra", "tredje"):
        index.write_text(text + f"\nUtgåva {version}.\n", encoding="utf-8")
        result = publish(project, "--keep", "2", str(target), cwd=project)
        assert result.returncode == 0, result.stderr
        assert f"Utgåva {version}." in (target / "index.html").read_text(encoding="utf-8")
        names.append(release_of(target))
        if version == "första":
            # Someone's own copy inside the releases directory: no marker, so not ours.
            shutil.copytree(releases / names[0], releases / "egen-kopia", symlinks=True)
            (releases / "egen-kopia" / MARKER).unlink()
        if version == "andra":
            second = served(target)
    assert names == sorted(names) and len(set(names)) == 3
    assert listing(releases) == sorted(["egen-kopia", names[1], names[2]]), "the oldest own version is deleted"

    back = publish(project, "--rollback", str(target), cwd=project, python=False)
    assert back.returncode == 0, back.stderr
    assert release_of(target) == names[1] and served(target) == second
    assert listing(releases) == sorted(["egen-kopia", names[1], names[2]]), "rollback deletes nothing"


def test_publishing_is_refused_for_the_example_address_or_a_target_it_did_not_make(project, srv):
    (srv / "www").mkdir()
    (srv / "www" / "index.html").write_text("the site as published before", encoding="utf-8")
    before = state(srv)

    edit(project, "mkdocs.yml", "site_url: https://plans.region.test/", "site_url: https://oppnaplaner.example/")
    refused = publish(project, "www", cwd=srv)
    assert refused.returncode != 0
    assert "site_url i mkdocs.yml är 'https://oppnaplaner.example/'" in refused.stderr
    assert "Ändra site_url till den adress där webbplatsen ska visas" in refused.stderr
    assert UNCHANGED in refused.stderr and "Validerar" not in refused.stdout
    assert state(srv) == before

    # Without --python it uses the project's .venv, and says how to make one when there is none.
    missing = publish(project, "www", cwd=srv, python=False)
    assert missing.returncode != 0 and "hittar ingen Python" in missing.stderr and "--python" in missing.stderr
    assert state(srv) == before

    # A link that this script did not make is left to whoever made it.
    shutil.rmtree(srv / "www")
    (srv / "www").symlink_to("annan-webbplats")
    before = state(srv)
    refused = publish(project, "www", cwd=srv)
    assert refused.returncode != 0 and "inte är en version som detta skript publicerat" in refused.stderr
    assert state(srv) == before


def test_usage_is_printed_with_h(project, tmp_path):
    shown = publish(project, "-h", cwd=tmp_path, python=False)
    assert shown.returncode == 0 and "--rollback" in shown.stdout and "--keep N" in shown.stdout
    wrong = publish(project, "--keep", "1", "www", cwd=tmp_path)
    assert wrong.returncode == 2 and "minst 2" in wrong.stderr


@pytest.fixture
def quick_python(tmp_path: Path) -> Path:
    """The project's Python for the script's own small checks, with validation and the build
    stood in for by a one-page site: what these tests look at is what the script does with
    the versions, and a real build per publish would take minutes."""
    fake = tmp_path / "python"
    fake.write_text(f"""#!/usr/bin/env bash
if [ "$1" = -m ] && [ "$2" = macros ]; then exit 0; fi
if [ "$1" = -m ] && [ "$2" = mkdocs ]; then
  while [ $# -gt 0 ]; do [ "$1" != --site-dir ] || site="$2"; shift; done
  mkdir -p "$site" && echo "en webbplats" >"$site/index.html"; exit
fi
exec {sys.executable} "$@"
""", encoding="utf-8")
    fake.chmod(0o755)
    return fake


def test_a_count_with_leading_zeros_is_read_as_decimal(project, srv, quick_python):
    """Bash arithmetic reads "08" as octal and fails, after the switch; "010" would keep 8."""
    target, releases = srv / "www", srv / "www.releases"
    kept = []
    for keep in ("08", "0009", "019", "010", "002"):
        result = publish(project, "--keep", keep, "--python", str(quick_python), str(target), cwd=srv, python=False)
        assert result.returncode == 0, result.stderr
        kept.append(len([r for r in listing(releases) if (releases / r / MARKER).is_file()]))
    assert kept == [1, 2, 3, 4, 2]
    assert release_of(target) in listing(releases)


@pytest.mark.parametrize("keep", ["", "0", "000", "01", "abc", "-1", "+3", " 3", "3 ", "0x10", "1e3", "3.0",
                                  "\u0663", "\uff13", "1234567", "99999999999999999999", "9" * 400],
                         ids=lambda keep: repr(keep) if len(keep) < 30 else f"{len(keep)} digits")
def test_a_count_that_is_not_a_small_decimal_number_is_refused_before_anything_changes(project, srv, quick_python, keep):
    before = state_without_target(srv)
    refused = publish(project, "--keep", keep, "--python", str(quick_python), "www", cwd=srv, python=False)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "publish: --keep måste vara" in refused.stderr and "Validerar" not in refused.stdout
    assert all(line.startswith(("publish: ", "Se: ")) for line in refused.stderr.splitlines()), \
        "a message of its own, not the shell's: " + refused.stderr
    assert state_without_target(srv) == before


def state_without_target(srv: Path) -> tuple:
    return listing(srv), served(srv / "annan-webbplats"), (srv / "www.bak").read_bytes()
