"""Starting without a usable screen: a French message, the headless command, exit code 2.

Qt itself would abort (exit 134) with English lines; the subprocess tests run the real
entry point the way a user does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.shell import display

ROOT = Path(__file__).resolve().parents[1]
HEADLESS = "python -m reports example -o note-exemple.pdf"


def start(**env: str) -> subprocess.CompletedProcess:
    """`python -m desktop` with the display variables replaced by `env`."""
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                            "XDG_SESSION_TYPE")}
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "desktop"], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=60)


def assert_french_refusal(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 2, done.stderr
    assert "impossible d'ouvrir la fenêtre" in done.stderr
    assert HEADLESS in done.stderr
    assert "Traceback" not in done.stderr
    assert "This application failed to start" not in done.stderr  # Qt's abort, not ours


def test_invalid_platform_is_named_with_the_real_choices():
    done = start(QT_QPA_PLATFORM="ecran-imaginaire")
    assert_french_refusal(done)
    assert "QT_QPA_PLATFORM vaut « ecran-imaginaire »" in done.stderr
    assert "offscreen" in done.stderr and "xcb" in done.stderr  # Qt's own list of plugins


def test_no_display_at_all_says_so_before_qt_starts():
    done = start()
    assert_french_refusal(done)
    assert "ni DISPLAY ni WAYLAND_DISPLAY" in done.stderr


def test_display_that_does_not_answer_goes_through_qt_and_is_explained():
    free = next(n for n in range(93, 120) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    done = start(QT_QPA_PLATFORM="xcb", DISPLAY=f":{free}")
    assert_french_refusal(done)
    # either the display is named, or (X11 libraries absent) the packages to install are
    assert f"l'affichage :{free}" in done.stderr or "apt-get install" in done.stderr


@pytest.mark.parametrize(("environ", "refused"), [
    ({}, True),
    ({"DISPLAY": ":0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"XDG_SESSION_TYPE": "wayland"}, False),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "xcb:nograb", "DISPLAY": ":1"}, False),
    ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, False),
    ({"QT_QPA_PLATFORM": "wayland"}, True),
    ({"QT_QPA_PLATFORM": "bogus"}, False),  # left to Qt, whose message lists the plugins
])
def test_preflight_reads_the_environment(environ, refused):
    assert bool(display.preflight(environ, platform="linux")) is refused


def test_windows_and_macos_always_have_their_platform():
    assert display.preflight({}, platform="win32") == []
    assert display.preflight({}, platform="darwin") == []


def test_missing_library_is_named_with_its_package(monkeypatch):
    table = display._catalogue()
    fake = {**table, "libraries": {"common": {}, "xcb": {"libpas-la-du-tout.so.9": "paquet-x"}}}
    monkeypatch.setattr(display, "_catalogue", lambda: fake)
    missing = display.missing_libraries(["xcb"])
    assert missing == {"xcb": ["libpas-la-du-tout.so.9"]}
    text = display.message([], missing)
    assert "libpas-la-du-tout.so.9" in text
    assert "sudo apt-get install -y paquet-x" in text


def test_installed_libraries_are_not_reported():
    # the offscreen platform the suite runs on needs the common libraries: all loadable here
    assert "common" not in display.missing_libraries([])


def test_qt_lines_become_french_sentences():
    lines = ['Could not find the Qt platform plugin "zz" in ""',
             "This application failed to start because no Qt platform plugin could be "
             "initialized.\n\nAvailable platform plugins are: offscreen, xcb.\n"]
    (problem,) = display.explain_qt_failure(lines)
    assert "« zz »" in problem and "(possibles : offscreen, xcb)" in problem
    (problem,) = display.explain_qt_failure(["could not connect to display :7"])
    assert "l'affichage :7" in problem


def apt_lines(text: str) -> list[set[str]]:
    """The packages of each `apt-get install` command in `text` (continuations joined)."""
    joined = text.replace("\\\n", " ")
    return [set(m.group(1).split()) - {"-y", "-qq", "--no-install-recommends"}
            for m in re.finditer(r"apt-get install ([^\n;>]*)", joined)]


def test_readme_names_every_package_the_plugins_need():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set().union(*apt_lines(readme))
    needed = {package for group in display._catalogue()["libraries"].values()
              for package in group.values()}
    assert needed - listed == set()


def test_ci_installs_the_readme_headless_line():
    readme_first = apt_lines((ROOT / "README.md").read_text(encoding="utf-8"))[0]
    ci = set().union(*apt_lines((ROOT / ".ci" / "run").read_text(encoding="utf-8")))
    assert readme_first - ci == set()
    assert set(display._catalogue()["libraries"]["common"].values()) <= readme_first
