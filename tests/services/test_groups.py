"""Groups: started by staff, with their own limits for sessions and their own rate of pay."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from app import clock
from app.errors import NotFound, ValidationError
from app.models import AttendanceStatus, Role
from app.services import groups, live_actions, live_close, meetings, people
from app.services.groups import GroupDetails


def test_a_new_group_has_the_usual_limits_and_pays_nothing_until_told() -> None:
    details = GroupDetails("Kit That Works group")
    assert (details.session_limit_minutes, details.break_interval_minutes) == (120, 45)
    assert details.hourly_rate_pence == 0


def test_a_group_is_started_and_read_back_with_everything_chosen(db) -> None:
    chosen = GroupDetails(
        name="  Housing voices  ",
        purpose="Better repairs.\nClearer letters.",
        partner_organisation="Northside Housing",
        session_limit_minutes=90,
        break_interval_minutes=30,
        hourly_rate_pence=1_250,
    )
    saved = groups.save_group(db, chosen)
    assert saved.name == "Housing voices"
    (listed,) = groups.list_groups(db)
    assert listed == saved
    assert GroupDetails.of(listed) == GroupDetails(
        "Housing voices", chosen.purpose, "Northside Housing", 90, 30, 1_250
    )
    assert listed.member_count == 0


def test_changing_a_group_keeps_its_members_and_counts_them(db) -> None:
    group = groups.create_group(db, "Kit That Works group")
    people.add_member(db, group.id, "Amina Yusuf", Role.LIVED_EXPERIENCE)
    changed = groups.save_group(
        db, GroupDetails("Kit That Works", hourly_rate_pence=1_500), group.id
    )
    assert changed.id == group.id and changed.name == "Kit That Works"
    assert changed.member_count == 1
    assert groups.find_group(db, "kit that works").hourly_rate_pence == 1_500


def test_a_name_in_use_by_another_group_is_refused_but_a_group_may_keep_its_own(db) -> None:
    first = groups.create_group(db, "Kit That Works group")
    second = groups.create_group(db, "Housing voices")
    with pytest.raises(ValidationError, match="already a group called"):
        groups.save_group(db, GroupDetails("KIT THAT WORKS GROUP"), second.id)
    kept = groups.save_group(db, GroupDetails("Kit That Works Group"), first.id)
    assert kept.name == "Kit That Works Group"
    assert groups.find_group(db, second.id).name == "Housing voices"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"name": "   "}, "Please give the group's name"),
        ({"session_limit_minutes": 10}, "between 30 and 480"),
        ({"session_limit_minutes": 600}, "between 30 and 480"),
        ({"break_interval_minutes": 5}, "between 15 and 240"),
        ({"hourly_rate_pence": -1}, "between 0 and 100000"),
        ({"partner_organisation": "line one\nline two"}, "must fit on one line"),
        ({"finished_on": clock.today() + timedelta(days=1)}, "cannot be in the future"),
        ({"finished_on": date(1850, 1, 1)}, "between the years 1900 and 2200"),
        ({"finished_on": "last week"}, "Please give the date the group finished as a date."),
    ],
)
def test_settings_out_of_range_are_refused_in_words_and_nothing_changes(db, changes, words) -> None:
    group = groups.save_group(db, GroupDetails("Kit That Works group", hourly_rate_pence=1_000))
    base = GroupDetails.of(group)
    with pytest.raises(ValidationError, match=words):
        groups.save_group(db, GroupDetails(**{**base.__dict__, **changes}), group.id)
    assert GroupDetails.of(groups.find_group(db, group.id)) == base


def test_a_finished_group_keeps_everything_and_is_listed_after_those_still_going(db) -> None:
    finished = groups.create_group(db, "Aardvark survey group")
    member = people.add_member(db, finished.id, "Amina Yusuf", Role.LIVED_EXPERIENCE)
    going = groups.create_group(db, "Kit That Works group")
    assert [g.name for g in groups.list_groups(db)] == [
        "Aardvark survey group",
        "Kit That Works group",
    ]
    ended = date(2026, 3, 31)
    details = replace(GroupDetails.of(finished), finished_on=ended)
    saved = groups.save_group(db, details, finished.id)
    assert saved.finished_on == ended
    assert saved.member_count == 1
    assert [(g.name, g.finished_on) for g in groups.list_groups(db)] == [
        ("Kit That Works group", None),
        ("Aardvark survey group", ended),
    ]
    assert groups.find_group(db, "aardvark survey group").finished_on == ended
    assert [m.person_id for m in people.list_members(db, finished.id)] == [member.person_id]
    # Started again: the date is taken away, and it goes back among the others.
    groups.save_group(db, replace(details, finished_on=None), finished.id)
    assert [g.id for g in groups.list_groups(db)] == [finished.id, going.id]


def test_changing_a_group_that_has_gone_says_so(db) -> None:
    with pytest.raises(NotFound, match="no longer exists"):
        groups.save_group(db, GroupDetails("Ghosts"), 404)


def test_the_group_s_own_limits_and_rate_are_what_sessions_and_payments_use(db) -> None:
    group = groups.save_group(
        db,
        GroupDetails(
            "Kit That Works group",
            session_limit_minutes=90,
            break_interval_minutes=30,
            hourly_rate_pence=1_200,
        ),
    )
    choices = meetings.session_choices(db, group.id)
    assert (choices.session_limit_minutes, choices.break_interval_minutes) == (90, 30)
    person = people.add_member(db, group.id, "Amina Yusuf", Role.LIVED_EXPERIENCE)
    meeting = meetings.plan_meeting(
        db, group.id, "March session", datetime(2025, 3, 4, 10), [("Welcome", 60)]
    )
    live_actions.check_in(db, meeting.id, person.person_id, AttendanceStatus.PRESENT)
    (suggestion,) = live_close.suggest_payments(db, meeting.id)
    assert suggestion.rate_pence_per_hour == 1_200 and suggestion.pence == 1_200
