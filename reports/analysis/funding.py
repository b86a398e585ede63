"""The funding plan tailored to this project: programmes that fit the carrier (or the public
owner of the building), the commune's size and the project's needs, ranked; the two or three
levers for « Prochaines étapes »; the study's closed programmes kept as history.

Every line carries the programme's status, the date its facts were checked and its source
(resources/knowledge/programmes.csv). Overseas, in Corsica and in a Region with its own scheme,
each programme is taken as resources/knowledge/programme_territories.csv says it applies there:
its own name, size limit, terms, source and date; not offered where it does not apply (said
once); a regional programme never outside its Region; « non vérifiée » said where nobody
checked it. The wording is in resources/analysis/text/funding.toml.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from reports.analysis.conditions import evaluate, holds_all
from reports.analysis.features import Features
from reports.analysis.frame import OVERSEAS_PREFIXES
from reports.analysis.sizing import main_buildings
from reports.analysis.texts import text
from reports.fmt import fmt_date, fmt_number
from reports.knowledge.records import ProgrammeTerritory
from reports.profile import Profile
from reports.result import FundingLine

NEEDS = ("engineering", "investment", "operation")  # order of the levers: a study comes first
STATUS_WEIGHT = {"open": 2.0, "to_check": 1.0}
PUBLIC = ("commune", "epci")
MAX_LEVERS = 3
UNVERIFIED_PENALTY = 2.0  # a programme nobody checked in this territory comes after the others
CORSICA = ("2A", "2B")


@dataclass(frozen=True)
class Needs:
    """What the project needs money or help for."""

    investment: bool  # works or equipment to pay
    operation: bool  # a running deficit or paid staff
    engineering: bool = True  # a feasibility-stage project always needs help to build it

    def of(self, pays: tuple[str, ...]) -> tuple[str, ...]:
        """The needs, in lever order, that a programme paying for `pays` covers."""
        return tuple(n for n in NEEDS if n in pays and getattr(self, n))


@dataclass(frozen=True)
class FundingPlan:
    """The tailored lines, the people-contract rules, the history and the chosen levers."""

    lines: tuple[FundingLine, ...]  # best first; never a closed programme
    people: tuple[FundingLine, ...]  # contracts paying people, with their rules (PEC…)
    history: tuple[FundingLine, ...]  # closed programmes (the study's, and the 2026 merger)
    levers: tuple[str, ...]  # programme ids for the next steps (2 or 3, open first)
    checked_on: str | None  # latest checking date of the programmes file
    not_here: tuple[FundingLine, ...] = ()  # would fit, but do not apply in this territory
    territory_checked_on: str | None = None  # latest date of the territory rows used here


def needs_of(investment_eur: float, running_gap_eur: float, profile: Profile) -> Needs:
    """The project's needs from its budget."""
    staffed = bool(profile.carrier.staff_hours_per_week)
    desk = "public_services" in profile.services  # a public-services desk needs paid staff
    return Needs(investment=investment_eur > 0,
                 operation=running_gap_eur > 0 or staffed or desk)


def build_funding(profile: Profile, me: Features, kb: Any, needs: Needs) -> FundingPlan:
    """Pick, rank and explain the programmes for this project, as they apply where it is."""
    lines, people, history, not_here, dates = [], [], [], [], []
    departement = departement_of(profile)
    for national in kb.programmes:
        prog, rule = localise(national, kb, departement)
        if rule is not None and rule.checked_on and national.status != "closed":
            dates.append(rule.checked_on)
        if prog is None and (rule is None or national.status == "closed"):
            continue  # another Region's programme, or a closed one that never applied here
        if national.status == "closed":
            history.append(_line(prog, kb, text("funding.fit.history"), 0.0))
            continue
        found = _applicant(national, profile, needs)
        if found is None or not _size_fits(prog or national, profile, found[0]) \
                or not _conditions_hold(national, profile, me):
            continue
        who, allowed = found
        if prog is None:  # it would fit, but does not apply here: said once, with why
            not_here.append(_line(national, kb, "", 0.0, who, territory=_said(rule),
                                  rule=rule))
            continue
        if prog.target == "people":
            people.append(_line(prog, kb, text("funding.fit.people"), 0.0, who,
                                territory=_said(rule), rule=rule))
            continue
        covered = tuple(n for n in needs.of(prog.pays) if n in allowed)
        if not covered:
            continue
        score = STATUS_WEIGHT.get(prog.status, 0) + len(covered) + (
            0.5 if prog.population_max is not None else 0) - (
            UNVERIFIED_PENALTY if rule is not None and rule.applies == "unverified" else 0)
        lines.append(_line(prog, kb, _fit(prog, profile, covered, who), score, who, covered,
                           territory=_said(rule), rule=rule))
    # checked here before not checked here, open before to check, public aid before loans
    # and advice bodies, then the score
    lines.sort(key=lambda f: (f.applies_here == "unverified", -STATUS_WEIGHT.get(f.status, 0),
                              f.kind == "other", -f.rank_score, f.name))
    return FundingPlan(tuple(lines), tuple(people), tuple(history),
                       choose_levers(lines, needs), kb.programmes_checked_on, tuple(not_here),
                       max(dates, default=None))


def departement_of(profile: Profile) -> str:
    """The commune's département code (typed or filled; else read from its INSEE code)."""
    if profile.commune.departement:
        return profile.commune.departement
    code = profile.commune.insee_code or ""
    return code[:3] if code.startswith("97") else code[:2]


def localise(prog: Any, kb: Any, departement: str) -> tuple[Any | None, Any | None]:
    """The programme as it applies in `departement` and the territory row that says so:
    (None, row) where it does not apply, (None, None) for another Region's programme,
    (programme, None) where no row names the département (the national rules)."""
    rule = kb.territory_rule(prog.programme_id, departement)
    unchecked = _unchecked_territory(departement)
    if rule is None and unchecked and not kb.regional_only(prog.programme_id) \
            and prog.status != "closed":  # a newer file's programme: say it
        rule = ProgrammeTerritory(prog.programme_id, text(unchecked), (departement,),
                                  "unverified")
    if rule is None:
        return (None if kb.regional_only(prog.programme_id) else prog), None
    if rule.applies == "no":
        return None, rule
    if rule.applies != "differs":
        return prog, rule
    return dataclasses.replace(
        prog, name=rule.name or prog.name, terms=rule.terms or prog.terms,
        population_max=rule.population_max if rule.population_max is not None
        else prog.population_max,
        source=rule.source or prog.source, checked_on=rule.checked_on or prog.checked_on
    ), rule


def _unchecked_territory(departement: str) -> str:
    """Where a programme without its territory row is said « non vérifiée »: the text key of
    the place (overseas, Corsica), "" elsewhere (the national rules apply)."""
    if departement.startswith(OVERSEAS_PREFIXES):
        return "funding.territory.overseas"
    return "funding.territory.corsica" if departement in CORSICA else ""


def _said(rule: Any | None) -> str:
    """French: how the programme applies in this territory ("" where no row names it)."""
    if rule is None or rule.applies == "only":
        return ""
    date = fmt_date(rule.checked_on) if rule.checked_on else "?"
    if rule.applies == "no":
        return text("funding.territory.no", territory=rule.territory,
                    terms=(rule.terms or "").rstrip(". "),
                    checked=date)
    if rule.applies == "unverified":
        return text("funding.territory.unverified", territory=rule.territory)
    if rule.applies == "differs":
        return text("funding.territory.differs", territory=rule.territory, checked=date)
    return text("funding.territory.yes", territory=rule.territory, checked=date)


def choose_levers(lines: list[FundingLine], needs: Needs) -> tuple[str, ...]:
    """One lever per need (study help, investment, running), open programmes first and public
    aid before loans; two at least when possible (then programmes still to check), three at
    most, never a closed one."""
    chosen: list[str] = []
    for status in ("open", "to_check"):
        for need in NEEDS:
            if len(chosen) >= MAX_LEVERS or (status == "to_check" and len(chosen) >= 2):
                break
            if not getattr(needs, need) or any(_covers(lines, c, need) for c in chosen):
                continue
            candidates = [f for f in lines if f.status == status and need in f.pays
                          and f.programme_id not in chosen]
            # public aid before loans and advice bodies, then the best ranked
            best = min(candidates, key=lambda f: (f.kind == "other", -f.rank_score, f.name),
                       default=None)
            if best is not None:
                chosen.append(best.programme_id)
    return tuple(chosen)


def _covers(lines: list[FundingLine], programme_id: str, need: str) -> bool:
    """The lever `programme_id` already covers `need`."""
    return any(f.programme_id == programme_id and need in f.pays for f in lines)


def lever_texts(lines: tuple[FundingLine, ...], levers: tuple[str, ...]) -> list[str]:
    """French: each lever, what it is for here, who asks and its status (next steps)."""
    by_id = {f.programme_id: f for f in lines}
    out: list[str] = []
    for programme_id in levers:
        f = by_id[programme_id]
        needs = [text(f"funding.lever.needs.{n}") for n in f.covered]
        who = text(f"funding.lever.who.{f.applicant}") if f.applicant in ("commune", "epci",
                                                                            "support") else ""
        out.append(text(f"funding.lever.{f.status}", name=f.name, needs=_and(needs), who=who,
                        checked=fmt_date(f.checked_on) if f.checked_on else "?"))
    return out


def _and(names: list[str]) -> str:
    """« a, b et c »."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + text("funding.fit.and") + names[-1]


def _applicant(prog: Any, profile: Profile, needs: Needs) -> tuple[str, tuple[str, ...]] | None:
    """Who would apply and for which needs: the carrier for all of them, or a public partner:
    the public owner of the building for its works, the supporting commune for study help."""
    carrier = profile.carrier.type
    if carrier == "undecided" or carrier in prog.carrier_types:
        return carrier, NEEDS
    owner = next((b.owner for b in main_buildings(profile.buildings) if b.owner in PUBLIC),
                 None)  # the main site's works: an antenna's are not in the budget
    if owner is not None and owner in prog.carrier_types and needs.investment \
            and "investment" in prog.pays:
        return owner, ("investment",)
    if profile.carrier.commune_support != "none" and "commune" in prog.carrier_types \
            and "engineering" in prog.pays:
        return "support", ("engineering",)
    return None


def _size_fits(prog: Any, profile: Profile, who: str) -> bool:
    """The commune's population is within the programme's limits (unknown: kept); they are
    limits for communes, not for an intercommunality applying (`_fit` says so)."""
    population = profile.population.total
    if population is None or who == "epci":
        return True
    return ((prog.population_min is None or population >= prog.population_min)
            and (prog.population_max is None or population <= prog.population_max))


def _conditions_hold(prog: Any, profile: Profile, me: Features) -> bool:
    """The programme's own conditions (services, building…) hold for this project."""
    return not prog.conditions or holds_all(evaluate(prog.conditions, profile, me))


def _fit(prog: Any, profile: Profile, covered: tuple[str, ...], who: str) -> str:
    """French: why this programme fits, naming the needs it covers and the applicant."""
    fit = text("funding.fit.needs", needs=_and([text(f"funding.needs.{n}") for n in covered]))
    if who != profile.carrier.type:
        fit += text(f"funding.fit.owner.{who}")
    elif who == "undecided":
        fit += text("funding.fit.undecided")
    if prog.population_max is not None and who == "epci":
        fit += text("funding.fit.size_epci", limit=size_limit(prog.population_max))
    elif prog.population_max is not None and profile.population.total is not None:
        fit += text("funding.fit.size", population=fmt_number(profile.population.total),
                    limit=size_limit(prog.population_max))
    return fit


def size_limit(population_max: int) -> str:
    """French: « moins de 3 500 habitants » for 3 499, « 20 000 habitants au plus » for 20 000."""
    if (population_max + 1) % 100 == 0:
        return text("funding.fit.below", limit=fmt_number(population_max + 1))
    return text("funding.fit.at_most", limit=fmt_number(population_max))


def _line(prog: Any, kb: Any, fit: str, score: float, who: str | None = None,
          covered: tuple[str, ...] = (), territory: str = "", rule: Any | None = None
          ) -> FundingLine:
    """One funding line from a programme row (the study's rate for history lines); a
    territory row that confirms it adds its own source after the programme's."""
    rate = prog.rate_max
    if rate is None and prog.status == "closed":
        rates = [f.rate for f in kb.funding if f.programme_id == prog.programme_id and f.rate]
        rate = max(rates) if rates else None
    source = prog.source
    if rule is not None and rule.applies in ("yes", "only", "unverified", "no") \
            and rule.source and rule.source not in source:
        source = f"{rule.source} ; {source}" if source else rule.source
    return FundingLine(prog.programme_id, prog.name, prog.former_name, prog.pays_for, None,
                       rate, prog.from_study, tuple(prog.site_ids), status=prog.status,
                       checked_on=prog.checked_on or None, source=source,
                       pays=tuple(prog.pays), ceiling_eur=prog.ceiling_eur, terms=prog.terms,
                       fit=fit, applicant=who, target=prog.target, rank_score=score,
                       kind=prog.kind, covered=covered, territory=territory,
                       applies_here=rule.applies if rule is not None else "")
