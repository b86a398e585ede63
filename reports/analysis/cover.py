"""Whether the yearly running deficit is funded: the rule the verdict and the risks share."""

from __future__ import annotations

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
        return True, "les tarifs documentés couvriraient les charges"
    need = f"il faudrait environ {fmt_eur(deficit)} par an de soutien au fonctionnement"
    budget = profile.budget.annual_operating_eur
    if profile.carrier.type not in PUBLIC_CARRIERS:
        if profile.carrier.commune_support in ("funding", "both"):
            return False, (f"{need} ; la commune finance le projet, mais ce soutien au "
                           "fonctionnement reste à chiffrer et à voter")
        return False, f"{need}, qu'aucun financeur public ne s'est encore engagé à couvrir"
    if budget is None:
        return False, f"{need}, dont le montant n'est pas encore inscrit au budget du porteur"
    if budget < deficit:
        return False, (f"{need}, davantage que le budget de fonctionnement annoncé "
                       f"({fmt_eur(budget)} par an)")
    return True, (f"{need}, couvert par le budget de fonctionnement annoncé par le porteur "
                  f"public ({fmt_eur(budget)} par an)")
