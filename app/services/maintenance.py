"""Looking after the data file: check it, back it up, restore a backup."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.errors import StorageError
from app.i18n import _, ngettext
from app.storage import Database, backups, integrity, location, migrations, open_database
from app.storage import restore as restoring
from app.storage.database import data_in_use

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckReport:
    path: Path
    exists: bool
    problems: list[str] = field(default_factory=list)
    revision: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    latest_backup: backups.BackupFile | None = None

    @property
    def healthy(self) -> bool:
        return self.exists and not self.problems


def check(folder: Path) -> CheckReport:
    """A full integrity check of the data file in ``folder``. It changes nothing."""
    path = folder / location.DATABASE_NAME
    latest = next(iter(backups.list_backups(folder / location.BACKUP_FOLDER_NAME)), None)
    if not path.exists():
        return CheckReport(path=path, exists=False, latest_backup=latest)
    if not integrity.has_sqlite_header(path):
        not_ours = _("The file is not a Roundtable data file.")
        return CheckReport(path, True, [not_ours], latest_backup=latest_good_backup(folder))
    if integrity.has_stale_log(path):
        stale = _("An old change log lies beside it that belongs to another copy of the file.")
        return CheckReport(path, True, [stale], latest_backup=latest_good_backup(folder))
    try:
        # Read-only, so that a log beside a damaged file is not copied into it.
        with integrity.read_only(path, timeout=2) as connection:
            problems = integrity.problems_found(connection, full=True)
            revision = integrity.stored_revision(connection)
            counts = integrity.row_counts(connection) if not problems else {}
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower():
            raise data_in_use() from error
        problems, revision, counts = [str(error)], None, {}
    except sqlite3.DatabaseError as error:
        problems, revision, counts = [str(error)], None, {}
    if problems:
        latest = latest_good_backup(folder)
    return CheckReport(path, True, problems, revision, counts, latest)


def check_open(db: Database) -> CheckReport:
    """A full integrity check of the data file the app has open. It changes nothing."""
    with db.sqlite_connection() as connection:
        problems = integrity.problems_found(connection, full=True)
        revision = integrity.stored_revision(connection)
        counts = integrity.row_counts(connection) if not problems else {}
    latest = next(iter(backups.list_backups(db.backup_folder)), None)
    return CheckReport(db.path, True, problems, revision, counts, latest)


def describe(report: CheckReport, *, in_app: bool = False) -> str:
    """The report in plain sentences, for the command line (or, ``in_app``, the window)."""
    if not report.exists:
        return _("There is no data file yet at {path}.").format(path=report.path)
    if report.problems:
        lines = [_("The data file {path} is damaged.").format(path=report.path)]
        # SQLite's own findings (page and row numbers) are for whoever mends the file.
        for problem in report.problems[:50]:
            log.warning("integrity check: %s", problem)
        count = len(report.problems)
        lines.append(
            ngettext(
                "Its check found {count} problem; the details are in Roundtable's log file.",
                "Its check found {count} problems; the details are in Roundtable's log file.",
                count,
            ).format(count=count)
        )
        if report.latest_backup:
            lines.append(
                _(
                    "The latest good backup was made on {when}. To put it back (the damaged "
                    "file is kept in the backups folder): roundtable restore {backup}"
                ).format(
                    when=report.latest_backup.made_at.astimezone().strftime("%d %B %Y, %H:%M"),
                    backup=report.latest_backup.path,
                )
            )
        else:
            lines.append(_("There is no good backup of it to put back."))
        return "\n".join(lines)
    lines = [
        _("The data file {path} is whole: no problems found.").format(path=report.path),
        holdings(report.counts),
    ]
    if report.revision != migrations.HEAD:
        lines.append(_("It will be upgraded the next time Roundtable opens it."))
    if report.latest_backup:
        lines.append(_("Latest backup: {path}").format(path=report.latest_backup.path))
    else:
        lines.append(_("There are no backups yet."))
    return "\n".join(lines)


def holdings(counts: dict[str, int]) -> str:
    """What the data holds, in a sentence, from the rows in each table."""
    groups, people = counts.get("groups", 0), counts.get("people", 0)
    sessions, decisions = counts.get("meetings", 0), counts.get("decisions", 0)
    actions = counts.get("actions", 0)
    said = [
        ngettext("{count} group", "{count} groups", groups).format(count=groups),
        ngettext("{count} person", "{count} people", people).format(count=people),
        ngettext("{count} session", "{count} sessions", sessions).format(count=sessions),
        ngettext("{count} decision", "{count} decisions", decisions).format(count=decisions),
        ngettext("{count} action", "{count} actions", actions).format(count=actions),
    ]
    return _("It holds {some} and {last}.").format(some=", ".join(said[:-1]), last=said[-1])


def backup(db: Database, destination: Path) -> Path:
    destination = destination.expanduser().resolve()
    if destination.exists():
        raise StorageError(
            _("{path} already exists. Please choose a new name for the backup.").format(
                path=destination
            )
        )
    return db.backup_to(destination)


def restore(folder: Path, candidate: Path) -> restoring.Restored:
    """Put ``candidate`` back as the data file, then open it once so it is upgraded if older."""
    restored = restoring.restore(folder, candidate)
    open_database(folder).close()
    return restored


def latest_good_backup(folder: Path) -> backups.BackupFile | None:
    return backups.latest_good_backup(folder / location.BACKUP_FOLDER_NAME)


def backup_made_at(path: Path) -> datetime | None:
    """When the backup at ``path`` was made, if its name says (every automatic one's does)."""
    found = backups.parse_backup_name(path)
    return found.made_at if found else None
