"""Loading everything in data/ into one validated, cross-referenced Corpus."""

from __future__ import annotations

import gc
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import model as m
from .. import forked
from . import cacheplace, files
from .cache import Cache, digest, enabled
from .errors import DataError, DataErrors, did_you_mean
from .fingerprints import Fingerprints
from .indicators import parse_follow_up, parse_register
from .minutes import parse_meeting
from .plans import parse_plan
from .reading import Collector, Fields, describe
from .regions import parse_region
from .schema import Schema
from .yamlfile import Location, YamlMap, load



def load_corpus(data_dir: Path, processes: int = 1) -> m.Corpus:
    """Read and check all data; raise DataErrors listing every mistake found. With
    `processes` above one, files not in the cache are read in that many forked processes."""
    # Reading makes millions of objects and no garbage cycles worth collecting: with the
    # cyclic collector on, each full collection walks everything read so far, so reading
    # grows faster than the data (half the time at 60 MB of YAML).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_corpus(Path(data_dir), processes)
    finally:
        if collecting:
            gc.enable()


def _load_corpus(data_dir: Path, processes: int) -> m.Corpus:
    collector = Collector()
    collector.schema = Schema()  # raises DataErrors if it cannot be read
    found = files.find(data_dir)
    collector.errors += found.errors
    root = data_dir.parent
    regions: dict[str, m.Region] = {}

    # regions whose own file has errors: their plans are not checked
    unreadable: set[str] = collector.unchecked_regions
    for path in found.flat.get("regioner", []):
        collector.start_file(None)
        errors_before = len(collector.errors)
        doc = _document(path, root, "region", collector)
        if doc is None:
            unreadable.add(path.stem)
        else:
            region = parse_region(doc)
            if _named_after_id(doc, path, region.id) and region.id in regions:
                doc.error("id", f"regionen '{region.id}' finns redan")
            regions[region.id] = region
            if len(collector.errors) > errors_before:
                # Its plans and minutes are found by folder name, which is the file name.
                unreadable.update({region.id, path.stem})

    for path in found.flat.get("indikatorer", []):
        _load_register(path, root, regions, collector, unreadable)

    place = cacheplace.find(root) if enabled() else None
    cache = Cache(place) if place is not None else None
    prints = Fingerprints(place.directory, place.seal) if place is not None else None
    for folder, kind, parse, attach in (
        ("protokoll", "protokoll", parse_meeting, lambda r: r.meetings),
        ("planer", "plan", parse_plan, lambda r: r.plans),
        ("uppfoljning", "uppföljning", parse_follow_up, lambda r: r.follow_ups),
    ):
        # Made for each folder as its turn comes: the plans' hold the digests of the minutes,
        # which the workers that read the minutes found.
        contexts = _contexts(folder, found, prints) if prints and folder != "uppfoljning" else {}
        _load_region_files(found.by_region.get(folder, {}), data_dir / folder, root, kind, parse,
                           attach, regions, collector, unreadable,
                           cache if folder != "uppfoljning" else None, prints, contexts,
                           # Follow-ups are checked against each other as they are read and
                           # against the plans once all are read, which a forked worker cannot.
                           processes if folder != "uppfoljning" else 1)
        if folder == "protokoll":
            collector.unreadable_minutes = frozenset(collector.unreadable)

    for check in collector.deferred:
        check()
    if cache is not None:
        cache.done()
        prints.save()
    if collector.errors:
        raise DataErrors(collector.errors)
    for region in regions.values():
        region.plans.sort(key=lambda p: (p.body_id, -p.period.start, p.id))
        region.meetings.sort(key=lambda meeting: (meeting.dates[0] if meeting.dates else "", meeting.id))
        region.follow_ups.sort(key=lambda f: (f.date, f.id))
        _placed_kinds(region)
    return m.Corpus(regions)


def _placed_kinds(region: m.Region) -> None:
    """An indicator is qualitative where a plan places it: under "Indikator - kvalitativ"."""
    qualitative = {row.indicator_id for plan in region.plans for row in plan.indicators()
                   if row.kind == "kvalitativ"}
    for ident, definition in region.indicators.items():
        definition.qualitative = ident in qualitative


def _contexts(folder: str, found: files.DataFiles, prints: Fingerprints) -> dict[str, bytes]:
    """What reading a region's minutes or plans checks them against, as a digest per region
    (see cache.py): the region file, and for plans the register and every minutes file."""
    regions = {p.stem: prints.digest(p) for p in found.flat.get("regioner", [])}
    registers = {p.stem: prints.digest(p) for p in found.flat.get("indikatorer", [])}
    minutes = found.by_region.get("protokoll", {})
    contexts = {}
    for region_id in found.by_region.get(folder, {}):
        parts = [folder.encode(), region_id.encode(), regions.get(region_id, b"\0none")]
        if folder == "planer":
            parts.append(registers.get(region_id, b"\0none"))
            for path in minutes.get(region_id, []):
                parts += [path.name.encode(), prints.digest(path)]
        contexts[region_id] = digest(*parts).encode()
    return contexts


def _load_register(path: Path, root: Path, regions: dict[str, m.Region], collector: Collector,
                   unreadable: set[str]) -> None:
    """A region's indicator register, named after the region it belongs to."""
    collector.start_file(None)
    doc = _document(path, root, "indikatorregister", collector)
    region_id = doc.text("region", required=True) if doc is not None else ""
    region = regions.get(region_id)
    if doc is not None and region_id and region is None and region_id not in unreadable:
        doc.error("region", f"regionen '{region_id}' finns inte", expected="id för en region i data/regioner/",
                  suggestion=did_you_mean(region_id, regions))
    elif region is not None and path.stem != region_id:
        doc.error("region", f"filen heter '{path.name}' men gäller regionen '{region_id}'",
                  expected=f"filnamnet '{region_id}{path.suffix}': ett register per region")
        region = None
    if region is None:
        # Its own error is reported; the region's plan rows would only repeat "no register".
        collector.registerless.add(path.stem)
        return
    if region.indicators:
        doc.error("region", f"regionen '{region_id}' har redan ett indikatorregister")
        return
    collector.start_file(region)
    errors_before = len(collector.errors)
    region.indicators = parse_register(doc, region)
    if not region.indicators and len(collector.errors) > errors_before:
        collector.registerless.add(region.id)  # its own error says why; plans would only echo it


# Forking, and sending the models back, costs more than reading a few files.
_FORK_AT = 200

# A region's files are read in parts, each on its own in a forked worker, so that the workers
# finish together (21 regions read whole in two workers left one idle a region's time). A
# file's part follows from its name alone, so that it keeps its part (and its cache file) as
# other files come and go; x.yml and x.yaml share a part, since only they can have one id.
_PARTS = 4


@dataclass(frozen=True)
class _Part:
    region: str
    number: int
    paths: list[Path]

    def group(self, folder: Path) -> str:
        """The part's files share a cache file."""
        return f"{folder.name}/{self.region}/{self.number}"


def _parts(name: str, paths: list[Path], regions: dict[str, m.Region]) -> list[_Part]:
    """A region's files in parts; in one when its indicator rows have no register to be checked
    against (that is said once per region, which a region in parts would say once per part)."""
    region = regions.get(name)
    if region is None or not region.indicators:
        return [_Part(name, 0, paths)]
    numbers = [zlib.crc32(path.stem.encode()) % _PARTS for path in paths]
    return [_Part(name, number, [path for path, of in zip(paths, numbers) if of == number])
            for number in range(_PARTS) if number in numbers]


@dataclass
class _Loaded:
    """What reading one part of a region's files in a forked worker added, for the parent to
    add: the models, each as its key when it is in the part's cache file, that file as the
    worker wrote it (unpickling those bytes is cheaper than pickling the models again), and
    the digests of the files (the plans' cache keys and the next run need the minutes')."""

    items: list
    errors: list[DataError]
    unreadable: set[str]
    registerless: set[str]
    written: bytes | None
    digests: dict


@dataclass(frozen=True)
class _InCache:
    key: str


def _load_region_files(by_region: dict[str, list[Path]], folder: Path, root: Path, kind: str,
                       parse: Callable, attach: Callable, regions: dict[str, m.Region],
                       collector: Collector, unreadable: set[str], cache: Cache | None,
                       prints: Fingerprints | None, contexts: dict[str, bytes], processes: int) -> None:
    # The region file's own errors are reported; checking against it would only add noise.
    names = [name for name in by_region if name not in unreadable]
    parts = [part for name in names for part in _parts(name, by_region[name], regions)]

    keys: dict[Path, str | None] = {}

    def key(path: Path, region: str) -> str | None:
        """The file's cache key: its name, its bytes and what it is checked against."""
        if path not in keys:
            keys[path] = (cache.key(_shown(path, root).encode(), prints.digest(path), contexts[region])
                          if cache is not None and region in regions and region in contexts else None)
        return keys[path]

    def cached(part: _Part, path: Path) -> bool:
        # A part without a cache file holds no model: its files are not read here to find their
        # keys (the workers do, on every core).
        group = part.group(folder)
        if cache is None or not cache.holds(group):
            return False
        path_key = key(path, part.region)
        return path_key is not None and cache.has(group, path_key)

    def load(part: _Part) -> bytes | None:
        region_dir = folder / part.region
        if cache is None or not cache.holds(part.group(folder)):
            _read_ahead(part.paths)  # every one of them is read
        for path in part.paths:
            path_key = key(path, part.region)
            if path_key is not None and _load_cached(path, path_key, part.group(folder), region_dir,
                                                     root, attach, regions, collector, cache, parse,
                                                     folder, kind):
                continue
            if not _load_region_file(path, region_dir, folder, root, kind, parse, attach, regions,
                                     collector):
                # Its own error is reported; other files' references to it by its file name
                # would only add "finns inte" for a file that is there.
                collector.unreadable.add(path.stem)
        return cache.save(part.group(folder)) if cache is not None else None

    to_read = sum(1 for part in parts for path in part.paths if not cached(part, path))
    if processes < 2 or to_read < _FORK_AT:
        for part in parts:
            load(part)
        return
    # Each file is read and checked on its own (against its region, the region's register
    # and, for plans, the minutes read before), but for an id used twice in a region (only
    # in files of one name, so in one part), so parts are read in forked workers and what each
    # added is added here in the parts' order: the same as reading them in turn.
    worked = forked.imap(lambda part: _in_worker(load, part, folder, regions, attach, collector, cache,
                                                 prints),
                         parts, processes)
    for part, loaded in zip(parts, worked):
        group = part.group(folder)
        if loaded.written is not None:
            cache.took(group, loaded.written)
        items = [cache.get(group, item.key) if isinstance(item, _InCache) else item
                 for item in loaded.items]
        if part.region in regions:
            attach(regions[part.region]).extend(items)
        collector.errors += loaded.errors
        collector.unreadable |= loaded.unreadable
        collector.registerless |= loaded.registerless
        if prints is not None:
            prints.add(loaded.digests)


def _in_worker(load: Callable[[_Part], bytes | None], part: _Part, folder: Path,
               regions: dict[str, m.Region], attach: Callable, collector: Collector,
               cache: Cache | None, prints: Fingerprints | None) -> _Loaded:
    """load(part) in a forked worker; what it added to the region and the collector."""
    region = regions.get(part.region)
    attached = attach(region) if region else []
    items, errors, deferred = len(attached), len(collector.errors), len(collector.deferred)
    unreadable, registerless = set(collector.unreadable), set(collector.registerless)
    written = load(part)
    if len(collector.deferred) != deferred:
        raise RuntimeError("a check deferred in a forked worker would never run")
    group = part.group(folder)
    kept = {id(item): _InCache(key) for key, item in cache.used.get(group, {}).items()} if cache else {}
    loaded = _Loaded([kept.get(id(item), item) for item in attached[items:]],
                     collector.errors[errors:], collector.unreadable - unreadable,
                     collector.registerless - registerless, written,
                     prints.found(part.paths) if prints is not None else {})
    # The parent keeps the models; this worker's memory is reused for its next part.
    del attached[items:]
    if cache is not None:
        cache.forget(group)
    return loaded


def _read_ahead(paths: list[Path]) -> None:
    """Have the system read the files from disk while the first of them are parsed: read one
    at a time as they were, a national corpus (325 MB) not in the page cache kept the workers
    waiting a second."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in paths:
        try:
            # (never through a link, nor waiting on a FIFO put here since the files were found)
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue  # said when it is read
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        finally:
            os.close(fd)


def _load_cached(path: Path, key: str, group: str, region_dir: Path, root: Path, attach: Callable,
                 regions: dict[str, m.Region], collector: Collector, cache: Cache, parse: Callable,
                 folder: Path, kind: str) -> bool:
    """A file read without errors before, with the same bytes, against the same region:
    its model from the cache. Otherwise read and check it, and keep it if it had no error.
    False when the file is to be read the ordinary way (with its errors)."""
    region = regions[region_dir.name]
    item = cache.get(group, key)
    if item is not None:
        if item.id == path.stem and not any(existing.id == item.id for existing in attach(region)):
            attach(region).append(item)
            return True
        return False  # an id used twice: read again, for the message at its line
    errors, deferred = len(collector.errors), len(collector.deferred)
    attached = _load_region_file(path, region_dir, folder, root, kind, parse, attach,
                                 regions, collector)
    if not attached:
        collector.unreadable.add(path.stem)
    elif (len(collector.errors) == errors and len(collector.deferred) == deferred
          and attach(region)[-1].id == path.stem):
        cache.put(group, key, attach(region)[-1])
    return True


def _load_region_file(path: Path, region_dir: Path, folder: Path, root: Path, kind: str,
                      parse: Callable, attach: Callable, regions: dict[str, m.Region],
                      collector: Collector) -> bool:
    """Read, check and attach one plan or minutes file; False when it could not be attached."""
    collector.start_file(None)
    doc = _document(path, root, kind, collector)
    if doc is None:
        return False
    region_id = doc.text("region", required=True)
    if region_id and region_id not in regions:
        doc.error("region", f"regionen '{region_id}' finns inte",
                  expected="id för en region i data/regioner/",
                  suggestion=did_you_mean(region_id, regions))
        return False
    if region_id and region_id != region_dir.name:
        doc.error("region", f"filen ligger i mappen '{region_dir.name}' men gäller regionen "
                            f"'{region_id}'",
                  expected=f"filen i mappen data/{folder.name}/{region_id}/")
        return False
    if not region_id:
        return False
    region = regions[region_id]
    collector.start_file(region)
    item = parse(doc)
    collector.check_parts()
    if not _named_after_id(doc, path, item.id):
        return False
    if any(existing.id == item.id for existing in attach(region)):
        doc.error("id", f"id '{item.id}' används redan i regionen")
        return False
    item.source = _shown(path, root)
    attach(region).append(item)
    return True


def _shown(path: Path, root: Path) -> str:
    """A file's name in messages and in the model: data/planer/… for a file in the project."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _document(path: Path, root: Path, kind: str, collector: Collector):
    shown = _shown(path, root)
    try:
        doc = load(path, shown)
    except DataError as error:
        collector.add(error)
        return None
    if not isinstance(doc, YamlMap):
        where = getattr(doc, "location", Location(shown, 1, 1))  # a list knows where it starts
        collector.add(DataError(where, f"filen ska beskriva en {kind}",
                                found=describe(doc),
                                expected="nycklar som 'id:', 'titel:' … enligt data/README.md"))
        return None
    ident = doc.get("id")
    return Fields(doc, f"{kind} {ident}" if isinstance(ident, str) else kind, collector)


def _named_after_id(doc: Fields, path: Path, ident: str) -> bool:
    if ident and path.stem != ident:
        doc.error("id", f"filen heter '{path.name}' men har id '{ident}'",
                  expected=f"filnamnet '{ident}{path.suffix}' (webbadressen byggs av id:t)")
        return False
    return bool(ident)
