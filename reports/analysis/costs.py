"""Investment costs in today's euros: indexed study amounts, works with fees, contingency and
accessibility, premises lent free valued as support in kind, and staff cost references.

Study-era amounts are indexed to the latest index in parameters.json: INSEE BT01 for works,
consumer prices for the rest. A value the profile replaced is taken as today's euros and not
indexed. The wording is in resources/analysis/text/costs.toml.
"""

from __future__ import annotations

from reports.analysis.parameters import Params
from reports.analysis.texts import text
from reports.fmt import fmt_eur, fmt_number, fmt_percent
from reports.profile import Building, Profile
from reports.result import MoneyLine, Sizing

# kind -> (index of the study year, latest index)
INDICES = {"works": ("index_bt01_study", "index_bt01_latest"),
           "works_2010": ("index_bt01_2010", "index_bt01_latest"),  # accessibility survey
           "prices": ("index_cpi_study", "index_cpi_latest")}


def index_ratio(params: Params, kind: str) -> float:
    """Latest index ÷ index of the study year (``works``: BT01, ``prices``: consumer prices)."""
    then, now = INDICES[kind]
    return params(now) / params(then)


def indexed(params: Params, key: str, kind: str) -> float:
    """A study-era parameter in today's euros (a value the profile replaced is kept as is)."""
    value = params(key)
    if params.is_overridden(key):
        return value
    return value * index_ratio(params, kind)


def index_note(params: Params, key: str, kind: str) -> str:
    """French: where the figure comes from and how it was indexed."""
    source = params.cited(key)
    if params.is_overridden(key):
        return source
    then, now = INDICES[kind]
    return text(f"costs.index.{kind}", source=source, then=fmt_number(params(then), 2),
                now=fmt_number(params(now), 2), ratio=fmt_number(index_ratio(params, kind), 3))


def outside_source(params: Params, key: str, profile: Profile) -> str:
    """French: why the figure of `key` is used outside the communes its source covers
    (``applies_to`` in parameters.json: a population ceiling, density levels), or "" when it
    is within them, when the commune is unknown, or when the profile replaced the value."""
    scope = params.table[key].applies_to if key in params.table else None
    if not scope or params.is_overridden(key):
        return ""
    population, level = profile.population.total, profile.territory.density_level
    beyond = beyond_scope(scope, population, level)
    if beyond is None:
        return ""
    found = (text("costs.scope.population", population=fmt_number(population))
             if beyond == "population" else text("costs.scope.density", level=fmt_number(level)))
    said = text("costs.scope.scope", scope=scope["scope"]) if scope.get("scope") else ""
    return text("costs.scope.text", scope=said, found=found, check=scope["check"])


def beyond_scope(scope: dict, population: int | None, level: int | None) -> str | None:
    """Which bound of a source's ``applies_to`` a commune passes (``population`` or
    ``density``), None when it is within them or unknown."""
    if population is not None and population > scope.get("population_max", population):
        return "population"
    if level is not None and level not in scope.get("density_levels", (level,)):
        return "density"
    return None


def scoped(source: str, params: Params, key: str, profile: Profile | None) -> str:
    """`source`, preceded by the extrapolation when `profile`'s commune lies beyond the
    communes the source of `key` covers (`outside_source`)."""
    outside = outside_source(params, key, profile) if profile is not None else ""
    return text("costs.scope.source", outside=outside, source=source) if outside else source


def _line(label: str, amount: float, source: str, overridden: bool = False) -> MoneyLine:
    return MoneyLine(label, round(amount, 2), source, overridden)


def _param_line(label: str, amount: float, params: Params, key: str) -> MoneyLine:
    """A line whose figure is the parameter `key` (its source, override said so)."""
    return _line(label, amount, params.cited(key), params.is_overridden(key))


def chosen_building(profile: Profile, sizing: Sizing) -> Building | None:
    """The building the sizing retained (by its index: two candidates may share a name)."""
    index = sizing.building_index
    return profile.buildings[index] if index is not None else None


def heavy_works_rate(params: Params) -> float:
    """Heavy works per m² in today's euros (Le Plan B's 2014 cost indexed on BT01)."""
    return indexed(params, "works_heavy_eur_per_m2", "works")


def investment_lines(profile: Profile, sizing: Sizing, params: Params) -> list[MoneyLine]:
    """Works (with fees, contingency, accessibility), furniture and IT, network, fibre, rooms."""
    building = chosen_building(profile, sizing)
    lines = works_lines(building, sizing, params, profile)
    posts, phased = phase1_posts(sizing)
    label = "finance.investment.furniture_phase1" if phased else "finance.investment.furniture"
    lines.append(_param_line(text(label, posts=fmt_number(posts)),
                             posts * params("furniture_it_per_workstation_eur"), params,
                             "furniture_it_per_workstation_eur"))
    lines.append(_param_line(text("finance.investment.network"), params("network_setup_eur"),
                             params, "network_setup_eur"))
    if building is None or building.fibre is not True:
        label = text("finance.investment.fibre_missing" if building and building.fibre is False
                     else "finance.investment.fibre_unknown")
        lines.append(_param_line(label, params("fibre_connection_eur"), params,
                                 "fibre_connection_eur"))
    if sizing.meeting_rooms:
        lines.append(_param_line(text("finance.investment.meeting_room"),
                                 sizing.meeting_rooms * params("meeting_room_equipment_eur"),
                                 params, "meeting_room_equipment_eur"))
    if "fablab" in profile.services:
        lines.append(_param_line(text("finance.investment.fablab"),
                                 params("fablab_equipment_eur"), params, "fablab_equipment_eur"))
    if profile.carrier.type == "network":
        lines.append(_line(text("finance.investment.network_entry"),
                           indexed(params, "network_entry_fee_eur", "prices"),
                           index_note(params, "network_entry_fee_eur", "prices"),
                           params.is_overridden("network_entry_fee_eur")))
    return lines


def phase1_posts(sizing: Sizing) -> tuple[int, bool]:
    """Desks and closed offices furnished now: phase 1's when part of the need waits for a
    phase 2 (the building holds less), else the whole need. True when phased."""
    if sizing.phase2_workstations or sizing.phase2_closed_offices:
        return sizing.phase1_workstations + sizing.phase1_closed_offices, True
    return sizing.workstations + sizing.closed_offices, False


def works_lines(building: Building | None, sizing: Sizing, params: Params,
                profile: Profile | None = None) -> list[MoneyLine]:
    """Works on the part of the building used, then fees and checks, contingency, access
    (an extrapolation « à chiffrer » for a commune beyond the survey's size)."""
    if building is None:
        return [_line(text("finance.works.no_building"), 0,
                      text("finance.works.no_building_source"))]
    if building.works_cost_eur is not None:
        lines = [_line(text("finance.works.entered"), building.works_cost_eur,
                       text("costs.works.entered_source"))]
    elif building.state == "ready":
        lines = [_line(text("finance.works.ready"), 0, text("common.source.entered"))]
    else:
        lines = [_estimated_works(building, sizing, params)]
    entered = building.works_cost_eur is not None or building.state == "ready"
    if building.accessible is False:
        key = "accessibility_works_eur"
        source = scoped(index_note(params, key, "works_2010"), params, key, profile)
        label = text("costs.scope.label" if source.startswith("extrapolation")
                     else "costs.works.accessibility")
        lines.append(_line(label, indexed(params, key, "works_2010"), source,
                           params.is_overridden(key)))
    # fees and contingency on the tool's estimates only: an amount the profile typed is taken
    # as it is (its line asks whether it includes them), accessibility or not
    base = sum(line.amount_eur for line in lines[1 if entered else 0:])
    if base > 0:
        for key in ("works_fees_rate", "works_contingency_rate"):
            rate = params(key)
            lines.append(_param_line(
                text(f"costs.works.{key}", rate=fmt_percent(rate), base=fmt_eur(base)),
                base * rate, params, key))
    return lines


def _estimated_works(building: Building, sizing: Sizing, params: Params) -> MoneyLine:
    """Light works (today's default) or heavy works (Le Plan B indexed) on the used surface."""
    used = min(building.surface_m2 or sizing.surface_m2, sizing.surface_m2)
    if building.state == "heavy_works":
        rate = heavy_works_rate(params)
        return _line(text("finance.works.estimated", kind=text("finance.works.heavy"),
                          surface=fmt_number(used)) + text("costs.works.rate", rate=fmt_eur(rate)),
                     used * rate, index_note(params, "works_heavy_eur_per_m2", "works"),
                     params.is_overridden("works_heavy_eur_per_m2"))
    rate = params("works_light_eur_per_m2")
    return _param_line(text("finance.works.estimated", kind=text("finance.works.light"),
                            surface=fmt_number(used)) + text("costs.works.rate",
                                                             rate=fmt_eur(rate)),
                       used * rate, params, "works_light_eur_per_m2")


# --- premises lent free: support in kind ------------------------------------------------

PUBLIC_OWNERS = ("commune", "epci", "public_other")


def lent_free(profile: Profile, building: Building | None) -> bool:
    """A public owner other than the carrier lends the premises without rent."""
    return (building is not None and building.owner in PUBLIC_OWNERS
            and not building.monthly_rent_eur
            and profile.carrier.commune_support in ("premises", "both")
            and profile.carrier.type != building.owner)


def in_kind_lines(profile: Profile, sizing: Sizing, params: Params) -> list[MoneyLine]:
    """The rent value of premises lent free, as public support in kind (empty otherwise)."""
    building = chosen_building(profile, sizing)
    if not lent_free(profile, building):
        return []
    surface = building.surface_m2 or sizing.surface_m2
    per_m2, source, overridden = rent_rate(params, profile)
    return [_line(text("costs.in_kind.premises", surface=fmt_number(surface),
                       rate=fmt_eur(per_m2, 2)), 12 * surface * per_m2, source, overridden)]


def in_kind_advice(profile: Profile) -> str:
    """French: formalise the loan in an occupancy agreement (what the law allows)."""
    who = "association" if profile.carrier.type == "association" else "other"
    return text("costs.in_kind.advice") + " " + text(f"costs.in_kind.{who}")


# --- staff cost references (the operating side costs the staff with them) -----------------


def hourly_staff_cost(params: Params, monthly_gross: float | None = None) -> float:
    """Employer cost of one worked hour: monthly gross (default: SMIC, 35 h) with employer
    charges, spread over the weeks actually worked (``weeks_per_year``)."""
    if monthly_gross is None:
        monthly_gross = params("smic_hourly_gross_eur") * 35 * 52 / 12
    yearly = 12 * monthly_gross * (1 + params("employer_charges_rate"))
    return yearly / (35 * params("weeks_per_year"))


def facilitator_hourly_cost(params: Params) -> float:
    """Employer cost of one worked hour of a facilitator (the alternative to the SMIC)."""
    return hourly_staff_cost(params, params("facilitator_monthly_gross_eur"))


def hour_cost(params: Params, key: str) -> tuple[float, str, bool]:
    """The one hourly cost of paid work (animation ``staff_eur_per_hour``, cleaning
    ``cleaning_eur_per_hour``): the profile's override of `key`, else the SMIC-based employer
    cost of ``hourly_staff_cost``. Returns (euros per hour, source, overridden)."""
    if params.is_overridden(key):
        return params(key), params.cited(key), True
    rate = hourly_staff_cost(params)
    params("smic_hourly_gross_eur")  # listed in the method with its source
    source = text("costs.staff.source", rate=fmt_eur(rate, 2),
                  charges=fmt_percent(params("employer_charges_rate")))
    return rate, source, False


def rent_rate(params: Params, profile: Profile | None = None) -> tuple[float, str, bool]:
    """Rent per m² and month in today's euros (Le Plan B's 2017 rent indexed on consumer
    prices), with its source: the operating estimate and the support in kind use this one.
    Outside a rural commune (`profile`'s density level) the source says it extrapolates."""
    key = "rent_eur_per_m2_month"
    return (indexed(params, key, "prices"), scoped(index_note(params, key, "prices"), params,
                                                   key, profile), params.is_overridden(key))
