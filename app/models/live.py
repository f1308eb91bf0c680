"""What a session records while it runs: turns taken, breaks taken, and where it has got to.

Each contribution is a row of its own (never a stored count), so marking one is a single
insert and a count can never be half-updated. Only counts are kept: who spoke, never how well.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Record, UtcDateTime


class Contribution(Record, Base):
    __tablename__ = "contributions"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    # Empty for a contribution to the session as a whole.
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    # Sent in before the session (by post, email or a conversation) rather than said in it.
    sent_beforehand: Mapped[bool] = mapped_column(default=False)


class BreakTaken(Record, Base):
    __tablename__ = "breaks_taken"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    # Empty for a break the group asked for there and then.
    planned_break_id: Mapped[int | None] = mapped_column(
        ForeignKey("planned_breaks.id", ondelete="SET NULL"), index=True
    )
    minutes: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class LiveProgress(Record, Base):
    """Where a running session has got to, so a restart carries on from the same place."""

    __tablename__ = "live_progress"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), unique=True
    )
    current_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL")
    )
    item_started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
