"""Charts drawn with reportlab.graphics, readable in greyscale, every label in DejaVu Sans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports import fmt
from reports.note.fonts import BOLD, REGULAR
from reports.note.styles import GREY, INK, RULE

LIGHT_BAR = colors.HexColor("#AEB6BD")


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose default font is DejaVu (reportlab would start in Helvetica)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    return drawing


def _label(text: str, x: float, y: float, *, size: float = 7.5, anchor: str = "start",
           bold: bool = False, color=INK) -> String:
    return String(x, y, text, fontName=BOLD if bold else REGULAR, fontSize=size,
                  fillColor=color, textAnchor=anchor)


def similarity_chart(names: Sequence[str], scores: Sequence[float], width: float,
                     main: colors.Color, axis_label: str) -> Drawing:
    """Horizontal bars of similarity (0–100), the best one dark, the others light grey."""
    count = max(len(names), 1)
    label_w = min(width * 0.46, 226)  # the longest study name fits on one line
    labels = [wrap(n, label_w - 6, REGULAR, 7) for n in reversed(names)]
    bar_h = 19 if any("\n" in label for label in labels) else 15  # room for two lines
    height = count * bar_h + 38
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 26  # room under the axis for its numbers, then its name
    chart.width, chart.height = width - label_w - 40, count * bar_h
    # reportlab draws the first category at the bottom: reverse to put the best on top
    # the bars print the very percentage the text prints (77,46 read « 78 » beside « 77 % »)
    chart.data = [[s * 100 for s in reversed(scores)]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.leading = 8
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E6E8")
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = LIGHT_BAR  # every bar, but the best (on top)
    chart.barWidth = 10
    chart.bars[(0, count - 1)].fillColor = main
    chart.barLabelFormat = lambda v: fmt.fmt_number(v, 0)
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(_label(axis_label, label_w + chart.width / 2, 2, size=7, anchor="middle",
                       color=GREY))
    return drawing


def break_even_chart(*, monthly_charges: float, price: float, users_expected: float,
                     users_needed: float | None, width: float, labels: dict[str, str],
                     other_revenue: float = 0.0) -> Drawing:
    """Yearly revenue (solid) and charges (dashed) against the number of users.

    `price` is what one regular user brings a month on average; `other_revenue` the yearly
    revenue that does not follow users (room hire), where the revenue line starts.
    """
    top_users = max(users_expected, users_needed or 0, 5) * 1.6
    top_users = max(5, round(top_users))
    charges = monthly_charges * 12
    revenue_end = other_revenue + price * 12 * top_users
    height = 150
    drawing = _drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 55, 38, width - 75, height - 70
    plot.data = [[(0, other_revenue), (top_users, revenue_end)],
                 [(0, charges), (top_users, charges)]]
    plot.lines[0].strokeColor, plot.lines[0].strokeWidth = INK, 1.8
    plot.lines[1].strokeColor, plot.lines[1].strokeWidth = GREY, 1.8
    plot.lines[1].strokeDashArray = (5, 3)
    y_max = max(revenue_end, charges) * 1.1 or 1
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize = REGULAR, 7
        axis.strokeColor = RULE
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, top_users
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = 0, y_max
    plot.yValueAxis.labelTextFormat = lambda v: fmt.fmt_eur(v)
    plot.xValueAxis.labelTextFormat = lambda v: fmt.fmt_number(v)
    plot.yValueAxis.visibleGrid = 1
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#E3E6E8")
    drawing.add(plot)
    scale_x = plot.width / top_users
    expected_x = plot.x + users_expected * scale_x
    marker = Line(expected_x, plot.y, expected_x, plot.y + plot.height, strokeColor=INK,
                  strokeWidth=0.8, strokeDashArray=(1, 2))
    drawing.add(marker)
    drawing.add(_label(labels.get("expected", ""), expected_x + 3, plot.y + plot.height - 9,
                       size=7))
    drawing.add(_label(labels.get("x", ""), plot.x + plot.width / 2, 8, size=7,
                       anchor="middle", color=GREY))
    if users_needed is not None and 0 < users_needed <= top_users:
        bx, by = plot.x + users_needed * scale_x, plot.y + charges / y_max * plot.height
        drawing.add(Circle(bx, by, 3, fillColor=colors.white, strokeColor=INK, strokeWidth=1.2))
        drawing.add(_label(labels.get("balance", ""), bx + 5, by - 11, size=7, bold=True))
    _legend(drawing, plot.x, height - 10, [
        (INK, None, labels.get("revenue", "")), (GREY, (5, 3), labels.get("charges", ""))])
    return drawing


def tornado_chart(*, rows: Sequence[tuple[str, float, float]], base: float, width: float,
                  labels: dict[str, str]) -> Drawing:
    """The yearly balance when each driver moves down (light bar) and up (dark bar).

    `rows` are (label, balance when the driver goes down, balance when it goes up), widest
    first; the bars start at the `base` balance (a vertical line). Greyscale-readable: the
    two bars differ in shade and each carries its value; the legend names them.
    """
    label_w = min(width * 0.32, 150)
    row_h, top, bottom = 16, 24, 28
    height = top + bottom + row_h * max(len(rows), 1)
    drawing = _drawing(width, height)
    values = [base] + [v for _, down, up in rows for v in (down, up)]
    low, high = min(values), max(values)
    span = (high - low) or max(abs(base), 1.0)
    low, high = low - span * 0.28, high + span * 0.28  # room for the value labels
    plot_x, plot_w = label_w + 6, width - label_w - 12

    def x_of(value: float) -> float:
        return plot_x + (value - low) / (high - low) * plot_w

    base_x = x_of(base)
    for i, (name, down, up) in enumerate(rows):
        y = height - top - (i + 1) * row_h + 4
        drawing.add(_label(wrap(name, label_w - 6, REGULAR, 7), label_w, y + 4, size=7,
                           anchor="end"))
        if abs(up - down) < 0.5:  # a driver that is zero here (no staff, no rent)
            drawing.add(_label(labels.get("none", "sans effet ici"), base_x + 4, y + 2,
                               size=6.5, color=GREY))
            continue
        for value, fill, dy in ((down, LIGHT_BAR, 5.5), (up, INK, 0)):
            x0, x1 = sorted((base_x, x_of(value)))
            drawing.add(Rect(x0, y + dy, max(x1 - x0, 0.6), 5.5, fillColor=fill,
                             strokeColor=None))
            text = fmt.fmt_eur(value)
            if value >= base:
                drawing.add(_label(text, x1 + 3, y + dy, size=6.5, color=GREY))
            else:
                drawing.add(_label(text, x0 - 3, y + dy, size=6.5, anchor="end", color=GREY))
    drawing.add(Line(base_x, bottom - 4, base_x, height - top + 6, strokeColor=INK,
                     strokeWidth=0.8, strokeDashArray=(2, 2)))
    drawing.add(_label(labels.get("base", "").format(base=fmt.fmt_eur(base)), base_x,
                       bottom - 14, size=7, anchor="middle"))
    if low < 0 < high:
        zero_x = x_of(0)
        drawing.add(Line(zero_x, bottom - 4, zero_x, height - top + 6, strokeColor=RULE,
                         strokeWidth=0.6))
    x = plot_x
    for fill, text in ((LIGHT_BAR, labels.get("down", "")), (INK, labels.get("up", ""))):
        drawing.add(Rect(x, height - 12, 14, 6, fillColor=fill, strokeColor=None))
        drawing.add(_label(text, x + 18, height - 12, size=7.5))
        x += 18 + stringWidth(text, REGULAR, 7.5) + 18
    return drawing


def sensitivity_chart(result: Any, width: float, labels: dict[str, str] | None = None
                      ) -> Drawing | None:
    """The tornado chart of an analysis result's ``finance.sensitivity`` (None without one).

    For any reader that wants the note's drawing (the wizard's results dashboard renders it
    to an image); `labels` default to the note's French wording.
    """
    found = getattr(result.finance, "sensitivity", None)
    if found is None or not found.lines:
        return None
    words = {"base": "solde central : {base}", "down": "driver en baisse",
             "up": "driver en hausse"} | (labels or {})
    rows = [(f"{line.label} (± {fmt.fmt_number(line.change * 100)} %)",
             line.balance_down_eur, line.balance_up_eur) for line in found.lines]
    return tornado_chart(rows=rows, base=found.base_balance_eur, width=width, labels=words)


def _legend(drawing: Drawing, x: float, y: float, items: list[tuple]) -> None:
    """A line legend: a short sample of each line (solid or dashed) and its name."""
    for color, dash, text in items:
        drawing.add(Line(x, y + 2.5, x + 22, y + 2.5, strokeColor=color, strokeWidth=1.8,
                         strokeDashArray=dash))
        drawing.add(_label(text, x + 27, y, size=7.5))
        x += 27 + stringWidth(text, REGULAR, 7.5) + 18


def break_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """`text` in lines of at most `width` points, broken at spaces (charts and maps)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def wrap(text: str, width: float, font: str, size: float, max_lines: int = 2) -> str:
    """A label broken into at most `max_lines` lines of `width` points, at spaces.

    Only a label too long for two lines loses its end (at a word, with "…").
    """
    lines = break_lines(text, width, font, size) or [""]
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1:])
        while last and stringWidth(last + "…", font, size) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = [*lines[:max_lines - 1], last.rstrip(" ,;:") + "…"]
    return "\n".join(lines)
