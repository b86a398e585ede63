"""Keyboard-only use: tab order follows the form, Return goes on, Alt+letter reaches fields."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from test_wizard_files import PRADES

from desktop.shell.main_window import AUTOSAVE_MS
from desktop.shell.navigation import PageId

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


def test_tab_walks_the_commune_form_in_reading_order(qtbot, make_window):
    window = make_window()
    window.wizard.next()
    page = window.wizard.currentPage()
    order = ["commune.name", "outside", "commune.insee_code", "commune.departement",
             "commune.epci_name", "commune.epci_population", "population.total"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.bindings[order[0]].widget.setFocus()
    widgets = {b.widget: f for f, b in page.bindings.items()} | {page.outside: "outside"}
    visited = []
    for _ in order:
        visited.append(widgets.get(QApplication.focusWidget()))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert visited == order


def test_return_moves_on_once_the_page_is_valid(qtbot, make_window):
    window = make_window()
    window.wizard.next()
    page = window.wizard.currentPage()
    name = page.bindings["commune.name"].widget
    name.setFocus()
    qtbot.keyClicks(name, "Villefort")
    page.completer.popup().hide()
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert window.wizard.currentId() == PageId.COMMUNE  # two Villefort: not chosen yet
    name.selectAll()
    qtbot.keyClicks(name, "48198")  # its INSEE code, then the only proposal
    qtbot.waitUntil(page.completer.popup().isVisible, timeout=5000)
    qtbot.keyClick(page.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(page.completer.popup(), Qt.Key.Key_Return)
    assert window.document.value("commune.insee_code") == "48198"
    population = page.bindings["population.total"].widget
    population.setFocus()
    qtbot.keyClick(population, Qt.Key.Key_Return)
    assert window.wizard.currentId() == PageId.POPULATION


def test_every_field_label_has_a_buddy(make_window, tmp_path):
    window = make_window()
    project = tmp_path / "p.tierslieu.json"
    project.write_text(json.dumps(PRADES), encoding="utf-8")
    window.open_project(str(project))
    for page_id in PageId:
        page = window.wizard.page_of(page_id)
        for binding in getattr(page, "bindings", {}).values():
            form_label = [label for label in page.findChildren(QLabel)
                          if label.buddy() is not None and (
                              label.buddy() is binding.widget
                              or label.buddy().isAncestorOf(binding.widget))]
            assert form_label, binding.field


def test_autosave_runs_every_minute(make_window):
    window = make_window()
    assert AUTOSAVE_MS == 60_000
    assert window.autosave_timer.isActive() and window.autosave_timer.interval() == AUTOSAVE_MS


def test_file_menu_has_the_standard_shortcuts(make_window):
    from PySide6.QtGui import QKeySequence

    window = make_window()
    shortcuts = {a.shortcut().toString() for a in window.file_menu.actions()}
    for key in (QKeySequence.StandardKey.New, QKeySequence.StandardKey.Open,
                QKeySequence.StandardKey.Save, QKeySequence.StandardKey.Quit):
        assert QKeySequence(key).toString() in shortcuts


def test_return_on_the_note_page_writes_the_note_instead_of_quitting(qtbot, make_window,
                                                                     tmp_path, monkeypatch):
    from desktop.pages.note import NotePage

    window = make_window()
    project = tmp_path / "p.tierslieu.json"
    project.write_text(json.dumps(PRADES), encoding="utf-8")
    window.open_project(str(project))
    wizard = window.wizard
    wizard.go_to(PageId.RESULTS)
    qtbot.waitUntil(wizard.currentPage().isComplete, timeout=20_000)
    wizard.next()
    page = wizard.currentPage()
    asked = []
    monkeypatch.setattr(NotePage, "generate", lambda self: asked.append("generate"))
    page.generate_button.clicked.disconnect()
    page.generate_button.clicked.connect(page.generate)
    wizard.closeRequested.connect(lambda: asked.append("quit"))
    page.author.setFocus()
    qtbot.keyClick(page.author, Qt.Key.Key_Return)
    assert asked == ["generate"]
    wizard.back()  # elsewhere Return still moves on
    qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.NOTE


def test_finish_before_the_note_exists_asks_first(make_window, monkeypatch):
    from desktop.shell.prompts import Prompts

    window = make_window()
    answers = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(
        lambda parent, title, text: answers.append(text) or len(answers) > 1))
    quits = []
    window.wizard.closeRequested.connect(lambda: quits.append(True))
    window.wizard.accept()  # "Terminer", answered No
    assert quits == [] and "pas encore été générée" in answers[0]
    window.wizard.accept()  # answered Yes
    assert quits == [True]
    window.wizard.page_of(PageId.NOTE).written = "/tmp/note.pdf"
    window.wizard.accept()  # once the note exists, no question
    assert len(answers) == 2 and quits == [True, True]


def test_no_page_has_an_invisible_tab_stop(make_window):
    from PySide6.QtWidgets import QScrollArea

    window = make_window()
    assert not isinstance(window.focusWidget(), QScrollArea)  # where the first page starts
    stops = [scroll for page_id in PageId
             for scroll in window.wizard.page_of(page_id).findChildren(QScrollArea)
             if scroll.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert stops == []


def test_tab_goes_round_every_page_without_a_loop(qtbot, make_window, tmp_path):
    window = make_window()
    project = tmp_path / "p.tierslieu.json"
    project.write_text(json.dumps(PRADES), encoding="utf-8")
    window.open_project(str(project))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wizard = window.wizard
    wizard.restart()
    for page_id in PageId:
        page = wizard.currentPage()
        if page_id == PageId.RESULTS:
            qtbot.waitUntil(page.isComplete, timeout=20_000)
        start = wizard.button(wizard.WizardButton.NextButton if page_id == PageId.WELCOME
                              else wizard.WizardButton.BackButton)
        start.setFocus()
        visited = []
        for _ in range(40):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            if QApplication.focusWidget() is start:
                break
            assert QApplication.focusWidget() not in visited, (page_id.name, len(visited))
            visited.append(QApplication.focusWidget())
        assert QApplication.focusWidget() is start, page_id.name
        assert sum(page.isAncestorOf(w) for w in visited) >= 1, page_id.name
        if page_id != PageId.NOTE:
            wizard.next()
    note = wizard.currentPage()
    in_page = [w for w in visited if note.isAncestorOf(w)]
    assert in_page[:6] == [note.author, note.organisation, note.logo, note.logo_button,
                           note.output, note.output_button]
    assert in_page[-1] is note.generate_button  # the option rows come before it
