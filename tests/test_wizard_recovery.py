"""Recovery copies are per session: a running copy of the application never offers or
deletes another's; copies of crashed sessions are offered newest first, then cleaned."""

from __future__ import annotations

import os

import pytest

from desktop.shell.prompts import Prompts
from desktop.shell.startup import create_window

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window, crash, dead_lock


@pytest.fixture
def offers(monkeypatch):
    """Record each recovery question; answer from a queue (False when it is empty)."""
    seen = {"asked": [], "answers": [], "errors": []}
    monkeypatch.setattr(Prompts, "offer_recovery", staticmethod(
        lambda p, d: seen["asked"].append(d) or (seen["answers"].pop(0)
                                                 if seen["answers"] else False)))
    monkeypatch.setattr(Prompts, "error", staticmethod(
        lambda p, title, text: seen["errors"].append(text)))
    monkeypatch.setattr(Prompts, "unsaved_changes", staticmethod(lambda p: "discard"))
    return seen


def _edit(window, name: str) -> None:
    """Start a project called `name` and let the autosave timer write its copy."""
    window.new_project()
    window.document.set("commune.name", name)
    window.autosave()
    assert window.context.recovery_file.exists()


def test_two_running_sessions_keep_their_own_copies(make_window, offers):
    first, second = make_window(), make_window()
    assert first.context.recovery.id != second.context.recovery.id
    _edit(first, "Murat")
    _edit(second, "Villefort")
    assert first.context.recovery_file != second.context.recovery_file

    # a third copy starting now sees two live sessions: nothing to offer, nothing deleted
    third = make_window()
    assert not third.offer_recovery()
    assert offers["asked"] == []
    assert first.context.recovery_file.exists() and second.context.recovery_file.exists()

    # a clean exit removes only the closing session's copy
    first.document.modified = False
    first.close()
    assert not first.context.recovery_file.exists()
    assert second.context.recovery_file.exists()


def test_crashed_copies_are_offered_newest_first_and_cleaned(make_window, offers, crash):
    older, newer = make_window(), make_window()
    _edit(older, "Murat")
    _edit(newer, "Villefort")
    os.utime(older.context.recovery_file, (1_700_000_000, 1_700_000_000))
    crash(older)
    crash(newer)
    offers["answers"] = [False, True]

    restarted = make_window()
    assert restarted.offer_recovery()
    assert len(offers["asked"]) == 2
    assert "14/11/2023" in offers["asked"][1]  # the older copy's date comes second
    assert restarted.document.value("commune.name") == "Murat"
    assert restarted.isWindowModified()
    folder = restarted.context.recovery_dir
    assert sorted(p.name for p in folder.iterdir()) == []  # both answered: both cleaned


def test_older_copies_wait_for_the_next_start_after_one_is_restored(make_window, offers,
                                                                     crash):
    older, newer = make_window(), make_window()
    _edit(older, "Murat")
    _edit(newer, "Villefort")
    os.utime(older.context.recovery_file, (1_700_000_000, 1_700_000_000))
    crash(older)
    crash(newer)
    offers["answers"] = [True]
    restarted = make_window()
    assert restarted.offer_recovery()
    assert restarted.document.value("commune.name") == "Villefort"
    assert not newer.context.recovery_file.exists()
    assert older.context.recovery_file.exists()  # not asked about yet: kept

    next_start = make_window()
    assert next_start.offer_recovery() is False  # declined (empty queue)
    assert len(offers["asked"]) == 2 and "14/11/2023" in offers["asked"][1]
    assert not older.context.recovery_file.exists()


def test_a_copy_whose_lock_owner_died_is_offered_with_its_project(
        settings, communes, qtbot, tmp_path, offers, dead_lock):
    folder = tmp_path / "recovery"
    folder.mkdir()
    project = str(tmp_path / "Prades.tierslieu.json")
    (folder / "recovery-4242-dead.origin").write_text(project, encoding="utf-8")
    source = create_window(settings, tmp_path / "unused", communes=communes)
    qtbot.addWidget(source)
    source.document.set("commune.name", "Copie orpheline")
    source.document.write_recovery(str(folder / "recovery-4242-dead.tierslieu.json"))
    (folder / "recovery-4242-dead.lock").write_bytes(dead_lock)
    source.document.modified = False

    offers["answers"] = [True]
    window = create_window(settings, folder, communes=communes, session_id="vivante")
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w.document, "modified", False))
    assert window.offer_recovery()
    assert project in offers["asked"][0]
    assert window.document.value("commune.name") == "Copie orpheline"
    assert window.document.path == project
    assert list(folder.iterdir()) == []


def test_the_single_copy_of_earlier_versions_is_still_offered(
        settings, communes, qtbot, tmp_path, offers):
    folder = tmp_path / "recovery"
    folder.mkdir()
    window = create_window(settings, folder, communes=communes)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w.document, "modified", False))
    window.document.set("commune.name", "Ancienne copie")
    window.document.write_recovery(str(folder / "recovery.tierslieu.json"))
    window.document.new()
    offers["answers"] = [True]
    assert window.offer_recovery()
    assert window.document.value("commune.name") == "Ancienne copie"
    assert not (folder / "recovery.tierslieu.json").exists()


def test_no_copy_when_its_project_path_cannot_be_noted(make_window, offers):
    """The note of the copy's project path goes through the atomic writer: when it cannot
    be written, the autosave keeps no copy and says nothing (the project is untouched)."""
    window = make_window()
    window.new_project()
    window.document.set("commune.name", "Murat")
    window.context.recovery.origin_file.mkdir(parents=True)  # a folder where the note goes
    window.autosave()
    assert not window.context.recovery_file.exists()
    assert offers["errors"] == []
