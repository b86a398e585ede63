"""The seven matching criteria: a similarity in 0..1 and a French sentence for each.

The wording is in resources/analysis/text/criteria.toml.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reports import codes
from reports.analysis.features import Features
from reports.analysis.parameters import Params
from reports.analysis.texts import table, text
from reports.fmt import fmt_eur, fmt_number, fmt_ratio
from reports.profile import concentration_label

CRITERIA = ("population", "territory", "concentration", "carrier", "building", "budget",
            "services")
LABELS = table("criteria.labels")
ZAU_PHRASES = table("criteria.zau")
CARRIER_PHRASES = table("criteria.carriers")
OWNER_PHRASES = table("criteria.owners")
BUDGET_PHRASES = table("criteria.budgets")
PUBLIC_OWNERS = {"commune", "epci", "public_other"}

Result = tuple[float | None, str]  # similarity (None: unknown), French sentence


def pair(table: dict[str, float], a: str, b: str, default: float = 0.0) -> float:
    """Look up a symmetric ``"a|b"`` entry whichever order the file wrote it in."""
    return table.get(f"{a}|{b}", table.get(f"{b}|{a}", default))


def degree(similarity: float, params: Params) -> str:
    """A French word for how close two values are (thresholds ``similarity_degrees``)."""
    floors = params("similarity_degrees")
    for word in ("very_close", "close", "rather_different"):
        if similarity >= floors[word]:
            return text(f"criteria.degree.{word}")
    return text("criteria.degree.very_different")


def population_similarity(a: float, b: float, params: Params) -> float:
    """1 for equal populations, 0 from a factor of ten apart (log scale)."""
    return max(0.0, 1 - abs(math.log(a / b)) / params("population_log_span"))


def territory_similarity(a: str, b: str, params: Params) -> float:
    """Similarity of two ZAU 2010 codes through their families."""
    table, groups = params("territory_similarity"), params("territory_groups")
    if a == b:
        return table["same_code"]
    ga, gb = groups.get(a), groups.get(b)
    if ga == gb:
        return table["same_group"]
    return pair(table, ga or "", gb or "")


def carrier_similarity(a: str, b: str, params: Params) -> float:
    """Similarity of two carrier types (undecided is neutral)."""
    if a == b:
        return 1.0
    if "undecided" in (a, b):
        return params("neutral_similarity")
    return pair(params("carrier_similarity"), a, b)


def owner_similarity(a: str, b: str, params: Params) -> float:
    """Similarity of two building owners (public owners are close to each other)."""
    table = params("owner_similarity")
    if a == b:
        return table["same"]
    ka, kb = ("public" if x in PUBLIC_OWNERS else x for x in (a, b))
    return pair(table, ka, kb)


def level_similarity(a: str, b: str) -> float:
    """Same budget level 1, adjacent 0.5, opposite 0."""
    order = ("low", "medium", "high")
    return 1.0 - abs(order.index(a) - order.index(b)) / 2


def _population(me: Features, them: Features, place: str, params: Params) -> Result:
    if them.population is None or me.population is None:
        return None, text("criteria.population.unknown", place=place)
    sim = population_similarity(me.population, them.population, params)
    return sim, text("criteria.population.text", place=place, theirs=fmt_number(them.population),
                     mine=fmt_number(me.population), degree=degree(sim, params))


def _territory(me: Features, them: Features, place: str, params: Params) -> Result:
    if me.zau is None:
        return None, text("criteria.territory.not_entered")
    if them.zau is None:
        return None, text("criteria.territory.unknown", place=place)
    sim = territory_similarity(me.zau, them.zau, params)
    approx = text("criteria.territory.approximate") if me.zau_approximate else ""
    if me.zau == them.zau:
        return sim, text("criteria.territory.same", place=place, mine=ZAU_PHRASES[me.zau],
                         approx=approx)
    return sim, text("criteria.territory.different", place=place, theirs=ZAU_PHRASES[them.zau],
                     mine=ZAU_PHRASES[me.zau], approx=approx)


def _concentration(me: Features, them: Features, place: str, params: Params) -> Result:
    if me.concentration is None:
        return None, text("criteria.concentration.not_computable")
    if them.concentration is None:
        return None, text("criteria.concentration.unknown", place=place)
    sim = max(0.0, 1 - abs(me.concentration - them.concentration)
              / params("concentration_span"))
    ratios = {"place": place, "mine": concentration_label(me.concentration_class),
              "theirs_ratio": fmt_ratio(them.concentration),
              "mine_ratio": fmt_ratio(me.concentration)}
    if me.concentration_class == them.concentration_class:
        return sim, text("criteria.concentration.same", **ratios)
    return sim, text("criteria.concentration.different", **ratios,
                     theirs=concentration_label(them.concentration_class))


def _carrier(me: Features, them: Features, place: str, params: Params) -> Result:
    if them.carrier is None:
        return None, text("criteria.carrier.unknown", place=place)
    sim = carrier_similarity(me.carrier, them.carrier, params)
    if me.carrier == them.carrier:
        return sim, text("criteria.carrier.same", place=place, mine=CARRIER_PHRASES[me.carrier])
    if me.carrier == "undecided":
        return sim, text("criteria.carrier.undecided", place=place,
                         theirs=CARRIER_PHRASES[them.carrier])
    return sim, text("criteria.carrier.different", place=place,
                     theirs=CARRIER_PHRASES[them.carrier], mine=CARRIER_PHRASES[me.carrier])


def _building(me: Features, them: Features, place: str, params: Params) -> Result:
    if me.owner is None:
        return None, text("criteria.building.not_entered")
    if them.owner is None:
        return None, text("criteria.building.unknown", place=place)
    sim = owner_similarity(me.owner, them.owner, params)
    if me.owner == them.owner:
        return sim, text("criteria.building.same", place=place, mine=OWNER_PHRASES[me.owner])
    return sim, text("criteria.building.different", place=place,
                     theirs=OWNER_PHRASES[them.owner], mine=OWNER_PHRASES[me.owner])


def _budget(me: Features, them: Features, place: str, params: Params) -> Result:
    if me.budget_level is None:
        return None, text("criteria.budget.not_entered")
    if them.budget_level is None:
        return None, text("criteria.budget.unknown", place=place)
    sim = level_similarity(me.budget_level, them.budget_level)
    amount = (text("criteria.budget.amount", amount=fmt_eur(them.investment))
              if them.investment is not None else text("criteria.budget.volunteer"))
    mine = text("criteria.budget.mine", level=BUDGET_PHRASES[me.budget_level],
                amount=fmt_eur(me.investment))
    if me.budget_level == them.budget_level:
        return sim, text("criteria.budget.same", place=place, amount=amount, mine=mine)
    return sim, text("criteria.budget.different", place=place, amount=amount, mine=mine,
                     theirs=BUDGET_PHRASES[them.budget_level])


def service_names(services) -> str:
    """French list of service labels, in the code list's order."""
    ordered = [label.lower() for code, label in codes.SERVICES if code in services]
    return ", ".join(ordered)


def _services(me: Features, them: Features, place: str, params: Params) -> Result:
    if not them.services:
        return None, text("criteria.services.unknown", place=place)
    common = me.services & them.services
    sim = len(common) / len(me.services | them.services)
    if not common:
        return sim, text("criteria.services.none_in_common", place=place,
                         services=service_names(them.services))
    return sim, text("criteria.services.in_common", place=place, services=service_names(common),
                     common=len(common), planned=len(me.services))


COMPARE: dict[str, Callable[[Features, Features, str, Params], Result]] = {
    "population": _population, "territory": _territory, "concentration": _concentration,
    "carrier": _carrier, "building": _building, "budget": _budget, "services": _services,
}
