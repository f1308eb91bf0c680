"""Notes that save themselves while the facilitator types, without ever making typing wait.

A keystroke only starts a timer (if one is not already running), so the GUI thread does
almost nothing per key. When the timer fires, the whole text is handed to the task
runner's worker thread to save. The timer is not restarted by later keys, so during
continuous typing the notes are saved every ``INTERVAL_MS`` rather than only at a pause:
a sudden end (battery, kill) loses at most that interval plus one save.
"""

from __future__ import annotations

import logging
from time import perf_counter

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from app.services import live_actions
from app.ui.data import DataSource
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

INTERVAL_MS = 400


class NotesAutosave(QObject):
    """Saves ``editor``'s text as the notes of the item set by ``follow``."""

    saved = Signal()
    failed = Signal(str)

    def __init__(
        self,
        editor: QPlainTextEdit,
        source: DataSource,
        runner: TaskRunner,
        meeting_id: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._source = source
        self._runner = runner
        self._meeting_id = meeting_id
        self._item_id: int | None = None
        self._in_flight = 0  # saves handed to the worker and not yet done
        self._dirty = False
        self._ready = False
        self._last_saved: tuple[int | None, str] | None = None
        # GUI-thread time of each change and of each save handed over (for the benchmark).
        self.keystroke_seconds: list[float] = []
        self.save_seconds: list[float] = []
        self.measure = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.save_now)
        editor.textChanged.connect(self._changed)

    def follow(self, item_id: int | None, text: str) -> None:
        """Show and save ``text`` as the notes of ``item_id`` from now on (saving the item
        being left first).

        Anything typed before the session was first read (the notes take the keyboard at
        once) is kept, after the notes already saved, and saved with them."""
        typed_early = ""
        if self._ready:
            self.save_now()
        else:
            typed_early = self._editor.toPlainText() if self._dirty else ""
            self._ready = True
        self._item_id = item_id
        self._last_saved = (item_id, text)
        if typed_early:
            text = f"{text}\n{typed_early}" if text else typed_early
        self._editor.blockSignals(True)
        try:
            self._editor.setPlainText(text)
            self._editor.moveCursor(QTextCursor.MoveOperation.End)  # carry on where it ended
        finally:
            self._editor.blockSignals(False)
        self._dirty = bool(typed_early)
        if typed_early:
            self._timer.start()

    def pending(self) -> bool:
        """True while something typed is not yet in the data file."""
        return self._dirty or self._in_flight > 0 or self._timer.isActive()

    def _changed(self) -> None:
        started = perf_counter() if self.measure else 0.0
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()
        if self.measure:
            self.keystroke_seconds.append(perf_counter() - started)

    def save_now(self) -> None:
        """Hand the notes to the worker thread now (if they changed)."""
        started = perf_counter() if self.measure else 0.0
        try:
            self._save_now()
        finally:
            if self.measure:
                self.save_seconds.append(perf_counter() - started)

    def _save_now(self) -> None:
        self._timer.stop()
        if not self._ready or not self._dirty:
            # Before the session is read, which item the notes belong to is not yet known.
            return
        text = self._editor.toPlainText()
        key = (self._item_id, text)
        self._dirty = False
        if key == self._last_saved:
            return
        # Saves queue on the one worker thread in the order asked for, so a save asked for
        # while another runs (say, just as the item changes) is never dropped or reordered.
        self._in_flight += 1
        self._last_saved = key
        item_id, meeting_id, source = self._item_id, self._meeting_id, self._source

        def done(_result: object) -> None:
            self._in_flight -= 1
            self.saved.emit()

        def refused(message: str) -> None:
            self._in_flight -= 1
            self._last_saved = None
            self._dirty = True  # kept on screen, and tried again at the next change
            self.failed.emit(message)

        self._runner.run(
            lambda: source.call(live_actions.save_notes, meeting_id, item_id, text),
            on_done=done,
            on_error=refused,
        )
