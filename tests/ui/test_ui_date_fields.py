"""Date fields show the whole date, whatever the day: the longest weekday and month names,
in every look, reading font and text size (the session editor once cut off the year of
"Wednesday 9 December 2026"); a date's calendar is opened and used by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from ui_helpers import wait_loaded

from app.services.pack_defaults import READING_FONTS
from app.ui.display import apply_text_size
from app.ui.fonts import apply_reading_font, register_bundled_fonts
from app.ui.looks import LOOKS, apply_look
from app.ui.member_fields import DateEdit
from app.ui.settings import NORMAL_LOOK

ALT = Qt.KeyboardModifier.AltModifier
SESSION_FORMAT = "dddd d MMMM yyyy"  # the session editor's, as in app/ui/session_pages.py
LONG_DAYS = (
    date(2028, 9, 27),  # Wednesday 27 September 2028
    date(2026, 12, 9),  # Wednesday 9 December 2026
    date(2026, 12, 21),  # Monday 21 December 2026
    date(2027, 9, 29),  # Wednesday 29 September 2027
    date(2030, 2, 28),  # Thursday 28 February 2030
)


@pytest.fixture(autouse=True)
def _normal_look_and_font_after() -> Iterator[None]:
    yield
    PAGES.clear()
    apply_look(NORMAL_LOOK)
    apply_reading_font("system")


def shown_whole(field: DateEdit) -> tuple[str, int, int]:
    """The field's text, the width it needs and the width its text box has."""
    inner = field.findChild(QLineEdit)
    text = inner.text()
    room = inner.contentsRect().width() - inner.textMargins().left() - inner.textMargins().right()
    return text, inner.fontMetrics().horizontalAdvance(text), room


PAGES: list[QWidget] = []  # held until the test ends, with the fields on them


def placed(qtbot, form: str) -> DateEdit:  # type: ignore[no-untyped-def]
    """A date field laid out as the forms lay them out: at its own width, on the left."""
    page = QWidget()
    PAGES.append(page)
    qtbot.addWidget(page)
    field = DateEdit()
    field.setDisplayFormat(form)
    layout = QVBoxLayout(page)
    layout.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    page.resize(2000, 400)
    page.show()
    qtbot.waitExposed(page)
    return field


@pytest.mark.parametrize("look", [entry.key for entry in LOOKS])
@pytest.mark.parametrize("percent", [100, 300])
def test_the_longest_dates_fit_in_every_look_font_and_size(qtbot, look, percent):
    register_bundled_fonts()
    apply_look(look)
    cut: list[str] = []
    for font in READING_FONTS:
        apply_reading_font(font.key)
        apply_text_size(percent)
        for form in (SESSION_FORMAT, "d MMMM yyyy"):
            field = placed(qtbot, form)
            for day in LONG_DAYS:
                field.setDate(QDate(day.year, day.month, day.day))
                qtbot.waitUntil(lambda f=field: f.width() == f.sizeHint().width())
                text, needed, room = shown_whole(field)
                if needed > room:
                    cut.append(f"{font.key} {form!r}: {text!r} needs {needed} px, has {room}")
    assert cut == []


def test_every_day_of_a_year_fits_the_field_sized_for_it(qtbot):
    field = placed(qtbot, SESSION_FORMAT)
    field.setDate(QDate(2028, 1, 1))
    qtbot.waitUntil(lambda: field.width() == field.sizeHint().width())
    day = QDate(2028, 1, 1)
    while day.year() == 2028:
        field.setDate(day)
        text, needed, room = shown_whole(field)
        assert needed <= room, f"{text!r} needs {needed} px and has {room}"
        day = day.addDays(1)


def open_new_session(qtbot, open_window):  # type: ignore[no-untyped-def]
    """The session editor on a new session, by keys from the Sessions area."""
    from app.ui.session_editor import SessionEditor
    from app.ui.sessions_panel import SessionsPanel

    window = open_window().window
    window.activateWindow()
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    qtbot.keyClick(window.areas, Qt.Key.Key_Down)  # Members, then Sessions
    assert isinstance(window.current_panel(), SessionsPanel)
    wait_loaded(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, ALT)  # "&New session…"

    def editor() -> SessionEditor | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, SessionEditor)]
        return next((w for w in shown if w.isVisible() and w.is_loaded()), None)

    qtbot.waitUntil(lambda: editor() is not None)
    found = editor()
    found.activateWindow()
    qtbot.waitUntil(found.when.title.hasFocus)
    return found


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def back_in(qtbot, editor: QWidget, field: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The keyboard is back on ``field`` once the calendar closes. (The offscreen platform
    the tests use leaves the closed calendar as the active window, where a real one gives
    the window back; the editor is brought forward again as a window system would.)"""
    assert editor.focusWidget() is field
    editor.activateWindow()
    qtbot.waitUntil(field.hasFocus)


# A calendar opens as a popup, which the offscreen platform the tests use can neither bring
# forward nor give the keyboard to as a window system does.
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
def test_the_session_dates_calendar_opens_and_is_used_by_keyboard(qtbot, open_window, sample):
    editor = open_new_session(qtbot, open_window)
    field = editor.when.date
    qtbot.keyClicks(editor.when.title, "Winter check-in")  # a change, so closing would ask
    press(qtbot, Qt.Key.Key_D, ALT)  # "&Date:"
    assert field.hasFocus()
    assert "Alt+Down or F4 opens a calendar." in field.accessibleDescription()
    start = field.date()
    calendar = field.calendarWidget()

    # Alt+Down opens it (it went back a day), with the keyboard in it and the date as it was.
    press(qtbot, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.isAncestorOf(QApplication.focusWidget())
    assert QApplication.focusWidget().accessibleName() == "Calendar"
    assert "Enter chooses the date" in QApplication.focusWidget().accessibleDescription()
    assert field.date() == start
    # Escape closes the calendar alone: the date as it was, the editor open, nothing asked.
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    qtbot.wait(50)  # a question would be asked on the next turn of the loop
    assert field.date() == start
    assert editor.isVisible() and QApplication.activeModalWidget() is None
    back_in(qtbot, editor, field)

    # F4 opens it; the arrows move a week down and a day on, and Enter chooses.
    press(qtbot, Qt.Key.Key_F4)
    qtbot.waitUntil(calendar.isVisible)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert field.date() == start.addDays(8)
    assert editor.isVisible()
    back_in(qtbot, editor, field)
    # Escape on the field itself still belongs to the editor, which asks before closing.
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    QApplication.activeModalWidget().reject()  # "Keep editing"
    assert editor.isVisible()


@pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
def test_every_optional_date_opens_its_calendar_by_keyboard(qtbot):
    """The dates of decisions, actions, payments and a group's end are the same field."""
    from app.ui.decision_form import OptionalDate

    chosen = OptionalDate("&Done by", date(2026, 12, 9))
    page = QWidget()
    PAGES.append(page)
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.addWidget(chosen.check)
    layout.addWidget(chosen.editor)
    page.show()
    page.activateWindow()
    chosen.editor.setFocus()
    qtbot.waitUntil(chosen.editor.hasFocus)
    assert "Alt+Down or F4 opens a calendar." in chosen.editor.accessibleDescription()
    press(qtbot, Qt.Key.Key_F4)
    calendar = chosen.editor.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    press(qtbot, Qt.Key.Key_Left)
    press(qtbot, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert chosen.value() == date(2026, 12, 8)
