"""Beside each figure the directory prefilled: its source, or « modifié » and a way back.

A page creates `OfficialNotes(page)` after binding its fields and calls `refresh()` when its
values change. For each field the directory fills (`reports.fill`, the same table as the
command line and the batch), a grey line under the field says « Source : recensement 2018
(INSEE) »; once the user typed another value it says « Modifié — valeur officielle : 3 264
(recensement 2018 (INSEE)) » with « Rétablir », which puts the official figure back. The
user's value is what the profile keeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.shell.i18n import translate as _tr
from desktop.shell.prefill import official_values, same_value
from desktop.widgets.fields import CodeCombo
from desktop.widgets.numbers import ui_number
from reports.fill import fillable_fields

if TYPE_CHECKING:  # costs nothing at start-up
    from desktop.pages.base import ProfilePage


class OfficialNote(QWidget):
    """One field's line: the source, or the official value and « Rétablir »."""

    restoreRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.label = QLabel(self)  # one short line: the button right after it
        self.label.setStyleSheet("color: #555;")
        self.restore = QPushButton(_tr("Rétablir"), self)
        self.restore.setFlat(True)
        self.restore.setStyleSheet("color: #0B5394; text-decoration: underline; padding: 0;")
        self.restore.clicked.connect(self.restoreRequested)
        row.addWidget(self.label)
        row.addWidget(self.restore)
        row.addStretch(1)
        self.hide()

    def show_state(self, text: str, modified: bool, official_text: str = "",
                   empty: bool = False) -> None:
        """Show the source line, with « Rétablir » (« Utiliser » for an empty field) when
        the value differs from the official one."""
        self.label.setText(text)
        self.restore.setText(_tr("Utiliser") if empty else _tr("Rétablir"))
        self.restore.setVisible(modified)
        self.restore.setAccessibleName(_tr("Rétablir la valeur officielle"))
        self.restore.setToolTip(_tr("Remettre {value}").format(value=official_text)
                                if official_text else "")
        self.setVisible(bool(text))


class OfficialNotes:
    """The notes of one page, for the prefilled fields it binds."""

    def __init__(self, page: ProfilePage, fields: Iterable[str] | None = None) -> None:
        self.page = page
        wanted = list(fields) if fields is not None else [
            f for f in fillable_fields() if not f.startswith("commune.")]
        self.notes: dict[str, OfficialNote] = {}
        for field in wanted:
            binding = page.bindings.get(field)
            if binding is None:
                continue
            cell = binding.messages.parentWidget()
            note = OfficialNote(cell)
            cell.layout().insertWidget(1, note)  # right under the field
            note.restoreRequested.connect(lambda f=field: self.restore(f))
            self.notes[field] = note

    def officials(self) -> dict[str, tuple[Any, str]]:
        """The directory's figures for the commune of the project (`official_values`)."""
        return official_values(self.page.document, self.page.context.communes)

    def refresh(self) -> None:
        """Each note says where its figure comes from, or that it was changed."""
        officials = self.officials()
        for field, note in self.notes.items():
            if field not in officials:
                note.show_state("", False)
                continue
            official, source = officials[field]
            value = self.page.document.value(field)
            shown = self.display(field, official)
            if same_value(value, official):
                note.show_state(_tr("Source : {source}").format(source=source), False)
            elif value is None or value == "":
                note.show_state(_tr("Non renseigné — valeur officielle : {value} ({source})"
                                    ).format(value=shown, source=source), True, shown,
                                empty=True)
            else:
                note.show_state(_tr("Modifié — valeur officielle : {value} ({source})").format(
                    value=shown, source=source), True, shown)

    def display(self, field: str, value: Any) -> str:
        """An official value as its field shows it (a number the French way, a code's label)."""
        widget = self.page.bindings[field].widget
        if isinstance(widget, CodeCombo):
            index = widget.findData(value)
            return widget.itemText(index) if index >= 0 else str(value)
        return ui_number(value) if isinstance(value, int | float) else str(value)

    def restore(self, field: str) -> None:
        """Put the official figure back in `field`."""
        if field not in self.officials():
            return
        official, _source = self.officials()[field]
        binding = self.page.bindings[field]
        self.page.document.set(field, official)
        binding.write(official)
        binding.touched = True
        self.page.after_edit(field)
        self.page.refresh_messages()

