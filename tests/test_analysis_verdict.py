"""Verdict rules: risks, resemblance and whether the running deficit is funded."""

from __future__ import annotations

from pathlib import Path

from reports.analysis import analyse
from reports.analysis.parameters import params_for
from reports.analysis.risks import Found
from reports.analysis.verdict import level_of, running_cover
from reports.knowledge import knowledge
from reports.paths import resource
from reports.profile import read_profile
from reports.result import BreakEven, Finance, Risk

KB = knowledge()
PARAMS = params_for({}, KB.settings)


def _example(name):
    profile, _ = read_profile(Path(str(resource("examples", name))))
    return profile


def _found(*severities):
    return [Found(Risk(f"r{i}", s, "t", "x", "m", ()), "c") for i, s in enumerate(severities)]


def _finance(deficit, reached=False):
    be = BreakEven(0.0, 50.0, 0.0, 0.0, 0.0, reached, "")
    return Finance((), 0.0, (), 0.0, (), be, (), (), 0.0, 0.0, deficit)


def test_levels_follow_the_written_rules():
    assert level_of(_found("high", "high"), 0.9, True, PARAMS) == "not_advised"
    assert level_of(_found("high"), 0.9, True, PARAMS) == "conditional"
    assert level_of(_found("medium", "medium", "low"), 0.6, True, PARAMS) == "favourable"
    assert level_of(_found("medium", "medium", "medium"), 0.9, True, PARAMS) == "conditional"
    assert level_of([], 0.59, True, PARAMS) == "conditional"
    assert level_of([], 0.9, False, PARAMS) == "conditional"  # unfunded running deficit


def test_a_deficit_is_covered_only_by_a_committed_budget_at_least_as_large():
    profile = _example("quillan.tierslieu.json")  # cooperative, commune finances, 30 000 €/an
    assert running_cover(profile, _finance(0.0, reached=True))[0]
    assert running_cover(profile, _finance(30_000.0))[0]
    covered, text = running_cover(profile, _finance(31_080.0))
    assert not covered and "31 080 € par an" in text.replace("\u202f", " ").replace("\xa0", " ")
    assert "30 000 € par an" in text.replace("\u202f", " ").replace("\xa0", " ")
    profile.budget.annual_operating_eur = None
    assert "pas encore inscrit au budget" in running_cover(profile, _finance(100.0))[1]
    profile.budget.annual_operating_eur = 50_000
    profile.carrier.commune_support = "premises"  # a cooperative the commune only houses
    covered, text = running_cover(profile, _finance(100.0))
    assert not covered and "aucun financeur public" in text
    profile.carrier.type = "epci"  # a public carrier funds its own service
    assert running_cover(profile, _finance(100.0))[0]


def test_examples_verdicts_follow_the_funding_of_their_deficit():
    quillan = analyse(_example("quillan.tierslieu.json"))
    # 36 120 € of charges, 8,4 users x 50 € x 12 = 5 040 € in year 1: 31 080 € > 30 000 €
    assert quillan.finance.public_support_per_year_eur == 31_080
    assert quillan.verdict.level == "conditional"
    assert any("31" in c and "par an" in c for c in quillan.verdict.conditions)
    pennautier = analyse(_example("pennautier.tierslieu.json"))
    # the commune carries and finances; 25 000 €/an announced >= its deficit
    assert pennautier.finance.public_support_per_year_eur <= 25_000
    assert pennautier.verdict.level == "favourable"
    assert "couvert par le budget de fonctionnement annoncé" in pennautier.verdict.summary
    assert "verdict_rule" in quillan.method
