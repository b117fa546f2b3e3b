"""Which files under data/ are data, and a message for every file that is not.

No file is silently left out: a plan saved as `.YML`, `.yml.txt`, in a
sub-folder, directly in data/planer/ or under a misspelt folder would
otherwise be missing from the site while validation says all is well. Only
data/README.md and the schema folder are not data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import DataError, did_you_mean
from .yamlfile import Location

SCHEMA_DIR = "schema"
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
        shown = path.relative_to(root).as_posix() + ("/" if path.is_dir() else "")
        found.errors.append(DataError(Location(shown, 1, 1), problem, expected=expected,
                                      suggestion=suggestion))

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

    for entry in sorted(data_dir.iterdir()):
        if entry.name == "README.md" and entry.is_file():
            continue
        if entry.name == SCHEMA_DIR and entry.is_dir():
            continue
        folder = known.get(entry.name)
        if folder is None:
            if entry.is_dir():
                error(entry, f"mappen '{entry.name}' läses inte",
                      expected="en av mapparna " + ", ".join(f"data/{f.name}/" for f in FOLDERS),
                      suggestion=did_you_mean(entry.name, known))
            else:
                error(entry, f"filen '{entry.name}' ligger direkt i data/ och läses inte",
                      expected="regioner i data/regioner/, planer i data/planer/<region>/, "
                               "protokoll i data/protokoll/<region>/, indikatorer i data/indikatorer/, "
                               "uppföljningar i data/uppfoljning/<region>/")
            continue
        if not entry.is_dir():
            error(entry, f"'{entry.name}' ska vara en mapp", expected=_where(folder))
            continue
        if folder.per_region:
            found.by_region[folder.name] = _region_folders(entry, folder, error, data_file)
        else:
            found.flat[folder.name] = _files_in(entry, folder, error, data_file, _where(folder))
    return found


def _files_in(directory: Path, folder: Folder, error, data_file, where: str) -> list[Path]:
    files = []
    for path in sorted(directory.iterdir()):
        if path.is_dir():
            for inner in sorted(p for p in path.rglob("*") if p.is_file()):
                error(inner, "filen ligger i en undermapp och läses inte",
                      expected=f"{folder.what} direkt i {where.rsplit('/', 1)[0]}/; flytta filen dit")
        elif data_file(path, folder):
            files.append(path)
    return files


def _region_folders(directory: Path, folder: Folder, error, data_file) -> dict[str, list[Path]]:
    regions = {}
    for path in sorted(directory.iterdir()):
        if path.is_dir():
            regions[path.name] = _files_in(path, folder, error, data_file,
                                           _pattern(folder.name, path.name))
        else:
            error(path, f"filen ligger direkt i data/{folder.name}/ och läses inte",
                  expected=f"{_where(folder)}: i mappen för sin region")
    return regions
