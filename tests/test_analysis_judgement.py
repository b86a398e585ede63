"""Judgement (issue #12, part B): existing places, the carrier rule, the verdict's basis and
confidence, and the options every note compares. Expectations derived by hand from the study,
the 2019 national list and the examples."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from reports.analysis import analyse
from reports.communes import Neighbourhood, Ring, ThirdPlace
from reports.paths import resource
from reports.profile import Building, profile_from_dict, profile_to_dict, read_profile

ORDER = {"favourable": 2, "conditional": 1, "not_advised": 0}


def _example(name):
    profile, _ = read_profile(Path(str(resource("examples", f"{name}.tierslieu.json"))))
    return profile


def _variant(name, **changes):
    """The example as a dict with dotted-path changes (None removes the key)."""
    data = profile_to_dict(_example(name))
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for part in parents:
            node = node[part]
        node[last] = value
    profile, _ = profile_from_dict(copy.deepcopy(data))
    return profile


# --- what already exists ----------------------------------------------------------------

def test_prades_states_el_quadrat_and_proposes_to_join_it_first():
    result = analyse(_example("prades"))
    here = result.existing.in_commune
    assert [p.name for p in here] == ["El Quadrat"]  # a study site, not in the 2019 list
    assert here[0].site_id == "el_quadrat" and here[0].where == "commune"
    assert "El Quadrat" in result.existing.statement
    assert result.options.options[0].option_id == "join_existing"
    assert "El Quadrat" in result.verdict.next_steps[0]
    assert result.verdict.level != "favourable"
    # the example counts El Quadrat (1 place nearby): a second place in the commune is a
    # point to settle
    assert "existing_here" in {r.risk_id for r in result.risks}
    # typed 0 in the commune of a study site: the risk asks to check, it does not vanish
    typed = analyse(_variant("prades", territory__nearby_third_places=0))
    assert "existing_check" in {r.risk_id for r in typed.risks}


@pytest.mark.parametrize("insee, site_id, listed", [
    ("11206", "tiers_lieu_limoux", 1),  # « Tiers Lieu Limoux » in the list
    ("09332", "cap_work", 2),  # listed twice: « CapWork » and « Cap Work Verniolle »
    ("31033", "firmin_pons", 1),
    ("66149", "el_quadrat", 0),
])
def test_a_study_site_also_in_the_national_list_is_one_place(insee, site_id, listed):
    profile = _variant("prades", commune__insee_code=insee, territory__nearby_third_places=None)
    result = analyse(profile)
    mine = [p for p in result.existing.places if p.where == "commune"]
    assert [p.site_id for p in mine] == [site_id]
    assert len(mine[0].sources) == (2 if listed else 1)
    names = [p.name for p in result.existing.places]
    assert len(names) == len(set(names))


class _StubDirectory:
    """A directory whose only commune has a telecentre 600 m from its centre."""

    vintage = "stub"

    def __init__(self, places):
        self.places = places

    def neighbourhood(self, insee):
        if insee != "99001":
            return None
        rings = (Ring(10, 5000, 10), Ring(20, 20000, 40), Ring(30, 60000, 90))
        return Neighbourhood("99001", "Bourg", rings, None, tuple(self.places))

    def by_insee(self, insee):
        return None


def _bourg(nearby=None):
    return _variant("pennautier", commune__insee_code="99001", commune__name="Bourg",
                    territory__nearby_third_places=nearby)


def test_a_telecentre_600_m_away_in_the_same_town_raises_a_risk():
    telecentre = ThirdPlace("Télécentre du Bourg", "Bourg-Voisin", "99002",
                            "Tiers lieux à dominante coworking", 0.6)
    result = analyse(_bourg(), directory=_StubDirectory([telecentre]))
    risks = {r.risk_id: r for r in result.risks}
    assert risks["existing_here"].severity == "high"
    assert "Télécentre du Bourg" in risks["existing_here"].text
    assert result.verdict.level != "favourable"
    assert "Télécentre du Bourg" in result.existing.statement


def test_a_place_within_10_km_is_a_risk_and_one_at_15_km_is_competition():
    close = ThirdPlace("Coworking voisin", "Voisine", "99003", "", 7.5)
    far = ThirdPlace("Coworking lointain", "Lointaine", "99004", "", 15.0)
    near = {r.risk_id for r in analyse(_bourg(), directory=_StubDirectory([close])).risks}
    assert "competition_close" in near
    away = {r.risk_id for r in analyse(_bourg(), directory=_StubDirectory([far])).risks}
    assert "competition" in away and "competition_close" not in away


@pytest.mark.parametrize("places", [
    [ThirdPlace("A", "Voisine", "99003", "", 7.5)],
    [ThirdPlace("A", "Voisine", "99003", "", 12.0), ThirdPlace("B", "Autre", "99005", "", 18.0)],
    [ThirdPlace("Télécentre", "Bourg", "99001", "", 0.3)],
])
def test_leaving_the_count_blank_never_improves_the_verdict(places):
    directory = _StubDirectory(places)
    blank = analyse(_bourg(), directory=directory)
    typed = analyse(_bourg(nearby=len(places)), directory=directory)
    assert ORDER[blank.verdict.level] <= ORDER[typed.verdict.level]
    assert len(blank.risks) >= len(typed.risks)
    assert blank.existing.count_used == len(places)  # the directory's count is used
    assert "aucun nombre saisi" in blank.existing.count_reason


def test_a_typed_count_overrides_the_directory_and_says_so():
    directory = _StubDirectory([ThirdPlace("A", "Voisine", "99003", "", 12.0)])
    result = analyse(_bourg(nearby=3), directory=directory)
    assert result.existing.count_used == 3 and result.existing.count_found == 1
    assert "Nombre saisi retenu : 3 tiers-lieux" in result.existing.count_reason


# --- carrier ------------------------------------------------------------------------------

def test_an_intercommunal_carrier_is_never_recommended_the_cooperative_model():
    cooperative = analyse(_example("quillan"))
    assert cooperative.typologies[0].typology_id == "cooperative"  # carried by a cooperative
    result = analyse(_variant("quillan", carrier__type="epci"))
    best = result.typologies[0]
    assert best.eligible and best.typology_id != "cooperative"
    excluded = {t.typology_id: t for t in result.typologies if not t.eligible}
    assert "cooperative" in excluded
    assert "l'intercommunalité" in excluded["cooperative"].ineligible_reason
    steps = " ".join(result.verdict.next_steps).lower()
    assert "choisir le porteur" not in steps and "porteur déclaré" in steps


def test_an_undecided_carrier_excludes_no_model_and_is_asked_for():
    result = analyse(_variant("quillan", carrier__type="undecided"))
    assert all(t.eligible for t in result.typologies)
    # « choisir le porteur » (sous conditions) or « désigner un porteur » (déconseillé: Quillan
    # without a carrier has no running money and no break-even at its size either)
    assert any("choisir le porteur" in s.lower() or "désigner un porteur" in s
               for s in result.verdict.next_steps)


# --- verdict ---------------------------------------------------------------------------------

VILLAGE = {
    "format": "tierslieu-profile", "version": 1,
    "commune": {"name": "Montfort-sur-Boulzane", "insee_code": "11248", "departement": "11"},
    "population": {"total": 300},
    "territory": {"known_independents": 3},
    "carrier": {"type": "undecided"},
}


def test_a_village_with_three_people_and_nothing_else_is_not_advised_with_cheaper_routes():
    result = analyse(VILLAGE)
    assert result.verdict.level == "not_advised"
    assert result.verdict.basis["carrier"] is False and result.verdict.basis["place"] is False
    assert result.options.options[0].option_id in ("shared_desk", "pop_up", "join_existing")
    assert "prématuré" in result.verdict.summary
    assert result.verdict.confidence.level == "low"
    assert "local envisagé" in result.verdict.confidence.defaults


def _sound():
    """Prades' association in a free, nearly ready room, away from El Quadrat."""
    profile = _example("prades")
    profile.commune.insee_code = ""
    profile.buildings[0].monthly_rent_eur = 0
    profile.buildings[0].works_cost_eur = 5000
    profile.buildings[0].surface_m2 = 100
    profile.budget.annual_operating_eur = None
    return profile


def test_favourable_needs_carrier_place_demand_and_a_funded_deficit():
    result = analyse(_sound())
    assert result.verdict.level == "favourable"
    assert all(result.verdict.basis.values()) and result.verdict.missing == ()
    no_people = _sound()
    no_people.territory.known_independents = no_people.territory.known_teleworkers = 0
    no_people.carrier.founders = 0
    judged = analyse(no_people).verdict
    assert judged.level != "favourable"
    assert ("des futurs usagers connus (indépendants, télétravailleurs ou fondateurs)"
            in judged.missing)
    no_building = _sound()
    no_building.buildings = []
    judged = analyse(no_building).verdict
    assert judged.level != "favourable" and "un local identifié" in judged.missing


def test_break_even_beyond_capacity_forbids_favourable():
    # Pennautier: 2 215 € of charges a month at about 40 € a user need 51 users; the
    # phase-1 place holds 13,8: break-even is impossible at this price and size
    result = analyse(_example("pennautier"))
    assert result.finance.break_even.feasible_at_capacity is False
    assert result.verdict.basis["capacity"] is False
    assert result.verdict.level == "conditional"
    assert "un équilibre possible dans la capacité du lieu" in result.verdict.missing


def test_confidence_lists_the_inputs_left_to_defaults():
    result = analyse(_example("pennautier"))
    assert result.verdict.confidence.level in ("high", "medium")
    assert result.verdict.confidence.sentence.startswith("Confiance dans ce verdict")
    blank = _example("pennautier")
    blank.territory.minutes_to_pole = None
    blank.budget.investment_eur = None
    more = analyse(blank).verdict.confidence
    assert {"temps de trajet vers le pôle d'emploi", "investissement prévu"} <= set(more.defaults)


def test_a_verdict_carried_by_the_tool_s_estimates_is_never_highly_confident():
    # Prades' association plans no staff: its model needs none, nothing is estimated
    prades = analyse(_example("prades"))
    assert not any("à prévoir" in d for d in prades.verdict.confidence.defaults)
    # Pennautier's commune plans no animation: the municipal model's 28 h are « à prévoir »,
    # the largest line of the budget, a figure of the tool: the confidence says so
    pennautier = _example("pennautier")
    pennautier.carrier.staff_hours_per_week = 0
    result = analyse(pennautier)
    assert any(line.planned for line in result.finance.operating)
    confidence = result.verdict.confidence
    assert confidence.level != "high"
    assert "Incertitudes qui pèsent sur le verdict" in confidence.sentence
    assert "à prévoir" in confidence.sentence


# --- options -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["castelnaudary", "lagrasse", "pennautier", "prades", "quillan"])
def test_every_example_compares_four_sourced_options(name):
    options = analyse(_example(name)).options
    assert [o.option_id for o in options.options if o.advised] == [options.options[0].option_id]
    assert {o.option_id for o in options.options} == {
        "join_existing", "shared_desk", "pop_up", "dedicated"}
    for o in options.options:
        assert "€" in o.cost and o.criterion and o.cost_source


def test_the_dedicated_place_costs_the_note_s_own_figures():
    result = analyse(_sound())
    dedicated = next(o for o in result.options.options if o.option_id == "dedicated")
    assert result.options.options[0].option_id == "dedicated"  # favourable
    from reports.fmt import fmt_eur
    assert fmt_eur(result.finance.investment_total_eur) in dedicated.cost
    assert fmt_eur(result.finance.operating_total_eur) in dedicated.cost


def test_a_building_elsewhere_does_not_count_as_a_place_when_the_list_is_empty():
    profile = _example("pennautier")
    profile.buildings = [Building()]
    assert analyse(profile).verdict.basis["place"] is False


def test_the_word_export_carries_the_options_and_the_synthesis_additions(tmp_path):
    import re
    import zipfile

    from reports.docx import render_docx

    path = render_docx(analyse(_example("prades")), tmp_path / "prades.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    words = re.sub(r"<[^>]+>", "", xml)
    for expected in ("Les options comparées", "Un lieu dédié", "Ce qui existe déjà",
                     "Confiance dans ce verdict", "regroupement propre à cet outil"):
        assert expected in words, expected
