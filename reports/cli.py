"""Command line: ``python -m reports COMMAND …`` or the installed ``tierslieu-note COMMAND …``.

Each command lives in `reports.commands.<name>` with ``add_arguments(parser)`` and
``run(args) -> int``; modules are imported only when their command runs, so start-up stays
fast. Exit codes: 0 done, 1 unexpected error, 2 invalid input, 3 cannot write the output,
130 interrupted. No traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from reports import __version__
from reports.errors import UserFacingError

# name -> (module in reports.commands, one-line French help)
COMMANDS: dict[str, tuple[str, str]] = {
    "analyse": ("analyse", "analyse un profil de commune et imprime le résultat en JSON"),
    "validate": ("validate", "vérifie un profil de commune et imprime les messages"),
    "note": ("note", "produit la note de faisabilité PDF d'un profil"),
    "example": ("example", "produit la note d'un profil d'exemple fourni"),
    "communes": ("communes", "cherche une commune par nom, code postal ou code INSEE"),
    "neighbourhood": ("neighbourhood", "chiffres du voisinage d'une commune (JSON)"),
    "batch": ("batch", "produit les notes de plusieurs communes à partir d'un CSV"),
    "scan": ("scan", "compare les communes d'un territoire (EPCI, département, liste)"),
    "knowledge": ("knowledge", "résumé de la base de connaissances tirée de l'étude 2017"),
}

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_UNWRITABLE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def _build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tierslieu-note",
        description="Aide à la décision pour un tiers-lieu rural (étude de terrain 2017).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--programmes", metavar="FICHIER.csv", default=None,
                        help="fichier de programmes de financement plus récent que celui fourni "
                             "(mêmes colonnes que programmes.csv), vérifié avant usage")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    wanted = _command_word(argv)
    for name, (module, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        if name == wanted:  # import only the module of the command asked for
            importlib.import_module(f"reports.commands.{module}").add_arguments(cmd)
    return parser


def _command_word(argv: list[str]) -> str | None:
    """The command named in `argv` (the value of ``--programmes`` is not a command)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--programmes":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _use_programmes(path: str | None) -> bool:
    """Use the newer programmes file asked for; False (French message printed) if it is wrong."""
    if not path:
        return True
    from reports.knowledge import KnowledgeError, use_programmes

    try:
        kb = use_programmes(path)
    except KnowledgeError as exc:
        print(f"Fichier de programmes refusé : {exc}", file=sys.stderr)
        return False
    print(kb.funding_data_date(), file=sys.stderr)
    return True


def main(argv: list[str] | None = None) -> int:
    """Parse `argv`, run the command and return its exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = _build_parser(argv)
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help(sys.stderr)
            return EXIT_INVALID
        if not _use_programmes(args.programmes):
            return EXIT_INVALID
        module = importlib.import_module(f"reports.commands.{COMMANDS[args.command][0]}")
        return int(module.run(args))
    except UserFacingError as exc:  # what the user can mend: its French message, no trace
        print(exc.user_text, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_message("commands.cli.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the one funnel: never a traceback for the user
        print(_message("commands.cli.unexpected", name=exc.__class__.__name__, reason=exc),
              file=sys.stderr)
        return EXIT_ERROR


def _message(key: str, /, **values: object) -> str:
    """A message of the catalogue (imported when needed: start-up stays light)."""
    from reports.texts import message

    return message(key, **values)


if __name__ == "__main__":
    sys.exit(main())
