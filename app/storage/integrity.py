"""Is a data file whole? Quick and full checks, and signs of an unclean shutdown."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def shm_path(database: Path) -> Path:
    return database.with_name(database.name + "-shm")


def has_sqlite_header(path: Path) -> bool:
    """True for an empty (new) file or one that starts as every SQLite database does."""
    with path.open("rb") as handle:
        start = handle.read(len(SQLITE_HEADER))
    return start in (b"", SQLITE_HEADER)


def shut_down_uncleanly(database: Path) -> bool:
    """A non-empty write-ahead log means the last program to use the file did not close it."""
    log = wal_path(database)
    return log.exists() and log.stat().st_size > 0


def has_stale_log(database: Path) -> bool:
    """True when a write-ahead log lies beside a file that was not using one.

    Roundtable's own file always uses a log; its backups never do. So a file that says
    it keeps no log, with a non-empty log beside it, is a copy put in place by hand over
    a file that had one: SQLite would replay that old log into it, mixing two files.
    """
    if not shut_down_uncleanly(database):
        return False
    with database.open("rb") as handle:
        header = handle.read(100)
    return header.startswith(SQLITE_HEADER) and len(header) == 100 and header[18] == 1


def check_without_writing(path: Path, *, timeout: float) -> list[str]:
    """The full check of a file that may have a log to replay, changing neither file."""
    with read_only(path, timeout=timeout) as connection:
        return problems_found(connection, full=True)


@contextmanager
def read_only(path: Path, *, timeout: float) -> Iterator[sqlite3.Connection]:
    """A connection that reads the file and its log but never writes either.

    A normal connection copies the log into the file on closing, even into a damaged
    file. A read-only one does make a shared index (and an empty log) beside the file,
    which are removed again if they were made here.
    """
    made_here = [side for side in (shm_path(path), wal_path(path)) if not side.exists()]
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
    try:
        yield connection
    finally:
        connection.close()
        for side in made_here:
            with suppress(FileNotFoundError):
                if side == shm_path(path) or side.stat().st_size == 0:
                    side.unlink()


def problems_found(connection: sqlite3.Connection, *, full: bool) -> list[str]:
    """SQLite's own findings, empty when the file is whole.

    The quick check reads every page but skips the index cross-checks; the full check adds
    them and looks for references to rows that no longer exist.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}").fetchall()]
        problems = [] if rows == ["ok"] else [str(row) for row in rows]
        if full:
            for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check"):
                problems.append(f"row {rowid} in {table} refers to a missing row in {parent}")
    except sqlite3.DatabaseError as error:
        if _in_use(error):
            raise
        # Damage bad enough that the check itself cannot read on is still a finding.
        return [str(error)]
    return problems


def _in_use(error: sqlite3.Error) -> bool:
    message = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in message or "busy" in message
    )


def check_file(path: Path, *, full: bool = True) -> list[str]:
    """Check a closed data file (a backup, or a file offered for restore) without changing it."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return problems_found(connection, full=full)
    finally:
        connection.close()


def stored_revision(connection: sqlite3.Connection) -> str | None:
    """The schema revision a data file says it has, or None for a file with no tables yet."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def has_tables(connection: sqlite3.Connection) -> bool:
    return (
        connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'").fetchone()
        is not None
    )


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """How many rows each table holds (Alembic's own bookkeeping table left out)."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
    ]
    return {
        table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in tables
    }
