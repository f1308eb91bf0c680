"""The ``roundtable`` command: open the app, or look after its data from a terminal.

Exit codes: 0 done, 1 a failure explained in one plain sentence on stderr, 2 misuse
(``app.cli_rules``). Only opening the main window, ``demo`` and ``restore`` make a data
folder; every other command (``--live`` too) finds the data already there or says so, and
creates nothing.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, __version__, clock
from app.cli_audio import add_audio_parser
from app.cli_export import add_export_parser
from app.cli_member import add_member_commands
from app.cli_rules import MISUSE, Misuse, session_reference
from app.cli_session import add_session_commands
from app.cli_store import add_database_url, open_store
from app.diagnostics import configure_logging
from app.errors import DatabaseDamaged, NoDataHere, RoundtableError
from app.i18n import _, use_language
from app.storage import location

if TYPE_CHECKING:
    from app.storage import Database

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace, Path], int]


def main(argv: Sequence[str] | None = None) -> int:
    clock.start_from_environment()
    use_language()  # before any message is made, the help text's included
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["--speech-worker"]:  # an installed copy's speech process (app.speech)
        from app.speech.worker import main as speech_worker

        return speech_worker(given[1:])
    parser = build_parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as stop:  # argparse has already printed the usage
        return int(stop.code or 0)
    folder = location.resolve_data_dir(getattr(arguments, "data_dir", None))
    arguments.database_url = location.resolve_database_url(getattr(arguments, "database_url", None))
    handler: Handler = getattr(arguments, "handler", open_app)
    if handler is open_app and not arguments.live:
        arguments.makes_data = True  # a first start offers the example groups in a new folder
    log_file = configure_logging(folder) if _may_log_in(arguments, folder) else None
    try:
        return handler(arguments, folder)
    except Misuse as error:
        print(str(error), file=sys.stderr)
        return MISUSE
    except NoDataHere as error:
        advice = _("If the data is in another folder, give that folder with --data-dir FOLDER.")
        print(f"{error} {advice}", file=sys.stderr)
        return 1
    except DatabaseDamaged as error:
        print(str(error) + _restore_advice(folder), file=sys.stderr)
        return 1
    except RoundtableError as error:
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whatever read the output (``| head``, say) stopped early: not a fault of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:
        log.exception("unexpected fault")
        where = _(" Details are in {path}.").format(path=log_file) if log_file else ""
        print(
            _("Roundtable stopped because of a fault of its own; nothing saved was lost.") + where,
            file=sys.stderr,
        )
        return 1


def _may_log_in(arguments: argparse.Namespace, folder: Path) -> bool:
    """Whether the log may be kept in ``folder``: not where there is no data and the command
    makes none, so that a mistyped --data-dir is left as it was found."""
    makes_data = getattr(arguments, "makes_data", False)
    return bool(arguments.database_url) or makes_data or location.holds_data(folder)


def build_parser() -> argparse.ArgumentParser:
    data_dir = argparse.ArgumentParser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar=_("FOLDER"),
        default=argparse.SUPPRESS,
        help=_("the folder that holds Roundtable's data (default: your user data folder)"),
    )
    add_database_url(data_dir)
    parser = argparse.ArgumentParser(
        prog="roundtable",
        description=_("Roundtable: sessions, decisions and accessible packs for co-production."),
        parents=[data_dir],
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=_("open the main window, draw it once and close (to check an installed copy)"),
    )
    parser.add_argument(
        "--live",
        type=session_reference,
        metavar=_("SESSION"),
        help=_("open straight into live session mode: a session's number, next or last"),
    )
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))

    demo = commands.add_parser(
        "demo", parents=[data_dir], help=_("fill an empty database with the example groups")
    )
    demo.set_defaults(handler=run_demo, makes_data=True)

    check = commands.add_parser(
        "check", parents=[data_dir], help=_("check the data file for damage")
    )
    check.set_defaults(handler=run_check)

    backup = commands.add_parser(
        "backup", parents=[data_dir], help=_("save a checked copy of the data")
    )
    backup.add_argument("--out", required=True, metavar=_("FILE"), help=_("where to save it"))
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser(
        "restore",
        parents=[data_dir],
        help=_("put a backup back in place (what it replaces is kept)"),
    )
    restore.add_argument("file", metavar=_("FILE"), help=_("the backup to restore"))
    restore.set_defaults(handler=run_restore, makes_data=True)
    add_member_commands(commands, data_dir)
    add_session_commands(commands, data_dir)
    add_audio_parser(add_export_parser(commands, data_dir), data_dir)
    return parser


def open_app(arguments: argparse.Namespace, folder: Path) -> int:
    if arguments.live and not arguments.database_url:
        location.require_data(folder)  # a session to run needs data already saved
    from app.ui.application import run_application

    return run_application(
        folder, smoke=arguments.smoke, live=arguments.live, database_url=arguments.database_url
    )


def run_demo(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import example_data

    db = open_store(arguments, folder)
    try:
        summary = example_data.load_example_data(db)
    finally:
        db.close()
    print(
        _(
            "Added the example data: {groups} groups, {people} people, {sessions} sessions "
            "and {decisions} decisions."
        ).format(
            groups=summary.groups,
            people=summary.people,
            sessions=summary.sessions,
            decisions=summary.decisions,
        )
    )
    return 0


def run_check(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import maintenance

    if arguments.database_url:
        from app.services import shared_server

        db = open_store(arguments, folder)  # refuses in words if it cannot be used
        try:
            print(shared_server.describe(db))
        finally:
            db.close()
        return 0
    location.require_data(folder)
    report = maintenance.check(folder)
    text = maintenance.describe(report)
    if report.exists and not report.healthy:
        print(text, file=sys.stderr)
        return 1
    print(text)
    return 0


def run_backup(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import maintenance, shared_server

    shared_server.refuse_backups(bool(arguments.database_url))
    db = _open(folder)
    try:
        saved = maintenance.backup(db, Path(arguments.out))
    finally:
        db.close()
    print(_("Saved a checked backup copy to {path}.").format(path=saved))
    return 0


def run_restore(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import maintenance, shared_server

    shared_server.refuse_backups(bool(arguments.database_url))
    restored = maintenance.restore(folder, Path(arguments.file))
    print(_("Restored the data from {path}.").format(path=restored.restored_from))
    made = maintenance.backup_made_at(restored.restored_from)
    if made is not None:
        when = made.astimezone().strftime("%d %B %Y, %H:%M")
        print(_("It holds everything saved up to {when}.").format(when=when))
    if restored.replaced_copy:
        print(_("The data it replaced is kept at {path}.").format(path=restored.replaced_copy))
    return 0


def _restore_advice(folder: Path) -> str:
    from app.services import maintenance

    try:
        backup = maintenance.latest_good_backup(folder)
    except (OSError, RoundtableError):
        backup = None
    if backup is None:
        return " " + _("There is no good backup of it to restore.")
    return " " + _(
        "To put back the latest good backup, made on {when}: roundtable restore {path}"
    ).format(when=backup.made_at.astimezone().strftime("%d %B %Y, %H:%M"), path=backup.path)


def _open(folder: Path) -> Database:
    from app.storage import open_database

    db = open_database(folder, existing_only=True)
    for warning in db.warnings:
        print(warning, file=sys.stderr)
    return db
