"""Commuting avoided and local effects, worded as possibilities, not promises.

Only the users who would otherwise drive to the employment pole count (``commuter_share``
of the users, or the known teleworkers who would come, whichever is more), on the days they
are at the place (``presence_rate``); each trip saved is the trip to the pole minus the
trip to the tiers-lieu (``minutes_to_place_default``); distance is time × speed, the door-to-door
speed the directory's catchment uses for the commune's density level (one speed for the zone
and the trips; ``speed_kmh`` only when the profile overrides it). Without a
trip time to the pole, or when the pole is no farther than the tiers-lieu, the commuting
figures are « non chiffré » (0, with the reason) rather than a guess. On an island without a
bridge (resources/communes/catchment.json) the trip to the pole crosses the sea for an unknown
part of its time: trips and hours are figured, road km and CO₂ are not (``road_not_quantified``).
In Guyane's interior no road reaches the coast or its poles (catchment.json ``no_road``): there
is no daily commute by road to avoid, so nothing is figured (« non chiffré », with why).

The wording is in resources/analysis/text/impact.toml.
"""

from __future__ import annotations

from reports import catchment
from reports.analysis.parameters import Params
from reports.analysis.texts import items, text
from reports.fmt import fmt_number
from reports.french import agree
from reports.profile import Profile
from reports.result import Demand, Impact, MoneyLine


def commuters_of(profile: Profile, demand: Demand, params: Params) -> float:
    """Users who would otherwise commute: a share of the users, at least the known
    teleworkers who would come (``signal_conversion`` of them), never more than the users."""
    users = demand.users.central
    known = (profile.territory.known_teleworkers or 0) * params("signal_conversion")
    return min(users, max(users * params("commuter_share"), known))


def estimate_impact(profile: Profile, demand: Demand, params: Params) -> Impact:
    """Round trips avoided by users who would otherwise drive to the employment pole."""
    commuters = commuters_of(profile, demand, params)
    days = (params("presence_rate") * params("working_days_per_week")
            * params("weeks_per_year"))
    to_pole = profile.territory.minutes_to_pole
    to_place = params("minutes_to_place_default")
    assumptions = _assumptions(profile, commuters, days, to_pole, to_place, params)
    effects = tuple(items("impact.effects.list"))
    reason = (_no_road(profile, to_pole) if roadless_of(profile)
              else _not_quantified(to_pole, to_place))
    if reason:  # nothing computed: no hypotheses of a computation not made
        return Impact(0.0, 0.0, 0.0, 0.0, (),
                      (text("impact.commute.not_quantified", reason=reason), *effects),
                      False, reason, None)
    saved = to_pole - to_place
    trips = commuters * days
    hours = trips * 2 * saved / 60
    island = island_of(profile)
    if island:  # time is known, the share of it at sea is not: no road km, no CO₂
        road = text("impact.island.reason", island=island, minutes=fmt_number(to_pole))
        trips, hours = round(trips, 1), round(hours, 1)  # worded as the cards print them
        sentence = _commute_sentence(commuters, trips, 0.0, hours, 0.0, saved, road,
                                     params("weeks_per_year"))
        return Impact(trips, 0.0, hours, 0.0, tuple(assumptions),
                      (sentence, *effects), True, "", float(saved), road)
    km = hours * commute_speed(profile, params)[0]
    if round(km, 1) <= 0:  # a pole 0 minutes (or 0 km/h) away: no trip is saved
        trips = hours = km = 0.0
    co2 = km * params("co2_kg_per_km") / 1000
    # the sentence words the very figures the cards print (538,5 h read 538 and 539: Corte)
    trips, km, hours, co2 = round(trips, 1), round(km, 1), round(hours, 1), round(co2, 2)
    sentence = _commute_sentence(commuters, trips, km, hours, co2, saved,
                                 weeks=params("weeks_per_year"))
    return Impact(trips, km, hours, co2,
                  tuple(assumptions), (sentence, *effects), True, "", float(saved))


def island_of(profile: Profile) -> str:
    """The island without a bridge the commune lies on ("" on the mainland)."""
    return catchment.parameters().island_of.get(profile.commune.insee_code or "", "")


def roadless_of(profile: Profile) -> str:
    """The group of communes of Guyane's interior no road links to the coast ("" elsewhere)."""
    return catchment.parameters().roadless_of.get(profile.commune.insee_code or "", "")


def _no_road(profile: Profile, to_pole: float | None) -> str:
    """Why no commuting is figured in a commune no road links to the coast."""
    name = profile.commune.name or profile.commune.insee_code or ""
    if to_pole:
        return text("impact.not_quantified.no_road_minutes", commune=name,
                    minutes=fmt_number(to_pole))
    return text("impact.not_quantified.no_road", commune=name)


def commute_speed(profile: Profile, params: Params) -> tuple[float, str, bool]:
    """Door-to-door speed (km/h), its source, and whether the profile overrides it: the
    catchment's speed for the commune's density level (resources/communes/catchment.json)."""
    if params.is_overridden("speed_kmh"):
        return params("speed_kmh"), params.cited("speed_kmh"), True
    level = profile.territory.density_level
    speed = catchment.parameters().speed(level)
    source = (text("impact.speed.level", level=fmt_number(level)) if level
              else text("impact.speed.unknown"))
    if overseas(profile):  # speeds set for metropolitan roads: said, as the frame says it
        source = text("impact.speed.overseas", source=source)
    return speed, source, False


def overseas(profile: Profile) -> bool:
    """An overseas commune (its code or département), where the tool's road speeds, set for
    metropolitan France, are an extrapolation."""
    from reports.analysis.frame import OVERSEAS_PREFIXES

    return any(str(value or "").startswith(OVERSEAS_PREFIXES)
               for value in (profile.commune.insee_code, profile.commune.departement))


def _not_quantified(to_pole: float | None, to_place: float) -> str:
    """Why the commuting avoided cannot be figured ("" when it can)."""
    if to_pole is None:
        return text("impact.not_quantified.unknown")
    if to_pole <= 0:
        return text("impact.not_quantified.zero")
    if to_pole <= to_place:
        return text("impact.not_quantified.closer", minutes=fmt_number(to_pole),
                    place=fmt_number(to_place))
    return ""


def _assumptions(profile: Profile, commuters: float, days: float, to_pole: float | None,
                 to_place: float, params: Params) -> list[MoneyLine]:
    """Every figure the commuting estimate rests on, with its source."""
    out = [
        MoneyLine(text("impact.assumptions.commuters"), round(commuters, 1),
                  params.cited("commuter_share"), params.is_overridden("commuter_share")),
        MoneyLine(text("impact.assumptions.days"), round(days, 1),
                  text("impact.assumptions.days_source", presence=params.cited("presence_rate"),
                       weeks=params.cited("weeks_per_year"))),
    ]
    if to_pole is not None:
        out.append(MoneyLine(text("impact.assumptions.minutes"), to_pole,
                             text("common.source.entered")))
    out.append(MoneyLine(text("impact.assumptions.place_minutes"), to_place,
                         params.cited("minutes_to_place_default"),
                         params.is_overridden("minutes_to_place_default")))
    if not island_of(profile):  # no road km over the sea: neither speed nor CO₂ per km
        out += [
            MoneyLine(text("impact.assumptions.speed"), *commute_speed(profile, params)),
            MoneyLine(text("impact.assumptions.co2"), params("co2_kg_per_km"),
                      params.cited("co2_kg_per_km"), params.is_overridden("co2_kg_per_km")),
        ]
    known = profile.territory.known_teleworkers or 0
    if known:
        out.insert(1, MoneyLine(text("impact.assumptions.known"), known,
                                text("common.source.entered")))
    return out


def _commute_sentence(commuters: float, trips: float, km: float, hours: float,
                      co2: float, saved: float, road: str = "", weeks: float = 47) -> str:
    """The commuting estimate in words (`road`: why km and CO₂ are not figured).

    Said in days at the place, the round trips they save, never as a fraction of a person
    (« Si 0,5 usager en moyenne évite le trajet… » read as half a person)."""
    per_week = trips / weeks if weeks else 0.0
    who = text("impact.commute.who", trips=fmt_number(trips), per_week=(
        text("impact.commute.per_week", days=agree(round(per_week), text("impact.commute.day")))
        if round(per_week) >= 1 else text("impact.commute.per_week_less")))
    if road:
        return text("impact.island.text", who=who, hours=fmt_number(hours),
                    saved=fmt_number(saved), reason=road)
    return text("impact.commute.text", who=who, km=fmt_number(km),
                hours=fmt_number(hours), co2=fmt_number(co2, 1), saved=fmt_number(saved),
                tonnes=text("impact.commute.tonne" if co2 < 2 else "impact.commute.tonnes"))
