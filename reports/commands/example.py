"""``python -m reports example -o NOTE.pdf``: the note of a shipped example profile.

A newcomer sees a real note in one command; ``--list`` shows the examples available.
"""

from __future__ import annotations

import argparse
import sys

from reports.cli import EXIT_INVALID, EXIT_OK
from reports.commands.note import add_signing, render_profile
from reports.paths import resource, resource_path
from reports.profile.model import EXTENSION as SUFFIX
from reports.texts import message

DEFAULT_EXAMPLE = "prades"  # the study's El Quadrat commune, a small employing pole


def examples() -> list[str]:
    """Names of the shipped example profiles (file names without the suffix), sorted."""
    folder = resource("examples")
    if not folder.is_dir():
        return []
    return sorted(p.name[: -len(SUFFIX)] for p in folder.iterdir() if p.name.endswith(SUFFIX))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the command."""
    parser.add_argument("-o", "--output", default="note-exemple.pdf", metavar="NOTE.pdf",
                        help=message("commands.help.example_output"))
    parser.add_argument("--profile", default=None, metavar="NOM",
                        help=message("commands.help.example_profile"))
    parser.add_argument("--list", action="store_true", help=message("commands.help.example_list"))
    add_signing(parser)


def run(args: argparse.Namespace) -> int:
    """Render the chosen example (the default one when none is named)."""
    names = examples()
    if args.list:
        print("\n".join(names) if names else message("commands.example.none_installed"))
        return EXIT_OK
    if not names:
        print(message("commands.example.reinstall"), file=sys.stderr)
        return EXIT_INVALID
    name = args.profile or (DEFAULT_EXAMPLE if DEFAULT_EXAMPLE in names else names[0])
    if name not in names:
        print(message("commands.example.unknown", name=name, names=", ".join(names)),
              file=sys.stderr)
        return EXIT_INVALID
    with resource_path("examples", name + SUFFIX) as path:
        return render_profile(path, args)
