"""What `python -m desktop` has loaded when its first page is on screen.

The start-up bar (benchmarks/bench_startup.py: within 1.5× of a bare PySide6 window) is
measured, never asserted here; this guards the causes that have broken it: Qt's enum
namespace (``from PySide6.QtCore import Qt`` at module level, ~25 ms), the engine, pandas,
reportlab, the later pages, and standard modules imported only for a rare path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs the real entry point; the benchmark's variable makes it quit once the first page is
# shown. The snapshot is taken where start-up builds the later pages, right after that.
SNAPSHOT = """
import json, sys
from desktop.shell import main_window

original = main_window.MainWindow.finish_build

def finish_build(self):
    import PySide6.QtCore
    print(json.dumps({"modules": sorted(sys.modules),
                      "qt_namespace": "Qt" in vars(PySide6.QtCore)}), flush=True)
    main_window.MainWindow.finish_build = original
    original(self)

main_window.MainWindow.finish_build = finish_build
from desktop.app import main
sys.exit(main([]))
"""

# Not before the first page: each was measured on the start-up path at some point.
HEAVY = ("pandas", "reportlab", "reports.analysis", "reports.knowledge", "reports.profile",
         "reports.communes", "reports.files", "tomllib", "uuid", "platform", "dataclasses",
         "importlib.resources", "ctypes", "desktop.tasks")


def test_the_first_page_loads_neither_qt_namespace_nor_engine(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path), TIERSLIEU_BENCH_QUIT_WHEN_SHOWN="1")
    done = subprocess.run([sys.executable, "-c", SNAPSHOT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))
    modules = set(seen["modules"])
    assert not seen["qt_namespace"], (
        "Qt's enum namespace is loaded before the first page: import Qt inside the "
        "function that uses it")
    assert sorted(name for name in HEAVY if name in modules) == []
    later = sorted(m for m in modules if m.startswith("desktop.pages.")
                   and m != "desktop.pages.welcome")
    assert later == [], "the later pages are built after the first page is shown"
