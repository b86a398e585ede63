"""The QWizard: its pages in order, Qt's navigation driven by `navigation.next_id`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop.pages.welcome import WelcomePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId, next_id


def page_classes() -> dict[PageId, type]:
    """The pages after the welcome page (imported when first needed, off the start-up path)."""
    from desktop.pages.budget import BudgetPage
    from desktop.pages.buildings import BuildingsPage
    from desktop.pages.carrier import CarrierPage
    from desktop.pages.commune import CommunePage
    from desktop.pages.note import NotePage
    from desktop.pages.population import PopulationPage
    from desktop.pages.results import ResultsPage
    from desktop.pages.territory import TerritoryPage

    return {page.page_id: page for page in (CommunePage, PopulationPage, TerritoryPage,
                                             BuildingsPage, CarrierPage, BudgetPage,
                                             ResultsPage, NotePage)}  # in the pages' order


class TiersLieuWizard(QWizard):
    """Nine pages over one shared `ProjectDocument`; embedded in the main window.

    Only the welcome page is built at first, so that it shows as soon as possible; the
    others are built by `ensure_pages()`, which the main window calls right after showing.
    """

    closeRequested = Signal()
    pagesReady = Signal()

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        # No parent here: QMainWindow.setCentralWidget() adopts it as a plain child widget
        # (not a dialog window). Qt's enum namespace stays unloaded on the start-up path.
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        # Qt's "&Finish" would share Alt+F with the File menu
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Terminer"))
        self.document = document
        self.context = context
        self.pages: dict[PageId, QWidget] = {PageId.WELCOME: WelcomePage(document, context, self)}
        self.setPage(int(PageId.WELCOME), self.pages[PageId.WELCOME])
        self.setStartId(int(PageId.WELCOME))
        self.currentIdChanged.connect(self._choose_default_button)

    def _choose_default_button(self, page_id: int) -> None:
        """On the note page Return writes the note: it must not press Finish (which quits)."""
        self.setOption(QWizard.WizardOption.NoDefaultButton, page_id == int(PageId.NOTE))

    def ensure_pages(self) -> bool:
        """Build the pages after the welcome page (once); True if they were just built."""
        if len(self.pages) == len(PageId):
            return False
        from desktop.widgets.frame import no_tab_stop

        no_tab_stop(self.pages[PageId.WELCOME])
        self.pages[PageId.WELCOME].polish()
        for page_id, cls in page_classes().items():
            page = cls(self.document, self.context, self)
            self.pages[page_id] = page
            self.setPage(int(page_id), page)
        self.pagesReady.emit()
        return True

    def nextId(self) -> int:
        """The page after the current one (no side effects: Qt calls this often)."""
        return next_id(self.currentId())

    def page_of(self, page_id: PageId) -> QWidget:
        """The page widget for an id."""
        if page_id not in self.pages:
            self.ensure_pages()
        return self.pages[page_id]

    def go_to(self, page_id: PageId, *, check: bool = True) -> None:
        """Jump forward to `page_id` (through the pages in between, as Next would).

        `check=False` goes through even where a page is not complete yet: the user was
        already there (the rebuild after a language switch; the results page's analysis
        runs again in the background and its Next waits for it)."""
        self.ensure_pages()
        while self.currentId() != int(page_id) and self.currentId() < int(page_id):
            if check and not self.currentPage().isComplete():
                break
            self.next()

    def accept(self) -> None:
        """Finish: the main window closes (asking about unsaved changes).

        Finish is easy to press by mistake before the note exists: then it asks first."""
        note = self.pages.get(PageId.NOTE)
        if note is not None and not note.written and not self.context.prompts.confirm(
                self, self.tr("Quitter sans la note ?"),
                self.tr("La note de faisabilité n'a pas encore été générée. Quitter quand "
                        "même ?")):
            return
        self.closeRequested.emit()

    def reject(self) -> None:
        """Escape does not close the application: the window's close button and menu do."""
