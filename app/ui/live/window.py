"""Live session mode: the window a facilitator runs a session from, often projected.

It never waits on the data file: every read and write goes to the task runner's worker,
and the screen is redrawn from the state read back. Notes save themselves
(``NotesAutosave``). Time is told in words and numbers and never moves anything on.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from app import APP_NAME
from app.i18n import _
from app.models.enums import AttendanceStatus
from app.services import live, live_actions
from app.services.live import LiveState
from app.services.live_close import Closed
from app.services.live_timing import break_time, item_time, warning_words
from app.ui.data import DataSource
from app.ui.live.autosave import NotesAutosave
from app.ui.live.closing import ClosingDialog, SummaryDialog
from app.ui.live.record_dialogs import LiveActionDialog, LiveDecisionDialog
from app.ui.live.screen import LiveScreen
from app.ui.live.voice import LiveVoice
from app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

UNPLANNED_BREAK_MINUTES = 10
TICK_MS = 1000


class LiveWindow(QMainWindow):
    loaded = Signal()
    closed = Signal()

    def __init__(
        self,
        source: DataSource,
        runner: TaskRunner,
        meeting_id: int,
        voice: LiveVoice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source, self.runner, self.meeting_id = source, runner, meeting_id
        self.voice = voice or LiveVoice()
        self.state: LiveState | None = None
        self.dialog: QWidget | None = None
        self._warned: set[tuple[str, int | None]] = set()
        self._prompted_item: int | None = None
        self.setWindowTitle(_("Live session — {app}").format(app=APP_NAME))
        self.setAccessibleName(_("Live session"))
        self.screen_parts = parts = LiveScreen()
        self.setCentralWidget(parts)
        self.status_line = parts.status_line
        self.notes = parts.notes
        self.autosave = NotesAutosave(parts.notes, source, runner, meeting_id, self)
        self.autosave.failed.connect(self._save_failed)
        self._commands()
        parts.check_in.checked.connect(self._check_in)
        parts.check_in.supporter_toggled.connect(self._toggle_supporter)
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
        table = [
            (_("Previous item"), keys("Ctrl+PgUp"), self.previous_item),
            (_("Next item"), keys("Ctrl+PgDown"), self.next_item),
            (_("Decision from the selected words"), keys("Ctrl+D"), self.record_decision),
            (_("Action from the selected words"), keys("Ctrl+Shift+A"), self.record_action),
            (_("Break now, or end the break"), keys("Ctrl+B"), self.toggle_break),
            (_("Show or hide the aims"), keys("F2"), self.toggle_aims),
            (_("Read the aims aloud"), keys("F3"), self.read_aims),
            (_("End the session"), keys("Ctrl+E"), self.end_session),
        ]
        self.buttons = {}
        for text, shortcut, slot in table:
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button = self.screen_parts.add_button(text, shortcut, text)
            button.clicked.connect(slot)
            self.buttons[text] = button

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
        self.setWindowTitle(
            _("Live session: {title} — {app}").format(title=state.title, app=APP_NAME)
        )
        aims = [aim.title for aim in state.aims]
        if aims:
            self.status_line.announce(
                _("Live session opened: {title}. Its aims: {aims}.").format(
                    title=state.title, aims="; ".join(aims)
                )
            )
        else:
            self.status_line.announce(_("Live session opened: {title}.").format(title=state.title))
        self._tick.start()
        self.loaded.emit()

    def show_state(self, state: LiveState) -> None:
        before = self.state
        self.state = state
        parts = self.screen_parts
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

    def show_time(self) -> None:
        state = self.state
        if state is None:
            return
        parts = self.screen_parts
        now = datetime.now(UTC)
        running = state.running_break
        if running is not None:
            time = break_time(running.minutes, (now - running.started_at).total_seconds())
            parts.break_banner.setText(
                _("Break: {time}. Press Ctrl+B when everyone is back.").format(time=time.words)
            )
            parts.break_banner.show()
            parts.time_left.setText(_("The item's time is paused for the break."))
            self._warn_once(("break", running.id), time.warn, warning_words(time, of_break=True))
            return
        parts.break_banner.hide()
        item = state.item(state.current_item_id)
        if item is None or state.item_started_at is None:
            parts.time_left.setText("")
            return
        time = item_time(item.minutes, (now - state.item_started_at).total_seconds())
        if parts.time_left.text() != time.words:  # calm: the words change once a minute
            parts.time_left.setText(time.words)
        if time.warn:
            parts.warning.setText(warning_words(time))
        else:
            parts.warning.setText("")
        self._warn_once(("item", item.id), time.warn, warning_words(time))
        if time.minutes_left == 0:
            self._announce_planned_break(item.position)

    def _warn_once(self, key: tuple[str, Any], due: bool, words: str) -> None:
        if due and key not in self._warned:
            self._warned.add(key)
            self.status_line.announce(words)
            self.voice.say(words)

    def _announce_planned_break(self, position: int) -> None:
        planned = self._planned_break_after(position)
        if planned is not None and ("planned", planned.id) not in self._warned:
            self._warned.add(("planned", planned.id))
            words = _("A {minutes}-minute break is planned now. Press Ctrl+B to start it.").format(
                minutes=planned.minutes
            )
            self.status_line.announce(words)
            self.voice.say(words)

    def _planned_break_after(self, position: int) -> live.LiveBreak | None:
        assert self.state is not None
        return next(
            (b for b in self.state.breaks if b.after_position == position and not b.taken), None
        )

    # -- check-in and turns -------------------------------------------------------------

    def _check_in(self, person_id: int, status: AttendanceStatus) -> None:
        self._write(live_actions.check_in, person_id, status)
        person = self.state.person(person_id) if self.state else None
        if person is not None:
            words = {
                AttendanceStatus.PRESENT: _("{name} is present."),
                AttendanceStatus.APOLOGIES: _("{name} sent apologies."),
                AttendanceStatus.ABSENT: _("{name} is absent."),
            }[status]
            self.status_line.announce(words.format(name=person.name))

    def _toggle_supporter(self, person_id: int) -> None:
        person = self.state.person(person_id) if self.state else None
        if person is None:
            return
        status = person.status or AttendanceStatus.PRESENT
        self._write(
            live_actions.check_in, person_id, status, with_supporter=not person.with_supporter
        )
        words = (
            _("{name} came with a supporter.")
            if not person.with_supporter
            else _("{name} came without a supporter.")
        )
        self.status_line.announce(words.format(name=person.name))

    def _mark_turn(self, person_id: int) -> None:
        if self.state is None:
            return
        self._write(live_actions.mark_contribution, person_id, self.state.current_item_id)
        person = self.state.person(person_id)
        if person is not None:
            self.status_line.announce(_("Turn marked for {name}.").format(name=person.name))

    def _take_back(self, person_id: int) -> None:
        if self.state is None:
            return
        self._write(live_actions.take_back_contribution, person_id, self.state.current_item_id)
        person = self.state.person(person_id)
        if person is not None:
            self.status_line.announce(_("One turn taken back for {name}.").format(name=person.name))

    # -- agenda and breaks ----------------------------------------------------------------

    def next_item(self) -> None:
        self._step(+1)

    def previous_item(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        state = self.state
        if state is None or not state.items:
            return
        ids = [item.id for item in state.items]
        index = ids.index(state.current_item_id) if state.current_item_id in ids else -1
        target = index + direction
        if not 0 <= target < len(ids):
            self.status_line.announce(
                _("This is the last item.") if direction > 0 else _("This is the first item.")
            )
            return
        if direction > 0 and self.unheard and self._prompted_item != state.current_item_id:
            self._prompted_item = state.current_item_id
            words = _(
                "Not yet heard on this item: {names}. You may like to invite them before "
                "moving on. Press Ctrl+Page Down again to move on."
            ).format(names=", ".join(self.unheard))
            self.screen_parts.prompt.setText(words)
            self.screen_parts.prompt.show()
            self.status_line.announce(words)
            return
        self.screen_parts.prompt.hide()
        finished = state.items[index] if index >= 0 else None
        self.autosave.save_now()
        self._write(live_actions.move_to_item, ids[target])
        self.status_line.announce(
            _("Now on item {number}: {title}.").format(
                number=state.items[target].position, title=state.items[target].title
            )
        )
        if direction > 0 and finished is not None:
            self._announce_planned_break(finished.position)

    def toggle_break(self) -> None:
        state = self.state
        if state is None:
            return
        if state.running_break is not None:
            self._write(live_actions.end_break)
            self.status_line.announce(_("The break is over. Welcome back."))
            return
        item = state.item(state.current_item_id)
        planned = None
        if item is not None:
            planned = self._planned_break_after(item.position) or self._planned_break_after(
                item.position - 1
            )
        minutes = planned.minutes if planned else UNPLANNED_BREAK_MINUTES
        self._write(
            live_actions.start_break, minutes, planned_break_id=planned.id if planned else None
        )
        self.status_line.announce(
            _("Break started: {minutes} minutes. Press Ctrl+B when everyone is back.").format(
                minutes=minutes
            )
        )

    # -- aims ---------------------------------------------------------------------------

    def toggle_aims(self) -> None:
        parts = self.screen_parts
        shown = not parts.aims_text.isVisible()
        parts.aims_heading.setVisible(shown)
        parts.aims_text.setVisible(shown)
        self.status_line.announce(_("Aims shown.") if shown else _("Aims hidden."))

    def read_aims(self) -> None:
        text = self.screen_parts.aims_text.text()
        if not self.voice.say(_("The aims of this session. {aims}").format(aims=text)):
            self.status_line.announce(
                _("Reading aloud is not available on this computer. The aims are: {aims}").format(
                    aims=text.replace("\n", " ")
                )
            )

    # -- decisions, actions and the end -------------------------------------------------

    def selected_words(self) -> str:
        return self.notes.textCursor().selectedText().replace("\u2029", "\n")

    def record_decision(self) -> None:
        if self.state is None:
            return
        dialog = LiveDecisionDialog(
            self,
            self.runner,
            self.source,
            self.meeting_id,
            self.selected_words(),
            [p for p in self.state.people if p.status == AttendanceStatus.PRESENT]
            or list(self.state.people),
        )
        dialog.saved.connect(lambda _id: self._recorded(_("Decision recorded.")))
        self._open(dialog)

    def record_action(self) -> None:
        if self.state is None:
            return
        latest = self.state.decisions[-1].id if self.state.decisions else None
        dialog = LiveActionDialog(
            self,
            self.runner,
            self.source,
            self.meeting_id,
            self.selected_words(),
            list(self.state.people),
            latest,
        )
        dialog.saved.connect(lambda _id: self._recorded(_("Action recorded.")))
        self._open(dialog)

    def end_session(self) -> None:
        if self.state is None:
            return
        self.autosave.save_now()
        dialog = ClosingDialog(self, self.runner, self.source, self.meeting_id, self.state.aims)
        dialog.saved.connect(self._show_summary)
        self._open(dialog)

    def _show_summary(self, closed: Closed) -> None:
        self._tick.stop()
        self.status_line.announce(_("The session is closed. Here is its summary."))
        dialog = SummaryDialog(self, self.runner, self.source, closed)
        dialog.saved.connect(
            lambda count: self.status_line.announce(
                _("Payments confirmed: {count}.").format(count=count)
            )
        )
        self._open(dialog)
        self.refresh()

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._back_to_notes)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def _back_to_notes(self, _code: int = 0) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.activateWindow()  # the summary follows the closing questions
            return
        self.activateWindow()
        self.notes.setFocus()

    def _recorded(self, words: str) -> None:
        self.status_line.announce(words)
        self.refresh()

    # -- plumbing -----------------------------------------------------------------------

    def _write(self, service: Any, *args: Any, **kwargs: Any) -> None:
        meeting_id, source = self.meeting_id, self.source
        self.runner.run(
            lambda: source.call(service, meeting_id, *args, **kwargs),
            on_done=lambda _r: self.refresh(),
            on_error=self._refused,
        )

    def _refused(self, message: str) -> None:
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
        super().closeEvent(event)
