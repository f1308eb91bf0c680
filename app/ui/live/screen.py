"""The parts of the live screen, laid out to be read from across a room: the current item
and its time in large type, the aims, the notes (with the keyboard from the first moment),
check-in and fair turns alongside, and a button for every command with its key shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.display import base_point_size
from app.ui.live.closed_screen import ClosedPage
from app.ui.live.people_lists import CheckInList, TurnsList
from app.ui.widgets import Heading, StatusLine, scrolling

LARGE_SCALE = 1.6  # the item and its time: larger than headings, at any text size
SIDE_BY_SIDE_CHARACTERS = 110
NOTES_SCALE = 1.3  # the notes, read by the group on the projected screen
LARGE_SCALE_FADE = 0.3  # how much of the extra size goes per 100% of text size beyond 100%


def large_font(scale: float = LARGE_SCALE, *, bold: bool = True) -> QFont:
    """``scale`` times the chosen text size at 100%, less as the text grows: at 300% every
    word is already large, and the notes must keep their room on the screen."""
    font = QFont(QGuiApplication.font())
    font.setBold(bold)
    chosen = font.pointSizeF() / base_point_size()
    tempered = max(1.0, scale - (scale - 1.0) * (chosen - 1.0) * LARGE_SCALE_FADE)
    font.setPointSizeF(round(font.pointSizeF() * tempered, 1))
    return font


class NotesBox(QPlainTextEdit):
    """The notes, a little larger than the rest; Tab moves on rather than typing a tab."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self._follow_text_size(QGuiApplication.font())
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self._follow_text_size)

    @Slot(QFont)
    def _follow_text_size(self, _font: QFont) -> None:
        self.setFont(large_font(NOTES_SCALE, bold=False))
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)


class LargeLabel(QLabel):
    """Words to be read from the back of the room; follows the chosen text size."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFont(large_font())
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self._follow_text_size)

    @Slot(QFont)
    def _follow_text_size(self, _font: QFont) -> None:
        self.setFont(large_font())


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


class LiveScreen(QWidget):
    """Only the widgets and their places; ``LiveWindow`` gives them life."""

    def __init__(self) -> None:
        super().__init__()
        self.session_title = Heading()
        self.held_notice = plain_label(
            _("This session is already closed. What you write here is still saved to it.")
        )
        self.held_notice.hide()
        self.item_title = LargeLabel()
        self.time_left = LargeLabel()
        self.time_left.setAccessibleName(_("Time left on this item"))
        self.warning = plain_label()
        self.break_banner = LargeLabel()
        self.break_banner.hide()
        self.aims_heading = Heading(_("The aims this session works on"))
        self.aims_text = plain_label()
        self.prompt = plain_label()
        self.prompt.hide()

        self.notes_label = plain_label()
        self.notes = NotesBox()
        self.notes_label.setBuddy(self.notes)

        self.check_in_label = plain_label(
            _(
                "&Check-in. Keys: P present, A apologies, X absent, S present with a "
                "supporter, B sent something in beforehand (Shift+B takes it back)."
            )
        )
        self.check_in = CheckInList()
        self.check_in_label.setBuddy(self.check_in)
        self.turns_label = plain_label(
            _(
                "Fair &turns. Keys: Space or a person's number marks a turn, Backspace takes "
                "one back."
            )
        )
        self.turns = TurnsList()
        self.turns_label.setBuddy(self.turns)

        self.buttons = QGridLayout()
        self._buttons: list[QPushButton] = []
        self._columns = 3
        self.status_line = StatusLine()

        # The aims head the column beside the notes, so the notes start high on the screen.
        side = QVBoxLayout()
        for widget in (
            self.aims_heading,
            self.aims_text,
            self.check_in_label,
            self.check_in,
            self.turns_label,
            self.turns,
        ):
            side.addWidget(widget)
        notes_column = QVBoxLayout()
        notes_column.addWidget(self.notes_label)
        notes_column.addWidget(self.notes, 1)
        self.middle = middle = QHBoxLayout()
        middle.addLayout(notes_column, 3)
        middle.addLayout(side, 2)

        page = QWidget()
        column = QVBoxLayout(page)
        for widget in (
            self.session_title,
            self.held_notice,
            self.item_title,
            self.time_left,
            self.warning,
            self.break_banner,
            self.prompt,
        ):
            column.addWidget(widget)
        column.addLayout(middle, 1)
        column.addLayout(self.buttons)
        # Once the session is closed, what was saved takes the place of the notes.
        self.closed = ClosedPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(scrolling(page))
        self.pages.addWidget(self.closed)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages, 1)
        outer.addWidget(self.status_line)

    def show_closed(self) -> None:
        self.pages.setCurrentWidget(self.closed)

    def closed_shown(self) -> bool:
        return self.pages.currentWidget() is self.closed

    def main_part(self) -> QWidget:
        """What has the keyboard when nothing else asks for it: the notes, or once the
        session is closed, what was saved."""
        return self.closed.text if self.closed_shown() else self.notes

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side while a line of notes stays readable; one above the other when the
        # text is so large that both would be squeezed (the page scrolls instead).
        wide = (
            event.size().width() >= SIDE_BY_SIDE_CHARACTERS * self.fontMetrics().averageCharWidth()
        )
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.middle.direction() != direction:
            self.middle.setDirection(direction)
        self._place_buttons(event.size().width())
        super().resizeEvent(event)

    def _place_buttons(self, width: int) -> None:
        widest = max((button.sizeHint().width() for button in self._buttons), default=1)
        columns = max(1, min(3, (width - 40) // (widest + self.buttons.spacing() + 1)))
        if columns == self._columns:
            return
        self._columns = columns
        for index, button in enumerate(self._buttons):
            self.buttons.removeWidget(button)
            self.buttons.addWidget(button, index // columns, index % columns)

    def add_button(self, text: str, shortcut: QKeySequence, name: str) -> QPushButton:
        """A button whose words show its key, placed in the next free cell of the grid."""
        button = QPushButton(_("{action} ({key})").format(action=text, key=key_text(shortcut)))
        button.setAccessibleName(name)
        count = len(self._buttons)
        self._buttons.append(button)
        self.buttons.addWidget(button, count // self._columns, count % self._columns)
        return button
