"""The results page's text, built from an `AnalysisResult` (every value escaped)."""

from __future__ import annotations

from html import escape
from typing import Any

from desktop.shell.i18n import translate as _tr
from reports.fmt import fmt_eur, fmt_number, fmt_percent

VERDICT_COLOURS = {"favourable": "#1b5e20", "conditional": "#8a5300", "not_advised": "#b00020"}


def _e(value: Any) -> str:
    return escape(str(value))


def _range(estimate: Any) -> str:
    return _tr("{low} à {high} (central {central})").format(
        low=fmt_number(estimate.low), high=fmt_number(estimate.high),
        central=fmt_number(estimate.central))


def result_html(result: Any) -> str:
    """Verdict, models, closest sites, key figures, warnings."""
    verdict = result.verdict
    colour = VERDICT_COLOURS.get(verdict.level, "#000")
    parts = [f"<h2 style='color:{colour}'>{_e(verdict.label)}</h2>",
             f"<p>{_e(verdict.summary)}</p>"]
    if verdict.conditions:
        parts.append(_bullets(_tr("Conditions"), verdict.conditions))
    parts.append(_models(result))
    parts.append(_sites(result))
    parts.append(_figures(result))
    if result.warnings:
        parts.append(_bullets(_tr("À vérifier"), result.warnings))
    return "".join(parts)


def _bullets(title: str, items: Any) -> str:
    """A bold title and a list (items escaped)."""
    return (f"<p><b>{_e(title)}</b></p><ul>"
            + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>")


def _models(result: Any) -> str:
    if not result.typologies:
        return ""
    best, *others = result.typologies
    title, alternatives = _tr("Modèle recommandé"), _tr("Alternatives")
    html = (f"<h3>{_e(title)}</h3><p><b>{_e(best.name)}</b> "
            f"({_e(fmt_percent(best.score))}) — {_e(best.summary)}</p>")
    if others[:2]:
        html += f"<p><b>{_e(alternatives)}</b></p><ul>" + "".join(
            f"<li><b>{_e(t.name)}</b> ({_e(fmt_percent(t.score))}) — {_e(t.summary)}</li>"
            for t in others[:2]) + "</ul>"
    return html


def _sites(result: Any) -> str:
    title = _tr("Les trois sites étudiés les plus proches")
    line = _tr("{site}, {commune} ({departement}) — ressemblance {score}")
    rows = "".join("<li>" + _e(line.format(site=s.name, commune=s.commune,
                                              departement=s.departement,
                                              score=fmt_percent(s.score))) + "</li>"
                   for s in result.sites[:3])
    return f"<h3>{_e(title)}</h3><ul>{rows}</ul>"


def _figures(result: Any) -> str:
    finance, sizing = result.finance, result.sizing
    rows = [
        (_tr("Usagers réguliers attendus"), _range(result.demand.users)),
        (_tr("Postes de travail"), fmt_number(sizing.workstations)),
        (_tr("Bureaux fermés / salles de réunion"),
         f"{fmt_number(sizing.closed_offices)} / {fmt_number(sizing.meeting_rooms)}"),
        (_tr("Surface conseillée"), f"{fmt_number(sizing.surface_m2)}\u00a0m²"),
        (_tr("Investissement"), fmt_eur(finance.investment_total_eur)),
        (_tr("Fonctionnement par an"), fmt_eur(finance.operating_total_eur)),
        (_tr("Soutien public nécessaire par an"), fmt_eur(finance.public_support_per_year_eur)),
        (_tr("Équilibre"), finance.break_even.explanation),
    ]
    body = "".join(f"<tr><td style='padding-right:12px'>{_e(k)}</td><td>{_e(v)}</td></tr>"
                   for k, v in rows)
    title = _tr("Chiffres clés")
    return f"<h3>{_e(title)}</h3><table>{body}</table>"
