"""Sections more than one pack shares: decisions with their actions, and the private
members' details section that appears only when staff ask for it."""

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
from app.services.packs.facts import ActionFact, DecisionFact, MemberFact, SessionFacts
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
    return blocks


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
