"""A session as it runs: everything the live screen shows, read in one unit of work.

``open_live`` reads (and on first opening starts) the live state of a session: its agenda
with time boxes and the notes typed so far, planned breaks and the ones taken, who is
expected and how they checked in, the aims, the turns taken, and what has been decided.
The writes are in ``live_actions``; closing the session is in ``live_close``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import NotFound
from app.i18n import _
from app.models import (
    Action,
    AimReview,
    Attendance,
    BreakTaken,
    Comment,
    Contribution,
    Decision,
    Group,
    LiveProgress,
    Meeting,
    Membership,
    Note,
    Person,
)
from app.services.live_state import (
    LiveAction,
    LiveAim,
    LiveBreak,
    LiveDecision,
    LiveItem,
    LivePerson,
    LiveState,
    RunningBreak,
    Turns,
)
from app.storage import Store

__all__ = [
    "LiveAction",
    "LiveAim",
    "LiveBreak",
    "LiveDecision",
    "LiveItem",
    "LivePerson",
    "LiveState",
    "RunningBreak",
    "Turns",
    "attendance_of",
    "meeting_or_refuse",
    "open_live",
    "read_live",
]


def open_live(db: Store, meeting_id: int, now: datetime | None = None) -> LiveState:
    """The live state of a session; the first opening starts it at its first item."""
    now = now or clock.now()
    with db.transaction() as session:
        meeting = meeting_or_refuse(session, meeting_id)
        progress = session.scalar(select(LiveProgress).where(LiveProgress.meeting_id == meeting_id))
        if progress is None:
            first = meeting.agenda_items[0].id if meeting.agenda_items else None
            progress = LiveProgress(
                meeting_id=meeting_id,
                current_item_id=first,
                item_started_at=now if first is not None else None,
                opened_at=now,
            )
            session.add(progress)
            session.flush()
        return _state(session, meeting, progress)


def read_live(db: Store, meeting_id: int) -> LiveState:
    """The live state as it is, without starting anything (for tests and the summary)."""
    with db.transaction() as session:
        meeting = meeting_or_refuse(session, meeting_id)
        progress = session.scalar(select(LiveProgress).where(LiveProgress.meeting_id == meeting_id))
        return _state(session, meeting, progress)


def meeting_or_refuse(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(_("That session no longer exists. Perhaps it was removed."))
    return meeting


def shown_name():  # type: ignore[no-untyped-def]
    return func.coalesce(func.nullif(Person.preferred_name, ""), Person.full_name)


def _state(session: Session, meeting: Meeting, progress: LiveProgress | None) -> LiveState:
    group = session.get(Group, meeting.group_id)
    assert group is not None  # the foreign key holds it
    notes: dict[int | None, str] = {}
    for item_id, text in session.execute(
        select(Note.agenda_item_id, Note.text)
        .where(Note.meeting_id == meeting.id)
        .order_by(Note.id.desc())
    ):
        notes[item_id] = text  # ordered newest first, so the oldest (the live note) wins
    taken = set(
        session.scalars(
            select(BreakTaken.planned_break_id).where(BreakTaken.meeting_id == meeting.id)
        )
    )
    running = session.scalar(
        select(BreakTaken)
        .where(BreakTaken.meeting_id == meeting.id, BreakTaken.ended_at.is_(None))
        .order_by(BreakTaken.id.desc())
        .limit(1)
    )
    return LiveState(
        meeting_id=meeting.id,
        group_id=group.id,
        group_name=group.name,
        title=meeting.title,
        starts_at=meeting.starts_at,
        status=meeting.status,
        items=tuple(
            LiveItem(
                item.id,
                item.position,
                item.title,
                item.minutes,
                item.details,
                notes.get(item.id, ""),
            )
            for item in meeting.agenda_items
        ),
        breaks=tuple(
            LiveBreak(b.id, b.after_position, b.minutes, b.label, b.id in taken)
            for b in meeting.breaks
        ),
        people=_people(session, meeting),
        aims=_aims(session, meeting),
        turns=_turns(session, meeting.id),
        decisions=_decisions(session, meeting.id),
        actions=_actions(session, meeting.id),
        current_item_id=progress.current_item_id if progress else None,
        item_started_at=progress.item_started_at if progress else None,
        running_break=(
            RunningBreak(running.id, running.minutes, running.started_at) if running else None
        ),
        session_notes=notes.get(None, ""),
    )


def _people(session: Session, meeting: Meeting) -> tuple[LivePerson, ...]:
    checked = {row.person_id: row for row in meeting.attendance}
    rows = session.execute(
        select(Person.id, shown_name(), Membership.role, Membership.left_on)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.group_id == meeting.group_id)
        .order_by(func.lower(shown_name()), Person.id)
    ).all()
    people = []
    for person_id, name, role, left_on in rows:
        if left_on is not None and person_id not in checked:
            continue
        line = checked.get(person_id)
        people.append(
            LivePerson(
                person_id,
                name,
                role,
                line.status if line else None,
                line.with_supporter if line else False,
                line.supporter_name if line else "",
            )
        )
    return tuple(people)


def _aims(session: Session, meeting: Meeting) -> tuple[LiveAim, ...]:
    reviews = {
        review.aim_id: review
        for review in session.scalars(select(AimReview).where(AimReview.meeting_id == meeting.id))
    }
    return tuple(
        LiveAim(
            aim.id,
            aim.title,
            aim.how_we_will_know,
            reviews[aim.id].outcome if aim.id in reviews else None,
            reviews[aim.id].note if aim.id in reviews else "",
        )
        for aim in meeting.aims
    )


def _turns(session: Session, meeting_id: int) -> tuple[Turns, ...]:
    counts: dict[tuple[int, int | None], list[int]] = {}
    for person_id, item_id, beforehand, count in session.execute(
        select(
            Contribution.person_id,
            Contribution.agenda_item_id,
            Contribution.sent_beforehand,
            func.count(),
        )
        .where(Contribution.meeting_id == meeting_id)
        .group_by(Contribution.person_id, Contribution.agenda_item_id, Contribution.sent_beforehand)
    ):
        counts.setdefault((person_id, item_id), [0, 0])[1 if beforehand else 0] += count
    # A comment a member wrote on the session before it (or during it) is their voice too.
    for person_id, count in session.execute(
        select(Comment.author_id, func.count())
        .where(Comment.meeting_id == meeting_id, Comment.author_id.is_not(None))
        .group_by(Comment.author_id)
    ):
        counts.setdefault((person_id, None), [0, 0])[1] += count
    return tuple(
        Turns(person_id, item_id, spoken, sent)
        for (person_id, item_id), (spoken, sent) in sorted(
            counts.items(), key=lambda pair: (pair[0][0], pair[0][1] or 0)
        )
    )


def _decisions(session: Session, meeting_id: int) -> tuple[LiveDecision, ...]:
    rows = session.execute(
        select(Decision.id, Decision.wording, shown_name())
        .outerjoin(Person, Person.id == Decision.raised_by_id)
        .where(Decision.meeting_id == meeting_id)
        .order_by(Decision.id)
    ).all()
    return tuple(LiveDecision(id_, wording, name or "") for id_, wording, name in rows)


def _actions(session: Session, meeting_id: int) -> tuple[LiveAction, ...]:
    rows = session.execute(
        select(Action.id, Action.description, shown_name(), Action.due_on)
        .outerjoin(Person, Person.id == Action.owner_id)
        .where(Action.meeting_id == meeting_id)
        .order_by(Action.id)
    ).all()
    return tuple(LiveAction(id_, text, owner or "", due) for id_, text, owner, due in rows)


def attendance_of(session: Session, meeting_id: int, person_id: int) -> Attendance | None:
    return session.scalar(
        select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
        )
    )
