"""English for the engine's code-list labels (reports.codes), which are French.

The labels are listed here so that lupdate extracts them; a label the engine changes later
simply stays French until this list and the .ts catch up (a test flags the drift).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

LABELS = (
    QT_TRANSLATE_NOOP("codes", 'Grand pôle (10 000 emplois ou plus)'),
    QT_TRANSLATE_NOOP("codes", "Couronne d'un grand pôle"),
    QT_TRANSLATE_NOOP("codes", 'Commune multipolarisée des grandes aires urbaines'),
    QT_TRANSLATE_NOOP("codes", 'Moyen pôle (5 000 à 10 000 emplois)'),
    QT_TRANSLATE_NOOP("codes", "Couronne d'un moyen pôle"),
    QT_TRANSLATE_NOOP("codes", 'Petit pôle (1 500 à 5 000 emplois)'),
    QT_TRANSLATE_NOOP("codes", "Couronne d'un petit pôle"),
    QT_TRANSLATE_NOOP("codes", 'Autre commune multipolarisée'),
    QT_TRANSLATE_NOOP("codes", 'Commune isolée hors influence des pôles'),
    QT_TRANSLATE_NOOP("codes", "Commune-centre d'un pôle"),
    QT_TRANSLATE_NOOP("codes", 'Autre commune du pôle principal'),
    QT_TRANSLATE_NOOP("codes", "Commune d'un pôle secondaire"),
    QT_TRANSLATE_NOOP("codes", 'Commune de la couronne'),
    QT_TRANSLATE_NOOP("codes", 'Commune hors attraction des villes'),
    QT_TRANSLATE_NOOP("codes", 'Aire de moins de 50 000 habitants'),
    QT_TRANSLATE_NOOP("codes", 'Aire de 50 000 à moins de 200 000 habitants'),
    QT_TRANSLATE_NOOP("codes", 'Aire de 200 000 à moins de 700 000 habitants'),
    QT_TRANSLATE_NOOP("codes", 'Aire de 700 000 habitants ou plus (hors Paris)'),
    QT_TRANSLATE_NOOP("codes", 'Aire de Paris'),
    QT_TRANSLATE_NOOP("codes", 'Grands centres urbains'),
    QT_TRANSLATE_NOOP("codes", 'Centres urbains intermédiaires'),
    QT_TRANSLATE_NOOP("codes", 'Ceintures urbaines'),
    QT_TRANSLATE_NOOP("codes", 'Petites villes'),
    QT_TRANSLATE_NOOP("codes", 'Bourgs ruraux'),
    QT_TRANSLATE_NOOP("codes", 'Rural à habitat dispersé'),
    QT_TRANSLATE_NOOP("codes", 'Rural à habitat très dispersé'),
    QT_TRANSLATE_NOOP("codes", "Association (d'usagers, d'indépendants…)"),
    QT_TRANSLATE_NOOP("codes", 'La commune'),
    QT_TRANSLATE_NOOP("codes", "L'intercommunalité (EPCI)"),
    QT_TRANSLATE_NOOP("codes", 'Autre organisme public (chambre consulaire, syndicat mixte…)'),
    QT_TRANSLATE_NOOP("codes", 'Coopérative (SCIC, CAE…)'),
    QT_TRANSLATE_NOOP("codes", 'Entreprise privée'),
    QT_TRANSLATE_NOOP("codes", 'Réseau ou franchise privée'),
    QT_TRANSLATE_NOOP("codes", 'Pas encore de porteur'),
    QT_TRANSLATE_NOOP("codes", "L'intercommunalité"),
    QT_TRANSLATE_NOOP("codes", 'Un autre organisme public'),
    QT_TRANSLATE_NOOP("codes", 'Un propriétaire privé'),
    QT_TRANSLATE_NOOP("codes", 'Le porteur du projet'),
    QT_TRANSLATE_NOOP("codes", "Utilisable en l'état"),
    QT_TRANSLATE_NOOP("codes", 'Petits travaux (peinture, réseau, mobilier)'),
    QT_TRANSLATE_NOOP("codes", 'Gros travaux (réhabilitation)'),
    QT_TRANSLATE_NOOP("codes", 'Centre-bourg'),
    QT_TRANSLATE_NOOP("codes", "Zone d'activités"),
    QT_TRANSLATE_NOOP("codes", 'Sur un axe passant'),
    QT_TRANSLATE_NOOP("codes", 'Autre emplacement'),
    QT_TRANSLATE_NOOP("codes",
                      'Autre bâtiment possible pour le même lieu (une seule adresse retenue)'),
    QT_TRANSLATE_NOOP("codes", 'Site supplémentaire du même projet (antenne)'),
    QT_TRANSLATE_NOOP("codes", "Aucun soutien pour l'instant"),
    QT_TRANSLATE_NOOP("codes", 'Met un local à disposition'),
    QT_TRANSLATE_NOOP("codes", 'Finance le projet'),
    QT_TRANSLATE_NOOP("codes", 'Local et financement'),
    QT_TRANSLATE_NOOP("codes", 'Espace de coworking ouvert'),
    QT_TRANSLATE_NOOP("codes", 'Bureaux fermés'),
    QT_TRANSLATE_NOOP("codes", 'Salle de réunion'),
    QT_TRANSLATE_NOOP("codes", 'Fablab ou atelier de fabrication'),
    QT_TRANSLATE_NOOP("codes", 'Services au public (France Services)'),
    QT_TRANSLATE_NOOP("codes", 'Formations'),
    QT_TRANSLATE_NOOP("codes", 'Animations et événements'),
    QT_TRANSLATE_NOOP("codes", 'résidentielle'),
    QT_TRANSLATE_NOOP("codes", 'équilibrée'),
    QT_TRANSLATE_NOOP("codes", 'employeuse'),
)


def code_label(label: str) -> str:
    """The label in the interface language."""
    return QCoreApplication.translate("codes", label)
