"""Comments: what members say about a decision and what has happened since, or about a
session (its summary, or something sent in before it). A comment is the member's own
words, kept as written; it changes nothing else, and a decision's history is untouched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import Comment, Decision, Meeting, Membership, Person
from app.services import validation
from app.services.decision_log import PersonChoice, member_choices
from app.storage import Store


@dataclass(frozen=True)
class CommentRow:
    author: str
    text: str
    written_at: datetime


@dataclass(frozen=True)
class SessionComments:
    meeting_id: int
    title: str
    comments: tuple[CommentRow, ...]  # oldest first
    members: tuple[PersonChoice, ...]  # who a new comment can be from
    # The session's write-up, which the comments are often about ("" until written).
    summary: str = ""
    feedback: str = ""


def add_comment(db: Store, decision_id: int, author_id: int | None, text: str) -> int:
    """Keep ``text`` as a comment on the decision by ``author_id`` (someone in its group, or
    nobody named); returns the comment's id."""
    words = validation.long_text(text, _("The comment"), required=True)
    with db.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise NotFound(_("That decision no longer exists."))
        return _keep(session, decision.group_id, author_id, words, decision_id=decision_id)


def add_session_comment(db: Store, meeting_id: int, author_id: int | None, text: str) -> int:
    """Keep ``text`` as a comment on the session; in live mode it counts as something its
    author sent in beforehand."""
    words = validation.long_text(text, _("The comment"), required=True)
    with db.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(_("That session no longer exists."))
        return _keep(session, meeting.group_id, author_id, words, meeting_id=meeting_id)


def session_comments(db: Store, meeting_id: int) -> SessionComments:
    """A session's comments so far, and the members a new one can be from."""
    with db.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(_("That session no longer exists."))
        rows = session.execute(
            select(Comment, Person)
            .outerjoin(Person, Person.id == Comment.author_id)
            .where(Comment.meeting_id == meeting_id)
            .order_by(Comment.created_at, Comment.id)
        ).all()
        return SessionComments(
            meeting_id=meeting_id,
            title=meeting.title,
            comments=tuple(comment_row(comment, person) for comment, person in rows),
            members=member_choices(session, meeting.group_id),
            summary=meeting.summary,
            feedback=meeting.feedback,
        )


def comment_row(comment: Comment, author: Person | None) -> CommentRow:
    return CommentRow(
        author=author.display_name if author else _("Not recorded"),
        text=comment.text,
        written_at=comment.created_at,
    )


def _keep(session: Session, group_id: int, author_id: int | None, words: str, **about: int) -> int:
    if author_id is not None:
        member = session.scalar(
            select(Membership.id).where(
                Membership.person_id == author_id, Membership.group_id == group_id
            )
        )
        if member is None:
            raise ValidationError(_("Comments are only from people in this group."))
    comment = Comment(author_id=author_id, text=words, **about)
    session.add(comment)
    session.flush()
    return comment.id
