"""The end of a live session: closing it (Ctrl+E), then what was saved shown in place of
the notes, with the payments to confirm."""

from __future__ import annotations

from typing import Any

from app.i18n import _
from app.models.enums import MeetingStatus
from app.services import live_record
from app.services.live_close import Closed
from app.services.live_record import SavedRecord
from app.ui.live.closed_screen import counted_lines
from app.ui.live.closing import ClosingDialog, SummaryDialog


class EndingCommands:
    """Part of ``LiveWindow``: uses its state, screen parts, status line and runner."""

    state: Any
    screen_parts: Any
    status_line: Any
    runner: Any
    source: Any
    meeting_id: int
    autosave: Any
    dialog: Any
    record: SavedRecord | None
    opened_closed: bool
    records_due: int  # what was saved, being read
    tell_when_read: bool
    _tick: Any

    # From the other parts of the window (annotations only, so none hides another's).
    invite_unheard: Any
    refresh: Any
    _open: Any
    _refused: Any

    # -- closing the session --------------------------------------------------------------

    def end_session(self) -> None:
        state = self.state
        if state is None:
            return
        if state.status == MeetingStatus.HELD:
            self.status_line.announce(
                _("This session is already closed. Everything in it is saved.")
            )
            self.screen_parts.main_part().setFocus()
            return
        if self.invite_unheard(_("Press Ctrl+E again to close the session.")):
            return
        self.screen_parts.prompt.hide()
        self.autosave.save_now()
        dialog = ClosingDialog(self, self.runner, self.source, self.meeting_id, state.aims)
        dialog.saved.connect(self._closed_now)
        self._open(dialog)

    def _closed_now(self, closed: Closed) -> None:
        self._tick.stop()
        self.status_line.announce(
            _("The session is closed and everything is saved. Here is its summary.")
        )
        self._confirm_payments(closed)
        self.refresh()  # the record takes the place of the notes

    def _confirm_payments(self, closed: Closed) -> None:
        dialog = SummaryDialog(self, self.runner, self.source, closed)

        def confirmed(_count: int) -> None:
            self.status_line.announce(dialog.confirmed_words())
            self._load_record()

        dialog.saved.connect(confirmed)
        self._open(dialog)

    def _payments_later(self) -> None:
        """The payments not confirmed when the session closed, from its record."""
        record = self.record
        if record is not None:
            self._confirm_payments(Closed(record.summary, record.payments))

    # -- what was saved -------------------------------------------------------------------

    def show_closed(self) -> None:
        """What was saved, in place of the notes; read afresh each time, as confirming
        payments changes it."""
        self._tick.stop()
        self.screen_parts.show_closed()
        self._load_record()

    def _load_record(self) -> None:
        self.records_due += 1

        def read(record: SavedRecord) -> None:
            self.records_due -= 1
            self._show_record(record)

        def refused(message: str) -> None:
            self.records_due -= 1
            self._refused(message)

        self.runner.run(
            lambda: self.source.call(live_record.what_was_saved, self.meeting_id),
            on_done=read,
            on_error=refused,
        )

    def _show_record(self, record: SavedRecord) -> None:
        first = self.record is None
        self.record = record
        self.screen_parts.closed.show_record(record)
        in_dialog = self.dialog is not None and self.dialog.isVisible()
        if self.records_due == 0 and (self.tell_when_read or (first and not in_dialog)):
            self.tell_what_was_saved()

    def tell_what_was_saved(self) -> None:
        """Give what was saved the keyboard and have it heard: the counts in full, and on
        the status line only what the page above leaves out. While a newer reading is on its
        way (payments just confirmed), this waits for it, so nothing out of date is heard."""
        closed = self.screen_parts.closed
        closed.text.setFocus()
        self.tell_when_read = self.record is None or self.records_due > 0
        if self.tell_when_read:
            return
        assert self.record is not None
        heard = [closed.heading.text(), *counted_lines(self.record)]
        # On screen, the heading and the counts are just above: only what they leave out.
        shown = _("Everything is saved.")
        if self.opened_closed:  # why this is shown rather than the notes, said once
            self.opened_closed = False
            shown = _("This session was already closed when live mode opened on it.")
            heard.insert(0, shown)
        self.status_line.announce(" ".join(heard), shown=shown)
