"""Page 5, Bâtiments: candidate buildings in a table; add, edit in a dialog, remove."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.dialogs.building_dialog import BuildingDialog
from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.i18n import translate as _tr
from desktop.shell.navigation import PageId
from desktop.widgets.code_labels import code_label
from desktop.widgets.frame import READING_WIDTH, ReadableLabel
from desktop.widgets.numbers import ui_eur, ui_number
from reports import codes
from reports import profile as engine

if TYPE_CHECKING:  # costs nothing at start-up
    from reports.profile import Building

AnyIndex = QModelIndex | QPersistentModelIndex
NUMBER_COLUMNS = (2, 4, 5)  # surface, works, rent: right-aligned like figures in a table


def _label(code_list: tuple[tuple[str, str], ...], code: str | None) -> str:
    """A code's label in the interface language, "—" when unknown."""
    label = codes.label_of(code_list, code)
    return code_label(label) if label else "—"


def _role(role: str) -> str:
    """« Antenne » for another site of the project, « Alternative » otherwise (the default)."""
    return _tr("Antenne") if role == "antenna" else _tr("Alternative")


class BuildingsModel(QAbstractTableModel):
    """The profile's buildings as rows (read-only: edits go through the dialog)."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.headers = [_tr("Nom"), _tr("Propriétaire"), _tr("Surface"), _tr("État"),
                        _tr("Travaux"), _tr("Loyer / mois"), _tr("Emplacement"), _tr("Rôle")]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per building."""
        return 0 if parent.isValid() else len(self.document.value("buildings"))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """The columns shown."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A building's fields, shown the French way."""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        b = self.document.value("buildings")[index.row()]
        surface = "—" if b.surface_m2 is None else (
            f"{ui_number(b.surface_m2, 0 if float(b.surface_m2).is_integer() else 1)}\u00a0m²")
        return (b.name or "—", _label(codes.OWNERS, b.owner), surface,
                _label(codes.BUILDING_STATES, b.state), ui_eur(b.works_cost_eur),
                ui_eur(b.monthly_rent_eur), _label(codes.LOCATIONS, b.location),
                _role(b.role))[index.column()]

    def reset(self) -> None:
        """The list changed: redraw everything."""
        self.beginResetModel()
        self.endResetModel()


class BuildingsPage(ProfilePage):
    """Candidate buildings; none is allowed, and the page says why it matters."""

    page_id = PageId.BUILDINGS

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("Les bâtiments candidats"))
        self.setSubTitle(self.tr("Les locaux qui pourraient accueillir le tiers-lieu."))
        intro = ReadableLabel(self.tr(
            "Vous pouvez continuer sans bâtiment. Mais le local pèse lourd : dans l'étude, "
            "un local mis à disposition par la commune allège beaucoup les charges, et un "
            "espace trop grand ou sans pièce fermée pour téléphoner pénalise le lieu. "
            "Indiquez les pistes, même incertaines. Un projet sur plusieurs communes "
            "indique ses autres sites comme « site supplémentaire du même projet » : "
            "ils ne sont alors ni écartés ni comparés au site principal."),
            READING_WIDTH, self)
        self.outer.addWidget(intro)
        self.model = BuildingsModel(document, self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Bâtiments candidats"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users move on
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        # long labels ("Petits travaux (peinture, réseau, mobilier)") wrap, never cut
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.edit_building())
        self.table.activated.connect(lambda _i: self.edit_building())
        self.outer.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("A&jouter un bâtiment…"), self)
        self.edit_button = QPushButton(self.tr("&Modifier…"), self)
        self.remove_button = QPushButton(self.tr("Supp&rimer"), self)
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        self.outer.addLayout(row)
        self.add_button.clicked.connect(self.add_building)
        self.edit_button.clicked.connect(self.edit_building)
        self.remove_button.clicked.connect(self.remove_building)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.dialog: BuildingDialog | None = None
        self.add_footer()
        self._update_buttons()

    def after_load(self) -> None:
        """Redraw the table from the profile."""
        self.model.reset()
        self._update_buttons()

    def selected_row(self) -> int:
        """Index of the selected building, or -1."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def add_building(self) -> None:
        """Open the dialog on a new building."""
        self._open_dialog(engine.Building(), -1)

    def edit_building(self) -> None:
        """Open the dialog on the selected building."""
        row = self.selected_row()
        if row >= 0:
            self._open_dialog(self.document.value("buildings")[row], row)

    def remove_building(self) -> None:
        """Remove the selected building after confirmation."""
        row = self.selected_row()
        if row < 0:
            return
        name = self.document.value("buildings")[row].name or self.tr("sans nom")
        if not self.context.prompts.confirm(
                self, self.tr("Supprimer le bâtiment"),
                self.tr("Supprimer le bâtiment « {name} » ?").format(name=name)):
            return
        kept = [b for i, b in enumerate(self.document.value("buildings")) if i != row]
        self.document.set("buildings", kept)
        self.after_load()
        self.refresh_messages()

    def _open_dialog(self, building: Building, row: int) -> None:
        """Window-modal dialog; the table is updated when it is accepted."""
        self.dialog = BuildingDialog(building, list(self.document.value("services")),
                                     self.document.value("carrier.commune_support"),
                                     self, advised_m2=self._advised_surface())
        self.dialog.accepted.connect(lambda: self._dialog_done(row))
        self.dialog.open()

    def _dialog_done(self, row: int) -> None:
        edited = self.dialog.building()
        if row < 0:
            row = len(self.document.value("buildings"))
            self.document.set("buildings", [*self.document.value("buildings"), edited])
        else:
            self.document.set(f"buildings.{row}", edited)
        self.after_load()
        self.table.selectRow(row)
        self.refresh_messages()

    def _advised_surface(self) -> float | None:
        """The surface the results advise, when they are up to date (the building plays no
        part in it), so that the dialog judges the building's size as the results do."""
        wizard = self.wizard()
        results = wizard.page_of(PageId.RESULTS) if wizard is not None else None
        if results is None or not results.isComplete():
            return None
        return results.result.sizing.surface_m2

    def _update_buttons(self) -> None:
        chosen = self.selected_row() >= 0
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.add_button.setEnabled(len(self.document.value("buildings")) < engine.MAX_BUILDINGS)
