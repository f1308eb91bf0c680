"""Read aloud in the window: menu and shortcuts, what it reads, announcements, and the
window staying responsive while it speaks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from app.ui.read_aloud import ReadAloud
from tests.speech.speech_sink import SoundSink, install_sound_sink


@pytest.fixture
def sound_sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SoundSink:
    return install_sound_sink(tmp_path, monkeypatch)


def test_menu_shows_the_shortcuts(open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(load=False).window
    titles = [
        menu.title() for menu in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
    ]
    assert "Read &aloud" in titles
    read_aloud = window.read_aloud
    assert ReadAloud.current() is read_aloud
    assert read_aloud.read_action.shortcut().toString() == "Ctrl+Shift+R"
    assert read_aloud.pause_action.shortcut().toString() == "Ctrl+Shift+P"
    assert read_aloud.stop_action.shortcut().toString() == "Ctrl+Shift+S"


def test_reads_the_focused_field_and_announces(qtbot, open_window, sound_sink) -> None:  # type: ignore[no-untyped-def]
    window = open_window(load=False).window
    field = QLineEdit(window)
    field.setAccessibleName("Note")
    field.setText("Bring the hoist leaflet to the next session.")
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    with qtbot.waitSignal(window.read_aloud.state_changed, timeout=20_000) as started:
        qtbot.keyClick(
            field,
            Qt.Key.Key_R,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert started.args[0] == "speaking"
    qtbot.waitUntil(
        lambda: "Finished reading aloud." in window.status_line.announced, timeout=20_000
    )
    assert sound_sink.played_bytes() > 22050  # over half a second of sound came out
    assert sound_sink.played_rms() > 100


def test_window_keeps_answering_while_it_reads(qtbot, open_window, sound_sink) -> None:  # type: ignore[no-untyped-def]
    """Typing while a long text is read aloud: no gap between 5 ms ticks over 50 ms."""
    window = open_window(load=False).window
    field = QLineEdit(window)
    field.setAccessibleName("Note")
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    longest_gap = 0
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        nonlocal longest_gap
        longest_gap = max(longest_gap, clock.restart())

    ticker.timeout.connect(tick)
    text = " ".join(f"Item {n} on the agenda is about repairs to wheelchairs." for n in range(300))
    with qtbot.waitSignal(window.read_aloud.state_changed, timeout=20_000):
        window.read_aloud.speak(text)
    clock.start()
    ticker.start()
    started = time.monotonic()
    typed = ""
    while window.read_aloud.is_speaking() and time.monotonic() - started < 20:
        qtbot.keyClicks(field, "ab")
        typed += "ab"
        qtbot.wait(20)
    ticker.stop()
    assert field.text() == typed and len(typed) >= 20
    assert longest_gap <= 50, f"the window stopped answering for {longest_gap} ms"
    window.read_aloud.stop()
