"""Demand, sizing, finances and impact: figures checked by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from reports.analysis import analyse
from reports.analysis.finance import (
    break_even,
    investment_lines,
    operating_lines,
    projection,
    scenarios,
)
from reports.analysis.impact import estimate_impact
from reports.analysis.parameters import params_for
from reports.analysis.sites import profile_from_site
from reports.analysis.sizing import size_place
from reports.knowledge import knowledge
from reports.profile import Building, new_profile, read_profile
from reports.result import Demand, Estimate

KB = knowledge()


def _params(assumptions=None):
    return params_for(assumptions, KB.settings)


def _demand(central):
    return Demand(Estimate(central, central, central), "", (), ())


def _profile(**services_and_more):
    profile = new_profile()
    profile.commune.name = "Essai"
    profile.population.total = 3000
    profile.services = services_and_more.get("services", ["open_space"])
    return profile


# --- finances -------------------------------------------------------------------------


def test_el_quadrat_break_even_is_twelve_coworkers():
    result = break_even(450 * 12, 40, 12, _params())  # 450 €/month of charges at 40 €/month
    assert result.monthly_charges_eur == 450
    assert result.users_needed == 12  # 450 / 40 = 11,25 → 12
    assert result.price_needed_eur == 37.5
    assert result.reached
    assert "11,25" in result.explanation and "12 coworkeurs" in result.explanation
    assert not break_even(450 * 12, 40, 11, _params()).reached


def test_break_even_with_exact_division_needs_no_extra_user():
    assert break_even(400 * 12, 40, 5, _params()).users_needed == 10


def test_projection_ramps_up_over_three_years():
    years = projection(10, 50, 12000, _params())
    assert [y.users for y in years] == [6, 8.5, 10]
    assert [y.revenue_eur for y in years] == [3600, 5100, 6000]
    assert [y.balance_eur for y in years] == [-8400, -6900, -6000]


def test_tariff_scenarios_come_from_the_documented_monthly_prices():
    low, central, high = scenarios(KB, 10)
    # monthly open-space prices for everyone: 35 € (Prades), 50 € (Auterive), 120 € HT (Bram)
    assert (low.monthly_price_eur, central.monthly_price_eur, high.monthly_price_eur) == (
        35, 50, 120)
    assert low.site_ids[0] == "el_quadrat" and high.site_ids[0] == "pop_coworking"
    assert central.revenue_eur_per_year == 10 * 50 * 12
    # a day bought in a carnet, for everyone: 20 € for 10 days (Auterive) = 2 €, 80 € for
    # 10 days (Cap Work) = 8 €; the median of the two is 5 €
    assert (low.day_price_eur, central.day_price_eur, high.day_price_eur) == (2, 5, 8)
    assert central.site_ids == ("firmin_pons", "cap_work")


def _sized(profile, users):
    return size_place(profile, _demand(users), (), KB, _params(profile.assumptions))


def test_investment_lines_by_hand():
    profile = _profile(services=["open_space", "meeting_room"])
    profile.buildings = [Building(name="Mairie annexe", owner="commune", surface_m2=100,
                                  state="ready", fibre=True)]
    sizing = _sized(profile, 10)  # 10 users × 0,5 presence / 0,7 fill = 7,1 → 8 posts
    assert sizing.workstations == 8 and sizing.meeting_rooms == 1
    # the 100 m² hold 7 of them now (phase 1); the 8th waits for phase 2: furniture is
    # bought for what is installed, not for the whole need
    assert (sizing.phase1_workstations, sizing.phase2_workstations) == (7, 1)
    lines = {line.label: line.amount_eur for line in investment_lines(profile, sizing,
                                                                        _params())}
    assert lines == {
        "Travaux (bâtiment utilisable en l'état)": 0,
        "Mobilier et informatique (7 postes de la phase 1)": 7 * 1500,
        "Réseau local, Wi-Fi, imprimante partagée": 500,
        "Équipement de la salle de réunion": 2000,
    }


def test_heavy_works_are_costed_on_the_surface_used_only():
    profile = _profile()
    profile.buildings = [Building(name="Grange", owner="commune", surface_m2=400,
                                  state="heavy_works")]
    sizing = _sized(profile, 10)
    works = investment_lines(profile, sizing, _params())[0]
    # Le Plan B's 333 €/m² of 2014 indexed on BT01: 333 × 132,0 ÷ 107,5 = 408,89 €/m²
    assert works.amount_eur == pytest.approx(sizing.surface_m2 * 333 * 132.0 / 107.5, abs=0.01)
    assert "Plan B" in works.source and "BT01" in works.source


def test_overrides_replace_a_default_and_say_so():
    profile = _profile()
    profile.assumptions = {"furniture_it_per_workstation_eur": 1000}
    sizing = _sized(profile, 10)
    line = investment_lines(profile, sizing, _params(profile.assumptions))[1]
    assert line.amount_eur == sizing.workstations * 1000
    assert line.overridden and line.source.startswith("valeur saisie dans le profil")


def test_rent_entered_lent_or_estimated():
    profile = _profile()
    profile.buildings = [Building(name="École", owner="commune", surface_m2=100,
                                  monthly_rent_eur=750)]
    sizing = _sized(profile, 10)
    assert operating_lines(profile, sizing, _params())[0].amount_eur == 9000
    profile.buildings[0].monthly_rent_eur = None
    profile.carrier.commune_support = "premises"
    assert operating_lines(profile, sizing, _params())[0].amount_eur == 0
    profile.buildings[0].owner = "private"
    rent = operating_lines(profile, sizing, _params())[0]
    # on the sized surface, not the 100 m² building: 8 posts × 9 m² × 1,15 = 82,8 → 85 m²
    assert sizing.surface_m2 == 85
    # Le Plan B's 5 €/m² a month (2017) indexed on consumer prices (119,89 ÷ 101,43)
    assert rent.amount_eur == pytest.approx(85 * 5 * 12 * 119.89 / 101.43, abs=0.01)
    assert "Plan B" in rent.source and "indexé" in rent.source


def test_subsidy_and_self_financing_split_the_investment():
    profile = profile_from_site(KB.site("plan_b"))
    profile.budget.subsidy_rate = 0.8
    result = analyse(profile, directory=False)
    finance = result.finance
    assert finance.investment_total_eur == round(sum(x.amount_eur for x in finance.investment), 2)
    assert finance.subsidy_eur == round(finance.investment_total_eur * 0.8, 2)
    assert finance.self_financing_eur == round(finance.investment_total_eur * 0.2, 2)
    worst = max(-y.balance_eur for y in finance.projection)
    assert finance.public_support_per_year_eur == max(0, worst)


# --- demand and sizing ----------------------------------------------------------------


def test_a_site_transposed_to_itself_keeps_its_users():
    result = analyse(profile_from_site(KB.site("el_quadrat")), directory=False)
    assert result.demand.reference_sites[0] == "el_quadrat"
    # El Quadrat's fiche supports 7 to 12 regular users: √(7 × 12) = 9,2 on a log scale
    assert "El Quadrat (Prades), environ 9 pour 5 835 : 9" in (
        result.demand.method.replace("\u202f", " "))


def test_known_people_set_a_floor_and_nearby_places_cut_demand():
    profile = profile_from_site(KB.site("solozere_villefort"))
    profile.territory.known_independents = 60
    result = analyse(profile, directory=False)
    assert result.demand.users.central >= 30  # half of the 60 known independents
    # Prades rather than Villefort: Villefort sits at the population ceiling either way
    profile = profile_from_site(KB.site("el_quadrat"))
    profile.territory.nearby_third_places = 2
    crowded = analyse(profile, directory=False)
    # two places typed: the demand is shared three ways, the project keeps 1 ÷ 3
    assert crowded.demand.share == pytest.approx(1 / 3, abs=0.001)
    assert any("qui en garde 33" in s for s in crowded.demand.signals)
    profile.territory.nearby_third_places = 0
    alone = analyse(profile, directory=False)
    assert crowded.demand.users.central < alone.demand.users.central


def test_sizing_by_hand_with_shared_offices():
    profile = _profile(services=["open_space", "closed_offices"])
    sizing = _sized(profile, 10)
    # 10 × 25 % = 2,5 office users → 2 offices of 2; 7,5 others × 0,5 / 0,7 = 5,4 → 6 posts
    assert (sizing.closed_offices, sizing.workstations, sizing.meeting_rooms) == (2, 6, 0)
    # (6 × 9 + 2 × 10) × 1,15 = 85,1 → 90 m² (rounded up to 5)
    assert sizing.surface_m2 == 90
    assert sizing.fill_rate_target == 0.7
    assert any("partagé" in n for n in sizing.notes)


def test_offices_only_means_no_open_workstations():
    sizing = _sized(_profile(services=["closed_offices"]), 15)
    assert (sizing.closed_offices, sizing.workstations) == (8, 0)


def test_building_fit_is_judged_against_the_recommended_surface():
    profile = _profile(services=["open_space", "closed_offices"])
    profile.buildings = [Building(name="Grande école", surface_m2=150),
                         Building(name="Petit local", surface_m2=95)]
    sizing = _sized(profile, 10)
    assert sizing.building_name == "Petit local"
    assert sizing.building_fit.startswith("Adapté")
    profile.buildings = [Building(name="Grande école", surface_m2=150)]
    assert _sized(profile, 10).building_fit.startswith("Trop grand")


# --- impact ---------------------------------------------------------------------------


def test_impact_by_hand():
    profile = _profile()
    profile.territory.minutes_to_pole = 30
    impact = estimate_impact(profile, _demand(10), _params())
    # 10 users × 10 % = 1 commuter; 0,5 × 5 days × 47 weeks = 117,5 round trips
    assert impact.trips_avoided_per_year == 117.5
    # each trip saves 30 − 10 minutes (the trip to the tiers-lieu is deducted):
    # 117,5 × 2 × 20 min = 78,3 h
    assert impact.minutes_saved_per_trip == 20
    assert impact.hours_saved_per_year == pytest.approx(117.5 * 2 * 20 / 60, abs=0.05)
    # distance from time by speed: 78,33 h × 50 km/h = 3 916,7 km, not 30 "km"
    assert impact.km_avoided_per_year == pytest.approx(117.5 * 2 * 20 / 60 * 50, abs=0.05)
    assert impact.co2_tonnes_per_year == pytest.approx(3916.67 * 0.2 / 1000, abs=0.01)
    assert all(line.source for line in impact.assumptions)
    assert any("possib" in e or "peut" in e for e in impact.effects)


def test_known_teleworkers_who_would_come_count_as_commuters():
    profile = _profile()
    profile.territory.minutes_to_pole = 30
    profile.territory.known_teleworkers = 6
    # 6 known × 50 % who would come = 3 commuters, each on 117,5 days (not every day)
    assert estimate_impact(profile, _demand(10), _params()).trips_avoided_per_year == pytest.approx(
        3 * 117.5)
    profile.territory.known_teleworkers = 60  # never more commuters than users
    assert estimate_impact(profile, _demand(10), _params()).trips_avoided_per_year == pytest.approx(
        10 * 117.5)


@pytest.mark.parametrize(("minutes", "word"), [(None, "pas renseigné"), (0, "0 minute"),
                                               (8, "pas plus loin")])
def test_commuting_is_not_quantified_without_a_trip_to_save(minutes, word):
    profile = _profile()
    profile.territory.minutes_to_pole = minutes
    impact = estimate_impact(profile, _demand(10), _params())
    assert not impact.quantified and word in impact.not_quantified_reason
    assert impact.trips_avoided_per_year == impact.km_avoided_per_year == 0
    assert impact.effects[0].startswith("Trajets domicile-travail évités : non chiffré")


def test_no_cvae_claim():
    profile = _profile()
    profile.territory.minutes_to_pole = 40
    impact = estimate_impact(profile, _demand(10), _params())
    assert not any("CVAE" in e for e in impact.effects)


def test_the_commute_speed_is_the_catchment_s_speed_for_the_density_level():
    from reports.catchment import parameters as catchment_parameters

    profile = _profile()
    profile.territory.minutes_to_pole = 30
    profile.territory.density_level = 7  # rural, very dispersed: the zone's 60 km/h
    rural = estimate_impact(profile, _demand(10), _params())
    profile.territory.density_level = None  # unknown: the zone's stated default
    unknown = estimate_impact(profile, _demand(10), _params())
    speeds = catchment_parameters().speeds_kmh
    assert math.isclose(rural.km_avoided_per_year,
                        unknown.km_avoided_per_year * speeds["7"] / speeds["unknown"],
                        rel_tol=1e-3)
    speed = next(a for a in rural.assumptions if a.label.startswith("Vitesse"))
    assert speed.amount_eur == speeds["7"] and "hypothèse de l'outil" in speed.source


def test_speed_override_changes_the_distance_only():
    profile = _profile()
    profile.territory.minutes_to_pole = 30
    base = estimate_impact(profile, _demand(10), _params())
    fast = estimate_impact(profile, _demand(10), _params({"speed_kmh": 80}))
    assert fast.hours_saved_per_year == base.hours_saved_per_year
    assert math.isclose(fast.km_avoided_per_year, base.km_avoided_per_year * 80 / 50,
                        rel_tol=1e-3)


def test_staff_hours_keep_their_half_hour():
    profile = profile_from_site(KB.site("firmin_pons"))
    profile.carrier.staff_hours_per_week = 17.5
    lines = {line.label: line.amount_eur for line in analyse(profile, directory=False)
             .finance.operating}
    # 17,5 h x 18,88 €/h (SMIC-based, the one hourly cost) x 47 weeks = 15 532,24 €
    assert lines["Animation salariée (17,5 h par semaine)"] == pytest.approx(15_532.24, abs=0.01)


def test_a_building_well_below_the_advised_surface_says_so_plainly():
    profile = profile_from_site(KB.site("firmin_pons"))
    profile.buildings = [Building(name="Salle", owner="commune", surface_m2=50, state="ready")]
    fit = analyse(profile, directory=False).sizing.building_fit
    assert fit.startswith("Plus petit que conseillé (50 m² pour")


def test_two_candidates_with_the_same_name_are_told_apart_by_index():
    """Sizing retains the « Mairie » of the advised size; finance and risks judge that one, not
    its namesake (found by name, finance charged the other's works, risks its missing fibre)."""
    profile = profile_from_site(KB.site("firmin_pons"))
    advised = analyse(profile, directory=False).sizing.surface_m2  # buildings play no part
    big = Building(name="Mairie", owner="commune", surface_m2=advised * 4, state="heavy_works",
                   fibre=False)
    fit = Building(name="Mairie", owner="commune", surface_m2=advised, state="ready", fibre=True)
    profile.buildings = [big, fit]
    result = analyse(profile, directory=False)
    sizing = result.sizing
    assert (sizing.building_index, sizing.building_fit_code) == (1, "fits")
    works = result.finance.investment[0]
    assert works.amount_eur == 0  # a ready building: no works (the big one needs heavy works)
    assert not {"no_fibre", "oversized", "heavy_works"} & {r.risk_id for r in result.risks}


def test_one_fit_rule_names_too_small_and_too_big():
    from reports.analysis.sizing import building_fit

    params = _params()
    assert [building_fit(s, 100, params) for s in (None, 79, 99, 100, 150, 151)] == [
        "unknown_surface", "too_small", "too_small", "fits", "fits", "too_big"]


@pytest.mark.parametrize("offset", [-50, -20, -5, -1, 0, 40])
def test_a_building_is_called_fit_only_when_it_holds_the_whole_recommendation(offset):
    """Couiza: « Adapté : 180 m² pour 200 m² conseillés » beside a phase 1 of 10 desks for 12:
    one rule says both, a building smaller than advised always leaves a phase 2."""
    profile, _ = read_profile(Path(__file__).parent / "invented" / "intercommunal.tierslieu.json")
    advised = analyse(profile).sizing.surface_m2  # 180 m² since the central users' cap
    surface = advised + offset
    profile.buildings[0].surface_m2 = surface
    sizing = analyse(profile).sizing
    assert sizing.surface_m2 == advised
    phased = bool(sizing.phase2_workstations or sizing.phase2_closed_offices)
    assert (sizing.building_fit_code == "too_small") == phased == (surface < advised)
