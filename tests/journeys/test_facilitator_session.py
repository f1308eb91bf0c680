"""The facilitator's journey: plan a session in the main window, run it live, close it, and
find it held, with its decision, back in the main window; and leave live mode by keyboard
at any time. Keyboard only, through the whole main window."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from app import clock
from app.services import meetings
from app.ui.live.closing import ClosingDialog, SummaryDialog
from app.ui.live.window import LiveWindow
from app.ui.session_editor import SessionEditor
from app.ui.session_models import SessionListModel
from tests.journeys.conftest import (
    ALT,
    CTRL,
    DECISIONS_AREA,
    SESSIONS_AREA,
    SHIFT,
    active,
    press,
    to_area,
)

Key = Qt.Key
WORDING = "Deliveries will come with a phone call the day before."


def question(qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    active(qtbot, box)
    return box


def the_live_window() -> LiveWindow:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, LiveWindow)]
    shown = [w for w in found if w.isVisible()]
    assert len(shown) == 1, found
    return shown[0]


def start_live_from_the_list(qtbot, sessions) -> LiveWindow:  # type: ignore[no-untyped-def]
    """Start live session (Alt+L) from the Sessions list, on the session it has the keyboard
    on; the notes of the live window have the keyboard."""
    sessions.table.setFocus()
    qtbot.waitUntil(sessions.table.hasFocus)
    qtbot.keyClick(sessions.table, Key.Key_L, ALT)  # "Start &live session"
    qtbot.waitUntil(lambda: any(isinstance(w, LiveWindow) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))  # fmt: skip
    live = the_live_window()
    qtbot.waitUntil(lambda: live.state is not None, timeout=10_000)
    active(qtbot, live)
    qtbot.waitUntil(live.notes.hasFocus)
    return live


def plan_a_session(qtbot, opened) -> None:  # type: ignore[no-untyped-def]
    """Sessions → New session…: a title, a start time typed, one agenda item; Ctrl+S."""
    to_area(qtbot, opened, SESSIONS_AREA)
    sessions = opened.window.current_panel()
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_N, ALT)  # "&New session…"
    qtbot.waitUntil(
        lambda: any(isinstance(w, SessionEditor) for w in QApplication.topLevelWidgets())
    )
    editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SessionEditor))
    active(qtbot, editor)
    qtbot.waitUntil(editor.is_loaded)
    qtbot.waitUntil(editor.when.title.hasFocus)
    qtbot.keyClicks(editor.when.title, "Deliveries: what we want")
    qtbot.keyClick(editor.when.title, Key.Key_I, ALT)  # "Start t&ime:"
    qtbot.keyClicks(editor.when.start_time, "2pm")
    qtbot.keyClick(editor.when.start_time, Key.Key_Tab)
    assert editor.when.start_time.text() == "14:00"
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_P, ALT)  # the "&Plan" part
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_I, ALT)  # "Add &item"
    qtbot.waitUntil(editor.plan.title.hasFocus)
    qtbot.keyClicks(editor.plan.title, "What good delivery looks like")
    qtbot.keyClick(editor.plan.title, Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())
    active(qtbot, opened.window)
    opened.loaded(qtbot)
    assert sessions is opened.window.current_panel()


def test_plan_run_live_close_and_find_it_held_with_its_decision(qtbot, journey, with_examples):
    opened = journey()
    window = opened.window
    plan_a_session(qtbot, opened)
    sessions = window.current_panel()
    planned = sessions.chosen_session()
    assert planned is not None and planned.title == "Deliveries: what we want"
    tomorrow = clock.today() + timedelta(days=1)
    assert planned.starts_at.date() == tomorrow and planned.starts_at.time() == time(14, 0)
    row = sessions.model.row_of(planned.id)
    status_cell = sessions.model.index(row, SessionListModel.STATUS)
    assert status_cell.data() == "Planned"
    assert sessions.model.index(row, SessionListModel.NUMBER).data() == str(planned.id)

    # Into live mode from the chosen row, with its access key.
    live = start_live_from_the_list(qtbot, sessions)

    # Check in: each key moves on to the next person not yet checked in.
    press(qtbot, opened, Key.Key_C, ALT)
    people = len(live.state.people)
    press(qtbot, opened, Key.Key_P, times=people)
    assert all(person.status.value == "present" for person in live.state.people)
    assert "Everyone is checked in." in live.status_line.announced[-1]

    # Notes, and a decision from the words selected in them.
    press(qtbot, opened, Key.Key_N, ALT)
    qtbot.keyClicks(live.notes, "Calls before deliveries matter most.")
    press(qtbot, opened, Key.Key_Return)
    qtbot.keyClicks(live.notes, WORDING)
    press(qtbot, opened, Key.Key_Home, SHIFT)
    press(qtbot, opened, Key.Key_D, CTRL)
    decision = live.dialog
    active(qtbot, decision)
    press(qtbot, opened, Key.Key_S, ALT)
    qtbot.waitUntil(lambda: not decision.isVisible())
    assert "Decision recorded." in live.status_line.announced

    # Close the session: first those not yet heard are named, then the closing itself.
    press(qtbot, opened, Key.Key_E, CTRL)
    if not isinstance(live.dialog, ClosingDialog):
        press(qtbot, opened, Key.Key_E, CTRL)
    closing = live.dialog
    assert isinstance(closing, ClosingDialog)
    active(qtbot, closing)
    press(qtbot, opened, Key.Key_C, ALT)  # "&Close the session"
    qtbot.waitUntil(lambda: isinstance(live.dialog, SummaryDialog))
    payments = live.dialog
    active(qtbot, payments)
    press(qtbot, opened, Key.Key_C, ALT)  # "&Confirm" the payments suggested
    qtbot.waitUntil(lambda: not payments.isVisible())

    # It ends on what was saved, in words, with the keyboard on it.
    closed = live.screen_parts.closed
    qtbot.waitUntil(closed.text.hasFocus)
    saved = closed.text.toPlainText().splitlines()
    assert "• 1 decision recorded." in saved, saved
    assert any(line.startswith("• Notes kept on 1 item") for line in saved), saved
    assert closed.leave.text() == "&Back to the main window"

    # Back in the main window, by Enter: the session is held and the decision is listed,
    # with no restart and nothing asked to refresh.
    qtbot.keyClick(closed.text, Key.Key_Return)
    qtbot.waitUntil(lambda: not isValid(live) or not live.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    assert window.status_line.announced[-1] == "Left live mode. Everything is saved."

    def status_shown() -> str:
        return sessions.model.index(
            sessions.model.row_of(planned.id), SessionListModel.STATUS
        ).data()

    qtbot.waitUntil(lambda: status_shown() == "Held")
    to_area(qtbot, opened, DECISIONS_AREA)
    decisions_area = window.current_panel()
    model = decisions_area.model
    qtbot.waitUntil(
        lambda: any(model.row_at(n).wording == WORDING for n in range(model.rowCount()))
    )
    held = meetings.get_session(opened.db, planned.id)
    assert held.status.value == "held"


def test_live_mode_is_left_by_keyboard_and_the_main_window_comes_back(
    qtbot, journey, with_examples
):
    opened = journey()
    window = opened.window
    to_area(qtbot, opened, SESSIONS_AREA)
    sessions = window.current_panel()
    sessions.table.setFocus()
    qtbot.keyClick(sessions.table, Key.Key_Home)
    live = start_live_from_the_list(qtbot, sessions)

    # Escape asks first; Escape again stays, with everything as it was.
    qtbot.keyClicks(live.notes, "Still here.")
    qtbot.keyClick(live.notes, Key.Key_Escape)
    box = question(qtbot)
    assert box.text().startswith("Leave live mode? Everything is saved.")
    qtbot.keyClick(box, Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert live.isVisible() and live.notes.toPlainText().endswith("Still here.")
    # Asked again, Alt+L leaves, and the main window comes back to the front.
    active(qtbot, live)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    qtbot.keyClick(question(qtbot), Key.Key_L, ALT)  # "&Leave live mode"
    qtbot.waitUntil(lambda: not isValid(live) or not live.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    assert window.status_line.announced[-1] == "Left live mode. Everything is saved."
