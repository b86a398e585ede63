"""`python -m desktop --screenshots DIR`: a PNG of every page and main dialog, both languages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.shell import i18n, screenshots

pytest_plugins = ("conftest_qt",)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def back_to_french(qapp):
    yield
    i18n.install_translators(qapp, "fr")


def _pixels(path: Path) -> bytes:
    image = QImage(str(path))
    return bytes(image.constBits())


@pytest.fixture(scope="module")
def pictures(qapp, tmp_path_factory):
    """The pictures of one example in French and in English (taken once for the module)."""
    taken = {}
    for language in ("fr", "en"):
        folder = tmp_path_factory.mktemp(f"shots-{language}")
        taken[language] = screenshots.take(folder, "lagrasse", language)
    i18n.install_translators(qapp, "fr")
    return taken


def test_every_page_and_dialog_is_written_with_stable_names(pictures):
    for language, paths in pictures.items():
        assert [p.name for p in paths] == screenshots.file_names(), language
        # written through the atomic writer: no temporary file left beside them
        assert sorted(p.name for p in paths[0].parent.iterdir()) == sorted(
            screenshots.file_names()), language
        assert paths[0].name == "00-welcome.png" and paths[8].name == "08-note.png"
        for path in paths[:9]:  # the wizard pages: the whole 1366×768 window
            image = QImage(str(path))
            assert (image.width(), image.height()) == screenshots.SIZE, path.name
        for path in paths[9:]:
            image = QImage(str(path))
            assert 200 < image.width() <= 1366 and 80 < image.height() <= 768, path.name


def test_pages_show_the_example_and_differ_by_language(pictures):
    french, english = pictures["fr"], pictures["en"]
    for index in range(len(french)):
        assert _pixels(french[index]) != _pixels(english[index]), french[index].name
    # the results page is not the empty "analysis running" page: it differs from the note's
    assert _pixels(french[7]) != _pixels(french[8])


def test_unknown_example_is_refused_in_french(tmp_path):
    done = subprocess.run([sys.executable, "-m", "desktop", "--screenshots", str(tmp_path),
                           "--profile", "atlantide"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2
    assert "Exemple inconnu : « atlantide »" in done.stderr and "prades" in done.stderr
    assert not list(tmp_path.iterdir())


def test_screenshots_without_a_folder_says_what_it_needs():
    from desktop.app import parse_args

    assert parse_args(["--screenshots"]) == 2
    assert parse_args(["--screenshots", "d", "--profile", "quillan", "--lang", "en"]) == {
        "screenshots": "d", "profile": "quillan", "language": "en"}
