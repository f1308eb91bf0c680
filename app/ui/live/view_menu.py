"""Text size from the live window itself: a projected screen often needs it larger, and
when live mode is started alone there is no main window to change it from."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from app.i18n import _
from app.ui.display import TextSize


def add_view_menu(window: QMainWindow, text_size: TextSize, announce) -> list[QAction]:  # type: ignore[no-untyped-def]
    """A View menu with larger, smaller and normal text (the main window's keys)."""
    menu = window.menuBar().addMenu(_("&View"))
    made = []
    larger = [QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="]
    smaller = [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"]
    for text, keys, change in (
        (_("&Larger text"), larger, text_size.larger),
        (_("&Smaller text"), smaller, text_size.smaller),
        (_("&Normal text size"), ["Ctrl+0"], text_size.normal),
    ):
        action = QAction(text, window)
        action.setShortcuts(_sequences(keys))
        action.triggered.connect(change)
        menu.addAction(action)
        made.append(action)

    def changed(percent: int) -> None:
        made[0].setEnabled(text_size.can_grow())
        made[1].setEnabled(text_size.can_shrink())
        announce(_("Text size {percent}%.").format(percent=percent))

    def let_go() -> None:
        # At the program's end the text size can be gone before the window is.
        if isValid(text_size):
            text_size.changed.disconnect(changed)

    text_size.changed.connect(changed)
    window.destroyed.connect(let_go)
    made[0].setEnabled(text_size.can_grow())
    made[1].setEnabled(text_size.can_shrink())
    return made


def _sequences(keys: list) -> list[QKeySequence]:  # type: ignore[type-arg]
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        found += [s for s in sequences if not s.isEmpty() and s not in found]
    return found
