"""Add or edit one candidate building, with the engine's messages beside each field."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.access import plain_label
from desktop.widgets.fields import CodeCombo, MessageLabel, NumberEdit, TextEdit
from reports import codes
from reports import profile as engine

if TYPE_CHECKING:
    from reports.profile import Building


class BuildingDialog(QDialog):
    """A form over a copy of one `Building`; `building()` returns the edited copy."""

    def __init__(self, building: Building, services: list[str], commune_support: str,
                 parent: QWidget | None = None, *, advised_m2: float | None = None) -> None:
        super().__init__(parent)
        self.advised_m2 = advised_m2  # the results' advised surface, when known
        self.setWindowTitle(self.tr("Bâtiment candidat"))
        self._building = copy.deepcopy(building)
        self._context = (services, commune_support)
        self.widgets: dict[str, Any] = {}
        self.messages: dict[str, MessageLabel] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        unknown = self.tr("— ne sait pas —")
        yes_no = ((True, self.tr("Oui")), (False, self.tr("Non")))
        self._row(form, "name", self.tr("&Nom ou adresse"), TextEdit(self))
        self._row(form, "role", self.tr("&Rôle dans le projet"),
                  CodeCombo(codes.BUILDING_ROLES, parent=self))
        self._row(form, "owner", self.tr("&Propriétaire"),
                  CodeCombo(codes.OWNERS, empty=unknown, parent=self))
        self._row(form, "surface_m2", self.tr("&Surface (m²)"), NumberEdit(parent=self))
        self._row(form, "state", self.tr("É&tat"),
                  CodeCombo(codes.BUILDING_STATES, empty=unknown, parent=self))
        self._row(form, "works_cost_eur", self.tr("&Coût des travaux (€)"),
                  NumberEdit(parent=self))
        self._row(form, "monthly_rent_eur", self.tr("&Loyer mensuel (€)"),
                  NumberEdit(parent=self))
        self._row(form, "location", self.tr("&Emplacement"),
                  CodeCombo(codes.LOCATIONS, empty=unknown, parent=self))
        for name, label in (("fibre", self.tr("&Fibre optique")),
                            ("accessible", self.tr("&Accessible (handicap)")),
                            ("parking", self.tr("Stationne&ment"))):
            self._row(form, name, label, CodeCombo(yes_no, empty=unknown, parent=self))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for name, widget in self.widgets.items():
            widget.setValue(getattr(self._building, name))
        self.refresh()

    def _row(self, form: QFormLayout, name: str, label: str, widget: Any) -> None:
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        messages = MessageLabel(cell)
        column.addWidget(messages)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        widget.setAccessibleName(plain_label(label))  # the label is not its sibling
        form.addRow(caption, cell)
        self.widgets[name] = widget
        self.messages[name] = messages
        widget.valueEdited.connect(self.refresh)

    def building(self) -> Building:
        """The building as edited."""
        for name, widget in self.widgets.items():
            setattr(self._building, name, widget.value())
        return self._building

    def refresh(self) -> None:
        """Validate through the engine; OK only without errors."""
        probe = engine.new_profile()
        probe.services = list(self._context[0])
        probe.carrier.commune_support = self._context[1]
        probe.buildings = [self.building()]
        found = [m for m in engine.validate_profile(probe) if m.field.startswith("buildings.0.")]
        fit = ("" if probe.buildings[0].role == "antenna"  # another site, not the main one
               else self.fit_text(probe.buildings[0].surface_m2))
        for name, label in self.messages.items():
            mine = [m for m in found if m.field == f"buildings.0.{name}"]
            warnings = [m.text for m in mine if m.level != "error"]
            if name == "surface_m2" and fit:
                warnings.append(fit)
            label.show_messages([m.text for m in mine if m.level == "error"], warnings)
        self.ok_button.setEnabled(not any(m.level == "error" for m in found))
        self._fit_messages()

    def _fit_messages(self) -> None:
        """Grow the dialog so that every message line shows whole: a wrapped label that
        appears after the dialog is shown gets no room of its own (its text was cut top
        and bottom, and the lines below it hidden)."""
        layout = self.layout()
        layout.invalidate()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() \
            else layout.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def fit_text(self, surface: object) -> str:
        """What the results will say of this size (too small, too big), by the engine's one
        rule; "" when it fits or cannot be judged yet."""
        if not self.advised_m2 or not isinstance(surface, int | float) or surface <= 0:
            return ""
        from reports.analysis.parameters import params_for
        from reports.analysis.sizing import building_fit, fit_text
        from reports.knowledge import knowledge

        code = building_fit(surface, self.advised_m2, params_for(None, knowledge().settings))
        return fit_text(code, surface, self.advised_m2) if code in ("too_small", "too_big") else ""
