"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every Qt call that returns
nothing, and the interpreter aborts after a few thousand such calls. This fails on such a
build before any person meets it (pyproject.toml also keeps PySide6 below 6.12)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QLabel, QWidget

CALLS = 20_000
TOLERANCE = 100


def test_void_qt_calls_leave_the_reference_count_of_none_alone(qtbot):
    widget = QWidget()
    label = QLabel(widget)
    qtbot.addWidget(widget)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(CALLS // 4):
        widget.setWindowTitle("x")
        widget.update()
        label.setText("y")
        label.setWordWrap(True)
    gc.collect()
    drift = sys.getrefcount(None) - before
    assert abs(drift) <= TOLERANCE, f"None's reference count moved by {drift}"
