"""Live session services: check-in, notes, turns, breaks, decisions, closing and payments,
each read back from the real data file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from app.errors import NotFound, ValidationError
from app.models import Comment, Payment
from app.models.enums import AimOutcome, AttendanceStatus, MeetingStatus
from app.services import decisions, live_actions, live_close, meetings
from app.services.live import open_live, read_live
from tests.live_sample import make_live_session

START = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)


def test_opening_starts_at_the_first_item_and_shows_everything_planned(db) -> None:
    sample = make_live_session(db)
    state = open_live(db, sample.meeting_id, now=START)
    assert [item.title for item in state.items] == [
        "Welcome and check-in",
        "Repairs: what has changed",
    ]
    assert [item.minutes for item in state.items] == [10, 45]
    assert state.current_item_id == sample.items[0]
    assert state.item_started_at == START
    assert [(b.after_position, b.minutes, b.taken) for b in state.breaks] == [(1, 15, False)]
    assert [aim.title for aim in state.aims] == ["Repairs within two weeks", "Clear letters"]
    assert {person.name for person in state.people} == {
        "Margaret O'Neill",
        "Tomasz Nowak",
        "Grace Okafor",
        "Dev Sharma",
    }
    assert all(person.status is None for person in state.people)
    # Opening again later carries on where it was, rather than restarting the clock.
    again = open_live(db, sample.meeting_id, now=START + timedelta(minutes=5))
    assert again.item_started_at == START


def test_check_in_with_a_supporter_and_a_late_arrival(db) -> None:
    sample = make_live_session(db)
    margaret, tomasz = sample.people["Margaret"], sample.people["Tomasz"]
    live_actions.check_in(db, sample.meeting_id, margaret, AttendanceStatus.PRESENT)
    live_actions.check_in(
        db,
        sample.meeting_id,
        tomasz,
        AttendanceStatus.ABSENT,
        with_supporter=True,
        supporter_name="Ola",
    )
    live_actions.check_in(db, sample.meeting_id, tomasz, AttendanceStatus.PRESENT)  # late
    state = read_live(db, sample.meeting_id)
    assert state.person(margaret).status == AttendanceStatus.PRESENT  # type: ignore[union-attr]
    late = state.person(tomasz)
    assert late is not None and late.status == AttendanceStatus.PRESENT
    assert late.with_supporter and late.supporter_name == "Ola"


def test_notes_save_whole_and_again_changes_nothing(db) -> None:
    sample = make_live_session(db)
    first = sample.items[0]
    for text in ("We", "We began with", "We began with tea ☕ and names.\nŻaneta joined."):
        live_actions.save_notes(db, sample.meeting_id, first, text)
    live_actions.save_notes(
        db, sample.meeting_id, first, "We began with tea ☕ and names.\nŻaneta joined."
    )
    state = read_live(db, sample.meeting_id)
    assert state.item(first).notes == "We began with tea ☕ and names.\nŻaneta joined."  # type: ignore[union-attr]
    assert state.item(sample.items[1]).notes == ""  # type: ignore[union-attr]
    with db.transaction() as session:
        from sqlalchemy import func, select

        from app.models import Note

        assert session.scalar(select(func.count()).select_from(Note)) == 1
    with pytest.raises(ValidationError):
        live_actions.save_notes(db, sample.meeting_id, first, "bad \x00 text")
    with pytest.raises(NotFound):
        live_actions.save_notes(db, sample.meeting_id, 99_999, "on no item")


def test_turns_are_counted_per_item_and_sent_in_contributions_count(db) -> None:
    sample = make_live_session(db)
    margaret, grace = sample.people["Margaret"], sample.people["Grace"]
    first, second = sample.items
    live_actions.mark_contribution(db, sample.meeting_id, margaret, first)
    live_actions.mark_contribution(db, sample.meeting_id, margaret, first)
    live_actions.mark_contribution(db, sample.meeting_id, margaret, second)
    live_actions.mark_contribution(db, sample.meeting_id, grace, second, sent_beforehand=True)
    with db.transaction() as session:
        session.add(Comment(author_id=grace, meeting_id=sample.meeting_id, text="Sent by post"))
    assert live_actions.take_back_contribution(db, sample.meeting_id, margaret, first)
    turns = {
        (t.person_id, t.agenda_item_id): (t.spoken, t.sent_beforehand)
        for t in read_live(db, sample.meeting_id).turns
    }
    assert turns == {
        (margaret, first): (1, 0),
        (margaret, second): (1, 0),
        (grace, second): (0, 1),
        (grace, None): (0, 1),
    }
    # Taking back a turn never takes back something sent in, nor the other way round.
    assert not live_actions.take_back_contribution(db, sample.meeting_id, grace, second)
    assert live_actions.take_back_contribution(
        db, sample.meeting_id, grace, second, sent_beforehand=True
    )
    assert not live_actions.take_back_contribution(
        db, sample.meeting_id, margaret, second, sent_beforehand=True
    )
    after = {(t.person_id, t.agenda_item_id) for t in read_live(db, sample.meeting_id).turns}
    assert after == {(margaret, first), (margaret, second), (grace, None)}


def test_breaks_pause_the_item_clock_and_moving_on_restarts_it(db) -> None:
    sample = make_live_session(db)
    open_live(db, sample.meeting_id, now=START)
    taken = live_actions.start_break(
        db,
        sample.meeting_id,
        15,
        planned_break_id=sample.breaks[0],
        now=START + timedelta(minutes=8),
    )
    assert taken > 0
    with pytest.raises(ValidationError):
        live_actions.start_break(db, sample.meeting_id, 5)
    running = read_live(db, sample.meeting_id).running_break
    assert running is not None and running.minutes == 15
    live_actions.end_break(db, sample.meeting_id, now=START + timedelta(minutes=20))
    state = read_live(db, sample.meeting_id)
    assert state.running_break is None and state.breaks[0].taken
    assert state.item_started_at == START + timedelta(minutes=12)
    moved_at = START + timedelta(minutes=30)
    live_actions.move_to_item(db, sample.meeting_id, sample.items[1], now=moved_at)
    state = read_live(db, sample.meeting_id)
    assert (state.current_item_id, state.item_started_at) == (sample.items[1], moved_at)


def test_decisions_and_actions_from_the_session(db) -> None:
    sample = make_live_session(db)
    margaret, dev = sample.people["Margaret"], sample.people["Dev"]
    decision = live_actions.record_decision(
        db, sample.meeting_id, "Repairs will be booked by phone or text.", raised_by_id=margaret
    )
    live_actions.record_action(
        db,
        sample.meeting_id,
        "Ask the service about text booking",
        owner_id=dev,
        due_on=date(2025, 4, 1),
        decision_id=decision,
    )
    live_actions.record_action(db, sample.meeting_id, "Send the notes round")
    with pytest.raises(ValidationError):
        live_actions.record_decision(db, sample.meeting_id, "   ")
    state = read_live(db, sample.meeting_id)
    assert [(d.wording, d.raised_by) for d in state.decisions] == [
        ("Repairs will be booked by phone or text.", "Margaret O'Neill")
    ]
    assert [(a.description, a.owner, a.due_on) for a in state.actions] == [
        ("Ask the service about text booking", "Dev Sharma", date(2025, 4, 1)),
        ("Send the notes round", "", None),
    ]


def test_closing_reviews_aims_summarises_and_suggests_payments_to_confirm(db) -> None:
    sample = make_live_session(db, rate_pence=1500)
    meeting = sample.meeting_id
    for name in ("Margaret", "Grace", "Dev"):
        live_actions.check_in(db, meeting, sample.people[name], AttendanceStatus.PRESENT)
    live_actions.check_in(db, meeting, sample.people["Tomasz"], AttendanceStatus.APOLOGIES)
    live_close.review_aim(db, meeting, sample.aims["repairs"], AimOutcome.PROGRESSING, "Nearer")
    live_close.review_aim(db, meeting, sample.aims["letters"], AimOutcome.NOT_YET)
    live_actions.start_break(db, meeting, 10)
    result = live_close.close_session(db, meeting)
    assert result.held and read_live(db, meeting).status == MeetingStatus.HELD
    assert read_live(db, meeting).running_break is None
    assert set(result.present) == {"Margaret O'Neill", "Grace Okafor", "Dev Sharma"}
    assert result.apologies == ("Tomasz Nowak",)
    assert [(a.title, a.outcome, a.note) for a in result.aims] == [
        ("Repairs within two weeks", AimOutcome.PROGRESSING, "Nearer"),
        ("Clear letters", AimOutcome.NOT_YET, ""),
    ]
    suggestions = live_close.suggest_payments(db, meeting)
    # Staff are paid by their employer; the session was planned at 10 + 45 + 15 minutes.
    assert {(s.name, s.minutes, s.pence, s.confirmed) for s in suggestions} == {
        ("Margaret O'Neill", 70, 1750, False),
        ("Grace Okafor", 70, 1750, False),
    }
    with db.transaction() as session:
        from sqlalchemy import select

        assert session.scalars(select(Payment)).all() == []  # suggested is not confirmed
    made = live_close.confirm_payments(
        db,
        meeting,
        [(s.person_id, s.minutes) for s in suggestions],
        declined=(sample.people["Grace"],),
    )
    assert made == 2
    assert live_close.confirm_payments(db, meeting, [(sample.people["Margaret"], 70)]) == 0
    assert all(s.confirmed for s in live_close.suggest_payments(db, meeting))
    with db.transaction() as session:
        from sqlalchemy import select

        paid = {
            p.person_id: (p.minutes_given, p.time_pence, p.declined)
            for p in session.scalars(select(Payment))
        }
    assert paid == {
        sample.people["Margaret"]: (70, 1750, False),
        sample.people["Grace"]: (70, 0, True),
    }


def test_a_supporter_goes_with_being_present(db) -> None:
    sample = make_live_session(db)
    grace = sample.people["Grace"]

    def grace_now() -> tuple[AttendanceStatus | None, bool]:
        person = read_live(db, sample.meeting_id).person(grace)
        assert person is not None
        return person.status, person.with_supporter

    assert live_actions.toggle_supporter(db, sample.meeting_id, grace) is True
    assert grace_now() == (AttendanceStatus.PRESENT, True)
    # Someone who sent apologies (or is absent) has no supporter with them…
    live_actions.check_in(db, sample.meeting_id, grace, AttendanceStatus.APOLOGIES)
    assert grace_now() == (AttendanceStatus.APOLOGIES, False)
    # …so S on them means they came after all, with a supporter.
    assert live_actions.toggle_supporter(db, sample.meeting_id, grace) is True
    assert grace_now() == (AttendanceStatus.PRESENT, True)
    # On someone present with a supporter, S notes none after all; they stay present.
    assert live_actions.toggle_supporter(db, sample.meeting_id, grace) is False
    assert grace_now() == (AttendanceStatus.PRESENT, False)


def test_a_supporter_is_named_keeping_the_check_in_and_the_name_goes_with_them(db) -> None:
    sample = make_live_session(db)
    grace, dev = sample.people["Grace"], sample.people["Dev"]
    # Named before being checked in: present, with that supporter.
    assert live_actions.name_supporter(db, sample.meeting_id, grace, "  Ola Bello ") == "Ola Bello"
    person = read_live(db, sample.meeting_id).person(grace)
    assert person is not None
    assert (person.status, person.with_supporter, person.supporter_name) == (
        AttendanceStatus.PRESENT,
        True,
        "Ola Bello",
    )
    # Checking in again keeps the supporter and their name.
    live_actions.check_in(db, sample.meeting_id, grace, AttendanceStatus.PRESENT)
    person = read_live(db, sample.meeting_id).person(grace)
    assert person is not None and person.supporter_name == "Ola Bello"
    # A supporter whose name was not given; someone marked absent who comes in with a
    # supporter is present (a supporter goes with being present).
    live_actions.check_in(db, sample.meeting_id, dev, AttendanceStatus.ABSENT)
    assert live_actions.name_supporter(db, sample.meeting_id, dev, "") == ""
    person = read_live(db, sample.meeting_id).person(dev)
    assert person is not None
    assert (person.status, person.with_supporter) == (AttendanceStatus.PRESENT, True)
    # Coming without a supporter after all forgets the name.
    assert live_actions.toggle_supporter(db, sample.meeting_id, grace) is False
    person = read_live(db, sample.meeting_id).person(grace)
    assert person is not None and (person.with_supporter, person.supporter_name) == (False, "")
    with pytest.raises(ValidationError, match="supporter's name"):
        live_actions.name_supporter(db, sample.meeting_id, grace, "x" * 201)
    person = read_live(db, sample.meeting_id).person(grace)
    assert person is not None and not person.with_supporter  # the refusal changed nothing
    with pytest.raises(NotFound):
        live_actions.name_supporter(db, sample.meeting_id, 10_000, "Ola")


def test_staff_confirm_their_own_minutes_and_choices_which_the_next_session_remembers(db) -> None:
    sample = make_live_session(db, rate_pence=1200)
    group, first = sample.group_id, sample.meeting_id  # held on 4 March
    margaret, grace = sample.people["Margaret"], sample.people["Grace"]
    april = meetings.plan_meeting(db, group, "Letters", datetime(2025, 4, 1, 10), [("Letters", 60)])
    may = meetings.plan_meeting(db, group, "Repairs", datetime(2025, 5, 6, 10), [("Repairs", 60)])
    for meeting in (first, april.id, may.id):
        for person in (margaret, grace):
            live_actions.check_in(db, meeting, person, AttendanceStatus.PRESENT)

    # March: Margaret came late and chose not to be paid; Grace chose not to be paid either.
    live_close.confirm_payments(
        db,
        first,
        [(margaret, 30), (grace, 70)],
        declined=(margaret, grace),
        paid_on=date(2025, 3, 5),
    )
    shown = {
        s.name: (s.minutes, s.declined, s.confirmed, s.pence)
        for s in live_close.suggest_payments(db, first)
    }
    assert shown == {
        "Margaret O'Neill": (30, True, True, 0),
        "Grace Okafor": (70, True, True, 0),
    }
    offered = {s.person_id: s.declined for s in live_close.suggest_payments(db, april.id)}
    assert offered == {margaret: True, grace: True}  # offered the same choice again

    # April: Margaret takes payment. The rate changed while staff looked at the summary:
    # what is recorded is the rate they were shown.
    with db.transaction() as session:
        from app.models import Group

        session.get(Group, group).hourly_rate_pence = 3000  # type: ignore[union-attr]
    live_close.confirm_payments(
        db,
        april.id,
        [(margaret, 60), (grace, 60)],
        declined=(grace,),
        paid_on=date(2025, 4, 2),
        rate_pence_per_hour=1200,
    )
    offered = {
        s.person_id: (s.declined, s.minutes, s.pence)
        for s in live_close.suggest_payments(db, may.id)
    }
    assert offered == {margaret: (False, 60, 3000), grace: (True, 60, 0)}

    with db.transaction() as session:
        paid = {
            (p.person_id, p.meeting_id): (p.paid_on, p.rate_pence_per_hour, p.time_pence)
            for p in session.scalars(select(Payment))
        }
    assert paid[(margaret, first)] == (None, 1200, 0)  # no date paid for a declined payment
    assert paid[(grace, april.id)] == (None, 1200, 0)
    assert paid[(margaret, april.id)] == (date(2025, 4, 2), 1200, 1200)
    with pytest.raises(ValidationError, match="The minutes given must be between 1"):
        live_close.confirm_payments(db, may.id, [(margaret, 0)])


def test_the_choice_offered_follows_the_latest_session_held_not_the_latest_confirmed(db) -> None:
    sample = make_live_session(db, rate_pence=1500)
    group, march = sample.group_id, sample.meeting_id
    margaret = sample.people["Margaret"]
    april = meetings.plan_meeting(db, group, "Letters", datetime(2025, 4, 1, 10), [("Letters", 60)])
    may = meetings.plan_meeting(db, group, "Repairs", datetime(2025, 5, 6, 10), [("Repairs", 60)])
    for meeting in (march, april.id, may.id):
        live_actions.check_in(db, meeting, margaret, AttendanceStatus.PRESENT)
    # April is confirmed first (paid); March's is confirmed late, as declined.
    live_close.confirm_payments(db, april.id, [(margaret, 60)])
    live_close.confirm_payments(db, march, [(margaret, 70)], declined=(margaret,))
    assert [s.declined for s in live_close.suggest_payments(db, may.id)] == [False]
    # Before April, the latest session held is March, where she declined.
    with db.transaction() as session:
        session.execute(delete(Payment).where(Payment.meeting_id == april.id))
    live_close.confirm_payments(db, may.id, [(margaret, 60)])
    assert [s.declined for s in live_close.suggest_payments(db, april.id)] == [True]


def test_what_live_mode_records_is_marked_as_recorded_in_the_session(db) -> None:
    """No one is named: live mode is run from the group's laptop, by whoever is at it."""
    sample = make_live_session(db)
    decision = live_actions.record_decision(db, sample.meeting_id, "Letters in large print.")
    live_actions.record_action(db, sample.meeting_id, "Ask the printers", decision_id=decision)
    history = decisions.get_decision(db, decision).history
    assert [(e.field, e.changed_by, e.in_session) for e in history] == [
        ("recorded", "", True),
        ("action added", "", True),
    ]
    # Recorded by a person in the Decisions area, it is theirs.
    other = decisions.record_decision(
        db, sample.group_id, "Forms online.", date(2025, 3, 4), recorded_by="Aisha"
    )
    assert [(e.changed_by, e.in_session) for e in decisions.get_decision(db, other).history] == [
        ("Aisha", False)
    ]
