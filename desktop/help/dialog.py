"""The help window: Guide and Glossaire in two tabs, each a QTextBrowser with anchors.

One window per main window, not modal: it stays open beside the wizard while the user
fills a page. `show_help(parent, "glossary", "zau2010")` opens it at an entry; a guide
link written ``#glossary:ID`` switches to the glossary at that entry.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.help import content
from desktop.shell import i18n

GUIDE, GLOSSARY = "guide", "glossary"
_STYLE = """
h1 { font-size: 17pt; margin-bottom: 6px; }
h2 { font-size: 13pt; margin-top: 14px; margin-bottom: 3px; }
p, li { font-size: 11pt; line-height: 130%; }
a { color: #0b4f8a; }
.source { font-size: 9pt; color: #4a4a4a; }
"""


class HelpBrowser(QTextBrowser):
    """A read-only page of help; `#glossary:ID` links go to the glossary tab."""

    def __init__(self, owner: HelpWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = owner
        self.setOpenLinks(False)  # every link goes through on_link
        self.anchorClicked.connect(self.on_link)
        self.document().setDefaultStyleSheet(_STYLE)
        self.document().setDocumentMargin(14)

    def on_link(self, url: QUrl) -> None:
        """Anchors inside the page, glossary entries from the guide; nothing leaves the app."""
        fragment = url.fragment()
        if fragment.startswith(content.GLOSSARY_LINK):
            self.owner.show_at(GLOSSARY, fragment.removeprefix(content.GLOSSARY_LINK))
        elif fragment:
            self.scrollToAnchor(fragment)


class HelpWindow(QDialog):
    """Guide and glossary, in the interface language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.language = ""
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.guide = HelpBrowser(self, self)
        self.glossary = HelpBrowser(self, self)
        self.tabs.addTab(self.guide, "")
        self.tabs.addTab(self.glossary, "")
        layout.addWidget(self.tabs)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        layout.addWidget(self.buttons)
        # fits a 1366×768 screen beside nothing else; the user may enlarge it
        self.resize(780, 620)

    def fill(self) -> None:
        """(Re)load the texts when the interface language changed since the last time."""
        language = i18n.current_language()
        if language == self.language:
            return
        self.language = language
        self.setWindowTitle(self.tr("Aide — Tiers-lieu rural"))
        self.tabs.setTabText(0, self.tr("&Guide"))
        self.tabs.setTabText(1, self.tr("G&lossaire"))
        self.guide.setAccessibleName(self.tr("Guide de l'assistant"))
        self.glossary.setAccessibleName(self.tr("Glossaire"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Fermer"))
        self.guide.setHtml(content.guide_html(language))
        self.glossary.setHtml(content.glossary_html(language))

    def show_at(self, which: str, anchor: str = "") -> None:
        """Show the guide or the glossary, scrolled to `anchor` (the top when empty)."""
        self.fill()
        browser = self.glossary if which == GLOSSARY else self.guide
        self.tabs.setCurrentWidget(browser)
        self.show()
        self.raise_()
        self.activateWindow()
        if anchor:
            browser.scrollToAnchor(anchor)
        else:
            browser.verticalScrollBar().setValue(0)
        browser.setFocus()


def help_window(parent: QWidget) -> HelpWindow:
    """The help window of `parent`'s top-level window (created once, then reused)."""
    top = parent.window()
    window = getattr(top, "_help_window", None)
    if window is None:
        window = HelpWindow(top)
        top._help_window = window
    return window


def show_help(parent: QWidget, which: str = GUIDE, anchor: str = "") -> HelpWindow:
    """Open the help at the guide's section or the glossary's entry `anchor`."""
    window = help_window(parent)
    window.show_at(which, anchor)
    return window
