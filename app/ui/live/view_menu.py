"""Text size from the live window itself: a projected screen often needs it larger, and
when live mode is started alone there is no main window to change it from."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from app.i18n import _
from app.ui.display import TextSize
from app.ui.size_keys import size_keys


def add_view_menu(window: QMainWindow, text_size: TextSize) -> list[QAction]:
    """A View menu with larger, smaller and normal text: the main window's own three
    actions (app.ui.size_keys), so that with both windows open a key is still one step, and
    the new size is said in live mode when the person is there."""
    keys = size_keys(text_size)
    keys.add_to(window, window.menuBar().addMenu(_("&View")))
    return keys.actions()
