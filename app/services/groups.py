"""Groups: list them, find one by id or name, start a new one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import Group, Membership
from app.services import validation
from app.storage import Database


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


def list_groups(db: Database) -> list[GroupSummary]:
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
            .order_by(Group.name)
        ).all()
        return [_summary(group, members) for group, members in rows]


def find_group(db: Database, reference: str | int) -> GroupSummary:
    """The group whose id, or whose name (ignoring case), is ``reference``."""
    text = str(reference).strip()
    for group in list_groups(db):
        if text == str(group.id) or text.casefold() == group.name.casefold():
            return group
    raise NotFound(_("There is no group called “{name}”.").format(name=text))


def create_group(
    db: Database, name: str, purpose: str = "", partner_organisation: str = ""
) -> GroupSummary:
    clean_name = validation.name(name, _("The group's name"))
    with db.transaction() as session:
        clash = session.scalar(select(Group.id).where(func.lower(Group.name) == clean_name.lower()))
        if clash is not None:
            raise ValidationError(
                _("There is already a group called “{name}”.").format(name=clean_name)
            )
        group = Group(
            name=clean_name,
            purpose=validation.long_text(purpose, _("The group's purpose")),
            partner_organisation=validation.short_text(
                partner_organisation, _("The partner organisation")
            ),
        )
        session.add(group)
        session.flush()
        return _summary(group, 0)


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
    )
