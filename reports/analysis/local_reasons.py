"""What a general practice of the study means for this commune: one French clause each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reports import codes
from reports.analysis.conditions import carrier_reason
from reports.analysis.criteria import CARRIER_PHRASES, service_names
from reports.fmt import fmt_eur, fmt_number, fmt_percent
from reports.profile import Profile
from reports.result import Demand, Finance, Impact, Sizing


@dataclass(frozen=True)
class Local:
    """The figures already computed for this commune that the reasons quote."""

    profile: Profile
    demand: Demand
    sizing: Sizing
    finance: Finance
    impact: Impact
    catchment: int | None  # population within 20 km, when known
    nearby: int | None  # tiers-lieux within 20 km, from the profile or the directory
    money: str  # the verdict's clause on the running deficit


def plural(count: float, singular: str, plural_form: str | None = None) -> str:
    """``1 tiers-lieu``, ``2 indépendants``: the number and its noun, agreed."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{fmt_number(count)} {word}"


def _people(p: Profile) -> str:
    ter = p.territory
    ind, tel = ter.known_independents or 0, ter.known_teleworkers or 0
    if not ind and not tel:
        return "aucun indépendant ni télétravailleur intéressé n'est encore connu"
    ind_text = plural(ind, "indépendant") if ind else "aucun indépendant"
    tel_text = plural(tel, "télétravailleur") if tel else "aucun télétravailleur"
    return f"vous connaissez {ind_text} et {tel_text} intéressés"


def _group(c: Local) -> str:
    founders = c.profile.carrier.founders or 0
    start = (f"le projet compte {plural(founders, 'fondateur')}" if founders
             else "aucun fondateur n'est encore déclaré")
    return f"{start} ; {_people(c.profile)}"


def _test(c: Local) -> str:
    u = c.demand.users
    return (f"l'estimation va de {fmt_number(u.low)} à {fmt_number(u.high)} usagers réguliers "
            f"(environ {fmt_number(u.central)}) : une fourchette à vérifier sur le terrain")


def _building(c: Local) -> str:
    if not c.profile.buildings:
        return "aucun bâtiment n'est encore choisi"
    b = next((b for b in c.profile.buildings if b.name == c.sizing.building_name),
             c.profile.buildings[0])
    state = codes.label_of(codes.BUILDING_STATES, b.state).lower() or "état non précisé"
    return f"le bâtiment envisagé ({b.name or 'sans nom'}) est : {state}"


def _closed(c: Local) -> str:
    wanted = set(c.profile.services) & {"closed_offices", "meeting_room"}
    if wanted:
        return f"vous prévoyez : {service_names(wanted)}"
    return "aucun bureau fermé ni salle de réunion n'est prévu"


def _size(c: Local) -> str:
    advised = f"{fmt_number(c.sizing.surface_m2)} m² conseillés pour la demande estimée"
    fit = c.sizing.building_fit or ""
    if " (" not in fit:
        return advised
    word, rest = fit.split(" (", 1)
    return f"le bâtiment envisagé est {word.lower()} : {rest.split(')')[0]}"


def _subsidy(c: Local) -> str:
    rate = c.profile.budget.subsidy_rate
    support = codes.label_of(codes.COMMUNE_SUPPORT, c.profile.carrier.commune_support).lower()
    start = (f"vous attendez {fmt_percent(rate)} de subvention sur l'investissement"
             if rate else "aucune subvention d'investissement n'est indiquée")
    return f"{start} ; soutien de la commune : {support or 'non précisé'}"


def _break_even(c: Local) -> str:
    be = c.finance.break_even
    return (f"{fmt_eur(be.monthly_charges_eur)} de charges par mois, soit "
            f"{plural(be.users_needed or 0, 'usager')} à {fmt_eur(be.price_eur)} par mois "
            f"pour l'équilibre, pour {fmt_number(be.users_expected)} attendus")


def _price(c: Local) -> str:
    central = next((s for s in c.finance.scenarios if s.scenario_id == "central"), None)
    if central is None:
        return "aucun tarif documenté n'a pu être retenu"
    return f"le scénario médian retient {fmt_eur(central.monthly_price_eur)} par mois"


def _staff(c: Local) -> str:
    hours = c.profile.carrier.staff_hours_per_week or 0
    if not hours:
        return "aucune heure d'animation salariée n'est prévue"
    shown = fmt_number(hours, 0 if float(hours).is_integer() else 1)
    return f"{shown} h d'animation salariée par semaine sont prévues"


def _nearby(c: Local) -> str:
    if c.nearby is None:
        return "le nombre de tiers-lieux voisins n'est pas connu"
    if not c.nearby:
        return "aucun tiers-lieu n'est connu à moins de 20 km"
    return f"{plural(c.nearby, 'tiers-lieu', 'tiers-lieux')} à moins de 20 km"


def _networks(c: Local) -> str:
    names = c.profile.territory.existing_networks.strip()
    return f"réseaux signalés : {names}" if names else "aucun réseau d'entreprises n'est signalé"


def _catchment(c: Local) -> str:
    if c.catchment:
        return f"environ {fmt_number(c.catchment)} habitants vivent à moins de 20 km"
    return (f"la zone desservie n'est pas connue : l'estimation part des "
            f"{fmt_number(c.profile.population.total)} habitants de la commune")


def _location(c: Local) -> str:
    minutes = c.profile.territory.minutes_to_pole
    where = (f"le pôle d'emploi est à {fmt_number(minutes)} minutes" if minutes is not None
             else "le temps de trajet vers le pôle d'emploi n'est pas indiqué")
    places = [b.location for b in c.profile.buildings if b.location]
    if places:
        where += f" ; bâtiment : {codes.label_of(codes.LOCATIONS, places[0]).lower()}"
    return where


def _aided(c: Local) -> str:
    carrier = c.profile.carrier.type
    if carrier in ("company", "network"):
        return (f"votre porteur est {CARRIER_PHRASES[carrier]} : le service civique et les "
                "contrats aidés du secteur non marchand sont réservés aux associations et aux "
                "collectivités, qui peuvent porter l'animation à ses côtés")
    return f"{carrier_reason(carrier)} ; {_staff(c)}"


def _premises(c: Local) -> str:
    support = codes.label_of(codes.COMMUNE_SUPPORT, c.profile.carrier.commune_support).lower()
    return f"soutien de la commune : {support or 'non précisé'}"


def _effects(c: Local) -> str:
    km = c.impact.km_avoided_per_year
    if not km:
        return "les trajets évités ne sont pas chiffrés faute de salariés navetteurs attendus"
    return f"environ {fmt_number(km)} km de trajets domicile-travail évités par an"


REASONS: dict[str, Callable[[Local], str]] = {
    "groupe_moteur": _group, "evenement_ephemere": _test, "lieux_existants": _building,
    "confidentialite_modulable": _closed, "dimensionner": _size, "subventionner_usage": _subsidy,
    "soutien_public_indispensable": lambda c: c.money, "equilibre_petit_budget": _break_even,
    "pass_plutot_que_mois": _price, "gratuite_essai": _price, "animation_necessaire": _staff,
    "animation_pas_necessaire": _staff, "communiquer_largement": _catchment,
    "mise_en_reseau": _nearby, "partenaires_entreprises": _networks,
    "independants_avant_salaries": lambda c: _people(c.profile),
    "zone_chalandise": _catchment, "emplacement_axe": _location,
    "contrats_aides_animation": _aided, "mise_a_disposition_debat": _premises,
    "externalites_locales": _effects,
}


def local_clause(practice_id: str, context: Local | None) -> str | None:
    """The clause saying what a general practice means here, or None."""
    if context is None or practice_id not in REASONS:
        return None
    return REASONS[practice_id](context)
