"""Condition sets of practices and typologies (vocabulary in docs/ARCHITECTURE.md).

A condition set is a mapping; every key present must hold, an empty set always holds.
Each key is checked against the profile and gives a French reason when it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reports import codes
from reports.analysis.criteria import (
    BUDGET_PHRASES,
    CARRIER_PHRASES,
    OWNER_PHRASES,
    ZAU_PHRASES,
    service_names,
)
from reports.analysis.features import Features
from reports.analysis.sizing import main_buildings
from reports.analysis.texts import table, text
from reports.fmt import fmt_number
from reports.profile import Profile, concentration_label

SUPPORT_PHRASES = table("conditions.support")
_UNKNOWN = text("conditions.reasons.unknown")


@dataclass(frozen=True)
class Check:
    """Outcome of one condition key: holds (None when unknown) and the French reason."""

    key: str
    holds: bool | None
    reason: str


def check(key: str, value: Any, profile: Profile, me: Features) -> Check:
    """Evaluate one condition key for this profile."""
    buildings = main_buildings(profile.buildings)  # an antenna is not the place
    states = [b.state for b in buildings if b.state] or ([] if buildings else ["none"])
    owners = [b.owner for b in buildings if b.owner]
    support = profile.carrier.commune_support
    checks = {
        "carrier_types": lambda: (me.carrier in value, carrier_reason(me.carrier)),
        "zau2010": lambda: (None if me.zau is None else me.zau in value, text(
            "conditions.reasons.zau", zau=ZAU_PHRASES.get(me.zau, _UNKNOWN))),
        "population_min": lambda: (me.population >= value, text(
            "conditions.reasons.population_min", population=fmt_number(value))),
        "population_max": lambda: (me.population <= value, text(
            "conditions.reasons.population_max", population=fmt_number(value))),
        "concentration_classes": lambda: (
            None if me.concentration_class is None else me.concentration_class in value,
            text("conditions.reasons.concentration",
                 concentration=concentration_label(me.concentration_class))),
        "building_states": lambda: (any(s in value for s in states) if states else None,
                                    _state_reason(states)),
        "building_owners": lambda: (any(o in value for o in owners) if owners else None, text(
            "conditions.reasons.owner",
            owner=OWNER_PHRASES.get(owners[0] if owners else "", _UNKNOWN))),
        "budget_levels": lambda: (None if me.budget_level is None else me.budget_level in value,
                                  text("conditions.reasons.budget",
                                       budget=BUDGET_PHRASES.get(me.budget_level, _UNKNOWN))),
        "services_any": lambda: (bool(me.services & set(value)), text(
            "conditions.reasons.services", services=service_names(me.services & set(value)))
            if me.services & set(value) else text("conditions.reasons.services_missing",
                                                  services=service_names(value))),
        "commune_support": lambda: (support in value, text(
            "conditions.reasons.commune_support",
            support=SUPPORT_PHRASES.get(support, _UNKNOWN))),
        "public_host": lambda: (_public_host(profile, me) == bool(value), text(
            "conditions.reasons.public_host" if _public_host(profile, me)
            else "conditions.reasons.public_host_missing")),
        "staffed": lambda: (_staffed_holds(bool(value), me),
                            text("conditions.reasons.staffed" if me.staffed
                                 else "conditions.reasons.volunteers")),
    }
    if key not in checks:
        return Check(key, None, "")
    holds, reason = checks[key]()
    return Check(key, holds, reason)


def carrier_reason(carrier: str) -> str:
    """``votre porteur est une association`` (or that it is still to be found)."""
    if carrier == "undecided":
        return text("conditions.reasons.carrier_undecided")
    return text("conditions.reasons.carrier", carrier=CARRIER_PHRASES.get(carrier, _UNKNOWN))


def _public_host(profile: Profile, me: Features) -> bool:
    """The place leans on a public structure that already welcomes the public: it offers
    public services (a France Services desk, as at Villefort) or a public body carries it (an
    agency's incubator building, as at Verniolle)."""
    return "public_services" in me.services or profile.carrier.type == "public_agency"


def _staffed_holds(wanted: bool, me: Features) -> bool:
    """Staffed as wanted; unstaffed means volunteers, which a company or network does not use."""
    if wanted:
        return bool(me.staffed)
    return not me.staffed and me.carrier not in ("company", "network")


def _state_reason(states: list[str]) -> str:
    """Reason text for the building state condition."""
    if states == ["none"]:
        return text("conditions.reasons.no_building")
    label = codes.label_of(codes.BUILDING_STATES, states[0]).lower() if states else _UNKNOWN
    return text("conditions.reasons.building_state", state=label)


def evaluate(conditions: Mapping[str, Any], profile: Profile, me: Features) -> list[Check]:
    """Every key of a condition set, checked."""
    return [check(key, value, profile, me) for key, value in conditions.items()]


def holds_all(checks: list[Check]) -> bool:
    """True when every condition holds (unknown ones do not)."""
    return all(c.holds for c in checks)


def reason_text(checks: list[Check]) -> str:
    """One French sentence saying why a condition set applies."""
    if not checks:
        return text("conditions.sentence.general")
    parts = [c.reason for c in checks if c.holds]
    joined = (", ".join(parts[:-1]) + (text("conditions.sentence.and") if len(parts) > 1 else "")
              + parts[-1])
    return text("conditions.sentence.applies", reasons=joined)
