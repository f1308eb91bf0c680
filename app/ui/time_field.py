"""A time of day that can be typed as people write it ("14:00", "2pm", "2.30") or moved
with the arrow keys.

Qt's own time field takes digits only into the part the cursor is in, so after an access
key (which leaves the cursor at the end) typing "14:00" changed nothing. Here the text is
read as a whole when the person leaves the field, and shown back the one clear way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.errors import ValidationError
from app.i18n import _
from app.services.typed_time import read_time

SHOWN_FORMAT = "HH:mm"
STEP_MINUTES = 5
_MINUTES_A_DAY = 24 * 60
_STEPS = {Qt.Key.Key_Up: STEP_MINUTES, Qt.Key.Key_Down: -STEP_MINUTES}
_STEPS |= {Qt.Key.Key_PageUp: 60, Qt.Key.Key_PageDown: -60}


class TimeField(QLineEdit):
    """A time of day. ``timeChanged`` carries each new time; ``problem`` says, in words,
    why what is typed is not a time (and an empty string once it is one again)."""

    timeChanged = Signal(QTime)
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time = QTime(10, 0)
        self._problem = ""
        self.setText(self._time.toString(SHOWN_FORMAT))
        self.setAccessibleDescription(
            _(
                "Type a time such as 14:00, 2pm or 2.30. Up and Down change it by five "
                "minutes, Page Up and Page Down by an hour."
            )
        )
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self.settle)

    def time(self) -> QTime:
        """The time last typed whole (while the text is not a time, the one before it)."""
        return QTime(self._time)

    def setTime(self, value: QTime) -> None:
        self._show(value)

    def problem_text(self) -> str:
        """Why the text as typed is not a time, or an empty string."""
        return self._problem

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _STEPS and not event.modifiers():
            self.settle()
            minutes = self._time.hour() * 60 + self._time.minute() + _STEPS[key]
            minutes %= _MINUTES_A_DAY
            self._show(QTime(minutes // 60, minutes % 60))
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # However the field is reached (Tab, an access key, a click), typing replaces it.
        self.selectAll()

    def _typed(self, text: str) -> None:
        """While typing: follow each whole time, but leave the words as typed."""
        try:
            typed = read_time(text)
        except ValidationError:
            return
        self._set_problem("")
        self._take(QTime(typed.hour, typed.minute))

    def settle(self) -> str:
        """Read the text as a whole (as on leaving the field): show the time the one clear
        way, or say why it is not one. Returns what is wrong, or an empty string."""
        try:
            typed = read_time(self.text())
        except ValidationError as refused:
            self._set_problem(str(refused))
            return self._problem
        self._show(QTime(typed.hour, typed.minute))
        return ""

    def _show(self, value: QTime) -> None:
        self._set_problem("")
        self.setText(value.toString(SHOWN_FORMAT))
        self._take(value)

    def _take(self, value: QTime) -> None:
        if value != self._time:
            self._time = QTime(value)
            self.timeChanged.emit(QTime(value))

    def _set_problem(self, message: str) -> None:
        if message != self._problem:
            self._problem = message
            self.problem.emit(message)
