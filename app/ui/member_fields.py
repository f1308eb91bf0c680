"""Small pieces the member screens share: a text box sized in lines, an optional date,
and the line that shows a refusal beside the field it is about."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QSize
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyleOptionSpinBox,
    QWidget,
)

from app.i18n import _
from app.ui.formatting import format_date

EARLIEST = QDate(1900, 1, 1)
DATE_FORMAT = "d MMMM yyyy"  # spelled out: clearer read aloud, and no day/month muddle


class LinesEdit(QPlainTextEdit):
    """A text box a few lines tall at any text size; Tab moves on, so it never traps."""

    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        document = int(self.document().documentMargin() * 2)
        height = self._lines * self.fontMetrics().lineSpacing() + document
        height += margins.top() + margins.bottom() + 2 * self.frameWidth()
        return QSize(hint.width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class DateEdit(QDateEdit):
    """A date spelled out. Tab moves to the next field, as everywhere else in a form (Qt's
    own date field uses it to step between day, month and year: Left and Right do that)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widest: tuple[object, ...] = ()
        self._widest_text = 0
        self.setDisplayFormat(DATE_FORMAT)
        self.setMinimumDate(EARLIEST)
        self.setAccessibleDescription(
            _("Up and Down change the day, month or year; Left and Right move between them.")
        )
        self.dateChanged.connect(self._year_may_have_changed)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    # Qt sizes a date field to its earliest and latest dates' text, which with the day and
    # month spelled out is not the longest ("Monday 1 January" against "Wednesday 27
    # September"), and cut the year off. It is sized here to the longest date of its year.

    def widest_text(self) -> int:
        """The width of the longest date of the shown year, as this field writes it."""
        year = self.date().year()
        key = (year, self.displayFormat(), self.font().key(), QLocale().name())
        if key != self._widest:
            metrics, locale, form = self.fontMetrics(), QLocale(), self.displayFormat()
            day, last = QDate(year, 1, 1), QDate(year, 12, 31)
            widest = metrics.horizontalAdvance(self.specialValueText())
            while day <= last:
                widest = max(widest, metrics.horizontalAdvance(locale.toString(day, form)))
                day = day.addDays(1)
            self._widest, self._widest_text = key, widest
        return self._widest_text

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._width_for_longest()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._width_for_longest()), hint.height())

    def _width_for_longest(self) -> int:
        option = QStyleOptionSpinBox()
        self.initStyleOption(option)
        # As Qt measures it: the text, a space after it, and room for the cursor.
        text = QSize(self.widest_text() + self.fontMetrics().horizontalAdvance(" ") + 2, 1)
        style = self.style()
        return style.sizeFromContents(QStyle.ContentsType.CT_SpinBox, option, text, self).width()

    def _year_may_have_changed(self, chosen: QDate) -> None:
        if self._widest and chosen.year() != self._widest[0]:
            self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()


class OptionalDateEdit(DateEdit):
    """A date that may be unknown: the earliest date stands for "Not known"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSpecialValueText(_("Not known"))

    def set_value(self, value: date | None) -> None:
        self.setDate(EARLIEST if value is None else QDate(value.year, value.month, value.day))

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == EARLIEST else chosen.toPython()


class ProblemLine(QLabel):
    """A refusal, in bold words, shown just below the field it is about (hidden otherwise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_problem(self, message: str) -> None:
        # Bold words rather than red text: the message must not depend on seeing colour.
        self.setText(f"<b>{html.escape(message)}</b>")
        self.setAccessibleName(message)
        self.show()

    def clear(self) -> None:
        super().clear()
        self.setAccessibleName("")
        self.hide()


def name_field(widget: QAbstractSpinBox, name: str) -> None:
    """Name a spin box or date field, and the text box inside it, which takes the focus."""
    widget.setAccessibleName(name)
    widget.findChild(QLineEdit).setAccessibleName(name)


def agreed_sentence(on: date | None, agreed: bool) -> str:
    if not agreed:
        return _("They have not agreed yet.")
    if on is None:
        return _("They agree as of today.")
    return _("They agreed on {date}.").format(date=format_date(on))
