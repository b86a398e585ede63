"""The note's story: each section's template rendered, parsed into flowables, in order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from reports import __version__
from reports.note import charts
from reports.note.blocks import Builder, Heading
from reports.note.sections import labels, sections
from reports.note.styles import Styles
from reports.note.text import clean, para, render
from reports.result import AnalysisResult


@dataclass
class NoteInfo:
    """Who signs the note and how it looks (already merged from arguments and brand)."""

    author: str = ""
    organisation: str = ""
    contact: str = ""
    main_color: str | None = None
    logo: Any = None  # an ImageReader, validated beforehand
    today: dt.date = field(default_factory=dt.date.today)


def _knowledge() -> Any:
    """The knowledge base if it can be loaded (annexes and fiches use it), else None."""
    try:
        from reports.knowledge import knowledge
        return knowledge()
    except Exception:  # a missing base must not stop the note: the annexes say so
        return None


def _as_dict(item: Any) -> dict[str, Any]:
    """A mapping, a dataclass or a plain object as a dict of its public fields."""
    if isinstance(item, dict):
        return item
    if dataclasses.is_dataclass(item):
        return dataclasses.asdict(item)
    return {k: v for k, v in vars(item).items() if not k.startswith("_")} if hasattr(
        item, "__dict__") else {"dataset": str(item)}


def _attribution() -> list[dict[str, Any]]:
    """The communes directory's attributions (producer, dataset, vintage, licence)."""
    try:
        from reports.communes import directory
        found = directory().attribution
    except Exception:  # the sources annex then names the study and COG generically
        return []
    if found is None:
        return []
    items = found if isinstance(found, list | tuple) else [found]
    return [_as_dict(item) for item in items]


def profile_rows(profile: Any, prefix: str = "", index: int | None = None) -> list[tuple]:
    """The profile flattened to (label key, item number, value) rows, in file order."""
    rows: list[tuple] = []
    if not isinstance(profile, dict):
        return [(prefix or "profil", index, profile)]
    for key, value in profile.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            rows += profile_rows(value, path, index)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for number, item in enumerate(value, 1):
                rows += profile_rows(item, path, number)
        else:
            rows.append((path, index, value))
    return rows


GLUE_MAX_HEIGHT = 480  # a first block taller than this may start below its heading

QUOTE_FIELDS = ("carrier_type", "building_origin", "opening_date", "regular_users",
                "operating_eur_per_year", "investment_eur")  # narrative sentences first


def quote_picker(kb: Any) -> Callable[[str], str]:
    """The study sentence to cite for a site: a narrative one rather than a table cell."""

    def pick(site_id: str) -> str:
        if kb is None:
            return ""
        quotes = {q.field: q.quote for q in kb.sources_for(site_id)}
        for name in QUOTE_FIELDS:
            if quotes.get(name):
                return quotes[name]
        return next(iter(quotes.values()), "")

    return pick


def _shared_reasons(result: AnalysisResult) -> list[str]:
    """Reasons given for three practices or more: printed once, as a group heading."""
    counts: dict[str, int] = {}
    for hit in result.practices:
        counts[hit.reason] = counts.get(hit.reason, 0) + 1
    return [reason for reason, n in counts.items() if n >= 3 and reason]


def _shown_sources(result: AnalysisResult) -> set[str]:
    """Sources already printed beside the budgets and the impact (the method skips them)."""
    lines = result.finance.investment + result.finance.operating + result.impact.assumptions
    return {line.source for line in lines}


def context(result: AnalysisResult, info: NoteInfo) -> dict[str, Any]:
    """Everything the templates may read; the renderer computes nothing of its own."""
    kb = _knowledge()
    site_names = {s.site_id: s.name for s in result.sites}
    return {
        "r": result, "profile": result.profile, "commune": result.commune,
        "verdict": result.verdict, "finance": result.finance, "kb": kb,
        "attribution": _attribution(), "info": info, "today": info.today,
        "quote_for": quote_picker(kb), "shown_sources": _shown_sources(result),
        "shared_reasons": _shared_reasons(result),
        "version": __version__, "site_names": site_names,
        "best_sites": result.sites[:3], "profile_rows": profile_rows(result.profile),
    }


def chart_factory(result: AnalysisResult, styles: Styles) -> Callable:
    """Build the named chart from the result; the template supplies the labels."""

    def make(name: str, attrs: dict[str, str], width: float) -> list[Flowable]:
        if name == "typologies" and result.typologies:
            drawing = charts.similarity_chart(
                [t.name for t in result.typologies], [t.score for t in result.typologies],
                width, styles.main, attrs.get("axis", ""))
        elif name == "break_even":
            be = result.finance.break_even
            drawing = charts.break_even_chart(
                monthly_charges=be.monthly_charges_eur, price=be.price_eur,
                users_expected=be.users_expected, users_needed=be.users_needed,
                width=width, labels=attrs)
        else:
            return []
        caption = attrs.get("caption")
        tail = [Paragraph(para(caption), styles["chart_caption"])] if caption else []
        return [drawing, *tail]

    return make


def build_story(result: AnalysisResult, styles: Styles, width: float, info: NoteInfo,
                toc: Flowable) -> list[Flowable]:
    """The whole note as flowables: cover (with the contents), then every section."""
    ctx = context(result, info)
    make_chart = chart_factory(result, styles)
    cover = Builder(styles, width, make_chart, "cover")
    story: list[Flowable] = [NextPageTemplate("body")]
    story += cover.build(render("cover.j2", **ctx))
    story += [Spacer(1, 10), Paragraph(labels()["toc_title"], styles["h2"]), toc]
    for section in sections():
        builder = Builder(styles, width, make_chart, section.section_id)
        body = builder.build(render(section.template, section=section, **ctx))
        if section.new_page or section is sections()[0]:
            story.append(PageBreak())
        else:
            story.append(charts_safe_break())
        heading = Heading(para(section.heading), styles["h1"], 0, section.section_id)
        story += _glued(heading, body, width)
    return story


def _height(flowable: Flowable, width: float) -> float:
    """Height of a flowable laid out at `width` (KeepTogether measured through its parts)."""
    if isinstance(flowable, KeepTogether):
        return sum(_height(part, width) for part in flowable._content)
    try:
        return flowable.wrap(width, 10_000)[1]
    except AttributeError:  # some (balanced columns…) need a canvas to measure: never glued
        return float("inf")


def _glued(heading: Flowable, body: list[Flowable], width: float) -> list[Flowable]:
    """The heading kept on the page of the section's first block when that block is short."""
    if body and not isinstance(body[0], CondPageBreak):
        parts = body[0]._content if isinstance(body[0], KeepTogether) else [body[0]]
        if _height(body[0], width) <= GLUE_MAX_HEIGHT:
            return [KeepTogether([heading, *parts]), *body[1:]]
    return [heading, *body]


def charts_safe_break() -> Flowable:
    """Start a section on a new page when less than a fifth of a page is left."""
    return CondPageBreak(150)


def header_text(result: AnalysisResult) -> str:
    """The running header: "Note de faisabilité — <commune>" (plain text, cleaned)."""
    return labels()["header"].format(commune=clean(result.commune.name, 80) or "—")
