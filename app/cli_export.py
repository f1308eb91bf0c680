"""``roundtable export ...``: packs as files, from a terminal.

``add_export_parser`` makes the ``export`` command and returns its list of sub-commands,
so that another output format (audio, say) can add its own sub-command beside these.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _, ngettext
from app.services.pack_defaults import READING_FONT_KEYS

if TYPE_CHECKING:
    from app.export.document import Document, PackLook
    from app.storage import Database

DEFAULT_FONT = "atkinson-hyperlegible"
STYLES = ("standard", "large", "easyread")
# Exit code for misuse, as argparse uses.
MISUSE = 2


def add_export_parser(
    commands: argparse._SubParsersAction, data_dir: argparse.ArgumentParser
) -> argparse._SubParsersAction:
    """Adds ``export`` to ``commands``; returns its sub-commands for other formats to join."""
    export = commands.add_parser(
        "export", parents=[data_dir], help=_("make packs as files (PDF) for printing or sending")
    )
    what = export.add_subparsers(title=_("what to export"), metavar=_("WHAT"), required=True)
    _add_pack(what, data_dir)
    _add_decisions(what, data_dir)
    _add_member_packs(what, data_dir)
    return what


def session_arguments(parser: argparse.ArgumentParser) -> None:
    """``--session`` and ``--group``, as every session export takes them."""
    parser.add_argument(
        "--session",
        required=True,
        metavar=_("SESSION"),
        help=_("the session: its number, “next” (the next planned) or “last” (the last held)"),
    )
    parser.add_argument(
        "--group",
        metavar=_("GROUP"),
        help=_("the group, by number or name, when “next” or “last” should mean its sessions"),
    )


def _look_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--style",
        choices=STYLES,
        help=_("standard print, large print or Easy Read (default: standard)"),
    )
    parser.add_argument(
        "--size",
        type=int,
        metavar=_("PT"),
        help=_("body text size in points (standard 12-15, large 16-28, Easy Read 16-28)"),
    )
    parser.add_argument(
        "--font",
        choices=[key for key in READING_FONT_KEYS if key != "system"],
        default=DEFAULT_FONT,
        help=_("the reading font (default: {font})").format(font=DEFAULT_FONT),
    )
    parser.add_argument(
        "--for-member",
        metavar=_("PERSON"),
        help=_(
            "a member's own pack, by their number or name: in their format and size, "
            "with their name on it (instead of --style and --size)"
        ),
    )


def _add_pack(what: argparse._SubParsersAction, data_dir: argparse.ArgumentParser) -> None:
    pack = what.add_parser(
        "pack", parents=[data_dir], help=_("a session's pack, for before or after it")
    )
    session_arguments(pack)
    pack.add_argument(
        "--kind", required=True, choices=("before", "after"), help=_("before or after the session")
    )
    _look_arguments(pack)
    pack.add_argument(
        "--include-contact",
        action="store_true",
        help=_("add members' contact details (private: for staff only)"),
    )
    pack.add_argument(
        "--include-access-needs",
        action="store_true",
        help=_("add members' access needs (private: for staff only)"),
    )
    pack.add_argument("--out", required=True, metavar=_("FILE.pdf"), help=_("where to save it"))
    pack.set_defaults(handler=run_pack)


def _add_decisions(what: argparse._SubParsersAction, data_dir: argparse.ArgumentParser) -> None:
    decisions = what.add_parser(
        "decisions", parents=[data_dir], help=_("a group's decision log: you said, we did")
    )
    decisions.add_argument(
        "--group", required=True, metavar=_("GROUP"), help=_("the group, by number or name")
    )
    _look_arguments(decisions)
    decisions.add_argument(
        "--out", required=True, metavar=_("FILE.pdf"), help=_("where to save it")
    )
    decisions.set_defaults(handler=run_decisions)


def _add_member_packs(what: argparse._SubParsersAction, data_dir: argparse.ArgumentParser) -> None:
    members = what.add_parser(
        "member-packs",
        parents=[data_dir],
        help=_("one pack for each member of the session's group, in their own format"),
    )
    session_arguments(members)
    members.add_argument(
        "--kind",
        choices=("before", "after"),
        help=_("before or after the session (default: before a planned one, after a held one)"),
    )
    members.add_argument(
        "--font",
        choices=[key for key in READING_FONT_KEYS if key != "system"],
        default=DEFAULT_FONT,
        help=_("the reading font (default: {font})").format(font=DEFAULT_FONT),
    )
    members.add_argument(
        "--no-audio",
        action="store_true",
        help=_("print packs only: leave out the audio packs some members asked for"),
    )
    members.add_argument(
        "--out", required=True, metavar=_("FOLDER"), help=_("the folder to put the packs in")
    )
    members.set_defaults(handler=run_member_packs)


# -- the handlers ------------------------------------------------------------------------


def _look(arguments: argparse.Namespace) -> PackLook | None:
    """The look asked for, or None (having said why) if the size does not suit the style."""
    from app.export.document import PackLook, PrintStyle
    from app.export.pdf import allowed_sizes, default_size

    if arguments.for_member and (arguments.style or arguments.size is not None):
        print(
            _("A member's own pack takes their own style and size: leave out --style and --size."),
            file=sys.stderr,
        )
        return None
    style = PrintStyle(arguments.style or PrintStyle.STANDARD)
    size = arguments.size if arguments.size is not None else default_size(style)
    sizes = allowed_sizes(style)
    if size not in sizes:
        print(
            _("The {style} style needs a text size from {low} to {high} points.").format(
                style=style.value, low=sizes.start, high=sizes.stop - 1
            ),
            file=sys.stderr,
        )
        return None
    return PackLook(style, size, arguments.font)


def _members_own(
    db: Database, arguments: argparse.Namespace, group_id: int, kind: str, reference_id: int
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
    if look is None:
        return MISUSE
    if arguments.for_member and (arguments.include_contact or arguments.include_access_needs):
        print(
            _("A member's own pack never carries contact details or access needs."),
            file=sys.stderr,
        )
        return MISUSE
    db = _open(folder)
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
    if look is None:
        return MISUSE
    db = _open(folder)
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


def run_member_packs(arguments: argparse.Namespace, folder: Path) -> int:
    from app.cli_audio import member_audio_writer
    from app.services import packs
    from app.services.session_lookup import find_session

    out = Path(arguments.out)
    if out.exists() and not out.is_dir():
        print(
            _("{path} is a file, not a folder. Please give a folder.").format(path=out),
            file=sys.stderr,
        )
        return MISUSE
    db = _open(folder)
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


def _open(folder: Path) -> Database:
    from app.storage import open_database

    db = open_database(folder)
    for warning in db.warnings:
        print(warning, file=sys.stderr)
    return db
