"""The QWizard: its pages in order, Qt's navigation driven by `navigation.next_id`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop.context import AppContext
from desktop.document import ProjectDocument
from desktop.navigation import PageId, next_id
from desktop.pages.budget import BudgetPage
from desktop.pages.buildings import BuildingsPage
from desktop.pages.carrier import CarrierPage
from desktop.pages.commune import CommunePage
from desktop.pages.note import NotePage
from desktop.pages.population import PopulationPage
from desktop.pages.results import ResultsPage
from desktop.pages.territory import TerritoryPage
from desktop.pages.welcome import WelcomePage

PAGE_CLASSES = {
    PageId.WELCOME: WelcomePage,
    PageId.COMMUNE: CommunePage,
    PageId.POPULATION: PopulationPage,
    PageId.TERRITORY: TerritoryPage,
    PageId.BUILDINGS: BuildingsPage,
    PageId.CARRIER: CarrierPage,
    PageId.BUDGET: BudgetPage,
    PageId.RESULTS: ResultsPage,
    PageId.NOTE: NotePage,
}


class TiersLieuWizard(QWizard):
    """Nine pages over one shared `ProjectDocument`; embedded in the main window."""

    closeRequested = Signal()

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)  # lives inside the main window
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        # Qt's "&Finish" would share Alt+F with the File menu
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Terminer"))
        self.document = document
        self.context = context
        self.pages = {}
        for page_id, cls in PAGE_CLASSES.items():
            page = cls(document, context, self)
            self.pages[page_id] = page
            self.setPage(int(page_id), page)
        self.setStartId(int(PageId.WELCOME))

    def nextId(self) -> int:
        """The page after the current one (no side effects: Qt calls this often)."""
        return next_id(self.currentId())

    def page_of(self, page_id: PageId) -> QWidget:
        """The page widget for an id."""
        return self.pages[page_id]

    def go_to(self, page_id: PageId) -> None:
        """Jump forward to `page_id` (through the pages in between, as Next would)."""
        while self.currentId() != int(page_id) and self.currentId() < int(page_id):
            if not self.currentPage().isComplete():
                break
            self.next()

    def accept(self) -> None:
        """Finish: the main window closes (asking about unsaved changes)."""
        self.closeRequested.emit()

    def reject(self) -> None:
        """Escape does not close the application: the window's close button and menu do."""
