"""The consistency guard (reports.consistency) over the examples, hand-made contradictions and
thousands of generated profiles: any violation fails."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from test_analysis_properties import VALID

from reports.analysis import analyse
from reports.consistency import INVARIANTS, check, note_text
from reports.paths import resource
from reports.profile import read_profile

EXAMPLES = sorted(p.name for p in resource("examples").iterdir()
                  if p.name.endswith(".tierslieu.json"))
# sections whose words the generated profiles are checked on (the annexes repeat fixed text;
# the profile annex prints what the user typed, as typed)
TEXT_SECTIONS = ("summary", "commune", "model", "sizing", "finance", "impact", "practices",
                 "risks", "options", "next_steps")


def _example(name):
    profile, _ = read_profile(Path(str(resource("examples", name))))
    return profile


def test_the_invariants_the_issue_names_are_all_registered():
    assert {"ranges_ordered", "ceilings_held", "break_even_against_capacity",
            "model_against_carrier", "existing_place_mentioned", "trips_against_km",
            "no_contradiction", "french", "options_compared", "verdict_has_its_basis",
            "money_adds_up", "one_hourly_cost", "furniture_for_phase1", "known_people_floor",
            "one_speed", "tool_hypotheses_labelled", "building_fit_matches_phases",
            "private_carrier_bears_its_deficit"
            } <= set(INVARIANTS)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_and_its_note_text_hold_together(name):
    result = analyse(_example(name))
    text = note_text(result)
    assert "1. Synthèse" in text and "Les options comparées" in text
    assert [str(v) for v in check(result, text)] == []


INVENTED = sorted(p.name for p in (Path(__file__).parent / "invented").glob("*.tierslieu.json"))


@pytest.mark.parametrize("name", INVENTED)
def test_every_invented_commune_and_its_note_text_hold_together(name):
    profile, _ = read_profile(Path(__file__).parent / "invented" / name)
    result = analyse(profile)
    assert [str(v) for v in check(result, note_text(result))] == []


# --- the guard catches what the issue found -------------------------------------------

def _prades():
    return analyse(_example("prades.tierslieu.json"))


def test_contradicting_statements_are_caught():
    result = _prades()
    text = ("Un soutien couvert par le budget de fonctionnement annoncé par le porteur public. "
            "Mais aucun financement du fonctionnement n'est prévu.")
    assert [v.invariant for v in check(result, text, only=("no_contradiction",))] == [
        "no_contradiction"]


def test_unordered_ranges_and_bad_french_are_caught():
    result = _prades()
    users = dataclasses.replace(result.demand.users, low=20.0)  # low above central
    broken = dataclasses.replace(result, demand=dataclasses.replace(result.demand, users=users))
    assert {v.invariant for v in check(broken, only=("ranges_ordered",))} == {"ranges_ordered"}
    faults = check(result, "Le projet de Ax-les-Thermes.. 2 usager", only=("french",))
    assert len(faults) == 3


def test_a_model_against_the_declared_carrier_is_caught():
    result = analyse(_example("quillan.tierslieu.json"))
    profile = copy.deepcopy(result.profile)
    profile["carrier"]["type"] = "epci"  # the recommended cooperative model excludes it
    broken = dataclasses.replace(result, profile=profile)
    assert [v.invariant for v in check(broken, only=("model_against_carrier",))] == [
        "model_against_carrier"]


def test_an_existing_place_left_out_of_the_synthesis_is_caught():
    result = _prades()
    silent = dataclasses.replace(result.existing, statement="")
    broken = dataclasses.replace(result, existing=silent)
    assert "existing_place_mentioned" in {v.invariant for v in check(broken)}
    assert "aucun tiers-lieu n'est connu" not in note_text(result).lower()


def test_two_hourly_costs_are_caught():
    result = _prades()
    text = ("Ménage : 18,88 € de l'heure chargée (hypothèse de l'outil). "
            "Animation : 25 € par heure travaillée.")
    assert [v.invariant for v in check(result, text, only=("one_hourly_cost",))] == [
        "one_hourly_cost"]
    assert check(result, "18,88 € de l'heure chargée ; 18,88 € de l'heure chargée",
                 only=("one_hourly_cost",)) == []


def test_what_the_invented_communes_showed_is_caught():
    """Each contradiction found reading the invented communes' notes, made by hand."""
    result = _prades()
    # furniture bought for the whole need while phase 1 installs fewer desks
    phased = dataclasses.replace(result.sizing, phase1_workstations=3, phase2_workstations=3)
    broken = dataclasses.replace(result, sizing=phased)
    assert [v.invariant for v in check(broken, only=("furniture_for_phase1",))] == [
        "furniture_for_phase1"]
    # « Adapté (180 m² pour 200 m² conseillés) » beside a phase 2 (Couiza), and the reverse
    for code, phase2 in (("fits", 2), ("too_small", 0)):
        sizing = dataclasses.replace(result.sizing, building_fit_code=code,
                                     phase2_workstations=phase2, phase2_closed_offices=0)
        assert [v.invariant for v in check(dataclasses.replace(result, sizing=sizing),
                                           only=("building_fit_matches_phases",))] == [
            "building_fit_matches_phases"]
    # a low figure under the floor the note states from the people known
    users = dataclasses.replace(result.demand.users, low=1.0)
    demand = dataclasses.replace(result.demand, users=users, known_floor=6.0)
    assert [v.invariant for v in check(dataclasses.replace(result, demand=demand),
                                       only=("known_people_floor",))] == ["known_people_floor"]
    # 50 km/h for the impact while the zone is driven at the density's speed
    profile = copy.deepcopy(result.profile)
    profile["territory"]["density_level"] = 7
    assert [v.invariant for v in check(dataclasses.replace(result, profile=profile),
                                       only=("one_speed",))] == ["one_speed"]
    # the tool's shares and detour given without saying they are the tool's
    text = ("Zone : 5 697 actifs occupés, dont environ 684 indépendants et 855 "
            "télétravailleurs (parts nationales par défaut, voir la méthode). Distance "
            "multipliée par un coefficient de détour de 1,3 (valeur par défaut déclarée).")
    assert len(check(result, text, only=("tool_hypotheses_labelled",))) == 2
    # « la première piste » a partnership with a close place, while the options advise another
    statement = ("1 tiers-lieu à moins de 10 km : Lab Place (Oust). Un partenariat avec lui est "
                 "la première piste à étudier.")
    seix = analyse(read_profile(Path(__file__).parent / "invented" /
                                "mountain.tierslieu.json")[0])
    assert seix.options.options[0].option_id != "join_existing"
    broken = dataclasses.replace(seix, existing=dataclasses.replace(seix.existing,
                                                                    statement=statement))
    assert [v.invariant for v in check(broken, only=("existing_place_mentioned",))] == [
        "existing_place_mentioned"]
    # the practices said « sans salarié » beside an animation the budget counts
    text = "le lieu fonctionnera sans salarié, avec des bénévoles. Animation à prévoir (14 h"
    assert [v.invariant for v in check(result, text, only=("no_contradiction",))] == [
        "no_contradiction"]


def _invented(name):
    return analyse(read_profile(Path(__file__).parent / "invented" / f"{name}.tierslieu.json")[0])


def test_what_the_second_pass_communes_showed_is_caught():
    # Brumath: « Première piste : s'associer avec Bureau-Mobile.fr (Reichstett) » for a place
    # 9 km away, while the synthesis said a partnership with it « est à étudier »
    brumath = _invented("crown")
    assert not brumath.existing.in_commune and brumath.existing.close
    assert brumath.options.advice.startswith("À étudier d'abord : un partenariat avec")
    assert "pour étudier un partenariat" in brumath.verdict.next_steps[0]
    assert check(brumath, only=("existing_place_mentioned",)) == []
    old = "Première piste : s'associer avec Bureau-Mobile.fr (Reichstett), qui existe déjà."
    broken = dataclasses.replace(brumath, options=dataclasses.replace(brumath.options,
                                                                      advice=old))
    assert [v.invariant for v in check(broken, only=("existing_place_mentioned",))] == [
        "existing_place_mentioned"]
    # Gourdon, Die: « les sources en signalent un à Gourdon : A, B, C. S'il est toujours
    # ouvert… » and « Un tiers-lieu existe déjà » over two or three places
    gourdon, die = _invented("company"), _invented("cooperative")
    assert len(gourdon.existing.in_commune) == 3 and len(die.existing.in_commune) == 2
    assert "en signalent 3 tiers-lieux à Gourdon" in gourdon.existing.statement
    assert die.existing.statement.startswith("2 tiers-lieux existent déjà à Die")
    assert "double emploi avec les tiers-lieux de la commune" in die.verdict.summary
    old = ("Vous indiquez qu'aucun tiers-lieu n'existe à proximité, mais les sources en signalent "
           "un à Gourdon : Le-Tiers-Lieu, Pôle numérique, Thech-Factory. S'il est toujours "
           "ouvert, s'y associer est la première piste.")
    broken = dataclasses.replace(gourdon, existing=dataclasses.replace(gourdon.existing,
                                                                      statement=old))
    assert [v.invariant for v in check(broken, only=("existing_place_mentioned",))] == [
        "existing_place_mentioned"]
    for result in (gourdon, die):
        assert check(result, only=("existing_place_mentioned",)) == []
        assert " un à " not in result.existing.statement
        assert "S'il est" not in result.existing.statement
        assert not any("le tiers-lieu" in c for c in result.verdict.conditions)
    # Gourdon's SARL was told « il faudrait environ 9 774 € par an de soutien au
    # fonctionnement, qu'aucun financeur public ne s'est encore engagé à couvrir », and a
    # « soutien … voté » as a condition, beside a model with « aucune aide publique »
    assert "à la charge de l'entreprise" in gourdon.verdict.summary
    assert check(gourdon, note_text(gourdon), only=("private_carrier_bears_its_deficit",)) == []
    old = ("il faudrait environ 9 774 € par an de soutien au fonctionnement, qu'aucun "
           "financeur public ne s'est encore engagé à couvrir")
    assert [v.invariant for v in check(gourdon, old, only=(
        "private_carrier_bears_its_deficit",))] == ["private_carrier_bears_its_deficit"]


def test_tariffs_that_cover_the_charges_still_say_the_first_year_s_gap():
    """Groix read « les tarifs documentés couvriraient les charges » beside « soutien public
    de fonctionnement nécessaire : 9 € » and « dont 9 € par an à couvrir » (year 1's ramp-up)."""
    groix = _invented("island")
    assert groix.finance.public_support_per_year_eur > 0
    assert groix.finance.break_even.reached and groix.finance.break_even.feasible_at_capacity
    assert "couvriraient les charges une fois la fréquentation installée, avec environ 9" in (
        groix.verdict.summary.replace("\u202f", " ").replace("\xa0", " "))
    assert groix.demand.zone["communes"] == 1  # an island: no road to Lorient's workers


def test_a_subsidy_nobody_typed_is_not_said_to_be_expected():
    """La Grave typed an investment of 0 € and no subsidy rate: the note read « subvention
    espérée 3 250 € » and the risk « Environ 3 250 € de subventions attendues pour
    l'investissement, mais aucun financement du fonctionnement » (the tool's 50 % default)."""
    grave = _invented("alpine")
    assert grave.profile["budget"].get("subsidy_rate") is None and grave.finance.subsidy_eur > 0
    assert "investment_only_subsidy" not in {r.risk_id for r in grave.risks}
    # a contribution typed 0 is none, not « la contribution annuelle annoncée (0 € par an) »
    assert "aucune contribution annuelle n'est prévue (0 € saisi)" in grave.verdict.summary
    assert "annoncée (0" not in note_text(grave).replace("\u202f", " ").replace("\xa0", " ")
    words = note_text(grave, ("summary", "finance")).replace("\u202f", " ").replace("\xa0", " ")
    assert "subvention espérée" not in words
    assert "subvention supposée 3 250 € (taux par défaut de l'outil : 50 %)" in words


def test_a_carrier_to_designate_when_one_is_declared_is_caught():
    # Assac declares the commune and a room; its « déconseillé » note said « désigner un
    # porteur et un local »
    assac = analyse(read_profile(Path(__file__).parent / "invented" /
                                 "village.tierslieu.json")[0])
    assert assac.verdict.level == "not_advised"
    assert check(assac, only=("model_against_carrier",)) == []
    steps = (*assac.verdict.next_steps[:-1], "Revoir le projet : si la demande se confirme, "
             "désigner un porteur et un local, puis relancer l'analyse.")
    broken = dataclasses.replace(assac, verdict=dataclasses.replace(assac.verdict,
                                                                    next_steps=steps))
    assert [v.invariant for v in check(broken, only=("model_against_carrier",))] == [
        "model_against_carrier"]


def test_a_confident_verdict_on_the_tool_s_own_animation_estimate_is_caught():
    profile = _example("pennautier.tierslieu.json")
    profile.carrier.staff_hours_per_week = 0  # the municipal model's 28 h « à prévoir »
    result = analyse(profile)
    assert check(result, only=("verdict_has_its_basis",)) == []
    high = dataclasses.replace(result.verdict.confidence, level="high")
    broken = dataclasses.replace(result, verdict=dataclasses.replace(result.verdict,
                                                                     confidence=high))
    assert [v.invariant for v in check(broken, only=("verdict_has_its_basis",))] == [
        "verdict_has_its_basis"]


def test_trips_without_km_are_caught():
    result = _prades()
    impact = dataclasses.replace(result.impact, trips_avoided_per_year=705.0,
                                 km_avoided_per_year=0.0)
    broken = dataclasses.replace(result, impact=impact)
    assert [v.invariant for v in check(broken, only=("trips_against_km",))] == [
        "trips_against_km"]


def test_a_favourable_verdict_without_its_basis_is_caught():
    profile = _example("prades.tierslieu.json")  # a sound small project away from El Quadrat
    profile.commune.insee_code = ""
    profile.buildings[0].monthly_rent_eur = 0
    profile.buildings[0].works_cost_eur = 5000
    profile.buildings[0].surface_m2 = 100
    result = analyse(profile)
    assert result.verdict.level == "favourable"
    basis = dict(result.verdict.basis, carrier=False)
    broken = dataclasses.replace(result, verdict=dataclasses.replace(result.verdict, basis=basis))
    assert [v.invariant for v in check(broken, only=("verdict_has_its_basis",))] == [
        "verdict_has_its_basis"]


# --- generated profiles ----------------------------------------------------------------

# real communes near study sites or directory places, and names that test elision
NAMES = st.sampled_from(["Ax-les-Thermes", "Espéraza", "Hautes-Rives", "Le Bourg",
                         "Les Cabannes", "Yssingeaux", "Île-Rousse", "Prades", "Hyères",
                         "La Grasse", "Auterive"])
INSEE = st.sampled_from(["66149", "11206", "09332", "31033", "11203", "11076", "11285",
                         "11304", "15138", "", "99999"])
COMMUNES = st.fixed_dictionaries({
    "name": NAMES, "insee_code": INSEE, "departement": st.sampled_from(["", "66", "11"]),
    "epci_name": st.just(""), "epci_population": st.none()})
PROFILES = VALID.flatmap(lambda d: COMMUNES.map(lambda c: {**d, "commune": c}))


def _maybe(values):
    return st.sampled_from([None, *values])


# a lean strategy (choices among plausible values, no free text) so that 2 000 profiles
# stay affordable; the full VALID strategy above is run on fewer, with the note's words
LEAN = st.fixed_dictionaries({
    "format": st.just("tierslieu-profile"), "version": st.just(2), "commune": COMMUNES,
    "population": st.fixed_dictionaries({
        "total": st.sampled_from([60, 300, 900, 2500, 5835, 12000, 60000]),
        "employed_15_64": _maybe([20, 400, 1595, 5000]), "jobs": _maybe([0, 300, 2407, 9000])}),
    "territory": st.fixed_dictionaries({
        "zau2010": _maybe(["111", "112", "221", "400"]),
        "density_level": _maybe([1, 4, 6]),
        "minutes_to_pole": _maybe([0, 10, 35, 60, 120]),
        "catchment_population": _maybe([500, 20000, 960000]),
        "known_independents": _maybe([0, 1, 3, 10, 60]),
        "known_teleworkers": _maybe([0, 2, 15]),
        "nearby_third_places": _maybe([0, 1, 4])}),
    "buildings": st.lists(st.fixed_dictionaries({
        "name": st.sampled_from(["", "Ancienne école", "Grange"]),
        "owner": _maybe(["commune", "private", "epci"]),
        "surface_m2": _maybe([20, 100, 150, 900]),
        "state": _maybe(["ready", "light_works", "heavy_works"]),
        "monthly_rent_eur": _maybe([0, 120, 750]), "fibre": _maybe([True, False]),
        "accessible": _maybe([True, False])}), max_size=2),
    "carrier": st.fixed_dictionaries({
        "type": st.sampled_from(["association", "commune", "epci", "public_agency",
                                 "cooperative", "company", "network", "undecided"]),
        "founders": _maybe([0, 1, 4]), "staff_hours_per_week": _maybe([0, 17.5, 35]),
        "commune_support": st.sampled_from(["none", "premises", "funding", "both"])}),
    "budget": st.fixed_dictionaries({
        "investment_eur": _maybe([0, 20000, 150000]), "subsidy_rate": _maybe([0, 0.5, 0.8]),
        "annual_operating_eur": _maybe([0, 6000, 40000]),
        "annual_contribution_eur": _maybe([0, 5000, 25000, 100000])}),
    "services": st.lists(st.sampled_from(["open_space", "closed_offices", "meeting_room",
                                          "fablab", "public_services", "training", "events"]),
                         unique=True, max_size=4),
})


# a fixed seed: the same 2 000 profiles on every run (a rare case found by another seed,
# « les tarifs couvriraient » next to « équilibre impossible », is reported in the notes)
@seed(20261203)
@settings(max_examples=2000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(LEAN)
def test_2000_generated_profiles_hold_together(data):
    result = analyse(data)
    assert [str(v) for v in check(result)] == []


# seeded like the test above, so CI is repeatable; explore other seeds by hand with
# `pytest --hypothesis-seed=N` (one such run found the « couvriraient » / « équilibre
# impossible » contradiction, fixed in reports/analysis/cover.py)
@seed(20261204)
@settings(max_examples=100, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(PROFILES)
def test_generated_notes_hold_together_in_words(data):
    result = analyse(data)
    text = note_text(result, TEXT_SECTIONS)
    assert [str(v) for v in check(result, text)] == []
