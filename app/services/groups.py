"""Groups: list them, find one by id or name, start a new one, change its settings, and
say when one has finished its work (it keeps every record, and is listed after the others)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app import clock
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import Group, Membership
from app.services import matching, validation
from app.storage import Store


@dataclass(frozen=True)
class GroupSummary:
    id: int
    name: str
    purpose: str
    partner_organisation: str
    member_count: int
    session_limit_minutes: int
    break_interval_minutes: int
    hourly_rate_pence: int
    finished_on: date | None = None


def list_groups(db: Store) -> list[GroupSummary]:
    with db.transaction() as session:
        current_members = (
            select(Membership.group_id, func.count().label("members"))
            .where(Membership.left_on.is_(None))
            .group_by(Membership.group_id)
            .subquery()
        )
        rows = session.execute(
            select(Group, func.coalesce(current_members.c.members, 0))
            .outerjoin(current_members, current_members.c.group_id == Group.id)
            .order_by(Group.finished_on.is_not(None), Group.name)
        ).all()
        return [_summary(group, members) for group, members in rows]


def find_group(db: Store, reference: str | int) -> GroupSummary:
    """The group whose id, or whose name (ignoring case), is ``reference``."""
    text = str(reference).strip()
    for group in list_groups(db):
        if text == str(group.id) or text.casefold() == group.name.casefold():
            return group
    raise NotFound(_("There is no group called “{name}”.").format(name=text))


# Limits a planned session is checked against, and the rate members are paid, all chosen
# by the group. The ranges keep out slips of the keys (600 for 60), not real choices.
SHORTEST_SESSION_LIMIT = 30
LONGEST_SESSION_LIMIT = 8 * 60
SHORTEST_BREAK_INTERVAL = 15
LONGEST_BREAK_INTERVAL = 4 * 60
HIGHEST_RATE_PENCE = 100_000


@dataclass(frozen=True)
class GroupDetails:
    """What staff choose about a group: its name and purpose, and its own rules."""

    name: str
    purpose: str = ""
    partner_organisation: str = ""
    session_limit_minutes: int = 120
    break_interval_minutes: int = 45
    hourly_rate_pence: int = 0
    finished_on: date | None = None  # None while the group is still going

    @classmethod
    def of(cls, group: GroupSummary) -> GroupDetails:
        return cls(
            name=group.name,
            purpose=group.purpose,
            partner_organisation=group.partner_organisation,
            session_limit_minutes=group.session_limit_minutes,
            break_interval_minutes=group.break_interval_minutes,
            hourly_rate_pence=group.hourly_rate_pence,
            finished_on=group.finished_on,
        )


def create_group(
    db: Store, name: str, purpose: str = "", partner_organisation: str = ""
) -> GroupSummary:
    return save_group(db, GroupDetails(name, purpose, partner_organisation))


def save_group(db: Store, details: GroupDetails, group_id: int | None = None) -> GroupSummary:
    """Start a new group (``group_id`` None) or change one; refuses a name already taken."""
    clean_name = validation.name(details.name, _("The group's name"))
    values = {
        "name": clean_name,
        "purpose": validation.long_text(details.purpose, _("The group's purpose")),
        "partner_organisation": validation.short_text(
            details.partner_organisation, _("The partner organisation")
        ),
        "session_limit_minutes": validation.whole_number(
            details.session_limit_minutes,
            _("The longest a session should run, in minutes,"),
            low=SHORTEST_SESSION_LIMIT,
            high=LONGEST_SESSION_LIMIT,
        ),
        "break_interval_minutes": validation.whole_number(
            details.break_interval_minutes,
            _("The longest time without a break, in minutes,"),
            low=SHORTEST_BREAK_INTERVAL,
            high=LONGEST_BREAK_INTERVAL,
        ),
        "hourly_rate_pence": validation.whole_number(
            details.hourly_rate_pence,
            _("The hourly rate, in pence,"),
            low=0,
            high=HIGHEST_RATE_PENCE,
        ),
        "finished_on": _finished_on(details.finished_on),
    }
    with db.transaction() as session:
        same_name = select(Group.id).where(matching.same_text(Group.name, clean_name))
        if group_id is not None:
            same_name = same_name.where(Group.id != group_id)
        if session.scalar(same_name) is not None:
            raise ValidationError(
                _("There is already a group called “{name}”.").format(name=clean_name)
            )
        if group_id is None:
            group = Group(**values)
            session.add(group)
        else:
            found = session.get(Group, group_id)
            if found is None:
                raise NotFound(_("That group no longer exists."))
            group = found
            for field, value in values.items():
                setattr(group, field, value)
        session.flush()
        members = session.scalar(
            select(func.count())
            .select_from(Membership)
            .where(Membership.group_id == group.id, Membership.left_on.is_(None))
        )
        return _summary(group, members or 0)


def _finished_on(value: date | None) -> date | None:
    if value is not None and not isinstance(value, date):
        raise ValidationError(_("Please give the date the group finished as a date."))
    validation.calendar_date(value, _("The date the group finished"))
    if value is not None and value > clock.today():
        raise ValidationError(
            _("The date the group finished cannot be in the future. Please choose today or before.")
        )
    return value


def _summary(group: Group, members: int) -> GroupSummary:
    return GroupSummary(
        id=group.id,
        name=group.name,
        purpose=group.purpose,
        partner_organisation=group.partner_organisation,
        member_count=members,
        session_limit_minutes=group.session_limit_minutes,
        break_interval_minutes=group.break_interval_minutes,
        hourly_rate_pence=group.hourly_rate_pence,
        finished_on=group.finished_on,
    )
