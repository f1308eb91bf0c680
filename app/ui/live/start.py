"""Opening live mode: from the command line (``python -m app --live SESSION``) or from a
session in the Sessions area."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.i18n import _
from app.services import session_lookup
from app.ui.data import DataSource
from app.ui.display import TextSize
from app.ui.live.view_menu import add_view_menu
from app.ui.live.voice import LiveVoice
from app.ui.live.window import LiveWindow
from app.ui.read_aloud import ReadAloud
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner


def open_live_window(
    source: DataSource,
    runner: TaskRunner,
    meeting_id: int,
    *,
    full_screen: bool = True,
    voice: LiveVoice | None = None,
    parent: QWidget | None = None,
    text_size: TextSize | None = None,
    main_window: QWidget | None = None,
) -> LiveWindow:
    """Show the live window on ``meeting_id``, full screen for a projector, and load it;
    with ``text_size``, its View menu changes the text size there too. Leaving it goes back
    to ``main_window``; without one (``--live``), leaving ends the program."""
    window = LiveWindow(
        source, runner, meeting_id, voice=voice, parent=parent, main_window=main_window
    )
    if text_size is not None:
        add_view_menu(window, text_size)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.notes.setFocus()
    window.load()
    return window


def add_read_aloud(window: LiveWindow, settings: Settings) -> ReadAloud:
    """Read aloud in the live window when it is the only one (started with ``--live``), with
    the person's chosen voice and speed; the aims and time warnings use it too."""
    read_aloud = ReadAloud(settings, window.status_line, window)
    read_aloud.add_menu(window.menuBar())
    window.closed.connect(read_aloud.close)
    return read_aloud


def drawn_once(window: LiveWindow, runner: TaskRunner, timeout_ms: int) -> str:
    """For ``--smoke``: wait for the session to show and draw the window once; what went
    wrong, in words (empty when all is well)."""
    if not runner.wait_idle(timeout_ms) or window.state is None:
        return _("The live session did not finish loading within a minute.")
    QCoreApplication.processEvents()
    if window.grab().isNull():
        return _("Roundtable could not draw the live session.")
    return ""


def find_meeting_id(source: DataSource, reference: str) -> int:
    """The session ``reference`` names (a number, ``next`` or ``last``); refuses in words."""
    return source.call(session_lookup.find_session, reference).id
