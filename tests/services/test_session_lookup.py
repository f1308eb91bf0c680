from datetime import datetime

import pytest

from app.errors import NotFound
from app.models import MeetingStatus
from app.services import groups, meetings
from app.services.session_lookup import check_reference, find_session

NOW = datetime(2026, 11, 23, 11, 0)


@pytest.fixture
def two_groups(db):
    equipment = groups.create_group(db, "Equipment users group")
    housing = groups.create_group(db, "Housing panel")
    plan = meetings.plan_meeting
    made = {
        "held_old": plan(db, equipment.id, "Held long ago", datetime(2026, 9, 1, 10), [("A", 20)]),
        "held_recent": plan(
            db, equipment.id, "Held lately", datetime(2026, 11, 2, 10), [("A", 20)]
        ),
        "housing_held": plan(
            db, housing.id, "Housing held", datetime(2026, 11, 20, 10), [("A", 5)]
        ),
        "this_morning": plan(
            db, equipment.id, "This morning", datetime(2026, 11, 23, 9), [("A", 5)]
        ),
        "later": plan(db, equipment.id, "Later", datetime(2026, 12, 3, 10), [("A", 20)]),
        "housing_next": plan(db, housing.id, "Housing next", datetime(2026, 12, 1, 10), [("A", 5)]),
    }
    for key in ("held_old", "held_recent", "housing_held"):
        details = meetings.get_session(db, made[key].id)
        meetings.save_session(
            db,
            meetings.SessionDetails(**{**vars(details), "status": MeetingStatus.HELD}),
        )
    return equipment, housing, made


def test_a_number_finds_that_session(db, two_groups) -> None:
    _equipment, _housing, made = two_groups
    found = find_session(db, str(made["later"].id))
    assert found.title == "Later"
    assert find_session(db, made["later"].id).id == made["later"].id
    assert find_session(db, f"  {made['later'].id} ").id == made["later"].id


def test_next_is_the_first_planned_session_from_today(db, two_groups) -> None:
    _equipment, housing, _made = two_groups
    # A session that began two hours ago and is not marked held is still the next one.
    assert find_session(db, "next", now=NOW).title == "This morning"
    assert find_session(db, "NEXT", now=datetime(2026, 11, 24, 9)).title == "Housing next"
    assert find_session(db, "next", group=housing.name.upper(), now=NOW).title == "Housing next"


def test_last_is_the_most_recent_held_session(db, two_groups) -> None:
    equipment, housing, _made = two_groups
    assert find_session(db, "last", now=NOW).title == "Housing held"
    assert find_session(db, "last", group=equipment.id).title == "Held lately"
    assert find_session(db, "Last", group=str(housing.id)).title == "Housing held"


def test_bad_references_are_refused_in_plain_words(db, two_groups) -> None:
    equipment, _housing, made = two_groups
    with pytest.raises(NotFound, match="“yesterday” is not a session"):
        find_session(db, "yesterday")
    with pytest.raises(NotFound, match="no session number 9999"):
        find_session(db, "9999")
    with pytest.raises(NotFound, match="belongs to another group"):
        find_session(db, made["housing_next"].id, group=equipment.name)
    with pytest.raises(NotFound, match="no group called"):
        find_session(db, "next", group="Nobody's group")
    with pytest.raises(NotFound, match="no session planned from today on"):
        find_session(db, "next", now=datetime(2027, 1, 1))


def test_last_with_nothing_held(db) -> None:
    group = groups.create_group(db, "New group")
    meetings.plan_meeting(db, group.id, "First", datetime(2026, 12, 1, 10), [("A", 5)])
    with pytest.raises(NotFound, match="No session has been held yet"):
        find_session(db, "last", group=group.name)


@pytest.mark.parametrize("typed", ["12", " 12 ", "NEXT", "last"])
def test_a_reference_is_checked_before_any_data_is_read(typed: str) -> None:
    assert check_reference(typed) == typed.strip().lower()


@pytest.mark.parametrize("typed", ["abc", "", "-3", "1.5", "twelve", "²"])
def test_what_is_not_a_reference_is_refused_in_words(typed: str) -> None:
    with pytest.raises(NotFound, match="is not a session: give its number"):
        check_reference(typed)


def test_every_session_in_date_order_or_one_groups(db, two_groups) -> None:
    equipment, housing, made = two_groups
    every = meetings.list_in_date_order(db)
    assert [row.title for row in every] == [
        "Held long ago",
        "Held lately",
        "Housing held",
        "This morning",
        "Housing next",
        "Later",
    ]
    assert {row.id: row.group_name for row in every}[made["housing_next"].id] == housing.name
    assert [row.status for row in every[:3]] == [MeetingStatus.HELD] * 3
    assert [row.title for row in meetings.list_in_date_order(db, housing.id)] == [
        "Housing held",
        "Housing next",
    ]
    theirs = meetings.list_in_date_order(db, equipment.id)
    assert [row.title for row in theirs] == [
        "Held long ago",
        "Held lately",
        "This morning",
        "Later",
    ]
    assert {row.group_id for row in theirs} == {equipment.id}
    empty = groups.create_group(db, "Just started")
    assert meetings.list_in_date_order(db, empty.id) == []
