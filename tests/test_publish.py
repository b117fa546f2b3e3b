"""The publishing path swaps in a new site only when validation and the build pass."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from test_data_errors import HSN, edit


def publish(project: Path, target: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHON=sys.executable)
    return subprocess.run(["bash", str(project / ".ci/publish"), str(target)], cwd=project,
                          capture_output=True, text=True, env=env)


def test_publishing_replaces_the_site_only_after_a_good_build(project, tmp_path):
    (project / ".ci").mkdir()
    shutil.copy(ROOT / ".ci/publish", project / ".ci/publish")
    target = tmp_path / "www"
    target.mkdir()
    (target / "index.html").write_text("the site as published before", encoding="utf-8")

    edit(project, HSN, "organ: hsn", "organ: hsnn")
    failed = publish(project, target)
    assert failed.returncode != 0
    assert "organet 'hsnn' finns inte" in failed.stderr
    assert (target / "index.html").read_text(encoding="utf-8") == "the site as published before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "www"], "staging left behind"

    edit(project, HSN, "organ: hsnn", "organ: hsn")
    published = publish(project, target)
    assert published.returncode == 0, published.stderr
    assert "Region Västernorrland" in (target / "index.html").read_text(encoding="utf-8")
    assert (target / "vasternorrland/planer/hsn-verksamhetsplan-2024-2026/index.html").is_file()
