"""The parts of ``meetings.save_session`` and friends that check, write and read one session
whole. Only ``app.services.meetings`` calls these, inside its units of work; the types are
re-exported from there."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import (
    AgendaItem,
    Aim,
    Attendance,
    AttendanceStatus,
    Group,
    Meeting,
    MeetingStatus,
    Membership,
    Note,
    Person,
    PlannedBreak,
    Role,
    Venue,
)
from app.services import validation
from app.services.venues import VenueRow, venue_row

MOST_AGENDA_ITEMS = 100
MOST_BREAKS = 50
LONGEST_ITEM_MINUTES = 600
LONGEST_BREAK_MINUTES = 240


class AgendaLine(NamedTuple):
    id: int | None  # None for an item not saved yet
    title: str
    minutes: int
    details: str = ""


class BreakLine(NamedTuple):
    after_position: int  # after the agenda item at this position; 0 is before the first
    minutes: int
    label: str = ""


class AttendanceLine(NamedTuple):
    person_id: int
    status: AttendanceStatus
    with_supporter: bool = False
    supporter_name: str = ""


@dataclass(frozen=True)
class SessionDetails:
    """One session as the editor shows it. A person with no attendance line is not yet known."""

    id: int | None
    group_id: int
    title: str
    starts_at: datetime  # wall-clock time at the venue, no time zone
    status: MeetingStatus = MeetingStatus.PLANNED
    venue_id: int | None = None
    agenda: tuple[AgendaLine, ...] = ()
    breaks: tuple[BreakLine, ...] = ()
    aim_ids: tuple[int, ...] = ()
    attendance: tuple[AttendanceLine, ...] = ()
    # Written afterwards for the summary pack: what happened, and what people said of it.
    summary: str = ""
    feedback: str = ""


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str  # the name they go by
    role: Role
    current: bool  # False for someone who has left but is in this session's attendance


@dataclass(frozen=True)
class AimChoice:
    id: int
    title: str
    closed: bool


@dataclass(frozen=True)
class SessionChoices:
    group_id: int
    group_name: str
    session_limit_minutes: int
    break_interval_minutes: int
    venues: tuple[VenueRow, ...]
    aims: tuple[AimChoice, ...]
    people: tuple[PersonChoice, ...]


# -- checking what was typed (before the unit of work) ---------------------------------


def cleaned(details: SessionDetails) -> SessionDetails:
    """``details`` with every text tidied and every number checked; refuses in plain words."""
    starts_at = details.starts_at
    if not isinstance(starts_at, datetime):
        raise ValidationError(_("Please give the session's date and time."))
    validation.calendar_date(starts_at.date(), _("The session's date"))
    try:
        status = MeetingStatus(details.status)
    except ValueError:
        raise ValidationError(
            _("Please choose whether the session is planned, held or cancelled.")
        ) from None
    agenda = tuple(_agenda_line(n, AgendaLine(*line)) for n, line in enumerate(details.agenda, 1))
    if len(agenda) > MOST_AGENDA_ITEMS:
        raise ValidationError(
            _("A session can have at most {count} agenda items.").format(count=MOST_AGENDA_ITEMS)
        )
    known_ids = [line.id for line in agenda if line.id is not None]
    if len(set(known_ids)) != len(known_ids):
        raise ValidationError(_("The same agenda item appears twice. Please remove one."))
    breaks = tuple(_break_line(BreakLine(*line), len(agenda)) for line in details.breaks)
    if len(breaks) > MOST_BREAKS:
        raise ValidationError(
            _("A session can have at most {count} breaks.").format(count=MOST_BREAKS)
        )
    attendance = tuple(_attendance_line(AttendanceLine(*line)) for line in details.attendance)
    people = [line.person_id for line in attendance]
    if len(set(people)) != len(people):
        raise ValidationError(_("The same person is listed twice in the attendance."))
    return replace(
        details,
        title=validation.name(details.title, _("The session's title")),
        starts_at=starts_at.replace(tzinfo=None, second=0, microsecond=0),
        status=status,
        agenda=agenda,
        breaks=tuple(sorted(breaks, key=lambda line: line.after_position)),
        aim_ids=tuple(dict.fromkeys(int(aim_id) for aim_id in details.aim_ids)),
        attendance=attendance,
        summary=validation.long_text(details.summary, _("The session's summary")),
        feedback=validation.long_text(details.feedback, _("What people said about the session")),
    )


def _agenda_line(number: int, line: AgendaLine) -> AgendaLine:
    what = _("Agenda item {number}").format(number=number)
    title = validation.short_text(line.title, _("{what}'s title").format(what=what))
    if not title:
        raise ValidationError(_("Please give agenda item {number} a title.").format(number=number))
    minutes = validation.whole_number(
        line.minutes,
        _("{what}'s time in minutes").format(what=what),
        low=1,
        high=LONGEST_ITEM_MINUTES,
    )
    details = validation.long_text(line.details, _("{what}'s details").format(what=what))
    return AgendaLine(line.id, title, minutes, details)


def _break_line(line: BreakLine, items: int) -> BreakLine:
    after = validation.whole_number(line.after_position, _("A break's place"), low=0, high=items)
    minutes = validation.whole_number(
        line.minutes, _("A break's length in minutes"), low=1, high=LONGEST_BREAK_MINUTES
    )
    label = validation.short_text(line.label, _("A break's name"), limit=validation.NAME_LIMIT)
    return BreakLine(after, minutes, label)


def _attendance_line(line: AttendanceLine) -> AttendanceLine:
    try:
        status = AttendanceStatus(line.status)
    except ValueError:
        raise ValidationError(
            _("Please choose present, sent apologies or absent for everyone listed.")
        ) from None
    name = validation.short_text(
        line.supporter_name, _("The supporter's name"), limit=validation.NAME_LIMIT
    )
    # A name without a supporter would be misleading in the attendance record.
    return AttendanceLine(
        int(line.person_id), status, bool(line.with_supporter), name if line.with_supporter else ""
    )


# -- writing and reading (inside the unit of work) -------------------------------------


def apply(session: Session, meeting: Meeting, clean: SessionDetails) -> None:
    """Make ``meeting`` match ``clean``; refuses (changing nothing) if a choice has gone."""
    if clean.venue_id is not None and session.get(Venue, clean.venue_id) is None:
        raise NotFound(_("That venue no longer exists. Please choose another."))
    aims = _aims(session, meeting.group_id, clean.aim_ids)
    _check_members(session, meeting.group_id, {line.person_id for line in clean.attendance})
    meeting.title = clean.title
    meeting.starts_at = clean.starts_at
    meeting.status = clean.status
    meeting.venue_id = clean.venue_id
    meeting.agenda_items = _agenda(session, meeting, clean.agenda)
    meeting.breaks = [
        PlannedBreak(after_position=line.after_position, minutes=line.minutes, label=line.label)
        for line in clean.breaks
    ]
    meeting.aims = aims
    _attendance(meeting, clean.attendance)
    meeting.summary, meeting.feedback = clean.summary, clean.feedback


def _agenda(session: Session, meeting: Meeting, lines: tuple[AgendaLine, ...]) -> list[AgendaItem]:
    existing = {item.id: item for item in meeting.agenda_items} if meeting.id else {}
    items = []
    for position, line in enumerate(lines, 1):
        if line.id is None:
            item = AgendaItem(title=line.title, minutes=line.minutes)
        elif line.id in existing:
            item = existing.pop(line.id)
        else:
            raise NotFound(
                _(
                    "An agenda item you were editing has been removed elsewhere. "
                    "Please close the session and open it again."
                )
            )
        item.position, item.title = position, line.title
        item.minutes, item.details = line.minutes, line.details
        items.append(item)
    if existing:
        # Notes are never lost: those on an item taken off the agenda stay with the session.
        session.execute(
            update(Note)
            .where(Note.agenda_item_id.in_(list(existing)))
            .values(agenda_item_id=None)
            .execution_options(synchronize_session="fetch")
        )
    return items


def _aims(session: Session, group_id: int, aim_ids: tuple[int, ...]) -> list[Aim]:
    if not aim_ids:
        return []
    found = session.scalars(
        select(Aim).where(Aim.id.in_(aim_ids), Aim.group_id == group_id).order_by(Aim.position)
    ).all()
    if len(found) != len(aim_ids):
        raise NotFound(_("One of the aims chosen no longer exists, or belongs to another group."))
    return list(found)


def _check_members(session: Session, group_id: int, person_ids: set[int]) -> None:
    if not person_ids:
        return
    found = set(
        session.scalars(
            select(Membership.person_id).where(
                Membership.group_id == group_id, Membership.person_id.in_(person_ids)
            )
        )
    )
    if found != person_ids:
        raise ValidationError(_("Only members of the group can be listed in its attendance."))


def _attendance(meeting: Meeting, lines: tuple[AttendanceLine, ...]) -> None:
    existing = {row.person_id: row for row in meeting.attendance} if meeting.id else {}
    rows = []
    for line in lines:
        row = existing.get(line.person_id) or Attendance(person_id=line.person_id)
        row.status, row.with_supporter = line.status, line.with_supporter
        row.supporter_name = line.supporter_name
        rows.append(row)
    meeting.attendance = rows


def details(meeting: Meeting) -> SessionDetails:
    return SessionDetails(
        id=meeting.id,
        group_id=meeting.group_id,
        title=meeting.title,
        starts_at=meeting.starts_at,
        status=meeting.status,
        venue_id=meeting.venue_id,
        agenda=tuple(
            AgendaLine(item.id, item.title, item.minutes, item.details)
            for item in sorted(meeting.agenda_items, key=lambda item: (item.position, item.id))
        ),
        breaks=tuple(
            BreakLine(b.after_position, b.minutes, b.label)
            for b in sorted(meeting.breaks, key=lambda b: (b.after_position, b.id or 0))
        ),
        aim_ids=tuple(aim.id for aim in meeting.aims),
        attendance=tuple(
            AttendanceLine(a.person_id, a.status, a.with_supporter, a.supporter_name)
            for a in sorted(meeting.attendance, key=lambda a: a.person_id)
        ),
        summary=meeting.summary,
        feedback=meeting.feedback,
    )


def choices(session: Session, group_id: int, meeting_id: int | None) -> SessionChoices:
    group = session.get(Group, group_id)
    if group is None:
        raise NotFound(_("That group no longer exists."))
    venues = session.scalars(
        select(Venue).options(selectinload(Venue.features)).order_by(func.lower(Venue.name))
    ).all()
    linked_aims: set[int] = set()
    attended: set[int] = set()
    if meeting_id is not None:
        meeting = session.get(Meeting, meeting_id)
        if meeting is not None and meeting.group_id == group_id:
            linked_aims = {aim.id for aim in meeting.aims}
            attended = {row.person_id for row in meeting.attendance}
    aims = session.scalars(
        select(Aim).where(Aim.group_id == group_id).order_by(Aim.position, Aim.id)
    ).all()
    shown_name = func.coalesce(func.nullif(Person.preferred_name, ""), Person.full_name)
    people = session.execute(
        select(Person.id, shown_name, Membership.role, Membership.left_on)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.group_id == group_id)
        .order_by(func.lower(shown_name), Person.id)
    ).all()
    return SessionChoices(
        group_id=group.id,
        group_name=group.name,
        session_limit_minutes=group.session_limit_minutes,
        break_interval_minutes=group.break_interval_minutes,
        venues=tuple(venue_row(venue) for venue in venues),
        aims=tuple(
            AimChoice(aim.id, aim.title, aim.closed_on is not None)
            for aim in aims
            if aim.closed_on is None or aim.id in linked_aims
        ),
        people=tuple(
            PersonChoice(person_id, name, role, left_on is None)
            for person_id, name, role, left_on in people
            if left_on is None or person_id in attended
        ),
    )
