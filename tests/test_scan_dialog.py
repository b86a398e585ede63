"""Fichier › Comparer les communes d'un territoire… : choose, run, follow, stop."""

from __future__ import annotations

from desktop.dialogs.scan_dialog import ScanDialog

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


def make_dialog(qtbot, communes, tmp_path, commune_code="48198"):
    dialog = ScanDialog(None, communes.directory, communes.lookup(commune_code), tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_file_menu_offers_the_comparison(make_window):
    window = make_window()
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Comparer les communes d'un &territoire…" in texts


def test_an_intercommunality_is_compared_and_its_files_written(qtbot, communes, tmp_path):
    dialog = make_dialog(qtbot, communes, tmp_path)
    assert dialog.commune.text() == "Villefort" and dialog.epci.isChecked()
    dialog.run_button.click()
    assert dialog.progress.isVisible() and not dialog.run_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=180_000)
    report = dialog.report
    assert report is not None and report.rows
    assert (tmp_path / "scan.csv").is_file() and (tmp_path / "scan.pdf").is_file()
    assert "scan.csv" in dialog.status.text() and dialog.open_button.isVisible()
    siren = communes.lookup("48198").epci_siren
    members = set(communes.directory.current_codes(epci_siren=siren))
    assert {row["insee_code"] for row in report.rows} <= members


def test_a_bad_departement_is_named_in_french(qtbot, communes, tmp_path):
    dialog = make_dialog(qtbot, communes, tmp_path)
    dialog.departement.setChecked(True)
    dialog.dep.setText("ZZ")
    dialog.run_button.click()
    assert dialog.task is None
    assert "département « ZZ » inconnu" in dialog.status.text()


def test_stopping_writes_nothing(qtbot, communes, tmp_path):
    dialog = make_dialog(qtbot, communes, tmp_path)
    dialog.departement.setChecked(True)
    dialog.dep.setText("48")
    dialog.run_button.click()
    assert dialog.close_button.text() == "&Arrêter"
    dialog.close_button.click()  # « Arrêter »: stops between two communes
    qtbot.waitUntil(lambda: dialog.task is None, timeout=180_000)
    assert "arrêtée" in dialog.status.text()
    assert not (tmp_path / "scan.csv").exists()
