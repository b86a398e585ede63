"""Risks the project runs, most severe first, each with a mitigation drawn from the study.

The wording, the condition lifting each risk and the sites it cites are in
resources/analysis/text/risks.toml; this module decides which risks apply and how severe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reports.analysis.cover import PRIVATE_CARRIERS, far_from_cover, running_cover
from reports.analysis.finance import chosen_building, short_number
from reports.analysis.parameters import Params
from reports.analysis.texts import counted, items, text
from reports.fmt import fmt_eur, fmt_number
from reports.profile import Profile
from reports.result import Demand, ExistingOffer, ExistingPlace, Finance, Risk, Sizing

_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Found:
    """A risk and the condition the verdict asks for to lift it."""

    risk: Risk
    condition: str


def _risk(key: str, severity: str, text_values: dict[str, Any] | None = None,
          condition_values: dict[str, Any] | None = None, text_key: str = "text",
          title: str = "title", condition: str = "condition", private: bool = False,
          mitigation: str = "mitigation") -> Found:
    """The risk at catalogue `key` (``risks.<id>``), its placeholders filled; `title` and
    `condition` name a variant (``title_many`` for several places); `private`: the
    condition and parade of a company or a network, which votes no subsidy
    (``condition_private``, ``mitigation_private``)."""
    if private:
        condition = "condition_private"
    risk = Risk(key.rsplit(".", 1)[1], severity, text(f"{key}.{title}"),
                text(f"{key}.{text_key}", **(text_values or {})),
                text(f"{key}.mitigation_private" if private else f"{key}.{mitigation}"),
                items(f"{key}.sites_private" if private else f"{key}.sites"))
    return Found(risk, text(f"{key}.{condition}", **(condition_values or {})))


def find_risks(profile: Profile, demand: Demand, sizing: Sizing, finance: Finance,
               params: Params, existing: ExistingOffer | None = None) -> list[Found]:
    """Every risk that applies, most severe first (stable order within a severity)."""
    found = [*_people_risks(profile, demand, params), *_existing_risks(profile, existing),
             *_building_risks(profile, sizing, params),
             *_money_risks(profile, finance, params), *_use_risks(profile)]
    return sorted(found, key=lambda f: _ORDER[f.risk.severity])


def _people_risks(profile: Profile, demand: Demand, params: Params) -> list[Found]:
    """No carrier, no driving group, too few users."""
    out = []
    carrier, ter = profile.carrier, profile.territory
    if carrier.type == "undecided":
        out.append(_risk("risks.no_carrier", "high"))
    known = (ter.known_independents or 0) + (ter.known_teleworkers or 0)
    if (carrier.founders or 0) <= 1 and known == 0:
        out.append(_risk("risks.no_group", "high"))
    if demand.users.central < params("thin_demand_users"):
        out.append(_risk("risks.thin_catchment", "high", {
            "users": counted(demand.users.central, "common.nouns.regular_user"),
            "threshold": fmt_number(params("thin_demand_users"))}))
    return out


def _places(places: tuple[ExistingPlace, ...]) -> str:
    """« El Quadrat (Prades) ; Le 302 (Carcassonne, à 4,3 km) »."""
    named = []
    for p in places[:3]:
        if p.where != "commune" and p.distance_km is not None:
            named.append(text("existing.risk_place.far", name=p.name, commune=p.commune,
                              km=fmt_number(p.distance_km, 1)))
        else:
            named.append(text("existing.risk_place.here", name=p.name, commune=p.commune))
    return " ; ".join(named)


def _existing_risks(profile: Profile, existing: ExistingOffer | None) -> list[Found]:
    """A place in the commune itself, one within the close radius, others in the catchment.

    The count used is the one typed, else the one found: leaving the field blank never
    removes a risk the directory shows.
    """
    from reports.analysis.existing import radius

    if existing is None:
        count = profile.territory.nearby_third_places or 0
        here, close = (), ()
    else:
        count, here, close = existing.count_used, existing.in_commune, existing.close
    out = []
    if here:
        key = "risks.existing_check" if existing.count_typed == 0 else "risks.existing_here"
        out.append(_risk(key, "medium" if existing.count_typed == 0 else "high",
                         {"places": _places(here)},
                         **({"title": "title_many", "condition": "condition_many"}
                            if len(here) > 1 else {})))
    elif close and (existing.count_typed is None or existing.count_typed > 0):
        out.append(_risk("risks.competition_close", "medium", {
            "places": _places(close), "radius": fmt_number(radius("close_km"))}))
    elif count > 0:
        typed = profile.territory.nearby_third_places is not None
        reason = text("existing.risk_reason.typed" if typed else "existing.risk_reason.found")
        out.append(_risk("risks.competition", "medium", {"reason": reason} if count < 2 else {
            "count": fmt_number(count), "reason": reason},
            text_key="text_one" if count < 2 else "text"))
    return out


def _building_risks(profile: Profile, sizing: Sizing, params: Params) -> list[Found]:
    """Oversized, without fibre, heavy works, inaccessible, precarious lease."""
    out = []
    building = chosen_building(profile, sizing)
    if building is None:
        return out
    if sizing.building_fit_code == "too_big":  # sizing's one rule of fit
        out.append(_risk("risks.oversized", "medium", {
            "surface": fmt_number(building.surface_m2),
            "advised": fmt_number(sizing.surface_m2)}))
    if building.fibre is False:
        out.append(_risk("risks.no_fibre", "high"))
    if building.state == "heavy_works":
        out.append(_risk("risks.heavy_works", "medium"))
    if building.accessible is False:
        out.append(_risk("risks.not_accessible", "medium"))
    if building.owner == "private" and profile.carrier.type in ("association", "undecided"):
        out.append(_risk("risks.precarious_lease", "low"))
    return out


def _money_risks(profile: Profile, finance: Finance, params: Params) -> list[Found]:
    """Profitability expected, subsidies only for investment, budgets too short."""
    out = []
    support = finance.public_support_per_year_eur
    private = profile.carrier.type in PRIVATE_CARRIERS
    be = finance.break_even
    ratio = params("verdict_rules")["not_advised_deficit_ratio"]
    if not be.feasible_at_capacity:  # high when the verdict turns it down for it (far_from_cover)
        out.append(_risk("risks.break_even_capacity", "high" if private or far_from_cover(
            profile, finance, ratio) else "medium", {
            "needed": fmt_number(be.users_needed) if be.users_needed is not None else "—",
            "capacity": short_number(be.capacity_users or 0),
            "cover": running_cover(profile, finance)[1]},
            {"support": fmt_eur(support)},
            text_key="text" if be.users_needed is not None else "text_free", private=private))
    elif not be.reached:
        out.append(_risk("risks.profitability", "high" if private else "medium",
                         {"cover": running_cover(profile, finance)[1]},
                         {"support": fmt_eur(support)}, private=private))
    if (support > 0 and finance.subsidy_eur > 0 and not finance.contribution_eur
            and profile.budget.subsidy_rate  # subsidies the profile expects, not the default
            and not running_cover(profile, finance)[0]
            and profile.carrier.commune_support not in ("funding", "both")):
        out.append(_risk("risks.investment_only_subsidy", "medium", {
            "subsidy": fmt_eur(finance.subsidy_eur), "support": fmt_eur(support)}))
    planned = profile.budget.investment_eur
    estimated = finance.investment_total_eur
    if planned is not None and planned < params("investment_gap_ratio") * estimated:
        out.append(_risk("risks.investment_gap", "medium", {
            "planned": fmt_eur(planned), "estimated": fmt_eur(finance.investment_total_eur)},
            mitigation="mitigation_fablab" if "fablab" in profile.services else "mitigation"))
    announced = profile.budget.annual_operating_eur
    running = finance.operating_total_eur
    if announced is not None and announced < params("operating_gap_ratio") * running:
        out.append(_risk("risks.operating_gap", "medium", {
            "announced": fmt_eur(announced),
            "estimated": fmt_eur(finance.operating_total_eur)}))
    return out


def _use_risks(profile: Profile) -> list[Found]:
    """No closed room, volunteer-only management."""
    out = []
    services = set(profile.services or ["open_space"])
    if not services & {"closed_offices", "meeting_room"}:
        out.append(_risk("risks.no_closed_room", "medium"))
    if profile.carrier.type == "association" and not profile.carrier.staff_hours_per_week:
        out.append(_risk("risks.volunteer_load", "low"))
    return out
