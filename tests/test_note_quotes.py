"""A signer reads every quote in full (wquote): wherever a template shortens a text with
`cut` (a site's fiche, the impact's and the budgets' sources, the funding terms), the note
numbers it and prints the full text in the method annex, in the PDF and in the Word file."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import jinja2
import pytest
from pypdf import PdfReader

from reports.analysis import analyse
from reports.docx import docx_bytes
from reports.note import pdf_bytes
from reports.note import text as note_text
from reports.paths import resource
from reports.profile import read_profile

TEMPLATES = Path(str(resource("templates", "note")))
INVENTED = Path(__file__).parent / "invented"
CUT = re.compile(r"\|cut\((\d+)\)")
# Prades (the shipped example), Rieux-Volvestre (Villefort among its sites: its fiche's
# summary, lessons and quote are the longest) and a company (other funding rows)
PROFILES = (Path(str(resource("examples", "prades.tierslieu.json"))),
            INVENTED / "epci.tierslieu.json", INVENTED / "company.tierslieu.json")


def _cuts_in_templates() -> dict[int, str]:
    """Every `|cut(n)` of the note's templates: its limit → the template holding it."""
    found = {}
    for path in sorted(TEMPLATES.glob("*.j2")):
        for limit in CUT.findall(path.read_text(encoding="utf-8")):
            found[int(limit)] = path.name
    return found


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def recorded(monkeypatch):
    """The texts `cut` shortened while a note was made: (limit, full text) pairs."""
    env = note_text.environment()
    original = env.filters["cut"]
    seen: list[tuple[int, str]] = []

    @jinja2.pass_context
    def recording(ctx, value, limit=note_text.MAX_CHARS):
        short = original(ctx, value, limit)
        if note_text.shorten(value, limit) != note_text.clean(value):
            seen.append((limit, note_text.clean(value)))
        return short

    monkeypatch.setitem(env.filters, "cut", recording)
    return seen


def _pdf_text(result) -> str:
    reader = PdfReader(io.BytesIO(pdf_bytes(result, invariant=True)))
    lines = []
    for page in reader.pages:  # the running header and footer may sit inside a long text
        lines += [line for line in page.extract_text().splitlines()
                  if not line.startswith("Note de faisabilité —")
                  and not re.fullmatch(r"\s*page \d+ / \d+\s*", line)]
    return _flat("\n".join(lines))


def _docx_text(result) -> str:
    document = docx.Document(io.BytesIO(docx_bytes(result)))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return _flat("\n".join(parts))


def test_every_cut_of_the_templates_is_read_in_full_in_both_formats(recorded):
    cuts = _cuts_in_templates()
    assert cuts  # the grep still finds the filter
    exercised: set[int] = set()
    for path in PROFILES:
        profile, _ = read_profile(path)
        result = analyse(profile)
        recorded.clear()
        pdf = _pdf_text(result)
        shortened = list(recorded)
        assert shortened, path.name
        docx_text = _docx_text(result)
        for limit, full in shortened:
            exercised.add(limit)
            assert _flat(full) in pdf, (path.name, limit, full)
            assert _flat(full) in docx_text, (path.name, limit, full)
        # numbered once each, listed under the method annex
        numbers = re.findall(r"\[(\d+)\]", pdf)
        assert "Textescitésenentier" in pdf
        assert {int(n) for n in numbers} >= set(range(1, len({f for _, f in shortened}) + 1))
    # every cut the templates hold shortened a text in one of these notes, and was listed
    assert set(cuts) <= exercised, {n: cuts[n] for n in set(cuts) - exercised}


def test_a_shortened_text_points_to_its_full_text(recorded):
    profile, _ = read_profile(INVENTED / "epci.tierslieu.json")
    result = analyse(profile)
    from reports.consistency import note_text as plain

    text = plain(result)
    body, annex = text.split("Annexe B. Méthode")
    for number, (limit, full) in enumerate(dict.fromkeys(recorded), start=1):
        del limit
        assert f"[{number}]" in body  # the short text carries the number…
        assert f"[{number}] {full}" in annex.replace("\u00a0", " ")  # …of its full text
    assert len(recorded) >= 10


def test_a_text_that_fits_carries_no_number():
    env = note_text.environment()
    template = env.from_string("{{ t|cut(50) }}")
    assert template.render(t="Court.", cited=note_text.Cited()) == "Court."
    cited = note_text.Cited()
    long = "Une phrase assez longue pour être coupée. " * 3
    shown = template.render(t=long, cited=cited)
    assert shown.endswith("\u00a0[1]") and cited.items == [(1, long.strip())]
    assert template.render(t=long, cited=cited).endswith("[1]")  # the same text, once
    assert len(cited.items) == 1
    assert not re.search(r"\[\d+\]", template.render(t=long))  # a lone section: no number
