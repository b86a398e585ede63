"""Aide › Guide and Aide › Glossaire: offline, French and English, « ? » and F1 open the
glossary at the field's entry; every field has an accessible name."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from desktop.help import content
from desktop.help.button import GlossaryButton
from desktop.shell import i18n
from desktop.shell.navigation import PageId
from reports.knowledge import knowledge

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


@pytest.fixture(autouse=True)
def back_to_french(qapp):
    yield
    i18n.install_translators(qapp, "fr")


def test_every_entry_exists_in_both_languages_and_is_filled():
    ids = [e.id for e in content.glossary("fr")]
    assert len(ids) == len(set(ids)) >= 30
    for language in content.LANGUAGES:
        for entry in content.glossary(language):
            assert entry.term and len(entry.text) > 60, (language, entry.id)
            assert "{" not in entry.text and "}" not in entry.text, entry.id
            assert entry.source, entry.id
    assert [e.id for e in content.glossary("en")] == ids


def test_concentration_quotes_the_engine_thresholds():
    settings = knowledge().settings
    low = settings["concentration_residential_max"].value
    high = settings["concentration_employing_min"].value
    french = next(e for e in content.glossary("fr") if e.id == "concentration").text
    english = next(e for e in content.glossary("en") if e.id == "concentration").text
    assert f"sous {low:g}".replace(".", ",") in french and f"{high:g}".replace(".", ",") in french
    assert f"below {low:g}" in english and f"above {high:g}" in english


def test_glossary_has_the_words_a_mayor_meets():
    terms = " ".join(e.term for e in content.glossary("fr"))
    for word in ("ZAU", "AAV", "concentration", "densité", "Zone de chalandise",
                 "Point mort", "Coworking", "Télécentre", "Fablab", "France Services",
                 "modèles de tiers-lieux"):
        assert word in terms, word
    models = content.glossary_html("fr")
    for typology in knowledge().typologies:  # the seven models, named as in the note
        assert typology.name.replace("'", "&#x27;") in models


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_guide_covers_every_page_and_links_to_real_entries(language):
    guide = content.guide_html(language)
    for page in PageId:
        assert f'<a name="{page.name.lower()}"></a>' in guide, page
    ids = {e.id for e in content.glossary(language)}
    linked = set(re.findall(r'href="#glossary:([a-z0-9_]+)"', guide))
    assert linked and linked <= ids
    assert "Synthèse" in guide  # the note's sections, from the note's own list
    glossary = content.glossary_html(language)
    assert all(f'<a name="{entry_id}"></a>' in glossary for entry_id in ids)


def test_every_field_a_glossary_entry_names_has_its_button(make_window):
    window = make_window()
    bound = {}
    for page_id in PageId:
        bound.update(getattr(window.wizard.page_of(page_id), "bindings", {}))
    named = {f for e in content.glossary("fr") for f in e.fields}
    assert named <= set(bound)
    for field in named:
        cell = bound[field].widget.parentWidget()
        buttons = cell.findChildren(GlossaryButton)
        assert [b.entry_id for b in buttons] == [content.entry_for_field(field)], field
        assert buttons[0].focusPolicy() == Qt.FocusPolicy.NoFocus  # Tab order unchanged


def test_question_mark_opens_the_glossary_at_the_entry(qtbot, make_window):
    window = make_window()
    page = window.wizard.page_of(PageId.TERRITORY)
    cell = page.bindings["territory.zau2010"].widget.parentWidget()
    (button,) = cell.findChildren(GlossaryButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    help_window = window._help_window
    assert help_window.isVisible()
    assert help_window.tabs.currentWidget() is help_window.glossary
    browser = help_window.glossary
    assert browser.verticalScrollBar().value() > 0  # scrolled down to the entry
    words = "Zonage en aires urbaines 2010 (ZAU)"
    in_index = browser.document().find(words)
    heading = browser.document().find(words, in_index)  # the second time: the entry's title
    assert not heading.isNull()
    top = browser.cursorRect(heading).top()
    assert 0 <= top < browser.viewport().height() // 3  # the entry's title near the top
    help_window.close()


def test_f1_gives_the_field_definition_or_the_page_guide(qtbot, make_window):
    window = make_window()
    window.wizard.go_to(PageId.COMMUNE)
    page = window.wizard.currentPage()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.bindings["commune.insee_code"].widget.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    help_window = window._help_window
    assert help_window.tabs.currentWidget() is help_window.glossary
    help_window.close()
    page.bindings["commune.name"].widget.setFocus()  # no glossary word: the page's guide
    window.context_help()
    assert help_window.tabs.currentWidget() is help_window.guide
    help_window.close()


def test_guide_link_to_the_glossary_switches_tab(make_window):
    window = make_window()
    window.show_glossary()
    help_window = window._help_window
    help_window.show_at("guide")
    help_window.guide.on_link(QUrl("#glossary:zone_chalandise"))
    assert help_window.tabs.currentWidget() is help_window.glossary
    help_window.close()


def test_help_follows_the_interface_language(make_window):
    window = make_window("en")
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Help" in titles
    window.show_glossary()
    help_window = window._help_window
    assert help_window.glossary.toPlainText().startswith("Glossary")
    assert "Guide" in help_window.tabs.tabText(0)
    window.set_language("fr")
    window.show_glossary()
    assert window._help_window.glossary.toPlainText().startswith("Glossaire")
    window._help_window.close()


def test_every_field_has_an_accessible_name_and_help_as_description(make_window):
    window = make_window()
    for page_id in PageId:
        for field, binding in getattr(window.wizard.page_of(page_id), "bindings", {}).items():
            widget = binding.widget
            assert widget.accessibleName() and "&" not in widget.accessibleName(), field
            assert not widget.accessibleName().endswith("*"), field
            if content.entry_for_field(field):
                assert "F1" in widget.accessibleDescription(), field
            if binding.required:
                assert "obligatoire" in widget.accessibleDescription(), field


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_the_help_sends_nobody_to_insee_fr_for_figures_the_tool_ships(language, make_window):
    """The guide, the glossary and the territory page said « sur insee.fr » for the census
    and the zonings the offline directory prefills, and the catchment was « distances … pas
    des itinéraires » while the analysis uses approximate road times (≈ 20 min)."""
    assert "insee.fr" not in content.guide_html(language) + content.glossary_html(language)
    zone = next(e for e in content.glossary(language) if e.id == "zone_chalandise")
    assert "20 min" in zone.text
    territory = make_window().wizard.page_of(PageId.TERRITORY)
    assert "insee.fr" not in territory.subTitle()
