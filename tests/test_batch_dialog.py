"""Fichier > Importer un CSV de communes… : prompts patched, a stand-in task, no sleeps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from test_batch_runner import fake_task

from desktop.dialogs.batch_dialog import report_text, start_batch
from desktop.shell.navigation import PageId
from desktop.shell.prompts import Prompts
from reports.batch import worker
from reports.brand import DEFAULT_BRAND, Brand, current_brand, save_brand, set_current_brand

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window

CSV = ("commune.name;commune.insee_code;population.total\n"
       "Prades;66149;5835\nMurat;15138;1900\nVillefort;48198;0\n")


def slow_task(job, options):
    """The first row is quick; the next ones wait for the stop button (10 s at most)."""
    if job.line > 2 and worker._cancel is not None and worker._cancel.wait(10):
        return worker.Outcome(job.line, job.commune, ok=False, cancelled=True)
    return fake_task(job, options)


@pytest.fixture
def answers(tmp_path, monkeypatch):
    """Prompts that answer with a CSV and a folder, and record the final report."""
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    csv_path = tmp_path / "communes.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    out = tmp_path / "notes"
    out.mkdir()
    seen = {"reports": [], "errors": [], "output": (("pdf",), DEFAULT_BRAND)}

    class Answers(Prompts):
        @staticmethod
        def choose_file(parent, kind, folder):
            return str(csv_path)

        @staticmethod
        def choose_folder(parent, folder):
            return str(out)

        @staticmethod
        def choose_output(parent):
            return seen["output"]

        @staticmethod
        def show_report(parent, title, text, folder):
            seen["reports"].append((title, text, folder))

        @staticmethod
        def error(parent, title, text):
            seen["errors"].append((title, text))

    return Answers, out, seen


def test_batch_runs_in_the_background_and_reports(qtbot, answers):
    prompts, out, seen = answers
    parent = QWidget()
    qtbot.addWidget(parent)
    data = "Recensement 2021 (INSEE), fichier c.csv · programmes de financement fournis"
    run = start_batch(parent, prompts=prompts, jobs=1, task=fake_task, data=data)
    assert run is not None
    qtbot.waitUntil(lambda: bool(seen["reports"]), timeout=10_000)
    title, text, folder = seen["reports"][0]
    assert title == "Traitement terminé" and folder == str(out)
    assert text.endswith(f"Données : {data}.")  # which census the notes used
    assert "2 note(s) écrite(s) sur 3" in text and "1 ligne(s) en erreur" in text
    assert sorted(p.name for p in out.glob("*.pdf")) == ["Murat.pdf", "Prades.pdf"]
    assert not run.dialog.isVisible()


def test_stop_button_ends_the_batch_cleanly(qtbot, answers):
    prompts, out, seen = answers
    parent = QWidget()
    qtbot.addWidget(parent)
    run = start_batch(parent, prompts=prompts, jobs=1, task=slow_task)
    # the first note may be reported before a waitSignal could connect: poll the dialog
    qtbot.waitUntil(lambda: run.dialog.value() >= 1, timeout=10_000)
    stop_button = run.dialog.findChild(QPushButton)
    assert stop_button.text() == "Arrêter"
    qtbot.mouseClick(stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen["reports"]), timeout=10_000)
    title, text, _ = seen["reports"][0]
    assert title == "Traitement arrêté" and "sur 3 avant l'arrêt" in text
    assert [p.name for p in out.glob("*.pdf")] == ["Prades.pdf"] and not list(out.glob("~*"))
    assert (out / "summary.csv").exists()


def test_giving_up_at_either_question_starts_nothing(qtbot, answers):
    prompts, _, _ = answers

    class NoFolder(prompts):
        @staticmethod
        def choose_folder(parent, folder):
            return ""

    parent = QWidget()
    qtbot.addWidget(parent)
    assert start_batch(parent, prompts=NoFolder, task=fake_task) is None


def test_unreadable_csv_is_told_in_french(qtbot, answers, tmp_path):
    prompts, _, seen = answers

    class Missing(prompts):
        @staticmethod
        def choose_file(parent, kind, folder):
            return str(tmp_path / "absent.csv")

    parent = QWidget()
    qtbot.addWidget(parent)
    start_batch(parent, prompts=Missing, jobs=1, task=fake_task)
    qtbot.waitUntil(lambda: bool(seen["errors"]), timeout=10_000)
    assert "introuvable" in seen["errors"][0][1]


def test_report_text_counts_warnings():
    from reports.batch.model import BatchReport, Issue, Outcome

    report = BatchReport(total=2, outcomes=[Outcome(2, "A", ok=True)],
                         issues=[Issue(1, "", "x", "avertissement", "colonne inconnue")])
    title, text = report_text(report)
    assert title == "Traitement terminé" and "1 avertissement(s)" in text


def test_menu_entries_are_installed_in_the_main_window(make_window, tmp_path, monkeypatch):
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    window = make_window()
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Importer un CSV de communes…" in texts and "Profils &cabinet…" in texts
    assert "&Modèle de CSV de communes…" in texts
    assert texts.index("&Importer un CSV de communes…") < texts.index("&Quitter")
    page = window.wizard.page_of(PageId.NOTE)  # the note page offers the brand and the format
    assert page.brand_chooser is not None and page.format.count() == 3


def test_the_csv_template_is_written_where_asked(qtbot, tmp_path):
    from desktop.dialogs.batch_dialog import save_template
    from reports.paths import read_bytes

    errors = []

    class Answers(Prompts):
        target = str(tmp_path / "modele.csv")

        @staticmethod
        def save_template(parent, suggested):
            return Answers.target

        @staticmethod
        def error(parent, title, text):
            errors.append(text)

    parent = QWidget()
    qtbot.addWidget(parent)
    assert save_template(parent, str(tmp_path), prompts=Answers) == Answers.target
    assert (tmp_path / "modele.csv").read_bytes() == read_bytes("batch", "communes-modele.csv")
    Answers.target = str(tmp_path / "absent" / "modele.csv")
    assert save_template(parent, str(tmp_path), prompts=Answers) == ""
    assert "n'a pas pu être écrit" in errors[0]


def test_closing_the_window_stops_a_running_batch(make_window, tmp_path, monkeypatch):
    import threading
    from types import SimpleNamespace

    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(tmp_path / "cfg"))
    window = make_window()
    running = SimpleNamespace(stop=threading.Event())
    window.batch_run = running
    window.document.modified = False
    window.close()
    assert running.stop.is_set()


ALPHA = Brand(name="Cabinet Alpha", organisation="Alpha Conseil", main_color="#8A2D3B")


def test_the_batch_uses_the_profile_chosen_with_the_format(qtbot, answers):
    prompts, out, seen = answers
    save_brand(ALPHA)
    seen["output"] = (("pdf", "docx"), ALPHA)
    parent = QWidget()
    qtbot.addWidget(parent)
    run = start_batch(parent, prompts=prompts, jobs=1, task=fake_task)
    assert run.options.brand == ALPHA and run.options.formats == ("pdf", "docx")
    qtbot.waitUntil(lambda: bool(seen["reports"]), timeout=10_000)
    assert (out / "summary.csv").exists()
    assert current_brand() is DEFAULT_BRAND  # the wizard's own note keeps its profile


def test_cancelling_the_format_question_starts_nothing(qtbot, answers):
    prompts, out, seen = answers
    seen["output"] = None
    parent = QWidget()
    qtbot.addWidget(parent)
    assert start_batch(parent, prompts=prompts, jobs=1, task=fake_task) is None
    assert list(out.iterdir()) == []


def test_format_and_profile_dialog_starts_on_the_current_profile(qtbot, answers, monkeypatch):
    from desktop.dialogs.batch_dialog import BatchOutputDialog

    save_brand(ALPHA)
    set_current_brand("Cabinet Alpha")
    dialog = BatchOutputDialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() == (("pdf",), ALPHA)
    assert dialog.brand.combo.currentText() == "Cabinet Alpha"
    dialog.formats.setCurrentIndex(1)
    dialog.brand.combo.setCurrentIndex(0)  # the sober default, for this batch only
    assert dialog.choice() == (("docx",), DEFAULT_BRAND)
    assert current_brand() == ALPHA

    # through the prompt: OK gives the choice, Cancel gives None
    monkeypatch.setattr(BatchOutputDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert Prompts.choose_output(None) == (("pdf",), ALPHA)
    monkeypatch.setattr(BatchOutputDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert Prompts.choose_output(None) is None


def test_a_bug_in_the_batch_goes_to_the_error_report(qtbot, answers, monkeypatch):
    import desktop.dialogs.batch_dialog as module
    from desktop import errors

    prompts, _, seen = answers
    reported = []
    monkeypatch.setattr(errors, "report", reported.append)

    def broken(*_args, **_kwargs):
        raise KeyError("internal")

    monkeypatch.setattr(module, "run_batch", broken)
    parent = QWidget()
    qtbot.addWidget(parent)
    start_batch(parent, prompts=prompts, jobs=1, task=fake_task)
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)
    assert [type(e) for e in reported] == [KeyError]
    assert seen["errors"] == [] and seen["reports"] == []
