"""Capacity, revenue by product, staff « à prévoir », break-even against capacity,
sensitivity: figures derived by hand from parameters.json and tariffs.csv."""

from __future__ import annotations

import pytest

from reports.analysis import analyse
from reports.analysis.costs import hourly_staff_cost, rent_rate
from reports.analysis.finance import (
    break_even,
    operating_lines,
    price_hypotheses,
    product_mix,
    revenue_lines,
    revenue_per_user_year,
    staff_line,
)
from reports.analysis.parameters import params_for
from reports.analysis.sensitivity import Drivers, sensitivity
from reports.analysis.sizing import size_place
from reports.knowledge import knowledge
from reports.profile import Building, new_profile
from reports.result import Demand, Estimate

KB = knowledge()


def _params(assumptions=None):
    return params_for(assumptions, KB.settings)


def _profile(services=("open_space",)):
    profile = new_profile()
    profile.commune.name = "Essai"
    profile.population.total = 3000
    profile.services = list(services)
    return profile


def _sized(profile, users):
    demand = Demand(Estimate(users, users, users), "", (), ())
    return size_place(profile, demand, (), KB, _params(profile.assumptions))


# --- capacity and phases ---------------------------------------------------------------


def test_phase_one_fits_the_building_and_the_rest_is_phase_two():
    profile = _profile(["open_space", "meeting_room"])
    profile.buildings = [Building(name="Salle", owner="commune", surface_m2=80)]
    sizing = _sized(profile, 30)
    # need: 30 × 0,5 ÷ 0,7 = 21,4 → 22 desks; (22 × 9 + 20) × 1,15 = 250,7 → 255 m²
    assert (sizing.workstations, sizing.surface_m2) == (22, 255)
    # in 80 m²: 80 ÷ 1,15 − 20 (the room) = 49,6 m² for desks; 49,6 ÷ 198 = 0,25 of the
    # 22 desks → 5,5 → 5 desks now, 17 in phase 2
    assert (sizing.phase1_workstations, sizing.phase2_workstations) == (5, 17)
    assert sizing.phase1_surface_m2 == 80
    # 5 desks × 0,7 ÷ 0,5 = 7 regular users
    assert sizing.capacity_users == 7.0
    assert sizing.notes[0].startswith("Phase 1, dans le bâtiment retenu (80 m²) : 5 postes")
    assert "17 postes ouverts de plus" in sizing.notes[0]


def test_a_big_enough_building_has_no_phase_two():
    profile = _profile(["open_space", "closed_offices"])
    profile.buildings = [Building(name="École", owner="commune", surface_m2=400)]
    sizing = _sized(profile, 10)
    # 2 shared offices and 6 desks (see test_analysis_figures); capacity 6 × 1,4 + 2 × 2
    assert (sizing.phase1_workstations, sizing.phase1_closed_offices) == (6, 2)
    assert sizing.phase2_workstations == sizing.phase2_closed_offices == 0
    assert sizing.capacity_users == pytest.approx(6 * 0.7 / 0.5 + 2 * 2)
    assert not any(n.startswith("Phase 1") for n in sizing.notes)


def test_charges_are_on_the_sized_surface_not_the_building():
    profile = _profile()
    profile.buildings = [Building(name="Grange", owner="private", surface_m2=400)]
    sizing = _sized(profile, 10)  # 8 desks × 9 × 1,15 = 82,8 → 85 m²
    lines = operating_lines(profile, sizing, _params())
    # rent estimated at Le Plan B's 5 €/m² a month (2017) in today's euros, as the in-kind
    # valuation (one rent per m² in the note)
    assert lines[0].amount_eur == pytest.approx(85 * 12 * rent_rate(_params())[0], abs=0.01)
    assert lines[1].amount_eur == 85 * 15  # energy at 15 €/m² a year
    assert "85 m²" in lines[1].label


# --- revenue by product ----------------------------------------------------------------


def test_central_prices_are_the_documented_medians():
    central = price_hypotheses(KB)["central"]
    # month 35 / 50 / 120 → 50; carnet 20 €/10 d and 80 €/10 d → 2 and 8 → 5 €/day;
    # closed office 100 € a month (Auterive); meeting room 80 € HT a day (Bram)
    assert central.monthly[0] == 50
    assert central.carnet_day[0] == 5
    assert central.office_month[0] == 100
    assert central.room_day[0] == 80


def test_revenue_by_product_by_hand():
    profile = _profile(["open_space", "closed_offices", "meeting_room"])
    sizing = _sized(profile, 10)
    params = _params()
    mix = product_mix(profile, sizing, params)
    prices = price_hypotheses(KB)["central"]
    lines = {line.product_id: line for line in revenue_lines(10, mix, prices, KB, params)}
    # 25 % in closed offices: 2,5 users, an office for 2 at 100 €/month → 1 500 €
    assert lines["closed_office"].amount_eur == 2.5 / 2 * 100 * 12 == 1500
    # the 7,5 others: half at 50 € a month → 2 250 €
    assert lines["monthly"].amount_eur == 3.75 * 50 * 12 == 2250
    # half on carnets: 0,25 × 5 days × 47 weeks = 58,75 days at 5 € → 1 101,56 €
    assert lines["carnet"].amount_eur == pytest.approx(3.75 * 58.75 * 5, abs=0.01)
    # 24 room days at 80 € HT
    assert lines["meeting_room"].amount_eur == 24 * 80
    per_user = revenue_per_user_year(mix, prices, params)
    assert per_user == pytest.approx((1500 + 2250 + 3.75 * 58.75 * 5) / 10)


def test_a_regular_user_at_half_presence_does_not_all_pay_a_month():
    profile = _profile(["open_space"])
    params = _params()
    mix = product_mix(profile, _sized(profile, 10), params)
    per_user = revenue_per_user_year(mix, price_hypotheses(KB)["central"], params)
    # 0,5 × 600 € + 0,5 × 58,75 × 5 € = 446,88 €, not 12 × 50 = 600 €
    assert per_user == pytest.approx(446.875)


# --- break-even against capacity ------------------------------------------------------


def test_break_even_beyond_capacity_is_impossible_at_this_size():
    be = break_even(12_000, 50, 7, _params(), per_user_year=485.16, other=1920, capacity=7)
    # (12 000 − 1 920) ÷ 485,16 = 20,8 → 21 users for a place that holds 7
    assert be.users_needed == 21
    assert not be.reached and not be.feasible_at_capacity
    assert "Équilibre impossible à ce tarif et à cette taille" in be.explanation
    roomy = break_even(12_000, 50, 7, _params(), per_user_year=485.16, other=1920, capacity=30)
    assert roomy.feasible_at_capacity and not roomy.reached


def test_tariffs_that_bring_nothing_never_balance():
    be = break_even(12_000, 0, 7, _params(), per_user_year=0, capacity=30)
    assert be.users_needed is None and not be.feasible_at_capacity


# --- staff the model needs ------------------------------------------------------------


def test_the_recommended_model_s_animation_is_costed_when_the_profile_has_none():
    profile = _profile()
    params = _params()
    line = staff_line(profile, "municipal_coworking", params)
    # Auterive's 28 h a week × the SMIC-based hourly cost × 47 weeks (one hourly cost)
    rate = hourly_staff_cost(params)
    assert line.amount_eur == pytest.approx(28 * rate * 47, abs=0.01) and line.planned
    assert "à prévoir" in line.label.lower() or "à prévoir" in line.source
    assert staff_line(profile, "independents_association", params) is None
    profile.carrier.staff_hours_per_week = 10  # entered hours win, not « à prévoir »
    entered = staff_line(profile, "municipal_coworking", params)
    assert entered.amount_eur == pytest.approx(10 * rate * 47, abs=0.01) and not entered.planned


def test_no_animation_is_imposed_where_the_study_shows_volunteers_running_the_model():
    # the hybrid model: Murat (an EPCI with a paid project officer) and Labor Lab (two
    # volunteer associations); an association carrier is costed like Labor Lab, an EPCI like
    # Murat
    profile = _profile()
    profile.carrier.type, profile.carrier.staff_hours_per_week = "association", 0
    assert staff_line(profile, "hybrid_fablab", _params(), KB) is None
    profile.carrier.type = "epci"
    line = staff_line(profile, "hybrid_fablab", _params(), KB)
    assert line is not None and line.planned


def test_a_lent_room_for_a_municipal_coworking_still_needs_public_support():
    profile = _profile(["open_space", "meeting_room"])
    profile.population.total = 4500
    profile.carrier.type, profile.carrier.commune_support = "commune", "premises"
    profile.carrier.staff_hours_per_week = 0
    profile.buildings = [Building(name="Salle", owner="commune", surface_m2=80, state="ready",
                                  fibre=True)]
    result = analyse(profile, directory=False)
    assert result.typologies[0].typology_id == "municipal_coworking"
    planned = [line for line in result.finance.operating if line.planned]
    assert planned and planned[0].amount_eur == pytest.approx(
        28 * hourly_staff_cost(_params()) * 47, abs=0.01)
    assert result.finance.public_support_per_year_eur > 28 * 25 * 47 * 0.5


# --- sensitivity -----------------------------------------------------------------------


def test_sensitivity_by_hand():
    drivers = Drivers(users=10, per_user_year=485, other_revenue=1920, charges=20_000,
                      rent=6000, staff=8000, energy=1500)
    result = sensitivity(drivers, _params())
    # base: 10 × 485 + 1 920 − 20 000
    assert result.base_balance_eur == -13_230
    lines = {line.factor_id: line for line in result.lines}
    assert lines["users"].balance_down_eur == 7.5 * 485 + 1920 - 20_000  # −25 % users
    assert lines["price"].balance_up_eur == pytest.approx((4850 + 1920) * 1.2 - 20_000)
    assert lines["rent"].balance_up_eur == -13_230 - 0.2 * 6000
    assert lines["staff_hours"].balance_down_eur == -13_230 + 0.25 * 8000
    assert lines["energy"].balance_up_eur == -13_230 - 0.3 * 1500
    swings = [abs(x.balance_up_eur - x.balance_down_eur) for x in result.lines]
    assert swings == sorted(swings, reverse=True)  # widest first, for the tornado


def test_the_result_carries_the_sensitivity_and_the_contribution():
    profile = _profile()
    profile.budget.annual_contribution_eur = 3000
    profile.budget.annual_operating_eur = 9000
    data = analyse(profile, directory=False).to_dict()["finance"]
    assert data["contribution_eur"] == 3000
    assert {line["factor_id"] for line in data["sensitivity"]["lines"]} == {
        "users", "price", "rent", "staff_hours", "energy"}
    assert data["break_even"]["feasible_at_capacity"] in (True, False)
