"""Offline directory of French communes: search as one types, neighbourhood figures.

Built by ``scripts/build_communes.py`` from open data (COG 2026 via Etalab, La Poste's
postal-code base for approximate centres, the CGET 2019 list of tiers-lieux) into small
gzip'd text files under ``resources/communes/``. Loading needs only the standard library
(no pandas: the wizard loads this at start-up) and splits a commune's line only when that
commune is asked for (benchmarks/bench_communes.py compares the formats).

    d = directory()
    d.search("laroque d olmes")[0].insee_code   # "09157"
    d.neighbourhood("48198").catchment_population
    d.by_insee("66149").insee["employed_15_64"]     # census figures and zonings (INSEE)
    d.catchment("66149", minutes=20).population      # approximate road time, see catchment.py

INSEE figures (``insee.tsv.gz``, built by ``scripts/insee_tables.py``) and the catchment
index are read the first time they are asked for, not when the directory loads.
"""

from __future__ import annotations

import csv
import functools
import gzip
import itertools
import json
import math
import os
import re
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import NamedTuple

from reports import insee as insee_rules
from reports import paths
from reports.errors import UserFacingError
from reports.fmt import fmt_number
from reports.textnorm import fold, fold_words
from reports.texts import message, messages

__all__ = [
    "CENSUS_ENV", "INSEE_KEYS", "Commune", "CurrentCommunes", "Directory", "DirectoryError",
    "Neighbourhood", "Ring", "ThirdPlace", "directory", "fold", "load_census_file",
    "load_directory", "reset_census",
]
INSEE_KEYS = insee_rules.KEYS

RESOURCE_DIR = "communes"
RING_RADII_KM = (10, 20, 30)
# The study's catchment is 15 to 25 minutes by road; issue 4 takes the 20 km ring for it.
CATCHMENT_RADIUS_KM = 20
PLACES_RADIUS_KM = 30
CATCHMENT_CACHE = 4096  # catchments kept (a national scan must not keep 35 000)
EARTH_RADIUS_KM = 6371.0

KINDS = {"A": "commune-actuelle", "D": "commune-deleguee", "S": "commune-associee"}

COMMUNES_FILE = "communes.tsv.gz"
KEYS_FILE = "search_keys.txt.gz"
COMMUNE_COLUMNS = ["kind", "insee", "name", "dep", "population", "postal_codes", "epci",
                   "lat", "lon", "current_insee"]
K_KIND, K_INSEE, K_NAME, K_DEP, K_POP, K_CPS, K_EPCI, K_LAT, K_LON, K_CUR = range(10)
INSEE_FILE = "insee.tsv.gz"
INSEE_COLUMNS = ["insee", *insee_rules.COUNTS, "zau2010", "aav2020_category", "aav2020_code",
                 "aav2020_size_class", "density_level", "bassin_de_vie_code", "notes"]
OLD_CODES_FILE = "old_codes.tsv.gz"
OLD_CODES_COLUMNS = ["insee", "old_codes"]
ZONINGS_FILE = "zonages.csv.gz"
ZONINGS_COLUMNS = ["kind", "code", "name"]
SMALL_TABLES = {  # gzip'd CSV file -> expected header
    "epci.csv.gz": ["siren", "name", "type", "population", "members"],
    "departements.csv.gz": ["code", "name", "region"],
    "tiers_lieux.csv.gz": ["name", "insee", "typology", "lat", "lon"],
}

_CODE = re.compile(r"(?:\d{1,5}|2[AB]\d{0,3})", re.IGNORECASE)
_DEP_SUFFIX = re.compile(r"\(\s*(\d{2,3}|2[AB])\s*\)\s*$", re.IGNORECASE)


class DirectoryError(UserFacingError):
    """The communes directory cannot be read; the message is in French."""


# ---------------------------------------------------------------- value objects

@dataclass(frozen=True, slots=True)
class Commune:
    """A commune, or an old (delegated / associated) name pointing to its current commune."""

    insee_code: str
    name: str
    departement: str
    departement_name: str
    region: str
    population: int | None
    postal_codes: tuple[str, ...]
    epci_siren: str | None
    epci_name: str | None
    epci_type: str | None
    epci_population: int | None
    epci_members: int | None
    lat: float | None
    lon: float | None
    kind: str
    current_insee_code: str
    current_name: str
    search_key: str = field(default="", compare=False, repr=False)
    # INSEE figures and zonings (keys INSEE_KEYS, None where missing) and why some are
    # missing or were added up (French sentences)
    insee: dict | None = field(default=None, compare=False, repr=False)
    insee_notes: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def is_current(self) -> bool:
        """True for a commune of today, False for an old name."""
        return self.kind == "commune-actuelle"

    @property
    def label(self) -> str:
        """One line for lists: ``Prades (66) — 5 835 hab.``; old names say where they went."""
        if not self.is_current:
            return message("directory.label.old_name", name=self.name,
                           departement=self.departement, current=self.current_name,
                           kind=message(f"directory.kinds.{self.kind}"))
        if self.population is None:
            return message("directory.label.unknown_population", name=self.name,
                           departement=self.departement)
        return message("directory.label.current", name=self.name, departement=self.departement,
                       population=fmt_number(self.population))

    def to_dict(self) -> dict:
        """Plain JSON-ready mapping (postal codes as a list)."""
        return {
            "insee_code": self.insee_code, "name": self.name, "kind": self.kind,
            "departement": self.departement, "departement_name": self.departement_name,
            "region": self.region, "population": self.population,
            "postal_codes": list(self.postal_codes), "epci_siren": self.epci_siren,
            "epci_name": self.epci_name, "epci_type": self.epci_type,
            "epci_population": self.epci_population, "epci_members": self.epci_members,
            "lat": self.lat, "lon": self.lon, "current_insee_code": self.current_insee_code,
            "current_name": self.current_name, "label": self.label,
            "insee": dict(self.insee) if self.insee is not None else None,
            "insee_notes": list(self.insee_notes),
        }


@dataclass(frozen=True, slots=True)
class Ring:
    """People and communes whose centre lies within `radius_km` (the commune included)."""

    radius_km: int
    population: int
    communes: int


@dataclass(frozen=True, slots=True)
class ThirdPlace:
    """A tiers-lieu of the CGET 2019 list, with its straight-line distance."""

    name: str
    commune: str
    insee_code: str
    cget_type: str  # the CGET's own wording, "" when the list gives none
    distance_km: float

    @property
    def type_label(self) -> str:
        """``"Tiers lieux à dominante coworking"`` as the CGET wrote it, or a default."""
        return self.cget_type or message("directory.neighbourhood.untyped_place")


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """Population within 10, 20 and 30 km, the EPCI's population, tiers-lieux within 30 km."""

    insee_code: str
    name: str
    rings: tuple[Ring, ...]
    epci_population: int | None
    third_places: tuple[ThirdPlace, ...]
    approximate_note: str = field(
        default_factory=lambda: message("directory.neighbourhood.approximate_note"))
    # 15, 20 and 25 minutes of approximate road time: Catchment.summary() of each
    catchments: tuple[dict, ...] = ()
    catchment_method: str = ""

    def ring(self, radius_km: int) -> Ring:
        """The ring of `radius_km` (10, 20 or 30)."""
        return next(r for r in self.rings if r.radius_km == radius_km)

    @property
    def catchment_population(self) -> int:
        """The 20 km ring's population: the catchment when the user gave none."""
        return self.ring(CATCHMENT_RADIUS_KM).population

    def to_dict(self) -> dict:
        """Plain JSON-ready mapping."""
        return {
            "insee_code": self.insee_code, "name": self.name,
            "rings": [asdict(r) for r in self.rings],
            "catchment_population": self.catchment_population,
            "epci_population": self.epci_population,
            "third_places": [asdict(p) for p in self.third_places],
            "approximate_note": self.approximate_note,
            "catchments": [dict(c) for c in self.catchments],
            "catchment_method": self.catchment_method,
        }


class LocatedPoint(NamedTuple):
    """A current commune as a map draws it (`Directory.points_near`); `row` is private."""

    insee_code: str
    name: str
    population: int | None
    lat: float
    lon: float
    distance_km: float
    row: int


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------- loading

def _where(root: Path | None, name: str) -> str:
    """How a resource is named in messages."""
    return f"resources/{RESOURCE_DIR}/{name}" if root is None else str(root / name)


def _corrupt(where: str) -> DirectoryError:
    """The French error for a resource that exists but cannot be read."""
    return DirectoryError(message("directory.errors.corrupt", where=where))


def _read_bytes(root: Path | None, name: str) -> bytes:
    """The raw bytes of one resource file."""
    try:
        if root is None:
            return paths.read_bytes(RESOURCE_DIR, name)
        return (root / name).read_bytes()
    except (paths.ResourceError, OSError) as exc:
        missing = message("directory.errors.missing", where=_where(root, name))
        raise DirectoryError(missing) from exc


def _read_gzip_text(root: Path | None, name: str) -> str:
    """One gzip'd UTF-8 resource as text."""
    raw = _read_bytes(root, name)
    try:
        return gzip.decompress(raw).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise _corrupt(_where(root, name)) from exc


def _read_lines(root: Path | None, name: str, header: list[str]) -> list[str]:
    """Lines of a tab-separated resource, after its header (checked)."""
    lines = _read_gzip_text(root, name).split("\n")
    if lines[0].split("\t") != header or lines[-1] != "":
        raise _corrupt(_where(root, name))
    return lines[1:-1]


def _read_table(root: Path | None, name: str, header: list[str]) -> list[list[str]]:
    """Rows of a small gzip'd CSV resource, header checked."""
    try:
        rows = list(csv.reader(_read_gzip_text(root, name).splitlines()))
    except csv.Error as exc:
        raise _corrupt(_where(root, name)) from exc
    if not rows or rows[0] != header:
        raise _corrupt(_where(root, name))
    return rows[1:]


def _read_attribution(root: Path | None) -> dict:
    """The sources, vintages and licences file."""
    raw = _read_bytes(root, "attribution.json")
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data.get("sources"), list):
            raise ValueError("sources")
        return data
    except (ValueError, AttributeError) as exc:
        raise _corrupt(_where(root, "attribution.json")) from exc


def load_directory(root: Path | str | None = None) -> Directory:
    """Read the directory from `root` (a folder of built files) or the shipped resources."""
    root = None if root is None else Path(root)
    lines = _read_lines(root, COMMUNES_FILE, COMMUNE_COLUMNS)
    keys = _read_lines(root, KEYS_FILE, ["search_key"])
    tables = {name: _read_table(root, name, header) for name, header in SMALL_TABLES.items()}
    try:
        return Directory(lines, keys, tables, _read_attribution(root),
                         _where(root, COMMUNES_FILE), root=root)
    except (ValueError, IndexError, KeyError) as exc:
        raise _corrupt(_where(root, COMMUNES_FILE)) from exc


@functools.cache
def directory() -> Directory:
    """The shipped directory, loaded once (with the newer census chosen by this process or
    its parent, see `load_census_file`, and with the text catalogue of its labels, so that
    the wizard's background load reads it, not its first keystroke)."""
    messages()
    found = load_directory()
    chosen = os.environ.get(CENSUS_ENV)
    if chosen:  # a batch or scan worker: the census its parent process was told to use
        found.use_census(insee_rules.read_comparateur(chosen))
    return found


# ---------------------------------------------------------------- the directory

class CurrentCommunes(Sequence):
    """The current communes in completer order; `keys[i]` is the folded key of `self[i]`."""

    def __init__(self, owner: Directory, order: tuple[int, ...]):
        self._owner = owner
        self._order = order
        self.keys: tuple[str, ...] = tuple(owner._compact_keys[i] for i in order)

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._owner._commune(i) for i in self._order[index]]
        return self._owner._commune(self._order[index])


class _SearchText:
    """Keys joined in search order into one string, so that `str.find` does the scanning."""

    def __init__(self, keys: list[str]):
        self.text = "\n" + "\n".join(keys) + "\n"
        # starts[i]: offset of the newline just before key i
        self.starts = list(itertools.accumulate(map((1).__add__, map(len, keys)), initial=0))
        self.starts.pop()

    def scan(self, lead: str, needle: str, want: int, seen: set[int], keep) -> list[int]:
        """First `want` rows (in search order) holding `lead + needle`, skipping `seen`:
        lead "\\n" means "starts with", " " "a word starts with", "" "contains"."""
        text, starts, found = self.text, self.starts, []
        needle = lead + needle
        pos = text.find(needle)
        while pos >= 0 and len(found) < want:
            i = bisect_right(starts, pos) - 1
            if i not in seen and keep(i):
                found.append(i)
            pos = text.find(needle, starts[i + 1] if i + 1 < len(starts) else len(text))
        return found


class Directory:
    """Communes and old names in search order (current ones by population, then old names).

    Rows stay as text lines until asked for: loading only builds the search texts."""

    def __init__(self, lines: list[str], keys: list[str], tables: dict[str, list[list[str]]],
                 attribution: dict, where: str = f"resources/{RESOURCE_DIR}/{COMMUNES_FILE}",
                 root: Path | None = None):
        if len(lines) != len(keys) or not lines:
            raise ValueError("communes and keys differ in length")
        self._lines = lines
        self._where = where  # named in the error if a line read later proves damaged
        self._epci = {r[0]: (r[1], r[2], int(r[3]), int(r[4])) for r in tables["epci.csv.gz"]}
        self._deps = {r[0]: (r[1], r[2]) for r in tables["departements.csv.gz"]}
        self._places = [(name, code, typology, float(lat), float(lon))
                        for name, code, typology, lat, lon in tables["tiers_lieux.csv.gz"]]
        self._meta = attribution
        self._current_count = next(
            (i for i, line in enumerate(lines) if not line.startswith("A\t")), len(lines))
        self._words = _SearchText(keys)
        self._compact_keys = "\n".join(keys).replace(" ", "").split("\n")
        self._compact = _SearchText(self._compact_keys)
        self._cache: dict[int, Commune] = {}
        self._root = root
        self._census: insee_rules.Census | None = None  # a newer file loaded by the user
        self.census_generation = 0  # counts census changes: a cache of figures keys on it
        self._catchments: dict[str, object] = {}  # code -> widest Catchment (bounded)

    # -- metadata

    @property
    def vintage(self) -> str:
        """``"COG 2026"``: the vintage of the communes and populations."""
        return str(self._meta.get("vintage", ""))

    @property
    def attribution(self) -> list[dict]:
        """Sources shown in the About box and the note: producer, dataset, vintage, licence.
        A census file loaded by the user replaces the bundled comparateur's entry."""
        sources = [dict(s) for s in self._meta["sources"]]
        if self._census is not None:
            bundled = self._insee_meta.get("census_source")
            sources = [s for s in sources if s.get("dataset") != bundled]
            sources.append({
                "producer": "INSEE", "licence": "Licence Ouverte 2.0",
                "dataset": message("directory.census.dataset", source=self._census.source),
                "vintage": message("directory.census.vintage", year=self._census.year),
                "use": message("directory.census.use")})
        return sources

    @property
    def census_year(self) -> int | None:
        """Year of the census figures shown (2018 bundled, or the loaded file's)."""
        if self._census is not None:
            return self._census.year
        year = self._insee_meta.get("census_year")
        return int(year) if year else None

    @property
    def census_label(self) -> str:
        """« recensement 2018 (INSEE) »: the vintage to show beside a census figure."""
        return message("directory.census.label", year=self.census_year) if self.census_year else ""

    @property
    def coverage(self) -> str:
        """What the directory covers and what it does not (French)."""
        return str(self._meta.get("coverage", ""))

    def __len__(self) -> int:
        return len(self._lines)

    # -- rows, built on demand

    def _row(self, i: int) -> list[str]:
        """The fields of row `i`."""
        row = self._lines[i].split("\t")
        if len(row) != len(COMMUNE_COLUMNS):
            raise _corrupt(self._where)
        return row

    @functools.cached_property
    def _by_code(self) -> dict[str, int]:
        """INSEE code → row; a current commune wins over an old name with the same code."""
        try:
            codes = [line.split("\t", 2)[1] for line in self._lines]
        except IndexError as exc:
            raise _corrupt(self._where) from exc
        return dict(zip(reversed(codes), range(len(codes) - 1, -1, -1), strict=True))

    @functools.cached_property
    def _by_cp(self) -> dict[str, list[int]]:
        """Postal code → current communes' rows, largest first."""
        index: dict[str, list[int]] = {}
        for i in range(self._current_count):
            for cp in self._row(i)[K_CPS].split("|"):
                if cp:
                    index.setdefault(cp, []).append(i)
        return index

    @functools.cached_property
    def _cps_sorted(self) -> list[str]:
        return sorted(self._by_cp)

    def _commune(self, i: int) -> Commune:
        """The Commune of row `i` (built once)."""
        found = self._cache.get(i)
        if found is None:
            try:
                found = self._cache[i] = self._make(i)
            except (ValueError, KeyError) as exc:
                raise _corrupt(self._where) from exc
        return found

    def _make(self, i: int) -> Commune:
        """Build a Commune from its row (old names borrow their current commune's EPCI)."""
        row = self._row(i)
        current = row if row[K_KIND] == "A" else self._row(self._by_code[row[K_CUR]])
        epci = self._epci.get(current[K_EPCI])
        dep_name, region = self._deps.get(row[K_DEP], ("", ""))
        figures, notes = self.insee_of(current[K_INSEE])
        return Commune(
            insee_code=row[K_INSEE], name=row[K_NAME], departement=row[K_DEP],
            departement_name=dep_name, region=region,
            population=int(row[K_POP]) if row[K_POP] else None,
            postal_codes=tuple(row[K_CPS].split("|")) if row[K_CPS] else (),
            epci_siren=current[K_EPCI] or None, epci_name=epci[0] if epci else None,
            epci_type=epci[1] if epci else None, epci_population=epci[2] if epci else None,
            epci_members=epci[3] if epci else None,
            lat=float(row[K_LAT]) if row[K_LAT] else None,
            lon=float(row[K_LON]) if row[K_LON] else None,
            kind=KINDS[row[K_KIND]], current_insee_code=current[K_INSEE],
            current_name=current[K_NAME], search_key=self._compact_keys[i],
            insee=figures, insee_notes=notes,
        )

    # -- single lookups

    def by_insee(self, code: str) -> Commune | None:
        """The commune of this INSEE code (a current one first, else an old name), or None."""
        i = self._by_code.get(str(code).strip().upper())
        return None if i is None else self._commune(i)

    def current_of(self, commune: Commune) -> Commune:
        """The current commune an old name belongs to (itself for a current commune)."""
        return commune if commune.is_current else self.by_insee(commune.current_insee_code)

    def located(self, insee_code: str) -> Commune | None:
        """The current commune of a code (an old name's too) when it has coordinates; None
        for an unknown code or a commune without them (collectivités d'outre-mer)."""
        found = self.by_insee(insee_code)
        commune = self.current_of(found) if found is not None else None
        located = commune is not None and commune.lat is not None and commune.lon is not None
        return commune if located else None

    def departement_names(self) -> dict[str, str]:
        """Code → name of every département (« 11 » → « Aude »), for display."""
        return {code: name for code, (name, _region) in self._deps.items()}

    def by_postal_code(self, postal_code: str) -> list[Commune]:
        """Current communes served by this postal code, largest first."""
        return [self._commune(i) for i in self._by_cp.get(str(postal_code).strip(), [])]

    def all_current(self) -> CurrentCommunes:
        """Every current commune, sorted by its folded `search_key` then largest first, as a
        lazy sequence (a Commune is built when first read) with the keys in `.keys`: the
        wizard's completer model can filter and sort on the keys without building 35 000
        Communes at start-up."""
        return self._all_current

    @functools.cached_property
    def _all_current(self) -> CurrentCommunes:
        keys = self._compact_keys
        order = sorted(range(self._current_count), key=lambda i: (keys[i], i))
        return CurrentCommunes(self, tuple(order))

    # -- search

    def search(self, query: str, limit: int = 10) -> list[Commune]:
        """Best matches for what the user typed: a name (any case, accents, hyphens,
        apostrophes, St/Saint), a postal code or an INSEE code; exact matches first, then
        names starting with the text, then names containing it; larger communes first.
        A trailing "(66)" keeps one département; a list label ("Prades (66) — …") works."""
        text = str(query or "").split("—")[0].strip()
        if limit <= 0 or not text:
            return []
        dep = None
        match = _DEP_SUFFIX.search(text)
        if match:
            dep, text = match.group(1).upper(), text[: match.start()].strip()
        compact = text.replace(" ", "")
        if _CODE.fullmatch(compact):
            return self._search_code(compact.upper(), limit)
        return [self._commune(i) for i in self._search_name(text, limit, dep)]

    def _search_code(self, code: str, limit: int) -> list[Commune]:
        """An INSEE code first, then communes whose postal code starts with the digits."""
        found = [self._by_code[code]] if code in self._by_code else []
        cps = self._cps_sorted
        matched: set[int] = set()
        for k in range(bisect_left(cps, code), len(cps)):
            if not cps[k].startswith(code):
                break
            matched.update(self._by_cp[cps[k]])
        found += [i for i in sorted(matched) if i not in found]
        return [self._commune(i) for i in found[:limit]]

    def _search_name(self, text: str, limit: int, dep: str | None) -> list[int]:
        """Row indexes by tier (exact, prefix, a word's start, anywhere), search order within.

        "St" is tried both as "Saint" and as typed, so "st" also finds Strasbourg."""
        keys = [k for k in dict.fromkeys(fold(text, expand=e) for e in (True, False)) if k]
        words = [w for w in dict.fromkeys(fold_words(text, expand=e) for e in (True, False))
                 if w]
        keep = ((lambda i: True) if dep is None
                else (lambda i: self._lines[i].split("\t", 4)[K_DEP] == dep))
        # (search text, what comes before and after the needle, needles), tier by tier
        tiers = ((self._compact, "\n", "\n", keys), (self._compact, "\n", "", keys),
                 (self._words, " ", "", words), (self._compact, "", "", keys))
        chosen: list[int] = []
        seen: set[int] = set()
        for found, lead, end, needles in tiers:
            want = limit - len(chosen)
            if want <= 0:
                break
            hits = sorted({i for needle in needles
                           for i in found.scan(lead, needle + end, want, seen, keep)})[:want]
            chosen += hits
            seen.update(hits)
        return chosen

    # -- neighbourhood

    def neighbourhood(self, insee_code: str) -> Neighbourhood | None:
        """Rings of 10/20/30 km and tiers-lieux within 30 km; None if the code is unknown
        or the commune has no coordinates (collectivités d'outre-mer)."""
        commune = self.located(insee_code)
        if commune is None:
            return None
        rings = self._rings(commune.lat, commune.lon)
        places = tuple(place for place, _, _ in self.third_places_near(
            commune.lat, commune.lon, PLACES_RADIUS_KM))  # CGET tiers-lieux, nearest first
        minutes = self._catchment_index.params.minutes
        catchments = tuple(found.summary() for m in minutes
                           if (found := self.catchment(commune.insee_code, m)) is not None)
        return Neighbourhood(commune.insee_code, commune.name, rings, commune.epci_population,
                             places, catchments=catchments,
                             catchment_method=self._catchment_index.params.method)

    @functools.cached_property
    def _ring_grid(self):
        """Located current communes (lat, lon, population) in grid cells, for the rings."""
        from reports.catchment import Grid

        points = [(lat, lon, population) for _, _, lat, lon, population in self._located_rows()]
        return points, Grid([(p[0], p[1]) for p in points])

    def _located_rows(self):
        """(row index, fields, lat, lon, population) of each located current commune."""
        try:
            for i, line in enumerate(itertools.islice(self._lines, self._current_count)):
                row = line.split("\t")
                if row[K_LAT]:
                    yield i, row, float(row[K_LAT]), float(row[K_LON]), int(row[K_POP] or 0)
        except (ValueError, IndexError) as exc:
            raise _corrupt(self._where) from exc

    def _rings(self, lat: float, lon: float) -> tuple[Ring, ...]:
        """Population and commune count within each radius (equirectangular distances:
        within 0.1 % of the great circle at 30 km)."""
        points, grid = self._ring_grid
        reach = max(RING_RADII_KM)
        kx = math.cos(math.radians(lat))
        deg = math.pi * EARTH_RADIUS_KM / 180
        limits = [(r, (r / deg) ** 2) for r in RING_RADII_KM]
        people = dict.fromkeys(RING_RADII_KM, 0)
        counts = dict.fromkeys(RING_RADII_KM, 0)
        for k in grid.near(lat, lon, reach + 1):
            plat, plon, pop = points[k]
            d2 = (plat - lat) ** 2 + ((plon - lon) * kx) ** 2
            for radius, limit in limits:
                if d2 <= limit:
                    people[radius] += pop
                    counts[radius] += 1
        return tuple(Ring(r, people[r], counts[r]) for r in RING_RADII_KM)

    # -- points for maps (reports.maps)

    @functools.cached_property
    def _located(self) -> tuple[list[float], list[int], list[float]]:
        """Latitudes of located current communes, ascending, their rows and longitudes."""
        points = sorted((lat, i, lon) for i, _, lat, lon, _ in self._located_rows())
        return [p[0] for p in points], [p[1] for p in points], [p[2] for p in points]

    @functools.cached_property
    def _places_by_lat(self) -> tuple[list[float], list[int]]:
        """Latitudes of the CGET tiers-lieux, ascending, and their indexes in `_places`."""
        order = sorted(range(len(self._places)), key=lambda i: self._places[i][3])
        return [self._places[i][3] for i in order], order

    def located_near(self, lat: float, lon: float, radius_km: float) -> list[tuple[Commune, float]]:
        """Current communes whose centre lies within `radius_km` of (lat, lon), with their
        straight-line distance in km, nearest first."""
        return [(self._commune(point.row), point.distance_km)
                for point in self.points_near(lat, lon, radius_km)]

    def points_near(self, lat: float, lon: float, radius_km: float) -> list[LocatedPoint]:
        """As `located_near`, but only what a map draws (code, name, population, centre):
        no `Commune` is built (a neighbourhood map has ~350 dots; building each one, with
        its INSEE figures, cost time and kept them all in memory for a batch)."""
        lats, rows, lons = self._located
        reach = radius_km / (math.pi * EARTH_RADIUS_KM / 180)
        # a generous longitude window first: the latitude band alone crosses all of France
        reach_lon = 1.1 * reach / max(0.05, math.cos(math.radians(min(abs(lat) + reach, 89.9))))
        found = []
        try:
            for k in range(bisect_left(lats, lat - reach), bisect_right(lats, lat + reach)):
                if abs(lons[k] - lon) > reach_lon:
                    continue
                d = distance_km(lat, lon, lats[k], lons[k])
                if d <= radius_km:
                    row = self._row(rows[k])
                    found.append(LocatedPoint(row[K_INSEE], row[K_NAME],
                                              int(row[K_POP]) if row[K_POP] else None,
                                              lats[k], lons[k], d, rows[k]))
        except ValueError as exc:
            raise _corrupt(self._where) from exc
        found.sort(key=lambda point: (point.distance_km, point.insee_code))
        return found

    def third_places_near(self, lat: float, lon: float,
                          radius_km: float) -> list[tuple[ThirdPlace, float, float]]:
        """CGET tiers-lieux within `radius_km`, nearest first, each with its own latitude and
        longitude (the neighbourhood map's triangles)."""
        found = []
        reach = radius_km / (math.pi * EARTH_RADIUS_KM / 180) + 0.01  # km → degrees
        reach_lon = reach / max(0.05, math.cos(math.radians(min(abs(lat) + reach, 89.9))))
        lats, order = self._places_by_lat
        band = sorted(order[bisect_left(lats, lat - reach):bisect_right(lats, lat + reach)])
        for k in band:  # in the list's order: places at the same distance keep their order
            name, code, typology, plat, plon = self._places[k]
            if abs(plon - lon) > reach_lon:
                continue
            d = distance_km(lat, lon, plat, plon)
            if d <= radius_km:
                i = self._by_code.get(code)
                commune = self._row(i)[K_NAME] if i is not None else ""
                found.append((ThirdPlace(name, commune, code, typology, round(d, 1)), plat, plon))
        found.sort(key=lambda t: (t[0].distance_km, fold(t[0].name)))
        return found

    # -- INSEE census figures and zonings

    @functools.cached_property
    def _insee_meta(self) -> dict:
        return dict(self._meta.get("insee") or {})

    @functools.cached_property
    def _insee_rows(self) -> dict[str, list[str]]:
        """Current code → its INSEE row (read on first use, not at start-up)."""
        rows = {}
        for line in _read_lines(self._root, INSEE_FILE, INSEE_COLUMNS):
            row = line.split("\t")
            if len(row) != len(INSEE_COLUMNS):
                raise _corrupt(_where(self._root, INSEE_FILE))
            rows[row[0]] = row
        return rows

    @functools.cached_property
    def _zonings(self) -> dict[tuple[str, str], str]:
        """(kind, code) → name, kind "aav" (aire d'attraction) or "bv" (bassin de vie)."""
        rows = _read_table(self._root, ZONINGS_FILE, ZONINGS_COLUMNS)
        return {(kind, code): name for kind, code, name in rows}

    @functools.cached_property
    def _old_codes(self) -> dict[str, tuple[str, ...]]:
        """Current code → the codes of the communes merged into it."""
        lines = _read_lines(self._root, OLD_CODES_FILE, OLD_CODES_COLUMNS)
        try:
            return {code: tuple(olds.split("|")) for code, olds in
                    (line.split("\t") for line in lines)}
        except ValueError as exc:
            raise _corrupt(_where(self._root, OLD_CODES_FILE)) from exc

    def _note_text(self, code: str, census_geography: str) -> str:
        """The French sentence of a note code such as "census_sum:3" (directory.toml
        [insee_notes]; each uses some of the values given)."""
        key, _, n = code.partition(":")
        census = self._census
        return messages()[f"directory.insee_notes.{key}"].format(
            n=n, census_geography=census_geography,
            census_year=census.year if census else "", census_source=census.source if census
            else "")

    def insee_of(self, insee_code: str) -> tuple[dict | None, tuple[str, ...]]:
        """The INSEE mapping (keys INSEE_KEYS) of a current commune and its French notes;
        (None, ()) for a code the INSEE table does not hold."""
        row = self._insee_rows.get(insee_code)
        if row is None:
            return None, ()
        try:
            return self._insee_mapping(row)
        except (ValueError, KeyError, IndexError) as exc:
            raise _corrupt(_where(self._root, INSEE_FILE)) from exc

    def _insee_mapping(self, row: list[str]) -> tuple[dict, tuple[str, ...]]:
        (code, *counts), rest = row[:1 + len(insee_rules.COUNTS)], row[1 + len(insee_rules.COUNTS):]
        zau, category, aav_code, size, density, bv, notes_text = rest
        notes = [n for n in notes_text.split("|") if n]
        values: dict[str, int | None] = {k: int(v) if v else None
                                         for k, v in zip(insee_rules.COUNTS, counts, strict=True)}
        meta = self._insee_meta
        census_geography = meta.get("census_geography", "")
        if self._census is not None and "outside" not in notes:
            figures = insee_rules.census_figures(self._census, code, self._old_codes)
            values = {k: insee_rules.rounded(v) for k, v in figures.counts.items()}
            notes = [n for n in notes if not n.startswith("census")] + list(figures.notes)
            notes.append("user_census")
            census_geography = message("directory.census.geography")
        mapping = {
            **values,
            "zau2010": zau or None,
            "aav2020_category": category or None,
            "aav2020_code": aav_code or None,
            "aav2020_name": self._zonings.get(("aav", aav_code)) if aav_code else None,
            "aav2020_size_class": int(size) if size else None,
            "density_level": int(density) if density else None,
            "bassin_de_vie_code": bv or None,
            "bassin_de_vie_name": self._zonings.get(("bv", bv)) if bv else None,
            "census_year": None if values["jobs"] is None and values["population_15_64"] is None
            else self.census_year,
            "geography": str(meta.get("geography", "")).replace(
                "{census_geography}", census_geography) or None,
        }
        return ({k: mapping[k] for k in INSEE_KEYS},
                tuple(self._note_text(n, census_geography) for n in notes))

    def use_census(self, census: insee_rules.Census | None) -> None:
        """Show the figures of a newer comparateur file (None: back to the bundled one)."""
        self._census = census
        self.census_generation += 1
        self._cache.clear()
        self._catchments.clear()
        self.__dict__.pop("_catchment_index", None)

    # -- catchment (approximate road time)

    @functools.cached_property
    def _catchment_index(self):
        """Located current communes with their census and density, and the known
        tiers-lieux (CGET 2019 list and the study's sites, one entry per place)."""
        from reports import catchment

        points = [catchment.Point(row[K_INSEE], row[K_NAME], lat, lon, population,
                                  *self._employed_density(row[K_INSEE]))
                  for _, row, lat, lon, population in self._located_rows()]
        names = {p.insee_code: p.name for p in points}
        cget = [catchment.Place(name, names.get(code, ""), code, typology, None, True, lat, lon)
                for name, code, typology, lat, lon in self._places]
        return catchment.CatchmentIndex(points, catchment.merge_places(cget,
                                                                       self._study_places()))

    def _employed_density(self, code: str) -> tuple[int | None, int | None]:
        """Employed residents (bundled or loaded census) and density level of a commune."""
        row = self._insee_rows.get(code)
        if row is None:
            return None, None
        density = row[INSEE_COLUMNS.index("density_level")]
        if self._census is not None:
            figures = insee_rules.census_figures(self._census, code, self._old_codes)
            employed = insee_rules.rounded(figures.counts["employed_15_64"])
        else:
            value = row[INSEE_COLUMNS.index("employed_15_64")]
            employed = int(value) if value else None
        try:
            return employed, int(density) if density else None
        except ValueError as exc:
            raise _corrupt(_where(self._root, INSEE_FILE)) from exc

    def _study_places(self) -> list:
        """The study's ten sites at their commune's centre (none if the knowledge base or a
        commune cannot be read: the CGET list still counts)."""
        from reports import catchment

        try:
            from reports.knowledge import knowledge

            sites = knowledge().sites
        except Exception:  # the directory works without the knowledge base
            return []
        out = []
        for site in sites:
            commune = self.by_insee(site.insee_code)
            if commune is not None and commune.lat is not None:
                out.append(catchment.Place(site.name, commune.name, commune.insee_code, "",
                                           site.site_id, False, commune.lat, commune.lon))
        return out

    def catchment(self, insee_code: str, minutes: int = 20):
        """Population and employed residents within `minutes` of approximate road time,
        communes and tiers-lieux reached (`reports.catchment.Catchment`, approximate=True,
        its `method` says how); None for an unknown code or a commune without coordinates."""
        commune = self.by_insee(insee_code)
        if commune is None:
            return None
        code, minutes = commune.current_insee_code, int(minutes)
        index = self._catchment_index
        widest = max(minutes, *index.params.minutes)
        found = self._catchments.get(code)
        if found is None or found.minutes < widest:
            found = index.catchment(code, widest)
            if found is None:
                return None
            self._catchments[code] = found
            while len(self._catchments) > CATCHMENT_CACHE:  # oldest first out
                del self._catchments[next(iter(self._catchments))]
        return found if found.minutes == minutes else found.within(minutes)

    def nearest_third_place(self, insee_code: str):
        """The nearest known tiers-lieu (`reports.catchment.CatchmentPlace`) or None."""
        commune = self.by_insee(insee_code)
        if commune is None:
            return None
        return self._catchment_index.nearest_place(commune.current_insee_code)

    def current_codes(self, departement: str | None = None, epci_siren: str | None = None
                      ) -> list[str]:
        """Codes of the current communes, in search order (largest first); only those of a
        département and/or an intercommunality when asked (read from the rows, fast)."""
        out = []
        for line in itertools.islice(self._lines, self._current_count):
            row = line.split("\t", K_EPCI + 1)
            if departement is not None and row[K_DEP] != departement:
                continue
            if epci_siren is not None and row[K_EPCI] != epci_siren:
                continue
            out.append(row[K_INSEE])
        return out


# ---------------------------------------------------------------- newer census figures

CENSUS_ENV = "TIERSLIEU_RECENSEMENT"  # a newer census file, for this process and its workers


def load_census_file(path: Path | str) -> insee_rules.Census:
    """Use a newer INSEE comparateur file (P21_, P22_… columns) instead of the bundled
    census, for the rest of the session: every figure and vintage shown follows. Raises
    `reports.insee.CensusFileError` (French) if the file lacks a column, and then changes
    nothing. The choice is kept in the environment, so batch and scan worker processes
    read the same file. For the command line option ``--recensement`` and the wizard's
    menu."""
    chosen = Path(path).expanduser().resolve()
    census = insee_rules.read_comparateur(chosen)
    directory().use_census(census)
    os.environ[CENSUS_ENV] = str(chosen)
    return census


def reset_census() -> None:
    """Back to the bundled census figures."""
    os.environ.pop(CENSUS_ENV, None)
    directory().use_census(None)
