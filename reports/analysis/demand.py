"""Regular users to expect, from the closest sites' observed use and the commune's signals.

The wording is in resources/analysis/text/demand.toml.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reports.analysis.parameters import Params
from reports.analysis.texts import counted, text
from reports.fmt import fmt_number, fmt_percent
from reports.profile import Profile
from reports.result import Demand, Estimate, SiteMatch


@dataclass(frozen=True)
class Base:
    """The population the demand is drawn from, for the commune and the reference sites."""

    population: int
    kind: str  # "catchment" or "commune"
    source: str  # French
    catchment_population: int | None  # what the commune summary shows


@lru_cache(maxsize=512)
def neighbourhood_of(directory: Any, insee_code: str) -> Any:
    """The directory's neighbourhood of a commune, or None (cached: the directory is fixed)."""
    if directory is None or not insee_code:
        return None
    try:
        return directory.neighbourhood(insee_code)
    except Exception:  # a broken directory must not stop the analysis
        return None


@lru_cache(maxsize=64)
def site_catchment(directory: Any, insee_code: str) -> int | None:
    """Population within 20 km of a reference site's commune (cached on its own)."""
    found = neighbourhood_of(directory, insee_code)
    return found.catchment_population if found is not None else None


def demand_base(profile: Profile, neighbourhood: Any, directory: Any) -> Base:
    """Catchment entered, or the directory's 20 km ring, or the commune's own population."""
    entered = profile.territory.catchment_population
    population = profile.population.total
    if entered and directory is not None:
        return Base(entered, "catchment", text("demand.base.entered"), entered)
    if neighbourhood is not None:
        ring = neighbourhood.catchment_population
        return Base(ring, "catchment", text("demand.base.directory"), ring)
    if entered:
        return Base(population, "commune", text("demand.base.entered_without_directory"),
                    entered)
    return Base(population, "commune", text("demand.base.commune"), None)


def _references(matches: tuple[SiteMatch, ...], kb: Any, base: Base, directory: Any,
                params: Params) -> list[tuple[Any, float, float, int]]:
    """(site, weight, users transposed to the commune, site base) for the closest sites."""
    elasticity = params("demand_population_elasticity")
    floor = params("reference_weight_floor")
    out = []
    for match in matches:
        site = kb.site(match.site_id)
        if not site.regular_users:
            continue
        site_base = (site_catchment(directory, site.insee_code) if base.kind == "catchment"
                     else site.population)
        if not site_base:
            continue
        users = site.regular_users * (base.population / site_base) ** elasticity
        out.append((site, max(match.score, floor), users, site_base))
        if len(out) == params("reference_sites_count"):
            break
    return out


def commune_share_cap(kb: Any) -> tuple[float, Any] | None:
    """Highest share of its commune's population a study site has as regular users, and the site."""
    shares = [(site.regular_users / site.population, site) for site in kb.sites
              if site.regular_users and site.population]
    return max(shares, key=lambda pair: pair[0]) if shares else None


def _ceiling(profile: Profile, kb: Any, figures: tuple[float, float, float],
             signals: list[str]) -> tuple[tuple[float, float, float], bool]:
    """Low, central, high held to the study's highest share of the commune's population."""
    ceiling = commune_share_cap(kb)
    population = profile.population.total
    if ceiling is None or figures[2] <= ceiling[0] * population:
        return figures, False
    cap = ceiling[0] * population
    signals.append(_cap_text(ceiling[0], ceiling[1], population, cap))
    return (min(figures[0], cap), min(figures[1], cap), cap), True


def _cap_text(share: float, site: Any, population: int, cap: float) -> str:
    """French reason for the ceiling drawn from the commune's own population."""
    return text("demand.cap.text", share=fmt_number(share * 100, 1), site=site.name,
                users=fmt_number(site.regular_users),
                site_population=fmt_number(site.population), population=fmt_number(population),
                cap=fmt_number(cap))


def estimate_demand(profile: Profile, matches: tuple[SiteMatch, ...], kb: Any, base: Base,
                    directory: Any, params: Params, nearby: int | None = None) -> Demand:
    """Low / central / high regular users, the reference sites and the signals used."""
    refs = _references(matches, kb, base, directory, params)
    if refs:
        values = [u for _, _, u, _ in refs]
        central = sum(w * u for _, w, u, _ in refs) / sum(w for _, w, _, _ in refs)
        low, high = min(values), max(values)
    else:  # no documented use among close sites: start from the signals alone
        low = central = high = 0.0
    factor, signals = _signal_factor(profile, params, nearby)
    low, central, high = low * factor, central * factor, high * factor
    (low, central, high), capped = _ceiling(profile, kb, (low, central, high), signals)
    known, known_text = _known_people(profile, params)
    if known_text:
        signals.insert(0, known_text)
    low = max(low, params("minimum_users"), known * params("known_people_low_share"))
    central = max(central, known, low)
    high = max(high, central * params("high_over_central_min"))
    if capped:  # the ceiling the text states holds; only the known people may pass it
        high = max(min(high, (commune_share_cap(kb) or (1.0,))[0] * profile.population.total),
                   central)
    users = Estimate(float(math.floor(low)), float(round(central)), float(math.ceil(high)))
    return Demand(users, _method(refs, base, factor, params, capped),
                  tuple(s.site_id for s, *_ in refs), tuple(signals))


def _known_people(profile: Profile, params: Params) -> tuple[float, str]:
    """Users to expect from the independents and teleworkers the mayor already knows."""
    ind = profile.territory.known_independents or 0
    tel = profile.territory.known_teleworkers or 0
    if not ind and not tel:
        return 0.0, ""
    rate = params("signal_conversion")
    known = (ind + tel) * rate
    return known, text("demand.signals.known",
                       independents=counted(ind, "common.nouns.independent"),
                       teleworkers=counted(tel, "common.nouns.teleworker"),
                       users=counted(known, "common.nouns.regular_user"), rate=fmt_percent(rate))


def _signal_factor(profile: Profile, params: Params, nearby: int | None
                   ) -> tuple[float, list[str]]:
    """Multiplier from nearby places, existing networks and a long commute, with reasons."""
    ter, factor, signals = profile.territory, 1.0, []
    places, where = ter.nearby_third_places, ""
    if places is None and nearby:
        places, where = nearby, text("demand.signals.nearby_directory")
    if places:
        cut = min(places * params("competition_reduction_per_place"),
                  params("competition_reduction_max"))
        factor *= 1 - cut
        near = text("demand.signals.nearby_one" if places < 2 else "demand.signals.nearby_many")
        signals.append(text("demand.signals.nearby", near=near, where=where,
                            places=counted(places, "common.nouns.third_place"),
                            cut=fmt_percent(cut)))
    if ter.existing_networks.strip():
        bonus = params("network_bonus")
        factor *= 1 + bonus
        signals.append(text("demand.signals.networks", networks=ter.existing_networks.strip(),
                            bonus=fmt_percent(bonus)))
    threshold = params("telework_commute_minutes")
    minutes = ter.minutes_to_pole
    if minutes is not None and minutes >= threshold:
        bonus = params("long_commute_bonus")
        factor *= 1 + bonus
        signals.append(text("demand.signals.long_commute", minutes=fmt_number(minutes),
                            threshold=fmt_number(threshold), bonus=fmt_percent(bonus)))
    elif minutes is not None:
        signals.append(text("demand.signals.short_commute", minutes=fmt_number(minutes),
                            threshold=fmt_number(threshold)))
    return factor, signals


_ROOTS = {0.5: "demand.method.rule_square_root", 0.25: "demand.method.rule_fourth_root"}


def _method(refs: list, base: Base, factor: float, params: Params, capped: bool = False
            ) -> str:
    """French explanation of the computation."""
    where = text("demand.method.catchment" if base.kind == "catchment"
                 else "demand.method.commune")
    if not refs:
        return text("demand.method.no_reference")
    parts = [text("demand.method.reference", site=s.name, commune=s.commune,
                  users=fmt_number(s.regular_users), population=fmt_number(b),
                  transposed=fmt_number(u))
             for s, _, u, b in refs]
    power = params("demand_population_elasticity")
    rule = _ROOTS.get(power)
    rule_text = (text(rule) if rule
                 else text("demand.method.rule_power", power=fmt_number(power, 2)))
    explained = text("demand.method.text", population=fmt_number(base.population), where=where,
                     source=base.source, rule=rule_text, references=" ; ".join(parts))
    if factor != 1.0:
        explained += text("demand.method.signals", factor=fmt_number(factor, 2))
    if capped:
        explained += text("demand.method.capped")
    return explained + text("demand.method.catchment_time",
                            min=fmt_number(params("catchment_minutes_min")),
                            max=fmt_number(params("catchment_minutes_max")))
