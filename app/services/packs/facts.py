"""Everything a session pack says, read from the data file in one unit of work.

The builders turn these plain, frozen facts into a ``Document``; they never see an ORM
object. Contact details and access needs are read only when a pack is to show them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from app.errors import NotFound
from app.i18n import _
from app.models import (
    Action,
    AgendaItem,
    AimReview,
    Attendance,
    Comment,
    Decision,
    Meeting,
    MeetingStatus,
    Membership,
    Person,
)
from app.models.enums import AttendanceStatus, Role
from app.services.wording import label


@dataclass(frozen=True)
class VenueFacts:
    name: str
    address: str
    access_note: str
    features: tuple[str, ...]  # in words


@dataclass(frozen=True)
class AgendaFact:
    id: int
    position: int
    title: str
    details: str
    minutes: int
    lead: str


@dataclass(frozen=True)
class BreakFact:
    after_position: int
    minutes: int
    label: str


@dataclass(frozen=True)
class AimFact:
    title: str
    how_we_will_know: str


@dataclass(frozen=True)
class ReviewFact:
    aim: str
    outcome: str  # in words
    note: str


@dataclass(frozen=True)
class AttendanceFact:
    name: str
    status: AttendanceStatus
    supporter: str | None  # None without a supporter; "" for a supporter not named


@dataclass(frozen=True)
class NoteFact:
    agenda_item_id: int | None
    text: str


@dataclass(frozen=True)
class ActionFact:
    description: str
    owner: str
    due_on: date | None
    status: str  # in words
    outcome: str
    done_on: date | None


@dataclass(frozen=True)
class CommentFact:
    """A member's comment, in their own words."""

    author: str  # the name they go by; "" when not recorded
    text: str
    written_on: date


@dataclass(frozen=True)
class DecisionFact:
    wording: str
    decided_on: date
    how_agreed: str  # in words
    status: str  # in words
    actions: tuple[ActionFact, ...]
    comments: tuple[CommentFact, ...] = ()


@dataclass(frozen=True)
class MemberFact:
    """A member as a pack may show them; the private parts are empty unless asked for."""

    person_id: int
    name: str
    role: str  # in words
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    access_needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionFacts:
    id: int
    group_id: int
    group_name: str
    title: str
    starts_at: datetime
    status: MeetingStatus
    summary: str
    feedback: str
    venue: VenueFacts | None
    agenda: tuple[AgendaFact, ...]
    breaks: tuple[BreakFact, ...]
    aims: tuple[AimFact, ...]
    reviews: tuple[ReviewFact, ...]
    attendance: tuple[AttendanceFact, ...]
    notes: tuple[NoteFact, ...]
    decisions: tuple[DecisionFact, ...]
    other_actions: tuple[ActionFact, ...]  # set at the session, not under a decision
    previous_title: str
    previous_starts_at: datetime | None
    previous_decisions: tuple[DecisionFact, ...]
    members: tuple[MemberFact, ...]
    comments: tuple[CommentFact, ...] = ()  # on the session: sent in before, or on its summary


def read_session(
    session: Session, meeting_id: int, *, contact: bool = False, access_needs: bool = False
) -> SessionFacts:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(_("There is no session number {number}.").format(number=meeting_id))
    previous = session.scalars(
        select(Meeting)
        .where(
            Meeting.group_id == meeting.group_id,
            Meeting.starts_at < meeting.starts_at,
            Meeting.status != MeetingStatus.CANCELLED,
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(1)
    ).first()
    venue = meeting.venue
    return SessionFacts(
        id=meeting.id,
        group_id=meeting.group_id,
        group_name=meeting.group.name,
        title=meeting.title,
        starts_at=meeting.starts_at,
        status=meeting.status,
        summary=meeting.summary,
        feedback=meeting.feedback,
        venue=None
        if venue is None
        else VenueFacts(
            venue.name,
            venue.address,
            venue.access_note,
            tuple(label(feature.kind) for feature in sorted(venue.features, key=_feature_order)),
        ),
        agenda=tuple(_agenda(item) for item in meeting.agenda_items),
        breaks=tuple(BreakFact(b.after_position, b.minutes, b.label) for b in meeting.breaks),
        aims=tuple(AimFact(aim.title, aim.how_we_will_know) for aim in meeting.aims),
        reviews=_reviews(session, meeting.id),
        attendance=_attendance(meeting.attendance),
        notes=tuple(NoteFact(note.agenda_item_id, note.text) for note in meeting.notes),
        decisions=_decisions(session, meeting.id),
        other_actions=tuple(
            _action(action)
            for action in session.scalars(
                select(Action)
                .options(selectinload(Action.owner))
                .where(Action.meeting_id == meeting.id, Action.decision_id.is_(None))
                .order_by(Action.id)
            )
        ),
        previous_title=previous.title if previous else "",
        previous_starts_at=previous.starts_at if previous else None,
        previous_decisions=_decisions(session, previous.id) if previous else (),
        members=_members(session, meeting.group_id, contact=contact, access_needs=access_needs),
        comments=tuple(comments_on(session, Comment.meeting_id, [meeting.id])[meeting.id]),
    )


def _feature_order(feature) -> int:  # type: ignore[no-untyped-def]
    return list(type(feature.kind)).index(feature.kind)


def _agenda(item: AgendaItem) -> AgendaFact:
    lead = item.lead.display_name if item.lead is not None else ""
    return AgendaFact(item.id, item.position, item.title, item.details, item.minutes, lead)


def _reviews(session: Session, meeting_id: int) -> tuple[ReviewFact, ...]:
    reviews = session.scalars(
        select(AimReview)
        .options(selectinload(AimReview.aim))
        .where(AimReview.meeting_id == meeting_id)
    ).all()
    reviews = sorted(reviews, key=lambda review: (review.aim.position, review.aim.id))
    return tuple(ReviewFact(r.aim.title, label(r.outcome), r.note) for r in reviews)


def _attendance(rows: list[Attendance]) -> tuple[AttendanceFact, ...]:
    facts = [
        AttendanceFact(
            row.person.display_name,
            row.status,
            row.supporter_name if row.with_supporter else None,
        )
        for row in rows
    ]
    return tuple(sorted(facts, key=lambda fact: fact.name.casefold()))


def _decisions(session: Session, meeting_id: int) -> tuple[DecisionFact, ...]:
    decisions = session.scalars(
        select(Decision)
        .options(selectinload(Decision.actions).selectinload(Action.owner))
        .where(Decision.meeting_id == meeting_id)
        .order_by(Decision.decided_on, Decision.id)
    ).all()
    comments = comments_on(session, Comment.decision_id, [d.id for d in decisions])
    return tuple(
        DecisionFact(
            decision.wording,
            decision.decided_on,
            label(decision.how_agreed),
            label(decision.status),
            tuple(_action(action) for action in decision.actions),
            tuple(comments[decision.id]),
        )
        for decision in decisions
    )


def comments_on(
    session: Session, about: InstrumentedAttribute[int | None], ids: Iterable[int]
) -> defaultdict[int, list[CommentFact]]:
    """The comments on each of ``ids`` (decisions or sessions, as ``about`` says), oldest
    first."""
    found: defaultdict[int, list[CommentFact]] = defaultdict(list)
    wanted = list(ids)
    if not wanted:
        return found
    author = func.coalesce(func.nullif(Person.preferred_name, ""), Person.full_name)
    rows = session.execute(
        select(about, author, Comment.text, Comment.created_at)
        .outerjoin(Person, Person.id == Comment.author_id)
        .where(about.in_(wanted))
        .order_by(Comment.created_at, Comment.id)
    )
    for target, name, text, created_at in rows:
        found[target].append(CommentFact(name or "", text, created_at.date()))
    return found


def _action(action: Action) -> ActionFact:
    return ActionFact(
        action.description,
        action.owner.display_name if action.owner is not None else "",
        action.due_on,
        label(action.status),
        action.outcome,
        action.done_on,
    )


def _members(
    session: Session, group_id: int, *, contact: bool, access_needs: bool
) -> tuple[MemberFact, ...]:
    people = session.execute(
        select(Person, Membership.role)
        .join(Membership, Membership.person_id == Person.id)
        .options(selectinload(Person.access_needs))
        .where(Membership.group_id == group_id, Membership.left_on.is_(None))
    ).all()
    members = []
    for person, role in people:
        needs: tuple[str, ...] = ()
        if access_needs:
            needs = tuple(
                _need(label(need.kind), need.details)
                for need in sorted(person.access_needs, key=lambda need: need.id)
            )
            if person.access_needs_note:
                needs += (person.access_needs_note,)
        members.append(
            MemberFact(
                person.id,
                person.display_name,
                label(Role(role)),
                email=person.email if contact else "",
                phone=person.phone if contact else "",
                postal_address=person.postal_address if contact else "",
                access_needs=needs,
            )
        )
    return tuple(sorted(members, key=lambda member: (member.name.casefold(), member.person_id)))


def _need(kind: str, details: str) -> str:
    return _("{kind}: {details}").format(kind=kind, details=details) if details else kind


def actions_for_session(facts: SessionFacts) -> tuple[ActionFact, ...]:
    """Every action set at the session: those under its decisions, then the rest."""
    from_decisions = tuple(action for decision in facts.decisions for action in decision.actions)
    return from_decisions + facts.other_actions
