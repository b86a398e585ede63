"""Issue #15: a broken brand file does not break the wizard's brand chooser at start."""

import json

from desktop.shell.navigation import PageId

pytest_plugins = ("conftest_qt",)  # settings, communes, make_window


def test_the_note_page_chooser_skips_a_bad_brand_file_and_says_so(make_window, tmp_path,
                                                                   monkeypatch):
    config = tmp_path / "cfg"
    (config / "brands").mkdir(parents=True)
    (config / "brands" / "bon.json").write_text(json.dumps({"name": "Bon"}), encoding="utf-8")
    (config / "brands" / "bad.json").write_bytes(b'{"name": "\xff' + b"[" * 5000)
    monkeypatch.setenv("TIERSLIEU_CONFIG_DIR", str(config))
    window = make_window()  # the wizard starts: no error dialog, no exception
    chooser = window.wizard.page_of(PageId.NOTE).brand_chooser
    chooser.refresh()
    assert [b.name for b in chooser.brands][1:] == ["Bon"]
    assert "bad.json" in chooser.combo.toolTip() and "ignoré" in chooser.combo.toolTip()
