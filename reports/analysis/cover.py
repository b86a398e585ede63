"""Whether the yearly running deficit is funded: the rule the verdict and the risks share."""

from __future__ import annotations

from reports.analysis.texts import text
from reports.fmt import fmt_eur
from reports.profile import Profile
from reports.result import Finance

PUBLIC_CARRIERS = ("commune", "epci", "public_agency")


def running_cover(profile: Profile, finance: Finance) -> tuple[bool, str]:
    """Whether the yearly running deficit is covered, and the French clause saying so.

    Covered when the tariffs reach break-even, or when the carrier is itself a public body
    whose announced yearly budget is at least the deficit. A commune that finances a project
    carried by someone else has not yet put an amount on the running costs.
    """
    deficit = finance.public_support_per_year_eur
    if finance.break_even.reached or deficit <= 0:
        return True, text("cover.running.tariffs")
    need = text("cover.running.need", deficit=fmt_eur(deficit))
    budget = profile.budget.annual_operating_eur
    if profile.carrier.type not in PUBLIC_CARRIERS:
        if profile.carrier.commune_support in ("funding", "both"):
            return False, text("cover.running.commune_funds", need=need)
        return False, text("cover.running.no_funder", need=need)
    if budget is None:
        return False, text("cover.running.no_budget", need=need)
    if budget < deficit:
        return False, text("cover.running.short_budget", need=need, budget=fmt_eur(budget))
    return True, text("cover.running.covered", need=need, budget=fmt_eur(budget))
