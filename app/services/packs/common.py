"""Sections more than one pack shares: decisions with their actions and members' comments,
the comments sent in on a session, and the private members' details section that appears
only when staff ask for it."""

from __future__ import annotations

from collections.abc import Iterable

from app.export.document import (
    Block,
    BulletList,
    Document,
    Paragraph,
    Section,
    SectionIcon,
    Subheading,
)
from app.i18n import _
from app.services.packs.facts import (
    ActionFact,
    CommentFact,
    DecisionFact,
    MemberFact,
    SessionFacts,
)
from app.services.packs.phrasing import Phrasing, long_date, sentence


def decision_blocks(decision: DecisionFact, phrasing: Phrasing) -> list[Block]:
    """One decision in its agreed words, how and when it was agreed, and what followed."""
    if phrasing.easy:
        blocks: list[Block] = [Paragraph(phrasing.decided(decision.wording))]
    else:
        blocks = [Subheading(sentence(decision.wording))]
    blocks.append(
        Paragraph(
            phrasing.decided_on(decision.decided_on, decision.how_agreed)
            + " "
            + phrasing.decision_status(decision.status)
        )
    )
    blocks.extend(action_blocks(decision.actions, phrasing))
    blocks.extend(comment_blocks(decision.comments, phrasing))
    return blocks


def comment_blocks(comments: Iterable[CommentFact], phrasing: Phrasing) -> list[Block]:
    """Each comment as a paragraph of its own: whose it is, when, and their words."""
    return [Paragraph(comment_line(comment, phrasing)) for comment in comments]


def comment_line(comment: CommentFact, phrasing: Phrasing) -> str:
    words = " ".join(comment.text.split())  # one paragraph, whatever line breaks it had
    if phrasing.easy:
        if comment.author:
            return _("{name} said: {words}").format(name=comment.author, words=words)
        return _("Someone said: {words}").format(words=words)
    when = long_date(comment.written_on)
    if comment.author:
        return _("Comment from {name}, {date}: {words}").format(
            name=comment.author, date=when, words=words
        )
    return _("Comment, {date}: {words}").format(date=when, words=words)


def session_comments_section(facts: SessionFacts, phrasing: Phrasing) -> Section | None:
    """What members sent in about the session (before it, or on its summary); None if
    nothing was."""
    if not facts.comments:
        return None
    heading = phrasing.pick(_("Comments sent in"), _("What people sent us"))
    return Section(heading, SectionIcon.FEEDBACK, tuple(comment_blocks(facts.comments, phrasing)))


def action_blocks(actions: Iterable[ActionFact], phrasing: Phrasing) -> list[Block]:
    lines = [action_line(action, phrasing) for action in actions]
    return [BulletList(tuple(lines))] if lines else []


def action_line(action: ActionFact, phrasing: Phrasing) -> str:
    line = phrasing.action(action.description, action.owner, action.due_on, action.status)
    if action.outcome:
        line += " " + phrasing.outcome(action.outcome)
    if action.done_on is not None:
        line += " " + _("Done on {date}.").format(date=long_date(action.done_on))
    return line


def private_details_section(
    members: Iterable[MemberFact], phrasing: Phrasing, *, contact: bool, access_needs: bool
) -> Section | None:
    """Members' contact details and access needs, for staff only; None unless asked for."""
    if not (contact or access_needs):
        return None
    blocks: list[Block] = [
        Paragraph(
            phrasing.pick(
                _(
                    "This part is private. Please keep it safe "
                    "and share it only with people who need it."
                ),
                _("This part is private. Keep it safe."),
            )
        )
    ]
    for member in members:
        lines: list[str] = []
        if contact:
            if member.email:
                lines.append(_("Email: {email}").format(email=member.email))
            if member.phone:
                lines.append(_("Phone: {phone}").format(phone=member.phone))
            if member.postal_address:
                address = ", ".join(part.strip() for part in member.postal_address.splitlines())
                lines.append(_("Address: {address}").format(address=address))
        if access_needs:
            lines.extend(
                _("Access need: {need}").format(need=sentence(need)) for need in member.access_needs
            )
        if not lines:
            lines.append(_("Nothing recorded."))
        blocks.append(Subheading(_("{name}, {role}").format(name=member.name, role=member.role)))
        blocks.append(BulletList(tuple(lines)))
    if contact and access_needs:
        heading = _("Contact details and access needs")
    elif contact:
        heading = _("Contact details")
    else:
        heading = _("Access needs")
    return Section(heading, SectionIcon.PEOPLE, tuple(blocks))


def session_document(
    facts: SessionFacts,
    phrasing: Phrasing,
    sections: list[Section],
    *,
    title: str,
    keyword: str,
    contact: bool,
    access_needs: bool,
    language: str,
) -> Document:
    """A session's pack: its sections, then the members' private details if asked for."""
    private = private_details_section(
        facts.members, phrasing, contact=contact, access_needs=access_needs
    )
    return Document(
        title=title,
        subtitle=phrasing.session_subtitle(facts.group_name, facts.starts_at),
        language=language,
        sections=(*sections, private) if private is not None else tuple(sections),
        author=facts.group_name,
        keywords=(facts.group_name, keyword),
    )
