"""The JSON Schemas (draft 2020-12) of the published JSON files, at /data/schema/<name>.json.

Written out here rather than derived from the model, so that they are a contract:
a change of the model that changes the files fails the suite's validation until
this schema (and so the published description) is changed with it. Every object
forbids unknown properties. The three files share one set of definitions.
"""

from __future__ import annotations

from .. import urls

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _ref(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}"}


def _obj(description: str, required: dict, optional: dict | None = None) -> dict:
    properties = {**required, **(optional or {})}
    return {"type": "object", "description": description, "properties": properties,
            "required": list(required), "additionalProperties": False}


def _s(description: str) -> dict:
    return {"type": "string", "description": description}


def _arr(items: dict, description: str = "") -> dict:
    return {"type": "array", "items": items, **({"description": description} if description else {})}


_DATE = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "Datum ÅÅÅÅ-MM-DD"}
_URL = {"type": "string", "pattern": "^https?://", "description": "Absolut webbadress"}
_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Id (en del av webbadressen)"}
_MD = {"type": "string", "description": "Text i Markdown, som i källan"}
_YEAR_KEYS = {"type": "object", "propertyNames": {"pattern": "^[0-9]{4}$"},
              "additionalProperties": _ref("value"), "description": "Värden per år"}


def _block(name: str, description: str, required: dict, optional: dict | None = None) -> dict:
    return _obj(description, {"type": {"const": name}, **required}, optional)


DEFS: dict = {
    "value": _obj("Ett värde: ett tal med enhet, en text, en anteckning eller värden per serie", {}, {
        "number": {"type": "number", "description": "Talet, exakt som i källan"},
        "unit": _s("Talets enhet"),
        "text": _s("Ett värde i ord, till exempel Positiv utveckling"),
        "note": _s("Anteckning, till exempel Ny indikator 2024"),
        "by_series": _arr({"allOf": [_ref("value"), {"required": ["series"]}]},
                          "Värden per serie (organisation)"),
        "series": _s("Seriens id, inom by_series"),
    }),
    "period": _obj("En period av hela år", {"start": {"type": "integer"}, "end": {"type": "integer"}}),
    "original": _obj("Originaldokumentet", {"title": _s("Dokumentets titel")}, {
        "url": _URL, "case_number": _s("Diarienummer")}),
    "download": _obj("En fil att ladda ner", {"title": _s("Filens namn på svenska"), "url": _URL,
                                              "media_type": _s("Mediatyp, till exempel text/csv")}),
    "column": _obj("En värdekolumn", {"kind": {"enum": ["utfall", "målnivå"]}, "year": {"type": "integer"},
                                      "heading": _s("Kolumnens rubrik")}),
    "series_def": _obj("En serie (organisation)", {"id": _s("Seriens id, som källan förkortar den")}, {
        "name": _s("Seriens namn, bara där en källa skriver ut det")}),
    "indicator": _obj("En indikator med utfall och målnivåer", {
        "id": _ID, "name": _MD, "kind": {"enum": ["kvantitativ", "kvalitativ"]},
        "outcomes": _YEAR_KEYS, "targets": _YEAR_KEYS, "series": _arr(_ref("series_def"))}, {
        "unit": _s("Enhet"), "periodicity": _s("Periodicitet"),
        "targets_merged_with": _s("Id för raden ovanför vars målnivåer gäller även denna rad"),
        "indicator_id": {**_ID, "description": "Indikatorn i regionens register (regions[].indicators), "
                                               "med historik på /<region>/indikatorer/<id>/"}}),
    "sub_goal": _obj("Ett delmål med sina indikatorer", {
        "id": _ID, "text": _MD, "indicators": _arr(_ref("indicator"))}),
    "assignment": _obj("Ett uppdrag", {"id": _ID, "text": _MD, "directed_to": _arr({"type": "string"})}, {
        "status": _s("Status"), "directed_to_text": _MD, "periodicity": _s("Periodicitet"),
        "end_date": _DATE}),
    "table_row": _obj("En tabellrad", {
        "name": _MD, "values": _arr({"type": ["number", "null"]}, "Cellerna; null för tom cell"),
        "bold": {"type": "boolean"}, "of_which": {"type": "boolean"}}, {"footnote": _s("Fotnotens tecken")}),
    "measure": _obj("En åtgärd med belopp", {"text": _MD, "amount": {"type": "number"}}),
    "annex": _obj("En bilaga", {"id": _ID, "name": _MD, "items": _arr(_MD)}),
    "legal_entity": _obj("En juridisk person", {"name": _s("Namn")}, {"kind": _s("Slag")}),
    "block": {"description": "Ett block i ett kapitel, efter sin typ", "oneOf": [
        _ref(n) for n in ("paragraphs", "bullet_list", "sub_heading", "footnote_refs", "legal_entities",
                          "commitments", "indicator_table", "sub_goal_table", "assignment_table",
                          "table", "measures", "risks", "annexes", "goal_overview", "figure")]},
    "paragraphs": _block("paragraphs", "Stycken", {"text": _MD}),
    "bullet_list": _block("bullet_list", "En punktlista", {"items": _arr(_MD), "numbered": {"type": "boolean"}}),
    "sub_heading": _block("sub_heading", "En underrubrik", {"text": _MD}),
    "footnote_refs": _block("footnote_refs", "Fotnoter som står här", {"numbers": _arr({"type": "string"})}),
    "legal_entities": _block("legal_entities", "Juridiska personer", {"entities": _arr(_ref("legal_entity"))}),
    "commitments": _block("commitments", "Åtaganden", {"intro": _MD, "items": _arr(_MD)}),
    "indicator_table": _block("indicator_table", "En indikatortabell", {
        "kind": {"enum": ["kvantitativ", "kvalitativ"]}, "columns": _arr(_ref("column")),
        "rows": _arr(_ref("indicator"))}, {"heading": _s("Tabellens rubrik"),
                                           "judgement": _s("Hur planen själv säger att tabellens indikatorer bedöms")}),
    "sub_goal_table": _block("sub_goal_table", "En delmålstabell", {
        "columns": _arr(_ref("column")), "has_periodicity": {"type": "boolean"},
        "rows": _arr(_ref("sub_goal"))}),
    "assignment_table": _block("assignment_table", "En uppdragstabell", {
        "giver_id": _ID, "receiver_id": _ID, "rows": _arr(_ref("assignment"))}),
    "table": _block("table", "En tabell, till exempel ekonomiska ramar", {
        "id": _ID, "caption": _MD, "columns": _arr({"type": "string"}), "rows": _arr(_ref("table_row")),
        "footnotes": {"type": "object", "additionalProperties": {"type": "string"}}}, {
        "unit": _s("Enhet för tabellens tal"), "row_heading": _s("Första kolumnens rubrik")}),
    "measures": _block("measures", "Åtgärder med belopp", {"rows": _arr(_ref("measure"))}, {
        "heading": _MD, "unit": _s("Enhet"), "total": _ref("measure")}),
    "risks": _block("risks", "Risker", {"items": _arr(_MD)}),
    "annexes": _block("annexes", "Bilagor", {"annexes": _arr(_ref("annex"))}),
    "goal_overview": _block("goal_overview", "Regionens målstruktur (en figur i källan)", {"framework_id": _ID}),
    "figure": _block("figure", "En figur som inte finns som text", {"caption": _MD}),
    "chapter": _obj("Ett kapitel, i källans ordning", {
        "id": _ID, "heading": _MD, "blocks": _arr(_ref("block")), "chapters": _arr(_ref("chapter"))}, {
        "number": _s("Kapitlets nummer i källan"),
        "goal_area_id": _s("Regionplanens målområde som kapitlet är"),
        "goal_id": _s("Regionplanens mål som kapitlet tjänar")}),
    "plan_decision": _obj("En paragraf som beredde eller antog planen", {
        "meeting_id": _ID, "paragraph_id": _ID, "action": _s("Vad paragrafen gjorde")}),
    "plan": _obj("En plan, hel, i källans ordning", {
        "id": _ID, "region_id": _ID, "region_name": _s("Regionens namn"), "body_id": _ID,
        "body_name": _s("Organets namn"), "kind": _s("Slags plan"), "title": _s("Planens titel"),
        "period": _ref("period"), "framework_id": _ID, "decisions": _arr(_ref("plan_decision")),
        "footnotes": {"type": "object", "additionalProperties": {"type": "string"}},
        "chapters": _arr(_ref("chapter")), "url": _URL, "downloads": _arr(_ref("download"))}, {
        "$schema": _URL, "status": {"enum": ["utkast", "föreslagen", "beslutad"]},
        "decision_date": _DATE, "decided_by": _ID, "case_number": _s("Diarienummer"),
        "original": _ref("original"), "changed": _DATE, "minutes_facts": _ref("minutes_facts"),
        "statements": _obj("Vad planens egen text säger om alla dess indikatorer", {}, {
            "scale": _ref("plan_statement"), "sources": _ref("plan_statement")})}),
    "plan_statement": _obj("Planens egna ord, ordagrant, och kapitlet där de står", {
        "chapter_id": _ID, "quote": _MD}),
    "minutes_facts": _obj("Uppgifter i planen som kommer ur en paragraf i ett protokoll, inte ur planens text", {
        "meeting_id": _ID, "paragraph_id": _ID,
        "keys": _arr(_s("En nyckel i planens data, till exempel titel eller status"))}, {
        "figures": _obj("Belopp i planens text och i paragrafen, sida vid sida", {
            "heading": _s("Rubrik"), "unit": _s("Enhet"),
            "rows": _arr(_obj("Ett belopp", {"name": _s("Namn"), "in_plan": {"type": "number"},
                                            "in_minutes": {"type": "number"}}))}, {
            "quote": _s("Paragrafens egna ord om beloppen, ordagrant")})}),
    "person": _obj("En person i protokollet", {"name": _s("Namn")}, {
        "party": _s("Parti"), "role": _s("Roll"), "title": _s("Titel"), "note": _s("Anteckning")}),
    "information_item": _obj("En informationspunkt", {
        "heading": _s("Rubrik"), "items": _arr(_ref("information_item"))}, {
        "presenter": _s("Föredragande"), "date": _DATE}),
    "signatory": _obj("En justerare", {"name": _s("Namn"), "paragraph_ids": _arr(_ID)}),
    "section": _obj("Ett avsnitt av en paragraf", {"heading": _s("Rubrik"), "blocks": _arr(_ref("block"))}),
    "motion": _obj("Ett yrkande", {"name": _s("Namn"), "party": _s("Parti"), "text": _s("Yrkandet")}),
    "minutes_note": _obj("En anteckning till protokollet", {
        "text": _s("Anteckningen"), "abstaining": _arr({"type": "string"})}),
    "decision": _obj("Paragrafens beslut", {"clauses": _arr(_s("En att-sats utan inledande att"))}, {
        "kind": {"enum": ["eget", "förslag"]}, "to_body_id": _ID, "intro": _s("Beslutets inledning")}),
    "paragraph": _obj("En paragraf (§) med sitt beslut", {
        "id": _ID, "number": {"type": "integer"}, "title": _s("Rubrik"), "officers": _arr({"type": "string"}),
        "decision": _ref("decision"), "sections": _arr(_ref("section")), "basis": _arr(_ref("block")),
        "deliberations": _arr(_ref("block")), "motions": _arr(_ref("motion")),
        "notes": _arr(_ref("minutes_note")), "url": _URL,
        "plans": _arr(_obj("En plan som paragrafen beredde eller antog", {
            "plan": _ID, "action": _s("Vad paragrafen gjorde")}))}, {
        "case_number": _s("Diarienummer"), "responsible": _s("Ärendeansvarig")}),
    "meeting": _obj("Ett protokoll: närvaro, information och varje paragraf med beslut", {
        "id": _ID, "region_id": _ID, "region_name": _s("Regionens namn"), "body_id": _ID,
        "body_name": _s("Organets namn"), "title": _s("Titel"), "dates": _arr(_DATE),
        "members": _arr(_ref("person")), "substitutes": _arr(_ref("person")),
        "officials": _arr(_ref("person")), "information": _arr(_ref("information_item")),
        "adjusters": _arr(_ref("signatory")), "paragraphs": _arr(_ref("paragraph")),
        "url": _URL, "downloads": _arr(_ref("download"))}, {
        "$schema": _URL, "time": _s("Tid"), "place": _s("Plats"), "case_number": _s("Diarienummer"),
        "office": _s("Tjänsteställe"), "officer": _s("Handläggare"), "chair": _s("Ordförande"),
        "secretary": _s("Sekreterare"), "information_intro": _s("Meningen som inleder informationspunkterna"),
        "original": _ref("original"), "changed": _DATE}),
    "body": _obj("Ett organ", {"id": _ID, "name": _s("Namn"), "kind": _s("Slag")}, {
        "short_name": _s("Kortnamn"), "parent_id": _ID}),
    "region_goal": _obj("Ett av regionplanens mål", {"id": _ID, "name": _MD}, {
        "number": _s("Nummer"), "area_id": _ID}),
    "goal_area": _obj("Ett av regionplanens målområden", {
        "id": _ID, "name": _MD, "goals": _arr(_ID)}, {"number": _s("Nummer")}),
    "framework": _obj("Regionplanens målstruktur för en period", {
        "id": _ID, "heading": _s("Rubrik"), "period": _ref("period"), "areas": _arr(_ref("goal_area")),
        "goals": _arr(_ref("region_goal"))}, {
        "description": _MD, "status": _s("Status som källan anger den, till exempel preliminär"),
        "case_number": _s("Diarienummer"),
        "former_ids": _arr(_ID, "Tidigare id:n, vars adresser fortfarande leder hit"),
        "same_goals_as": {**_ID, "description": "Målstruktur vars mål med samma id är samma mål"},
        "source": _obj("Var i en nämnds plan målstrukturens uppgifter står", {
            "plan_id": _ID, "chapter_ids": _arr(_ID)})}),
    "indicator_definition": _obj("En indikator i regionens register, med vad den mäter", {
        "id": _ID, "region_id": _ID, "name": _MD, "qualitative": {"type": "boolean"},
        "series": _arr(_ref("series_def")), "kept_apart": _arr(_obj(
            "En liknande indikator som är en annan", {"indicator_id": _ID, "reason": _MD}))}, {
        "unit": _s("Enhet"), "description": _MD, "direction": {"enum": ["högre", "lägre", "intervall"]},
        "direction_basis": _MD, "band": _arr({"type": "number"}, "Det goda intervallet: från, till"),
        "periodicity": _s("Periodicitet"), "source": _s("Var siffrorna kommer ifrån")}),
    "follow_up": _obj("En uppföljning: utfall som redovisats efter att planerna antogs", {
        "id": _ID, "region_id": _ID, "title": _s("Titel"), "kind": {"enum": ["delårsrapport", "årsredovisning", "uppföljning"]},
        "date": _DATE, "outcomes": _arr(_obj("Ett redovisat utfall", {
            "indicator_id": _ID, "year": {"type": "integer"}, "value": _ref("value")}))}, {
        "body_id": _ID}),
    "region": _obj("En region", {
        "id": _ID, "name": _s("Namn"), "bodies": _arr(_ref("body")), "frameworks": _arr(_ref("framework")),
        "geography": _arr(_URL), "url": _URL, "indicators": _arr(_ref("indicator_definition")),
        "follow_ups": _arr(_ref("follow_up"))}, {
        "short_name": _s("Kortnamn"), "vision": _MD, "vision_text": _MD}),
    "site": _obj("Allt som webbplatsen publicerar", {
        "title": _s("Webbplatsens namn"), "url": _URL, "licence": _URL, "regions": _arr(_ref("region")),
        "plans": _arr(_ref("plan")), "meetings": _arr(_ref("meeting"))}, {"$schema": _URL}),
}

SCHEMAS = {  # file name → (root definition, title)
    "plan": ("plan", "Öppna planer: en plan"),
    "protokoll": ("meeting", "Öppna planer: ett protokoll"),
    "oppna-planer": ("site", "Öppna planer: alla regioner, planer och protokoll"),
}


def schema(name: str, site_url: str) -> dict:
    root, title = SCHEMAS[name]
    return {"$schema": DRAFT, "$id": urls.absolute(site_url, urls.json_schema(name)), "title": title,
            "$ref": f"#/$defs/{root}", "$defs": DEFS}
