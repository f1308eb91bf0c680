"""Closing a live session: how far each aim moved, a summary of what was decided and who
does what next, and payments suggested from attendance for staff to confirm.

A suggestion is only a suggestion: nothing is owed until staff confirm it, which records a
``Payment``. Staff and facilitators are paid by their employer, so they are not suggested.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import (
    AimOutcome,
    AttendanceStatus,
    Group,
    LiveProgress,
    Meeting,
    MeetingStatus,
    Membership,
    Payment,
    Role,
    pence_for_time,
)
from app.services import aims, validation
from app.services.live import (
    LiveAction,
    LiveDecision,
    LiveState,
    meeting_or_refuse,
    read_live,
)
from app.services.live_actions import end_break
from app.storage import Store

PAID_ROLES = (Role.LIVED_EXPERIENCE, Role.CHAMPION, Role.CARER)


@dataclass(frozen=True)
class AimMoved:
    title: str
    outcome: AimOutcome | None
    note: str


@dataclass(frozen=True)
class LiveSummary:
    meeting_id: int
    title: str
    held: bool
    present: tuple[str, ...]
    apologies: tuple[str, ...]
    decisions: tuple[LiveDecision, ...]
    actions: tuple[LiveAction, ...]
    aims: tuple[AimMoved, ...]


@dataclass(frozen=True)
class PaymentSuggestion:
    person_id: int
    name: str
    minutes: int
    rate_pence_per_hour: int
    confirmed: bool  # staff have already confirmed a payment for this session
    # Confirmed: whether it was declined. Not yet: whether their last payment from this
    # group was (some members never take payment, as it can affect benefits), so that
    # staff are offered the same choice again.
    declined: bool = False

    @property
    def pence(self) -> int:
        """What is owed for the time: nothing for someone who chose not to be paid."""
        return 0 if self.declined else pence_for_time(self.minutes, self.rate_pence_per_hour)


def review_aim(
    db: Store, meeting_id: int, aim_id: int, outcome: AimOutcome, note: str = ""
) -> None:
    """How far this session moved one of its aims (again to correct it)."""
    aims.review_aim(db, aim_id, meeting_id, AimOutcome(outcome), note)


def close_session(db: Store, meeting_id: int, now: datetime | None = None) -> LiveSummary:
    """Mark the session as held and end any break still running; returns its summary."""
    moment = now or clock.now()
    with db.transaction() as session:
        meeting = meeting_or_refuse(session, meeting_id)
        meeting.status = MeetingStatus.HELD
        progress = session.scalar(select(LiveProgress).where(LiveProgress.meeting_id == meeting_id))
        if progress is not None:
            progress.current_item_id = None
            progress.item_started_at = None
    end_break(db, meeting_id, moment)
    return summary(db, meeting_id)


def summary(db: Store, meeting_id: int) -> LiveSummary:
    """What was decided, who does what next, who came and how the aims moved."""
    return summary_of(read_live(db, meeting_id))


def summary_of(state: LiveState) -> LiveSummary:
    """The summary of a session from its live state, as read."""
    return LiveSummary(
        meeting_id=state.meeting_id,
        title=state.title,
        held=state.status == MeetingStatus.HELD,
        present=_names(state.people, AttendanceStatus.PRESENT),
        apologies=_names(state.people, AttendanceStatus.APOLOGIES),
        decisions=state.decisions,
        actions=state.actions,
        aims=tuple(AimMoved(aim.title, aim.outcome, aim.note) for aim in state.aims),
    )


def suggest_payments(db: Store, meeting_id: int) -> list[PaymentSuggestion]:
    """One suggestion per member present, for the session's planned length at the group's
    hourly rate (staff may change the minutes when they confirm). Empty when the group pays
    no rate."""
    state = read_live(db, meeting_id)
    minutes = sum(item.minutes for item in state.items) + sum(b.minutes for b in state.breaks)
    with db.transaction() as session:
        group = session.get(Group, state.group_id)
        if group is None:
            raise NotFound(_("That group no longer exists."))
        rate = group.hourly_rate_pence
        # What staff confirmed is shown as they confirmed it, not as it was suggested.
        recorded = {
            person_id: (minutes_given, paid_rate, declined)
            for person_id, minutes_given, paid_rate, declined in session.execute(
                select(
                    Payment.person_id,
                    Payment.minutes_given,
                    Payment.rate_pence_per_hour,
                    Payment.declined,
                ).where(Payment.meeting_id == meeting_id)
            )
        }
        roles = dict(
            session.execute(
                select(Membership.person_id, Membership.role).where(
                    Membership.group_id == state.group_id
                )
            ).all()
        )
        present = [p.id for p in state.people if p.status == AttendanceStatus.PRESENT]
        usually_declines = _declined_last_time(session, state.group_id, meeting_id, present)
    if rate <= 0:
        return []
    suggestions = []
    for person in state.people:
        if person.status != AttendanceStatus.PRESENT or roles.get(person.id) not in PAID_ROLES:
            continue
        if person.id in recorded:
            given, paid_rate, was_declined = recorded[person.id]
            suggestions.append(
                PaymentSuggestion(person.id, person.name, given, paid_rate, True, was_declined)
            )
        else:
            suggestions.append(
                PaymentSuggestion(
                    person.id, person.name, minutes, rate, False, person.id in usually_declines
                )
            )
    return suggestions


def _declined_last_time(
    session: Session, group_id: int, meeting_id: int, people: list[int]
) -> set[int]:
    """Those of ``people`` whose payment for the group's latest session before this one that
    paid them was declined (in the order the sessions were held, not confirmed)."""
    held_at = session.scalar(select(Meeting.starts_at).where(Meeting.id == meeting_id))
    latest: dict[int, bool] = {}
    rows = session.execute(
        select(Payment.person_id, Payment.declined)
        .join(Meeting, Meeting.id == Payment.meeting_id)
        .where(
            Payment.group_id == group_id,
            Payment.person_id.in_(people),
            Meeting.id != meeting_id,
            Meeting.starts_at < held_at,
        )
        .order_by(Meeting.starts_at, Payment.id)
    )
    for person_id, declined in rows:
        latest[person_id] = declined
    return {person_id for person_id, declined in latest.items() if declined}


def confirm_payments(
    db: Store,
    meeting_id: int,
    confirmed: list[tuple[int, int]],
    *,
    declined: tuple[int, ...] = (),
    paid_on: date | None = None,
    rate_pence_per_hour: int | None = None,
) -> int:
    """Staff confirm payments: ``confirmed`` is (person, minutes) pairs; ``declined`` the
    people who chose not to be paid (no date paid is kept for them). ``rate_pence_per_hour``
    is the rate staff were shown (the group's rate now, if not given), so what is recorded
    is what they saw. A person already confirmed is left as they are. Returns how many
    payments were recorded."""
    validation.calendar_date(paid_on, _("The date paid"))
    if rate_pence_per_hour is not None:
        validation.whole_number(rate_pence_per_hour, _("The hourly rate"), low=0, high=100_000)
    with db.transaction() as session:
        meeting = meeting_or_refuse(session, meeting_id)
        group = session.get(Group, meeting.group_id)
        assert group is not None
        done = set(
            session.scalars(select(Payment.person_id).where(Payment.meeting_id == meeting_id))
        )
        members = set(
            session.scalars(
                select(Membership.person_id).where(Membership.group_id == meeting.group_id)
            )
        )
        made = 0
        rate = group.hourly_rate_pence if rate_pence_per_hour is None else rate_pence_per_hour
        for person_id, minutes in confirmed:
            validation.whole_number(minutes, _("The minutes given"), low=1, high=24 * 60)
            if person_id not in members:
                raise ValidationError(_("Payments are only for people in this group."))
            if person_id in done:
                continue
            session.add(
                Payment(
                    person_id=person_id,
                    group_id=group.id,
                    meeting_id=meeting_id,
                    minutes_given=minutes,
                    rate_pence_per_hour=rate,
                    declined=person_id in declined,
                    paid_on=None if person_id in declined else paid_on,
                )
            )
            done.add(person_id)
            made += 1
        return made


def _names(people, status: AttendanceStatus) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return tuple(person.name for person in people if person.status == status)


@dataclass(frozen=True)
class Closed:
    summary: LiveSummary
    payments: tuple[PaymentSuggestion, ...]


def finish_session(
    db: Store,
    meeting_id: int,
    reviews: list[tuple[int, AimOutcome, str]],
    now: datetime | None = None,
) -> Closed:
    """Record how far each aim moved, mark the session held, and say what happens next."""
    for aim_id, outcome, note in reviews:
        review_aim(db, meeting_id, aim_id, outcome, note)
    closed = close_session(db, meeting_id, now)
    return Closed(closed, tuple(suggest_payments(db, meeting_id)))
