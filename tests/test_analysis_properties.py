"""Property tests: any valid profile gives a complete result; anything else gives messages."""

from __future__ import annotations

import copy
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports import codes
from reports.analysis import InvalidProfileError, analyse
from reports.profile import errors_in, override_bounds, profile_from_dict, profile_to_dict

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _opt(strategy):
    return st.none() | strategy


def _codes(table):
    return st.sampled_from(codes.codes_of(table))


_name = st.text(alphabet="abcdéèçôï -'ABCÉ", min_size=1, max_size=40).filter(str.strip)
_money = st.integers(0, 10_000_000) | st.floats(0, 10_000_000, allow_nan=False)

BUILDING = st.fixed_dictionaries({
    "name": st.text(max_size=30), "owner": _opt(_codes(codes.OWNERS)),
    "surface_m2": _opt(st.floats(1, 10_000)), "state": _opt(_codes(codes.BUILDING_STATES)),
    "works_cost_eur": _opt(_money), "monthly_rent_eur": _opt(st.integers(0, 100_000)),
    "location": _opt(_codes(codes.LOCATIONS)), "fibre": _opt(st.booleans()),
    "accessible": _opt(st.booleans()), "parking": _opt(st.booleans()),
})
BOUNDS = override_bounds()
OVERRIDES = st.lists(st.sampled_from(sorted(BOUNDS)), unique=True, max_size=4).flatmap(
    lambda keys: st.fixed_dictionaries({k: st.floats(*BOUNDS[k]) for k in keys}))

VALID = st.fixed_dictionaries({
    "format": st.just("tierslieu-profile"), "version": st.just(2),
    "commune": st.fixed_dictionaries({
        "name": _name, "insee_code": st.sampled_from(["", "66149", "2A004", "48198", "99999"]),
        "departement": st.sampled_from(["", "66", "2A", "974"]),
        "epci_name": st.text(max_size=30), "epci_population": _opt(st.integers(1, 10_000_000))}),
    "population": st.fixed_dictionaries({
        "total": st.integers(1, 2_000_000), "age_15_64": _opt(st.integers(0, 2_000_000)),
        "active_15_64": _opt(st.integers(0, 2_000_000)),
        "employed_15_64": _opt(st.integers(0, 2_000_000)),
        "jobs": _opt(st.integers(0, 2_000_000))}),
    "territory": st.fixed_dictionaries({
        "zau2010": _opt(_codes(codes.ZAU2010)),
        "aav2020_category": _opt(_codes(codes.AAV2020_CATEGORY)),
        "aav2020_size": _opt(_codes(codes.AAV2020_SIZE)),
        "density_level": _opt(_codes(codes.DENSITY_LEVEL)),
        "minutes_to_pole": _opt(st.floats(0, 240)),
        "catchment_population": _opt(st.integers(1, 5_000_000)),
        "known_independents": _opt(st.integers(0, 5000)),
        "known_teleworkers": _opt(st.integers(0, 5000)),
        "existing_networks": st.text(max_size=40),
        "nearby_third_places": _opt(st.integers(0, 50))}),
    "buildings": st.lists(BUILDING, max_size=3),
    "carrier": st.fixed_dictionaries({
        "type": _codes(codes.CARRIER_TYPES), "name": st.text(max_size=30),
        "founders": _opt(st.integers(0, 1000)),
        "staff_hours_per_week": _opt(st.floats(0, 200)),
        "commune_support": _codes(codes.COMMUNE_SUPPORT)}),
    "budget": st.fixed_dictionaries({
        "investment_eur": _opt(_money), "subsidy_rate": _opt(st.floats(0, 1)),
        "annual_operating_eur": _opt(st.integers(0, 2_000_000)),
        "annual_contribution_eur": _opt(st.integers(0, 2_000_000)),
        "opening": st.sampled_from(["", "2027-09", "2030-01-15"])}),
    "services": st.lists(_codes(codes.SERVICES), unique=True, max_size=7),
    "notes": st.text(max_size=50),
    "assumptions": _opt(OVERRIDES),
})


@SETTINGS
@given(VALID)
def test_any_valid_profile_gives_a_complete_result(data):
    profile, messages = profile_from_dict(data)
    assert profile is not None and not errors_in(messages), messages
    result = analyse(profile, directory=False)
    out = result.to_dict()
    json.dumps(out, allow_nan=False)
    assert out["verdict"]["level"] in ("favourable", "conditional", "not_advised")
    assert 3 <= len(out["verdict"]["conditions"]) <= 5
    assert out["sites"] and out["typologies"]
    users = result.demand.users
    assert 0 <= users.low <= users.central <= users.high
    assert result.sizing.surface_m2 >= 0
    assert len(result.finance.projection) == 3
    _holds_issue_12_invariants(profile, result)


def _holds_issue_12_invariants(profile, result):
    """Ceilings, phases, break-even against capacity, staff « à prévoir », impact."""
    demand, sizing, finance = result.demand, result.sizing, result.finance
    if demand.ceiling is not None:  # known people may lift the centre, never the range above it
        assert demand.users.high <= max(math.floor(demand.ceiling), demand.users.central)
    people = (profile.territory.known_independents or 0) + (profile.territory.known_teleworkers
                                                           or 0)
    if people:
        assert demand.users.low <= max(people, demand.known_floor)
    assert sizing.phase1_workstations <= sizing.workstations
    assert sizing.phase1_closed_offices <= sizing.closed_offices
    be = finance.break_even
    if be.feasible_at_capacity:
        assert be.users_needed is not None and be.users_needed <= be.capacity_users + 1e-9
    assert all(y.users <= sizing.capacity_users + 0.05 for y in finance.projection)
    if profile.carrier.staff_hours_per_week:
        assert not any(line.planned for line in finance.operating)
    assert len(finance.sensitivity.lines) == 5
    impact = result.impact
    if impact.quantified:
        assert impact.minutes_saved_per_trip > 0
    else:
        assert impact.trips_avoided_per_year == impact.km_avoided_per_year == 0


@SETTINGS
@given(VALID)
def test_valid_profiles_round_trip_exactly(data):
    profile, _ = profile_from_dict(data)
    expected = copy.deepcopy(data)
    if expected["assumptions"] is None:
        del expected["assumptions"]
    assert profile_to_dict(profile) == expected
    assert profile_from_dict(profile_to_dict(profile))[0] == profile


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20)
FIELDS = ["commune", "population", "territory", "buildings", "carrier", "budget", "services",
          "notes", "assumptions", "version", "format"]


@SETTINGS
@given(VALID, st.sampled_from(FIELDS), JSON)
def test_garbage_anywhere_gives_messages_never_an_exception(data, field, garbage):
    data = dict(data)
    data[field] = garbage
    profile, messages = profile_from_dict(data)
    assert all(m.text and m.level in ("error", "warning") for m in messages)
    if profile is None or errors_in(messages):
        assert errors_in(messages)
        with pytest.raises(InvalidProfileError) as caught:
            analyse(data, directory=False)
        assert caught.value.messages
    else:
        analyse(profile, directory=False)


@SETTINGS
@given(JSON)
def test_any_json_value_is_read_without_exception(value):
    profile, messages = profile_from_dict(value)
    if profile is None:
        assert errors_in(messages)
