"""Whatever a key gives the keyboard to is scrolled wholly into view, at 300% in a small
window: in live mode, the display settings, the session editor and the main window alike
(one mechanism for every page that scrolls: app.ui.focus_scroller)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from ui_helpers import wait_loaded

from app.services import example_data, session_lookup
from app.ui.data import DataSource
from app.ui.display import apply_text_size
from app.ui.focus_scroller import view_start
from app.ui.live.start import open_live_window
from app.ui.looks import apply_look
from app.ui.session_editor import SessionEditor
from app.ui.settings import NORMAL_LOOK
from app.ui.tasks import TaskRunner
from app.ui.widgets import scrolling

ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def scroller_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def place_in_view(widget: QWidget) -> QRect:
    view = scroller_of(widget).viewport()
    return QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())


def wholly_in_view(widget: QWidget) -> bool:
    return scroller_of(widget).viewport().rect().contains(place_in_view(widget))


def press(qtbot, key: Qt.Key, modifier=ALT) -> QWidget:  # type: ignore[no-untyped-def]
    """Press ``key`` where the keyboard is, and give back what has it afterwards."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


# -- where the view goes, worked out on its own -----------------------------------------


def test_a_control_that_fits_is_shown_whole_scrolling_as_little_as_can_be():
    assert view_start(0, 100, (150, 190), None) == 90  # below: its foot at the view's foot
    assert view_start(300, 100, (150, 190), None) == 150  # above: its top at the view's top
    assert view_start(120, 100, (150, 190), None) == 120  # already whole: no movement
    assert view_start(0, 100, (150, 190), (185, 189)) == 90  # a cursor changes nothing


def test_a_control_taller_than_the_view_shows_its_top_and_cursor_not_its_foot():
    # A box 300 high in a view of 100, below the view: its top, with the cursor near it.
    assert view_start(0, 100, (500, 800), (510, 530)) == 500
    # The cursor far down the box: the cursor (its foot at the view's foot).
    assert view_start(0, 100, (500, 800), (700, 720)) == 620
    # No cursor of its own (a long list with nothing chosen): its top...
    assert view_start(0, 100, (500, 800), None) == 500
    assert view_start(900, 100, (500, 800), None) == 500
    # ...unless it already fills the view: then the view stays where the person put it.
    assert view_start(600, 100, (500, 800), None) == 600


def test_a_big_box_of_text_given_the_focus_shows_its_top(qtbot):
    page = QWidget()
    column = QVBoxLayout(page)
    above = QLabel("Above")
    above.setFixedHeight(600)
    box = QPlainTextEdit("\n".join(f"Line {n}" for n in range(80)))
    box.setFixedHeight(500)
    column.addWidget(above)
    column.addWidget(box)
    scroller = scrolling(page)
    qtbot.addWidget(scroller)
    scroller.resize(300, 200)
    scroller.show()
    qtbot.waitExposed(scroller)
    box.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(box.hasFocus)
    qtbot.waitUntil(lambda: place_in_view(box).top() == 0)  # its top, where its cursor is


# -- in the windows, by their access keys ------------------------------------------------


@pytest.fixture
def at_300_percent() -> Iterator[None]:
    apply_text_size(300)
    yield
    apply_look(NORMAL_LOOK)


def test_live_mode_shows_the_check_in_and_the_notes_given_the_keyboard(qtbot, db, at_300_percent):
    example_data.load_example_data(db)
    meeting_id = session_lookup.find_session(db, "next").id
    runner = TaskRunner()
    window = open_live_window(DataSource(db), runner, meeting_id, full_screen=False)
    qtbot.addWidget(window)
    try:
        window.resize(1024, 700)
        qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        check_in = window.screen_parts.check_in
        assert press(qtbot, Qt.Key.Key_C) is check_in
        qtbot.waitUntil(lambda: wholly_in_view(check_in))
        assert press(qtbot, Qt.Key.Key_N) is window.notes
        qtbot.waitUntil(lambda: wholly_in_view(window.notes))
    finally:
        window.close()
        runner.shutdown(wait=True)


def test_the_display_settings_show_the_look_chosen_by_its_key(
    qtbot, open_window, sample, at_300_percent
):
    parts = open_window()
    parts.window.resize(1024, 700)
    parts.window.activateWindow()
    qtbot.waitUntil(parts.window.isActiveWindow)
    press(qtbot, Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QWidget))
    dialog = QApplication.activeModalWidget()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dark = press(qtbot, Qt.Key.Key_D)  # "High contrast, &dark"
    assert dark.text() == "High contrast, &dark"
    qtbot.waitUntil(dark.isChecked)
    qtbot.waitUntil(lambda: wholly_in_view(dark))
    press(qtbot, Qt.Key.Key_N)  # back to the normal look
    dialog.close()


def test_the_session_editor_shows_the_title_of_an_item_just_added(
    qtbot, open_window, db, at_300_percent
):
    example_data.load_example_data(db)
    parts = open_window()
    wait_loaded(qtbot, parts.window)
    editor = SessionEditor.example(parts.window)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(editor.is_loaded)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    try:
        press(qtbot, Qt.Key.Key_P)  # the Plan part
        qtbot.waitUntil(editor.plan.isVisible)
        for _item in range(2):
            press(qtbot, Qt.Key.Key_I)  # Add item, which gives the new item's title the keys
            qtbot.waitUntil(editor.plan.title.hasFocus)
            qtbot.waitUntil(lambda: wholly_in_view(editor.plan.title))
    finally:
        editor.discard()
