"""Page 6, Porteur: who runs the place, with what the study says of each kind of carrier."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.i18n import translate as _tr
from desktop.shell.navigation import PageId
from reports import codes


class CarrierPage(ProfilePage):
    """Carrier type (with the study's examples), founders, staff time, commune support."""

    page_id = PageId.CARRIER

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("Le porteur du projet"))
        self.setSubTitle(self.tr("Qui ouvrirait et ferait vivre le lieu ?"))
        form = self.add_form()
        self.type_combo = self.combo(form, "carrier.type", self.tr("T&ype de porteur"),
                                     codes.CARRIER_TYPES)
        box = QGroupBox(self.tr("Ce qu'en dit l'étude de 2017"), self)
        inner = QVBoxLayout(box)
        self.study = QLabel(box)
        self.study.setWordWrap(True)
        self.study.setTextFormat(Qt.TextFormat.RichText)
        self.study.setObjectName("carrier_study")
        self.study.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.study)
        form.addRow(box)  # spans the form: the study's lines get the whole width
        self.text(form, "carrier.name", self.tr("&Nom du porteur"))
        self.number(form, "carrier.founders", self.tr("Nombre de fon&dateurs"), integer=True,
                    help_text=self.tr("Les personnes prêtes à s'engager dès le départ."))
        self.number(form, "carrier.staff_hours_per_week",
                    self.tr("&Heures salariées par semaine"), decimals=1,
                    help_text=self.tr("Accueil et animation ; 0 si le lieu est géré "
                                      "bénévolement."))
        self.combo(form, "carrier.commune_support", self.tr("Soutien de la &commune"),
                   codes.COMMUNE_SUPPORT)
        self.add_footer()

    def after_load(self) -> None:
        """Show the study's examples for the chosen carrier type."""
        self.study.setText(carrier_html(self.document.value("carrier.type")))

    def after_edit(self, field: str) -> None:
        """Update the examples when the carrier type changes."""
        if field == "carrier.type":
            self.after_load()


def carrier_html(carrier_type: str | None) -> str:
    """Two lines from the study per model this carrier type runs, and the sites showing it."""
    try:
        from reports.knowledge import knowledge

        base = knowledge()
    except Exception as exc:  # the knowledge base is shipped; say so if it is broken
        return escape(_tr("Base de connaissances indisponible : {reason}").format(reason=exc))
    models = [t for t in base.typologies if carrier_type in t.carrier_types]
    if not models:
        return escape(_tr("Aucun des dix sites étudiés n'avait ce type de porteur : "
                          "l'analyse vous comparera aux modèles les plus proches."))
    parts = []
    for model in models:  # its traits and when it fits, as the knowledge base records them
        names = ", ".join(f"{s.name} ({s.commune})" for s in map(base.site, model.site_ids))
        parts.append(f"<b>{escape(model.name)}</b><br>" + "<br>".join(
            f"• {escape(line)}" for line in (model.traits, model.fits)) + "<br><i>" + escape(
            _tr("Exemple : {sites}").format(sites=names)) + "</i>")
    return "<br><br>".join(parts)
