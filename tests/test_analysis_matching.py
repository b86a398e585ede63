"""Matching: explainable scores, decisive caps, self-match and leave-one-out on the study."""

from __future__ import annotations

import math

import pytest

from reports.analysis import criteria as cr
from reports.analysis.features import profile_features, territory_code
from reports.analysis.matching import match_sites, match_typologies
from reports.analysis.parameters import params_for
from reports.analysis.sites import profile_from_site
from reports.knowledge import knowledge
from reports.profile import new_profile

KB = knowledge()
SITE_IDS = [s.site_id for s in KB.sites]


def _params(assumptions=None):
    return params_for(assumptions, KB.settings)


def _rank(profile, sites=None):
    params = _params(profile.assumptions)
    me = profile_features(profile, params)
    ranked, raws = match_sites(me, sites if sites is not None else KB.sites, params)
    return ranked, match_typologies(me, profile, KB.typologies, raws, params)


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_each_site_ranks_itself_and_its_typology_first(site_id):
    site = KB.site(site_id)
    sites, typologies = _rank(profile_from_site(site))
    assert sites[0].site_id == site_id
    assert sites[0].score > sites[1].score  # strictly first, not by tie order
    assert typologies[0].typology_id == site.typology_id


def test_leave_one_out_keeps_at_least_half_of_the_typologies():
    held = []
    for site in KB.sites:
        others = [s for s in KB.sites if s.site_id != site.site_id]
        _, typologies = _rank(profile_from_site(site), others)
        if typologies[0].typology_id == site.typology_id:
            held.append(site.site_id)
    print(f"leave-one-out: {len(held)}/10 hold: {held}")
    # measured 6/10 (5/10 when a model borrowed each criterion from its best site): models
    # whose two sites differ (El Quadrat and Le Plan B; Villefort and Cap Work) lose their match
    assert len(held) >= 6


def test_contributions_add_up_and_are_explained():
    sites, typologies = _rank(profile_from_site(KB.site("plan_b")))
    for match in (*sites, *typologies):
        assert [c.criterion for c in match.contributions] == list(cr.CRITERIA)
        assert math.isclose(sum(c.weight for c in match.contributions), 1.0)
        for c in match.contributions:
            assert 0 <= c.similarity <= 1
            assert math.isclose(c.points, c.similarity * c.weight, abs_tol=1e-3)
            assert c.sentence.endswith(".") and c.label
        total = sum(c.points for c in match.contributions)
        unmet = "Condition non remplie" in getattr(match, "summary", "")
        if unmet:  # the model's own condition (the hybrid's fablab) lowers it, and says so
            assert match.score < total
        elif match.capped_by is None:
            assert math.isclose(match.score, total, abs_tol=1e-3)
        else:
            assert match.score < total


def test_a_private_franchise_cannot_be_the_model_of_a_commune_project():
    profile = profile_from_site(KB.site("relais_entreprises"))
    profile.carrier.type = "commune"  # everything like Muret, but carried by the commune
    sites, typologies = _rank(profile)
    relais = next(s for s in sites if s.site_id == "relais_entreprises")
    assert relais.capped_by == "carrier"
    assert relais.score <= 0.45
    assert next(c for c in relais.contributions if c.criterion == "carrier").decisive
    assert "Écart décisif" in next(c.sentence for c in relais.contributions
                                  if c.criterion == "carrier")
    company = next(t for t in typologies if t.typology_id == "company_hosted")
    assert next(c for c in company.contributions if c.criterion == "carrier").decisive
    assert company.score <= 0.45


@pytest.mark.parametrize("site_id", SITE_IDS)
def test_a_typology_is_compared_through_its_closest_site_as_a_whole(site_id):
    """Not a chimera built from the best site on each criterion."""
    profile = profile_from_site(KB.site(site_id))
    params = _params()
    me = profile_features(profile, params)
    ranked, raws = match_sites(me, KB.sites, params)
    scores = {m.site_id: m for m in ranked}
    for typology in match_typologies(me, profile, KB.typologies, raws, params):
        model = next(t for t in KB.typologies if t.typology_id == typology.typology_id)
        closest = scores[max(model.site_ids, key=lambda s: scores[s].score)]
        by_site = {c.criterion: c.similarity for c in closest.contributions}
        free = {"population", "territory", "concentration", "building", "budget",
                "services"} - {_CRITERION_OF_KEY.get(k) for k in model.conditions}
        for c in typology.contributions:
            if c.criterion in free:
                assert c.similarity == by_site[c.criterion], (typology.typology_id, c.criterion)


_CRITERION_OF_KEY = {
    "population_min": "population", "population_max": "population", "zau2010": "territory",
    "concentration_classes": "concentration", "building_owners": "building",
    "building_states": "building", "budget_levels": "budget", "services_any": "services",
}


def test_residential_sentence_names_both_values():
    profile = new_profile()
    profile.commune.name = "Essai"
    profile.population.total = 1500
    profile.population.jobs, profile.population.employed_15_64 = 150, 500  # 0,30
    sites, _ = _rank(profile)
    plan_b = next(s for s in sites if s.site_id == "plan_b")
    sentence = next(c.sentence for c in plan_b.contributions if c.criterion == "concentration")
    assert sentence == "Comme Montpeyroux (0,24), votre commune est résidentielle (0,30)."


def test_population_similarity_is_logarithmic():
    params = _params()
    assert cr.population_similarity(1298, 1298, params) == 1
    assert cr.population_similarity(1298, 12980, params) == 0
    assert math.isclose(cr.population_similarity(1000, 1000 * math.sqrt(10), params), 0.5,
                        abs_tol=1e-4)


def test_similarity_tables_are_symmetric():
    params = _params()
    types = ["association", "commune", "epci", "public_agency", "cooperative", "company",
             "network"]
    for a in types:
        for b in types:
            assert cr.carrier_similarity(a, b, params) == cr.carrier_similarity(b, a, params)
    assert cr.territory_similarity("400", "111", params) == cr.territory_similarity(
        "111", "400", params) == 0.3
    assert cr.owner_similarity("private", "commune", params) == 0.3


@pytest.mark.parametrize(("territory", "code", "approximate"), [
    ({"zau2010": "222"}, "222", False),
    ({"aav2020_category": 20, "aav2020_size": 2}, "212", True),
    ({"aav2020_category": 30, "aav2020_size": 0}, "400", True),
    ({"aav2020_category": 11}, "221", True),
    ({"density_level": 6}, "400", True),
    ({}, None, False),
])
def test_territory_is_mapped_and_said_to_be_approximate(territory, code, approximate):
    profile = new_profile()
    for key, value in territory.items():
        setattr(profile.territory, key, value)
    found, approx, note = territory_code(profile, _params())
    assert (found, approx) == (code, approximate)
    assert ("approximation" in note) == approximate


def test_the_hybrid_model_needs_the_fablab_it_is_named_for():
    # Seix (invented): an association, events but no fablab; the study's two hybrid sites
    # each have a fablab, and events or training are found at most sites (not a trait)
    from pathlib import Path

    from reports.analysis import analyse
    from reports.profile import read_profile

    seix, _ = read_profile(Path(__file__).parent / "invented" / "mountain.tierslieu.json")
    assert "fablab" not in seix.services and "events" in seix.services
    typologies = analyse(seix).typologies
    assert typologies[0].typology_id != "hybrid_fablab"
    hybrid = next(t for t in typologies if t.typology_id == "hybrid_fablab")
    assert "ne prévoit pas le service qui définit ce modèle (fablab" in hybrid.summary
    assert dict(KB.typology("hybrid_fablab").conditions) == {"services_any": ("fablab",)}
    seix.services = [*seix.services, "fablab"]  # with one, the model is back first
    assert analyse(seix).typologies[0].typology_id == "hybrid_fablab"


def test_the_public_telecentre_needs_the_public_host_it_is_named_for():
    # Bouriège (invented): the commune carries a presbytery with no public service; the
    # model « Télécentre public adossé à un service existant » was first with nothing said
    from pathlib import Path

    from reports.analysis import analyse
    from reports.consistency import note_text
    from reports.profile import read_profile

    bouriege, _ = read_profile(Path(__file__).parent / "invented" / "tiny.tierslieu.json")
    result = analyse(bouriege)
    telecentre = next(t for t in result.typologies if t.typology_id == "public_telecentre")
    assert telecentre.unmet and "aucun service public existant" in telecentre.summary
    if result.typologies[0] is telecentre:  # the synthesis says it is not quite theirs
        assert "Il n'est pas tout à fait le vôtre : le projet ne s'adosse" in note_text(
            result, ("summary",))
    bouriege.services = [*bouriege.services, "public_services"]
    telecentre = next(t for t in analyse(bouriege).typologies
                      if t.typology_id == "public_telecentre")
    assert not telecentre.unmet and telecentre.score > 0.6
    bouriege.services.remove("public_services")
    bouriege.carrier.type = "public_agency"  # an agency's incubator, as at Verniolle
    assert not next(t for t in analyse(bouriege).typologies
                    if t.typology_id == "public_telecentre").unmet
