"""Open data made from the model: CSV, JSON, a data package, a DCAT-AP-SE catalogue.

    tables.py        the rows of each CSV and their columns (one definition for both)
    csvfiles.py      CSV bytes, guarded against spreadsheet formulas
    jsonfiles.py     the JSON of a plan, a set of minutes, everything
    jsonschemas.py   the published JSON Schemas of those files
    datapackage.py   datapackage.json (Frictionless) describing every CSV
    archive.py       the deterministic zip of all CSVs
    catalogue.py     katalog.ttl and katalog.rdf (DCAT-AP-SE, built with rdflib)
    files.py         all of them, with their addresses (macros/urls.py)
    store.py         the folder they are written to as they are made

Knows nothing of MkDocs: `build(corpus, settings, store)` writes every file into the
store and returns each file's path, size and place; the site adapter copies them into
the site and links them from the pages.
"""

from .files import Downloads, build, remake_regions
from .publication import CC0, LICENCES, Download, Settings
from .store import FileStore

__all__ = ["CC0", "LICENCES", "Download", "Downloads", "FileStore", "Settings", "build", "remake_regions"]
