"""datapackage.json: a Frictionless Data Package describing every CSV file.

Each CSV is a resource with its path relative to /data/ (where datapackage.json
lies, and the root of the zip), its encoding and dialect, and a Table Schema whose
fields come from the same `TableKind` as the CSV's header, so they cannot disagree.
Text columns may begin with an apostrophe where the CSV writer guarded a would-be
formula (see csvfiles.py); the schema says so.
"""

from __future__ import annotations

from .. import urls
from .jsonfiles import Streamed, json_bytes
from .publication import Download, Settings
from .tables import TableKind

_FORMULA_NOTE = (" En text som börjar med =, +, -, @, tabb eller vagnretur har fått en inledande "
                 "apostrof (') så att inget kalkylprogram läser den som en formel.")


def table_schema(kind: TableKind) -> dict:
    fields = []
    for column in kind.columns:
        field = {"name": column.name, "type": column.type, "title": column.title}
        description = column.description + (_FORMULA_NOTE if column.type == "string" else "")
        if description.strip():
            field["description"] = description.strip()
        if column.type == "number":
            field["decimalChar"] = "."
            field["groupChar"] = ""
            field["bareNumber"] = True
        if column.type == "boolean":
            field["trueValues"] = ["true"]
            field["falseValues"] = ["false"]
        if column.required:
            field["constraints"] = {"required": True}
        fields.append(field)
    schema = {"fields": fields, "missingValues": [""]}
    if kind.primary_key:
        schema["primaryKey"] = list(kind.primary_key)
    return schema


def _resource_name(path: str) -> str:
    """"data/vasternorrland/planer/x/indikatorer.csv" → "vasternorrland-planer-x-indikatorer"."""
    inner = path[len(urls.DATA_DIR) + 1:]
    return inner.rsplit(".", 1)[0].replace("/", "-")


def package(csv_files: list[tuple[Download, TableKind]], settings: Settings) -> dict:
    """The data package, for jsonfiles.write_json: its resources are made one at a time as
    they are written (each carries its Table Schema: tens of thousands at national scale)."""
    licence = {"name": settings.licence_id, "path": settings.licence, "title": settings.licence_name}
    resources = (json_bytes({
            "name": _resource_name(download.path),
            "path": download.path[len(urls.DATA_DIR) + 1:],
            "title": download.title,
            "description": download.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": download.size,
            "dialect": {"delimiter": ",", "quoteChar": "\"", "doubleQuote": True, "header": True,
                        "lineTerminator": "\r\n"},
            "schema": table_schema(kind),
        }) for download, kind in csv_files)
    data = {
        "name": "oppna-planer",
        "title": f"{settings.site_name}: planer, indikatorer och beslut",
        "description": "Regionernas styrande planer och protokoll som öppna data: indikatorer med utfall "
                       "och målnivåer, tabeller, åtgärder, uppdrag och beslut.",
        "homepage": urls.absolute(settings.site_url, urls.DATA_DIR + "/"),
        "licenses": [licence],
        "contributors": [{"title": settings.publisher_name, "email": settings.publisher_email,
                          "role": "publisher"}],
        "resources": Streamed(resources),
    }
    if settings.modified:
        data["version"] = settings.modified
    return data
