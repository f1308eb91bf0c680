"""A dialog whose window bar shows its whole title.

A window bar cuts a title longer than the window is wide ("Record a decis… — Roundtable"),
and a dialog sized for its fields at normal text size is often narrower than its title.
Every dialog Roundtable defines derives from ``Dialog``, which opens at least as wide as
its title needs (within its screen), and widens again if its title grows while it is open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from app.ui.formatting import title_width

SCREEN_SHARE = 0.9  # a title longer than this share of the screen is left to be cut


def title_room(window: QWidget) -> int:
    """How wide ``window`` must be to show its title whole, within its screen."""
    wanted = title_width(window.windowTitle())
    screen = window.screen()
    if screen is not None:
        wanted = min(wanted, int(screen.availableGeometry().width() * SCREEN_SHARE))
    return wanted


def fit_title(window: QWidget) -> None:
    """Widen ``window`` (never narrow it) so that its window bar shows its whole title."""
    wanted = title_room(window)
    if window.width() < wanted:
        window.resize(wanted, window.height())


class Dialog(QDialog):
    """A dialog at least as wide as its title. (One that sizes itself again once shown
    takes ``title_room`` into account there too.)"""

    def showEvent(self, event: QShowEvent) -> None:
        fit_title(self)  # before it is drawn: its own sizing has been done by now
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowTitleChange and self.isVisible():
            fit_title(self)
