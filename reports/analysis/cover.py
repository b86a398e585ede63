"""Whether the yearly running deficit is funded: the rule the verdict and the risks share."""

from __future__ import annotations

from reports.analysis.sizing import main_and_antennas
from reports.analysis.texts import text
from reports.fmt import fmt_eur
from reports.profile import Profile
from reports.profile.read import PUBLIC_CARRIERS
from reports.result import Finance

__all__ = ["PRIVATE_CARRIERS", "PUBLIC_CARRIERS", "far_from_cover", "running_cover"]

# carriers that vote no subsidy: a deficit is theirs to bear (Bram: the space's rent is part
# of the company's own premises costs; Relais d'Entreprises seeks each place's break-even)
PRIVATE_CARRIERS = ("company", "network")


def running_cover(profile: Profile, finance: Finance) -> tuple[bool, str]:
    """Whether the yearly running deficit is covered, and the French clause saying so; a
    project with antennas is told that the cover holds for its main site alone (their
    running costs are not costed: reports.analysis.sizing.antennas_text)."""
    covered, clause = _running_cover(profile, finance)
    antennas = main_and_antennas(profile.buildings)[1]
    if covered and antennas:
        clause += text("cover.running.main_site_only_one" if len(antennas) == 1
                       else "cover.running.main_site_only_many")
    return covered, clause


def _running_cover(profile: Profile, finance: Finance) -> tuple[bool, str]:
    """Whether the yearly running deficit is covered, and the French clause saying so.

    Covered when the tariffs reach break-even, or when the yearly contribution the commune
    or the carrier announces (``budget.annual_contribution_eur``, apart from the whole
    running budget ``budget.annual_operating_eur``) is at least the deficit. Without an
    announced contribution: a public carrier has not yet put the amount in its budget; a
    commune that finances someone else's project has still to vote one.
    """
    deficit = finance.public_support_per_year_eur
    be = finance.break_even
    # break-even « reached » by users the place cannot hold is no cover by the tariffs
    # the tariffs' cover counts the meeting-room hire; when its days are the tool's default
    # the clause says so (Prades: 1 920 € of its 6 772 € of revenue)
    room = text("cover.running.room_default") if finance.room_hire_default else ""
    if deficit <= 0:
        return True, text("cover.running.tariffs", room=room)
    if be.reached and be.feasible_at_capacity:  # the first years' ramp-up still costs
        return True, text("cover.running.tariffs_ramp", deficit=fmt_eur(deficit), room=room)
    private = profile.carrier.type in PRIVATE_CARRIERS
    need = text("cover.running.need_private" if private else "cover.running.need",
                deficit=fmt_eur(deficit))
    contribution = profile.budget.annual_contribution_eur
    if contribution is None:
        if private:
            return False, text(f"cover.running.{profile.carrier.type}_bears", need=need)
        if profile.carrier.type in PUBLIC_CARRIERS:
            return False, text("cover.running.no_budget", need=need)
        if profile.carrier.commune_support in ("funding", "both"):
            return False, text("cover.running.commune_funds", need=need)
        return False, text("cover.running.no_funder", need=need)
    if contribution <= 0:  # typed 0: nothing is announced, not « a contribution of 0 € »
        return False, text("cover.running.zero_budget", need=need)
    if contribution < deficit:
        return False, text("cover.running.short_budget", need=need,
                           budget=fmt_eur(contribution))
    return True, text("cover.running.covered", need=need, budget=fmt_eur(contribution))


def far_from_cover(profile: Profile, finance: Finance, ratio: float) -> bool:
    """Break-even impossible within the place's capacity, and a yearly deficit at least
    `ratio` times the contribution announced (``verdict_rules.not_advised_deficit_ratio``):
    the project as declared lacks most of its running money for good. The deficit is the
    declared project's: without the costs the tool adds « à prévoir » (the model's animation,
    an estimate the confidence names). A contribution left blank is not known to fall short
    (the verdict stays conditional and says it is missing)."""
    contribution = profile.budget.annual_contribution_eur
    deficit = finance.public_support_per_year_eur - sum(
        line.amount_eur for line in finance.operating if line.planned)
    return (not finance.break_even.feasible_at_capacity and contribution is not None
            and deficit > 0 and deficit >= ratio * contribution)
