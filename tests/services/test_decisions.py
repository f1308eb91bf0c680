"""The decision log: filters, search, windows, details and a history of every change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import insert

from app.errors import NotFound, ValidationError
from app.models import (
    ActionStatus,
    AgreementMethod,
    Decision,
    DecisionStatus,
    Role,
)
from app.services import aims, decisions, groups, meetings, people
from app.services.decisions import UNCHANGED, DecisionFilter


@dataclass(frozen=True)
class Log:
    group: int
    other_group: int
    tomasz: int  # lived experience
    grace: int  # carer
    dev: int  # staff
    ramps: int  # aim
    letters: int  # aim
    march: int  # session
    april: int  # session
    ramp: int  # decision ids…
    letter: int
    polish: int
    urdu: int
    unraised: int


@pytest.fixture
def log(db) -> Log:
    group = groups.create_group(db, "Kit That Works group").id
    other = groups.create_group(db, "Digital Inclusion Panel").id
    tomasz = people.add_member(db, group, "Tomasz Nowak", Role.LIVED_EXPERIENCE).person_id
    grace = people.add_member(db, group, "Grace Okafor", Role.CARER).person_id
    dev = people.add_member(db, group, "Dev Sharma", Role.STAFF, preferred_name="Dev").person_id
    ramps = aims.add_aim(db, group, "Ramps fitted within a month").id
    letters = aims.add_aim(db, group, "Letters in plain words").id
    march = meetings.plan_meeting(db, group, "March session", datetime(2025, 3, 4, 10), []).id
    april = meetings.plan_meeting(db, group, "April session", datetime(2025, 4, 1, 10), []).id
    ramp = decisions.record_decision(
        db,
        group,
        "Ramp requests will be answered within two working days.",
        date(2025, 3, 4),
        raised_by_id=tomasz,
        meeting_id=march,
        aim_ids=(ramps,),
    )
    letter = decisions.record_decision(
        db,
        group,
        "Letters will say who to ring, in large print.",
        date(2025, 3, 4),
        raised_by_id=dev,
        meeting_id=march,
        aim_ids=(letters,),
    )
    polish = decisions.record_decision(
        db,
        group,
        "ŻÓŁTA KARTKA dla wózków: naprawa w ciągu tygodnia.",
        date(2025, 4, 1),
        raised_by_id=grace,
        meeting_id=april,
    )
    urdu = decisions.record_decision(
        db, group, "ہم ہر ماہ ملیں گے", date(2025, 4, 1), raised_by_id=tomasz, meeting_id=april
    )
    unraised = decisions.record_decision(
        db, group, 'Quotes: "50% off" *NEAR( AND', date(2025, 5, 1)
    )
    action = decisions.add_action(db, letter, "Ask the printers", owner_id=grace)
    decisions.update_action(
        db, action, changed_by="Dev", outcome="The printers now use 16 point Arial"
    )
    decisions.add_action(db, ramp, "Phone the ramp fitters", owner_id=dev)
    decisions.record_decision(db, other, "Ramp for the other group", date(2025, 3, 4))
    return Log(
        group, other, tomasz, grace, dev, ramps, letters, march, april,
        ramp, letter, polish, urdu, unraised,
    )  # fmt: skip


def ids(db, log: Log, **wanted) -> set[int]:
    found = {row.id for row in decisions.list_decisions(db, log.group, DecisionFilter(**wanted))}
    assert decisions.count_decisions(db, log.group, DecisionFilter(**wanted)) == len(found)
    return found


def test_no_filter_shows_the_whole_log_newest_first(db, log):
    rows = decisions.list_decisions(db, log.group)
    assert [row.id for row in rows] == [log.unraised, log.urdu, log.polish, log.letter, log.ramp]
    assert decisions.count_decisions(db, log.group) == 5
    assert rows[-1].raised_by == "Tomasz Nowak"
    assert rows[-1].raised_by_role is Role.LIVED_EXPERIENCE
    assert rows[-1].open_actions == 1
    assert rows[0].raised_by == "Not recorded" and rows[0].raised_by_role is None


def test_each_filter_alone(db, log):
    assert ids(db, log, statuses=(DecisionStatus.DONE,)) == set()
    assert ids(db, log, statuses=(DecisionStatus.AGREED,)) == {
        log.ramp, log.letter, log.polish, log.urdu, log.unraised,
    }  # fmt: skip
    assert ids(db, log, aim_id=log.ramps) == {log.ramp}
    assert ids(db, log, meeting_id=log.april) == {log.polish, log.urdu}
    assert ids(db, log, owner_id=log.grace) == {log.letter}
    assert ids(db, log, owner_id=log.dev) == {log.ramp}
    assert ids(db, log, raised_by_kind="lived_experience") == {log.ramp, log.polish, log.urdu}
    assert ids(db, log, raised_by_kind="staff") == {log.letter}
    assert ids(db, log, text="RAMP") == {log.ramp}


def test_filters_combined(db, log):
    decisions.change_decision(db, log.urdu, changed_by="Dev", status=DecisionStatus.DONE)
    assert ids(db, log, meeting_id=log.april, raised_by_kind="lived_experience") == {
        log.polish,
        log.urdu,
    }
    assert ids(
        db, log, meeting_id=log.april, raised_by_kind="lived_experience", statuses=("done",)
    ) == {log.urdu}
    assert ids(db, log, meeting_id=log.march, text="letters", raised_by_kind="staff") == {
        log.letter
    }
    assert ids(
        db, log, meeting_id=log.march, text="letters", raised_by_kind="lived_experience"
    ) == (set())
    assert ids(db, log, statuses=("agreed", "done")) == {
        log.ramp, log.letter, log.polish, log.urdu, log.unraised,
    }  # fmt: skip


def test_search_finds_action_descriptions_and_outcomes(db, log):
    assert ids(db, log, text="printers") == {log.letter}
    assert ids(db, log, text="16 POINT arial") == {log.letter}
    assert ids(db, log, text="  phone   the ramp ") == {log.ramp}


@pytest.mark.parametrize(
    ("text", "found"),
    [("żółta", "polish"), ("ŻÓŁTA kartka", "polish"), ("W CIĄGU", "polish"), ("ماہ", "urdu")],
)
def test_search_in_any_script_ignores_case(db, log, text, found):
    assert ids(db, log, text=text) == {getattr(log, found)}


@pytest.mark.parametrize(
    "text", ['"50%', "50% off", "*near(", "NEAR(", " AND", '"', "*", "%", "_", "\\"]
)
def test_search_text_is_taken_literally(db, log, text):
    expected = {log.unraised} if text.strip().lower() in log_text().lower() else set()
    assert ids(db, log, text=text) == expected


def log_text() -> str:
    return 'Quotes: "50% off" *NEAR( AND'


def test_percent_and_underscore_match_only_themselves(db, log):
    with_underscore = decisions.record_decision(db, log.group, "Use file_name", date(2025, 6, 1))
    assert ids(db, log, text="_") == {with_underscore}
    assert ids(db, log, text="e_n") == {with_underscore}
    assert ids(db, log, text="%") == {log.unraised}
    assert ids(db, log, text="0%") == {log.unraised}
    assert ids(db, log, text="a%d") == set()


def test_filter_choices(db, log):
    choices = decisions.filter_choices(db, log.group)
    assert [aim.text for aim in choices.aims] == [
        "Ramps fitted within a month",
        "Letters in plain words",
    ]
    assert [s.title for s in choices.sessions] == ["April session", "March session"]
    assert [(p.name, p.role) for p in choices.owners] == [
        ("Dev", Role.STAFF),
        ("Grace Okafor", Role.CARER),
    ]
    assert [p.name for p in choices.members] == ["Dev", "Grace Okafor", "Tomasz Nowak"]
    assert choices.statuses == tuple(DecisionStatus)
    assert decisions.filter_choices(db, log.other_group).owners == ()


def add_many(db, group_id: int, count: int, start: date) -> None:
    with db.transaction() as session:
        session.execute(
            insert(Decision),
            [
                {
                    "group_id": group_id,
                    "wording": f"Decision {n}",
                    # Several on each day, so the number decides the order within a day.
                    "decided_on": start + timedelta(days=n // 7),
                }
                for n in range(count)
            ],
        )


def test_keyset_windows_cover_every_row_once_even_with_inserts_between(db, log):
    add_many(db, log.group, 995, date(2020, 1, 1))
    total = decisions.count_decisions(db, log.group)
    assert total == 1000
    seen: list[int] = []
    after = None
    windows = 0
    while True:
        window = decisions.list_decisions(db, log.group, after=after, limit=64)
        if not window:
            break
        seen += [row.id for row in window]
        after = window[-1].key
        windows += 1
        if windows == 3:  # decisions recorded meanwhile, newer and older than the window
            decisions.record_decision(db, log.group, "Brand new", date(2026, 1, 1))
            decisions.record_decision(db, log.group, "Old one", date(2019, 1, 1))
    assert len(seen) == len(set(seen))
    everything = [row.id for row in decisions.list_decisions(db, log.group)]
    old_one = everything[-1]
    assert set(seen) == set(everything) - {everything[0]}  # all but the newer one, once each
    assert old_one in seen
    assert seen == [i for i in everything if i in set(seen)]  # in the log's order


def test_keyset_windows_respect_the_filter(db, log):
    add_many(db, log.group, 300, date(2020, 1, 1))
    wanted = DecisionFilter(text="decision 1")  # 1, 10–19, 100–199
    expected = [row.id for row in decisions.list_decisions(db, log.group, wanted)]
    assert len(expected) == 111
    seen, after = [], None
    while window := decisions.list_decisions(db, log.group, wanted, after=after, limit=25):
        seen += [row.id for row in window]
        after = window[-1].key
    assert seen == expected


def test_offset_windows_still_work(db, log):
    first = decisions.list_decisions(db, log.group, offset=0, limit=2)
    second = decisions.list_decisions(db, log.group, offset=2, limit=2)
    assert [r.id for r in first + second] == [log.unraised, log.urdu, log.polish, log.letter]


def test_details_of_a_decision(db, log):
    details = decisions.get_decision(db, log.letter)
    assert details.wording == "Letters will say who to ring, in large print."
    assert (details.raised_by, details.raised_by_role) == ("Dev", Role.STAFF)
    assert details.how_agreed is AgreementMethod.CONSENSUS
    assert (details.meeting_title, details.meeting_starts_at) == (
        "March session",
        datetime(2025, 3, 4, 10),
    )
    assert [aim.text for aim in details.aims] == ["Letters in plain words"]
    [action] = details.actions
    assert (action.description, action.owner, action.status) == (
        "Ask the printers",
        "Grace Okafor",
        ActionStatus.NOT_STARTED,
    )
    assert action.outcome == "The printers now use 16 point Arial"
    assert [entry.field for entry in details.history] == [
        "recorded",
        "action added",
        "action owner",
        "action outcome",
    ]
    assert details.row.open_actions == 1
    assert details.row.wording == details.wording


def test_every_kind_of_edit_keeps_history(db, log):
    changed = decisions.change_decision(
        db,
        log.ramp,
        changed_by="Aisha",
        reason="Agreed again at the April session",
        wording="Ramp requests will be answered within one working day.",
        status=DecisionStatus.IN_PROGRESS,
        aim_ids=(log.ramps, log.letters),
        how_agreed=AgreementMethod.MAJORITY_VOTE,
        how_agreed_note="Seven for, two against",
        require_reason=True,
    )
    assert changed == 5
    [action] = decisions.get_decision(db, log.ramp).actions
    assert (
        decisions.update_action(
            db,
            action.id,
            changed_by="Dev",
            reason="Dev is away",
            owner_id=log.grace,
            due_on=date(2025, 5, 1),
            status=ActionStatus.DONE,
            outcome="Fitters phoned; they start Monday",
            done_on=date(2025, 4, 20),
            description="Phone the ramp fitters today",
        )
        == 6
    )
    details = decisions.get_decision(db, log.ramp)
    trail = [(e.field, e.old_value, e.new_value) for e in details.history]
    assert trail == [
        ("recorded", "", "Ramp requests will be answered within two working days."),
        ("action added", "", "Phone the ramp fitters"),
        ("action owner", "", "Dev"),
        (
            "wording",
            "Ramp requests will be answered within two working days.",
            "Ramp requests will be answered within one working day.",
        ),
        ("status", "Agreed", "In progress"),
        ("how agreed", "Everyone agreed", "Majority vote"),
        ("how agreed note", "", "Seven for, two against"),
        (
            "aims",
            "Ramps fitted within a month",
            "Ramps fitted within a month; Letters in plain words",
        ),
        ("action description", "Phone the ramp fitters", "Phone the ramp fitters today"),
        ("action owner", "Dev", "Grace Okafor"),
        ("action due date", "", "2025-05-01"),
        ("action status", "Not started", "Done"),
        ("action outcome", "", "Fitters phoned; they start Monday"),
        ("action done date", "", "2025-04-20"),
    ]
    assert details.history[3].reason == "Agreed again at the April session"
    assert details.history[3].changed_by == "Aisha"
    assert details.history[-1].reason == "Dev is away"
    assert details.actions[0].owner == "Grace Okafor"
    assert details.row.open_actions == 0

    # Clearing a date or an owner is a change too; leaving them out is not.
    assert decisions.update_action(db, action.id, changed_by="Dev", due_on=None) == 1
    assert decisions.update_action(db, action.id, changed_by="Dev", done_on=UNCHANGED) == 0
    last = decisions.get_decision(db, log.ramp).history[-1]
    assert (last.field, last.old_value, last.new_value) == ("action due date", "2025-05-01", "")
    # Saving what is already there adds nothing.
    assert (
        decisions.change_decision(
            db, log.ramp, changed_by="Aisha", aim_ids=(log.letters, log.ramps)
        )
        == 0
    )


def test_adding_an_action_with_its_due_date(db, log):
    action = decisions.add_action(
        db, log.polish, "Order yellow cards", owner_id=log.tomasz, due_on=date(2025, 5, 2)
    )
    details = decisions.get_decision(db, log.polish)
    assert [(a.id, a.owner, a.due_on) for a in details.actions] == [
        (action, "Tomasz Nowak", date(2025, 5, 2))
    ]
    assert [e.field for e in details.history][-3:] == [
        "action added",
        "action owner",
        "action due date",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"wording": "  "}, "Please write the decision's wording"),
        ({"wording": "New", "reason": ""}, "Please write the reason for the change"),
        ({"wording": "New", "changed_by": " "}, "Please give the name of who is changing it"),
        ({"how_agreed_note": "a\x00b"}, "hidden control character"),
        ({"aim_ids": (999,)}, "One of those aims is no longer on record"),
    ],
)
def test_edits_are_refused_in_plain_words_and_change_nothing(db, log, change, message):
    before = decisions.get_decision(db, log.ramp)
    arguments = {"changed_by": "Aisha", "reason": "Because", "require_reason": True} | change
    with pytest.raises((ValidationError, NotFound), match=message):
        decisions.change_decision(db, log.ramp, **arguments)
    assert decisions.get_decision(db, log.ramp) == before


def test_action_refusals(db, log):
    before = decisions.get_decision(db, log.ramp)
    [action] = before.actions
    with pytest.raises(ValidationError, match="Please write what will be done"):
        decisions.add_action(db, log.ramp, " ")
    with pytest.raises(NotFound, match="no longer on record"):
        decisions.add_action(db, log.ramp, "Something", owner_id=9999)
    with pytest.raises(NotFound, match="no longer on record"):
        decisions.update_action(db, action.id, changed_by="Dev", owner_id=9999)
    with pytest.raises(ValidationError, match="between the years"):
        decisions.update_action(db, action.id, changed_by="Dev", due_on=date(1066, 1, 1))
    with pytest.raises(NotFound, match="That action no longer exists"):
        decisions.update_action(db, 9999, changed_by="Dev", status=ActionStatus.DONE)
    with pytest.raises(NotFound, match="That decision no longer exists"):
        decisions.get_decision(db, 9999)
    assert decisions.get_decision(db, log.ramp) == before
