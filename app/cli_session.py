"""``roundtable session list``: each session's number, to give to ``export`` and ``--live``.

One plain line per session, earliest first, so that a screen reader reads each as a
sentence and the sessions still to come are the last lines, nearest the prompt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_export import group_argument
from app.cli_rules import needs_command
from app.cli_store import open_store
from app.i18n import _

if TYPE_CHECKING:
    from app.services.meetings import MeetingRow


def add_session_commands(
    commands: argparse._SubParsersAction, data_dir: argparse.ArgumentParser
) -> None:
    """Add ``session`` and its own commands to the ``roundtable`` command's sub-parsers."""
    session = commands.add_parser(
        "session", parents=[data_dir], help=_("sessions: see each one's number")
    )
    actions = session.add_subparsers(title=_("session commands"), metavar=_("COMMAND"))
    needs_command(session, actions)

    listing = actions.add_parser(
        "list",
        parents=[data_dir],
        help=_("show each session's number, date, group, title and whether it was held"),
    )
    group_argument(listing, required=False)
    listing.set_defaults(handler=run_list)


def run_list(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import groups, meetings

    db = open_store(arguments, folder)
    try:
        group = groups.find_group(db, arguments.group) if arguments.group else None
        rows = meetings.list_in_date_order(db, group.id if group else None)
    finally:
        db.close()
    if not rows and group:
        print(_("{group} has no sessions yet.").format(group=group.name))
    elif not rows:
        print(_("There are no sessions in Roundtable's data yet."))
    for row in rows:
        print(describe(row))
    return 0


def describe(row: MeetingRow) -> str:
    """One session as a line of its own, e.g. “Session 12: Wednesday 6 May 2026, Housing
    panel, “Repairs”. Planned.”"""
    from app.services.packs.phrasing import day_and_date
    from app.services.wording import label

    return _("Session {number}: {date}, {group}, “{title}”. {status}.").format(
        number=row.id,
        date=day_and_date(row.starts_at.date()),
        group=row.group_name,
        title=row.title,
        status=label(row.status),
    )
