"""Demand: transposition of the closest sites, the commune-share ceiling, the calibration."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pytest

from reports.analysis import analyse, profile_from_site
from reports.analysis.demand import commune_share_cap, demand_base, estimate_demand
from reports.analysis.features import profile_features
from reports.analysis.matching import match_sites
from reports.analysis.parameters import params_for
from reports.communes import directory as load_directory
from reports.knowledge import knowledge
from reports.profile import new_profile

KB = knowledge()
DIRECTORY = load_directory()


PARAMS = params_for({}, KB.settings)


def test_the_ceiling_is_the_highest_share_observed_in_the_study():
    share, site = commune_share_cap(KB, PARAMS)
    # upper ends of the fiches' ranges: Murat 35 / 1 893 = 1,85 %; Villefort 10 / 604 = 1,66 %
    assert site.site_id == "cocotte_numerique"
    assert share == pytest.approx(35 / 1893)


def _village(population=554, known=0):
    profile = new_profile()
    profile.commune.name, profile.commune.insee_code = "Lagrasse", "11185"
    profile.population.total = population
    profile.carrier.type = "public_agency"
    profile.territory.known_independents = known
    return profile


def test_a_small_village_is_held_to_the_observed_share_of_its_population():
    result = analyse(_village())
    users = result.demand.users
    # 554 × 35 ÷ 1 893 = 10,2: nothing above 10, and the range stays ordered
    assert users.low <= users.central <= users.high <= 10
    assert result.demand.ceiling == pytest.approx(554 * 35 / 1893)
    assert any("1,8 %" in s and "554 habitants" in s for s in result.demand.signals)
    assert "plafonnés" in result.demand.method


def test_people_the_mayor_knows_lift_the_ceiling_but_are_never_multiplied():
    users = analyse(_village(known=30)).demand.users
    assert users.central >= 15  # one in two of the 30 known independents
    few = analyse(_village(known=3)).demand
    # the low figure never assumes more users than the 3 people known
    assert few.users.low <= 3
    assert few.known_floor == 1.5


def test_a_larger_commune_is_not_capped_by_its_population():
    result = analyse(_village(population=5_000))
    assert not any("% de la population" in s for s in result.demand.signals)


def test_the_zone_is_a_road_time_zone_de_chalandise_not_a_bassin_de_vie():
    result = analyse(_village())
    zone = result.demand.zone
    assert zone["minutes"] == 20 and zone["approximate"]
    assert zone["label"] == "zone de chalandise (≈ 20 min)"
    dumped = str(result.to_dict()["demand"]) + result.commune.catchment_source
    assert "bassin de vie" not in dumped.lower()
    assert "20 km" not in dumped


def test_demand_is_shared_with_the_places_already_in_the_zone():
    # Prades: El Quadrat (a study site, a coworking) is in the commune's own zone
    prades = profile_from_site(KB.site("el_quadrat"))
    result = analyse(prades)
    names = [p["name"] for p in result.demand.existing_places]
    assert "El Quadrat" in names and names.count("El Quadrat") == 1
    weight = sum(p["weight"] for p in result.demand.existing_places)
    assert result.demand.share == pytest.approx(1 / (1 + weight), abs=0.001)
    prades.territory.nearby_third_places = 0  # typed: overrides the directory
    alone = analyse(prades)
    assert alone.demand.share == 1
    assert alone.demand.users.central > result.demand.users.central


def test_auterive_s_plus_de_40_is_not_read_as_regular_users():
    ranges = PARAMS("observed_regular_users")
    assert ranges["firmin_pons"] == [2, 20]
    result = analyse(profile_from_site(KB.site("firmin_pons")), directory=False)
    # √(2 × 20) = 6,3 regular users transposed, not the 40 visitors
    assert "Espace Initiative Firmin Pons (Auterive), environ 6 pour" in (
        result.demand.method.replace("\u202f", " "))


def test_a_regular_user_is_defined():
    result = analyse(_village())
    assert result.demand.regular_user_definition.startswith(
        "Un usager régulier vient au moins 1 jour par semaine")


@dataclass
class _Without:
    """The knowledge base with one site removed (leave-one-out)."""

    kb: Any
    left_out: str

    @property
    def sites(self):
        return [s for s in self.kb.sites if s.site_id != self.left_out]

    def site(self, site_id):
        return self.kb.site(site_id)


def _own(site, kb):
    """The site's own profile's demand, its own place left out of its zone."""
    profile = profile_from_site(site)
    matches, _ = match_sites(profile_features(profile, PARAMS), kb.sites, PARAMS)
    base = demand_base(profile, None, DIRECTORY, PARAMS, site.site_id)
    return estimate_demand(profile, matches, kb, base, DIRECTORY, PARAMS)


CALIBRATED = sorted(PARAMS("observed_regular_users"))


@pytest.mark.parametrize("site_id", CALIBRATED)
def test_each_site_s_own_profile_lands_in_its_observed_range(site_id):
    low, high = PARAMS("observed_regular_users")[site_id]
    users = _own(KB.site(site_id), KB).users
    assert low <= users.central <= high
    assert users.low <= users.central <= users.high


def test_leave_one_out_error_is_the_one_quoted_in_the_parameters():
    errors = []
    for site_id in CALIBRATED:
        low, high = PARAMS("observed_regular_users")[site_id]
        central = _own(KB.site(site_id), _Without(KB, site_id)).users.central
        errors.append(abs(math.log(max(central, 0.5) / math.sqrt(low * high))))
    assert len(errors) == 8
    # parameters.json (demand_population_elasticity) quotes 2,2 with the fourth root
    assert math.exp(sum(errors) / len(errors)) == pytest.approx(2.2, abs=0.06)


def test_a_typed_count_below_the_sources_says_what_sharing_would_leave():
    # Saint-Affrique: the profile types 0 places, the 2019 list shows La Terrasse in town;
    # the typed count still decides the sharing, and the note says what the sources imply
    from pathlib import Path

    from reports.profile import read_profile

    profile, _ = read_profile(Path(__file__).parent / "invented" / "existing.tierslieu.json")
    result = analyse(profile)
    assert result.demand.share == 1
    assert any(s.startswith("Nombre de tiers-lieux saisi : 0 ; les sources en recensent")
               for s in result.demand.signals)
    # and the verdict's confidence counts the conflict between the profile and the sources
    assert result.verdict.confidence.level != "high"
    assert "inférieur à celui des sources" in result.verdict.confidence.sentence
