"""Input widgets bound to profile fields: French numbers, code lists, messages beside them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.code_labels import code_label
from desktop.widgets.frame import ReadableLabel
from desktop.widgets.numbers import ui_number
from reports.fmt import parse_number

_PARTIAL = set("0123456789 ,.-+\u00a0\u202f\u2009'€%")

# Widest a field grows (device-independent pixels): a name or a path needs no more, and a
# field running across a 1366 px screen reads badly.
TEXT_MAX_WIDTH = 480
LONG_TEXT_MAX_WIDTH = 640
PATH_MAX_WIDTH = 720
HELP_MAX_WIDTH = 760  # explanations under a field: lines short enough to read


class NumberValidator(QValidator):
    """Accepts numbers typed the French or the English way (1 234,5 or 1234.5)."""

    def validate(self, text: str, pos: int) -> object:
        """Acceptable when `parse_number` reads it, Intermediate while typing one."""
        if not text.strip() or parse_number(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if set(text) <= _PARTIAL:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


class NumberEdit(QLineEdit):
    """A number field: reads French or English input, shows the French way when left."""

    valueEdited = Signal()

    def __init__(self, *, integer: bool = False, decimals: int = 0, scale: float = 1.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.integer = integer
        self.decimals = decimals
        self.scale = scale  # model value = shown value * scale (percentages: 0.01)
        self.setValidator(NumberValidator(self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(180)
        self.textEdited.connect(lambda _text: self.valueEdited.emit())
        self.editingFinished.connect(self._reformat)

    def value(self) -> int | float | None:
        """The model value, or None when the field is empty."""
        number = parse_number(self.text())
        if number is None:
            return None
        number *= self.scale
        if self.scale != 1.0:
            number = round(number, 6)
        if self.integer and float(number).is_integer():
            return int(number)
        return number

    def setValue(self, value: float | None) -> None:
        """Show a model value the French way (empty for None)."""
        self.setText(self._format(value))

    def _format(self, value: float | None) -> str:
        if value is None or isinstance(value, bool):
            return ""
        shown = value / self.scale
        decimals = 0 if float(shown).is_integer() else max(self.decimals, 1)
        return ui_number(shown, decimals)

    def _reformat(self) -> None:
        """Rewrite what was typed the interface language's way once the user leaves."""
        value = self.value()
        if value is not None and self.text() != self._format(value):
            self.setText(self._format(value))


class CodeCombo(QComboBox):
    """A code list (code, French label), with an optional "not filled in" first entry."""

    valueEdited = Signal()

    def __init__(self, codes: Sequence[tuple[Any, str]], *, empty: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if empty is not None:
            self.addItem(empty, None)
        for code, label in codes:
            self.addItem(code_label(label), code)
        self.activated.connect(lambda _i: self.valueEdited.emit())

    def value(self) -> Any:
        """The selected code (None for the empty entry)."""
        return self.currentData()

    def setValue(self, value: Any) -> None:
        """Select `value` (the empty entry, or the first, when unknown)."""
        index = self.findData(value)
        if index < 0 and value is not None:
            index = self.findData(str(value))
        self.setCurrentIndex(max(index, 0))


class TextEdit(QLineEdit):
    """A one-line text field whose empty value is ""."""

    valueEdited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(TEXT_MAX_WIDTH)
        self.textEdited.connect(lambda _t: self.valueEdited.emit())

    def value(self) -> str:
        """The text, trimmed."""
        return self.text().strip()

    def setValue(self, value: Any) -> None:
        """Show `value` ("" for None)."""
        self.setText("" if value is None else str(value))


class LongTextEdit(QPlainTextEdit):
    """A few lines of free text."""

    valueEdited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on: keyboard-only users are not trapped
        self.setMaximumHeight(60)
        self.setMaximumWidth(LONG_TEXT_MAX_WIDTH)
        self.textChanged.connect(self.valueEdited.emit)

    def value(self) -> str:
        """The text, trimmed."""
        return self.toPlainText().strip()

    def setValue(self, value: Any) -> None:
        """Show `value` without signalling an edit."""
        if self.toPlainText().strip() != (value or ""):
            with QSignalBlocker(self):
                self.setPlainText(value or "")


class CheckList(QWidget):
    """Several codes to tick; the value is the list of ticked codes, in list order."""

    valueEdited = Signal()

    def __init__(self, codes: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for code, label in codes:
            box = QCheckBox(code_label(label), self)
            box.toggled.connect(lambda _on: self.valueEdited.emit())
            layout.addWidget(box)
            self.boxes[code] = box

    def value(self) -> list[str]:
        """The ticked codes."""
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def setValue(self, value: Sequence[str] | None) -> None:
        """Tick exactly the codes in `value`."""
        wanted = set(value or ())
        for code, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(code in wanted)


class HelpLabel(ReadableLabel):
    """Grey explanation under a field, wrapped at a readable width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, HELP_MAX_WIDTH, parent)
        self.setStyleSheet("color: #555;")


class MessageLabel(QLabel):
    """The engine's messages for one field, shown under it (red: error, brown: warning)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_messages(self, errors: Sequence[str], warnings: Sequence[str]) -> None:
        """Show errors first, then warnings; hide when there is nothing to say."""
        lines = [f"✖ {t}" for t in errors] + [f"⚠ {t}" for t in warnings]
        self.setText("\n".join(lines))
        colour = "#b00020" if errors else "#8a5300"
        self.setStyleSheet(f"color: {colour};")
        self.setVisible(bool(lines))


@dataclass
class Binding:
    """A widget edits one profile field; its messages go to `messages`."""

    field: str
    widget: Any
    messages: MessageLabel
    required: bool = False
    touched: bool = False
    to_model: Callable[[Any], Any] | None = None

    def read(self) -> Any:
        """The widget's value in the model's terms."""
        value = self.widget.value()
        return self.to_model(value) if self.to_model else value

    def write(self, value: Any) -> None:
        """Show a model value without marking it edited."""
        with QSignalBlocker(self.widget):
            self.widget.setValue(value)


def is_empty(value: Any) -> bool:
    """True for None, "" and empty lists."""
    return value is None or value == "" or value == [] or value == ()
