"""The DCAT-AP-SE 3.0.1 catalogue (katalog.ttl, katalog.rdf) of every open-data file.

Built as an rdflib Graph and serialised by rdflib (never by string templates). Each
plan and set of minutes is a dcat:Dataset whose distributions are its files; one
more dataset holds everything (the site JSON and the CSV zip). DCAT-AP-SE's rules
as DIGG publishes them (github.com/diggsweden/DCAT-AP-SE, 3.0.1/bundle.json and
docs/harvesting.md):

- catalogue: title, description, publisher, dataset, and the licence CC0, which
  Sweden requires for the catalogue's own metadata;
- dataset: title, description, publisher (the region, typed RegionalAuthority);
  recommended: contact point, keyword, theme, spatial, temporal, issued, access rights;
- distribution: accessURL and exactly one format; recommended: licence, availability;
- no blank nodes for catalogue, datasets, distributions, agents and contact points
  (here none at all, which also keeps the files the same from build to build);
- licence IRIs exactly as Creative Commons spells them (http, final slash); format as
  an EU file-type IRI with the IANA media type in dcat:mediaType.

Dataportal.se harvests RDF/XML; the Turtle file is the same graph for people. Both are
written a graph at a time (the site's, then each region's) and joined (rdfparts), so
that memory holds one region's statements, not the nation's.
"""

from __future__ import annotations

from itertools import chain

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from .. import model as m
from .. import urls
from . import rdfparts
from .publication import CC0, Download, Settings
from .store import FileStore

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
ADMS = Namespace("http://www.w3.org/ns/adms#")
EU = "http://publications.europa.eu/resource/authority/"
FILE_TYPES = {"text/csv": "CSV", "application/json": "JSON", "application/schema+json": "JSON",
              "application/zip": "ZIP", "text/turtle": "RDF_TURTLE", "application/rdf+xml": "RDF_XML"}
THEME_GOVERNMENT = URIRef(EU + "data-theme/GOVE")
LANGUAGE_SWEDISH = URIRef(EU + "language/SWE")
PUBLIC = URIRef(EU + "access-right/PUBLIC")
STABLE = URIRef(EU + "planned-availability/STABLE")
SV = "sv"


def _iri(settings: Settings, path: str, fragment: str = "") -> URIRef:
    return URIRef(urls.absolute(settings.site_url, path) + (f"#{fragment}" if fragment else ""))


def _graph() -> Graph:
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("vcard", VCARD),
                              ("dcatap", DCATAP), ("adms", ADMS), ("xsd", XSD)):
        graph.bind(prefix, namespace)
    return graph


def _agent(graph: Graph, iri: URIRef, name: str, kind: str, homepage: str = "") -> URIRef:
    graph.add((iri, RDF.type, FOAF.Agent))
    graph.add((iri, RDF.type, FOAF.Organization))
    graph.add((iri, FOAF.name, Literal(name, lang=SV)))
    graph.add((iri, DCTERMS.type, URIRef(kind)))
    if homepage:
        graph.add((iri, FOAF.homepage, URIRef(homepage)))
    return iri


def _described_on_catalogue_page(settings: Settings, name: str) -> URIRef:
    """The catalogue ("katalog"), its publisher ("utgivare") and contact point ("kontakt"):
    named in the site's graph and referred to from every region's."""
    return _iri(settings, urls.url_of(urls.CATALOGUE_SOURCE), name)


def _contact(graph: Graph, settings: Settings) -> URIRef:
    iri = _described_on_catalogue_page(settings, "kontakt")
    graph.add((iri, RDF.type, VCARD.Organization))
    graph.add((iri, VCARD.fn, Literal(settings.publisher_name, lang=SV)))
    graph.add((iri, VCARD.hasEmail, URIRef(f"mailto:{settings.publisher_email}")))
    return iri


def _period(graph: Graph, iri: URIRef, start: Literal, end: Literal) -> URIRef:
    graph.add((iri, RDF.type, DCTERMS.PeriodOfTime))
    graph.add((iri, DCAT.startDate, start))
    graph.add((iri, DCAT.endDate, end))
    return iri


def _distribution(graph: Graph, settings: Settings, dataset: URIRef, download: Download) -> URIRef:
    iri = URIRef(f"{dataset}-{download.name.replace('.', '-')}")
    url = _iri(settings, download.path)
    graph.add((dataset, DCAT.distribution, iri))
    graph.add((iri, RDF.type, DCAT.Distribution))
    graph.add((iri, DCTERMS.title, Literal(f"{download.title} ({download.format})", lang=SV)))
    if download.description:
        graph.add((iri, DCTERMS.description, Literal(download.description, lang=SV)))
    graph.add((iri, DCAT.accessURL, url))
    graph.add((iri, DCAT.downloadURL, url))
    graph.add((iri, DCTERMS.format, URIRef(EU + "file-type/" + FILE_TYPES[download.media_type])))
    graph.add((iri, DCAT.mediaType, URIRef("http://www.iana.org/assignments/media-types/" + download.media_type)))
    graph.add((iri, DCTERMS.license, URIRef(settings.licence)))
    graph.add((iri, DCATAP.availability, STABLE))
    graph.add((iri, DCAT.byteSize, Literal(download.size, datatype=XSD.nonNegativeInteger)))
    if download.name == "plan.json":
        graph.add((iri, DCTERMS.conformsTo, _iri(settings, urls.json_schema("plan"))))
    elif download.name == "protokoll.json":
        graph.add((iri, DCTERMS.conformsTo, _iri(settings, urls.json_schema("protokoll"))))
    elif download.path == urls.SITE_JSON:
        graph.add((iri, DCTERMS.conformsTo, _iri(settings, urls.json_schema("oppna-planer"))))
    return iri


def _dataset(graph: Graph, settings: Settings, iri: URIRef, title: str, description: str,
             publisher: URIRef, contact: URIRef, landing: str, keywords: list[str],
             spatial: tuple[str, ...], files: list[Download]) -> URIRef:
    graph.add((iri, RDF.type, DCAT.Dataset))
    graph.add((iri, DCTERMS.title, Literal(title, lang=SV)))
    graph.add((iri, DCTERMS.description, Literal(description, lang=SV)))
    graph.add((iri, DCTERMS.identifier, Literal(str(iri))))
    graph.add((iri, DCTERMS.publisher, publisher))
    graph.add((iri, DCAT.contactPoint, contact))
    graph.add((iri, DCAT.landingPage, URIRef(landing)))
    graph.add((iri, DCAT.theme, THEME_GOVERNMENT))
    graph.add((iri, DCTERMS.language, LANGUAGE_SWEDISH))
    graph.add((iri, DCTERMS.accessRights, PUBLIC))
    for keyword in keywords:
        graph.add((iri, DCAT.keyword, Literal(keyword, lang=SV)))
    for place in spatial:
        graph.add((iri, DCTERMS.spatial, URIRef(place)))
    for download in files:
        _distribution(graph, settings, iri, download)
    return iri


def _date(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def _site_graph(corpus: m.Corpus, settings: Settings, downloads) -> Graph:
    """The catalogue itself, its publisher and contact point, and the dataset of the whole site."""
    g = _graph()
    catalogue = _described_on_catalogue_page(settings, "katalog")
    installation = _agent(g, _described_on_catalogue_page(settings, "utgivare"), settings.publisher_name,
                          settings.publisher_type, settings.site_url)
    contact = _contact(g, settings)
    g.add((catalogue, RDF.type, DCAT.Catalog))
    g.add((catalogue, DCTERMS.title, Literal(f"{settings.site_name}: datakatalog", lang=SV)))
    g.add((catalogue, DCTERMS.description, Literal(
        "Regionernas styrande planer och protokoll som öppna data: indikatorer med utfall och "
        "målnivåer, tabeller, åtgärder, uppdrag och beslut, som CSV och JSON.", lang=SV)))
    g.add((catalogue, DCTERMS.publisher, installation))
    g.add((catalogue, DCTERMS.license, URIRef(CC0)))  # DCAT-AP-SE: the catalogue's metadata is CC0
    g.add((catalogue, DCTERMS.language, LANGUAGE_SWEDISH))
    g.add((catalogue, FOAF.homepage, URIRef(settings.site_url)))
    g.add((catalogue, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
    if settings.modified:  # first and latest change of the published data
        g.add((catalogue, DCTERMS.issued, _date(settings.changelog.oldest)))
        g.add((catalogue, DCTERMS.modified, _date(settings.modified)))

    everything = _iri(settings, urls.DATA_DIR + "/", "datamangd")
    _dataset(g, settings, everything, f"{settings.site_name}: alla planer och protokoll",
             "Alla regioners planer och protokoll på webbplatsen i en JSON-fil, och alla tabeller som "
             "CSV-filer i en zip-fil med databeskrivningen datapackage.json.", installation, contact,
             urls.absolute(settings.site_url, urls.DATA_DIR + "/"), ["planer", "indikatorer", "protokoll"],
             tuple(sorted({p for r in corpus.regions.values() for p in r.geography})),
             downloads.site_wide)
    if settings.modified:
        g.add((everything, DCTERMS.modified, _date(settings.modified)))
    g.add((catalogue, DCAT.dataset, everything))
    return g


def _region_graph(region: m.Region, settings: Settings, downloads) -> Graph:
    """A region as publisher, a dataset for each of its plans and sets of minutes, and the
    catalogue's statements that list them."""
    g = _graph()
    catalogue = _described_on_catalogue_page(settings, "katalog")
    contact = _described_on_catalogue_page(settings, "kontakt")
    page = urls.url_of(urls.region_source(region.id))
    agent = _agent(g, _iri(settings, page, "organisation"), region.name,
                   "http://purl.org/adms/publishertype/RegionalAuthority",
                   urls.absolute(settings.site_url, page))
    for place in region.geography:
        g.add((catalogue, DCTERMS.spatial, URIRef(place)))
    for plan in region.plans:
        page = urls.url_of(urls.plan_source(region.id, plan.id))
        iri = _iri(settings, page, "datamangd")
        body = region.body_name(plan.body_id)
        _dataset(g, settings, iri, f"{body}: {plan.title}, {region.name}",
                 f"{plan.title} för {body.lower()} i {region.name} ({plan.period}) "
                 "som öppna data: mål, indikatorer med utfall och målnivåer, tabeller, åtgärder "
                 "och uppdrag." + _about_original(plan.original),
                 agent, contact, urls.absolute(settings.site_url, page),
                 [plan.kind, "indikatorer", "målnivåer", "mål", region.name], region.geography,
                 downloads.for_plan(plan))
        _original(g, iri, plan.original)
        _period(g, URIRef(f"{iri}-period"), Literal(str(plan.period.start), datatype=XSD.gYear),
                Literal(str(plan.period.end), datatype=XSD.gYear))
        g.add((iri, DCTERMS.temporal, URIRef(f"{iri}-period")))
        _dates(g, iri, settings, plan)
        g.add((catalogue, DCAT.dataset, iri))
    for meeting in region.meetings:
        page = urls.url_of(urls.meeting_source(region.id, meeting.id))
        iri = _iri(settings, page, "datamangd")
        _dataset(g, settings, iri, f"{meeting.title}, {region.name}",
                 f"Protokollet från {meeting.title.lower()} i {region.name} som öppna data: "
                 "varje paragraf (§) med sitt beslut och dess att-satser." + _about_original(meeting.original),
                 agent, contact,
                 urls.absolute(settings.site_url, page),
                 ["protokoll", "beslut", region.body_name(meeting.body_id).lower(), region.name],
                 region.geography, downloads.for_meeting(meeting))
        _original(g, iri, meeting.original)
        if meeting.dates:
            _period(g, URIRef(f"{iri}-period"), _date(meeting.dates[0]), _date(meeting.dates[-1]))
            g.add((iri, DCTERMS.temporal, URIRef(f"{iri}-period")))
        _dates(g, iri, settings, meeting)
        g.add((catalogue, DCAT.dataset, iri))
    return g


def _original(g: Graph, iri: URIRef, original) -> None:
    """The adopted document as dcterms:source when it has an address (the dataset is derived
    from it); its title and diarium entry are in the description (`_about_original`)."""
    if original is not None and original.url:
        g.add((iri, DCTERMS.source, URIRef(original.url)))


def _about_original(original) -> str:
    if original is None:
        return ""
    text = f" Originaldokument: {original.title}"
    return text + (f", diarienummer {original.case_number}." if original.case_number else ".")


def _dates(g: Graph, iri: URIRef, settings: Settings, item) -> None:
    """issued: when the data was first published (its first commit); modified: its last change."""
    issued, changed = settings.changelog.published(item), settings.changelog.changed(item)
    if issued:
        g.add((iri, DCTERMS.issued, _date(issued)))
    if changed:
        g.add((iri, DCTERMS.modified, _date(changed)))


def files(corpus: m.Corpus, settings: Settings, downloads, store: FileStore) -> list[Download]:
    """katalog.ttl and katalog.rdf, written a graph at a time: the site's own statements,
    then each region's. At national scale the whole graph (half a million statements) took
    some 350 MB in rdflib; one region's takes a twentieth of that."""
    about = "Datakatalogen (DCAT-AP-SE): varje datamängd och fil på webbplatsen."
    regions = sorted(corpus.regions.values(), key=lambda r: r.id)
    graphs = chain([_site_graph(corpus, settings, downloads)],
                   (_region_graph(region, settings, downloads) for region in regions))  # one at a time
    with store.target(urls.CATALOGUE_TURTLE).open("wb") as turtle_file, \
            store.target(urls.CATALOGUE_RDFXML).open("wb") as rdfxml_file:
        turtle, rdfxml = rdfparts.Turtle(turtle_file), rdfparts.RdfXml(rdfxml_file)
        for graph in graphs:
            turtle.add(graph.serialize(format="turtle", encoding="utf-8"))
            rdfxml.add(graph.serialize(format="pretty-xml", encoding="utf-8"))
        rdfxml.close()
    return [store.saved(urls.CATALOGUE_TURTLE, "Datakatalog", "Turtle", "text/turtle", about),
            store.saved(urls.CATALOGUE_RDFXML, "Datakatalog", "RDF/XML", "application/rdf+xml", about)]
