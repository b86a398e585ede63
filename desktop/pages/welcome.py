"""Page 1, Accueil: what the tool does, what to have at hand, new / open / recent projects."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
    QWizardPage,
)

from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId
from desktop.widgets.frame import READING_WIDTH, ReadableLabel, scrolled_layout


class WelcomePage(QWizardPage):
    """Explains the tool and starts or reopens a project."""

    page_id = PageId.WELCOME
    newRequested = Signal()
    openRequested = Signal(str)  # "" asks for a file

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.outer = scrolled_layout(self)
        self.setTitle(self.tr("Bienvenue"))
        self.setSubTitle(self.tr("Étudier l'opportunité d'un tiers-lieu dans votre commune"))
        intro = ReadableLabel(self.tr(
            "<p>Cet outil vous aide à juger si un tiers-lieu (espace de coworking, bureaux "
            "partagés, télécentre, fablab) a sa place dans votre commune. Il compare votre "
            "situation aux <b>dix tiers-lieux ruraux</b> étudiés sur le terrain en 2017 en "
            "Occitanie, puis rédige une <b>note de faisabilité</b> au format PDF à présenter "
            "au conseil municipal.</p>"
            "<p>Tout fonctionne sans connexion Internet. Comptez une vingtaine de minutes.</p>"
            "<p><b>Ayez sous la main :</b></p><ul>"
            "<li>le nom de la commune : ses chiffres INSEE (population, actifs, emplois, "
            "zonages) sont préremplis depuis l'annuaire livré avec l'outil, et restent "
            "modifiables ;</li>"
            "<li>les bâtiments qui pourraient accueillir le lieu (surface, état, loyer) ;</li>"
            "<li>qui pourrait porter le projet, et un ordre d'idée du budget.</li></ul>"
            "<p>Les champs marqués d'un astérisque (*) sont obligatoires ; les autres "
            "améliorent la précision de l'analyse.</p>"), READING_WIDTH, self)
        self.outer.addWidget(intro)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Nouveau projet"), self)
        self.open_button = QPushButton(self.tr("&Ouvrir un projet…"), self)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.outer.addLayout(buttons)
        self.new_button.clicked.connect(self.newRequested.emit)
        self.open_button.clicked.connect(lambda: self.openRequested.emit(""))

        self.recent_label = QLabel(self.tr("Projets &récents :"), self)
        self.recent_list = QListWidget(self)
        self.recent_list.setMaximumWidth(READING_WIDTH)
        self.recent_label.setBuddy(self.recent_list)
        self.outer.addWidget(self.recent_label)
        self.outer.addWidget(self.recent_list)
        self.recent_list.itemActivated.connect(
            lambda item: self.openRequested.emit(self.recent_paths[self.recent_list.row(item)]))
        self.recent_paths: list[str] = []
        self.outer.addStretch(1)

    def polish(self) -> None:
        """Settings that load Qt's enum namespace (~15 ms): applied once the page is shown.

        A long folder is shortened in its middle (full path in the tooltip): a horizontal
        scroll bar would cover the single row of a list sized to its rows.
        """
        from PySide6.QtCore import Qt

        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    def initializePage(self) -> None:
        """Refresh the list of recent projects."""
        self.refresh_recent()

    def refresh_recent(self) -> None:
        """Show the recent projects that still exist."""
        self.recent_list.clear()
        self.recent_paths = self.context.settings.recent_files(existing=True)
        for path in self.recent_paths:
            item = QListWidgetItem(f"{Path(path).name} — {Path(path).parent}")
            item.setToolTip(path)
            self.recent_list.addItem(item)
        empty = self.recent_list.count() == 0
        self.recent_list.setVisible(not empty)
        self.recent_label.setVisible(not empty)
        if not empty:  # as tall as its rows (eight at most): no white box under one project
            rows = self.recent_list.sizeHintForRow(0) * self.recent_list.count()
            self.recent_list.setFixedHeight(rows + 2 * self.recent_list.frameWidth() + 2)

    def validatePage(self) -> bool:
        """Make sure the next pages exist before Qt moves to them."""
        self.wizard().ensure_pages()
        return True

    def isComplete(self) -> bool:
        """The welcome page never blocks."""
        return True
