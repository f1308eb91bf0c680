"""Groups, the people in them, and what each person needs to take part."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record
from app.models.enums import AccessNeedKind, Delivery, PackFormat, Role, enum_column

if TYPE_CHECKING:
    from app.models.aims import Aim
    from app.models.meetings import Meeting


class Group(Record, Base):
    __tablename__ = "groups"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    purpose: Mapped[str] = mapped_column(Text, default="")
    partner_organisation: Mapped[str] = mapped_column(String(200), default="")
    # The group's own limits for planned sessions (the defaults: 2 hours, 45 minutes).
    session_limit_minutes: Mapped[int] = mapped_column(default=120)
    break_interval_minutes: Mapped[int] = mapped_column(default=45)
    # Money is kept in whole pence so sums are exact.
    hourly_rate_pence: Mapped[int] = mapped_column(default=0)
    # A group that has done its work keeps every record; it is listed after the others.
    finished_on: Mapped[date | None]

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )
    aims: Mapped[list[Aim]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="Aim.position"
    )


class Person(Record, Base):
    __tablename__ = "people"

    full_name: Mapped[str] = mapped_column(String(200))
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    pronouns: Mapped[str] = mapped_column(String(60), default="")
    # Contact details and access needs are sensitive: exports leave them out unless asked.
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    access_needs_note: Mapped[str] = mapped_column(Text, default="")
    preferred_format: Mapped[PackFormat] = mapped_column(
        enum_column(PackFormat), default=PackFormat.STANDARD
    )
    # Only for large print: the member's own size, 16 to 28 point.
    large_print_size_pt: Mapped[int | None]
    delivery: Mapped[Delivery] = mapped_column(enum_column(Delivery), default=Delivery.EMAIL)
    consent_to_store: Mapped[bool] = mapped_column(default=False)
    consent_recorded_on: Mapped[date | None]

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    access_needs: Mapped[list[AccessNeed]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name


class Membership(Record, Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("group_id", "person_id"),)

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role))
    joined_on: Mapped[date | None]
    # A member who leaves is marked, never deleted: the record of their voice stays.
    left_on: Mapped[date | None]

    group: Mapped[Group] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship(back_populates="memberships")


class AccessNeed(Record, Base):
    __tablename__ = "access_needs"
    __table_args__ = (UniqueConstraint("person_id", "kind"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[AccessNeedKind] = mapped_column(enum_column(AccessNeedKind))
    details: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="access_needs")
