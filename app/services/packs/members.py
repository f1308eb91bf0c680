"""Each member's own pack, in the format and size they asked for, and "packs for everyone":
one file per member of a session's group, in one go.

A member's pack never carries anyone's contact details or access needs: it is sent out.
Print formats are written with ``app.export.pdf.write_pdf``. Audio belongs to the audio
format: pass ``write_audio`` to make it too, or the members who want audio are listed
in the result (``waiting_for_audio``) for it to do afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.errors import NotFound
from app.export.document import Document, PackLook, PrintStyle
from app.i18n import N_, _
from app.models import Meeting, Membership, Person
from app.models.enums import PackFormat
from app.services.pack_defaults import LARGE_PRINT_FROM_PT, LARGEST_PRINT_PT, STANDARD_PRINT_PT
from app.services.packs.building import (
    PackKind,
    decision_log_pack,
    kind_for,
    pack_kind,
    session_pack,
)
from app.storage import Store

DEFAULT_FONT = "atkinson-hyperlegible"
LARGE_PRINT_DEFAULT_PT = 18
EASY_READ_PT = 16
LONGEST_FILE_NAME = 180

FILE_KIND_WORDS = {
    PackKind.BEFORE: N_("before"),
    PackKind.AFTER: N_("after"),
    PackKind.DECISIONS: N_("decision log"),
}

PdfWriter = Callable[[Document, PackLook, Path], Path]
AudioWriter = Callable[[Document, Path], Path]
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class MemberPlan:
    """One member's pack: who, in what format, and the file name (without its ending)."""

    person_id: int
    name: str
    pack_format: PackFormat
    look: PackLook | None  # None for audio
    file_stem: str


@dataclass(frozen=True)
class PackRun:
    meeting_id: int
    group_name: str
    starts_at: datetime
    kind: PackKind
    plans: tuple[MemberPlan, ...]


@dataclass(frozen=True)
class MemberPacksResult:
    made: tuple[Path, ...]
    waiting_for_audio: tuple[MemberPlan, ...]
    cancelled: bool


def look_for(
    pack_format: PackFormat, size_pt: int | None, font_key: str = DEFAULT_FONT
) -> PackLook | None:
    """The print look of a member's chosen format; None for audio."""
    match PackFormat(pack_format):
        case PackFormat.AUDIO:
            return None
        case PackFormat.LARGE_PRINT:
            size = size_pt or LARGE_PRINT_DEFAULT_PT
            size = min(max(size, LARGE_PRINT_FROM_PT), LARGEST_PRINT_PT)
            return PackLook(PrintStyle.LARGE, size, font_key)
        case PackFormat.EASY_READ:
            return PackLook(PrintStyle.EASY_READ, max(EASY_READ_PT, size_pt or 0), font_key)
        case _:  # standard print, and the tagged PDF a screen reader reads (every PDF is tagged)
            return PackLook(PrintStyle.STANDARD, STANDARD_PRINT_PT, font_key)


def format_words(plan_format: PackFormat, look: PackLook | None) -> str:
    """E.g. "large print 24pt", for file names and progress messages."""
    if look is None:
        return _("audio")
    if plan_format == PackFormat.SCREEN_READER_PDF:
        return _("screen reader")
    words = {
        PrintStyle.STANDARD: _("standard print"),
        PrintStyle.LARGE: _("large print"),
        PrintStyle.EASY_READ: _("Easy Read"),
    }[look.style]
    return _("{style} {size}pt").format(style=words, size=look.size_pt)


def safe_file_name(text: str) -> str:
    """``text`` as a file name any computer accepts, keeping its letters in every script."""
    clean = unicodedata.normalize("NFC", text)
    clean = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in clean)
    clean = re.sub(r'[<>:"/\\|?*]+', " ", clean)
    clean = " ".join(clean.split()).strip(" .")
    return clean[:LONGEST_FILE_NAME].rstrip(" .") or _("pack")


def plan_member_packs(
    db: Store, meeting_id: int, kind: PackKind | str | None = None, font_key: str = DEFAULT_FONT
) -> PackRun:
    """Who gets which pack for the session: every current member of its group.

    Without ``kind``: before a planned session, after a held one.
    """
    with db.transaction() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFound(_("There is no session number {number}.").format(number=meeting_id))
        chosen = kind_for(meeting.status) if kind is None else pack_kind(kind)
        people = session.execute(
            select(
                Person.id,
                Person.preferred_name,
                Person.full_name,
                Person.preferred_format,
                Person.large_print_size_pt,
            )
            .join(Membership, Membership.person_id == Person.id)
            .where(Membership.group_id == meeting.group_id, Membership.left_on.is_(None))
        ).all()
        group_name, starts_at = meeting.group.name, meeting.starts_at
    plans = []
    taken: set[str] = set()
    for person_id, preferred, full, pack_format, size in sorted(
        people, key=lambda row: ((row[1] or row[2]).casefold(), row[0])
    ):
        look = look_for(pack_format, size, font_key)
        stem = safe_file_name(
            _("{date} {group} - {kind} - {name} - {format}").format(
                date=f"{starts_at:%Y-%m-%d}",
                group=group_name,
                kind=_(FILE_KIND_WORDS[chosen]),
                name=full or preferred,
                format=format_words(pack_format, look),
            )
        )
        unique, number = stem, 2
        while unique.casefold() in taken:
            unique, number = f"{stem} ({number})", number + 1
        taken.add(unique.casefold())
        plans.append(
            MemberPlan(person_id, preferred or full, PackFormat(pack_format), look, unique)
        )
    return PackRun(meeting_id, group_name, starts_at, chosen, tuple(plans))


def make_member_packs(
    db: Store,
    meeting_id: int,
    out_dir: Path,
    *,
    kind: PackKind | str | None = None,
    font_key: str = DEFAULT_FONT,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    write_pdf: PdfWriter | None = None,
    write_audio: AudioWriter | None = None,
) -> MemberPacksResult:
    """One file per member in ``out_dir``; ``progress(done, total, words)`` after each."""
    run = plan_member_packs(db, meeting_id, kind, font_key)
    out_dir.mkdir(parents=True, exist_ok=True)
    documents: dict[PrintStyle, Document] = {}
    made: list[Path] = []
    waiting: list[MemberPlan] = []
    total = len(run.plans)
    for done, plan in enumerate(run.plans, start=1):
        if cancelled is not None and cancelled():
            return MemberPacksResult(tuple(made), tuple(waiting), cancelled=True)
        path = make_one_pack(
            db, run, plan, out_dir, documents, write_pdf=write_pdf, write_audio=write_audio
        )
        if path is None:
            waiting.append(plan)
        else:
            made.append(path)
        if progress is not None:
            progress(done, total, progress_words(done, total, plan))
    return MemberPacksResult(tuple(made), tuple(waiting), cancelled=False)


@dataclass(frozen=True)
class MemberPack:
    name: str
    pack_format: PackFormat
    look: PackLook | None  # None for audio
    document: Document


def member_pack(
    db: Store,
    person_id: int,
    kind: PackKind | str,
    reference_id: int,
    font_key: str = DEFAULT_FONT,
) -> MemberPack:
    """One member's own pack in the format and size they asked for. ``reference_id`` is the
    session for a before or after pack, and the group for the decision log."""
    chosen = pack_kind(kind)
    with db.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("That person is no longer in the records."))
        name, pack_format = person.display_name, PackFormat(person.preferred_format)
        look = look_for(pack_format, person.large_print_size_pt, font_key)
    style = look.style if look is not None else PrintStyle.STANDARD
    if chosen == PackKind.DECISIONS:
        document = decision_log_pack(db, reference_id, style)
    else:
        document = session_pack(db, reference_id, chosen, style)
    return MemberPack(name, pack_format, look, for_member(document, name))


def make_one_pack(
    db: Store,
    run: PackRun,
    plan: MemberPlan,
    out_dir: Path,
    documents: dict[PrintStyle, Document],
    *,
    write_pdf: PdfWriter | None = None,
    write_audio: AudioWriter | None = None,
) -> Path | None:
    """One member's file; None for an audio pack with no ``write_audio`` to make it.

    ``documents`` keeps each style's pack once built, for the next member in that style:
    a screen can make the packs one job at a time, so other work can run in between.
    """
    style = plan.look.style if plan.look is not None else PrintStyle.STANDARD
    if style not in documents:
        documents[style] = session_pack(db, run.meeting_id, run.kind, style)
    document = for_member(documents[style], plan.name)
    if plan.look is None:
        return write_audio(document, out_dir / plan.file_stem) if write_audio else None
    pdf = write_pdf or _default_pdf_writer
    return pdf(document, plan.look, out_dir / f"{plan.file_stem}.pdf")


def progress_words(done: int, total: int, plan: MemberPlan) -> str:
    return _("Made {done} of {total} packs: {name}, {format}.").format(
        done=done, total=total, name=plan.name, format=format_words(plan.pack_format, plan.look)
    )


def for_member(document: Document, name: str) -> Document:
    """``document`` addressed to one member, by the name they go by."""
    subtitle = _("{subtitle} For {name}.").format(subtitle=document.subtitle, name=name).strip()
    return replace(document, subtitle=subtitle)


def _default_pdf_writer(document: Document, look: PackLook, out: Path) -> Path:
    from app.export.pdf import write_pdf

    return write_pdf(document, look, out)
