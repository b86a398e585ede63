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
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from reports import __version__
from reports.note import charts
from reports.note.blocks import Builder, Heading, flat_keep
from reports.note.columns import Columns
from reports.note.sections import labels, sections
from reports.note.styles import Styles
from reports.note.text import Cited, clean, para, render
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


def note_info(author: str, organisation: str, brand: Any, *, logo: Any = None,
              today: dt.date | None = None) -> NoteInfo:
    """Explicit arguments win over the brand's fields (the default brand when none); cleaned.

    Shared by the PDF and the DOCX; `logo` is the PDF's already validated image.
    """
    from reports.brand import DEFAULT_BRAND

    brand = DEFAULT_BRAND if brand is None else brand

    def get(name: str) -> str:
        return getattr(brand, name, None) or ""

    info = NoteInfo(
        author=clean(author or get("author"), 120),
        organisation=clean(organisation or get("organisation"), 120),
        contact=clean(get("contact"), 200),
        main_color=get("main_color") or None,
        logo=logo,
    )
    return info if today is None else dataclasses.replace(info, today=today)


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


def entered_rows(result: Any) -> list[tuple]:
    """The profile's rows as the user entered them: the figures the analysis took from the
    communes directory (result.commune.sources, said in the commune section) are left out,
    and so is the buildings' default role (« autre bâtiment possible ») when no building is an
    antenna: a file written before the field had none."""
    filled = set(getattr(result.commune, "sources", None) or ())
    if not getattr(result.sizing, "antenna_indices", ()):
        filled.add("buildings.role")
    return [row for row in profile_rows(result.profile)
            if row[0] not in filled and not row[0].startswith("commune.sources")]


GLUE_MAX_HEIGHT = 480  # a first block taller than this may start below its heading
GLUE_MIN_HEIGHT = 24  # a section heading is kept with at least two lines of what follows

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


def _lead(reason: str) -> tuple[str, str]:
    """A reason split at its first " ; " into the general clause and the local one."""
    lead, _, rest = reason.partition(" ; ")
    return lead.strip().rstrip("."), rest.strip()


def practice_groups(result: AnalysisResult) -> list[tuple[str, list[tuple[Any, str]]]]:
    """Practices as (group heading, [(practice, reason to print)]), specific ones first.

    A reason (or its clause before " ; ") given for three practices or more is printed
    once, as the heading of their group, and each practice keeps only its own clause.
    """
    counts: dict[str, int] = {}
    for hit in result.practices:
        lead = _lead(hit.reason)[0]
        counts[lead] = counts.get(lead, 0) + 1
    groups: dict[str, list[tuple[Any, str]]] = {"": []}
    for hit in result.practices:
        lead, rest = _lead(hit.reason)
        if lead and counts[lead] >= 3:
            groups.setdefault(lead, []).append((hit, rest[:1].upper() + rest[1:]))
        else:
            groups[""].append((hit, hit.reason))
    return [(lead, items) for lead, items in groups.items() if items]


def _shown_sources(result: AnalysisResult) -> set[str]:
    """Sources already printed beside the budgets and the impact (the method skips them),
    also when a printed source quotes them (an indexed amount adds the index to its source;
    a revenue line quotes the shares it uses)."""
    lines = (result.finance.investment + result.finance.operating + result.impact.assumptions
             + result.finance.in_kind)
    shown = {line.source for line in lines}
    printed = shown | {line.source for line in getattr(result.finance, "revenue", ())}
    quoted = {a.get("source") for a in (result.method.get("assumptions") or {}).values()
              if isinstance(a, dict) and isinstance(a.get("source"), str)
              and any(a["source"] in text for text in printed)}
    return shown | quoted


def context(result: AnalysisResult, info: NoteInfo) -> dict[str, Any]:
    """Everything the templates may read; the renderer computes nothing of its own."""
    kb = _knowledge()
    site_names = {s.site_id: s.name for s in result.sites}
    return {
        "r": result, "profile": result.profile, "commune": result.commune,
        "verdict": result.verdict, "finance": result.finance, "kb": kb,
        "attribution": _attribution(), "info": info, "today": info.today,
        "quote_for": quote_picker(kb), "shown_sources": _shown_sources(result),
        "practice_groups": practice_groups(result),
        "version": __version__, "site_names": site_names,
        "best_sites": result.sites[:3], "profile_rows": entered_rows(result),
        "observed_users": _observed_users(), "cited": Cited(),
    }


def _observed_users() -> dict[str, Any]:
    """Each site's regular users in the note's sense (a day a week at least), the ranges the
    demand transposes (parameters.json ``observed_regular_users``), not the fiches' head counts."""
    from reports.analysis.parameters import shipped

    return dict(shipped()[0]["observed_regular_users"].value)


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
                monthly_charges=be.monthly_charges_eur,
                price=be.revenue_per_user_month_eur or be.price_eur,
                users_expected=be.users_expected, users_needed=be.users_needed,
                width=width, labels=attrs, other_revenue=be.other_revenue_eur)
        elif name == "sensitivity":
            drawing = charts.sensitivity_chart(result, width, attrs)
            if drawing is None:
                return []
        elif name == "map":
            drawing = neighbourhood_figure(result, width)
            if drawing is None:
                return []
        else:
            return []
        caption = attrs.get("caption")
        tail = [Paragraph(para(caption), styles["chart_caption"])] if caption else []
        return [drawing, *tail]

    return make


MAP_HEIGHT = 250  # points: the map and its legend take under half a page


def neighbourhood_figure(result: AnalysisResult, width: float):
    """The commune's neighbourhood map (reports.maps), or None when the commune is not in
    the directory or not located (a « commune hors annuaire »)."""
    from reports.maps import neighbourhood_map

    code = str(result.commune.insee_code or "").strip()
    if not code:
        return None
    return neighbourhood_map(code, width=width, height=MAP_HEIGHT)


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
        if section is sections()[0]:  # the synthesis: its page, whatever the commune
            story += [heading, OnePage(body)]
        else:
            story += _glued(heading, body, width)
    return story


class OnePage(KeepInFrame):
    """Blocks kept on what is left of their page, shrunk only if they must be (Villeurbanne's
    synthesis ran onto page 3: everything is kept, a little smaller); the headings inside
    are still filed in the outline."""

    def __init__(self, body: list[Flowable]) -> None:
        super().__init__(0, 0, _loose(body), mode="shrink")

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw the blocks, then file their headings as the document would have."""
        super().drawOn(canv, x, y, _sW)
        doc = getattr(canv, "_doctemplate", None)
        for flowable in self._content:
            if doc is not None and getattr(flowable, "outline", None):
                doc.afterFlowable(flowable)

    @property
    def scale(self) -> float:
        """How much the blocks were shrunk (1: not at all), once laid out."""
        return 1 / getattr(self, "_scale", 1.0)


def _loose(body: list[Flowable]) -> list[Flowable]:
    """The blocks without page-break hints and with kept groups unpacked (one page: a group
    measured whole would read as 0xffffff points high)."""
    out: list[Flowable] = []
    for flowable in body:
        if isinstance(flowable, KeepTogether):
            out += _loose(flowable._content)
        elif not isinstance(flowable, CondPageBreak):
            out.append(flowable)
    return out


def _height(flowable: Flowable, width: float) -> float:
    """Height of a flowable laid out at `width` (KeepTogether measured through its parts)."""
    if isinstance(flowable, KeepTogether):
        return sum(_height(part, width) for part in flowable._content)
    try:
        return flowable.wrap(width, 10_000)[1]
    except AttributeError:  # some (balanced columns…) need a canvas to measure: never glued
        return float("inf")


def _glued(heading: Flowable, body: list[Flowable], width: float) -> list[Flowable]:
    """The heading kept on the page of the section's first blocks (two lines at least).

    A table or columns are not glued whole: they split (a table with its header repeated),
    and the conditional break before the section leaves room for the heading and the
    first rows.
    """
    glued: list[Flowable] = [heading]
    height, count = 0.0, 0
    for block in body:
        if height >= GLUE_MIN_HEIGHT or isinstance(block, CondPageBreak | Table | Columns):
            break
        block_height = _height(block, width)
        if height + block_height > GLUE_MAX_HEIGHT:
            break
        glued.append(block)
        height += block_height
        count += 1
    return [flat_keep(glued) if count else heading, *body[count:]]


def charts_safe_break() -> Flowable:
    """Start a section on a new page when less than a fifth of a page is left."""
    return CondPageBreak(150)


def header_text(result: AnalysisResult) -> str:
    """The running header: "Note de faisabilité — <commune>" (plain text, cleaned)."""
    return labels()["header"].format(commune=clean(result.commune.name, 80) or "—")


def note_metadata(result: AnalysisResult, info: NoteInfo) -> dict[str, str]:
    """Title, author, subject, keywords and creator of the file (PDF and DOCX)."""
    lab = labels()
    commune = clean(result.commune.name, 80) or "—"
    departement = clean(result.commune.departement, 40) or "—"
    return {
        "title": lab["title"].format(commune=commune, departement=departement),
        "author": info.author or info.organisation,
        "subject": lab["subject"],
        "keywords": lab["keywords"].format(commune=commune),
        "creator": lab["creator"].format(version=__version__),
    }
