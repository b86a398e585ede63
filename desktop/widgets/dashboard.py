"""The results page as a dashboard: verdict card, key-figure tiles, the note's charts.

Everything shown comes from the `AnalysisResult` (the page computes nothing): the verdict in
the note's own colours and symbols (`reports.note.styles.VERDICT_COLORS`: readable in
greyscale, text contrast ≥ 4.5:1), its summary and confidence as the note words them, key
figures as tiles, the building's fit as the note words it, the recommended model, the closest sites
and the risks, each with its « Pourquoi ? » on demand. The charts are the note's own
drawings (`reports.note.figures`) turned into pictures off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.shell.i18n import translate as _tr
from desktop.widgets.numbers import ui_eur, ui_number, ui_percent

if TYPE_CHECKING:  # costs nothing at start-up
    from PySide6.QtWidgets import QLayout

    from reports.result import AnalysisResult, Sizing, Verdict

MAP_CHART = "map"  # the note's map is on the territory page, not among the results
CHART_WIDTH_PT = 430  # the drawings' width: two side by side at 1366 px
SEVERITY_SYMBOLS = {"high": "▲▲▲", "medium": "▲▲", "low": "▲"}


def verdict_style(level: str) -> tuple[str, str, str, str]:
    """(background, text colour, border colour, symbol) of a verdict level, from the note."""
    from reports.note.styles import VERDICT_COLORS

    background, text, symbol = VERDICT_COLORS.get(level, ("#FFFFFF", "#1A1A1A", "?"))
    border = text if background.upper() == "#FFFFFF" else background
    return background, text, border, symbol


def _label(text: str, parent: QWidget, *, style: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class Why(QWidget):
    """« Pourquoi ? »: a toggle and, once opened, the explanation under it."""

    def __init__(self, lines: Sequence[str], parent: QWidget | None = None, *,
                 about: str = "") -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.button = QToolButton(self)
        self.button.setText(_tr("Pourquoi ?"))
        self.button.setCheckable(True)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        self.button.setAccessibleName(_tr("Pourquoi : {about}").format(about=about)
                                      if about else _tr("Pourquoi ?"))
        self.body = _label("\n".join(f"• {line}" if len(lines) > 1 else line
                                     for line in lines if line), self,
                           style="color: #333; padding-left: 14px;")
        self.body.hide()
        self.button.toggled.connect(self._toggled)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.body)
        self.setVisible(any(lines))

    def _toggled(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)


class Card(QFrame):
    """A bordered box with a title, for one part of the dashboard."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("#card { border: 1px solid #C9CED3; border-radius: 4px; "
                           "background: #FFFFFF; }")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(10, 8, 10, 8)
        self.column.setSpacing(4)
        if title:
            self.column.addWidget(_label(title, self, style="font-weight: bold; color: #1A1A1A;"))


class VerdictCard(QFrame):
    """The verdict: symbol, words and colour (three distinct greys, and a thick frame for
    « déconseillé »), the summary (with what is missing) and the confidence, as in the note."""

    def __init__(self, verdict: Verdict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, colour, border, symbol = verdict_style(verdict.level)
        self.setObjectName("verdict")
        width = 4 if background.upper() == "#FFFFFF" else 1
        self.setStyleSheet(f"#verdict {{ background: {background}; border: {width}px solid "
                           f"{border}; border-radius: 6px; }} #verdict QLabel, #verdict "
                           f"QToolButton {{ color: {colour}; background: transparent; }}")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        icon = QLabel(symbol, self)
        icon.setStyleSheet("font-size: 30pt; font-weight: bold;")
        icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        icon.setMinimumWidth(48)
        icon.setAccessibleName(verdict.label)
        row.addWidget(icon)
        text = QVBoxLayout()
        self.title = _label(verdict.label, self, style="font-size: 15pt; font-weight: bold;")
        self.title.setAccessibleName(_tr("Verdict : {label}").format(label=verdict.label))
        text.addWidget(self.title)
        text.addWidget(_label(verdict.summary, self))
        confidence = getattr(verdict, "confidence", None)
        if confidence is not None:  # the note's sentence names the level once, in bold here
            head, level, tail = (escape(part, quote=False) for part in  # « l'outil »: no &#x27;
                                 (confidence.sentence or "").partition(confidence.label))
            text.addWidget(_label(f"{head}<b>{level}</b>{tail}", self, rich=True) if level
                           else _label(_tr("Confiance : {label}").format(label=confidence.label),
                                       self, style="font-weight: bold;"))
        # what is missing: the summary says it under a conditional verdict (« Pour un avis
        # favorable, il manque : … »); under « déconseillé » the note proposes cheaper ways
        why = list(verdict.conditions)
        if why:
            text.addWidget(Why(why, self, about=verdict.label))
        row.addLayout(text, 1)


class Tile(QFrame):
    """A key figure: a big value, its name under it, and its « Pourquoi ? »."""

    def __init__(self, value: str, name: str, why: Sequence[str] = (), *, alert: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        border = "#A4262C" if alert else "#C9CED3"
        self.setStyleSheet(f"#tile {{ border: {2 if alert else 1}px solid {border}; "
                           "border-radius: 4px; background: #F6F7F8; }")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(1)
        self.value = _label(value, self, style="font-size: 14pt; font-weight: bold; "
                                                 "color: #1A1A1A;")
        self.name = _label(name, self, style="color: #44474A;")
        self.value.setAccessibleName(f"{name} : {value}")
        column.addWidget(self.value)
        column.addWidget(self.name)
        if alert:
            column.addWidget(_label(f"⚠ {alert}", self, style="color: #A4262C; "
                                                             "font-weight: bold;"))
        if why:
            column.addWidget(Why(why, self, about=name))


def tiles_of(result: AnalysisResult) -> list[Tile]:
    """The key figures of a result, each with where it comes from."""
    from reports.analysis.cover import PRIVATE_CARRIERS

    demand, sizing, finance = result.demand, result.sizing, result.finance
    users = demand.users
    building = sizing.building_fit or ""
    too_small = _too_small(sizing)
    be = finance.break_even
    private = (result.profile.get("carrier") or {}).get("type") in PRIVATE_CARRIERS  # as the note
    needed = (ui_number(be.users_needed) if be.users_needed is not None
              else _tr("jamais à ce tarif"))
    return [
        Tile(ui_number(users.central), _tr("usagers réguliers attendus"),
             [_tr("Fourchette : {low} à {high}.").format(low=ui_number(users.low),
                                                         high=ui_number(users.high)),
              demand.method]),
        Tile(ui_number(sizing.workstations), _tr("postes de travail"), list(sizing.notes)),
        Tile(f"{ui_number(sizing.surface_m2)}\u00a0m²", _tr("surface conseillée"),
             list(sizing.notes)[-1:]),
        Tile(_fit_word(building), (_tr("site principal : {name}") if sizing.antenna_indices
                                   else _tr("bâtiment : {name}")).format(
            name=sizing.building_name or _tr("aucun retenu")),
             ([building] if building else [_tr("Aucun bâtiment candidat n'est décrit.")])
             + ([sizing.antennas_text] if sizing.antennas_text else []),
             alert=_tr("bâtiment trop petit") if too_small else ""),
        Tile(ui_eur(finance.investment_total_eur), _tr("investissement"),
             [f"{line.label} : {ui_eur(line.amount_eur)}" for line in finance.investment]),
        Tile(ui_eur(finance.operating_total_eur), _tr("fonctionnement par an"),
             [f"{line.label} : {ui_eur(line.amount_eur)}" for line in finance.operating]),
        Tile(ui_eur(finance.public_support_per_year_eur),
             _tr("déficit à la charge du porteur, par an") if private else
             _tr("soutien public par an"),
             [_tr("Le déficit de fonctionnement à couvrir chaque année.")]),
        Tile(needed, _tr("usagers pour l'équilibre"), [be.explanation]),
    ]


def _fit_word(fit: str) -> str:
    """The fit sentence's first words (« Adapté », « Trop grand »…), as the note starts it."""
    return fit.split(" (")[0].rstrip(".") if fit else "—"


def _too_small(sizing: Sizing) -> bool:
    """The note calls the building too small: the engine's one fit code says so."""
    return sizing.building_fit_code == "too_small"


class Dashboard(QWidget):
    """The results, laid out for a glance; `show_result`, then `show_charts` when drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(10)
        self.charts: dict[str, QLabel] = {}
        self.result: AnalysisResult | None = None

    def clear(self) -> None:
        """Remove everything shown."""
        _delete_layout(self.column)
        self.charts = {}

    def show_result(self, result: AnalysisResult) -> None:
        """Lay out the verdict, tiles, model, sites, risks (charts come later)."""
        self.clear()
        self.result = result
        self.verdict = VerdictCard(result.verdict, self)
        self.column.addWidget(self.verdict)
        frame = getattr(result.commune, "frame_short", ())
        if frame:  # what the ten rural sites of 2017 do not cover here, as in the note
            self.field_card = Card(_tr("Hors du champ de l'étude"), self)
            words = " ; ".join(frame) + "."
            self.field_card.column.addWidget(_label(words[:1].upper() + words[1:],
                                                    self.field_card))
            self.column.addWidget(self.field_card)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.tiles = tiles_of(result)
        for i, tile in enumerate(self.tiles):
            grid.addWidget(tile, i // 4, i % 4, Qt.AlignmentFlag.AlignTop)
        for col in range(4):
            grid.setColumnStretch(col, 1)
        self.column.addLayout(grid)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(8)
        self.column.addLayout(self.chart_grid)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self._model_card(result), 1)
        row.addWidget(self._sites_card(result), 1)
        self.column.addLayout(row)
        self.column.addWidget(self._risks_card(result))
        if result.warnings:
            card = Card(_tr("À vérifier"), self)
            for warning in result.warnings:
                card.column.addWidget(_label(f"⚠ {warning}", card, style="color: #6B4A00;"))
            self.column.addWidget(card)
        self.column.addStretch(1)
        _show_now(self.column)

    def show_charts(self, pictures: Sequence[tuple[str, bytes, str]],
                    ratio: float = 1.0) -> None:
        """Show the note's charts (name, PNG bytes, caption), two by row, captions under."""
        for i, (name, png, caption) in enumerate(pictures):
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            holder = QLabel(box)
            holder.setObjectName(f"chart_{name}")
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            pixmap.setDevicePixelRatio(ratio)
            holder.setPixmap(pixmap)
            holder.setAccessibleName(caption or name)
            holder.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column.addWidget(holder)
            if caption:
                column.addWidget(_label(caption, box, style="color: #555; font-style: italic;"))
            column.addStretch(1)
            self.chart_grid.addWidget(box, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
            self.charts[name] = holder
        _show_now(self.chart_grid)

    def _model_card(self, result: AnalysisResult) -> Card:
        card = Card(_tr("Le modèle le plus proche, si un lieu dédié se fait plus tard")
                    if result.verdict.level == "not_advised" else _tr("Modèle recommandé"), self)
        if result.typologies:
            best = result.typologies[0]
            card.column.addWidget(_label(
                f"<b>{escape(best.name)}</b> — {escape(ui_percent(best.score))}", card, rich=True))
            card.column.addWidget(_label(best.summary, card))
            card.column.addWidget(Why([c.sentence for c in best.contributions], card,
                                      about=best.name))
        return card

    def _sites_card(self, result: AnalysisResult) -> Card:
        card = Card(_tr("Les trois sites étudiés les plus proches"), self)
        for site in result.sites[:3]:
            card.column.addWidget(_label(_tr("{site}, {commune} ({departement}) — "
                                             "ressemblance {score}").format(
                site=site.name, commune=site.commune, departement=site.departement,
                score=ui_percent(site.score)), card))
            card.column.addWidget(Why([c.sentence for c in site.contributions], card,
                                      about=site.name))
        return card

    def _risks_card(self, result: AnalysisResult) -> Card:
        card = Card(_tr("Risques"), self)
        from reports.note.styles import SEVERITY_COLORS

        for risk in result.risks:
            background, colour = SEVERITY_COLORS.get(risk.severity, ("#E3E6E8", "#1A1A1A"))
            line = QHBoxLayout()
            badge = QLabel(f"{SEVERITY_SYMBOLS.get(risk.severity, '▲')} "
                           f"{_severity(risk.severity)}", card)
            badge.setStyleSheet(f"background: {background}; color: {colour}; padding: 1px 6px;"
                                " border-radius: 3px; font-weight: bold;")
            badge.setMinimumWidth(96)
            badge.setAccessibleName(_tr("gravité {severity}").format(
                severity=_severity(risk.severity)))
            line.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
            body = QVBoxLayout()
            body.addWidget(_label(risk.title, card, style="font-weight: bold;"))
            body.addWidget(Why([risk.text, _tr("Parade : {text}").format(text=risk.mitigation)],
                               card, about=risk.title))
            line.addLayout(body, 1)
            card.column.addLayout(line)
        if not result.risks:
            card.column.addWidget(_label(_tr("Aucun risque particulier relevé."), card))
        return card

    def text(self) -> str:
        """Everything the dashboard says, as plain text (tests, copy)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel) if label.text())


def draw_charts(result: AnalysisResult, dpi: float = 96) -> list[tuple[str, bytes, str]]:
    """The note's charts for `result` (all but the map) as PNG bytes with their captions:
    the same drawings as the PDF, drawn with Pillow. Runs in a worker thread (no Qt)."""
    from reports.docx.pilstate import drawing_to_png
    from reports.note.figures import note_figures

    return [(fig.name, drawing_to_png(fig.drawing, dpi=round(dpi)), fig.caption)
            for fig in note_figures(result, width=CHART_WIDTH_PT, skip=(MAP_CHART,))]


def _severity(code: str) -> str:
    return {"high": _tr("élevée"), "medium": _tr("moyenne"), "low": _tr("faible")}.get(code, code)


def _show_now(layout: QLayout) -> None:
    """Show the widgets just added to a visible dashboard at once: Qt would show them on
    the next turn of the event loop, and until then Tab and screen readers skip them."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            if not item.widget().testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                item.widget().show()
        elif item.layout() is not None:
            _show_now(item.layout())


def _delete_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout() is not None:
            _delete_layout(item.layout())
