"""Live mode starts from the chosen session in the Sessions area, by keyboard."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from app.services.live import read_live
from app.storage import open_database
from app.ui.live.window import LiveWindow
from app.ui.sessions_panel import SessionsPanel
from tests.live_sample import make_live_session

ALT = Qt.KeyboardModifier.AltModifier
ROOT = Path(__file__).resolve().parents[2]


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
    # The text can be made larger from the live window itself, as from the main window.
    live.activateWindow()
    qtbot.waitUntil(live.isActiveWindow)
    before = window.text_size.percent
    qtbot.keyClick(live.notes, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.percent > before
    assert f"Text size {window.text_size.percent}%." in live.status_line.announced
    qtbot.keyClick(live.notes, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.text_size.percent == 100
    # Asking again brings the same window forward rather than opening a second.
    panel.start_live_for_chosen()
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, LiveWindow)]) == 1
    live.close()
    assert sample.meeting_id not in panel.live_windows


def live_command(*arguments: str, data_dir) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "app", *arguments, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=environment,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_the_command_line_opens_live_mode_on_a_session_by_number_next_or_last(db, data_dir):
    sample = make_live_session(db, held=True)
    db.close()
    for reference in (str(sample.meeting_id), "last"):
        opened = live_command("--live", reference, "--smoke", data_dir=data_dir)
        assert opened.returncode == 0, opened.stderr
    # Opening it started the session at its first item, in the file.
    reopened = open_database(data_dir)
    try:
        assert read_live(reopened, sample.meeting_id).current_item_id == sample.items[0]
    finally:
        reopened.close()
    missing = live_command("--live", "next", "--smoke", data_dir=data_dir)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "There is no session planned from today on."
    wrong = live_command("--live", "tomorrow", "--smoke", data_dir=data_dir)
    assert wrong.returncode == 2  # called wrongly, as every command says misuse
    assert "give its number, “next” or “last”" in wrong.stderr


def test_at_300_percent_the_notes_keep_four_lines_on_a_laptop_screen(qtbot, db) -> None:
    """On the example data's next session (long titles and aims), with the text at 300% on a
    1280×800 screen, the notes show at least four lines where the window opens, without
    scrolling; the status line says the session opened but leaves the aims to their panel
    (a screen reader still hears them)."""
    from PySide6.QtCore import QPoint

    from app.services import example_data, session_lookup
    from app.ui.data import DataSource
    from app.ui.display import apply_text_size
    from app.ui.live.start import open_live_window
    from app.ui.tasks import TaskRunner

    example_data.load_example_data(db)
    meeting_id = session_lookup.find_session(db, "next").id
    apply_text_size(300)
    runner = TaskRunner()
    window = open_live_window(DataSource(db), runner, meeting_id, full_screen=False)
    qtbot.addWidget(window)
    try:
        window.resize(1280, 800)
        qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
        QApplication.processEvents()
        said = window.status_line.announced[-1]
        assert "Its aims: " in said
        assert window.status_line.text() == said[: said.index(" Its aims: ")]
        viewport = window.screen_parts.findChild(QScrollArea).viewport()
        top = window.notes.mapTo(viewport, QPoint(0, 0)).y()
        shown = min(viewport.height(), top + window.notes.height()) - max(top, 0)
        lines = shown / window.notes.fontMetrics().lineSpacing()
        assert lines >= 4, f"only {lines:.1f} lines of notes on screen at 300%"
    finally:
        window.close()
        runner.shutdown(wait=True)
