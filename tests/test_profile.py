"""The commune profile: file format, round trip, validation messages."""

from __future__ import annotations

import copy
import json
import os

import pytest

from reports import profile as pm
from reports.profile import (
    Building,
    Message,
    ProfileWriteError,
    concentration,
    concentration_class,
    new_profile,
    profile_from_dict,
    profile_to_dict,
    read_profile,
    validate_profile,
    write_profile,
)

ISSUE_EXAMPLE = {
    "format": "tierslieu-profile", "version": 2,
    "commune": {"name": "Prades", "insee_code": "66149", "departement": "66", "epci_name": "",
                "epci_population": None},
    "population": {"total": 5835, "age_15_64": 3176, "active_15_64": 2055,
                   "employed_15_64": 1595, "jobs": 2407},
    "territory": {"zau2010": "221", "aav2020_category": None, "aav2020_size": None,
                  "density_level": None, "minutes_to_pole": 40, "catchment_population": None,
                  "known_independents": 10, "known_teleworkers": 2, "existing_networks": "",
                  "nearby_third_places": 0},
    "buildings": [{"name": "Ancienne école", "owner": "commune", "surface_m2": 150,
                   "state": "light_works", "works_cost_eur": 50000, "monthly_rent_eur": 750,
                   "location": "centre_bourg", "fibre": True, "accessible": True,
                   "parking": True}],
    "carrier": {"type": "association", "name": "", "founders": 4, "staff_hours_per_week": 0,
                "commune_support": "premises"},
    "budget": {"investment_eur": 20000, "subsidy_rate": 0.5, "annual_operating_eur": 6000,
               "annual_contribution_eur": None, "opening": "2027-09"},
    "services": ["open_space", "closed_offices", "meeting_room"],
    "notes": "",
}


def _data(**changes):
    """The issue's example with `section.field` changes applied."""
    data = copy.deepcopy(ISSUE_EXAMPLE)
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[last] = value
    return data


def _fields(messages, level="error"):
    return [m.field for m in messages if m.level == level]


def test_issue_example_reads_without_error_and_round_trips_exactly(tmp_path):
    path = tmp_path / "prades.tierslieu.json"
    text = json.dumps(ISSUE_EXAMPLE, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    profile, messages = read_profile(path)
    assert profile is not None
    assert _fields(messages) == []
    assert profile.population.total == 5835
    assert profile.buildings[0].surface_m2 == 150
    assert profile_to_dict(profile) == ISSUE_EXAMPLE
    out = tmp_path / "copie.tierslieu.json"
    write_profile(profile, out)
    assert out.read_text(encoding="utf-8") == text


def test_unknown_fields_are_kept_at_every_level():
    data = _data()
    data["producer"] = {"tool": "autre", "n": 3}
    data["commune"]["mayor"] = "Mme X"
    data["buildings"][0]["floor"] = 1
    data["assumptions"] = {"speed_kmh": 60}
    profile, _ = profile_from_dict(data)
    assert profile.extra == {"producer": {"tool": "autre", "n": 3}}
    assert profile.commune.extra == {"mayor": "Mme X"}
    assert profile_to_dict(profile) == data


def test_population_message_is_exact():
    _, messages = profile_from_dict(_data(population__total=0))
    assert Message("population.total",
                   "La population doit être un nombre entier entre 1 et 2 000 000.",
                   "error") in messages


@pytest.mark.parametrize("value", ["beaucoup", 12.5, True, [1], 3_000_000, -4])
def test_bad_population_values_all_give_the_same_message(value):
    profile, messages = profile_from_dict(_data(population__total=value))
    assert profile is not None
    assert [m.text for m in messages if m.field == "population.total"] == [
        "La population doit être un nombre entier entre 1 et 2 000 000."]


def test_french_number_text_is_read():
    profile, messages = profile_from_dict(_data(population__total="5 835",
                                                budget__investment_eur="20 000,50"))
    assert profile.population.total == 5835
    assert profile.budget.investment_eur == 20000.5
    assert _fields(messages) == []


def test_every_problem_is_reported_at_once():
    data = _data(population__total="abc", territory__zau2010="999", carrier__type="mairie",
                 budget__subsidy_rate=50, budget__opening="septembre")
    data["buildings"][0]["surface_m2"] = -3
    data["services"] = ["open_space", "sauna", "open_space"]
    _, messages = profile_from_dict(data)
    assert set(_fields(messages)) == {
        "population.total", "territory.zau2010", "carrier.type", "budget.subsidy_rate",
        "budget.opening", "buildings.0.surface_m2", "services.1", "services.2"}


@pytest.mark.parametrize("data", [None, 5, "texte", [1, 2]])
def test_non_objects_are_refused_with_a_message(data):
    profile, messages = profile_from_dict(data)
    assert profile is None
    assert messages and messages[0].level == "error"


def test_sections_of_the_wrong_shape_are_errors_not_exceptions():
    profile, messages = profile_from_dict({"commune": "Prades", "population": [5835],
                                           "buildings": {"a": 1}, "services": "open_space"})
    assert profile is not None
    assert {"commune", "population", "buildings", "services"} <= set(_fields(messages))


def test_foreign_format_newer_version_and_bad_json(tmp_path):
    foreign = tmp_path / "a.json"
    foreign.write_text('{"format": "geojson"}', encoding="utf-8")
    newer = tmp_path / "b.json"
    newer.write_text(json.dumps(_data(version=pm.VERSION + 1)), encoding="utf-8")
    broken = tmp_path / "c.json"
    broken.write_text('{"format": "tierslieu-profile",', encoding="utf-8")
    bare = tmp_path / "d.json"
    bare.write_text('{"population": {"total": 5}}', encoding="utf-8")
    binary = tmp_path / "e.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    for path, word in [(foreign, "geojson"), (newer, "plus récente"), (broken, "JSON valide"),
                       (bare, "format"), (binary, "UTF-8"),
                       (tmp_path / "absent.json", "introuvable"), (tmp_path, "dossier")]:
        profile, messages = read_profile(path)
        assert profile is None
        assert word in messages[0].text


def test_no_path_is_a_message():
    assert read_profile(None)[0] is None


def test_older_version_goes_through_the_migrations(monkeypatch):
    def from_v0(data):
        data["population"] = {"total": data.pop("inhabitants")}
        return data

    monkeypatch.setitem(pm._MIGRATIONS, 0, from_v0)
    old = {"format": "tierslieu-profile", "version": 0, "commune": {"name": "Bram"},
           "inhabitants": 3300}
    profile, messages = profile_from_dict(old)
    assert profile.population.total == 3300
    assert _fields(messages) == []
    assert profile_to_dict(profile)["version"] == pm.VERSION == 2


@pytest.mark.parametrize(("carrier", "contribution"), [
    ("commune", 6000), ("epci", 6000), ("public_agency", 6000),
    ("association", None), ("cooperative", None), ("undecided", None)])
def test_version_1_running_budget_becomes_the_contribution_of_a_public_carrier_only(
        carrier, contribution):
    # version 1 had one field, read by the engine as what a public carrier pays each year
    old = _data(carrier__type=carrier)
    old["version"] = 1
    del old["budget"]["annual_contribution_eur"]
    profile, messages = profile_from_dict(old)
    assert _fields(messages) == []
    assert profile.budget.annual_operating_eur == 6000  # the whole budget stays where it was
    assert profile.budget.annual_contribution_eur == contribution
    saved = profile_to_dict(profile)
    assert saved["version"] == 2
    assert saved["budget"]["annual_contribution_eur"] == contribution


def test_a_version_1_file_that_already_names_a_contribution_keeps_it():
    old = _data(carrier__type="commune", budget__annual_contribution_eur=2500)
    old["version"] = 1
    profile, _ = profile_from_dict(old)
    assert profile.budget.annual_contribution_eur == 2500


def test_version_without_migration_is_refused():
    profile, messages = profile_from_dict({"format": "tierslieu-profile", "version": 0})
    assert profile is None
    assert "trop ancien" in messages[0].text


def test_write_is_atomic_and_errors_are_french(tmp_path):
    profile, _ = profile_from_dict(_data())
    target = tmp_path / "p.tierslieu.json"
    target.write_text("ancien contenu", encoding="utf-8")
    write_profile(profile, target)
    assert json.loads(target.read_text(encoding="utf-8"))["commune"]["name"] == "Prades"
    assert os.listdir(tmp_path) == ["p.tierslieu.json"]  # no temporary file left
    with pytest.raises(ProfileWriteError, match="Impossible d'enregistrer"):
        write_profile(profile, tmp_path / "absent" / "p.tierslieu.json")
    profile.notes = float("nan")
    with pytest.raises(ProfileWriteError):
        write_profile(profile, target)


def test_warnings_for_incoherent_combinations():
    data = _data(population__employed_15_64=2100, population__age_15_64=6000)
    data["buildings"][0].update(surface_m2=40, state="heavy_works", works_cost_eur=0)
    _, messages = profile_from_dict(data)
    warned = set(_fields(messages, "warning"))
    assert {"population.employed_15_64", "population.age_15_64",
            "buildings.0.monthly_rent_eur", "buildings.0.surface_m2",
            "buildings.0.works_cost_eur"} <= warned
    assert _fields(messages) == []


def test_jobs_without_employed_residents_is_a_warning():
    _, messages = profile_from_dict(_data(population__employed_15_64=0))
    assert "population.employed_15_64" in _fields(messages, "warning")


def test_rent_on_private_building_is_not_warned():
    data = _data()
    data["buildings"][0]["owner"] = "private"
    _, messages = profile_from_dict(data)
    assert "buildings.0.monthly_rent_eur" not in _fields(messages, "warning")


def test_concentration_is_jobs_per_employed_resident():
    profile, _ = profile_from_dict(_data())
    assert round(concentration(profile.population), 2) == 1.51  # the study's Prades figure
    assert concentration_class(0.24) == "residential"
    assert concentration_class(0.94) == "balanced"
    assert concentration_class(1.15) == "balanced"
    assert concentration_class(1.47) == "employing"
    profile.population.employed_15_64 = 0
    assert concentration(profile.population) is None


def test_concentration_thresholds_are_the_knowledge_base_settings():
    from reports.knowledge import knowledge

    kb = knowledge()
    low = kb.setting("concentration_residential_max")
    high = kb.setting("concentration_employing_min")
    assert pm.concentration_thresholds() == (low, high)
    assert concentration_class(low - 0.01) == "residential"
    assert concentration_class(low) == concentration_class(high) == "balanced"
    assert concentration_class(high + 0.01) == "employing"
    assert concentration_class(1.0, 1.1, 1.3) == "residential"  # the engine's own thresholds win


def test_profile_checks_and_concentration_keep_pandas_away():
    """The wizard imports reports.profile at start-up: no pandas on that path."""
    import subprocess
    import sys

    code = ("import sys; from reports import profile as p; p.validate_profile(p.new_profile()); "
            "p.concentration_class(1.0); print('pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_new_profile_is_incomplete_until_name_and_population():
    profile = new_profile()
    assert set(_fields(validate_profile(profile))) == {"commune.name", "population.total"}
    profile.commune.name = "Bram"
    profile.population.total = 3300
    profile.buildings.append(Building(name="Halle", owner="commune", surface_m2=200))
    assert _fields(validate_profile(profile)) == []


def test_validate_never_raises_on_garbage_in_a_typed_model():
    profile = new_profile()
    profile.population.total = "many"
    profile.services = ["open_space", None]
    profile.assumptions = {"speed_kmh": "vite", "zzz": 3}
    messages = validate_profile(profile)
    assert {"population.total", "services.1", "assumptions.speed_kmh"} <= set(_fields(messages))


def test_code_lists_match_the_documented_vocabulary():
    from reports import codes

    assert codes.codes_of(codes.CARRIER_TYPES) == (
        "association", "commune", "epci", "public_agency", "cooperative", "company", "network",
        "undecided")
    assert codes.codes_of(codes.OWNERS) == ("commune", "epci", "public_other", "private",
                                            "carrier")
    assert codes.codes_of(codes.ZAU2010) == ("111", "112", "120", "211", "212", "221", "222",
                                             "300", "400")
    assert codes.codes_of(codes.AAV2020_CATEGORY) == (11, 12, 13, 20, 30)
    assert codes.codes_of(codes.DENSITY_LEVEL) == tuple(range(1, 8))
    assert codes.label_of(codes.SERVICES, "fablab") == "Fablab ou atelier de fabrication"
    assert codes.label_of(codes.SERVICES, "sauna", "?") == "?"


def test_overseas_collectivity_departement_codes_are_accepted():
    """The directory's 98x codes (Nouvelle-Calédonie, Polynésie…) are valid départements."""
    data = profile_to_dict(new_profile())
    data["commune"].update(name="Nouméa", insee_code="98818", departement="988")
    _, messages = profile_from_dict(data)
    assert not [m for m in messages if m.field == "commune.departement"]
    data["commune"]["departement"] = "999"
    _, messages = profile_from_dict(data)
    assert any(m.field == "commune.departement" for m in messages)


def test_an_invalid_population_does_not_also_raise_coherence_warnings():
    """A negative population is one error, not an error plus a misleading comparison."""
    data = profile_to_dict(new_profile())
    data["commune"]["name"] = "Essai"
    data["population"]["total"] = -5
    _, messages = profile_from_dict(data)
    assert [m.field for m in messages if m.level == "error"] == ["population.total"]
    assert not [m for m in messages if m.field == "territory.known_independents"]
