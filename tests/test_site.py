"""The site as a whole: navigation, stable addresses, links between things, privacy."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

from conftest import Site, build, norm

HSN_PLAN = "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/"
RS_PLAN = "/vasternorrland/planer/rs-verksamhetsplan-2025-2027/"
VB_HSN_PLAN = "/vasterbotten/planer/hsn-namndplan-2025/"
VB_RS_PLAN = "/vasterbotten/planer/rs-namndplan-2023/"
MINUTES = "/vasternorrland/protokoll/hsu-2023-12-07/"
PLANS = [HSN_PLAN, RS_PLAN, VB_HSN_PLAN, VB_RS_PLAN]


def crawl(site: Site, start: str = "/") -> dict[str, set[str]]:
    """Follow every internal link from the start page; page URL → anchors linked to on it."""
    seen: dict[str, set[str]] = {}
    visited: set[str] = set()  # a page first met through a link with an #anchor is still followed
    queue = [start]
    while queue:
        url = queue.pop()
        if url in visited:
            continue
        visited.add(url)
        seen.setdefault(url, set())
        for a in site.page(url).select("a[href]"):
            href = a["href"]
            target = urlparse(urljoin("http://site" + url, href))
            if target.netloc != "site" or not target.path.endswith("/"):
                continue
            if target.path.startswith(("/assets/", "/search/")):
                continue
            if target.fragment:
                seen.setdefault(target.path, set()).add(target.fragment)
            queue.append(target.path)
    return seen


def test_every_page_and_indicator_is_reachable_from_the_start_page(site):
    reached = crawl(site)
    for url in PLANS + [MINUTES, "/vasternorrland/", "/vasterbotten/", "/om/webbadresser/"]:
        assert url in reached, f"{url} cannot be reached by following links from the start page"
    for url in PLANS:
        rows = site.page(url).select("[id^=indikator-]")
        assert len(rows) > 10, f"{url} shows too few indicators"


def test_plan_pages_follow_the_url_scheme_and_anchor_every_entity(site):
    assert site.path(HSN_PLAN).is_file()
    for url in PLANS:
        page = site.page(url)
        ids = [el["id"] for el in page.select("[id]")]
        assert len(ids) == len(set(ids)), f"duplicate anchors on {url}"
        for prefix in ("mal-", "indikator-"):
            assert any(i.startswith(prefix) for i in ids), f"no #{prefix}… anchors on {url}"
    for anchor in ("paragraf-p90", "paragraf-p92", "paragraf-p98"):
        site.element(MINUTES, anchor)
    for anchor in ("malomrade-malomrade-1", "mal-folkhalsa", "malstruktur-regionplan-2024-2027"):
        site.element("/vasternorrland/", anchor)


def test_region_page_says_only_what_the_sources_say_about_its_region_plans(site):
    """Issue 12: the HSN plan follows the preliminary Regionplan 2024–2026, the RS plan
    Regionplan 2025–2027; no source names a period 2024–2027 or says the two are alike."""
    text = site.text("/vasternorrland/")
    assert "har samma tre målområden och sex mål" not in text
    assert "2024–2027" not in text
    headings = [h["id"] for h in site.content("/vasternorrland/").select("h2[id^=malstruktur-]")]
    assert headings == ["malstruktur-regionplan-2025-2027", "malstruktur-regionplan-2024-2026"]


def test_the_former_goal_structure_anchor_still_leads_to_the_goals(site):
    """#malstruktur-regionplan-2024-2027 was published before the two region plans were told
    apart: it leads to the first region plan's section, which holds the goals' anchors."""
    old = site.element("/vasternorrland/", "malstruktur-regionplan-2024-2027")
    assert old.find_next("h2")["id"] == "malstruktur-regionplan-2025-2027"
    assert old.find_next(id="mal-folkhalsa") is not None


def test_the_url_scheme_is_documented_and_its_examples_work(site):
    text = site.text("/om/webbadresser/")
    for pattern in ("/<region>/planer/<plan>/#indikator-<id>", "/<region>/protokoll/<protokoll>/#paragraf-<id>",
                    "/<region>/planer/<plan>/#delmal-<id>", "/<region>/planer/<plan>/#uppdrag-<id>",
                    "/<region>/#mal-<id>"):
        assert pattern in text
    for a in site.content("/om/webbadresser/").select("a[href*='#']"):
        target = urlparse(urljoin("http://site/om/webbadresser/", a["href"]))
        site.element(target.path, target.fragment)


def test_plan_and_paragraph_link_to_each_other_saying_what_the_paragraph_did(site):
    plan_link = site.content(HSN_PLAN).find("a", href=re.compile(r"protokoll/hsu-2023-12-07/#paragraf-p92$"))
    assert plan_link is not None, "the plan does not link to § 92"
    assert "§ 92" in norm(plan_link.get_text())
    assert "föreslog antagande" in norm(plan_link.parent.get_text(" "))
    paragraph = site.element(MINUTES, "paragraf-p92")
    facts = paragraph.find_next("dl")
    back = facts.find("a", href=re.compile(r"planer/hsn-verksamhetsplan-2024-2026/$"))
    assert back is not None, "§ 92 does not link to the plan"
    assert "föreslog antagande" in norm(back.parent.get_text(" "))


def test_board_goals_link_to_the_region_plan_goal_they_serve(site):
    for url, goal_ids in ((HSN_PLAN, ["folkhalsa", "tillganglig-vard"]), (RS_PLAN, ["folkhalsa", "saker-vard"])):
        for goal_id in goal_ids:
            heading = site.element(url, f"mal-{goal_id}")
            serves = heading.find_next("p", class_="op-serves")
            link = serves.find("a")
            assert link["href"].endswith(f"/#mal-{goal_id}"), link["href"]
            site.element("/vasternorrland/", f"mal-{goal_id}")
    region_goal = site.element("/vasternorrland/", "mal-folkhalsa")
    targets = {a["href"] for a in region_goal.select("a")}
    assert any("hsn-verksamhetsplan-2024-2026/#mal-folkhalsa" in t for t in targets)
    assert any("rs-verksamhetsplan-2025-2027/#mal-folkhalsa" in t for t in targets)


def test_navigation_is_nested_and_does_not_list_goals(site):
    nav = site.page(HSN_PLAN).select_one("nav.md-nav--primary")
    # The current page's table of contents (md-nav--secondary) is nested into the primary
    # navigation on small screens; only the site navigation itself is counted here.
    labels = [norm(a.get_text()) for a in nav.select("a.md-nav__link")
              if not a.find_parent("nav", class_="md-nav--secondary")]
    assert any("Verksamhetsplan 2025 (2026–2027)" in label for label in labels)
    assert not any(label.startswith("Mål:") for label in labels), "goals belong in the page, not the navigation"
    # Pruned navigation: a plan page does not carry the other region's plan list.
    assert not nav.find("a", href=re.compile("vasterbotten/planer/"))


def test_no_request_to_another_origin(site):
    for path in site.directory.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|img|link|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"', html):
            url = match.group(1)
            if 'rel="canonical"' in match.group(0) or 'rel="alternate"' in match.group(0):
                continue
            assert not urlparse(url).netloc, f"{path.relative_to(site.directory)} loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_no_conversion_artifacts_anywhere(site):
    for path in site.directory.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for artifact in ("[bookmark", "_Toc", "&lt;b&gt;", "&lt;sup&gt;", "image1.jpeg", "Ordförandens sign",
                         "Utdragsbestyrkande", "Sida 2(19)", "....."):
            assert artifact not in text, f"{artifact!r} in {path.relative_to(site.directory)}"


def _rename_and_reorder(project: Path) -> None:
    path = project / "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
    data = path.read_text(encoding="utf-8")
    data = data.replace("Vi främjar förutsättningarna för god och jämlik folkhälsa i Västernorrland",
                        "Ett nytt namn på folkhälsomålet", 1)
    path.write_text(data, encoding="utf-8")
    plan = yaml.safe_load(data)
    goal_areas = next(c for c in plan["kapitel"] if any("målområde" in k for k in c.get("kapitel", [])))
    goal_areas["kapitel"].reverse()
    header = data.split("\n", 1)[0]
    path.write_text(header + "\n" + yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_renamed_and_reordered_goal_keeps_its_address(project, tmp_path):
    _rename_and_reorder(project)
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    renamed = Site(tmp_path / "out")
    heading = renamed.element(HSN_PLAN, "mal-folkhalsa")
    assert "Ett nytt namn på folkhälsomålet" in norm(heading.get_text())
    renamed.element(HSN_PLAN, "indikator-kariesfria-6-aringar")
    order = [el["id"] for el in renamed.page(HSN_PLAN).select("h2[id^=malomrade-], h3[id^=malomrade-]")]
    assert order[0] == "malomrade-malomrade-3", order


def test_hand_written_pages_embed_pieces_through_macros(project, tmp_path):
    (project / "docs/exempel.md").write_text(
        "# Exempel\n\n"
        '{{ plan_goal("vasternorrland", "hsn-verksamhetsplan-2024-2026", "folkhalsa") }}\n\n'
        '{{ indicator_table("vasternorrland", "rs-verksamhetsplan-2025-2027", "hme-totalindex") }}\n\n'
        '{{ paragraph("vasternorrland", "hsu-2023-12-07", "p92") }}\n', encoding="utf-8")
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = Site(tmp_path / "out")
    text = page.text("/exempel/")
    assert "Andel kariesfria 6-åringar" in text
    assert "RVN 77" in text
    assert "att anta reviderad verksamhetsplan 2024–2026 för hälsa- och sjukvårdsnämnden;" in text
    link = page.content("/exempel/").find("a", href=re.compile(r"planer/hsn-verksamhetsplan-2024-2026/$"))
    assert link is not None and (tmp_path / "out" / urljoin("exempel/", link["href"]) / "index.html").is_file()


def test_a_macro_with_an_unknown_id_fails_the_build(project, tmp_path):
    (project / "docs/exempel.md").write_text(
        '# Exempel\n\n{{ indicator_table("vasternorrland", "hsn-verksamhetsplan-2024-2026", "finns-inte") }}\n',
        encoding="utf-8")
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "finns-inte" in result.stdout + result.stderr
    assert not (tmp_path / "out" / "exempel" / "index.html").exists()


def test_a_new_plan_file_gets_a_page_and_a_place_in_the_navigation(project, tmp_path):
    source = project / "data/planer/vasternorrland/hsn-verksamhetsplan-2024-2026.yml"
    text = source.read_text(encoding="utf-8").replace("id: hsn-verksamhetsplan-2024-2026",
                                                       "id: hsn-verksamhetsplan-2025-2027", 1)
    text = text.replace("titel: Reviderad verksamhetsplan 2024–2026", "titel: Verksamhetsplan 2025–2027", 1)
    (source.parent / "hsn-verksamhetsplan-2025-2027.yml").write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    new = Site(tmp_path / "out")
    assert "Andel kariesfria 6-åringar" in new.text("/vasternorrland/planer/hsn-verksamhetsplan-2025-2027/")
    # With a pruned navigation, the plan's section is expanded on its own pages.
    nav = new.page("/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/").select_one("nav.md-nav--primary")
    entry = nav.find("a", href=re.compile(r"hsn-verksamhetsplan-2025-2027/$"))
    assert entry is not None and "Verksamhetsplan 2025–2027" in norm(entry.get_text())


def test_a_page_that_moved_keeps_a_redirect_from_its_old_address(project, tmp_path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  flyttade_sidor: {}", '  flyttade_sidor:\n    "om/adresser/": om/webbadresser.md'), encoding="utf-8")
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    redirect = (tmp_path / "out/om/adresser/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../webbadresser/"' in redirect
    assert "location.hash" in redirect, "the #anchor of an old link must survive the redirect"


def test_a_redirect_to_a_page_that_does_not_exist_fails_the_build(project, tmp_path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  flyttade_sidor: {}", '  flyttade_sidor:\n    "om/adresser/": om/finns-inte.md'), encoding="utf-8")
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "om/finns-inte.md" in result.stdout + result.stderr
    assert not (tmp_path / "out").exists(), "a wrong redirect must stop the build before anything is written"
