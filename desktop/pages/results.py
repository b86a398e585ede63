"""Page 8, Résultats: the dashboard of the verdict, key figures and the note's charts.

The analysis runs off the GUI thread; the charts (the note's own drawings) are drawn in a
second background step, so the verdict shows as soon as it is known."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from desktop import errors
from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId
from desktop.tasks import run_in_background
from desktop.widgets.dashboard import Dashboard, draw_charts

if TYPE_CHECKING:
    from reports.communes import Directory
    from reports.profile import Profile
    from reports.result import AnalysisResult


def analyse_snapshot(profile: Profile, directory: Directory | None) -> AnalysisResult:
    """Run the engine on a private copy of the profile (in a worker thread)."""
    from reports.analysis import analyse

    return analyse(profile, directory=directory) if directory is not None else analyse(profile)


class ResultsPage(ProfilePage):
    """Shows what the engine concludes; recomputed whenever an answer changes."""

    page_id = PageId.RESULTS
    resultReady = Signal()
    chartsReady = Signal()

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("Résultats"))
        self.setSubTitle(self.tr("Le diagnostic avant la note : changez une réponse aux pages "
                                 "précédentes et il se met à jour."))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.outer.addWidget(self.status)
        self.view = Dashboard(self)
        self.view.setAccessibleName(self.tr("Diagnostic détaillé"))
        self.outer.addWidget(self.view, 1)
        self.result: AnalysisResult | None = None
        self.result_revision = -1
        self.running_revision = -1
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)  # typing several characters triggers one analysis
        self.timer.timeout.connect(self.start_analysis)
        document.changed.connect(self._input_changed)

    def initializePage(self) -> None:
        """Compute (or reuse) the result for the current answers."""
        if self.result_revision != self.document.revision:
            self.start_analysis()

    def isComplete(self) -> bool:
        """The note needs an up-to-date result."""
        return self.result is not None and self.result_revision == self.document.revision

    def _on_sources_replaced(self) -> None:
        """A newer census or programmes file: the result on screen is computed again."""
        self._input_changed("")

    def _input_changed(self, _field: str) -> None:
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self.timer.start()
        self.completeChanged.emit()

    def start_analysis(self) -> None:
        """Run the analysis in the background on a snapshot of the profile."""
        revision = self.document.revision
        if revision == self.running_revision:
            return
        self.running_revision = revision
        self.status.setText(self.tr("Analyse en cours…"))
        snapshot = self.document.snapshot()
        directory = getattr(self.context.communes, "directory", None)
        run_in_background(lambda: analyse_snapshot(snapshot, directory),
                          lambda result: self._done(revision, result),
                          lambda exc: self._failed(revision, exc))

    def _done(self, revision: int, result: AnalysisResult) -> None:
        """Show a result unless a newer one is on its way (or the window was closed while it
        was computed: a later test's event loop, or a quick quit, would meet a deleted page)."""
        if not isValid(self.status) or revision != self.document.revision:
            return
        self.running_revision = -1
        self.result, self.result_revision = result, revision
        self.status.setText("")
        self.view.show_result(result)
        self.completeChanged.emit()
        self.resultReady.emit()
        ratio = self.devicePixelRatioF()
        dpi = 96 * ratio
        run_in_background(lambda: draw_charts(result, dpi),
                          lambda pictures: self._charts_drawn(revision, pictures, ratio),
                          errors.report_bugs)

    def _charts_drawn(self, revision: int, pictures: list[tuple[str, bytes, str]],
                      ratio: float) -> None:
        """The charts of the note, once drawn (dropped if the answers changed meanwhile, or
        the window was closed while they were drawn)."""
        if not isValid(self.view) or revision != self.result_revision \
                or revision != self.document.revision:
            return
        self.view.show_charts(pictures, ratio)
        self.chartsReady.emit()

    def _failed(self, revision: int, exc: BaseException) -> None:
        if not isValid(self.status):
            return
        self.running_revision = -1
        if revision != self.document.revision:
            return
        self.status.setText(self.tr("L'analyse a échoué ; vérifiez les réponses des pages "
                                    "précédentes."))
        errors.handle(exc, lambda text: self.status.setText(  # answers refused: say which
            self.tr("L'analyse n'est pas possible :\n{messages}").format(messages=text)))
