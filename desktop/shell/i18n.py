"""Interface language: Qt's own strings (qtbase) first, then the application's .qm."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = {"fr": "Français", "en": "English"}
DEFAULT_LANGUAGE = "fr"

# Source strings are French; English comes from tierslieu_en.qm. Qt's own strings are
# English in the library and French from qtbase_fr.qm.
_APP_CATALOGUE = {"en": "tierslieu_en.qm"}
_QT_CATALOGUE = {"fr": "qtbase_fr.qm"}
# Qt strings qtbase_fr.qm leaves in English (file dialog labels); installed after it, so
# they are looked up first (Qt asks the last installed translator first).
_QT_FIXES = {"fr": "qtbase_fixes_fr.qm"}

_installed: list[QTranslator] = []
_current = [DEFAULT_LANGUAGE]


def current_language() -> str:
    """The language of the catalogues installed last ("fr" before any)."""
    return _current[0]


def translate(text: str) -> str:
    """Translate a module-level string (lupdate sees it as `_tr` with -tr-function-alias)."""
    return QCoreApplication.translate("", text)


_keep: list[bytes] = []  # QTranslator.load(bytes) does not copy the data


def install_translators(app: QCoreApplication, language: str) -> str:
    """Install the catalogues of `language` (unknown languages fall back to French)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _keep.clear()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    _current[0] = language
    QLocale.setDefault(QLocale(QLocale.Language.French if language == "fr"
                               else QLocale.Language.English))
    qt_name = _QT_CATALOGUE.get(language)
    if qt_name:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        with contextlib.suppress(OSError):  # Qt's catalogue may not be shipped
            _load_bytes(app, (Path(folder) / qt_name).read_bytes())
    from reports.paths import ResourceError, read_bytes

    for name in (_QT_FIXES.get(language), _APP_CATALOGUE.get(language)):
        if name:
            with contextlib.suppress(ResourceError):  # French, the source, is complete
                _load_bytes(app, read_bytes("translations", name))
    return language


def _load_bytes(app: QCoreApplication, data: bytes) -> None:
    """Install one catalogue held in memory."""
    translator = QTranslator(app)
    if translator.load(data):
        _keep.append(data)
        _installed.append(translator)
        app.installTranslator(translator)
