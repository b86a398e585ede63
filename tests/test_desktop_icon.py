"""The application icon: shipped at four sizes, drawn by scripts/make_icons.py, on the window."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from desktop.shell.startup import create_app
from desktop.widgets.icon import ICON_SIZES, app_icon
from reports.brand import DEFAULT_BRAND
from reports.paths import read_bytes

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts/make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_main_window_and_the_application_have_the_icon(make_window, qapp):
    window = make_window()
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {QSize(s, s) for s in ICON_SIZES} <= set(icon.availableSizes())
    assert not create_app().windowIcon().isNull()
    assert not qapp.windowIcon().isNull()


def test_the_icon_is_the_brand_colour_on_a_light_square(qapp):
    image = app_icon().pixmap(QSize(256, 256)).toImage()
    assert image.pixelColor(77, 184) == QColor(DEFAULT_BRAND.main_color)  # wall, left of door
    assert image.pixelColor(128, 184).lightness() > 220  # the door
    assert image.pixelColor(128, 75).lightness() < 110  # the roof, under the oculus
    assert image.pixelColor(30, 30).lightness() > 220  # the light background
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners are transparent


def test_the_shipped_pictures_are_the_script_output(tmp_path):
    _script().main(["--out", str(tmp_path)])
    for size in ICON_SIZES:
        made = (tmp_path / f"tierslieu-{size}.png").read_bytes()
        assert made == read_bytes("icons", f"tierslieu-{size}.png"), size
