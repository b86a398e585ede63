"""Entry point: ``tierslieu`` (installed GUI script) and ``python -m desktop``.

``tierslieu --version`` prints the version without opening a window.
"""

from __future__ import annotations

import sys

from reports import __version__

USAGE = """Usage : tierslieu [--version] [--lang fr|en] [PROJET.tierslieu.json]
        tierslieu --screenshots DOSSIER [--profile EXEMPLE] [--lang fr|en]

Assistant de faisabilité d'un tiers-lieu rural (étude de terrain 2017).
--screenshots écrit une image PNG de chaque page et des principales fenêtres pour un
exemple livré (prades par défaut), sans ouvrir d'écran."""


def say(text: str, *, error: bool = False) -> None:
    """Print `text`; in a window when there is no console (the Windows GUI script)."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream)
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(["tierslieu"])  # noqa: F841 (kept alive)
    QMessageBox.information(None, "tierslieu", text)


def parse_args(argv: list[str]) -> dict[str, str] | int:
    """Read the few options; an int is an exit code (version, help or bad option)."""
    options: dict[str, str] = {}
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg in ("--version", "-V"):
            say(f"tierslieu {__version__}")
            return 0
        if arg in ("--help", "-h"):
            say(USAGE)
            return 0
        if arg in ("--lang", "--screenshots", "--profile"):
            if not args:
                say(f"L'option {arg} attend une valeur.\n\n{USAGE}", error=True)
                return 2
            options[{"--lang": "language", "--screenshots": "screenshots",
                     "--profile": "profile"}[arg]] = args.pop(0)
        elif arg.startswith("-"):
            say(f"Option inconnue : {arg}\n\n{USAGE}", error=True)
            return 2
        else:
            options["project"] = arg
    return options


def main(argv: list[str] | None = None) -> int:
    """Start the application and return its exit code."""
    parsed = parse_args(sys.argv[1:] if argv is None else argv)
    if isinstance(parsed, int):
        return parsed
    if "screenshots" in parsed:
        from desktop.shell.screenshots import main as screenshots

        return screenshots(parsed["screenshots"], parsed.get("profile", "prades"),
                           parsed.get("language", "fr"))
    from desktop.shell.startup import run

    return run(parsed)

