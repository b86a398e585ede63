"""Projects on disk: save/open round trip, recovery after a crash, unsaved changes, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.pages.base import ProfilePage
from desktop.shell.navigation import PageId
from desktop.shell.prompts import Prompts
from reports import profile as engine

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window

PRADES = {
    "format": "tierslieu-profile", "version": 1,
    "commune": {"name": "Prades", "insee_code": "66149", "departement": "66",
                "epci_name": "CC Conflent Canigó", "epci_population": 20613},
    "population": {"total": 5835, "age_15_64": 3176, "active_15_64": 2055,
                   "employed_15_64": 1595, "jobs": 2407},
    "territory": {"zau2010": "221", "aav2020_category": 11, "aav2020_size": 1,
                  "density_level": 4, "minutes_to_pole": 40, "catchment_population": 12000,
                  "known_independents": 10, "known_teleworkers": 2,
                  "existing_networks": "Deux cafés associatifs", "nearby_third_places": 1},
    "buildings": [{"name": "Ancienne école", "owner": "commune", "surface_m2": 150,
                   "state": "light_works", "works_cost_eur": 50000, "monthly_rent_eur": 0,
                   "location": "centre_bourg", "fibre": True, "accessible": False,
                   "parking": True}],
    "carrier": {"type": "association", "name": "El Quadrat", "founders": 4,
                "staff_hours_per_week": 0, "commune_support": "premises"},
    "budget": {"investment_eur": 20000, "subsidy_rate": 0.5, "annual_operating_eur": 6000,
               "opening": "2027-09"},
    "services": ["open_space", "closed_offices", "meeting_room"],
    "notes": "Réunion publique prévue.",
}


@pytest.fixture
def prades_file(tmp_path: Path) -> Path:
    path = tmp_path / "Prades.tierslieu.json"
    path.write_text(json.dumps(PRADES, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def answers(monkeypatch):
    """Patch every modal prompt; tests set the answers they need."""
    given = {"unsaved": "cancel", "recover": True, "open": "", "save": "", "errors": []}
    monkeypatch.setattr(Prompts, "unsaved_changes", staticmethod(lambda p: given["unsaved"]))
    monkeypatch.setattr(Prompts, "offer_recovery", staticmethod(lambda p, d: given["recover"]))
    monkeypatch.setattr(Prompts, "open_project", staticmethod(lambda p, f: given["open"]))
    monkeypatch.setattr(Prompts, "save_project", staticmethod(lambda p, s: given["save"]))
    monkeypatch.setattr(Prompts, "error", staticmethod(
        lambda p, title, text: given["errors"].append(text)))
    return given


def _visit_every_page(window) -> dict[str, object]:
    """Walk the wizard to the budget page and collect what each bound widget shows."""
    shown: dict[str, object] = {}
    wizard = window.wizard
    wizard.restart()
    while wizard.currentId() < int(PageId.BUDGET):
        assert wizard.currentPage().isComplete(), wizard.currentPage().title()
        wizard.next()
        page = wizard.currentPage()
        if isinstance(page, ProfilePage):
            for field, binding in page.bindings.items():
                shown[field] = binding.read()
    return shown


def test_save_then_open_restores_every_page(make_window, answers, prades_file, tmp_path):
    first = make_window()
    assert first.open_project(str(prades_file))
    assert "Prades.tierslieu.json" in first.windowTitle()
    first.document.set("territory.known_teleworkers", 5)
    assert first.isWindowModified()
    answers["save"] = str(tmp_path / "copie.tierslieu.json")
    assert first.save_as()
    assert not first.isWindowModified() and "copie.tierslieu.json" in first.windowTitle()
    shown_before = _visit_every_page(first)

    second = make_window()
    assert second.open_project(answers["save"])
    assert engine.profile_to_dict(second.document.profile) == engine.profile_to_dict(
        first.document.profile)
    shown_after = _visit_every_page(second)
    assert shown_after == shown_before
    assert shown_after["territory.known_teleworkers"] == 5
    assert shown_after["budget.subsidy_rate"] == pytest.approx(0.5)
    assert shown_after["services"] == ["open_space", "closed_offices", "meeting_room"]
    assert second.wizard.page_of(PageId.BUILDINGS).model.rowCount() == 1
    assert second.context.settings.recent_files()[0] == answers["save"]


def test_recovery_after_a_crash(make_window, answers, prades_file, tmp_path, crash):
    crashed = make_window()
    crashed.open_project(str(prades_file))
    crashed.document.set("commune.epci_name", "CC modifiée")
    crashed.autosave()  # what the one-minute timer does
    assert crashed.context.recovery_file.exists()
    crash(crashed)  # the process "dies": no closeEvent, the copy stays

    restarted = make_window()
    assert restarted.offer_recovery()
    assert restarted.document.value("commune.epci_name") == "CC modifiée"
    assert restarted.document.path == str(prades_file)
    assert restarted.isWindowModified()  # recovered work is not saved yet
    assert not crashed.context.recovery_file.exists()  # now this session's autosave's job


def test_recovery_declined_is_dropped(make_window, answers, prades_file, crash):
    crashed = make_window()
    crashed.open_project(str(prades_file))
    crashed.document.set("commune.epci_name", "X")
    crashed.autosave()
    crash(crashed)
    answers["recover"] = False
    again = make_window()
    assert not again.offer_recovery()
    assert not crashed.context.recovery_file.exists()
    assert not list(crashed.context.recovery_dir.glob("*.lock"))  # claimed, then released


def test_closing_with_unsaved_changes_asks(make_window, answers, tmp_path):
    window = make_window()
    window.document.set("commune.name", "Villefort")
    answers["unsaved"] = "cancel"
    assert not window.close()
    assert window.isVisible()
    answers["unsaved"] = "save"
    answers["save"] = str(tmp_path / "villefort.tierslieu.json")
    assert window.close()
    saved, _messages = engine.read_profile(answers["save"])  # unfinished: still readable
    assert saved is not None and saved.commune.name == "Villefort"


def test_new_project_discards_only_when_told(make_window, answers):
    window = make_window()
    window.document.set("commune.name", "Villefort")
    answers["unsaved"] = "cancel"
    window.new_project()
    assert window.document.value("commune.name") == "Villefort"
    answers["unsaved"] = "discard"
    window.new_project()
    assert window.document.value("commune.name") == ""
    assert window.wizard.currentId() == int(PageId.COMMUNE)


@pytest.mark.parametrize("content", [
    "{ pas du json",
    json.dumps({"format": "autre-chose", "data": [1, 2]}),
    json.dumps({**PRADES, "version": 99}),
    "",
])
def test_bad_files_give_a_french_message_and_lose_nothing(make_window, answers, tmp_path,
                                                          content):
    window = make_window()
    window.document.set("commune.name", "Villefort")
    window.document.modified = False
    bad = tmp_path / "bad.tierslieu.json"
    bad.write_text(content, encoding="utf-8")
    assert not window.open_project(str(bad))
    assert window.document.value("commune.name") == "Villefort"
    assert answers["errors"] and "Impossible d'ouvrir « bad.tierslieu.json »" in answers[
        "errors"][0]
    assert "Traceback" not in answers["errors"][0]


def test_unwritable_target_keeps_the_project(make_window, answers, tmp_path):
    window = make_window()
    window.document.set("commune.name", "Villefort")
    not_a_folder = tmp_path / "fichier.txt"
    not_a_folder.write_text("x")
    answers["save"] = str(not_a_folder / "projet.tierslieu.json")
    assert not window.save_as()
    answers["save"] = str(tmp_path)  # a folder where the file should be
    assert not window.save_as()
    assert len(answers["errors"]) == 2
    assert all("rien n'a été perdu" in text for text in answers["errors"])
    assert window.isWindowModified() and window.document.value("commune.name") == "Villefort"


def test_geometry_and_recent_files_are_remembered(make_window, answers, prades_file):
    window = make_window()
    window.open_project(str(prades_file))
    window.resize(1000, 700)
    window.close()
    again = make_window()
    assert not again.context.settings.get("window/geometry").isEmpty()
    welcome = again.wizard.page_of(PageId.WELCOME)
    welcome.initializePage()
    assert welcome.recent_list.count() == 1


def test_the_note_goes_next_to_each_project(qtbot, make_window, answers, tmp_path):
    window = make_window()
    for folder, name, code in (("a", "Prades", "66149"), ("b", "Villefort", "48198")):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / f"{name}.tierslieu.json"
        commune = {**PRADES["commune"], "name": name, "insee_code": code,
                   "departement": code[:2]}  # name and code of one commune
        path.write_text(json.dumps({**PRADES, "commune": commune}), encoding="utf-8")
        assert window.open_project(str(path))
        window.wizard.go_to(PageId.RESULTS)
        qtbot.waitUntil(window.wizard.currentPage().isComplete, timeout=20_000)
        window.wizard.next()
        note = window.wizard.currentPage()
        assert note.output.text() == str(tmp_path / folder / f"Note tiers-lieu {name}.pdf")


def test_answers_the_engine_refuses_are_explained_without_a_crash(qtbot, make_window,
                                                                   answers, tmp_path,
                                                                   monkeypatch):
    from desktop.dialogs import error_dialog

    reports = []
    monkeypatch.setattr(error_dialog.ErrorDialog, "show_report",
                        classmethod(lambda cls, *args, **kwargs: reports.append(args)))
    path = tmp_path / "odd.tierslieu.json"
    path.write_text(json.dumps({**PRADES, "assumptions": {"speed_kmh": -5}}), encoding="utf-8")
    window = make_window()
    assert window.open_project(str(path))
    window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    assert window.wizard.currentId() == PageId.RESULTS
    qtbot.waitUntil(lambda: "speed_kmh" in page.status.text(), timeout=20_000)
    assert not page.isComplete() and reports == []


@pytest.mark.parametrize("recover", [True, False])
def test_a_project_named_at_start_up_does_not_hide_the_crash_copy(make_window, answers,
                                                                   prades_file, tmp_path,
                                                                   recover, crash):
    from desktop.shell.startup import open_first

    crashed = make_window()
    crashed.new_project()
    crashed.document.set("commune.name", "Projet perdu")
    crashed.autosave()
    crash(crashed)
    answers["recover"] = recover
    again = make_window()
    open_first(again, {"project": str(prades_file)})
    expected = "Projet perdu" if recover else "Prades"
    assert again.document.value("commune.name") == expected
