"""A member's rights over their data: everything held about them, and erasure.

Erasure removes a person's personal details everywhere and keeps the group's record
whole: their row stays (so decisions they raised, actions they own, attendance and
payments still add up) but it is renamed "a member" and emptied of everything else.
What is kept, and why:

* decisions they raised and actions they own: kept, shown as raised by or owned by "a member";
* attendance and turns taken in sessions: kept as anonymous counts (the same "a member");
* payments: amounts and dates kept for the group's accounts, their notes emptied;
* memberships, access needs and comments they wrote: removed;
* their name wherever it was typed into notes, summaries, wording, actions and the history
  of changes: replaced by "a member", so no search finds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import clock
from app.errors import FileNotSaved, NotFound
from app.i18n import _
from app.models import (
    AccessNeed,
    Action,
    AgendaItem,
    Aim,
    AimReview,
    Attendance,
    Comment,
    Decision,
    DecisionChange,
    Delivery,
    Meeting,
    Membership,
    Note,
    PackFormat,
    Payment,
    Person,
)
from app.models.live import Contribution
from app.services import matching, privacy_report
from app.services.privacy_report import (
    SubjectAccess,
    action_record,
    attendance_record,
    change_record,
    comment_record,
    contribution_records,
    decision_record,
    details_record,
    led_record,
    membership_record,
    note_record,
    payment_record,
)
from app.storage import Store

# Names this short would also match inside ordinary words and other people's names.
SHORTEST_NAME_REPLACED = 3


@dataclass(frozen=True)
class Erased:
    person_id: int
    names_replaced: int
    comments_removed: int
    memberships_removed: int
    access_needs_removed: int


def list_people(db: Store) -> list[tuple[int, str]]:
    """Everyone's number and full name, in the order they were added."""
    with db.transaction() as session:
        rows = session.execute(select(Person.id, Person.full_name).order_by(Person.id))
        return [(number, name) for number, name in rows]


def person_name(db: Store, person_id: int) -> str:
    with db.transaction() as session:
        return _person(session, person_id).full_name


def subject_access(db: Store, person_id: int, today: date | None = None) -> SubjectAccess:
    """Everything Roundtable holds about one person, as plain records for a readable file."""
    with db.transaction() as session:
        person = _person(session, person_id)
        names = _names(person)
        memberships = session.scalars(
            select(Membership).where(Membership.person_id == person_id).order_by(Membership.id)
        ).all()
        attendance = session.execute(
            select(Attendance, Meeting)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .where(Attendance.person_id == person_id)
            .order_by(Meeting.starts_at, Meeting.id)
        ).all()
        contributions = session.execute(
            select(Meeting, Contribution.sent_beforehand, func.count())
            .join(Meeting, Meeting.id == Contribution.meeting_id)
            .where(Contribution.person_id == person_id)
            .group_by(Meeting.id, Contribution.sent_beforehand)
            .order_by(Meeting.starts_at, Meeting.id)
        ).all()
        decisions = session.scalars(
            select(Decision).where(Decision.raised_by_id == person_id).order_by(Decision.id)
        ).all()
        actions = session.scalars(
            select(Action).where(Action.owner_id == person_id).order_by(Action.id)
        ).all()
        payments = session.scalars(
            select(Payment).where(Payment.person_id == person_id).order_by(Payment.id)
        ).all()
        comments = session.scalars(
            select(Comment).where(Comment.author_id == person_id).order_by(Comment.id)
        ).all()
        notes = [
            note
            for note in session.scalars(
                select(Note).where(_mentions(Note.text, names)).order_by(Note.id)
            )
            if _count_mentions(note.text, names)
        ]
        led = session.scalars(
            select(AgendaItem).where(AgendaItem.lead_id == person_id).order_by(AgendaItem.id)
        ).all()
        # The history of changes keeps who made each one by name, as it was typed.
        changes = session.scalars(
            select(DecisionChange)
            .where(matching.same_as_any(DecisionChange.changed_by, names))
            .order_by(DecisionChange.id)
        ).all()
        return SubjectAccess(
            person_id=person.id,
            name=person.full_name,
            made_on=today or clock.today(),
            sections=(
                (_("Details"), "details", (details_record(person),)),
                (_("Groups"), "memberships", tuple(membership_record(m) for m in memberships)),
                (
                    _("Sessions"),
                    "attendance",
                    tuple(attendance_record(a, m) for a, m in attendance),
                ),
                (_("Turns taken"), "contributions", contribution_records(contributions)),
                (_("Decisions raised"), "decisions", tuple(decision_record(d) for d in decisions)),
                (_("Actions"), "actions", tuple(action_record(a) for a in actions)),
                (_("Payments and recognition"), "payments", tuple(map(payment_record, payments))),
                (_("Comments"), "comments", tuple(comment_record(c) for c in comments)),
                (_("Session notes that name them"), "notes", tuple(map(note_record, notes))),
                (_("Agenda items they led"), "agenda_items", tuple(map(led_record, led))),
                (_("Changes they made"), "changes", tuple(map(change_record, changes))),
            ),
        )


def save_subject_access(db: Store, person_id: int, out: Path) -> tuple[Path, Path]:
    """Write everything held about ``person_id`` to ``out`` (text) with a JSON copy beside it."""
    report = subject_access(db, person_id)
    try:
        return privacy_report.write(report, out)
    except OSError as error:
        raise FileNotSaved.because(out, error) from error


def erase_person(db: Store, person_id: int) -> Erased:
    """Remove ``person_id``'s personal details everywhere, in one unit of work."""
    stand_in = _("a member")
    shown_as = _("A member")
    with db.transaction() as session:
        person = _person(session, person_id)
        names = _names(person)
        replaced = _replace_names(session, names, stand_in)
        comments = session.execute(delete(Comment).where(Comment.author_id == person_id))
        memberships = session.execute(delete(Membership).where(Membership.person_id == person_id))
        needs = session.execute(delete(AccessNeed).where(AccessNeed.person_id == person_id))
        session.expire(person)
        for attendance in session.scalars(
            select(Attendance).where(Attendance.person_id == person_id)
        ):
            attendance.supporter_name = ""
        for payment in session.scalars(select(Payment).where(Payment.person_id == person_id)):
            payment.note = ""
            payment.voucher_note = ""
        _empty_person(person, shown_as)
        erased = Erased(
            person_id=person_id,
            names_replaced=replaced,
            comments_removed=comments.rowcount or 0,
            memberships_removed=memberships.rowcount or 0,
            access_needs_removed=needs.rowcount or 0,
        )
    db.forget_deleted()
    return erased


def _empty_person(person: Person, stand_in: str) -> None:
    person.full_name = stand_in
    person.preferred_name = ""
    person.pronouns = ""
    person.email = ""
    person.phone = ""
    person.postal_address = ""
    person.access_needs_note = ""
    person.large_print_size_pt = None
    # The format and delivery they chose say something about their needs too.
    person.preferred_format = PackFormat.STANDARD
    person.delivery = Delivery.EMAIL
    person.consent_to_store = False
    person.consent_recorded_on = None


# Every free-text column a name may have been typed into.
_FREE_TEXT: tuple[InstrumentedAttribute[str], ...] = (
    Note.text,
    Meeting.summary,
    Meeting.feedback,
    Meeting.title,
    AgendaItem.title,
    AgendaItem.details,
    Decision.wording,
    Decision.how_agreed_note,
    Action.description,
    Action.outcome,
    DecisionChange.changed_by,
    DecisionChange.old_value,
    DecisionChange.new_value,
    DecisionChange.reason,
    Attendance.supporter_name,
    Payment.note,
    Comment.text,
    AimReview.note,
    Aim.title,
    Aim.how_we_will_know,
    AccessNeed.details,
    Person.access_needs_note,
)


def _replace_names(session: Session, names: list[str], stand_in: str) -> int:
    if not names:
        return 0
    replaced = 0
    for column in _FREE_TEXT:
        model = column.class_
        for row in session.scalars(select(model).where(_mentions(column, names))):
            text = getattr(row, column.key)
            new_text, count = _pattern(names).subn(stand_in, text)
            if count:
                setattr(row, column.key, new_text)
                replaced += count
    return replaced


def _names(person: Person) -> list[str]:
    found = {person.full_name.strip(), person.preferred_name.strip()}
    # The longest first, so "Ana Lima" is replaced whole before "Ana" is looked for.
    return sorted(
        (name for name in found if len(name) >= SHORTEST_NAME_REPLACED),
        key=len,
        reverse=True,
    )


def _mentions(column: InstrumentedAttribute[str], names: Iterable[str]):  # type: ignore[no-untyped-def]
    return matching.contains_any(column, names)


def _pattern(names: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in names)
    # Whole words only: "Ana" is not replaced inside "Banana".
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _count_mentions(text: str, names: list[str]) -> int:
    return len(_pattern(names).findall(text)) if names else 0


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(_("There is no member with the number {id}.").format(id=person_id))
    return person
