"""Speed and voice in the Display settings, remembered; read aloud inside a dialog; and a
computer with no speech engine told how to get one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui.settings import SPEECH_RATE, SPEECH_VOICE, Settings
from tests.speech.no_engine import hide_engine
from tests.speech.speech_sink import SoundSink, install_sound_sink

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def sound_sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SoundSink:
    return install_sound_sink(tmp_path, monkeypatch)


def test_speed_and_voice_are_chosen_and_remembered(
    qtbot, open_window, data_dir, sound_sink
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(load=False).window
    dialog = window.open_display_settings()
    box = dialog.speech_box
    qtbot.waitUntil(lambda: box.voice.isEnabled(), timeout=20_000)
    assert box.voice.count() > 50
    assert "voices to choose from" in box.state.text()

    box.speed.setFocus()
    qtbot.keyClick(box.speed, Qt.Key.Key_Up)
    qtbot.keyClick(box.speed, Qt.Key.Key_Up)
    assert box.speed.value() == 185
    assert "Reading speed 185 words a minute." in window.status_line.announced

    urdu = box.voice.findText("Urdu")
    box.voice.setCurrentIndex(urdu)
    assert "Voice: Urdu." in window.status_line.announced
    remembered = Settings.in_folder(data_dir)
    assert remembered.get(SPEECH_RATE) == 185
    assert remembered.get(SPEECH_VOICE) == "Urdu"


def test_read_aloud_works_inside_a_dialog_that_blocks_the_window(
    qtbot, open_window, sound_sink
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(load=False).window
    dialog = window.open_display_settings()
    qtbot.waitExposed(dialog)
    box = dialog.speech_box
    box.speed.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.speed)
    with qtbot.waitSignal(window.read_aloud.state_changed, timeout=20_000) as heard:
        qtbot.keyClick(box.speed, Qt.Key.Key_R, CTRL_SHIFT)
    assert heard.args[0] == "speaking"
    qtbot.waitUntil(
        lambda: "Finished reading aloud." in window.status_line.announced, timeout=20_000
    )
    assert sound_sink.played_bytes() > 22050


def test_nothing_to_read_is_said_plainly(qtbot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(load=False).window
    empty = QLineEdit(window)
    empty.show()
    empty.setFocus()
    qtbot.waitUntil(empty.hasFocus)
    assert not window.read_aloud.read_current()
    assert window.status_line.announced[-1] == (
        "There is nothing here to read. Select some text, or move to it, first."
    )


def test_no_engine_gives_the_plain_message_and_the_window_carries_on(
    qtbot, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hide_engine(tmp_path, monkeypatch, "library")
    parts = open_window()
    window = parts.window
    advice = "Install espeak-ng: sudo apt-get install espeak-ng"
    window.read_aloud.speak("Hello.")
    qtbot.waitUntil(
        lambda: any(advice in said for said in window.status_line.announced), timeout=20_000
    )
    assert not window.read_aloud.is_speaking()

    dialog = window.open_display_settings()
    qtbot.waitUntil(lambda: advice in dialog.speech_box.state.text(), timeout=20_000)
    assert not dialog.speech_box.try_button.isEnabled()
    dialog.close()

    # A warning still gets through, shown and announced (with a beep for sound).
    window.read_aloud.warn("Five minutes left.")
    assert window.status_line.announced[-1] == "Five minutes left."
    # And the rest of the window works as before.
    window.areas.setCurrentRow(1)
    assert window.stack.currentIndex() == 1
