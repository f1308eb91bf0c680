"""Attendance for finance: who came to each session, set out as a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest

from app.errors import FileNotSaved, NotFound
from app.models import AttendanceStatus, Role
from app.services import attendance_report, groups, live_actions, meetings, people
from app.services.groups import GroupDetails


@pytest.fixture
def attended(db, paid_group):
    """paid_group, plus a session where Bob came with a supporter and Cai sent apologies;
    then Cai leaves, and Dee, in another group, comes to that group's session."""
    amina, bob = (m.person_id for m in people.list_members(db, paid_group.id))
    cai = people.add_member(db, paid_group.id, "cai Evans", Role.CARER).person_id
    june = meetings.plan_meeting(
        db, paid_group.id, "June session", datetime(2025, 6, 3, 10), [("Ramps", 60)]
    )
    live_actions.check_in(
        db, june.id, bob, AttendanceStatus.PRESENT, with_supporter=True, supporter_name="Sam Hill"
    )
    live_actions.check_in(db, june.id, amina, AttendanceStatus.ABSENT)
    live_actions.check_in(db, june.id, cai, AttendanceStatus.APOLOGIES)
    people.mark_left(db, paid_group.id, cai, date(2025, 7, 1))
    other = groups.save_group(db, GroupDetails("Residents' panel"))
    dee = people.add_member(db, other.id, "Dee Okafor", Role.STAFF)
    elsewhere = meetings.plan_meeting(
        db, other.id, "Panel", datetime(2025, 6, 4, 10), [("Apps", 30)]
    )
    live_actions.check_in(db, elsewhere.id, dee.person_id, AttendanceStatus.PRESENT)
    return paid_group


def test_attendance_is_listed_newest_session_first_then_by_name(db, attended) -> None:
    rows = attendance_report.list_attendance(db, attended.id)
    assert [(r.session_title, r.name, r.status, r.with_supporter) for r in rows] == [
        ("June session", "Amina Yusuf", AttendanceStatus.ABSENT, False),
        ("June session", "Bob Price", AttendanceStatus.PRESENT, True),
        ("June session", "cai Evans", AttendanceStatus.APOLOGIES, False),
        ("May session", "Amina Yusuf", AttendanceStatus.PRESENT, False),
        ("May session", "Bob Price", AttendanceStatus.PRESENT, False),
        ("March session", "Amina Yusuf", AttendanceStatus.PRESENT, False),
        ("March session", "Bob Price", AttendanceStatus.PRESENT, False),
    ]
    # Someone who has left keeps their role: it is what they were when they came.
    assert rows[2].role == Role.CARER


def test_the_spreadsheet_says_each_status_in_words_and_leaves_out_supporters_names(
    db, attended, tmp_path
) -> None:
    saved = attendance_report.save_attendance(db, attended.id, tmp_path / "attendance.csv")
    assert (saved.sessions, saved.present) == (3, 5)
    text = saved.path.read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == [
        "Session date",
        "Session",
        "Name",
        "Role in the group",
        "Attendance",
        "With a supporter",
    ]
    assert table[1:4] == [
        [
            "2025-06-03",
            "June session",
            "Amina Yusuf",
            "Member with lived experience",
            "Absent",
            "No",
        ],
        ["2025-06-03", "June session", "Bob Price", "Champion", "Present", "Yes"],
        ["2025-06-03", "June session", "cai Evans", "Carer", "Sent apologies", "No"],
    ]
    assert table[-1] == [
        "",
        "Total",
        "",
        "",
        "Present: 5; Sent apologies: 1; Absent: 1",
        "Yes: 1",
    ]
    assert len(table) == 1 + 7 + 1
    assert "Sam Hill" not in text and "Dee Okafor" not in text


def test_a_group_with_no_attendance_gives_a_header_and_zero_totals(db, tmp_path) -> None:
    group = groups.save_group(db, GroupDetails("New group"))
    saved = attendance_report.save_attendance(db, group.id, tmp_path / "a.csv")
    assert (saved.sessions, saved.present) == (0, 0)
    rows = list(csv.reader(io.StringIO(saved.path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 2 and rows[1][4] == "Present: 0; Sent apologies: 0; Absent: 0"


def test_a_group_that_is_gone_or_a_folder_that_cannot_be_written_is_said_plainly(
    db, attended, tmp_path
) -> None:
    with pytest.raises(NotFound, match="no longer exists"):
        attendance_report.list_attendance(db, 9_999)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(FileNotSaved, match="Could not save the file"):
        attendance_report.save_attendance(db, attended.id, blocked / "attendance.csv")
