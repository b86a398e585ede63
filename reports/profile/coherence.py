"""Warnings on incoherent combinations (sub-populations, rent, surface, carrier)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reports.fmt import fmt_number
from reports.profile.messages import Message
from reports.profile.model import Population, Profile, Territory
from reports.profile.parameters import analysis_parameters
from reports.profile.parse import _is_number
from reports.texts import message


def _num(value: Any) -> float | None:
    """The value if it is a usable count or amount (a number, not negative), else None.

    Out-of-range values already get an error; comparing them would add confusing warnings.
    """
    return value if _is_number(value) and value == value and value >= 0 else None


def _warnings(profile: Profile) -> list[Message]:
    """Incoherent combinations: each is worth a look, none stops the analysis."""
    out = _population_warnings(profile.population, profile)
    out += _territory_warnings(profile.territory)
    out += _building_warnings(profile)
    out += _carrier_warnings(profile)
    if not profile.services:
        out.append(_warn("services", "no_service"))
    elif not {"open_space", "closed_offices"} & set(profile.services):
        # Montpeyroux's fablab without desks got 7 desks, their furniture and their fees
        out.append(_warn("services", "no_workspace"))
    return out


def _warn(path: str, key: str, **values: Any) -> Message:
    """A warning on one field: the catalogue's ``profile.coherence.<key>``."""
    return Message(path, message(f"profile.coherence.{key}", **values), "warning")


def _population_warnings(pop: Population, profile: Profile) -> list[Message]:
    """Sub-populations larger than the population they belong to."""
    total, age, active = _num(pop.total), _num(pop.age_15_64), _num(pop.active_15_64)
    employed, jobs = _num(pop.employed_15_64), _num(pop.jobs)
    out = []
    if total is not None and age is not None and age > total:
        out.append(_warn("population.age_15_64", "age_above_total"))
    if age is not None and active is not None and active > age:
        out.append(_warn("population.active_15_64", "active_above_age"))
    if active is not None and employed is not None and employed > active:
        out.append(_warn("population.employed_15_64", "employed_above_active"))
    if jobs and employed == 0:
        out.append(_warn("population.employed_15_64", "jobs_without_employed"))
    if (jobs is None) != (employed is None):
        out.append(_warn("population.jobs", "jobs_and_employed"))
    epci = _num(profile.commune.epci_population)
    if total is not None and epci is not None and epci < total:
        out.append(_warn("commune.epci_population", "epci_below_commune"))
    catchment = _num(profile.territory.catchment_population)
    if total is not None and catchment is not None and catchment < total:
        out.append(_warn("territory.catchment_population", "catchment_below_commune"))
    signals = (_num(profile.territory.known_independents) or 0) + (
        _num(profile.territory.known_teleworkers) or 0)
    if total is not None and signals > total:
        out.append(_warn("territory.known_independents", "signals_above_total"))
    return out


def _territory_warnings(ter: Territory) -> list[Message]:
    """Missing or contradictory territorial categories."""
    if ter.zau2010 is None and ter.aav2020_category is None and ter.density_level is None:
        return [_warn("territory", "no_territory")]
    cat, size = ter.aav2020_category, ter.aav2020_size
    if cat is not None and size is not None and (cat == 30) != (size == 0):
        return [_warn("territory.aav2020_size", "aav_contradiction")]
    return []


def _building_warnings(profile: Profile) -> list[Message]:
    """Rent on a building the commune lends, works without a cost, a building too small (not
    an antenna: another site of the project is not the place's alternative address)."""
    out = []
    lends = profile.carrier.commune_support in ("premises", "both")
    need = minimum_surface(profile.services)
    for i, b in enumerate(profile.buildings):
        label = b.name or message("profile.coherence.building_rank", rank=i + 1)
        if lends and b.owner == "commune" and (_num(b.monthly_rent_eur) or 0) > 0:
            out.append(_warn(f"buildings.{i}.monthly_rent_eur", "rent_on_lent_building",
                             label=label))
        if b.state == "heavy_works" and _num(b.works_cost_eur) == 0:
            out.append(_warn(f"buildings.{i}.works_cost_eur", "heavy_works_free", label=label))
        surface = _num(b.surface_m2)
        if surface is not None and need and surface < need and b.role != "antenna":
            out.append(_warn(f"buildings.{i}.surface_m2", "building_small", label=label,
                             surface=fmt_number(surface), need=fmt_number(need)))
    return out


def _carrier_warnings(profile: Profile) -> list[Message]:
    """A carrier and a commune support that do not go together."""
    out = []
    carrier = profile.carrier
    if carrier.type == "commune" and carrier.commune_support == "none":
        out.append(_warn("carrier.commune_support", "commune_without_support"))
    if carrier.type == "undecided" and any(b.owner == "carrier" for b in profile.buildings):
        out.append(_warn("buildings", "owner_carrier_undecided"))
    return out


@lru_cache(maxsize=1)
def _surface_minima() -> dict[str, float]:
    """Minimum surface per service (m²), from resources/analysis/parameters.json."""
    try:
        entry = analysis_parameters()["parameters"]["minimum_surface_by_service_m2"]["value"]
        return {str(k): float(v) for k, v in entry.items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def minimum_surface(services: list[str]) -> float:
    """Smallest sensible surface for the services wanted (shared areas included), or 0."""
    minima = _surface_minima()
    if not minima:
        return 0.0
    wanted = [s for s in services if s in minima] or ["open_space"]
    return sum(minima[s] for s in wanted) + minima.get("common_areas", 0.0)
