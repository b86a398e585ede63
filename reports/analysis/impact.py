"""Commuting avoided and local effects, worded as possibilities, not promises.

The wording is in resources/analysis/text/impact.toml.
"""

from __future__ import annotations

from reports.analysis.parameters import Params
from reports.analysis.texts import items, text
from reports.fmt import fmt_number
from reports.profile import Profile
from reports.result import Demand, Impact, MoneyLine


def estimate_impact(profile: Profile, demand: Demand, params: Params) -> Impact:
    """Round trips avoided by users who would otherwise drive to the employment pole."""
    users = demand.users.central
    known = profile.territory.known_teleworkers or 0
    commuters = min(users, max(users * params("commuter_share"), known))
    days = (params("presence_rate") * params("working_days_per_week")
            * params("weeks_per_year"))
    minutes_given = profile.territory.minutes_to_pole
    minutes = minutes_given if minutes_given is not None else params("minutes_to_pole_default")
    trips = commuters * days
    hours = trips * 2 * minutes / 60
    km = hours * params("speed_kmh")
    if round(km, 1) <= 0:  # a pole 0 minutes (or 0 km/h) away: no trip is saved
        trips = hours = km = 0.0
    co2 = km * params("co2_kg_per_km") / 1000
    assumptions = [
        MoneyLine(text("impact.assumptions.commuters"),
                  params("commuter_share"), params.cited("commuter_share"),
                  params.is_overridden("commuter_share")),
        MoneyLine(text("impact.assumptions.days"), round(days, 1),
                  text("impact.assumptions.days_source", presence=params.cited("presence_rate"),
                       weeks=params.cited("weeks_per_year"))),
        _minutes_line(minutes_given, minutes, params),
        MoneyLine(text("impact.assumptions.speed"), params("speed_kmh"), params.cited("speed_kmh"),
                  params.is_overridden("speed_kmh")),
        MoneyLine(text("impact.assumptions.co2"), params("co2_kg_per_km"),
                  params.cited("co2_kg_per_km"), params.is_overridden("co2_kg_per_km")),
    ]
    if known:
        assumptions.insert(1, MoneyLine(text("impact.assumptions.known"), known,
                                           text("common.source.entered")))
    effects = (_commute_sentence(commuters, trips, km, hours, co2), *items("impact.effects.list"))
    return Impact(round(trips, 1), round(km, 1), round(hours, 1), round(co2, 2),
                  tuple(assumptions), effects)


def _minutes_line(given: float | None, used: float, params: Params) -> MoneyLine:
    """The one-way trip to the employment pole, entered or by default."""
    if given is not None:
        return MoneyLine(text("impact.assumptions.minutes"), used,
                         text("common.source.entered"))
    return MoneyLine(text("impact.assumptions.minutes"), used,
                     params.cited("minutes_to_pole_default"),
                     params.is_overridden("minutes_to_pole_default"))


def _commute_sentence(commuters: float, trips: float, km: float, hours: float,
                      co2: float) -> str:
    """The commuting estimate in words."""
    count = fmt_number(commuters, 1)
    who = text("impact.commute.who_one" if commuters < 2 else "impact.commute.who_many",
               commuters=count)
    return text("impact.commute.text", who=who, trips=fmt_number(trips), km=fmt_number(km),
                hours=fmt_number(hours), co2=fmt_number(co2, 1),
                tonnes=text("impact.commute.tonne" if co2 < 2 else "impact.commute.tonnes"))
