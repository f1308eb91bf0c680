"""Reciprocity: what members are paid or given for their time, and what they say back."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record

if TYPE_CHECKING:
    from app.models.people import Person


def pence_for_time(minutes: int, rate_pence_per_hour: int) -> int:
    """Pay for ``minutes`` at an hourly rate, to the nearest penny, a half penny up (in whole
    numbers: no float rounds a half to even or drifts)."""
    return (minutes * rate_pence_per_hour + 30) // 60


class Payment(Record, Base):
    __tablename__ = "payments"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    minutes_given: Mapped[int] = mapped_column(default=0)
    # All money in whole pence.
    rate_pence_per_hour: Mapped[int] = mapped_column(default=0)
    expenses_pence: Mapped[int] = mapped_column(default=0)
    voucher_pence: Mapped[int] = mapped_column(default=0)
    voucher_note: Mapped[str] = mapped_column(String(200), default="")
    # Some members choose not to be paid (it can affect benefits); the record says so.
    declined: Mapped[bool] = mapped_column(default=False)
    paid_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()

    @property
    def time_pence(self) -> int:
        return 0 if self.declined else pence_for_time(self.minutes_given, self.rate_pence_per_hour)


class Comment(Record, Base):
    """A champion's comment on a decision or on a session's summary."""

    __tablename__ = "comments"

    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)

    author: Mapped[Person | None] = relationship()
