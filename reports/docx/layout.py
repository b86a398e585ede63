"""The Word document's frame: A4 page, French language, styles in the brand colour, running
header and "page X / Y" footer, table of contents field, metadata."""

from __future__ import annotations

from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from reports.docx import ooxml
from reports.note.styles import GREY_HEX as GREY

FONT = "Arial"

# name -> (base style, size pt, bold, italic, colour: "main", "grey" or None, space after pt)
CUSTOM_STYLES = {
    "Chapeau": ("Normal", 12, False, False, None, 8),
    "Texte petit": ("Normal", 8.5, False, False, "grey", 4),
    "Remarque": ("Normal", 9.5, False, True, "grey", 6),
    "Case à cocher": ("Normal", 10.5, False, False, None, 3),
    "Ligne à remplir": ("Normal", 10, False, False, "grey", 2),
    "Filet": ("Normal", 4, False, False, None, 6),
    "Après tableau": ("Normal", 4, False, False, None, 4),
    "Chiffre clé": ("Normal", 14, True, False, "main", 0),
    "Avis": ("Normal", 13, True, False, None, 0),
    "TOC 1": ("Normal", 10.5, True, False, None, 2),
    "TOC 2": ("Normal", 10, False, False, None, 1),
}


def new_document(main_color: str) -> Any:
    """An empty A4 document in French with the note's styles."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    ooxml.set_language(document, "fr-FR")
    ooxml.update_fields_on_open(document)
    _styles(document, main_color)
    return document


def _styles(document: Any, main_color: str) -> None:
    """Body text, headings in the brand colour, and the note's own paragraph styles."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    # Arial is on every Windows and Mac, and LibreOffice maps it to a metric twin elsewhere
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle",
                 "Caption", "Header", "Footer", "TOC Heading"):
        styles[name].font.name = FONT
    styles["Caption"].font.color.rgb = ooxml.rgb(GREY)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11.5),
                       ("Title", 24), ("Subtitle", 13)):
        style = styles[name]
        style.font.color.rgb = ooxml.rgb(main_color)
        style.font.size = Pt(size)
    colors = {"main": main_color, "grey": GREY}
    for name, (base, size, bold, italic, color, after) in CUSTOM_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.font.size = Pt(size)
        style.font.bold, style.font.italic = bold, italic
        if color:
            style.font.color.rgb = ooxml.rgb(colors[color])
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.space_before = Pt(0)


def metadata(document: Any, *, title: str, author: str, subject: str, keywords: str,
             comments: str) -> None:
    """Title, author, subject, keywords and language of the file (File > Properties)."""
    props = document.core_properties
    props.title, props.author, props.subject = title, author, subject
    props.keywords, props.comments, props.language = keywords, comments, "fr-FR"
    props.last_modified_by = author
    props.category = "Note de faisabilité"


def header_footer(document: Any, header: str, footer_pattern: str, brand_line: str) -> None:
    """Running header (commune, brand) and "page X / Y" footer; none on the cover page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    head = section.header.paragraphs[0]
    head.style = document.styles["Header"]
    head.add_run(header).font.size = Pt(8.5)
    if brand_line:
        run = head.add_run(f"\t\t{brand_line}")
        run.font.size = Pt(8.5)
        run.font.color.rgb = ooxml.rgb(GREY)
    foot = section.footer.paragraphs[0]
    foot.style = document.styles["Footer"]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_numbers(foot, footer_pattern)


def _page_numbers(paragraph: Any, pattern: str) -> None:
    """Write "page {page} / {pages}" with live PAGE and NUMPAGES fields."""
    rest = pattern
    for key, code in (("{page}", "PAGE"), ("{pages}", "NUMPAGES")):
        before, _, rest = rest.partition(key)
        if before:
            paragraph.add_run(before)
        ooxml.simple_field(paragraph, code)
    if rest:
        paragraph.add_run(rest)
    for run in paragraph.runs:
        run.font.size = Pt(8.5)


def logo(document: Any, path: Any) -> None:
    """The firm's logo at the top right of the cover, at most 4 × 2.2 cm."""
    if not path:
        return
    try:
        import io

        from PIL import Image

        from reports.brand import logo_png

        data = logo_png(path)  # downscaled to what the cover needs
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except Exception:  # a broken logo must not cost the user the whole note
        return
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    scale = min(4.0 / width, 2.2 / height)
    paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(width * scale))


def table_of_contents(builder: Any, title: str, entries: list[tuple[int, str]]) -> None:
    """A Word TOC field over headings 1–2, pre-filled with the section titles, appended by
    `builder` (a `DocxBuilder`: styles set by id, as its own paragraphs).

    Word refreshes it (with page numbers) on opening, as asked in the settings; LibreOffice
    shows the pre-filled titles until "Mettre à jour l'index".
    """

    def styled(style: str, text: str = "") -> Any:
        return builder.set_style(builder.doc.add_paragraph(text), style)

    styled("TOC Heading", title)
    first = styled("TOC 1")
    ooxml.field_char(first, "begin")
    ooxml.field_code(first, 'TOC \\o "1-2" \\h \\z \\u')
    ooxml.field_char(first, "separate")
    paragraph = first
    for index, (level, text) in enumerate(entries):
        if index:
            paragraph = styled(f"TOC {level}")
        paragraph.add_run(text)
    ooxml.field_char(paragraph, "end")
