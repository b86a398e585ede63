"""The knowledge base drawn from the 2017 field study: ten sites, practices, typologies, programmes.

`knowledge()` loads `resources/knowledge/` once (pandas, imported only then) into frozen
dataclasses and validates every file; a wrong file raises `KnowledgeError` with one French
message naming the file, the row and the column. Rows are numbered as a spreadsheet shows
them: the header is row 1, so the first data row is row 2. Never imports Qt.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

# ---------------------------------------------------------------- vocabularies

CARRIER_TYPES = ("association", "commune", "epci", "public_agency", "cooperative", "company",
                 "network")
BUILDING_ORIGINS = ("private_rental", "communal_building", "intercommunal_building",
                    "company_built", "founder_workshop", "incubator_building",
                    "former_public_building", "public_facility_annex")
OWNERS = ("commune", "epci", "public_other", "private", "carrier")
ZAU2010 = ("111", "112", "120", "211", "212", "221", "222", "300", "400")
CONCENTRATION_CLASSES = ("résidentielle", "équilibrée", "employeuse")
CONCENTRATION_CODES = MappingProxyType(
    {"résidentielle": "residential", "équilibrée": "balanced", "employeuse": "employing"})
SERVICES = ("open_space", "closed_offices", "meeting_room", "fablab", "public_services",
            "training", "events")
TARIFF_SPACES = ("open_space", "closed_office", "meeting_room", "fablab", "membership", "other")
TARIFF_UNITS = ("half_day", "day", "pass", "week", "month", "quarter", "hour", "year")
TAXES = ("HT", "TTC")
THEMES = ("governance", "building", "economics", "communication", "services", "network",
          "funding", "timing")
PROGRAMME_KINDS = ("eu", "state", "region", "departement", "inter_operator", "contract", "other")

# condition key -> (kind, allowed values); see "Conditions vocabulary" in docs/ARCHITECTURE.md
CONDITION_KEYS: Mapping[str, tuple[str, tuple[str, ...]]] = MappingProxyType({
    "carrier_types": ("list", (*CARRIER_TYPES, "undecided")),
    "zau2010": ("list", ZAU2010),
    "population_min": ("int", ()),
    "population_max": ("int", ()),
    "concentration_classes": ("list", ("residential", "balanced", "employing")),
    "building_states": ("list", ("ready", "light_works", "heavy_works", "none")),
    "building_owners": ("list", OWNERS),
    "budget_levels": ("list", ("low", "medium", "high")),
    "services_any": ("list", SERVICES),
    "commune_support": ("list", ("none", "premises", "funding", "both")),
    "staffed": ("bool", ()),
})

REQUIRED_SETTINGS = ("concentration_residential_max", "concentration_employing_min",
                     "population_bands", "fill_rate_target", "catchment_minutes_min",
                     "catchment_minutes_max", "telework_commute_minutes",
                     "budget_level_low_max", "budget_level_high_min")


class KnowledgeError(Exception):
    """A knowledge-base file is missing or wrong; the message is in French and names the spot."""


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Setting:
    """One threshold or default with where it comes from."""

    key: str
    value: Any
    source: str


@dataclass(frozen=True)
class Site:
    """One of the ten sites of the study; None where the study does not say."""

    site_id: str
    name: str
    commune: str
    departement: str
    departement_name: str
    insee_code: str
    population: int
    age_15_64: int
    active_15_64: int
    employed_15_64: int
    jobs: int
    zau2010: str
    zau2010_label: str
    concentration: float
    concentration_class: str
    visit_date: str | None
    opening_date: str | None
    carrier_type: str
    carrier_name: str
    building_origin: str | None
    building_owner: str | None
    surface_m2: float | None
    workstations: int | None
    closed_offices: int | None
    meeting_rooms: int | None
    capacity_note: str | None
    regular_users: int | None
    members: int | None
    volunteer_run: bool | None
    staff_hours_per_week: float | None
    assisted_contracts: int | None
    services: tuple[str, ...]
    investment_eur: float | None
    subsidy_rate: float | None
    monthly_rent_eur: float | None
    operating_eur_per_year: float | None
    revenue_eur_per_year: float | None
    catchment_minutes_min: int | None
    catchment_minutes_max: int | None
    typology_id: str
    summary: str
    lessons: str


@dataclass(frozen=True)
class Tariff:
    """One price of one site (long table: a site may have many)."""

    site_id: str
    offer: str
    space: str
    unit: str
    pass_units: int | None
    price_eur: float
    tax: str | None
    public: str
    note: str | None


@dataclass(frozen=True)
class FundingEvent:
    """Money a site received or asked for; programme_id is None when the study names no funder."""

    site_id: str
    programme_id: str | None
    amount_eur: float | None
    rate: float | None
    pays_for: str


@dataclass(frozen=True)
class SourceRef:
    """The study sentence a figure comes from (field `tarif:<offre>` / `financement:<id>` too)."""

    site_id: str
    field: str
    quote: str


@dataclass(frozen=True)
class Practice:
    """A lesson or warning of the study and when it applies."""

    practice_id: str
    title: str
    text: str
    theme: str
    site_ids: tuple[str, ...]
    conditions: Mapping[str, Any]
    debated: bool
    position: str | None


@dataclass(frozen=True)
class Typology:
    """A site model derived from the study, with the sites that exemplify it."""

    typology_id: str
    name: str
    traits: str
    site_ids: tuple[str, ...]
    economics: str
    public_support: str
    conditions: Mapping[str, Any]
    carrier_types: tuple[str, ...]
    fits: str
    conditions_source: str  # where each condition comes from (study, or a stated default)


@dataclass(frozen=True)
class Programme:
    """A funding programme or contract type, under its present-day name."""

    programme_id: str
    name: str
    former_name: str | None
    renamed_in: int | None
    kind: str
    pays_for: str
    site_ids: tuple[str, ...]
    from_study: bool
    carrier_types: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the study teaches, immutable, with lookups by id."""

    sites: tuple[Site, ...]
    tariffs: tuple[Tariff, ...]
    funding: tuple[FundingEvent, ...]
    sources: tuple[SourceRef, ...]
    practices: tuple[Practice, ...]
    typologies: tuple[Typology, ...]
    programmes: tuple[Programme, ...]
    settings: Mapping[str, Setting] = field(default_factory=lambda: MappingProxyType({}))

    @cached_property
    def _sites(self) -> Mapping[str, Site]:
        return {s.site_id: s for s in self.sites}

    @cached_property
    def _typologies(self) -> Mapping[str, Typology]:
        return {t.typology_id: t for t in self.typologies}

    @cached_property
    def _programmes(self) -> Mapping[str, Programme]:
        return {p.programme_id: p for p in self.programmes}

    def site(self, site_id: str) -> Site:
        """The site with this id (KeyError if unknown)."""
        return _lookup(self._sites, site_id, "site")

    def typology(self, typology_id: str) -> Typology:
        """The typology with this id (KeyError if unknown)."""
        return _lookup(self._typologies, typology_id, "typologie")

    def programme(self, programme_id: str) -> Programme:
        """The programme with this id (KeyError if unknown)."""
        return _lookup(self._programmes, programme_id, "programme")

    def tariffs_for(self, site_id: str) -> tuple[Tariff, ...]:
        """The tariffs of one site, in file order."""
        return tuple(t for t in self.tariffs if t.site_id == site_id)

    def sources_for(self, site_id: str, field: str | None = None) -> tuple[SourceRef, ...]:
        """The study sentences behind one site's figures (or behind one field of it)."""
        return tuple(s for s in self.sources
                     if s.site_id == site_id and (field is None or s.field == field))

    def setting(self, key: str) -> Any:
        """The value of one setting (KeyError if unknown)."""
        return _lookup(self.settings, key, "réglage").value

    def concentration_class(self, value: float) -> str:
        """« résidentielle », « équilibrée » or « employeuse » under the settings thresholds."""
        if value < self.setting("concentration_residential_max"):
            return "résidentielle"
        if value > self.setting("concentration_employing_min"):
            return "employeuse"
        return "équilibrée"

    def concentration_code(self, value: float) -> str:
        """residential, balanced or employing (the conditions vocabulary) for a ratio."""
        return CONCENTRATION_CODES[self.concentration_class(value)]

    def summary(self) -> str:
        """A short French summary of what the knowledge base holds."""
        debated = sum(p.debated for p in self.practices)
        renamed = sum(p.former_name is not None for p in self.programmes)
        return (f"{len(self.sites)} sites, {len(self.practices)} bonnes pratiques "
                f"(dont {debated} débattues), {len(self.typologies)} typologies, "
                f"{len(self.programmes)} programmes (dont {renamed} renommés depuis 2017), "
                f"{len(self.tariffs)} tarifs, {len(self.funding)} financements, "
                f"{len(self.sources)} citations de l'étude, {len(self.settings)} réglages.")


def _lookup(index: Mapping[str, Any], key: str, what: str) -> Any:
    try:
        return index[key]
    except KeyError:
        raise KeyError(f"{what} inconnu : {key!r}") from None


# ---------------------------------------------------------------- cell parsing


class _CellError(ValueError):
    """A cell's problem, in French, before the file/row/column are known."""


def _text(cell: str) -> str:
    if not cell:
        raise _CellError("valeur obligatoire manquante")
    return cell


def _int(cell: str) -> int:
    try:
        return int(cell)
    except ValueError:
        raise _CellError(f"« {cell} » n'est pas un nombre entier") from None


def _float(cell: str) -> float:
    try:
        value = float(cell.replace(",", "."))
    except ValueError:
        raise _CellError(f"« {cell} » n'est pas un nombre") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise _CellError(f"« {cell} » n'est pas un nombre")
    return value


def _bool(cell: str) -> bool:
    if cell.lower() in ("true", "vrai", "oui"):
        return True
    if cell.lower() in ("false", "faux", "non"):
        return False
    raise _CellError(f"« {cell} » n'est ni true ni false")


_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


def _date(cell: str) -> str:
    if not _DATE.fullmatch(cell):
        raise _CellError(f"« {cell} » n'est pas une date AAAA, AAAA-MM ou AAAA-MM-JJ")
    return cell


_INSEE = re.compile(r"\d[\dAB]\d{3}")


def _insee(cell: str) -> str:
    if not _INSEE.fullmatch(cell):
        raise _CellError(f"« {cell} » n'est pas un code INSEE à 5 caractères (ex. 09157)")
    return cell


def _list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _conditions(cell: str) -> Mapping[str, Any]:
    try:
        data = json.loads(cell or "{}")
    except json.JSONDecodeError as exc:
        raise _CellError(f"JSON illisible ({exc.msg}, caractère {exc.pos + 1})") from None
    return check_conditions(data)


def check_conditions(data: Any) -> Mapping[str, Any]:
    """Validate a condition set against the vocabulary; return it frozen (values as tuples)."""
    if not isinstance(data, dict):
        raise _CellError("un objet JSON {clé: valeur} est attendu")
    frozen: dict[str, Any] = {}
    for key, value in data.items():
        if key not in CONDITION_KEYS:
            raise _CellError(f"condition inconnue « {key} » (attendu : "
                             f"{', '.join(CONDITION_KEYS)})")
        kind, allowed = CONDITION_KEYS[key]
        frozen[key] = _condition_value(key, kind, allowed, value)
    return MappingProxyType(frozen)


def _condition_value(key: str, kind: str, allowed: tuple[str, ...], value: Any) -> Any:
    if kind == "bool":
        if not isinstance(value, bool):
            raise _CellError(f"la condition « {key} » doit valoir true ou false")
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise _CellError(f"la condition « {key} » doit être un entier positif")
        return value
    if not isinstance(value, list) or not value:
        raise _CellError(f"la condition « {key} » doit être une liste non vide")
    for item in value:
        if item not in allowed:
            raise _CellError(f"« {item} » n'est pas une valeur permise pour « {key} » "
                             f"(attendu : {', '.join(allowed)})")
    return tuple(value)


@dataclass(frozen=True)
class _Col:
    """How to read one column: parser, whether it may be empty, allowed values, range."""

    name: str
    parse: Callable[[str], Any] = _text
    optional: bool = False
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None


def _cell(col: _Col, raw: str) -> Any:
    raw = raw.strip()
    if not raw and col.parse is _conditions:
        return _conditions("")  # no condition: always holds
    if not raw:
        if not col.optional:
            raise _CellError("valeur obligatoire manquante")
        return () if col.parse is _list else None
    value = col.parse(raw)
    items = value if isinstance(value, tuple) else (value,)
    if col.choices:
        for item in items:
            if item not in col.choices:
                raise _CellError(f"« {item} » n'est pas une valeur permise "
                                 f"(attendu : {', '.join(col.choices)})")
    if col.low is not None and value < col.low:
        raise _CellError(f"{raw} est trop petit (minimum {col.low:g})")
    if col.high is not None and value > col.high:
        raise _CellError(f"{raw} est trop grand (maximum {col.high:g})")
    return value


# ---------------------------------------------------------------- table schemas

_OPT = {"optional": True}
_COUNT = {"parse": _int, "optional": True, "low": 0, "high": 100_000}
_EUR = {"parse": _float, "optional": True, "low": 0, "high": 100_000_000}
_RATE = {"parse": _float, "optional": True, "low": 0, "high": 1}
_MINUTES = {"parse": _int, "optional": True, "low": 0, "high": 240}
_PEOPLE = {"parse": _int, "low": 0, "high": 10_000_000}

SCHEMAS: Mapping[str, tuple[_Col, ...]] = MappingProxyType({
    "sites.csv": (
        _Col("site_id"), _Col("name"), _Col("commune"), _Col("departement"),
        _Col("departement_name"), _Col("insee_code", parse=_insee),
        _Col("population", **_PEOPLE), _Col("age_15_64", **_PEOPLE),
        _Col("active_15_64", **_PEOPLE), _Col("employed_15_64", **_PEOPLE),
        _Col("jobs", **_PEOPLE), _Col("zau2010", choices=ZAU2010), _Col("zau2010_label"),
        _Col("concentration", parse=_float, low=0, high=100),
        _Col("concentration_class", choices=CONCENTRATION_CLASSES),
        _Col("visit_date", parse=_date, optional=True),
        _Col("opening_date", parse=_date, optional=True),
        _Col("carrier_type", choices=CARRIER_TYPES), _Col("carrier_name"),
        _Col("building_origin", optional=True, choices=BUILDING_ORIGINS),
        _Col("building_owner", optional=True, choices=OWNERS),
        _Col("surface_m2", parse=_float, optional=True, low=1, high=100_000),
        _Col("workstations", **_COUNT), _Col("closed_offices", **_COUNT),
        _Col("meeting_rooms", **_COUNT), _Col("capacity_note", **_OPT),
        _Col("regular_users", **_COUNT), _Col("members", **_COUNT),
        _Col("volunteer_run", parse=_bool, optional=True),
        _Col("staff_hours_per_week", parse=_float, optional=True, low=0, high=400),
        _Col("assisted_contracts", **_COUNT),
        _Col("services", parse=_list, optional=True, choices=SERVICES),
        _Col("investment_eur", **_EUR), _Col("subsidy_rate", **_RATE),
        _Col("monthly_rent_eur", **_EUR), _Col("operating_eur_per_year", **_EUR),
        _Col("revenue_eur_per_year", **_EUR),
        _Col("catchment_minutes_min", **_MINUTES), _Col("catchment_minutes_max", **_MINUTES),
        _Col("typology_id"), _Col("summary"), _Col("lessons"),
    ),
    "tariffs.csv": (
        _Col("site_id"), _Col("offer"), _Col("space", choices=TARIFF_SPACES),
        _Col("unit", choices=TARIFF_UNITS),
        _Col("pass_units", parse=_int, optional=True, low=1, high=1000),
        _Col("price_eur", parse=_float, low=0, high=1_000_000),
        _Col("tax", optional=True, choices=TAXES), _Col("public"), _Col("note", **_OPT),
    ),
    "funding.csv": (
        _Col("site_id"), _Col("programme_id", **_OPT), _Col("amount_eur", **_EUR),
        _Col("rate", **_RATE), _Col("pays_for"),
    ),
    "sources.csv": (_Col("site_id"), _Col("field"), _Col("quote")),
    "practices.csv": (
        _Col("practice_id"), _Col("title"), _Col("text"), _Col("theme", choices=THEMES),
        _Col("site_ids", parse=_list), _Col("conditions", parse=_conditions),
        _Col("debated", parse=_bool), _Col("position", **_OPT),
    ),
    "typologies.csv": (
        _Col("typology_id"), _Col("name"), _Col("traits"), _Col("site_ids", parse=_list),
        _Col("economics"), _Col("public_support"), _Col("conditions", parse=_conditions),
        _Col("carrier_types", parse=_list, choices=CARRIER_TYPES), _Col("fits"),
        _Col("conditions_source"),
    ),
    "programmes.csv": (
        _Col("programme_id"), _Col("name"), _Col("former_name", **_OPT),
        _Col("renamed_in", parse=_int, optional=True, low=1950, high=2100),
        _Col("kind", choices=PROGRAMME_KINDS), _Col("pays_for"),
        _Col("site_ids", parse=_list, optional=True),
        _Col("from_study", parse=_bool),
        _Col("carrier_types", parse=_list, choices=(*CARRIER_TYPES, "undecided")),
    ),
})


_NOT_UTF8 = "le fichier doit être enregistré en UTF-8"


def _where(name: str, row: int | None = None, column: str | None = None) -> str:
    """« Fichier x.csv, ligne n (ligne 1 = en-têtes), colonne « c » »."""
    text = f"Fichier {name}"
    if row is not None:
        text += f", ligne {row} (ligne 1 = en-têtes)"
    if column is not None:
        text += f", colonne « {column} »"
    return text


def _read_rows(root: Traversable | Path, name: str) -> list[dict[str, Any]]:
    """Read one CSV with pandas, check its columns and parse every cell."""
    import pandas as pd  # here, not at module import: start-up time matters for the GUI

    try:
        frame = pd.read_csv(io.BytesIO((root / name).read_bytes()), dtype=str,
                            keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(f"{_where(name)} : fichier introuvable. "
                             "Réinstallez l'application.") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{_where(name)} : {_NOT_UTF8}.") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise KnowledgeError(f"{_where(name)} : fichier CSV illisible ({exc}).") from None
    schema = SCHEMAS[name]
    missing = [c.name for c in schema if c.name not in frame.columns]
    if missing:
        raise KnowledgeError(
            f"{_where(name)} : colonne « {missing[0]} » absente "
            f"(colonnes attendues : {', '.join(c.name for c in schema)}).")
    rows = []
    for index, record in enumerate(frame.to_dict("records")):
        row = {"_row": index + 2}
        for col in schema:
            try:
                row[col.name] = _cell(col, record[col.name])
            except _CellError as exc:
                raise KnowledgeError(f"{_where(name, index + 2, col.name)} : {exc}.") from None
        rows.append(row)
    return rows


def _unique(name: str, rows: list[dict[str, Any]], *columns: str) -> None:
    """No two rows share the same values in `columns`."""
    seen: dict[tuple, int] = {}
    for row in rows:
        key = tuple(row[c] for c in columns)
        if key in seen:
            shown = " / ".join(str(k) for k in key)
            raise KnowledgeError(f"{_where(name, row['_row'], columns[-1])} : « {shown} » "
                                 f"apparaît deux fois (déjà ligne {seen[key]}).")
        seen[key] = row["_row"]


def _refs(name: str, rows: list[dict[str, Any]], column: str, known: set[str],
          target: str) -> None:
    """Every id in `column` (one id or a tuple of ids) exists in `known`."""
    for row in rows:
        value = row[column]
        for item in value if isinstance(value, tuple) else (value,):
            if item is not None and item not in known:
                raise KnowledgeError(f"{_where(name, row['_row'], column)} : « {item} » "
                                     f"n'existe pas dans {target}.")


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "_row"}


# ---------------------------------------------------------------- settings


def _read_settings(root: Traversable | Path) -> Mapping[str, Setting]:
    """Read settings.json: {key: {"value": …, "source": "…"}}, with the required keys."""
    name = "settings.json"
    try:
        data = json.loads((root / name).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise KnowledgeError(f"{_where(name)} : fichier introuvable.") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{_where(name)} : {_NOT_UTF8}.") from None
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{_where(name)}, ligne {exc.lineno}, colonne {exc.colno} : "
                             f"JSON illisible ({exc.msg}).") from None
    if not isinstance(data, dict):
        raise KnowledgeError(f"{_where(name)} : un objet JSON {{clé: réglage}} est attendu.")
    settings = {}
    for key, entry in data.items():
        if not (isinstance(entry, dict) and "value" in entry
                and isinstance(entry.get("source"), str) and entry["source"].strip()):
            raise KnowledgeError(f"{_where(name)}, réglage « {key} » : il faut une valeur "
                                 "« value » et une source « source » non vide.")
        settings[key] = Setting(key, _freeze(entry["value"]), entry["source"])
    _check_settings(name, settings)
    return MappingProxyType(settings)


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    return value


def _number(name: str, settings: Mapping[str, Setting], key: str) -> float:
    value = settings[key].value
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise KnowledgeError(f"{_where(name)}, réglage « {key} » : un nombre positif est "
                             f"attendu, pas « {value} ».")
    return value


def _check_settings(name: str, settings: Mapping[str, Setting]) -> None:
    for key in REQUIRED_SETTINGS:
        if key not in settings:
            raise KnowledgeError(f"{_where(name)} : réglage « {key} » absent.")
    for key in REQUIRED_SETTINGS:
        if key != "population_bands":
            _number(name, settings, key)
    pairs = (("concentration_residential_max", "concentration_employing_min"),
             ("catchment_minutes_min", "catchment_minutes_max"),
             ("budget_level_low_max", "budget_level_high_min"))
    for low, high in pairs:
        if settings[low].value > settings[high].value:
            raise KnowledgeError(f"{_where(name)}, réglage « {low} » : il doit être inférieur "
                                 f"ou égal à « {high} ».")
    if not 0 < settings["fill_rate_target"].value <= 1:
        raise KnowledgeError(f"{_where(name)}, réglage « fill_rate_target » : un taux entre "
                             "0 et 1 est attendu.")
    _check_bands(name, settings["population_bands"].value)


def _check_bands(name: str, bands: Any) -> None:
    where = f"{_where(name)}, réglage « population_bands »"
    if not isinstance(bands, tuple) or not bands:
        raise KnowledgeError(f"{where} : une liste de tranches est attendue.")
    for number, band in enumerate(bands, start=1):
        if not (isinstance(band, Mapping) and isinstance(band.get("id"), str)
                and isinstance(band.get("min"), int)
                and (band.get("max") is None or isinstance(band.get("max"), int))):
            raise KnowledgeError(f"{where}, tranche {number} : il faut « id » (texte), "
                                 "« min » (entier) et « max » (entier ou null).")


# ---------------------------------------------------------------- assembling


def _cross_check(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Unique ids and references between files."""
    _unique("sites.csv", tables["sites.csv"], "site_id")
    _unique("typologies.csv", tables["typologies.csv"], "typology_id")
    _unique("practices.csv", tables["practices.csv"], "practice_id")
    _unique("programmes.csv", tables["programmes.csv"], "programme_id")
    _unique("tariffs.csv", tables["tariffs.csv"], "site_id", "offer")
    _unique("sources.csv", tables["sources.csv"], "site_id", "field")
    sites = {r["site_id"] for r in tables["sites.csv"]}
    typologies = {r["typology_id"] for r in tables["typologies.csv"]}
    programmes = {r["programme_id"] for r in tables["programmes.csv"]}
    for name in ("tariffs.csv", "funding.csv", "sources.csv"):
        _refs(name, tables[name], "site_id", sites, "sites.csv")
    for name in ("practices.csv", "typologies.csv", "programmes.csv"):
        _refs(name, tables[name], "site_ids", sites, "sites.csv")
    _refs("sites.csv", tables["sites.csv"], "typology_id", typologies, "typologies.csv")
    _refs("funding.csv", tables["funding.csv"], "programme_id", programmes, "programmes.csv")
    _check_typology_members(tables)
    _check_tariff_passes(tables["tariffs.csv"])
    _check_renames(tables["programmes.csv"])
    _check_departements(tables["sites.csv"])


def _check_typology_members(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Each site is listed by exactly the typology its own row names."""
    listed: dict[str, str] = {}
    for typ in tables["typologies.csv"]:
        for site_id in typ["site_ids"]:
            if site_id in listed:
                raise KnowledgeError(
                    f"{_where('typologies.csv', typ['_row'], 'site_ids')} : le site "
                    f"« {site_id} » figure déjà dans la typologie « {listed[site_id]} ».")
            listed[site_id] = typ["typology_id"]
    for site in tables["sites.csv"]:
        if listed.get(site["site_id"]) != site["typology_id"]:
            raise KnowledgeError(
                f"{_where('sites.csv', site['_row'], 'typology_id')} : la typologie "
                f"« {site['typology_id']} » ne cite pas le site « {site['site_id']} » "
                "dans typologies.csv.")


def _check_tariff_passes(rows: list[dict[str, Any]]) -> None:
    """pass_units is given exactly for passes."""
    for row in rows:
        if (row["unit"] == "pass") != (row["pass_units"] is not None):
            raise KnowledgeError(f"{_where('tariffs.csv', row['_row'], 'pass_units')} : "
                                 "le nombre de jours est obligatoire pour un pass, et "
                                 "seulement pour un pass.")


def _check_renames(rows: list[dict[str, Any]]) -> None:
    """A former name comes with the year of the change, and the other way round."""
    for row in rows:
        if (row["former_name"] is None) != (row["renamed_in"] is None):
            raise KnowledgeError(f"{_where('programmes.csv', row['_row'], 'renamed_in')} : "
                                 "l'ancien nom et l'année du changement vont ensemble.")


def _check_departements(rows: list[dict[str, Any]]) -> None:
    """The INSEE code starts with the département code (2 characters, 3 overseas)."""
    for row in rows:
        if not row["insee_code"].startswith(row["departement"][:3]):
            raise KnowledgeError(f"{_where('sites.csv', row['_row'], 'insee_code')} : le code "
                                 f"« {row['insee_code']} » n'est pas dans le département "
                                 f"« {row['departement']} ».")


def load_knowledge(root: Traversable | Path | None = None) -> KnowledgeBase:
    """Read and validate the knowledge base in `root` (default: the shipped resources)."""
    if root is None:
        from reports.paths import resource

        root = resource("knowledge")
    tables = {name: _read_rows(root, name) for name in SCHEMAS}
    settings = _read_settings(root)
    _cross_check(tables)

    def build(cls: type, name: str) -> tuple:
        return tuple(cls(**_strip(r)) for r in tables[name])

    return KnowledgeBase(
        sites=build(Site, "sites.csv"), tariffs=build(Tariff, "tariffs.csv"),
        funding=build(FundingEvent, "funding.csv"), sources=build(SourceRef, "sources.csv"),
        practices=build(Practice, "practices.csv"),
        typologies=build(Typology, "typologies.csv"),
        programmes=build(Programme, "programmes.csv"), settings=settings)


@functools.lru_cache(maxsize=1)
def knowledge() -> KnowledgeBase:
    """The shipped knowledge base, loaded once."""
    return load_knowledge()


def summary() -> str:
    """French summary of the shipped knowledge base (« 10 sites, N bonnes pratiques… »)."""
    return knowledge().summary()
