"""Accessibility: every field and control of the pages and dialogs has a name a screen
reader can announce, and the colours the wizard writes in keep a readable contrast."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.dialogs.batch_dialog import BatchOutputDialog
from desktop.dialogs.brand_dialog import BrandDialog
from desktop.dialogs.building_dialog import BuildingDialog
from desktop.help.dialog import HelpWindow
from desktop.shell.navigation import PageId
from reports.profile import Building

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window

ROOT = Path(__file__).resolve().parents[1]
CONTROLS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
            QAbstractButton, QAbstractItemView)


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (a combo's popup list, a table's headers)."""
    if isinstance(widget, QHeaderView) or widget.objectName() == "qt_tableview_cornerbutton":
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """Controls under `root` whose accessible name (explicit or from a label) is empty."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or _internal(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            found.append(f"{type(widget).__name__} {widget.objectName()}")
    return found


def test_every_control_of_every_page_has_a_name(make_window):
    window = make_window()
    for page_id in PageId:
        assert unnamed(window.wizard.page_of(page_id)) == [], page_id.name


@pytest.mark.parametrize("make", [
    lambda: BuildingDialog(Building(), [], "none"),
    lambda: BrandDialog(),
    lambda: BatchOutputDialog(),
    lambda: HelpWindow(),
], ids=["building", "brands", "batch", "help"])
def test_every_control_of_the_dialogs_has_a_name(qtbot, make):
    dialog = make()
    qtbot.addWidget(dialog)
    if isinstance(dialog, HelpWindow):
        dialog.fill()
    dialog.show()
    assert unnamed(dialog) == []


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two #RRGGBB colours."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_colours_of_the_wizard_meet_wcag_aa():
    """Every « color: #xxxxxx » the wizard writes, on white and on the window's grey."""
    colours = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        colours |= set(re.findall(r"color:\s*(#[0-9A-Fa-f]{6})\b", path.read_text("utf-8")))
    assert colours
    for colour in colours:
        for background in ("#ffffff", "#efefef"):
            assert contrast(colour, background) >= 4.5, (colour, background)


def test_verdict_and_risk_colours_meet_wcag_aa():
    """The verdict card and risk badges (the note's colours, shown by the dashboard too)."""
    from reports.note.styles import SEVERITY_COLORS, VERDICT_COLORS

    for level, (background, text, symbol) in VERDICT_COLORS.items():
        assert contrast(text, background) >= 4.5, level
        assert symbol.strip(), level  # the level reads in greyscale: a symbol and words
    for severity, (background, text) in SEVERITY_COLORS.items():
        assert contrast(text, background) >= 4.5, severity
