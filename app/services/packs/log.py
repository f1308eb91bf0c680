"""The decision log of a group, "you said, we did": every decision, where it stands and
what came of it, newest first.

A group can have tens of thousands of decisions, so the log is read a window at a time
as plain rows (never as ORM objects) and handed on a section at a time. Sections are the
years; a busy year is split into months so that no section (one audio file, one bookmark)
grows too long to find one's way in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, extract, func, or_, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.export.document import Block, BulletList, Paragraph, Section, SectionIcon, Subheading
from app.i18n import _, ngettext
from app.models import Action, Comment, Decision, Group, Person
from app.models.enums import ActionStatus, AgreementMethod, DecisionStatus
from app.services.packs.common import action_line, comment_blocks
from app.services.packs.facts import ActionFact, CommentFact, comments_on
from app.services.packs.phrasing import _MONTHS, Phrasing, sentence
from app.services.wording import label

WINDOW = 500
# A year with more decisions than this is shown month by month.
MONTHS_FROM = 100


@dataclass(frozen=True)
class LogOverview:
    group_id: int
    group_name: str
    total: int
    by_status: tuple[tuple[str, int], ...]  # (status in words, how many), in the usual order
    busy_years: frozenset[int]


def read_overview(session: Session, group_id: int) -> LogOverview:
    group = session.get(Group, group_id)
    if group is None:
        raise NotFound(_("That group no longer exists."))
    counts = dict(
        session.execute(
            select(Decision.status, func.count())
            .where(Decision.group_id == group_id)
            .group_by(Decision.status)
        ).all()
    )
    year = extract("year", Decision.decided_on)
    busy = session.scalars(
        select(year)
        .where(Decision.group_id == group_id)
        .group_by(year)
        .having(func.count() > MONTHS_FROM)
    ).all()
    return LogOverview(
        group.id,
        group.name,
        sum(counts.values()),
        tuple((label(status), counts[status]) for status in DecisionStatus if counts.get(status)),
        frozenset(int(value) for value in busy),
    )


def overview_section(overview: LogOverview, phrasing: Phrasing) -> Section:
    total = ngettext(
        "The group has made {count} decision.",
        "The group has made {count} decisions.",
        overview.total,
    ).format(count=overview.total)
    if phrasing.easy:
        total = ngettext(
            "We have made {count} decision.", "We have made {count} decisions.", overview.total
        ).format(count=overview.total)
    blocks: list[Block] = [Paragraph(total)]
    if overview.by_status:
        blocks.append(
            Paragraph(phrasing.pick(_("Where they are now:"), _("This is where they are now:")))
        )
        blocks.append(
            BulletList(
                tuple(
                    _("{status}: {count}").format(status=status, count=count)
                    for status, count in overview.by_status
                )
            )
        )
    blocks.append(
        Paragraph(
            phrasing.pick(
                _(
                    "The newest decisions come first. Each shows what was agreed, "
                    "and what has been done about it."
                ),
                _("The newest come first."),
            )
        )
    )
    return Section(
        phrasing.pick(_("About this log"), _("About this list")),
        SectionIcon.INFORMATION,
        tuple(blocks),
    )


def log_sections(session: Session, overview: LogOverview, phrasing: Phrasing) -> Iterator[Section]:
    """The decisions, newest first, one section per year (or month in a busy year)."""
    heading: str | None = None
    blocks: list[Block] = []
    for row, actions, comments in _decisions(session, overview.group_id):
        decided_on: date = row.decided_on
        this_heading = _section_heading(decided_on, overview.busy_years, phrasing)
        if this_heading != heading:
            if heading is not None:
                yield Section(heading, SectionIcon.DECISIONS, tuple(blocks))
            heading, blocks = this_heading, []
        blocks.extend(_decision_blocks(row, actions, phrasing))
        blocks.extend(comment_blocks(comments, phrasing))
    if heading is not None:
        yield Section(heading, SectionIcon.DECISIONS, tuple(blocks))


def _section_heading(decided_on: date, busy_years: frozenset[int], phrasing: Phrasing) -> str:
    if decided_on.year in busy_years:
        when = _("{month} {year}").format(
            month=_(_MONTHS[decided_on.month - 1]), year=decided_on.year
        )
    else:
        when = str(decided_on.year)
    return phrasing.pick(
        _("Decisions in {when}").format(when=when), _("What we decided in {when}").format(when=when)
    )


def _decisions(
    session: Session, group_id: int
) -> Iterator[tuple[Any, list[ActionFact], list[CommentFact]]]:
    query = (
        select(
            Decision.id,
            Decision.decided_on,
            Decision.wording,
            Decision.status,
            Decision.how_agreed,
            func.coalesce(func.nullif(Person.preferred_name, ""), Person.full_name).label("raiser"),
        )
        .outerjoin(Person, Person.id == Decision.raised_by_id)
        .where(Decision.group_id == group_id)
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
        .limit(WINDOW)
    )
    after: tuple[date, int] | None = None
    while True:
        window = query
        if after is not None:
            window = query.where(
                or_(
                    Decision.decided_on < after[0],
                    and_(Decision.decided_on == after[0], Decision.id < after[1]),
                )
            )
        rows = session.execute(window).all()
        if not rows:
            return
        ids = [row.id for row in rows]
        actions = _actions(session, ids)
        comments = comments_on(session, Comment.decision_id, ids)
        for row in rows:
            yield row, actions.get(row.id, []), comments.get(row.id, [])
        after = (rows[-1].decided_on, rows[-1].id)


def _actions(session: Session, decision_ids: list[int]) -> dict[int, list[ActionFact]]:
    found: dict[int, list[ActionFact]] = defaultdict(list)
    owner = func.coalesce(func.nullif(Person.preferred_name, ""), Person.full_name)
    for row in session.execute(
        select(
            Action.decision_id,
            Action.description,
            owner,
            Action.due_on,
            Action.status,
            Action.outcome,
            Action.done_on,
        )
        .outerjoin(Person, Person.id == Action.owner_id)
        .where(Action.decision_id.in_(decision_ids))
        .order_by(Action.id)
    ):
        decision_id, description, name, due_on, status, outcome, done_on = row
        found[decision_id].append(
            ActionFact(
                description, name or "", due_on, label(ActionStatus(status)), outcome, done_on
            )
        )
    return found


def _decision_blocks(row, actions: list[ActionFact], phrasing: Phrasing) -> list[Block]:  # type: ignore[no-untyped-def]
    status = label(DecisionStatus(row.status))
    how = label(AgreementMethod(row.how_agreed))
    if phrasing.easy:
        blocks: list[Block] = [
            Paragraph(phrasing.decided(row.wording)),
            Paragraph(
                phrasing.decided_on(row.decided_on, how) + " " + phrasing.decision_status(status)
            ),
        ]
        if row.raiser:
            blocks.append(Paragraph(_("{name} asked for this.").format(name=row.raiser)))
    else:
        about = phrasing.decided_on(row.decided_on, how) + " " + phrasing.decision_status(status)
        if row.raiser:
            about += " " + _("Raised by {name}.").format(name=row.raiser)
        blocks = [Subheading(sentence(row.wording)), Paragraph(about)]
    if actions:
        blocks.append(BulletList(tuple(action_line(action, phrasing) for action in actions)))
    return blocks
