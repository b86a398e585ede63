"""Validation of a profile: every field against its specification, lists, overrides."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from reports import codes
from reports.fmt import fmt_number
from reports.profile.coherence import _warnings
from reports.profile.messages import Message
from reports.profile.model import MAX_BUILDINGS, MAX_NOTES, SECTIONS, SERVICE_CODES, Profile
from reports.profile.parameters import analysis_parameters
from reports.profile.parse import _is_number
from reports.profile.specs import Spec, choices_text, spec_text
from reports.texts import message


def _service_text(item: Any) -> str:
    """Message for a service code that is not in the list."""
    return message("profile.checks.unknown_service", service=item,
                   codes=choices_text(codes.SERVICES))


def _check_value(value: Any, spec: Spec) -> bool:
    """True when `value` is acceptable for `spec` (missing is fine unless required)."""
    if value is None or value == "":
        return not spec.required
    if spec.kind in ("text", "month"):
        if not isinstance(value, str):
            return False
        if spec.kind == "month":
            return re.fullmatch(r"(20\d\d|2100)-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?",
                                value) is not None
        if spec.required and not value.strip():
            return False
        if spec.hi is not None and len(value) > spec.hi:
            return False
        return spec.pattern is None or re.fullmatch(spec.pattern, value) is not None
    if spec.kind == "bool":
        return isinstance(value, bool)
    if spec.kind == "code":
        return value in spec.choices and type(value) is type(spec.choices[0])
    if not _is_number(value) or value != value:
        return False
    if spec.kind == "int" and not float(value).is_integer():
        return False
    return spec.lo <= value <= spec.hi


def _check_section(section: Any, path: str) -> list[Message]:
    """Every field of one section against its specification."""
    return [Message(f"{path}.{f.name}", spec_text(f.metadata["spec"], f"{path}.{f.name}"))
            for f in dataclasses.fields(section)
            if f.name != "extra" and not _check_value(getattr(section, f.name),
                                                      f.metadata["spec"])]


def validate_profile(profile: Profile) -> list[Message]:
    """Every error and warning of the profile, errors first; never raises."""
    errors: list[Message] = []
    for name in SECTIONS:
        errors += _check_section(getattr(profile, name), name)
    if len(profile.buildings) > MAX_BUILDINGS:
        errors.append(Message("buildings", message("profile.checks.too_many_buildings",
                                                    count=MAX_BUILDINGS)))
    for i, building in enumerate(profile.buildings):
        errors += _check_section(building, f"buildings.{i}")
    for i, service in enumerate(profile.services):
        if service not in SERVICE_CODES:
            errors.append(Message(f"services.{i}", _service_text(service)))
        elif profile.services.index(service) != i:
            errors.append(Message(f"services.{i}", message("profile.checks.service_twice",
                                                                service=service)))
    if not isinstance(profile.notes, str) or len(profile.notes) > MAX_NOTES:
        errors.append(Message("notes", message("profile.checks.notes_too_long",
                                              count=fmt_number(MAX_NOTES).replace("\u202f", " "))))
    errors += _check_assumptions(profile.assumptions)
    return errors + [m for m in _warnings(profile) if m.level == "warning"]


def _check_assumptions(assumptions: dict[str, float] | None) -> list[Message]:
    """Overrides must be numbers within their bounds; unknown keys are only warned about."""
    if not assumptions:
        return []
    bounds = override_bounds()
    out = []
    for key, value in assumptions.items():
        lo, hi = bounds.get(key, (0, 1e9))
        if not _is_number(value) or value != value or not lo <= value <= hi:
            text = message("profile.checks.assumption_range", key=key, lo=fmt_number(lo, 2),
                           hi=fmt_number(hi, 2)).replace("\u202f", " ").replace(",00", "")
            out.append(Message(f"assumptions.{key}", text))
        elif bounds and key not in bounds:
            out.append(Message(f"assumptions.{key}", message("profile.checks.assumption_unknown",
                                                                   key=key), "warning"))
    return out


@lru_cache(maxsize=1)
def override_bounds() -> dict[str, tuple[float, float]]:
    """Keys the profile may override and their bounds (empty if the parameters are absent)."""
    params = analysis_parameters()
    try:
        bounds = {k: tuple(v["range"]) for k, v in params.get("parameters", {}).items()
                  if isinstance(v, dict) and v.get("overridable") and v.get("range")}
        return bounds | {k: tuple(r) for k, r in params.get("overridable_settings", {}).items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def overridable_keys() -> frozenset[str]:
    """Keys of resources/analysis/parameters.json the profile may override."""
    return frozenset(override_bounds())
