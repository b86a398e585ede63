"""Before the window: is there a screen Qt can use? If not, say so in French and exit 2.

Without a usable display Qt does not raise: it prints English lines and aborts the
process (exit code 134), often naming the wrong culprit (« xcb-cursor0 is needed » when
there is simply no screen). Two layers keep that from reaching the user:

* `preflight()` reads the environment only (no Qt object, no library loaded): no
  ``QT_QPA_PLATFORM`` and neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` means no screen.
* `fatal_guard()` holds a Qt message handler while the QApplication is created. Qt calls
  it with its fatal message before aborting; the handler prints what is missing instead
  (unknown ``QT_QPA_PLATFORM``, unreachable display, system libraries not installed,
  checked one by one with the dynamic loader) and ends the process with exit code 2.

The sentences and the library → Debian package table are in resources/desktop/display.toml.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator, Mapping
from functools import cache

EXIT_NO_DISPLAY = 2
# Platforms that need no screen (tests, servers): nothing to check before Qt starts.
_SCREENLESS = {"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "minimalegl",
               "vkkhrdisplay"}


@cache
def _catalogue() -> dict:
    import tomllib  # imported here, like ctypes below: off the start-up path

    from reports.paths import read_text

    return tomllib.loads(read_text("desktop", "display.toml"))


def text(key: str, **values: str) -> str:
    """One sentence of the catalogue, placeholders filled."""
    return _catalogue()["text"][key].format(**values)


def requested_platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform names Qt will try, from ``QT_QPA_PLATFORM`` ("xcb:opt;wayland")."""
    value = environ.get("QT_QPA_PLATFORM", "").strip()
    return [part.split(":", 1)[0].strip() for part in value.split(";") if part.strip()]


def preflight(environ: Mapping[str, str] | None = None,
              platform: str = sys.platform) -> list[str]:
    """What is missing for a window, judged from the environment alone ([] = try Qt).

    Only Linux and the BSDs choose their display through the environment; elsewhere Qt's
    own platform (Windows, macOS) is always there."""
    environ = os.environ if environ is None else environ
    if platform.startswith(("win", "darwin", "cygwin")):
        return []
    names = requested_platforms(environ)
    if any(name in _SCREENLESS for name in names):
        return []
    has_x11 = bool(environ.get("DISPLAY", "").strip())
    has_wayland = bool(environ.get("WAYLAND_DISPLAY", "").strip()) or (
        environ.get("XDG_SESSION_TYPE", "") == "wayland")
    reachable = [name for name in names or ("xcb", "wayland")  # none named: either screen does
                 if (name == "xcb" and has_x11)
                 or (name.startswith("wayland") and has_wayland)
                 or (name != "xcb" and not name.startswith("wayland"))]
    # an unknown name is left to Qt: its fatal message lists the real plugins (guard below)
    return [] if reachable else [text("no_display")]


def missing_libraries(platforms: list[str] | None = None) -> dict[str, list[str]]:
    """Shared libraries the dynamic loader cannot find, by platform ("common", "xcb"…)."""
    import ctypes

    tables = _catalogue()["libraries"]
    wanted = ["common", *(platforms if platforms is not None else ["xcb", "wayland"])]
    missing: dict[str, list[str]] = {}
    for group in wanted:
        for soname in tables.get(group, {}):
            try:
                ctypes.CDLL(soname)
            except OSError:
                missing.setdefault(group, []).append(soname)
    return missing


def message(problems: list[str], missing: dict[str, list[str]] | None = None) -> str:
    """The whole French message: what is missing, then the command that needs no screen."""
    tables = _catalogue()["libraries"]
    missing = missing or {}
    names = {"common": "Qt", "xcb": "X11 (xcb)", "wayland": "Wayland"}
    lines = [text("title"), "", text("missing")]
    lines += [f"  – {item}" for item in problems]
    for group, libs in missing.items():
        found = text("libraries", platform=names.get(group, group), libraries=", ".join(libs))
        lines.append(f"  – {found}")
    if missing:
        packages = sorted({tables[group][lib] for group, libs in missing.items()
                           for lib in libs})
        lines.append(f"    {text('install', packages=' '.join(packages))}")
    lines += ["", text("headless"), f"    {text('command')}", "", text("readme")]
    return "\n".join(lines)


def display_platforms(environ: Mapping[str, str]) -> list[str]:
    """The screen platforms ("xcb", "wayland") whose libraries matter for this session."""
    named = {"wayland" if n.startswith("wayland") else n for n in requested_platforms(environ)}
    chosen = sorted(named & {"xcb", "wayland"})
    if chosen:
        return chosen
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        chosen.append("wayland")
    if environ.get("DISPLAY") or not chosen:  # X11 is Qt's default on Linux
        chosen.append("xcb")
    return chosen


def explain_qt_failure(qt_lines: list[str]) -> list[str]:
    """Turn what Qt printed before giving up into the catalogue's sentences."""
    joined = "\n".join(qt_lines)
    problems: list[str] = []
    unknown = re.search(r'Could not find the Qt platform plugin "([^"]*)"', joined)
    if unknown:
        available = re.search(r"Available platform plugins are: ([^\n]*?)\.?\s*$", joined,
                              re.MULTILINE)
        problems.append(text("unknown_platform", value=unknown.group(1),
                             available=available.group(1) if available else "xcb, wayland"))
    display = re.search(r"could not connect to display ?(\S*)", joined)
    if display and display.group(1):
        problems.append(text("unreachable", display=display.group(1)))
    elif display and not problems:
        problems.append(text("no_display"))
    return problems


def refuse(problems: list[str], environ: Mapping[str, str] | None = None,
           qt_detail: str = "") -> int:
    """Print the French message on stderr (when there is one) and return exit code 2.

    `qt_detail` (Qt's own last words) is quoted only when nothing else explains it."""
    environ = os.environ if environ is None else environ
    missing = missing_libraries(display_platforms(environ))
    if not problems and not missing:
        problems = [text("qt_failed", detail=qt_detail)]
    if sys.stderr is not None:
        print(message(problems, missing), file=sys.stderr, flush=True)
    return EXIT_NO_DISPLAY


@contextlib.contextmanager
def fatal_guard() -> Iterator[None]:
    """Around the QApplication's creation: Qt's fatal message becomes ours, exit 2.

    Qt's other messages of that moment are held back and printed afterwards unchanged
    when the application does start."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    held: list[str] = []

    def handler(kind: QtMsgType, _context: object, text_: str) -> None:
        held.append(text_)
        if kind == QtMsgType.QtFatalMsg:
            refuse(explain_qt_failure(held), os.environ,
                   qt_detail=text_.strip().splitlines()[0] if text_.strip() else "")
            os._exit(EXIT_NO_DISPLAY)  # Qt aborts as soon as this handler returns

    qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(None)
        if held and sys.stderr is not None:
            print("\n".join(held), file=sys.stderr, flush=True)
