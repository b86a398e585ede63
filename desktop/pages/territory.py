"""Page 4, Territoire: the commune's category, distance to jobs, demand signals, neighbourhood."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop import errors
from desktop.pages.base import ProfilePage
from desktop.shell.context import AppContext
from desktop.shell.document import ProjectDocument
from desktop.shell.i18n import translate as _tr
from desktop.shell.navigation import PageId
from desktop.tasks import run_in_background
from desktop.widgets.numbers import ui_number
from desktop.widgets.official import OfficialNotes
from reports import codes

if TYPE_CHECKING:  # costs nothing at start-up
    from reports.communes import Directory, Neighbourhood

MAP_DPI = 120  # the note's map a little larger than print size: its 7 pt words stay legible


class TerritoryPage(ProfilePage):
    """Where the commune stands and who might use the place."""

    page_id = PageId.TERRITORY

    def __init__(self, document: ProjectDocument, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, context, parent)
        self.setTitle(self.tr("Le territoire"))
        self.setSubTitle(self.tr("Une seule des trois classifications de l'INSEE suffit. "
                                 "L'outil contient celles de toutes les communes (sans "
                                 "connexion) : elles sont préremplies, avec leur source."))
        self.neighbourhood: Neighbourhood | None = None
        self._insee_shown = ""
        form = self.add_form()
        empty = self.tr("— non renseigné —")
        self.combo(form, "territory.zau2010", self.tr("Zonage en aires urbaines &2010"),
                   codes.ZAU2010, empty=empty,
                   help_text=self.tr("Celui de l'étude de 2017 : le plus précis pour "
                                     "comparer aux dix sites."))
        self.combo(form, "territory.aav2020_category",
                   self.tr("Aire d'attraction des &villes 2020"),
                   codes.AAV2020_CATEGORY, empty=empty,
                   help_text=self.tr("Le zonage actuel de l'INSEE : la place de la commune "
                                     "dans l'aire d'une ville."))
        self.combo(form, "territory.aav2020_size", self.tr("Taill&e de l'aire 2020"),
                   codes.AAV2020_SIZE, empty=empty,
                   help_text=self.tr("Le nombre d'habitants de l'aire d'attraction."))
        self.combo(form, "territory.density_level", self.tr("Grille de &densité"),
                   codes.DENSITY_LEVEL, empty=empty,
                   help_text=self.tr("La grille communale de densité de l'INSEE (7 "
                                     "niveaux)."))
        self.number(form, "territory.minutes_to_pole",
                    self.tr("&Minutes jusqu'au pôle d'emploi"), decimals=0,
                    help_text=self.tr("Trajet en voiture vers la ville où travaillent la "
                                      "plupart des actifs."))
        self.number(form, "territory.known_independents", self.tr("&Indépendants connus"),
                    integer=True,
                    help_text=self.tr("Artisans, professions libérales, créateurs "
                                      "d'entreprise du secteur qui pourraient y travailler."))
        self.number(form, "territory.known_teleworkers", self.tr("Télétravailleurs &connus"),
                    integer=True,
                    help_text=self.tr("Salariés habitant le secteur qui travaillent déjà à "
                                      "distance, même un jour par semaine."))
        self.long_text(form, "territory.existing_networks", self.tr("&Réseaux existants"),
                       help_text=self.tr("Associations, clubs d'entreprises, cafés "
                                         "associatifs…"))
        self.number(form, "territory.nearby_third_places",
                    self.tr("&Nombre de tiers-lieux proches"), integer=True,
                    help_text=self.tr("Laissé vide, l'analyse compte ceux de sa zone de "
                                      "chalandise : liste nationale 2019 et sites de l'étude "
                                      "(voir ci-dessous)."))
        self.outer.addWidget(self._neighbourhood_box())
        self.officials = OfficialNotes(self)
        self.add_footer()

    def _neighbourhood_box(self) -> QGroupBox:
        """The directory's figures around the commune, and the editable catchment."""
        box = QGroupBox(self.tr("Autour de la commune (annuaire hors ligne)"), self)
        layout = QVBoxLayout(box)
        self.around = QLabel(self.tr("Choisissez la commune à la page précédente pour voir "
                                     "ses environs."), box)
        self.around.setWordWrap(True)
        self.around.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.around)
        self.map = QLabel(box)
        self.map.setObjectName("neighbourhood_map")
        self.map.setAccessibleName(self.tr("Carte des environs de la commune"))
        self.map.hide()
        layout.addWidget(self.map)
        form = self.add_form()
        self.outer.removeItem(form)
        layout.addLayout(form)
        self.number(form, "territory.catchment_population",
                    self.tr("Population de la &zone desservie"), integer=True,
                    help_text=self.tr("Laissée vide, l'analyse prend la zone de chalandise "
                                      "d'environ 20 minutes de route (ci-dessus)."))
        self.use_zone = QPushButton(self.tr("&Utiliser la population à 20 min de route"), box)
        self.use_zone.setEnabled(False)
        self.use_zone.clicked.connect(self._use_zone)
        layout.addWidget(self.use_zone, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def after_edit(self, field: str) -> None:
        """Say when a prefilled classification was changed."""
        self.officials.refresh()

    def after_load(self) -> None:
        """Each classification's source; fetch the neighbourhood when the commune changed."""
        self.officials.refresh()
        insee = self.document.value("commune.insee_code") or ""
        if insee == self._insee_shown:
            return
        self._insee_shown = insee
        self.neighbourhood = None
        self.map_png = None
        self.map.hide()
        self.use_zone.setEnabled(False)
        index = self.context.communes
        if not insee or index is None:
            self.around.setText(self.tr("Choisissez la commune à la page précédente pour voir "
                                        "ses environs."))
            return
        self.around.setText(self.tr("Calcul des environs de la commune…"))
        if not index.is_ready:
            index.start()
            index.ready.connect(self._retry, Qt.ConnectionType.SingleShotConnection)
            return
        directory = index.directory
        run_in_background(lambda: (directory.neighbourhood(insee),
                                   study_sites_near(directory, insee)),
                          lambda result: self._show(insee, *result), self._failed)
        ratio = self.devicePixelRatioF()
        run_in_background(lambda: neighbourhood_picture(directory, insee, MAP_DPI * ratio),
                          lambda png: self._show_map(insee, png, ratio), errors.report_bugs)

    def _show_map(self, insee: str, png: bytes | None, ratio: float) -> None:
        """The note's neighbourhood map, if still the same commune (and the window open)."""
        if not isValid(self.map) or png is None \
                or insee != (self.document.value("commune.insee_code") or ""):
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        pixmap.setDevicePixelRatio(ratio)
        self.map.setPixmap(pixmap)
        self.map_png = png
        self.map.show()

    def _retry(self) -> None:
        self._insee_shown = ""
        self.after_load()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self.around):  # the window was closed meanwhile
            return
        self.around.setText(escape(self.tr("Environs indisponibles : {reason}").format(
            reason=exc)))

    def _show(self, insee: str, found: Neighbourhood | None,
              sites: list[tuple[str, str, float]] = ()) -> None:
        """Show the rings and the tiers-lieux nearby (if still the same commune, and the
        window still open)."""
        if not isValid(self.around) or found is None \
                or insee != (self.document.value("commune.insee_code") or ""):
            return
        self.neighbourhood = found
        self.around.setText(neighbourhood_html(found, sites))
        self.use_zone.setEnabled(bool(demand_zone(found)))

    def _use_zone(self) -> None:
        """Copy the population of the zone the analysis uses (≈ 20 min by road) into the
        catchment field."""
        value = (demand_zone(self.neighbourhood) or {}).get("population")
        if not value:
            return
        self.document.set("territory.catchment_population", int(value))
        self.bindings["territory.catchment_population"].write(int(value))
        self.refresh_messages()


def neighbourhood_picture(directory: Directory, insee: str, dpi: float) -> bytes | None:
    """The note's neighbourhood map of `insee` as PNG bytes (worker thread, no Qt); None
    for a commune the directory cannot place."""
    from reportlab.lib.pagesizes import A4

    from reports.docx.pilstate import drawing_to_png
    from reports.maps import neighbourhood_map
    from reports.note.doc import MARGIN_X
    from reports.note.story import MAP_HEIGHT

    width = A4[0] - 2 * MARGIN_X  # the note's text width: the same map as the note's
    drawing = neighbourhood_map(insee, directory, width=width, height=MAP_HEIGHT)
    return None if drawing is None else drawing_to_png(drawing, dpi=round(dpi))


def study_sites_near(directory: Directory, insee: str) -> list[tuple[str, str, float]]:
    """The 2017 study's sites within the radius of the national list's places (30 km) of
    the commune, nearest first, as (name, commune, km) — the analysis counts them with the
    national list, so the page shows them too (worker thread, no Qt)."""
    from reports.communes import PLACES_RADIUS_KM, distance_km
    from reports.knowledge import knowledge

    here = directory.located(insee)
    if here is None:
        return []
    found = []
    for site in knowledge().sites:
        there = directory.located(site.insee_code) if site.insee_code else None
        if there is not None:
            distance = distance_km(here.lat, here.lon, there.lat, there.lon)
            if distance <= PLACES_RADIUS_KM:
                found.append((site.name, site.commune, distance))
    return sorted(found, key=lambda item: item[2])


def neighbourhood_html(found: Neighbourhood,
                       sites: list[tuple[str, str, float]] = ()) -> str:
    """The analysis's zone, rings, nearby tiers-lieux of the national list and sites of the
    2017 study as a short HTML text (every value escaped), numbers in the interface
    language."""
    lines = []
    zone = demand_zone(found)
    if zone:
        lines.append(_tr("Zone de chalandise de l'analyse, à {minutes} min de route : "
                         "{population} habitants dont {employed} actifs occupés ({count} "
                         "communes)").format(
            minutes=zone["minutes"], population=ui_number(zone["population"]),
            employed=ui_number(zone["employed_15_64"]), count=ui_number(zone["communes"])))
    for ring in getattr(found, "rings", ()) or ():
        lines.append(_tr("À moins de {km} km : {population} habitants ({count} communes)")
                     .format(km=ring.radius_km, population=ui_number(ring.population),
                             count=ui_number(getattr(ring, "communes", None))))
    places = list(getattr(found, "third_places", ()) or ())
    if places:
        names = ", ".join(f"{p.name} ({p.commune}, {ui_number(p.distance_km, 0)} km)"
                          for p in places[:6])
        lines.append(_tr("Tiers-lieux connus à moins de 30 km (liste 2019) : {count} — "
                        "{names}").format(count=len(places), names=names))
    else:
        lines.append(_tr("Aucun tiers-lieu de la liste nationale 2019 à moins de 30 km."))
    if sites:
        lines.append(_tr("Sites de l'étude de 2017 à moins de 30 km, comptés aussi par "
                         "l'analyse : {names}").format(names=", ".join(
                             f"{name} ({commune}, {ui_number(distance, 0)} km)"
                             for name, commune, distance in sites)))
    note = _tr("Temps de route approximatifs (distance entre les centres des communes "
               "allongée d'un détour, vitesse selon la densité), pas un calcul d'itinéraire ; "
               "les distances en km sont à vol d'oiseau.")
    return "<br>".join(escape(line) for line in lines) + f"<br><i>{escape(note)}</i>"


def demand_zone(found: Neighbourhood | None) -> dict | None:
    """The road-time zone the analysis draws the demand from (``demand_zone_minutes``)."""
    from reports.analysis.parameters import shipped

    minutes = shipped()[0]["demand_zone_minutes"].value
    return next((c for c in getattr(found, "catchments", ()) or ()
                 if c.get("minutes") == minutes), None)

