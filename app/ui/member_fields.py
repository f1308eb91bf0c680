"""Small pieces the member screens share: a text box sized in lines, an optional date,
and the line that shows a refusal beside the field it is about."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPointF, QSize, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
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


def _opens_calendar(event: QKeyEvent) -> bool:
    """F4 or Alt+Down: the keys that open a drop-down list open a date's calendar too."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (event.key() == Qt.Key.Key_F4 and modifiers == Qt.KeyboardModifier.NoModifier) or (
        event.key() == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.AltModifier
    )


class DateEdit(QDateEdit):
    """A date spelled out. Tab moves to the next field, as everywhere else in a form (Qt's
    own date field uses it to step between day, month and year: Left and Right do that).

    With a calendar (``setCalendarPopup(True)``), Alt+Down or F4 opens it, as they open a
    drop-down list; Qt opens it only for a click (Alt+Down quietly went back a day). In
    the calendar the arrow keys move, Enter chooses, and Escape (or F4 or Alt+Down again)
    closes it and puts the date back as it was, without reaching the window behind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widest: tuple[object, ...] = ()
        self._widest_text = 0
        self._before_calendar: QDate | None = None  # the date when the calendar opened
        self._calendar_watched = False
        self.setDisplayFormat(DATE_FORMAT)
        self.setMinimumDate(EARLIEST)
        self._describe()
        self.dateChanged.connect(self._year_may_have_changed)

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)

    # -- the calendar, by keyboard -------------------------------------------------------

    def setCalendarPopup(self, enable: bool) -> None:
        """Qt's, and the field then says how its calendar is opened."""
        super().setCalendarPopup(enable)
        self._describe()

    def _describe(self) -> None:
        if self.calendarPopup():
            self.setAccessibleDescription(
                _(
                    "Up and Down change the day, month or year; Left and Right move between "
                    "them. Alt+Down or F4 opens a calendar."
                )
            )
        else:
            self.setAccessibleDescription(
                _("Up and Down change the day, month or year; Left and Right move between them.")
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.calendarPopup() and _opens_calendar(event):
            event.accept()
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> bool:
        """Open the calendar, with the keyboard in it; False if the field has none or
        cannot be changed."""
        if not self.calendarPopup() or self.isReadOnly() or not self.isEnabled():
            return False
        self._watch_calendar()
        # Qt has no call that opens it: only a press on the field's arrow does, so the
        # press is made here, where Qt's own test for the arrow finds it.
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(arrow.center()),
            QPointF(self.mapToGlobal(arrow.center())),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QDateEdit.mousePressEvent(self, press)
        return self.calendarWidget().window().isVisible()

    def _watch_calendar(self) -> None:
        """Name the calendar for screen readers and hear the keys pressed in it (each of
        its parts may have them, the grid of days first)."""
        if self._calendar_watched:
            return
        self._calendar_watched = True
        calendar = self.calendarWidget()
        popup = calendar.window()
        for part in (popup, calendar, *calendar.findChildren(QWidget)):
            part.installEventFilter(self)
        for part in (calendar, calendar.focusProxy() or calendar):
            part.setAccessibleName(_("Calendar"))
            part.setAccessibleDescription(
                _(
                    "The arrow keys move a day or a week, Page Up and Page Down a month. Enter "
                    "chooses the date; Escape closes the calendar without choosing."
                )
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.calendarWidget().window() if self._calendar_watched else None
        if watched is popup and event.type() == QEvent.Type.Show:
            self._before_calendar = self.date()  # however it was opened, by key or click
        elif (
            popup is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and (watched is popup or popup.isAncestorOf(watched))  # not the field's own keys
            and (event.key() == Qt.Key.Key_Escape or _opens_calendar(event))
        ):
            # Closed without choosing: the arrow keys have already moved the date.
            if self._before_calendar is not None:
                self.setDate(self._before_calendar)
            popup.close()
            return True  # nor does the window behind hear Escape (and close, or ask)
        return super().eventFilter(watched, event)

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
