"""Page 7, Budget et ambitions: investment, subsidy, running budget, opening, services."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId
from reports import codes
from reports.fmt import parse_month


def month_to_model(text: str) -> str:
    """Accept 2027-09, 09/2027, 9/2027 or « septembre 2027 » and store the engine's AAAA-MM
    (anything else is kept as typed, so the engine's message names it)."""
    return parse_month(text) or text.strip()


class BudgetPage(ProfilePage):
    """What the commune can put in and what the place should offer."""

    page_id = PageId.BUDGET

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("Budget et ambitions"))
        self.setSubTitle(self.tr("Des ordres de grandeur suffisent ; laissez vide ce que vous "
                                 "ne savez pas, l'analyse proposera des valeurs tirées de "
                                 "l'étude."))
        form = self.add_form()
        self.number(form, "budget.investment_eur", self.tr("&Investissement prévu (€)"),
                    help_text=self.tr("Travaux, mobilier, informatique."))
        self.number(form, "budget.subsidy_rate", self.tr("Taux de s&ubvention attendu (%)"),
                    scale=0.01, decimals=1,
                    help_text=self.tr("Part de l'investissement couverte par des aides, en "
                                      "pourcentage (50 pour la moitié)."))
        self.number(form, "budget.annual_operating_eur",
                    self.tr("&Budget de fonctionnement annuel total (€)"),
                    help_text=self.tr("Toutes les charges du lieu par an : loyer, énergie, "
                                      "ménage, animation…"))
        self.number(form, "budget.annual_contribution_eur",
                    self.tr("&Contribution annuelle au fonctionnement (€)"),
                    help_text=self.tr("Ce que la commune (ou le porteur) s'engage à verser "
                                      "chaque année pour couvrir le déficit de "
                                      "fonctionnement ; vide si rien n'est décidé."))
        opening = self.text(form, "budget.opening", self.tr("&Ouverture visée"),
                            to_model=month_to_model,
                            help_text=self.tr("Mois et année, par exemple 09/2027 ou "
                                              "septembre 2027."))
        opening.setMaximumWidth(170)  # « septembre 2027 » fits
        self.checklist(form, "services", self.tr("Ser&vices souhaités"), codes.SERVICES)
        self.long_text(form, "notes", self.tr("&Remarques"))
        self.add_footer()
