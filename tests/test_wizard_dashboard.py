"""The results dashboard and the territory map, for two contrasting example communes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from shiboken6 import isValid

from desktop.shell.navigation import PageId
from desktop.widgets.dashboard import Tile, VerdictCard, Why, verdict_style
from desktop.widgets.numbers import ui_eur, ui_number

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two "#RRGGBB" colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("level", ["favourable", "conditional", "not_advised"])
def test_verdict_colours_are_readable_and_tell_apart_in_grey(level):
    background, text, _border, symbol = verdict_style(level)
    assert contrast(background, text) >= 4.5
    others = {verdict_style(other)[3] for other in ("favourable", "conditional", "not_advised")}
    assert len(others) == 3 and symbol  # a symbol and a word each, not a colour alone
    grey = {lvl: round(_luminance(verdict_style(lvl)[0]), 2)
            for lvl in ("favourable", "conditional", "not_advised")}
    assert len(set(grey.values())) == 3  # three different greys in print


def open_results(qtbot, make_window, name: str):
    window = make_window()
    assert window.open_project(str(EXAMPLES / f"{name}.tierslieu.json"))
    window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    def settled():
        return (page.isComplete() and page.running_revision == -1
                   and not page.timer.isActive())
    qtbot.waitUntil(settled, timeout=30_000)
    qtbot.waitUntil(lambda: bool(page.view.charts), timeout=60_000)
    qtbot.waitUntil(settled, timeout=30_000)
    return window, page


def tile_named(page, words: str) -> Tile:
    return next(t for t in page.view.findChildren(Tile)
                if isValid(t) and t.isVisible() and words in t.name.text())  # not one replaced


@pytest.mark.parametrize("name, level", [("lagrasse", "not_advised"),
                                         ("pennautier", "conditional")])  # #12: beyond capacity
def test_dashboard_shows_the_verdict_figures_and_the_notes_charts(qtbot, make_window, name,
                                                                  level):
    _window, page = open_results(qtbot, make_window, name)
    result = page.result
    assert result.verdict.level == level
    card = page.view.findChild(VerdictCard)
    assert card.title.text() == result.verdict.label
    assert verdict_style(level)[3] in [lab.text() for lab in card.findChildren(QLabel)]
    if getattr(result.verdict, "confidence", None) is not None:
        assert result.verdict.confidence.label in page.view.text()
    assert tile_named(page, "investissement").value.text() == ui_eur(
        result.finance.investment_total_eur)
    assert tile_named(page, "usagers réguliers").value.text() == ui_number(
        result.demand.users.central)
    # the note's own charts, drawn from its drawings: model proximity, break-even, tornado
    expected = {"typologies", "break_even"}
    if getattr(result.finance, "sensitivity", None) is not None:
        expected.add("sensitivity")
    assert expected <= set(page.view.charts)
    for holder in page.view.charts.values():
        assert not holder.pixmap().isNull() and holder.pixmap().width() > 300
    assert "map" not in page.view.charts  # on the territory page
    # each risk's « pourquoi » opens on demand
    whys = page.view.findChildren(Why)
    assert whys and all(not w.body.isVisible() for w in whys)
    first = whys[0]
    first.button.click()
    assert first.body.isVisible() and first.body.text()


@pytest.mark.parametrize("name, level", [("mountain", "favourable"),
                                         ("listed", "conditional"),
                                         ("tiny", "not_advised")])
def test_the_verdict_box_says_each_thing_once_as_the_note_does(qtbot, name, level):
    """The box printed « Confiance : élevée » in bold, then « Confiance dans ce verdict :
    élevée ; … », and listed « Ce qui manque encore » under « Déconseillé » (and the summary's
    « Pour un avis favorable, il manque » a second time under a conditional verdict)."""
    from reports.analysis import analyse
    from reports.profile import read_profile

    profile, _ = read_profile(Path(__file__).parent / "invented" / f"{name}.tierslieu.json")
    verdict = analyse(profile).verdict
    assert verdict.level == level
    card = VerdictCard(verdict)
    qtbot.addWidget(card)
    words = "\n".join(lab.text() for lab in card.findChildren(QLabel))
    assert words.count("Confiance") == 1 and words.count(verdict.confidence.label) >= 1
    assert f"<b>{verdict.confidence.label}</b>" in words  # the level stands out, once
    assert "Ce qui manque encore" not in words
    for missing in verdict.missing:  # said once, by the summary, and only when conditional
        if "Points à régler avant tout : double emploi" in verdict.summary and (
                "tiers-lieu qui existe déjà" in missing):  # said as the point to settle
            assert words.count(missing) == 0 and words.count("double emploi") == 1
            continue
        assert words.count(missing) == (1 if level == "conditional" else 0)


def test_a_company_s_deficit_is_its_own_in_the_tiles_as_in_the_note(qtbot):
    """Gourdon's SARL: the note says « déficit de fonctionnement à la charge du porteur »; the
    tile said « soutien public par an »."""
    from desktop.widgets.dashboard import tiles_of
    from reports.analysis import analyse
    from reports.profile import read_profile

    profile, _ = read_profile(Path(__file__).parent / "invented" / "company.tierslieu.json")
    tiles = tiles_of(analyse(profile))
    for tile in tiles:
        qtbot.addWidget(tile)
    names = [tile.name.text() for tile in tiles]
    assert "déficit à la charge du porteur, par an" in names
    assert "soutien public par an" not in names


def test_a_building_too_small_is_said_as_in_the_note(qtbot, make_window):
    window, page = open_results(qtbot, make_window, "pennautier")
    doc = window.document
    doc.set("buildings.0.surface_m2", 30)  # far below any recommendation
    page.start_analysis()
    qtbot.waitUntil(lambda: page.isComplete() and page.result.sizing.building_fit_code
                    == "too_small", timeout=30_000)
    fit = page.result.sizing.building_fit
    assert fit.startswith("Plus petit que conseillé")  # what the note prints
    tile = tile_named(page, "bâtiment")
    assert "bâtiment trop petit" in " ".join(lab.text() for lab in tile.findChildren(QLabel))
    tile.findChild(Why).button.click()
    assert fit in tile.findChild(Why).body.text()


def test_a_fitting_building_raises_no_alarm(qtbot, make_window):
    _window, page = open_results(qtbot, make_window, "lagrasse")
    tile = tile_named(page, "bâtiment")
    assert "trop petit" not in " ".join(lab.text() for lab in tile.findChildren(QLabel))


def test_the_territory_page_shows_the_notes_neighbourhood_map(qtbot, make_window):
    window = make_window()
    assert window.open_project(str(EXAMPLES / "quillan.tierslieu.json"))
    window.wizard.go_to(PageId.TERRITORY)
    page = window.wizard.currentPage()
    qtbot.waitUntil(lambda: page.map_png is not None, timeout=60_000)
    assert page.map.isVisible() and not page.map.pixmap().isNull()
    assert page.map.pixmap().width() > 500


def test_the_dashboard_says_what_the_study_does_not_cover_as_the_note_does(qtbot):
    """Villeurbanne: the note's synthesis says « Hors du champ de l'étude : … », the wizard's
    results said nothing of it."""
    from desktop.widgets.dashboard import Dashboard
    from reports.analysis import analyse
    from reports.profile import read_profile

    profile, _ = read_profile(Path(__file__).parent / "invented" / "urban.tierslieu.json")
    result = analyse(profile)
    board = Dashboard()
    qtbot.addWidget(board)
    board.show_result(result)
    words = "\n".join(lab.text() for lab in board.field_card.findChildren(QLabel))
    assert "Hors du champ de l'étude" in words
    assert all(short[1:] in words for short in result.commune.frame_short)
