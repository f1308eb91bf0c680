"""``roundtable member …``: a member's own data, from a terminal.

``member list`` shows each person's number; ``member export`` writes everything held about
one person (a subject access request) as a text file with a JSON copy beside it;
``member erase`` removes their personal details everywhere.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli_rules import Misuse, needs_command, whole_number
from app.cli_store import open_store
from app.i18n import _


def add_member_commands(commands: Any, data_dir: argparse.ArgumentParser) -> None:
    """Add ``member`` and its own commands to the ``roundtable`` command's sub-parsers."""
    member = commands.add_parser(
        "member", parents=[data_dir], help=_("a member's own data: see it all, or erase it")
    )
    actions = member.add_subparsers(title=_("member commands"), metavar=_("COMMAND"))
    needs_command(member, actions)

    listing = actions.add_parser(
        "list", parents=[data_dir], help=_("show everyone's number and name")
    )
    listing.set_defaults(handler=run_list)

    export = actions.add_parser(
        "export",
        parents=[data_dir],
        help=_("save everything held about one person (a subject access request)"),
    )
    export.add_argument("--person", required=True, type=whole_number, metavar=_("NUMBER"))
    export.add_argument("--out", required=True, metavar=_("FILE"), help=_("the text file to write"))
    export.set_defaults(handler=run_export)

    erase = actions.add_parser(
        "erase", parents=[data_dir], help=_("remove one person's personal details everywhere")
    )
    erase.add_argument("--person", required=True, type=whole_number, metavar=_("NUMBER"))
    erase.add_argument(
        "--yes",
        action="store_true",
        help=_("confirm: this cannot be undone except from a backup made before"),
    )
    erase.set_defaults(handler=run_erase)


def run_list(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import privacy

    db = open_store(arguments, folder)
    try:
        people = privacy.list_people(db)
    finally:
        db.close()
    if not people:
        print(_("There is nobody in Roundtable's data yet."))
    for number, name in people:
        print(f"{number}\t{name}")
    return 0


def run_export(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import privacy, privacy_report

    db = open_store(arguments, folder)
    try:
        report = privacy.subject_access(db, arguments.person)
    finally:
        db.close()
    text, data = privacy_report.write(report, Path(arguments.out))
    print(
        _("Saved everything held about {name} to {text}, with the same in JSON at {data}.").format(
            name=report.name, text=text, data=data
        )
    )
    return 0


def run_erase(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import privacy

    if not arguments.yes:
        raise Misuse(
            _(
                "Erasing removes this person's name, contact details, access needs and "
                "comments everywhere, and cannot be undone except from a backup. To go "
                "ahead, add --yes."
            )
        )
    db = open_store(arguments, folder)
    try:
        name = privacy.person_name(db, arguments.person)
        erased = privacy.erase_person(db, arguments.person)
        backups = db.backup_folder
    finally:
        db.close()
    print(
        _(
            "Erased {name}'s personal details. Decisions they raised and actions they own "
            'are kept as "a member"; their name was replaced in {count} places.'
        ).format(name=name, count=erased.names_replaced)
    )
    print(
        _(
            "Backups made before now, in {folder}, still hold their details: daily backups "
            "are replaced within a week; delete any others you no longer need."
        ).format(folder=backups)
    )
    return 0
