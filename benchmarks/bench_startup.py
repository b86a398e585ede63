"""Wizard start-up, autocomplete and memory, measured on this machine; prints the figures.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]

1. Process start → first page shown, for `python -m desktop` and, in the same run, for a
   bare PySide6 window (QApplication + one QWidget): target under 1.5 s and within 1.5×
   of the bare window. Also the CPU time each process has used by then: on a machine
   shared with other work it moves far less than the wall-clock time.
2. Autocomplete response per keystroke over the full commune directory (a real QLineEdit
   with the wizard's completer, keys typed through QTest): target under 16 ms.
3. Peak memory of the process after generating a note through the wizard: under 250 MB.
Headless (QT_QPA_PLATFORM=offscreen); settings and recovery files go to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(1366, 768); w.show()
QTimer.singleShot(0, lambda: (print(f"shown {time.time():.6f} cpu {time.process_time():.6f}",
                                    flush=True), app.quit()))
app.exec()
"""

KEYSTROKES = """
import random, statistics, sys, time
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from desktop.shell.communes import load_directory
from desktop.widgets.completer import CommuneCompleter, CommuneListModel
app = QApplication([])
t0 = time.perf_counter()
directory, communes = load_directory()
t1 = time.perf_counter()
model = CommuneListModel(communes)
t2 = time.perf_counter()
line = QLineEdit(); line.resize(600, 30); line.show()
completer = CommuneCompleter(line); completer.setModel(model); line.setCompleter(completer)
rng = random.Random(2017)
names = [communes[i].name for i in rng.sample(range(len(communes)), 60)]
times = []
for name in names:
    line.clear()
    typed = "".join(c for c in name if c.isascii() and (c.isalnum() or c in " -'"))[:8]
    for ch in typed:
        start = time.perf_counter()
        QTest.keyClick(line, ch)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    completer.popup().hide()
times.sort()
print(f"entries {len(communes)} load_ms {(t1-t0)*1000:.0f} model_ms {(t2-t1)*1000:.0f} "
      f"keys {len(times)} median_ms {statistics.median(times):.2f} "
      f"p95_ms {times[int(len(times)*0.95)]:.2f} max_ms {times[-1]:.2f}")
"""

MEMORY = """
import json, resource, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop.shell.navigation import PageId
from desktop.shell.settings import Settings
from desktop.shell.startup import create_app, create_window
folder = Path(sys.argv[1])
app = create_app()
window = create_window(Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                       folder / "recovery")
window.resize(1366, 768); window.show()
index = window.context.communes; index.start()
while not index.is_ready: app.processEvents()
project = folder / "p.tierslieu.json"
project.write_text(json.dumps(json.loads(sys.argv[2])), encoding="utf-8")
window.open_project(str(project))
window.wizard.go_to(PageId.RESULTS)
page = window.wizard.currentPage()
while not page.isComplete(): app.processEvents()
window.wizard.next()
note = window.wizard.currentPage()
note.output.setText(str(folder / "note.pdf"))
start = time.perf_counter()
note.generate()
while note.generating: app.processEvents()
elapsed = time.perf_counter() - start
assert (folder / "note.pdf").exists(), note.status.text()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"note_s {elapsed:.2f} peak_mb {peak:.0f}")
"""


def child_env(folder: str) -> dict[str, str]:
    """Headless, settings and data under a temporary folder, bytecode cached there too.

    An installed application has its .pyc files (pip compiles them); this checkout's
    environment may forbid writing them (PYTHONDONTWRITEBYTECODE), which would add the
    compilation of every module to each start. The cache goes to the temporary folder.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=folder,
               XDG_DATA_HOME=folder, TIERSLIEU_BENCH_QUIT_WHEN_SHOWN="1",
               PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(Path(folder) / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_to(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from just before the process starts to each of its "shown"/"built" lines,
    and ("cpu") the CPU time the process had used when it printed "shown"."""
    start = time.time()
    out = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        words = line.split()
        if words and words[0] in ("shown", "built"):
            found[words[0]] = float(words[1]) - start
        if words and words[0] == "shown" and "cpu" in words:
            found["cpu"] = float(words[words.index("cpu") + 1])
    return found


def startup(runs: int, folder: str) -> None:
    """Median of `runs` cold-ish starts, the app and the bare window alternating."""
    env = child_env(folder)
    app_times, built_times, bare_times, app_cpu, bare_cpu = [], [], [], [], []
    time_to(["-m", "desktop"], env)  # warm the disk and bytecode caches once
    time_to(["-c", BARE], env)
    for _ in range(runs):
        found = time_to(["-c", BARE], env)
        bare_times.append(found["shown"])
        bare_cpu.append(found["cpu"])
        found = time_to(["-m", "desktop"], env)
        app_times.append(found["shown"])
        app_cpu.append(found["cpu"])
        built_times.append(found["built"])
    app, bare = statistics.median(app_times), statistics.median(bare_times)
    cpu, cpu_bare = statistics.median(app_cpu), statistics.median(bare_cpu)
    print(f"start-up to first page: wizard {app:.3f} s, bare PySide6 window {bare:.3f} s, "
          f"ratio {app / bare:.2f} (targets: < 1.5 s, ratio < 1.5; median of {runs}); "
          f"all nine pages built at {statistics.median(built_times):.3f} s; "
          f"CPU time by the first page: wizard {cpu:.3f} s, bare {cpu_bare:.3f} s, "
          f"ratio {cpu / cpu_bare:.2f}")


def keystrokes(folder: str) -> None:
    """Autocomplete per keystroke over the full directory."""
    out = subprocess.run([sys.executable, "-c", KEYSTROKES], env=child_env(folder), cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.strip()
    fields = dict(zip(out.split()[::2], out.split()[1::2], strict=True))
    print(f"autocomplete: {fields['entries']} communes (directory {fields['load_ms']} ms, "
          f"model {fields['model_ms']} ms, off the start-up path); per keystroke over "
          f"{fields['keys']} keys: median {fields['median_ms']} ms, p95 {fields['p95_ms']} ms, "
          f"max {fields['max_ms']} ms (target < 16 ms)")


def memory(folder: str) -> None:
    """Peak resident memory after generating a note through the wizard."""
    example = (ROOT / "resources" / "examples" / "prades.tierslieu.json").read_text("utf-8")
    out = subprocess.run([sys.executable, "-c", MEMORY, folder, example],
                         env=child_env(folder), cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    fields = dict(zip(out.split()[::2], out.split()[1::2], strict=True))
    print(f"note through the wizard: {fields['note_s']} s; peak memory {fields['peak_mb']} MB "
          "(target < 250 MB)")


def main() -> int:
    """Run the three measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        startup(args.runs, folder)
        keystrokes(folder)
        memory(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
