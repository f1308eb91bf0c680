"""People and their membership of groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import Group, Membership, PackFormat, Person, Role
from app.services import validation
from app.storage import Database

LARGE_PRINT_SIZES = range(16, 29)


@dataclass(frozen=True)
class MemberRow:
    person_id: int
    full_name: str
    preferred_name: str
    pronouns: str
    role: Role
    preferred_format: PackFormat
    large_print_size_pt: int | None
    joined_on: date | None
    left_on: date | None

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name


def list_members(db: Database, group_id: int, *, include_left: bool = False) -> list[MemberRow]:
    with db.transaction() as session:
        query = (
            select(Membership, Person)
            .join(Person, Person.id == Membership.person_id)
            .where(Membership.group_id == group_id)
            # The order people read: by the name shown, which is the preferred one if given.
            .order_by(
                func.lower(func.coalesce(func.nullif(Person.preferred_name, ""), Person.full_name)),
                Person.id,
            )
        )
        if not include_left:
            query = query.where(Membership.left_on.is_(None))
        return [_row(membership, person) for membership, person in session.execute(query)]


def add_member(
    db: Database,
    group_id: int,
    full_name: str,
    role: Role,
    *,
    preferred_name: str = "",
    pronouns: str = "",
    preferred_format: PackFormat = PackFormat.STANDARD,
    large_print_size_pt: int | None = None,
    consent_to_store: bool = False,
    joined_on: date | None = None,
) -> MemberRow:
    """Add a new person to a group. Their details are only kept with their consent."""
    person = Person(
        full_name=validation.name(full_name, _("The member's name")),
        preferred_name=validation.short_text(preferred_name, _("The preferred name")),
        pronouns=validation.short_text(pronouns, _("Pronouns"), limit=60),
        preferred_format=PackFormat(preferred_format),
        large_print_size_pt=_large_print_size(preferred_format, large_print_size_pt),
        consent_to_store=consent_to_store,
        consent_recorded_on=date.today() if consent_to_store else None,
    )
    membership = Membership(
        role=Role(role), joined_on=validation.calendar_date(joined_on, _("The joining date"))
    )
    with db.transaction() as session:
        if session.get(Group, group_id) is None:
            raise NotFound(_("That group no longer exists."))
        membership.group_id = group_id
        membership.person = person
        session.add_all([person, membership])
        session.flush()
        return _row(membership, person)


def mark_left(db: Database, group_id: int, person_id: int, left_on: date) -> MemberRow:
    """Record that someone left. Nothing is deleted: their part in past decisions stays."""
    with db.transaction() as session:
        membership = session.scalar(
            select(Membership).where(
                Membership.group_id == group_id, Membership.person_id == person_id
            )
        )
        if membership is None:
            raise NotFound(_("That person is not a member of this group."))
        membership.left_on = validation.calendar_date(left_on, _("The leaving date"))
        return _row(membership, membership.person)


def _large_print_size(chosen: PackFormat, size: int | None) -> int | None:
    if chosen != PackFormat.LARGE_PRINT:
        return None
    if size is None:
        return 18
    if size not in LARGE_PRINT_SIZES:
        raise ValidationError(
            _("Large print must be between {low} and {high} point.").format(
                low=LARGE_PRINT_SIZES.start, high=LARGE_PRINT_SIZES.stop - 1
            )
        )
    return size


def _row(membership: Membership, person: Person) -> MemberRow:
    return MemberRow(
        person_id=person.id,
        full_name=person.full_name,
        preferred_name=person.preferred_name,
        pronouns=person.pronouns,
        role=membership.role,
        preferred_format=person.preferred_format,
        large_print_size_pt=person.large_print_size_pt,
        joined_on=membership.joined_on,
        left_on=membership.left_on,
    )
