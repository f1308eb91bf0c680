"""The live window's agenda: the time box in words and numbers, gentle warnings, planned
breaks announced when due, moving between items (inviting anyone not yet heard first) and
taking a break. Time is only told: nothing here moves the session on by itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from app import clock
from app.i18n import _
from app.services import live, live_actions
from app.services.live_timing import break_time, item_time, warning_words

UNPLANNED_BREAK_MINUTES = 10


class AgendaCommands:
    """Part of ``LiveWindow``: uses its state, screen parts, status line and voice."""

    state: Any
    screen_parts: Any
    status_line: Any
    voice: Any
    autosave: Any
    unheard: list[str]
    _warned: set[tuple[str, Any]]
    _prompted_item: int | None

    def _write(self, service: Any, *args: Any, then: Any = None, **kwargs: Any) -> None:
        raise NotImplementedError

    def show_time(self) -> None:
        state = self.state
        if state is None:
            return
        parts = self.screen_parts
        now = clock.now()
        running = state.running_break
        if running is not None:
            time = break_time(running.minutes, (now - running.started_at).total_seconds())
            parts.break_banner.setText(
                _("Break: {time}. Press Ctrl+B when everyone is back.").format(time=time.words)
            )
            parts.break_banner.show()
            parts.time_left.setText(_("The item's time is paused for the break."))
            parts.warning.hide()
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
            # The minutes are already in large type just above: the words say what they mean.
            parts.warning.setText(_("Nearly time.") if time.minutes_left else warning_words(time))
        parts.warning.setVisible(time.warn)
        if time.minutes_left:
            self._warn_once(("item", item.id), time.warn, warning_words(time))
        else:
            # Said once more when the time is up; still nothing moves on by itself.
            self._warned.add(("item", item.id))
            self._warn_once(("item up", item.id), True, warning_words(time))
            self._announce_planned_break(item.position)

    def _warn_once(self, key: tuple[str, Any], due: bool, words: str) -> None:
        if due and key not in self._warned:
            self._warned.add(key)
            self.status_line.announce(words)
            if not self.voice.say(words):
                QApplication.beep()  # a sound even where there is no speech

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
        if direction > 0 and self.invite_unheard(_("Press Ctrl+Page Down again to move on.")):
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

    def invite_unheard(self, then: str) -> bool:
        """Before an item closes, name (once) those present not yet heard on it; True if
        there were any, so the person can invite them before pressing again."""
        state = self.state
        if not self.unheard or self._prompted_item == state.current_item_id:
            return False
        self._prompted_item = state.current_item_id
        words = _(
            "Not yet heard on this item: {names}. You may like to invite them before "
            "moving on. {then}"
        ).format(names=", ".join(self.unheard), then=then)
        self.screen_parts.prompt.setText(words)
        self.screen_parts.prompt.show()
        self.status_line.announce(words)
        return True

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
