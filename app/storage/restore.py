"""Putting a backup back in place, keeping what it replaces."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app import clock
from app.errors import StorageError
from app.i18n import _
from app.storage import integrity, location, migrations, schema
from app.storage.backups import copy_database
from app.storage.database import data_in_use
from app.storage.engine import LOCK_WAIT_SECONDS


@dataclass(frozen=True)
class Restored:
    restored_from: Path
    replaced_copy: Path | None


def check_restorable(candidate: Path) -> None:
    """Refuse, in plain words, a file that is not a whole Roundtable data file we can open."""
    if not candidate.is_file():
        raise StorageError(_("There is no file at {path}.").format(path=candidate))
    try:
        if not integrity.has_sqlite_header(candidate) or candidate.stat().st_size == 0:
            raise StorageError(_("{path} is not a Roundtable data file.").format(path=candidate))
        if integrity.check_file(candidate, full=True):
            raise StorageError(
                _("{path} is damaged, so it cannot be restored.").format(path=candidate)
            )
        connection = sqlite3.connect(f"{candidate.resolve().as_uri()}?mode=ro", uri=True)
        try:
            revision = integrity.stored_revision(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StorageError(
            _("{path} cannot be read as a Roundtable data file.").format(path=candidate)
        ) from error
    if revision is None:
        raise StorageError(_("{path} is not a Roundtable data file.").format(path=candidate))
    schema.refuse_if_too_new(revision, migrations.REVISIONS)


def restore(folder: Path, candidate: Path) -> Restored:
    """Replace the data file in ``folder`` with a copy of ``candidate``.

    The file being replaced is moved whole (with its write-ahead log) into the backups
    folder, as "damaged-…" if it could not be opened as it was and "replaced-by-restore-…"
    if it could, so a restore can itself be undone. A stale log
    left beside the restored file would be replayed into it, so none is left behind.
    """
    candidate = candidate.expanduser().resolve()
    check_restorable(candidate)
    folder = location.prepare_data_dir(folder)
    target = folder / location.DATABASE_NAME
    _refuse_if_in_use(target)

    incoming = folder / (location.DATABASE_NAME + ".restoring")
    source = sqlite3.connect(f"{candidate.as_uri()}?mode=ro", uri=True)
    try:
        copy_database(source, incoming)
    finally:
        source.close()

    replaced = None
    stamp = clock.now().strftime("%Y-%m-%dT%H%M%S")
    if target.exists():
        kind = "damaged" if looks_damaged(target) else "replaced-by-restore"
        replaced = folder / location.BACKUP_FOLDER_NAME / f"{kind}-{stamp}.sqlite3"
        os.replace(target, replaced)
    for leftover in (integrity.wal_path(target), integrity.shm_path(target)):
        if leftover.exists() and replaced is not None:
            os.replace(leftover, replaced.with_name(replaced.name + leftover.name[-4:]))
        leftover.unlink(missing_ok=True)
    os.replace(incoming, target)
    return Restored(restored_from=candidate, replaced_copy=replaced)


def looks_damaged(target: Path) -> bool:
    """True for a data file that cannot be opened as it is: damaged pages, cut short, not
    a database at all, or a stale log beside it. Such a file is set aside as "damaged-…",
    so that whoever looks in the backups folder later knows what it is."""
    if not integrity.has_sqlite_header(target) or integrity.has_stale_log(target):
        return True
    try:
        with integrity.read_only(target, timeout=LOCK_WAIT_SECONDS) as connection:
            return bool(integrity.problems_found(connection, full=False))
    except sqlite3.DatabaseError:
        return True


def _refuse_if_in_use(target: Path) -> None:
    if not target.exists():
        return
    # A read-only look: a normal connection would replay a log beside the file into it
    # (even a stale one, or into a damaged file), and what is set aside must stay as it was.
    try:
        with integrity.read_only(target, timeout=LOCK_WAIT_SECONDS) as connection:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise data_in_use() from error
    except sqlite3.DatabaseError:
        pass  # A damaged file cannot be opened, and that is exactly when a restore is wanted.
