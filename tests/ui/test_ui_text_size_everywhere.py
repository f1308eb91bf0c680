"""The text size keys work in every window, not only the main window: Ctrl+Plus, Ctrl+Minus
and Ctrl+0 from a dialog that has the keyboard (the session editor, the pack dialog, a
message box, live mode and its dialogs), each key doing one step however many windows show
the View menu, and the new size said in the window the person is in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import wait_loaded

from app.ui.data import DataSource
from app.ui.display import TextSize, base_point_size
from app.ui.live.start import open_live_window
from app.ui.live.voice import LiveVoice
from app.ui.live.window import LiveWindow
from app.ui.packs_dialog import PackDialog
from app.ui.session_editor import SessionEditor
from app.ui.sessions_panel import SessionsPanel
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner
from tests.live_sample import make_live_session

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Quiet:
    """A speaker that says nothing aloud."""

    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass


def press(qtbot, key: Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as a person presses it: to whatever has the keyboard."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def point_size() -> float:
    return QApplication.font().pointSizeF()


def opened(kind: type) -> QWidget | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return shown[0] if shown else None


def sessions_area(qtbot, open_window):  # type: ignore[no-untyped-def]
    parts = open_window()
    window = parts.window
    window.activateWindow()
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    press(qtbot, Key.Key_Down)  # Members, then Sessions
    assert isinstance(window.current_panel(), SessionsPanel)
    wait_loaded(qtbot, window)
    return parts


def steps_from(qtbot, parts, line) -> None:  # type: ignore[no-untyped-def]
    """Larger twice (the second as typed on most keyboards, Ctrl+Shift+=), smaller once,
    normal: one step each, said on ``line`` and not behind on the main window's."""
    behind = len(parts.window.status_line.announced)
    press(qtbot, Key.Key_Plus, CTRL)
    assert parts.text_size.percent == 125
    assert point_size() == pytest.approx(base_point_size() * 1.25, abs=0.06)
    assert line.announced[-1] == "Text size 125%."
    press(qtbot, Key.Key_Plus, CTRL | SHIFT)
    assert parts.text_size.percent == 150
    assert line.announced[-1] == "Text size 150%."
    press(qtbot, Key.Key_Minus, CTRL)
    assert parts.text_size.percent == 125
    press(qtbot, Key.Key_0, CTRL)
    assert parts.text_size.percent == 100
    assert point_size() == pytest.approx(base_point_size(), abs=0.06)
    assert line.announced[-1] == "Text size 100%."
    if line is not parts.window.status_line:
        assert len(parts.window.status_line.announced) == behind


def test_the_keys_work_in_the_session_editor(qtbot, open_window, sample) -> None:
    parts = sessions_area(qtbot, open_window)
    press(qtbot, Key.Key_N, ALT)  # "&New session…"
    qtbot.waitUntil(lambda: opened(SessionEditor) is not None)
    editor = opened(SessionEditor)
    qtbot.waitUntil(editor.is_loaded)
    editor.activateWindow()
    qtbot.waitUntil(editor.when.title.hasFocus)
    steps_from(qtbot, parts, editor.messages)
    assert editor.messages.isVisible()
    # The keys change nothing in the session itself: closing asks nothing.
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: opened(SessionEditor) is None)


def test_the_keys_work_in_the_pack_dialog(qtbot, open_window, sample) -> None:
    parts = sessions_area(qtbot, open_window)
    press(qtbot, Key.Key_P, CTRL)  # Packs → Pack for a session… (a window-modal dialog)
    qtbot.waitUntil(lambda: opened(PackDialog) is not None)
    dialog = opened(PackDialog)
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and QApplication.focusWidget() is not None)
    assert dialog.isAncestorOf(QApplication.focusWidget())
    steps_from(qtbot, parts, dialog.status_line)
    dialog.close()


def test_the_keys_work_in_a_message_box_and_at_the_limits(qtbot, open_window, sample) -> None:
    """A question asked in a box that blocks the window behind it; at 300% Ctrl+Plus changes
    nothing more."""
    from app.ui.dialogs import ask

    parts = open_window()
    window = parts.window
    window.activateWindow()
    parts.text_size.choose(250)
    ask(window, "Carry on?", yes="Carry on", no="Stop", on_yes=lambda: None)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = QApplication.activeModalWidget()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    for _press in range(3):
        press(qtbot, Key.Key_Equal, CTRL)
    assert parts.text_size.percent == 300
    assert not window.larger_action.isEnabled()
    press(qtbot, Key.Key_0, CTRL)
    assert parts.text_size.percent == 100
    box.reject()


def test_the_keys_work_in_live_mode_and_its_dialogs_from_the_main_window(
    qtbot, open_window, db
) -> None:
    """Live mode started from the main window shows the same View menu: each key is one
    step, not two windows' worth (nor none, as Qt does with a key two windows claim)."""
    sample = make_live_session(db)
    parts = open_window()
    live = open_live_window(
        parts.source,
        parts.runner,
        sample.meeting_id,
        full_screen=False,
        voice=LiveVoice(Quiet()),
        text_size=parts.text_size,
        main_window=parts.window,
    )
    qtbot.addWidget(live)
    qtbot.waitUntil(lambda: live.state is not None, timeout=10_000)
    live.activateWindow()
    qtbot.waitUntil(live.notes.hasFocus)
    behind = len(parts.window.status_line.announced)
    press(qtbot, Key.Key_Plus, CTRL)
    assert parts.text_size.percent == 125
    assert live.status_line.announced[-1] == "Text size 125%."
    assert len(parts.window.status_line.announced) == behind

    # Its own dialogs: recording a decision (Ctrl+D), with the words chosen first.
    qtbot.keyClicks(live.notes, "Repairs will be booked by text.")
    press(qtbot, Key.Key_Home, SHIFT)
    press(qtbot, Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: live.dialog is not None and live.dialog.isVisible())
    dialog = live.dialog
    qtbot.waitUntil(dialog.wording.hasFocus)
    press(qtbot, Key.Key_Plus, CTRL)
    assert parts.text_size.percent == 150
    press(qtbot, Key.Key_0, CTRL)
    assert parts.text_size.percent == 100
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    live.close()


def test_the_keys_work_in_live_mode_started_alone(qtbot, db, data_dir) -> None:
    """With ``--live`` there is no main window: live mode's View menu holds the keys."""
    sample = make_live_session(db)
    runner = TaskRunner()
    text_size = TextSize(Settings.in_folder(data_dir))
    live = open_live_window(
        DataSource(db),
        runner,
        sample.meeting_id,
        full_screen=False,
        voice=LiveVoice(Quiet()),
        text_size=text_size,
    )
    qtbot.addWidget(live)
    qtbot.waitUntil(lambda: live.state is not None, timeout=10_000)
    live.activateWindow()
    qtbot.waitUntil(live.notes.hasFocus)
    assert isinstance(QApplication.focusWidget().window(), LiveWindow)
    press(qtbot, Key.Key_Plus, CTRL)
    assert text_size.percent == 125
    assert live.status_line.announced[-1] == "Text size 125%."
    press(qtbot, Key.Key_Minus, CTRL)
    assert text_size.percent == 100
    live.close()
    runner.shutdown(wait=True)
