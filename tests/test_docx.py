"""The editable Word note: real headings, tables, pictures, French text, brand, atomic write."""

import datetime as dt
import shutil
import subprocess
import zipfile
from io import BytesIO

import docx
import pytest
from note_fixtures import hostile_result, make_result
from PIL import Image

from reports.brand import Brand
from reports.docx import NoteWriteError, render_docx
from reports.docx.pilstate import drawing_to_png
from reports.fmt import fmt_eur, fmt_number
from reports.note import SECTIONS

PNG_LOGO = BytesIO()
Image.new("RGB", (120, 60), "#1A6B3C").save(PNG_LOGO, "PNG")


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    """One branded note, written once for the module's tests."""
    folder = tmp_path_factory.mktemp("docx")
    logo = folder / "logo.png"
    logo.write_bytes(PNG_LOGO.getvalue())
    brand = Brand("Cabinet Sud", "Territoires Conseil", logo, "#1A6B3C", "contact@tc.fr",
                  "A. Dupont")
    progress = []
    path = render_docx(make_result(), folder / "note.docx", brand=brand,
                       today=dt.date(2027, 3, 8), progress=lambda f, m: progress.append((f, m)))
    return path, docx.Document(str(path)), progress


def _texts(document, style):
    return [p.text for p in document.paragraphs if p.style.name == style]


def test_sections_are_word_headings_in_the_pdf_order(branded):
    _, document, _ = branded
    assert _texts(document, "Heading 1") == [s.heading for s in SECTIONS]
    assert {"Investissement", "Point d'équilibre", "Les conditions de réussite"} <= set(
        _texts(document, "Heading 2"))


def test_contents_is_a_toc_field_word_refreshes_on_opening(branded):
    path, _, _ = branded
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode()
        settings = archive.read("word/settings.xml").decode()
        footer = "".join(archive.read(n).decode() for n in archive.namelist() if "footer" in n)
    assert 'TOC \\o "1-2"' in body and "updateFields" in settings
    assert " PAGE " in footer and " NUMPAGES " in footer


def test_tables_are_real_tables_with_french_figures(branded):
    _, document, _ = branded
    result = make_result()
    heads = [(t, [c.text for c in t.rows[0].cells]) for t in document.tables]
    investment = next(t for t, head in heads if head[:2] == ["Poste", "Montant"])
    assert investment.rows[-1].cells[1].text == fmt_eur(result.finance.investment_total_eur)
    assert "\u202f" in investment.rows[-1].cells[1].text  # 61 000 € with a narrow space
    assert investment.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # header repeats
    assert len(investment.rows) == len(result.finance.investment) + 2
    commune = next(t for t in document.tables if t.rows[0].cells[0].text == "Indicateur")
    assert fmt_number(1712) in [row.cells[1].text for row in commune.rows]


def test_tables_use_the_pdf_header_and_zebra_colours(branded):
    """Header in the brand colour, every other row in the PDF's zebra grey (#EEF1F3)."""
    from docx.oxml.ns import qn

    _, document, _ = branded
    commune = next(t for t in document.tables if t.rows[0].cells[0].text == "Indicateur")
    fills = [row.cells[0]._tc.tcPr.find(qn("w:shd")) for row in commune.rows]
    fills = [None if f is None else f.get(qn("w:fill")) for f in fills]
    assert fills[0] == "1A6B3C"
    assert fills[2] == "EEF1F3" and fills[1] is None


def test_charts_and_logo_are_pictures(branded):
    _, document, _ = branded
    pictures = document.inline_shapes
    assert len(pictures) == 4  # the logo, the two charts and the map of the PDF
    captions = _texts(document, "Caption")
    assert any("équilibre" in c for c in captions)
    assert any("et ses environs" in c for c in captions)  # the neighbourhood map


def test_brand_colour_author_and_metadata(branded):
    _, document, progress = branded
    assert str(document.styles["Heading 1"].font.color.rgb) == "1A6B3C"
    props = document.core_properties
    assert props.author == "A. Dupont" and props.language == "fr-FR"
    assert props.title == "Note de faisabilité — Tiers-lieu à Saint-Jean-de-Fos (34)"
    cover = "\n".join(p.text for p in document.paragraphs[:15])
    assert "Territoires Conseil" in cover and "contact@tc.fr" in cover
    assert "8 mars 2027" in cover
    header = document.sections[0].header.paragraphs[0].text
    assert "Saint-Jean-de-Fos" in header and "Territoires Conseil" in header
    fractions = [f for f, _ in progress]
    assert fractions[0] < fractions[-1] == 1.0
    assert [m for _, m in progress] == ["Préparation du texte", "Mise en page",
                                        "Écriture du fichier", "Note terminée"]


def test_hostile_text_is_written_as_text(tmp_path):
    path = render_docx(hostile_result(), tmp_path / "h.docx")
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<b>gras" in text  # shown literally, not interpreted
    assert "\x00" not in text and "\x07" not in text


def test_unwritable_target_raises_a_french_error_and_leaves_nothing(tmp_path):
    with pytest.raises(NoteWriteError, match="n'existe pas"):
        render_docx(make_result(), tmp_path / "absent" / "n.docx")
    target = tmp_path / "n.docx"
    target.write_bytes(b"ancienne version")
    render_docx(make_result(), target)
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.docx"]


def test_chart_png_is_drawn_with_the_brand_colour():
    from reportlab.lib import colors

    from reports.note import charts, fonts

    fonts.register_fonts()
    drawing = charts.similarity_chart(["Modèle A", "Modèle B"], [0.8, 0.4], 400,
                                      colors.HexColor("#1A6B3C"), "proximité")
    image = Image.open(BytesIO(drawing_to_png(drawing))).convert("RGB")
    assert image.size[0] > 1000  # 200 dpi
    found = {image.getpixel((x, y)) for x in range(0, image.size[0], 4)
             for y in range(0, image.size[1], 4)}
    assert (0x1A, 0x6B, 0x3C) in found  # the best bar
    assert any(max(c) < 60 for c in found)  # dark label text was drawn


def test_libreoffice_opens_the_file(branded, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) n'est pas installé sur cette machine")
    path, _, _ = branded
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    from pypdf import PdfReader

    reader = PdfReader(str(tmp_path / "note.pdf"))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 8
    assert "Synthèse" in text and "Saint-Jean-de-Fos" in text


def test_markup_the_exporter_does_not_know_keeps_its_text():
    from reports.docx.builder import DocxBuilder
    from reports.docx.layout import new_document

    document = new_document("#3B4A5A")
    builder = DocxBuilder(document, "#3B4A5A", "#DDDDDD", lambda name, attrs: None)
    builder.build('<columns n="2"><p>un</p><p>deux</p></columns><novel>trois <b>gras</b></novel>'
                  '<chart name="absent"/>')
    assert [p.text for p in document.paragraphs] == ["un", "deux", "trois gras"]
