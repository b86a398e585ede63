"""One commune, one identity: the commune page's choice, retyping, codes, and the prefill."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.shell.navigation import PageId
from desktop.shell.prompts import Prompts
from reports.fill import directory_values

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch):
    """Any modal prompt is a failure here."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("unexpected modal dialog")
    for name in ("unsaved_changes", "offer_recovery", "open_project", "save_project",
                 "save_note", "choose_file", "error"):
        if hasattr(Prompts, name):
            monkeypatch.setattr(Prompts, name, staticmethod(refuse))


def commune_page(make_window):
    window = make_window()
    window.wizard.next()
    page = window.wizard.currentPage()
    assert window.wizard.currentId() == PageId.COMMUNE
    return window, page


def proposals(qtbot, page, typed: str) -> list[str]:
    """Type `typed` into the empty commune field; the INSEE codes the popup proposes."""
    page.name.setFocus()
    page.name.selectAll()
    qtbot.keyClick(page.name, Qt.Key.Key_Delete)
    qtbot.keyClicks(page.name, typed)
    completer = page.completer
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=5000)
    model = completer.completionModel()
    return [completer.insee_at(model.index(r, 0)) for r in range(model.rowCount())]


def pick(qtbot, page, typed: str, insee: str) -> None:
    """Type, then choose the row of `insee` in the popup with the keyboard."""
    codes = proposals(qtbot, page, typed)
    assert insee in codes, f"{insee} not proposed for {typed!r}: {codes}"
    model = page.completer.completionModel()
    page.completer.popup().setCurrentIndex(model.index(codes.index(insee), 0))
    qtbot.keyClick(page.completer.popup(), Qt.Key.Key_Return)


def test_choosing_fills_name_code_and_figures_together(qtbot, make_window, communes):
    window, page = commune_page(make_window)
    doc = window.document
    pick(qtbot, page, "prades", "66149")
    record = communes.lookup("66149")
    assert page.name.text() == "Prades"
    assert doc.value("commune.insee_code") == "66149"
    assert doc.value("commune.departement") == "66"
    assert doc.value("population.total") == record.population
    for field, (value, _source) in directory_values(record, communes.directory).items():
        assert doc.value(field) == value, field
    assert doc.profile.commune.extra["sources"]["population.jobs"] == "recensement 2018 (INSEE)"
    assert page.isComplete()
    assert "66149" in page.status.text()
    assert page.insee.isReadOnly()  # the code comes with the choice, not typed apart


def test_retyping_another_name_clears_code_and_figures_until_chosen_again(qtbot, make_window):
    window, page = commune_page(make_window)
    doc = window.document
    pick(qtbot, page, "prades", "66149")
    page.name.setFocus()
    page.name.end(False)
    qtbot.keyClicks(page.name, "x")  # « Pradesx »: no longer Prades
    page.completer.popup().hide()
    assert doc.value("commune.name") == "Pradesx"
    assert doc.value("commune.insee_code") == ""
    assert doc.value("commune.departement") == ""
    assert doc.value("population.total") is None
    assert doc.value("population.jobs") is None
    assert not page.isComplete()
    assert "hors annuaire" in page.status.text()
    # choosing another commune gives that commune's own figures, never Prades's
    pick(qtbot, page, "muret", "31395")
    assert (doc.value("commune.name"), doc.value("commune.insee_code")) == ("Muret", "31395")
    assert doc.value("population.total") == page.context.communes.lookup("31395").population
    assert page.isComplete()


def test_an_edit_comes_back_when_the_same_commune_is_chosen_again(qtbot, make_window):
    window, page = commune_page(make_window)
    doc = window.document
    pick(qtbot, page, "prades", "66149")
    doc.set("population.total", 6000)  # the user's own, more recent figure
    qtbot.keyClicks(page.name, "z")
    page.completer.popup().hide()
    assert doc.value("population.total") is None
    pick(qtbot, page, "prades", "66149")
    assert doc.value("population.total") == 6000


def test_an_insee_code_typed_finds_its_commune(qtbot, make_window):
    window, page = commune_page(make_window)
    codes = proposals(qtbot, page, "66149")
    assert codes[0] == "66149"
    pick(qtbot, page, "09157", "09157")
    assert page.name.text() == "Laroque-d'Olmes"
    assert window.document.value("commune.insee_code") == "09157"


def test_a_postal_code_typed_finds_every_commune_it_serves(qtbot, make_window, communes):
    _window, page = commune_page(make_window)
    served = {c.insee_code for c in communes.directory.by_postal_code("66500")}
    assert len(served) > 3
    codes = proposals(qtbot, page, "66500")
    assert served <= set(codes) or len(codes) == 12
    assert "66149" in codes
    pick(qtbot, page, "66500", "66149")
    assert page.name.text() == "Prades"
    # back to a name: the name list again
    assert "31395" in proposals(qtbot, page, "mure")


def test_free_text_only_as_an_explicit_choice(qtbot, make_window):
    window, page = commune_page(make_window)
    doc = window.document
    qtbot.keyClicks(page.name, "Mon hameau imaginaire")
    page.completer.popup().hide()
    page.name.editingFinished.emit()
    assert not page.isComplete()
    page.outside.setFocus()
    qtbot.keyClick(page.outside, Qt.Key.Key_Space)
    assert page.outside.isChecked() and not page.insee.isReadOnly()
    qtbot.keyClicks(page.insee, "99999")
    qtbot.keyClicks(page.departement, "66")
    assert doc.value("commune.insee_code") == "99999"
    assert doc.value("commune.name") == "Mon hameau imaginaire"
    qtbot.keyClicks(page.bindings["population.total"].widget, "120")
    assert page.isComplete(), [m.text for m in page.own_messages()]


def test_prefill_shows_sources_keeps_an_edit_through_save_and_open(qtbot, make_window,
                                                                   tmp_path):
    from desktop.widgets.numbers import ui_number

    window, page = commune_page(make_window)
    doc = window.document
    pick(qtbot, page, "prades", "66149")
    index = page.context.communes
    officials = {f: v for f, (v, _s) in directory_values(index.lookup("66149"),
                                                          index.directory).items()}
    assert {"population.jobs", "population.employed_15_64", "territory.zau2010"} <= set(
        officials)
    window.wizard.next()
    population = window.wizard.currentPage()
    assert window.wizard.currentId() == PageId.POPULATION
    jobs = population.bindings["population.jobs"]
    assert jobs.widget.value() == officials["population.jobs"]
    note = population.officials.notes["population.jobs"]
    assert note.label.text() == "Source : recensement 2018 (INSEE)"
    assert not note.restore.isVisible()
    assert population.concentration.text()[0].isdigit()  # computed at once
    jobs.widget.setFocus()
    jobs.widget.selectAll()
    qtbot.keyClicks(jobs.widget, "3100")
    assert doc.value("population.jobs") == 3100
    official_text = ui_number(officials["population.jobs"])
    assert note.label.text().startswith("Modifié — valeur officielle : " + official_text)
    assert note.restore.isVisible()
    project = tmp_path / "Prades.tierslieu.json"
    doc.save(str(project))
    again = make_window()
    assert again.open_project(str(project))
    assert again.document.value("population.jobs") == 3100  # the edit, not the census
    again.wizard.go_to(PageId.POPULATION)
    reopened = again.wizard.currentPage()
    reopened_note = reopened.officials.notes["population.jobs"]
    assert reopened_note.label.text().startswith("Modifié")
    qtbot.mouseClick(reopened_note.restore, Qt.MouseButton.LeftButton)
    assert again.document.value("population.jobs") == officials["population.jobs"]
    assert reopened.bindings["population.jobs"].widget.value() == officials[
        "population.jobs"]
    assert reopened_note.label.text().startswith("Source :")


def test_territory_box_names_the_study_sites_the_analysis_counts():
    """Prades has no place of the 2019 list within 30 km, but El Quadrat (a site of the study,
    in Prades) is counted by the analysis: the page must not leave the mayor believing the
    ground is empty while the results ask for an agreement with an existing place."""
    from html import unescape

    from desktop.pages.territory import neighbourhood_html, study_sites_near
    from reports.communes import directory

    book = directory()
    prades = book.neighbourhood("66149")
    assert not prades.third_places
    sites = study_sites_near(book, "66149")
    assert [name for name, _, _ in sites] == ["El Quadrat"]
    text = unescape(neighbourhood_html(prades, sites))
    assert "Aucun tiers-lieu de la liste nationale 2019" in text
    assert "Sites de l'étude de 2017 à moins de 30 km" in text
    assert "El Quadrat (Prades, 0 km)" in text
    # far from every site: nothing is added
    assert study_sites_near(book, "67067") == []  # Brumath
    assert "Sites de l'étude" not in neighbourhood_html(book.neighbourhood("67067"), [])
