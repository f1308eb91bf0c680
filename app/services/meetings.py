"""A group's sessions ("meetings" in code): list them, find one, plan one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.errors import NotFound
from app.i18n import _
from app.models import AgendaItem, Group, Meeting, MeetingStatus, PlannedBreak, Venue
from app.services import validation
from app.storage import Database


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


def list_meetings(db: Database, group_id: int) -> list[MeetingRow]:
    """The group's sessions, most recent first."""
    with db.transaction() as session:
        return _rows(session, Meeting.group_id == group_id, newest_first=True)


def find_meeting(db: Database, reference: str | int, now: datetime | None = None) -> MeetingRow:
    """A session by its number, or ``next`` (the next planned one) or ``last`` (the last held)."""
    text = str(reference).strip().lower()
    now = now or datetime.now()
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
    db: Database,
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
