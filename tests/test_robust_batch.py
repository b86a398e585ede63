"""Issue #15: the batch streams, stops on Ctrl-C / SIGTERM within seconds, and removes only
what its own run left."""

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch_runner import fake_task

from reports.batch import BatchOptions, run_batch, runner
from reports.batch.csvread import read_csv
from reports.files import TEMP_PREFIX

ROOT = Path(__file__).resolve().parents[1]
HEADER = "commune.name;commune.insee_code;population.total\n"


def _table(path):
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_a_users_tierslieu_file_and_a_listed_note_survive_the_sweep(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{TEMP_PREFIX}mes-notes.txt").write_text("à moi", encoding="utf-8")
    source = tmp_path / "c.csv"
    source.write_text(HEADER + f"{TEMP_PREFIX}Prades;66149;100\nMurat;15138;100\n",
                      encoding="utf-8")
    report = run_batch(source, BatchOptions(out), jobs=1, task=fake_task, lookup=None)
    assert len(report.done) == 2
    assert (out / f"{TEMP_PREFIX}mes-notes.txt").read_text(encoding="utf-8") == "à moi"
    listed = [row[-1] for row in _table(out / "summary.csv")[1:]]
    assert f"{TEMP_PREFIX}Prades.pdf" in listed and (out / f"{TEMP_PREFIX}Prades.pdf").exists()


def test_rows_stream_to_the_pool_through_a_bounded_window(tmp_path, monkeypatch):
    rows = "".join(f"Commune {i};{10000 + i};100\n" for i in range(60))
    source = tmp_path / "c.csv"
    source.write_text(HEADER + rows, encoding="utf-8")
    pulled, seen = [0], []
    real = runner.JobPlan.jobs

    def counting(self):
        for job in real(self):
            pulled[0] += 1
            yield job

    monkeypatch.setattr(runner.JobPlan, "jobs", counting)
    report = run_batch(source, BatchOptions(tmp_path / "out"), jobs=2, task=fake_task,
                       lookup=None, progress=lambda o, done, total: seen.append((done,
                                                                                pulled[0])))
    assert len(report.done) == 60
    window = 2 * runner.WINDOW_PER_WORKER
    # when the first row comes back, at most one window of jobs has been built
    assert seen[0][1] <= window + 1
    assert [done for done, _ in seen] == list(range(1, 61))


def test_a_bad_byte_does_not_garble_the_whole_file(tmp_path):
    source = tmp_path / "c.csv"
    source.write_bytes(("commune.name;population.total\nSaint-Étienne;100\n"
                        "Gruissan\x9d;200\nBéziers;300\n").encode().replace(b"\xc2\x9d",
                                                                                    b"\x9d"))
    table = read_csv(source)
    names = [row["commune.name"] for _, row in table.rows]
    assert names[0] == "Saint-Étienne" and names[2] == "Béziers"
    assert table.warnings and table.warnings[0][0] == 3 and "Ligne 3" in table.warnings[0][1]


def test_the_command_line_says_the_line_read_otherwise(tmp_path, capsys):
    from reports.cli import main

    source = tmp_path / "c.csv"  # rows that fail on reading: no note is made
    source.write_bytes(b"commune.name;population.total\nSaint-\xc3\x89tienne;beaucoup\n"
                       b"Gruissan\x9d;beaucoup\n")
    main(["batch", str(source), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"])
    assert "Ligne 3 du fichier" in capsys.readouterr().err


def test_a_whole_windows_1252_file_is_still_read_without_warning(tmp_path):
    source = tmp_path / "c.csv"
    source.write_bytes("commune.name;population.total\nBéziers;100\nŒuvre;2\n".encode("cp1252"))
    table = read_csv(source)
    assert [row["commune.name"] for _, row in table.rows] == ["Béziers", "Œuvre"]
    assert not table.warnings and table.encoding == "cp1252"


def test_a_long_cell_is_not_a_csv_error(tmp_path):
    source = tmp_path / "c.csv"
    source.write_text(HEADER.strip() + ";notes\nPrades;66149;100;" + "x" * 200_000 + "\n",
                      encoding="utf-8")
    table = read_csv(source)
    assert len(table.rows[0][1]["notes"]) == 200_000


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_special_file_as_csv_is_refused_at_once(tmp_path, kind):
    from reports.batch.csvread import CsvReadError

    source = tmp_path / "c.csv"
    if kind == "fifo":
        os.mkfifo(source)
    else:
        source.symlink_to("/dev/zero")
    with pytest.raises(CsvReadError, match="fichier ordinaire"):
        read_csv(source)


def test_an_existing_file_as_out_folder_is_french_and_exit_3(tmp_path, capsys):
    from reports.cli import main

    (tmp_path / "out").write_text("à moi", encoding="utf-8")
    source = tmp_path / "c.csv"
    source.write_text(HEADER + "Prades;66149;100\n", encoding="utf-8")
    assert main(["batch", str(source), "--out", str(tmp_path / "out"), "--quiet"]) == 3
    err = capsys.readouterr().err
    assert "est un fichier, pas un dossier" in err and "exists" not in err
    assert (tmp_path / "out").read_text(encoding="utf-8") == "à moi"


def _children(pid):
    try:
        found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    except FileNotFoundError:
        return set()
    return {int(p) for p in found.stdout.split()}


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state


def test_a_large_batch_stops_on_sigterm(tmp_path):
    """Real notes, two worker processes, 4 000 rows; SIGTERM comes once notes are being
    written (Ctrl-C: tests/test_batch_cli.py). Bounded: the run is killed (and the test
    fails) past 60 s after the signal."""
    sig, code = signal.SIGTERM, 143
    source = tmp_path / "c.csv"
    source.write_text(HEADER + "Prades;66149;5835\n" * 4000, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{TEMP_PREFIX}mes-notes.txt").write_text("à moi", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "reports", "batch", str(source), "--out",
                             str(out), "--jobs", "2", "--quiet"], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob("*.pdf")):
        workers |= _children(proc.pid)
        time.sleep(0.2)
    workers |= _children(proc.pid)
    proc.send_signal(sig)
    sent = time.monotonic()
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    took = time.monotonic() - sent
    assert proc.returncode == code, err
    assert took < 20, took
    assert "Traceback" not in err and "Error" not in err and "note(s) terminée(s)" in err
    time.sleep(0.5)
    assert not [p for p in workers if _alive(p)]
    listed = {name for row in _table(out / "summary.csv")[1:] for name in row[-1].split(", ")}
    on_disk = {p.name for p in out.glob("*.pdf")}
    assert listed == on_disk and 0 < len(on_disk) < 4000
    assert (out / "errors.csv").exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert (out / f"{TEMP_PREFIX}mes-notes.txt").read_text(encoding="utf-8") == "à moi"
