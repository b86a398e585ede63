"""``batch COMMUNES.csv --out DIR``: the notes of many communes, with summary.csv and errors.csv."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from reports.batch.model import ERROR
from reports.cli import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_TERMINATED
from reports.commands.census import add_census_option, apply_census_option
from reports.produce import FORMATS, kinds_of
from reports.texts import message


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(message("batch.command.bad_jobs", text=text))
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments (French help)."""
    parser.add_argument("csv", metavar="COMMUNES.csv", type=Path, nargs="?",
                        help=message("batch.help.csv"))
    parser.add_argument("--out", type=Path, metavar="DOSSIER", help=message("batch.help.out"))
    parser.add_argument("--modele", type=Path, metavar="FICHIER.csv",
                        help=message("batch.help.modele"))
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                        help=message("batch.help.jobs"))
    parser.add_argument("--format", choices=FORMATS, default="pdf",
                        help=message("batch.help.format"))
    parser.add_argument("--brand", metavar="NOM_OU_JSON", default=None,
                        help=message("batch.help.brand"))
    parser.add_argument("--quiet", action="store_true", help=message("batch.help.quiet"))
    add_census_option(parser)


def run(args: argparse.Namespace) -> int:
    from reports.batch import BatchOptions, default_jobs, run_batch
    from reports.batch.runner import pool_stuck
    from reports.brand import resolve_brand

    if args.modele:
        return _write_template(args.modele)
    if args.csv is None or args.out is None:
        print(message("batch.command.missing_arguments"), file=sys.stderr)
        return EXIT_INVALID
    apply_census_option(args)  # workers read the same file (reports.communes.CENSUS_ENV)

    # a BrandError (French, « Profil cabinet … » or « Logo … ») is printed by reports.cli
    brand = resolve_brand(args.brand, warn=lambda text: print(text, file=sys.stderr))
    options = BatchOptions(args.out, kinds_of(args.format), brand)
    bar = _ProgressBar(args.quiet)
    try:  # a BatchError (French; exit 3 when the output cannot be written) goes to reports.cli
        report = run_batch(args.csv, options, jobs=args.jobs or default_jobs(),
                           progress=bar.update, on_start=bar.start, signals=True)
    finally:
        bar.close()
    code = _conclude(report, args.quiet)
    if pool_stuck():  # the tables are written; do not let the interpreter wait at exit
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _write_template(path: Path) -> int:
    """Copy the shipped CSV template (UTF-8 with BOM, ``;``) to `path`; a WriteError (French,
    names the file, exit 3) goes to reports.cli."""
    from reports.files import write_atomic
    from reports.paths import read_bytes

    write_atomic(path, read_bytes("batch", "communes-modele.csv"))
    print(message("batch.command.template_written", path=path), file=sys.stderr)
    return EXIT_OK


class _ProgressBar:
    """A tqdm bar on stderr (count, rate, time left), or nothing with --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None

    def start(self, total: int) -> None:
        """Open the bar once the number of rows is known."""
        if self.quiet:
            return
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit=message("batch.command.progress_unit"),
                        desc=message("batch.command.progress_title"), file=sys.stderr,
                        dynamic_ncols=True, smoothing=0.1)

    def update(self, outcome, done: int, total: int) -> None:
        """One more row finished."""
        if self.bar is not None:
            self.bar.set_postfix_str(outcome.commune[:30], refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        """Close the bar (also on error or interruption)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _conclude(report, quiet: bool) -> int:
    """Print the French outcome on stderr and choose the exit code."""
    done, failed = len(report.done), len(report.failed)
    out = report.summary_path.parent if report.summary_path else None
    if report.interrupted:
        terminated = report.signal == getattr(signal, "SIGTERM", -1)
        why = message("batch.command.terminated" if terminated else "batch.command.interrupted")
        print(message("batch.command.stopped", why=why, done=done, total=report.total,
                      summary=report.summary_path, errors=report.errors_path), file=sys.stderr)
        return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
    from reports.batch.runner import ENCODING_FIELD

    header_errors = [i for i in report.issues if i.level == ERROR]
    for issue in header_errors:  # the file itself is wrong: say why, whatever --quiet says
        print(message("batch.command.header_error", line=issue.line, field=issue.field,
                      text=issue.text), file=sys.stderr)
    for issue in report.issues:  # accents read another way: say it, whatever --quiet says
        if issue.field == ENCODING_FIELD:
            print(message("batch.command.encoding", text=issue.text), file=sys.stderr)
    if failed or header_errors:
        print(message("batch.command.failed", done=done, failed=failed,
                      errors=report.errors_path), file=sys.stderr)
        return EXIT_INVALID
    if not quiet:
        print(message("batch.command.done", done=done, folder=out), file=sys.stderr)
    return EXIT_OK
