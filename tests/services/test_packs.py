"""Each pack's content from the example data: what it says, in what order, what it keeps private."""

import itertools
from dataclasses import replace
from datetime import date, datetime

import pytest

from app import clock
from app.errors import NotFound, ValidationError
from app.export.document import BulletList, Paragraph, PrintStyle, SectionIcon, Subheading, Table
from app.services import comments, decisions, groups, meetings, packs
from app.services.example_data import load_example_data
from app.services.packs import PrivacyChoice
from app.services.packs.phrasing import long_date
from app.services.session_lookup import find_session

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def example(db):
    load_example_data(db, today=TODAY)
    group = groups.find_group(db, "Everyday Equipment Users' Group")
    return (
        group,
        find_session(db, "next", group=group.id, now=NOW),
        find_session(db, "last", group=group.id),
    )


def _text(document) -> str:
    return "\n".join(document.all_text())


def test_before_pack_has_times_breaks_aims_venue_and_last_decisions(db, example) -> None:
    _group, upcoming, _last = example
    document = packs.before_session_pack(db, upcoming.id)
    assert document.title == f"Before the session: {upcoming.title}"
    assert [section.icon for section in document.sections] == [
        SectionIcon.VENUE,
        SectionIcon.AGENDA,
        SectionIcon.AIMS,
        SectionIcon.DECISIONS,
    ]
    agenda = next(b for b in document.sections[1].blocks if isinstance(b, Table))
    assert agenda.headers == ("Time", "Item", "How long", "Led by")
    times = [row[0] for row in agenda.rows]
    # Each item starts when the one before ends, breaks included, from the session's start.
    assert times[0].startswith(f"{upcoming.starts_at:%H:%M} to ")
    for earlier, later in itertools.pairwise(times):
        assert earlier.split(" to ")[1] == later.split(" to ")[0]
    assert any(row[1] in ("Tea", "Break") for row in agenda.rows)
    text = _text(document)
    assert "Thistlecombe Community Hub" in text
    assert "Changing Places toilet" in text
    assert "How we will know:" in text
    # Last session's decision, with what has happened since on its actions.
    assert "Equipment users will plan and lead every part of the learning event" in text
    assert "What happened: A first draft has gone to the group by email." in text


def test_after_pack_has_summary_attendance_reviews_notes_decisions_actions_and_feedback(
    db, example
) -> None:
    _group, _upcoming, last = example
    document = packs.after_session_pack(db, last.id, PrintStyle.LARGE)
    headings = [section.heading for section in document.sections]
    assert headings == [
        "In short",
        "Who came",
        "Aims reviewed",
        "Notes by agenda item",
        "Decisions, in the words agreed",
        "Actions",
        "What people said about the session",
    ]
    summary, who, reviews, notes, decisions, actions, feedback = document.sections
    assert summary.icon == SectionIcon.NOTES
    assert summary.blocks == (Paragraph(meetings.get_session(db, last.id).summary),)
    assert Subheading("Present (6)") in who.blocks
    assert BulletList(("Krysia",)) in who.blocks
    assert isinstance(reviews.blocks[0], Table)
    assert reviews.blocks[0].headers == ("Aim", "Where it is", "Note")
    assert Subheading("Who does what on the day") in notes.blocks
    assert "Marj and Dai will open the event together." in _text(document)
    assert decisions.blocks[0] == Subheading(
        "Equipment users will plan and lead every part of the learning event. "
        "Steadyway staff will be there to listen and to answer questions, not to present."
    )
    assert isinstance(actions.blocks[0], Table)
    assert actions.blocks[0].headers == ("Action", "Who", "By when", "Where it is")
    assert actions.blocks[0].rows[0][1:3] == ("Dai", "3 December 2026")
    assert feedback.icon == SectionIcon.FEEDBACK
    assert feedback.blocks == (Paragraph(meetings.get_session(db, last.id).feedback),)


def test_the_summary_and_feedback_are_left_out_until_written_and_kept_in_paragraphs(
    db, example
) -> None:
    _group, _upcoming, last = example
    session = meetings.get_session(db, last.id)
    meetings.save_session(db, replace(session, summary=" \n ", feedback=""))
    headings = [s.heading for s in packs.after_session_pack(db, last.id).sections]
    assert headings[0] == "Who came"
    assert headings[-1] == "Actions"
    meetings.save_session(
        db, replace(session, summary="We met.\n\n  We agreed a trial.  ", feedback="Too hot.")
    )
    easy = packs.after_session_pack(db, last.id, PrintStyle.EASY_READ)
    assert easy.sections[0].heading == "What happened"
    assert easy.sections[0].blocks == (Paragraph("We met."), Paragraph("We agreed a trial."))
    assert easy.sections[-1].heading == "What people thought"
    assert easy.sections[-1].blocks == (Paragraph("Too hot."),)


def test_private_details_are_left_out_unless_asked_for(db, example) -> None:
    _group, upcoming, last = example
    for document in (
        packs.before_session_pack(db, upcoming.id),
        packs.after_session_pack(db, last.id),
        packs.after_session_pack(db, last.id, PrintStyle.EASY_READ),
    ):
        text = _text(document)
        assert "@example.org" not in text
        assert "07700" not in text
        assert "Quarry Lane" not in text
        assert "Dial-a-ride" not in text
        assert "wheeled walker" not in text
    with_contact = _text(packs.after_session_pack(db, last.id, privacy=PrivacyChoice(True, False)))
    assert "Email: marj.ellison@example.org" in with_contact
    assert "Address: 27 Quarry Lane, Thistlecombe TC3 2HF" in with_contact
    assert "Dial-a-ride" not in with_contact
    with_needs = _text(
        packs.before_session_pack(db, upcoming.id, privacy=PrivacyChoice(False, True))
    )
    assert "Dial-a-ride both ways" in with_needs
    assert "Uses a wheeled walker" in with_needs
    assert "@example.org" not in with_needs


def test_easy_read_is_worded_more_simply_not_just_bigger(db, example) -> None:
    _group, upcoming, last = example
    before = packs.before_session_pack(db, upcoming.id, "easyread")
    assert before.title.startswith("Our next meeting: ")
    agenda = before.sections[1]
    assert agenda.heading == "What we will talk about"
    # Easy Read gives the running order as a list of short lines, not a wide table.
    assert isinstance(agenda.blocks[0], BulletList)
    assert any(line.endswith("A break. Time to rest.") for line in agenda.blocks[0].items)
    after = packs.after_session_pack(db, last.id, "easyread")
    decisions = next(s for s in after.sections if s.icon == SectionIcon.DECISIONS)
    assert decisions.heading == "What we decided"
    assert decisions.blocks[0] == Paragraph(
        "We decided: Equipment users will plan and lead every part of the learning event. "
        "Steadyway staff will be there to listen and to answer questions, not to present."
    )
    assert "Dai will do this: Write the running order" in _text(after)
    for section in after.sections:
        for block in section.blocks:
            assert not isinstance(block, Table)


def test_decision_log_has_every_decision_newest_first(db, example) -> None:
    group, _upcoming, _last = example
    document = packs.decision_log_pack(db, group.id)
    assert document.title.startswith("Decision log: you said, we did.")
    overview = document.sections[0]
    assert overview.icon == SectionIcon.INFORMATION
    assert overview.blocks[0] == Paragraph("The group has made 7 decisions.")
    wordings = [
        block.text
        for section in document.sections[1:]
        for block in section.blocks
        if isinstance(block, Subheading)
    ]
    assert len(wordings) == 7
    assert wordings[0].startswith("Equipment users will plan and lead")
    assert wordings[-1].startswith("Members who use equipment, and family carers, will be paid")
    text = _text(document)
    assert "Where it is now: Not going ahead." in text
    assert "What happened: The catch-up was held." in text


def test_members_comments_are_in_the_packs_in_their_own_words(db, example) -> None:
    group, upcoming, last = example
    # The log: each decision with the comments on it, whose they are and when.
    log = _text(packs.decision_log_pack(db, group.id))
    assert (
        "Comment from Dai, 29 October 2026: Really pleased the record shows how this changed."
        in log
    )
    assert "Dai said: Really pleased the record" in _text(
        packs.decision_log_pack(db, group.id, "easyread")
    )
    # After a session: on its decisions, and sent in on the session itself, oldest first.
    decision = next(
        row
        for row in decisions.list_decisions(db, group.id)
        if row.wording.startswith("Equipment users will plan and lead")
    )
    comments.add_comment(db, decision.id, None, "Yes!\nAt last.")
    comments.add_session_comment(db, last.id, None, "Sent by post: thank you for the notes.")
    today = long_date(clock.today())
    after = packs.after_session_pack(db, last.id)
    agreed = next(s for s in after.sections if s.icon == SectionIcon.DECISIONS)
    assert Paragraph(f"Comment, {today}: Yes! At last.") in agreed.blocks
    sent_in = after.sections[-2]
    assert (sent_in.heading, sent_in.icon) == ("Comments sent in", SectionIcon.FEEDBACK)
    assert sent_in.blocks == (
        Paragraph(f"Comment, {today}: Sent by post: thank you for the notes."),
    )
    easy = packs.after_session_pack(db, last.id, "easyread")
    assert easy.sections[-2].heading == "What people sent us"
    assert easy.sections[-2].blocks == (
        Paragraph("Someone said: Sent by post: thank you for the notes."),
    )
    # Before a session: anything sent in for it so far comes last.
    assert "Comments sent in" not in [
        s.heading for s in packs.before_session_pack(db, upcoming.id).sections
    ]
    comments.add_session_comment(db, upcoming.id, None, "Could we start at eleven?")
    before = packs.before_session_pack(db, upcoming.id)
    assert before.sections[-1].heading == "Comments sent in"
    assert before.sections[-1].blocks == (
        Paragraph(f"Comment, {today}: Could we start at eleven?"),
    )


def test_the_log_in_parts_says_the_same_as_the_whole(db, example) -> None:
    group, _upcoming, _last = example
    whole = packs.decision_log_pack(db, group.id, "easyread")
    head, rest = packs.decision_log_in_parts(db, group.id, "easyread")
    assert head.sections + tuple(rest) == whole.sections


def test_bad_requests_are_refused_in_words(db, example) -> None:
    group, upcoming, _last = example
    with pytest.raises(ValidationError, match="not a pack style"):
        packs.before_session_pack(db, upcoming.id, "tiny")
    with pytest.raises(ValidationError, match="not a kind of pack"):
        packs.session_pack(db, upcoming.id, "during")
    with pytest.raises(NotFound, match="no session number 99999"):
        packs.before_session_pack(db, 99999)
    with pytest.raises(NotFound, match="no longer exists"):
        packs.decision_log_pack(db, group.id + 1000)
