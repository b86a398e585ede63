"""Where the commune stands against the study's field (reports.analysis.frame), read on the
invented communes of the « fresh eyes » pass: a commune of Guyane, a commune déléguée, a dense
urban core. Each note must say what the ten rural sites of 2017 do not cover, before any
figure transposed from them, and not be more confident than that."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reports.analysis import analyse
from reports.consistency import check, note_text
from reports.profile import read_profile

INVENTED = Path(__file__).parent / "invented"


@pytest.fixture(scope="module")
def notes():
    out = {}
    for name in ("overseas", "merged", "urban", "corsica", "network"):
        result = analyse(read_profile(INVENTED / f"{name}.tierslieu.json")[0])
        out[name] = (result, note_text(result, ("summary", "commune", "model")))
    return out


def test_an_overseas_commune_is_told_the_sites_and_defaults_are_metropolitan(notes):
    result, text = notes["overseas"]  # Maripasoula (973)
    assert "outre-mer" in result.commune.frame[0] and "Guyane" in result.commune.frame[0]
    summary = text.split("2. La commune")[0]
    assert "Hors du champ de l'étude" in summary and "métropole" in summary
    assert result.verdict.confidence.level != "high"


def test_a_commune_deleguee_says_whose_figures_the_note_uses(notes):
    result, text = notes["merged"]  # Montfaucon-Montigné 49206, in Sèvremoine 49301
    assert result.commune.part_of == "Sèvremoine"
    assert result.commune.population > 20_000  # Sèvremoine's, not the former commune's
    said = " ".join(result.commune.frame)
    assert "commune déléguée de Sèvremoine" in said and "Sèvremoine entière" in said
    assert result.commune.frame[0] in text


def test_an_urban_core_is_told_the_study_is_rural(notes):
    result, _ = notes["urban"]  # Villeurbanne, 163 684 inhabitants
    said = " ".join(result.commune.frame)
    assert "grands centres urbains" in said and "tiers-lieux ruraux" in said
    assert "compte plus de 2 fois la population de la plus peuplée des communes" in said
    assert "extrapolation" in said
    assert result.verdict.confidence.level != "high"


def test_a_rural_town_within_the_sites_range_gets_no_frame(notes):
    for name in ("corsica", "network"):  # Corte 7 819, Rodez 23 981 (Muret has 24 725)
        assert notes[name][0].commune.frame == ()
        assert "Hors du champ de l'étude" not in notes[name][1]


def test_a_model_is_never_closer_than_its_closest_site_on_population(notes):
    """Villeurbanne: Auterive (9 252 inhabitants) was capped at 50 % for population, yet the
    municipal model built on it read 68 % with « tailles très différentes » at 50 %."""
    result, _ = notes["urban"]
    municipal = next(t for t in result.typologies if t.typology_id == "municipal_coworking")
    population = next(c for c in municipal.contributions if c.criterion == "population")
    assert population.decisive and population.similarity < 0.05
    assert municipal.score <= 0.5
    assert check(result, only=("model_within_its_sites",)) == []


def test_the_guard_catches_a_frame_left_unsaid(notes):
    result, _ = notes["overseas"]
    silent = dataclasses.replace(result, commune=dataclasses.replace(result.commune, frame=()))
    assert [v.invariant for v in check(silent, only=("study_field_stated",))] == [
        "study_field_stated"]
    confident = dataclasses.replace(result, verdict=dataclasses.replace(
        result.verdict, confidence=dataclasses.replace(result.verdict.confidence,
                                                       level="high")))
    assert check(confident, only=("study_field_stated",))
    urban, _ = notes["urban"]
    municipal = next(i for i, t in enumerate(urban.typologies)
                     if t.typology_id == "municipal_coworking")
    model = urban.typologies[municipal]
    loose = tuple(dataclasses.replace(c, decisive=False) for c in model.contributions)
    typologies = list(urban.typologies)
    typologies[municipal] = dataclasses.replace(model, contributions=loose)
    broken = dataclasses.replace(urban, typologies=tuple(typologies))
    assert [v.invariant for v in check(broken, only=("model_within_its_sites",))] == [
        "model_within_its_sites"]
