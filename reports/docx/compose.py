"""Putting the Word note together: brand merged, cover, contents, every section in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from reports.brand import DEFAULT_BRAND, Brand
from reports.docx import layout
from reports.docx.builder import TEXT_WIDTH_CM, DocxBuilder
from reports.note.sections import labels, sections
from reports.note.story import context, header_text, note_info, note_metadata
from reports.note.text import render

CM_TO_PT = 72 / 2.54


def chart_maker(result: Any, main_color: str) -> Callable[[str, dict[str, str]], bytes | None]:
    """PNG bytes of the PDF's own chart called `name` (None when the note has no such chart)."""
    from reportlab.graphics.shapes import Drawing

    from reports.docx.pilstate import drawing_to_png
    from reports.note.story import chart_factory
    from reports.note.styles import build_styles

    factory = chart_factory(result, build_styles(main_color))

    def make(name: str, attrs: dict[str, str]) -> bytes | None:
        flowables = factory(name, attrs, TEXT_WIDTH_CM * CM_TO_PT)
        drawing = next((f for f in flowables if isinstance(f, Drawing)), None)
        return drawing_to_png(drawing, dpi=160) if drawing is not None else None

    return make


def compose(result: Any, *, author: str, organisation: str, logo: Any, brand: Any,
            say: Callable[[float, str], None], today: dt.date | None) -> Any:
    """The whole note as a python-docx Document."""
    lab = labels()
    say(0.05, lab["progress_text"])
    brand = brand if isinstance(brand, Brand) else DEFAULT_BRAND
    info = note_info(author, organisation, brand, today=today)
    document = layout.new_document(brand.main_color)
    ctx = context(result, info)
    builder = DocxBuilder(document, brand.main_color, brand.tint(0.85),
                          chart_maker(result, brand.main_color))
    meta = note_metadata(result, info)
    layout.metadata(document, title=meta["title"], author=meta["author"],
                    subject=meta["subject"], keywords=meta["keywords"],
                    comments=meta["creator"])
    brand_line = info.organisation  # as in the PDF: the brand's name names a style only
    layout.header_footer(document, header_text(result), lab["footer"], brand_line)
    layout.logo(document, logo or brand.logo_path)
    builder.build(render("cover.j2", **ctx))
    entries = [(1, s.heading) for s in sections()]
    layout.table_of_contents(builder, lab["toc_title"], entries)
    say(0.3, lab["progress_layout"])
    for section in sections():
        builder.build("<pagebreak/>" if section.new_page or section is sections()[0] else "")
        builder.set_style(document.add_paragraph(section.heading), "Heading 1")
        builder.build(render(section.template, section=section, **ctx))
    return document
