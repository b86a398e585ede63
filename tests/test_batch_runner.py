"""The batch runner with a stand-in task: parallel runs, bad rows, stop and Ctrl-C."""

import csv
import threading

import pytest

from reports.batch import BatchError, BatchOptions, Outcome, run_batch, worker
from reports.batch.model import ERROR, Issue
from reports.files import TEMP_PREFIX, write_atomic
from reports.produce import Cancelled, produce

HEADER = "commune.name;commune.insee_code;population.total\n"


def fake_task(job, options):
    """Write a small file per row atomically, as the real task does; fail on population 0."""
    if job.data.get("population", {}).get("total") == 0:
        text = "La population doit être positive."
        issue = Issue(job.line, job.commune, "population.total", ERROR, text)
        return Outcome(job.line, job.commune, ok=False, issues=(issue,))
    final = options.out_dir / f"{job.stem}.pdf"
    write_atomic(final, job.commune.encode("utf-8"))
    summary = {"line": job.line, "commune": job.commune, "insee_code": job.insee_code,
               "investment_eur": 1234.6, "break_even_reached": True, "files": [final.name]}
    return Outcome(job.line, job.commune, ok=True, files=(final.name,), summary=summary,
                   issues=job.issues, rss_kb=worker.peak_rss_kb())


def interrupting_task(job, options):
    """Ctrl-C arrives while the third row is being written."""
    if job.line == 4:
        tmp = options.out_dir / f"{TEMP_PREFIX}{job.stem}.pdf.x1y2.tmp"  # as write_atomic names it
        tmp.write_text("moitié", encoding="utf-8")
        raise KeyboardInterrupt
    return fake_task(job, options)


def _example():
    """A shipped example profile (the note is stopped before anything is written)."""
    from reports.paths import resource
    from reports.profile import read_profile

    return read_profile(resource("examples", "prades.tierslieu.json"))[0]


def cancelling_task(job, options):
    """The stop button is pressed while the second row's note is half-written."""
    if job.line == 3:
        def build(fraction, message):  # the note's progress, half-way through
            worker._cancel.set()
        try:
            produce(_example(), options.out_dir / job.stem, progress=build,
                    cancelled=worker.cancelled)
        except Cancelled:
            return Outcome(job.line, job.commune, ok=False, cancelled=True)
    return fake_task(job, options)


def _csv(tmp_path, rows, name="communes.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def _read(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


ROWS = ["Prades;66149;5835\n", "Murat;15138;1900\n", "Villefort;48198;0\n",
        "Saint-Martin;11111;300\n", "Saint-Martin;22222;400\n"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_row_never_stops_the_batch(tmp_path, jobs):
    out = tmp_path / "out"
    seen = []
    report = run_batch(_csv(tmp_path, ROWS), BatchOptions(out), jobs=jobs, task=fake_task,
                       lookup=None, progress=lambda o, done, total: seen.append((done, total)))
    assert sorted(p.name for p in out.iterdir()) == [
        "Murat.pdf", "Prades.pdf", "Saint-Martin (11111).pdf", "Saint-Martin (22222).pdf",
        "errors.csv", "summary.csv"]
    assert (out / "Saint-Martin (22222).pdf").read_text(encoding="utf-8") == "Saint-Martin"
    assert [o.line for o in report.failed] == [4] and len(report.done) == 4
    assert sorted(seen) == [(i, 5) for i in range(1, 6)]
    summary = _read(out / "summary.csv")
    assert summary[0][:2] == ["Ligne du CSV", "Commune"]
    assert [r[1] for r in summary[1:]] == ["Prades", "Murat", "Saint-Martin", "Saint-Martin"]
    assert "1235" in summary[1] and "oui" in summary[1]  # French-friendly numbers, no grouping
    errors = _read(out / "errors.csv")
    assert errors[1] == ["4", "Villefort", "population.total", "erreur",
                         "La population doit être positive."]
    assert (out / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_unknown_column_is_a_warning_and_an_unknown_code_without_name_an_error(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("commune.insee_code;population.totale\n99999;10\n66149;3\n", encoding="utf-8")
    lookup = {"66149": type("C", (), {"name": "Prades", "departement": "66",
                                       "population": 5835, "epci_name": "CC Conflent"})()}.get
    out = tmp_path / "out"
    report = run_batch(path, BatchOptions(out), jobs=1, task=fake_task, lookup=lookup)
    assert [o.commune for o in report.done] == ["Prades"]
    errors = _read(out / "errors.csv")[1:]
    assert errors[0][:4] == ["1", "", "population.totale", "avertissement"]
    assert errors[1][0] == "2" and errors[1][3] == "erreur" and "99999" in errors[1][4]
    assert (out / "Prades.pdf").exists()


def test_keyboard_interrupt_keeps_finished_notes_and_no_partial_file(tmp_path):
    out = tmp_path / "out"
    report = run_batch(_csv(tmp_path, ROWS), BatchOptions(out), jobs=1,
                       task=interrupting_task, lookup=None)
    assert report.interrupted
    assert sorted(p.name for p in out.iterdir()) == ["Murat.pdf", "Prades.pdf", "errors.csv",
                                                      "summary.csv"]
    assert [r[1] for r in _read(out / "summary.csv")[1:]] == ["Prades", "Murat"]


def test_stop_abandons_the_note_being_written(tmp_path):
    out = tmp_path / "out"
    stop = threading.Event()
    report = run_batch(_csv(tmp_path, ROWS), BatchOptions(out), jobs=1, stop=stop,
                       task=cancelling_task, lookup=None)
    assert report.interrupted and stop.is_set()
    assert sorted(p.name for p in out.iterdir()) == ["Prades.pdf", "errors.csv", "summary.csv"]


def test_stop_in_a_process_pool_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    stop = threading.Event()
    rows = [f"Commune {i};{10000 + i};100\n" for i in range(12)]
    report = run_batch(_csv(tmp_path, rows), BatchOptions(out), jobs=2, stop=stop,
                       task=fake_task, lookup=None, progress=lambda *_: stop.set())
    assert report.interrupted
    notes = sorted(p.name for p in out.glob("*.pdf"))
    assert 1 <= len(notes) < 12
    assert not list(out.glob("~*"))
    assert len(_read(out / "summary.csv")) - 1 == len(notes) == len(report.done)


def test_unreadable_csv_or_folder_raise_a_french_batch_error(tmp_path):
    with pytest.raises(BatchError, match="introuvable"):
        run_batch(tmp_path / "absent.csv", BatchOptions(tmp_path), task=fake_task)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BatchError, match="Impossible d'écrire"):
        run_batch(_csv(tmp_path, ROWS), BatchOptions(blocker / "out"), task=fake_task)


def test_the_sweep_removes_only_what_this_run_left(tmp_path):
    """Issue #15: a file that was there before the run is never removed, whatever its name
    (it cannot be told apart from the user's own); the run's own leftovers are."""
    out = tmp_path / "out"
    out.mkdir()
    before = {f"{TEMP_PREFIX}Prades.pdf.123.tmp": "reste", f"{TEMP_PREFIX}mes-notes.txt": "à moi",
              "mine.pdf": "garde"}
    for name, text in before.items():
        (out / name).write_text(text, encoding="utf-8")
    run_batch(_csv(tmp_path, ROWS[:1]), BatchOptions(out), jobs=1, task=fake_task, lookup=None)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["Prades.pdf", "errors.csv", "summary.csv", *before])
    assert all((out / n).read_text(encoding="utf-8") == t for n, t in before.items())


def test_real_task_reports_a_failing_row_and_goes_on(tmp_path, monkeypatch):
    """An exception inside the analysis of one row becomes a French line in errors.csv."""
    import reports.analysis

    real = reports.analysis.analyse

    def flaky(profile, *args, **kwargs):
        if profile.commune.name == "Murat":
            raise ZeroDivisionError("division by zero")
        return real(profile, *args, **kwargs)

    monkeypatch.setattr(reports.analysis, "analyse", flaky)
    path = tmp_path / "c.csv"
    path.write_text("commune.insee_code;carrier.type\n15138;commune\n66149;association\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    report = run_batch(path, BatchOptions(out), jobs=1, lookup=True)
    assert [o.commune for o in report.done] == ["Prades"]
    errors = _read(out / "errors.csv")
    failure = next(r for r in errors[1:] if r[3] == "erreur")
    assert failure[:2] == ["2", "Murat"] and "Erreur inattendue" in failure[4]
    assert sorted(p.name for p in out.glob("*.pdf")) == ["Prades.pdf"]


def test_header_without_a_commune_column_fails_every_row(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("population.total;services\n100;events\n200;events\n", encoding="utf-8")
    report = run_batch(path, BatchOptions(tmp_path / "out"), jobs=1, task=fake_task, lookup=None)
    assert len(report.failed) == 2 and not report.done
    errors = _read(tmp_path / "out" / "errors.csv")
    assert errors[1][:4] == ["1", "", "commune.insee_code", "erreur"]


def test_a_note_that_cannot_be_written_is_reported_in_its_own_words():
    """The note's French write error is kept as is; other failures are named unexpected."""
    from reports.note import NoteWriteError

    message = "Le dossier « x » n'existe pas : choisissez un dossier existant."
    assert worker._failure_text(NoteWriteError(message)) == f"Note non écrite : {message}"
    assert worker._failure_text(KeyError("k")).startswith("Erreur inattendue")


def test_a_summary_that_cannot_be_written_is_a_french_unwritable_error(tmp_path):
    """A folder in the way of summary.csv stops the batch with a message naming the file."""
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "Prades;66149;6000\n", encoding="utf-8")
    out = tmp_path / "out"
    (out / "summary.csv").mkdir(parents=True)
    with pytest.raises(BatchError) as info:
        run_batch(path, BatchOptions(out), jobs=1, task=fake_task, lookup=None)
    assert info.value.unwritable
    assert "summary.csv" in str(info.value) and "est un dossier" in str(info.value)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_summary_columns_are_the_fields_a_commune_summary_fills():
    """resources/batch/columns.json names each field summary_of fills, once, with a title."""
    from types import SimpleNamespace

    from note_fixtures import make_result

    from reports.batch.outputs import error_columns, summary_columns

    row = worker.summary_of(make_result(), SimpleNamespace(line=3), ("a.pdf",))
    columns = summary_columns()
    assert sorted(key for key, _, _ in columns) == sorted(row)
    assert all(title.strip() for _, title, _ in columns)
    assert len(error_columns()) == 5


def test_a_pool_worker_freezes_what_it_loaded_once_after_its_first_note(tmp_path, monkeypatch):
    """gc.freeze after a worker's first note (its directory, knowledge, templates stay out
    of later collections); never in the caller's own process (wizard, one-job batch)."""
    import reports.produce

    frozen = []
    monkeypatch.setattr(worker.gc, "freeze", lambda: frozen.append(1))
    monkeypatch.setattr(reports.produce, "produce", lambda *a, **k: [])
    path = tmp_path / "c.csv"
    path.write_text("commune.insee_code;carrier.type\n15138;commune\n66149;association\n",
                    encoding="utf-8")
    run_batch(path, BatchOptions(tmp_path / "out"), jobs=1, lookup=True)
    assert frozen == []  # in-process: left alone
    monkeypatch.setattr(worker, "_settled", False)  # as init_worker leaves a pool worker
    run_batch(path, BatchOptions(tmp_path / "out2"), jobs=1, lookup=True)
    assert frozen == [1]  # once, not per note
