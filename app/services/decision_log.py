"""A group's decision log: filtered, searched, and read a window at a time.

Windows are found by their key (the date and number of the last decision shown) rather
than by counting rows from the top, so a window far down a long log is as quick to read
as the first, and a decision recorded meanwhile does not shift the windows that follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.i18n import _
from app.models import (
    Action,
    ActionStatus,
    Aim,
    Decision,
    DecisionStatus,
    Meeting,
    Membership,
    Person,
    Role,
    decision_aims,
)
from app.services import matching, validation
from app.storage import Store

RaisedByKind = Literal["lived_experience", "staff"]

LIVED_EXPERIENCE_ROLES = (Role.LIVED_EXPERIENCE, Role.CHAMPION, Role.CARER)
STAFF_ROLES = (Role.STAFF, Role.FACILITATOR)
OPEN_ACTION_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.STUCK)
WINDOW = 200

DecisionKey = tuple[date, int]


@dataclass(frozen=True)
class DecisionRow:
    id: int
    decided_on: date
    wording: str
    status: DecisionStatus
    raised_by: str
    raised_by_role: Role | None
    open_actions: int

    @property
    def key(self) -> DecisionKey:
        """Where this row sits in the log: pass it as ``after`` for the next window."""
        return (self.decided_on, self.id)


@dataclass(frozen=True)
class DecisionFilter:
    """Which of a group's decisions to show. The empty filter shows them all."""

    statuses: tuple[DecisionStatus, ...] = ()
    aim_id: int | None = None
    meeting_id: int | None = None
    owner_id: int | None = None  # someone who owns one of its actions
    raised_by_kind: RaisedByKind | None = None
    text: str = ""

    @property
    def search(self) -> str:
        return " ".join(self.text.split())

    def is_empty(self) -> bool:
        return not self.narrowed_by_choices() and not self.search

    def narrowed_by_choices(self) -> bool:
        """True if any filter other than the search text is set."""
        chosen = (self.aim_id, self.meeting_id, self.owner_id, self.raised_by_kind)
        return bool(self.statuses) or any(value is not None for value in chosen)


@dataclass(frozen=True)
class Choice:
    id: int
    text: str


@dataclass(frozen=True)
class SessionChoice:
    id: int
    title: str
    starts_at: datetime


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    role: Role | None


@dataclass(frozen=True)
class DecisionChoices:
    """What the filters (and the action dialogs) offer for one group."""

    statuses: tuple[DecisionStatus, ...]
    aims: tuple[Choice, ...]
    sessions: tuple[SessionChoice, ...]  # newest first
    owners: tuple[PersonChoice, ...]  # people who own at least one of the group's actions
    members: tuple[PersonChoice, ...]  # everyone in the group now, for choosing an owner


def _conditions(group_id: int, wanted: DecisionFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Decision.group_id == group_id]
    if wanted.statuses:
        conditions.append(Decision.status.in_([DecisionStatus(s) for s in wanted.statuses]))
    if wanted.meeting_id is not None:
        conditions.append(Decision.meeting_id == wanted.meeting_id)
    if wanted.aim_id is not None:
        conditions.append(
            exists().where(
                decision_aims.c.decision_id == Decision.id,
                decision_aims.c.aim_id == wanted.aim_id,
            )
        )
    if wanted.owner_id is not None:
        conditions.append(
            exists().where(Action.decision_id == Decision.id, Action.owner_id == wanted.owner_id)
        )
    if wanted.raised_by_kind is not None:
        roles = {"lived_experience": LIVED_EXPERIENCE_ROLES, "staff": STAFF_ROLES}.get(
            wanted.raised_by_kind
        )
        if roles is None:
            raise ValueError(f"unknown kind of person: {wanted.raised_by_kind!r}")
        # Its own alias: the rows' query joins memberships too, for the raiser's role.
        raiser = aliased(Membership)
        conditions.append(
            exists().where(
                raiser.person_id == Decision.raised_by_id,
                raiser.group_id == Decision.group_id,
                raiser.role.in_(roles),
            )
        )
    if wanted.search:
        typed = validation.search_text(wanted.search)
        conditions.append(
            or_(
                matching.contains(Decision.wording, typed),
                exists().where(
                    Action.decision_id == Decision.id,
                    or_(
                        matching.contains(Action.description, typed),
                        matching.contains(Action.outcome, typed),
                    ),
                ),
            )
        )
    return conditions


def count_decisions(db: Store, group_id: int, wanted: DecisionFilter | None = None) -> int:
    """How many of the group's decisions ``wanted`` lets through (all, by default)."""
    with db.transaction() as session:
        query = select(func.count()).select_from(Decision)
        return session.scalar(query.where(*_conditions(group_id, wanted or DecisionFilter()))) or 0


def list_decisions(
    db: Store,
    group_id: int,
    wanted: DecisionFilter | None = None,
    after: DecisionKey | None = None,
    limit: int | None = None,
    *,
    offset: int = 0,
) -> list[DecisionRow]:
    """The group's decisions, newest first, that ``wanted`` lets through.

    For a window of a long log give ``limit``, and for the windows after the first the
    ``after`` key of the last row already read. (``offset`` still works, but a window far
    down costs more with it.)
    """
    with db.transaction() as session:
        query = _rows_query(group_id, wanted or DecisionFilter())
        if after is not None:
            decided_on, last_id = after
            query = query.where(
                or_(
                    Decision.decided_on < decided_on,
                    and_(Decision.decided_on == decided_on, Decision.id < last_id),
                )
            )
        if offset:
            query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        return [
            DecisionRow(
                id=decision_id,
                decided_on=decided_on,
                wording=wording,
                status=status,
                raised_by=_name(preferred, full) or _("Not recorded"),
                raised_by_role=role,
                open_actions=int(open_count or 0),
            )
            for decision_id, decided_on, wording, status, preferred, full, role, open_count in (
                session.execute(query)
            )
        ]


def _rows_query(group_id: int, wanted: DecisionFilter) -> Select:  # type: ignore[type-arg]
    # Counted per decision shown (through its index), not for the whole group at once.
    open_actions = (
        select(func.count())
        .where(Action.decision_id == Decision.id, Action.status.in_(OPEN_ACTION_STATUSES))
        .correlate(Decision)
        .scalar_subquery()
    )
    return (
        select(
            Decision.id,
            Decision.decided_on,
            Decision.wording,
            Decision.status,
            Person.preferred_name,
            Person.full_name,
            Membership.role,
            open_actions,
        )
        .outerjoin(Person, Person.id == Decision.raised_by_id)
        .outerjoin(
            Membership,
            (Membership.person_id == Decision.raised_by_id)
            & (Membership.group_id == Decision.group_id),
        )
        .where(*_conditions(group_id, wanted))
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
    )


def _name(preferred: str | None, full: str | None) -> str:
    return preferred or full or ""


def filter_choices(db: Store, group_id: int) -> DecisionChoices:
    """The aims, sessions and people a group's decisions can be filtered by."""
    with db.transaction() as session:
        aims = session.execute(
            select(Aim.id, Aim.title).where(Aim.group_id == group_id).order_by(Aim.position, Aim.id)
        ).all()
        sessions = session.execute(
            select(Meeting.id, Meeting.title, Meeting.starts_at)
            .where(Meeting.group_id == group_id)
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        ).all()
        owners = session.execute(
            _people(group_id).where(
                Person.id.in_(
                    select(Action.owner_id).where(
                        Action.group_id == group_id, Action.owner_id.is_not(None)
                    )
                )
            )
        ).all()
        members = member_choices(session, group_id)
    return DecisionChoices(
        statuses=tuple(DecisionStatus),
        aims=tuple(Choice(aim_id, title) for aim_id, title in aims),
        sessions=tuple(SessionChoice(*row) for row in sessions),
        owners=tuple(
            PersonChoice(pid, _name(pref, full), role) for pid, pref, full, role in owners
        ),
        members=members,
    )


def _people(group_id: int) -> Select:  # type: ignore[type-arg]
    """Everyone on record, with their role in this group (if any), in name order."""
    return (
        select(Person.id, Person.preferred_name, Person.full_name, Membership.role)
        .outerjoin(
            Membership,
            (Membership.person_id == Person.id) & (Membership.group_id == group_id),
        )
        .order_by(
            func.lower(func.coalesce(func.nullif(Person.preferred_name, ""), Person.full_name)),
            Person.id,
        )
    )


def member_choices(session: Session, group_id: int) -> tuple[PersonChoice, ...]:
    """The group's current members (not those who have left), in name order."""
    rows = session.execute(
        _people(group_id).where(Membership.id.is_not(None), Membership.left_on.is_(None))
    ).all()
    return tuple(PersonChoice(pid, _name(pref, full), role) for pid, pref, full, role in rows)
