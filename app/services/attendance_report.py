"""Who came to each of a group's sessions, as a spreadsheet for finance.

Finance is told who was present, who sent apologies and who was absent, and whether they
came with a supporter. A supporter's name is theirs, not the group's, so it is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import and_, func, select

from app.errors import FileNotSaved, NotFound
from app.export.spreadsheet import write_csv
from app.i18n import _
from app.models import Attendance, AttendanceStatus, Group, Meeting, Membership, Person, Role
from app.services.wording import label
from app.storage import Store


@dataclass(frozen=True)
class AttendanceRow:
    meeting_id: int
    session_title: str
    session_starts_at: datetime
    name: str
    role: Role | None  # None: no longer known to the group
    status: AttendanceStatus
    with_supporter: bool


@dataclass(frozen=True)
class SavedAttendance:
    path: Path
    sessions: int
    present: int


def list_attendance(db: Store, group_id: int) -> list[AttendanceRow]:
    """Everyone whose attendance is recorded, newest session first, then by name."""
    with db.transaction() as session:
        if session.get(Group, group_id) is None:
            raise NotFound(_("That group no longer exists."))
        query = (
            select(Attendance, Meeting.title, Meeting.starts_at, Person.full_name, Membership.role)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .join(Person, Person.id == Attendance.person_id)
            .outerjoin(
                Membership,
                and_(Membership.person_id == Person.id, Membership.group_id == group_id),
            )
            .where(Meeting.group_id == group_id)
            .order_by(Meeting.starts_at.desc(), Meeting.id, func.lower(Person.full_name), Person.id)
        )
        return [
            AttendanceRow(
                meeting_id=attendance.meeting_id,
                session_title=title,
                session_starts_at=starts_at,
                name=name,
                role=role,
                status=attendance.status,
                with_supporter=attendance.with_supporter,
            )
            for attendance, title, starts_at, name, role in session.execute(query)
        ]


def attendance_table(rows: Sequence[AttendanceRow]) -> list[list[str | int]]:
    """A header, one row for each person at each session, then how many of each, in words
    (a count under "Attendance" could not be told from the statuses above it)."""
    table: list[list[str | int]] = [
        [
            _("Session date"),
            _("Session"),
            _("Name"),
            _("Role in the group"),
            _("Attendance"),
            _("With a supporter"),
        ]
    ]
    for row in rows:
        table.append(
            [
                row.session_starts_at.date().isoformat(),
                row.session_title,
                row.name,
                label(row.role) if row.role else _("No longer in the group"),
                label(row.status),
                _("Yes") if row.with_supporter else _("No"),
            ]
        )
    counted = Counter(row.status for row in rows)
    each = "; ".join(
        _("{status}: {count}").format(status=label(status), count=counted[status])
        for status in AttendanceStatus
    )
    supported = sum(row.with_supporter for row in rows)
    table.append(["", _("Total"), "", "", each, _("Yes: {count}").format(count=supported)])
    return table


def save_attendance(db: Store, group_id: int, out: Path) -> SavedAttendance:
    """Write the group's attendance to ``out`` as a spreadsheet (CSV) for finance."""
    rows = list_attendance(db, group_id)
    try:
        path = write_csv(attendance_table(rows), out)
    except OSError as error:
        raise FileNotSaved.because(out, error) from error
    present = sum(row.status == AttendanceStatus.PRESENT for row in rows)
    return SavedAttendance(path, len({row.meeting_id for row in rows}), present)
