"""People and their membership of groups."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import (
    AccessNeed,
    AccessNeedKind,
    Delivery,
    Group,
    Membership,
    PackFormat,
    Person,
    Role,
)
from app.services import matching, validation
from app.storage import Store

LARGE_PRINT_SIZES = range(16, 29)
DEFAULT_LARGE_PRINT_SIZE = 18
# Enough to catch a slip (a missing @, a space, no dot after it); addresses are never
# rejected for being unusual, only for not looking like an address at all.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


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


@dataclass(frozen=True)
class MemberDetails:
    """Everything kept about one person in one group. ``person_id`` is None for someone new.

    Contact details and access needs are sensitive: they are only kept with consent.
    """

    person_id: int | None
    full_name: str
    preferred_name: str = ""
    pronouns: str = ""
    role: Role = Role.LIVED_EXPERIENCE
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    access_needs: tuple[tuple[AccessNeedKind, str], ...] = ()
    access_needs_note: str = ""
    preferred_format: PackFormat = PackFormat.STANDARD
    large_print_size_pt: int | None = None
    delivery: Delivery = Delivery.EMAIL
    consent_to_store: bool = False
    consent_recorded_on: date | None = None
    joined_on: date | None = None
    left_on: date | None = None

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name

    @property
    def has_sensitive_details(self) -> bool:
        """True if any contact detail or access need is filled in."""
        return bool(
            self.email.strip()
            or self.phone.strip()
            or self.postal_address.strip()
            or self.access_needs
            or self.access_needs_note.strip()
        )


class MemberProblem(ValidationError):
    """A refusal about one detail; ``field`` names the ``MemberDetails`` field at fault,
    so a screen can show the sentence beside it."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def list_members(db: Store, group_id: int, *, include_left: bool = False) -> list[MemberRow]:
    with db.transaction() as session:
        query = (
            select(Membership, Person)
            .join(Person, Person.id == Membership.person_id)
            .where(Membership.group_id == group_id)
            .order_by(_shown_name_order(), Person.id)
        )
        if not include_left:
            query = query.where(Membership.left_on.is_(None))
        return [_row(membership, person) for membership, person in session.execute(query)]


def add_member(
    db: Store,
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
        consent_recorded_on=clock.today() if consent_to_store else None,
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


def mark_left(db: Store, group_id: int, person_id: int, left_on: date) -> MemberRow:
    """Record that someone left. Nothing is deleted: their part in past decisions stays."""
    leaving = validation.calendar_date(left_on, _("The leaving date"))
    with db.transaction() as session:
        membership = _membership(session, group_id, person_id)
        if leaving is None:
            raise ValidationError(_("Please give the date they left."))
        if membership.joined_on is not None and leaving < membership.joined_on:
            raise ValidationError(_("The leaving date cannot be before the joining date."))
        membership.left_on = leaving
        return _row(membership, membership.person)


def rejoin(db: Store, group_id: int, person_id: int) -> MemberRow:
    """Undo ``mark_left``: the person is a current member again."""
    with db.transaction() as session:
        membership = _membership(session, group_id, person_id)
        membership.left_on = None
        return _row(membership, membership.person)


def search_members(
    db: Store, group_id: int, text: str, include_left: bool = False
) -> list[MemberRow]:
    """Members whose name, preferred name or pronouns contain ``text``, ignoring case in
    any script; everyone (as ``list_members``) if ``text`` is blank."""
    wanted = validation.search_text(text).strip()
    if not wanted:
        return list_members(db, group_id, include_left=include_left)
    with db.transaction() as session:
        query = (
            select(Membership, Person)
            .join(Person, Person.id == Membership.person_id)
            .where(
                Membership.group_id == group_id,
                or_(
                    *(
                        matching.contains(column, wanted)
                        for column in (Person.full_name, Person.preferred_name, Person.pronouns)
                    )
                ),
            )
            .order_by(_shown_name_order(), Person.id)
        )
        if not include_left:
            query = query.where(Membership.left_on.is_(None))
        return [_row(membership, person) for membership, person in session.execute(query)]


def get_member(db: Store, group_id: int, person_id: int) -> MemberDetails:
    with db.transaction() as session:
        membership = _membership(session, group_id, person_id)
        return _details(membership, membership.person)


def check_member(details: MemberDetails) -> MemberDetails:
    """``details`` cleaned up (spaces trimmed, defaults filled in), or a ``MemberProblem``.

    It needs no database, so a screen may call it before saving to show a problem beside
    its field at once; ``save_member`` checks again in any case.
    """
    preferred_format = _choice(PackFormat, details.preferred_format, "preferred_format")
    joined_on = _checked(
        "joined_on", validation.calendar_date, details.joined_on, _("The joining date")
    )
    left_on = _checked("left_on", validation.calendar_date, details.left_on, _("The leaving date"))
    if joined_on and left_on and left_on < joined_on:
        raise MemberProblem(_("The leaving date cannot be before the joining date."), "left_on")
    cleaned = replace(
        details,
        full_name=_checked("full_name", validation.name, details.full_name, _("The member's name")),
        preferred_name=_checked(
            "preferred_name", validation.short_text, details.preferred_name, _("The preferred name")
        ),
        pronouns=_checked("pronouns", _pronouns, details.pronouns),
        role=_choice(Role, details.role, "role"),
        preferred_format=preferred_format,
        large_print_size_pt=_checked(
            "large_print_size_pt", _large_print_size, preferred_format, details.large_print_size_pt
        ),
        delivery=_choice(Delivery, details.delivery, "delivery"),
        email=_checked("email", _email, details.email),
        phone=_checked("phone", _phone, details.phone),
        postal_address=_checked(
            "postal_address", validation.long_text, details.postal_address, _("The postal address")
        ).strip(),
        access_needs=_access_needs(details.access_needs),
        access_needs_note=_checked(
            "access_needs_note",
            validation.long_text,
            details.access_needs_note,
            _("The note about access needs"),
        ).strip(),
        consent_to_store=bool(details.consent_to_store),
        joined_on=joined_on,
        left_on=left_on,
    )
    if cleaned.consent_to_store:
        recorded = _checked(
            "consent_recorded_on",
            validation.calendar_date,
            details.consent_recorded_on,
            _("The date they agreed"),
        )
        cleaned = replace(cleaned, consent_recorded_on=recorded or clock.today())
    else:
        if cleaned.has_sensitive_details:
            raise MemberProblem(
                _(
                    "Contact details and access needs can only be kept if the person agrees. "
                    "Please tick that they agree, or clear those details."
                ),
                "consent_to_store",
            )
        cleaned = replace(cleaned, consent_recorded_on=None)
    return cleaned


def save_member(db: Store, group_id: int, details: MemberDetails) -> MemberDetails:
    """Add someone to the group (``person_id`` None) or update what is kept about them."""
    cleaned = check_member(details)
    with db.transaction() as session:
        if cleaned.person_id is None:
            if session.get(Group, group_id) is None:
                raise NotFound(_("That group no longer exists."))
            person = Person()
            membership = Membership(group_id=group_id, person=person, role=cleaned.role)
            session.add_all([person, membership])
        else:
            membership = _membership(session, group_id, cleaned.person_id)
            person = membership.person
        for field in _PERSON_FIELDS:
            setattr(person, field, getattr(cleaned, field))
        membership.role = cleaned.role
        membership.joined_on = cleaned.joined_on
        membership.left_on = cleaned.left_on
        _replace_access_needs(person, cleaned.access_needs)
        session.flush()
        return _details(membership, person)


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


_PERSON_FIELDS = (
    "full_name",
    "preferred_name",
    "pronouns",
    "email",
    "phone",
    "postal_address",
    "access_needs_note",
    "preferred_format",
    "large_print_size_pt",
    "delivery",
    "consent_to_store",
    "consent_recorded_on",
)


def _shown_name_order():  # type: ignore[no-untyped-def]
    """The order people read: by the name shown, which is the preferred one if given."""
    return func.lower(func.coalesce(func.nullif(Person.preferred_name, ""), Person.full_name))


def _membership(session: Session, group_id: int, person_id: int) -> Membership:
    membership = session.scalar(
        select(Membership).where(Membership.group_id == group_id, Membership.person_id == person_id)
    )
    if membership is None:
        raise NotFound(_("That person is not a member of this group."))
    return membership


def _checked(field: str, check, *args):  # type: ignore[no-untyped-def]
    """``check(*args)``, its refusal tagged with the field it is about."""
    try:
        return check(*args)
    except MemberProblem:
        raise
    except ValidationError as problem:
        raise MemberProblem(str(problem), field) from problem


def _choice(kind, value, field: str):  # type: ignore[no-untyped-def]
    try:
        return kind(value)
    except ValueError as problem:
        raise MemberProblem(_("Please choose one of the choices offered."), field) from problem


def _pronouns(value: str) -> str:
    return validation.short_text(value, _("Pronouns"), limit=60)


def _phone(value: str) -> str:
    return validation.short_text(value, _("The phone number"), limit=60)


def _email(value: str) -> str:
    cleaned = validation.short_text(value, _("The email address"), limit=320)
    if cleaned and not _EMAIL.fullmatch(cleaned):
        raise ValidationError(
            _("The email address does not look right: it should be like name@example.org.")
        )
    return cleaned


def _access_needs(
    needs: tuple[tuple[AccessNeedKind, str], ...],
) -> tuple[tuple[AccessNeedKind, str], ...]:
    cleaned: dict[AccessNeedKind, str] = {}
    for kind, details in needs:
        need = _choice(AccessNeedKind, kind, "access_needs")
        if need in cleaned:
            raise MemberProblem(_("Each access need can only be listed once."), "access_needs")
        cleaned[need] = _checked(
            "access_needs", validation.long_text, details, _("The details of an access need")
        ).strip()
    # Kept in the order the checklist shows them, whatever order they came in.
    return tuple((kind, cleaned[kind]) for kind in AccessNeedKind if kind in cleaned)


def _replace_access_needs(person: Person, needs: tuple[tuple[AccessNeedKind, str], ...]) -> None:
    wanted = dict(needs)
    for need in list(person.access_needs):
        if need.kind not in wanted:
            person.access_needs.remove(need)  # the cascade deletes it
        else:
            need.details = wanted.pop(need.kind)
    for kind, details in wanted.items():
        person.access_needs.append(AccessNeed(kind=kind, details=details))


def _details(membership: Membership, person: Person) -> MemberDetails:
    needs = sorted(person.access_needs, key=lambda need: list(AccessNeedKind).index(need.kind))
    return MemberDetails(
        person_id=person.id,
        full_name=person.full_name,
        preferred_name=person.preferred_name,
        pronouns=person.pronouns,
        role=membership.role,
        email=person.email,
        phone=person.phone,
        postal_address=person.postal_address,
        access_needs=tuple((need.kind, need.details) for need in needs),
        access_needs_note=person.access_needs_note,
        preferred_format=person.preferred_format,
        large_print_size_pt=person.large_print_size_pt,
        delivery=person.delivery,
        consent_to_store=person.consent_to_store,
        consent_recorded_on=person.consent_recorded_on,
        joined_on=membership.joined_on,
        left_on=membership.left_on,
    )
