"""The overall judgement: level, summary, 3 to 5 conditions, next steps and timeline.

The wording is in resources/analysis/text/verdict.toml; the thresholds in parameters.json.
"""

from __future__ import annotations

from reports.analysis.cover import running_cover
from reports.analysis.parameters import Params
from reports.analysis.risks import Found
from reports.analysis.texts import items, text
from reports.fmt import fmt_number
from reports.profile import Profile
from reports.result import Demand, Finance, SiteMatch, TypologyMatch, Verdict


def verdict_rule(params: Params) -> str:
    """The verdict rule in words (for the note's method), its numbers from ``verdict_rules``."""
    rules = params("verdict_rules")
    score = rules["favourable_min_typology_score"]
    return text("verdict.rule.text", high_risks=fmt_number(rules["not_advised_high_risks"]),
                medium_risks=fmt_number(rules["favourable_max_medium_risks"]),
                min_score=fmt_number(score, 1 if round(score, 1) == score else 2))


def level_of(found: list[Found], best_score: float, covered: bool, params: Params) -> str:
    """Apply the verdict rules of parameters.json (``verdict_rules``)."""
    rules = params("verdict_rules")
    highs = sum(f.risk.severity == "high" for f in found)
    mediums = sum(f.risk.severity == "medium" for f in found)
    if highs >= rules["not_advised_high_risks"]:
        return "not_advised"
    if (highs == 0 and mediums <= rules["favourable_max_medium_risks"]
            and best_score >= rules["favourable_min_typology_score"] and covered):
        return "favourable"
    return "conditional"


def conditions_for(found: list[Found], params: Params) -> tuple[str, ...]:
    """The conditions lifting the most severe risks, completed to at least three, capped."""
    picked = [f.condition for f in found if f.risk.severity != "low"]
    picked += [text(key) for key in items("verdict.conditions.standard")]
    return tuple(dict.fromkeys(picked))[:int(params("verdict_max_conditions"))]


def build_verdict(profile: Profile, found: list[Found], typologies: tuple[TypologyMatch, ...],
                  sites: tuple[SiteMatch, ...], demand: Demand, finance: Finance,
                  funding_names: list[str], params: Params) -> Verdict:
    """Verdict, its explanation and the way forward."""
    best = typologies[0]
    covered, money = running_cover(profile, finance)
    level = level_of(found, best.score, covered, params)
    months = int(params("opening_months"))
    return Verdict(level, text(f"verdict.labels.{level}"),
                   _summary(profile, found, best, sites, demand, money),
                   conditions_for(found, params), _next_steps(funding_names, months),
                   _timeline(months, params("timeline_phases")))


def _summary(profile: Profile, found: list[Found], best: TypologyMatch,
             sites: tuple[SiteMatch, ...], demand: Demand, money: str) -> str:
    """Two or three sentences a council can read aloud."""
    users = demand.users
    closest = ", ".join(text("verdict.summary.site", name=s.name, commune=s.commune)
                        for s in sites[:2])
    summary = text("verdict.summary.text", commune=profile.commune.name, typology=best.name,
                   closest=closest, users=fmt_number(users.central),
                   low=fmt_number(users.low), high=fmt_number(users.high), cover=money)
    highs = [f.risk.title.lower() for f in found if f.risk.severity == "high"]
    if highs:
        summary += text("verdict.summary.blocking", risks=", ".join(highs))
    return summary


def _next_steps(funding_names: list[str], months: int) -> tuple[str, ...]:
    """What to do, in order."""
    funds = (" ; ".join(funding_names[:3]) if funding_names
             else text("verdict.next_steps.funding_default"))
    return (
        text("verdict.next_steps.group"),
        text("verdict.next_steps.test"),
        text("verdict.next_steps.carrier"),
        text("verdict.next_steps.funding", funds=funds),
        text("verdict.next_steps.opening", months=fmt_number(months)),
    )


def _timeline(months: int, phases: dict[str, dict[str, int]]
              ) -> tuple[tuple[str, str], ...]:
    """Month ranges from the commune's agreement to the opening (``timeline_phases``)."""
    a, b, c = (max(phases[name]["minimum_month"], months // phases[name]["divisor"])
               for name in ("group", "choice", "funding"))

    def span(start: int, end: int) -> str:
        return text("verdict.timeline.range", start=start, end=end)

    return (
        (span(1, a), text("verdict.timeline.group")),
        (span(a + 1, b), text("verdict.timeline.choice")),
        (span(b + 1, c), text("verdict.timeline.funding")),
        (span(c + 1, months - 1), text("verdict.timeline.works")),
        (text("verdict.timeline.month", month=months), text("verdict.timeline.opening")),
    )


def funding_names(finance: Finance) -> list[str]:
    """The two or three levers that fit this project, with their status (never a closed one)."""
    from reports.analysis.funding import lever_texts

    return lever_texts(finance.funding, finance.levers)
