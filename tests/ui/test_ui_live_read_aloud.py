"""Reading aloud from live mode: what it says (reading, nothing to stop, no speech engine)
reaches the live window's own status line, and so a screen reader there, never only the
main window's, hidden behind the full-screen live window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.ui.data import DataSource
from app.ui.live.start import add_read_aloud, open_live_window
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner
from tests.live_sample import make_live_session
from tests.speech.no_engine import hide_engine

Key = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ADVICE = "Install espeak-ng: sudo apt-get install espeak-ng"


def said_with_advice(line) -> list[str]:  # type: ignore[no-untyped-def]
    return [words for words in line.announced if ADVICE in words]


def test_with_no_speech_engine_f3_and_read_aloud_say_so_in_the_live_window(
    qtbot, db, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hide_engine(tmp_path, monkeypatch, "library")
    sample = make_live_session(db)
    parts = open_window()
    main = parts.window
    live = open_live_window(
        parts.source, parts.runner, sample.meeting_id, full_screen=False, text_size=parts.text_size
    )
    qtbot.addWidget(live)
    qtbot.waitUntil(lambda: live.state is not None, timeout=10_000)
    live.activateWindow()
    qtbot.waitUntil(live.isActiveWindow)
    qtbot.waitUntil(live.notes.hasFocus)

    # Nothing to pause: said where the person is.
    qtbot.keyClick(live.notes, Key.Key_P, CTRL_SHIFT)
    assert live.status_line.announced[-1] == "Nothing is being read aloud."
    assert "Nothing is being read aloud." not in main.status_line.announced

    # Ctrl+Shift+R on the notes: no engine, said in the live window, how to get one.
    qtbot.keyClicks(live.notes, "Tea and names.")
    qtbot.keyClick(live.notes, Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(said_with_advice(live.status_line)), timeout=30_000)
    assert live.status_line.text() == said_with_advice(live.status_line)[-1]

    # F3, the aims: the same, again in the live window.
    qtbot.keyClick(live.notes, Key.Key_F3)
    qtbot.waitUntil(lambda: len(said_with_advice(live.status_line)) == 2, timeout=30_000)
    assert not said_with_advice(main.status_line)
    live.close()


def test_live_mode_started_alone_has_its_own_read_aloud(qtbot, db, data_dir) -> None:  # type: ignore[no-untyped-def]
    sample = make_live_session(db)
    runner = TaskRunner()
    live = open_live_window(DataSource(db), runner, sample.meeting_id, full_screen=False)
    read_aloud = add_read_aloud(live, Settings.in_folder(data_dir))
    qtbot.addWidget(live)
    try:
        qtbot.waitUntil(lambda: live.state is not None, timeout=10_000)
        live.activateWindow()
        qtbot.waitUntil(live.isActiveWindow)
        assert "Read al&oud" in [action.text() for action in live.menuBar().actions()]
        qtbot.keyClick(live.notes, Key.Key_S, CTRL_SHIFT)
        assert live.status_line.announced[-1] == "Nothing is being read aloud."
    finally:
        live.close()
        read_aloud.close()
        runner.shutdown(wait=True)
