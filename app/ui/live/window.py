"""Live session mode: the window a facilitator runs a session from, often projected.

It never waits on the data file: every read and write goes to the task runner's worker,
and the screen is redrawn from the state read back. Notes save themselves
(``NotesAutosave``). Time is told in words and numbers and never moves anything on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget
from shiboken6 import isValid

from app.i18n import _
from app.models.enums import MeetingStatus
from app.services import live
from app.services.live import LiveState
from app.services.live_record import SavedRecord
from app.ui.data import DataSource
from app.ui.formatting import window_title
from app.ui.live.agenda import AgendaCommands
from app.ui.live.autosave import NotesAutosave
from app.ui.live.ending import EndingCommands
from app.ui.live.leaving import LeavingCommands
from app.ui.live.records import RecordCommands
from app.ui.live.screen import LiveScreen
from app.ui.live.voice import LiveVoice
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

TICK_MS = 1000


class LiveWindow(AgendaCommands, RecordCommands, EndingCommands, LeavingCommands, QMainWindow):
    loaded = Signal()
    closed = Signal()

    def __init__(
        self,
        source: DataSource,
        runner: TaskRunner,
        meeting_id: int,
        voice: LiveVoice | None = None,
        parent: QWidget | None = None,
        main_window: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source, self.runner, self.meeting_id = source, runner, meeting_id
        self.main_window = main_window
        self.state: LiveState | None = None
        self.record: SavedRecord | None = None  # once the session is closed
        self.records_due, self.tell_when_read = 0, False
        self.dialog: QWidget | None = None
        self.unheard: list[str] = []
        self.opened_closed = False  # the session was closed before live mode opened on it
        self._warned: set[tuple[str, int | None]] = set()
        self._prompted_item: int | None = None
        self.setWindowTitle(window_title(_("Live session")))
        self.setAccessibleName(_("Live session"))
        self.screen_parts = parts = LiveScreen()
        self.setCentralWidget(parts)
        self.status_line = parts.status_line
        self.voice = voice or LiveVoice()
        self.voice.status_line = self.status_line  # how reading aloud goes is told here
        self.notes = parts.notes
        parts.closed.set_leave_words(*self.leave_words())
        parts.closed.leave.clicked.connect(lambda _checked=False: self.leave())
        parts.closed.confirm_payments.connect(self._payments_later)
        self.autosave = NotesAutosave(parts.notes, source, runner, meeting_id, self)
        self.autosave.failed.connect(self._save_failed)
        self._commands()
        parts.check_in.checked.connect(self._check_in)
        parts.check_in.supporter_toggled.connect(self._toggle_supporter)
        parts.check_in.supporter_to_name.connect(self._name_supporter)
        parts.check_in.sent_beforehand.connect(self._mark_sent_beforehand)
        parts.check_in.take_back_sent.connect(self._take_back_sent)
        parts.turns.turn.connect(self._mark_turn)
        parts.turns.take_back.connect(self._take_back)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.show_time)
        self.notes.setFocus()
        self.status_line.show_quietly(_("Opening the session…"))

    # -- commands -----------------------------------------------------------------------

    def _commands(self) -> None:
        keys = QKeySequence
        # (words, key, what it does, whether it still makes sense once the session is closed)
        table = [
            (_("Previous item"), keys("Ctrl+PgUp"), self.previous_item, False),
            (_("Next item"), keys("Ctrl+PgDown"), self.next_item, False),
            (_("Decision from the selected words"), keys("Ctrl+D"), self.record_decision, False),
            (_("Action from the selected words"), keys("Ctrl+Shift+A"), self.record_action, False),
            (_("Break now, or end the break"), keys("Ctrl+B"), self.toggle_break, False),
            (_("Show or hide the aims"), keys("F2"), self.toggle_aims, False),
            (_("Read the aims aloud"), keys("F3"), self.read_aims, True),
            (_("Close the session…"), keys("Ctrl+E"), self.end_session, True),
            (_("Leave live mode"), keys("Ctrl+W"), self.leave, True),
        ]
        self.buttons = {}
        # The menu lists every command with its key, always in view at the top.
        self.session_menu = self.menuBar().addMenu(_("&Session"))
        for text, shortcut, slot, when_closed in table:
            command = slot if when_closed else self._while_open(slot)
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False, run=command: run())
            self.session_menu.addAction(action)
            button = self.screen_parts.add_button(text, shortcut, text)
            button.clicked.connect(lambda _checked=False, run=command: run())
            self.buttons[text] = button

    def _while_open(self, command: Callable[[], None]) -> Callable[[], None]:
        """``command``, or a plain word that the session is closed once what was saved has
        taken the place of the notes."""

        def run() -> None:
            if self.screen_parts.closed_shown():
                self.status_line.announce(
                    _("This session is closed, so nothing more can be added here.")
                )
                self.screen_parts.closed.text.setFocus()
                return
            command()

        return run

    # -- loading and showing ------------------------------------------------------------

    def load(self) -> None:
        self.runner.run(
            lambda: self.source.call(live.open_live, self.meeting_id),
            on_done=self._first_state,
            on_error=self._refused,
        )

    def refresh(self) -> None:
        self.runner.run(
            lambda: self.source.call(live.read_live, self.meeting_id),
            on_done=self.show_state,
            on_error=self._refused,
        )

    def _first_state(self, state: LiveState) -> None:
        self.show_state(state)
        self.setWindowTitle(window_title(_("Live session: {title}").format(title=state.title)))
        if self.screen_parts.closed_shown():
            # Told with what was saved, once that is read: why it is shown, not the notes.
            self.opened_closed = True
            self.loaded.emit()
            return
        aims = [aim.title for aim in state.aims]
        opened = _("Live session opened: {title}.").format(title=state.title)
        heard = opened
        if aims:
            # Heard with the aims (aims first); on screen they are in their own panel
            # already, and a long status line would take the notes' room at large sizes.
            heard = _("Live session opened: {title}. Its aims: {aims}.").format(
                title=state.title, aims="; ".join(aims)
            )
        if state.status == MeetingStatus.HELD:  # the notice is on screen above the item
            heard = _("{opened} {notice}").format(
                opened=heard, notice=self.screen_parts.held_notice.text()
            )
        self.status_line.announce(heard, shown=None if heard == opened else opened)
        self._tick.start()
        self.loaded.emit()

    def show_state(self, state: LiveState) -> None:
        before = self.state
        self.state = state
        parts = self.screen_parts
        if state.status == MeetingStatus.HELD and state.current_item_id is None:
            # Closed here (closing leaves no current item): its notes belong to no item now.
            self.show_closed()
            return
        parts.held_notice.setVisible(state.status == MeetingStatus.HELD)
        parts.session_title.setText(
            _("{title}, {group}").format(title=state.title, group=state.group_name)
        )
        item = state.item(state.current_item_id)
        moved = before is None or before.current_item_id != state.current_item_id
        if moved:
            self.autosave.follow(state.current_item_id, item.notes if item else state.session_notes)
        if item is not None:
            parts.item_title.setText(
                _("Item {number} of {count}: {title}").format(
                    number=item.position, count=len(state.items), title=item.title
                )
            )
            what = _("Notes for {item}").format(item=item.title)
        else:
            parts.item_title.setText(_("This session has no agenda items"))
            what = _("Notes for the session")
        parts.notes_label.setText(_("&{what} (saved as you type)").format(what=what))
        self.notes.setAccessibleName(what)
        parts.aims_text.setText(
            "\n".join(f"{n}. {aim.title}" for n, aim in enumerate(state.aims, 1))
            or _("No aims are linked to this session.")
        )
        parts.check_in.show_people(state)
        self.unheard = parts.turns.show_turns(state)
        self.show_time()

    # -- aims ---------------------------------------------------------------------------

    def toggle_aims(self) -> None:
        parts = self.screen_parts
        shown = not parts.aims_text.isVisible()
        parts.aims_heading.setVisible(shown)
        parts.aims_text.setVisible(shown)
        self.status_line.announce(_("Aims shown.") if shown else _("Aims hidden."))

    def read_aims(self) -> None:
        if self.state is not None and not self.state.aims:
            # Nothing to read: said at once, not spoken, and never "reading aloud is not
            # available" as though there were aims to hear.
            self.status_line.announce(_("This session has no aims linked to it."))
            return
        text = self.screen_parts.aims_text.text()
        if not self.voice.say(_("The aims of this session. {aims}").format(aims=text)):
            self.status_line.announce(
                _("Reading aloud is not available on this computer. The aims are: {aims}").format(
                    aims=text.replace("\n", " ")
                )
            )

    # -- plumbing -----------------------------------------------------------------------

    def _write(self, service: Any, *args: Any, then: Any = None, **kwargs: Any) -> None:
        """Run ``service`` on the worker, then show the state read back (and ``then``
        gets its result, to say what happened)."""
        meeting_id, source = self.meeting_id, self.source

        def done(result: Any) -> None:
            if then is not None:
                then(result)
            self.refresh()

        self.runner.run(
            lambda: source.call(service, meeting_id, *args, **kwargs),
            on_done=done,
            on_error=self._refused,
        )

    def _refused(self, message: str) -> None:
        self.screen_parts.check_in.forget_keyed()
        self.status_line.announce(message, urgent=True)

    def _save_failed(self, message: str) -> None:
        self.status_line.announce(
            _("The notes could not be saved: {reason} They are still on screen.").format(
                reason=message
            ),
            urgent=True,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.autosave.save_now()
        self._tick.stop()
        self.runner.wait_idle(10_000)
        self.voice.close()
        self.closed.emit()
        main_line = getattr(self.main_window, "status_line", None)
        if main_line is not None and isValid(main_line) and self.isVisible():
            main_line.announce(_("Left live mode. Everything is saved."))
        super().closeEvent(event)
