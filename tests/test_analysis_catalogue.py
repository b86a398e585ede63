"""The engine's text catalogue: every key the code reads exists, none is unused, and every
placeholder is filled when the analysis runs over the examples, the study sites and edge cases."""

from __future__ import annotations

import ast
import copy
import json
import re
from pathlib import Path

import pytest

from reports.analysis import analyse, texts
from reports.analysis.sites import profile_from_site
from reports.knowledge import knowledge
from reports.paths import resource

ENGINE = Path(__file__).resolve().parents[1] / "reports" / "analysis"
KEY_LIKE = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)*\.?$")
EXAMPLES = sorted(p.name for p in resource("examples").iterdir()
                  if p.name.endswith(".tierslieu.json"))


def _example(name: str) -> dict:
    return json.loads(resource("examples", name).read_text(encoding="utf-8"))


def _edge_profiles() -> list[dict]:
    """Profiles reaching the rarer sentences: no building, undecided or public carrier, etc."""
    base = _example("prades.tierslieu.json")

    def variant(**changes) -> dict:
        d = copy.deepcopy(base)
        for path, value in changes.items():
            *parents, last = path.split("__")
            node = d
            for name in parents:
                node = node.setdefault(name, {})
            if value is None:
                node.pop(last, None)
            else:
                node[last] = value
        return d

    poor_building = [{"name": "Grange", "owner": "private", "surface_m2": 2000,
                      "state": "heavy_works", "fibre": False, "accessible": False}]
    return [
        variant(buildings=[]),
        variant(carrier={"type": "undecided"}, buildings=[], services=[], budget={}),
        variant(population__total=2_000_000),
        variant(population={"total": 60}, territory__catchment_population=60,
                territory__known_independents=None, territory__known_teleworkers=None,
                commune__insee_code=""),
        variant(carrier={"type": "association"}, buildings=poor_building,
                territory__nearby_third_places=1, services=["open_space"],
                budget={"investment_eur": 1000, "annual_operating_eur": 100}),
        variant(carrier={"type": "company"}, territory__nearby_third_places=4),
        variant(carrier={"type": "network"}, services=["open_space", "fablab", "meeting_room"],
                assumptions={"demand_population_elasticity": 0.5,
                             "cleaning_hours_per_week": 2.5},
                territory__minutes_to_pole=10, territory__existing_networks="Club"),
        variant(carrier={"type": "commune", "commune_support": "both",
                         "staff_hours_per_week": 17.5},
                assumptions={"demand_population_elasticity": 0.4},
                budget__annual_operating_eur=1),
        variant(carrier={"type": "commune", "founders": 3},
                budget__annual_operating_eur=1_900_000),
        variant(carrier={"type": "epci", "commune_support": "funding"},
                budget__annual_operating_eur=None),
        variant(carrier={"type": "association", "commune_support": "funding", "founders": 0},
                territory__known_independents=1, territory__known_teleworkers=0),
    ]


def _profiles() -> list:
    profiles = [_example(name) for name in EXAMPLES] + _edge_profiles()
    return profiles + [profile_from_site(site) for site in knowledge().sites]


def test_the_analysis_fills_every_placeholder_in_strict_mode():
    with texts.strict() as used:
        for profile in _profiles():
            analyse(profile, directory=False)
    assert used, "the strict run read no text at all"


def _literals() -> list[tuple[str, str]]:
    """Every key-like string literal of the engine (f-strings: their leading constant)."""
    stems = {key.split(".")[0] for key in texts.catalogue()}
    found = []
    for path in sorted(ENGINE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and KEY_LIKE.match(node.value) and "." in node.value
                    and node.value.split(".")[0] in stems):
                found.append((path.name, node.value))
    # lists of keys kept in the catalogue itself (the verdict's standard conditions)
    for key, value in texts.catalogue().items():
        if isinstance(value, tuple):
            found += [(key, v) for v in value if isinstance(v, str) and KEY_LIKE.match(v)
                      and "." in v and v.split(".")[0] in stems]
    return found


def _covered(literal: str, keys: set[str]) -> set[str]:
    """Keys a literal reads: itself, or all keys under it (a table, a risk, an f-string)."""
    prefix = literal if literal.endswith(".") else literal + "."
    return {literal} & keys | {k for k in keys if k.startswith(prefix)}


def test_every_key_the_code_reads_exists():
    keys = set(texts.catalogue())
    missing = [(where, lit) for where, lit in _literals() if not _covered(lit, keys)]
    assert missing == []


def test_the_catalogue_has_no_unused_key():
    keys = set(texts.catalogue())
    used = set().union(*(_covered(lit, keys) for _, lit in _literals()))
    assert sorted(keys - used) == []


def test_catalogue_templates_are_well_formed():
    for key, value in texts.catalogue().items():
        strings = value if isinstance(value, tuple) else (value,)
        for template in strings:
            assert isinstance(template, str), key
            texts.placeholders(template)  # raises on an unbalanced brace


def test_a_missing_key_or_placeholder_fails_loudly():
    with pytest.raises(texts.CatalogueError, match=r"risks\.nope"):
        texts.text("risks.nope")
    with pytest.raises(texts.CatalogueError, match="users"):
        texts.text("risks.thin_catchment.text", threshold="10")
    with pytest.raises(texts.CatalogueError):
        texts.table("criteria.nope")


def test_strict_mode_rejects_a_value_the_sentence_does_not_use():
    assert texts.text("risks.no_fibre.title", extra="x") == "Pas de fibre optique"
    with texts.strict(), pytest.raises(texts.CatalogueError, match="extra"):
        texts.text("risks.no_fibre.title", extra="x")


def test_every_risk_has_exactly_the_parts_the_engine_reads():
    # a risk table is read as a whole, so a stray entry in it would not show as unused
    parts: dict[str, set[str]] = {}
    for key in texts.catalogue():
        if key.startswith("risks."):
            _, risk, part = key.split(".")
            parts.setdefault(risk, set()).add(part)
    base = {"title", "text", "mitigation", "condition", "sites"}
    assert {r: p for r, p in parts.items()
            if p - {"text_one", "text_free", "title_many", "condition_many",
                    "condition_private", "mitigation_private", "sites_private",
                    "mitigation_fablab"} != base} == {}
    assert [r for r, p in parts.items() if "text_one" in p] == ["competition"]
    # a short investment drops the fablab only where the project has one
    assert [r for r, p in parts.items() if "mitigation_fablab" in p] == ["investment_gap"]
    # several places in the commune: « Des tiers-lieux existent déjà », never « Un … » and a list
    assert [r for r, p in parts.items() if {"title_many", "condition_many"} <= p] == [
        "existing_here", "existing_check"]
    # a company or a network votes no subsidy: its deficit is its own to bear
    assert [r for r, p in parts.items() if {"condition_private", "mitigation_private",
                                             "sites_private"} <= p] == [
        "profitability", "break_even_capacity"]


def test_a_risk_keeps_its_cited_sites_beside_its_text():
    sites = {s.site_id for s in knowledge().sites}
    for key, value in texts.catalogue().items():
        if key.startswith("risks.") and key.endswith((".sites", ".sites_private")):
            assert set(value) <= sites, key


def test_counted_nouns_agree():
    assert texts.counted(1, "common.nouns.third_place") == "1 tiers-lieu"
    assert texts.counted(3, "common.nouns.third_place") == "3 tiers-lieux"
    assert texts.counted(2, "common.nouns.regular_user") == "2 usagers réguliers"
