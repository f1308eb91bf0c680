"""Is a data file whole? Quick and full checks, and signs of an unclean shutdown."""

from __future__ import annotations

import sqlite3
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


def problems_found(connection: sqlite3.Connection, *, full: bool) -> list[str]:
    """SQLite's own findings, empty when the file is whole.

    The quick check reads every page but skips the index cross-checks; the full check adds
    them and looks for references to rows that no longer exist.
    """
    pragma = "integrity_check" if full else "quick_check"
    rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}").fetchall()]
    problems = [] if rows == ["ok"] else [str(row) for row in rows]
    if full:
        for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check"):
            problems.append(f"row {rowid} in {table} refers to a missing row in {parent}")
    return problems


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
