"""``roundtable export ...``: packs as files, from a terminal.

``add_export_parser`` makes the ``export`` command and returns its list of sub-commands,
so that another output format (audio, say) can add its own sub-command beside these.
"""

from __future__ import annotations

import argparse

from app.cli_export_run import (
    run_attendance,
    run_decisions,
    run_member_packs,
    run_pack,
    run_payments,
)
from app.cli_rules import needs_command, session_reference, whole_number
from app.i18n import _
from app.services.pack_defaults import READING_FONT_KEYS

DEFAULT_FONT = "atkinson-hyperlegible"
STYLES = ("standard", "large", "easyread")


def add_export_parser(
    commands: argparse._SubParsersAction, data_dir: argparse.ArgumentParser
) -> argparse._SubParsersAction:
    """Adds ``export`` to ``commands``; returns its sub-commands for other formats to join."""
    export = commands.add_parser(
        "export",
        parents=[data_dir],
        help=_(
            "make packs (PDF) for printing or sending, or payments and attendance for finance (CSV)"
        ),
    )
    what = export.add_subparsers(title=_("what to export"), metavar=_("WHAT"))
    needs_command(export, what)
    _add_pack(what, data_dir)
    _add_decisions(what, data_dir)
    _add_member_packs(what, data_dir)
    _add_payments(what, data_dir)
    _add_attendance(what, data_dir)
    return what


def group_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """``--group``, for what belongs to one group (its decision log, payments, attendance)."""
    parser.add_argument(
        "--group", required=required, metavar=_("GROUP"), help=_("the group, by number or name")
    )


def session_arguments(parser: argparse.ArgumentParser) -> None:
    """``--session`` and ``--group``, as every session export takes them."""
    parser.add_argument(
        "--session",
        required=True,
        type=session_reference,
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
        type=whole_number,
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
    group_argument(decisions)
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


def _add_payments(what: argparse._SubParsersAction, data_dir: argparse.ArgumentParser) -> None:
    money = _group_spreadsheet(
        what,
        data_dir,
        "payments",
        _("a group's payments for members' time, as a spreadsheet (CSV) for finance"),
    )
    money.add_argument(
        "--not-paid-only", action="store_true", help=_("only the payments not made yet")
    )
    money.set_defaults(handler=run_payments)


def _add_attendance(what: argparse._SubParsersAction, data_dir: argparse.ArgumentParser) -> None:
    came = _group_spreadsheet(
        what,
        data_dir,
        "attendance",
        _("who came to each of a group's sessions, as a spreadsheet (CSV) for finance"),
    )
    came.set_defaults(handler=run_attendance)


def _group_spreadsheet(
    what: argparse._SubParsersAction, data_dir: argparse.ArgumentParser, name: str, about: str
) -> argparse.ArgumentParser:
    """A sub-command that saves one group's table as a CSV file: ``--group`` and ``--out``."""
    parser = what.add_parser(name, parents=[data_dir], help=about)
    group_argument(parser)
    parser.add_argument("--out", required=True, metavar=_("FILE.csv"), help=_("where to save it"))
    return parser
