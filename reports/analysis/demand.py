"""Regular users to expect: the closest sites' observed use, transposed to the people of the
commune's zone de chalandise (≈ 20 min by road), shared with the places already there.

A « regular user » comes at least one day a week (``regular_user_min_days_per_week``); the
figures transposed are the ranges each fiche supports (``observed_regular_users``), not the
knowledge base's head counts (Auterive's « plus de 40 » are mostly meeting-room visitors).

1. The zone: the directory's approximate road-time catchment (`Directory.catchment`), its
   employed residents; the people who could use a place are those times the shares of
   independents and of teleworkers (sourced defaults).
2. Each reference site's users, as if it were alone in its own zone (× (1 + the places of
   its zone)), are transposed by the ratio of the two zones' people to the power
   ``demand_population_elasticity``; low / central / high are the lowest, the weighted mean
   and the highest.
3. Shared with the places already in the commune's zone: ÷ (1 + their weighted count).
4. Signals (networks, long commute) multiply; ceilings (the highest share of a commune's
   population and the largest place the study observed) hold low, central and high.
5. Known people are a floor: ``signal_conversion`` of them for the central figure and
   ``known_people_low_share`` of them for the low one (the same half by default: the floor
   the note states holds for the whole range), never multiplied up; the low figure never
   assumes more users than the people already known.

The wording is in resources/analysis/text/demand.toml.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reports import catchment
from reports.analysis.existing import weighted, zone_of, zone_places
from reports.analysis.parameters import Params
from reports.analysis.texts import counted, text
from reports.fmt import fmt_number, fmt_percent
from reports.profile import Profile
from reports.result import Demand, Estimate, ExistingOffer, SiteMatch


@dataclass(frozen=True)
class Base:
    """What the demand is drawn from, for the commune and the reference sites.

    kind "zone": employed residents of the road-time catchment (sites: theirs too);
    "catchment": a population entered in the profile (sites: their zone's population);
    "commune": the commune's population (sites: their commune's).
    """

    population: int  # the figure transposed (employed residents for "zone")
    kind: str
    source: str  # French
    catchment_population: int | None  # what the commune summary shows
    zone: Any = None  # the directory's Catchment, when known
    places: tuple[dict[str, Any], ...] = ()  # existing places of the zone, weighted


def neighbourhood_of(directory: Any, insee_code: str) -> Any:
    """The directory's neighbourhood of a commune, or None (cached while the census in use
    stays the same: a newer census file changes the figures)."""
    return _neighbourhood(directory, getattr(directory, "census_generation", 0), insee_code)


@lru_cache(maxsize=512)
def _neighbourhood(directory: Any, _census: int, insee_code: str) -> Any:
    if directory is None or not insee_code:
        return None
    try:
        return directory.neighbourhood(insee_code)
    except Exception:  # a broken directory must not stop the analysis
        return None


def existing_places(zone: Any, params: Params, exclude_site: str | None = None
                    ) -> tuple[dict[str, Any], ...]:
    """A zone's known tiers-lieux (one entry per place), each with its weight (the rule of
    `reports.analysis.existing.weighted`, the one place-finder)."""
    if zone is None:
        return ()
    return weighted(zone.third_places, params, exclude_site)


def demand_base(profile: Profile, neighbourhood: Any, directory: Any,
                params: Params | None = None, exclude_site: str | None = None,
                existing: ExistingOffer | None = None) -> Base:
    """The zone's employed residents, or a population entered, or the commune's own.

    `exclude_site` leaves a study site out of the zone's places (a site's own profile, for
    the calibration: the place did not exist when it was planned). With `existing` (the
    analysis), the places shared with are the ones the existing offer counts in the zone, so
    that the note gives one count.
    """
    entered = profile.territory.catchment_population
    population = profile.population.total
    minutes = params("demand_zone_minutes") if params is not None else 20
    zone = zone_of(directory, profile.commune.insee_code, minutes)
    if existing is not None and params is not None:
        return dataclasses.replace(_base(profile, zone, entered, population, directory),
                                   places=zone_places(existing, params))
    return _base(profile, zone, entered, population, directory, params, exclude_site)


def _cut_off(profile: Profile) -> str:
    """Why the zone stops at the shore, at the last track or at the end of a mountain road
    ("" on the road network)."""
    code = profile.commune.insee_code or ""
    params = catchment.parameters()
    if code in params.island_of:
        return text("demand.base.island", island=params.island_of[code])
    if code in params.roadless_of:
        return text("demand.base.no_road", commune=profile.commune.name or code)
    if code in params.mountain_end_of:
        return text("demand.base.mountain_end", commune=profile.commune.name or code)
    return ""


def _base(profile: Profile, zone: Any, entered: int | None, population: int | None,
          directory: Any, params: Params | None = None, exclude_site: str | None = None
          ) -> Base:
    """The base of the demand, with the zone's places weighted (when `params` is given)."""
    if entered and directory is not None:
        places = (existing_places(zone, params, exclude_site)
                  if params is not None and zone else ())
        return Base(entered, "catchment", text("demand.base.entered"), entered, zone, places)
    if zone is not None and zone.employed_15_64:
        places = existing_places(zone, params, exclude_site) if params is not None else ()
        return Base(zone.employed_15_64, "zone",
                    text("demand.base.zone", minutes=fmt_number(zone.minutes),
                         population=fmt_number(zone.population),
                         employed=fmt_number(zone.employed_15_64),
                         communes=fmt_number(len(zone.communes)),
                         cut=_cut_off(profile)),
                    zone.population, zone, places)
    if entered:
        return Base(population, "commune", text("demand.base.entered_without_directory"),
                    entered)
    return Base(population, "commune", text("demand.base.commune"), None)


@lru_cache(maxsize=64)
def _site_zone(directory: Any, _census: int, insee_code: str, minutes: int) -> Any:
    return zone_of(directory, insee_code, minutes)


def site_base(site: Any, base: Base, directory: Any, params: Params
              ) -> tuple[int | None, float]:
    """A reference site's figure of the same kind as the commune's, and its zone's places."""
    if base.kind == "commune":
        return site.population, 0.0
    zone = _site_zone(directory, getattr(directory, "census_generation", 0), site.insee_code,
                      params("demand_zone_minutes"))
    if zone is None:
        return None, 0.0
    others = sum(p["weight"] for p in existing_places(zone, params, site.site_id))
    figure = zone.employed_15_64 if base.kind == "zone" else zone.population
    return figure or None, others


def observed(site: Any, params: Params) -> tuple[float, float] | None:
    """The fiche's range of regular users (at least a day a week), or None."""
    found = params("observed_regular_users").get(site.site_id)
    return (float(found[0]), float(found[1])) if found else None


def _references(matches: tuple[SiteMatch, ...], kb: Any, base: Base, directory: Any,
                params: Params) -> list[tuple[Any, float, float, int, float]]:
    """(site, weight, users transposed, site figure, site users) for the closest sites."""
    elasticity = params("demand_population_elasticity")
    floor = params("reference_weight_floor")
    out = []
    for match in matches:
        site = kb.site(match.site_id)
        seen = observed(site, params)
        if seen is None:
            continue
        figure, others = site_base(site, base, directory, params)
        if not figure:
            continue
        users = math.sqrt(seen[0] * seen[1])  # middle of the range, on a log scale
        alone = users * (1 + others)
        transposed = alone * (base.population / figure) ** elasticity
        weight = max(match.score, floor) ** params("reference_weight_power")
        out.append((site, weight, transposed, figure, users))
        if len(out) == params("reference_sites_count"):
            break
    return out


def commune_share_cap(kb: Any, params: Params | None = None, typical: bool = False
                      ) -> tuple[float, Any] | None:
    """Highest share of its commune's population a study site has as regular users, and the site.

    With `params`, the upper end of each fiche's range of regular users (`typical`: the middle
    of the range, on a log scale, as the transposition takes it); without, the knowledge
    base's head count.
    """
    shares = []
    for site in kb.sites:
        users = site.regular_users
        if params is not None:
            seen = observed(site, params)
            users = (math.sqrt(seen[0] * seen[1]) if typical else seen[1]) if seen else None
        if users and site.population:
            shares.append((users / site.population, site, users))
    if not shares:
        return None
    share, site, _ = max(shares, key=lambda item: item[0])
    return share, site


def study_ceiling(params: Params) -> tuple[float, str] | None:
    """The largest number of regular users a fiche supports, and its site id."""
    ranges = params("observed_regular_users")
    if not ranges:
        return None
    site_id = max(ranges, key=lambda key: ranges[key][1])
    return float(ranges[site_id][1]), site_id


def _ceilings(profile: Profile, kb: Any, params: Params) -> tuple[float, str] | None:
    """The lowest ceiling the study states and the sentence saying it (None: none applies)."""
    out = []
    share = commune_share_cap(kb, params)
    population = profile.population.total
    if share is not None and population:
        cap = share[0] * population
        users = observed(share[1], params)[1]
        out.append((cap, text("demand.cap.text", share=fmt_number(share[0] * 100, 1),
                              site=share[1].name, users=fmt_number(users),
                              site_population=fmt_number(share[1].population),
                              population=fmt_number(population), cap=fmt_number(cap))))
    biggest = study_ceiling(params)
    if biggest is not None:
        site = kb.site(biggest[1])
        out.append((biggest[0], text("demand.cap.study", users=fmt_number(biggest[0]),
                                     site=site.name, commune=site.commune)))
    if not out:
        return None
    return min(out, key=lambda item: item[0])


def _central_cap(profile: Profile, kb: Any, params: Params) -> tuple[float, str] | None:
    """The most the central figure may be: the commune's population times the highest share a
    study site has in the middle of its range (the ceiling holds only the high figure, at the
    top of that site's range: Couiza's central 21 was Murat's best, not its usual)."""
    share = commune_share_cap(kb, params, typical=True)
    population = profile.population.total
    if share is None or not population:
        return None
    cap = share[0] * population
    users = share[0] * share[1].population
    return cap, text("demand.cap.central", share=fmt_number(share[0] * 100, 1),
                     site=share[1].name, users=fmt_number(users),
                     site_population=fmt_number(share[1].population),
                     population=fmt_number(population), cap=fmt_number(cap))


def estimate_demand(profile: Profile, matches: tuple[SiteMatch, ...], kb: Any, base: Base,
                    directory: Any, params: Params, nearby: float | None = None) -> Demand:
    """Low / central / high regular users, the reference sites and the signals used.

    `nearby` is the typed count of nearby places when the profile gives one (it overrides
    the directory's places of the zone).
    """
    refs = _references(matches, kb, base, directory, params)
    if refs:
        values = [u for _, _, u, _, _ in refs]
        central = sum(w * u for _, w, u, _, _ in refs) / sum(w for _, w, _, _, _ in refs)
        low, high = min(values), max(values)
    else:  # no documented use among close sites: start from the signals alone
        low = central = high = 0.0
    signals: list[str] = []
    places, share = _sharing(profile, base, params, nearby, signals)
    factor = share * _signal_factor(profile, params, signals)
    low, central, high = low * factor, central * factor, high * factor
    found = _ceilings(profile, kb, params)
    ceiling = found[0] if found else None
    known, known_text = _known_people(profile, params)
    if known_text:
        signals.insert(0, known_text)
    capped = ceiling is not None and high > ceiling
    if capped:
        signals.append(found[1])
    if ceiling is not None:
        ceiling = max(ceiling, known)  # people already known lift a ceiling
        low, central, high = (min(v, ceiling) for v in (low, central, high))
    typical = _central_cap(profile, kb, params)
    if typical is not None and central > max(typical[0], known):
        central = max(typical[0], known)
        low = min(low, central)
        signals.append(typical[1])
        capped = True
    people = (profile.territory.known_independents or 0) + (profile.territory.known_teleworkers
                                                           or 0)
    if people:  # the pessimistic case assumes no more users than the people already known
        low = min(low, people)
    # ... and no fewer than the floor the note states (``known_people_low_share`` of them:
    # « au moins la moitié fréquente le lieu »), the low figure included
    floor_users = people * params("known_people_low_share")
    low = max(low, floor_users)
    central = max(central, known, low)
    high = max(high, central * params("high_over_central_min"))
    rounded_high = math.ceil(high)
    if ceiling is not None:
        rounded_high = min(rounded_high, math.floor(ceiling))
    rounded_low = math.floor(low + 1e-9)
    if people:  # rounding down must not take the low figure under the floor stated
        rounded_low = max(rounded_low, min(round(floor_users), round(central)))
    users = _ordered(Estimate(float(rounded_low), float(round(central)),
                              float(rounded_high)))
    return Demand(users, _method(refs, base, factor, params, capped),
                  tuple(s.site_id for s, *_ in refs), tuple(signals),
                  _zone_dict(base), places, round(share, 3), ceiling, round(known, 2),
                  _pool(base, params), text("demand.regular_user",
                                            days=counted(params("regular_user_min_days_per_week"),
                                                         "common.nouns.day")))


def _ordered(users: Estimate) -> Estimate:
    """low ≤ central ≤ high after rounding (floor, round, ceil keep it; this makes sure)."""
    low = min(users.low, users.central)
    return Estimate(low, users.central, max(users.high, users.central))


def _zone_dict(base: Base) -> dict[str, Any] | None:
    """The zone's figures for the result (no lists of communes)."""
    zone = base.zone
    if zone is None:
        return None
    return {"minutes": zone.minutes, "population": zone.population,
            "employed_15_64": zone.employed_15_64, "communes": len(zone.communes),
            "approximate": True, "method": zone.method,
            "label": text("demand.zone_label", minutes=fmt_number(zone.minutes))}


def _pool(base: Base, params: Params) -> dict[str, float] | None:
    """Independents and teleworkers among the zone's employed residents (the tool's
    hypotheses, shares given with the counts so that the note states them)."""
    if base.zone is None or not base.zone.employed_15_64:
        return None
    employed = base.zone.employed_15_64
    independent = params("independent_share_of_employed")
    teleworker = params("teleworker_share_of_employed")
    return {"independents": round(employed * independent),
            "teleworkers": round(employed * teleworker),
            "independent_share": independent, "teleworker_share": teleworker}


def _sharing(profile: Profile, base: Base, params: Params, nearby: float | None,
             signals: list[str]) -> tuple[tuple[dict[str, Any], ...], float]:
    """The zone's existing places and the share of demand left: 1 ÷ (1 + their weight)."""
    typed = profile.territory.nearby_third_places
    places = base.places  # listed either way: a typed count overrides only the sharing
    if typed is not None:
        count, where = float(typed), text("demand.signals.typed")
        found = sum(p["weight"] for p in places)
        if found > typed:  # the sources show more: the note says what that would change
            signals.append(text("demand.signals.typed_below", typed=fmt_number(typed),
                                found=counted(len(places), "common.nouns.third_place"),
                                share=fmt_percent(1 / (1 + found))))
    elif nearby is not None:
        count, where = float(nearby), text("demand.signals.typed")
    else:
        count = sum(p["weight"] for p in places)
        where = text("demand.signals.in_zone", minutes=fmt_number(
            base.zone.minutes if base.zone is not None else params("demand_zone_minutes")))
    if not count:
        return places, 1.0
    share = 1 / (1 + count)
    signals.append(text("demand.signals.shared", count=fmt_number(count, 0 if float(
        count).is_integer() else 1), where=where, share=fmt_percent(share)))
    return places, share


def _known_people(profile: Profile, params: Params) -> tuple[float, str]:
    """Users to expect from the independents and teleworkers the mayor already knows."""
    ind = profile.territory.known_independents or 0
    tel = profile.territory.known_teleworkers or 0
    if not ind and not tel:
        return 0.0, ""
    rate = params("signal_conversion")
    low_rate = params("known_people_low_share")
    known = (ind + tel) * rate
    low = (text("demand.signals.known_low", rate=fmt_percent(low_rate))
           if abs(low_rate - rate) > 1e-9 else "")
    return known, text("demand.signals.known",
                       independents=counted(ind, "common.nouns.independent"),
                       teleworkers=counted(tel, "common.nouns.teleworker"),
                       users=counted(known, "common.nouns.regular_user"), rate=fmt_percent(rate),
                       low=low)


def _signal_factor(profile: Profile, params: Params, signals: list[str]) -> float:
    """Multiplier from existing networks and a long commute, with reasons."""
    ter, factor = profile.territory, 1.0
    if ter.existing_networks.strip():
        bonus = params("network_bonus")
        factor *= 1 + bonus
        signals.append(text("demand.signals.networks", networks=ter.existing_networks.strip(),
                            bonus=fmt_percent(bonus)))
    threshold = params("telework_commute_minutes")
    minutes = ter.minutes_to_pole
    if catchment.parameters().roadless_of.get(profile.commune.insee_code or ""):
        # no road to the coast: nobody drives to the pole daily, no telework to win from it
        signals.append(text("demand.signals.no_road", commune=profile.commune.name or "",
                            threshold=fmt_number(threshold)))
    elif minutes is not None and minutes >= threshold:
        bonus = params("long_commute_bonus")
        factor *= 1 + bonus
        signals.append(text("demand.signals.long_commute", minutes=fmt_number(minutes),
                            threshold=fmt_number(threshold), bonus=fmt_percent(bonus)))
    elif minutes == 0:  # the commune is its own pole (Rodez), not « à 0 minutes »
        signals.append(text("demand.signals.own_pole", threshold=fmt_number(threshold)))
    elif minutes is not None:
        signals.append(text("demand.signals.short_commute", minutes=fmt_number(minutes),
                            threshold=fmt_number(threshold)))
    return factor


_ROOTS = {0.5: "demand.method.rule_square_root", 0.25: "demand.method.rule_fourth_root"}


def _method(refs: list, base: Base, factor: float, params: Params, capped: bool = False
            ) -> str:
    """French explanation of the computation."""
    if not refs:
        return text("demand.method.no_reference")
    what = {"zone": "demand.method.employed", "catchment": "demand.method.inhabitants_zone",
            "commune": "demand.method.inhabitants"}[base.kind]
    parts = [text("demand.method.reference", site=s.name, commune=s.commune,
                  users=fmt_number(users), population=fmt_number(b),
                  transposed=fmt_number(u))
             for s, _, u, b, users in refs]
    power = params("demand_population_elasticity")
    rule = _ROOTS.get(power)
    rule_text = (text(rule) if rule
                 else text("demand.method.rule_power", power=fmt_number(power, 2)))
    explained = text("demand.method.text", population=fmt_number(base.population),
                     what=text(what), rule=rule_text,
                     references=" ; ".join(parts))
    if factor != 1.0:
        explained += text("demand.method.signals", factor=fmt_number(factor, 2))
    if capped:
        explained += text("demand.method.capped")
    return explained + "."
