"""The note's figures outside the note: the very Drawings the PDF draws, for other screens.

The wizard's dashboard shows the charts of the note (model proximity, break-even, the
sensitivity tornado, the neighbourhood map) without a second charting stack: each section
template is rendered as for the PDF, its `<chart>` elements are read with the attributes
the template gives them (labels, caption), and `story.chart_factory` draws them.

    for fig in note_figures(result, width=440):
        png = drawing_to_png(fig.drawing)      # reports.docx.pilstate
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing

__all__ = ["Figure", "chart_elements", "note_figures"]


@dataclass(frozen=True)
class Figure:
    """One chart of the note: its name (`typologies`, `break_even`, `map`…), the section
    it belongs to, the drawing and the caption printed under it."""

    name: str
    section_id: str
    drawing: Drawing
    caption: str


def chart_elements(markup: str) -> list[dict[str, str]]:
    """The attributes of every `<chart>` in a rendered section template, in order."""
    root = ET.fromstring(f"<section>{markup}</section>")
    return [dict(el.attrib) for el in root.iter("chart")]


def note_figures(result: Any, *, width: float = 440, main_color: str | None = None,
                 names: Iterable[str] | None = None, skip: Iterable[str] = ()) -> list[Figure]:
    """Every chart the note draws for `result` (only those in `names` when given, none of
    `skip`), in the note's order, drawn `width` points wide with the note's labels and
    captions."""
    from reports.brand import DEFAULT_BRAND
    from reports.note.sections import sections
    from reports.note.story import chart_factory, context, note_info
    from reports.note.styles import build_styles
    from reports.note.text import render

    wanted = set(names) if names is not None else None
    skipped = set(skip)
    factory = chart_factory(result, build_styles(main_color or DEFAULT_BRAND.main_color))
    ctx = context(result, note_info("", "", DEFAULT_BRAND))
    out: list[Figure] = []
    for section in sections():
        markup = render(section.template, section=section, **ctx)
        if "<chart" not in markup:
            continue
        for attrs in chart_elements(markup):
            name = attrs.get("name", "")
            if (wanted is not None and name not in wanted) or name in skipped:
                continue
            drawing = next((f for f in factory(name, attrs, width) if isinstance(f, Drawing)),
                           None)
            if drawing is not None:
                out.append(Figure(name, section.section_id, drawing, attrs.get("caption", "")))
    return out
