<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/dialogs/about.py" line="+17"/>
        <source>&lt;h3&gt;Tiers-lieu rural — version {version}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Rural third place — version {version}&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Aide à la décision pour un tiers-lieu en milieu rural, fondée sur une étude de terrain de dix tiers-lieux d&apos;Occitanie réalisée en 2017 pour le GAL Est Audois.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Decision support for a third place (tiers-lieu) in a rural commune, based on a 2017 field study of ten third places in Occitanie made for the GAL Est Audois.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;Données de financement vérifiées le {date} (fichier {file}).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Funding data checked on {date} (file {file}).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;Données de financement vérifiées le {date}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Funding data checked on {date}.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;b&gt;Données ouvertes&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Open data&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Logiciel sous licence EUPL-1.2. Il utilise Qt for Python (PySide6, LGPL-3.0), reportlab (BSD) et la police DejaVu Sans (licence Bitstream Vera), incluse dans les notes. Détails : fichier THIRD-PARTY-NOTICES.md.&lt;/p&gt;&lt;p&gt;Fonctionne hors ligne : aucune donnée n&apos;est envoyée.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Software licensed under the EUPL-1.2. It uses Qt for Python (PySide6, LGPL-3.0), reportlab (BSD) and the DejaVu Sans font (Bitstream Vera licence), embedded in the notes. Details: the THIRD-PARTY-NOTICES.md file.&lt;/p&gt;&lt;p&gt;Works offline: no data is ever sent.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&lt;b&gt;{dataset}&lt;/b&gt; ({vintage}) — {producer}. {licence}.</source>
        <translation>&lt;b&gt;{dataset}&lt;/b&gt; ({vintage}) — {producer}. {licence}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Utilisé pour : {use}.</source>
        <translation>Used for: {use}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>À propos de Tiers-lieu rural</source>
        <translation>About Rural third place</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/communes.py" line="+60"/>
        <source>L&apos;annuaire des communes n&apos;a pas pu être chargé ({reason}). Saisissez les informations de la commune à la main.</source>
        <translation>The commune directory could not be loaded ({reason}). Enter the commune&apos;s details by hand.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/document.py" line="+121"/>
        <source>Le fichier n&apos;est pas un projet tiers-lieu lisible.</source>
        <translation>The file is not a readable third-place project.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impossible d&apos;ouvrir « {name} » :
{details}

Le projet en cours n&apos;a pas été modifié.</source>
        <translation>Cannot open “{name}”:
{details}

The current project was not changed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>La copie de secours est illisible ; elle a été ignorée.</source>
        <translation>The recovery copy is unreadable; it was ignored.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Le projet contient une valeur impossible à enregistrer ({reason}) ; rien n&apos;a été perdu.</source>
        <translation>The project holds a value that cannot be saved ({reason}); nothing has been lost.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>projet</source>
        <translation>project</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Le dossier « {folder} » n&apos;existe pas. Choisissez un autre emplacement ; rien n&apos;a été perdu.</source>
        <translation>The folder “{folder}” does not exist. Choose another location; nothing was lost.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>L&apos;enregistrement de « {name} » a échoué ({reason}). Le fichier précédent est intact ; rien n&apos;a été perdu.</source>
        <translation>Saving “{name}” failed ({reason}). The previous file is intact; nothing was lost.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/access.py" line="+27"/>
        <source>Champ obligatoire.</source>
        <translation>Required field.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F1 : définition dans le glossaire.</source>
        <translation>F1: definition in the glossary.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/base.py" line="+182"/>
        <source>Pour continuer, complétez les champs marqués d&apos;un astérisque (*) et corrigez les valeurs signalées en rouge.</source>
        <translation>To continue, fill in the fields marked with an asterisk (*) and correct the values shown in red.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/buildings.py" line="+44"/>
        <source>Antenne</source>
        <translation>Antenna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alternative</source>
        <translation>Alternative</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Propriétaire</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Surface</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>État</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travaux</source>
        <translation>Works</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loyer / mois</source>
        <translation>Rent / month</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Emplacement</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/carrier.py" line="+68"/>
        <source>Base de connaissances indisponible : {reason}</source>
        <translation>Knowledge base unavailable: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun des dix sites étudiés n&apos;avait ce type de porteur : l&apos;analyse vous comparera aux modèles les plus proches.</source>
        <translation>None of the ten sites studied had this kind of carrier: the analysis will compare you with the closest models.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exemple : {sites}</source>
        <translation>Example: {sites}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/territory.py" line="+236"/>
        <source>Zone de chalandise de l&apos;analyse, à {minutes} min de route : {population} habitants dont {employed} actifs occupés ({count} communes)</source>
        <translation>Catchment area of the analysis, {minutes} min by road: {population} inhabitants including {employed} employed residents ({count} communes)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>À moins de {km} km : {population} habitants ({count} communes)</source>
        <translation>Within {km} km: {population} inhabitants ({count} communes)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tiers-lieux connus à moins de 30 km (liste 2019) : {count} — {names}</source>
        <translation>Known third places within 30 km (2019 list): {count} — {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun tiers-lieu de la liste nationale 2019 à moins de 30 km.</source>
        <translation>No third place of the 2019 national list within 30 km.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sites de l&apos;étude de 2017 à moins de 30 km, comptés aussi par l&apos;analyse : {names}</source>
        <translation>Sites of the 2017 study within 30 km, also counted by the analysis: {names}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temps de route approximatifs (distance entre les centres des communes allongée d&apos;un détour, vitesse selon la densité), pas un calcul d&apos;itinéraire ; les distances en km sont à vol d&apos;oiseau.</source>
        <translation>Approximate road times (distance between commune centres lengthened by a detour, speed set by density), not a route calculation; distances in km are as the crow flies.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/prompts.py" line="+65"/>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le projet a été modifié. Voulez-vous enregistrer vos modifications ?</source>
        <translation>The project has been modified. Do you want to save your changes?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Récupérer le travail en cours ?</source>
        <translation>Recover your work?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&apos;application ne s&apos;est pas fermée normalement. Une copie de secours de votre projet existe : {description}.

Voulez-vous la récupérer ?</source>
        <translation>The application did not close normally. A recovery copy of your project exists: {description}.

Do you want to recover it?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ouvrir un projet</source>
        <translation>Open a project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projets tiers-lieu (*.tierslieu.json);;Fichiers JSON (*.json)</source>
        <translation>Third-place projects (*.tierslieu.json);;JSON files (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enregistrer le projet</source>
        <translation>Save the project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projets tiers-lieu (*.tierslieu.json)</source>
        <translation>Third-place projects (*.tierslieu.json)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enregistrer la note</source>
        <translation>Save the note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/brand_dialog.py" line="+47"/>
        <source>Sobre (par défaut)</source>
        <translation>Sober (default)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/prompts.py" line="-75"/>
        <source>Choisir un logo</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Couleur principale</source>
        <translation>Main colour</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/dashboard.py" line="+72"/>
        <location line="+6"/>
        <source>Pourquoi ?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Pourquoi : {about}</source>
        <translation>Why: {about}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Verdict : {label}</source>
        <translation>Verdict: {label}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confiance : {label}</source>
        <translation>Confidence: {label}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>jamais à ce tarif</source>
        <translation>never at this price</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>usagers réguliers attendus</source>
        <translation>regular users expected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fourchette : {low} à {high}.</source>
        <translation>Range: {low} to {high}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>postes de travail</source>
        <translation>workstations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>surface conseillée</source>
        <translation>recommended area</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>site principal : {name}</source>
        <translation>main site: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bâtiment : {name}</source>
        <translation>building: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aucun retenu</source>
        <translation>none retained</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucun bâtiment candidat n&apos;est décrit.</source>
        <translation>No candidate building is described.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bâtiment trop petit</source>
        <translation>building too small</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>investissement</source>
        <translation>investment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fonctionnement par an</source>
        <translation>running costs per year</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>déficit à la charge du porteur, par an</source>
        <translation>deficit borne by the carrier, per year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>soutien public par an</source>
        <translation>public support per year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le déficit de fonctionnement à couvrir chaque année.</source>
        <translation>The running deficit to cover each year.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>usagers pour l&apos;équilibre</source>
        <translation>users to break even</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Hors du champ de l&apos;étude</source>
        <translation>Outside the study&apos;s scope</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>À vérifier</source>
        <translation>To check</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Le modèle le plus proche, si un lieu dédié se fait plus tard</source>
        <translation>Closest model, should a dedicated place come later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modèle recommandé</source>
        <translation>Recommended model</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Risques</source>
        <translation>Risks</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>gravité {severity}</source>
        <translation>severity {severity}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parade : {text}</source>
        <translation>Remedy: {text}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aucun risque particulier relevé.</source>
        <translation>No particular risk found.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>élevée</source>
        <translation>high</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>moyenne</source>
        <translation>medium</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>faible</source>
        <translation>low</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Les trois sites étudiés les plus proches</source>
        <translation>The three closest sites of the study</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{site}, {commune} ({departement}) — ressemblance {score}</source>
        <translation>{site}, {commune} ({departement}) — similarity {score}</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/prompts.py" line="-113"/>
        <source>Importer un CSV de communes</source>
        <translation>Import a CSV of communes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charger un recensement plus récent</source>
        <translation>Load a newer census</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparateur de territoires de l&apos;INSEE (*.csv *.zip);;Tous les fichiers (*)</source>
        <translation>INSEE territory comparison base (*.csv *.zip);;All files (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charger un tableau de programmes de financement</source>
        <translation>Load a funding programmes table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fichiers CSV (*.csv);;Tous les fichiers (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Enregistrer le modèle de CSV</source>
        <translation>Save the CSV template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fichiers CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dossier des notes</source>
        <translation>Folder for the notes</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/batch_dialog.py" line="+59"/>
        <source>Notes PDF</source>
        <translation>PDF notes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fichiers Word modifiables (.docx)</source>
        <translation>Editable Word files (.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF et Word</source>
        <translation>PDF and Word</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Format des notes</source>
        <translation>Format of the notes</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/prompts.py" line="+24"/>
        <source>Ouvrir le &amp;dossier</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/batch_dialog.py" line="+28"/>
        <source>Traitement arrêté</source>
        <translation>Batch stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done} note(s) terminée(s) sur {total} avant l&apos;arrêt. Aucun fichier à moitié écrit n&apos;a été laissé.</source>
        <translation>{done} of {total} note(s) finished before stopping. No half-written file was left.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Traitement terminé</source>
        <translation>Batch finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done} note(s) écrite(s) sur {total} ligne(s).</source>
        <translation>{done} note(s) written for {total} row(s).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} ligne(s) en erreur : voir errors.csv.</source>
        <translation>{count} row(s) with errors: see errors.csv.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} avertissement(s) : voir errors.csv.</source>
        <translation>{count} warning(s): see errors.csv.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Récapitulatif : {path}</source>
        <translation>Summary: {path}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Notes {name}</source>
        <translation>Notes {name}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Traitement impossible</source>
        <translation>The batch could not run</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../desktop/dialogs/scan_dialog.py" line="+81"/>
        <source>Données : {data}.</source>
        <translation>Data: {data}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Modèle non enregistré</source>
        <translation>Template not saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le modèle n&apos;a pas pu être écrit dans « {path} » ({reason}). Choisissez un autre dossier.</source>
        <translation>The template could not be written to “{path}” ({reason}). Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/help/button.py" line="+28"/>
        <source>Définition : {term} (glossaire, touche F1)</source>
        <translation>Definition: {term} (glossary, F1 key)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Définition : {term}</source>
        <translation>Definition: {term}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/scan_dialog.py" line="+18"/>
        <location filename="../../desktop/shell/prompts.py" line="-24"/>
        <source>Dossier de la comparaison</source>
        <translation>Folder for the comparison</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Commune « {text} » introuvable dans l&apos;annuaire : tapez son nom, son code INSEE ou son code postal.</source>
        <translation>Commune “{text}” not found in the directory: type its name, INSEE code or postal code.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} n&apos;appartient à aucune intercommunalité dans l&apos;annuaire : choisissez plutôt son département.</source>
        <translation>{name} belongs to no intercommunality in the directory: choose its département instead.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+156"/>
        <source>Comparer les communes d&apos;un territoire</source>
        <translation>Compare the communes of a territory</translation>
    </message>
    <message>
        <location line="-149"/>
        <source>Chaque commune du territoire est analysée avec les chiffres de l&apos;annuaire et des hypothèses par défaut (ni bâtiment ni porteur), puis classée : un tableau (scan.csv) et une note courte avec la carte (scan.pdf).</source>
        <translation>Every commune of the territory is analysed with the directory&apos;s figures and default assumptions (no building, no carrier), then ranked: a table (scan.csv) and a short note with the map (scan.pdf), in French.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>L&apos;&amp;intercommunalité de la commune :</source>
        <translation>The &amp;intercommunality of the commune:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le &amp;département :</source>
        <translation>The &amp;département:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nom, code INSEE ou code postal</source>
        <translation>name, INSEE code or postal code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune dont l&apos;intercommunalité est comparée</source>
        <translation>Commune whose intercommunality is compared</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>par exemple : 11, 2A, 974</source>
        <translation>for example: 11, 2A, 974</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Département comparé</source>
        <translation>Département compared</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossier de &amp;sortie :</source>
        <translation>&amp;Output folder:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Avancement de la comparaison</source>
        <translation>Progress of the comparison</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lancer la comparaison</source>
        <translation>&amp;Run the comparison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ouvrir le dossier</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Arrêter</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comparaison de {count} communes : {label}…</source>
        <translation>Comparing {count} communes: {label}…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comparaison arrêtée : aucun fichier n&apos;a été écrit.</source>
        <translation>Comparison stopped: no file was written.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} communes classées ; écrit dans {folder} : {files}.</source>
        <translation>{count} communes ranked; written in {folder}: {files}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} commune(s) laissée(s) de côté (voir scan.csv).</source>
        <translation>{count} commune(s) left aside (see scan.csv).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>La comparaison a échoué.</source>
        <translation>The comparison failed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Arrêt en cours…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>L&apos;annuaire des communes se charge encore : réessayez dans un instant.</source>
        <translation>The commune directory is still loading: try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/official.py" line="+41"/>
        <location line="+14"/>
        <source>Rétablir</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Utiliser</source>
        <translation>Use it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rétablir la valeur officielle</source>
        <translation>Restore the official figure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remettre {value}</source>
        <translation>Put back {value}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Source : {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Non renseigné — valeur officielle : {value} ({source})</source>
        <translation>Not filled in — official figure: {value} ({source})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Modifié — valeur officielle : {value} ({source})</source>
        <translation>Changed — official figure: {value} ({source})</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/datafiles.py" line="+54"/>
        <source>Retour au recensement {year} fourni avec l&apos;application.</source>
        <translation>Back to the census {year} bundled with the application.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Recensement {year} chargé ({rows} communes).</source>
        <translation>Census {year} loaded ({rows} communes).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Programmes de financement chargés (vérifiés le {date}).</source>
        <translation>Funding programmes loaded (checked on {date}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retour aux programmes de financement fournis avec l&apos;application.</source>
        <translation>Back to the funding programmes bundled with the application.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Recensement refusé</source>
        <translation>Census refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tableau de programmes refusé</source>
        <translation>Programmes table refused</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>{count} chiffre(s) prérempli(s) du projet mis à jour.</source>
        <translation>{count} prefilled figure(s) of the project updated.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Les données fournies avec l&apos;application sont utilisées.</source>
        <translation>The data bundled with the application are used.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recensement : chargement…</source>
        <translation>Census: loading…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recensement {year} (INSEE), fichier {file}</source>
        <translation>Census {year} (INSEE), file {file}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recensement {year} (INSEE) fourni</source>
        <translation>Census {year} (INSEE), bundled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>programmes de financement : chargement…</source>
        <translation>funding programmes: loading…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>programmes de financement : fichier {file}</source>
        <translation>funding programmes: file {file}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>programmes de financement fournis</source>
        <translation>funding programmes bundled</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vérification du recensement…</source>
        <translation>Checking the census…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vérification du tableau de programmes…</source>
        <translation>Checking the programmes table…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chargement des données</source>
        <translation>Loading data</translation>
    </message>
</context>
<context>
    <name>BatchOutputDialog</name>
    <message>
        <location filename="../../desktop/dialogs/batch_dialog.py" line="-154"/>
        <source>Profil &amp;cabinet :</source>
        <translation>Firm &amp;profile:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Produire :</source>
        <translation>&amp;Produce:</translation>
    </message>
</context>
<context>
    <name>BatchRun</name>
    <message>
        <location line="+52"/>
        <source>Lecture du fichier…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Arrêter</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes de plusieurs communes</source>
        <translation>Notes for several communes</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{done} / {total} communes — {commune}</source>
        <translation>{done} / {total} communes — {commune}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done} / {total} communes</source>
        <translation>{done} / {total} communes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Arrêt en cours…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>BrandChooser</name>
    <message>
        <location filename="../../desktop/dialogs/brand_dialog.py" line="+196"/>
        <source>Gérer…</source>
        <translation>Manage…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La présentation d&apos;un bureau d&apos;études (logo, couleur, coordonnées). Pour une note de la commune, gardez la présentation sobre.</source>
        <translation>A consultancy&apos;s presentation (logo, colour, contact details). For the commune&apos;s own note, keep the sober style.</translation>
    </message>
</context>
<context>
    <name>BrandDialog</name>
    <message>
        <location line="-188"/>
        <source>Profils cabinet</source>
        <translation>Firm profiles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profils cabinet enregistrés</source>
        <translation>Saved firm profiles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Nouveau</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Utiliser ce profil</source>
        <translation>&amp;Use this profile</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Nom du profil</source>
        <translation>Profile &amp;name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisme</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Logo (PNG ou JPEG)</source>
        <translation>&amp;Logo (PNG or JPEG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Couleur principale</source>
        <translation>Main &amp;colour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ontact</source>
        <translation>C&amp;ontact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rédaction</source>
        <translation>&amp;Author</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Ce nom est réservé à la présentation par défaut.</source>
        <translation>This name is reserved for the default style.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Supprimer le profil cabinet</source>
        <translation>Delete the firm profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supprimer le profil « {name} » ?</source>
        <translation>Delete the profile “{name}”?</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <location filename="../../desktop/pages/budget.py" line="+29"/>
        <source>Budget et ambitions</source>
        <translation>Budget and ambitions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Des ordres de grandeur suffisent ; laissez vide ce que vous ne savez pas, l&apos;analyse proposera des valeurs tirées de l&apos;étude.</source>
        <translation>Rough figures are enough; leave blank what you do not know, the analysis will propose values drawn from the study.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Investissement prévu (€)</source>
        <translation>Planned &amp;investment (€)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travaux, mobilier, informatique.</source>
        <translation>Works, furniture, IT.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taux de s&amp;ubvention attendu (%)</source>
        <translation>Expected &amp;subsidy rate (%)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mois et année, par exemple 09/2027 ou septembre 2027.</source>
        <translation>Month and year, for example 09/2027 or September 2027.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ser&amp;vices souhaités</source>
        <translation>Services &amp;wanted</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Part de l&apos;investissement couverte par des aides, en pourcentage (50 pour la moitié).</source>
        <translation>Share of the investment covered by grants, as a percentage (50 for half).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Budget de fonctionnement annuel total (€)</source>
        <translation>Total yearly &amp;running budget (€)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toutes les charges du lieu par an : loyer, énergie, ménage, animation…</source>
        <translation>Every yearly cost of the place: rent, energy, cleaning, facilitation…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Contribution annuelle au fonctionnement (€)</source>
        <translation>Yearly &amp;contribution to running costs (€)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce que la commune (ou le porteur) s&apos;engage à verser chaque année pour couvrir le déficit de fonctionnement ; vide si rien n&apos;est décidé.</source>
        <translation>What the commune (or the carrier) commits to pay each year to cover the running deficit; leave empty if nothing is decided.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ouverture visée</source>
        <translation>Target &amp;opening</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Remarques</source>
        <translation>R&amp;emarks</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <location filename="../../desktop/dialogs/building_dialog.py" line="+33"/>
        <source>Bâtiment candidat</source>
        <translation>Candidate building</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>— ne sait pas —</source>
        <translation>— not known —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nom ou adresse</source>
        <translation>&amp;Name or address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rôle dans le projet</source>
        <translation>Role in the pro&amp;ject</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Propriétaire</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Surface (m²)</source>
        <translation>&amp;Area (m²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>É&amp;tat</source>
        <translation>&amp;Condition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Coût des travaux (€)</source>
        <translation>Cost of &amp;works (€)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Loyer mensuel (€)</source>
        <translation>Monthly &amp;rent (€)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Emplacement</source>
        <translation>&amp;Location</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fibre optique</source>
        <translation>&amp;Fibre broadband</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accessible (handicap)</source>
        <translation>Accessible (&amp;disability)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stationne&amp;ment</source>
        <translation>&amp;Parking</translation>
    </message>
</context>
<context>
    <name>BuildingsPage</name>
    <message>
        <location filename="../../desktop/pages/buildings.py" line="+45"/>
        <source>Les bâtiments candidats</source>
        <translation>Candidate buildings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Les locaux qui pourraient accueillir le tiers-lieu.</source>
        <translation>The premises that could host the third place.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bâtiments candidats</source>
        <translation>Candidate buildings</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A&amp;jouter un bâtiment…</source>
        <translation>&amp;Add a building…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supp&amp;rimer</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Modifier…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Vous pouvez continuer sans bâtiment. Mais le local pèse lourd : dans l&apos;étude, un local mis à disposition par la commune allège beaucoup les charges, et un espace trop grand ou sans pièce fermée pour téléphoner pénalise le lieu. Indiquez les pistes, même incertaines. Un projet sur plusieurs communes indique ses autres sites comme « site supplémentaire du même projet » : ils ne sont alors ni écartés ni comparés au site principal.</source>
        <translation>You may continue without a building. But the premises weigh a lot: in the study, premises lent by the commune cut the running costs a great deal, and a space too large or without a closed room for phone calls penalises the place. List the options, even uncertain ones. A project over several communes gives its other sites as « additional site of the same project »: they are then neither set aside nor compared with the main site.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>sans nom</source>
        <translation>unnamed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supprimer le bâtiment</source>
        <translation>Delete the building</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supprimer le bâtiment « {name} » ?</source>
        <translation>Delete the building “{name}”?</translation>
    </message>
</context>
<context>
    <name>CarrierPage</name>
    <message>
        <location filename="../../desktop/pages/carrier.py" line="-52"/>
        <source>Le porteur du projet</source>
        <translation>The project&apos;s carrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qui ouvrirait et ferait vivre le lieu ?</source>
        <translation>Who would open the place and keep it alive?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;ype de porteur</source>
        <translation>Carrier &amp;type</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nombre de fon&amp;dateurs</source>
        <translation>Number of f&amp;ounders</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Heures salariées par semaine</source>
        <translation>&amp;Paid staff hours per week</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Soutien de la &amp;commune</source>
        <translation>Commune &amp;support</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Ce qu&apos;en dit l&apos;étude de 2017</source>
        <translation>What the 2017 study says</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Nom du porteur</source>
        <translation>Carrier na&amp;me</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Les personnes prêtes à s&apos;engager dès le départ.</source>
        <translation>The people ready to commit from the start.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accueil et animation ; 0 si le lieu est géré bénévolement.</source>
        <translation>Welcome and community work; 0 if volunteers run the place.</translation>
    </message>
</context>
<context>
    <name>CommunePage</name>
    <message>
        <location filename="../../desktop/pages/commune.py" line="+50"/>
        <source>La commune</source>
        <translation>The commune</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Nom de la commune</source>
        <translation>&amp;Commune name</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Code INSEE</source>
        <translation>&amp;INSEE code</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Population de l&apos;&amp;EPCI</source>
        <translation>&amp;Population of the intercommunality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population &amp;municipale</source>
        <translation>&amp;Municipal population</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Département</source>
        <translation>&amp;Département</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Tapez le nom, le code INSEE ou le code postal de la commune et choisissez-la dans la liste : son code, son intercommunalité et ses chiffres viennent avec elle.</source>
        <translation>Type the commune&apos;s name, INSEE code or postal code and choose it in the list: its code, intercommunality and figures come with it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>par exemple : Prades, 66149 ou 66500</source>
        <translation>for example: Prades, 66149 or 66500</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commune &amp;hors annuaire (saisie libre du nom et du code)</source>
        <translation>Commune not in the director&amp;y (name and code typed freely)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seulement si votre commune n&apos;est pas dans la liste : les chiffres sont alors à saisir vous-même.</source>
        <translation>Only if your commune is not in the list: you then type its figures yourself.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Intercommunalité (EPCI)</source>
        <translation>Intercommunality (&amp;EPCI)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Population légale (INSEE) ; elle est préremplie depuis l&apos;annuaire, corrigez-la si vous avez plus récent.</source>
        <translation>Legal population (INSEE); prefilled from the directory, correct it if you have a more recent figure.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Chargement de l&apos;annuaire des communes…</source>
        <translation>Loading the commune directory…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tapez les premières lettres puis choisissez dans la liste ; les homonymes sont distingués par leur département.</source>
        <translation>Type the first letters then choose in the list; communes with the same name are told apart by their département.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>✔ {name} ({departement}) — code INSEE {code} : les chiffres préremplis sont ceux de cette commune.</source>
        <translation>✔ {name} ({departement}) — INSEE code {code}: the prefilled figures are this commune&apos;s.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Le nom « {name} » ne correspond pas au code INSEE {code} ({other}) : choisissez la commune dans la liste.</source>
        <translation>The name “{name}” does not match INSEE code {code} ({other}): choose the commune in the list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commune hors annuaire : saisissez son code INSEE, son département et ses chiffres vous-même.</source>
        <translation>Commune not in the directory: type its INSEE code, département and figures yourself.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choisissez la commune dans la liste (tapez son nom, son code INSEE ou son code postal), ou cochez « commune hors annuaire ».</source>
        <translation>Choose the commune in the list (type its name, INSEE code or postal code), or tick “commune not in the directory”.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Plusieurs communes s&apos;appellent « {name} » : choisissez la vôtre dans la liste (le département les distingue).</source>
        <translation>Several communes are called “{name}”: choose yours in the list (the département tells them apart).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>« {old} » fait aujourd&apos;hui partie de la commune de {current} ({departement}) : les champs sont remplis pour elle.</source>
        <translation>“{old}” is now part of the commune of {current} ({departement}): the fields are filled in for it.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Données préremplies : {vintage}, {producer} ({licence}).</source>
        <translation>Prefilled data: {vintage}, {producer} ({licence}).</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/dialogs/error_dialog.py" line="+22"/>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Votre travail n&apos;est pas perdu : une copie de secours est enregistrée chaque minute. Vous pouvez copier le rapport ci-dessous pour le transmettre à votre support ; rien n&apos;est envoyé automatiquement.</source>
        <translation>Your work is not lost: a recovery copy is saved every minute. You can copy the report below to pass it on to your support; nothing is sent automatically.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Copier le rapport</source>
        <translation>&amp;Copy the report</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../desktop/help/dialog.py" line="+79"/>
        <source>Aide — Tiers-lieu rural</source>
        <translation>Help — Rural third place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&amp;lossaire</source>
        <translation>G&amp;lossary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guide de l&apos;assistant</source>
        <translation>Guide to the wizard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glossaire</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="+49"/>
        <source>Données utilisées</source>
        <translation>Data in use</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nouveau projet</source>
        <translation>&amp;Create a new project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projets &amp;récents</source>
        <translation>&amp;Recent projects</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enregistrer &amp;sous…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Importer un CSV de communes…</source>
        <translation>&amp;Import a CSV of communes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Modèle de CSV de communes…</source>
        <translation>CSV &amp;template for communes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un fichier à remplir dans un tableur : une ligne par commune.</source>
        <translation>A file to fill in with a spreadsheet: one row per commune.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparer les communes d&apos;un &amp;territoire…</source>
        <translation>Co&amp;mpare the communes of a territory…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profils &amp;cabinet…</source>
        <translation>Firm &amp;profiles…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Charger &amp;un recensement plus récent…</source>
        <translation>&amp;Load a newer census…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Un comparateur de territoires de l&apos;INSEE (colonnes P21_, P22_…) à la place du recensement fourni.</source>
        <translation>An INSEE territory comparison base (P21_, P22_… columns) in place of the bundled census.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Revenir au recensement &amp;fourni</source>
        <translation>Back to the &amp;bundled census</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Charger un tableau de &amp;programmes de financement…</source>
        <translation>Load a &amp;funding programmes table…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Un tableau plus récent, avec les mêmes colonnes que celui fourni (programmes.csv).</source>
        <translation>A newer table, with the same columns as the bundled one (programmes.csv).</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Revenir aux pro&amp;grammes fournis</source>
        <translation>Back to the bundled pro&amp;grammes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Guide</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&amp;lossaire</source>
        <translation>G&amp;lossary</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>À &amp;propos</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Sans titre</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiers-lieu rural</source>
        <translation>Rural third place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}[*] — Tiers-lieu rural</source>
        <translation>{file}[*] — Rural third place</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Ouverture impossible</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enregistrement impossible</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>{project}, copie du {date} à {time}</source>
        <translation>{project}, copy of {date} at {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>projet non encore enregistré</source>
        <translation>project not saved yet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Récupération impossible</source>
        <translation>Cannot recover</translation>
    </message>
</context>
<context>
    <name>NotePage</name>
    <message>
        <location filename="../../desktop/pages/note.py" line="+57"/>
        <source>La note de faisabilité</source>
        <translation>The feasibility note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une note PDF de 8 à 15 pages, à présenter au conseil municipal.</source>
        <translation>A PDF note of 8 to 15 pages, to present to the municipal council (written in French).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Aut&amp;eur</source>
        <translation>&amp;Author</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;rganisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log&amp;o (facultatif)</source>
        <translation>Logo (opt&amp;ional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fich&amp;ier PDF</source>
        <translation>P&amp;DF file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profil &amp;cabinet</source>
        <translation>Firm &amp;profile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word (.docx, modifiable)</source>
        <translation>Word (.docx, editable)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF et Word</source>
        <translation>PDF and Word</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le fichier Word reprend la même note, à retravailler dans Word ou LibreOffice ; il est enregistré à côté du PDF, sous le même nom.</source>
        <translation>The Word file holds the same note, to rework in Word or LibreOffice; it is saved next to the PDF, under the same name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For&amp;mat</source>
        <translation>For&amp;mat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Générer la note</source>
        <translation>&amp;Generate the note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%p&#xa0;%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ouvrir la &amp;note</source>
        <translation>Open the no&amp;te</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ouvrir le &amp;dossier</source>
        <translation>Open the fold&amp;er</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Note tiers-lieu {commune}.pdf</source>
        <translation>Note tiers-lieu {commune}.pdf</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remplacer ce que vous avez saisi ?</source>
        <translation>Replace what you typed?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le profil cabinet « {name} » propose d&apos;autres valeurs :
{changes}

Remplacer ce que vous avez saisi ? (Non : seuls les champs vides sont remplis.)</source>
        <translation>The firm profile “{name}” proposes other values:
{changes}

Replace what you typed? (No: only the empty fields are filled.)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>– {field} : « {old} » → « {new} »</source>
        <translation>– {field}: “{old}” → “{new}”</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Note non générée : le fichier existant est gardé. Choisissez un autre nom avec « Parcourir… ».</source>
        <translation>Note not generated: the existing file is kept. Choose another name with “Browse…”.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rédaction de la note…</source>
        <translation>Writing the note…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Un fichier de ce nom existe déjà :
{files}

Le remplacer par la nouvelle note ?</source>
        <translation>A file with this name already exists:
{files}

Replace it with the new note?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Des fichiers de ce nom existent déjà :
{files}

Les remplacer par la nouvelle note ?</source>
        <translation>Files with this name already exist:
{files}

Replace them with the new note?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remplacer la note existante ?</source>
        <translation>Replace the existing note?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Note enregistrée : {path}</source>
        <translation>Note saved: {path}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Note non enregistrée</source>
        <translation>Note not saved</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>La note n&apos;a pas pu être produite.</source>
        <translation>The note could not be produced.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>La note {path} n&apos;existe plus : générez-la de nouveau.</source>
        <translation>The note {path} no longer exists: generate it again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aucun lecteur de PDF n&apos;a pu ouvrir la note. Elle est enregistrée ici : {path}</source>
        <translation>No PDF viewer could open the note. It is saved here: {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Le dossier n&apos;a pas pu être ouvert. La note est enregistrée ici : {path}</source>
        <translation>The folder could not be opened. The note is saved here: {path}</translation>
    </message>
</context>
<context>
    <name>PopulationPage</name>
    <message>
        <location filename="../../desktop/pages/population.py" line="+28"/>
        <source>Population et emploi</source>
        <translation>Population and jobs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Préremplis depuis le recensement de l&apos;INSEE quand la commune a été choisie dans l&apos;annuaire ; chaque chiffre reste modifiable, et la valeur officielle peut être rétablie.</source>
        <translation>Prefilled from the INSEE census when the commune was chosen in the directory; every figure stays editable, and the official figure can be restored.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Population de &amp;15 à 64 ans</source>
        <translation>Population aged &amp;15 to 64</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossier complet, tableau POP T0 (population par grandes tranches d&apos;âges).</source>
        <translation>Dossier complet, table POP T0 (population by broad age group).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tableau EMP T1 (population de 15 à 64 ans par type d&apos;activité) : les actifs.</source>
        <translation>Table EMP T1 (population aged 15 to 64 by type of activity): the labour force (actifs).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Actifs &amp;occupés de 15 à 64 ans</source>
        <translation>&amp;Employed residents aged 15 to 64</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Même tableau : les actifs ayant un emploi.</source>
        <translation>Same table: the actifs in employment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Emplois dans la commune</source>
        <translation>&amp;Jobs in the commune</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tableau EMP T5 (emploi et activité) : nombre d&apos;emplois dans la zone.</source>
        <translation>Table EMP T5 (employment and activity): number of jobs in the area.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Concentration d&apos;emploi</source>
        <translation>Job concentration</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Emplois dans la commune divisés par les actifs occupés qui y habitent. En dessous de {low} la commune est résidentielle (ses habitants travaillent ailleurs), au-dessus de {high} elle est employeuse, entre les deux équilibrée.</source>
        <translation>Jobs in the commune divided by the employed residents. Below {low} the commune is residential (its inhabitants work elsewhere), above {high} it is an employer, in between balanced.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>A&amp;ctifs de 15 à 64 ans</source>
        <translation>Labour f&amp;orce aged 15 to 64</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>— (corrigez d&apos;abord les emplois ou les actifs occupés signalés en rouge)</source>
        <translation>— (first correct the jobs or employed residents shown in red)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— (saisissez les emplois et les actifs occupés)</source>
        <translation>— (enter the jobs and the employed residents)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{value} — commune {label}</source>
        <translation>{value} — {label} commune</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../desktop/pages/results.py" line="+45"/>
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le diagnostic avant la note : changez une réponse aux pages précédentes et il se met à jour.</source>
        <translation>The diagnosis before the note, written in French like the note: change an answer on the previous pages and it updates.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Diagnostic détaillé</source>
        <translation>Detailed diagnosis</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Analyse en cours…</source>
        <translation>Analysing…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>L&apos;analyse n&apos;est pas possible :
{messages}</source>
        <translation>The analysis is not possible:
{messages}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>L&apos;analyse a échoué ; vérifiez les réponses des pages précédentes.</source>
        <translation>The analysis failed; check the answers on the previous pages.</translation>
    </message>
</context>
<context>
    <name>TerritoryPage</name>
    <message>
        <location filename="../../desktop/pages/territory.py" line="-219"/>
        <source>Le territoire</source>
        <translation>The territory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Une seule des trois classifications de l&apos;INSEE suffit. L&apos;outil contient celles de toutes les communes (sans connexion) : elles sont préremplies, avec leur source.</source>
        <translation>One of INSEE&apos;s three classifications is enough. The tool holds them for every commune (offline): they are prefilled, with their source.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>— non renseigné —</source>
        <translation>— not given —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zonage en aires urbaines &amp;2010</source>
        <translation>Urban area zoning (ZAU) &amp;2010</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Celui de l&apos;étude de 2017 : le plus précis pour comparer aux dix sites.</source>
        <translation>The 2017 study&apos;s zoning: the most precise to compare with the ten sites.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Le zonage actuel de l&apos;INSEE : la place de la commune dans l&apos;aire d&apos;une ville.</source>
        <translation>INSEE&apos;s current zoning: the commune&apos;s place in a town&apos;s catchment area.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Aire d&apos;attraction des &amp;villes 2020</source>
        <translation>&amp;Attraction area (AAV) 2020</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taill&amp;e de l&apos;aire 2020</source>
        <translation>2020 area &amp;size</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le nombre d&apos;habitants de l&apos;aire d&apos;attraction.</source>
        <translation>The number of inhabitants of the catchment area.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grille de &amp;densité</source>
        <translation>&amp;Density grid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La grille communale de densité de l&apos;INSEE (7 niveaux).</source>
        <translation>INSEE&apos;s municipal density grid (7 levels).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Minutes jusqu&apos;au pôle d&apos;emploi</source>
        <translation>&amp;Minutes to the employment centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trajet en voiture vers la ville où travaillent la plupart des actifs.</source>
        <translation>Drive to the town where most working residents work.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Indépendants connus</source>
        <translation>Known &amp;independents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Artisans, professions libérales, créateurs d&apos;entreprise du secteur qui pourraient y travailler.</source>
        <translation>Craftspeople, self-employed professionals, business founders of the area who could work there.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Télétravailleurs &amp;connus</source>
        <translation>Known &amp;teleworkers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salariés habitant le secteur qui travaillent déjà à distance, même un jour par semaine.</source>
        <translation>Employees living in the area who already work remotely, even one day a week.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Nombre de tiers-lieux proches</source>
        <translation>Nearby third &amp;places</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Carte des environs de la commune</source>
        <translation>Map of the commune&apos;s surroundings</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Population de la &amp;zone desservie</source>
        <translation>Population of the &amp;catchment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laissée vide, l&apos;analyse prend la zone de chalandise d&apos;environ 20 minutes de route (ci-dessus).</source>
        <translation>Left empty, the analysis takes the catchment area of about 20 minutes by road (above).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Utiliser la population à 20 min de route</source>
        <translation>&amp;Use the population within 20 min by road</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>&amp;Réseaux existants</source>
        <translation>Existing net&amp;works</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Associations, clubs d&apos;entreprises, cafés associatifs…</source>
        <translation>Associations, business clubs, community cafés…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Laissé vide, l&apos;analyse compte ceux de sa zone de chalandise : liste nationale 2019 et sites de l&apos;étude (voir ci-dessous).</source>
        <translation>Left empty, the analysis counts those of its catchment area: the 2019 national list and the study&apos;s sites (see below).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Autour de la commune (annuaire hors ligne)</source>
        <translation>Around the commune (offline directory)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+40"/>
        <source>Choisissez la commune à la page précédente pour voir ses environs.</source>
        <translation>Choose the commune on the previous page to see its surroundings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calcul des environs de la commune…</source>
        <translation>Working out the commune&apos;s surroundings…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Environs indisponibles : {reason}</source>
        <translation>Surroundings unavailable: {reason}</translation>
    </message>
</context>
<context>
    <name>TiersLieuWizard</name>
    <message>
        <location filename="../../desktop/shell/wizard.py" line="+50"/>
        <source>&amp;Terminer</source>
        <translation>Fi&amp;nish</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Quitter sans la note ?</source>
        <translation>Quit without the note?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La note de faisabilité n&apos;a pas encore été générée. Quitter quand même ?</source>
        <translation>The feasibility note has not been generated yet. Quit anyway?</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop/pages/welcome.py" line="+37"/>
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Étudier l&apos;opportunité d&apos;un tiers-lieu dans votre commune</source>
        <translation>Assess whether a third place fits your commune</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Cet outil vous aide à juger si un tiers-lieu (espace de coworking, bureaux partagés, télécentre, fablab) a sa place dans votre commune. Il compare votre situation aux &lt;b&gt;dix tiers-lieux ruraux&lt;/b&gt; étudiés sur le terrain en 2017 en Occitanie, puis rédige une &lt;b&gt;note de faisabilité&lt;/b&gt; au format PDF à présenter au conseil municipal.&lt;/p&gt;&lt;p&gt;Tout fonctionne sans connexion Internet. Comptez une vingtaine de minutes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Ayez sous la main :&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;le nom de la commune : ses chiffres INSEE (population, actifs, emplois, zonages) sont préremplis depuis l&apos;annuaire livré avec l&apos;outil, et restent modifiables ;&lt;/li&gt;&lt;li&gt;les bâtiments qui pourraient accueillir le lieu (surface, état, loyer) ;&lt;/li&gt;&lt;li&gt;qui pourrait porter le projet, et un ordre d&apos;idée du budget.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Les champs marqués d&apos;un astérisque (*) sont obligatoires ; les autres améliorent la précision de l&apos;analyse.&lt;/p&gt;</source>
        <translation>&lt;p&gt;This tool helps you judge whether a third place (coworking space, shared offices, telecentre, fablab) has its place in your commune. It compares your situation with the &lt;b&gt;ten rural third places&lt;/b&gt; studied in the field in 2017 in Occitanie, then writes a &lt;b&gt;feasibility note&lt;/b&gt; as a PDF (in French) to present to the municipal council.&lt;/p&gt;&lt;p&gt;Everything works without an Internet connection. Allow about twenty minutes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Have at hand:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the commune&apos;s name: its INSEE figures (population, labour force, jobs, zonings) are prefilled from the directory bundled with the tool, and stay editable;&lt;/li&gt;&lt;li&gt;the buildings that could host the place (area, condition, rent);&lt;/li&gt;&lt;li&gt;who could carry the project, and a rough idea of the budget.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Fields marked with an asterisk (*) are required; the others make the analysis more precise.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Nouveau projet</source>
        <translation>&amp;Create a new project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ouvrir un projet…</source>
        <translation>&amp;Open a project…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Projets &amp;récents :</source>
        <translation>&amp;Recent projects:</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <location filename="../../desktop/widgets/code_labels.py" line="+12"/>
        <source>Grand pôle (10 000 emplois ou plus)</source>
        <translation>Major centre (10,000 jobs or more)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Couronne d&apos;un grand pôle</source>
        <translation>Ring of a major centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune multipolarisée des grandes aires urbaines</source>
        <translation>Multipolarised commune of the large urban areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moyen pôle (5 000 à 10 000 emplois)</source>
        <translation>Medium centre (5,000 to 10,000 jobs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Couronne d&apos;un moyen pôle</source>
        <translation>Ring of a medium centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Petit pôle (1 500 à 5 000 emplois)</source>
        <translation>Small centre (1,500 to 5,000 jobs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Couronne d&apos;un petit pôle</source>
        <translation>Ring of a small centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre commune multipolarisée</source>
        <translation>Other multipolarised commune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune isolée hors influence des pôles</source>
        <translation>Isolated commune outside the centres&apos; influence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune-centre d&apos;un pôle</source>
        <translation>Central commune of a centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre commune du pôle principal</source>
        <translation>Other commune of the main centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune d&apos;un pôle secondaire</source>
        <translation>Commune of a secondary centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune de la couronne</source>
        <translation>Commune of the ring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune hors attraction des villes</source>
        <translation>Commune outside towns&apos; attraction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aire de moins de 50 000 habitants</source>
        <translation>Area under 50,000 inhabitants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aire de 50 000 à moins de 200 000 habitants</source>
        <translation>Area of 50,000 to under 200,000 inhabitants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aire de 200 000 à moins de 700 000 habitants</source>
        <translation>Area of 200,000 to under 700,000 inhabitants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aire de 700 000 habitants ou plus (hors Paris)</source>
        <translation>Area of 700,000 inhabitants or more (except Paris)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aire de Paris</source>
        <translation>Paris area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grands centres urbains</source>
        <translation>Large urban centres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centres urbains intermédiaires</source>
        <translation>Intermediate urban centres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ceintures urbaines</source>
        <translation>Urban belts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Petites villes</source>
        <translation>Small towns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bourgs ruraux</source>
        <translation>Rural market towns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rural à habitat dispersé</source>
        <translation>Rural, dispersed housing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rural à habitat très dispersé</source>
        <translation>Rural, very dispersed housing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Association (d&apos;usagers, d&apos;indépendants…)</source>
        <translation>Association (of users, of independents…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La commune</source>
        <translation>The commune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&apos;intercommunalité (EPCI)</source>
        <translation>The intercommunality (EPCI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre organisme public (chambre consulaire, syndicat mixte…)</source>
        <translation>Other public body (chamber of commerce, joint syndicate…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coopérative (SCIC, CAE…)</source>
        <translation>Cooperative (SCIC, CAE…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entreprise privée</source>
        <translation>Private company</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Réseau ou franchise privée</source>
        <translation>Private network or franchise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pas encore de porteur</source>
        <translation>No carrier yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&apos;intercommunalité</source>
        <translation>The intercommunality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un autre organisme public</source>
        <translation>Another public body</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Un propriétaire privé</source>
        <translation>A private owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le porteur du projet</source>
        <translation>The project&apos;s carrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisable en l&apos;état</source>
        <translation>Usable as it is</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Petits travaux (peinture, réseau, mobilier)</source>
        <translation>Light works (paint, network, furniture)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gros travaux (réhabilitation)</source>
        <translation>Heavy works (renovation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre-bourg</source>
        <translation>Village centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone d&apos;activités</source>
        <translation>Business park</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sur un axe passant</source>
        <translation>On a busy road</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre emplacement</source>
        <translation>Other location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autre bâtiment possible pour le même lieu (une seule adresse retenue)</source>
        <translation>Another possible building for the same place (one address kept)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site supplémentaire du même projet (antenne)</source>
        <translation>Additional site of the same project (antenna)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aucun soutien pour l&apos;instant</source>
        <translation>No support for now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met un local à disposition</source>
        <translation>Lends premises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finance le projet</source>
        <translation>Funds the project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local et financement</source>
        <translation>Premises and funding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Espace de coworking ouvert</source>
        <translation>Open coworking space</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bureaux fermés</source>
        <translation>Closed offices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salle de réunion</source>
        <translation>Meeting room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fablab ou atelier de fabrication</source>
        <translation>Fablab or making workshop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services au public (France Services)</source>
        <translation>Public services (France Services)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formations</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Animations et événements</source>
        <translation>Events and activities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>résidentielle</source>
        <translation>residential</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>équilibrée</source>
        <translation>balanced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>employeuse</source>
        <translation>employer</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="+69"/>
        <source>Opération impossible</source>
        <translation>Cannot do this</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Une erreur inattendue s&apos;est produite ({name}). L&apos;application reste ouverte.</source>
        <translation>An unexpected error occurred ({name}). The application stays open.</translation>
    </message>
</context>
</TS>
