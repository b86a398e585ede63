"""Drive the whole wizard like a user, for three contrasting communes, through to the PDF."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWizard

from desktop.pages import note as note_page
from desktop.pages import results as results_page
from desktop.shell.navigation import PageId
from desktop.shell.prompts import Prompts
from reports.fmt import parse_number

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window

# Three contrasting communes: an isolated village carried by the intercommunality, a
# residential commune near Montpellier (with homonyms elsewhere), an employment pole.
COMMUNES = [
    {"typed": "villef", "insee": "48198", "name": "Villefort",
     "population": ["400", "290", "250", "180"], "zau_steps": 8, "carrier_steps": 2,
     "building": ("Maison France Services", "45"), "services_steps": ["public_services"]},
    {"typed": "montpeyr", "insee": "34173", "name": "Montpeyroux",
     "population": ["850", "660", "590", "310"], "zau_steps": 1, "carrier_steps": 0,
     "building": ("Ancienne cave", "220,5"), "services_steps": ["fablab"]},
    {"typed": "muret", "insee": "31395", "name": "Muret",
     "population": ["15 800", "11 900", "10 400", "12 950"], "zau_steps": 0,
     "carrier_steps": 6, "building": ("Bureaux rue de l'Europe", "300"),
     "services_steps": ["closed_offices"]},
]


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch):
    """Any modal prompt in these tests is a failure, except the ones patched per test."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("unexpected modal dialog")
    for name in ("unsaved_changes", "offer_recovery", "open_project", "save_project",
                 "save_note", "choose_file", "error"):
        monkeypatch.setattr(Prompts, name, staticmethod(refuse))


def click_next(qtbot, wizard) -> None:
    """Press Next, which must be enabled."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), wizard.currentPage().title()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick_commune(qtbot, page, typed: str, insee: str) -> None:
    """Type the start of the name and choose the entry with `insee` in the popup."""
    page.name.setFocus()
    qtbot.keyClicks(page.name, typed)
    completer = page.completer
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=5000)
    model = completer.completionModel()
    rows = [r for r in range(model.rowCount())
            if completer.insee_at(model.index(r, 0)) == insee]
    assert rows, f"{insee} not proposed for {typed!r}"
    completer.popup().setCurrentIndex(model.index(rows[0], 0))
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)


def choose_in_combo(qtbot, combo, steps: int) -> None:
    """Pick with the keyboard: Home, then Down `steps` times."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def type_number(qtbot, edit, text: str) -> None:
    """Replace a field's content by typing."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def pdf_text(path: Path) -> str:
    """All the PDF's text with spaces normalised."""
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " "))


@pytest.mark.parametrize("commune", COMMUNES, ids=[c["name"] for c in COMMUNES])
def test_a_user_goes_from_the_commune_to_its_pdf(qtbot, make_window, tmp_path, monkeypatch,
                                                  commune):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    window = make_window()
    wizard = window.wizard
    click_next(qtbot, wizard)

    page = wizard.currentPage()
    assert wizard.currentId() == PageId.COMMUNE and not page.isComplete()
    pick_commune(qtbot, page, commune["typed"], commune["insee"])
    assert window.document.value("commune.insee_code") == commune["insee"]
    assert page.name.text() == commune["name"]
    assert page.isComplete()
    click_next(qtbot, wizard)

    page = wizard.currentPage()
    fields = ["population.age_15_64", "population.active_15_64",
              "population.employed_15_64", "population.jobs"]
    for field, typed in zip(fields, commune["population"], strict=True):
        type_number(qtbot, page.bindings[field].widget, typed)
    jobs, employed = (parse_number(commune["population"][i]) for i in (3, 2))
    assert page.concentration.text().startswith(f"{jobs / employed:.2f} — commune ".replace(
        ".", ","))
    click_next(qtbot, wizard)

    page = wizard.currentPage()
    choose_in_combo(qtbot, page.bindings["territory.zau2010"].widget, commune["zau_steps"])
    type_number(qtbot, page.bindings["territory.minutes_to_pole"].widget, "35")
    qtbot.waitUntil(lambda: page.neighbourhood is not None, timeout=10_000)
    assert "20 km" in page.around.text() and "20 min de route" in page.around.text()
    # the button takes the zone the analysis uses (≈ 20 min by road), not the 20 km ring
    zone = next(c for c in page.neighbourhood.catchments if c["minutes"] == 20)
    qtbot.mouseClick(page.use_zone, Qt.MouseButton.LeftButton)
    assert window.document.value("territory.catchment_population") == zone["population"]
    assert parse_number(page.bindings["territory.catchment_population"].widget.text()) \
        == zone["population"]
    click_next(qtbot, wizard)

    page = wizard.currentPage()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    name, surface = commune["building"]
    qtbot.keyClicks(dialog.widgets["name"], name)
    qtbot.keyClicks(dialog.widgets["surface_m2"], surface)
    choose_in_combo(qtbot, dialog.widgets["state"], 2)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == name
    click_next(qtbot, wizard)

    page = wizard.currentPage()
    choose_in_combo(qtbot, page.type_combo, commune["carrier_steps"])
    assert page.study.text()  # the study's lines for this carrier type
    click_next(qtbot, wizard)

    page = wizard.currentPage()
    type_number(qtbot, page.bindings["budget.investment_eur"].widget, "40 000")
    type_number(qtbot, page.bindings["budget.subsidy_rate"].widget, "62,5")
    assert window.document.value("budget.subsidy_rate") == pytest.approx(0.625)
    for code in commune["services_steps"]:
        page.bindings["services"].widget.boxes[code].click()
    click_next(qtbot, wizard)

    page = wizard.currentPage()
    assert wizard.currentId() == PageId.RESULTS
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    verdict = page.result.verdict.label
    assert verdict in page.view.text()
    click_next(qtbot, wizard)

    page = wizard.currentPage()
    target = tmp_path / f"note {commune['name']}.pdf"
    page.output.clear()
    qtbot.keyClicks(page.output, str(target))
    qtbot.keyClicks(page.author, "Marie Dupont")
    with qtbot.waitSignal(page.noteWritten, timeout=60_000):
        qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    text = pdf_text(target)
    assert commune["name"] in text and verdict in text
    qtbot.mouseClick(page.open_note_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target), str(tmp_path)]


def test_bad_values_block_next_with_the_message_shown(qtbot, make_window):
    window = make_window()
    wizard = window.wizard
    click_next(qtbot, wizard)
    page = wizard.currentPage()
    qtbot.keyClicks(page.name, "Commune inventee")
    page.outside.setChecked(True)  # a commune outside the directory is typed on purpose
    population = page.bindings["population.total"]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    for bad in ("0", "12,5", "3 000 000"):
        type_number(qtbot, population.widget, bad)
        assert not next_button.isEnabled()
        assert population.messages.isVisible()
        assert "La population doit être un nombre entier" in population.messages.text()
    type_number(qtbot, population.widget, "1 234")
    assert window.document.value("population.total") == 1234
    assert next_button.isEnabled() and not population.messages.isVisible()


def test_warnings_show_but_do_not_block(qtbot, make_window):
    window = make_window()
    wizard = window.wizard
    click_next(qtbot, wizard)
    page = wizard.currentPage()
    qtbot.keyClicks(page.name, "Test")
    page.outside.setChecked(True)
    type_number(qtbot, page.bindings["population.total"].widget, "500")
    click_next(qtbot, wizard)
    page = wizard.currentPage()
    type_number(qtbot, page.bindings["population.age_15_64"].widget, "900")  # > population
    messages = page.bindings["population.age_15_64"].messages
    assert messages.isVisible() and "dépasse" in messages.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def _fill_minimum(window) -> None:
    doc = window.document
    doc.set("commune.name", "Villefort")
    doc.set("commune.insee_code", "48198")
    doc.set("commune.departement", "48")
    doc.set("population.total", 618)


def go_to_note(qtbot, window) -> None:
    """Through the results (once computed) to the note page."""
    window.wizard.go_to(PageId.RESULTS)
    qtbot.waitUntil(window.wizard.currentPage().isComplete, timeout=20_000)
    window.wizard.next()
    assert window.wizard.currentId() == PageId.NOTE


def test_analysis_runs_off_the_gui_thread(qtbot, make_window, monkeypatch):
    release = threading.Event()
    real = results_page.analyse_snapshot

    def slow(profile, directory):
        assert release.wait(10), "never released"
        return real(profile, directory)

    monkeypatch.setattr(results_page, "analyse_snapshot", slow)
    window = make_window()
    _fill_minimum(window)
    window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    assert window.wizard.currentId() == PageId.RESULTS and not page.isComplete()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the event loop keeps turning
    assert not page.isComplete()
    release.set()
    with qtbot.waitSignal(page.resultReady, timeout=20_000):
        pass
    timer.stop()
    assert page.isComplete()


def test_results_refresh_when_an_answer_changes(qtbot, make_window):
    window = make_window()
    _fill_minimum(window)
    window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    before = page.result.profile["population"]["total"]
    with qtbot.waitSignal(page.resultReady, timeout=20_000):
        window.document.set("population.total", 2500)
    assert before == 618 and page.result.profile["population"]["total"] == 2500


def test_pdf_generation_keeps_the_window_responsive(qtbot, make_window, tmp_path,
                                                    monkeypatch):
    release = threading.Event()
    real = note_page.produce_note

    def slow(profile, directory, path, options, progress):
        progress(0.2, "")
        assert release.wait(10), "never released"
        return real(profile, directory, path, options, progress)

    monkeypatch.setattr(note_page, "produce_note", slow)
    window = make_window()
    _fill_minimum(window)
    go_to_note(qtbot, window)
    page = window.wizard.currentPage()
    page.output.setText(str(tmp_path / "note.pdf"))
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress.value() == 20, timeout=5000)
    assert not page.generate_button.isEnabled() and not page.open_note_button.isEnabled()
    qtbot.keyClicks(page.author, "Jean")  # typing still works while the PDF is made
    assert page.author.text() == "Jean"
    with qtbot.waitSignal(page.noteWritten, timeout=60_000):
        release.set()
    assert (tmp_path / "note.pdf").exists() and page.progress.value() == 100


def test_pdf_target_that_cannot_be_written_gives_a_french_message(qtbot, make_window,
                                                                  tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda p, t, text: shown.append(text)))
    window = make_window()
    _fill_minimum(window)
    go_to_note(qtbot, window)
    page = window.wizard.currentPage()
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    page.output.setText(str(blocker / "note.pdf"))  # its "folder" is a file
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "Traceback" not in shown[0] and page.status.text() == shown[0]
    assert page.generate_button.isEnabled() and not page.open_note_button.isEnabled()


def test_buildings_are_added_edited_and_removed(qtbot, make_window, monkeypatch):
    answers = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda p, t, text: answers.append(text)
                                                         or True))
    window = make_window()
    page = window.wizard.page_of(PageId.BUILDINGS)
    window.wizard.go_to(PageId.BUILDINGS)  # the empty profile stops at the commune page
    for name, surface in (("Ecole", "120"), ("Gare", "80")):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(page.dialog.widgets["name"], name)
        qtbot.keyClicks(page.dialog.widgets["surface_m2"], surface)
        qtbot.mouseClick(page.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert [b.name for b in window.document.profile.buildings] == ["Ecole", "Gare"]

    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    surface = page.dialog.widgets["surface_m2"]
    type_number(qtbot, surface, "0")  # below the engine's minimum: OK is refused
    assert not page.dialog.ok_button.isEnabled()
    assert "La surface" in page.dialog.messages["surface_m2"].text()
    type_number(qtbot, surface, "150,5")
    qtbot.mouseClick(page.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.document.profile.buildings[0].surface_m2 == 150.5
    assert page.model.index(0, 2).data() == "150,5\u00a0m²"

    page.table.selectRow(1)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert "Gare" in answers[0]
    assert [b.name for b in window.document.profile.buildings] == ["Ecole"]
    assert window.isWindowModified()


def test_the_building_dialog_judges_the_size_as_the_results_do(qtbot):
    """One rule: under the results' advised surface (the desks then do not all fit: a phase
    2), the dialog says what the results will say (« Plus petit que conseillé »); a fitting
    size, or no advice yet, says nothing."""
    from desktop.dialogs.building_dialog import BuildingDialog
    from reports.profile import Building

    dialog = BuildingDialog(Building(name="Salle", surface_m2=50), ["open_space"], "none",
                            advised_m2=200)
    qtbot.addWidget(dialog)
    assert "Plus petit que conseillé (50" in dialog.messages["surface_m2"].text()
    type_number(qtbot, dialog.widgets["surface_m2"], "190")
    assert "Plus petit que conseillé (190" in dialog.messages["surface_m2"].text()
    type_number(qtbot, dialog.widgets["surface_m2"], "200")
    assert "conseillé" not in dialog.messages["surface_m2"].text()
    unknown = BuildingDialog(Building(name="Salle", surface_m2=50), ["open_space"], "none")
    qtbot.addWidget(unknown)
    assert "conseillé" not in unknown.messages["surface_m2"].text()


def test_an_old_commune_name_typed_in_full_leads_to_the_current_commune(qtbot, make_window):
    window = make_window()
    window.wizard.next()
    page = window.wizard.currentPage()
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Annecy-le-Vieux")
    page.completer.popup().hide()
    page.name.editingFinished.emit()  # what leaving the field does
    assert window.document.value("commune.insee_code") == "74010"
    assert page.name.text() == "Annecy"
    assert "Annecy-le-Vieux" in page.status.text() and "Annecy" in page.status.text()


def test_homonyms_typed_in_full_ask_to_choose(qtbot, make_window):
    window = make_window()
    window.wizard.next()
    page = window.wizard.currentPage()
    qtbot.keyClicks(page.name, "Prades")
    page.completer.popup().hide()
    page.name.editingFinished.emit()
    assert window.document.value("commune.insee_code") == ""
    assert "Plusieurs communes" in page.status.text()


def test_note_progress_rises_from_the_analysis_to_the_finished_pdf(tmp_path):
    from reports.paths import read_text
    from reports.profile import profile_from_dict

    profile, _messages = profile_from_dict(
        json.loads(read_text("examples", "prades.tierslieu.json")))
    seen: list[tuple[float, str]] = []
    written = note_page.produce_note(profile, None, str(tmp_path / "n.pdf"), {},
                                     lambda fraction, text: seen.append((fraction, text)))
    fractions = [f for f, _t in seen]
    assert written[0].exists() and fractions == sorted(fractions)
    assert fractions[0] < 0.1 and fractions[-1] == 1.0
    # the renderer's own steps arrive, scaled into the bar's last 90 %, with their words
    assert any(0.1 < f < 1.0 and text for f, text in seen), seen
