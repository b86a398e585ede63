"""What the « fresh eyes » invented communes (tests/invented: Corte, Villeurbanne, Maripasoula,
Montfaucon-Montigné, Rodez) showed in their notes, besides the study's field
(tests/test_study_frame.py), each made into a check that failed before its fix."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reports.analysis import analyse
from reports.consistency import check
from reports.profile import read_profile

INVENTED = Path(__file__).parent / "invented"


def _invented(name):
    return analyse(read_profile(INVENTED / f"{name}.tierslieu.json")[0])


def test_the_impact_sentence_words_the_figures_of_the_cards():
    """Corte: the cards printed 538 h (538,5 rounded) and the sentence 539 heures."""
    corte = _invented("corsica")
    assert check(corte, only=("trips_against_km",)) == []
    impact = corte.impact
    assert f"{impact.hours_saved_per_year:.0f}" in impact.effects[0].replace("\u202f", "")
    off = dataclasses.replace(impact, effects=(impact.effects[0].replace(
        " heures", "1 heures"), *impact.effects[1:]))
    broken = dataclasses.replace(corte, impact=off)
    assert [v.invariant for v in check(broken, only=("trips_against_km",))] == [
        "trips_against_km"]


def test_a_place_of_the_commune_is_not_given_the_distance_of_its_approximate_centre():
    """Corte (149 km²): its centre in the directory lies 6,6 km from the town, and the table
    read « Fablab Corti – Corte – 6,6 km » under « 2 tiers-lieux existent déjà à Corte »."""
    from reports.consistency import note_text

    corte = _invented("corsica")
    rows = [line for line in note_text(corte, ("commune",)).splitlines()
            if line.startswith(("Fablab Corti", "U PALAZZU"))]
    assert len(rows) == 2 and all("dans la commune" in row and " km" not in row
                                  for row in rows)


def test_the_synthesis_names_a_few_places_and_the_table_counts_all_the_others():
    """Villeurbanne: the synthesis named its 14 places in one paragraph, and the table of 8
    ended « Et 2 autres dans un rayon de 30 km » (the summary keeps 10) for 112 places."""
    from reports.consistency import note_text

    urban = _invented("urban")
    here = urban.existing.in_commune
    assert len(here) == 14
    statement = urban.existing.statement
    assert here[0].name in statement and here[-1].name not in statement
    assert "14 tiers-lieux existent déjà" in statement and "et 10 autres" in statement
    text = note_text(urban, ("commune",))
    assert f"Et {len(urban.existing.places) - 8} autres dans un rayon de 30 km" in text
    assert len(urban.existing.places) > 100
