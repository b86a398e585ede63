"""No traps: the wizard asks before replacing a note or what the user typed, and files go
to Documents/Tiers-lieux (created) until the user picks another folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from desktop.dialogs.batch_dialog import start_batch
from desktop.pages import note as note_page
from desktop.shell import folders
from desktop.shell.navigation import PageId
from desktop.shell.prompts import Prompts
from reports.brand import Brand, save_brand

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


@pytest.fixture(autouse=True)
def private_folders(tmp_path, monkeypatch):
    """Brands and the default folder in temporary folders."""
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    monkeypatch.setenv(folders.ENV, str(tmp_path / "Documents" / "Tiers-lieux"))
    return tmp_path / "Documents" / "Tiers-lieux"


@pytest.fixture
def asked(monkeypatch):
    """Yes/no questions recorded; answered with `asked.answer` (No unless set)."""
    class Recorder(list):
        answer = False

    questions = Recorder()

    def confirm(parent, title, text):
        questions.append((title, text))
        return questions.answer

    monkeypatch.setattr(Prompts, "confirm", staticmethod(confirm))
    return questions


@pytest.fixture
def produced(monkeypatch):
    """The note pipeline replaced by a recorder that writes tiny files."""
    calls = []

    def fake(profile, directory, path, options, progress):
        from reports.produce import targets

        calls.append(path)
        written = [target for _kind, target in targets(path, options["formats"])]
        for target in written:
            target.write_bytes(b"%PDF-1.4 new")
        return written

    monkeypatch.setattr(note_page, "produce_note", fake)
    return calls


def note_page_of(make_window):
    window = make_window()
    return window, window.wizard.page_of(PageId.NOTE)


def test_an_existing_note_is_replaced_only_after_asking(make_window, qtbot, tmp_path, asked,
                                                        produced):
    _window, page = note_page_of(make_window)
    target = tmp_path / "Note Prades.pdf"
    target.write_bytes(b"%PDF-1.4 old")
    page.output.setText(str(target))
    page.generate()  # answered No
    assert len(asked) == 1 and str(target) in asked[0][1]
    assert produced == [] and target.read_bytes() == b"%PDF-1.4 old"
    assert "gardé" in page.status.text()
    asked.answer = True
    page.generate()
    qtbot.waitUntil(lambda: bool(page.written), timeout=10_000)
    assert produced == [str(target)] and target.read_bytes() == b"%PDF-1.4 new"


def test_the_word_file_beside_counts_too(make_window, tmp_path, asked, produced):
    _window, page = note_page_of(make_window)
    (tmp_path / "Note.docx").write_bytes(b"PK")
    page.output.setText(str(tmp_path / "Note.pdf"))
    page.format.setCurrentIndex(page.format.findData("both"))
    page.generate()
    assert len(asked) == 1 and "Note.docx" in asked[0][1] and produced == []


def test_a_new_file_is_written_without_a_question(make_window, qtbot, tmp_path, asked,
                                                  produced):
    _window, page = note_page_of(make_window)
    page.output.setText(str(tmp_path / "Nouvelle note.pdf"))
    page.generate()
    qtbot.waitUntil(lambda: bool(page.written), timeout=10_000)
    assert asked == [] and produced


def test_the_note_file_dialog_leaves_the_question_to_the_page(monkeypatch):
    seen = {}

    def fake_dialog(parent, title, suggested, filters, options=None, **_kw):
        seen["options"] = options
        return "", ""

    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    Prompts.save_note(None, "/tmp/x.pdf")
    assert seen["options"] == QFileDialog.Option.DontConfirmOverwrite  # one question, not two


def test_a_firm_profile_asks_before_replacing_typed_fields(make_window, asked):
    save_brand(Brand("Cabinet", "Territoires Conseil", None, "#224466", "", "A. Dupont"))
    _window, page = note_page_of(make_window)
    page.author.setText("Marie Martin")
    chooser = page.brand_chooser
    chooser.refresh()
    chooser.combo.setCurrentIndex(chooser.combo.findText("Cabinet"))  # answered No
    assert len(asked) == 1
    assert "« Marie Martin » → « A. Dupont »" in asked[0][1]
    assert page.author.text() == "Marie Martin"  # kept
    assert page.organisation.text() == "Territoires Conseil"  # was empty: filled
    chooser.combo.setCurrentIndex(0)
    asked.answer = True
    chooser.combo.setCurrentIndex(chooser.combo.findText("Cabinet"))
    assert page.author.text() == "A. Dupont"


def test_a_firm_profile_fills_empty_fields_without_asking(make_window, asked):
    save_brand(Brand("Cabinet", "Territoires Conseil", None, "#224466", "", "A. Dupont"))
    _window, page = note_page_of(make_window)
    page.author.clear()
    page.organisation.clear()
    chooser = page.brand_chooser
    chooser.refresh()
    chooser.combo.setCurrentIndex(chooser.combo.findText("Cabinet"))
    assert asked == [] and page.author.text() == "A. Dupont"


def test_files_go_to_documents_tiers_lieux_created_on_first_use(make_window, private_folders,
                                                                monkeypatch):
    assert not private_folders.exists()
    window, page = note_page_of(make_window)
    assert page.default_output().parent == private_folders and private_folders.is_dir()
    suggested = []
    monkeypatch.setattr(Prompts, "save_project", staticmethod(
        lambda parent, path: suggested.append(path) or ""))
    window.save_as()
    assert Path(suggested[0]).parent == private_folders
    opened = []
    monkeypatch.setattr(Prompts, "open_project", staticmethod(
        lambda parent, folder: opened.append(folder) or ""))
    window.open_project()
    assert opened == [str(private_folders)]


def test_the_last_folder_used_still_wins(make_window, tmp_path, settings):
    chosen = tmp_path / "Mes projets"
    chosen.mkdir()
    settings.set("last_folder", str(chosen))
    _window, page = note_page_of(make_window)
    assert page.default_output().parent == chosen


def test_batch_output_is_offered_as_a_new_folder_that_exists(qtbot, tmp_path, private_folders):
    csv_path = tmp_path / "communes-aude.csv"
    csv_path.write_text("commune.insee_code\n11049\n", encoding="utf-8")
    offered = []

    class Answers(Prompts):
        @staticmethod
        def choose_file(parent, kind, folder):
            return str(csv_path)

        @staticmethod
        def choose_folder(parent, folder):
            offered.append((folder, Path(folder).is_dir()))
            return ""  # gave up

    parent = QWidget()
    qtbot.addWidget(parent)
    assert start_batch(parent, prompts=Answers) is None
    folder, existed = offered[0]
    assert Path(folder) == private_folders / "Notes communes-aude" and existed
    assert not Path(folder).exists()  # not chosen, still empty: removed again
