"""Keys that work in every window of the program, dialogs included: the text size
(Ctrl+Plus, Ctrl+Minus, Ctrl+0) and reading aloud (Ctrl+Shift+R, P and S).

Qt's shortcuts alone fall short of that twice over. A window's shortcut is not heard in
another window, so a dialog that has the keyboard lacks the main window's keys; and even an
application-wide shortcut is shadowed by a dialog that blocks the window it belongs to
(every dialog opened with ``open()``, every question asked in a box). Nor can each window
be given the key again: a key claimed by two shortcuts Qt can see at once is ambiguous, and
Qt then does nothing at all.

So each such key is one ``QAction`` with an application-wide shortcut, put in as many
windows and menus as show it (one action is never ambiguous with itself), and registered
here; one event filter for the whole program hands the key to its action wherever a
blocking dialog keeps Qt's shortcut from it. An action serves while a window it was put in
is open, and so in every dialog in front of that window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from shiboken6 import isValid

# A symbol typed with Shift or on the number pad is still the key a shortcut names: Ctrl+Plus
# is Ctrl+Shift+= on most keyboards, and Qt's shortcuts take it either way. (With a letter,
# Shift makes another key: Ctrl+Shift+R is not Ctrl+R.)
_LOOSER = (
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.KeypadModifier,
    Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier,
)


class EveryWindowKeys(QObject):
    """The program's keys for every window (``every_window_keys()`` gives the one there is)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._actions: list[QAction] = []
        app.installEventFilter(self)

    def add(self, action: QAction) -> None:
        """Make ``action``'s keys work in every window, dialogs included."""
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        if action not in self._actions:
            self._actions.append(action)

    def remove(self, action: QAction) -> None:
        if action in self._actions:
            self._actions.remove(action)

    def action_for(self, event: QKeyEvent) -> QAction | None:
        """The serving action whose keys ``event`` presses, if any."""
        self._actions = [action for action in self._actions if isValid(action)]
        serving = [action for action in self._actions if _serves(action)]
        for sequence in _as_typed(event):
            for action in serving:
                if sequence in action.shortcuts():
                    return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A key reaches here only where no shortcut took it: a blocking dialog has it.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
        ):
            action = self.action_for(event)
            if action is not None:
                action.trigger()  # at a limit (the largest size) a disabled action does nothing
                return True
        return super().eventFilter(watched, event)


def every_window_keys() -> EveryWindowKeys | None:
    """The program's keys for every window, made the first time they are asked for (None
    before there is an application)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    existing = app.findChild(EveryWindowKeys)
    return existing if isinstance(existing, EveryWindowKeys) else EveryWindowKeys(app)


def _serves(action: QAction) -> bool:
    """Whether a window ``action`` was put in is open (a menu is shown only while open)."""
    return any(
        isinstance(widget, QWidget) and not isinstance(widget, QMenu) and widget.isVisible()
        for widget in action.associatedObjects()
    )


def _as_typed(event: QKeyEvent) -> list[QKeySequence]:
    """The key pressed as a shortcut would name it: exactly, then without the number pad
    or, for a symbol, Shift."""
    pressed = event.keyCombination()
    modifiers = pressed.keyboardModifiers()
    letter = Qt.Key.Key_A <= pressed.key() <= Qt.Key.Key_Z
    found = [QKeySequence(pressed)]
    for looser in _LOOSER:
        if letter and looser & Qt.KeyboardModifier.ShiftModifier:
            continue
        if modifiers & looser:
            sequence = QKeySequence(QKeyCombination(modifiers & ~looser, pressed.key()))
            if sequence not in found:
                found.append(sequence)
    return found
