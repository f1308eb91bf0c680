"""Typing notes in live session mode with autosave on: part of Roundtable's benchmark.

    python bench/live_typing.py

In the real live window (offscreen), over a session whose first item already holds long
notes (about 20,000 characters, a long session's worth), it types 400 keys one at a time at
a brisk pace (a key every 40 ms, so the autosave fires many times while typing), first
with the autosave off and then on, and measures, on the GUI thread:

- each keystroke from press to handled (the text box's own work, plus the autosave's);
- the autosave's share of it (starting its timer), and the time to hand each save to
  the worker thread (reading the text, queueing the job);
- the longest pause of the GUI thread while typing (a timer beats every 5 ms; a late beat
  is a pause), which also catches the save being handed to the worker and its reply;
- how many saves ran, and the longest a save took on the worker thread.

The target is no keystroke and no pause from saving over 16 ms (one frame at 60 Hz).
``bench/run.py`` calls ``measure()``; this prints its figures as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services import groups, live_actions, meetings  # noqa: E402
from app.storage import open_database  # noqa: E402

KEYS = 400
PACE_MS = 40
EXISTING_NOTES = 20_000
TARGET_MS = 16.0
BEAT_MS = 5
TEXT = "The repair van came late twice; members asked for a text the day before. "


def _session(folder: Path) -> tuple[Any, int, int]:
    db = open_database(folder)
    group = groups.create_group(db, "Benchmark group")
    row = meetings.plan_meeting(
        db, group.id, "Benchmark session", datetime(2025, 3, 4, 10, 30), [("Repairs", 45)]
    )
    item = meetings.get_session(db, row.id).agenda[0].id
    assert item is not None
    notes = (TEXT * (EXISTING_NOTES // len(TEXT) + 1))[:EXISTING_NOTES]
    live_actions.save_notes(db, row.id, item, notes)
    return db, row.id, item


def measure() -> dict[str, Any]:
    app = QApplication.instance() or QApplication([])
    from app.ui.data import DataSource
    from app.ui.live.start import open_live_window
    from app.ui.live.voice import LiveVoice
    from app.ui.tasks import TaskRunner

    folder = Path(tempfile.mkdtemp(prefix="roundtable-live-bench-"))
    db, meeting_id, _item = _session(folder / "data")
    runner = TaskRunner()
    window = open_live_window(
        DataSource(db), runner, meeting_id, full_screen=False, voice=LiveVoice(None, _no_speech)
    )
    window.resize(1280, 800)
    try:
        deadline = time.monotonic() + 30
        while window.state is None and time.monotonic() < deadline:
            app.processEvents()
        notes = window.notes
        notes.setFocus()
        notes.moveCursor(notes.textCursor().MoveOperation.End)
        saves: list[float] = []
        original = live_actions.save_notes

        def timed_save(*args: Any, **kwargs: Any) -> None:
            started = time.perf_counter()
            original(*args, **kwargs)
            saves.append(time.perf_counter() - started)

        live_actions.save_notes = timed_save  # type: ignore[assignment]
        window.autosave.measure = True
        try:
            # The same typing with the autosave switched off: what the text box costs alone.
            notes.textChanged.disconnect(window.autosave._changed)
            alone, _pause = _type(notes)
            notes.textChanged.connect(window.autosave._changed)
            keystrokes, pause_ms = _type(notes)
            window.autosave.save_now()
            runner.wait_idle(30_000)
        finally:
            live_actions.save_notes = original  # type: ignore[assignment]
        autosave = window.autosave.keystroke_seconds
        handing_over = window.autosave.save_seconds
        return {
            "keys_typed": KEYS,
            "pace_ms": PACE_MS,
            "existing_notes_characters": EXISTING_NOTES,
            "keystroke_median_ms": _ms(statistics.median(keystrokes)),
            "keystroke_p99_ms": _ms(_p99(keystrokes)),
            "keystroke_max_ms": _ms(max(keystrokes)),
            "keystroke_without_autosave_median_ms": _ms(statistics.median(alone)),
            "keystroke_without_autosave_p99_ms": _ms(_p99(alone)),
            "keystroke_without_autosave_max_ms": _ms(max(alone)),
            "autosave_per_key_median_ms": _ms(statistics.median(autosave)),
            "autosave_per_key_p99_ms": _ms(_p99(autosave)),
            "autosave_per_key_max_ms": _ms(max(autosave)),
            "save_handed_to_worker_median_ms": _ms(statistics.median(handing_over)),
            "save_handed_to_worker_p99_ms": _ms(_p99(handing_over)),
            "save_handed_to_worker_max_ms": _ms(max(handing_over)),
            "longest_gui_pause_while_typing_ms": round(pause_ms, 1),
            "saves_while_typing": len(saves),
            "save_on_worker_median_ms": _ms(statistics.median(saves)),
            "save_on_worker_max_ms": _ms(max(saves)),
            "target_ms": TARGET_MS,
        }
    finally:
        window.close()
        runner.shutdown(wait=True)
        db.close()
        shutil.rmtree(folder, ignore_errors=True)


def _type(notes: Any) -> tuple[list[float], float]:
    """Type ``KEYS`` keys at ``PACE_MS``: each key's time, and the longest GUI pause."""
    pauses = _Heartbeat()
    keystrokes = []
    try:
        for index in range(KEYS):
            key = TEXT[index % len(TEXT)]
            started = time.perf_counter()
            QTest.keyClick(notes, key)
            keystrokes.append(time.perf_counter() - started)
            QTest.qWait(PACE_MS)
    finally:
        pauses.stop()
    return keystrokes, pauses.longest_ms


class _Heartbeat:
    """A timer beating every ``BEAT_MS``: the longest gap beyond the beat is the longest
    time the GUI thread could not run anything (besides the key presses themselves)."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = 0
        self._timer = QTimer()
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = self._clock.elapsed()
        if self._last:
            self.longest_ms = max(self.longest_ms, now - self._last - BEAT_MS)
        self._last = now

    def stop(self) -> None:
        self._timer.stop()


def _no_speech() -> Any:
    raise RuntimeError("no speech while measuring")


def _p99(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.99) - 1)]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
