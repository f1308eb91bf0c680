"""A group's sessions ("meetings" in code): list them, find one, plan one, and read or save
everything the session editor shows (when, where, the running order, aims, attendance)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, true

from app import clock
from app.errors import NotFound
from app.i18n import _
from app.models import AgendaItem, Group, Meeting, MeetingStatus, PlannedBreak, Venue
from app.services import session_editing, timing, validation
from app.services.session_editing import (
    AgendaLine,
    AimChoice,
    AttendanceLine,
    BreakLine,
    PersonChoice,
    SessionChoices,
    SessionDetails,
)
from app.storage import Store

__all__ = [
    "AgendaLine",
    "AimChoice",
    "AttendanceLine",
    "BreakLine",
    "MeetingRow",
    "PersonChoice",
    "SessionChoices",
    "SessionDetails",
    "SessionRow",
    "find_meeting",
    "get_session",
    "list_in_date_order",
    "list_meetings",
    "list_sessions",
    "plan_meeting",
    "save_session",
    "session_choices",
]


@dataclass(frozen=True)
class MeetingRow:
    id: int
    group_id: int
    group_name: str
    title: str
    starts_at: datetime
    status: MeetingStatus
    venue_name: str
    planned_minutes: int


def list_meetings(db: Store, group_id: int) -> list[MeetingRow]:
    """The group's sessions, most recent first."""
    with db.transaction() as session:
        return _rows(session, Meeting.group_id == group_id, newest_first=True)


def list_in_date_order(db: Store, group_id: int | None = None) -> list[MeetingRow]:
    """Every group's sessions (or only ``group_id``'s), the earliest first."""
    with db.transaction() as session:
        condition = true() if group_id is None else Meeting.group_id == group_id
        return _rows(session, condition, newest_first=False)


def find_meeting(db: Store, reference: str | int, now: datetime | None = None) -> MeetingRow:
    """A session by its number, or ``next`` (the next planned one) or ``last`` (the last held)."""
    text = str(reference).strip().lower()
    now = now or clock.local_now()
    with db.transaction() as session:
        if text == "next":
            rows = _rows(
                session,
                (Meeting.status == MeetingStatus.PLANNED) & (Meeting.starts_at >= now),
                newest_first=False,
                limit=1,
            )
            missing = _("There is no session planned from now on.")
        elif text == "last":
            rows = _rows(session, Meeting.status == MeetingStatus.HELD, newest_first=True, limit=1)
            missing = _("No session has been held yet.")
        elif text.isdigit():
            rows = _rows(session, Meeting.id == int(text), newest_first=True)
            missing = _("There is no session number {number}.").format(number=text)
        else:
            raise NotFound(
                _("“{reference}” is not a session: give its number, “next” or “last”.").format(
                    reference=reference
                )
            )
    if not rows:
        raise NotFound(missing)
    return rows[0]


def plan_meeting(
    db: Store,
    group_id: int,
    title: str,
    starts_at: datetime,
    agenda: list[tuple[str, int]],
    breaks: list[tuple[int, int]] = (),  # type: ignore[assignment]
    venue_id: int | None = None,
) -> MeetingRow:
    """Plan a session: ``agenda`` is (title, minutes) pairs; ``breaks`` (after item, minutes)."""
    clean_title = validation.name(title, _("The session's title"))
    validation.calendar_date(starts_at.date(), _("The session's date"))
    items = [
        AgendaItem(
            position=position,
            title=validation.short_text(item_title, _("An agenda item's title"), required=True),
            minutes=validation.whole_number(minutes, _("An agenda item's time"), low=1, high=600),
        )
        for position, (item_title, minutes) in enumerate(agenda, start=1)
    ]
    planned_breaks = [
        PlannedBreak(
            after_position=validation.whole_number(
                after, _("The break's place"), low=0, high=len(items)
            ),
            minutes=validation.whole_number(minutes, _("A break's length"), low=1, high=240),
        )
        for after, minutes in breaks
    ]
    with db.transaction() as session:
        if session.get(Group, group_id) is None:
            raise NotFound(_("That group no longer exists."))
        if venue_id is not None and session.get(Venue, venue_id) is None:
            raise NotFound(_("That venue no longer exists."))
        meeting = Meeting(
            group_id=group_id,
            title=clean_title,
            starts_at=starts_at.replace(tzinfo=None),
            venue_id=venue_id,
            agenda_items=items,
            breaks=planned_breaks,
        )
        session.add(meeting)
        session.flush()
        return _rows(session, Meeting.id == meeting.id, newest_first=True)[0]


def _rows(session, condition, *, newest_first: bool, limit: int | None = None) -> list[MeetingRow]:  # type: ignore[no-untyped-def]
    agenda_minutes = (
        select(AgendaItem.meeting_id, func.sum(AgendaItem.minutes).label("minutes"))
        .group_by(AgendaItem.meeting_id)
        .subquery()
    )
    break_minutes = (
        select(PlannedBreak.meeting_id, func.sum(PlannedBreak.minutes).label("minutes"))
        .group_by(PlannedBreak.meeting_id)
        .subquery()
    )
    order = Meeting.starts_at.desc() if newest_first else Meeting.starts_at.asc()
    query = (
        select(
            Meeting,
            Group.name,
            Venue.name,
            func.coalesce(agenda_minutes.c.minutes, 0) + func.coalesce(break_minutes.c.minutes, 0),
        )
        .join(Group, Group.id == Meeting.group_id)
        .outerjoin(Venue, Venue.id == Meeting.venue_id)
        .outerjoin(agenda_minutes, agenda_minutes.c.meeting_id == Meeting.id)
        .outerjoin(break_minutes, break_minutes.c.meeting_id == Meeting.id)
        .where(condition)
        .order_by(order, Meeting.id)
    )
    if limit:
        query = query.limit(limit)
    return [
        MeetingRow(
            id=meeting.id,
            group_id=meeting.group_id,
            group_name=group_name,
            title=meeting.title,
            starts_at=meeting.starts_at,
            status=meeting.status,
            venue_name=venue_name or "",
            planned_minutes=int(minutes),
        )
        for meeting, group_name, venue_name, minutes in session.execute(query)
    ]


# -- the Sessions area and the session editor ------------------------------------------


@dataclass(frozen=True)
class SessionRow(MeetingRow):
    """A row of the Sessions area: a session and whether its plan keeps the group's limits."""

    too_long: bool = False
    needs_break: bool = False


def list_sessions(db: Store, group_id: int) -> list[SessionRow]:
    """The group's sessions, newest first, each planned one checked against its limits."""
    with db.transaction() as session:
        group = session.get(Group, group_id)
        if group is None:
            raise NotFound(_("That group no longer exists."))
        rows = _rows(session, Meeting.group_id == group_id, newest_first=True)
        in_group = select(Meeting.id).where(Meeting.group_id == group_id)
        agenda: dict[int, list[int]] = {}
        for meeting_id, minutes in session.execute(
            select(AgendaItem.meeting_id, AgendaItem.minutes)
            .where(AgendaItem.meeting_id.in_(in_group))
            .order_by(AgendaItem.meeting_id, AgendaItem.position, AgendaItem.id)
        ):
            agenda.setdefault(meeting_id, []).append(minutes)
        breaks: dict[int, list[tuple[int, int]]] = {}
        for meeting_id, after, minutes in session.execute(
            select(
                PlannedBreak.meeting_id, PlannedBreak.after_position, PlannedBreak.minutes
            ).where(PlannedBreak.meeting_id.in_(in_group))
        ):
            breaks.setdefault(meeting_id, []).append((after, minutes))
        limit, interval = group.session_limit_minutes, group.break_interval_minutes
    result = []
    for row in rows:
        check = timing.check_plan(agenda.get(row.id, []), breaks.get(row.id, []), limit, interval)
        planned = row.status == MeetingStatus.PLANNED
        result.append(
            SessionRow(
                **vars(row),
                too_long=planned and check.too_long,
                needs_break=planned and check.needs_break,
            )
        )
    return result


def get_session(db: Store, meeting_id: int) -> SessionDetails:
    with db.transaction() as session:
        return session_editing.details(_meeting(session, meeting_id))


def save_session(db: Store, details: SessionDetails) -> SessionDetails:
    """Create the session (``details.id`` is None) or update it, all in one go.

    Agenda items are matched by id, so notes written against an item stay with it when the
    running order changes. The notes of an item taken off the agenda are kept, as notes on
    the session as a whole.
    """
    clean = session_editing.cleaned(details)
    with db.transaction() as session:
        group = session.get(Group, clean.group_id)
        if group is None:
            raise NotFound(_("That group no longer exists."))
        if clean.id is None:
            meeting = Meeting(group_id=group.id, title=clean.title, starts_at=clean.starts_at)
            session.add(meeting)
        else:
            meeting = _meeting(session, clean.id)
            if meeting.group_id != group.id:
                raise NotFound(_("That session belongs to another group."))
        session_editing.apply(session, meeting, clean)
        session.flush()
        return session_editing.details(meeting)


def session_choices(db: Store, group_id: int, meeting_id: int | None = None) -> SessionChoices:
    """What the editor offers: venues and their features, the group's aims, its current
    members (and anyone already in ``meeting_id``'s attendance), and the group's limits."""
    with db.transaction() as session:
        return session_editing.choices(session, group_id, meeting_id)


def _meeting(session, meeting_id: int) -> Meeting:  # type: ignore[no-untyped-def]
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(_("That session no longer exists. Perhaps it was removed."))
    return meeting
