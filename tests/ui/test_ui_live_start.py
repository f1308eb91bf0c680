"""Live mode starts from the chosen session in the Sessions area, by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.live.window import LiveWindow
from app.ui.sessions_panel import SessionsPanel
from tests.live_sample import make_live_session

ALT = Qt.KeyboardModifier.AltModifier


# Bringing a window forward means nothing to the offscreen platform the tests use.
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)
def test_start_live_session_from_the_sessions_area(qtbot, open_window, db) -> None:
    sample = make_live_session(db)
    window = open_window().window
    window.activateWindow()
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    qtbot.keyClick(window.areas, Qt.Key.Key_Down)  # Members, then Sessions
    panel = window.current_panel()
    assert isinstance(panel, SessionsPanel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.live_button.text() == "Start &live session"

    # With no session chosen, it says so rather than guessing.
    panel.table.setCurrentIndex(panel.table.model().index(-1, -1))
    panel.live_button.click()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, LiveWindow)]

    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Home)
    qtbot.waitUntil(panel.table.hasFocus)
    qtbot.keyClick(panel.table, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: sample.meeting_id in panel.live_windows, timeout=5000)
    live = panel.live_windows[sample.meeting_id]
    assert isinstance(live, LiveWindow) and live.isVisible()
    qtbot.waitUntil(lambda: live.state is not None, timeout=10_000)
    assert live.state.meeting_id == sample.meeting_id  # type: ignore[union-attr]
    assert live.notes.accessibleName() == "Notes for Welcome and check-in"
    # Asking again brings the same window forward rather than opening a second.
    panel.start_live_for_chosen()
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, LiveWindow)]) == 1
    live.close()
    assert sample.meeting_id not in panel.live_windows
