"""Database work off the GUI thread, one job at a time, with results handed back to the GUI.

Every call to the services goes through one ``TaskRunner``: a single worker thread runs the
jobs in the order they were asked for (so two jobs never use the data file at once), and
each job's result or error is delivered on the GUI thread through a queued Qt signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QObject, Signal, Slot

from app.errors import RoundtableError
from app.i18n import _
from app.ui import collector

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[str], None]


def fault_message() -> str:
    """What a person is told when Roundtable itself went wrong (the details go to the log)."""
    return _(
        "Something went wrong inside Roundtable and it could not finish that. "
        "Nothing you had saved was lost. Please try again."
    )


@dataclass(frozen=True)
class _Outcome:
    """What one job came to, carried from the worker thread to the GUI thread."""

    job: int
    value: Any
    error: str | None


@dataclass(frozen=True)
class _Job:
    func: Callable[..., Any]
    args: tuple[Any, ...]
    on_done: Done | None
    on_error: Failed | None


class TaskRunner(QObject):
    """Runs jobs on one worker thread in order; ``on_done``/``on_error`` run on the GUI thread.

    ``failed`` carries the plain message of any job that failed without an ``on_error``;
    ``idle`` fires when the last outstanding job's callback has been delivered.
    """

    failed = Signal(str)
    idle = Signal()
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        collector.hold()  # the worker thread must never be the one that frees a widget
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roundtable-data")
        # Held here, on the GUI thread, until each job's outcome is delivered: the worker
        # thread must never drop the last reference to a job, because a job's callbacks
        # and closures hold widgets, and a widget freed off the GUI thread corrupts Qt.
        self._jobs: dict[int, _Job] = {}
        self._next_job = 0
        self._closed = False
        # The runner lives on the GUI thread, so a signal emitted by the worker is queued
        # and its slot runs on the GUI thread.
        self._finished.connect(self._deliver)

    def run(
        self,
        func: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> Future[Any]:
        """Queue ``func(*args)``: its result goes to ``on_done``, a plain message to
        ``on_error``."""
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        self._next_job += 1
        job = self._next_job
        self._jobs[job] = _Job(func, args, on_done, on_error)
        return self._executor.submit(self._work, job)

    def is_closed(self) -> bool:
        """True once ``shutdown`` has been called: no more jobs are taken."""
        return self._closed

    def is_idle(self) -> bool:
        """True when every job asked for has finished and its callback has run."""
        return not self._jobs

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every job's callback has run; False if that took too long."""
        deadline = QDeadlineTimer(timeout_ms)
        while not self.is_idle():
            if deadline.hasExpired():
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return True

    def shutdown(self, *, wait: bool = True) -> None:
        """Run the jobs already asked for (if ``wait``), then stop; later callbacks are dropped."""
        if self._closed:
            return
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=not wait)
        collector.release()

    def _work(self, job: int) -> Any:
        # Only the job's number crosses to this thread: the job itself stays in
        # ``self._jobs``, so that the worker never holds the last reference to it.
        func, args = self._jobs[job].func, self._jobs[job].args
        value, error = None, None
        name = _name(func)
        try:
            value = func(*args)
        except RoundtableError as problem:
            log.info("%s refused: %s", name, type(problem).__name__)
            error = str(problem)
        except Exception:
            log.exception("fault in background job %s", name)
            error = fault_message()
        del func, args  # before the GUI thread is told, and lets go of its own references
        self._finished.emit(_Outcome(job, value, error))
        return value

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        job = self._jobs.pop(outcome.job, None)
        try:
            if self._closed or job is None:
                return
            if outcome.error is None:
                if job.on_done is not None:
                    job.on_done(outcome.value)
            elif job.on_error is not None:
                job.on_error(outcome.error)
            else:
                self.failed.emit(outcome.error)
        finally:
            if not self._jobs:
                self.idle.emit()


def _name(func: Callable[..., Any]) -> str:
    """The job's function name for the log (never its arguments, which may hold names)."""
    while isinstance(func, partial):
        func = func.func
    return getattr(func, "__qualname__", None) or type(func).__name__
