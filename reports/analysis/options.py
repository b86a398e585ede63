"""The options every note compares: join what exists, a shared desk in a public place, a pop-up
test, a dedicated place. Each has an order-of-magnitude cost (sourced, or a stated default)
and a decision criterion; one is advised first, and the note says why.

Costs are in resources/analysis/option_costs.json; the dedicated place's figures are the note's own
(investment, yearly charges, deficit). Wording in resources/analysis/text/options.toml.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from reports.analysis.costs import chosen_building
from reports.analysis.cover import PRIVATE_CARRIERS
from reports.analysis.finance import rent_free
from reports.analysis.parameters import Params
from reports.analysis.texts import counted, text
from reports.fmt import fmt_eur, fmt_number
from reports.profile import Building, Profile
from reports.result import ExistingOffer, Finance, Option, Options, Sizing, Verdict

ORDER = ("join_existing", "shared_desk", "pop_up", "dedicated")


@cache
def costs() -> dict[str, Any]:
    """The shipped orders of magnitude and their sources (option_costs.json)."""
    from reports.paths import read_text

    return json.loads(read_text("analysis", "option_costs.json"))


def _costed(option_id: str, description: str, entry_id: str | None = None,
            variant: str = "", **criterion: str) -> tuple[str, str, str, str, str]:
    """Title, description, cost range (« 1 500 à 3 000 € ») and its source, criterion of
    an option priced in option_costs.json (under `entry_id`, the option's own by default;
    `variant` suffixes the cost and criterion keys)."""
    entry = costs()[entry_id or option_id]
    cost = text("options.range", low=fmt_eur(entry["low_eur"]), high=fmt_eur(entry["high_eur"]))
    return (text(f"options.{option_id}.title"), description,
            text(f"options.{option_id}.cost{variant}", range=cost), entry["source"],
            text(f"options.{option_id}.criterion{variant}", **criterion))


def day_tariffs(kb: Any) -> list[tuple[float, Any, Any]]:
    """The study's paid day prices of open space for everyone (price, tariff, site), cheapest
    first: what a commune pays per day when it helps its residents use a place nearby."""
    found = [(t.price_eur, t, kb.site(t.site_id)) for t in kb.tariffs
             if t.space == "open_space" and t.unit == "day" and t.public == "tous"
             and t.price_eur]
    return sorted(found, key=lambda item: (item[0], item[2].commune))


def pop_up_room(profile: Profile, sizing: Sizing) -> Building | None:
    """The room the project has without rent and can use now, where a pop-up test is held
    (not a building awaiting heavy works: Rieux-Volvestre's gendarmerie was offered for a
    pop-up test); None when it has none. Options and next steps name the same room."""
    building = chosen_building(profile, sizing)
    if rent_free(profile, building) and building.state in ("ready", "light_works"):
        return building
    return None


def advised_option(existing: ExistingOffer | None, verdict: Verdict, params: Params,
                   users_central: float, free_premises: bool = False) -> str:
    """Which option first: a place in the commune, else the dedicated place when favourable,
    else a place within the close radius, else a shared desk for a thin demand (unless the
    project already has premises without rent: then the test is held there), else a pop-up
    test."""
    if existing is not None and existing.in_commune:
        return "join_existing"
    if verdict.level == "favourable":
        return "dedicated"
    if existing is not None and existing.close:
        return "join_existing"
    if users_central < 2 * params("thin_demand_users") and not free_premises:
        return "shared_desk"
    return "pop_up"


def compare_options(profile: Profile, existing: ExistingOffer | None, verdict: Verdict,
                    sizing: Sizing, finance: Finance, params: Params,
                    users_central: float = 0.0, kb: Any = None) -> Options:
    """The four options, advised one first, with the reason."""
    room = pop_up_room(profile, sizing)
    advised = advised_option(existing, verdict, params, users_central, room is not None)
    built = {
        "join_existing": _join(existing, kb),
        "shared_desk": _shared_desk(),
        "pop_up": _pop_up(room.name if room is not None else None),
        "dedicated": _dedicated(sizing, finance, params,
                                profile.carrier.type in PRIVATE_CARRIERS),
    }
    ordered = [advised, *[o for o in ORDER if o != advised]]
    options = tuple(Option(o, *built[o], advised=(o == advised)) for o in ordered)
    key = ("join_close" if advised == "join_existing" and existing is not None
           and not existing.in_commune else advised)  # « première piste »: a place in town
    return Options(options, text(f"options.advice.{key}", **_advice_values(
        advised, existing, verdict)))


def _advice_values(advised: str, existing: ExistingOffer | None, verdict: Verdict
                   ) -> dict[str, str]:
    """Placeholders of the advice sentence."""
    if advised == "join_existing" and existing is not None:
        place = (existing.in_commune or existing.close)[0]
        return {"place": place.name, "commune": place.commune}
    if advised in ("shared_desk", "pop_up"):
        return {"verdict": verdict.label.lower()}
    return {}


def _join(existing: ExistingOffer | None, kb: Any = None) -> tuple[str, str, str, str, str]:
    """Join, extend or partner with the nearest existing place: a convention, and the days
    the commune may pay at the study's day prices; with no place near, join a network (the
    franchise's entry fee)."""
    nearest = None
    if existing is not None:
        nearest = next((p for p in existing.places if p.where != "beyond"), None)
    typed = existing.count_typed if existing is not None else None
    if nearest is None and not typed:
        return _costed("join_existing", text("options.join_existing.description_network"),
                       "join_network", "_network")
    if kb is None:
        from reports.knowledge import knowledge
        kb = knowledge()
    prices = day_tariffs(kb)
    cost = text("options.join_existing.cost", range=text(
        "options.range", low=fmt_eur(prices[0][0]), high=fmt_eur(prices[-1][0])))
    listed = ", ".join(text("options.join_existing.tariff", commune=site.commune,
                            price=fmt_eur(price) + (f" {t.tax}" if t.tax else ""))
                       for price, t, site in prices)
    # a place the profile counts in the zone that no source names (Castelnaudary typed 1):
    # not « aucun lieu connu » beside a risk and a demand shared with it
    description = (text("options.join_existing.description", place=nearest.name,
                        commune=nearest.commune) if nearest is not None
                   else text("options.join_existing.description_typed",
                             count=counted(typed, "common.nouns.third_place")))
    return (text("options.join_existing.title"), description,
            cost, costs()["join_existing"]["source"].format(tariffs=listed),
            text("options.join_existing.criterion"))


def _shared_desk() -> tuple[str, str, str, str, str]:
    """Two to four desks in a public place that already has a welcome desk."""
    return _costed("shared_desk", text("options.shared_desk.description"))


def _pop_up(building: str | None = None) -> tuple[str, str, str, str, str]:
    """A few days in a lent room (the project's own when it has one without rent) to
    measure the demand."""
    description = (text("options.pop_up.description_lent", building=building) if building
                   else text("options.pop_up.description"))
    return _costed("pop_up", description,
                   regulars=fmt_number(costs()["pop_up_regulars"]["value"]))


def _dedicated(sizing: Sizing, finance: Finance, params: Params, private: bool = False
               ) -> tuple[str, str, str, str, str]:
    """The place the note sizes and costs (a private carrier bears its deficit itself)."""
    support = finance.public_support_per_year_eur
    cost = text("options.dedicated.cost", investment=fmt_eur(finance.investment_total_eur),
                charges=fmt_eur(finance.operating_total_eur))
    if support > 0:
        cost += text("options.dedicated.deficit_private" if private
                     else "options.dedicated.deficit", support=fmt_eur(support))
    return (text("options.dedicated.title"),
            text("options.dedicated.description", surface=fmt_number(sizing.surface_m2)),
            cost, text("options.dedicated.source"),
            text("options.dedicated.criterion",
                 regulars=fmt_number(2 * params("thin_demand_users"))))
