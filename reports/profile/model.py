"""The profile's dataclasses (commune, population, territory, buildings…) and file constants."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from reports import PROFILE_SUFFIX, codes
from reports.profile.specs import Spec, _code_spec, _f

FORMAT = "tierslieu-profile"
VERSION = 2  # 2: budget.annual_contribution_eur (see read._v1_to_v2)
EXTENSION = PROFILE_SUFFIX
MAX_FILE_BYTES = 2_000_000
MAX_BUILDINGS = 10


@dataclass
class Commune:
    """Identity of the commune."""

    name: str = _f("", Spec("text", hi=100, required=True))
    insee_code: str = _f("", Spec("text", hi=5, pattern=r"(\d{5}|2[AB]\d{3})", form="insee"))
    departement: str = _f("", Spec("text", hi=3, pattern=r"(\d{2}|2[AB]|9[78]\d)",
                                   form="departement"))
    epci_name: str = _f("", Spec("text", hi=200))
    epci_population: int | None = _f(None, Spec("int", 1, 10_000_000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Population:
    """INSEE figures of the commune (as on the study's fiches)."""

    total: int | None = _f(None, Spec("int", 1, 2_000_000, required=True))
    age_15_64: int | None = _f(None, Spec("int", 0, 2_000_000))
    active_15_64: int | None = _f(None, Spec("int", 0, 2_000_000))
    employed_15_64: int | None = _f(None, Spec("int", 0, 2_000_000))
    jobs: int | None = _f(None, Spec("int", 0, 2_000_000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Territory:
    """Where the commune stands, and the demand signals the mayor knows of."""

    zau2010: str | None = _f(None, _code_spec(codes.ZAU2010))
    aav2020_category: int | None = _f(None, _code_spec(codes.AAV2020_CATEGORY))
    aav2020_size: int | None = _f(None, _code_spec(codes.AAV2020_SIZE))
    density_level: int | None = _f(None, _code_spec(codes.DENSITY_LEVEL))
    minutes_to_pole: float | None = _f(None, Spec("number", 0, 240))
    catchment_population: int | None = _f(None, Spec("int", 1, 5_000_000))
    known_independents: int | None = _f(None, Spec("int", 0, 100_000))
    known_teleworkers: int | None = _f(None, Spec("int", 0, 100_000))
    existing_networks: str = _f("", Spec("text", hi=500))
    nearby_third_places: int | None = _f(None, Spec("int", 0, 1000))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Building:
    """A candidate building for the place."""

    name: str = _f("", Spec("text", hi=100))
    owner: str | None = _f(None, _code_spec(codes.OWNERS))
    surface_m2: float | None = _f(None, Spec("number", 1, 10_000))
    state: str | None = _f(None, _code_spec(codes.BUILDING_STATES))
    works_cost_eur: float | None = _f(None, Spec("number", 0, 10_000_000))
    monthly_rent_eur: float | None = _f(None, Spec("number", 0, 100_000))
    location: str | None = _f(None, _code_spec(codes.LOCATIONS))
    fibre: bool | None = _f(None, Spec("bool"))
    accessible: bool | None = _f(None, Spec("bool"))
    parking: bool | None = _f(None, Spec("bool"))
    # "alternative": another address for the one place (the tool retains one candidate);
    # "antenna": one more site of the same project, kept beside the main site (never judged
    # as a rejected or too small alternative). Files without it read "alternative".
    role: str = _f("alternative", _code_spec(codes.BUILDING_ROLES))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Carrier:
    """Who would run the place."""

    type: str = _f("undecided", _code_spec(codes.CARRIER_TYPES, required=True))
    name: str = _f("", Spec("text", hi=200))
    founders: int | None = _f(None, Spec("int", 0, 1000))
    staff_hours_per_week: float | None = _f(None, Spec("number", 0, 200))
    commune_support: str = _f("none", _code_spec(codes.COMMUNE_SUPPORT, required=True))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Budget:
    """What the commune can put in, as far as it knows."""

    investment_eur: float | None = _f(None, Spec("number", 0, 10_000_000))
    subsidy_rate: float | None = _f(None, Spec("number", 0, 1, form="fraction"))
    # The whole yearly running budget planned (every charge), and, apart, what the commune
    # (or the carrier) says it will pay towards it each year.
    annual_operating_eur: float | None = _f(None, Spec("number", 0, 2_000_000))
    annual_contribution_eur: float | None = _f(None, Spec("number", 0, 2_000_000))
    opening: str = _f("", Spec("month"))
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Profile:
    """Everything the mayor enters; `extra` keeps unknown top-level fields for the round trip."""

    commune: Commune = field(default_factory=Commune)
    population: Population = field(default_factory=Population)
    territory: Territory = field(default_factory=Territory)
    buildings: list[Building] = field(default_factory=list)
    carrier: Carrier = field(default_factory=Carrier)
    budget: Budget = field(default_factory=Budget)
    services: list[str] = field(default_factory=list)
    notes: str = ""
    assumptions: dict[str, float] | None = None  # overrides of the engine's defaults
    extra: dict[str, Any] = field(default_factory=dict)


SECTIONS: dict[str, type] = {
    "commune": Commune, "population": Population, "territory": Territory,
    "carrier": Carrier, "budget": Budget,
}
MAX_NOTES = 5000
SERVICE_CODES = codes.codes_of(codes.SERVICES)


def new_profile() -> Profile:
    """An empty profile, as the wizard starts it."""
    return Profile(services=["open_space"])


@functools.cache
def field_specs() -> MappingProxyType[str, Spec]:
    """The schema: every field's `Spec` by dotted name, in the file's order; the buildings'
    fields as ``buildings.#.surface_m2``. The batch columns and the wizard's required marks
    read it from here."""
    found: dict[str, Spec] = {}
    for name in ("commune", "population", "territory", "buildings", "carrier", "budget"):
        cls, prefix = (Building, "buildings.#") if name == "buildings" else (SECTIONS[name], name)
        for item in dataclasses.fields(cls):
            if "spec" in item.metadata:
                found[f"{prefix}.{item.name}"] = item.metadata["spec"]
    return MappingProxyType(found)


def spec_of(field_name: str) -> Spec | None:
    """The `Spec` of a dotted field (``buildings.2.surface_m2`` too), or None."""
    parts = field_name.split(".")
    if parts[0] == "buildings" and len(parts) == 3:
        field_name = f"buildings.#.{parts[2]}"
    return field_specs().get(field_name)


def is_required(field_name: str) -> bool:
    """True when the schema marks the field required."""
    spec = spec_of(field_name)
    return bool(spec and spec.required)
