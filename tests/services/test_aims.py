"""A group's aims: added, changed, and each session's review kept as their history."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.errors import NotFound, ValidationError
from app.models import AimOutcome
from app.services import aims, groups, meetings


@pytest.fixture
def group(db):
    return groups.create_group(db, "Kit That Works group").id


def test_history_lists_each_session_review_newest_first(db, group):
    aim = aims.add_aim(db, group, "Repairs within two weeks", "Members tell us at each session")
    march = meetings.plan_meeting(db, group, "March session", datetime(2025, 3, 4, 10), [])
    may = meetings.plan_meeting(db, group, "May session", datetime(2025, 5, 6, 10), [])
    april = meetings.plan_meeting(db, group, "April session", datetime(2025, 4, 1, 10), [])
    aims.review_aim(db, aim.id, march.id, AimOutcome.NOT_YET, "Still six weeks")
    aims.review_aim(db, aim.id, may.id, AimOutcome.ACHIEVED, "Eleven days on average")
    aims.review_aim(db, aim.id, april.id, AimOutcome.PROGRESSING)
    history = aims.get_aim_history(db, aim.id)
    assert [(r.session_title, r.outcome, r.note) for r in history] == [
        ("May session", AimOutcome.ACHIEVED, "Eleven days on average"),
        ("April session", AimOutcome.PROGRESSING, ""),
        ("March session", AimOutcome.NOT_YET, "Still six weeks"),
    ]
    assert history[0].session_starts_at == datetime(2025, 5, 6, 10)
    assert history[0].meeting_id == may.id


def test_an_aim_with_no_reviews_has_an_empty_history(db, group):
    aim = aims.add_aim(db, group, "Clear letters")
    assert aims.get_aim_history(db, aim.id) == []


def test_save_adds_and_edits(db, group):
    added = aims.save_aim(db, group, "  Letters in plain words ", "Members can read them")
    assert (added.title, added.how_we_will_know) == (
        "Letters in plain words",
        "Members can read them",
    )
    meeting = meetings.plan_meeting(db, group, "March", datetime(2025, 3, 4, 10), [])
    aims.review_aim(db, added.id, meeting.id, AimOutcome.PROGRESSING)
    edited = aims.save_aim(
        db, group, "Letters in plain Welsh and English", "Members say so", aim_id=added.id
    )
    assert edited.id == added.id
    assert (edited.latest_outcome, edited.review_count) == (AimOutcome.PROGRESSING, 1)
    assert [(r.title, r.how_we_will_know) for r in aims.list_aims(db, group)] == [
        ("Letters in plain Welsh and English", "Members say so")
    ]


@pytest.mark.parametrize(
    ("title", "measure", "message"),
    [
        ("", "", "Please give the aim"),
        ("   ", "", "Please give the aim"),
        ("Two\nlines", "", "must fit on one line"),
        ("A" * 301, "", "too long"),
        ("Fine", "bad\x07", "hidden control character"),
    ],
)
def test_save_refuses_in_plain_words_and_changes_nothing(db, group, title, measure, message):
    aim = aims.add_aim(db, group, "Repairs within two weeks")
    with pytest.raises(ValidationError, match=message):
        aims.save_aim(db, group, title, measure, aim_id=aim.id)
    with pytest.raises(ValidationError, match=message):
        aims.save_aim(db, group, title, measure)
    assert [r.title for r in aims.list_aims(db, group)] == ["Repairs within two weeks"]


def test_missing_aims_are_refused(db, group):
    other = groups.create_group(db, "Digital Inclusion Panel").id
    aim = aims.add_aim(db, other, "Book online")
    with pytest.raises(NotFound, match="That aim no longer exists"):
        aims.save_aim(db, group, "Mine now", aim_id=aim.id)  # another group's aim
    with pytest.raises(NotFound, match="That aim no longer exists"):
        aims.get_aim_history(db, 9999)
    with pytest.raises(NotFound, match="That group no longer exists"):
        aims.save_aim(db, 9999, "Nowhere")
