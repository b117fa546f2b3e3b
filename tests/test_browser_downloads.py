"""A person in a real browser follows the "Ladda ner data" links and gets the files."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from playwright.sync_api import expect

PLAN = "/vasternorrland/planer/hsn-verksamhetsplan-2024-2026/"


def test_the_download_links_of_a_plan_page_give_the_files(server, page):
    page.goto(server + PLAN)
    page.locator("dl.op-facts").get_by_role("link", name="Ladda ner uppgifterna").click()
    section = page.locator("#ladda-ner-data")
    expect(section).to_be_in_viewport()
    links = page.locator("ul.op-downloads a")
    expect(links).to_have_count(4)
    got = {}
    for index in range(links.count()):
        link = links.nth(index)
        href = link.evaluate("a => a.href")  # the address the browser resolves
        response = page.request.get(href)
        assert response.status == 200, href
        assert response.headers["content-type"].split(";")[0] == link.get_attribute("type"), href
        got[href.rsplit("/", 1)[-1]] = response.body()
    assert list(got) == ["plan.json", "indikatorer.csv", "tabeller.csv", "atgarder.csv"]
    plan = json.loads(got["plan.json"])
    assert plan["title"] == "Reviderad verksamhetsplan 2024–2026"
    indicators = list(csv.DictReader(io.StringIO(got["indikatorer.csv"].decode("utf-8"))))
    assert got["indikatorer.csv"].split(b"\r\n", 1)[0].startswith(b"region,plan,chapter_id,")
    karies = next(r for r in indicators if r["indicator_id"] == "kariesfria-6-aringar" and r["year"] == "2022")
    assert (karies["value"], karies["unit"]) == ("73", "%")


def test_a_click_on_a_csv_link_downloads_or_shows_the_file(server, page):
    page.goto(server + PLAN + "#ladda-ner-data")
    link = page.locator("ul.op-downloads").get_by_role("link", name="Tabeller")
    with page.expect_response(lambda r: r.url.endswith("/tabeller.csv")) as response_info:
        try:
            with page.expect_download(timeout=5000) as download_info:
                link.click()
            path = download_info.value.path()
            first = open(path, "rb").read().split(b"\r\n", 1)[0]
        except Exception:  # a browser that shows text/csv instead of saving it
            first = page.locator("body").inner_text().splitlines()[0].encode()
    assert response_info.value.status == 200
    assert first == b"region,plan,table_id,table_caption,unit,row_number,row_name,row_bold,row_of_which,row_footnote,column_number,column,value"


def test_the_open_data_page_links_the_zip_and_the_catalogue(server, page):
    page.goto(server + "/data/")
    href = page.get_by_role("link", name="Alla CSV-filer i en zip-fil").evaluate("a => a.href")
    response = page.request.get(href)
    assert response.status == 200
    with zipfile.ZipFile(io.BytesIO(response.body())) as archive:
        assert "datapackage.json" in archive.namelist()
    page.locator("article").get_by_role("link", name="Datakatalog").first.click()
    expect(page).to_have_url(server + "/katalog/")
    rdf = page.request.get(page.locator("ul.op-downloads a[href$='.rdf']").evaluate("a => a.href"))
    assert rdf.status == 200
    assert b"http://www.w3.org/ns/dcat#" in rdf.body()
