"""Command line: ``python -m reports COMMAND …`` or the installed ``tierslieu-note COMMAND …``.

Each command lives in `reports.commands.<name>` with ``add_arguments(parser)`` and
``run(args) -> int``; modules are imported only when their command runs, so start-up stays
fast. Exit codes: 0 done, 1 unexpected error, 2 invalid input, 3 cannot write the output,
130 interrupted (Ctrl-C), 143 stopped by SIGTERM. No traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Iterator

from reports import __version__
from reports.errors import UserFacingError

# each command is the module reports.commands.<name>; its help line is cli.commands.<name>
COMMANDS = ("analyse", "validate", "note", "example", "communes", "neighbourhood", "batch",
            "scan", "knowledge")

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_UNWRITABLE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports it


class Terminated(BaseException):
    """SIGTERM arrived outside a command that handles it (the batch does)."""


def _on_sigterm(_signum: int, _frame: object) -> None:
    raise Terminated


def _sigterm_handled() -> object:
    """Turn SIGTERM into `Terminated` while a command runs (main thread only)."""
    import signal
    import threading

    if not hasattr(signal, "SIGTERM") or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _on_sigterm)


def emit(text: str) -> int:
    """Write `text` whole on stdout; EXIT_UNWRITABLE (French message) if it cannot be.

    A command builds its whole output first, so a reader gets all of it or nothing usable;
    a failed write (``> /dev/full``) leaves stdout pointing at the null device so that the
    interpreter's own flush at exit cannot fail a second time.
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        _discard_stdout()
        return EXIT_OK
    except OSError as exc:
        from reports.files import french_reason

        _discard_stdout()
        print(_message("cli.run.stdout_unwritable", reason=french_reason(exc)), file=sys.stderr)
        return EXIT_UNWRITABLE
    return EXIT_OK


def _discard_stdout() -> None:
    """Point stdout at the null device (what was not written is dropped, never retried)."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, AttributeError, ValueError):  # not a real file (tests capture it)
        pass


def _build_parser(argv: list[str]) -> argparse.ArgumentParser:
    from reports.texts import table

    parser = argparse.ArgumentParser(prog="tierslieu-note",
                                     description=_message("cli.help.description"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_message("cli.help.version"))
    parser.add_argument("--programmes", metavar="FICHIER.csv", default=None,
                        help=_message("cli.help.programmes"))
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    wanted, helps = _command_word(argv), table("cli.commands")
    for name in COMMANDS:
        cmd = sub.add_parser(name, help=helps[name], description=helps[name])
        if name == wanted:  # import only the module of the command asked for
            importlib.import_module(f"reports.commands.{name}").add_arguments(cmd)
    return parser


@contextlib.contextmanager
def _argparse_in_french() -> Iterator[None]:
    """argparse's own words (usage, headings, errors) from cli.argparse while a command runs.

    argparse looks its words up through its module globals ``_`` and ``ngettext`` (gettext's);
    they are put back afterwards. tests/test_texts.py fails if a wrong choice stays English.
    """
    from reports.texts import table

    words = table("cli.argparse")
    previous = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda text: words.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: words.get(  # type: ignore[attr-defined]
        one if n == 1 else many, one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = previous  # type: ignore[attr-defined]


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
        print(_message("cli.run.programmes_refused", reason=exc), file=sys.stderr)
        return False
    print(kb.funding_data_date(), file=sys.stderr)
    return True


def main(argv: list[str] | None = None) -> int:
    """Parse `argv`, run the command and return its exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    previous = _sigterm_handled()
    try:
        with _argparse_in_french():
            parser = _build_parser(argv)
            args = parser.parse_args(argv)
            if not args.command:
                parser.print_help(sys.stderr)
                return EXIT_INVALID
        if not _use_programmes(args.programmes):
            return EXIT_INVALID
        module = importlib.import_module(f"reports.commands.{args.command}")
        return int(module.run(args))
    except UserFacingError as exc:  # what the user can mend: its French message, no trace
        print(exc.user_text, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(_message("cli.run.interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print(_message("cli.run.terminated"), file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_OK
    except Exception as exc:  # the one funnel: never a traceback for the user
        print(_message("cli.run.unexpected", name=exc.__class__.__name__, reason=exc),
              file=sys.stderr)
        return EXIT_ERROR
    finally:
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)


def _message(key: str, /, **values: object) -> str:
    """A message of the catalogue (imported when needed: start-up stays light)."""
    from reports.texts import message

    return message(key, **values)


if __name__ == "__main__":
    sys.exit(main())
