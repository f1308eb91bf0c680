"""Python's cycle collector, run only on the GUI thread while a worker thread exists.

The collector runs on whichever thread happens to allocate when a threshold is passed. If
that is the database worker and the garbage holds a Qt widget (a dialog kept alive only by
a cycle through a connected lambda, say), the widget is destroyed off the GUI thread and
the process crashes. So while any task runner is alive, automatic collection is off and a
timer on the GUI thread collects instead, as often as the thresholds would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

CHECK_EVERY_MS = 250

_holders = 0
_timer: QTimer | None = None
_was_enabled = True


def hold() -> None:
    """Collect on the GUI thread only, until every ``hold`` has been ``release``d."""
    global _holders, _timer, _was_enabled
    _holders += 1
    if _holders > 1:
        return
    _was_enabled = gc.isenabled()
    gc.disable()
    _timer = QTimer(QCoreApplication.instance())
    _timer.setInterval(CHECK_EVERY_MS)
    _timer.timeout.connect(collect_if_due)
    _timer.start()


def release() -> None:
    global _holders, _timer
    _holders = max(_holders - 1, 0)
    if _holders or _timer is None:
        return
    _timer.stop()
    _timer.deleteLater()
    _timer = None
    if _was_enabled:
        gc.enable()


def collect_if_due() -> None:
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return
