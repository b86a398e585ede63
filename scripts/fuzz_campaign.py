"""Fault-and-fuzz campaign of issue #15: hand-made attacks plus generated inputs.

    /work/venv/bin/python scripts/fuzz_campaign.py [--root CHECKOUT] [--generated 200]
        [--seed 15] [--json results.json] [--only NAME]

`--root` is the checkout to attack (default: this one), so the same campaign runs on an
older commit extracted with ``git archive`` (the "before" figures). Every hand-made attack
runs the command line in a subprocess (timeout, 2.5 GB address-space cap); generated
profiles, CSV rows and brand files run through `reports.cli.main` in-process (an alarm
stops a hang). Each run is classed:

- crash: exit code other than 0, 2, 3 (130/143 where a signal is the point), or a traceback;
- leak: English error words in a French message, invalid JSON from ``analyse``, a spreadsheet
  formula or a control character reaching a CSV cell or a file name, ``validate`` and
  ``analyse`` disagreeing, a refused input silently ignored;
- data lost: a file the run did not create removed, replaced or garbled (accents included);
- hang: the run went past its time limit or its memory cap.

Prints one table (attacks, crashes, leaks, data lost, hangs) and the failing cases.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
PY = sys.executable
MEMORY_CAP = int(2.5 * 1024**3)
FORMULA = ("=", "+", "-", "@", "\t", "\r")
# English an error message would leak (a French sentence has none of these words)
ENGLISH = re.compile(
    r"Traceback|Errno|\b[A-Z][a-zA-Z]+Error\b|Permission denied|No such file|File exists|"
    r"Expecting|Unterminated|Invalid control|Extra data|field larger|field limit|"
    r"\bnot a\b|\bcannot\b|\binvalid\b|\bIs a directory\b|\bunexpected\b|\bexceeds\b|"
    r"\bline \d+ column\b|surrogates not allowed|codec can't"
)


@dataclass
class Verdict:
    name: str
    crash: bool = False
    leak: bool = False
    lost: bool = False
    hang: bool = False
    notes: list[str] = field(default_factory=list)

    def flag(self, kind: str, note: str) -> None:
        setattr(self, kind, True)
        self.notes.append(f"{kind}: {note}")

    @property
    def clean(self) -> bool:
        return not (self.crash or self.leak or self.lost or self.hang)


@dataclass
class Run:
    code: int | None  # None: killed on timeout
    out: bytes
    err: str
    seconds: float
    peak_kb: int = 0


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    os.setsid()


class Context:
    def __init__(self, root: Path, work: Path) -> None:
        self.root, self.work = root, work
        self.example = root / "resources" / "examples" / "prades.tierslieu.json"
        self.count = 0

    def folder(self, name: str) -> Path:
        self.count += 1
        path = self.work / f"{self.count:03d}-{re.sub(r'[^a-z0-9]+', '-', name.lower())[:40]}"
        path.mkdir(parents=True)
        return path

    def env(self, config: Path | None = None) -> dict[str, str]:
        env = dict(os.environ, PYTHONPATH=str(self.root), QT_QPA_PLATFORM="offscreen")
        env["TIERSLIEU_CONFIG_DIR"] = str(config or self.work / "no-config")
        return env

    def cli(self, *args: str, timeout: float = 60, stdout: int | io.IOBase | None = None,
            config: Path | None = None, signal_after: tuple[float, int] | None = None) -> Run:
        """Run ``python -m reports ARGS`` in a subprocess; kill it (hang) past `timeout`."""
        start = time.perf_counter()
        proc = subprocess.Popen([PY, "-m", "reports", *args], cwd=self.root,
                                env=self.env(config), stdin=subprocess.DEVNULL,
                                stdout=stdout if stdout is not None else subprocess.PIPE,
                                stderr=subprocess.PIPE, preexec_fn=_limit)
        if signal_after:
            try:
                proc.wait(timeout=signal_after[0])
            except subprocess.TimeoutExpired:
                proc.send_signal(signal_after[1])
        try:
            out, err = proc.communicate(timeout=timeout)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            code = None
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return Run(code, out or b"", err.decode("utf-8", "replace"),
                   time.perf_counter() - start, peak)


def judge(v: Verdict, run: Run, ok_codes: tuple[int, ...] = (0, 2, 3)) -> None:
    """The common checks: exit code, traceback, English words, time."""
    if run.code is None:
        v.flag("hang", f"killed after {run.seconds:.0f} s")
        return
    if run.code not in ok_codes:
        v.flag("crash", f"exit {run.code}: {run.err.strip()[-200:]}")
    elif "Traceback" in run.err:
        v.flag("crash", "traceback on stderr")
    found = ENGLISH.search(run.err)
    if found:
        v.flag("leak", f"English in message: {found.group(0)!r} in {run.err.strip()[-160:]!r}")
    if "MemoryError" in run.err:
        v.flag("hang", "memory cap reached")


# --- helpers to build inputs ---------------------------------------------------------------


def profile_dict(ctx: Context) -> dict:
    return json.loads(ctx.example.read_text(encoding="utf-8"))


def write_json(path: Path, data: object, **kwargs) -> Path:
    path.write_text(json.dumps(data, **kwargs), encoding="utf-8")
    return path


def csv_file(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8-sig") -> Path:
    columns = ["commune.name", "commune.insee_code", "population.total", "carrier.type",
               "services"]
    extra = sorted({k for r in rows for k in r} - set(columns))
    with path.open("w", encoding=encoding, newline="", errors="surrogateescape") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(columns + extra)
        for row in rows:
            writer.writerow([row.get(c, "") for c in columns + extra])
    return path


def good_row(name: str = "Prades", code: str = "66149") -> dict[str, str]:
    return {"commune.name": name, "commune.insee_code": code, "population.total": "5835",
            "carrier.type": "association", "services": "open_space"}


def read_table(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    text = path.read_bytes().decode("utf-8-sig", "replace")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def check_tables(v: Verdict, out: Path) -> None:
    """No formula in a CSV cell the tool wrote; no control character in a file name."""
    for name in ("summary.csv", "errors.csv", "scan.csv"):
        for row in read_table(out / name):
            for cell in row:
                if cell.startswith(FORMULA) and not _is_number(cell):
                    v.flag("leak", f"formula cell in {name}: {cell[:40]!r}")
                    return
    for path in out.iterdir() if out.is_dir() else ():
        if path.name.startswith(("=", "+", "@")) or re.search(
                r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", path.name):
            v.flag("leak", f"unsafe file name {path.name!r}")
            return


def _is_number(cell: str) -> bool:
    return re.fullmatch(r"-\d+(,\d+)?", cell) is not None


def sentinels(folder: Path) -> dict[Path, bytes]:
    """Files of the user's own the run must not touch."""
    made = {folder / "~tierslieu-mes-notes.txt": b"a user's own file\n",
            folder / "notes-utilisateur.txt": b"keep me\n"}
    for path, data in made.items():
        path.write_bytes(data)
    return made


def check_sentinels(v: Verdict, made: dict[Path, bytes]) -> None:
    for path, data in made.items():
        if not path.is_file() or path.read_bytes() != data:
            v.flag("lost", f"{path.name} removed or changed")


# --- hand-made attacks ---------------------------------------------------------------------

Attack = Callable[[Context, Verdict], None]
ATTACKS: list[tuple[str, Attack]] = []


def attack(name: str) -> Callable[[Attack], Attack]:
    def register(func: Attack) -> Attack:
        ATTACKS.append((name, func))
        return func
    return register


FORMULA_NAMES = ["=HYPERLINK(\"http://x\",\"clic\")", "+cmd|' /C calc'!A0", "-1+1",
                 "@SUM(1+1)*cmd", "\tTab", "\rRetour"]


@attack("formula commune names in summary.csv / errors.csv / file names")
def _formula(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("formula")
    rows = [good_row(n, "66149") for n in FORMULA_NAMES[:3]]
    rows += [dict(good_row(n, ""), **{"population.total": "beaucoup"}) for n in FORMULA_NAMES]
    rows[0]["=evil()"] = "=1+1"
    made = sentinels(folder / "out") if (folder / "out").mkdir() is None else {}
    run = ctx.cli("batch", str(csv_file(folder / "c.csv", rows)), "--out", str(folder / "out"),
                  "--jobs", "1", "--quiet", timeout=120)
    judge(v, run)
    check_tables(v, folder / "out")
    check_sentinels(v, made)


@attack("sweep keeps a user's ~tierslieu-* file")
def _sweep_user(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("sweep")
    (folder / "out").mkdir()
    made = sentinels(folder / "out")
    run = ctx.cli("batch", str(csv_file(folder / "c.csv", [good_row()])), "--out",
                  str(folder / "out"), "--quiet", timeout=120)
    judge(v, run)
    check_sentinels(v, made)


@attack("sweep keeps a listed note whose commune starts with ~tierslieu-")
def _sweep_listed(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("sweep-listed")
    run = ctx.cli("batch", str(csv_file(folder / "c.csv", [good_row("~tierslieu-Prades")])),
                  "--out", str(folder / "out"), "--jobs", "1", "--quiet", timeout=120)
    judge(v, run)
    listed = [c for row in read_table(folder / "out" / "summary.csv")[1:] for c in row
              if c.endswith(".pdf")]
    for name in listed:
        for part in name.split(", "):
            if not (folder / "out" / part).is_file():
                v.flag("lost", f"note {part} listed in summary.csv but removed")
    if run.code == 0 and not listed:
        v.flag("lost", "note not listed")


def _brand_with_logo(ctx: Context, logo: str, name: str) -> Path:
    config = ctx.folder(name)
    (config / "brands").mkdir()
    write_json(config / "brands" / "cab.json", {"name": "Cab", "logo_path": logo})
    return config


@attack("logo = /dev/zero")
def _logo_zero(ctx: Context, v: Verdict) -> None:
    config = ctx.folder("logo-zero")
    zero = config / "zero.png"
    zero.symlink_to("/dev/zero")
    run = ctx.cli("example", "-o", str(config / "n.pdf"), "--logo", str(zero), timeout=30)
    judge(v, run)
    if run.code == 0:
        v.flag("leak", "refused logo silently dropped (exit 0)")
    brand = _brand_with_logo(ctx, str(zero), "logo-zero-brand")
    run = ctx.cli("example", "-o", str(brand / "n.pdf"), "--brand", "Cab", timeout=30,
                  config=brand)
    judge(v, run)
    if run.code == 0:
        v.flag("leak", "brand with /dev/zero logo accepted")


@attack("logo = FIFO")
def _logo_fifo(ctx: Context, v: Verdict) -> None:
    config = ctx.folder("logo-fifo")
    fifo = config / "logo.png"
    os.mkfifo(fifo)
    brand = _brand_with_logo(ctx, str(fifo), "logo-fifo-brand")
    run = ctx.cli("example", "-o", str(brand / "n.pdf"), "--brand", "Cab", timeout=20,
                  config=brand)
    judge(v, run)
    run = ctx.cli("example", "-o", str(config / "n.pdf"), "--logo", str(fifo), timeout=20)
    judge(v, run)
    if run.code == 0:
        v.flag("leak", "FIFO logo accepted")


@attack("logo 12 000 x 12 000 pixels")
def _logo_huge(ctx: Context, v: Verdict) -> None:
    from PIL import Image

    config = ctx.folder("logo-huge")
    logo = config / "huge.png"
    Image.new("L", (12000, 12000), 255).save(logo, optimize=True)
    run = ctx.cli("example", "-o", str(config / "n.pdf"), "--logo", str(logo), timeout=90)
    judge(v, run)
    size = (config / "n.pdf").stat().st_size if (config / "n.pdf").exists() else 0
    if run.code == 0 and size > 3_000_000:
        v.flag("hang", f"logo embedded at full resolution ({size // 1024} kB PDF)")


@attack("one bad brand file (non-UTF-8) among good ones")
def _bad_brand_bytes(ctx: Context, v: Verdict) -> None:
    config = ctx.folder("bad-brand")
    (config / "brands").mkdir()
    write_json(config / "brands" / "good.json", {"name": "Bon"})
    (config / "brands" / "bad.json").write_bytes(b'{"name": "Mauvais \xff\xfe"}')
    run = ctx.cli("example", "-o", str(config / "n.pdf"), "--brand", "Bon", config=config,
                  timeout=60)
    judge(v, run)
    if run.code != 0:
        v.flag("crash", f"good brand unusable next to a bad file (exit {run.code})")
    elif "bad.json" not in run.err:
        v.flag("leak", "bad brand file skipped silently (no warning naming it)")


@attack("one deeply nested brand file among good ones")
def _bad_brand_deep(ctx: Context, v: Verdict) -> None:
    config = ctx.folder("deep-brand")
    (config / "brands").mkdir()
    write_json(config / "brands" / "good.json", {"name": "Bon"})
    (config / "brands" / "deep.json").write_text('{"name": ' + "[" * 100000 + "]" * 100000
                                                 + "}")
    folder = ctx.folder("deep-brand-batch")
    run = ctx.cli("batch", str(csv_file(folder / "c.csv", [good_row()])), "--out",
                  str(folder / "out"), "--brand", "Bon", "--quiet", config=config, timeout=120)
    judge(v, run)
    if run.code != 0:
        v.flag("crash", f"good brand unusable next to a deep file (exit {run.code})")


def _profile_case(ctx: Context, v: Verdict, name: str, mutate: Callable[[dict], str]) -> None:
    folder = ctx.folder(name)
    data = profile_dict(ctx)
    text = mutate(data)
    path = folder / "p.tierslieu.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    runs = {cmd: ctx.cli(cmd, str(path), timeout=60) for cmd in ("validate", "analyse")}
    for run in runs.values():
        judge(v, run)
    analyse = runs["analyse"]
    if analyse.out:
        try:
            json.loads(analyse.out.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            v.flag("leak", f"analyse printed invalid JSON ({exc.__class__.__name__})")
        if analyse.code != 0:
            v.flag("leak", f"analyse printed {len(analyse.out)} bytes then exit {analyse.code}")
    if (runs["validate"].code == 0) != (analyse.code == 0):
        v.flag("leak", f"validate exit {runs['validate'].code} but analyse exit {analyse.code}")


@attack("integer of 5 000 digits")
def _huge_int(ctx: Context, v: Verdict) -> None:
    def mutate(d: dict) -> str:
        return json.dumps(d).replace('"total": 5835', '"total": ' + "9" * 5000)
    _profile_case(ctx, v, "huge-int", mutate)


@attack("integer of 5 000 digits in an unknown field")
def _huge_int_extra(ctx: Context, v: Verdict) -> None:
    def mutate(d: dict) -> str:
        return json.dumps(d)[:-1] + ', "x": ' + "9" * 5000 + "}"
    _profile_case(ctx, v, "huge-int-extra", mutate)


@attack("unknown field nested 500 levels")
def _deep(ctx: Context, v: Verdict) -> None:
    def mutate(d: dict) -> str:
        return json.dumps(d)[:-1] + ', "x": ' + "[" * 500 + "]" * 500 + "}"
    _profile_case(ctx, v, "deep", mutate)


@attack("unknown field nested 100 000 levels")
def _very_deep(ctx: Context, v: Verdict) -> None:
    def mutate(d: dict) -> str:
        return json.dumps(d)[:-1] + ', "x": ' + "{\"a\":" * 100000 + "1" + "}" * 100000 + "}"
    _profile_case(ctx, v, "very-deep", mutate)


@attack("lone surrogate \\ud800 in a name")
def _surrogate(ctx: Context, v: Verdict) -> None:
    def mutate(d: dict) -> str:
        d["commune"]["name"] = "Prades\ud800"
        return json.dumps(d)
    _profile_case(ctx, v, "surrogate-d800", mutate)


@attack("lone surrogate \\udcff in an unknown field")
def _surrogate_dcff(ctx: Context, v: Verdict) -> None:
    def mutate(d: dict) -> str:
        d["x"] = "a\udcffb"
        return json.dumps(d)
    _profile_case(ctx, v, "surrogate-dcff", mutate)


@attack("NaN / Infinity in unknown fields")
def _nan(ctx: Context, v: Verdict) -> None:
    def mutate(d: dict) -> str:
        d["x"] = float("nan")
        d["commune"]["y"] = float("inf")
        return json.dumps(d)
    _profile_case(ctx, v, "nan", mutate)


@attack("JSON syntax error")
def _syntax(ctx: Context, v: Verdict) -> None:
    _profile_case(ctx, v, "syntax", lambda d: json.dumps(d)[:-30])


@attack("analyse > /dev/full")
def _dev_full(ctx: Context, v: Verdict) -> None:
    with open("/dev/full", "wb") as full:
        run = ctx.cli("analyse", str(ctx.example), stdout=full, timeout=60)
    judge(v, run)
    if run.code != 3:
        v.flag("crash", f"exit {run.code} instead of 3")


@attack("note -o a link to /dev/full")
def _note_dev_full(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("dev-full-target")
    target = folder / "n.pdf"
    target.symlink_to("/dev/full")
    run = ctx.cli("example", "-o", str(target), timeout=60)
    judge(v, run)
    if run.code != 3:
        v.flag("crash", f"exit {run.code} instead of 3")
    if not target.is_symlink():
        v.flag("lost", "the link to /dev/full was replaced")


@attack("note -o FIFO (non-regular target)")
def _note_fifo_target(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("fifo-target")
    target = folder / "n.pdf"
    os.mkfifo(target)
    run = ctx.cli("example", "-o", str(target), timeout=60)
    judge(v, run)
    if not stat.S_ISFIFO(os.stat(target).st_mode):
        v.flag("lost", "a FIFO at the target path was replaced")
    if run.code != 3:
        v.flag("crash", f"exit {run.code} instead of 3")


@attack("note -o read-only existing note")
def _note_readonly(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("ro-target")
    target = folder / "n.pdf"
    target.write_bytes(b"%PDF-1.4 mine")
    target.chmod(0o444)
    run = ctx.cli("example", "-o", str(target), timeout=60)
    judge(v, run)
    if target.read_bytes() != b"%PDF-1.4 mine":
        v.flag("lost", "read-only note replaced")
    if run.code != 3:
        v.flag("crash", f"exit {run.code} instead of 3")


@attack("file name over 255 characters")
def _long_name(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("long-name")
    for args in (("example", "-o", str(folder / ("n" * 300 + ".pdf"))),
                 ("batch", str(csv_file(folder / "c.csv", [good_row()])), "--out",
                  str(folder / ("d" * 300)), "--quiet")):
        run = ctx.cli(*args, timeout=120)
        judge(v, run)
        if run.code != 3:
            v.flag("crash", f"{args[0]}: exit {run.code} instead of 3")


@attack("path over 4 096 characters")
def _long_path(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("long-path")
    deep = "/".join(["d" * 200] * 22)
    for args in (("example", "-o", str(folder / deep / "n.pdf")),
                 ("batch", str(csv_file(folder / "c.csv", [good_row()])), "--out",
                  str(folder / deep), "--quiet")):
        run = ctx.cli(*args, timeout=120)
        judge(v, run)
        if run.code != 3:
            v.flag("crash", f"{args[0]}: exit {run.code} instead of 3")


@attack("batch --out is an existing file")
def _out_is_file(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("out-file")
    (folder / "out").write_bytes(b"mine")
    run = ctx.cli("batch", str(csv_file(folder / "c.csv", [good_row()])), "--out",
                  str(folder / "out"), "--quiet", timeout=60)
    judge(v, run)
    if (folder / "out").read_bytes() != b"mine":
        v.flag("lost", "file at --out replaced")


@attack("CSV cell over the csv module's field limit")
def _csv_field_limit(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("field-limit")
    row = good_row()
    row["notes"] = "x" * 200_000
    run = ctx.cli("batch", str(csv_file(folder / "c.csv", [row])), "--out",
                  str(folder / "out"), "--jobs", "1", "--quiet", timeout=120)
    judge(v, run)


def _special_input(ctx: Context, v: Verdict, kind: str, make: Callable[[Path], None]) -> None:
    folder = ctx.folder(f"special-{kind}")
    target = folder / f"in.{kind}"
    make(target)
    args = (("validate", str(target)), ("analyse", str(target))) if kind == "json" else (
        ("batch", str(target), "--out", str(folder / "out"), "--quiet"),)
    for arg in args:
        run = ctx.cli(*arg, timeout=20)
        judge(v, run)
        if run.code == 0:
            v.flag("leak", f"{arg[0]} accepted a special file")


for _kind in ("json", "csv"):
    attack(f"FIFO as {_kind} input")(
        lambda ctx, v, k=_kind: _special_input(ctx, v, k, os.mkfifo))
    attack(f"/dev/zero as {_kind} input")(
        lambda ctx, v, k=_kind: _special_input(ctx, v, k, lambda p: p.symlink_to("/dev/zero")))


@attack("CSV with one bad byte among accents")
def _csv_bad_byte(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("bad-byte")
    path = csv_file(folder / "c.csv", [good_row("Prades-Éole", "66149"),
                                        good_row("Gruissan", "11170")], encoding="utf-8")
    path.write_bytes(path.read_bytes().replace(b"Gruissan", b"Gruissan\x9d"))
    run = ctx.cli("batch", str(path), "--out", str(folder / "out"), "--jobs", "1", "--quiet",
                  timeout=120)
    judge(v, run)
    text = " ".join(" ".join(r) for r in read_table(folder / "out" / "summary.csv"))
    names = " ".join(p.name for p in (folder / "out").iterdir()) if (
        folder / "out").is_dir() else ""
    if "Ã" in text or "Ã" in names:
        v.flag("lost", "accents garbled by a single bad byte")
    if "ligne" not in run.err and "Ã" not in text:
        v.flag("leak", "bad byte not reported")


@attack("control characters and RTL override in commune names")
def _control(ctx: Context, v: Verdict) -> None:
    folder = ctx.folder("control")
    rows = [good_row("Pra\u202edes", "66149"), good_row("Li\x1bmoux\x07", "11206"),
            good_row("\u2066Bram\u2069", "11049")]
    run = ctx.cli("batch", str(csv_file(folder / "c.csv", rows)), "--out", str(folder / "out"),
                  "--jobs", "1", "--quiet", timeout=180)
    judge(v, run)
    check_tables(v, folder / "out")


def _big_csv(path: Path, rows: int) -> Path:
    return csv_file(path, [good_row("Prades", "66149") for _ in range(rows)])


def _signal_batch(ctx: Context, v: Verdict, sig: int, expected: int, rows: int) -> None:
    folder = ctx.folder(f"signal-{sig}-{rows}")
    (folder / "out").mkdir()
    made = sentinels(folder / "out")
    start = time.perf_counter()
    run = ctx.cli("batch", str(_big_csv(folder / "c.csv", rows)), "--out", str(folder / "out"),
                  "--jobs", "2", "--quiet", timeout=60, signal_after=(8, sig))
    judge(v, run, ok_codes=(expected,))
    if run.code is not None and run.seconds - 8 > 15:
        v.flag("hang", f"stopped {run.seconds - 8:.0f} s after the signal")
    left = subprocess.run(["pgrep", "-f", str(folder)], capture_output=True, text=True).stdout
    if left.strip():
        v.flag("hang", f"worker processes left: {left.split()}")
        for pid in left.split():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(pid), signal.SIGKILL)
    check_sentinels(v, made)
    summary = folder / "out" / "summary.csv"
    if not summary.is_file() or not (folder / "out" / "errors.csv").is_file():
        v.flag("lost", "summary.csv or errors.csv missing after the stop")
    listed = {p for row in read_table(summary)[1:] for c in row if c.endswith(".pdf")
              for p in c.split(", ")}
    on_disk = {p.name for p in (folder / "out").glob("*.pdf")}
    stray = on_disk - listed
    if stray:
        v.flag("lost", f"{len(stray)} note(s) on disk not listed in summary.csv")
    temps = [p.name for p in (folder / "out").iterdir() if p.name.endswith(".tmp")
             or (p.name.startswith("~tierslieu-") and p not in made)]
    if temps:
        v.flag("lost", f"temporary files left: {temps[:3]}")
    del start


attack("Ctrl-C in a 3 000-row batch")(
    lambda ctx, v: _signal_batch(ctx, v, signal.SIGINT, 130, 3000))
attack("SIGTERM in a 3 000-row batch")(
    lambda ctx, v: _signal_batch(ctx, v, signal.SIGTERM, 143, 3000))
attack("Ctrl-C in a 30 000-row batch")(
    lambda ctx, v: _signal_batch(ctx, v, signal.SIGINT, 130, 30000))


# --- generated inputs, in-process ----------------------------------------------------------


class Hang(BaseException):
    pass


def _alarm(*_args) -> None:
    raise Hang


def in_process(root: Path, argv: list[str], seconds: int = 30) -> Run:
    """`reports.cli.main(argv)` with stdout/stderr captured and an alarm against hangs."""
    from reports.cli import main

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code: int | None = main(argv)
    except Hang:
        code = None
    except BaseException as exc:
        code = 99
        err.write(f"escaped main: {exc.__class__.__name__}: {exc}")
    finally:
        signal.alarm(0)
    try:
        raw = out.getvalue().encode("utf-8")
    except UnicodeEncodeError:
        raw = b"\xff invalid"
    return Run(code, raw, err.getvalue(), time.perf_counter() - start)


HOSTILE_VALUES = [
    None, True, -1, 0, 10**30, -(10**30), 1e308, -1e308, 1.5, "", " ", "abc", "=1+1",
    "-5", "1 000,5", "\u202e", "\x00", "\ud800", "é" * 300, [], {}, [1, [2, [3]]], {"a": None},
    "9" * 50, "NaN", "Infinity", "1e400", "0x10", "２", "١٢", "50 %",
]


def _leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    yield path


def _set(data, path, value):
    if not path:
        return value
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def generated_profile(rng: random.Random, ctx: Context) -> str:
    data = profile_dict(ctx)
    for _ in range(rng.randint(1, 4)):
        paths = list(_leaves(data))
        path = rng.choice(paths)
        choice = rng.random()
        if choice < 0.6:
            value = rng.choice(HOSTILE_VALUES)
        elif choice < 0.7:
            value = float(rng.choice(["nan", "inf", "-inf"]))
        elif choice < 0.8:
            value = {"raw": "9" * rng.randint(4000, 6000)}
        elif choice < 0.9:
            depth = rng.randint(100, 3000)
            value = json.loads("[" * depth + "]" * depth) if depth < 900 else {"deep": depth}
        else:
            value = "".join(chr(rng.randint(1, 0x10FFFF)) for _ in range(20))
        if isinstance(value, dict) and "raw" in value:
            return json.dumps(data)[:-1] + ', "z": ' + value["raw"] + "}"
        if isinstance(value, dict) and "deep" in value:
            text = json.dumps(data)
            depth = value["deep"]
            return text[:-1] + ', "z": ' + "[" * depth + "]" * depth + "}"
        data = _set(data, path, value) if path else data
        if rng.random() < 0.3:
            data[rng.choice(["x", "=y", "\u202ez"])] = value
    return json.dumps(data)


def run_generated_profiles(ctx: Context, rng: random.Random, count: int) -> list[Verdict]:
    verdicts = []
    folder = ctx.folder("gen-profiles")
    for i in range(count):
        v = Verdict(f"generated profile {i}")
        path = folder / f"p{i}.tierslieu.json"
        path.write_text(generated_profile(rng, ctx), encoding="utf-8", errors="surrogatepass")
        runs = {cmd: in_process(ctx.root, [cmd, str(path)]) for cmd in ("validate", "analyse")}
        for run in runs.values():
            judge(v, run)
        analyse = runs["analyse"]
        if analyse.out:
            try:
                json.loads(analyse.out.decode("utf-8"))
            except ValueError as exc:
                v.flag("leak", f"invalid JSON ({exc.__class__.__name__})")
            if analyse.code != 0:
                v.flag("leak", "output then failure")
        if (runs["validate"].code == 0) != (analyse.code == 0):
            v.flag("leak", f"validate {runs['validate'].code} / analyse {analyse.code}")
        verdicts.append(v)
    return verdicts


CELL_VALUES = ["", "=1+1", "+33 6", "-2", "@x", "\tTab", "1 000,5", "beaucoup", "oui",
               "Sainte-Marie", "\u202eevil", "a\x1bb", "é" * 100, "x" * 300, "66149", "2A004",
               "-1e9", "NaN", "0,5", "50 %", "open_space|fablab", "'", '"', ";", "\r\n"]


def run_generated_csv(ctx: Context, rng: random.Random, count: int) -> list[Verdict]:
    verdicts = []
    columns = ["commune.name", "commune.insee_code", "population.total",
               "budget.investment_eur", "budget.subsidy_rate", "services", "carrier.type"]
    for i in range(count):
        v = Verdict(f"generated CSV {i}")
        folder = ctx.folder(f"gen-csv-{i}")
        rows = []
        for _ in range(rng.randint(1, 3)):
            row = good_row(rng.choice(["Prades", "Bram", "Limoux", rng.choice(CELL_VALUES)]),
                           rng.choice(["66149", "11049", "", rng.choice(CELL_VALUES)]))
            for col in rng.sample(columns, rng.randint(1, 3)):
                row[col] = rng.choice(CELL_VALUES)
            if rng.random() < 0.2:
                row[rng.choice(["=evil()", "+x", "inconnu"])] = rng.choice(CELL_VALUES)
            rows.append(row)
        path = csv_file(folder / "c.csv", rows)
        if rng.random() < 0.2:
            data = bytearray(path.read_bytes())
            data.insert(rng.randrange(3, len(data)), rng.choice([0x9D, 0xFF, 0x00, 0xC3]))
            path.write_bytes(bytes(data))
        (folder / "out").mkdir()
        made = sentinels(folder / "out")
        run = in_process(ctx.root, ["batch", str(path), "--out", str(folder / "out"),
                                    "--jobs", "1", "--quiet"], seconds=120)
        judge(v, run)
        check_tables(v, folder / "out")
        check_sentinels(v, made)
        verdicts.append(v)
    return verdicts


def run_generated_brands(ctx: Context, rng: random.Random, count: int) -> list[Verdict]:
    verdicts = []
    samples = [b'{"name": "X\xff"}', b"\xef\xbb\xbf{}", b"[]", b'{"name": 1}',
               b'{"name": "Y", "logo_path": "/dev/zero"}', b'{"name": "Z", "main_color": "red"}',
               b"{" * 5000, b'{"name": "' + b"a" * 100000 + b'"}', b"", b"null",
               b'{"name": "W", "logo_path": "nope.png"}', b'{"name": "\\ud800"}',
               b'{"name": "N", "x": NaN}', b'{"name": ' + b"9" * 5000 + b"}"]
    for i in range(count):
        v = Verdict(f"generated brand {i}")
        config = ctx.folder(f"gen-brand-{i}")
        (config / "brands").mkdir()
        write_json(config / "brands" / "good.json", {"name": "Bon"})
        bad = rng.choice(samples)
        if rng.random() < 0.3:
            bad = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        (config / "brands" / "bad.json").write_bytes(bad)
        os.environ["TIERSLIEU_CONFIG_DIR"] = str(config)
        try:
            run = in_process(ctx.root, ["batch", str(ctx.root / "nothing.csv"), "--out",
                                        str(config / "out"), "--brand", "Bon", "--quiet"])
            judge(v, run)
            if "Profil cabinet" in run.err and "Bon" in run.err:
                v.flag("crash", "good brand refused because of another file")
        finally:
            os.environ.pop("TIERSLIEU_CONFIG_DIR", None)
        verdicts.append(v)
    return verdicts


# --- main ----------------------------------------------------------------------------------


def table(rows: list[tuple[str, list[Verdict]]]) -> str:
    lines = ["| group | attacks | crashes / exit 1 | leaks | data lost | hangs |",
             "|---|---|---|---|---|---|"]
    total = [0, 0, 0, 0, 0]
    for group, verdicts in rows:
        counts = [len(verdicts), sum(v.crash for v in verdicts), sum(v.leak for v in verdicts),
                  sum(v.lost for v in verdicts), sum(v.hang for v in verdicts)]
        total = [a + b for a, b in zip(total, counts, strict=True)]
        lines.append(f"| {group} | " + " | ".join(map(str, counts)) + " |")
    lines.append("| **total** | " + " | ".join(map(str, total)) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HERE)
    parser.add_argument("--generated", type=int, default=200,
                        help="generated profiles (CSV and brand files: a fifth each)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--only", default="", help="run only the attacks whose name has this")
    parser.add_argument("--no-hand", action="store_true")
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path.insert(0, str(root))
    os.chdir(root)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="fuzz-campaign-"))
    ctx = Context(root, work)
    hand: list[Verdict] = []
    start = time.perf_counter()
    try:
        for name, func in [] if args.no_hand else ATTACKS:
            if args.only and args.only not in name:
                continue
            v = Verdict(name)
            t0 = time.perf_counter()
            try:
                func(ctx, v)
            except Exception as exc:
                v.flag("crash", f"attack itself failed: {exc!r}")
            hand.append(v)
            print(f"{'ok  ' if v.clean else 'FAIL'} {name} ({time.perf_counter() - t0:.0f} s)"
                  + "".join(f"\n       {n[:220]}" for n in v.notes), flush=True)
        groups = [("hand-made attacks", hand)]
        if args.generated and not args.only:
            count = args.generated
            groups.append(("generated profiles", run_generated_profiles(ctx, rng, count)))
            groups.append(("generated CSV", run_generated_csv(ctx, rng, max(1, count // 5))))
            groups.append(("generated brand files",
                           run_generated_brands(ctx, rng, max(1, count // 5))))
            for _, verdicts in groups[1:]:
                for v in verdicts:
                    if not v.clean:
                        print(f"FAIL {v.name}: " + "; ".join(n[:160] for n in v.notes))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(groups if hand or args.generated else [("none", [])]))
    print(f"\ncampaign time: {time.perf_counter() - start:.0f} s; root {root}")
    if args.json:
        args.json.write_text(json.dumps({g: [v.__dict__ for v in vs] for g, vs in groups},
                                        indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
