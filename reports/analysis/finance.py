"""Investment, running costs, tariff scenarios, break-even, projection and funding plan.

The wording is in resources/analysis/text/finance.toml.
"""

from __future__ import annotations

import math
import statistics
from typing import Any

from reports.analysis.conditions import evaluate, holds_all
from reports.analysis.features import Features
from reports.analysis.parameters import Params
from reports.analysis.texts import text
from reports.fmt import fmt_eur, fmt_number
from reports.profile import Building, Profile
from reports.result import (
    BreakEven,
    Demand,
    Finance,
    FundingLine,
    MoneyLine,
    Sizing,
    TariffScenario,
    YearProjection,
)


def _line(label: str, amount: float, params: Params, key: str | None = None,
          source: str | None = None) -> MoneyLine:
    """A budget line whose source is the parameter `key` (or an explicit source)."""
    if key is not None:
        return MoneyLine(label, round(amount, 2), params.cited(key), params.is_overridden(key))
    return MoneyLine(label, round(amount, 2), source or text("common.source.entered"))


def chosen_building(profile: Profile, sizing: Sizing) -> Building | None:
    """The building the sizing retained (by its index: two candidates may share a name)."""
    index = sizing.building_index
    return profile.buildings[index] if index is not None else None


def investment_lines(profile: Profile, sizing: Sizing, params: Params) -> list[MoneyLine]:
    """Works, furniture and IT, network, fibre, rooms and equipment."""
    building = chosen_building(profile, sizing)
    lines = [_works(building, sizing, params)]
    posts = sizing.workstations + sizing.closed_offices
    lines.append(_line(text("finance.investment.furniture", posts=fmt_number(posts)),
                       posts * params("furniture_it_per_workstation_eur"), params,
                       "furniture_it_per_workstation_eur"))
    lines.append(_line(text("finance.investment.network"), params("network_setup_eur"),
                       params, "network_setup_eur"))
    if building is None or building.fibre is not True:
        label = text("finance.investment.fibre_missing" if building and building.fibre is False
                     else "finance.investment.fibre_unknown")
        lines.append(_line(label, params("fibre_connection_eur"), params, "fibre_connection_eur"))
    if sizing.meeting_rooms:
        lines.append(_line(text("finance.investment.meeting_room"),
                           sizing.meeting_rooms * params("meeting_room_equipment_eur"), params,
                           "meeting_room_equipment_eur"))
    if "fablab" in profile.services:
        lines.append(_line(text("finance.investment.fablab"), params("fablab_equipment_eur"),
                           params, "fablab_equipment_eur"))
    if profile.carrier.type == "network":
        lines.append(_line(text("finance.investment.network_entry"),
                           params("network_entry_fee_eur"), params, "network_entry_fee_eur"))
    return lines


def _works(building: Building | None, sizing: Sizing, params: Params) -> MoneyLine:
    """Works on the part of the building actually used."""
    if building is None:
        return _line(text("finance.works.no_building"), 0, params,
                     source=text("finance.works.no_building_source"))
    if building.works_cost_eur is not None:
        return _line(text("finance.works.entered"), building.works_cost_eur, params)
    if building.state == "ready":
        return _line(text("finance.works.ready"), 0, params)
    used = min(building.surface_m2 or sizing.surface_m2, sizing.surface_m2)
    key = "works_heavy_eur_per_m2" if building.state == "heavy_works" else "works_light_eur_per_m2"
    kind = text("finance.works.heavy" if building.state == "heavy_works" else "finance.works.light")
    return _line(text("finance.works.estimated", kind=kind, surface=fmt_number(used)),
                 used * params(key),
                 params, key)


def operating_lines(profile: Profile, sizing: Sizing, params: Params) -> list[MoneyLine]:
    """Yearly running costs."""
    building = chosen_building(profile, sizing)
    heated = (building.surface_m2 if building and building.surface_m2 else sizing.surface_m2)
    weeks = params("weeks_per_year")
    lines = [_rent(profile, building, sizing, params),
             _line(text("finance.operating.energy", surface=fmt_number(heated)),
                   heated * params("energy_charges_eur_per_m2_year"), params,
                   "energy_charges_eur_per_m2_year"),
             _line(text("finance.operating.insurance"), params("insurance_eur_year"), params,
                   "insurance_eur_year"),
             _line(text("finance.operating.internet"), 12 * params("internet_eur_month"), params,
                   "internet_eur_month"),
             _cleaning(profile, weeks, params)]
    hours = profile.carrier.staff_hours_per_week or 0
    if hours:
        lines.append(_line(text("finance.operating.staff", hours=hours_text(hours)),
                           hours * params("staff_eur_per_hour") * weeks, params,
                           "staff_eur_per_hour"))
    lines.append(_line(text("finance.operating.communication"),
                       params("communication_eur_year"), params, "communication_eur_year"))
    if profile.carrier.type == "network":
        count = sizing.closed_offices or sizing.workstations
        lines.append(_line(text("finance.operating.network_fee", offices=fmt_number(count)),
                           count * 12 * params("network_fee_per_office_month_eur"), params,
                           "network_fee_per_office_month_eur"))
    return lines


def hours_text(hours: float) -> str:
    """Hours a week as entered: ``17,5`` stays ``17,5``, ``20`` stays ``20``."""
    return fmt_number(hours, 0 if float(hours).is_integer() else 1)


def _cleaning(profile: Profile, weeks: float, params: Params) -> MoneyLine:
    """Cleaning: shared by the members of a volunteer association, paid otherwise."""
    if profile.carrier.type == "association" and not profile.carrier.staff_hours_per_week:
        return _line(text("finance.operating.cleaning_volunteer"), params("volunteer_cleaning"),
                     params,
                     "volunteer_cleaning")
    hours = hours_text(params("cleaning_hours_per_week"))
    return _line(text("finance.operating.cleaning_paid", hours=hours),
                 params("cleaning_hours_per_week") * params("cleaning_eur_per_hour") * weeks,
                 params, "cleaning_eur_per_hour")


def _rent(profile: Profile, building: Building | None, sizing: Sizing,
          params: Params) -> MoneyLine:
    """Rent entered, lent for free by the commune, or a default per m²."""
    if building is not None and building.monthly_rent_eur is not None:
        return _line(text("finance.rent.entered"), 12 * building.monthly_rent_eur, params)
    lends = profile.carrier.commune_support in ("premises", "both")
    if building is not None and building.owner in ("commune", "epci", "carrier") and (
            lends or building.owner == "carrier"):
        return _line(text("finance.rent.lent"), 0, params, source=text("finance.rent.lent_source"))
    surface = building.surface_m2 if building and building.surface_m2 else sizing.surface_m2
    return _line(text("finance.rent.estimated", surface=fmt_number(surface)),
                 12 * surface * params("rent_eur_per_m2_month"), params, "rent_eur_per_m2_month")


# --- revenue --------------------------------------------------------------------------


def _documented_prices(kb: Any, unit: str) -> list[tuple[float, Any]]:
    """Open-space prices for everyone in `unit`, from the study's tariffs (free ones left out)."""
    return sorted((t.price_eur, t) for t in kb.tariffs
                  if t.space in ("open_space", "membership") and t.unit == unit
                  and t.public == "tous" and t.price_eur)


def _describe(tariff: Any, kb: Any) -> str:
    """``35 € par mois (El Quadrat, Prades)``."""
    site = kb.site(tariff.site_id)
    tax = text("finance.tariffs.tax", tax=tariff.tax) if tariff.tax else ""
    return text("finance.tariffs.tariff", price=fmt_eur(tariff.price_eur), tax=tax,
                site=site.name, commune=site.commune)


def scenarios(kb: Any, users: float) -> tuple[TariffScenario, ...]:
    """Low, median and high documented monthly prices, with a day price of the same rank."""
    months, days = _documented_prices(kb, "month"), _documented_prices(kb, "day")
    if not months:
        return ()
    picks = {"low": (months[0], days[0] if days else None),
             "central": (_median(months), _median(days) if days else None),
             "high": (months[-1], days[-1] if days else None)}
    out = []
    for key, ((price, tariff), day) in picks.items():
        ref = text("finance.tariffs.monthly", tariff=_describe(tariff, kb))
        if day is not None:
            ref += text("finance.tariffs.daily", tariff=_describe(day[1], kb))
        out.append(TariffScenario(key, text(f"finance.tariffs.{key}"), price,
                                  day[0] if day else None,
                                  round(users * price * 12, 2), ref,
                                  tuple(dict.fromkeys([tariff.site_id]
                                                      + ([day[1].site_id] if day else [])))))
    return tuple(out)


def _median(prices: list[tuple[float, Any]]) -> tuple[float, Any]:
    """The median price (and the tariff closest to it)."""
    value = statistics.median(p for p, _ in prices)
    closest = min(prices, key=lambda item: abs(item[0] - value))
    return value, closest[1]


def break_even(operating_total: float, price: float, users: float, params: Params
               ) -> BreakEven:
    """Users needed at the central price, and price needed with the users expected."""
    charges = operating_total / 12
    needed = float(math.ceil(charges / price - 1e-9)) if price > 0 else None
    price_needed = round(charges / users, 2) if users > 0 else None
    reached = needed is not None and users >= needed
    ref_charges, ref_price = params("el_quadrat_charges_month"), params("el_quadrat_price_month")
    ref_users = math.ceil(ref_charges / ref_price)
    explained = text(
        "finance.break_even.text", charges=fmt_eur(charges), price=fmt_eur(price),
        needed=fmt_number(needed), users=fmt_number(users), price_needed=fmt_eur(price_needed),
        ref_charges=fmt_eur(ref_charges), ref_price=fmt_eur(ref_price),
        ratio=fmt_number(ref_charges / ref_price, 2), ref_users=fmt_number(ref_users))
    return BreakEven(round(charges, 2), price, needed, users, price_needed, reached, explained)


def projection(users: float, price: float, operating_total: float, params: Params
               ) -> tuple[YearProjection, ...]:
    """Three years: users ramp up, charges stay the same (constant euros)."""
    out = []
    for year, share in enumerate(params("ramp_up"), start=1):
        n = round(users * share, 1)
        revenue = round(n * price * 12, 2)
        out.append(YearProjection(year, n, revenue, round(operating_total, 2),
                                  round(revenue - operating_total, 2)))
    return tuple(out)


# --- funding --------------------------------------------------------------------------


def funding_plan(profile: Profile, me: Features, kb: Any, params: Params
                 ) -> tuple[FundingLine, ...]:
    """Programmes open to this carrier type and fitting the project."""
    rules = params("programme_conditions")
    carrier = profile.carrier.type
    out = []
    for prog in kb.programmes:
        if carrier != "undecided" and carrier not in prog.carrier_types:
            continue
        rule = rules.get(prog.programme_id, {})
        if rule.get("skip") or not holds_all(evaluate(
                {k: v for k, v in rule.items() if k != "skip"}, profile, me)):
            continue
        rates = [f.rate for f in kb.funding if f.programme_id == prog.programme_id and f.rate]
        out.append(FundingLine(prog.programme_id, prog.name, prog.former_name, prog.pays_for,
                               None, max(rates) if rates else None, prog.from_study,
                               tuple(prog.site_ids)))
    return tuple(out)


def build_finance(profile: Profile, me: Features, sizing: Sizing, demand: Demand, kb: Any,
                  params: Params) -> Finance:
    """Everything about money, from the sizing and the demand."""
    investment = investment_lines(profile, sizing, params)
    operating = operating_lines(profile, sizing, params)
    inv_total = round(sum(line.amount_eur for line in investment), 2)
    op_total = round(sum(line.amount_eur for line in operating), 2)
    users = demand.users.central
    options = scenarios(kb, users)
    price = next((s.monthly_price_eur for s in options if s.scenario_id == "central"),
                 params("el_quadrat_price_month"))
    rate = profile.budget.subsidy_rate
    if rate is None:
        rate = params("default_subsidy_rate")
    subsidy = round(inv_total * rate, 2)
    years = projection(users, price, op_total, params)
    support = max(0.0, max(-y.balance_eur for y in years))
    return Finance(tuple(investment), inv_total, tuple(operating), op_total, options,
                   break_even(op_total, price, users, params), years,
                   funding_plan(profile, me, kb, params), subsidy,
                   round(inv_total - subsidy, 2), round(support, 2))
