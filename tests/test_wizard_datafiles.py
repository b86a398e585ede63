"""Fichier › Charger un recensement plus récent… and › Charger un tableau de programmes de
financement…: a newer file in place of the bundled one, checked in the background, refused
in French naming what is missing, remembered across restarts; the figures follow."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest
from newer_census import write_newer_census
from PySide6.QtGui import QAction

from desktop.shell.navigation import PageId
from desktop.shell.prompts import Prompts
from reports.communes import CENSUS_ENV, reset_census
from reports.knowledge import PROGRAMMES_ENV, knowledge, use_programmes
from reports.paths import resource

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


@pytest.fixture(autouse=True)
def bundled_data_again():
    """The census and programmes are the process's: back to the shipped ones after a test."""
    yield
    reset_census()
    use_programmes(None)


@pytest.fixture
def answers(monkeypatch):
    """The file the chooser gives and the refusals shown (no real dialog)."""
    given: dict[str, object] = {"file": "", "errors": []}
    monkeypatch.setattr(Prompts, "choose_file",
                        staticmethod(lambda _parent, _kind, _folder: given["file"]))
    monkeypatch.setattr(Prompts, "error", staticmethod(
        lambda _parent, title, text: given["errors"].append((title, text))))
    return given


def action(window, text: str) -> QAction:
    """The Fichier menu's action whose text (without &) starts with `text`."""
    found = [a for a in window.file_menu.actions() if a.text().replace("&", "").startswith(text)]
    assert len(found) == 1, [a.text() for a in window.file_menu.actions()]
    return found[0]


def wait_loaded(qtbot, window, kind: str) -> None:
    qtbot.waitUntil(lambda: kind not in window.data_files.running, timeout=60_000)


def population_page_with_prades(window):
    """A project for Prades (chosen in the directory), on the population page."""
    window.wizard.next()
    commune = window.wizard.currentPage()
    assert commune.choose("66149")
    window.wizard.next()
    assert window.wizard.currentId() == PageId.POPULATION
    return window.wizard.currentPage()


def note_text(page, field: str) -> str:
    return page.officials.notes[field].label.text()


def test_a_newer_census_is_used_shown_and_kept_after_a_restart(
        qtbot, make_window, communes, answers, settings, tmp_path):
    window = make_window()
    page = population_page_with_prades(window)
    doc = window.document
    bundled_jobs = doc.value("population.jobs")
    assert note_text(page, "population.jobs") == "Source : recensement 2018 (INSEE)"
    assert "Recensement 2018 (INSEE) fourni" in window.data_label.text()
    doc.set("population.active_15_64", 2500)  # typed by the user: stays as typed
    page.load_from_document()
    assert not window.census_back.isEnabled()

    path = tmp_path / "comparateur_2021.csv"
    expected = write_newer_census(path)["66149"]
    answers["file"] = str(path)
    action(window, "Charger un recensement plus récent").trigger()
    wait_loaded(qtbot, window, "census")

    assert answers["errors"] == []
    assert communes.directory.census_year == 2021
    assert doc.value("population.jobs") == expected["jobs"] != bundled_jobs
    assert page.bindings["population.jobs"].widget.text() == f"{expected['jobs']:,}".replace(
        ",", "\u202f")
    assert note_text(page, "population.jobs") == "Source : recensement 2021 (INSEE)"
    assert doc.value("population.active_15_64") == 2500
    assert "Modifié" in note_text(page, "population.active_15_64")
    assert "recensement 2021" in note_text(page, "population.active_15_64")
    assert doc.profile.commune.extra["sources"]["population.jobs"] == "recensement 2021 (INSEE)"
    assert "Recensement 2021 (INSEE), fichier comparateur_2021.csv" in window.data_label.text()
    assert "mis à jour" in window.statusBar().currentMessage()
    assert settings.get("data/census") == str(path)
    assert os.environ[CENSUS_ENV] == str(path.resolve())  # the batch's workers read it too
    assert window.census_back.isEnabled()
    # the note follows: the analysis the note page runs reads the same directory
    from desktop.pages.results import analyse_snapshot

    result = analyse_snapshot(doc.snapshot(), communes.directory)
    assert result.commune.sources["population.jobs"] == "recensement 2021 (INSEE)"
    assert result.commune.concentration == round(expected["jobs"] / expected["employed_15_64"],
                                                 2)  # 1,89 (2018 bundled: 1,83)

    reset_census()  # a new process: the bundled census until the settings are read again
    again = make_window()
    assert again.data_files.chosen("census") == str(path)
    again.data_files.restore()
    wait_loaded(qtbot, again, "census")
    assert communes.directory.census_year == 2021
    assert "Recensement 2021" in again.data_label.text()

    again.census_back.trigger()
    wait_loaded(qtbot, again, "census")
    assert communes.directory.census_year == 2018 and settings.get("data/census") == ""
    assert CENSUS_ENV not in os.environ
    assert "Recensement 2018 (INSEE) fourni" in again.data_label.text()


def test_a_census_file_missing_columns_is_refused_in_french_and_nothing_is_lost(
        qtbot, make_window, communes, answers, settings, tmp_path):
    window = make_window()
    page = population_page_with_prades(window)
    doc = window.document
    jobs = doc.value("population.jobs")
    path = tmp_path / "incomplet.csv"
    write_newer_census(path, drop=("P21_CHOM1564", "P21_EMPLT"))
    answers["file"] = str(path)
    action(window, "Charger un recensement plus récent").trigger()
    wait_loaded(qtbot, window, "census")
    ((title, text),) = answers["errors"]
    assert title == "Recensement refusé"
    assert "P21_CHOM1564" in text and "P21_EMPLT" in text and "Colonnes absentes" in text
    assert communes.directory.census_year == 2018 and settings.get("data/census") == ""
    assert doc.value("population.jobs") == jobs
    assert note_text(page, "population.jobs") == "Source : recensement 2018 (INSEE)"


def test_a_remembered_file_gone_since_is_forgotten_with_a_message(
        qtbot, make_window, communes, answers, settings, tmp_path):
    settings.set("data/census", str(tmp_path / "disparu.csv"))
    window = make_window()
    window.data_files.restore()
    wait_loaded(qtbot, window, "census")
    ((title, text),) = answers["errors"]
    assert title == "Recensement refusé"
    assert "disparu.csv" in text and "fournies avec l'application" in text
    assert settings.get("data/census") == ""
    assert communes.directory.census_year == 2018


def _programmes_checked(tmp_path: Path, checked_on: str, drop: str = "") -> Path:
    """The shipped programmes table, every row checked on `checked_on`, `drop` removed."""
    target = tmp_path / "programmes-2027.csv"
    shutil.copyfile(resource("knowledge", "programmes.csv"), target)
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    at = rows[0].index("checked_on")
    for row in rows[1:]:
        row[at] = checked_on
    if drop:
        gone = rows[0].index(drop)
        rows = [row[:gone] + row[gone + 1:] for row in rows]
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return target


def test_a_newer_programmes_table_is_used_refused_or_left(
        qtbot, make_window, answers, settings, tmp_path):
    from desktop.dialogs.about import about_html

    window = make_window()
    bad = _programmes_checked(tmp_path, "2027-02-15", drop="status")
    answers["file"] = str(bad)
    action(window, "Charger un tableau de programmes").trigger()
    wait_loaded(qtbot, window, "programmes")
    ((title, text),) = answers["errors"]
    assert title == "Tableau de programmes refusé" and "status" in text
    assert knowledge().programmes_file == "" and settings.get("data/programmes") == ""

    good = _programmes_checked(tmp_path, "2027-02-15")
    answers["file"] = str(good)
    action(window, "Charger un tableau de programmes").trigger()
    wait_loaded(qtbot, window, "programmes")
    assert len(answers["errors"]) == 1
    assert knowledge().programmes_checked_on == "2027-02-15"
    assert os.environ[PROGRAMMES_ENV] == str(good.resolve())
    assert settings.get("data/programmes") == str(good)
    assert "programmes de financement : fichier programmes-2027.csv" in window.data_label.text()
    assert "15 février 2027 (fichier programmes-2027.csv)" in about_html()

    use_programmes(None)  # a new process: the shipped table until the settings are read
    again = make_window()
    again.data_files.restore()
    wait_loaded(qtbot, again, "programmes")
    assert knowledge().programmes_checked_on == "2027-02-15"
    assert "programmes de financement : fichier programmes-2027.csv" in again.data_label.text()

    again.programmes_back.trigger()
    wait_loaded(qtbot, again, "programmes")
    assert knowledge().programmes_file == "" and settings.get("data/programmes") == ""
    assert PROGRAMMES_ENV not in os.environ
    assert "programmes de financement fournis" in again.data_label.text()


def test_at_start_up_the_census_waits_for_the_directory_being_loaded(
        qtbot, qapp, answers, settings, tmp_path):
    """Start-up: the directory is not loaded yet when the remembered census is restored; the
    census is loaded once it is there, and the status bar says so meanwhile. (In this test
    process the directory is already built, so the race the wait avoids cannot happen here.)"""
    from desktop.shell.communes import CommuneIndex
    from desktop.shell.startup import create_window

    path = tmp_path / "comparateur_2021.csv"
    write_newer_census(path)
    settings.set("data/census", str(path))
    index = CommuneIndex()
    window = create_window(settings, tmp_path / "recovery", communes=index)
    qtbot.addWidget(window)
    window.data_files.restore()  # before the directory is ready
    assert "Recensement : chargement…" in window.data_label.text()
    wait_loaded(qtbot, window, "census")
    assert index.is_ready and index.directory.census_year == 2021
    assert "Recensement 2021 (INSEE), fichier comparateur_2021.csv" in window.data_label.text()
    assert answers["errors"] == []


def test_a_slow_check_shows_its_progress_then_closes_it(
        qtbot, make_window, answers, monkeypatch, tmp_path):
    import threading

    from desktop.shell import datafiles

    release = threading.Event()

    def slow(path: str) -> str:
        release.wait(30)  # the check goes on until the test has seen the dialog
        return "ok"

    monkeypatch.setitem(datafiles.KINDS, "census",
                        datafiles.DataFile("census", slow, datafiles.CENSUS.bundled))
    window = make_window()
    answers["file"] = str(tmp_path / "lent.csv")
    action(window, "Charger un recensement plus récent").trigger()
    qtbot.waitUntil(lambda: window.data_files.progress is not None
                    and window.data_files.progress.isVisible(), timeout=5000)
    assert "Vérification du recensement" in window.data_files.progress.labelText()
    release.set()
    wait_loaded(qtbot, window, "census")
    assert window.data_files.progress is None
