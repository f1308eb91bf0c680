"""A group's sessions: where and when, the agenda, breaks, who came and what was noted.

The class is called Meeting so that it cannot be confused with a database session;
everywhere a person reads it, it is a "session".
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record
from app.models.enums import AttendanceStatus, MeetingStatus, VenueFeatureKind, enum_column

if TYPE_CHECKING:
    from app.models.aims import Aim
    from app.models.people import Group, Person

meeting_aims = Table(
    "meeting_aims",
    Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("aim_id", ForeignKey("aims.id", ondelete="CASCADE"), primary_key=True),
)


class Venue(Record, Base):
    __tablename__ = "venues"

    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    access_note: Mapped[str] = mapped_column(Text, default="")

    features: Mapped[list[VenueFeature]] = relationship(
        back_populates="venue", cascade="all, delete-orphan"
    )


class VenueFeature(Record, Base):
    __tablename__ = "venue_features"
    __table_args__ = (UniqueConstraint("venue_id", "kind"),)

    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id", ondelete="CASCADE"), index=True)
    kind: Mapped[VenueFeatureKind] = mapped_column(enum_column(VenueFeatureKind))

    venue: Mapped[Venue] = relationship(back_populates="features")


class Meeting(Record, Base):
    __tablename__ = "meetings"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    venue_id: Mapped[int | None] = mapped_column(
        ForeignKey("venues.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    # Wall-clock time at the venue: a session "at ten" stays at ten wherever the file travels.
    starts_at: Mapped[datetime] = mapped_column(index=True)
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), default=MeetingStatus.PLANNED
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    feedback: Mapped[str] = mapped_column(Text, default="")

    group: Mapped[Group] = relationship(back_populates="meetings")
    venue: Mapped[Venue | None] = relationship()
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    breaks: Mapped[list[PlannedBreak]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="PlannedBreak.after_position",
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Note.id"
    )
    aims: Mapped[list[Aim]] = relationship(secondary=meeting_aims, order_by="Aim.position")


class AgendaItem(Record, Base):
    __tablename__ = "agenda_items"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    details: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int]
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    lead: Mapped[Person | None] = relationship()


class PlannedBreak(Record, Base):
    __tablename__ = "planned_breaks"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    # The break comes after the agenda item at this position (0: before the first item).
    after_position: Mapped[int]
    minutes: Mapped[int]
    label: Mapped[str] = mapped_column(String(200), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="breaks")


class Attendance(Record, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(enum_column(AttendanceStatus))
    with_supporter: Mapped[bool] = mapped_column(default=False)
    supporter_name: Mapped[str] = mapped_column(String(200), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    person: Mapped[Person] = relationship()


class Note(Record, Base):
    __tablename__ = "notes"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    # Empty for a note about the session as a whole.
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship(back_populates="notes")
    agenda_item: Mapped[AgendaItem | None] = relationship()
