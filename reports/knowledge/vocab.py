"""Closed vocabularies of the knowledge base: allowed codes, condition keys, settings."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

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
