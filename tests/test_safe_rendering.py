"""Text from data never becomes live markup, and never breaks a table or template."""

from __future__ import annotations

from conftest import Site, build, norm
from test_data_errors import HSN, MINUTES, edit

PLAN = "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/"

INJECTIONS = {
    "script": "<script>alert(1)</script>",
    "onerror": '<img src=x onerror="alert(2)">',
    "javascript link": "[klicka](javascript:alert(3))",
    "template": "{{ config.site_name }} {% if true %}x{% endif %}",
    "pipe and newline": "a | b\\n| c |",
}


def test_injected_markup_is_inert_on_every_kind_of_field(project, tmp_path):
    edit(project, HSN, "namn: Andel kariesfria 6-åringar",
         f"namn: '{INJECTIONS['script']} Andel kariesfria'")
    edit(project, HSN, 'titel: Reviderad verksamhetsplan 2024–2026',
         f"titel: '{INJECTIONS['onerror']} Plan'")
    edit(project, HSN, '2024: "Positiv utveckling (ökade värden) över tid"',
         f"2024: '{INJECTIONS['javascript link']} {INJECTIONS['template']}'")
    edit(project, MINUTES, "rubrik: Val av justerare", f"rubrik: '{INJECTIONS['pipe and newline']} {INJECTIONS['script']}'")
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "out")
    for url in (PLAN, "/vasternorrland/protokoll/hsu-2023-12-07/", "/vasternorrland/"):
        article = site.content(url)
        assert not article.select("script"), f"a script element reached {url}"
        assert not article.select("[onerror]"), f"an onerror attribute reached {url}"
        assert not article.select('a[href^="javascript:"]'), f"a javascript: link reached {url}"
    text = site.text(PLAN)
    assert "<script>alert(1)</script> Andel kariesfria" in text
    assert '<img src=x onerror="alert(2)"> Plan' in text
    assert "{{ config.site_name }} {% if true %}x{% endif %}" in text
    row = site.row(PLAN, "indikator-kariesfria-6-aringar")
    assert row["Utfall 2021"] == "75 %" and row["Utfall 2022"] == "73 %"
    minutes = site.element("/vasternorrland/protokoll/hsu-2023-12-07/", "paragraf-p90")
    assert "a | b\\n| c | <script>alert(1)</script>" in norm(minutes.get_text(" "))
