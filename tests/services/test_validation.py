"""Services refuse bad input in plain words and change nothing when they do."""

from datetime import date, datetime

import pytest

from app.errors import NotFound, ValidationError
from app.models import DecisionStatus, PackFormat, Role
from app.services import aims, decisions, groups, meetings, people


@pytest.fixture
def group(db):
    return groups.create_group(db, "Lift and Shift equipment group", "Better equipment")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Please give the member's name"),
        ("   ", "Please give the member's name"),
        ("Ann\x00Jones", "hidden control character"),
        ("Ann\x07", "hidden control character"),
        ("A" * 201, "too long"),
        ("Ann\nJones", "one line"),
    ],
)
def test_bad_names_are_refused_in_plain_words(db, group, name, message) -> None:
    with pytest.raises(ValidationError, match=message):
        people.add_member(db, group.id, name, Role.CHAMPION)
    assert people.list_members(db, group.id) == []


@pytest.mark.parametrize(
    "name", ["Zofia Wąsowicz-Żak", "زوفیہ", "Ng Wai-Ling 吳慧玲", "Dafydd ap Gwilym 🏴", "e\u0301"]
)
def test_names_in_any_script_read_back_exactly(db, group, name) -> None:
    people.add_member(db, group.id, name, Role.LIVED_EXPERIENCE)
    assert [m.full_name for m in people.list_members(db, group.id)] == [name]


def test_large_print_sizes_outside_16_to_28_are_refused(db, group) -> None:
    for size in (12, 15, 29, 72):
        with pytest.raises(ValidationError, match="between 16 and 28 point"):
            people.add_member(
                db,
                group.id,
                "Pat",
                Role.CARER,
                preferred_format=PackFormat.LARGE_PRINT,
                large_print_size_pt=size,
            )
    row = people.add_member(
        db,
        group.id,
        "Pat",
        Role.CARER,
        preferred_format=PackFormat.LARGE_PRINT,
        large_print_size_pt=24,
    )
    assert row.large_print_size_pt == 24
    default = people.add_member(
        db, group.id, "Sam", Role.CARER, preferred_format=PackFormat.LARGE_PRINT
    )
    assert default.large_print_size_pt == 18


def test_a_member_who_leaves_is_kept_not_deleted(db, group) -> None:
    row = people.add_member(db, group.id, "Olu Bankole", Role.CHAMPION)
    people.mark_left(db, group.id, row.person_id, date(2026, 6, 1))
    assert people.list_members(db, group.id) == []
    kept = people.list_members(db, group.id, include_left=True)
    assert [(m.full_name, m.left_on) for m in kept] == [("Olu Bankole", date(2026, 6, 1))]


def test_group_names_are_unique_whatever_their_case(db, group) -> None:
    with pytest.raises(ValidationError, match="already a group"):
        groups.create_group(db, "LIFT AND SHIFT EQUIPMENT GROUP")
    assert groups.find_group(db, "lift and shift equipment group").id == group.id
    assert groups.find_group(db, str(group.id)).name == group.name
    with pytest.raises(NotFound, match="no group called"):
        groups.find_group(db, "Nobody's group")


def test_dates_far_outside_a_lifetime_are_refused(db, group) -> None:
    with pytest.raises(ValidationError, match="between the years"):
        decisions.record_decision(db, group.id, "Something", date(1066, 10, 14))
    with pytest.raises(ValidationError, match="between the years"):
        meetings.plan_meeting(db, group.id, "Far future", datetime(9999, 1, 1), [("Item", 10)])


def test_sessions_are_found_by_number_next_and_last(db, group) -> None:
    now = datetime(2026, 11, 23, 9, 0)
    soon = meetings.plan_meeting(db, group.id, "Soon", datetime(2026, 11, 30, 10), [("Hello", 20)])
    later = meetings.plan_meeting(
        db, group.id, "Later", datetime(2026, 12, 30, 10), [("Hello", 20)], breaks=[(1, 10)]
    )
    assert meetings.find_meeting(db, "next", now=now).id == soon.id
    assert meetings.find_meeting(db, str(later.id)).planned_minutes == 30
    with pytest.raises(NotFound, match="No session has been held yet"):
        meetings.find_meeting(db, "last")
    with pytest.raises(NotFound, match="not a session"):
        meetings.find_meeting(db, "yesterday")
    with pytest.raises(NotFound, match="no session number 999"):
        meetings.find_meeting(db, "999")


def test_changing_a_decision_keeps_its_history(db, group) -> None:
    decision_id = decisions.record_decision(
        db, group.id, "We will ask for evening sessions", date(2026, 9, 1), recorded_by="Ruth"
    )
    decisions.change_decision(
        db,
        decision_id,
        changed_by="Ruth",
        reason="Agreed at the October session",
        wording="We will ask for one evening session a quarter",
        status=DecisionStatus.IN_PROGRESS,
    )
    action_id = decisions.add_action(db, decision_id, "Write to the council", recorded_by="Ruth")
    decisions.update_action(db, action_id, changed_by="Ruth", outcome="They said yes")
    trail = decisions.history(db, decision_id)
    assert [c.field for c in trail] == [
        "recorded",
        "wording",
        "status",
        "action added",
        "action outcome",
    ]
    assert trail[1].old_value == "We will ask for evening sessions"
    assert trail[1].new_value == "We will ask for one evening session a quarter"
    assert trail[2].new_value == "In progress"
    rows = decisions.list_decisions(db, group.id)
    assert rows[0].wording == "We will ask for one evening session a quarter"
    assert rows[0].open_actions == 1


def test_a_decision_needs_words(db, group) -> None:
    with pytest.raises(ValidationError, match="Please write the decision's wording"):
        decisions.record_decision(db, group.id, "  \n ", date(2026, 9, 1))
    assert decisions.count_decisions(db, group.id) == 0


def test_long_decision_logs_come_in_windows(db, group) -> None:
    for day in range(1, 26):
        decisions.record_decision(db, group.id, f"Decision {day}", date(2026, 1, day))
    assert decisions.count_decisions(db, group.id) == 25
    first = decisions.list_decisions(db, group.id, offset=0, limit=10)
    second = decisions.list_decisions(db, group.id, offset=10, limit=10)
    assert [d.wording for d in first][:2] == ["Decision 25", "Decision 24"]
    assert {d.id for d in first}.isdisjoint({d.id for d in second})


def test_aims_show_their_latest_review(db, group) -> None:
    from app.models import AimOutcome

    aim = aims.add_aim(db, group.id, "Repairs within three days", "The provider's figures")
    first = meetings.plan_meeting(db, group.id, "One", datetime(2026, 1, 5, 10), [("A", 10)])
    second = meetings.plan_meeting(db, group.id, "Two", datetime(2026, 2, 5, 10), [("A", 10)])
    aims.review_aim(db, aim.id, second.id, AimOutcome.ACHIEVED, "Done!")
    aims.review_aim(db, aim.id, first.id, AimOutcome.PROGRESSING)
    [row] = aims.list_aims(db, group.id)
    assert row.latest_outcome is AimOutcome.ACHIEVED
    assert row.review_count == 2
