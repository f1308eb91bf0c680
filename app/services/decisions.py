"""Decisions in the group's agreed words, the actions that follow, and a history of changes.

Reading the log (filters, search, windows) is in ``decision_log``, and changing actions in
``decision_actions`` (both offered from here too); this module records, changes and
describes one decision at a time. Every change leaves a line in its history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.errors import NotFound
from app.i18n import _
from app.models import (
    Action,
    ActionStatus,
    AgreementMethod,
    Aim,
    Comment,
    Decision,
    DecisionChange,
    DecisionStatus,
    Group,
    Meeting,
    Membership,
    Person,
    Role,
)
from app.services import validation
from app.services.comments import CommentRow, comment_row
from app.services.decision_actions import UNCHANGED, add_action, update_action
from app.services.decision_log import (
    OPEN_ACTION_STATUSES,
    Choice,
    DecisionChoices,
    DecisionFilter,
    DecisionKey,
    DecisionRow,
    PersonChoice,
    SessionChoice,
    count_decisions,
    filter_choices,
    list_decisions,
)
from app.services.wording import label
from app.storage import Store

__all__ = [
    "IN_LIVE_SESSION",
    "UNCHANGED",
    "ActionDetails",
    "ChangeRow",
    "Choice",
    "CommentRow",
    "DecisionChoices",
    "DecisionDetails",
    "DecisionFilter",
    "DecisionKey",
    "DecisionRow",
    "HistoryEntry",
    "PersonChoice",
    "SessionChoice",
    "add_action",
    "change_decision",
    "count_decisions",
    "filter_choices",
    "get_decision",
    "history",
    "list_decisions",
    "record_decision",
    "update_action",
]

# Who records a decision or action in live mode is not known: live mode is run from the
# group's laptop, by whoever is at it. Its history is marked with these words instead of a
# name, and read back as recorded in the session. They are stored as they stand, never
# translated, so that the mark is the same in every language (and as it has always been).
IN_LIVE_SESSION = "Live session"


@dataclass(frozen=True)
class ChangeRow:
    changed_by: str
    field: str
    old_value: str
    new_value: str
    reason: str


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a decision's history. ``field`` is one of the names below ("wording",
    "action owner"…); dates in ``old_value``/``new_value`` are written YYYY-MM-DD.
    ``in_session`` says it was recorded in live mode, in the decision's session, where
    who did it is not known (``changed_by`` is then empty)."""

    changed_at: datetime
    changed_by: str
    field: str
    old_value: str
    new_value: str
    reason: str
    action_id: int | None
    in_session: bool = False


@dataclass(frozen=True)
class ActionDetails:
    id: int
    description: str
    owner_id: int | None
    owner: str
    due_on: date | None
    status: ActionStatus
    outcome: str  # the "we did"
    done_on: date | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES


@dataclass(frozen=True)
class DecisionDetails:
    id: int
    group_id: int
    wording: str
    decided_on: date
    status: DecisionStatus
    how_agreed: AgreementMethod
    how_agreed_note: str
    raised_by_id: int | None
    raised_by: str  # empty when not recorded
    raised_by_role: Role | None
    meeting_id: int | None
    meeting_title: str
    meeting_starts_at: datetime | None
    aims: tuple[Choice, ...]
    actions: tuple[ActionDetails, ...]
    comments: tuple[CommentRow, ...]
    history: tuple[HistoryEntry, ...]  # oldest first, newest last

    @property
    def row(self) -> DecisionRow:
        """The decision as a line of the log."""
        return DecisionRow(
            id=self.id,
            decided_on=self.decided_on,
            wording=self.wording,
            status=self.status,
            raised_by=self.raised_by or _("Not recorded"),
            raised_by_role=self.raised_by_role,
            open_actions=sum(action.is_open for action in self.actions),
        )


def record_decision(
    db: Store,
    group_id: int,
    wording: str,
    decided_on: date,
    *,
    raised_by_id: int | None = None,
    how_agreed: AgreementMethod = AgreementMethod.CONSENSUS,
    meeting_id: int | None = None,
    aim_ids: tuple[int, ...] = (),
    recorded_by: str = "",
) -> int:
    """Record a decision in the words the group agreed; returns its number."""
    clean_wording = validation.long_text(wording, _("The decision's wording"), required=True)
    validation.calendar_date(decided_on, _("The date of the decision"))
    recorded_by = validation.short_text(recorded_by, _("The name of who is recording it"))
    with db.transaction() as session:
        if session.get(Group, group_id) is None:
            raise NotFound(_("That group no longer exists."))
        if raised_by_id is not None and session.get(Person, raised_by_id) is None:
            raise NotFound(_("The person who raised it is no longer on record."))
        aims = session.scalars(
            select(Aim).where(Aim.id.in_(aim_ids), Aim.group_id == group_id)
        ).all()
        decision = Decision(
            group_id=group_id,
            meeting_id=meeting_id,
            wording=clean_wording,
            decided_on=decided_on,
            raised_by_id=raised_by_id,
            how_agreed=AgreementMethod(how_agreed),
            aims=list(aims),
        )
        decision.changes.append(
            DecisionChange(changed_by=recorded_by, field="recorded", new_value=clean_wording)
        )
        session.add(decision)
        session.flush()
        return decision.id


def change_decision(
    db: Store,
    decision_id: int,
    *,
    changed_by: str,
    reason: str = "",
    wording: str | None = None,
    status: DecisionStatus | None = None,
    aim_ids: tuple[int, ...] | None = None,
    how_agreed: AgreementMethod | None = None,
    how_agreed_note: str | None = None,
    require_reason: bool = False,
) -> int:
    """Change a decision; every old value stays in its history. Returns how many things
    changed. With ``require_reason`` (as the screens ask) a change needs a who and a why."""
    who = validation.short_text(
        changed_by, _("The name of who is changing it"), required=require_reason
    )
    why = validation.long_text(reason, _("The reason for the change"), required=require_reason)
    new_wording = (
        None
        if wording is None
        else validation.long_text(wording, _("The decision's wording"), required=True)
    )
    new_note = (
        None
        if how_agreed_note is None
        else validation.long_text(how_agreed_note, _("The note on how it was agreed"))
    )
    with db.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise NotFound(_("That decision no longer exists."))
        changes: list[tuple[str, str, str]] = []
        if new_wording is not None and new_wording != decision.wording:
            changes.append(("wording", decision.wording, new_wording))
            decision.wording = new_wording
        if status is not None and DecisionStatus(status) != decision.status:
            changes.append(("status", label(decision.status), label(DecisionStatus(status))))
            decision.status = DecisionStatus(status)
        if how_agreed is not None and AgreementMethod(how_agreed) != decision.how_agreed:
            new_method = AgreementMethod(how_agreed)
            changes.append(("how agreed", label(decision.how_agreed), label(new_method)))
            decision.how_agreed = new_method
        if new_note is not None and new_note != decision.how_agreed_note:
            changes.append(("how agreed note", decision.how_agreed_note, new_note))
            decision.how_agreed_note = new_note
        if aim_ids is not None:
            aims = session.scalars(
                select(Aim)
                .where(Aim.id.in_(aim_ids), Aim.group_id == decision.group_id)
                .order_by(Aim.position, Aim.id)
            ).all()
            if len(aims) != len(set(aim_ids)):
                raise NotFound(_("One of those aims is no longer on record."))
            if {aim.id for aim in aims} != {aim.id for aim in decision.aims}:
                changes.append(("aims", _aim_titles(decision.aims), _aim_titles(aims)))
                decision.aims = list(aims)
        for field, old, new in changes:
            decision.changes.append(
                DecisionChange(
                    changed_by=who, field=field, old_value=old, new_value=new, reason=why
                )
            )
        return len(changes)


def _aim_titles(aims: list[Aim] | tuple[Aim, ...]) -> str:
    return "; ".join(aim.title for aim in aims) if aims else _("No aims")


def history(db: Store, decision_id: int) -> list[ChangeRow]:
    with db.transaction() as session:
        changes = session.scalars(
            select(DecisionChange)
            .where(DecisionChange.decision_id == decision_id)
            .order_by(DecisionChange.id)
        ).all()
        return [
            ChangeRow(c.changed_by, c.field, c.old_value, c.new_value, c.reason) for c in changes
        ]


def get_decision(db: Store, decision_id: int) -> DecisionDetails:
    """Everything about one decision: who raised it, its aims, actions, comments, history."""
    with db.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise NotFound(_("That decision no longer exists."))
        raiser = decision.raised_by
        role = None
        if raiser is not None:
            role = session.scalar(
                select(Membership.role).where(
                    Membership.person_id == raiser.id, Membership.group_id == decision.group_id
                )
            )
        meeting = session.get(Meeting, decision.meeting_id) if decision.meeting_id else None
        comments = session.execute(
            select(Comment, Person)
            .outerjoin(Person, Person.id == Comment.author_id)
            .where(Comment.decision_id == decision_id)
            .order_by(Comment.created_at, Comment.id)
        ).all()
        # Changes made in one moment (an edit of several things) keep the order they were made.
        changes = sorted(decision.changes, key=lambda c: (c.changed_at, c.id))
        return DecisionDetails(
            id=decision.id,
            group_id=decision.group_id,
            wording=decision.wording,
            decided_on=decision.decided_on,
            status=decision.status,
            how_agreed=decision.how_agreed,
            how_agreed_note=decision.how_agreed_note,
            raised_by_id=decision.raised_by_id,
            raised_by=raiser.display_name if raiser else "",
            raised_by_role=role,
            meeting_id=decision.meeting_id,
            meeting_title=meeting.title if meeting else "",
            meeting_starts_at=meeting.starts_at if meeting else None,
            aims=tuple(Choice(aim.id, aim.title) for aim in decision.aims),
            actions=tuple(_action_details(action) for action in decision.actions),
            comments=tuple(comment_row(comment, person) for comment, person in comments),
            history=tuple(
                HistoryEntry(
                    changed_at=c.changed_at,
                    changed_by="" if c.changed_by == IN_LIVE_SESSION else c.changed_by,
                    field=c.field,
                    old_value=c.old_value,
                    new_value=c.new_value,
                    reason=c.reason,
                    action_id=c.action_id,
                    in_session=c.changed_by == IN_LIVE_SESSION,
                )
                for c in changes
            ),
        )


def _action_details(action: Action) -> ActionDetails:
    return ActionDetails(
        id=action.id,
        description=action.description,
        owner_id=action.owner_id,
        owner=action.owner.display_name if action.owner else "",
        due_on=action.due_on,
        status=action.status,
        outcome=action.outcome,
        done_on=action.done_on,
    )
