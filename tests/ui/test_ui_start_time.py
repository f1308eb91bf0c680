"""The session editor's start time is typed as people write times ("14:00", "2pm", "2.30"),
however the field is reached, and what is not a time is said in words, never saved."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt
from shiboken6 import isValid
from ui_helpers import wait_loaded

from app.services import example_data, meetings
from app.ui.session_editor import SessionEditor
from app.ui.time_field import TimeField

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(qtbot, open_window, db):  # type: ignore[no-untyped-def]
    example_data.load_example_data(db)
    parts = open_window()
    wait_loaded(qtbot, parts.window)
    opened = SessionEditor.example(parts.window)
    opened.show()
    qtbot.waitExposed(opened)
    qtbot.waitUntil(opened.is_loaded)
    yield opened
    if isValid(opened):
        opened.discard()


def reach_start_time(qtbot, editor: SessionEditor) -> TimeField:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(editor.when.title.hasFocus)
    qtbot.keyClick(editor.when.title, Qt.Key.Key_I, ALT)  # "Start t&ime:"
    field = editor.when.start_time
    qtbot.waitUntil(field.hasFocus)
    return field


@pytest.mark.parametrize(
    ("typed", "shown", "meant"),
    [
        ("14:00", "14:00", time(14, 0)),
        ("2pm", "14:00", time(14, 0)),
        ("2.30", "14:30", time(14, 30)),
    ],
)
def test_a_time_typed_after_the_access_key_is_taken(qtbot, editor, typed, shown, meant):
    field = reach_start_time(qtbot, editor)
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == shown
    assert editor.when.starts().time() == meant
    assert not editor.when.start_time_message.isVisible()


def test_arrows_move_the_time_by_five_minutes_and_page_keys_by_an_hour(qtbot, editor):
    field = reach_start_time(qtbot, editor)
    qtbot.keyClicks(field, "10:00")
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "10:05"
    qtbot.keyClick(field, Qt.Key.Key_PageDown)
    assert field.text() == "09:05"
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert editor.when.starts().time() == time(9, 0)


def test_what_is_not_a_time_is_said_and_not_saved(qtbot, editor, db):
    meeting_id = editor.meeting_id
    before = meetings.get_session(db, meeting_id).starts_at
    field = reach_start_time(qtbot, editor)
    qtbot.keyClicks(field, "teatime")
    qtbot.keyClick(field, Qt.Key.Key_S, CTRL)  # saving straight from the field
    message = "Please type a time such as 14:00, 2pm or 2.30."
    qtbot.waitUntil(lambda: editor.when.start_time_message.isVisible())
    assert editor.when.start_time_message.text() == message
    assert message in editor.messages.text()
    assert field.hasFocus() and field.text() == "teatime"  # nothing typed is thrown away
    assert editor.isVisible()
    assert meetings.get_session(db, meeting_id).starts_at == before

    field.selectAll()
    qtbot.keyClicks(field, "2pm")
    qtbot.keyClick(field, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())
    assert meetings.get_session(db, meeting_id).starts_at.time() == time(14, 0)
