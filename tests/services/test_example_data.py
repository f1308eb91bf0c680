"""The example data every first-time user sees: invented, varied, kind to time, all or nothing."""

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app import clock
from app.errors import ValidationError
from app.models import (
    Action,
    ActionStatus,
    AgreementMethod,
    AimOutcome,
    AimReview,
    Attendance,
    AttendanceStatus,
    Base,
    Decision,
    DecisionChange,
    DecisionStatus,
    Delivery,
    Group,
    Meeting,
    Membership,
    PackFormat,
    Person,
    Role,
)
from app.services import example_data
from app.services.example_data import is_empty, load_data_set, load_example_data
from app.storage import Database, open_database

TODAY = date(2026, 3, 2)

# Names of real people, organisations and places in the texts the example was modelled on.
REAL_NAMES = [
    "Angela",
    "Catley",
    "Community Catalysts",
    "Medequip",
    "Paul",
    "Rackham",
    "Isaac",
    "Samuels",
    "Nick",
    "Sinclair",
    "Clenton",
    "Farquharson",
    "People's Voice Media",
    "Local Government Association",
    "Partners in Care and Health",
    "Equipment Matters",
    "Debra",
    "Edwards",
    "TAPPI",
    "Technology for our Ageing Population",
    "Haringey",
    "North London",
    "Darshan",
    "Savani",
    "Co-production Works",
    "Housing LIN",
    "Care Management Matters",
]


def the_data() -> dict[str, Any]:
    return json.loads(example_data.example_data_path().read_text(encoding="utf-8"))


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def row_counts(db: Database) -> dict[str, int]:
    with db.transaction() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def loaded_meetings(db: Database) -> list[Meeting]:
    with db.transaction() as session:
        return list(
            session.scalars(
                select(Meeting)
                .options(
                    selectinload(Meeting.group),
                    selectinload(Meeting.agenda_items),
                    selectinload(Meeting.breaks),
                )
                .order_by(Meeting.starts_at)
            )
        )


def test_the_example_data_file_is_where_the_loader_looks() -> None:
    assert example_data.example_data_path().is_file()


def test_an_empty_database_takes_the_example_data(db: Database) -> None:
    assert is_empty(db)

    summary = load_example_data(db, today=TODAY)

    counts = row_counts(db)
    assert summary.groups == counts["groups"] == 2
    assert summary.people == counts["people"]
    assert 13 <= summary.people <= 15
    assert summary.sessions == counts["meetings"] == 14
    assert summary.decisions == counts["decisions"]
    assert summary.actions == counts["actions"]
    assert not is_empty(db)

    by_group: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in loaded_meetings(db):
        by_group[meeting.group.name].append(meeting)
    assert len(by_group) == 2
    for meetings in by_group.values():
        past = [m for m in meetings if m.starts_at.date() < TODAY]
        upcoming = [m for m in meetings if m.starts_at.date() > TODAY]
        assert len(past) == 6
        assert len(upcoming) == 1
        assert {m.status for m in past} == {"held"}
        assert upcoming[0].status == "planned"


def test_the_upcoming_sessions_are_always_still_to_come(db: Database) -> None:
    load_example_data(db)

    upcoming = [m for m in loaded_meetings(db) if m.starts_at > clock.local_now()]
    assert len(upcoming) == 2
    assert len({m.group_id for m in upcoming}) == 2


@pytest.mark.parametrize(
    ("column", "choices"),
    [
        (Decision.status, DecisionStatus),
        (Membership.role, Role),
        (Action.status, ActionStatus),
        (Decision.how_agreed, AgreementMethod),
        (AimReview.outcome, AimOutcome),
        (Attendance.status, AttendanceStatus),
        (Person.preferred_format, PackFormat),
        (Person.delivery, Delivery),
    ],
    ids=[
        "decision status",
        "role",
        "action status",
        "how agreed",
        "aim outcome",
        "attendance",
        "pack format",
        "delivery",
    ],
)
def test_every_choice_appears_somewhere(db: Database, column: Any, choices: Any) -> None:
    load_example_data(db, today=TODAY)

    with db.transaction() as session:
        seen = set(session.scalars(select(column).distinct()))
    assert seen == set(choices)


def test_no_name_in_the_data_is_a_real_one(db: Database) -> None:
    texts = [t.replace("’", "'") for t in strings_in(the_data())]
    load_example_data(db, today=TODAY)
    with db.transaction() as session:
        texts += [p.full_name for p in session.scalars(select(Person))]
        texts += [g.partner_organisation for g in session.scalars(select(Group))]
    assert len(texts) > 500  # the check below is not looking at nothing

    found = {
        name
        for name in REAL_NAMES
        for text in texts
        if re.search(rf"\b{re.escape(name)}\b", text, flags=re.IGNORECASE)
    }
    assert found == set()


def test_loading_twice_is_refused_and_changes_nothing(db: Database) -> None:
    load_example_data(db, today=TODAY)
    before = row_counts(db)

    with pytest.raises(ValidationError, match="empty database"):
        load_example_data(db, today=TODAY)

    assert row_counts(db) == before


def test_a_database_with_only_people_in_it_is_not_empty(db: Database) -> None:
    with db.transaction() as session:
        session.add(Person(full_name="Someone Already Here"))
    before = row_counts(db)

    assert not is_empty(db)
    with pytest.raises(ValidationError):
        load_example_data(db, today=TODAY)
    assert row_counts(db) == before


def test_names_in_every_script_read_back_exactly(data_dir: Path) -> None:
    people = the_data()["people"]
    names = [(p["full_name"], p.get("preferred_name", ""), p.get("pronouns", "")) for p in people]
    all_text = " ".join(n for triple in names for n in triple)
    assert re.search("[\u0600-\u06ff]", all_text), "a name in Arabic script (Urdu)"
    assert re.search("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]", all_text), "a Polish name with its diacritics"
    assert all(unicodedata.is_normalized("NFC", n) for triple in names for n in triple)

    database = open_database(data_dir)
    try:
        load_example_data(database, today=TODAY)
    finally:
        database.close()
    reopened = open_database(data_dir)
    try:
        with reopened.transaction() as session:
            stored = [
                (p.full_name, p.preferred_name, p.pronouns)
                for p in session.scalars(select(Person).order_by(Person.id))
            ]
    finally:
        reopened.close()
    assert stored == names


def test_every_session_keeps_to_time_with_breaks(db: Database) -> None:
    load_example_data(db, today=TODAY)

    for meeting in loaded_meetings(db):
        group = meeting.group
        assert (group.session_limit_minutes, group.break_interval_minutes) == (120, 45)
        breaks_after = {b.after_position for b in meeting.breaks}
        assert breaks_after <= {item.position for item in meeting.agenda_items} | {0}
        total = sum(i.minutes for i in meeting.agenda_items) + sum(
            b.minutes for b in meeting.breaks
        )
        assert total <= group.session_limit_minutes, meeting.title
        assert 3 <= len(meeting.agenda_items) <= 5, meeting.title

        stretch = 0
        for item in meeting.agenda_items:
            if item.position - 1 in breaks_after:
                stretch = 0
            stretch += item.minutes
            assert stretch <= group.break_interval_minutes, (meeting.title, item.title)


def test_contact_details_are_made_up_ones(db: Database) -> None:
    load_example_data(db, today=TODAY)

    with db.transaction() as session:
        people = list(session.scalars(select(Person)))
    for person in people:
        assert person.email == "" or person.email.endswith("@example.org")
        assert person.phone == "" or re.fullmatch(r"07700 900\d{3}", person.phone)
        if person.preferred_format == PackFormat.LARGE_PRINT:
            assert person.large_print_size_pt is not None
            assert 16 <= person.large_print_size_pt <= 28
        else:
            assert person.large_print_size_pt is None
    assert sum(p.consent_to_store for p in people) >= len(people) - 2


def test_decision_history_ends_where_the_decision_is_now(db: Database) -> None:
    load_example_data(db, today=TODAY)

    with db.transaction() as session:
        changes = list(
            session.scalars(
                select(DecisionChange)
                .where(DecisionChange.action_id.is_(None))
                .options(selectinload(DecisionChange.decision))
                .order_by(DecisionChange.changed_at)
            )
        )
    assert {c.field for c in changes} >= {"wording", "status"}
    latest = {(c.decision_id, c.field): c for c in changes}
    for (_decision_id, field), change in latest.items():
        assert change.new_value == str(getattr(change.decision, field))
        assert change.changed_at.tzinfo is UTC
        assert change.changed_at.date() < TODAY


def test_a_larger_data_set_goes_through_the_same_path_in_batches(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(example_data, "FLUSH_BATCH", 7)
    data = the_data()
    copies = 4
    data["groups"] = [
        {**group, "name": f"{group['name']} ({copy})"}
        for copy in range(copies)
        for group in data["groups"]
    ]

    summary = load_data_set(db, data, TODAY)

    counts = row_counts(db)
    assert summary.groups == counts["groups"] == 2 * copies
    assert summary.sessions == counts["meetings"] == 14 * copies
    assert summary.decisions == counts["decisions"]
    assert summary.actions == counts["actions"]


def test_data_in_the_wrong_shape_is_refused_and_changes_nothing(db: Database) -> None:
    data = the_data()
    data["groups"][1]["sessions"][0]["attendance"].append(
        {"person": "nobody-by-this-key", "status": "present"}
    )

    with pytest.raises(ValidationError, match="none of it was added"):
        load_data_set(db, data, TODAY)

    assert is_empty(db)
    assert set(row_counts(db).values()) == {0}
