"""The live window's records: check-in and turns as they are keyed, and decisions and
actions through their dialogs."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QWidget

from app.i18n import _
from app.models.enums import AttendanceStatus
from app.services import live_actions
from app.services.live import LivePerson
from app.ui.live.people_lists import status_words
from app.ui.live.record_dialogs import LiveActionDialog, LiveDecisionDialog, SupporterDialog


class RecordCommands:
    """Part of ``LiveWindow``: uses its state, notes, runner, source and status line."""

    state: Any
    notes: Any
    runner: Any
    source: Any
    meeting_id: int
    status_line: Any
    autosave: Any
    dialog: Any
    screen_parts: Any
    tell_what_was_saved: Any  # from EndingCommands (an annotation only: it hides nothing)

    def _write(self, service: Any, *args: Any, then: Any = None, **kwargs: Any) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def _check_in(self, person_id: int, status: AttendanceStatus) -> None:
        person = self.screen_parts.check_in.person(person_id)
        self._write(live_actions.check_in, person_id, status)
        if person is None:
            return
        if status == AttendanceStatus.PRESENT:
            self._checked_in(replace(person, status=status))
        else:  # someone not here has no supporter with them
            self._checked_in(
                replace(person, status=status, with_supporter=False, supporter_name="")
            )

    def _checked_in(self, person: LivePerson) -> None:
        """Say how ``person`` is checked in now, and move on to the next person not yet
        checked in, so that the next key is for them."""
        said = _("{name}: {status}.").format(name=person.name, status=status_words(person))
        following = self.screen_parts.check_in.move_on_from(person.id)
        if following is None:
            self.status_line.announce(_("{said} Everyone is checked in.").format(said=said))
        else:
            self.status_line.announce(
                _("{said} Next: {name}.").format(said=said, name=following.name)
            )

    def _toggle_supporter(self, person_id: int) -> None:
        person = self.screen_parts.check_in.person(person_id)
        if person is None:
            return
        if person.status != AttendanceStatus.PRESENT:
            # A supporter goes with being present: S checks them in so, and moves on as P does.
            self._write(live_actions.toggle_supporter, person_id)
            self._checked_in(replace(person, status=AttendanceStatus.PRESENT, with_supporter=True))
            return

        # Someone already present: only their supporter changes. The row stays on them, as
        # the facilitator came back to them on purpose and will want to hear (or undo) it.
        # What is said comes from what was kept, as a second S may follow before it is.
        def told(with_supporter: bool) -> None:
            words = (
                _("{name} came with a supporter.")
                if with_supporter
                else _("{name} came without a supporter.")
            )
            self.status_line.announce(words.format(name=person.name))

        self._write(live_actions.toggle_supporter, person_id, then=told)

    def _name_supporter(self, person_id: int) -> None:
        person = self.screen_parts.check_in.person(person_id)
        if person is None:
            return
        dialog = SupporterDialog(self, self.runner, self.source, self.meeting_id, person)
        was_present = person.status == AttendanceStatus.PRESENT

        def told(supporter: str) -> None:
            if not was_present:  # checked in by naming the supporter: on, as with S
                self._checked_in(
                    replace(
                        person,
                        status=AttendanceStatus.PRESENT,
                        with_supporter=True,
                        supporter_name=supporter,
                    )
                )
                self.refresh()
                return
            words = (
                _("{name} came with {supporter} supporting them.")
                if supporter
                else _("{name} came with a supporter.")
            )
            self._recorded(words.format(name=person.name, supporter=supporter))

        dialog.saved.connect(told)
        self._open(dialog)
        # Back to the check-in list (after _open's return to the notes): the next person.
        dialog.finished.connect(lambda _code: self.screen_parts.check_in.setFocus())

    def _mark_turn(self, person_id: int) -> None:
        if self.state is None:
            return
        self._write(live_actions.mark_contribution, person_id, self.state.current_item_id)
        person = self.state.person(person_id)
        if person is not None:
            self.status_line.announce(_("Turn marked for {name}.").format(name=person.name))

    def _mark_sent_beforehand(self, person_id: int) -> None:
        """Counted for the whole session, so it stands on every item."""
        person = self.state.person(person_id) if self.state else None
        if person is None:
            return
        self._write(live_actions.mark_contribution, person_id, None, sent_beforehand=True)
        self.status_line.announce(
            _("Recorded: {name} sent something in beforehand.").format(name=person.name)
        )

    def _take_back_sent(self, person_id: int) -> None:
        person = self.state.person(person_id) if self.state else None
        if person is None:
            return

        def told(taken: bool) -> None:
            words = (
                _("One contribution sent in beforehand taken back for {name}.")
                if taken
                else _(
                    "Nothing sent in beforehand was recorded for {name} with B, so there is "
                    "nothing to take back."
                )
            )
            self.status_line.announce(words.format(name=person.name))

        self._write(
            live_actions.take_back_contribution, person_id, None, sent_beforehand=True, then=told
        )

    def _take_back(self, person_id: int) -> None:
        if self.state is None:
            return
        person = self.state.person(person_id)

        def told(taken: bool) -> None:
            if person is None:
                return
            words = (
                _("One turn taken back for {name}.")
                if taken
                else _("{name} has no turn on this item to take back.")
            )
            self.status_line.announce(words.format(name=person.name))

        self._write(
            live_actions.take_back_contribution, person_id, self.state.current_item_id, then=told
        )

    # -- decisions and actions -----------------------------------------------------------

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
        dialog = LiveActionDialog(
            self,
            self.runner,
            self.source,
            self.meeting_id,
            self.selected_words(),
            list(self.state.people),
            self.state.decisions,
        )
        dialog.saved.connect(lambda _id: self._recorded(_("Action recorded.")))
        self._open(dialog)

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._back_to_notes)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def _back_to_notes(self, _code: int = 0) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.activateWindow()  # the summary follows the closing questions
            return
        self.activateWindow()
        if self.screen_parts.closed_shown():
            self.tell_what_was_saved()
        else:
            self.notes.setFocus()

    def _recorded(self, words: str) -> None:
        self.status_line.announce(words)
        self.refresh()
