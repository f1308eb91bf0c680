"""Decisions in the group's agreed words, the actions that follow, and a history of changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.errors import NotFound
from app.i18n import _
from app.models import (
    Action,
    ActionStatus,
    AgreementMethod,
    Aim,
    Decision,
    DecisionChange,
    DecisionStatus,
    Group,
    Membership,
    Person,
    Role,
)
from app.services import validation
from app.services.wording import label
from app.storage import Database


@dataclass(frozen=True)
class DecisionRow:
    id: int
    decided_on: date
    wording: str
    status: DecisionStatus
    raised_by: str
    raised_by_role: Role | None
    open_actions: int


@dataclass(frozen=True)
class ChangeRow:
    changed_by: str
    field: str
    old_value: str
    new_value: str
    reason: str


def count_decisions(db: Database, group_id: int) -> int:
    with db.transaction() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Decision).where(Decision.group_id == group_id)
            )
            or 0
        )


def list_decisions(
    db: Database, group_id: int, *, offset: int = 0, limit: int | None = None
) -> list[DecisionRow]:
    """The group's decisions, newest first; ``offset``/``limit`` fetch a window of a long log."""
    with db.transaction() as session:
        open_actions = (
            select(Action.decision_id, func.count().label("open"))
            .where(
                Action.status.in_(
                    [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.STUCK]
                )
            )
            .group_by(Action.decision_id)
            .subquery()
        )
        query = (
            select(Decision, Person, Membership.role, func.coalesce(open_actions.c.open, 0))
            .outerjoin(Person, Person.id == Decision.raised_by_id)
            .outerjoin(
                Membership,
                (Membership.person_id == Decision.raised_by_id)
                & (Membership.group_id == Decision.group_id),
            )
            .outerjoin(open_actions, open_actions.c.decision_id == Decision.id)
            .where(Decision.group_id == group_id)
            .order_by(Decision.decided_on.desc(), Decision.id.desc())
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        return [
            DecisionRow(
                id=decision.id,
                decided_on=decision.decided_on,
                wording=decision.wording,
                status=decision.status,
                raised_by=person.display_name if person else _("Not recorded"),
                raised_by_role=role,
                open_actions=int(open_count),
            )
            for decision, person, role, open_count in session.execute(query)
        ]


def record_decision(
    db: Database,
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
    db: Database,
    decision_id: int,
    *,
    changed_by: str,
    reason: str = "",
    wording: str | None = None,
    status: DecisionStatus | None = None,
) -> None:
    """Change a decision's wording or status; the old value stays in its history."""
    with db.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise NotFound(_("That decision no longer exists."))
        who = validation.short_text(changed_by, _("Who made the change"))
        why = validation.long_text(reason, _("The reason for the change"))
        if wording is not None:
            new_wording = validation.long_text(wording, _("The decision's wording"), required=True)
            if new_wording != decision.wording:
                decision.changes.append(
                    DecisionChange(
                        changed_by=who,
                        field="wording",
                        old_value=decision.wording,
                        new_value=new_wording,
                        reason=why,
                    )
                )
                decision.wording = new_wording
        if status is not None and DecisionStatus(status) != decision.status:
            decision.changes.append(
                DecisionChange(
                    changed_by=who,
                    field="status",
                    old_value=label(decision.status),
                    new_value=label(DecisionStatus(status)),
                    reason=why,
                )
            )
            decision.status = DecisionStatus(status)


def history(db: Database, decision_id: int) -> list[ChangeRow]:
    with db.transaction() as session:
        changes = session.scalars(
            select(DecisionChange)
            .where(DecisionChange.decision_id == decision_id)
            .order_by(DecisionChange.id)
        ).all()
        return [
            ChangeRow(c.changed_by, c.field, c.old_value, c.new_value, c.reason) for c in changes
        ]


def add_action(
    db: Database,
    decision_id: int,
    description: str,
    *,
    owner_id: int | None = None,
    due_on: date | None = None,
    recorded_by: str = "",
) -> int:
    clean = validation.long_text(description, _("What will be done"), required=True)
    validation.calendar_date(due_on, _("The due date"))
    with db.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise NotFound(_("That decision no longer exists."))
        action = Action(
            group_id=decision.group_id,
            decision=decision,
            meeting_id=decision.meeting_id,
            description=clean,
            owner_id=owner_id,
            due_on=due_on,
        )
        session.add(action)
        session.flush()
        decision.changes.append(
            DecisionChange(
                action_id=action.id, changed_by=recorded_by, field="action added", new_value=clean
            )
        )
        return action.id


def update_action(
    db: Database,
    action_id: int,
    *,
    changed_by: str,
    status: ActionStatus | None = None,
    outcome: str | None = None,
    done_on: date | None = None,
) -> None:
    """Move an action on and say what was done (the "we did"); each change is kept."""
    with db.transaction() as session:
        action = session.get(Action, action_id)
        if action is None or action.decision_id is None:
            raise NotFound(_("That action no longer exists."))
        who = validation.short_text(changed_by, _("Who made the change"))
        changes = []
        if status is not None and ActionStatus(status) != action.status:
            changes.append(("action status", label(action.status), label(ActionStatus(status))))
            action.status = ActionStatus(status)
        if outcome is not None:
            clean = validation.long_text(outcome, _("What was done"))
            if clean != action.outcome:
                changes.append(("action outcome", action.outcome, clean))
                action.outcome = clean
        if done_on is not None:
            action.done_on = validation.calendar_date(done_on, _("The date it was done"))
        for field, old, new in changes:
            session.add(
                DecisionChange(
                    decision_id=action.decision_id,
                    action_id=action.id,
                    changed_by=who,
                    field=field,
                    old_value=old,
                    new_value=new,
                )
            )
