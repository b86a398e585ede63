"""Investment, running costs, tariff scenarios, break-even, projection and funding plan.

The wording is in resources/analysis/text/finance.toml.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Any

from reports.analysis import costs, funding
from reports.analysis.costs import chosen_building, investment_lines
from reports.analysis.features import Features
from reports.analysis.parameters import Params
from reports.analysis.sensitivity import Drivers, sensitivity
from reports.analysis.texts import text
from reports.fmt import fmt_eur, fmt_number, fmt_percent
from reports.french import agree
from reports.profile import Building, Profile
from reports.result import (
    BreakEven,
    Demand,
    Finance,
    MoneyLine,
    RevenueLine,
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


def operating_lines(profile: Profile, sizing: Sizing, params: Params,
                    model_id: str | None = None, kb: Any = None) -> list[MoneyLine]:
    """Yearly running costs of the phase-1 place (the surface sized, not the room typed).

    The staff the recommended model needs (``staff_hours_by_model``) is costed even when
    the profile plans none, marked ``planned`` (« à prévoir »).
    """
    building = chosen_building(profile, sizing)
    heated = sized_surface(sizing)
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
    staff = staff_line(profile, model_id, params, kb)
    if staff is not None:
        lines.append(staff)
    lines.append(_line(text("finance.operating.communication"),
                       params("communication_eur_year"), params, "communication_eur_year"))
    if profile.carrier.type == "network":
        count = sizing.closed_offices or sizing.workstations
        lines.append(_line(text("finance.operating.network_fee", offices=fmt_number(count)),
                           count * 12 * params("network_fee_per_office_month_eur"), params,
                           "network_fee_per_office_month_eur"))
    return lines


def sized_surface(sizing: Sizing) -> float:
    """The surface run in phase 1 (the recommendation when no phase applies)."""
    return sizing.phase1_surface_m2 or sizing.surface_m2


def staff_line(profile: Profile, model_id: str | None, params: Params,
               kb: Any = None) -> MoneyLine | None:
    """Staff entered, or the animation the recommended model needs « à prévoir », or none.

    Nothing is « à prévoir » when a site of that model with the profile's kind of carrier runs
    on volunteers (`volunteer_carrier`): the study shows that carrier running it without paid
    staff (an association's hybrid place is Labor Lab, not Murat's EPCI half-time).
    One hourly cost for every paid hour (`costs.hour_cost`: SMIC-based unless overridden)."""
    hours = profile.carrier.staff_hours_per_week or 0
    weeks = params("weeks_per_year")
    if hours:
        rate, source, overridden = costs.hour_cost(params, "staff_eur_per_hour")
        return MoneyLine(text("finance.operating.staff", hours=short_number(hours)),
                         round(hours * rate * weeks, 2), source, overridden)
    needed = params("staff_hours_by_model").get(model_id or "", 0)
    if not needed or volunteer_carrier(kb, model_id, profile.carrier.type):
        return None
    rate, rate_source, overridden = costs.hour_cost(params, "staff_eur_per_hour")
    source = text("finance.operating.staff_planned_source", hours=short_number(needed),
                  rate=rate_source)
    return MoneyLine(text("finance.operating.staff_planned", hours=short_number(needed)),
                     round(needed * rate * weeks, 2), source, overridden, planned=True)


def volunteer_carrier(kb: Any, model_id: str | None, carrier: str) -> bool:
    """True when a study site of the model, with this kind of carrier, runs on volunteers."""
    if kb is None or not model_id:
        return False
    return any(site.typology_id == model_id and site.carrier_type == carrier
               and site.volunteer_run for site in kb.sites)


def short_number(value: float) -> str:
    """Users or hours a week: ``7``, ``5,6``, ``17,5`` (one decimal, no useless ``,0``)."""
    return fmt_number(value, 0 if float(value).is_integer() else 1)


def _cleaning(profile: Profile, weeks: float, params: Params) -> MoneyLine:
    """Cleaning: shared by the members of a volunteer association, paid otherwise (at the
    one hourly cost of paid work)."""
    if profile.carrier.type == "association" and not profile.carrier.staff_hours_per_week:
        return _line(text("finance.operating.cleaning_volunteer"), params("volunteer_cleaning"),
                     params, "volunteer_cleaning")
    hours = params("cleaning_hours_per_week")
    rate, source, overridden = costs.hour_cost(params, "cleaning_eur_per_hour")
    return MoneyLine(text("finance.operating.cleaning_paid", hours=short_number(hours)),
                     round(hours * rate * weeks, 2), source, overridden)


def rent_free(profile: Profile, building: Building | None) -> bool:
    """The retained building costs no rent: lent by the commune (or EPCI) that owns it, or
    the carrier's own."""
    if building is None or building.monthly_rent_eur is not None:
        return False
    lends = profile.carrier.commune_support in ("premises", "both")
    # the carrier's own building pays no rent: owner « carrier », or the commune or EPCI that
    # carries the project itself (Rieux-Volvestre's EPCI was charged rent for its gendarmerie)
    own = building.owner in ("carrier", profile.carrier.type)
    return building.owner in ("commune", "epci", "carrier") and (lends or own)


def _rent(profile: Profile, building: Building | None, sizing: Sizing,
          params: Params) -> MoneyLine:
    """Rent entered, lent for free by the commune, or a default per m²."""
    if building is not None and building.monthly_rent_eur is not None:
        return _line(text("finance.rent.entered"), 12 * building.monthly_rent_eur, params)
    if rent_free(profile, building):
        return _line(text("finance.rent.lent"), 0, params, source=text("finance.rent.lent_source"))
    surface = sized_surface(sizing)
    per_m2, source, overridden = costs.rent_rate(params, profile)
    return MoneyLine(text("finance.rent.estimated", surface=fmt_number(surface)),
                     round(12 * surface * per_m2, 2), source, overridden)


# --- revenue --------------------------------------------------------------------------


@dataclass(frozen=True)
class Prices:
    """One tariff hypothesis: each product's documented price."""

    monthly: tuple[float, Any]  # open-space month
    carnet_day: tuple[float, Any] | None  # a day bought in a carnet (pass of N days)
    office_month: tuple[float, Any] | None  # a closed office for a month
    room_day: tuple[float, Any] | None  # the meeting room for a day


def _documented_prices(kb: Any, unit: str, spaces: tuple[str, ...] = ("open_space", "membership")
                       ) -> list[tuple[float, Any]]:
    """Prices for everyone in `unit`, from the study's tariffs (free ones left out).

    A pass of N days is priced per day (Auterive's 20 € for 10 days: 2 € a day).
    """
    out = []
    for t in kb.tariffs:
        if t.space not in spaces or t.unit != unit or t.public != "tous" or not t.price_eur:
            continue
        out.append((t.price_eur / t.pass_units if unit == "pass" and t.pass_units
                    else t.price_eur, t))
    return sorted(out, key=lambda pair: pair[0])


def _describe(tariff: Any, kb: Any) -> str:
    """``35 € par mois (El Quadrat, Prades)``; two tariffs (a median) joined by « et »."""
    if isinstance(tariff, tuple):
        return text("finance.tariffs.between", first=_describe(tariff[0], kb),
                    second=_describe(tariff[1], kb))
    site = kb.site(tariff.site_id)
    tax = text("finance.tariffs.tax", tax=tariff.tax) if tariff.tax else ""
    return text("finance.tariffs.tariff", price=fmt_eur(tariff.price_eur), tax=tax,
                site=site.name, commune=site.commune)


def _pick(prices: list[tuple[float, Any]], key: str) -> tuple[float, Any] | None:
    """The low, median or high price of a list (None when the study documents none).

    The median of an even list is between two tariffs: both are kept (a tuple) to be cited.
    """
    if not prices:
        return None
    if key == "low":
        return prices[0]
    if key == "high":
        return prices[-1]
    value = statistics.median(p for p, _ in prices)
    exact = [t for p, t in prices if p == value]
    if exact:
        return value, exact[0]
    middle = len(prices) // 2
    return value, (prices[middle - 1][1], prices[middle][1])


def price_hypotheses(kb: Any) -> dict[str, Prices]:
    """Low, median and high documented price of every product."""
    months = _documented_prices(kb, "month")
    if not months:
        return {}
    carnets = _documented_prices(kb, "pass")
    offices = _documented_prices(kb, "month", ("closed_office",))
    rooms = _documented_prices(kb, "day", ("meeting_room",))
    return {key: Prices(_pick(months, key), _pick(carnets, key), _pick(offices, key),
                        _pick(rooms, key)) for key in ("low", "central", "high")}


@dataclass(frozen=True)
class Mix:
    """How the regular users split between products (shares of all regular users)."""

    monthly: float
    carnet: float
    office: float
    room_days: float  # meeting-room days hired per year (0 without a room)


def product_mix(profile: Profile, sizing: Sizing, params: Params) -> Mix:
    """Closed-office users first (``closed_office_share``), the open-space users split
    between the month and the carnet (``monthly_subscriber_share``, Le Plan B)."""
    services = set(profile.services or ["open_space"])
    if "closed_offices" not in services:
        office = 0.0
    elif "open_space" in services:
        office = params("closed_office_share")
    else:
        office = 1.0
    open_share = 1.0 - office
    monthly = open_share * params("monthly_subscriber_share")
    rooms = sizing.meeting_rooms * params("meeting_room_days_per_year")
    return Mix(monthly, open_share - monthly, office, float(rooms))


def _carnet_days(params: Params) -> float:
    """Days a carnet user buys in a year."""
    return (params("carnet_presence_rate") * params("working_days_per_week")
            * params("weeks_per_year"))


def revenue_per_user_year(mix: Mix, prices: Prices, params: Params) -> float:
    """What one regular user brings in a year on average, with the product mix."""
    per_office_user = (prices.office_month[0] / params("users_per_shared_office") * 12
                       if prices.office_month else 0.0)
    carnet = prices.carnet_day[0] * _carnet_days(params) if prices.carnet_day else 0.0
    return (mix.monthly * prices.monthly[0] * 12 + mix.carnet * carnet
            + mix.office * per_office_user)


def room_revenue(mix: Mix, prices: Prices) -> float:
    """Meeting-room hire in a year."""
    return mix.room_days * prices.room_day[0] if prices.room_day else 0.0


def _decimals(value: float) -> int:
    """The decimals a quantity has, up to 3 (``3.75`` → 2, ``24.0`` → 0)."""
    return next((d for d in range(3) if abs(round(value, d) - value) < 1e-9), 3)


def exact_number(value: float) -> str:
    """A quantity with the decimals it has (up to 3): ``3,75``, ``8,925``, ``24``, so that
    a product printed in the revenue table can be redone by hand."""
    return fmt_number(value, _decimals(value))


def exact_count(value: float, singular: str) -> str:
    """``3,75 abonnés``, ``1,25 bureau``: an exact quantity and its noun, agreed in French."""
    return agree(value, singular, decimals=_decimals(value))


def exact_eur(value: float) -> str:
    """Euros without cents when whole to the cent (``50 €``), else with them (``40,43 €``)."""
    return fmt_eur(value, 0 if float(round(value, 2)).is_integer() else 2)


def _price(value: float, tariff: Any, unit: str) -> str:
    """``50 € par mois``, ``80 € HT la journée`` (the tax of the tariff, when it has one)."""
    taxes = {t.tax for t in (tariff if isinstance(tariff, tuple) else (tariff,)) if t.tax}
    tax = text("finance.tariffs.tax", tax=taxes.pop()) if len(taxes) == 1 else ""
    return text(f"finance.revenue.unit.{unit}", price=exact_eur(value) + tax)


def _short(tariff: Any, kb: Any) -> str:
    """``50 € (Auterive)``; the two tariffs of a median joined by « et »."""
    if isinstance(tariff, tuple):
        return text("finance.tariffs.between", first=_short(tariff[0], kb),
                    second=_short(tariff[1], kb))
    tax = text("finance.tariffs.tax", tax=tariff.tax) if tariff.tax else ""
    return text("finance.tariffs.short", price=fmt_eur(tariff.price_eur), tax=tax,
                commune=kb.site(tariff.site_id).commune)


def _carnets(tariff: Any, kb: Any) -> str:
    """Each carnet of the median with its own price and its price per day: « 20 € le carnet
    de 10 jours (Espace Initiative Firmin Pons, Auterive), soit 2 € la journée »."""
    out = []
    for t in (tariff if isinstance(tariff, tuple) else (tariff,)):
        site = kb.site(t.site_id)
        out.append(text("finance.revenue.carnet_tariff", price=fmt_eur(t.price_eur),
                        tax=text("finance.tariffs.tax", tax=t.tax) if t.tax else "",
                        days=fmt_number(t.pass_units), commune=site.commune,
                        day=exact_eur(t.price_eur / t.pass_units)))
    return text("finance.revenue.and").join(out)


def revenue_lines(users: float, mix: Mix, prices: Prices, kb: Any, params: Params
                  ) -> tuple[RevenueLine, ...]:
    """Yearly revenue by product for `users` regular users at one tariff hypothesis.

    Each line carries its `basis` and `price` in words, so that the printed quantity times
    the printed price gives the printed amount (to the euro)."""
    out = []
    of = agree(users, text("finance.revenue.user"), decimals=_decimals(round(users, 1)))
    monthly_users = users * mix.monthly
    if monthly_users:
        out.append(RevenueLine(
            "monthly", text("finance.revenue.monthly"), round(monthly_users, 3),
            prices.monthly[0], round(monthly_users * prices.monthly[0] * 12, 2),
            text("finance.revenue.monthly_source", tariff=_describe(prices.monthly[1], kb),
                 share=params.cited("monthly_subscriber_share")),
            text("finance.revenue.monthly_basis",
                 n=exact_count(monthly_users, text("finance.revenue.subscriber")),
                 share=fmt_percent(mix.monthly, 1), users=of),
            _price(prices.monthly[0], prices.monthly[1], "month"),
            text("finance.revenue.monthly_tariff", tariff=_short(prices.monthly[1], kb))))
    carnet_users = users * mix.carnet
    if carnet_users and prices.carnet_day:
        days = _carnet_days(params)
        tariff = prices.carnet_day[1]
        out.append(RevenueLine(
            "carnet", text("finance.revenue.carnet"),
            round(carnet_users, 3), round(prices.carnet_day[0], 2),
            round(carnet_users * days * prices.carnet_day[0], 2),
            text("finance.revenue.carnet_source", tariffs=_carnets(tariff, kb),
                 day=_price(prices.carnet_day[0], tariff, "day"),
                 median=text("finance.revenue.median" if isinstance(tariff, tuple)
                             else "finance.revenue.single"),
                 presence=params.cited("carnet_presence_rate")),
            text("finance.revenue.carnet_basis",
                 n=exact_count(carnet_users, text("finance.revenue.carnet_user")),
                 share=fmt_percent(mix.carnet, 1), users=of, days=exact_number(days)),
            _price(prices.carnet_day[0], tariff, "day"),
            text("finance.revenue.carnet_tariff_short", tariffs=_carnets(tariff, kb),
                 median=text("finance.revenue.median" if isinstance(tariff, tuple)
                             else "finance.revenue.single"),
                 day=_price(prices.carnet_day[0], tariff, "day"))))
    office_users = users * mix.office
    if office_users and prices.office_month:
        share = params("users_per_shared_office")
        out.append(RevenueLine(
            "closed_office", text("finance.revenue.office"),
            round(office_users, 3), prices.office_month[0],
            round(office_users / share * prices.office_month[0] * 12, 2),
            text("finance.revenue.office_source",
                 tariff=_describe(prices.office_month[1], kb),
                 share=params.cited("closed_office_share"),
                 per=params.cited("users_per_shared_office")),
            text("finance.revenue.office_basis",
                 n=exact_count(office_users / share, text("finance.revenue.office_unit")),
                 share=fmt_percent(mix.office, 1), users=of, per=fmt_number(share)),
            _price(prices.office_month[0], prices.office_month[1], "office"),
            text("finance.revenue.office_tariff",
                 tariff=_short(prices.office_month[1], kb))))
    if mix.room_days and prices.room_day:
        default = not params.is_overridden("meeting_room_days_per_year")
        out.append(RevenueLine(
            "meeting_room", text("finance.revenue.room"), mix.room_days, prices.room_day[0],
            round(room_revenue(mix, prices), 2),
            text("finance.revenue.room_source", tariff=_describe(prices.room_day[1], kb),
                 days=params.cited("meeting_room_days_per_year")),
            text("finance.revenue.room_basis_default" if default
                 else "finance.revenue.room_basis", days=exact_number(mix.room_days),
                 per_month=exact_number(mix.room_days / 12)),
            _price(prices.room_day[0], prices.room_day[1], "day"),
            text("finance.revenue.room_tariff", tariff=_short(prices.room_day[1], kb))))
    return tuple(out)


def room_hire_default(mix: Mix, prices: Prices | None, kb: Any, params: Params) -> str:
    """The meeting-room hire counted in the revenue, in French, when its days are the tool's
    default (« » when there is no room, no documented price, or the profile typed the days)."""
    if (not mix.room_days or prices is None or not prices.room_day
            or params.is_overridden("meeting_room_days_per_year")):
        return ""
    site = kb.site(_site_ids(prices.room_day[1])[0])
    return text("finance.room_hire.default", amount=fmt_eur(room_revenue(mix, prices)),
                per_month=exact_number(mix.room_days / 12),
                price=_price(prices.room_day[0], prices.room_day[1], "day"),
                site=site.name, commune=site.commune)


def scenarios(kb: Any, users: float, mix: Mix | None = None, params: Params | None = None
              ) -> tuple[TariffScenario, ...]:
    """Low, median and high documented prices; revenue with the product mix when given."""
    hypotheses = price_hypotheses(kb)
    out = []
    for key, prices in hypotheses.items():
        price, tariff = prices.monthly
        ref = text("finance.tariffs.monthly", tariff=_describe(tariff, kb))
        day = prices.carnet_day
        if day is not None:
            ref += text("finance.tariffs.carnet", tariff=_carnets(day[1], kb))
        if mix is not None and params is not None:
            revenue = users * revenue_per_user_year(mix, prices, params) + room_revenue(mix,
                                                                                      prices)
        else:
            revenue = users * price * 12
        out.append(TariffScenario(key, text(f"finance.tariffs.{key}"), price,
                                  round(day[0], 2) if day else None, round(revenue, 2), ref,
                                  tuple(dict.fromkeys([*_site_ids(tariff),
                                                       *(_site_ids(day[1]) if day else [])]))))
    return tuple(out)


def _site_ids(tariff: Any) -> list[str]:
    """The site(s) of a tariff or of the two tariffs of a median."""
    return [t.site_id for t in tariff] if isinstance(tariff, tuple) else [tariff.site_id]


def break_even(operating_total: float, price: float, users: float, params: Params,
               per_user_year: float | None = None, other: float = 0.0,
               capacity: float | None = None, expected: float | None = None,
               room: str = "") -> BreakEven:
    """Users needed with the product mix, and revenue per user needed with the users expected.

    Without `per_user_year`, every user pays `price` a month (the El Quadrat case). `other`
    is the meeting-room hire, `room` where its days come from (French); the text prints the
    division it makes, so that the number of users can be redone by hand.
    """
    per_user_year = price * 12 if per_user_year is None else per_user_year
    charges = operating_total / 12
    left = max(operating_total - other, 0.0)
    needed = (float(math.ceil(left / per_user_year - 1e-9)) if per_user_year > 0 else None)
    price_needed = round(left / users / 12, 2) if users > 0 else None
    reached = needed is not None and users >= needed
    feasible = needed is not None and (capacity is None or needed <= capacity + 1e-9)
    ref_charges, ref_price = params("el_quadrat_charges_month"), params("el_quadrat_price_month")
    ref_users = math.ceil(ref_charges / ref_price)
    per_month = per_user_year / 12
    explained = text(
        "finance.break_even.text", charges=fmt_eur(charges), per_user=exact_eur(per_month),
        other=text("finance.break_even.other", other_month=fmt_eur(other / 12),
                   room=room or text("finance.break_even.room_typed"),
                   left=fmt_eur(left / 12)) if other else "",
        left=fmt_eur(left / 12),
        ratio_needed=fmt_number(left / per_user_year, 2) if per_user_year > 0 else "—",
        needed=fmt_number(needed) if needed is not None else "—",
        users=text("finance.break_even.served" if expected is not None and expected > users
                   else "finance.break_even.expected", users=short_number(users)),
        price_needed=fmt_eur(price_needed),
        ref_charges=fmt_eur(ref_charges), ref_price=fmt_eur(ref_price),
        ratio=fmt_number(ref_charges / ref_price, 2), ref_users=fmt_number(ref_users))
    if capacity is not None and not feasible:
        explained += text("finance.break_even.over_capacity", capacity=short_number(capacity))
    return BreakEven(round(charges, 2), price, needed, users, price_needed, reached, explained,
                     round(per_month, 2), round(other, 2), capacity, feasible)


def projection(users: float, price: float, operating_total: float, params: Params,
               per_user_year: float | None = None, other: float = 0.0,
               capacity: float | None = None) -> tuple[YearProjection, ...]:
    """Three years: users (and room hire) ramp up, charges stay the same (constant euros).

    The users of a year never exceed what the place holds (`capacity`).
    """
    per_user_year = price * 12 if per_user_year is None else per_user_year
    out = []
    for year, share in enumerate(params("ramp_up"), start=1):
        n = round(min(users * share, math.inf if capacity is None else capacity), 1)
        revenue = round(n * per_user_year + other * share, 2)
        out.append(YearProjection(year, n, revenue, round(operating_total, 2),
                                  round(revenue - operating_total, 2)))
    return tuple(out)


def served_users(expected: float, sizing: Sizing) -> float:
    """Regular users the phase-1 place can serve: the users expected, within its capacity."""
    if sizing.capacity_users < expected:  # 0 when nothing fits in the building
        return round(sizing.capacity_users, 1)
    return expected


def build_finance(profile: Profile, me: Features, sizing: Sizing, demand: Demand, kb: Any,
                  params: Params, model_id: str | None = None) -> Finance:
    """Everything about money, from the sizing, the demand and the recommended model."""
    investment = investment_lines(profile, sizing, params)
    operating = operating_lines(profile, sizing, params, model_id, kb)
    inv_total = round(sum(line.amount_eur for line in investment), 2)
    op_total = round(sum(line.amount_eur for line in operating), 2)
    users = served_users(demand.users.central, sizing)
    mix = product_mix(profile, sizing, params)
    hypotheses = price_hypotheses(kb)
    options = scenarios(kb, users, mix, params)
    if "central" in hypotheses:
        prices = hypotheses["central"]
        price = prices.monthly[0]
        per_user, other = revenue_per_user_year(mix, prices, params), room_revenue(mix, prices)
        revenue = revenue_lines(users, mix, prices, kb, params)
        room_default = room_hire_default(mix, prices, kb, params)
    else:  # a knowledge base without tariffs: the El Quadrat reference price
        price = params("el_quadrat_price_month")
        per_user, other, revenue, room_default = price * 12, 0.0, (), ""
    rate = profile.budget.subsidy_rate
    if rate is None:
        rate = params("default_subsidy_rate")
    subsidy = round(inv_total * rate, 2)
    years = projection(demand.users.central, price, op_total, params, per_user, other,
                       sizing.capacity_users)
    support = max(0.0, max(-y.balance_eur for y in years))
    staff_cost = staff_line(profile, model_id, params, kb)
    staff = staff_cost.amount_eur if staff_cost is not None else 0.0
    drivers = Drivers(users, per_user, other, op_total, operating[0].amount_eur, staff,
                      operating[1].amount_eur)
    plan = funding.build_funding(profile, me, kb, funding.needs_of(inv_total, support, profile))
    in_kind = costs.in_kind_lines(profile, sizing, params)
    return Finance(tuple(investment), inv_total, tuple(operating), op_total, options,
                   break_even(op_total, price, users, params, per_user, other,
                              sizing.capacity_users, demand.users.central,
                              text("finance.break_even.room_default",
                                   per_month=exact_number(mix.room_days / 12))
                              if room_default else ""),
                   years, plan.lines, subsidy,
                   round(inv_total - subsidy, 2), round(support, 2),
                   revenue, round(sum(line.amount_eur for line in revenue), 2),
                   profile.budget.annual_contribution_eur, sensitivity(drivers, params),
                   funding_people=plan.people, funding_history=plan.history,
                   funding_not_here=plan.not_here,
                   levers=plan.levers, funding_checked_on=plan.checked_on,
                   funding_territory_checked_on=plan.territory_checked_on,
                   in_kind=tuple(in_kind),
                   in_kind_total_eur=round(sum(x.amount_eur for x in in_kind), 2),
                   in_kind_advice=costs.in_kind_advice(profile) if in_kind else None,
                   room_hire_default=room_default)
