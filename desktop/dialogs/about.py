"""The About box: version, the study, the open data and their attribution, the licences."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.shell.i18n import translate as _tr
from reports import __version__


def about_html() -> str:
    """Version, sources and licences (attribution the Licence Ouverte asks for)."""
    lines = [
        _tr("<h3>Tiers-lieu rural — version {version}</h3>").format(version=escape(__version__)),
        _tr("<p>Aide à la décision pour un tiers-lieu en milieu rural, fondée sur une étude "
            "de terrain de dix tiers-lieux d'Occitanie réalisée en 2017 pour le GAL Est "
            "Audois.</p>"),
    ]
    checked, chosen = funding_data_date()
    if checked and chosen:  # Fichier › Charger un tableau de programmes de financement…
        lines.append(_tr("<p>Données de financement vérifiées le {date} (fichier {file}).</p>"
                         ).format(date=escape(checked), file=escape(chosen)))
    elif checked:
        lines.append(_tr("<p>Données de financement vérifiées le {date}.</p>").format(
            date=escape(checked)))
    attribution = data_attribution()
    if attribution:
        lines.append(_tr("<p><b>Données ouvertes</b></p>") + "<ul>" + "".join(
            f"<li>{item}</li>" for item in attribution) + "</ul>")
    lines.append(_tr(
        "<p><b>Licences</b></p><p>Logiciel sous licence EUPL-1.2. Il utilise Qt for Python "
        "(PySide6, LGPL-3.0), reportlab (BSD) et la police DejaVu Sans (licence Bitstream "
        "Vera), incluse dans les notes. Détails : fichier THIRD-PARTY-NOTICES.md.</p>"
        "<p>Fonctionne hors ligne : aucune donnée n'est envoyée.</p>"))
    return "".join(lines)


def funding_data_date() -> tuple[str, str]:
    """The date the funding programmes were last checked (« 3 décembre 2026 ») and the file
    chosen in place of the shipped one ("" for each when unknown or shipped)."""
    try:
        from reports.fmt import fmt_date
        from reports.knowledge import knowledge

        base = knowledge()
    except Exception:  # the About box must open even if the knowledge base is broken
        return "", ""
    checked = base.programmes_checked_on
    chosen = Path(base.programmes_file).name if base.programmes_file else ""
    return (fmt_date(checked) if checked else ""), chosen


def data_attribution() -> list[str]:
    """One HTML line per dataset (dataset, producer, vintage, licence, use), escaped, from
    the directory (the window's, loaded once per process; read here if not loaded yet)."""
    try:
        from reports.communes import directory

        return [_source_line(source) for source in directory().attribution]
    except Exception:  # the About box must open even if the directory is broken
        return []


def _source_line(source: dict) -> str:
    """"<b>Dataset</b> (vintage) — producer. Licence. Used for: …" with every value escaped."""
    values = {key: escape(str(source.get(key) or "")) for key in
              ("dataset", "vintage", "producer", "licence", "use")}
    line = _tr("<b>{dataset}</b> ({vintage}) — {producer}. {licence}.").format(**values)
    if values["use"]:
        line += " " + _tr("Utilisé pour : {use}.").format(use=values["use"])
    return line


def about_box(parent: QWidget | None) -> QMessageBox:
    """The About box, wide enough to read the sources comfortably."""
    box = QMessageBox(QMessageBox.Icon.Information, _tr("À propos de Tiers-lieu rural"),
                      about_html(), QMessageBox.StandardButton.Ok, parent)
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 560px; }")
    return box
