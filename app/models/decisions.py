"""Decisions in the words the group agreed, the actions that follow, and their history."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record, UtcDateTime, utc_now
from app.models.enums import ActionStatus, AgreementMethod, DecisionStatus, enum_column

if TYPE_CHECKING:
    from app.models.aims import Aim
    from app.models.meetings import Meeting
    from app.models.people import Group, Person

decision_aims = Table(
    "decision_aims",
    Base.metadata,
    Column("decision_id", ForeignKey("decisions.id", ondelete="CASCADE"), primary_key=True),
    Column("aim_id", ForeignKey("aims.id", ondelete="CASCADE"), primary_key=True),
)


class Decision(Record, Base):
    __tablename__ = "decisions"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    wording: Mapped[str] = mapped_column(Text)
    # Whose voice shaped it: the group can see who raised each decision.
    raised_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    how_agreed: Mapped[AgreementMethod] = mapped_column(
        enum_column(AgreementMethod), default=AgreementMethod.CONSENSUS
    )
    how_agreed_note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[DecisionStatus] = mapped_column(
        enum_column(DecisionStatus), default=DecisionStatus.AGREED, index=True
    )
    decided_on: Mapped[date] = mapped_column(index=True)

    group: Mapped[Group] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    raised_by: Mapped[Person | None] = relationship()
    aims: Mapped[list[Aim]] = relationship(secondary=decision_aims, order_by="Aim.position")
    actions: Mapped[list[Action]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="Action.id"
    )
    changes: Mapped[list[DecisionChange]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="DecisionChange.id"
    )


class Action(Record, Base):
    __tablename__ = "actions"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    due_on: Mapped[date | None]
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus), default=ActionStatus.NOT_STARTED
    )
    # The "we did": what actually happened, in words the group can read back.
    outcome: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None]

    decision: Mapped[Decision | None] = relationship(back_populates="actions")
    owner: Mapped[Person | None] = relationship()


class DecisionChange(Record, Base):
    """One change to a decision or one of its actions: the visible history."""

    __tablename__ = "decision_changes"

    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="SET NULL"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[Decision] = relationship(back_populates="changes")
