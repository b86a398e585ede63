"""Profils cabinet in the wizard: create, validate, choose, delete; applied to the note."""

from __future__ import annotations

import itertools
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from desktop.dialogs.brand_dialog import BrandChooser, BrandDialog
from desktop.pages import note as note_page
from desktop.shell.navigation import PageId
from desktop.shell.prompts import Prompts
from reports.brand import DEFAULT_BRAND, Brand, current_brand, list_brands, save_brand

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


@pytest.fixture(autouse=True)
def config(tmp_path, monkeypatch):
    """Brands stored in a temporary folder."""
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    return tmp_path / "cfg"


@pytest.fixture
def logo(tmp_path):
    buffer = BytesIO()
    Image.new("RGB", (40, 20), "#224466").save(buffer, "PNG")
    path = tmp_path / "logo.png"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def dialog(qtbot, monkeypatch, logo):
    """The dialog with its colour and logo questions answered."""

    class Answers(Prompts):
        confirmed = True

        @staticmethod
        def choose_color(parent, current):
            return "#1A6B3C"

        @staticmethod
        def choose_file(parent, kind, folder):
            return str(logo)

        @staticmethod
        def confirm(parent, title, text):
            return Answers.confirmed

    monkeypatch.setattr(BrandDialog, "prompts", Answers)
    made = BrandDialog()
    qtbot.addWidget(made)
    return made


def test_default_style_is_listed_first_and_read_only(dialog):
    assert dialog.list.item(0).text() == DEFAULT_BRAND.name
    assert dialog.name.isReadOnly() and not dialog.save_button.isEnabled()


def test_create_a_profile_and_use_it(qtbot, dialog, logo):
    dialog.new_button.click()
    qtbot.keyClicks(dialog.name, "Cabinet Sud")
    qtbot.keyClicks(dialog.organisation, "Territoires Conseil")
    qtbot.keyClicks(dialog.author, "A. Dupont")
    dialog.logo_button.click()
    dialog.color_button.click()
    dialog.save_button.click()
    assert [b.name for b in list_brands()] == ["Cabinet Sud"]
    saved = list_brands()[0]
    assert saved.main_color == "#1A6B3C" and saved.logo_path == logo.resolve()
    assert dialog.selected().name == "Cabinet Sud"
    dialog.use_button.click()
    assert dialog.result() == BrandDialog.DialogCode.Accepted
    assert current_brand().organisation == "Territoires Conseil"


def test_a_bad_logo_is_explained_and_nothing_saved(qtbot, dialog, tmp_path):
    dialog.new_button.click()
    qtbot.keyClicks(dialog.name, "Cabinet")
    qtbot.keyClicks(dialog.logo, str(tmp_path / "absent.png"))
    dialog.use_button.click()
    assert "Logo" in dialog.error.text() and "introuvable" in dialog.error.text()
    assert list_brands() == [] and dialog.result() != BrandDialog.DialogCode.Accepted


def test_empty_name_is_refused(qtbot, dialog):
    dialog.new_button.click()
    dialog.save_button.click()
    assert "nom" in dialog.error.text()


def test_rename_replaces_and_delete_removes(qtbot, dialog):
    save_brand(Brand("Ancien nom", main_color="#000000"))
    dialog.refresh("Ancien nom")
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Nouveau nom")
    dialog.save_button.click()
    assert [b.name for b in list_brands()] == ["Nouveau nom"]
    dialog.prompts.confirmed = False
    dialog.delete_button.click()
    assert len(list_brands()) == 1
    dialog.prompts.confirmed = True
    dialog.delete_button.click()
    assert list_brands() == [] and dialog.selected() is DEFAULT_BRAND


def test_chooser_gives_the_note_its_brand(qtbot, logo):
    save_brand(Brand("Cabinet", "Territoires Conseil", logo, "#224466", "", "A. Dupont"))
    chooser = BrandChooser()
    qtbot.addWidget(chooser)
    assert chooser.brand() is DEFAULT_BRAND
    with qtbot.waitSignal(chooser.changed, timeout=1000):
        chooser.combo.setCurrentIndex(1)
    assert chooser.brand().name == "Cabinet"
    assert current_brand().name == "Cabinet"  # remembered for the next note and the batch


def test_choosing_a_profile_fills_the_note_page(make_window, logo):
    save_brand(Brand("Cabinet", "Territoires Conseil", logo, "#224466", "", "A. Dupont"))
    window = make_window()
    page = window.wizard.page_of(PageId.NOTE)
    chooser = page.brand_chooser
    chooser.refresh()
    chooser.combo.setCurrentIndex(1)
    assert page.author.text() == "A. Dupont"
    assert page.organisation.text() == "Territoires Conseil"
    assert page.options()["brand"].name == "Cabinet"
    assert page.options()["author"] == "A. Dupont"


def test_note_page_writes_the_word_file_beside_the_pdf(make_window, qtbot, tmp_path,
                                                       monkeypatch):
    written = []

    def fake_produce(profile, directory, path, options, progress):
        written.append((path, options))
        target = Path(path).with_suffix(".docx")
        target.write_bytes(b"PK")
        return [target]

    monkeypatch.setattr(note_page, "produce_note", fake_produce)
    window = make_window()
    page = window.wizard.page_of(PageId.NOTE)
    page.output.setText(str(tmp_path / "Note Prades.pdf"))
    page.format.setCurrentIndex(page.format.findData("docx"))
    page.generate()
    qtbot.waitUntil(lambda: bool(page.written), timeout=10_000)
    path, options = written[0]
    assert path == str(tmp_path / "Note Prades.pdf") and options["brand"] is not None
    assert options["formats"] == "docx" and page.written == str(tmp_path / "Note Prades.docx")
    assert "Note enregistrée" in page.status.text()


def test_tab_follows_the_form_as_it_reads(dialog):
    order = [dialog.list, dialog.name, dialog.organisation, dialog.logo, dialog.logo_button,
             dialog.color_button, dialog.contact, dialog.author, dialog.new_button]
    for first, second in itertools.pairwise(order):
        after = first.nextInFocusChain()
        while not after.focusPolicy() & Qt.FocusPolicy.TabFocus:
            after = after.nextInFocusChain()
        assert after is second, first


def test_word_export_failures_are_said_in_french(make_window, qtbot, tmp_path, monkeypatch):
    from desktop import errors
    from desktop.pages import note as module
    from reports.note import NoteWriteError

    reported, shown = [], []
    monkeypatch.setattr(errors, "report", reported.append)
    monkeypatch.setattr(Prompts, "error", staticmethod(lambda p, t, text: shown.append(text)))
    window = make_window()
    page = window.wizard.page_of(PageId.NOTE)
    page.output.setText(str(tmp_path / "Note.pdf"))
    page.format.setCurrentIndex(page.format.findData("docx"))

    def refused(*_args):
        raise NoteWriteError("Le dossier « x » n'accepte pas l'écriture.")

    monkeypatch.setattr(module, "produce_note", refused)
    page.generate()
    qtbot.waitUntil(page.generate_button.isEnabled, timeout=10_000)
    assert page.status.text() == "Le dossier « x » n'accepte pas l'écriture."
    assert shown == ["Le dossier « x » n'accepte pas l'écriture."] and reported == []

    def bug(*_args):
        raise KeyError("internal")

    monkeypatch.setattr(module, "produce_note", bug)
    page.generate()
    qtbot.waitUntil(page.generate_button.isEnabled, timeout=10_000)
    assert page.status.text() == "La note n'a pas pu être produite."
    assert [type(e) for e in reported] == [KeyError]
