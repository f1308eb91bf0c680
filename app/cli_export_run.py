"""What ``roundtable export pack``, ``decisions``, ``member-packs``, ``payments`` and
``attendance`` do (the parsers are in ``app.cli_export``). Each opens the data file, builds
the pack or table and saves it, saying what it made in one plain sentence; refusals come
back as exit code 1 or, for misuse (``app.cli_rules``), 2."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_rules import Misuse
from app.cli_store import open_store
from app.i18n import _, ngettext

if TYPE_CHECKING:
    from app.export.document import Document, PackLook
    from app.storage import Store


def _look(arguments: argparse.Namespace) -> PackLook:
    """The look asked for; a size that does not suit the style is misuse."""
    from app.export.document import PackLook, PrintStyle
    from app.export.pdf import allowed_sizes, default_size

    if arguments.for_member and (arguments.style or arguments.size is not None):
        raise Misuse(
            _("A member's own pack takes their own style and size: leave out --style and --size.")
        )
    style = PrintStyle(arguments.style or PrintStyle.STANDARD)
    size = arguments.size if arguments.size is not None else default_size(style)
    sizes = allowed_sizes(style)
    if size not in sizes:
        raise Misuse(
            _("The {style} style needs a text size from {low} to {high} points.").format(
                style=style.value, low=sizes.start, high=sizes.stop - 1
            )
        )
    return PackLook(style, size, arguments.font)


def _members_own(
    db: Store, arguments: argparse.Namespace, group_id: int, kind: str, reference_id: int
) -> tuple[Document, PackLook]:
    """The pack for ``--for-member``, in their look (standard print if they asked for audio)."""
    from app.export.document import PackLook, PrintStyle
    from app.services import packs

    person_id = packs.find_member(db, group_id, arguments.for_member)
    own = packs.member_pack(db, person_id, kind, reference_id, arguments.font)
    if own.look is None:
        print(
            _(
                "{name} asked for audio: this is standard print. "
                "export audio --members makes their audio pack."
            ).format(name=own.name),
            file=sys.stderr,
        )
        return own.document, PackLook(PrintStyle.STANDARD, 14, arguments.font)
    return own.document, own.look


def run_pack(arguments: argparse.Namespace, folder: Path) -> int:
    from app.export.pdf import write_pdf
    from app.services import packs
    from app.services.packs.phrasing import long_date
    from app.services.session_lookup import find_session

    look = _look(arguments)
    if arguments.for_member and (arguments.include_contact or arguments.include_access_needs):
        raise Misuse(_("A member's own pack never carries contact details or access needs."))
    db = open_store(arguments, folder)
    try:
        found = find_session(db, arguments.session, group=arguments.group)
        if arguments.for_member:
            # Sent to a member: never anyone's contact details or access needs.
            document, look = _members_own(db, arguments, found.group_id, arguments.kind, found.id)
        else:
            privacy = packs.PrivacyChoice(arguments.include_contact, arguments.include_access_needs)
            document = packs.session_pack(db, found.id, arguments.kind, look.style, privacy)
    finally:
        db.close()
    saved = write_pdf(document, look, Path(arguments.out))
    print(
        _("Saved the pack for “{title}” on {date} to {path}: {pages}.").format(
            title=found.title,
            date=long_date(found.starts_at.date()),
            path=saved,
            pages=_pages(saved),
        )
    )
    return 0


def run_decisions(arguments: argparse.Namespace, folder: Path) -> int:
    from app.export.pdf import write_pdf
    from app.services import groups, packs

    look = _look(arguments)
    db = open_store(arguments, folder)
    try:
        group = groups.find_group(db, arguments.group)
        if arguments.for_member:
            document, look = _members_own(db, arguments, group.id, "decisions", group.id)
        else:
            document = packs.decision_log_pack(db, group.id, look.style)
    finally:
        db.close()
    saved = write_pdf(document, look, Path(arguments.out))
    print(
        _("Saved the decision log of {group} to {path}: {pages}.").format(
            group=group.name, path=saved, pages=_pages(saved)
        )
    )
    return 0


def run_payments(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import groups, payments
    from app.services.wording import money

    db = open_store(arguments, folder)
    try:
        group = groups.find_group(db, arguments.group)
        saved = payments.save_for_finance(
            db, group.id, Path(arguments.out), not_paid_only=arguments.not_paid_only
        )
    finally:
        db.close()
    print(
        ngettext(
            "Saved {count} payment of {group} to {path}: {owed} still to pay.",
            "Saved {count} payments of {group} to {path}: {owed} still to pay.",
            saved.count,
        ).format(
            count=saved.count,
            group=group.name,
            path=saved.path,
            owed=money(saved.totals.not_paid_pence),
        )
    )
    return 0


def run_attendance(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import attendance_report, groups

    db = open_store(arguments, folder)
    try:
        group = groups.find_group(db, arguments.group)
        saved = attendance_report.save_attendance(db, group.id, Path(arguments.out))
    finally:
        db.close()
    print(
        ngettext(
            "Saved the attendance at {count} session of {group} to {path}.",
            "Saved the attendance at {count} sessions of {group} to {path}.",
            saved.sessions,
        ).format(count=saved.sessions, group=group.name, path=saved.path)
    )
    return 0


def run_member_packs(arguments: argparse.Namespace, folder: Path) -> int:
    from app.cli_audio import member_audio_writer, refuse_a_file_for_a_folder
    from app.services import packs
    from app.services.session_lookup import find_session

    out = Path(arguments.out)
    refuse_a_file_for_a_folder(out)
    db = open_store(arguments, folder)
    try:
        found = find_session(db, arguments.session, group=arguments.group)
        with ExitStack() as stack:
            # Members who asked for audio get it, where this computer can speak.
            write_audio = None if arguments.no_audio else stack.enter_context(member_audio_writer())
            result = packs.make_member_packs(
                db,
                found.id,
                out,
                kind=arguments.kind,
                font_key=arguments.font,
                progress=lambda _done, _total, words: print(words, flush=True),
                write_audio=write_audio,
            )
    finally:
        db.close()
    print(
        _("Saved {count} packs for “{title}” in {folder}.").format(
            count=len(result.made), title=found.title, folder=out
        )
    )
    if result.waiting_for_audio:
        names = ", ".join(plan.name for plan in result.waiting_for_audio)
        print(_("Not made here, as they asked for audio: {names}.").format(names=names))
    if any(path.is_dir() for path in result.made):
        print(_("Each audio pack is a folder of sound files, named like the printed packs."))
    return 0


def _pages(path: Path) -> str:
    import pikepdf

    with pikepdf.open(path) as pdf:
        count = len(pdf.pages)
    return ngettext("{count} page", "{count} pages", count).format(count=count)
