"""Sessions, aims, decisions, actions, comments, notes and the decision search, fed the
worst text: saved exactly, or refused plainly. (The rule and the shared file:
bad_input.py, bad_input_db.py.)"""

from __future__ import annotations

from datetime import date, datetime, time

from bad_input import MEGABYTE, TOO_LONG, any_text, examples, must_refuse
from bad_input_db import attempt, numbers, searched
from hypothesis import example, given
from hypothesis import strategies as st

from app.models import AimOutcome, MeetingStatus, Note
from app.services import (
    aims,
    comments,
    decision_log,
    decisions,
    live_actions,
    meetings,
    people,
)
from app.services.live import read_live
from app.services.session_editing import AgendaLine, BreakLine

when = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))


@examples(300)
@given(title=any_text(), item=any_text(), starts_at=when)
@example(title="Sesiwn", item="Agenda", starts_at=datetime(1, 1, 1))
@example(title="Sesiwn", item="Agenda", starts_at=datetime(9999, 12, 31, 23, 59))
def test_planning_sessions(shared, title: str, item: str, starts_at: datetime) -> None:
    db, group = shared["db"], shared["group"]
    row = attempt(
        db,
        title + item,
        lambda: meetings.plan_meeting(db, group, title, starts_at, [(item, 20)]),
    )
    if row is not None:
        got = meetings.get_session(db, row.id)
        assert got.title == title.strip()
        assert got.starts_at == starts_at
        assert [line.title for line in got.agenda] == [item.strip()]
        assert 1900 <= starts_at.year <= 2200


@examples(80)
@given(details=any_text(200), label=any_text(), supporter=any_text())
def test_editing_sessions(shared, details: str, label: str, supporter: str) -> None:
    db, group = shared["db"], shared["group"]
    planned = meetings.plan_meeting(
        db, group, f"Edited {next(numbers)}", datetime(2026, 6, 1, 10, 30), [("First", 30)]
    )
    current = meetings.get_session(db, planned.id)
    member = people.list_members(db, group)[0]
    changed = type(current)(
        **{
            **current.__dict__,
            "agenda": (AgendaLine(current.agenda[0].id, "First", 30, details),),
            "breaks": (BreakLine(1, 10, label),),
            "attendance": (people_line(member.person_id, supporter),),
        }
    )
    saved = attempt(db, details + label + supporter, lambda: meetings.save_session(db, changed))
    if saved is not None:
        got = meetings.get_session(db, planned.id)
        assert got.agenda[0].details == details
        assert got.breaks[0].label == label.strip()
        assert got.attendance[0].supporter_name == supporter.strip()


def people_line(person_id: int, supporter: str):  # type: ignore[no-untyped-def]
    from app.models import AttendanceStatus
    from app.services.session_editing import AttendanceLine

    return AttendanceLine(person_id, AttendanceStatus.PRESENT, bool(supporter), supporter)


@examples(300)
@given(title=any_text(), measure=any_text(200), note=any_text(200))
def test_aims_and_their_reviews(shared, title: str, measure: str, note: str) -> None:
    db, group, meeting = shared["db"], shared["group"], shared["meeting"]
    row = attempt(db, title + measure, lambda: aims.add_aim(db, group, title, measure))
    if row is not None:
        got = next(a for a in aims.list_aims(db, group) if a.id == row.id)
        assert (got.title, got.how_we_will_know) == (title.strip(), measure)
        reviewed = attempt(
            db, note, lambda: aims.review_aim(db, row.id, meeting, AimOutcome.PROGRESSING, note)
        )
        if reviewed is not None or not must_refuse(note):
            history = aims.get_aim_history(db, row.id)
            assert [h.note for h in history] == ([note] if not must_refuse(note) else [])


@examples(300)
@given(wording=any_text(200), who=any_text(), reason=any_text(200), decided=st.dates())
@example(wording=MEGABYTE, who="Facilitator", reason="", decided=date(2026, 1, 1))
@example(wording="x", who="", reason="", decided=date(1, 1, 1))
def test_decisions(shared, wording: str, who: str, reason: str, decided: date) -> None:
    db, group = shared["db"], shared["group"]
    number = attempt(
        db,
        wording + who,
        lambda: decisions.record_decision(db, group, wording, decided, recorded_by=who),
    )
    if number is None:
        return
    got = decisions.get_decision(db, number)
    assert got.wording == wording and got.decided_on == decided
    assert 1900 <= decided.year <= 2200
    new = "Changed: " + wording
    changed = attempt(
        db,
        who + reason,
        lambda: decisions.change_decision(db, number, changed_by=who, reason=reason, wording=new),
    )
    if changed is not None:
        assert decisions.get_decision(db, number).wording == new
        assert decisions.history(db, number)[-1].reason == reason


@examples(300)
@given(description=any_text(200), outcome=any_text(200), due=st.dates())
def test_actions(shared, description: str, outcome: str, due: date) -> None:
    db, decision = shared["db"], shared["decision"]
    number = attempt(
        db, description, lambda: decisions.add_action(db, decision, description, due_on=due)
    )
    if number is None:
        return
    updated = attempt(
        db,
        outcome,
        lambda: decisions.update_action(db, number, changed_by="Sam", outcome=outcome),
    )
    action = next(a for a in decisions.get_decision(db, decision).actions if a.id == number)
    assert action.description == description
    assert action.due_on == due
    assert action.outcome == (outcome if updated is not None else "")


@examples(300)
@given(text=any_text(300))
@example(text=MEGABYTE)
@example(text=TOO_LONG)
def test_comments_on_decisions_and_sessions(shared, text: str) -> None:
    db, decision, meeting = shared["db"], shared["decision"], shared["meeting"]
    for add, read, on in (
        (comments.add_comment, lambda: decisions.get_decision(db, decision).comments, decision),
        (
            comments.add_session_comment,
            lambda: comments.session_comments(db, meeting).comments,
            meeting,
        ),
    ):
        before = read()
        number = attempt(db, text, lambda add=add, on=on: add(db, on, None, text))
        after = read()
        if number is None:
            assert after == before
            assert must_refuse(text) or not text.strip() or len(text) > len(MEGABYTE)
        else:
            assert after[-1].text == text and len(after) == len(before) + 1


@examples(300)
@given(text=any_text(300))
@example(text=MEGABYTE)
@example(text=TOO_LONG)
def test_session_notes(shared, text: str) -> None:
    db, meeting = shared["db"], shared["meeting"]
    saved = attempt(db, text, lambda: live_actions.save_notes(db, meeting, None, text) or True)
    if saved is not None:
        with db.transaction() as session:
            kept = session.query(Note).filter_by(meeting_id=meeting, agenda_item_id=None).first()
            assert (kept.text if kept else "") == text


@examples(150)
@given(name=any_text())
@example(name=TOO_LONG)
def test_naming_a_supporter_in_live_mode(shared, name: str) -> None:
    db, group, meeting = shared["db"], shared["group"], shared["meeting"]
    member = people.list_members(db, group)[0]
    kept = attempt(
        db, name, lambda: live_actions.name_supporter(db, meeting, member.person_id, name)
    )
    if kept is not None:
        person = read_live(db, meeting).person(member.person_id)
        assert person is not None and person.with_supporter
        assert person.supporter_name == kept == name.strip()


@examples(400)
@given(typed=any_text())
@example(typed='"')
@example(typed="NEAR(")
@example(typed="*")
@example(typed="AND")
def test_searching_decisions_never_fails_and_finds_what_was_saved(shared, typed: str) -> None:
    db, group = shared["db"], shared["group"]
    wanted = decision_log.DecisionFilter(text=typed)
    if searched(lambda: decision_log.count_decisions(db, group, wanted)) is None:
        return
    assert isinstance(decision_log.list_decisions(db, group, wanted, limit=5), list)
    wording = f"Agreed {next(numbers)}: {typed}"
    number = attempt(
        db, wording, lambda: decisions.record_decision(db, group, wording, date(2026, 2, 2))
    )
    # The search folds runs of spaces and line breaks into one space, as it says.
    if number is not None and wanted.search and wanted.search in wording:
        rows = decision_log.list_decisions(db, group, wanted)
        assert number in [row.id for row in rows], typed


def test_a_session_with_every_status_reads_back(shared) -> None:
    db, group = shared["db"], shared["group"]
    for status in MeetingStatus:
        row = meetings.plan_meeting(
            db, group, f"Status {status}", datetime.combine(date(2026, 7, 1), time(10)), []
        )
        current = meetings.get_session(db, row.id)
        meetings.save_session(db, type(current)(**{**current.__dict__, "status": status}))
        assert meetings.get_session(db, row.id).status == status
