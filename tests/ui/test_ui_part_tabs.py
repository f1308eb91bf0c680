"""Tabs that give way to a wrapping choice of parts when their names do not fit, and the
flow layout that wraps it: on their own, and in the session editor at 100% and 300%."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from ui_helpers import wait_loaded

from app.services import example_data, meetings
from app.ui.flow_layout import FlowLayout
from app.ui.part_tabs import PartTabs, without_mnemonic
from app.ui.session_editor import SessionEditor

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NAMES = ("D&etails", "&Plan", "Ai&ms", "&Attendance", "After&wards")


def parts_window(qtbot) -> tuple[QWidget, PartTabs]:  # type: ignore[no-untyped-def]
    window = QWidget()
    tabs = PartTabs("Parts of the example")
    for name in NAMES:
        tabs.addTab(QLabel(f"The page called {without_mnemonic(name)}"), name)
    layout = QVBoxLayout(window)
    layout.addWidget(tabs.chooser)
    layout.addWidget(tabs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, tabs


def narrow_width(window: QWidget, tabs: PartTabs) -> int:
    """Wider than the window's narrowest, narrower than the tabs' names on one line."""
    return (window.minimumSizeHint().width() + tabs.tabBar().sizeHint().width()) // 2


def choices(tabs: PartTabs) -> list[QRadioButton]:
    return tabs.chooser.findChildren(QRadioButton)


def checked_name(tabs: PartTabs) -> str:
    return next(b.accessibleName() for b in choices(tabs) if b.isChecked())


def test_names_are_read_without_their_alt_key_marks():
    assert without_mnemonic("Ai&ms") == "Aims"
    assert without_mnemonic("Fish && chips") == "Fish & chips"
    assert without_mnemonic("&Plan && do") == "Plan & do"


def test_tabs_stand_while_they_fit_and_a_wrapping_choice_takes_over_when_not(qtbot):
    window, tabs = parts_window(qtbot)
    wide = tabs.tabBar().sizeHint().width() + 100
    window.resize(wide, 300)
    qtbot.waitUntil(lambda: tabs.width() >= wide - 40)
    assert not tabs.is_wrapped()
    assert tabs.tabBar().isVisible() and not tabs.chooser.isVisible()

    # Narrower than the names need: the window may shrink, and the names wrap instead.
    assert window.minimumSizeHint().width() < tabs.tabBar().sizeHint().width()
    window.resize(narrow_width(window, tabs), 300)
    qtbot.waitUntil(tabs.is_wrapped)
    assert not tabs.tabBar().isVisible() and tabs.chooser.isVisible()
    chooser = tabs.chooser
    qtbot.waitUntil(lambda: chooser.height() >= chooser.heightForWidth(chooser.width()) > 0)
    buttons = choices(tabs)
    assert [b.accessibleName() for b in buttons] == [
        "Details",
        "Plan",
        "Aims",
        "Attendance",
        "Afterwards",
    ]
    for button in buttons:  # each whole, and on the chooser
        assert button.width() >= button.sizeHint().width()
        assert chooser.rect().contains(button.geometry())
    assert len({b.y() for b in buttons}) > 1  # on more than one line
    assert tabs.currentWidget().isVisible()

    window.resize(wide, 300)
    qtbot.waitUntil(lambda: not tabs.is_wrapped())
    assert tabs.tabBar().isVisible() and not tabs.chooser.isVisible()


def test_the_choice_and_the_shown_part_follow_each_other(qtbot):
    window, tabs = parts_window(qtbot)
    window.resize(narrow_width(window, tabs), 300)
    qtbot.waitUntil(tabs.is_wrapped)
    assert checked_name(tabs) == "Details"

    tabs.setCurrentIndex(3)
    assert checked_name(tabs) == "Attendance"
    plan = next(b for b in choices(tabs) if b.accessibleName() == "Plan")
    qtbot.mouseClick(plan, Qt.MouseButton.LeftButton)
    assert tabs.currentIndex() == 1
    assert tabs.currentWidget().text() == "The page called Plan"

    # By keyboard: arrows move along the choice, and Ctrl+Tab moves on from the page.
    plan.setFocus()
    qtbot.waitUntil(plan.hasFocus)
    qtbot.keyClick(plan, Qt.Key.Key_Right)
    assert tabs.currentIndex() == 2 and checked_name(tabs) == "Aims"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 3 and checked_name(tabs) == "Attendance"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
    assert tabs.currentIndex() == 4
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)
    assert tabs.currentIndex() == 0  # round from the last to the first
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentIndex() == 4 and checked_name(tabs) == "Afterwards"
    assert QApplication.focusWidget().accessibleName() == "Afterwards"


def test_alt_keys_choose_a_part_whichever_way_the_parts_are_shown(qtbot):
    window, tabs = parts_window(qtbot)
    window.resize(tabs.tabBar().sizeHint().width() + 100, 300)
    qtbot.waitUntil(lambda: not tabs.is_wrapped())
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_M, ALT)
    assert tabs.currentIndex() == 2

    window.resize(narrow_width(window, tabs), 300)
    qtbot.waitUntil(tabs.is_wrapped)
    # One part answers each Alt key: the hidden tabs no longer do.
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_W, ALT)
    qtbot.waitUntil(lambda: tabs.currentIndex() == 4)
    assert checked_name(tabs) == "Afterwards"
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_E, ALT)
    qtbot.waitUntil(lambda: tabs.currentIndex() == 0)


def test_the_keyboard_stays_on_the_parts_when_they_change_shape(qtbot):
    window, tabs = parts_window(qtbot)
    window.resize(tabs.tabBar().sizeHint().width() + 100, 300)
    tabs.setCurrentIndex(1)
    tabs.tabBar().setFocus()
    qtbot.waitUntil(tabs.tabBar().hasFocus)
    window.resize(narrow_width(window, tabs), 300)
    qtbot.waitUntil(tabs.is_wrapped)
    assert QApplication.focusWidget().accessibleName() == "Plan"
    window.resize(tabs.tabBar().sizeHint().width() + 100, 300)
    qtbot.waitUntil(lambda: not tabs.is_wrapped())
    assert QApplication.focusWidget() is tabs.tabBar()


def test_a_disabled_tab_widget_disables_its_choice_too(qtbot):
    _window, tabs = parts_window(qtbot)
    tabs.setEnabled(False)
    assert not tabs.chooser.isEnabled()
    tabs.setEnabled(True)
    assert tabs.chooser.isEnabled()


def test_the_flow_layout_wraps_taller_and_never_wider(qtbot):
    holder = QWidget()
    flow = FlowLayout(holder)
    words = [QPushButton(word) for word in ["one", "two", "three", "four", "five", "six", "seven"]]
    for button in words:
        flow.addWidget(button)
    qtbot.addWidget(holder)
    one_line = flow.sizeHint().width()
    widest = max(button.sizeHint().width() for button in words)
    assert flow.minimumSize().width() == widest
    assert flow.heightForWidth(one_line) == max(b.sizeHint().height() for b in words)
    assert flow.heightForWidth(one_line // 2) > flow.heightForWidth(one_line)
    assert flow.heightForWidth(widest) >= len(words) * words[0].sizeHint().height()
    for width in (widest, one_line // 3, one_line // 2, one_line):
        flow.setGeometry(QRect(0, 0, width, flow.heightForWidth(width)))
        for button in words:
            assert button.geometry().right() < width, (width, button.text())
            assert button.geometry().bottom() < flow.heightForWidth(width)
    words[2].hide()
    assert flow.sizeHint().width() < one_line  # hidden words take no room


@pytest.fixture
def editor_at(qtbot, open_window, db):  # type: ignore[no-untyped-def]
    example_data.load_example_data(db)
    parts = open_window()
    opened: list[SessionEditor] = []

    def make(percent: int) -> SessionEditor:
        parts.text_size.choose(percent)
        wait_loaded(qtbot, parts.window)
        editor = SessionEditor.example(parts.window)
        editor.show()
        qtbot.waitExposed(editor)
        qtbot.waitUntil(editor.is_loaded)
        opened.append(editor)
        return editor

    make.parts = parts  # type: ignore[attr-defined]
    yield make
    for editor in opened:
        if isValid(editor):
            editor.discard()


def test_the_session_editor_keeps_its_tabs_at_ordinary_sizes(editor_at):
    editor = editor_at(100)
    assert not editor.tabs.is_wrapped()
    assert editor.tabs.tabBar().isVisible()


def test_the_session_editor_fits_a_small_screen_at_300_percent(qtbot, editor_at):
    editor = editor_at(300)
    screen = editor.screen().availableGeometry()
    assert editor.tabs.tabBar().sizeHint().width() > screen.width() * 9 // 10
    assert editor.tabs.is_wrapped()
    assert editor.width() <= screen.width()
    # Every part's page fits without scrolling sideways: the date and the time stand apart.
    for index, scroller in enumerate(editor.scrollers):
        editor.tabs.setCurrentIndex(index)
        qtbot.waitUntil(scroller.isVisible)
        assert scroller.horizontalScrollBar().maximum() == 0, editor.tabs.tabText(index)

    # Tab goes from the chosen part to its page, and on round the window back to it.
    editor.tabs.setCurrentIndex(0)
    chosen = next(b for b in choices(editor.tabs) if b.isChecked())
    chosen.setFocus()
    qtbot.waitUntil(chosen.hasFocus)
    qtbot.keyClick(chosen, Qt.Key.Key_Tab)
    assert editor.when.title.hasFocus()
    for _step in range(12):
        if chosen.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert chosen.hasFocus()

    # The text made smaller again while it is open: the tabs come back.
    editor_at.parts.text_size.choose(100)
    qtbot.waitUntil(lambda: not editor.tabs.is_wrapped())


def test_the_date_and_start_time_are_typed_apart_and_saved_together(qtbot, editor_at, db):
    editor = editor_at(100)
    meeting_id = editor.meeting_id
    field = editor.when.start_time
    qtbot.waitUntil(editor.when.title.hasFocus)
    qtbot.keyClick(editor.when.title, Qt.Key.Key_I, ALT)  # "Start t&ime:"
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "1405")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # Tab leaves the field: it does not step inside it
    assert editor.when.status.hasFocus()
    editor.when.date.setDate(editor.when.date.date().addDays(1))
    wanted = datetime.combine(editor.when.date.date().toPython(), time(14, 5))
    assert editor.when.starts() == wanted
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())
    assert meetings.get_session(db, meeting_id).starts_at == wanted
