"""Figures moved to parameters.json are read from it: change one, and the analysis follows."""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest

from reports.analysis import analyse
from reports.analysis import parameters as parameters_module
from reports.analysis.parameters import shipped
from reports.fmt import fmt_number
from reports.paths import resource

EXAMPLES = sorted(p.name for p in resource("examples").iterdir()
                  if p.name.endswith(".tierslieu.json"))


def _example(name: str) -> dict:
    return json.loads(resource("examples", name).read_text(encoding="utf-8"))


def _variant(**changes) -> dict:
    """Prades with some fields replaced (``a__b`` reaches a nested field)."""
    d = copy.deepcopy(_example("prades.tierslieu.json"))
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = d
        for name in parents:
            node = node.setdefault(name, {})
        node[last] = value
    return d


SHORT_BUDGET = _variant(budget={"investment_eur": 1000, "annual_operating_eur": 100})
MANY_KNOWN = _variant(territory__known_independents=80, territory__known_teleworkers=40,
                      territory__catchment_population=200)
PROFILES = [_example(name) for name in EXAMPLES] + [SHORT_BUDGET, MANY_KNOWN]


@pytest.fixture
def patch(monkeypatch):
    """Replace the value of shipped parameters for the rest of the test."""
    table, version = shipped()
    patched = dict(table)
    monkeypatch.setattr(parameters_module, "shipped", lambda: (patched, version))

    def apply(key: str, value) -> None:
        assert key in table, key
        patched[key] = dataclasses.replace(table[key], value=value)
    return apply


def _outputs(profiles=PROFILES) -> list[dict]:
    """The results without the method (which lists the values used)."""
    out = []
    for profile in profiles:
        result = analyse(copy.deepcopy(profile), directory=False).to_dict()
        result.pop("method")
        out.append(result)
    return out


def _with(value, **changes):
    value = copy.deepcopy(value)
    for name, new in changes.items():
        value[name] = new
    return value


# key -> a changed value that must change the result of at least one profile
MOVED = {
    "investment_gap_ratio": lambda v: 0.0,
    "operating_gap_ratio": lambda v: 0.0,
    "similarity_degrees": lambda v: {k: 0.0 for k in v},
    "summary_thresholds": lambda v: {"strong": 0.0, "weak": 0.0},
    "known_people_low_share": lambda v: 1.0,
    "high_over_central_min": lambda v: 3.0,
    "reference_weight_floor": lambda v: 1.0,
    "verdict_max_conditions": lambda v: 1,
    "timeline_phases": lambda v: _with(v, group={"divisor": 4, "minimum_month": 1}),
    "surface_step_m2": lambda v: 50,
    "sizing_reference_sites": lambda v: {"closest": 0, "kept": 0},
    "working_days_per_week": lambda v: 4,
    "verdict_rules": lambda v: _with(v, not_advised_high_risks=1),
}


@pytest.mark.parametrize("key", sorted(MOVED))
def test_each_moved_figure_drives_the_result(key, patch):
    before = _outputs()
    patch(key, MOVED[key](shipped()[0][key].value))
    assert _outputs() != before, f"{key} changed in parameters.json but not in the result"


def test_every_moved_figure_is_reported_in_the_method():
    used = analyse(SHORT_BUDGET, directory=False).method["assumptions"]
    assert set(MOVED) - {"known_people_low_share"} <= set(used)


def test_budget_gap_ratio_decides_the_risk(patch):
    ids = lambda: {r.risk_id for r in analyse(SHORT_BUDGET, directory=False).risks}  # noqa: E731
    assert {"investment_gap", "operating_gap"} <= ids()
    patch("investment_gap_ratio", 0.0)
    patch("operating_gap_ratio", 0.0)
    assert not {"investment_gap", "operating_gap"} & ids()


def test_condition_cap_and_timeline_follow_the_file(patch):
    default = analyse(SHORT_BUDGET, directory=False).verdict
    assert len(default.conditions) == 5
    assert default.timeline[0][0] == "Mois 1 à 2"
    patch("verdict_max_conditions", 3)
    patch("timeline_phases", _with(shipped()[0]["timeline_phases"].value,
                                   group={"divisor": 4, "minimum_month": 2}))
    verdict = analyse(SHORT_BUDGET, directory=False).verdict
    assert verdict.conditions == default.conditions[:3]
    assert verdict.timeline[0][0] == "Mois 1 à 3"


def test_verdict_rule_text_takes_its_numbers_from_the_rules(patch):
    rules = shipped()[0]["verdict_rules"].value
    text = analyse(SHORT_BUDGET, directory=False).method["verdict_rule"]
    assert f"au moins {fmt_number(rules['not_advised_high_risks'])} risques élevés" in text
    assert "(score d'au moins 0,6)" in text
    patch("verdict_rules", _with(rules, not_advised_high_risks=3,
                                 favourable_max_medium_risks=4,
                                 favourable_min_typology_score=0.65))
    text = analyse(SHORT_BUDGET, directory=False).method["verdict_rule"]
    assert "au moins 3 risques élevés" in text and "au plus 4 risques moyens" in text
    assert "(score d'au moins 0,65)" in text


def test_known_people_share_is_overridable_in_the_profile():
    # 120 people known x signal_conversion 0.5 = 60 expected users, the central figure
    default = analyse(MANY_KNOWN, directory=False)
    assert default.demand.users.central == 60
    # the low figure keeps the floor the note states: half of the 120 people known (it was
    # half of the central 60, 30, under the « plancher » the note announced)
    assert default.demand.users.low == 60
    profile = _with(MANY_KNOWN, assumptions={"known_people_low_share": 0.75})
    result = analyse(profile, directory=False)
    assert result.demand.users.low == 90  # 75 % of the 120 known; the central follows
    assert result.demand.users.central >= result.demand.users.low
    assert "known_people_low_share" in result.method["overridden"]


def test_surface_is_rounded_to_the_step(patch):
    patch("surface_step_m2", 7)
    surfaces = [analyse(p, directory=False).sizing.surface_m2 for p in PROFILES]
    assert all(s % 7 == 0 for s in surfaces)



def test_the_result_names_the_version_of_the_parameters_file():
    version = json.loads(resource("analysis", "parameters.json").read_text(encoding="utf-8"))[
        "version"]
    assert analyse(SHORT_BUDGET, directory=False).versions["parameters"] == str(version)
