"""The item models of the Sessions area and the session editor.

``SessionListModel`` is the area's read-only table. ``RunningOrderModel`` holds the agenda
items and breaks being edited, in the order they happen; ``AttendanceModel`` the people
and how each took part. Both editor models are lists a person moves through with the
arrow keys; the fields beside them change the chosen row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from app.i18n import N_, _
from app.models.enums import AttendanceStatus
from app.services.meetings import AgendaLine, AttendanceLine, BreakLine, PersonChoice, SessionRow
from app.services.wording import label
from app.ui.formatting import format_datetime, format_minutes, format_time
from app.ui.table_models import AnyIndex, Column, RowTableModel

_TEXT_ROLES = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole))


def timing_words(row: SessionRow) -> str:
    """The Timing column: a warning in words, never a colour."""
    if row.too_long and row.needs_break:
        return _("Too long; needs a break")
    if row.too_long:
        return _("Too long")
    if row.needs_break:
        return _("Needs a break")
    return ""


class SessionListModel(RowTableModel):
    """The Sessions area's table. Each session's number is the last column: it is what the
    command line takes (``export pack --session 12``), while the date, first, is what a
    person moving down the rows hears."""

    DATE, TITLE, STATUS, VENUE, PLANNED_LENGTH, TIMING, NUMBER = range(7)
    COLUMNS = (
        Column(N_("Date and time"), lambda r: format_datetime(r.starts_at), lambda r: r.starts_at),
        Column(N_("Title"), lambda r: r.title, wide=True),
        Column(N_("Status"), lambda r: label(r.status)),
        Column(N_("Venue"), lambda r: r.venue_name or _("No venue yet")),
        Column(
            N_("Planned length"),
            lambda r: (
                format_minutes(r.planned_minutes) if r.planned_minutes else _("No agenda yet")
            ),
            lambda r: r.planned_minutes,
        ),
        Column(N_("Timing"), timing_words),
        Column(N_("Number"), lambda r: str(r.id), lambda r: r.id),
    )

    def row_of(self, meeting_id: int) -> int:
        """The row showing session ``meeting_id``, or -1."""
        return next((n for n, row in enumerate(self._rows) if row.id == meeting_id), -1)


# -- the running order ------------------------------------------------------------------


@dataclass(frozen=True)
class PlanEntry:
    """One line of the running order: an agenda item, or a break (``is_break``)."""

    is_break: bool
    title: str
    minutes: int
    details: str = ""
    id: int | None = None  # an agenda item's saved id: notes written against it follow it


class RunningOrderModel(QAbstractListModel):
    """Agenda items and breaks in the order they happen, each with its clock times."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[PlanEntry] = []
        # Each line's text, kept until the lines are told of a change: a line's clock
        # times depend on every line before it, so views hear of it in one dataChanged.
        self._texts: list[str] = []
        self._start: datetime | None = None

    # reading and loading

    def load(self, agenda: tuple[AgendaLine, ...], breaks: tuple[BreakLine, ...]) -> None:
        entries: list[PlanEntry] = []
        for position in range(len(agenda) + 1):
            entries += [
                PlanEntry(True, b.label, b.minutes) for b in breaks if b.after_position == position
            ]
            if position < len(agenda):
                item = agenda[position]
                entries.append(PlanEntry(False, item.title, item.minutes, item.details, item.id))
        # A break placed beyond the agenda (older data) still shows, at the end.
        entries += [
            PlanEntry(True, b.label, b.minutes) for b in breaks if b.after_position > len(agenda)
        ]
        self.beginResetModel()
        self._entries = entries
        self._texts = [self.describe(row) for row in range(len(entries))]
        self.endResetModel()

    def entries(self) -> list[PlanEntry]:
        return list(self._entries)

    def entry(self, row: int) -> PlanEntry:
        return self._entries[row]

    def agenda_and_breaks(self) -> tuple[tuple[AgendaLine, ...], tuple[BreakLine, ...]]:
        agenda: list[AgendaLine] = []
        breaks: list[BreakLine] = []
        for entry in self._entries:
            if entry.is_break:
                breaks.append(BreakLine(len(agenda), entry.minutes, entry.title.strip()))
            else:
                agenda.append(
                    AgendaLine(entry.id, entry.title.strip(), entry.minutes, entry.details)
                )
        return tuple(agenda), tuple(breaks)

    def item_number(self, row: int) -> int:
        """An agenda item's number (1 for the first item), or how many items come before
        a break."""
        return sum(1 for entry in self._entries[:row] if not entry.is_break) + (
            0 if self._entries[row].is_break else 1
        )

    def set_start(self, start: datetime | None) -> None:
        self._start = start
        self._all_changed()

    # changing

    def insert(self, row: int, entry: PlanEntry) -> int:
        row = max(0, min(row, len(self._entries)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(row, entry)
        self._texts.insert(row, self.describe(row))
        self.endInsertRows()
        self._all_changed()  # numbers and times after it move on
        return row

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._entries):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._entries[row]
        del self._texts[row]
        self.endRemoveRows()
        self._all_changed()

    def move(self, row: int, step: int) -> int:
        """Move a row up (``step`` -1) or down (+1); returns where it now is."""
        target = row + step
        if not (0 <= row < len(self._entries) and 0 <= target < len(self._entries)):
            return row
        # Qt counts a move down as "before the row after the one swapped with".
        destination = target + 1 if step > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._entries.insert(target, self._entries.pop(row))
        self._texts.insert(target, self._texts.pop(row))
        self.endMoveRows()
        self._all_changed()
        return target

    def change(self, row: int, **fields: Any) -> None:
        if not 0 <= row < len(self._entries):
            return
        updated = replace(self._entries[row], **fields)
        if updated == self._entries[row]:
            return
        self._entries[row] = updated
        if "minutes" in fields:
            self._all_changed()  # the clock times of every later row move
        else:
            self._row_changed(row)

    # the model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _TEXT_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._texts):
            return None
        return self._texts[row]

    def describe(self, row: int) -> str:
        entry = self._entries[row]
        if entry.is_break:
            what = _("Break: {label}, {length}").format(
                label=entry.title.strip() or _("no name"), length=format_minutes(entry.minutes)
            )
        else:
            what = _("{number}. {title}, {length}").format(
                number=self.item_number(row),
                title=entry.title.strip() or _("(no title yet)"),
                length=format_minutes(entry.minutes),
            )
        if self._start is None:
            return what
        before = sum(entry.minutes for entry in self._entries[:row])
        begins = self._start + timedelta(minutes=before)
        ends = begins + timedelta(minutes=entry.minutes)
        return _("{start} to {end}: {what}").format(
            start=format_time(begins), end=format_time(ends), what=what
        )

    def _row_changed(self, row: int) -> None:
        self._texts[row] = self.describe(row)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, list(_TEXT_ROLES))

    def _all_changed(self) -> None:
        self._texts = [self.describe(row) for row in range(len(self._entries))]
        if self._entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._entries) - 1, 0), list(_TEXT_ROLES)
            )


# -- attendance -------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceEntry:
    person: PersonChoice
    status: AttendanceStatus | None = None  # None: not yet known
    with_supporter: bool = False
    supporter_name: str = ""


def status_words(status: AttendanceStatus | None) -> str:
    return _("Not yet known") if status is None else label(status)


class AttendanceModel(QAbstractListModel):
    """Each person the session is for, and how they took part, in words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AttendanceEntry] = []

    def load(self, people: tuple[PersonChoice, ...], lines: tuple[AttendanceLine, ...]) -> None:
        known = {line.person_id: line for line in lines}
        entries = []
        for person in people:
            line = known.get(person.id)
            if line is None:
                entries.append(AttendanceEntry(person))
            else:
                entries.append(
                    AttendanceEntry(
                        person,
                        AttendanceStatus(line.status),
                        line.with_supporter,
                        line.supporter_name,
                    )
                )
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def lines(self) -> tuple[AttendanceLine, ...]:
        return tuple(
            AttendanceLine(
                e.person.id,
                e.status,
                e.with_supporter,
                e.supporter_name.strip() if e.with_supporter else "",
            )
            for e in self._entries
            if e.status is not None
        )

    def entry(self, row: int) -> AttendanceEntry:
        return self._entries[row]

    def change(self, row: int, **fields: Any) -> None:
        if not 0 <= row < len(self._entries):
            return
        updated = replace(self._entries[row], **fields)
        if updated != self._entries[row]:
            self._entries[row] = updated
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, list(_TEXT_ROLES))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _TEXT_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._entries):
            return None
        return self.describe(row)

    def describe(self, row: int) -> str:
        entry = self._entries[row]
        name = entry.person.name
        if not entry.person.current:
            name = _("{name} (has left the group)").format(name=name)
        text = _("{name}: {status}").format(name=name, status=status_words(entry.status))
        if entry.status is not None and entry.with_supporter:
            supporter = entry.supporter_name.strip()
            text += (
                _(", with a supporter ({name})").format(name=supporter)
                if supporter
                else _(", with a supporter")
            )
        return text
