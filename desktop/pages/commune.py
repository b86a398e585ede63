"""Page 2, Commune: the name with autocomplete, then INSEE code, département, EPCI, population."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import QLabel, QWidget

from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument, is_required
from desktop.shell.navigation import PageId
from desktop.widgets.completer import CommuneCompleter
from desktop.widgets.departement import DepartementEdit
from reports.textnorm import fold


class CommunePage(ProfilePage):
    """Identify the commune; choosing it in the list fills the other fields."""

    page_id = PageId.COMMUNE

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("La commune"))
        self.setSubTitle(self.tr("Tapez le nom de la commune et choisissez-la dans la liste : "
                                 "les autres champs se remplissent, et restent modifiables."))
        form = self.add_form()
        self.name = self.text(form, "commune.name", self.tr("&Nom de la commune"),
                              required=is_required("commune.name"))
        self.name.setPlaceholderText(self.tr("par exemple : Prades"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        self.name.parentWidget().layout().insertWidget(1, self.status)  # under the name
        self.insee = self.text(form, "commune.insee_code", self.tr("&Code INSEE"),
                               required=is_required("commune.insee_code"))
        self.insee.setMaximumWidth(120)
        self.departement = self.bind(form, "commune.departement", self.tr("&Département"),
                                     DepartementEdit(self._departement_names, self),
                                     required=is_required("commune.departement"))
        self.departement.setMaximumWidth(260)  # « Alpes-de-Haute-Provence (04) »
        self.epci = self.text(form, "commune.epci_name", self.tr("&Intercommunalité (EPCI)"))
        self.number(form, "commune.epci_population",
                    self.tr("Population de l'&EPCI"), integer=True)
        self.number(form, "population.total", self.tr("Population &municipale"),
                    integer=True, required=is_required("population.total"),
                    help_text=self.tr("Population légale (INSEE) ; elle est préremplie depuis "
                                      "l'annuaire, corrigez-la si vous avez plus récent."))
        self.vintage = QLabel(self)
        self.vintage.setWordWrap(True)
        self.vintage.setStyleSheet("color: #555;")
        self.outer.addWidget(self.vintage)
        self.completer = CommuneCompleter(self)
        self.completer.activated[QModelIndex].connect(self._on_chosen)
        self.name.editingFinished.connect(self.resolve_typed)
        self.add_footer()
        index = context.communes
        if index is not None:
            index.ready.connect(self._attach_model)
            index.failed.connect(self.status.setText)
            if index.is_ready:
                self._attach_model()

    def initializePage(self) -> None:
        """Fill from the profile; make sure the directory is loading."""
        super().initializePage()
        index = self.context.communes
        if index is not None and not index.is_ready:
            index.start()
            self.status.setText(index.error or self.tr("Chargement de l'annuaire des "
                                                       "communes…"))

    def _attach_model(self) -> None:
        """The directory is loaded: autocomplete the name field."""
        index = self.context.communes
        self.completer.setModel(index.model)
        self.name.setCompleter(self.completer)
        self.status.setText(self.tr("Tapez les premières lettres puis choisissez dans la "
                                    "liste ; les homonymes sont distingués par leur "
                                    "département."))
        self.vintage.setText(vintage_text(index.directory))

    def _on_chosen(self, index: QModelIndex) -> None:
        """A commune was picked in the list."""
        self.choose(self.completer.insee_at(index))

    def resolve_typed(self) -> None:
        """A name typed in full without picking: fill it in if it names one commune only."""
        index = self.context.communes
        typed = self.name.text().strip()
        if index is None or not index.is_ready or not typed:
            return
        chosen = index.lookup(self.document.value("commune.insee_code") or "")
        if chosen is not None and fold(chosen.name) == fold(typed):
            return
        matches = [c for c in index.directory.search(typed, 10) if fold(c.name) == fold(typed)]
        if len(matches) > 1:
            self.status.setText(self.tr("Plusieurs communes s'appellent « {name} » : choisissez "
                                        "la vôtre dans la liste (le département les "
                                        "distingue).").format(name=typed))
        elif matches and self.choose(matches[0].current_insee_code):
            old = matches[0]
            if old.current_insee_code != old.insee_code:
                self.status.setText(self.tr("« {old} » fait aujourd'hui partie de la commune "
                                            "de {current} ({departement}) : les champs sont "
                                            "remplis pour elle.").format(
                    old=old.name, current=old.current_name, departement=old.departement))

    def choose(self, insee: str) -> bool:
        """Fill the commune's fields from the directory; False if the code is unknown."""
        record = self.context.communes.lookup(insee) if self.context.communes else None
        if record is None:
            return False
        for field, value in commune_values(record).items():
            self.document.set(field, value)
            if field in self.bindings:
                self.bindings[field].touched = True
        self.load_from_document()
        return True

    def _departement_names(self) -> dict[str, str]:
        """The directory's département names, once it is loaded (codes alone before)."""
        directory = getattr(self.context.communes, "directory", None)
        return directory.departement_names() if directory is not None else {}


def commune_values(record: Any) -> dict[str, Any]:
    """Profile fields filled from a directory record."""
    return {
        "commune.name": record.name,
        "commune.insee_code": record.insee_code,
        "commune.departement": record.departement,
        "commune.epci_name": getattr(record, "epci_name", "") or "",
        "commune.epci_population": getattr(record, "epci_population", None),
        "population.total": getattr(record, "population", None),
    }


def vintage_text(directory: Any) -> str:
    """Where the prefilled figures come from, with their vintage."""
    sources = getattr(directory, "attribution", None) or []
    first = sources[0] if sources and isinstance(sources[0], dict) else {}
    text = QCoreApplication.translate(
        "CommunePage", "Données préremplies : {vintage}, {producer} ({licence}).")
    return text.format(vintage=getattr(directory, "vintage", "") or first.get("vintage", ""),
                       producer=first.get("producer", "INSEE"),
                       licence=first.get("licence", ""))
