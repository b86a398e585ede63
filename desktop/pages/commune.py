"""Page 2, Commune: one commune, one identity.

The commune is chosen from the offline directory (by name, INSEE code or postal code):
name, code, département, EPCI and figures then belong together. Typing another name clears
them (kept aside, and given back if that commune is chosen again) until a directory commune
is chosen again; free text is an explicit « commune hors annuaire » choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId
from desktop.widgets.completer import CommuneCompleter, code_model, looks_like_code
from desktop.widgets.departement import DepartementEdit
from desktop.widgets.official import OfficialNotes
from reports.fill import SOURCES_KEY, directory_values, fillable_fields
from reports.textnorm import fold

if TYPE_CHECKING:  # costs nothing at start-up
    from PySide6.QtGui import QStandardItemModel

    from desktop.shell.communes import CommuneIndex
    from reports.communes import Commune, Directory

CODE_RESULTS = 12  # communes proposed for a typed code
EMPTY_TEXT = ("commune.insee_code", "commune.departement", "commune.epci_name")


def commune_fields() -> list[str]:
    """The fields that belong to the commune chosen: its code and every field the directory
    fills (identity, population, census, classifications), as `reports.fill` lists them."""
    return ["commune.insee_code", *fillable_fields()]


class CommunePage(ProfilePage):
    """Identify the commune; choosing it in the list fills the other fields."""

    page_id = PageId.COMMUNE

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("La commune"))
        self.setSubTitle(self.tr("Tapez le nom, le code INSEE ou le code postal de la commune "
                                 "et choisissez-la dans la liste : son code, son "
                                 "intercommunalité et ses chiffres viennent avec elle."))
        form = self.add_form()
        self.name = self.text(form, "commune.name", self.tr("&Nom de la commune"))
        self.name.setPlaceholderText(self.tr("par exemple : Prades, 66149 ou 66500"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        self.name.parentWidget().layout().insertWidget(1, self.status)  # under the name
        self.outside = QCheckBox(self.tr("Commune &hors annuaire (saisie libre du nom et du "
                                         "code)"), self)
        self.outside.setToolTip(self.tr("Seulement si votre commune n'est pas dans la liste : "
                                        "les chiffres sont alors à saisir vous-même."))
        self.outside.toggled.connect(self._outside_toggled)
        self.name.parentWidget().layout().insertWidget(2, self.outside, 0,
                                                       Qt.AlignmentFlag.AlignLeft)
        self.insee = self.text(form, "commune.insee_code", self.tr("&Code INSEE"))
        self.insee.setMaximumWidth(120)
        self.departement = self.bind(form, "commune.departement", self.tr("&Département"),
                                     DepartementEdit(self._departement_names, self))
        self.departement.setMaximumWidth(260)  # « Alpes-de-Haute-Provence (04) »
        self.epci = self.text(form, "commune.epci_name", self.tr("&Intercommunalité (EPCI)"))
        self.number(form, "commune.epci_population",
                    self.tr("Population de l'&EPCI"), integer=True)
        self.number(form, "population.total", self.tr("Population &municipale"),
                    integer=True,
                    help_text=self.tr("Population légale (INSEE) ; elle est préremplie depuis "
                                      "l'annuaire, corrigez-la si vous avez plus récent."))
        self.vintage = QLabel(self)
        self.vintage.setWordWrap(True)
        self.vintage.setStyleSheet("color: #555;")
        self.outer.addWidget(self.vintage)
        self.completer = CommuneCompleter(self)
        self.completer.activated[QModelIndex].connect(  # a commune picked in the list
            lambda index: self.choose(self.completer.insee_at(index)))
        self.name.editingFinished.connect(self.resolve_typed)
        self.name.textEdited.connect(self._name_edited)
        self._codes_model: QStandardItemModel | None = None
        self._kept: dict[str, dict[str, Any]] = {}  # code -> its fields, while another is typed
        self.officials = OfficialNotes(self, ["population.total"])
        self._set_locked(True)
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
        self._show_identity()
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

    # -- the identity rule -------------------------------------------------------------
    def _ready(self) -> CommuneIndex | None:
        """The communes directory once it is loaded, else None."""
        index = self.context.communes
        return index if index is not None and index.is_ready else None

    def _coded(self) -> Commune | None:
        """The directory commune of the profile's INSEE code (None: no code, or not loaded)."""
        index = self._ready()
        return index.lookup(self.document.value("commune.insee_code") or "") if index else None

    def chosen(self) -> Commune | None:
        """The directory commune the fields belong to, or None (none chosen, or the name
        no longer matches its code)."""
        record = self._coded()
        name = self.document.value("commune.name") or ""
        return record if record is not None and fold(record.name) == fold(name) else None

    def _drifted(self) -> Commune | None:
        """The directory commune of the code when the name says another (an older project)."""
        record = None if self.outside.isChecked() else self._coded()
        return record if record is not None and self.chosen() is None else None

    def _name_edited(self, text: str) -> None:
        """Search codes as they are typed; a different name lets go of the chosen commune."""
        self._complete_codes(text)
        if self.outside.isChecked():
            return
        record = self._coded()
        if record is not None and fold(record.name) != fold(text):
            self.forget_commune(record.insee_code)
        self._show_identity()

    def _complete_codes(self, text: str) -> None:
        """An INSEE or postal code typed: propose its communes; a name: the name list."""
        index = self._ready()
        if index is None:
            return
        if looks_like_code(text):
            found = index.directory.search(text, CODE_RESULTS)
            self._codes_model = code_model(found, text, self)
            self.completer.setModel(self._codes_model)
        elif self.completer.model() is not index.model:
            self.completer.setModel(index.model)

    def forget_commune(self, code: str) -> None:
        """Clear the commune's code, identity and figures, keeping them aside for `code`."""
        fields = [f for f in commune_fields() if f != "commune.name"]
        self._kept[code] = {f: self.document.value(f) for f in fields}
        for field in fields:
            empty = "" if field in EMPTY_TEXT else None
            self.document.set(field, empty)
            if field in self.bindings:
                self.bindings[field].write(empty)
        self.refresh_messages()

    def _outside_toggled(self, on: bool) -> None:
        """Free text asked for: the code and département become editable."""
        self._set_locked(not on)
        if not on:
            self.resolve_typed()
        self._show_identity()
        self.completeChanged.emit()

    def _set_locked(self, locked: bool) -> None:
        """Code and département come from the directory unless the commune is outside it."""
        for widget in (self.insee, self.departement):
            widget.setReadOnly(locked)  # still reachable by Tab: screen readers read it

    def _show_identity(self) -> None:
        """Say which commune the fields belong to, or what to do."""
        if self._ready() is None:
            return
        name = (self.document.value("commune.name") or "").strip()
        record = self.chosen()
        if record is not None:
            self.outside.setChecked(False)
            self.status.setText(self.tr("✔ {name} ({departement}) — code INSEE {code} : les "
                                        "chiffres préremplis sont ceux de cette commune."
                                        ).format(name=record.name,
                                                 departement=record.departement,
                                                 code=record.insee_code))
        elif (other := self._drifted()) is not None:
            self.status.setText(self.tr("Le nom « {name} » ne correspond pas au code INSEE "
                                        "{code} ({other}) : choisissez la commune dans la "
                                        "liste.").format(name=name, code=other.insee_code,
                                                         other=other.name))
        elif self.outside.isChecked():
            self.status.setText(self.tr("Commune hors annuaire : saisissez son code INSEE, "
                                        "son département et ses chiffres vous-même."))
        elif name:
            self.status.setText(self.tr("Choisissez la commune dans la liste (tapez son nom, "
                                        "son code INSEE ou son code postal), ou cochez "
                                        "« commune hors annuaire »."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Next needs a commune of the directory, or the explicit free-text choice."""
        if not super().isComplete():
            return False
        return self.outside.isChecked() or self._ready() is None or self.chosen() is not None

    def resolve_typed(self) -> None:
        """A name typed in full without picking: fill it in if it names one commune only."""
        index = self._ready()
        typed = self.name.text().strip()
        if index is None or not typed:
            return
        chosen = self._coded()
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
        """Give the profile the commune's identity and fill its empty figures from the
        directory (`reports.fill`: the same values and sources as the command line, recorded
        as commune.sources for the note); figures typed before stay, the official value shown
        beside them; a commune chosen again gets back what it had. False if unknown."""
        index = self.context.communes
        record = index.lookup(insee) if index else None
        if record is None:
            return False
        record = index.directory.current_of(record)
        kept = self._kept.pop(record.insee_code, {})
        values = directory_values(record, index.directory)
        self.outside.setChecked(False)
        profile = self.document.profile
        for field in commune_fields():  # the identity is the chosen commune's, whole
            if field.startswith("commune.") or field == "population.total":
                self.document.set(field, "" if field in EMPTY_TEXT else None)
        filled = {}
        for field, (value, source) in values.items():  # fill what is empty
            if self.document.value(field) in (None, ""):
                self.document.set(field, value)
                filled[field] = source
        profile.commune.extra[SOURCES_KEY] = filled  # commune.sources, as reports.fill keeps it
        self.document.set("commune.insee_code", record.insee_code)
        for field, value in kept.items():
            if field != "commune.insee_code" and value not in (None, ""):
                self.document.set(field, value)
        for field in self.bindings:
            self.bindings[field].touched = True
        self.load_from_document()
        self._show_identity()
        return True

    def after_load(self) -> None:
        """Official value and source beside the population."""
        self.officials.refresh()

    def after_edit(self, field: str) -> None:
        """Keep the official note in step with the population typed."""
        self.officials.refresh()

    def _departement_names(self) -> dict[str, str]:
        """The directory's département names, once it is loaded (codes alone before)."""
        directory = getattr(self.context.communes, "directory", None)
        return directory.departement_names() if directory is not None else {}


def vintage_text(directory: Directory) -> str:
    """Where the prefilled figures come from, with their vintage."""
    first = (directory.attribution or [{}])[0]
    text = QCoreApplication.translate(
        "CommunePage", "Données préremplies : {vintage}, {producer} ({licence}).")
    return text.format(vintage=directory.vintage or first.get("vintage", ""),
                       producer=first.get("producer", "INSEE"),
                       licence=first.get("licence", ""))
