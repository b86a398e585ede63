"""A documented site seen as a commune profile (self-match checks, examples)."""

from __future__ import annotations

from typing import Any

from reports.analysis.texts import text
from reports.profile import (
    Budget,
    Building,
    Carrier,
    Commune,
    Population,
    Profile,
    Territory,
)
from reports.profile.read import PUBLIC_CARRIERS


def profile_from_site(site: Any) -> Profile:
    """The profile a mayor of the site's commune would have entered, from the study's fiche."""
    building = []
    if site.building_owner or site.surface_m2:
        building = [Building(name=text("sites.profile.building", site=site.name),
                             owner=site.building_owner, surface_m2=site.surface_m2,
                             monthly_rent_eur=site.monthly_rent_eur)]
    staff = site.staff_hours_per_week
    return Profile(
        commune=Commune(name=site.commune, insee_code=site.insee_code or "",
                        departement=site.departement or ""),
        population=Population(total=site.population, age_15_64=site.age_15_64,
                              active_15_64=site.active_15_64,
                              employed_15_64=site.employed_15_64, jobs=site.jobs),
        territory=Territory(zau2010=site.zau2010),
        buildings=building,
        carrier=Carrier(type=site.carrier_type or "undecided",
                        staff_hours_per_week=staff),
        budget=Budget(investment_eur=site.investment_eur, subsidy_rate=site.subsidy_rate,
                      annual_operating_eur=site.operating_eur_per_year,
                      # a public carrier pays what its fiche says the place costs a year
                      annual_contribution_eur=(site.operating_eur_per_year
                                               if site.carrier_type in PUBLIC_CARRIERS
                                               else None)),
        services=list(site.services),
        notes=text("sites.profile.notes", site=site.name),
    )
