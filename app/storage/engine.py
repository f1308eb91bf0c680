"""The SQLite engine: one connection, held exclusively, with foreign keys and WAL on."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

# Long enough to ride out a brief lock by our own backup, short enough that a second copy
# of the app hears at once that the data is in use.
LOCK_WAIT_SECONDS = 2.0


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def make_engine(path: Path) -> Engine:
    """An engine over ``path`` whose single pooled connection holds the file exclusively.

    Exclusive locking keeps a second copy of Roundtable (or any other program) from
    writing to the file while this one has it open, and keeps the WAL index in memory.
    """
    engine = create_engine(
        sqlite_url(path),
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=120,
        connect_args={"check_same_thread": False, "timeout": LOCK_WAIT_SECONDS},
    )
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling would silently commit before DDL; turning it off
    # and issuing BEGIN ourselves (SQLAlchemy's documented recipe) makes every
    # transaction, migrations included, all-or-nothing.
    dbapi_connection.isolation_level = None
    # SQLite's own lower() folds only A-Z; searches must match "Ż" with "ż" and "Ö" with "ö"
    # as PostgreSQL's does, so the services can stay the same on both.
    dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA locking_mode=EXCLUSIVE")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed transaction survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        # Taking a write lock now holds the file from the first moment, not the first save.
        cursor.execute("BEGIN IMMEDIATE")
        cursor.execute("COMMIT")
    finally:
        cursor.close()


def _unicode_lower(text: object) -> object:
    return text.lower() if isinstance(text, str) else text


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def raw_connection(engine: Engine) -> Any:
    """The pool's own DB-API connection, for SQLite-only calls such as the backup API."""
    return engine.raw_connection()
