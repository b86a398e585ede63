"""The columns of every knowledge-base CSV file and how each is read."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from reports.knowledge.cells import (
    _bool,
    _Col,
    _conditions,
    _date,
    _day,
    _departements,
    _float,
    _insee,
    _int,
    _list,
)
from reports.knowledge.vocab import (
    BUILDING_ORIGINS,
    CARRIER_TYPES,
    CONCENTRATION_CLASSES,
    OWNERS,
    PROGRAMME_KINDS,
    PROGRAMME_PAYS,
    PROGRAMME_STATUSES,
    PROGRAMME_TARGETS,
    SERVICES,
    TARIFF_SPACES,
    TARIFF_UNITS,
    TAXES,
    TERRITORY_APPLIES,
    THEMES,
    ZAU2010,
)

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
        _Col("status", choices=PROGRAMME_STATUSES), _Col("checked_on", parse=_day),
        _Col("target", choices=PROGRAMME_TARGETS),
        _Col("pays", parse=_list, choices=PROGRAMME_PAYS),
        _Col("population_min", parse=_int, optional=True, low=0, high=10_000_000),
        _Col("population_max", parse=_int, optional=True, low=0, high=10_000_000),
        _Col("rate_max", **_RATE), _Col("ceiling_eur", **_EUR), _Col("terms", **_OPT),
        _Col("conditions", parse=_conditions), _Col("source"),
    ),
    "programme_territories.csv": (
        _Col("programme_id"), _Col("territory"), _Col("departements", parse=_departements),
        _Col("applies", choices=TERRITORY_APPLIES), _Col("name", **_OPT),
        _Col("population_max", parse=_int, optional=True, low=0, high=10_000_000),
        _Col("terms", **_OPT), _Col("source"), _Col("checked_on", parse=_day),
    ),
})
