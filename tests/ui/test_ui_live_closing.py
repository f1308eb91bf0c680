"""Closing a session in live mode ends on what was saved, in words, in place of the notes,
with one obvious way back; a closed session says so, however it is reached."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models.enums import AttendanceStatus, MeetingStatus
from app.services import live, live_actions, live_close, meetings
from app.services.live import read_live
from app.ui.data import DataSource
from app.ui.live.closing import ClosingDialog, SummaryDialog
from app.ui.live.start import open_live_window
from app.ui.live.voice import LiveVoice
from app.ui.live.window import LiveWindow
from app.ui.tasks import TaskRunner
from tests.live_sample import make_live_session

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NO_RAISE = ("This plugin does not support raise", "This plugin does not support propagateSizeHints")


def _no_speech():  # type: ignore[no-untyped-def]
    raise RuntimeError("no speech in these tests")


def opened(qtbot, window: LiveWindow) -> LiveWindow:  # type: ignore[no-untyped-def]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def opened_alone(qtbot, db, meeting_id: int) -> tuple[LiveWindow, TaskRunner]:  # type: ignore[no-untyped-def]
    """Live mode on its own, as ``--live`` opens it, with no speech."""
    runner = TaskRunner()
    window = open_live_window(
        DataSource(db), runner, meeting_id, full_screen=False, voice=LiveVoice(None, _no_speech)
    )
    return opened(qtbot, window), runner


def focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def in_front(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # as the window system does; the offscreen one needs telling
    qtbot.waitUntil(dialog.isActiveWindow)


@pytest.mark.qt_log_ignore(*NO_RAISE)
def test_closing_ends_on_what_was_saved_and_enter_goes_back(qtbot, db, open_window) -> None:  # type: ignore[no-untyped-def]
    sample = make_live_session(db)
    parts = open_window()
    main = parts.window
    window = opened(
        qtbot,
        open_live_window(
            parts.source,
            parts.runner,
            sample.meeting_id,
            full_screen=False,
            voice=LiveVoice(None, _no_speech),
            main_window=main,
        ),
    )
    runner = parts.runner

    def press(key: Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(focused(), key, modifier)
        assert runner.wait_idle(10_000)

    qtbot.waitUntil(window.notes.hasFocus)
    qtbot.keyClicks(window.notes, "Tea and names.")
    press(Key.Key_PageDown, CTRL)  # nobody is present yet, so nobody is waiting to be heard
    qtbot.waitUntil(lambda: window.notes.accessibleName() == "Notes for Repairs: what has changed")
    qtbot.keyClicks(window.notes, "Much better since May.")
    press(Key.Key_C, ALT)
    press(Key.Key_Down)  # Grace
    press(Key.Key_P)  # on to Margaret
    press(Key.Key_P)

    press(Key.Key_E, CTRL)  # first, those not yet heard on this item are named
    press(Key.Key_E, CTRL)
    closing = window.dialog
    assert isinstance(closing, ClosingDialog)
    in_front(qtbot, closing)
    press(Key.Key_C, ALT)  # Close the session
    qtbot.waitUntil(lambda: isinstance(window.dialog, SummaryDialog))
    payments = window.dialog
    in_front(qtbot, payments)
    press(Key.Key_C, ALT)  # Confirm the ticked payments (Grace's and Margaret's)
    qtbot.waitUntil(lambda: not payments.isVisible())

    # What was saved, in place of the notes, with the keyboard (so a screen reader reads it).
    closed = window.screen_parts.closed
    qtbot.waitUntil(closed.text.hasFocus)
    qtbot.waitUntil(lambda: "• 2 payments confirmed." in closed.text.toPlainText().splitlines())
    assert window.screen_parts.closed_shown() and not window.notes.isVisible()
    assert closed.heading.text() == (
        "The session “Wheelchair repairs” is closed. Everything is saved."
    )
    text = closed.text.toPlainText()
    for line in (
        "• Agenda: 2 items, 2 of them talked about (with notes or turns recorded).",
        "• Notes kept on 2 items: Welcome and check-in; Repairs: what has changed.",
        "• 2 people present.",
        "• 0 decisions recorded.",
        "• 0 of 2 aims reviewed.",
        "• 2 payments confirmed.",
    ):
        assert line in text.splitlines(), text
    qtbot.waitUntil(lambda: "Notes kept on 2 items" in window.status_line.announced[-1])
    assert window.status_line.announced[-1].startswith(closed.heading.text())
    assert window.status_line.text() == "Everything is saved."
    assert not closed.payments.isVisible()  # none left to confirm

    # The session is closed: Ctrl+E says so, and nothing more is recorded here.
    press(Key.Key_E, CTRL)
    assert window.status_line.announced[-1] == (
        "This session is already closed. Everything in it is saved."
    )
    assert window.dialog is payments and not payments.isVisible()
    press(Key.Key_D, CTRL)
    assert window.status_line.announced[-1] == (
        "This session is closed, so nothing more can be added here."
    )
    assert focused() is closed.text

    # One obvious way back: Enter presses it.
    assert closed.leave.text() == "&Back to the main window"
    assert closed.leave.accessibleName() == "Back to the main window"
    qtbot.keyClick(closed.text, Key.Key_Return)
    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(main.isActiveWindow)
    assert main.status_line.announced[-1] == "Left live mode. Everything is saved."
    state = read_live(db, sample.meeting_id)
    assert state.status == MeetingStatus.HELD
    assert state.item(sample.items[0]).notes == "Tea and names."  # type: ignore[union-attr]


def test_a_session_closed_before_shows_what_was_saved_and_its_payments_to_confirm(
    qtbot, db
) -> None:  # type: ignore[no-untyped-def]
    sample = make_live_session(db)
    live.open_live(db, sample.meeting_id)  # run in live mode, and closed there, earlier
    live_actions.check_in(
        db, sample.meeting_id, sample.people["Margaret"], AttendanceStatus.PRESENT
    )
    live_actions.save_notes(db, sample.meeting_id, sample.items[0], "Tea and names.")
    live_close.finish_session(db, sample.meeting_id, reviews=[])
    window, runner = opened_alone(qtbot, db, sample.meeting_id)
    closed = window.screen_parts.closed
    qtbot.waitUntil(lambda: "Notes kept" in " ".join(window.status_line.announced[-1:]))
    assert closed.text.hasFocus()
    said = window.status_line.announced[-1]
    assert said.startswith("This session was already closed when live mode opened on it.")
    assert "Notes kept on 1 item: Welcome and check-in." in said
    assert window.status_line.text() == (
        "This session was already closed when live mode opened on it."
    )
    assert "• 1 suggested payment is not confirmed yet." in closed.text.toPlainText()
    # Started alone, the way out ends live mode, and says so.
    assert closed.leave.text() == "Close &live mode"

    # The payment not confirmed when it closed can be confirmed from here.
    assert closed.payments.isVisible()
    qtbot.keyClick(closed.text, Key.Key_P, ALT)
    qtbot.waitUntil(lambda: isinstance(window.dialog, SummaryDialog))
    payments = window.dialog
    in_front(qtbot, payments)
    assert [row.suggestion.name for row in payments.rows] == ["Margaret O'Neill"]
    qtbot.keyClick(focused(), Key.Key_C, ALT)
    qtbot.waitUntil(lambda: not payments.isVisible())
    qtbot.waitUntil(lambda: "• 1 payment confirmed." in closed.text.toPlainText().splitlines())
    assert "1 payment confirmed." in window.status_line.announced
    assert not closed.payments.isVisible()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(focused(), Key.Key_L, ALT)
    qtbot.waitUntil(lambda: not window.isVisible())
    runner.shutdown(wait=True)


def test_a_session_marked_held_elsewhere_opens_on_its_notes_and_says_it_is_closed(
    qtbot, db
) -> None:  # type: ignore[no-untyped-def]
    sample = make_live_session(db, held=True)
    window, runner = opened_alone(qtbot, db, sample.meeting_id)
    notice = "This session is already closed. What you write here is still saved to it."
    assert window.screen_parts.held_notice.isVisible()
    assert window.screen_parts.held_notice.text() == notice
    assert window.status_line.announced[-1].endswith(notice)
    qtbot.waitUntil(window.notes.hasFocus)
    qtbot.keyClicks(window.notes, "Added afterwards.")
    qtbot.keyClick(window.notes, Key.Key_E, CTRL)
    assert window.status_line.announced[-1] == (
        "This session is already closed. Everything in it is saved."
    )
    assert window.dialog is None and window.notes.hasFocus()
    window.close()
    runner.shutdown(wait=True)
    state = read_live(db, sample.meeting_id)
    assert state.item(sample.items[0]).notes == "Added afterwards."  # type: ignore[union-attr]


class HeardSpeaker:
    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass


def test_a_session_with_no_aims_says_so_rather_than_read_nothing(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    sample = make_live_session(db)
    details = meetings.get_session(db, sample.meeting_id)
    meetings.save_session(db, replace(details, aim_ids=()))
    speaker = HeardSpeaker()
    runner = TaskRunner()
    window = opened(
        qtbot,
        open_live_window(
            DataSource(db), runner, sample.meeting_id, full_screen=False, voice=LiveVoice(speaker)
        ),
    )
    qtbot.waitUntil(window.notes.hasFocus)

    # F3 says there are no aims, at once, and speaks nothing.
    qtbot.keyClick(window.notes, Key.Key_F3)
    assert window.status_line.announced[-1] == "This session has no aims linked to it."
    assert speaker.said == []

    # The summary at the close says so too, under its heading, not a heading over nothing.
    qtbot.keyClick(window.notes, Key.Key_E, CTRL)
    closing = window.dialog
    assert isinstance(closing, ClosingDialog)
    in_front(qtbot, closing)
    qtbot.keyClick(focused(), Key.Key_C, ALT)  # Close the session
    qtbot.waitUntil(lambda: isinstance(window.dialog, SummaryDialog))
    summary = window.dialog
    lines = summary.text.toPlainText().splitlines()
    after = lines[lines.index("How the aims moved:") + 1 :]
    assert after[:1] == ["This session had no aims."]
    window.close()
    runner.shutdown(wait=True)
