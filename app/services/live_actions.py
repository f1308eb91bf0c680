"""What a facilitator does while a session runs: check people in, keep notes, count turns,
move through the agenda, take breaks, and record decisions and actions as they are agreed.

Each call is one small unit of work, cheap enough to run on every pause in typing.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import clock
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import (
    Action,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BreakTaken,
    Contribution,
    LiveProgress,
    Membership,
    Note,
    Person,
    PlannedBreak,
)
from app.services import decisions, validation
from app.services.live import attendance_of, meeting_or_refuse
from app.storage import Store


def check_in(
    db: Store,
    meeting_id: int,
    person_id: int,
    status: AttendanceStatus,
    *,
    with_supporter: bool | None = None,
    supporter_name: str = "",
) -> None:
    """Mark someone present, sending apologies or absent. ``with_supporter`` None keeps a
    supporter for someone present; someone not here has none with them."""
    clean_supporter = validation.short_text(supporter_name, _("The supporter's name"), limit=200)
    with db.transaction() as session:
        _attend(session, meeting_id, person_id, status, with_supporter, clean_supporter)


def toggle_supporter(db: Store, meeting_id: int, person_id: int) -> bool:
    """Someone present came with a supporter, or did not after all; anyone else is checked
    in as present with a supporter (a supporter goes with being present). Returns whether
    they now have one."""
    with db.transaction() as session:
        line = attendance_of(session, meeting_id, person_id)
        present = line is not None and line.status == AttendanceStatus.PRESENT
        now_with = not (present and line is not None and line.with_supporter)
        _attend(session, meeting_id, person_id, AttendanceStatus.PRESENT, now_with, "")
    return now_with


def name_supporter(db: Store, meeting_id: int, person_id: int, supporter_name: str) -> str:
    """Note who came to support someone (an empty name: a supporter whose name was not
    given), checking them in as present; returns the name kept."""
    clean = validation.short_text(supporter_name, _("The supporter's name"), limit=200)
    with db.transaction() as session:
        _attend(session, meeting_id, person_id, AttendanceStatus.PRESENT, True, clean)
    return clean


def _attend(
    session: Session,
    meeting_id: int,
    person_id: int,
    status: AttendanceStatus,
    with_supporter: bool | None,
    supporter_name: str,
) -> None:
    """One person's attendance, refusing a session that is gone or a person not in its group."""
    meeting = meeting_or_refuse(session, meeting_id)
    in_group = session.scalar(
        select(Membership.id).where(
            Membership.group_id == meeting.group_id, Membership.person_id == person_id
        )
    )
    if in_group is None:
        raise NotFound(_("That person is not in this group."))
    line = attendance_of(session, meeting_id, person_id)
    if line is None:
        line = Attendance(meeting_id=meeting_id, person_id=person_id)
        session.add(line)
    line.status = AttendanceStatus(status)
    if with_supporter is None and line.status != AttendanceStatus.PRESENT:
        with_supporter = False
    if with_supporter is not None:
        line.with_supporter = with_supporter
        line.supporter_name = supporter_name if with_supporter else ""
    elif line.with_supporter is None:
        line.with_supporter = False


def save_notes(db: Store, meeting_id: int, agenda_item_id: int | None, text: str) -> None:
    """Keep ``text`` as the whole of the notes on one item (None: the session as a whole).

    Saving the same text again changes nothing, so it is safe to call on every pause.
    """
    clean = validation.long_text(text, _("The notes"))
    with db.transaction() as session:
        note_id = session.scalar(
            select(Note.id)
            .where(Note.meeting_id == meeting_id, _same_item(agenda_item_id))
            .order_by(Note.id)
            .limit(1)
        )
        if note_id is not None:
            session.execute(
                update(Note).where(Note.id == note_id, Note.text != clean).values(text=clean)
            )
            return
        if not clean:
            return
        meeting_or_refuse(session, meeting_id)
        if agenda_item_id is not None:
            _item(session, meeting_id, agenda_item_id)
        session.add(Note(meeting_id=meeting_id, agenda_item_id=agenda_item_id, text=clean))


def mark_contribution(
    db: Store,
    meeting_id: int,
    person_id: int,
    agenda_item_id: int | None,
    *,
    sent_beforehand: bool = False,
) -> None:
    """Count one turn (or one contribution sent in before the session). Counts only."""
    with db.transaction() as session:
        meeting_or_refuse(session, meeting_id)
        if session.get(Person, person_id) is None:
            raise NotFound(_("That person is no longer on record."))
        if agenda_item_id is not None:
            _item(session, meeting_id, agenda_item_id)
        session.add(
            Contribution(
                meeting_id=meeting_id,
                agenda_item_id=agenda_item_id,
                person_id=person_id,
                sent_beforehand=sent_beforehand,
            )
        )


def take_back_contribution(
    db: Store,
    meeting_id: int,
    person_id: int,
    agenda_item_id: int | None,
    *,
    sent_beforehand: bool = False,
) -> bool:
    """Undo the latest turn (or contribution sent beforehand) marked for someone on an item:
    a key pressed by mistake."""
    with db.transaction() as session:
        latest = session.scalar(
            select(Contribution)
            .where(
                Contribution.meeting_id == meeting_id,
                Contribution.person_id == person_id,
                Contribution.sent_beforehand.is_(sent_beforehand),
                _same_item(agenda_item_id, Contribution.agenda_item_id),
            )
            .order_by(Contribution.id.desc())
            .limit(1)
        )
        if latest is None:
            return False
        session.delete(latest)
        return True


def move_to_item(
    db: Store, meeting_id: int, agenda_item_id: int, now: datetime | None = None
) -> None:
    """Make ``agenda_item_id`` the current item; its time box starts now."""
    with db.transaction() as session:
        _item(session, meeting_id, agenda_item_id)
        progress = _progress(session, meeting_id, now)
        if progress.current_item_id != agenda_item_id:
            progress.current_item_id = agenda_item_id
            progress.item_started_at = now or clock.now()


def start_break(
    db: Store,
    meeting_id: int,
    minutes: int,
    *,
    planned_break_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Start a break (a planned one, or one asked for now); returns its number."""
    validation.whole_number(minutes, _("A break's length"), low=1, high=240)
    with db.transaction() as session:
        meeting_or_refuse(session, meeting_id)
        if planned_break_id is not None:
            planned = session.get(PlannedBreak, planned_break_id)
            if planned is None or planned.meeting_id != meeting_id:
                raise NotFound(_("That planned break is no longer on the agenda."))
        running = session.scalar(
            select(BreakTaken.id).where(
                BreakTaken.meeting_id == meeting_id, BreakTaken.ended_at.is_(None)
            )
        )
        if running is not None:
            raise ValidationError(_("A break is already running."))
        taken = BreakTaken(
            meeting_id=meeting_id,
            planned_break_id=planned_break_id,
            minutes=minutes,
            started_at=now or clock.now(),
        )
        session.add(taken)
        session.flush()
        return taken.id


def end_break(db: Store, meeting_id: int, now: datetime | None = None) -> None:
    """End the running break; the current item's time starts again from now."""
    moment = now or clock.now()
    with db.transaction() as session:
        running = session.scalars(
            select(BreakTaken).where(
                BreakTaken.meeting_id == meeting_id, BreakTaken.ended_at.is_(None)
            )
        ).all()
        for taken in running:
            taken.ended_at = moment
            progress = _progress(session, meeting_id, moment)
            if progress.item_started_at is not None:
                # The time box pauses for the break: move its start on by the break's length.
                progress.item_started_at += moment - taken.started_at


def record_decision(
    db: Store,
    meeting_id: int,
    wording: str,
    *,
    raised_by_id: int | None = None,
    decided_on: date | None = None,
) -> int:
    """Record a decision in the words agreed on screen; returns its number."""
    with db.transaction() as session:
        meeting = meeting_or_refuse(session, meeting_id)
        group_id, held_on = meeting.group_id, meeting.starts_at.date()
    return decisions.record_decision(
        db,
        group_id,
        wording,
        decided_on or held_on,
        raised_by_id=raised_by_id,
        meeting_id=meeting_id,
        recorded_by=decisions.IN_LIVE_SESSION,
    )


def record_action(
    db: Store,
    meeting_id: int,
    description: str,
    *,
    owner_id: int | None = None,
    due_on: date | None = None,
    decision_id: int | None = None,
) -> int:
    """Record who will do what next (following a decision, if given); returns its number."""
    if decision_id is not None:
        return decisions.add_action(
            db,
            decision_id,
            description,
            owner_id=owner_id,
            due_on=due_on,
            recorded_by=decisions.IN_LIVE_SESSION,
        )
    clean = validation.long_text(description, _("What will be done"), required=True)
    validation.calendar_date(due_on, _("The due date"))
    with db.transaction() as session:
        meeting = meeting_or_refuse(session, meeting_id)
        if owner_id is not None and session.get(Person, owner_id) is None:
            raise NotFound(_("The person doing it is no longer on record."))
        action = Action(
            group_id=meeting.group_id,
            meeting_id=meeting_id,
            description=clean,
            owner_id=owner_id,
            due_on=due_on,
        )
        session.add(action)
        session.flush()
        return action.id


def _same_item(agenda_item_id: int | None, column=Note.agenda_item_id):  # type: ignore[no-untyped-def]
    return column.is_(None) if agenda_item_id is None else column == agenda_item_id


def _item(session, meeting_id: int, agenda_item_id: int) -> AgendaItem:  # type: ignore[no-untyped-def]
    item = session.get(AgendaItem, agenda_item_id)
    if item is None or item.meeting_id != meeting_id:
        raise NotFound(_("That agenda item is no longer in this session."))
    return item


def _progress(session, meeting_id: int, now: datetime | None) -> LiveProgress:  # type: ignore[no-untyped-def]
    progress = session.scalar(select(LiveProgress).where(LiveProgress.meeting_id == meeting_id))
    if progress is None:
        progress = LiveProgress(meeting_id=meeting_id, opened_at=now or clock.now())
        session.add(progress)
    return progress
