"""Read aloud in the window: menu and shortcuts, what it reads, announcements, and the
window staying responsive while it speaks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTextEdit

from app.ui.read_aloud import ReadAloud
from app.ui.speech_text import text_to_read
from tests.speech.speech_sink import SoundSink, install_sound_sink

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def sound_sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SoundSink:
    return install_sound_sink(tmp_path, monkeypatch)


def test_menu_shows_the_shortcuts(open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(load=False).window
    titles = [action.text() for action in window.menuBar().actions()]
    assert "Read al&oud" in titles
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
    """Typing while a long text is read aloud: no gap between 5 ms ticks over 50 ms.

    Up to three tries: a pause caused by speech would come back every time, while a busy
    test machine (other processes taking the processor) now and then gives one try a gap.
    """
    window = open_window(load=False).window
    field = QLineEdit(window)
    field.setAccessibleName("Note")
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    gaps = []
    for _try in range(3):
        gaps.append(_longest_gap_while_typing(qtbot, window, field))
        if gaps[-1] <= 50:
            break
    assert min(gaps) <= 50, f"the window stopped answering for {gaps} ms"


def _longest_gap_while_typing(qtbot, window, field: QLineEdit) -> int:  # type: ignore[no-untyped-def]
    field.clear()
    longest_gap = 0
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        nonlocal longest_gap
        longest_gap = max(longest_gap, clock.restart())

    ticker.timeout.connect(tick)
    text = " ".join(f"Item {n} on the agenda is about repairs to wheelchairs." for n in range(300))
    with qtbot.waitSignal(window.read_aloud.state_changed, timeout=20_000) as heard:
        window.read_aloud.speak(text)
    assert heard.args[0] == "speaking"
    clock.start()
    ticker.start()
    started = time.monotonic()
    typed = ""
    while window.read_aloud.is_speaking() and time.monotonic() - started < 20:
        qtbot.keyClicks(field, "ab")
        typed += "ab"
        qtbot.wait(20)
    ticker.stop()
    window.read_aloud.stop()
    qtbot.waitUntil(lambda: not window.read_aloud.is_speaking())
    assert field.text() == typed and len(typed) >= 20  # it was reading all the while
    return longest_gap


def test_what_is_read_for_each_kind_of_control(qtbot, open_window, sample) -> None:  # type: ignore[no-untyped-def]
    window = open_window().window
    editor = QTextEdit(window)
    editor.setPlainText("First paragraph.\nSecond paragraph, chosen.")
    cursor = editor.textCursor()
    cursor.setPosition(17)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    assert text_to_read(editor) == "Second paragraph, chosen."

    secret = QLineEdit(window)
    secret.setEchoMode(QLineEdit.EchoMode.Password)
    secret.setText("hidden")
    assert text_to_read(secret) == ""

    label = QLabel("<b>Repairs</b> &amp; letters", window)
    assert text_to_read(label) == "Repairs & letters"

    members = window.panels[0].table
    members.setCurrentIndex(members.model().index(0, 0))
    model = members.model()
    header = model.headerData(0, Qt.Orientation.Horizontal)
    name = model.index(0, 0).data()
    role = model.headerData(2, Qt.Orientation.Horizontal)
    row = text_to_read(members)  # "header: value" for each shown column
    assert row.startswith(f"{header}: {name}. ") and f"{role}: " in row


def test_pause_carry_on_and_stop_from_the_keyboard(qtbot, open_window, sound_sink) -> None:  # type: ignore[no-untyped-def]
    window = open_window(load=False).window
    field = QLineEdit(window)
    field.setText(" ".join(f"Sentence {n} about the survey." for n in range(300)))
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    announced = window.status_line.announced
    with qtbot.waitSignal(window.read_aloud.state_changed, timeout=20_000):
        qtbot.keyClick(field, Qt.Key.Key_R, CTRL_SHIFT)
    assert announced[-1] == "Reading aloud. Ctrl+Shift+P pauses, Ctrl+Shift+S stops."
    with qtbot.waitSignal(window.read_aloud.state_changed, timeout=5_000) as paused:
        qtbot.keyClick(field, Qt.Key.Key_P, CTRL_SHIFT)
    assert paused.args[0] == "paused"
    assert announced[-1] == "Reading paused. Ctrl+Shift+P carries on."
    with qtbot.waitSignal(window.read_aloud.state_changed, timeout=5_000) as resumed:
        qtbot.keyClick(field, Qt.Key.Key_P, CTRL_SHIFT)
    assert resumed.args[0] == "resumed"
    with qtbot.waitSignal(window.read_aloud.state_changed, timeout=5_000) as stopped:
        qtbot.keyClick(field, Qt.Key.Key_S, CTRL_SHIFT)
    assert stopped.args[0] == "stopped"
    assert announced[-1] == "Stopped reading aloud."
    assert not window.read_aloud.is_speaking()
    qtbot.keyClick(field, Qt.Key.Key_S, CTRL_SHIFT)
    assert announced[-1] == "Nothing is being read aloud."


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_the_menus_access_key_is_used_nowhere_else_in_the_window(open_window, sample) -> None:  # type: ignore[no-untyped-def]
    window = open_window().window
    menu_keys = [_mnemonic(action.text()) for action in window.menuBar().actions()]
    assert len(menu_keys) == len(set(menu_keys))
    [title] = [
        a.text() for a in window.menuBar().actions() if a.text().replace("&", "") == "Read aloud"
    ]
    ours = _mnemonic(title)
    for row in range(window.areas.count()):
        window.areas.setCurrentRow(row)
        panel = window.current_panel()
        used = {_mnemonic(button.text()) for button in panel.findChildren(QAbstractButton)}
        used |= {_mnemonic(label.text()) for label in panel.findChildren(QLabel) if label.buddy()}
        assert ours not in used, f"Alt+{ours} is also used in {panel.title()}"
