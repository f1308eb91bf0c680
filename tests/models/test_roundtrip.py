"""Every mapped class saves and reads back exactly, through the real schema."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import (
    AccessNeed,
    AccessNeedKind,
    Action,
    ActionStatus,
    AgendaItem,
    AgreementMethod,
    Aim,
    AimOutcome,
    AimReview,
    Attendance,
    AttendanceStatus,
    Comment,
    Decision,
    DecisionChange,
    DecisionStatus,
    Delivery,
    Group,
    Meeting,
    MeetingStatus,
    Membership,
    Note,
    PackFormat,
    Payment,
    Person,
    PlannedBreak,
    Role,
    Venue,
    VenueFeature,
    VenueFeatureKind,
)
from app.models.base import utc_now


def build_everything() -> Group:
    group = Group(
        name="Kettering Lane equipment group",
        purpose="Make equipment services work for the people who use them",
        partner_organisation="Northway Equipment",
        session_limit_minutes=110,
        break_interval_minutes=40,
        hourly_rate_pence=2000,
    )
    zofia = Person(
        full_name="Zofia Wąsowicz-Żak",
        preferred_name="زوفیہ",
        pronouns="she/her",
        email="zofia@example.org",
        phone="07700 900123",
        postal_address="1 Example Row\nTestford",
        access_needs_note="Prefers mornings 🌅",
        preferred_format=PackFormat.LARGE_PRINT,
        large_print_size_pt=24,
        delivery=Delivery.POST,
        consent_to_store=True,
        consent_recorded_on=date(2026, 1, 5),
    )
    zofia.access_needs.append(AccessNeed(kind=AccessNeedKind.STEP_FREE, details="Wheelchair"))
    group.memberships.append(
        Membership(person=zofia, role=Role.CHAMPION, joined_on=date(2025, 9, 1))
    )
    venue = Venue(name="Community hall", address="2 Example Road", access_note="Ramp at side")
    venue.features.append(VenueFeature(kind=VenueFeatureKind.HEARING_LOOP))
    aim = Aim(title="Faster repairs", how_we_will_know="Repairs within 3 days", position=1)
    group.aims.append(aim)
    meeting = Meeting(
        title="October session",
        starts_at=datetime(2026, 10, 14, 10, 30),
        status=MeetingStatus.HELD,
        venue=venue,
        summary="We met.",
        feedback="Good biscuits",
    )
    item = AgendaItem(position=1, title="Welcome", minutes=15, lead=zofia)
    meeting.agenda_items.append(item)
    meeting.breaks.append(PlannedBreak(after_position=1, minutes=10, label="Tea"))
    meeting.attendance.append(
        Attendance(
            person=zofia,
            status=AttendanceStatus.PRESENT,
            with_supporter=True,
            supporter_name="Ade",
        )
    )
    meeting.notes.append(Note(agenda_item=item, text="Line one\nLine two\tindented"))
    meeting.aims.append(aim)
    aim.reviews.append(AimReview(meeting=meeting, outcome=AimOutcome.PROGRESSING, note="Closer"))
    group.meetings.append(meeting)
    return group


def test_every_record_reads_back_exactly(db) -> None:
    with db.transaction() as session:
        group = build_everything()
        session.add(group)
        session.flush()
        zofia = group.memberships[0].person
        meeting = group.meetings[0]
        decision = Decision(
            group=group,
            meeting=meeting,
            wording="We will ask for a repair line that answers in plain words",
            raised_by=zofia,
            how_agreed=AgreementMethod.SHOW_OF_HANDS,
            how_agreed_note="11 for, 0 against",
            status=DecisionStatus.IN_PROGRESS,
            decided_on=date(2026, 10, 14),
            aims=[group.aims[0]],
        )
        decision.actions.append(
            Action(
                group_id=group.id,
                description="Write to the provider",
                owner=zofia,
                due_on=date(2026, 11, 1),
                status=ActionStatus.DONE,
                outcome="They replied and agreed",
                done_on=date(2026, 10, 30),
            )
        )
        decision.changes.append(
            DecisionChange(
                changed_by="Facilitator",
                field="status",
                old_value="Agreed",
                new_value="In progress",
                reason="Letter sent",
            )
        )
        session.add(decision)
        session.add(
            Payment(
                person=zofia,
                group_id=group.id,
                meeting_id=meeting.id,
                minutes_given=150,
                rate_pence_per_hour=2000,
                expenses_pence=640,
                voucher_pence=1000,
                voucher_note="Book token",
                paid_on=date(2026, 10, 20),
                note="Bus fare",
            )
        )
        session.add(Comment(author=zofia, meeting_id=meeting.id, text="Thank you 🙏"))

    with db.transaction() as session:
        group = session.scalars(select(Group)).one()
        assert group.name == "Kettering Lane equipment group"
        assert (group.session_limit_minutes, group.break_interval_minutes) == (110, 40)
        person = session.scalars(select(Person)).one()
        assert person.full_name == "Zofia Wąsowicz-Żak"
        assert person.preferred_name == "زوفیہ"
        assert person.display_name == "زوفیہ"
        assert person.access_needs_note == "Prefers mornings 🌅"
        assert person.preferred_format is PackFormat.LARGE_PRINT
        assert person.large_print_size_pt == 24
        assert person.delivery is Delivery.POST
        assert person.access_needs[0].kind is AccessNeedKind.STEP_FREE
        assert group.memberships[0].role is Role.CHAMPION
        meeting = group.meetings[0]
        assert meeting.starts_at == datetime(2026, 10, 14, 10, 30)
        assert meeting.venue.features[0].kind is VenueFeatureKind.HEARING_LOOP
        assert meeting.agenda_items[0].lead is person
        assert meeting.breaks[0].label == "Tea"
        assert (
            meeting.attendance[0].with_supporter and meeting.attendance[0].supporter_name == "Ade"
        )
        assert meeting.notes[0].text == "Line one\nLine two\tindented"
        assert meeting.notes[0].agenda_item is meeting.agenda_items[0]
        assert meeting.aims == group.aims
        assert group.aims[0].reviews[0].outcome is AimOutcome.PROGRESSING
        decision = session.scalars(select(Decision)).one()
        assert decision.raised_by is person
        assert decision.how_agreed is AgreementMethod.SHOW_OF_HANDS
        assert decision.aims == group.aims
        assert decision.actions[0].outcome == "They replied and agreed"
        assert decision.actions[0].status is ActionStatus.DONE
        assert decision.changes[0].new_value == "In progress"
        payment = session.scalars(select(Payment)).one()
        assert payment.time_pence == 5000
        assert session.scalars(select(Comment)).one().text == "Thank you 🙏"


def test_every_record_has_a_distinct_uuid_and_aware_times(db) -> None:
    before = utc_now()
    with db.transaction() as session:
        session.add(build_everything())
    with db.transaction() as session:
        records = [
            *session.scalars(select(Group)),
            *session.scalars(select(Person)),
            *session.scalars(select(Meeting)),
            *session.scalars(select(AgendaItem)),
            *session.scalars(select(Note)),
        ]
        uuids = {record.uuid for record in records}
        assert len(uuids) == len(records)
        for record in records:
            assert record.created_at.tzinfo is not None
            assert before - timedelta(seconds=1) <= record.created_at <= utc_now()


def test_updated_time_moves_on_change(db) -> None:
    with db.transaction() as session:
        session.add(Group(name="A group"))
    with db.transaction() as session:
        group = session.scalars(select(Group)).one()
        first = group.updated_at
        group.purpose = "Changed"
    with db.transaction() as session:
        assert session.scalars(select(Group)).one().updated_at >= first


def test_naive_moments_are_refused(db) -> None:
    with pytest.raises(Exception, match="time zone"), db.transaction() as session:
        session.add(Group(name="Naive", created_at=datetime(2026, 1, 1)))
    with db.transaction() as session:
        assert session.scalars(select(Group)).all() == []


def test_repr_never_shows_personal_details() -> None:
    person = Person(full_name="Secret Name", email="secret@example.org")
    assert "Secret" not in repr(person)
    assert "example.org" not in repr(person)
