"""The territory scan's short PDF: how it was made, the map, the ranking table, the sources."""

from __future__ import annotations

import datetime as _dt
import io
from html import escape
from typing import Any

from reports.fmt import fmt_date, fmt_number
from reports.texts import message

# the ranking table: column (scan.pdf.columns.<key>) and width in mm
COLUMNS = (("rank", 8), ("name", 30), ("population", 13), ("concentration", 16),
           ("catchment", 16), ("nearest", 45), ("users", 14), ("verdict", 21), ("score", 11))


def _map(rows: list[dict[str, Any]], directory: Any, width: float, height: float):
    """The territory's communes coloured by verdict, the known tiers-lieux marked
    (reports.maps.territory_map, the one map module)."""
    from reports.maps import Category, territory_map
    from reports.scan.rows import settings

    classes = [Category(c["key"], c["label"], c["fill"], c["stroke"])
               for c in settings()["map_classes"]]
    return territory_map([(r["insee_code"], suitability_class(r["rank"], len(rows)))
                          for r in rows], directory, categories=classes, width=width,
                         height=height, max_commune_labels=12)


def suitability_class(rank: int, total: int) -> str:
    """"top", "middle" or "bottom": the third of the ranking a commune falls in."""
    third = (rank - 1) * 3 // max(1, total)
    return ("top", "middle", "bottom")[min(third, 2)]


def scan_pdf(rows: list[dict[str, Any]], selection: Any, directory: Any, *,
             skipped: list[tuple[str, str]] = (), today: _dt.date | None = None) -> bytes:
    """The PDF's bytes: title, method, map, the best `pdf_rows` communes, sources."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from reports.note.fonts import BOLD
    from reports.note.styles import GREY, LIGHT, build_styles
    from reports.scan.rows import settings

    spec = settings()
    styles = build_styles(None)
    small, h1, h2 = styles["small"], styles["h1"], styles["h2"]
    cell, cell_r = styles["cell_small"], styles["cell_small_right"]
    head = styles["cell_small"].clone("scan_head", fontName=BOLD, textColor=colors.white)
    story: list[Any] = []
    title = message("scan.pdf.title", territory=selection.label)
    story.append(Paragraph(escape(title), h1))
    counts = {level: fmt_number(sum(1 for r in rows if r["verdict_level"] == level))
              for level in ("favourable", "conditional", "not_advised")}
    story.append(Paragraph(escape(message(
        "scan.pdf.lead", count=fmt_number(len(rows)), date=fmt_date(today or _dt.date.today()),
        favourable=counts["favourable"], conditional=counts["conditional"],
        not_advised=counts["not_advised"])), styles["lead"]))
    story.append(Paragraph(escape(message(
        "scan.pdf.method", defaults=spec["profile_defaults_source"],
        score=spec["score"]["source"])), small))
    outside = [r for r in rows if r.get("frame")]
    if outside:  # overseas, urban cores…: said once for the territory, as each note says it
        facts = dict.fromkeys(fact for r in outside for fact in r["frame"])
        story.append(Paragraph(escape(message(
            "scan.pdf.frame", count=fmt_number(len(outside)), facts=" ; ".join(facts))), small))
    frame_width = A4[0] - 36 * mm
    story.append(Spacer(1, 4))
    story.append(_map(rows, directory, frame_width, 118 * mm))
    shown = rows[: spec["pdf_rows"]]
    heading = (message("scan.pdf.ranking_first", count=len(shown)) if len(rows) > len(shown)
               else message("scan.pdf.ranking"))
    story.append(Paragraph(escape(heading), h2))
    data = [[Paragraph(escape(message(f"scan.pdf.columns.{key}")), head) for key, _ in COLUMNS]]
    for r in shown:
        nearest = (message("scan.pdf.nearest", place=r["nearest_place"],
                           km=fmt_number(r["nearest_place_km"], 0)) if r["nearest_place"]
                   else message("scan.pdf.none_near",
                                km=fmt_number(spec["nearest_place_max_km"])))
        data.append([
            Paragraph(str(r["rank"]), cell_r), Paragraph(escape(r["name"]), cell),
            Paragraph(fmt_number(r["population"]), cell_r),
            Paragraph(fmt_number(r["concentration"], 2) if r["concentration"] is not None
                      else "—", cell_r),
            Paragraph(fmt_number(r["catchment_population"]), cell_r),
            Paragraph(escape(nearest), cell),
            Paragraph(fmt_number(r["demand_central"]), cell_r),
            Paragraph(escape(r["verdict"]), cell),
            Paragraph(fmt_number(r["score"], 0), cell_r),
        ])
    table = Table(data, colWidths=[width * mm for _, width in COLUMNS], repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), styles.main),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LIGHT]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GREY),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    story.append(table)
    story.append(Paragraph(escape(message("scan.pdf.footnote")), small))
    if skipped:
        listed = [message("scan.pdf.skipped_commune", code=code, reason=why)
                  for code, why in skipped[:20]] + (["…"] if len(skipped) > 20 else [])
        story.append(Paragraph(escape(message("scan.pdf.skipped", communes=" ; ".join(listed))),
                               small))
    sources = "; ".join(message("scan.pdf.source", dataset=s.get("dataset"),
                                producer=s.get("producer"), vintage=s.get("vintage"),
                                licence=s.get("licence")) for s in directory.attribution)
    story.append(KeepTogether([Paragraph(escape(message("scan.pdf.sources")), h2),
                               Paragraph(escape(sources), small)]))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title=title, author=message("scan.pdf.author"), invariant=1)
    doc.build(story)
    return buffer.getvalue()
