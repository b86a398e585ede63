"""The declared carrier decides which models may be recommended.

A model (this tool's grouping of the study's sites) whose carriers exclude the declared one
is not recommended: it stays among the alternatives, after the eligible models, with the
reason. The carriers a model accepts are its ``carrier_types`` condition when it has one,
else the carriers of its documented sites. An undecided carrier excludes nothing. Wording in
resources/analysis/text/carrier_rule.toml.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from reports.analysis.criteria import CARRIER_PHRASES
from reports.analysis.texts import text
from reports.result import TypologyMatch


def accepted_carriers(typology: Any) -> tuple[str, ...]:
    """The carrier types a model accepts."""
    listed = typology.conditions.get("carrier_types") if typology.conditions else None
    return tuple(listed or typology.carrier_types or ())


def apply_carrier_rule(matches: tuple[TypologyMatch, ...], carrier: str, kb: Any
                       ) -> tuple[TypologyMatch, ...]:
    """Eligible models first (their order kept), then the others with their reason."""
    if carrier == "undecided":
        return matches
    eligible, others = [], []
    for match in matches:
        accepted = accepted_carriers(kb.typology(match.typology_id))
        if not accepted or carrier in accepted:
            eligible.append(match)
            continue
        names = text("carrier_rule.or").join(CARRIER_PHRASES.get(c, c) for c in accepted
                                        if c != "undecided")
        others.append(dataclasses.replace(
            match, eligible=False, ineligible_reason=text(
                "carrier_rule.excluded", carrier=CARRIER_PHRASES.get(carrier, carrier),
                accepted=names)))
    if not eligible:  # no model fits the declared carrier: say so on the first one
        first = dataclasses.replace(others[0], ineligible_reason=others[0].ineligible_reason
                                    + text("carrier_rule.none_fits"))
        return (first, *others[1:])
    return (*eligible, *others)
