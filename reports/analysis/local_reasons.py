"""What a general practice of the study means for this commune: one French clause each.

The wording is in resources/analysis/text/local_reasons.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reports import codes
from reports.analysis.conditions import carrier_reason
from reports.analysis.criteria import CARRIER_PHRASES, service_names
from reports.analysis.finance import chosen_building, short_number
from reports.analysis.impact import roadless_of
from reports.analysis.sizing import fit_size, main_buildings
from reports.analysis.texts import counted, text
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
    catchment: int | None  # population of the zone de chalandise (≈ 20 min), when known
    nearby: int | None  # tiers-lieux of that zone, from the profile or the directory
    money: str  # the verdict's clause on the running deficit
    planned_hours: float = 0.0  # animation hours a week the budget counts « à prévoir »


def _people(p: Profile) -> str:
    ter = p.territory
    ind, tel = ter.known_independents or 0, ter.known_teleworkers or 0
    if not ind and not tel:
        return text("local_reasons.people.none")
    ind_text = (counted(ind, "common.nouns.independent") if ind
                else text("local_reasons.people.no_independent"))
    tel_text = (counted(tel, "common.nouns.teleworker") if tel
                else text("local_reasons.people.no_teleworker"))
    return text("local_reasons.people.known", independents=ind_text, teleworkers=tel_text)


def _group(c: Local) -> str:
    founders = c.profile.carrier.founders or 0
    start = (text("local_reasons.group.founders",
                  founders=counted(founders, "common.nouns.founder")) if founders
             else text("local_reasons.group.no_founder"))
    return text("local_reasons.group.text", start=start, people=_people(c.profile))


def _test(c: Local) -> str:
    u = c.demand.users
    return text("local_reasons.test.text" if u.low < u.high else "local_reasons.test.one",
                low=fmt_number(u.low), high=fmt_number(u.high), central=fmt_number(u.central))


def _building(c: Local) -> str:
    b = chosen_building(c.profile, c.sizing)
    if b is None:
        return text("local_reasons.building.none")
    state = (codes.label_of(codes.BUILDING_STATES, b.state).lower()
             or text("local_reasons.building.unknown_state"))
    return text("local_reasons.building.text", name=c.sizing.building_name, state=state)


def _closed(c: Local) -> str:
    wanted = set(c.profile.services) & {"closed_offices", "meeting_room"}
    if wanted:
        return text("local_reasons.closed.wanted", services=service_names(wanted))
    return text("local_reasons.closed.none")


def _size(c: Local) -> str:
    code, b = c.sizing.building_fit_code, chosen_building(c.profile, c.sizing)
    if b is None or code in (None, "unknown_surface"):
        return text("local_reasons.size.advised", surface=fmt_number(c.sizing.surface_m2))
    return text("local_reasons.size.fit", fit=text(f"sizing.fit_word.{code}"),
                detail=fit_size(b.surface_m2, c.sizing.surface_m2))


def _support(c: Local) -> str:
    """The commune's support as entered, in lower case."""
    support = codes.label_of(codes.COMMUNE_SUPPORT, c.profile.carrier.commune_support).lower()
    return support or text("local_reasons.subsidy.unspecified")


def _subsidy(c: Local) -> str:
    rate = c.profile.budget.subsidy_rate
    start = (text("local_reasons.subsidy.rate", rate=fmt_percent(rate)) if rate
             else text("local_reasons.subsidy.no_rate"))
    return text("local_reasons.subsidy.text", start=start, support=_support(c))


def _break_even(c: Local) -> str:
    be = c.finance.break_even
    # the users needed are counted at the product mix's average revenue, not the month's price
    return text("local_reasons.break_even.text", charges=fmt_eur(be.monthly_charges_eur),
                users=counted(be.users_needed or 0, "common.nouns.user"),
                price=fmt_eur(be.revenue_per_user_month_eur or be.price_eur),
                expected=fmt_number(be.users_expected))


def _price(c: Local) -> str:
    """The price the median scenario retains for what this project sells: the open space's
    month, or, for an offices-only project, the office's month (Castelnaudary was told of a
    « 50 € par mois » subscription it does not sell)."""
    sold = [line for line in c.finance.revenue if line.product_id != "meeting_room"]
    if sold and not any(line.product_id in ("monthly", "carnet") for line in sold):
        return text("local_reasons.price.products", products=text(
            f"local_reasons.price.product.{sold[0].product_id}", price=sold[0].price))
    central = next((s for s in c.finance.scenarios if s.scenario_id == "central"), None)
    if central is None:
        return text("local_reasons.price.none")
    return text("local_reasons.price.central", price=fmt_eur(central.monthly_price_eur))


def _staff(c: Local) -> str:
    hours = c.profile.carrier.staff_hours_per_week or 0
    if not hours and c.planned_hours:  # the budget counts the model's animation
        return text("local_reasons.staff.planned", hours=short_number(c.planned_hours))
    if not hours:
        return text("local_reasons.staff.none")
    return text("local_reasons.staff.hours", hours=short_number(hours))


def _nearby(c: Local) -> str:
    if c.nearby is None:
        return text("local_reasons.nearby.unknown")
    if not c.nearby:
        return text("local_reasons.nearby.none")
    return text("local_reasons.nearby.count",
                places=counted(c.nearby, "common.nouns.third_place"))


def _networks(c: Local) -> str:
    names = c.profile.territory.existing_networks.strip()
    return (text("local_reasons.networks.named", names=names) if names
            else text("local_reasons.networks.none"))


def _catchment(c: Local) -> str:
    if c.catchment:
        return text("local_reasons.catchment.known", population=fmt_number(c.catchment))
    return text("local_reasons.catchment.unknown",
                population=fmt_number(c.profile.population.total))


def _location(c: Local) -> str:
    minutes = c.profile.territory.minutes_to_pole
    where = (text("local_reasons.location.no_road") if roadless_of(c.profile)
             else text("local_reasons.location.no_minutes") if minutes is None
             else text("local_reasons.location.own_pole") if minutes == 0
             else text("local_reasons.location.minutes", minutes=fmt_number(minutes)))
    places = [b.location for b in main_buildings(c.profile.buildings) if b.location]
    if places:
        where += text("local_reasons.location.building",
                      place=codes.label_of(codes.LOCATIONS, places[0]).lower())
    return where


def _aided(c: Local) -> str:
    carrier = c.profile.carrier.type
    if carrier in ("company", "network"):
        return text("local_reasons.aided.private", carrier=CARRIER_PHRASES[carrier])
    return text("local_reasons.aided.text", carrier=carrier_reason(carrier), staff=_staff(c))


def _premises(c: Local) -> str:
    return text("local_reasons.premises.text", support=_support(c))


def _effects(c: Local) -> str:
    km = c.impact.km_avoided_per_year
    if c.impact.road_not_quantified and c.impact.trips_avoided_per_year:  # an island
        return text("local_reasons.effects.trips",
                    trips=fmt_number(c.impact.trips_avoided_per_year))
    if not km:
        return text("local_reasons.effects.none")
    return text("local_reasons.effects.km", km=fmt_number(km))


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
