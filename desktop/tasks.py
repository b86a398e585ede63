"""One background helper: run a plain function on a pool thread, get results on the GUI thread.

The function never touches a widget; it receives a `progress(fraction, text)` callable when
asked for. Results, failures and progress come back through queued signals.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop import errors

Progress = Callable[[float, str], None]


class _Signals(QObject):
    """Created on the GUI thread, so emitting from the worker queues the calls."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(float, str)
    finished = Signal()


class Task(QRunnable):
    """A function run once in the pool."""

    def __init__(self, fn: Callable[..., Any], with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it alive until `finished`
        self.fn = fn
        self.with_progress = with_progress
        self.signals = _Signals()

    def run(self) -> None:
        """Call the function; emit its result or its exception."""
        try:
            args = (self.signals.progressed.emit,) if self.with_progress else ()
            outcome, value = self.signals.succeeded, self.fn(*args)
        except Exception as exc:  # handed to the GUI thread, never lost
            outcome, value = self.signals.failed, exc
        with contextlib.suppress(RuntimeError):  # the application quit meanwhile
            outcome.emit(value)
            self.signals.finished.emit()


def wait_for_tasks(msecs: int = 10_000) -> bool:
    """At exit: let running work finish (a note being written) for up to `msecs`."""
    return QThreadPool.globalInstance().waitForDone(msecs)


_running: set[Task] = set()


def run_in_background(
    fn: Callable[..., Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
) -> Task:
    """Start `fn` in the thread pool; callbacks run on the GUI thread.

    Without `on_failure`, a failure goes through the error funnel (`desktop.errors.handle`)."""
    task = Task(fn, with_progress=on_progress is not None)
    task.signals.succeeded.connect(on_success)
    task.signals.failed.connect(on_failure or errors.handle)
    if on_progress is not None:
        task.signals.progressed.connect(on_progress)
    task.signals.finished.connect(lambda: _running.discard(task))
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def busy() -> bool:
    """True while a background task has not reported back."""
    return bool(_running)
