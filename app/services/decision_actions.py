"""The actions that follow a decision: added, moved on and finished ("we did"), each
change kept in the decision's history with who made it and why."""

from __future__ import annotations

from datetime import date
from enum import Enum

from app.errors import NotFound
from app.i18n import _
from app.models import Action, ActionStatus, Decision, DecisionChange, Person
from app.services import validation
from app.services.wording import label
from app.storage import Store


class _Unchanged(Enum):
    UNCHANGED = "unchanged"


# Leaves a value as it is, where None would mean "clear it".
UNCHANGED = _Unchanged.UNCHANGED


def add_action(
    db: Store,
    decision_id: int,
    description: str,
    *,
    owner_id: int | None = None,
    due_on: date | None = None,
    recorded_by: str = "",
) -> int:
    """Add an action that follows from a decision; returns its number."""
    clean = validation.long_text(description, _("What will be done"), required=True)
    validation.calendar_date(due_on, _("The due date"))
    who = validation.short_text(recorded_by, _("The name of who is recording it"))
    with db.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise NotFound(_("That decision no longer exists."))
        owner = _person(session, owner_id)
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
        changes = [("action added", "", clean)]
        if owner is not None:
            changes.append(("action owner", "", owner.display_name))
        if due_on is not None:
            changes.append(("action due date", "", due_on.isoformat()))
        for field, old, new in changes:
            decision.changes.append(
                DecisionChange(
                    action_id=action.id,
                    changed_by=who,
                    field=field,
                    old_value=old,
                    new_value=new,
                )
            )
        return action.id


def _person(session, person_id: int | None) -> Person | None:  # type: ignore[no-untyped-def]
    if person_id is None:
        return None
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(_("The person chosen to do it is no longer on record."))
    return person


def update_action(
    db: Store,
    action_id: int,
    *,
    changed_by: str,
    status: ActionStatus | None = None,
    outcome: str | None = None,
    done_on: date | _Unchanged | None = UNCHANGED,
    owner_id: int | _Unchanged | None = UNCHANGED,
    due_on: date | _Unchanged | None = UNCHANGED,
    description: str | None = None,
    reason: str = "",
) -> int:
    """Move an action on and say what was done (the "we did"); each change is kept.

    ``None`` for ``owner_id``, ``due_on`` or ``done_on`` clears it; leave them out to keep
    them. Returns how many things changed.
    """
    who = validation.short_text(changed_by, _("The name of who is changing it"))
    why = validation.long_text(reason, _("The reason for the change"))
    clean_outcome = None if outcome is None else validation.long_text(outcome, _("What was done"))
    clean_description = (
        None
        if description is None
        else validation.long_text(description, _("What will be done"), required=True)
    )
    if not isinstance(done_on, _Unchanged):
        validation.calendar_date(done_on, _("The date it was done"))
    if not isinstance(due_on, _Unchanged):
        validation.calendar_date(due_on, _("The due date"))
    with db.transaction() as session:
        action = session.get(Action, action_id)
        if action is None or action.decision_id is None:
            raise NotFound(_("That action no longer exists."))
        changes: list[tuple[str, str, str]] = []
        if clean_description is not None and clean_description != action.description:
            changes.append(("action description", action.description, clean_description))
            action.description = clean_description
        if not isinstance(owner_id, _Unchanged) and owner_id != action.owner_id:
            owner = _person(session, owner_id)
            old_owner = action.owner.display_name if action.owner else ""
            changes.append(("action owner", old_owner, owner.display_name if owner else ""))
            action.owner_id = owner_id
        if not isinstance(due_on, _Unchanged) and due_on != action.due_on:
            changes.append(("action due date", _iso(action.due_on), _iso(due_on)))
            action.due_on = due_on
        if status is not None and ActionStatus(status) != action.status:
            changes.append(("action status", label(action.status), label(ActionStatus(status))))
            action.status = ActionStatus(status)
        if clean_outcome is not None and clean_outcome != action.outcome:
            changes.append(("action outcome", action.outcome, clean_outcome))
            action.outcome = clean_outcome
        if not isinstance(done_on, _Unchanged) and done_on != action.done_on:
            changes.append(("action done date", _iso(action.done_on), _iso(done_on)))
            action.done_on = done_on
        for field, old, new in changes:
            session.add(
                DecisionChange(
                    decision_id=action.decision_id,
                    action_id=action.id,
                    changed_by=who,
                    field=field,
                    old_value=old,
                    new_value=new,
                    reason=why,
                )
            )
        return len(changes)


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""
