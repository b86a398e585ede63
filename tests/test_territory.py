"""Territory (issue of December 2026, wterr): what a consultant must be able to sign about where
the commune is — no road km where no road goes (Guyane's interior, islands), funding that applies
in the commune's own territory, and the tiers-lieux already open around it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reports.analysis import analyse
from reports.catchment import parameters
from reports.communes import directory
from reports.consistency import check, note_text
from reports.profile import read_profile

INVENTED = Path(__file__).parent / "invented"


def _invented(name):
    profile, _ = read_profile(INVENTED / f"{name}.tierslieu.json")
    return profile


@pytest.fixture(scope="module")
def maripasoula():
    return analyse(_invented("overseas"))


# --- 1. no road to the coast: Guyane's interior -------------------------------------------


def test_no_commute_is_figured_where_no_road_reaches_the_coast(maripasoula):
    # Maripasoula (no road, plane or pirogue): the 60 minutes typed were turned into
    # 16 156 km of road and 3,2 t of CO₂ avoided a year
    im = maripasoula.impact
    assert not im.quantified
    assert (im.trips_avoided_per_year, im.km_avoided_per_year, im.co2_tonnes_per_year) == (
        0, 0, 0)
    assert "aucune route ne relie Maripasoula au littoral" in im.not_quantified_reason
    assert "60 minutes" in im.not_quantified_reason
    text = note_text(maripasoula, ("impact", "practices"))
    assert "kilomètres évités par an" not in text and "CO₂ évitées" not in text
    assert "aucune route ne relie la commune au littoral" in text  # « sur le trajet »
    assert check(maripasoula, text, only=("no_road_over_sea", "trips_against_km")) == []


def test_no_demand_is_added_for_a_drive_that_cannot_be_made(maripasoula):
    signals = " ".join(maripasoula.demand.signals)
    assert "demande augmentée" not in signals
    assert "Aucune route ne relie Maripasoula au littoral" in signals
    # the same project on the coast (Saint-Laurent-du-Maroni) keeps the long-commute rule
    coast = _invented("overseas")
    coast.commune.insee_code, coast.commune.name = "97311", "Saint-Laurent-du-Maroni"
    assert any("demande augmentée" in s for s in analyse(coast).demand.signals)


def test_the_road_invariant_catches_road_km_in_guyanes_interior(maripasoula):
    driven = dataclasses.replace(maripasoula, impact=dataclasses.replace(
        maripasoula.impact, quantified=True, trips_avoided_per_year=176.0,
        km_avoided_per_year=16156.0, co2_tonnes_per_year=3.2, not_quantified_reason=""))
    found = check(driven, "16 156 kilomètres évités par an",
                  only=("no_road_over_sea",))
    assert found and {v.invariant for v in found} == {"no_road_over_sea"}
    assert len(found) >= 3  # figured, reason unsaid, km in the text


def test_the_zone_says_it_stops_where_the_road_stops(maripasoula):
    zone = maripasoula.demand.zone
    assert zone["communes"] == 1
    text = note_text(maripasoula, ("commune",))
    assert "aucune route ne relie Maripasoula au littoral" in text


def test_roadless_and_island_communes_stay_out_of_their_neighbours_zones():
    book = directory()
    assert [c.insee_code for c in book.catchment("97353", 25).communes] == ["97353"]
    # Petite-Terre (Dzaoudzi, Pamandzi) is across the sea from Mamoudzou, 7 km away
    mamoudzou = {c.insee_code for c in book.catchment("97611", 25).communes}
    assert "97611" in mamoudzou and not mamoudzou & {"97608", "97615"}
    assert {c.insee_code for c in book.catchment("97615", 25).communes} <= {"97608", "97615"}
    # Marie-Galante's three communes share their island, not Guadeloupe's
    grand_bourg = {c.insee_code for c in book.catchment("97112", 25).communes}
    assert grand_bourg <= {"97108", "97112", "97126"}
    # Apatou has had its road to Saint-Laurent since 2010: on the network
    assert "97360" not in parameters().roadless_of
