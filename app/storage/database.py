"""Opening the data file on this computer safely: checked, upgraded and backed up."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from app import clock
from app.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    MigrationFailed,
    SaveFailed,
    StorageError,
)
from app.i18n import _
from app.storage import backups, integrity, location, migrations, schema
from app.storage.engine import LOCK_WAIT_SECONDS, make_engine
from app.storage.store import Store

log = logging.getLogger(__name__)


@dataclass
class Database(Store):
    """The data file on this computer, with its backups and integrity checks."""

    path: Path
    folder: Path

    @property
    def backup_folder(self) -> Path:
        return self.folder / location.BACKUP_FOLDER_NAME

    def write_refused(self, error: DBAPIError) -> StorageError | None:
        return write_refused(error.orig)

    def where(self) -> str:
        return _("the data file {path}").format(path=self.path)

    @contextmanager
    def sqlite_connection(self) -> Iterator[sqlite3.Connection]:
        """The pool's single connection, for the SQLite-only backup and check calls."""
        pooled = self.engine.raw_connection()
        try:
            connection = pooled.dbapi_connection
            assert isinstance(connection, sqlite3.Connection)
            yield connection
        finally:
            pooled.close()

    def problems(self, *, full: bool = True) -> list[str]:
        with self.sqlite_connection() as connection:
            return integrity.problems_found(connection, full=full)

    def backup_to(self, destination: Path) -> Path:
        with self.sqlite_connection() as connection:
            return backups.copy_database(connection, destination)

    def backup_now(self, kind: backups.BackupKind, detail: str = "") -> Path:
        name = backups.backup_name(kind, clock.now(), detail)
        return self.backup_to(self.backup_folder / name)

    def forget_deleted(self) -> None:
        """Rewrite the file so nothing deleted or overwritten can still be read from it.

        SQLite leaves old text in free pages and in the write-ahead log; after an erasure
        that text must be gone from the disk too, not only from every query.
        """
        with self.sqlite_connection() as connection:
            connection.execute("VACUUM")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup_daily_if_due(self) -> Path | None:
        if not backups.daily_backup_due(self.path, self.backup_folder, clock.now()):
            return None
        made = self.backup_now(backups.BackupKind.DAILY)
        backups.remove_old_dailies(self.backup_folder)
        return made

    def close(self) -> None:
        super().close()
        _restrict_to_owner(self.path)


def open_database(
    folder: Path,
    *,
    full_check: bool = False,
    quick_check_later: bool = False,
    existing_only: bool = False,
) -> Database:
    """Open (creating or upgrading if need be) the data file in ``folder``.

    Raises a ``StorageError`` with a plain sentence when the file is in use, damaged,
    newer than this app, or cannot be upgraded. A damaged file is never written to.
    With ``existing_only``, a folder holding no data file is refused (``NoDataHere``)
    and nothing is created in it.

    The quick check reads every page, so its time grows with the data. A window that
    wants to appear at once passes ``quick_check_later`` and runs ``problems(full=False)``
    itself off the start-up path. After an unclean shutdown the full check always runs here.
    """
    if existing_only:
        location.require_data(folder)
    folder = location.prepare_data_dir(folder)
    path = folder / location.DATABASE_NAME
    warnings = [w for w in [location.risky_location_warning(folder)] if w]
    existed = path.exists() and path.stat().st_size > 0
    if existed and not integrity.has_sqlite_header(path):
        raise _damaged(path, _("it is not a Roundtable data file"))
    check = "full" if full_check else ("none" if quick_check_later else "quick")
    if existed and integrity.shut_down_uncleanly(path):
        _check_log_and_file(path)
        check = "none"  # just checked in full, log and all

    engine = make_engine(path)
    try:
        current = _check_and_read_revision(engine, path, check=check)
        schema.refuse_if_too_new(current, migrations.REVISIONS)
        if current != migrations.HEAD:
            database = Database(engine, path, folder, warnings=warnings)
            kept = None
            if existed and current is not None:
                kept = database.backup_now(
                    backups.BackupKind.BEFORE_UPGRADE, f"{current}-to-{migrations.HEAD}"
                )
            try:
                schema.upgrade(engine)
            except MigrationFailed as error:
                raise _upgrade_failed(error, kept) from error
    except BaseException:
        engine.dispose()
        raise
    _restrict_to_owner(path)
    return Database(engine, path, folder, warnings=warnings)


def _check_and_read_revision(engine: Engine, path: Path, *, check: str) -> str | None:
    try:
        pooled = engine.raw_connection()
    except DBAPIError as error:
        raise _translate(error.orig, path) from error
    except sqlite3.Error as error:  # raised by our own connect-time set-up
        raise _translate(error, path) from error
    try:
        connection = pooled.dbapi_connection
        assert isinstance(connection, sqlite3.Connection)
        try:
            problems = (
                []
                if check == "none"
                else integrity.problems_found(connection, full=check == "full")
            )
            if problems:
                log.warning("integrity check found %d problems", len(problems))
                raise _damaged(path, _("its integrity check found damage"))
            current = integrity.stored_revision(connection)
            if current is None and integrity.has_tables(connection):
                raise StorageError(
                    _("The file {path} is a database, but not one Roundtable made.").format(
                        path=path
                    )
                )
            return current
        except sqlite3.Error as error:
            raise _translate(error, path) from error
    finally:
        pooled.close()


def _check_log_and_file(path: Path) -> None:
    """After an unclean shutdown: the full check, without letting the log touch the file."""
    if integrity.has_stale_log(path):
        log.warning("a stale write-ahead log lies beside the data file")
        raise _damaged(
            path,
            _(
                "an old change log, {log}, lies beside it that belongs to another copy of the file"
            ).format(log=integrity.wal_path(path).name),
        )
    try:
        problems = integrity.check_without_writing(path, timeout=LOCK_WAIT_SECONDS)
    except sqlite3.Error as error:
        raise _translate(error, path) from error
    if problems:
        log.warning("integrity check found %d problems", len(problems))
        raise _damaged(path, _("its integrity check found damage"))


def write_refused(error: BaseException | None) -> StorageError | None:
    """The plain sentence for a write the disk or another program refused, else None."""
    message = str(error).lower()
    safe = _("Everything saved before is safe.")
    if "full" in message:
        reason = _("the disk that holds its data is full")
        advice = _("Please make some space on it, then save again.")
    elif "readonly" in message or "read-only" in message:
        reason = _("its data folder can no longer be written to")
        advice = _("Please check that the folder can be written to, then save again.")
    elif "disk i/o" in message:
        reason = _("the disk that holds its data could not be written to")
        advice = _("Please check the disk, then save again.")
    elif "locked" in message or "busy" in message:
        return DatabaseInUse(
            _(
                "Roundtable could not save this, because its data is in use by another copy "
                "of Roundtable (or another program). Everything saved before is safe. Please "
                "try again in a moment."
            )
        )
    else:
        return None
    return SaveFailed(
        _("Roundtable could not save this, because {reason}.").format(reason=reason)
        + " "
        + safe
        + " "
        + advice
    )


def _translate(error: BaseException | None, path: Path) -> StorageError:
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return data_in_use()
    if isinstance(error, sqlite3.OperationalError) and "unable to open" in message:
        return StorageError(_("Roundtable cannot open its data file {path}.").format(path=path))
    return _damaged(path, _("it cannot be read"))


def data_in_use() -> DatabaseInUse:
    """The data file is held by another copy of Roundtable (or another program): the one
    refusal for opening, checking and restoring alike. (A refused save, above, names the
    cause in the same words, each a whole sentence for translators.)"""
    return DatabaseInUse(
        _(
            "Roundtable's data is in use by another copy of Roundtable (or another program). "
            "Please close it and try again; nothing has been changed."
        )
    )


def _upgrade_failed(error: MigrationFailed, kept: Path | None) -> MigrationFailed:
    if kept is None:
        return error
    return MigrationFailed(
        str(error)
        + " "
        + _("A checked copy of your data from before the upgrade is kept at {path}.").format(
            path=kept
        )
    )


def _damaged(path: Path, reason: str) -> DatabaseDamaged:
    return DatabaseDamaged(
        _(
            "Roundtable's data file {path} looks damaged ({reason}). It has not been changed."
        ).format(path=path, reason=reason)
    )


def _restrict_to_owner(path: Path) -> None:
    if os.name != "posix":
        return
    for candidate in (path, integrity.wal_path(path)):
        with suppress(FileNotFoundError):
            os.chmod(candidate, 0o600)
