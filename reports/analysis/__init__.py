"""Feasibility analysis: from a commune profile to an `AnalysisResult`.

    from reports.analysis import analyse
    result = analyse(profile)            # knowledge base and communes directory by default
    result = analyse(profile, directory=False)   # without the directory

Deterministic and pure (no Qt, no file written). The profile must be valid
(`reports.profile.validate_profile` without errors); otherwise `InvalidProfileError`
carries the French messages. Every weight and assumption comes from
resources/analysis/parameters.json or the knowledge base settings and is listed, with its
source, in ``result.method["assumptions"]``; the profile's ``assumptions`` object overrides
the overridable ones.
"""

from __future__ import annotations

import copy
from typing import Any

from reports import __version__, codes
from reports.analysis.carrier_rule import apply_carrier_rule
from reports.analysis.cover import running_cover
from reports.analysis.demand import Base, demand_base, estimate_demand, neighbourhood_of
from reports.analysis.existing import find_existing
from reports.analysis.features import Features, profile_features
from reports.analysis.finance import build_finance
from reports.analysis.frame import FrameNotes, study_frame
from reports.analysis.impact import estimate_impact
from reports.analysis.local_reasons import Local
from reports.analysis.matching import match_sites, match_typologies
from reports.analysis.options import compare_options, pop_up_room
from reports.analysis.parameters import Params, params_for, shipped
from reports.analysis.practices import applicable_practices
from reports.analysis.risks import find_risks
from reports.analysis.sites import profile_from_site
from reports.analysis.sizing import size_place
from reports.analysis.texts import text
from reports.analysis.verdict import build_verdict, funding_names, verdict_rule
from reports.errors import UserFacingError
from reports.fill import fill_profile
from reports.profile import (
    Message,
    Profile,
    concentration_label,
    errors_in,
    profile_from_dict,
    profile_to_dict,
    validate_profile,
)
from reports.result import AnalysisResult, CommuneSummary, ExistingOffer

__all__ = ["InvalidProfileError", "analyse", "profile_from_site"]


class InvalidProfileError(UserFacingError, ValueError):
    """The profile has errors; `messages` holds them (French)."""

    def __init__(self, messages: list[Message]):
        super().__init__("\n".join(f"{m.field} : {m.text}" for m in messages))
        self.messages = messages


def _knowledge(knowledge: Any) -> Any:
    """The knowledge base given, or the shipped one."""
    if knowledge is not None:
        return knowledge
    from reports.knowledge import knowledge as load

    return load()


def _directory(directory: Any, warnings: list[str]) -> Any:
    """The directory given, the shipped one, or None (False means: do without)."""
    if directory is False:
        return None
    if directory is not None:
        return directory
    try:
        from reports.communes import directory as load

        return load()
    except Exception:  # the analysis works without it; the note says so
        warnings.append(text("engine.warnings.no_directory"))
        return None


def _neighbourhood(profile: Profile, directory: Any, warnings: list[str]) -> Any:
    """The commune's neighbourhood in the directory, or None (said in the warnings)."""
    if directory is None:
        return None
    found = neighbourhood_of(directory, profile.commune.insee_code)
    if found is None:
        warnings.append(text("engine.warnings.not_in_directory"))
    return found


def analyse(profile: Profile | dict, knowledge: Any = None, directory: Any = None
            ) -> AnalysisResult:
    """The whole feasibility analysis of one commune profile."""
    directory_warnings: list[str] = []
    directory = _directory(directory, directory_warnings)
    # a copy, filled from the directory where the profile leaves a figure empty
    profile = copy.deepcopy(profile)
    sources = fill_profile(profile, directory) if directory is not None else {}
    if isinstance(profile, dict):
        profile, messages = profile_from_dict(profile)
    else:
        messages = validate_profile(profile)
    if profile is None or errors_in(messages):
        raise InvalidProfileError(errors_in(messages))
    kb = _knowledge(knowledge)
    warnings = [m.text for m in messages if m.level == "warning"] + directory_warnings
    neighbourhood = _neighbourhood(profile, directory, warnings)
    params = params_for(profile.assumptions, kb.settings)
    me = profile_features(profile, params)
    sites, raws = match_sites(me, kb.sites, params)
    typologies = apply_carrier_rule(
        match_typologies(me, profile, kb.typologies, raws, params), profile.carrier.type, kb)
    existing = find_existing(profile, kb, neighbourhood, directory)
    base = demand_base(profile, neighbourhood, directory, params, existing=existing)
    demand = estimate_demand(profile, sites, kb, base, directory, params)
    sizing = size_place(profile, demand, sites, kb, params)
    finance = build_finance(profile, me, sizing, demand, kb, params,
                            typologies[0].typology_id if typologies else None)
    impact = estimate_impact(profile, demand, params)
    found = find_risks(profile, demand, sizing, finance, params, existing)
    frame = study_frame(profile, kb, directory, params)
    verdict = build_verdict(profile, found, typologies, sites, demand, finance,
                            funding_names(finance), params, existing,
                            has_directory=directory is not None,
                            extrapolated=frame.extrapolated,
                            pop_up_room=getattr(pop_up_room(profile, sizing), "name", "") or "")
    options = compare_options(profile, existing, verdict, sizing, finance, params,
                              demand.users.central, kb)
    nearby = profile.territory.nearby_third_places
    # the practices' clauses quote what is known: a place the sources show is never « none »
    known_places = max(nearby or 0, existing.count_found or 0)
    local = Local(profile, demand, sizing, finance, impact, base.catchment_population,
                  known_places if nearby is not None or existing.count_found is not None
                  else None,
                  running_cover(profile, finance)[1],
                  sum(_planned_hours(line, params, typologies) for line in finance.operating))
    return AnalysisResult(
        profile=profile_to_dict(profile),
        commune=_commune(profile, me, base, neighbourhood, existing, sources, frame),
        verdict=verdict, typologies=typologies, sites=sites, demand=demand, sizing=sizing,
        finance=finance, impact=impact,
        practices=applicable_practices(profile, me, kb, local),
        risks=tuple(f.risk for f in found), warnings=tuple(warnings),
        method=_method(params, profile, me, base),
        versions=_versions(kb, directory), existing=existing, options=options)


def _planned_hours(line: Any, params: Params, typologies: tuple) -> float:
    """Hours a week of the animation the budget counts « à prévoir » (0 for other lines)."""
    if not line.planned or not typologies:
        return 0.0
    return float(params("staff_hours_by_model").get(typologies[0].typology_id, 0))


def _commune(profile: Profile, me: Features, base: Base, neighbourhood: Any,
             existing: ExistingOffer, sources: dict[str, str], frame: FrameNotes
             ) -> CommuneSummary:
    """The commune's figures as entered and as computed."""
    places = tuple({"name": p.name, "commune": p.commune, "insee_code": p.insee_code,
                    "distance_km": p.distance_km,
                    "type": p.type, "sources": list(p.sources), "where": p.where}
                   for p in existing.places[:10])
    category = codes.label_of(codes.ZAU2010, me.zau).split(" (")[0] or None
    return CommuneSummary(
        name=profile.commune.name, insee_code=profile.commune.insee_code,
        departement=profile.commune.departement, population=profile.population.total,
        concentration=None if me.concentration is None else round(me.concentration, 2),
        concentration_class=concentration_label(me.concentration_class),
        territory_category=category[0].lower() + category[1:] if category else None,
        territory_code=me.zau, territory_approximate=me.zau_approximate,
        territory_note=me.zau_origin, catchment_population=base.catchment_population,
        catchment_source=base.source,
        neighbourhood=neighbourhood.to_dict() if neighbourhood is not None else None,
        nearby_third_places=places, sources=dict(sources), frame=frame.sentences,
        part_of=frame.part_of, insee_notes=frame.data_notes, frame_short=frame.short)


def _method(params: Params, profile: Profile, me: Features, base: Base) -> dict[str, Any]:
    """Weights, thresholds and every assumption used, with sources (for the note's annex)."""
    ignored = sorted(set(profile.assumptions or {}) - set(params.overrides))
    return {
        "weights": dict(params("match_weights")),
        "decisive": dict(params("decisive")),
        "concentration_thresholds": {
            "residential_max": params("concentration_residential_max"),
            "employing_min": params("concentration_employing_min")},
        "territory": me.zau_origin,
        "demand_base": base.source,
        "public_support_rule": text("engine.method.public_support_rule"),
        "verdict_rule": verdict_rule(params),
        "assumptions": {k: dict(v) for k, v in sorted(params.used.items())},
        "overridden": sorted(params.overrides),
        "ignored_overrides": ignored,
    }


def _versions(kb: Any, directory: Any) -> dict[str, str]:
    """Tool, knowledge base and data vintages."""
    out = {"tool": __version__, "parameters": shipped()[1],
           "knowledge": str(getattr(kb, "version", "") or text("engine.method.knowledge_version"))}
    if directory is not None:
        out["communes"] = str(getattr(directory, "vintage", "") or "")
    out["programmes"] = str(getattr(kb, "programmes_checked_on", None) or "")
    out["programmes_file"] = str(getattr(kb, "programmes_file", "") or "")
    return out
