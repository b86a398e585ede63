"""The « ? » beside a technical field: opens the glossary at the field's entry.

The button takes no keyboard focus (Tab goes from field to field, as the forms are read);
F1 in the field opens the same entry (`MainWindow.context_help`), and the field's
accessible description says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.help import content
from desktop.help.dialog import GLOSSARY, show_help
from desktop.shell import i18n
from desktop.shell.i18n import translate as _tr


class GlossaryButton(QToolButton):
    """A small « ? » opening glossary entry `entry_id`."""

    def __init__(self, entry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_id = entry_id
        self.setText("?")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        word = content.term(entry_id, i18n.current_language())
        self.setToolTip(_tr("Définition : {term} (glossaire, touche F1)").format(term=word))
        self.setAccessibleName(_tr("Définition : {term}").format(term=word))
        self.clicked.connect(self.open_entry)

    def open_entry(self) -> None:
        """Show the glossary at this entry."""
        show_help(self, GLOSSARY, self.entry_id)
