"""The scrolled frame every page puts its content in (light: on the start-up path)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

READING_WIDTH = 900  # paragraphs wrap here: lines across a whole screen read badly


def scrolled_layout(page: QWidget) -> QVBoxLayout:
    """The page's content layout, inside a scroll area so small screens lose nothing."""
    frame = QVBoxLayout(page)
    frame.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    content = QWidget(scroll)
    scroll.setWidget(content)
    frame.addWidget(scroll)
    return QVBoxLayout(content)


def no_tab_stop(page: QWidget) -> None:
    """The page's scroll area stops being a Tab stop (an invisible one confuses keyboard
    users); it still scrolls to whichever field gets the focus.

    Called once the first page is shown: Qt's enum namespace costs start-up time."""
    from PySide6.QtCore import Qt

    for scroll in page.findChildren(QScrollArea):
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if scroll.window().focusWidget() is scroll:  # took it at start-up: pass it on
            scroll.focusNextChild()


class ReadableLabel(QLabel):
    """Wrapped text whose lines stop at `width` pixels, however wide the window."""

    def __init__(self, text: str, width: int, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setMaximumWidth(width)
        self._heights: dict[tuple[int, str, str], int] = {}

    def heightForWidth(self, width: int) -> int:
        """Layouts offer the whole column; the text wraps at the capped width.

        Remembered by width, text and font: one layout pass asks the same widths again
        and again, and laying out a long rich paragraph anew each time cost ~4 ms of the
        first page's start-up."""
        width = min(width, self.maximumWidth())
        key = (width, self.text(), self.font().key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 32:  # a label whose text keeps changing
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height
