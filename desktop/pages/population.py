"""Page 3, Population et emploi: INSEE figures and the job concentration, live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.help.button import GlossaryButton
from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId
from desktop.widgets.code_labels import code_label
from desktop.widgets.fields import HelpLabel
from desktop.widgets.numbers import ui_number
from desktop.widgets.official import OfficialNotes
from reports import profile as engine


class PopulationPage(ProfilePage):
    """Ages, actifs, employed residents and jobs; the concentration indicator as one types."""

    page_id = PageId.POPULATION

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("Population et emploi"))
        self.setSubTitle(self.tr("Préremplis depuis le recensement de l'INSEE quand la commune "
                                 "a été choisie dans l'annuaire ; chaque chiffre reste "
                                 "modifiable, et la valeur officielle peut être rétablie."))
        form = self.add_form()
        self.number(form, "population.age_15_64", self.tr("Population de &15 à 64 ans"),
                    integer=True,
                    help_text=self.tr("Dossier complet, tableau POP T0 (population par "
                                      "grandes tranches d'âges)."))
        self.number(form, "population.active_15_64", self.tr("A&ctifs de 15 à 64 ans"),
                    integer=True,
                    help_text=self.tr("Tableau EMP T1 (population de 15 à 64 ans par type "
                                      "d'activité) : les actifs."))
        self.number(form, "population.employed_15_64",
                    self.tr("Actifs &occupés de 15 à 64 ans"), integer=True,
                    help_text=self.tr("Même tableau : les actifs ayant un emploi."))
        self.number(form, "population.jobs", self.tr("&Emplois dans la commune"),
                    integer=True,
                    help_text=self.tr("Tableau EMP T5 (emploi et activité) : nombre "
                                      "d'emplois dans la zone."))
        self.concentration = QLabel(self)
        self.concentration.setTextFormat(Qt.TextFormat.PlainText)
        self.concentration.setObjectName("concentration")
        self.concentration.setStyleSheet("font-weight: bold;")
        # read once: the keystroke path must not re-read settings.json
        self.thresholds = low, high = engine.concentration_thresholds()
        explain = HelpLabel(self.tr(
            "Emplois dans la commune divisés par les actifs occupés qui y habitent. En "
            "dessous de {low} la commune est résidentielle (ses habitants travaillent "
            "ailleurs), au-dessus de {high} elle est employeuse, entre les deux "
            "équilibrée.").format(low=ui_number(low, 1), high=ui_number(high, 1)),
            self)
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        self.concentration.setWordWrap(False)  # one short line: the « ? » follows the text
        value_line = QHBoxLayout()
        value_line.addWidget(self.concentration)
        value_line.addWidget(GlossaryButton("concentration", cell))
        value_line.addStretch(1)
        column.addLayout(value_line)
        column.addWidget(explain)
        form.addRow(self.tr("Concentration d'emploi"), cell)
        self.officials = OfficialNotes(self)
        self.add_footer()

    def after_load(self) -> None:
        """Show the indicator and each figure's source for the loaded figures."""
        self.update_concentration()
        self.officials.refresh()

    def after_edit(self, field: str) -> None:
        """Recompute the indicator at each keystroke; say when a figure was changed."""
        self.update_concentration()
        self.officials.refresh()

    def update_concentration(self) -> None:
        """The indicator and its class, or what is missing to compute it."""
        flagged = [m for m in self.document.messages() if m.level == "error"
                   and m.field in ("population.jobs", "population.employed_15_64")]
        if flagged:  # not computed from a figure the page shows as wrong
            self.concentration.setText(self.tr("— (corrigez d'abord les emplois ou les actifs "
                                               "occupés signalés en rouge)"))
            return
        value = engine.concentration(self.document.profile.population)
        if value is None:
            self.concentration.setText(self.tr("— (saisissez les emplois et les actifs "
                                               "occupés)"))
            return
        klass = engine.concentration_class(value, *self.thresholds)
        label = code_label(engine.concentration_label(klass) or "")
        self.concentration.setText(self.tr("{value} — commune {label}").format(
            value=ui_number(value, 2), label=label))
