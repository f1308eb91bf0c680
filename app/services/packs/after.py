"""The pack sent after a session: the summary written for it, who came, the aims reviewed,
the notes by agenda item, the decisions in the words agreed (with members' comments on
them), the actions with their owners and dates, the comments sent in, and what people said
about the session."""

from __future__ import annotations

from app.export.document import (
    Block,
    BulletList,
    Document,
    Paragraph,
    Section,
    SectionIcon,
    Subheading,
    Table,
)
from app.i18n import _
from app.models.enums import AttendanceStatus
from app.services.packs.common import (
    action_line,
    decision_blocks,
    session_comments_section,
    session_document,
)
from app.services.packs.facts import AttendanceFact, SessionFacts, actions_for_session
from app.services.packs.phrasing import Phrasing, long_date, sentence


def after_document(
    facts: SessionFacts, phrasing: Phrasing, *, contact: bool, access_needs: bool, language: str
) -> Document:
    sections = [
        _who_came(facts, phrasing),
        _aims_reviewed(facts, phrasing),
        _notes(facts, phrasing),
        _decisions(facts, phrasing),
        _actions(facts, phrasing),
    ]
    # Written only when someone has written them: an empty section would be noise.
    if paragraphs(facts.summary):
        heading = phrasing.pick(_("In short"), _("What happened"))
        summary = Section(heading, SectionIcon.NOTES, paragraphs(facts.summary))
        sections.insert(0, summary)
    sent_in = session_comments_section(facts, phrasing)
    if sent_in is not None:
        sections.append(sent_in)
    if paragraphs(facts.feedback):
        heading = phrasing.pick(_("What people said about the session"), _("What people thought"))
        sections.append(Section(heading, SectionIcon.FEEDBACK, paragraphs(facts.feedback)))
    return session_document(
        facts,
        phrasing,
        sections,
        title=phrasing.after_title(facts.title),
        keyword=_("after the session"),
        contact=contact,
        access_needs=access_needs,
        language=language,
    )


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Text written in a box, a paragraph for each line that has words on it."""
    return tuple(Paragraph(line.strip()) for line in text.splitlines() if line.strip())


def _person(fact: AttendanceFact, phrasing: Phrasing) -> str:
    if fact.supporter is None:
        return fact.name
    if fact.supporter:
        return phrasing.pick(
            _("{name}, supported by {supporter}").format(name=fact.name, supporter=fact.supporter),
            _("{name}. {supporter} came to help.").format(name=fact.name, supporter=fact.supporter),
        )
    return phrasing.pick(
        _("{name}, with a supporter").format(name=fact.name),
        _("{name}. A helper came too.").format(name=fact.name),
    )


def _who_came(facts: SessionFacts, phrasing: Phrasing) -> Section:
    heading = phrasing.pick(_("Who came"), _("Who was there"))
    groups = (
        (AttendanceStatus.PRESENT, _("Present"), _("These people came:")),
        (
            AttendanceStatus.APOLOGIES,
            _("Sent apologies"),
            _("These people said sorry they could not come:"),
        ),
        (AttendanceStatus.ABSENT, _("Absent"), _("These people did not come:")),
    )
    blocks: list[Block] = []
    for status, plain, easy in groups:
        people = [_person(fact, phrasing) for fact in facts.attendance if fact.status == status]
        if not people:
            continue
        if phrasing.easy:
            blocks.append(Paragraph(easy))
        else:
            blocks.append(Subheading(_("{what} ({count})").format(what=plain, count=len(people))))
        blocks.append(BulletList(tuple(people)))
    if not blocks:
        blocks.append(Paragraph(_("No one's attendance was recorded.")))
    return Section(heading, SectionIcon.PEOPLE, tuple(blocks))


def _aims_reviewed(facts: SessionFacts, phrasing: Phrasing) -> Section:
    heading = phrasing.pick(_("Aims reviewed"), _("How our aims are going"))
    if not facts.reviews:
        return Section(heading, SectionIcon.AIMS, (Paragraph(_("No aims were reviewed.")),))
    if phrasing.easy:
        lines = []
        for review in facts.reviews:
            line = _("{aim} Now it is: {outcome}.").format(
                aim=sentence(review.aim), outcome=review.outcome.lower()
            )
            if review.note:
                line += " " + sentence(review.note)
            lines.append(line)
        return Section(heading, SectionIcon.AIMS, (BulletList(tuple(lines)),))
    table = Table(
        caption=_("Each aim the session looked at, and where it has got to"),
        headers=(_("Aim"), _("Where it is"), _("Note")),
        rows=tuple((review.aim, review.outcome, review.note) for review in facts.reviews),
    )
    return Section(heading, SectionIcon.AIMS, (table,))


def _notes(facts: SessionFacts, phrasing: Phrasing) -> Section:
    heading = phrasing.pick(_("Notes by agenda item"), _("What we talked about"))
    blocks: list[Block] = []
    for item in facts.agenda:
        texts = tuple(note.text for note in facts.notes if note.agenda_item_id == item.id)
        blocks.append(Subheading(item.title))
        blocks.append(
            BulletList(texts)
            if texts
            else Paragraph(phrasing.pick(_("No notes were taken."), _("No notes.")))
        )
    item_ids = {item.id for item in facts.agenda}
    general = tuple(note.text for note in facts.notes if note.agenda_item_id not in item_ids)
    if general:
        blocks.append(
            Subheading(phrasing.pick(_("About the session as a whole"), _("Other notes")))
        )
        blocks.append(BulletList(general))
    if not blocks:
        blocks.append(Paragraph(_("No notes were taken.")))
    return Section(heading, SectionIcon.NOTES, tuple(blocks))


def _decisions(facts: SessionFacts, phrasing: Phrasing) -> Section:
    heading = phrasing.pick(_("Decisions, in the words agreed"), _("What we decided"))
    if not facts.decisions:
        text = phrasing.pick(_("No decisions were recorded."), _("We did not decide anything."))
        return Section(heading, SectionIcon.DECISIONS, (Paragraph(text),))
    blocks: list[Block] = []
    for decision in facts.decisions:
        # The actions come in their own section; here only the decision and how it stands.
        blocks.extend(
            block
            for block in decision_blocks(decision, phrasing)
            if not isinstance(block, BulletList)
        )
    return Section(heading, SectionIcon.DECISIONS, tuple(blocks))


def _actions(facts: SessionFacts, phrasing: Phrasing) -> Section:
    heading = phrasing.pick(_("Actions"), _("Who will do what"))
    actions = actions_for_session(facts)
    if not actions:
        text = phrasing.pick(_("No actions were set."), _("No one has a job to do."))
        return Section(heading, SectionIcon.ACTIONS, (Paragraph(text),))
    if phrasing.easy:
        return Section(
            heading,
            SectionIcon.ACTIONS,
            (BulletList(tuple(action_line(action, phrasing) for action in actions)),),
        )
    rows = tuple(
        (
            action.description,
            action.owner or _("No one yet"),
            long_date(action.due_on) if action.due_on else _("No date set"),
            action.status + (". " + sentence(action.outcome) if action.outcome else ""),
        )
        for action in actions
    )
    table = Table(
        caption=_("Actions from this session, who will do them and by when"),
        headers=(_("Action"), _("Who"), _("By when"), _("Where it is")),
        rows=rows,
    )
    return Section(heading, SectionIcon.ACTIONS, (table,))
