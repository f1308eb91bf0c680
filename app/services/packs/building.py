"""The pack use cases: build a session's or a group's pack, as a ``Document``, from what is saved.

Each call is one unit of work. Privacy comes first: contact details and access needs stay
out of every pack unless staff ask for them (``include_contact``, ``include_access_needs``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from app import clock
from app.errors import ValidationError
from app.export.document import Document, PrintStyle, Section
from app.i18n import N_, _, language_tag
from app.models.enums import MeetingStatus
from app.services.packs import log
from app.services.packs.after import after_document
from app.services.packs.before import before_document
from app.services.packs.facts import read_session
from app.services.packs.phrasing import Phrasing, long_date
from app.storage import Store


class PackKind(StrEnum):
    BEFORE = "before"  # before a session
    AFTER = "after"  # after a session
    DECISIONS = "decisions"  # a group's decision log


KIND_WORDS = {
    PackKind.BEFORE: N_("Before the session"),
    PackKind.AFTER: N_("After the session"),
    PackKind.DECISIONS: N_("Decision log"),
}


@dataclass(frozen=True)
class PrivacyChoice:
    """What private details staff have asked a pack to show; nothing, unless they ask."""

    include_contact: bool = False
    include_access_needs: bool = False


def print_style(value: PrintStyle | str) -> PrintStyle:
    try:
        return PrintStyle(value)
    except ValueError:
        raise ValidationError(
            _("“{style}” is not a pack style: choose standard, large or easyread.").format(
                style=value
            )
        ) from None


def kind_for(status: MeetingStatus) -> PackKind:
    """The pack a session wants: after it once it is held, else before it."""
    return PackKind.AFTER if status == MeetingStatus.HELD else PackKind.BEFORE


def pack_kind(value: PackKind | str) -> PackKind:
    try:
        return PackKind(value)
    except ValueError:
        raise ValidationError(
            _("“{kind}” is not a kind of pack: choose before, after or decisions.").format(
                kind=value
            )
        ) from None


def session_pack(
    db: Store,
    meeting_id: int,
    kind: PackKind | str,
    style: PrintStyle | str = PrintStyle.STANDARD,
    privacy: PrivacyChoice = PrivacyChoice(),
) -> Document:
    """The pack for before or after the session ``meeting_id``, worded for ``style``."""
    chosen_kind = pack_kind(kind)
    if chosen_kind == PackKind.DECISIONS:
        raise ValidationError(_("The decision log belongs to a group, not to one session."))
    phrasing = Phrasing(print_style(style))
    with db.transaction() as session:
        facts = read_session(
            session,
            meeting_id,
            contact=privacy.include_contact,
            access_needs=privacy.include_access_needs,
        )
    build = before_document if chosen_kind == PackKind.BEFORE else after_document
    return build(
        facts,
        phrasing,
        contact=privacy.include_contact,
        access_needs=privacy.include_access_needs,
        language=language_tag(),
    )


def before_session_pack(
    db: Store,
    meeting_id: int,
    style: PrintStyle | str = PrintStyle.STANDARD,
    privacy: PrivacyChoice = PrivacyChoice(),
) -> Document:
    return session_pack(db, meeting_id, PackKind.BEFORE, style, privacy)


def after_session_pack(
    db: Store,
    meeting_id: int,
    style: PrintStyle | str = PrintStyle.STANDARD,
    privacy: PrivacyChoice = PrivacyChoice(),
) -> Document:
    return session_pack(db, meeting_id, PackKind.AFTER, style, privacy)


def decision_log_pack(
    db: Store, group_id: int, style: PrintStyle | str = PrintStyle.STANDARD
) -> Document:
    """Every decision of the group, where it stands and what came of it, newest first."""
    phrasing = Phrasing(print_style(style))
    with db.transaction() as session:
        overview = log.read_overview(session, group_id)
        sections = [log.overview_section(overview, phrasing)]
        sections.extend(log.log_sections(session, overview, phrasing))
    return _log_document(overview, phrasing, tuple(sections))


def decision_log_in_parts(
    db: Store, group_id: int, style: PrintStyle | str = PrintStyle.STANDARD
) -> tuple[Document, Iterator[Section]]:
    """The decision log as its title page (a ``Document`` with the overview) and the rest
    of its sections, read a window at a time as the iterator is consumed.

    For a very long log a format can write section by section without ever holding every
    decision at once. The iterator holds one unit of work open until it is used up or closed.
    """
    phrasing = Phrasing(print_style(style))
    with db.transaction() as session:
        overview = log.read_overview(session, group_id)
    head = _log_document(overview, phrasing, (log.overview_section(overview, phrasing),))

    def rest() -> Iterator[Section]:
        with db.transaction() as session:
            yield from log.log_sections(session, overview, phrasing)

    return head, rest()


def _log_document(
    overview: log.LogOverview, phrasing: Phrasing, sections: tuple[Section, ...]
) -> Document:
    return Document(
        title=phrasing.log_title(overview.group_name),
        subtitle=_("As it stood on {date}.").format(date=long_date(clock.today())),
        language=language_tag(),
        sections=sections,
        author=overview.group_name,
        keywords=(overview.group_name, _("decision log")),
    )
