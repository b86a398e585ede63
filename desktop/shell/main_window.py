"""The main window: the wizard, the Fichier menu, the title, saving, autosave and recovery."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QWidget

from desktop.errors import UserError
from desktop.shell import i18n
from desktop.shell.context import AppContext
from desktop.shell.datafiles import DataFiles
from desktop.shell.document import ProjectDocument
from desktop.shell.navigation import PageId
from desktop.shell.recovery import RecoveryCopy
from desktop.shell.wizard import TiersLieuWizard
from desktop.widgets.icon import app_icon
from reports import PROFILE_SUFFIX

if TYPE_CHECKING:  # QCloseEvent's type (QEvent's enums) is slow to load: only for typing
    from PySide6.QtGui import QCloseEvent

    from desktop.dialogs.batch_dialog import BatchRun
    from desktop.dialogs.scan_dialog import ScanDialog

AUTOSAVE_MS = 60_000
LEGACY_RECOVERY = "recovery" + PROFILE_SUFFIX  # before copies were kept per session


class MainWindow(QMainWindow):
    """Holds the document and the wizard; every file operation goes through here."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document = ProjectDocument(self)
        self.document.stateChanged.connect(self.update_title)
        self.setWindowIcon(app_icon())  # also when no QApplication icon was set (tests)
        self.wizard: TiersLieuWizard | None = None
        self.batch_run: BatchRun | None = None  # the batch in progress, stopped on close
        self.scan_dialog: ScanDialog | None = None  # the territory comparison, stopped on close
        self.data_files = DataFiles(self, context, self.document)  # newer census, programmes
        self.data_files.changed.connect(self._data_changed)
        self.data_label = QLabel(self)  # which census and programmes are in use
        self.data_label.setAccessibleName(self.tr("Données utilisées"))
        self.statusBar().addPermanentWidget(self.data_label)
        if context.communes is not None:
            context.communes.ready.connect(self._show_data_in_use)
        self.build()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start(AUTOSAVE_MS)
        # fits a 1366×768 laptop with its taskbar and the window's title bar
        available = self.screen().availableGeometry()
        self.resize(min(1200, available.width()), min(720, available.height() - 60))
        geometry = context.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.update_title()

    # -- building (again after a language change) -----------------------------------------
    def build(self) -> None:
        """Create the wizard and the menus in the current language."""
        current = self.wizard.currentId() if self.wizard is not None else int(PageId.WELCOME)
        old = self.wizard
        self.wizard = TiersLieuWizard(self.document, self.context)
        self.wizard.closeRequested.connect(self.close)
        welcome = self.wizard.page_of(PageId.WELCOME)
        welcome.newRequested.connect(self.new_project)
        welcome.openRequested.connect(self.open_project)
        self.setCentralWidget(self.wizard)
        if old is not None:
            old.deleteLater()
        self.menuBar().clear()
        self._build_menus()
        if old is not None:  # a rebuild (language switch): everything at once
            self.finish_build()
        if current > int(PageId.WELCOME):  # the same page, in the new language
            self.wizard.restart()
            self.wizard.go_to(PageId(current), check=False)

    def finish_build(self) -> None:
        """Build the pages after the welcome page (once per wizard).

        Called once the welcome page is on screen (start-up), and by anything that needs the
        other pages; Next on the welcome page builds them too."""
        self.wizard.ensure_pages()

    def _build_menus(self) -> None:
        """Fichier, Langue, Aide."""
        keys, files = QKeySequence.StandardKey, self.data_files
        self.file_menu = menu = self.menuBar().addMenu(self.tr("&Fichier"))
        self._action(menu, self.tr("&Nouveau projet"), self.new_project, keys.New)
        self._action(menu, self.tr("&Ouvrir…"), lambda: self.open_project(""), keys.Open)
        self.recent_menu = menu.addMenu(self.tr("Projets &récents"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(menu, self.tr("&Enregistrer"), self.save, keys.Save)
        self._action(menu, self.tr("Enregistrer &sous…"), self.save_as, keys.SaveAs)
        menu.addSeparator()
        self._action(menu, self.tr("&Importer un CSV de communes…"), self.import_csv)
        self._action(menu, self.tr("&Modèle de CSV de communes…"), self.save_csv_template,
                     tip=self.tr("Un fichier à remplir dans un tableur : une ligne par commune."))
        self._action(menu, self.tr("Comparer les communes d'un &territoire…"),
                     self.compare_territory)
        self._action(menu, self.tr("Profils &cabinet…"), self.manage_brands)
        menu.addSeparator()
        self.back_actions = {}  # Revenir au … fourni, enabled while a newer file is in use
        for kind, load, back, tip in (
                ("census", self.tr("Charger &un recensement plus récent…"),
                 self.tr("Revenir au recensement &fourni"),
                 self.tr("Un comparateur de territoires de l'INSEE (colonnes P21_, P22_…) à la "
                         "place du recensement fourni.")),
                ("programmes", self.tr("Charger un tableau de &programmes de financement…"),
                 self.tr("Revenir aux pro&grammes fournis"),
                 self.tr("Un tableau plus récent, avec les mêmes colonnes que celui fourni "
                         "(programmes.csv)."))):
            self._action(menu, load, lambda k=kind: files.choose(k), tip=tip)
            self.back_actions[kind] = self._action(menu, back,
                                                   lambda k=kind: files.back_to_bundled(k))
        self.census_back, self.programmes_back = self.back_actions.values()
        self._show_data_in_use()
        menu.addSeparator()
        self._action(menu, self.tr("&Quitter"), self.close, keys.Quit)
        language_menu = self.menuBar().addMenu(self.tr("&Langue"))
        group = QActionGroup(self)
        current = self.context.settings.get("language")
        for code, name in i18n.LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _on=False, c=code: self.set_language(c))
            group.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        # F1: the glossary entry of the field being filled, else the guide of the page
        self._action(help_menu, self.tr("&Guide"), self.context_help, keys.HelpContents)
        self._action(help_menu, self.tr("G&lossaire"), self.show_glossary)
        help_menu.addSeparator()
        self._action(help_menu, self.tr("À &propos"), self.show_about)

    def context_help(self) -> None:
        """Aide › Guide (F1): the definition of the focused field's word if it has one,
        else the guide at the current page's section."""
        from desktop.help.content import entry_for_field
        from desktop.help.dialog import GLOSSARY, GUIDE, show_help

        page = self.wizard.currentPage() if self.wizard is not None else None
        focus = QApplication.focusWidget()
        for field, binding in getattr(page, "bindings", {}).items():
            widget = binding.widget
            if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
                entry = entry_for_field(field)
                if entry:
                    show_help(self, GLOSSARY, entry)
                    return
                break
        page_id = self.wizard.currentId() if self.wizard is not None else -1
        anchor = PageId(page_id).name.lower() if page_id in set(PageId) else ""
        show_help(self, GUIDE, anchor)

    def show_glossary(self) -> None:
        """Aide › Glossaire, from the top."""
        from desktop.help.dialog import GLOSSARY, show_help

        show_help(self, GLOSSARY)

    def show_about(self) -> None:
        """Version, sources and licences."""
        from desktop.dialogs.about import about_box

        box = about_box(self)
        box.exec()
        box.deleteLater()

    def import_csv(self) -> None:
        """Notes of several communes from a CSV (the batch, in the background)."""
        from desktop.dialogs.batch_dialog import start_batch

        self.batch_run = start_batch(self, str(self.context.start_folder()),
                                     data=self.data_files.in_use_text())

    def save_csv_template(self) -> None:
        """Write the blank CSV of communes where the user says."""
        from desktop.dialogs.batch_dialog import save_template

        save_template(self, str(self.context.start_folder()))

    def compare_territory(self) -> None:
        """Rank the communes of an intercommunality or a département (reports.scan)."""
        from desktop.dialogs.scan_dialog import open_scan_dialog

        self.scan_dialog = open_scan_dialog(self)

    def _data_changed(self, _kind: str, text: str) -> None:
        """A newer census or programmes file is in use, or the bundled one again."""
        self._show_data_in_use()
        if text:
            self.statusBar().showMessage(text, 20_000)

    def _show_data_in_use(self) -> None:
        """The status bar says which census and programmes the figures and notes use."""
        self.data_label.setText(self.data_files.in_use_text())
        for kind, action in self.back_actions.items():
            action.setEnabled(bool(self.data_files.chosen(kind)))

    def manage_brands(self) -> None:
        """Create, edit or choose a firm profile; the note page shows the one chosen."""
        self.finish_build()
        self.wizard.page_of(PageId.NOTE).brand_chooser.open_dialog()

    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcuts(shortcut)  # QKeySequence(…) would load Qt's whole enum namespace
        return action

    def set_language(self, code: str) -> None:
        """Switch the interface language now (the answers are kept)."""
        self.context.settings.set("language", code)
        i18n.install_translators(QApplication.instance(), code)
        self.build()
        self.update_title()

    # -- title -------------------------------------------------------------------------
    def update_title(self) -> None:
        """File name, unsaved mark, application name."""
        name = Path(self.document.path).name if self.document.path else self.tr("Sans titre")
        # the platform appends the display name to any title not ending with it
        QApplication.setApplicationDisplayName(self.tr("Tiers-lieu rural"))
        self.setWindowTitle(self.tr("{file}[*] — Tiers-lieu rural").format(file=name))
        self.setWindowModified(self.document.modified)

    # -- projects ------------------------------------------------------------------------
    def new_project(self) -> None:
        """Start an empty project (after asking about unsaved changes)."""
        self.finish_build()
        if not self.maybe_keep_changes():
            return
        self.document.new()
        self.wizard.restart()
        self.wizard.next()

    def open_project(self, path: str = "") -> bool:
        """Open a project file, asking for one if `path` is empty."""
        self.finish_build()
        if not self.maybe_keep_changes():
            return False
        settings = self.context.settings
        path = path or self.context.prompts.open_project(self, str(self.context.start_folder()))
        if not path:
            return False
        try:
            self.document.open(path)
        except UserError as exc:
            if not Path(path).exists():
                settings.remove_recent(path)
            self.context.prompts.error(self, self.tr("Ouverture impossible"), str(exc))
            return False
        self._remember(path)
        self.wizard.restart()
        self.wizard.next()
        return True

    def save(self) -> bool:
        """Save to the current file, or ask for one."""
        if not self.document.path:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Ask where to save, then save."""
        folder = (Path(self.document.path).parent if self.document.path
                  else self.context.start_folder())
        path = self.context.prompts.save_project(
            self, str(folder / self.document.suggested_name()))
        return bool(path) and self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            self.document.save(path)
        except UserError as exc:
            self.context.prompts.error(self, self.tr("Enregistrement impossible"), str(exc))
            return False
        self._remember(path)
        self.context.recovery.discard()  # this session's copy: the project is saved
        return True

    def _remember(self, path: str) -> None:
        settings = self.context.settings
        settings.add_recent(str(path))
        settings.set("last_folder", str(Path(path).parent))
        self.wizard.page_of(PageId.WELCOME).refresh_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.context.settings.recent_files(existing=True):
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def maybe_keep_changes(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or clean)."""
        if not self.document.modified:
            return True
        answer = self.context.prompts.unsaved_changes(self)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- autosave and recovery -------------------------------------------------------------
    def autosave(self) -> None:
        """Keep a copy of unsaved work, offered back after a crash."""
        if not self.document.modified:
            return
        session = self.context.recovery
        if not session.prepare(self.document.path):
            return  # no place for the copy: the project itself is untouched
        with contextlib.suppress(UserError, OSError):
            self.document.write_recovery(str(session.file))

    def offer_recovery(self) -> bool:
        """At start-up: offer the copies crashed sessions left, newest first.

        Each answered copy is deleted; after one is restored, older ones wait for the next
        start (one project per window). Copies of running sessions are never seen here."""
        self.finish_build()
        copies = self.context.recovery.stale_copies()
        for index, copy in enumerate(copies):
            if self.context.prompts.offer_recovery(self, self._describe(copy)):
                restored = self._restore(copy)
                for later in copies[index + 1:]:
                    later.release()
                return restored
            copy.discard()
        return False

    def _describe(self, copy: RecoveryCopy) -> str:
        """The project a copy belongs to and when it was written, for the question."""
        from datetime import datetime  # only when a copy is offered: off the start-up path

        when = datetime.fromtimestamp(copy.modified)
        return self.tr("{project}, copie du {date} à {time}").format(
            project=self._original(copy) or self.tr("projet non encore enregistré"),
            date=when.strftime("%d/%m/%Y"), time=when.strftime("%H:%M"))  # FR and en_GB alike

    def _original(self, copy: RecoveryCopy) -> str:
        """Its project's path; the single shared copy of earlier versions noted it in settings."""
        if copy.file.name == LEGACY_RECOVERY:
            return self.context.settings.get("recovery/original_path")
        return copy.original_path

    def _restore(self, copy: RecoveryCopy) -> bool:
        """Load a claimed copy, then delete it: this session's autosave takes over."""
        try:
            self.document.recover(str(copy.file), self._original(copy))
        except UserError as exc:
            self.context.prompts.error(self, self.tr("Récupération impossible"), str(exc))
            return False
        finally:
            copy.discard()
        self.wizard.restart()
        self.wizard.next()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes; remember the geometry; drop the recovery copy."""
        if not self.maybe_keep_changes():
            event.ignore()
            return
        self.context.settings.set("window/geometry", self.saveGeometry())
        batch = self.batch_run
        if batch is not None:  # stops cleanly: finished notes stay, no half-written file
            batch.stop.set()
        if self.scan_dialog is not None:
            self.scan_dialog.stop.set()  # the scan writes nothing once stopped
        self.context.recovery.discard()  # a clean exit: nothing to recover
        self.context.settings.sync()
        self.autosave_timer.stop()
        event.accept()
