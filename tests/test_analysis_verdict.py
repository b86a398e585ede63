"""Verdict rules: risks, resemblance and whether the running deficit is funded."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.analysis import analyse
from reports.analysis.cover import running_cover
from reports.analysis.parameters import params_for
from reports.analysis.risks import Found
from reports.analysis.verdict import level_of
from reports.fmt import fmt_eur
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
    # Espéraza: a carrier and a room, but no user known, no money and no break-even
    shown = {"carrier": True, "place": True, "demand": False, "funded": False,
             "capacity": False, "no_place_here": True}
    assert level_of(_found("high"), 0.6, False, PARAMS, shown) == "not_advised"
    assert level_of(_found("high"), 0.6, False, PARAMS, {**shown, "demand": True}) == (
        "conditional")


def _plain(text):
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_a_deficit_is_covered_only_by_an_announced_contribution_at_least_as_large():
    profile = _example("pennautier.tierslieu.json")  # the commune carries, 25 000 €/an
    assert running_cover(profile, _finance(0.0, reached=True))[0]
    assert running_cover(profile, _finance(25_000.0))[0]
    covered, text = running_cover(profile, _finance(25_001.0))
    assert not covered and "25 000 € par an" in _plain(text)
    profile.budget.annual_contribution_eur = None
    # the whole running budget (still 25 000 €) is not a contribution
    assert profile.budget.annual_operating_eur == 25_000
    covered, text = running_cover(profile, _finance(100.0))
    assert not covered and "pas encore inscrit à son budget" in text


def test_a_commune_financing_another_carrier_has_not_yet_voted_the_running_support():
    profile = _example("quillan.tierslieu.json")  # cooperative, the commune finances
    covered, text = running_cover(profile, _finance(100.0))
    assert not covered and "reste à chiffrer et à voter" in text
    profile.carrier.commune_support = "premises"
    covered, text = running_cover(profile, _finance(100.0))
    assert not covered and "aucun financeur public" in text
    profile.carrier.type = "epci"  # a public carrier without a contribution: not yet budgeted
    covered, text = running_cover(profile, _finance(100.0))
    assert not covered and "pas encore inscrit à son budget" in text
    profile.budget.annual_contribution_eur = 100  # announced: covers, whoever carries
    assert running_cover(profile, _finance(100.0))[0]
    profile.carrier.type = "cooperative"
    assert running_cover(profile, _finance(100.0))[0]


def test_examples_verdicts_follow_the_funding_of_their_deficit():
    quillan = analyse(_example("quillan.tierslieu.json"))
    deficit = quillan.finance.public_support_per_year_eur
    # year 1: charges minus 60 % of the users served. No closed office: half pay the median
    # 50 € a month, half buy carnets at the median 5 € a day for 0,25 × 5 × 47 = 58,75 days;
    # plus 60 % of the meeting room's 24 days at 80 € HT
    # (a year's users never exceed what the place holds: finance.projection)
    users = min(0.6 * quillan.demand.users.central, quillan.sizing.capacity_users)
    per_user = 0.5 * 50 * 12 + 0.5 * 58.75 * 5
    first_year = users * per_user + 0.6 * 24 * 80
    assert deficit == pytest.approx(quillan.finance.operating_total_eur - first_year, abs=0.02)
    assert deficit > 0 and quillan.verdict.level == "conditional"
    assert any(_plain(fmt_eur(deficit)) in _plain(c) for c in quillan.verdict.conditions)
    pennautier = analyse(_example("pennautier.tierslieu.json"))
    # the commune carries and finances; 25 000 €/an announced >= its deficit, but break-even
    # needs more users than the phase-1 place holds: not favourable (issue #12, verdict)
    assert pennautier.finance.public_support_per_year_eur <= 25_000
    assert pennautier.verdict.basis["funded"] and not pennautier.verdict.basis["capacity"]
    assert pennautier.verdict.level == "conditional"
    assert "couvert par la contribution annuelle annoncée" in pennautier.verdict.summary
    assert "verdict_rule" in quillan.method


def test_a_site_profile_carries_the_running_budget_of_its_fiche():
    from reports.analysis.sites import profile_from_site

    villefort = profile_from_site(KB.site("solozere_villefort"))
    assert villefort.budget.annual_operating_eur == 40_000  # « 40 000€ par an pour tout l'espace »
    assert villefort.budget.annual_contribution_eur == 40_000  # public carrier: public money
    result = analyse(villefort, directory=False)
    assert "couvert par la contribution annuelle annoncée" in result.verdict.summary


def _castanet(**budget):
    """A suburb of Toulouse (invented project): 9 places within 10 km, break-even needs 47
    users where the place holds 7,6, a deficit of about 21 500 € a year for 5 000 € announced."""
    profile, _ = read_profile(Path(__file__).parent / "invented" / "castanet.tierslieu.json")
    for key, value in budget.items():
        setattr(profile.budget, key, value)
    return analyse(profile)


def test_a_deficit_far_beyond_the_contribution_at_a_size_that_cannot_balance_is_not_advised():
    assert level_of([], 0.9, False, PARAMS, far_short=True) == "not_advised"
    result = _castanet()
    f = result.finance
    assert not f.break_even.feasible_at_capacity
    assert f.public_support_per_year_eur >= 2 * 5_000  # « not_advised_deficit_ratio »
    assert result.verdict.level == "not_advised"
    # the risk table and the summary say why, in the same words
    risk = next(r for r in result.risks if r.risk_id == "break_even_capacity")
    assert risk.severity == "high"
    assert "Points bloquants : équilibre impossible à ce tarif et à cette taille" in (
        result.verdict.summary)
    assert result.options.options[0].option_id != "dedicated"
    assert "2 fois la contribution annoncée" in result.method["verdict_rule"]
    # the note does not head a project it advises against with « conditions de réussite »,
    # nor ask again for the carrier and the place the profile declares
    from reports.consistency import note_text

    words = note_text(result, ("summary",))
    assert "Ce qu'il faudrait réunir avant un lieu dédié" in words
    assert "Les conditions de réussite" not in words
    assert not [label for _, label in result.verdict.timeline if "un porteur et un local" in label]
    # and its next step says what would change the verdict: the money, not only the demand
    assert any("contribution annuelle votée à la hauteur du déficit" in step
               for step in result.verdict.next_steps)
    # the method annex prints the rule that decided, and the confidence's
    method = " ".join(note_text(result, ("method",)).split())
    assert "Verdict. Déconseillé en l'état : au moins 2 risques élevés" in method
    assert "d'au moins 2 fois la contribution annoncée" in method
    assert "Confiance : élevée quand au plus 2 données" in method


@pytest.mark.parametrize("contribution", [None, 12_000.0])
def test_a_conditional_verdict_with_an_uncovered_deficit_in_a_crowded_zone_is_not_confident(
        contribution):
    # blank, or more than half the deficit but not all of it: still « sous conditions »
    result = _castanet(annual_contribution_eur=contribution)
    assert result.verdict.level == "conditional"
    confidence = result.verdict.confidence
    assert confidence.level != "high"
    sentence = _plain(confidence.sentence)
    assert "un équilibre impossible à la taille du lieu" in sentence
    assert _plain(fmt_eur(result.finance.public_support_per_year_eur)) in sentence
    places = len(result.demand.existing_places)
    assert places >= 7 and f"{places} tiers-lieux dans la zone de chalandise" in sentence
    # covered by the contribution: that point goes, the crowded zone stays
    covered = _castanet(annual_contribution_eur=30_000.0).verdict.confidence
    assert "équilibre impossible" not in covered.sentence
    assert covered.level != "high" and "zone de chalandise" in covered.sentence


def test_a_deficit_resting_on_the_tool_s_animation_estimate_does_not_turn_the_project_down():
    # Brindas (invented): the commune plans no staff; the municipal model's 28 h of animation
    # « à prévoir » make most of the 24 000 € deficit. « Déconseillé » must rest on the
    # project as declared; the estimate lowers the confidence instead
    profile, _ = read_profile(Path(__file__).parent / "invented" / "suburb.tierslieu.json")
    result = analyse(profile)
    planned = sum(x.amount_eur for x in result.finance.operating if x.planned)
    deficit = result.finance.public_support_per_year_eur
    assert deficit >= 2 * profile.budget.annual_contribution_eur > deficit - planned
    assert result.verdict.level == "conditional"
    assert result.verdict.confidence.level != "high"
    assert "à prévoir" in result.verdict.confidence.sentence


def test_the_crowded_zone_names_the_count_the_demand_was_shared_with():
    # Pennautier types 2 nearby places where the sources find 1: the share (1/3) used the 2
    result = analyse(_example("pennautier.tierslieu.json"))
    assert result.demand.share == pytest.approx(1 / 3, abs=0.001)
    assert "2 tiers-lieux dans la zone de chalandise" in result.verdict.confidence.sentence


def test_a_high_risk_under_a_conditional_verdict_is_to_lift_not_blocking():
    # Rieux-Volvestre (invented): « Favorable sous conditions » then « Points bloquants : un
    # tiers-lieu existe déjà dans la commune » read as two verdicts
    profile, _ = read_profile(Path(__file__).parent / "invented" / "epci.tierslieu.json")
    result = analyse(profile)
    assert result.verdict.level == "conditional"
    assert any(r.severity == "high" for r in result.risks)
    assert "Points bloquants" not in result.verdict.summary
    assert "Points à régler avant tout : double emploi avec le tiers-lieu de la commune" in (
        result.verdict.summary)


def test_a_carrier_and_a_room_alone_are_not_called_favourable():
    """Espéraza (invented: code, building, carrier, investment only) read « Favorable sous
    conditions » with confidence « faible », no user known, 3 to 32 users, a deficit nobody
    covers and no break-even at its size: nothing shows a dedicated place will live yet."""
    from pathlib import Path

    from reports.analysis import analyse
    from reports.profile import read_profile

    profile, _ = read_profile(Path(__file__).parent / "invented" / "minimal.tierslieu.json")
    verdict = analyse(profile).verdict
    assert verdict.level == "not_advised"
    assert "Rien ne montre encore que le lieu vivrait : ni futur usager connu" in verdict.summary
    assert ("relancer l'analyse avec les futurs usagers trouvés, le porteur déclaré (la commune)"
            in verdict.next_steps[-1])
    profile.territory.known_independents = 6  # people known: back to « sous conditions »
    assert analyse(profile).verdict.level == "conditional"
