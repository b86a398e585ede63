"""The application icon, read from resources/icons/ (drawn by scripts/make_icons.py)."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon, QPixmap

from reports.paths import ResourceError, read_bytes

ICON_SIZES = (16, 32, 64, 256)


@functools.cache
def app_icon() -> QIcon:
    """The icon at every shipped size; the platform picks the one it needs (built once)."""
    icon = QIcon()
    for size in ICON_SIZES:
        try:
            data = read_bytes("icons", f"tierslieu-{size}.png")
        except ResourceError:
            continue  # a missing picture must not stop the application
        pixmap = QPixmap()
        if pixmap.loadFromData(data, "PNG"):
            icon.addPixmap(pixmap)
    return icon
