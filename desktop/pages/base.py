"""What every form page shares: bound fields, the engine's messages beside them, Next gating."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.help.button import GlossaryButton
from desktop.help.content import entry_for_field
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.i18n import translate as _tr
from desktop.shell.navigation import PageId, owner_page, within
from desktop.widgets.access import describe
from desktop.widgets.fields import (
    Binding,
    CheckList,
    CodeCombo,
    HelpLabel,
    LongTextEdit,
    MessageLabel,
    NumberEdit,
    TextEdit,
    is_empty,
)
from desktop.widgets.frame import no_tab_stop, scrolled_layout
from reports.profile import is_required  # pages are built after the first one is shown

if TYPE_CHECKING:  # costs nothing at start-up
    from collections.abc import Sequence

    from reports.profile import Message


class ProfilePage(QWizardPage):
    """A page editing some profile fields, complete when the engine finds no error on them."""

    page_id: PageId = PageId.WELCOME

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.context = context
        self.bindings: dict[str, Binding] = {}
        self.outer = scrolled_layout(self)
        no_tab_stop(self)
        self.page_messages = MessageLabel(self)
        self.hint = QLabel(self)
        self.hint.hide()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        document.changed.connect(self._on_document_changed)
        document.sourcesReplaced.connect(self._on_sources_replaced)

    # -- building the form -------------------------------------------------------------
    def add_form(self) -> QFormLayout:
        """A form layout appended to the page."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.outer.addLayout(form)
        return form

    def add_footer(self) -> None:
        """Page-level messages and the hint about required fields, at the bottom."""
        self.outer.addStretch(1)
        self.outer.addWidget(self.page_messages)
        self.outer.addWidget(self.hint)

    def bind(self, form: QFormLayout, field: str, label: str, widget: Any, *,
             help_text: str = "", to_model: Any = None) -> Any:
        """Add a labelled row for `widget` editing `field`, with its message line; the
        profile's schema says whether it is required (its label then has an asterisk)."""
        required = is_required(field)
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        compact = isinstance(widget, CodeCombo | NumberEdit)
        entry = entry_for_field(field)
        if entry:  # a technical word: « ? » beside the field opens its definition
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(widget, 0 if compact else 3)
            line.addWidget(GlossaryButton(entry, cell), 0, Qt.AlignmentFlag.AlignTop)
            line.addStretch(1)  # the field keeps its width; the « ? » stays beside it
            column.addLayout(line)
        else:
            column.addWidget(widget, 0,
                             Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag(0))
        describe(widget, label, help_text, required=required, glossary=bool(entry))
        if help_text:
            column.addWidget(HelpLabel(help_text, cell))
        messages = MessageLabel(cell)
        column.addWidget(messages)
        caption = QLabel(f"{label} *" if required else label, self)  # required: an asterisk
        caption.setBuddy(widget if not isinstance(widget, CheckList) else cell)
        form.addRow(caption, cell)
        binding = Binding(field, widget, messages, required=required, to_model=to_model)
        self.bindings[field] = binding
        widget.valueEdited.connect(lambda b=binding: self._on_edited(b))
        return widget

    def number(self, form: QFormLayout, field: str, label: str, **kwargs: Any) -> NumberEdit:
        """A French number field."""
        options = {k: kwargs.pop(k) for k in ("integer", "decimals", "scale") if k in kwargs}
        return self.bind(form, field, label, NumberEdit(parent=self, **options), **kwargs)

    def text(self, form: QFormLayout, field: str, label: str, **kwargs: Any) -> TextEdit:
        """A one-line text field."""
        return self.bind(form, field, label, TextEdit(self), **kwargs)

    def long_text(self, form: QFormLayout, field: str, label: str,
                  **kwargs: Any) -> LongTextEdit:
        """A few lines of text."""
        return self.bind(form, field, label, LongTextEdit(self), **kwargs)

    def combo(self, form: QFormLayout, field: str, label: str,
              codes: Sequence[tuple[Any, str]], *,
              empty: str | None = None, **kwargs: Any) -> CodeCombo:
        """A code list."""
        return self.bind(form, field, label, CodeCombo(codes, empty=empty, parent=self),
                         **kwargs)

    def checklist(self, form: QFormLayout, field: str, label: str,
                  codes: Sequence[tuple[str, str]],
                  **kwargs: Any) -> CheckList:
        """Codes to tick."""
        return self.bind(form, field, label, CheckList(codes, self), **kwargs)

    # -- QWizardPage hooks -------------------------------------------------------------
    def initializePage(self) -> None:
        """Fill the widgets from the shared profile."""
        self.load_from_document()

    def isComplete(self) -> bool:
        """Next is enabled when the engine reports no error on this page's fields."""
        return not any(m.level == "error" for m in self.own_messages())

    # -- model <-> widgets -------------------------------------------------------------
    def load_from_document(self) -> None:
        """Show the profile's values in every bound widget."""
        for binding in self.bindings.values():
            binding.write(self.document.value(binding.field))
        self.after_load()
        self.refresh_messages()

    def after_load(self) -> None:
        """Hook for pages that show computed values."""

    def own_messages(self) -> list[Message]:
        """The engine's messages about fields this page edits."""
        return [m for m in self.document.messages() if owner_page(m.field) == self.page_id]

    def refresh_messages(self) -> None:
        """Show each message beside its field; gate Next."""
        messages = self.own_messages()
        placed: set[int] = set()
        for binding in self.bindings.values():
            mine = [m for m in messages if within(m.field, binding.field)]
            placed.update(id(m) for m in mine)
            value = self.document.value(binding.field)
            show_errors = binding.touched or not is_empty(value)
            binding.messages.show_messages(
                [m.text for m in mine if m.level == "error" and show_errors],
                [m.text for m in mine if m.level != "error"])
        rest = [m for m in messages if id(m) not in placed]  # about no single field
        self.page_messages.show_messages([m.text for m in rest if m.level == "error"],
                                         [m.text for m in rest if m.level != "error"])
        incomplete = any(m.level == "error" for m in messages)
        self.hint.setText(_tr("Pour continuer, complétez les champs marqués d'un astérisque "
                              "(*) et corrigez les valeurs signalées en rouge.")
                          if incomplete else "")
        self.hint.setVisible(incomplete)
        self.completeChanged.emit()

    def _on_edited(self, binding: Binding) -> None:
        binding.touched = True
        self.document.set(binding.field, binding.read())
        self.after_edit(binding.field)
        self.refresh_messages()

    def after_edit(self, field: str) -> None:
        """Hook: a bound field was edited by the user."""

    def _on_document_changed(self, field: str) -> None:
        if field == "":  # a project was opened or started: everything changed
            for binding in self.bindings.values():
                binding.touched = False
            if self.wizard() is not None and self.wizard().currentPage() is self:
                self.load_from_document()

    def _on_sources_replaced(self) -> None:
        """A newer census or programmes file: the page on screen shows its figures again."""
        if self.wizard() is not None and self.wizard().currentPage() is self:
            self.load_from_document()

