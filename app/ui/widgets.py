"""Small widgets the screens share: headings that follow the text size, and a status line
that screen readers hear."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QFont,
    QGuiApplication,
)
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from app.i18n import _
from app.ui.display import heading_font


class Heading(QLabel):
    """A bold heading a little larger than the text around it, at every text size."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFont(heading_font())
        # A font of its own stops the application font reaching it, so follow that by hand.
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self._follow_text_size)

    @Slot(QFont)
    def _follow_text_size(self, _font: QFont) -> None:
        self.setFont(heading_font())


class StatusLine(QLabel):
    """The line at the foot of the window; what it says is also announced to screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAccessibleName(_("Status"))
        self.announced: list[str] = []  # what was said, newest last (for tests and the log)

    def show_quietly(self, message: str) -> None:
        """Show ``message`` without interrupting a screen reader (e.g. "Loading…")."""
        self.setText(message)

    def announce(self, message: str, *, urgent: bool = False, shown: str | None = None) -> None:
        """Show ``message`` and have screen readers say it (at once, if ``urgent``). A
        ``shown`` text is shown instead, where the screen already shows the rest."""
        self.setText(message if shown is None else shown)
        self.announced.append(message)
        del self.announced[:-50]
        announcement = QAccessibleAnnouncementEvent(self, message)
        announcement.setPoliteness(
            QAccessible.AnnouncementPoliteness.Assertive
            if urgent
            else QAccessible.AnnouncementPoliteness.Polite
        )
        QAccessible.updateAccessibility(announcement)
        # Older screen readers ignore announcements but hear a label's name change.
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless area that scrolls, so that at large text sizes a screen
    scrolls rather than squashing what is on it; Tab goes straight to the controls."""
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QScrollArea.Shape.NoFrame)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroller.setWidget(page)
    return scroller
