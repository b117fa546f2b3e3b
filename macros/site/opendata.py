"""The open-data settings from mkdocs.yml, checked before anything is built.

    site_url: https://plans.region.se/        absolute addresses in the catalogue and JSON
    extra:
      utgivare: {namn: …, epost: …}            publisher and contact point
      oppna_data:                              optional
        licens: http://creativecommons.org/publicdomain/zero/1.0/   (the default; or a CC 4.0 licence)
        utgivartyp: http://purl.org/adms/publishertype/RegionalAuthority   (the default)
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..downloads import CC0, LICENCES, Settings
from ..downloads.publication import REGIONAL_AUTHORITY
from ..model import ChangeLog

PUBLISHER_TYPES = ("Academia-ScientificOrganisation", "Company", "IndustryConsortium", "LocalAuthority",
                   "NationalAuthority", "NonGovernmentalOrganisation", "NonProfitOrganisation",
                   "PrivateIndividual(s)", "RegionalAuthority", "StandardisationBody",
                   "SupraNationalAuthority")


def settings(config, changelog: ChangeLog) -> Settings:
    site_url = config.site_url or ""
    if not site_url.startswith(("https://", "http://")):
        raise PluginError("mkdocs.yml: 'site_url' saknas eller är ingen webbadress; datakatalogen och "
                          "JSON-filerna behöver webbplatsens fullständiga adress, till exempel "
                          "site_url: https://planer.region.se/")
    extra = config.extra or {}
    publisher = extra.get("utgivare") or {}
    name, email = str(publisher.get("namn") or ""), str(publisher.get("epost") or "")
    if not name or "@" not in email:
        raise PluginError("mkdocs.yml: extra.utgivare behöver 'namn' och 'epost'; de blir datakatalogens "
                          "utgivare och kontaktpunkt")
    options = extra.get("oppna_data") or {}
    licence = str(options.get("licens") or CC0)
    if licence not in LICENCES:
        raise PluginError(f"mkdocs.yml: extra.oppna_data.licens '{licence}' är ingen av licenserna som "
                          "DCAT-AP-SE tillåter; ange en av: " + ", ".join(LICENCES))
    kind = str(options.get("utgivartyp") or REGIONAL_AUTHORITY)
    if kind.rsplit("/", 1)[-1] not in PUBLISHER_TYPES or not kind.startswith("http://purl.org/adms/publishertype/"):
        raise PluginError(f"mkdocs.yml: extra.oppna_data.utgivartyp '{kind}' är ingen utgivartyp ur "
                          "ADMS-listan; ange till exempel http://purl.org/adms/publishertype/RegionalAuthority")
    return Settings(site_url if site_url.endswith("/") else site_url + "/", config.site_name, name, email,
                    licence, kind, changelog)
