"""Details a user meets: field widths, the note page's Tab order, the title, the About box,
the recent projects that still exist."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_wizard_files import answers, prades_file  # noqa: F401  (fixtures)

from desktop.dialogs.about import about_box
from desktop.shell import i18n
from desktop.shell.navigation import PageId
from desktop.widgets.fields import LONG_TEXT_MAX_WIDTH, TEXT_MAX_WIDTH

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


def test_text_fields_stop_growing_on_a_wide_window(make_window):
    window = make_window()
    commune = window.wizard.page_of(PageId.COMMUNE)
    territory = window.wizard.page_of(PageId.TERRITORY)
    window.wizard.next()
    assert 200 < commune.name.width() <= TEXT_MAX_WIDTH
    window.wizard.next()
    window.wizard.next()
    networks = territory.bindings["territory.existing_networks"].widget
    assert 200 < networks.width() <= LONG_TEXT_MAX_WIDTH


def test_tab_on_the_note_page_follows_the_rows_on_screen(qtbot, make_window, tmp_path,
                                                        monkeypatch):
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    window = make_window()
    page = window.wizard.page_of(PageId.NOTE)
    chooser = page.brand_chooser
    expected = [page.output_button, chooser.combo, chooser.manage, page.format,
                page.generate_button]
    walked = [page.output_button]
    for _ in expected[1:]:
        walked.append(walked[-1].nextInFocusChain())
        while not walked[-1].focusPolicy() & Qt.FocusPolicy.TabFocus:
            walked[-1] = walked[-1].nextInFocusChain()
    assert walked == expected


def test_progress_bar_shows_only_once_a_note_is_asked_for(make_window):
    window = make_window()
    page = window.wizard.page_of(PageId.NOTE)
    assert page.progress.isHidden()


def test_title_names_the_file_and_the_application_in_its_language(qapp, make_window,
                                                                  answers,  # noqa: F811
                                                                  prades_file):  # noqa: F811
    window = make_window("en")
    try:
        window.open_project(str(prades_file))
        assert window.windowTitle() == "Prades.tierslieu.json[*] — Rural third place"
        assert QApplication.applicationDisplayName() == "Rural third place"
        window.document.set("notes", "changed")
        assert window.isWindowModified()
    finally:
        i18n.install_translators(qapp, "fr")
        window.set_language("fr")
    assert QApplication.applicationDisplayName() == "Tiers-lieu rural"


def test_about_box_lists_each_dataset_with_its_licence_and_the_software_licences(
        qtbot, make_window):
    window = make_window()
    box = about_box(window)
    qtbot.addWidget(box)
    text = box.text()
    for source in window.context.communes.directory.attribution:
        assert source["dataset"].replace("'", "&#x27;") in text
    sources = window.context.communes.directory.attribution
    assert text.count("Licence Ouverte 2.0") == sum(
        s["licence"].count("Licence Ouverte 2.0") for s in sources) >= 6
    # the ODbL credit the ZAU 2010 extract requires, and the census vintage
    assert "ODbL" in text and "package R COGugaison" in text and "recensement 2018" in text
    assert "EUPL-1.2" in text and "LGPL-3.0" in text and "THIRD-PARTY-NOTICES" in text


def test_recent_projects_that_vanished_are_not_offered(make_window, answers,  # noqa: F811
                                                       prades_file):  # noqa: F811
    window = make_window()
    window.open_project(str(prades_file))
    window.context.settings.add_recent(str(prades_file.parent / "gone.tierslieu.json"))
    welcome = window.wizard.page_of(PageId.WELCOME)
    welcome.refresh_recent()
    assert welcome.recent_paths == [str(prades_file)]
    window._fill_recent()
    assert [a.text() for a in window.recent_menu.actions()] == [prades_file.name]


@pytest.mark.parametrize("opens", [True, False])
def test_open_the_note_says_where_it_is_when_no_viewer_opens_it(make_window, monkeypatch,
                                                                 tmp_path, opens):
    from PySide6.QtGui import QDesktopServices

    asked = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: asked.append(url.toLocalFile()) or opens))
    window = make_window()
    page = window.wizard.page_of(PageId.NOTE)
    page.written = str(tmp_path / "Note.pdf")
    page.open_note()
    assert asked == [] and "n'existe plus" in page.status.text()
    Path(page.written).write_bytes(b"%PDF-1.4")
    page.status.clear()
    page.open_note()
    page.open_folder()
    assert asked == [page.written, str(tmp_path)]
    assert (page.written in page.status.text()) is not opens


def test_first_start_shows_no_empty_recent_list(make_window):
    window = make_window()
    welcome = window.wizard.page_of(PageId.WELCOME)
    welcome.refresh_recent()
    assert welcome.recent_label.isHidden() and welcome.recent_list.isHidden()


def test_building_amounts_are_right_aligned(make_window, answers, prades_file):  # noqa: F811
    window = make_window()
    window.open_project(str(prades_file))
    model = window.wizard.page_of(PageId.BUILDINGS).model
    align = Qt.ItemDataRole.TextAlignmentRole
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert [model.data(model.index(0, c), align) == right for c in range(7)] == [
        False, False, True, False, True, True, False]


def test_option_row_labels_lead_to_their_first_field(make_window, tmp_path, monkeypatch):
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    window = make_window()
    page = window.wizard.page_of(PageId.NOTE)
    chooser = page.brand_chooser
    assert page.options_form.labelForField(chooser).buddy() is chooser.combo
    assert page.options_form.labelForField(page.format).buddy() is page.format


def test_a_long_recent_path_keeps_its_file_name_and_row_in_view(qtbot, make_window,
                                                                tmp_path):
    deep = tmp_path.joinpath(*["un dossier au nom bien long"] * 8)
    deep.mkdir(parents=True)
    project = deep / "Prades.tierslieu.json"
    project.write_text("{}", encoding="utf-8")
    window = make_window()
    window.context.settings.add_recent(str(project))
    window.show()
    welcome = window.wizard.page_of(PageId.WELCOME)
    welcome.refresh_recent()
    qtbot.waitExposed(window)
    view = welcome.recent_list
    assert not view.horizontalScrollBar().isVisible()  # it would cover the only row
    shown = view.fontMetrics().elidedText(view.item(0).text(), view.textElideMode(),
                                          view.viewport().width() - 8)
    # the file name and the folder it sits in stay readable; the middle gives way
    assert shown.startswith("Prades.tierslieu.json") and shown.endswith(deep.name)
    assert "…" in shown
    assert view.item(0).toolTip() == str(project)
