"""Date fields show the whole date, whatever the day: the longest weekday and month names,
in every look, reading font and text size (the session editor once cut off the year of
"Wednesday 9 December 2026")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.services.pack_defaults import READING_FONTS
from app.ui.display import apply_text_size
from app.ui.fonts import apply_reading_font, register_bundled_fonts
from app.ui.looks import LOOKS, apply_look
from app.ui.member_fields import DateEdit
from app.ui.settings import NORMAL_LOOK

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
