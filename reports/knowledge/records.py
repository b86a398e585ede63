"""Frozen records of the study: a setting, a site, a tariff, a practice, a programme…"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


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
    status: str = "to_check"  # open, closed or to_check, as found on checked_on
    checked_on: str = ""  # ISO date the facts of the row were checked
    target: str = "project"  # project (funds the place) or people (PEC, FSE+, service civique…)
    pays: tuple[str, ...] = ()  # investment, operation, engineering
    population_min: int | None = None  # commune size it is open to (inhabitants)
    population_max: int | None = None
    rate_max: float | None = None  # highest documented rate (0–1)
    ceiling_eur: float | None = None  # documented ceiling or flat amount
    terms: str | None = None  # French: rate, ceiling, eligibility, obligations as documented
    conditions: Mapping[str, Any] = field(default_factory=dict)  # conditions vocabulary
    source: str = ""  # publisher and document title(s)


@dataclass(frozen=True)
class ProgrammeTerritory:
    """How a programme applies in a territory (overseas, Corsica, one Region): checked row by
    row in resources/knowledge/programme_territories.csv. `applies` is yes (as nationally),
    differs (its own name, size limit or terms here), no (not here), only (a regional
    programme: nowhere else) or unverified (not checked here: said so)."""

    programme_id: str
    territory: str  # French, with its preposition: « en Guyane », « à Mayotte », « outre-mer »
    departements: tuple[str, ...]  # département codes the row covers (971…976, 2A, 2B, 09…)
    applies: str
    name: str | None = None  # the programme's name here (« … de la Collectivité de Corse »)
    population_max: int | None = None  # the commune size limit here, when it differs
    terms: str | None = None  # French: what differs here, or why it does not apply
    source: str = ""
    checked_on: str = ""
