"""Comments on decisions: kept in the member's own words, shown with the decision, refused
in plain words when they cannot be kept."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import NotFound, ValidationError
from app.models import Role
from app.services import comments, decisions, groups, people


def test_a_comment_is_kept_exactly_and_shown_with_its_author(db) -> None:
    group = groups.create_group(db, "Kit That Works group")
    margaret = people.add_member(db, group.id, "Margaret O'Neill", Role.CHAMPION).person_id
    decision = decisions.record_decision(db, group.id, "Letters in large print.", date(2025, 3, 4))
    words = "Mine came in large print.\nThe envelope didn't — could that change too? ✉️ نعم"
    comments.add_comment(db, decision, margaret, words)
    comments.add_comment(db, decision, None, "Said on the phone.")
    shown = decisions.get_decision(db, decision)
    assert [(c.author, c.text) for c in shown.comments] == [
        ("Margaret O'Neill", words),
        ("Not recorded", "Said on the phone."),
    ]
    assert [entry.field for entry in shown.history] == ["recorded"]  # a comment is no change


def test_a_comment_is_refused_plainly_and_nothing_is_kept(db) -> None:
    group = groups.create_group(db, "Kit That Works group")
    other = groups.create_group(db, "Tech at Home Residents' Panel")
    outsider = people.add_member(db, other.id, "Rosa Menezes", Role.CHAMPION).person_id
    decision = decisions.record_decision(db, group.id, "Letters in large print.", date(2025, 3, 4))
    with pytest.raises(ValidationError, match="Please write the comment"):
        comments.add_comment(db, decision, None, "  \n ")
    with pytest.raises(ValidationError, match="cannot"):
        comments.add_comment(db, decision, None, "bad \x00 text")
    with pytest.raises(ValidationError, match="Comments are only from people in this group"):
        comments.add_comment(db, decision, outsider, "Hello")
    with pytest.raises(NotFound, match="That decision no longer exists"):
        comments.add_comment(db, 99_999, None, "Hello")
    assert decisions.get_decision(db, decision).comments == ()


def test_a_comment_on_a_session_is_kept_and_counts_as_sent_in_beforehand(db) -> None:
    from app.models import AttendanceStatus
    from app.services import live_actions
    from app.services.live import read_live
    from tests.live_sample import make_live_session

    sample = make_live_session(db)
    tomasz, dev = sample.people["Tomasz"], sample.people["Dev"]
    words = "By post: texts are easier for me than letters.\n— Tomasz"
    comments.add_session_comment(db, sample.meeting_id, tomasz, words)
    loaded = comments.session_comments(db, sample.meeting_id)
    assert loaded.title == "Wheelchair repairs"
    assert (loaded.summary, loaded.feedback) == ("", "")  # nothing written up yet
    assert [(c.author, c.text) for c in loaded.comments] == [("Tomasz Nowak", words)]
    assert [p.name for p in loaded.members] == [
        "Dev Sharma",
        "Grace Okafor",
        "Margaret O'Neill",
        "Tomasz Nowak",
    ]
    # In live mode he is heard on every item, though he sent apologies.
    live_actions.check_in(db, sample.meeting_id, tomasz, AttendanceStatus.APOLOGIES)
    turns = {
        (t.person_id, t.agenda_item_id): t.sent_beforehand
        for t in read_live(db, sample.meeting_id).turns
    }
    assert turns == {(tomasz, None): 1}
    # Someone who has left the group is no longer offered as an author.
    people.mark_left(db, sample.group_id, dev, date(2025, 1, 1))
    assert "Dev Sharma" not in [
        p.name for p in comments.session_comments(db, sample.meeting_id).members
    ]

    with pytest.raises(ValidationError, match="Please write the comment"):
        comments.add_session_comment(db, sample.meeting_id, tomasz, "")
    with pytest.raises(NotFound, match="That session no longer exists"):
        comments.add_session_comment(db, 99_999, None, "Hello")
    with pytest.raises(NotFound, match="That session no longer exists"):
        comments.session_comments(db, 99_999)
    assert len(comments.session_comments(db, sample.meeting_id).comments) == 1


def test_a_sessions_comments_come_with_its_write_up(db) -> None:
    from dataclasses import replace

    from app.services import meetings
    from tests.live_sample import make_live_session

    sample = make_live_session(db)
    session = meetings.get_session(db, sample.meeting_id)
    meetings.save_session(db, replace(session, summary="We met.", feedback="Good tea."))
    loaded = comments.session_comments(db, sample.meeting_id)
    assert (loaded.summary, loaded.feedback) == ("We met.", "Good tea.")
