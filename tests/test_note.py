"""The PDF note built from a hand-made result: content, metadata, outline, fonts, safety."""

from __future__ import annotations

import dataclasses
import io

import pytest
from note_fixtures import HOSTILE, LONG, hostile_result, make_result
from pypdf import PdfReader

from reports.fmt import fmt_eur, fmt_number, fmt_percent
from reports.note import SECTIONS, render_note
from reports.note.text import MAX_CHARS


def text_of(path) -> str:
    """All the text of a PDF, pages joined (a no-break space extracts as a plain space)."""
    source = path if isinstance(path, io.BytesIO) else str(path)
    return "\n".join(page.extract_text() for page in PdfReader(source).pages)


def outline_titles(reader: PdfReader) -> list[str]:
    """Every outline entry's title, depth first."""
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.fixture(scope="module")
def note(tmp_path_factory):
    """The fixture's note, rendered once for the module."""
    result = make_result()
    path = tmp_path_factory.mktemp("note") / "note.pdf"
    render_note(result, path, author="Marie Dupont", organisation="Mairie de Saint-Jean-de-Fos")
    return result, path, PdfReader(str(path)), text_of(path)


def test_every_section_title_is_printed_in_order(note):
    _, _, reader, _ = note
    contents = reader.pages[0].extract_text().split("Sommaire", 1)[1]
    body = "\n".join(page.extract_text() for page in reader.pages[1:])
    for section in SECTIONS:
        assert section.heading in contents, section.heading
    positions = [body.find(s.heading) for s in SECTIONS]  # the headings themselves
    assert -1 not in positions and positions == sorted(positions)


def test_key_figures_are_printed_the_french_way(note):
    result, _, _, text = note
    fin = result.finance
    text = text.replace("\xa0", " ")  # DejaVu draws U+00A0 with the space glyph
    users = result.demand.users
    for figure in (fmt_eur(fin.investment_total_eur), fmt_eur(fin.operating_total_eur),
                   fmt_eur(fin.public_support_per_year_eur), fmt_eur(fin.subsidy_eur),
                   fmt_number(result.commune.population),
                   fmt_percent(result.sizing.fill_rate_target),
                   f"{fmt_number(users.low)} à {fmt_number(users.high)}",
                   fmt_number(result.finance.break_even.users_needed, 1)):
        assert figure.replace("\xa0", " ") in text, figure
    assert "61\u202f000 €" in text  # the thousands separator stays a narrow no-break space
    assert result.verdict.label in text


def test_the_commune_section_has_its_neighbourhood_map(note):
    result, _, reader, _ = note
    number = next(s.number for s in SECTIONS if s.section_id == "commune")
    page = next(" ".join(p.extract_text().split()) for p in reader.pages[1:]
                if f"{number}. La commune" in p.extract_text())
    assert f"Commune étudiée : {result.commune.name}" in page  # the map's legend
    assert "distances approximatives" in page  # its caveat
    assert f"{result.commune.name} et ses environs" in page  # its caption


def test_metadata_and_language(note):
    _, _, reader, _ = note
    meta = reader.metadata
    assert meta.title == "Note de faisabilité — Tiers-lieu à Saint-Jean-de-Fos (34)"
    assert meta.author == "Marie Dupont"
    assert "tiers-lieu" in meta.subject
    assert "Saint-Jean-de-Fos" in meta["/Keywords"]
    assert meta.creator.startswith("tierslieu-note ")
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def test_outline_has_every_section(note):
    _, _, reader, _ = note
    titles = outline_titles(reader)
    for section in SECTIONS:
        assert section.heading in titles
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [s.heading for s in SECTIONS]


def test_contents_page_numbers_match_the_headings(note):
    _, _, reader, _ = note
    rows: dict[int, list[str]] = {}  # the numbers are drawn last: join the text by line

    def collect(text, cm, tm, font, size):
        if text.strip():
            rows.setdefault(round(cm[5] + tm[5]), []).append(text.strip())

    reader.pages[0].extract_text(visitor_text=collect)
    listed = {}
    for parts in rows.values():
        if len(parts) >= 2 and parts[-1].isdigit():
            listed[parts[0]] = int(parts[-1])
    actual = {item.title: reader.get_destination_page_number(item) + 1
              for item in reader.outline if not isinstance(item, list)}
    assert listed == actual and len(listed) == len(SECTIONS)


def test_page_count_and_footer(note):
    _, _, reader, text = note
    pages = len(reader.pages)
    assert 8 <= pages <= 18  # 17 since issue #12 (revenue, who pays, tornado chart), 18 with
    # the full texts of the shortened quotes (wquote)
    assert f"page {pages} / {pages}" in text
    assert "page 1 /" not in text  # the cover has no number


def test_every_font_is_embedded(note):
    _, _, reader, _ = note
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(font["/BaseFont"])
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            assert descriptor is not None, font["/BaseFont"]
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert all("DejaVuSans" in name for name in seen)


def test_same_input_same_pdf_when_invariant(tmp_path):
    result = make_result()
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_note(result, a, invariant=True)
    render_note(result, b, invariant=True)
    assert a.read_bytes() == b.read_bytes()
    assert text_of(a) == text_of(b)


def test_no_brand_looks_like_the_default_brand(tmp_path):
    """One default colour: a note without a brand is the default brand's note, byte for byte."""
    from reports.brand import DEFAULT_BRAND

    result = make_result()
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_note(result, a, invariant=True)
    render_note(result, b, brand=DEFAULT_BRAND, invariant=True)
    assert a.read_bytes() == b.read_bytes()


def test_hostile_text_renders_escaped_and_capped(tmp_path):
    path = render_note(hostile_result(), tmp_path / "h.pdf", author="<b>Jean & fils",
                       organisation="R&D <i>")
    reader = PdfReader(str(path))
    text = text_of(path)
    # printed as text (right-to-left neighbours may move the "<img" part in extraction)
    assert "src='/etc/passwd'/>" in text
    assert "R&D" in text and "<b>gras" in text and "<b>Jean & fils" in reader.metadata.author
    assert "…" in text
    # five fields carry the 10 000-character text; each is cut near MAX_CHARS
    per_field = MAX_CHARS // len("Texte très long sans fin ") + 1
    assert text.count("Texte très long") <= 5 * per_field < LONG.count("Texte très long")
    for page in reader.pages:  # no image was loaded from the markup
        xobjects = page["/Resources"].get("/XObject", {})
        assert not xobjects
    assert 8 <= len(reader.pages) <= 20


def test_empty_and_missing_fields_render(tmp_path):
    result = make_result()
    commune = dataclasses.replace(result.commune, name="", departement="", population=None,
                                  concentration=None, neighbourhood=None, nearby_third_places=())
    verdict = dataclasses.replace(result.verdict, conditions=(), next_steps=(), timeline=())
    empty = dataclasses.replace(result, commune=commune, verdict=verdict, practices=(), risks=(),
                                profile={}, warnings=())
    path = render_note(empty, tmp_path / "e.pdf")
    assert "Tiers-lieu à commune sans nom" in text_of(path)


def test_brand_and_overrides(tmp_path):
    from reports.brand import Brand

    brand = Brand(name="Style du cabinet", organisation="Cabinet Territoires", main_color="#7A1F5C",
                  contact="contact@cabinet.example", author="Paul Martin")
    path = render_note(make_result(), tmp_path / "b.pdf", brand=brand)
    text = text_of(path)
    assert "Cabinet Territoires" in text and "contact@cabinet.example" in text
    assert "Style du cabinet" not in text
    assert PdfReader(str(path)).metadata.author == "Paul Martin"
    path = render_note(make_result(), tmp_path / "c.pdf", brand=brand, organisation="Mairie")
    assert "Cabinet Territoires" not in text_of(path)


def test_logo_is_drawn_and_a_broken_logo_is_ignored(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), "#336699").save(logo)
    path = render_note(make_result(), tmp_path / "l.pdf", logo=logo)
    first = PdfReader(str(path)).pages[0]
    assert first["/Resources"].get("/XObject")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    path = render_note(make_result(), tmp_path / "k.pdf", logo=broken)
    assert not PdfReader(str(path)).pages[0]["/Resources"].get("/XObject")


def test_progress_is_reported_up_to_done(tmp_path):
    calls: list[tuple[float, str]] = []
    render_note(make_result(), tmp_path / "p.pdf", progress=lambda f, m: calls.append((f, m)))
    fractions = [f for f, _ in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(isinstance(m, str) and m for _, m in calls)


def test_the_pdf_is_a_valid_document_in_memory(tmp_path):
    path = render_note(make_result(level="not_advised"), tmp_path / "n.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert "Déconseillé en l'état" in text_of(io.BytesIO(data))


def test_hostile_constant_covers_the_brief():
    for needle in ("<", "&", ">", '"', "'", "\t", "😀", "עברית", "<img src='/etc/passwd'/>"):
        assert needle in HOSTILE
    assert len(LONG) >= 10_000


def test_the_collector_runs_less_often_during_a_note_then_as_before():
    import gc

    from reports.note.render import YOUNG_COLLECTION_EVERY, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == max(before[0], YOUNG_COLLECTION_EVERY)
    assert gc.get_threshold() == before
    with pytest.raises(ValueError), fewer_collections():
        raise ValueError
    assert gc.get_threshold() == before
