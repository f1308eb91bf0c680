"""The pack sent before a session: when and where, the agenda with times and breaks, the
aims it will work on, the venue's access, what the last session decided since, and any
comments sent in for this one."""

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
from app.services.packs.common import decision_blocks, session_comments_section, session_document
from app.services.packs.facts import SessionFacts
from app.services.packs.phrasing import (
    Phrasing,
    clock,
    day_and_date,
    long_date,
    minutes_in_words,
    sentence,
)
from app.services.packs.running_order import Slot, running_order


def before_document(
    facts: SessionFacts, phrasing: Phrasing, *, contact: bool, access_needs: bool, language: str
) -> Document:
    slots = running_order(facts.starts_at, facts.agenda, facts.breaks)
    sections = [
        _when_and_where(facts, slots, phrasing),
        _agenda(slots, phrasing),
        _aims(facts, phrasing),
        _last_time(facts, phrasing),
    ]
    sent_in = session_comments_section(facts, phrasing)
    if sent_in is not None:
        sections.append(sent_in)
    return session_document(
        facts,
        phrasing,
        sections,
        title=phrasing.before_title(facts.title),
        keyword=_("before the session"),
        contact=contact,
        access_needs=access_needs,
        language=language,
    )


def _when_and_where(facts: SessionFacts, slots: list[Slot], phrasing: Phrasing) -> Section:
    ends = slots[-1].ends if slots else facts.starts_at
    blocks: list[Block] = [
        Paragraph(
            phrasing.pick(
                _("{day}, from {start} to {end}.").format(
                    day=day_and_date(facts.starts_at.date()),
                    start=clock(facts.starts_at),
                    end=clock(ends),
                ),
                _("The meeting is on {day}.").format(day=day_and_date(facts.starts_at.date())),
            )
        )
    ]
    if phrasing.easy:
        blocks.append(Paragraph(_("It starts at {time}.").format(time=clock(facts.starts_at))))
        blocks.append(Paragraph(_("It ends at {time}.").format(time=clock(ends))))
    venue = facts.venue
    if venue is None:
        blocks.append(Paragraph(_("The place is not decided yet. We will tell you where.")))
        return Section(_("When and where"), SectionIcon.VENUE, tuple(blocks))
    blocks.append(
        Paragraph(
            phrasing.pick(
                _("Venue: {name}.").format(name=venue.name),
                _("We meet at {name}.").format(name=venue.name),
            )
        )
    )
    if venue.address:
        address = ", ".join(line.strip() for line in venue.address.splitlines() if line.strip())
        blocks.append(Paragraph(_("Address: {address}.").format(address=address.rstrip("."))))
    if venue.features or venue.access_note:
        blocks.append(
            Subheading(phrasing.pick(_("Access at the venue"), _("Getting in and around")))
        )
    if venue.features:
        blocks.append(BulletList(venue.features))
    if venue.access_note:
        blocks.append(Paragraph(venue.access_note))
    return Section(_("When and where"), SectionIcon.VENUE, tuple(blocks))


def _agenda(slots: list[Slot], phrasing: Phrasing) -> Section:
    heading = phrasing.pick(_("Agenda"), _("What we will talk about"))
    if not slots:
        return Section(heading, SectionIcon.AGENDA, (Paragraph(_("There is no agenda yet.")),))
    if phrasing.easy:
        lines = []
        for slot in slots:
            time = _("{start} to {end}").format(start=clock(slot.starts), end=clock(slot.ends))
            what = _("A break. Time to rest.") if slot.is_break else sentence(slot.title)
            lines.append(_("{time}: {what}").format(time=time, what=what))
        return Section(heading, SectionIcon.AGENDA, (BulletList(tuple(lines)),))
    rows = tuple(
        (
            _("{start} to {end}").format(start=clock(slot.starts), end=clock(slot.ends)),
            slot.title,
            minutes_in_words(int((slot.ends - slot.starts).total_seconds() // 60)),
            "" if slot.is_break else (slot.lead or _("Not yet known")),
        )
        for slot in slots
    )
    blocks: list[Block] = [
        Table(
            caption=_("The running order, with breaks"),
            headers=(_("Time"), _("Item"), _("How long"), _("Led by")),
            rows=rows,
        )
    ]
    for slot in slots:
        if slot.details and not slot.is_break:
            blocks.append(Subheading(slot.title))
            blocks.append(Paragraph(slot.details))
    return Section(heading, SectionIcon.AGENDA, tuple(blocks))


def _aims(facts: SessionFacts, phrasing: Phrasing) -> Section:
    heading = phrasing.pick(_("Aims this session will work on"), _("What we want to change"))
    if not facts.aims:
        return Section(heading, SectionIcon.AIMS, (Paragraph(_("No aims are chosen yet.")),))
    if phrasing.easy:
        return Section(
            heading,
            SectionIcon.AIMS,
            (BulletList(tuple(sentence(aim.title) for aim in facts.aims)),),
        )
    blocks: list[Block] = []
    for aim in facts.aims:
        blocks.append(Subheading(aim.title))
        if aim.how_we_will_know:
            blocks.append(
                Paragraph(_("How we will know: {text}").format(text=sentence(aim.how_we_will_know)))
            )
    return Section(heading, SectionIcon.AIMS, tuple(blocks))


def _last_time(facts: SessionFacts, phrasing: Phrasing) -> Section:
    heading = phrasing.pick(
        _("Last session's decisions and what has happened since"), _("What we decided last time")
    )
    if facts.previous_starts_at is None:
        text = phrasing.pick(
            _("This is the group's first session."), _("This is our first meeting.")
        )
        return Section(heading, SectionIcon.DECISIONS, (Paragraph(text),))
    blocks: list[Block] = [
        Paragraph(
            phrasing.pick(
                _("The last session was “{title}” on {date}.").format(
                    title=facts.previous_title, date=long_date(facts.previous_starts_at.date())
                ),
                _("Our last meeting was on {date}.").format(
                    date=long_date(facts.previous_starts_at.date())
                ),
            )
        )
    ]
    if not facts.previous_decisions:
        blocks.append(
            Paragraph(
                phrasing.pick(_("No decisions were recorded."), _("We did not decide anything."))
            )
        )
    for decision in facts.previous_decisions:
        blocks.extend(decision_blocks(decision, phrasing))
    return Section(heading, SectionIcon.DECISIONS, tuple(blocks))
