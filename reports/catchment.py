"""Approximate road-time catchment of a commune: who lives within 15, 20 or 25 minutes.

No road network offline: the straight-line distance between the communes' approximate
centres is multiplied by a detour factor and driven at a speed that depends on each
commune's density level (half the way at the speed of the commune left, half at the speed
of the commune reached). The figures and their sources are in
``resources/communes/catchment.json``; every result says it is approximate and how it was
made (`Catchment.method`). A grid of cells indexes the centres, so a catchment costs well
under a millisecond and a scan of all of France's communes stays short.

    d = directory()
    c = d.catchment("66149", minutes=20)
    c.population, c.employed_15_64, c.third_places[0].minutes
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from reports import paths
from reports.fmt import fmt_number
from reports.textnorm import fold_words
from reports.texts import message

KM_PER_DEGREE = math.pi * 6371.0 / 180
CELL_DEGREES = 0.2
TWIN_KM = 0.5  # two entries of the CGET list closer than this, with one name, are one place
# Words that say nothing about which place it is (for telling duplicates apart).
_ARTICLES = {"le", "la", "les", "l", "de", "d", "du", "des", "et", "en", "a", "au", "aux"}
_GENERIC = _ARTICLES | {"tiers", "lieu", "lieux", "coworking", "espace", "fablab",
                        "telecentre", "maison", "msap", "pole", "centre", "numerique"}


@dataclass(frozen=True)
class Parameters:
    """Detour factor and speeds by density level, with their sources (from the resource)."""

    detour_factor: float
    speeds_kmh: dict[str, float]  # "1".."7" and "unknown"
    minutes: tuple[int, ...]
    method: str  # French sentence, figures filled in
    sources: dict[str, dict]
    island_of: dict[str, str] = field(default_factory=dict)  # INSEE code -> island
    # INSEE code -> its group of communes no road links to the coast (Guyane's interior)
    roadless_of: dict[str, str] = field(default_factory=dict)
    # INSEE code -> the commune at the end of a single mountain road (a Réunion cirque)
    mountain_end_of: dict[str, str] = field(default_factory=dict)

    def cut_off(self, insee_code: str) -> str:
        """The island, the group of roadless communes or the end of a mountain road a commune
        belongs to ("" on the road network): two different groups never reach each other."""
        if insee_code in self.island_of:
            return self.island_of[insee_code]
        group = self.roadless_of.get(insee_code)
        if group:
            return f"no_road:{group}"
        end = self.mountain_end_of.get(insee_code)
        return f"mountain_end:{end}" if end else ""

    def speed(self, density_level: int | None) -> float:
        """Speed in km/h for a commune of this density level (the stated default if unknown)."""
        return self.speeds_kmh.get(str(density_level), self.speeds_kmh["unknown"])


@functools.cache
def parameters() -> Parameters:
    """The shipped parameters (resources/communes/catchment.json)."""
    data = json.loads(paths.read_text("communes", "catchment.json"))
    detour, speeds = data["detour_factor"], data["speeds_kmh"]
    levels = [message("directory.catchment.speed", level=k, speed=fmt_number(v))
              for k, v in speeds["value"].items() if k != "unknown"]
    levels.append(message("directory.catchment.unknown_speed",
                          speed=fmt_number(speeds["value"]["unknown"])))
    method = message(
        "directory.catchment.method", detour=fmt_number(detour["value"], 1),
        speeds="; ".join(levels),
        detour_source=message("directory.catchment.stated_default" if detour.get("stated_default")
                              else "directory.catchment.sourced"),
        speeds_source=message("directory.catchment.stated_defaults" if speeds.get("stated_default")
                              else "directory.catchment.sourced_values"))
    return Parameters(float(detour["value"]), {k: float(v) for k, v in speeds["value"].items()},
                      tuple(data["minutes"]), method,
                      {"detour_factor": detour, "speeds_kmh": speeds},
                      {code: island for island, codes in data["islands"]["value"].items()
                       for code in codes},
                      {code: group for group, codes in data["no_road"]["value"].items()
                       for code in codes},
                      {code: end for end, codes in data["mountain_end"]["value"].items()
                       for code in codes})


# ---------------------------------------------------------------- results

@dataclass(frozen=True, slots=True)
class CatchmentCommune:
    """A commune whose centre lies within the catchment's time."""

    insee_code: str
    name: str
    population: int
    employed_15_64: int | None
    road_km: float
    minutes: float


@dataclass(frozen=True, slots=True)
class PlaceIdentity:
    """Which tiers-lieu: its name, commune, CGET type, and study site (a study site also in
    the CGET 2019 list is one place, with both identities)."""

    name: str
    commune: str
    insee_code: str
    cget_type: str
    study_site_id: str | None
    in_cget_list: bool


@dataclass(frozen=True, slots=True)
class CatchmentPlace(PlaceIdentity):
    """An existing tiers-lieu within the catchment (one entry per place), and how far."""

    road_km: float
    minutes: float


@dataclass(frozen=True)
class Catchment:
    """People and employed residents within `minutes` of approximate road time."""

    insee_code: str
    name: str
    minutes: int
    population: int
    employed_15_64: int
    communes: tuple[CatchmentCommune, ...]
    third_places: tuple[CatchmentPlace, ...]
    method: str
    communes_without_census: int = 0
    approximate: bool = True

    def within(self, minutes: int) -> Catchment:
        """The same catchment cut to fewer minutes."""
        communes = tuple(c for c in self.communes if c.minutes <= minutes)
        return Catchment(self.insee_code, self.name, minutes,
                         sum(c.population for c in communes),
                         sum(c.employed_15_64 or 0 for c in communes), communes,
                         tuple(p for p in self.third_places if p.minutes <= minutes),
                         self.method, sum(1 for c in communes if c.employed_15_64 is None))

    def summary(self) -> dict:
        """The figures without the lists (for the neighbourhood output)."""
        return {"minutes": self.minutes, "population": self.population,
                "employed_15_64": self.employed_15_64, "communes": len(self.communes),
                "third_places": len(self.third_places),
                "communes_without_census": self.communes_without_census,
                "approximate": self.approximate}


# ---------------------------------------------------------------- the index

@dataclass(frozen=True, slots=True)
class Point:
    """A located current commune, as the index needs it."""

    insee_code: str
    name: str
    lat: float
    lon: float
    population: int
    employed_15_64: int | None
    density_level: int | None


@dataclass(frozen=True, slots=True)
class Place(PlaceIdentity):
    """A known tiers-lieu, located."""

    lat: float
    lon: float

    def reached(self, road_km: float, minutes: float) -> CatchmentPlace:
        """This place as reached from a commune: road distance and time, rounded."""
        return CatchmentPlace(self.name, self.commune, self.insee_code, self.cget_type,
                              self.study_site_id, self.in_cget_list, round(road_km, 1),
                              round(minutes, 1))


class Grid:
    """Points bucketed in cells of CELL_DEGREES; `near` yields candidates in a square."""

    def __init__(self, coords: Sequence[tuple[float, float]]):
        self.cells: dict[tuple[int, int], list[int]] = {}
        for i, (lat, lon) in enumerate(coords):
            self.cells.setdefault(self.cell(lat, lon), []).append(i)

    @staticmethod
    def cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)

    def near(self, lat: float, lon: float, radius_km: float) -> list[int]:
        """Indexes of the points of every cell the square of `radius_km` touches."""
        dlat = radius_km / KM_PER_DEGREE
        dlon = radius_km / (KM_PER_DEGREE * max(0.05, math.cos(math.radians(lat))))
        (r0, c0), (r1, c1) = self.cell(lat - dlat, lon - dlon), self.cell(lat + dlat, lon + dlon)
        out: list[int] = []
        cells = self.cells
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                out.extend(cells.get((r, c), ()))
        return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: within 0.1 % of the great circle at these ranges."""
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return KM_PER_DEGREE * math.hypot(lat2 - lat1, x)


class CatchmentIndex:
    """Communes and tiers-lieux located, indexed for fast catchments."""

    def __init__(self, points: Sequence[Point], places: Sequence[Place]):
        self.params = parameters()
        self.points = list(points)
        self.places = list(places)
        self.row = {p.insee_code: i for i, p in enumerate(self.points)}
        self.speed = [self.params.speed(p.density_level) for p in self.points]
        # no road leaves an island without a bridge nor Guyane's interior: "" for the road
        # network (catchment.json)
        cut = self.params.cut_off
        self.island = [cut(p.insee_code) for p in self.points]
        self._place_island = [cut(p.insee_code) for p in self.places]
        self._grid = Grid([(p.lat, p.lon) for p in self.points])
        self._place_grid = Grid([(p.lat, p.lon) for p in self.places])
        self._place_speed = [self._speed_of_code(p.insee_code) for p in self.places]
        self.max_speed = max(self.params.speeds_kmh.values())

    def _speed_of_code(self, code: str) -> float:
        i = self.row.get(code)
        return self.speed[i] if i is not None else self.params.speed(None)

    def catchment(self, insee_code: str, minutes: int = 20) -> Catchment | None:
        """The catchment of a located current commune, or None if it is not in the index."""
        i = self.row.get(insee_code)
        if i is None:
            return None
        me, v0 = self.points[i], self.speed[i]
        detour = self.params.detour_factor
        reach = minutes / 60 * self.max_speed / detour
        # equirectangular around the commune (within 0.1 % of the great circle here)
        kx = math.cos(math.radians(me.lat))
        km = KM_PER_DEGREE * detour
        lat0, lon0, inv0 = me.lat, me.lon, 1.0 / v0
        points, speed, island, mine = self.points, self.speed, self.island, self.island[i]
        found = []
        for j in self._grid.near(lat0, lon0, reach):
            if island[j] != mine:
                continue
            p = points[j]
            road = km * math.hypot(p.lat - lat0, (p.lon - lon0) * kx)
            t = 30.0 * road * (inv0 + 1.0 / speed[j])
            if t <= minutes:
                found.append(CatchmentCommune(p.insee_code, p.name, p.population,
                                              p.employed_15_64, round(road, 1), round(t, 1)))
        found.sort(key=lambda c: (c.minutes, c.insee_code))
        places = []
        for k in self._place_grid.near(lat0, lon0, reach):
            if self._place_island[k] != mine:
                continue
            q = self.places[k]
            road = km * math.hypot(q.lat - lat0, (q.lon - lon0) * kx)
            t = 30.0 * road * (inv0 + 1.0 / self._place_speed[k])
            if t <= minutes:
                places.append(q.reached(road, t))
        places.sort(key=lambda p: (p.minutes, fold_words(p.name)))
        return Catchment(
            me.insee_code, me.name, minutes, sum(c.population for c in found),
            sum(c.employed_15_64 or 0 for c in found), tuple(found), tuple(places),
            self.params.method, sum(1 for c in found if c.employed_15_64 is None))

    def nearest_place(self, insee_code: str, max_km: float = 80.0
                      ) -> tuple[CatchmentPlace | None]:
        """The nearest known tiers-lieu by approximate road time (None beyond `max_km`)."""
        i = self.row.get(insee_code)
        if i is None:
            return None
        me, v0 = self.points[i], self.speed[i]
        detour = self.params.detour_factor
        best = None
        for k in self._place_grid.near(me.lat, me.lon, max_km / detour):
            if self._place_island[k] != self.island[i]:
                continue
            q = self.places[k]
            road = _km(me.lat, me.lon, q.lat, q.lon) * detour
            if road > max_km:
                continue
            t = 30.0 * road * (1.0 / v0 + 1.0 / self._place_speed[k])  # as in catchment()
            key = (t, fold_words(q.name))
            if best is None or key < best[0]:
                best = (key, q.reached(road, t))
        return None if best is None else best[1]


# ---------------------------------------------------------------- one entry per place

@functools.lru_cache(maxsize=8192)
def _keys(name: str, commune: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """The compact folded name, the words that tell a place apart (neither generic nor the
    commune's name), and the words without articles."""
    words = fold_words(name).split()
    telling = frozenset(words) - _GENERIC - set(fold_words(commune).split())
    return "".join(words), telling, frozenset(words) - _ARTICLES


def same_place(name_a: str, name_b: str, commune: str) -> bool:
    """Whether two names in the same commune are one place: one's name holds the other's
    (``CapWork`` / ``Cap Work Verniolle``), or one's telling words are all in the other's
    (``Comm'1 idée – Labor Lab`` / ``Comm'1 idée``); names made only of generic words and
    the commune's (``Le Tiers-Lieu de Limoux`` / ``Tiers Lieu Limoux``) must have the same
    words."""
    (a, ta, wa), (b, tb, wb) = _keys(name_a, commune), _keys(name_b, commune)
    if min(len(a), len(b)) >= 5 and (a in b or b in a):
        return True
    if not ta and not tb:  # generic names ("Tiers-lieu de Limoux"): the same words
        return wa == wb
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def merge_places(cget: Sequence[Place], sites: Sequence[Place]) -> list[Place]:
    """The CGET list's places and the study's sites, one entry per place: a study site found
    in the list (same commune, same name as far as one can tell) takes the list's
    coordinates; two list entries for one place (same name as far as one can tell, less
    than `TWIN_KM` apart: ``CapWork`` / ``Cap Work Verniolle``) become one, while the
    branches of a network (``La Cordée Perrache`` / ``La Cordée Valmy``) stay apart."""
    out: list[Place] = []
    by_commune: dict[str, list[int]] = {}
    for place in cget:
        twin = next((k for k in by_commune.get(place.insee_code, ())
                     if _km(out[k].lat, out[k].lon, place.lat, place.lon) <= TWIN_KM
                     and same_place(out[k].name, place.name, place.commune)), None)
        if twin is None or not place.insee_code:
            by_commune.setdefault(place.insee_code, []).append(len(out))
            out.append(place)
    for site in sites:
        twins = [k for k in by_commune.get(site.insee_code, ())
                 if same_place(out[k].name, site.name, site.commune)]
        if twins:
            k = twins[0]
            old = out[k]
            out[k] = Place(site.name, old.commune, old.insee_code, old.cget_type,
                           site.study_site_id, True, old.lat, old.lon)
        else:
            out.append(site)
    return out
