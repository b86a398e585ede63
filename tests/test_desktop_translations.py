"""English mode: the add-ons' menu entries and labels are English, and every catalogue
context is one Qt actually looks up."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.dialogs.batch_dialog import report_text
from desktop.dialogs.brand_dialog import BrandChooser, display_name
from desktop.shell import i18n
from desktop.shell.navigation import PageId
from reports.brand import DEFAULT_BRAND

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "translations" / "tierslieu_en.ts"
# Contexts passed by name to QCoreApplication.translate(), besides "" (desktop.shell.i18n.translate)
EXPLICIT_CONTEXTS = {"codes", "errors"}


@pytest.fixture(autouse=True)
def back_to_french(qapp, tmp_path, monkeypatch):
    """Brands in a temporary folder; other tests expect the French catalogues."""
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    yield
    i18n.install_translators(qapp, "fr")


def desktop_classes() -> set[str]:
    """Names of the classes defined in desktop/ (the contexts of their self.tr())."""
    names = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    return names


def test_every_catalogue_context_is_a_class_or_a_named_context():
    contexts = {(c.findtext("name") or "") for c in ET.parse(CATALOGUE).getroot()}
    stray = contexts - desktop_classes() - EXPLICIT_CONTEXTS - {""}
    assert stray == set()  # e.g. "window" from window.tr(): never looked up by Qt


def test_add_on_menu_entries_and_note_rows_are_english(make_window):
    window = make_window("en")
    entries = [action.text() for action in window.file_menu.actions()]
    assert "&Import a CSV of communes…" in entries and "Firm &profiles…" in entries
    assert "CSV &template for communes…" in entries
    page = window.wizard.page_of(PageId.NOTE)
    chooser = page.brand_chooser
    labels = [page.options_form.labelForField(w).text() for w in (chooser, page.format)]
    assert labels == ["Firm &profile", "For&mat"]
    assert page.format.itemText(2) == "PDF and Word"
    assert chooser.combo.itemText(0) == "Sober (default)"


def test_add_on_entries_come_back_in_french(make_window):
    window = make_window("en")
    window.set_language("fr")
    entries = [action.text() for action in window.file_menu.actions()]
    assert "&Importer un CSV de communes…" in entries and "Profils &cabinet…" in entries


def test_default_style_keeps_the_engine_name_in_french(qtbot):
    chooser = BrandChooser()
    qtbot.addWidget(chooser)
    assert display_name(DEFAULT_BRAND) == DEFAULT_BRAND.name
    assert chooser.combo.itemText(0) == DEFAULT_BRAND.name


def test_batch_report_is_english(qapp):
    from reports.batch.model import BatchReport, Outcome

    i18n.install_translators(qapp, "en")
    report = BatchReport(total=2, outcomes=[Outcome(2, "A", ok=True)], issues=[])
    title, text = report_text(report)
    assert title == "Batch finished" and "1 note(s) written for 2 row(s)." in text
