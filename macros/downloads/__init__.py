"""Open data made from the model: CSV, JSON, a data package, a DCAT-AP-SE catalogue.

    tables.py        the rows of each CSV and their columns (one definition for both)
    csvfiles.py      CSV bytes, guarded against spreadsheet formulas
    jsonfiles.py     the JSON of a plan, a set of minutes, everything
    jsonschemas.py   the published JSON Schemas of those files
    datapackage.py   datapackage.json (Frictionless) describing every CSV
    archive.py       the deterministic zip of all CSVs
    catalogue.py     katalog.ttl and katalog.rdf (DCAT-AP-SE, built with rdflib)
    files.py         all of them, with their addresses (macros/urls.py)

Knows nothing of MkDocs: `build(corpus, settings)` returns every file's path and
bytes; the site adapter writes them and links them from the pages.
"""

from .files import Downloads, build
from .publication import CC0, LICENCES, Download, Settings

__all__ = ["CC0", "LICENCES", "Download", "Downloads", "Settings", "build"]
