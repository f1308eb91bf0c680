"""What a group wants to achieve, and how each session moved it on."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record
from app.models.enums import AimOutcome, enum_column

if TYPE_CHECKING:
    from app.models.meetings import Meeting
    from app.models.people import Group


class Aim(Record, Base):
    __tablename__ = "aims"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(300))
    how_we_will_know: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None]

    group: Mapped[Group] = relationship(back_populates="aims")
    reviews: Mapped[list[AimReview]] = relationship(
        back_populates="aim", cascade="all, delete-orphan"
    )


class AimReview(Record, Base):
    __tablename__ = "aim_reviews"
    __table_args__ = (UniqueConstraint("aim_id", "meeting_id"),)

    aim_id: Mapped[int] = mapped_column(ForeignKey("aims.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    outcome: Mapped[AimOutcome] = mapped_column(enum_column(AimOutcome))
    note: Mapped[str] = mapped_column(Text, default="")

    aim: Mapped[Aim] = relationship(back_populates="reviews")
    meeting: Mapped[Meeting] = relationship()
