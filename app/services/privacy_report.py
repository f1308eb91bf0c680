"""A subject access report: the records about one person, as readable text and as JSON.

Each record is a tuple of fields; a field is (key, label, value): the key stays the same in
every language (for the JSON), the label is the translated words a person reads.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.export.private_file import write_private_text
from app.i18n import _
from app.models import (
    AccessNeed,
    Action,
    AgendaItem,
    Attendance,
    Comment,
    Decision,
    DecisionChange,
    Meeting,
    Membership,
    Note,
    Payment,
    Person,
)
from app.services.wording import label

Field = tuple[str, str, str]
Record = tuple[Field, ...]
Section = tuple[str, str, tuple[Record, ...]]  # title, key, records


@dataclass(frozen=True)
class SubjectAccess:
    person_id: int
    name: str
    made_on: date
    sections: tuple[Section, ...]


def details_record(person: Person) -> Record:
    return (
        ("full_name", _("Full name"), person.full_name),
        ("preferred_name", _("Preferred name"), person.preferred_name),
        ("pronouns", _("Pronouns"), person.pronouns),
        ("email", _("Email"), person.email),
        ("phone", _("Phone"), person.phone),
        ("postal_address", _("Postal address"), person.postal_address),
        ("preferred_format", _("Preferred format for packs"), label(person.preferred_format)),
        ("large_print_size_pt", _("Large print size (points)"), _text(person.large_print_size_pt)),
        ("delivery", _("How packs reach them"), label(person.delivery)),
        ("access_needs", _("Access needs"), "; ".join(_need(n) for n in person.access_needs)),
        ("access_needs_note", _("More about their access needs"), person.access_needs_note),
        (
            "consent_to_store",
            _("Agreed to these details being kept"),
            _yes(person.consent_to_store),
        ),
        ("consent_recorded_on", _("Agreement recorded on"), _text(person.consent_recorded_on)),
        ("created_at", _("First recorded"), _text(person.created_at)),
        ("updated_at", _("Last changed"), _text(person.updated_at)),
    )


def membership_record(membership: Membership) -> Record:
    return (
        ("group", _("Group"), membership.group.name),
        ("role", _("Role"), label(membership.role)),
        ("joined_on", _("Joined"), _text(membership.joined_on)),
        ("left_on", _("Left"), _text(membership.left_on)),
    )


def attendance_record(attendance: Attendance, meeting: Meeting) -> Record:
    return (
        ("session", _("Session"), meeting.title),
        ("starts_at", _("When"), _text(meeting.starts_at)),
        ("status", _("Came"), label(attendance.status)),
        ("with_supporter", _("With a supporter"), _yes(attendance.with_supporter)),
        ("supporter_name", _("Supporter"), attendance.supporter_name),
    )


def contribution_records(rows: Sequence[tuple[Meeting, bool, int]]) -> tuple[Record, ...]:
    return tuple(
        (
            ("session", _("Session"), meeting.title),
            ("starts_at", _("When"), _text(meeting.starts_at)),
            ("sent_beforehand", _("Sent in beforehand"), _yes(sent_beforehand)),
            ("count", _("How many"), str(count)),
        )
        for meeting, sent_beforehand, count in rows
    )


def decision_record(decision: Decision) -> Record:
    return (
        ("decided_on", _("Decided on"), _text(decision.decided_on)),
        ("wording", _("Wording"), decision.wording),
        ("status", _("Where it stands"), label(decision.status)),
    )


def action_record(action: Action) -> Record:
    return (
        ("description", _("Action"), action.description),
        ("due_on", _("Due"), _text(action.due_on)),
        ("status", _("Where it stands"), label(action.status)),
        ("outcome", _("What was done"), action.outcome),
    )


def payment_record(payment: Payment) -> Record:
    return (
        ("paid_on", _("Paid on"), _text(payment.paid_on)),
        ("minutes_given", _("Minutes given"), str(payment.minutes_given)),
        ("rate_pence_per_hour", _("Rate (pence an hour)"), str(payment.rate_pence_per_hour)),
        ("expenses_pence", _("Expenses (pence)"), str(payment.expenses_pence)),
        ("voucher_pence", _("Voucher (pence)"), str(payment.voucher_pence)),
        ("voucher_note", _("Voucher"), payment.voucher_note),
        ("declined", _("Chose not to be paid"), _yes(payment.declined)),
        ("note", _("Note"), payment.note),
    )


def comment_record(comment: Comment) -> Record:
    return (
        ("written_at", _("Written"), _text(comment.created_at)),
        ("text", _("Comment"), comment.text),
    )


def note_record(note: Note) -> Record:
    return (
        ("session", _("Session"), note.meeting.title),
        ("text", _("Note"), note.text),
    )


def led_record(item: AgendaItem) -> Record:
    return (
        ("session", _("Session"), item.meeting.title),
        ("title", _("Agenda item"), item.title),
    )


def change_record(change: DecisionChange) -> Record:
    return (
        ("changed_at", _("When"), _text(change.changed_at)),
        ("decision", _("Decision"), change.decision.wording),
        ("field", _("What changed"), change.field),
        ("new_value", _("Changed to"), change.new_value),
        ("reason", _("Why"), change.reason),
    )


def as_text(report: SubjectAccess) -> str:
    """The report as plain text: headings, then one "label: value" line per field."""
    lines = [
        _("Everything Roundtable holds about {name}").format(name=report.name),
        _("Made on {day}.").format(day=report.made_on.isoformat()),
        "",
    ]
    for title, _key, records in report.sections:
        lines += [title, "-" * len(title)]
        if not records:
            lines.append(_("Nothing recorded."))
        for number, record in enumerate(records):
            if number:
                lines.append("")
            lines += [f"{field_label}: {value}" for _k, field_label, value in record if value]
        lines.append("")
    return "\n".join(lines)


def as_json(report: SubjectAccess) -> str:
    document = {
        "person_id": report.person_id,
        "made_on": report.made_on.isoformat(),
        **{
            key: [{field: value for field, _label, value in record} for record in records]
            for _title, key, records in report.sections
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def write(report: SubjectAccess, out: Path) -> tuple[Path, Path]:
    """Write the text to ``out`` and the JSON beside it; both readable by their owner only."""
    out = out.expanduser().resolve()
    beside = out.with_name(out.stem + ".json") if out.suffix != ".json" else out
    if beside == out:
        out = out.with_suffix(".txt")
    for path, content in ((out, as_text(report)), (beside, as_json(report))):
        write_private_text(path, content, make_folder=True)
    return out, beside


def _need(need: AccessNeed) -> str:
    kind = label(need.kind)
    details = need.details
    return f"{kind} ({details})" if details else kind


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
