"""Two pages of the session editor: "When and where" (title, date, start time, status,
venue) and "Aims" (which of the group's aims the session will work on)."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDate, QEvent, QSize, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.models.enums import MeetingStatus
from app.services.meetings import SessionChoices, SessionDetails
from app.services.venues import VenueRow
from app.services.wording import label
from app.ui.member_fields import DateEdit
from app.ui.session_venue import features_sentence, labelled
from app.ui.time_field import TimeField
from app.ui.wrapping import WrappingComboBox


class _ShowsLines:
    """A list that is never squashed below a few lines of text, at any text size: the page
    around it scrolls instead."""

    LINES = 6

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()  # type: ignore[misc]
        lines = self.LINES * self.fontMetrics().lineSpacing()  # type: ignore[attr-defined]
        return QSize(hint.width(), lines + 2 * self.frameWidth() + 4)  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()  # type: ignore[attr-defined]


class LinesList(_ShowsLines, QListView):
    pass


class LinesListWidget(_ShowsLines, QListWidget):
    pass


def field_message() -> QLabel:
    """A line under a field for what is wrong with it; hidden while nothing is."""
    message = QLabel()
    message.setWordWrap(True)
    message.setTextFormat(Qt.TextFormat.PlainText)
    message.hide()
    return message


class WhenWherePage(QWidget):
    changed = Signal()
    said = Signal(str)  # something worth telling a screen reader user
    start_changed = Signal(object)  # datetime
    new_venue_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.venues: list[VenueRow] = []
        self.title = QLineEdit()
        self.title_message = field_message()
        # The date and the time stand apart, so that each fits the page at the largest text.
        self.date = DateEdit()
        self.date.setDisplayFormat(_("dddd d MMMM yyyy"))
        self.date.setCalendarPopup(True)
        self.start_time = TimeField()
        self.start_time_message = field_message()
        self.status = WrappingComboBox()
        for status in MeetingStatus:
            self.status.addItem(label(status), status)
        self.venue = WrappingComboBox()
        self.venue_access = QLabel()
        self.venue_access.setWordWrap(True)
        self.venue_access.setTextFormat(Qt.TextFormat.PlainText)
        self.new_venue = QPushButton(_("&New venue…"))
        self.new_venue.setAccessibleName(_("New venue"))
        self.new_venue.setAutoDefault(False)  # Enter in a field never opens a new venue
        self.new_venue.clicked.connect(self.new_venue_wanted)

        layout = QVBoxLayout(self)
        layout.addWidget(labelled(_("&Title:"), self.title, _("Title")))
        layout.addWidget(self.title)
        layout.addWidget(self.title_message)
        layout.addWidget(labelled(_("&Date:"), self.date, _("Date")))
        layout.addWidget(self.date, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(labelled(_("Start t&ime:"), self.start_time, _("Start time")))
        layout.addWidget(self.start_time, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.start_time_message)
        layout.addWidget(labelled(_("Stat&us:"), self.status, _("Status")))
        layout.addWidget(self.status)
        layout.addWidget(labelled(_("&Venue:"), self.venue, _("Venue")))
        layout.addWidget(self.venue)
        layout.addWidget(self.venue_access)
        venue_row = QHBoxLayout()
        venue_row.addWidget(self.new_venue)
        venue_row.addStretch(1)
        layout.addLayout(venue_row)
        layout.addStretch(1)

        # The inner text field of the date is what has the focus: name it too.
        for inner in self.date.findChildren(QLineEdit):
            inner.setAccessibleName(_("Date"))
        self.title.textEdited.connect(lambda _text: self.changed.emit())
        self.date.dateChanged.connect(lambda _date: self._start_changed())
        self.start_time.timeChanged.connect(lambda _time: self._start_changed())
        self.start_time.problem.connect(self._show_time_problem)
        self.status.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.venue.currentIndexChanged.connect(self._venue_changed)

    def load(self, details: SessionDetails, choices: SessionChoices) -> None:
        self.venues = list(choices.venues)
        for widget in (self.title, self.date, self.start_time, self.status, self.venue):
            widget.blockSignals(True)
        self.title.setText(details.title)
        starts = details.starts_at
        self.date.setDate(QDate(starts.year, starts.month, starts.day))
        self.start_time.setTime(QTime(starts.hour, starts.minute))
        self.status.setCurrentIndex(self.status.findData(details.status))
        self._fill_venues(details.venue_id)
        for widget in (self.title, self.date, self.start_time, self.status, self.venue):
            widget.blockSignals(False)
        self._describe_venue()

    def _fill_venues(self, chosen: int | None) -> None:
        self.venue.clear()
        self.venue.addItem(_("No venue chosen yet"), None)
        for venue in self.venues:
            self.venue.addItem(venue.name, venue.id)
        index = self.venue.findData(chosen) if chosen is not None else 0
        self.venue.setCurrentIndex(max(index, 0))

    def add_venue(self, venue: VenueRow) -> None:
        """A venue just added: offer it, and choose it."""
        self.venues = sorted([*self.venues, venue], key=lambda v: v.name.casefold())
        self.venue.blockSignals(True)
        self._fill_venues(venue.id)
        self.venue.blockSignals(False)
        self._venue_changed(self.venue.currentIndex())

    def chosen_venue(self) -> VenueRow | None:
        chosen = self.venue.currentData()
        return next((venue for venue in self.venues if venue.id == chosen), None)

    def starts(self) -> datetime:
        chosen = self.start_time.time()
        return datetime.combine(self.date.date().toPython(), time(chosen.hour(), chosen.minute()))

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.text(),
            "starts_at": self.starts(),
            "status": MeetingStatus(self.status.currentData()),
            "venue_id": self.venue.currentData(),
        }

    def time_problem(self) -> str:
        """What is wrong with the start time as typed, or an empty string."""
        return self.start_time.settle()

    def _show_time_problem(self, message: str) -> None:
        self.start_time_message.setText(message)
        self.start_time_message.setVisible(bool(message))
        if message:
            self.said.emit(message)

    def _start_changed(self) -> None:
        self.start_changed.emit(self.starts())
        self.changed.emit()

    def _venue_changed(self, _index: int) -> None:
        self._describe_venue()
        self.changed.emit()

    def _describe_venue(self) -> None:
        sentence = features_sentence(self.chosen_venue())
        self.venue_access.setText(sentence)
        self.venue.setAccessibleDescription(sentence)


class AimsPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.aims = LinesListWidget()
        self.aims.setWordWrap(True)
        self.aims.setUniformItemSizes(False)
        self.empty = QLabel(_("This group has no aims yet. They are added in the Aims area."))
        self.empty.setWordWrap(True)
        self.empty.hide()
        hint = QLabel(_("Tick each aim with the space bar."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(
            labelled(
                _("Aims this session will wor&k on:"),
                self.aims,
                _("Aims this session will work on"),
            )
        )
        layout.addWidget(hint)
        layout.addWidget(self.aims, 1)
        layout.addWidget(self.empty)
        self.aims.itemChanged.connect(lambda _item: self.changed.emit())

    def load(self, details: SessionDetails, choices: SessionChoices) -> None:
        self.aims.blockSignals(True)
        self.aims.clear()
        chosen = set(details.aim_ids)
        for aim in choices.aims:
            text = aim.title if not aim.closed else _("{aim} (closed)").format(aim=aim.title)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, aim.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if aim.id in chosen else Qt.CheckState.Unchecked
            )
            self.aims.addItem(item)
        if self.aims.count():
            self.aims.setCurrentRow(0)
        self.aims.blockSignals(False)
        self.empty.setVisible(not choices.aims)
        self.aims.setVisible(bool(choices.aims))

    def chosen(self) -> tuple[int, ...]:
        return tuple(
            int(self.aims.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.aims.count())
            if self.aims.item(row).checkState() == Qt.CheckState.Checked
        )
