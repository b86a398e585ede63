"""What the matching compares: the same few features read from a profile or from a site."""

from __future__ import annotations

from dataclasses import dataclass

from reports import codes
from reports.analysis.parameters import Params
from reports.analysis.sizing import main_and_antennas
from reports.analysis.texts import text
from reports.profile import Profile, concentration, concentration_class


@dataclass(frozen=True)
class Features:
    """A commune and its project, reduced to the seven matching criteria."""

    population: int | None
    zau: str | None  # ZAU 2010 code, entered or mapped
    zau_approximate: bool  # mapped from AAV 2020 or the density grid
    zau_origin: str  # French: how the code was obtained
    concentration: float | None
    concentration_class: str | None  # residential, balanced, employing
    carrier: str | None  # carrier type code; None when unknown (sites)
    owner: str | None  # building owner code; None when unknown or no building
    investment: float | None
    budget_level: str | None  # low, medium, high
    services: frozenset[str]
    staffed: bool | None


def budget_level(investment: float | None, params: Params) -> str | None:
    """``low``, ``medium`` or ``high`` from the investment, thresholds from the settings."""
    if investment is None:
        return None
    if investment <= params("budget_level_low_max"):
        return "low"
    if investment >= params("budget_level_high_min"):
        return "high"
    return "medium"


def territory_code(profile: Profile, params: Params) -> tuple[str | None, bool, str]:
    """The study category (ZAU 2010) for the profile, whether it is approximate, and how."""
    ter = profile.territory
    if ter.zau2010 in codes.codes_of(codes.ZAU2010):
        from reports.fill import SOURCES_KEY

        filled = "territory.zau2010" in (profile.commune.extra.get(SOURCES_KEY) or {})
        return ter.zau2010, False, text("features.territory.directory" if filled
                                        else "features.territory.entered")
    if ter.aav2020_category is not None:
        table = params("aav2020_to_zau2010")
        code = (table.get(f"{ter.aav2020_category}|{ter.aav2020_size}")
                or table.get(f"{ter.aav2020_category}|*"))
        if code:
            label = codes.label_of(codes.AAV2020_CATEGORY, ter.aav2020_category).lower()
            return code, True, text("features.territory.from_aav", label=label)
    if ter.density_level is not None:
        code = params("density_to_zau2010").get(str(ter.density_level))
        if code:
            label = codes.label_of(codes.DENSITY_LEVEL, ter.density_level).lower()
            return code, True, text("features.territory.from_density", label=label)
    return None, False, text("features.territory.unknown")


def main_building_owner(profile: Profile) -> str | None:
    """Owner of the first building listed for the main site (the one the mayor has in mind
    first; an antenna is another site, not the main one)."""
    main, _ = main_and_antennas(profile.buildings)
    return profile.buildings[main[0]].owner if main else None


def profile_features(profile: Profile, params: Params) -> Features:
    """Features of the commune's project."""
    zau, approximate, origin = territory_code(profile, params)
    value = concentration(profile.population)
    investment = profile.budget.investment_eur
    main, _ = main_and_antennas(profile.buildings)
    if investment is None and main:
        investment = profile.buildings[main[0]].works_cost_eur
    staff = profile.carrier.staff_hours_per_week
    return Features(
        population=profile.population.total, zau=zau, zau_approximate=approximate,
        zau_origin=origin, concentration=value,
        concentration_class=_class(value, params),
        carrier=profile.carrier.type, owner=main_building_owner(profile),
        investment=investment, budget_level=budget_level(investment, params),
        services=frozenset(profile.services or ["open_space"]),
        staffed=None if staff is None else staff > 0)


def _class(value: float | None, params: Params) -> str | None:
    """Concentration class with the knowledge base's thresholds."""
    return concentration_class(value, params("concentration_residential_max"),
                               params("concentration_employing_min"))


def site_features(site, params: Params) -> Features:
    """Features of a documented site, as the study describes it."""
    investment = site.investment_eur
    level = budget_level(investment, params)
    if level is None and site.volunteer_run:
        level = "low"  # volunteer-run places without stated works opened on small budgets
    staff = site.staff_hours_per_week
    return Features(
        population=site.population, zau=site.zau2010, zau_approximate=False,
        zau_origin=text("features.territory.study"), concentration=site.concentration,
        concentration_class=_class(site.concentration, params),
        carrier=site.carrier_type, owner=site.building_owner, investment=investment,
        budget_level=level, services=frozenset(site.services or ()),
        staffed=None if staff is None else staff > 0)
