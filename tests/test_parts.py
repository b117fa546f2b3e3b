"""The site built in parts, one region each (OPPNA_REGION, as on parallel CI runners), and
copied together is the site one build makes, byte for byte: pages, open data and the
search bundles, so that the merging runner only copies (README, "Building at national scale")."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, build
from rdflib import Graph
from rdflib.compare import isomorphic

REGIONS = ["vasterbotten", "vasternorrland"]
CATALOGUE = "katalog/katalog.rdf"


def files(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


def test_parts_copied_together_are_the_whole_site(site, tmp_path):
    merged = tmp_path / "merged"
    for region in REGIONS:
        part = tmp_path / f"part-{region}"
        result = build(ROOT, part, OPPNA_REGION=region)
        assert result.returncode == 0, result.stdout + result.stderr
        assert not (part / "pagefind" / next(r for r in REGIONS if r != region)).exists()  # only its own bundle
        shutil.copytree(part, merged, dirs_exist_ok=True)
    whole, parts = files(site.directory), files(merged)
    assert {f"pagefind/{r}/pagefind-entry.json" for r in REGIONS} <= parts.keys()
    assert sorted(parts.keys() ^ whole.keys()) == []
    differ = [path for path in whole if whole[path] != parts[path]]
    # rdflib writes the catalogue's statements in an order that changes from one process to
    # the next (hash seeds): the same graph, compared as such.
    assert differ in ([], [CATALOGUE]), differ
    whole_graph, parts_graph = (Graph().parse(data=f[CATALOGUE], format="xml") for f in (whole, parts))
    assert isomorphic(whole_graph, parts_graph)
