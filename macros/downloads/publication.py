"""Who publishes, under which licence, where: the settings every open-data file needs,
and what a made file is."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import ChangeLog

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
REGIONAL_AUTHORITY = "http://purl.org/adms/publishertype/RegionalAuthority"
# The licences DCAT-AP-SE lets a distribution name, spelt as it requires (http, final slash).
_CC = "http://creativecommons.org/licenses/"
LICENCES = {
    CC0: ("CC0-1.0", "CC0 1.0 Universell (fri från upphovsrätt)"),
    _CC + "by/4.0/": ("CC-BY-4.0", "Creative Commons Erkännande 4.0"),
    _CC + "by-sa/4.0/": ("CC-BY-SA-4.0", "Creative Commons Erkännande-DelaLika 4.0"),
    _CC + "by-nd/4.0/": ("CC-BY-ND-4.0", "Creative Commons Erkännande-IngaBearbetningar 4.0"),
    _CC + "by-nc/4.0/": ("CC-BY-NC-4.0", "Creative Commons Erkännande-IckeKommersiell 4.0"),
    _CC + "by-nc-sa/4.0/": ("CC-BY-NC-SA-4.0", "Creative Commons Erkännande-IckeKommersiell-DelaLika 4.0"),
    _CC + "by-nc-nd/4.0/": ("CC-BY-NC-ND-4.0",
                            "Creative Commons Erkännande-IckeKommersiell-IngaBearbetningar 4.0"),
}


@dataclass(frozen=True)
class Settings:
    site_url: str  # absolute, ends with "/": "https://oppnaplaner.example/"
    site_name: str
    publisher_name: str  # the installation's publisher (extra.utgivare.namn)
    publisher_email: str
    licence: str = CC0
    publisher_type: str = REGIONAL_AUTHORITY
    changelog: ChangeLog = field(default_factory=ChangeLog)

    @property
    def licence_name(self) -> str:
        return LICENCES[self.licence][1]

    @property
    def licence_id(self) -> str:
        return LICENCES[self.licence][0]

    @property
    def modified(self) -> str:
        """The newest change of the published data, or "" without history."""
        return self.changelog.newest


@dataclass(frozen=True)
class Download:
    path: str  # relative to the site root: "data/vasternorrland/planer/…/indikatorer.csv"
    title: str  # Swedish, for links: "Indikatorer"
    format: str  # "CSV", "JSON", "ZIP", "Turtle", "RDF/XML"
    media_type: str
    size: int = 0  # bytes
    description: str = ""
    stored: Path | None = None  # where its bytes are (store.FileStore); None while it is being made

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def content(self) -> bytes:
        return self.stored.read_bytes()
