"""The seven matching criteria: a similarity in 0..1 and a French sentence for each."""

from __future__ import annotations

import math
from collections.abc import Callable

from reports import codes
from reports.analysis.features import Features
from reports.analysis.parameters import Params
from reports.fmt import fmt_eur, fmt_number, fmt_ratio
from reports.profile import concentration_label

CRITERIA = ("population", "territory", "concentration", "carrier", "building", "budget",
            "services")
LABELS = {
    "population": "Population", "territory": "Catégorie de territoire",
    "concentration": "Concentration d'emploi", "carrier": "Type de porteur",
    "building": "Situation du bâtiment", "budget": "Budget", "services": "Services souhaités",
}
ZAU_PHRASES = {
    "111": "un grand pôle", "112": "dans la couronne d'un grand pôle",
    "120": "une commune multipolarisée des grandes aires urbaines", "211": "un moyen pôle",
    "212": "dans la couronne d'un moyen pôle", "221": "un petit pôle",
    "222": "dans la couronne d'un petit pôle", "300": "une commune multipolarisée",
    "400": "une commune isolée, hors influence des pôles",
}
CARRIER_PHRASES = {
    "association": "une association", "commune": "la commune", "epci": "l'intercommunalité",
    "public_agency": "un organisme public", "cooperative": "une coopérative",
    "company": "une entreprise", "network": "un réseau privé (franchise)",
    "undecided": "un porteur encore à trouver",
}
OWNER_PHRASES = {
    "commune": "à la commune", "epci": "à l'intercommunalité",
    "public_other": "à un organisme public", "private": "à un propriétaire privé",
    "carrier": "au porteur du projet",
}
BUDGET_PHRASES = {"low": "petit budget", "medium": "budget moyen", "high": "gros budget"}
PUBLIC_OWNERS = {"commune", "epci", "public_other"}

Result = tuple[float | None, str]  # similarity (None: unknown), French sentence


def pair(table: dict[str, float], a: str, b: str, default: float = 0.0) -> float:
    """Look up a symmetric ``"a|b"`` entry whichever order the file wrote it in."""
    return table.get(f"{a}|{b}", table.get(f"{b}|{a}", default))


def degree(similarity: float) -> str:
    """A French word for how close two values are."""
    if similarity >= 0.8:
        return "très proches"
    if similarity >= 0.55:
        return "proches"
    if similarity >= 0.3:
        return "assez différentes"
    return "très différentes"


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
        return None, f"L'étude ne donne pas la population de {place}."
    sim = population_similarity(me.population, them.population, params)
    return sim, (f"{place} compte {fmt_number(them.population)} habitants, votre commune "
                 f"{fmt_number(me.population)} : tailles {degree(sim)}.")


def _territory(me: Features, them: Features, place: str, params: Params) -> Result:
    if me.zau is None:
        return None, "Catégorie de territoire non renseignée : critère neutre."
    if them.zau is None:
        return None, f"L'étude ne donne pas la catégorie de territoire de {place}."
    sim = territory_similarity(me.zau, them.zau, params)
    approx = " (catégorie approchée)" if me.zau_approximate else ""
    if me.zau == them.zau:
        return sim, f"Comme {place}, votre commune est {ZAU_PHRASES[me.zau]}{approx}."
    return sim, (f"{place} est {ZAU_PHRASES[them.zau]}, votre commune "
                 f"{ZAU_PHRASES[me.zau]}{approx}.")


def _concentration(me: Features, them: Features, place: str, params: Params) -> Result:
    if me.concentration is None:
        return None, ("Concentration d'emploi non calculable (emplois ou actifs occupés "
                      "manquants) : critère neutre.")
    if them.concentration is None:
        return None, f"L'étude ne donne pas la concentration d'emploi de {place}."
    sim = max(0.0, 1 - abs(me.concentration - them.concentration)
              / params("concentration_span"))
    mine = concentration_label(me.concentration_class)
    if me.concentration_class == them.concentration_class:
        return sim, (f"Comme {place} ({fmt_ratio(them.concentration)}), votre commune est "
                     f"{mine} ({fmt_ratio(me.concentration)}).")
    theirs = concentration_label(them.concentration_class)
    return sim, (f"{place} est {theirs} ({fmt_ratio(them.concentration)}), votre commune "
                 f"{mine} ({fmt_ratio(me.concentration)}).")


def _carrier(me: Features, them: Features, place: str, params: Params) -> Result:
    if them.carrier is None:
        return None, f"L'étude ne précise pas le porteur de {place}."
    sim = carrier_similarity(me.carrier, them.carrier, params)
    if me.carrier == them.carrier:
        return sim, f"Même type de porteur qu'à {place} : {CARRIER_PHRASES[me.carrier]}."
    if me.carrier == "undecided":
        return sim, (f"Porteur pas encore choisi ; à {place}, le lieu est porté par "
                     f"{CARRIER_PHRASES[them.carrier]}.")
    return sim, (f"À {place}, le lieu est porté par {CARRIER_PHRASES[them.carrier]} ; chez "
                 f"vous, par {CARRIER_PHRASES[me.carrier]}.")


def _building(me: Features, them: Features, place: str, params: Params) -> Result:
    if me.owner is None:
        return None, "Pas encore de bâtiment (ou propriétaire inconnu) : critère neutre."
    if them.owner is None:
        return None, f"L'étude ne précise pas à qui appartient le local de {place}."
    sim = owner_similarity(me.owner, them.owner, params)
    if me.owner == them.owner:
        return sim, f"Comme à {place}, le local appartient {OWNER_PHRASES[me.owner]}."
    return sim, (f"À {place}, le local appartient {OWNER_PHRASES[them.owner]} ; le vôtre "
                 f"{OWNER_PHRASES[me.owner]}.")


def _budget(me: Features, them: Features, place: str, params: Params) -> Result:
    if me.budget_level is None:
        return None, "Investissement non renseigné : critère neutre."
    if them.budget_level is None:
        return None, f"L'étude ne donne pas l'investissement de {place}."
    sim = level_similarity(me.budget_level, them.budget_level)
    amount = (f"environ {fmt_eur(them.investment)}" if them.investment is not None
              else "lieu bénévole, sans travaux chiffrés")
    mine = f"{BUDGET_PHRASES[me.budget_level]} ({fmt_eur(me.investment)})"
    if me.budget_level == them.budget_level:
        return sim, f"Même ordre de budget qu'à {place} ({amount}) : {mine}."
    return sim, (f"{place} : {BUDGET_PHRASES[them.budget_level]} ({amount}) ; votre projet : "
                 f"{mine}.")


def service_names(services) -> str:
    """French list of service labels, in the code list's order."""
    ordered = [label.lower() for code, label in codes.SERVICES if code in services]
    return ", ".join(ordered)


def _services(me: Features, them: Features, place: str, params: Params) -> Result:
    if not them.services:
        return None, f"L'étude ne détaille pas les services de {place}."
    common = me.services & them.services
    sim = len(common) / len(me.services | them.services)
    if not common:
        return sim, f"Aucun service en commun avec {place} ({service_names(them.services)})."
    return sim, (f"Services en commun avec {place} : {service_names(common)} "
                 f"({len(common)} sur les {len(me.services)} que vous prévoyez).")


COMPARE: dict[str, Callable[[Features, Features, str, Params], Result]] = {
    "population": _population, "territory": _territory, "concentration": _concentration,
    "carrier": _carrier, "building": _building, "budget": _budget, "services": _services,
}
