"""Sessions read and saved whole: the running order, breaks, aims, venue and attendance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.errors import NotFound, ValidationError
from app.models import AttendanceStatus, MeetingStatus, Note, Role, VenueFeatureKind
from app.services import aims, groups, meetings, people, venues
from app.services.meetings import AgendaLine, AttendanceLine, BreakLine, SessionDetails

WHEN = datetime(2031, 5, 6, 10, 30)


@pytest.fixture
def group(db):
    return groups.create_group(db, "Kit That Works group")


@pytest.fixture
def members(db, group):
    return [
        people.add_member(db, group.id, "Margaret O'Neill", Role.CHAMPION),
        people.add_member(db, group.id, "Dev Sharma", Role.STAFF, preferred_name="Dev"),
    ]


def new_session(group, **changes) -> SessionDetails:
    details = SessionDetails(
        id=None,
        group_id=group.id,
        title="Wheelchair repairs",
        starts_at=WHEN,
        agenda=(AgendaLine(None, "Welcome", 10), AgendaLine(None, "Repairs", 45, "Waiting times")),
        breaks=(BreakLine(1, 15, "Tea"),),
    )
    return replace(details, **changes)


def note_count(db, **where) -> int:
    with db.transaction() as session:
        query = select(func.count()).select_from(Note).filter_by(**where)
        return session.scalar(query)


def test_a_new_session_is_saved_whole_and_read_back(db, group, members) -> None:
    aim = aims.add_aim(db, group.id, "Repairs within two weeks")
    hall = venues.save_venue(db, "Community hall", features=[VenueFeatureKind.HEARING_LOOP])
    margaret = members[0].person_id
    saved = meetings.save_session(
        db,
        new_session(
            group,
            title="  Wheelchair repairs ",
            venue_id=hall.id,
            aim_ids=(aim.id,),
            attendance=(AttendanceLine(margaret, AttendanceStatus.PRESENT, True, "Jo"),),
        ),
    )
    assert saved.id is not None
    assert saved.title == "Wheelchair repairs"
    assert [(line.title, line.minutes, line.details) for line in saved.agenda] == [
        ("Welcome", 10, ""),
        ("Repairs", 45, "Waiting times"),
    ]
    assert all(line.id is not None for line in saved.agenda)
    assert saved.breaks == (BreakLine(1, 15, "Tea"),)
    assert saved.aim_ids == (aim.id,)
    assert saved.venue_id == hall.id
    assert saved.attendance == (AttendanceLine(margaret, AttendanceStatus.PRESENT, True, "Jo"),)
    assert meetings.get_session(db, saved.id) == saved
    row = meetings.list_meetings(db, group.id)[0]
    assert (row.title, row.venue_name, row.planned_minutes) == (
        "Wheelchair repairs",
        "Community hall",
        70,
    )


def test_editing_keeps_agenda_items_and_the_notes_on_them(db, group) -> None:
    saved = meetings.save_session(db, new_session(group))
    welcome, repairs = saved.agenda
    with db.transaction() as session:
        session.add(Note(meeting_id=saved.id, agenda_item_id=repairs.id, text="Six weeks wait"))
        session.add(Note(meeting_id=saved.id, agenda_item_id=welcome.id, text="All here"))
    edited = meetings.save_session(
        db,
        replace(
            saved,
            agenda=(
                repairs._replace(title="Repairs: what has changed", minutes=40),
                AgendaLine(None, "Next steps", 20),
            ),
            breaks=(BreakLine(1, 10, "Stretch"), BreakLine(0, 5, "Arrive")),
        ),
    )
    assert edited.agenda[0].id == repairs.id
    assert [line.title for line in edited.agenda] == ["Repairs: what has changed", "Next steps"]
    assert edited.breaks == (BreakLine(0, 5, "Arrive"), BreakLine(1, 10, "Stretch"))
    # The note on the item that stayed is still on it; the other is kept for the session.
    assert note_count(db, agenda_item_id=repairs.id) == 1
    assert note_count(db, meeting_id=saved.id) == 2
    assert note_count(db, meeting_id=saved.id, agenda_item_id=None) == 1


def test_attendance_is_added_changed_and_taken_away(db, group, members) -> None:
    margaret, dev = (m.person_id for m in members)
    saved = meetings.save_session(
        db,
        new_session(
            group,
            attendance=(
                AttendanceLine(margaret, AttendanceStatus.APOLOGIES),
                AttendanceLine(dev, AttendanceStatus.PRESENT),
            ),
        ),
    )
    edited = meetings.save_session(
        db,
        replace(
            saved,
            status=MeetingStatus.HELD,
            attendance=(AttendanceLine(margaret, AttendanceStatus.PRESENT, True, "Jo Bloggs"),),
        ),
    )
    assert edited.status == MeetingStatus.HELD
    assert edited.attendance == (
        AttendanceLine(margaret, AttendanceStatus.PRESENT, True, "Jo Bloggs"),
    )
    # A supporter's name only means something when someone came with a supporter.
    again = meetings.save_session(
        db, replace(edited, attendance=(AttendanceLine(margaret, "absent", False, "Jo"),))
    )
    assert again.attendance == (AttendanceLine(margaret, AttendanceStatus.ABSENT, False, ""),)


def test_choices_offer_venues_open_aims_current_members_and_the_limits(db, group, members) -> None:
    hall = venues.save_venue(
        db, "Hall", "1 High Street", "Ramp at the side", [VenueFeatureKind.LIFT, "step_free"]
    )
    kept = aims.add_aim(db, group.id, "Clear letters")
    people.add_member(db, groups.create_group(db, "Other").id, "Someone else", Role.GUEST)
    left = people.mark_left(db, group.id, members[1].person_id, date(2025, 1, 1))
    choices = meetings.session_choices(db, group.id)
    assert (choices.session_limit_minutes, choices.break_interval_minutes) == (120, 45)
    assert choices.venues == (venues.list_venues(db)[0],)
    assert choices.venues[0].features == (VenueFeatureKind.STEP_FREE, VenueFeatureKind.LIFT)
    assert choices.venues[0].id == hall.id
    assert [aim.id for aim in choices.aims] == [kept.id]
    assert [person.name for person in choices.people] == ["Margaret O'Neill"]
    # Someone who has left still shows in the attendance of a session they were at.
    saved = meetings.save_session(
        db,
        new_session(group, attendance=(AttendanceLine(left.person_id, AttendanceStatus.PRESENT),)),
    )
    people_then = meetings.session_choices(db, group.id, saved.id).people
    assert [(p.name, p.current) for p in people_then] == [
        ("Dev", False),
        ("Margaret O'Neill", True),
    ]


def test_the_list_flags_planned_sessions_that_break_the_limits(db, group) -> None:
    meetings.save_session(db, new_session(group, title="Fine"))
    meetings.save_session(
        db,
        new_session(
            group,
            title="Long",
            starts_at=datetime(2031, 6, 1, 10),
            agenda=(AgendaLine(None, "Everything", 130),),
            breaks=(),
        ),
    )
    meetings.save_session(
        db,
        new_session(
            group,
            title="Held long ago",
            status=MeetingStatus.HELD,
            starts_at=datetime(2024, 1, 1, 10),
            agenda=(AgendaLine(None, "Everything", 130),),
        ),
    )
    rows = meetings.list_sessions(db, group.id)
    assert [(r.title, r.too_long, r.needs_break) for r in rows] == [
        ("Long", True, True),
        ("Fine", False, False),
        ("Held long ago", False, False),
    ]
    assert rows[0].planned_minutes == 130


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": " "}, "Please give the session's title."),
        ({"starts_at": datetime(1850, 1, 1)}, "between the years 1900 and 2200"),
        ({"starts_at": None}, "Please give the session's date and time."),
        ({"status": "postponed"}, "planned, held or cancelled"),
        ({"agenda": (AgendaLine(None, "", 10),)}, "Please give agenda item 1 a title."),
        ({"agenda": (AgendaLine(None, "Talk", 0),)}, "Agenda item 1's time in minutes must be"),
        ({"agenda": (AgendaLine(None, "Talk", 601),)}, "between 1 and 600"),
        ({"agenda": (AgendaLine(None, "A\nB", 10),)}, "must fit on one line"),
        ({"breaks": (BreakLine(3, 10),)}, "A break's place must be between 0 and 2."),
        ({"breaks": (BreakLine(1, 0),)}, "A break's length in minutes must be between 1 and 240."),
        ({"attendance": ((1, "late"),)}, "present, sent apologies or absent"),
        ({"summary": "Tea\x07"}, "The session's summary contains a hidden control character"),
        ({"feedback": "x" * 1_000_001}, "What people said about the session is too long"),
    ],
)
def test_bad_sessions_are_refused_in_plain_words_and_nothing_is_saved(
    db, group, changes, message
) -> None:
    with pytest.raises(ValidationError, match=message):
        meetings.save_session(db, new_session(group, **changes))
    assert meetings.list_meetings(db, group.id) == []


def test_the_summary_and_what_people_said_are_kept_as_written(db, group) -> None:
    saved = meetings.save_session(db, new_session(group, status=MeetingStatus.HELD))
    assert (saved.summary, saved.feedback) == ("", "")
    summary = "We heard about repairs.\n\nالإصلاحات تأخذ وقتا طويلا. 修理太慢了。"
    feedback = "  The room was warm; the loop worked.\nMore breaks next time, please.  "
    written = meetings.save_session(db, replace(saved, summary=summary, feedback=feedback))
    assert (written.summary, written.feedback) == (summary, feedback)
    assert meetings.get_session(db, saved.id) == written
    # Saving the plan again (the editor always sends both) leaves them as they were.
    again = meetings.save_session(db, replace(written, title="Repairs, again"))
    assert (again.summary, again.feedback) == (summary, feedback)


def test_a_refused_summary_leaves_the_saved_one_alone(db, group) -> None:
    saved = meetings.save_session(db, new_session(group, summary="What we did."))
    with pytest.raises(ValidationError, match="hidden control character"):
        meetings.save_session(db, replace(saved, title="Changed", summary="What\x00 we did."))
    kept = meetings.get_session(db, saved.id)
    assert (kept.title, kept.summary) == ("Wheelchair repairs", "What we did.")


def test_choices_that_have_gone_are_refused_and_nothing_changes(db, group, members) -> None:
    other = groups.create_group(db, "Other group")
    stranger = people.add_member(db, other.id, "Someone else", Role.GUEST)
    other_aim = aims.add_aim(db, other.id, "Not ours")
    saved = meetings.save_session(db, new_session(group))
    cases = [
        ({"venue_id": 999}, NotFound, "That venue no longer exists"),
        ({"aim_ids": (other_aim.id,)}, NotFound, "belongs to another group"),
        (
            {"attendance": (AttendanceLine(stranger.person_id, AttendanceStatus.PRESENT),)},
            ValidationError,
            "Only members of the group",
        ),
        (
            {"attendance": ((members[0].person_id, "present"), (members[0].person_id, "absent"))},
            ValidationError,
            "listed twice",
        ),
        ({"agenda": (AgendaLine(12345, "Gone", 10),)}, NotFound, "removed elsewhere"),
        ({"id": 999}, NotFound, "That session no longer exists"),
        ({"group_id": other.id}, NotFound, "belongs to another group"),
    ]
    for changes, error, message in cases:
        with pytest.raises(error, match=message):
            meetings.save_session(db, replace(saved, title="Changed", **changes))
    assert meetings.get_session(db, saved.id) == saved


def test_missing_things_are_said_plainly(db, group) -> None:
    with pytest.raises(NotFound, match="That session no longer exists"):
        meetings.get_session(db, 404)
    with pytest.raises(NotFound, match="That group no longer exists"):
        meetings.session_choices(db, 404)
    with pytest.raises(NotFound, match="That group no longer exists"):
        meetings.save_session(db, replace(new_session(group), group_id=404))


def test_venues_are_listed_by_name_and_names_are_not_repeated(db) -> None:
    venues.save_venue(db, "town hall", features=[VenueFeatureKind.QUIET_ROOM] * 2)
    venues.save_venue(db, "Library", "2 Book Lane", "Lift to the first floor")
    assert [(v.name, v.features) for v in venues.list_venues(db)] == [
        ("Library", ()),
        ("town hall", (VenueFeatureKind.QUIET_ROOM,)),
    ]
    with pytest.raises(ValidationError, match="There is already a venue called “Town Hall”"):
        venues.save_venue(db, "Town Hall")
    with pytest.raises(ValidationError, match="Please give the venue's name"):
        venues.save_venue(db, "  ")
    with pytest.raises(ValidationError, match="not one of the access features"):
        venues.save_venue(db, "Barn", features=["trampoline"])
    assert len(venues.list_venues(db)) == 2


def test_plan_meeting_still_works_alongside(db, group) -> None:
    row = meetings.plan_meeting(db, group.id, "Old way", WHEN, [("One", 30)], breaks=[(1, 10)])
    details = meetings.get_session(db, row.id)
    assert details.agenda[0][1:3] == ("One", 30) and details.breaks == (BreakLine(1, 10, ""),)
