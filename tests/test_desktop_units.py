"""Desktop building blocks: navigation, settings, number fields, completer, error funnel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from desktop import app, errors
from desktop.dialogs import error_dialog
from desktop.shell.navigation import PageId, next_id, owner_page
from desktop.shell.settings import Settings
from desktop.widgets.completer import CommuneCompleter, fold_typed
from desktop.widgets.fields import NumberEdit
from reports.fmt import NNBSP

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window

def test_navigation_runs_through_every_page_then_stops():
    order = [PageId.WELCOME]
    while next_id(order[-1]) != -1:
        order.append(PageId(next_id(order[-1])))
    assert order == list(PageId)


@pytest.mark.parametrize(("field", "page"), [
    ("commune.name", PageId.COMMUNE),
    ("population.total", PageId.COMMUNE),
    ("population.jobs", PageId.POPULATION),
    ("territory", PageId.TERRITORY),
    ("buildings.2.surface_m2", PageId.BUILDINGS),
    ("carrier.type", PageId.CARRIER),
    ("services.0", PageId.BUDGET),
    ("assumptions.speed_kmh", None),
])
def test_each_engine_field_belongs_to_one_page(field, page):
    assert owner_page(field) == page


def test_settings_are_typed_and_isolated(tmp_path: Path):
    path = str(tmp_path / "s.ini")
    first = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert first.get("recent_files") == [] and first.get("language") == "fr"
    first.add_recent("/a.tierslieu.json")
    first.add_recent("/b.tierslieu.json")
    first.add_recent("/a.tierslieu.json")
    first.set("window/geometry", QByteArray(b"\x01\x02"))
    first.sync()
    again = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert again.recent_files() == ["/a.tierslieu.json", "/b.tierslieu.json"]
    assert bytes(again.get("window/geometry")) == b"\x01\x02"
    with pytest.raises(KeyError):
        again.set("no/such/key", 1)


@pytest.mark.parametrize(("typed", "value"), [
    ("1 234,5", 1234.5), ("1234.5", 1234.5), ("1\u00a0234,5", 1234.5),
    (f"1{NNBSP}234", 1234), ("", None), ("12,5 %", 12.5),
])
def test_number_field_reads_french_and_english(qtbot, typed, value):
    edit = NumberEdit(decimals=1)
    qtbot.addWidget(edit)
    edit.setText(typed)
    assert edit.value() == value


def test_number_field_refuses_letters_and_reformats_in_french(qtbot):
    edit = NumberEdit(integer=True)
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "12a34")  # the validator drops the letter
    assert edit.text() == "1234"
    edit.editingFinished.emit()
    assert edit.text() == f"1{NNBSP}234" and edit.value() == 1234


def test_percent_field_stores_a_fraction(qtbot):
    edit = NumberEdit(scale=0.01, decimals=1)
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "37,5")
    assert edit.value() == pytest.approx(0.375)
    edit.setValue(0.5)
    assert edit.text() == "50"


def test_typed_text_is_folded_like_the_keys():
    assert fold_typed("Saint-É") == fold_typed("st e") == "sainte"
    assert fold_typed("St") == "st"  # may still become "Stenay"
    assert fold_typed("laroque d'") == "laroqued"


def _completions(completer: CommuneCompleter, typed: str) -> list[str]:
    completer.setCompletionPrefix(typed)
    model = completer.completionModel()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


@pytest.mark.parametrize(("typed", "expected"), [
    ("saint-eti", "Saint-Étienne — Loire (42)"),
    ("LAROQUE D OLM", "Laroque-d'Olmes — Ariège (09)"),
    ("st-etienne", "Saint-Étienne — Loire (42)"),
    ("montpeyr", "Montpeyroux — Hérault (34)"),
])
def test_completer_ignores_case_accents_and_hyphens(qtbot, communes, typed, expected):
    line = QLineEdit()
    qtbot.addWidget(line)
    completer = CommuneCompleter(line)
    completer.setModel(communes.model)
    found = _completions(completer, typed)
    assert any(text.startswith(expected) for text in found), found[:5]


def test_homonyms_are_told_apart_by_departement(qtbot, communes):
    completer = CommuneCompleter()
    completer.setModel(communes.model)
    found = [t for t in _completions(completer, "prades") if t.startswith("Prades —")]
    assert len(found) >= 2 and len(set(found)) == len(found)


def test_version_prints_without_a_window(capsys):
    assert app.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("tierslieu ")
    assert app.main(["--nonsense"]) == 2


def test_no_none_refcount_leak_in_void_calls(qtbot):
    """PySide6 6.12 on CPython 3.11 takes a reference off None at each void call."""
    edit = QLineEdit()
    qtbot.addWidget(edit)
    before = sys.getrefcount(None)
    for i in range(2000):
        edit.setText(str(i))
    after = sys.getrefcount(None)
    assert before - after < 500, (before, after)


def test_unexpected_error_shows_a_copyable_report(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(error_dialog.ErrorDialog, "show_report",
                        classmethod(lambda cls, summary, details, parent=None:
                                    shown.append((summary, details))))
    try:
        raise ValueError("boom")
    except ValueError as exc:
        errors.excepthook(type(exc), exc, exc.__traceback__)
    assert "ValueError" in shown[0][0]
    assert "boom" in shown[0][1] and "Traceback" in shown[0][1]
    dialog = error_dialog.ErrorDialog(*shown[0])
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert "boom" in QGuiApplication.clipboard().text()


def test_the_funnel_shows_any_user_facing_error_and_reports_the_rest(qtbot, monkeypatch):
    """A KnowledgeError or BrandError is the user's to mend: its message, never the report;
    the background helper funnels by default, and so do uncaught exceptions."""
    from desktop import tasks
    from desktop.shell.prompts import Prompts
    from reports.brand import BrandError
    from reports.knowledge import KnowledgeError

    shown, reported = [], []
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda p, t, text: shown.append(text)))
    monkeypatch.setattr(errors, "report", reported.append)
    assert errors.handle(KnowledgeError("Base illisible.")) is True
    errors.excepthook(BrandError, BrandError("Couleur invalide."), None)
    assert shown == ["Base illisible.", "Couleur invalide."] and reported == []
    inline = []
    assert errors.handle(KeyError("bug"), inline.append) is False
    assert inline == [] and [type(e) for e in reported] == [KeyError]

    def refused():
        raise KnowledgeError("Fichier manquant.")

    task = tasks.run_in_background(refused, lambda _value: None)
    qtbot.waitUntil(lambda: "Fichier manquant." in shown, timeout=5000)
    assert task is not None and len(reported) == 1


def test_python_m_desktop_version_opens_no_window():
    done = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0 and done.stdout.startswith("tierslieu ")
    assert "PySide6" not in done.stderr


def test_about_box_names_the_study_and_the_open_data(communes):
    from desktop.dialogs.about import about_html

    html = about_html()
    assert "2017" in html and "EUPL" in html
    assert "Licence Ouverte" in html and "Etalab" in html
    assert "Données de financement vérifiées le 3 décembre 2026" in html


def test_version_without_a_console_shows_a_message(qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(sys, "stdout", None)  # pythonw: the Windows GUI script
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    assert app.main(["--version"]) == 0
    assert shown and shown[0].startswith("tierslieu ")


def test_project_is_saved_as_the_engine_writes_it_and_nan_is_refused(qapp, tmp_path):
    """The wizard's file is the engine's JSON text; an unsavable value is a French UserError."""
    from desktop.errors import UserError
    from desktop.shell.document import ProjectDocument
    from reports.profile import profile_to_json, read_profile

    document = ProjectDocument()
    document.profile.commune.name = "Prades"
    document.profile.population.total = 5835
    target = tmp_path / "prades.tierslieu.json"
    document.save(str(target))
    assert target.read_text(encoding="utf-8") == profile_to_json(document.profile)
    assert read_profile(target)[0].population.total == 5835

    document.profile.budget.subsidy_rate = float("nan")
    with pytest.raises(UserError, match="impossible à enregistrer"):
        document.save(str(target))
    assert read_profile(target)[0].population.total == 5835  # the earlier file is intact
