"""Layout rules of the note: grouping, readable cuts, chart labels, sentences that end."""

from __future__ import annotations

import io

from note_fixtures import make_result
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer

from reports.note import render_note
from reports.note.blocks import Builder, Para, flat_keep, no_charts
from reports.note.charts import wrap
from reports.note.columns import Columns
from reports.note.fonts import REGULAR, register_fonts
from reports.note.styles import build_styles
from reports.note.text import environment, shorten


def _build(story) -> io.BytesIO:
    """A story laid out on A4 with default margins, as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer


def _pages_of(story) -> int:
    """Pages a story takes on A4 with default margins."""
    return len(PdfReader(_build(story)).pages)


def test_a_group_inside_a_group_does_not_jump_to_the_next_page():
    styles = build_styles()
    top = Spacer(1, 300)  # half a page used: a short group still fits below
    inner = KeepTogether([Para("fiche", styles["body"]), Para("texte", styles["body"])])
    flat = flat_keep([Para("Titre", styles["h1"]), inner])
    assert all(not isinstance(part, KeepTogether) for part in flat._content)
    assert _pages_of([top, flat]) == 1
    nested = KeepTogether([Para("Titre", styles["h1"]), KeepTogether([Spacer(1, 20)])])
    assert _pages_of([Spacer(1, 300), nested]) == 2  # reportlab's own behaviour, hence flat_keep


def test_a_fiche_keeps_its_head_together_and_lets_the_rest_flow():
    builder = Builder(build_styles(), 480, no_charts, "t")
    out = builder.build('<box title="1. Site"><table header="0"><tr><td>a</td></tr></table>'
                        "<p>premier</p><p>deuxième</p><p>troisième</p></box>")
    head, *rest = out
    assert isinstance(head, KeepTogether)
    texts = [getattr(f, "text", "") for f in head._content]
    assert texts[0] == "1. Site" and "premier" in texts
    assert [f.text for f in rest if isinstance(f, Para)] == ["deuxième", "troisième"]


def test_shorten_never_cuts_inside_a_word():
    text = ("Développement rural porté par les GAL : dossier déposé pour la rénovation. "
            "Période actuelle : 2021-2027, gérée par la Région.")
    assert shorten(text, 500) == text
    assert shorten(text, 100) == ("Développement rural porté par les GAL : dossier déposé pour "
                                  "la rénovation.\u00a0[…]")
    cut = shorten(text, 40)
    assert cut.endswith("…") and text.startswith(cut[:-1]) and text[len(cut) - 1] == " "


def test_sentence_filter_closes_a_phrase_once():
    env = environment()
    template = env.from_string("{{ a|sentence }} {{ b|sentence }}")
    assert template.render(a="catégorie saisie", b="déjà finie.") == "catégorie saisie. déjà finie."


def test_chart_labels_wrap_instead_of_losing_their_end():
    register_fonts()
    name = "Association d'indépendants dans des locaux loués ou prêtés"
    assert wrap(name, 400, REGULAR, 7) == name
    two = wrap(name, 120, REGULAR, 7)
    assert "\n" in two and "…" not in two and two.replace("\n", " ") == name
    assert wrap(name * 3, 120, REGULAR, 7).endswith("…")


def test_commune_notes_are_separate_sentences(tmp_path):
    path = tmp_path / "note.pdf"
    render_note(make_result(), path)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)
    assert "Catégorie territoriale :" in text
    before, _, _ = text.partition(" Zone de chalandise :")
    assert before.rstrip().endswith((".", "»", ")"))


def test_columns_read_down_then_across_and_split_between_pages():
    styles = build_styles()
    items = [Para(f"bloc numéro {i} " + "mot " * (i % 7 * 6), styles["body"]) for i in range(80)]
    columns = Columns(items, 2, gap=10)
    assert columns.wrap(400, 10_000)[1] < 10_000
    assert columns._cols[0][0] == 0 and columns._cols[1][0] == len(columns._cols[0])
    left, right = (sum(columns._sizes[i] for i in c) for c in columns._cols)
    assert abs(left - right) <= max(columns._sizes)  # balanced
    first, rest = Columns(items, 2, gap=10).split(400, 300)
    assert first.wrap(400, 300)[1] <= 300
    assert len(first.items) + len(rest.items) == 80 and rest.items[0] is items[len(first.items)]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(_build([columns])).pages)
    assert all(f"bloc numéro {i} " in text + " " for i in range(80))


def test_a_header_word_never_breaks_inside():
    builder = Builder(build_styles(), 480, no_charts, "t")
    table = builder.build('<table widths="6,1,1,0.5"><tr><th>Site</th><th>Habitants</th>'
                          "<th>Postes</th><th></th></tr><tr><td>a</td><td>1</td><td>2</td>"
                          '<td severity="medium">moyenne</td></tr></table>')[0]
    register_fonts()
    words = ("Habitants", "Postes", "moyenne")
    for width, word in zip(table._colWidths[1:], words, strict=True):
        assert width >= stringWidth(word, "DejaVuSans-Bold", 8.5) + 8
    assert abs(sum(table._colWidths) - 480) < 0.01


def _example_results() -> list:
    """The analysis of every shipped example (their notes split paragraphs in table rows)."""
    from reports.analysis import analyse
    from reports.commands.example import SUFFIX, examples
    from reports.paths import resource_path
    from reports.profile import read_profile

    results = []
    for name in examples():
        with resource_path("examples", name + SUFFIX) as path:
            results.append(analyse(read_profile(path)[0]))
    return results


def test_parse_and_layout_caches_do_not_change_a_byte(tmp_path, monkeypatch):
    from reportlab.platypus import Paragraph

    from reports.note import reportlab_internals as blocks

    def pdf(name: str, result) -> bytes:
        path = tmp_path / f"{name}.pdf"
        render_note(result, path, invariant=True)
        return path.read_bytes()

    results = [make_result(), make_result("favourable"), *_example_results()]
    cached = [pdf(f"a{i}", r) for i, r in enumerate(results)]
    again = [pdf(f"b{i}", r) for i, r in enumerate(results)]  # served from the caches
    assert blocks._parsed and blocks._laid_out
    monkeypatch.setattr(blocks.Para, "_setup", Paragraph._setup)
    monkeypatch.setattr(blocks.Para, "breakLines", Paragraph.breakLines)
    monkeypatch.setattr(blocks.Para, "split", Paragraph.split)
    plain = [pdf(f"c{i}", r) for i, r in enumerate(results)]
    assert cached == plain and again == plain


def test_french_spacing_keeps_numbers_with_their_units_and_marks():
    from reports.note.blocks import french_spacing

    assert french_spacing("de 3 000 € ou 1 500 €") == "de 3\u202f000\u00a0€ ou 1\u202f500\u00a0€"
    assert french_spacing("120 m² pour 12 mois : oui ; « cité »") == (
        "120\u00a0m² pour 12\u00a0mois\u00a0: oui\u00a0; «\u00a0cité\u00a0»")
    assert french_spacing("Site – Commune, n° 1") == "Site\u00a0– Commune, n°\u00a01"
    assert french_spacing("en 2014 200 places, le 3 tables") == "en 2014 200 places, le 3 tables"


def test_columns_never_send_a_lone_block_to_the_next_page():
    styles = build_styles()
    items = [Para(f"bloc {i} " + "mot " * 30, styles["body"]) for i in range(9)]
    probe = Columns(items[:8], 2, gap=10)
    probe.wrap(400, 10_000)
    room = max(sum(probe._sizes[i] for i in col) for col in probe._pack(probe._sizes[0] * 4))
    first, rest = Columns(items, 2, gap=10).split(400, room)
    assert len(rest.items) >= 2 and len(first.items) + len(rest.items) == 9


def test_columns_never_place_a_block_taller_than_the_room_left():
    """A short block, then a taller one, at the foot of a page: the taller block must go to
    the next page, not into the second column where the frame refuses it (a batch row died
    with « LayoutError: Splitting error(n==2) » on the method annex's quoted texts)."""
    styles = build_styles()
    short = Para("court " * 3, styles["body"])
    tall = Para("long " * 60, styles["body"])
    probe = Columns([short, tall], 2, gap=10)
    probe.wrap(400, 10_000)
    low, high = probe._sizes
    assert low < high
    room = (low + high) / 2  # the short block fits, the tall one does not
    parts = Columns([short, tall], 2, gap=10).split(400, room)
    assert [len(part.items) for part in parts] == [1, 1]
    assert parts[0].wrap(400, room)[1] <= room
    text = " ".join(p.extract_text() for p in PdfReader(_build(
        [Spacer(1, A4[1] - 72 * 2 - room - 14), Columns([short, tall], 2, gap=10)])).pages)
    assert "court" in text and "long" in text
