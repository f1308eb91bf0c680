"""A way out of live mode by keyboard at any time: Escape asks first, Ctrl+W and the Session
menu leave at once; nothing typed is lost either way, and leaving does not close the
session. Escape in a dialog still only closes the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.models.enums import MeetingStatus
from app.services.live import read_live
from app.ui.data import DataSource
from app.ui.live.start import open_live_window
from app.ui.live.voice import LiveVoice
from app.ui.live.window import LiveWindow
from app.ui.sessions_panel import SessionsPanel
from app.ui.tasks import TaskRunner
from tests.live_sample import make_live_session

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NO_RAISE = ("This plugin does not support raise", "This plugin does not support propagateSizeHints")


def _no_speech():  # type: ignore[no-untyped-def]
    raise RuntimeError("no speech in these tests")


def open_alone(qtbot, db, meeting_id: int) -> tuple[LiveWindow, TaskRunner]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    window = open_live_window(
        DataSource(db), runner, meeting_id, full_screen=False, voice=LiveVoice(None, _no_speech)
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(window.notes.hasFocus)
    return window, runner


def question(qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.activateWindow()  # as the window system does; the offscreen one needs telling
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box


def test_escape_asks_before_leaving_and_nothing_is_lost_either_way(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    sample = make_live_session(db)
    window, runner = open_alone(qtbot, db, sample.meeting_id)
    qtbot.keyClicks(window.notes, "Tea and names.")

    qtbot.keyClick(window.notes, Key.Key_Escape)
    box = question(qtbot)
    assert box.text().startswith("Leave live mode? Everything is saved.")
    assert "The session stays open" in box.text()
    assert sorted(button.text() for button in box.buttons()) == [
        "&Leave live mode",
        "&Stay in live mode",
    ]
    # Escape again (or Enter) stays: the notes are as they were.
    qtbot.keyClick(box, Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.isVisible()
    assert window.notes.toPlainText() == "Tea and names."

    # From the check-in list too; Alt+L leaves.
    window.activateWindow()  # back from the question, as the window system does
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.notes, Key.Key_C, ALT)
    qtbot.waitUntil(window.screen_parts.check_in.hasFocus)
    qtbot.keyClick(window.screen_parts.check_in, Key.Key_Escape)
    box = question(qtbot)
    qtbot.keyClick(box, Key.Key_L, ALT)
    qtbot.waitUntil(lambda: not window.isVisible())
    state = read_live(db, sample.meeting_id)
    assert state.item(sample.items[0]).notes == "Tea and names."  # type: ignore[union-attr]
    assert state.status == MeetingStatus.PLANNED  # leaving is not closing
    runner.shutdown(wait=True)


def test_escape_in_a_dialog_only_closes_the_dialog(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    sample = make_live_session(db)
    window, runner = open_alone(qtbot, db, sample.meeting_id)
    qtbot.keyClicks(window.notes, "Tea and names.")
    qtbot.keyClick(window.notes, Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    dialog = window.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(window.notes.hasFocus)
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)
    assert window.isVisible() and window.notes.toPlainText() == "Tea and names."
    window.close()
    runner.shutdown(wait=True)


@pytest.mark.qt_log_ignore(*NO_RAISE)
def test_ctrl_w_leaves_at_once_for_the_main_window(qtbot, open_window, db) -> None:  # type: ignore[no-untyped-def]
    sample = make_live_session(db)
    main = open_window().window
    main.activateWindow()
    main.areas.setFocus()
    qtbot.waitUntil(main.areas.hasFocus)
    qtbot.keyClick(main.areas, Key.Key_Down)  # Members, then Sessions
    panel = main.current_panel()
    assert isinstance(panel, SessionsPanel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Key.Key_Home)
    qtbot.keyClick(panel.table, Key.Key_L, ALT)
    qtbot.waitUntil(lambda: sample.meeting_id in panel.live_windows, timeout=5000)
    live = panel.live_windows[sample.meeting_id]
    qtbot.addWidget(live)  # so that it is deleted after the test, not only closed
    qtbot.waitUntil(lambda: live.state is not None, timeout=10_000)

    # The Session menu lists both ways to end: closing the session, and leaving live mode.
    keys = {action.text(): action.shortcut().toString() for action in live.session_menu.actions()}
    assert keys["Close the session…"] == "Ctrl+E"
    assert keys["Leave live mode"] == "Ctrl+W"

    live.activateWindow()
    qtbot.waitUntil(live.isActiveWindow)
    qtbot.keyClicks(live.notes, "Tea and names.")
    qtbot.keyClick(live.notes, Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: not live.isVisible())
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)
    assert main.status_line.announced[-1] == "Left live mode. Everything is saved."
    qtbot.waitUntil(main.isActiveWindow)
    assert sample.meeting_id not in panel.live_windows
    state = read_live(db, sample.meeting_id)
    assert state.item(sample.items[0]).notes == "Tea and names."  # type: ignore[union-attr]


def takes_only_the_room_it_needs(main) -> bool:  # type: ignore[no-untyped-def]
    line, bar = main.status_line, main.statusBar()
    return line.height() == line.heightForWidth(line.width()) and bar.height() == (
        bar.heightForWidth(bar.width())
    )


@pytest.mark.qt_log_ignore(*NO_RAISE)
def test_the_status_line_takes_only_the_room_of_what_it_says_after_live_mode(
    qtbot, open_window, db
) -> None:  # type: ignore[no-untyped-def]
    """At 300% the main window's status line kept the room of two lines or more for "Left
    live mode. Everything is saved.", which fits on one: a blank band above the window's
    foot, and the buttons moved up."""
    sample = make_live_session(db)
    parts = open_window()
    main = parts.window
    main.activateWindow()
    main.areas.setFocus()
    qtbot.waitUntil(main.areas.hasFocus)
    qtbot.keyClick(main.areas, Key.Key_Plus, CTRL)  # 125%; and on to 300%
    while parts.text_size.can_grow():
        qtbot.keyClick(main.areas, Key.Key_Plus, CTRL)
    qtbot.waitUntil(lambda: takes_only_the_room_it_needs(main))
    one_line = main.status_line.height()
    qtbot.keyClick(main.areas, Key.Key_Down)  # Sessions
    panel = main.current_panel()
    assert isinstance(panel, SessionsPanel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Key.Key_L, ALT)
    qtbot.waitUntil(lambda: sample.meeting_id in panel.live_windows, timeout=5000)
    live = panel.live_windows[sample.meeting_id]
    qtbot.addWidget(live)
    qtbot.waitUntil(lambda: live.state is not None, timeout=10_000)
    live.activateWindow()
    qtbot.waitUntil(live.isActiveWindow)
    qtbot.keyClick(live.notes, Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: not live.isVisible())
    assert main.status_line.text() == "Left live mode. Everything is saved."
    qtbot.wait(20)  # laid out on the next turn of the loop
    assert takes_only_the_room_it_needs(main)
    assert main.status_line.height() == one_line  # one line, as it is at this width

    # A message of several lines takes their room, and gives it back after.
    main.status_line.announce(" ".join(["Several lines of words at this size."] * 12))
    qtbot.wait(20)
    assert takes_only_the_room_it_needs(main) and main.status_line.height() > 2 * one_line
    qtbot.keyClick(main.areas, Key.Key_0, CTRL)
    qtbot.keyClick(main.areas, Key.Key_Plus, CTRL)
    qtbot.wait(20)
    assert main.status_line.text() == "Text size 125%."
    assert takes_only_the_room_it_needs(main)
    assert main.status_line.height() == main.status_line.fontMetrics().height()
