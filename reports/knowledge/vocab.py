"""Closed vocabularies of the knowledge base: allowed codes, condition keys, settings."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from reports import codes

# The profile's code lists (reports.codes) are the source; the study's sites have a carrier.
CARRIER_TYPES = tuple(c for c in codes.codes_of(codes.CARRIER_TYPES) if c != "undecided")
BUILDING_ORIGINS = ("private_rental", "communal_building", "intercommunal_building",
                    "company_built", "founder_workshop", "incubator_building",
                    "former_public_building", "public_facility_annex")
OWNERS = codes.codes_of(codes.OWNERS)
ZAU2010 = codes.codes_of(codes.ZAU2010)
CONCENTRATION_CLASSES = tuple(label for _, label in codes.CONCENTRATION_CLASSES)  # as printed
SERVICES = codes.codes_of(codes.SERVICES)
TARIFF_SPACES = ("open_space", "closed_office", "meeting_room", "fablab", "membership", "other")
TARIFF_UNITS = ("half_day", "day", "pass", "week", "month", "quarter", "hour", "year")
TAXES = ("HT", "TTC")
THEMES = ("governance", "building", "economics", "communication", "services", "network",
          "funding", "timing")
PROGRAMME_KINDS = ("eu", "state", "region", "departement", "inter_operator", "contract", "other")
PROGRAMME_STATUSES = ("open", "closed", "to_check")  # as checked on the row's checked_on date
PROGRAMME_TARGETS = ("project", "people")  # funds the place, or people's contracts (PEC, FSE+…)
PROGRAMME_PAYS = ("investment", "operation", "engineering")

# condition key -> (kind, allowed values); see "Conditions vocabulary" in docs/ARCHITECTURE.md
CONDITION_KEYS: Mapping[str, tuple[str, tuple[str, ...]]] = MappingProxyType({
    "carrier_types": ("list", (*CARRIER_TYPES, "undecided")),
    "zau2010": ("list", ZAU2010),
    "population_min": ("int", ()),
    "population_max": ("int", ()),
    "concentration_classes": ("list", codes.codes_of(codes.CONCENTRATION_CLASSES)),
    "building_states": ("list", (*codes.codes_of(codes.BUILDING_STATES), "none")),
    "building_owners": ("list", OWNERS),
    "budget_levels": ("list", ("low", "medium", "high")),
    "services_any": ("list", SERVICES),
    "commune_support": ("list", codes.codes_of(codes.COMMUNE_SUPPORT)),
    "staffed": ("bool", ()),
    "public_host": ("bool", ()),
})

REQUIRED_SETTINGS = ("concentration_residential_max", "concentration_employing_min",
                     "population_bands", "fill_rate_target", "catchment_minutes_min",
                     "catchment_minutes_max", "telework_commute_minutes",
                     "budget_level_low_max", "budget_level_high_min")

TERRITORY_APPLIES = ("yes", "differs", "no", "only", "unverified")
