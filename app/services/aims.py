"""A group's aims and how each session moved them on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.errors import NotFound
from app.i18n import _
from app.models import Aim, AimOutcome, AimReview, Group, Meeting
from app.services import validation
from app.storage import Store


@dataclass(frozen=True)
class AimRow:
    id: int
    title: str
    how_we_will_know: str
    latest_outcome: AimOutcome | None
    review_count: int


def list_aims(db: Store, group_id: int) -> list[AimRow]:
    with db.transaction() as session:
        latest_review = (
            select(AimReview.aim_id, func.max(Meeting.starts_at).label("latest"))
            .join(Meeting, Meeting.id == AimReview.meeting_id)
            .group_by(AimReview.aim_id)
            .subquery()
        )
        aims = session.scalars(
            select(Aim).where(Aim.group_id == group_id).order_by(Aim.position, Aim.id)
        ).all()
        latest = dict(
            session.execute(
                select(AimReview.aim_id, AimReview.outcome)
                .join(Meeting, Meeting.id == AimReview.meeting_id)
                .join(
                    latest_review,
                    (latest_review.c.aim_id == AimReview.aim_id)
                    & (latest_review.c.latest == Meeting.starts_at),
                )
                .where(AimReview.aim_id.in_([aim.id for aim in aims]))
            ).all()
        )
        counts = dict(
            session.execute(
                select(AimReview.aim_id, func.count())
                .where(AimReview.aim_id.in_([aim.id for aim in aims]))
                .group_by(AimReview.aim_id)
            ).all()
        )
        return [
            AimRow(
                id=aim.id,
                title=aim.title,
                how_we_will_know=aim.how_we_will_know,
                latest_outcome=latest.get(aim.id),
                review_count=counts.get(aim.id, 0),
            )
            for aim in aims
        ]


def add_aim(db: Store, group_id: int, title: str, how_we_will_know: str = "") -> AimRow:
    clean_title = validation.short_text(title, _("The aim"), required=True)
    clean_measure = validation.long_text(how_we_will_know, _("How the group will know"))
    with db.transaction() as session:
        if session.get(Group, group_id) is None:
            raise NotFound(_("That group no longer exists."))
        position = session.scalar(
            select(func.coalesce(func.max(Aim.position), 0)).where(Aim.group_id == group_id)
        )
        aim = Aim(
            group_id=group_id,
            title=clean_title,
            how_we_will_know=clean_measure,
            position=(position or 0) + 1,
        )
        session.add(aim)
        session.flush()
        return AimRow(aim.id, aim.title, aim.how_we_will_know, None, 0)


@dataclass(frozen=True)
class AimReviewRow:
    """How one session moved an aim on."""

    meeting_id: int
    session_title: str
    session_starts_at: datetime
    outcome: AimOutcome
    note: str


def get_aim_history(db: Store, aim_id: int) -> list[AimReviewRow]:
    """Each session's review of the aim, the newest session first."""
    with db.transaction() as session:
        if session.get(Aim, aim_id) is None:
            raise NotFound(_("That aim no longer exists."))
        rows = session.execute(
            select(Meeting.id, Meeting.title, Meeting.starts_at, AimReview.outcome, AimReview.note)
            .join(Meeting, Meeting.id == AimReview.meeting_id)
            .where(AimReview.aim_id == aim_id)
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        ).all()
        return [AimReviewRow(*row) for row in rows]


def save_aim(
    db: Store,
    group_id: int,
    title: str,
    how_we_will_know: str = "",
    *,
    aim_id: int | None = None,
) -> AimRow:
    """Add an aim to the group, or (with ``aim_id``) change one it already has."""
    if aim_id is None:
        return add_aim(db, group_id, title, how_we_will_know)
    clean_title = validation.short_text(title, _("The aim"), required=True)
    clean_measure = validation.long_text(how_we_will_know, _("How the group will know"))
    with db.transaction() as session:
        aim = session.get(Aim, aim_id)
        if aim is None or aim.group_id != group_id:
            raise NotFound(_("That aim no longer exists."))
        aim.title = clean_title
        aim.how_we_will_know = clean_measure
        reviews = session.execute(
            select(AimReview.outcome, Meeting.starts_at)
            .join(Meeting, Meeting.id == AimReview.meeting_id)
            .where(AimReview.aim_id == aim_id)
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        ).all()
        latest = reviews[0][0] if reviews else None
        return AimRow(aim.id, aim.title, aim.how_we_will_know, latest, len(reviews))


def review_aim(
    db: Store, aim_id: int, meeting_id: int, outcome: AimOutcome, note: str = ""
) -> None:
    """Record (or correct) how far a session moved an aim on."""
    clean_note = validation.long_text(note, _("The note"))
    with db.transaction() as session:
        if session.get(Aim, aim_id) is None or session.get(Meeting, meeting_id) is None:
            raise NotFound(_("That aim or session no longer exists."))
        review = session.scalar(
            select(AimReview).where(AimReview.aim_id == aim_id, AimReview.meeting_id == meeting_id)
        )
        if review is None:
            session.add(
                AimReview(
                    aim_id=aim_id,
                    meeting_id=meeting_id,
                    outcome=AimOutcome(outcome),
                    note=clean_note,
                )
            )
        else:
            review.outcome = AimOutcome(outcome)
            review.note = clean_note
