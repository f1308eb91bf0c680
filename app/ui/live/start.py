"""Opening live mode: from the command line (``python -m app --live SESSION``) or from a
session in the Sessions area."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services import session_lookup
from app.ui.data import DataSource
from app.ui.live.voice import LiveVoice
from app.ui.live.window import LiveWindow
from app.ui.tasks import TaskRunner


def open_live_window(
    source: DataSource,
    runner: TaskRunner,
    meeting_id: int,
    *,
    full_screen: bool = True,
    voice: LiveVoice | None = None,
    parent: QWidget | None = None,
) -> LiveWindow:
    """Show the live window on ``meeting_id``, full screen for a projector, and load it."""
    window = LiveWindow(source, runner, meeting_id, voice=voice, parent=parent)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.notes.setFocus()
    window.load()
    return window


def find_meeting_id(source: DataSource, reference: str) -> int:
    """The session ``reference`` names (a number, ``next`` or ``last``); refuses in words."""
    return source.call(session_lookup.find_session, reference).id
