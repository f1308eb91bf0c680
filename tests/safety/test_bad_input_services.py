"""Every service that takes text, fed the worst of it: saved exactly, or refused plainly.

One shared data file per module (made once, fsync off for speed: durability is not what
is tested here), fixed cases (derandomised), thousands of them in all.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time

import pytest
from bad_input import (
    MEGABYTE,
    TOO_LONG,
    any_text,
    assert_plain,
    examples,
    must_refuse,
    ordinary,
)
from hypothesis import example, given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.models import AimOutcome, MeetingStatus, Note, Role
from app.services import (
    aims,
    decision_log,
    decisions,
    example_data,
    groups,
    live_actions,
    meetings,
    people,
    venues,
)
from app.services.people import MemberDetails
from app.services.session_editing import AgendaLine, BreakLine
from app.storage import open_database

numbers = itertools.count(1)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path_factory.mktemp("bad-input"))
    with db.sqlite_connection() as connection:
        connection.execute("PRAGMA synchronous=OFF")
    example_data.load_example_data(db)
    group = groups.list_groups(db)[0]
    meeting = meetings.list_meetings(db, group.id)[0]
    decision = decision_log.list_decisions(db, group.id)[0]
    yield {"db": db, "group": group.id, "meeting": meeting.id, "decision": decision.id}
    assert db.problems(full=True) == []
    db.close()


def counts(db) -> dict[str, int]:
    with db.sqlite_connection() as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def attempt(db, text: str, call, *, short: bool = False):  # type: ignore[no-untyped-def]
    """Run ``call``: a refusal must be plain and change nothing; NUL and friends must be
    refused, ordinary words must be kept. Returns the result, or None if refused."""
    before = counts(db)
    try:
        result = call()
    except ValidationError as refused:
        assert_plain(refused)
        assert counts(db) == before, "a refusal changed the file"
        assert not (short and ordinary(text)), f"ordinary words refused: {text!r}"
        return None
    assert not must_refuse(text), f"kept a control or broken character: {text!r}"
    return result


def searched(call):  # type: ignore[no-untyped-def]
    """A search finds something or nothing; only a whole document pasted in, or a broken
    character, is refused."""
    try:
        return call()
    except ValidationError as refused:
        assert_plain(refused)
        assert "too long" in str(refused) or "broken character" in str(refused)
        return None


def kept_as(text: str, short: bool) -> str:
    return text.strip() if short else text


@examples(400)
@given(name=any_text(), purpose=any_text(200))
@example(name="Ysgol Gymraeg 👩🏽‍🦽", purpose=MEGABYTE)
@example(name="x", purpose=TOO_LONG)
def test_groups(shared, name: str, purpose: str) -> None:
    db = shared["db"]
    unique = f"{name} {next(numbers)}"
    made = attempt(db, unique + purpose, lambda: groups.create_group(db, unique, purpose))
    if made is not None:
        found = next(g for g in groups.list_groups(db) if g.id == made.id)
        assert (found.name, found.purpose) == (unique.strip(), purpose)


@examples(400)
@given(full=any_text(), preferred=any_text(), pronouns=any_text(20))
def test_adding_members(shared, full: str, preferred: str, pronouns: str) -> None:
    db, group = shared["db"], shared["group"]
    row = attempt(
        db,
        full + preferred + pronouns,
        lambda: people.add_member(
            db, group, full, Role.LIVED_EXPERIENCE, preferred_name=preferred, pronouns=pronouns
        ),
        short=bool(ordinary(full) and ordinary(preferred + "x") and ordinary(pronouns + "x", 60)),
    )
    if row is not None:
        got = people.get_member(db, group, row.person_id)
        assert (got.full_name, got.preferred_name, got.pronouns) == (
            full.strip(),
            preferred.strip(),
            pronouns.strip(),
        )


@examples(300)
@given(address=any_text(200), note=any_text(200), phone=any_text(20))
@example(address="Flat 2\n10 Heol y Frenhines\nCaerdydd", note=MEGABYTE, phone="+44 7700 900123")
def test_sensitive_details(shared, address: str, note: str, phone: str) -> None:
    db, group = shared["db"], shared["group"]
    details = MemberDetails(
        person_id=None,
        full_name=f"Member {next(numbers)}",
        postal_address=address,
        access_needs_note=note,
        phone=phone,
        consent_to_store=True,
        consent_recorded_on=date(2026, 1, 5),
    )
    saved = attempt(db, address + note + phone, lambda: people.save_member(db, group, details))
    if saved is not None:
        got = people.get_member(db, group, saved.person_id)
        # The member's longer details lose only the spaces and blank lines around them.
        assert (got.postal_address, got.access_needs_note, got.phone) == (
            address.strip(),
            note.strip(),
            phone.strip(),
        )


@examples(400)
@given(typed=any_text())
@example(typed=MEGABYTE)
def test_searching_members_never_fails_and_finds_what_was_saved(shared, typed: str) -> None:
    db, group = shared["db"], shared["group"]
    if searched(lambda: people.search_members(db, group, typed, include_left=True)) is None:
        return
    name = f"Searchable {next(numbers)} {typed}"
    row = attempt(db, name, lambda: people.add_member(db, group, name, Role.GUEST))
    if row is not None and typed.strip():
        hits = people.search_members(db, group, typed, include_left=True)
        assert row.person_id in [hit.person_id for hit in hits], typed


@examples(300)
@given(name=any_text(), address=any_text(200), note=any_text(200))
def test_venues(shared, name: str, address: str, note: str) -> None:
    db = shared["db"]
    row = attempt(db, name + address + note, lambda: venues.save_venue(db, name, address, note))
    if row is not None:
        got = next(v for v in venues.list_venues(db) if v.id == row.id)
        assert (got.name, got.address, got.access_note) == (name.strip(), address, note)


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
def test_session_notes(shared, text: str) -> None:
    db, meeting = shared["db"], shared["meeting"]
    saved = attempt(db, text, lambda: live_actions.save_notes(db, meeting, None, text) or True)
    if saved is not None:
        with db.transaction() as session:
            kept = session.query(Note).filter_by(meeting_id=meeting, agenda_item_id=None).first()
            assert (kept.text if kept else "") == text


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
