"""Find one session from what a person types: its number, ``next`` or ``last``.

The command line (packs, live mode) and the screens all use this one resolver, so the
words mean the same everywhere:

* a number: that session;
* ``next``: the first planned session from the start of today on (a session that began
  an hour ago is still "next" until it is marked as held);
* ``last``: the most recent session marked as held.

``next`` and ``last`` can be narrowed to one group, given by its number or its name.
"""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select

from app import clock
from app.errors import NotFound
from app.i18n import _
from app.models import Meeting, MeetingStatus
from app.services import groups, meetings
from app.services.meetings import MeetingRow
from app.storage import Store

NEXT = "next"
LAST = "last"


def find_session(
    db: Store,
    reference: str | int,
    *,
    group: str | int | None = None,
    now: datetime | None = None,
) -> MeetingRow:
    """The session ``reference`` names; ``group`` (an id or a name) narrows next and last."""
    text = check_reference(reference)
    group_id = groups.find_group(db, group).id if group not in (None, "") else None
    if text.isdecimal():
        row = _by_number(db, int(text))
        if group_id is not None and row.group_id != group_id:
            raise NotFound(
                _("Session number {number} belongs to another group.").format(number=text)
            )
        return row
    meeting_id = _next_or_last(db, text, group_id, now or clock.local_now())
    if meeting_id is None:
        if text == NEXT:
            raise NotFound(_("There is no session planned from today on."))
        raise NotFound(_("No session has been held yet."))
    return _by_number(db, meeting_id)


def check_reference(reference: str | int) -> str:
    """``reference`` as ``find_session`` reads it (digits, ``next`` or ``last``); anything
    else is refused in words, before any data is looked at."""
    text = str(reference).strip().lower()
    if text.isdecimal() or text in (NEXT, LAST):
        return text
    raise NotFound(
        _("“{reference}” is not a session: give its number, “next” or “last”.").format(
            reference=str(reference).strip()
        )
    )


def _by_number(db: Store, number: int) -> MeetingRow:
    try:
        return meetings.find_meeting(db, str(number))
    except NotFound:
        raise NotFound(_("There is no session number {number}.").format(number=number)) from None


def _next_or_last(db: Store, which: str, group_id: int | None, now: datetime) -> int | None:
    if which == NEXT:
        start_of_today = datetime.combine(now.date(), time.min)
        query = (
            select(Meeting.id)
            .where(Meeting.status == MeetingStatus.PLANNED, Meeting.starts_at >= start_of_today)
            .order_by(Meeting.starts_at.asc(), Meeting.id.asc())
        )
    else:
        query = (
            select(Meeting.id)
            .where(Meeting.status == MeetingStatus.HELD)
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        )
    if group_id is not None:
        query = query.where(Meeting.group_id == group_id)
    with db.transaction() as session:
        return session.scalar(query.limit(1))
