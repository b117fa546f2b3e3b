"""Which files under data/ are data, and a message for every file that is not.

No file is silently left out: a plan saved as `.YML`, `.yml.txt`, in a
sub-folder, directly in data/planer/ or under a misspelt folder would
otherwise be missing from the site while validation says all is well. Only
data/README.md is not data. Every entry is looked at as it is, never through a
link (see regular.py): a link, a device or a FIFO is refused by name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import regular
from .errors import DataError, did_you_mean
from .yamlfile import Location

# Where the schemas used to be: they come with the program now (macros/schema), since a
# data change must not change what validation accepts.
SCHEMA_DIRS = ("schema", "schemas")
EXTENSIONS = (".yml", ".yaml")


@dataclass(frozen=True)
class Folder:
    """A folder of data: its files directly in it (`per_region` False) or one level down,
    in a folder per region (data/planer/<region>/<plan>.yml)."""

    name: str
    what: str  # "planer", for messages
    per_region: bool


FOLDERS = (
    Folder("regioner", "regionfiler", per_region=False),
    Folder("planer", "planer", per_region=True),
    Folder("protokoll", "protokoll", per_region=True),
    Folder("indikatorer", "indikatorregister", per_region=False),
    Folder("uppfoljning", "uppföljningar", per_region=True),
)


@dataclass
class DataFiles:
    flat: dict[str, list[Path]] = field(default_factory=dict)  # folder → files
    by_region: dict[str, dict[str, list[Path]]] = field(default_factory=dict)  # folder → region → files
    errors: list[DataError] = field(default_factory=list)


def _pattern(*folders: str) -> str:
    """Where a file belongs, as messages show it: data/planer/<region>/<id>.yml."""
    return "/".join(("data", *folders, "<id>.yml"))


def _where(folder: Folder) -> str:
    return _pattern(folder.name, "<region>") if folder.per_region else _pattern(folder.name)


def find(data_dir: Path) -> DataFiles:
    found = DataFiles()
    root = data_dir.parent
    known = {f.name: f for f in FOLDERS}

    def error(path: Path, problem: str, expected: str, suggestion: str = "") -> None:
        shown = path.relative_to(root).as_posix() + ("/" if regular.kind(path) == regular.FOLDER else "")
        found.errors.append(DataError(Location(shown, 1, 1), problem, expected=expected,
                                      suggestion=suggestion))

    def refused(path: Path, said: str) -> None:
        """A link, device, FIFO …: named, never opened or followed."""
        error(path, f"'{path.name}' är {said} och läses inte", expected=regular.what_to_do(said))

    def data_file(path: Path, folder: Folder) -> bool:
        """True for a YAML file; otherwise says what is wrong with its name."""
        name = path.name
        if path.suffix in EXTENSIONS:
            return True
        if path.suffix.lower() in EXTENSIONS:
            error(path, f"filändelsen '{path.suffix}' skrivs med stora bokstäver",
                  expected=f"filnamnet '{path.stem}{path.suffix.lower()}'")
        elif any(f"{ext}." in name.lower() for ext in EXTENSIONS):
            stem = name[: name.lower().index(".y")]
            error(path, f"filen heter '{name}', men en datafil slutar på .yml",
                  expected=f"filnamnet '{stem}.yml'")
        else:
            error(path, f"'{name}' är ingen datafil, och bara datafiler (.yml) läses i data/",
                  expected=f"{folder.what} som {_where(folder)}; ta bort filen eller flytta den "
                           "utanför data/")
        return False

    said = regular.kind(data_dir)
    if said != regular.FOLDER:
        if said == regular.FILE:
            error(data_dir, "'data' ska vara en mapp", expected="mappen data/ med regioner, planer och protokoll")
        elif not os.path.lexists(data_dir):
            error(data_dir, "mappen data/ finns inte", expected="mappen data/ med regioner, planer och protokoll")
        else:
            refused(data_dir, said)
        return found
    for entry in _entries(data_dir, error):
        said = regular.kind(entry)
        if said not in (regular.FILE, regular.FOLDER):
            refused(entry, said)
            continue
        is_folder = said == regular.FOLDER
        if entry.name == "README.md" and not is_folder:
            continue
        folder = known.get(entry.name)
        if folder is None:
            if is_folder and entry.name.lower() in SCHEMA_DIRS:
                error(entry, f"mappen '{entry.name}' läses inte: schemana följer med programmet "
                             "(macros/schema/), så att en ändring i data/ inte kan ändra reglerna",
                      expected="inga scheman i data/; ta bort mappen (editorn hittar schemana "
                               "ändå, se data/README.md)")
            elif is_folder:
                error(entry, f"mappen '{entry.name}' läses inte",
                      expected="en av mapparna " + ", ".join(f"data/{f.name}/" for f in FOLDERS),
                      suggestion=did_you_mean(entry.name, known))
            else:
                error(entry, f"filen '{entry.name}' ligger direkt i data/ och läses inte",
                      expected="regioner i data/regioner/, planer i data/planer/<region>/, "
                               "protokoll i data/protokoll/<region>/, indikatorer i data/indikatorer/, "
                               "uppföljningar i data/uppfoljning/<region>/")
            continue
        if not is_folder:
            error(entry, f"'{entry.name}' ska vara en mapp", expected=_where(folder))
            continue
        if folder.per_region:
            found.by_region[folder.name] = _region_folders(entry, folder, error, refused, data_file)
        else:
            found.flat[folder.name] = _files_in(entry, folder, error, refused, data_file, _where(folder))
    return found


def _entries(directory: Path, error) -> list[Path]:
    """The entries of a folder, sorted; none (with a message) when it cannot be listed."""
    try:
        return sorted(directory.iterdir())
    except OSError as exc:
        error(directory, f"mappen kunde inte läsas ({exc.strerror})",
              expected="en mapp som den som bygger webbplatsen får läsa")
        return []


def _files_in(directory: Path, folder: Folder, error, refused, data_file, where: str) -> list[Path]:
    files = []
    for path in _entries(directory, error):
        said = regular.kind(path)
        if said == regular.FOLDER:
            for inner, inner_said in regular.walk(path):
                if inner_said == regular.FILE:
                    error(inner, "filen ligger i en undermapp och läses inte",
                          expected=f"{folder.what} direkt i {where.rsplit('/', 1)[0]}/; flytta filen dit")
                else:
                    refused(inner, inner_said)
        elif said != regular.FILE:
            refused(path, said)
        elif data_file(path, folder):
            files.append(path)
    return files


def _region_folders(directory: Path, folder: Folder, error, refused, data_file) -> dict[str, list[Path]]:
    regions = {}
    for path in _entries(directory, error):
        said = regular.kind(path)
        if said == regular.FOLDER:
            regions[path.name] = _files_in(path, folder, error, refused, data_file,
                                           _pattern(folder.name, path.name))
        elif said == regular.FILE:
            error(path, f"filen ligger direkt i data/{folder.name}/ och läses inte",
                  expected=f"{_where(folder)}: i mappen för sin region")
        else:
            refused(path, said)
    return regions
