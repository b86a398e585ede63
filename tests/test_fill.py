"""Filling a profile's empty figures from the communes directory, with their sources."""

from __future__ import annotations

import json

import pytest

from reports.analysis import analyse
from reports.batch.prepare import directory_lookup, fill_commune
from reports.cli import main
from reports.communes import directory
from reports.fill import directory_values, fill_profile, fillable_fields
from reports.profile import new_profile, profile_from_dict

MINIMAL = {  # the commune's code, a building, a carrier and a budget: nothing else
    "format": "tierslieu-profile", "version": 1,
    "commune": {"insee_code": "11049"},
    "buildings": [{"name": "Ancienne poste", "owner": "commune", "surface_m2": 120,
                   "state": "light_works"}],
    "carrier": {"type": "association"},
    "budget": {"investment_eur": 80000, "annual_operating_eur": 15000},
}


@pytest.fixture
def minimal_file(tmp_path):
    path = tmp_path / "bram.tierslieu.json"
    path.write_text(json.dumps(MINIMAL), encoding="utf-8")
    return path


def test_minimal_profile_gives_a_complete_analysis():
    """Bram from its code alone: identity, population, census figures, ZAU, concentration."""
    result = analyse(dict(MINIMAL))
    commune = result.commune
    assert (commune.name, commune.departement, commune.territory_code) == ("Bram", "11", "300")
    assert commune.population == directory().by_insee("11049").population
    assert commune.concentration == pytest.approx(1349 / 1052, abs=0.01)
    assert not commune.territory_approximate  # the real ZAU 2010 category, not a guess
    assert commune.sources["population.jobs"] == "recensement 2018 (INSEE)"
    assert set(commune.sources) == set(fillable_fields())
    pop = result.profile["population"]
    assert (pop["employed_15_64"], pop["jobs"]) == (1052, 1349)
    assert result.verdict.label and result.sizing.workstations > 0
    assert result.finance.investment_total_eur > 0


def test_the_caller_s_profile_is_not_changed():
    """analyse fills a copy."""
    data = json.loads(json.dumps(MINIMAL))
    analyse(data)
    assert data == MINIMAL
    profile, _ = profile_from_dict({**MINIMAL, "commune": {"insee_code": "11049",
                                                           "name": "Bram"},
                                    "population": {"total": 3200}})
    analyse(profile)
    assert profile.population.jobs is None


def test_entered_values_are_kept_and_not_credited_to_the_directory():
    """A figure the user typed stays, and is not listed among the directory's."""
    data = {**MINIMAL, "population": {"jobs": 1500}, "territory": {"zau2010": "222"}}
    result = analyse(data)
    assert result.profile["population"]["jobs"] == 1500
    assert result.commune.territory_code == "222"
    assert "population.jobs" not in result.commune.sources
    assert "territory.zau2010" not in result.commune.sources
    assert result.commune.sources["population.employed_15_64"] == "recensement 2018 (INSEE)"


def test_an_edit_after_filling_drops_the_source():
    """Filled, saved, edited, filled again: the edited field is the user's."""
    profile = new_profile()
    profile.commune.insee_code = "66149"
    first = fill_profile(profile)
    assert profile.population.jobs == 2967 and "population.jobs" in first
    assert profile.commune.extra["sources"]["population.jobs"] == "recensement 2018 (INSEE)"
    profile.population.jobs = 3100
    again = fill_profile(profile)
    assert "population.jobs" not in again and "population.employed_15_64" in again
    assert "population.jobs" not in profile.commune.extra["sources"]


def test_without_code_or_with_an_unknown_code_nothing_is_filled():
    """No code, or one the directory does not know: the profile is left as it is."""
    profile = new_profile()
    assert fill_profile(profile) == {}
    profile.commune.insee_code = "99999"
    assert fill_profile(profile) == {} and profile.population.total is None


def test_directory_values_for_the_wizard_prefill():
    """Path → (value, source) for a commune; AAV category as the profile's number."""
    values = directory_values(directory().by_insee("66149"))
    assert values["population.employed_15_64"] == (1619, "recensement 2018 (INSEE)")
    assert values["territory.aav2020_category"][0] == 11
    assert values["territory.density_level"][0] == 3


def test_analyse_command_fills_and_says_so(minimal_file, capsys):
    """`analyse` accepts the reduced profile and prints commune.sources."""
    assert main(["analyse", str(minimal_file)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["commune"]["name"] == "Bram"
    assert out["commune"]["sources"]["territory.zau2010"].startswith("zonage en aires urbaines")


def test_analyse_command_without_directory_still_refuses_it(minimal_file, capsys):
    """--sans-annuaire: nothing filled, so the missing name and population are errors."""
    assert main(["analyse", str(minimal_file), "--sans-annuaire"]) == 2
    assert "commune.name" in capsys.readouterr().err


def test_note_command_names_the_filled_figures(minimal_file, tmp_path, capsys):
    """The note says which figures came from the directory, with their vintage."""
    from pypdf import PdfReader

    out = tmp_path / "bram.pdf"
    assert main(["note", str(minimal_file), "-o", str(out)]) == 0
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    assert ("Repris de l'annuaire des communes, faute de saisie, par source et millésime : "
            "annuaire des communes (COG 2026) : commune, département") in text
    assert "recensement 2018 (INSEE) : population de 15 à 64 ans" in text  # beside the table


def test_batch_row_is_filled_with_census_and_territory():
    """A batch row with a code only gets the census figures and classifications too."""
    data = {"commune": {"insee_code": "31395"}, "population": {}, "territory": {}}
    assert fill_commune(data, directory_lookup()) == []
    assert data["commune"]["name"] == "Muret"
    assert (data["population"]["employed_15_64"], data["population"]["jobs"]) == (9658, 12734)
    assert (data["territory"]["zau2010"], data["territory"]["density_level"]) == ("111", 2)
    assert "population.jobs" in data["commune"]["sources"]
    profile, messages = profile_from_dict({"format": "tierslieu-profile", **data})
    assert profile is not None and not [m for m in messages if m.level == "error"]


def test_an_unreadable_typed_value_is_not_replaced(tmp_path, capsys):
    """« beaucoup » typed as the population: the error is shown, nothing filled over it."""
    path = tmp_path / "bad.tierslieu.json"
    path.write_text(json.dumps({**MINIMAL, "population": {"total": "beaucoup"}}),
                    encoding="utf-8")
    assert main(["analyse", str(path)]) == 2
    assert "La population doit être un nombre entier" in capsys.readouterr().err
