"""Comments on decisions: what members (champions reviewing at home, most often) say about a
decision and what has happened since. A comment is the member's own words, kept as written;
the decision's history is not changed by it."""

from __future__ import annotations

from sqlalchemy import select

from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import Comment, Decision, Membership
from app.services import validation
from app.storage import Database


def add_comment(db: Database, decision_id: int, author_id: int | None, text: str) -> int:
    """Keep ``text`` as a comment on the decision by ``author_id`` (someone in its group, or
    nobody named); returns the comment's id."""
    words = validation.long_text(text, _("The comment"), required=True)
    with db.transaction() as session:
        decision = session.get(Decision, decision_id)
        if decision is None:
            raise NotFound(_("That decision no longer exists."))
        if author_id is not None:
            member = session.scalar(
                select(Membership.id).where(
                    Membership.person_id == author_id, Membership.group_id == decision.group_id
                )
            )
            if member is None:
                raise ValidationError(_("Comments are only from people in this group."))
        comment = Comment(decision_id=decision_id, author_id=author_id, text=words)
        session.add(comment)
        session.flush()
        return comment.id
