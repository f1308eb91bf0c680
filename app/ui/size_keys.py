"""The text size keys, Ctrl+Plus, Ctrl+Minus and Ctrl+0, in every window of the program,
and the new size said in the window the person is in.

A person with low vision should not have to close a dialog to make it readable, so the
keys work wherever the keyboard is (``app.ui.every_window_keys``). There is one set of
these actions for a text size: the main window's View menu and live mode's show the same
three, so a key is never claimed twice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from app.i18n import _
from app.ui.display import TextSize
from app.ui.every_window_keys import every_window_keys
from app.ui.widgets import say_in, window_person_is_in

LARGER_KEYS = [QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="]
SMALLER_KEYS = [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"]
NORMAL_KEYS = ["Ctrl+0"]


def key_sequences(keys: list) -> list[QKeySequence]:  # type: ignore[type-arg]
    """``keys`` (standard keys or key names) as shortcuts, the first kept as the one a menu
    shows; doubles left out, as Qt would take one key given twice as ambiguous."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        found += [s for s in sequences if not s.isEmpty() and s not in found]
    return found


class SizeKeys(QObject):
    """Larger text, smaller text and normal text size: the actions, their keys in every
    window, and the new size said where the person is. ``size_keys`` gives the one set."""

    def __init__(self, text_size: TextSize) -> None:
        super().__init__(text_size)
        self.text_size = text_size
        self.larger = self._action(_("&Larger text"), LARGER_KEYS, text_size.larger)
        self.smaller = self._action(_("&Smaller text"), SMALLER_KEYS, text_size.smaller)
        self.normal = self._action(_("&Normal text size"), NORMAL_KEYS, text_size.normal)
        text_size.changed.connect(self._changed)
        self._show_limits()

    def actions(self) -> list[QAction]:
        return [self.larger, self.smaller, self.normal]

    def add_to(self, window: QWidget, menu: QMenu) -> None:
        """Show the three in ``menu``; they serve ``window`` and the dialogs in front of it,
        even while its menu bar is hidden."""
        for action in self.actions():
            menu.addAction(action)
            window.addAction(action)

    def _action(self, text: str, keys: list, change: Callable[[], object]) -> QAction:  # type: ignore[type-arg]
        action = QAction(text, self)
        action.setShortcuts(key_sequences(keys))
        action.triggered.connect(lambda _checked=False: change())
        keys_everywhere = every_window_keys()
        if keys_everywhere is not None:
            keys_everywhere.add(action)
        return action

    def _show_limits(self) -> None:
        self.larger.setEnabled(self.text_size.can_grow())
        self.smaller.setEnabled(self.text_size.can_shrink())

    def _changed(self, percent: int) -> None:
        self._show_limits()
        window = window_person_is_in() or self._open_window()
        if window is not None:
            say_in(window, _("Text size {percent}%.").format(percent=percent))

    def _open_window(self) -> QWidget | None:
        """A window these keys serve, for a change made while no window has the keyboard."""
        for widget in self.larger.associatedObjects():
            if isinstance(widget, QWidget) and not isinstance(widget, QMenu) and widget.isVisible():
                return widget
        return None


def size_keys(text_size: TextSize) -> SizeKeys:
    """The one set of text size keys for ``text_size``, made the first time it is asked for."""
    existing = text_size.findChild(SizeKeys)
    return existing if isinstance(existing, SizeKeys) else SizeKeys(text_size)
