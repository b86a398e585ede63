"""The territory scan's short PDF: how it was made, the map, the ranking table, the sources."""

from __future__ import annotations

import datetime as _dt
import io
from html import escape
from typing import Any

from reports.fmt import fmt_date, fmt_number


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
    story.append(Paragraph(escape(f"Comparaison des communes — {selection.label}"), h1))
    counts = {level: sum(1 for r in rows if r["verdict_level"] == level)
              for level in ("favourable", "conditional", "not_advised")}
    story.append(Paragraph(escape(
        f"{fmt_number(len(rows))} communes analysées le {fmt_date(today or _dt.date.today())} "
        f"avec les seuls chiffres de l'annuaire : {fmt_number(counts['favourable'])} "
        f"favorables, {fmt_number(counts['conditional'])} sous conditions, "
        f"{fmt_number(counts['not_advised'])} déconseillées en l'état."), styles["lead"]))
    story.append(Paragraph(escape(
        spec["profile_defaults_source"] + " Le verdict de chaque commune dépend donc surtout "
        "de son territoire ; un bâtiment, un porteur et un budget le changent. "
        + spec["score"]["source"] + " La liste complète est dans scan.csv."), small))
    frame_width = A4[0] - 36 * mm
    story.append(Spacer(1, 4))
    story.append(_map(rows, directory, frame_width, 118 * mm))
    shown = rows[: spec["pdf_rows"]]
    heading = "Classement" + (f" (les {len(shown)} premières)" if len(rows) > len(shown) else "")
    story.append(Paragraph(escape(heading), h2))
    titles = ["N°", "Commune", "Pop.", "Emplois ÷ actifs", "Pop. à 20 min*",
              "Tiers-lieu le plus proche*", "Usagers", "Verdict", "Score"]
    data = [[Paragraph(escape(t), head) for t in titles]]
    for r in shown:
        nearest = (f"{r['nearest_place']} — {fmt_number(r['nearest_place_km'], 0)} km"
                   if r["nearest_place"] else "aucun à moins de "
                   f"{fmt_number(spec['nearest_place_max_km'])} km")
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
    widths = [8 * mm, 30 * mm, 13 * mm, 16 * mm, 16 * mm, 45 * mm, 14 * mm, 21 * mm, 11 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), styles.main),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LIGHT]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GREY),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    story.append(table)
    story.append(Paragraph(escape(
        "* Temps et distances par la route approximatifs, calculés entre les centres des "
        "communes (voir la méthode dans scan.csv et la note de chaque commune) ; tiers-lieux "
        "connus : liste nationale CGET 2019 et sites de l'étude de 2017."), small))
    if skipped:
        story.append(Paragraph(escape(
            "Non analysées : " + " ; ".join(f"{code} ({why})" for code, why in skipped[:20])
            + (" ; …" if len(skipped) > 20 else "") + "."), small))
    sources = "; ".join(f"{s.get('dataset')} ({s.get('producer')}, {s.get('vintage')}, "
                        f"{s.get('licence')})" for s in directory.attribution)
    story.append(KeepTogether([Paragraph("Sources", h2), Paragraph(escape(sources), small)]))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm,
                            title=f"Comparaison des communes — {selection.label}",
                            author="Tiers-lieu rural", invariant=1)
    doc.build(story)
    return buffer.getvalue()
