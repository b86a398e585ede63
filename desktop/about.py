"""The About box: version, the study, the open data and their attribution."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import translate as _tr
from reports import __version__


def about_html(context: Any) -> str:
    """Version, sources and licences (attribution the Licence Ouverte asks for)."""
    lines = [
        _tr("<h3>Tiers-lieu rural — version {version}</h3>").format(version=escape(__version__)),
        _tr("<p>Aide à la décision pour un tiers-lieu en milieu rural, fondée sur une étude "
            "de terrain de dix tiers-lieux d'Occitanie réalisée en 2017 pour le GAL Est "
            "Audois.</p>"),
        _tr("<p>Logiciel sous licence EUPL-1.2. Fonctionne hors ligne : aucune donnée n'est "
            "envoyée.</p>"),
    ]
    attribution = data_attribution(context)
    if attribution:
        lines.append(_tr("<p><b>Données ouvertes</b></p>") + "<ul>" + "".join(
            f"<li>{escape(item)}</li>" for item in attribution) + "</ul>")
    return "".join(lines)


def data_attribution(context: Any) -> list[str]:
    """One line per dataset (producer, dataset, vintage, licence), from the directory."""
    directory = getattr(getattr(context, "communes", None), "directory", None)
    found = getattr(directory, "attribution", None) if directory is not None else None
    if found is None:
        try:
            from reports import communes

            found = getattr(communes, "attribution", None)
            found = found() if callable(found) else found
        except Exception:  # the About box must open even if the directory is broken
            found = None
    if isinstance(found, str):
        return [found]
    items = []
    for entry in found or ():
        if isinstance(entry, dict):
            items.append(" — ".join(str(v) for v in entry.values() if v))
        else:
            items.append(str(entry))
    return items


def show_about(parent: QWidget, context: Any) -> None:
    """Show the About box."""
    QMessageBox.about(parent, _tr("À propos de Tiers-lieu rural"), about_html(context))
