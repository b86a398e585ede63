"""`reports` stays Qt-free: importing every module of it never loads PySide6."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import importlib, pkgutil, sys
    import reports
    names = [m.name for m in pkgutil.walk_packages(reports.__path__, "reports.")
             if not m.name.endswith("__main__")]  # __main__ would run the command line
    for name in names:
        importlib.import_module(name)
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "desktop"))
    print(len(names), ",".join(qt))
""")


def test_no_reports_module_loads_qt():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    count, _, loaded = done.stdout.strip().partition(" ")
    assert int(count) >= 3  # reports.cli, reports.fmt, reports.knowledge at least
    assert loaded == "", f"modules Qt chargés : {loaded}"


def test_loading_the_knowledge_base_loads_no_qt():
    code = ("import sys; from reports.knowledge import knowledge; knowledge(); "
            "print('PySide6' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
