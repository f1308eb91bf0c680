"""What the services need of wherever the data lives: a unit of work, and forgetting.

A group's data is kept in a SQLite file on one computer (``database.Database``) or, for an
organisation that shares it, on a PostgreSQL server (``server.ServerDatabase``). The
services see only this much of either, so they run the same on both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.errors import StorageError
from app.storage.written import RecordingSession, written

log = logging.getLogger(__name__)

# Told the names of the tables a unit of work wrote, once it is saved. Called on the thread
# that did the work, so a listener must only pass the news on, never block.
Listener = Callable[[frozenset[str]], None]


@dataclass
class Store:
    """An open store of data. Services take one of these and open a unit of work per call."""

    engine: Engine
    warnings: list[str] = field(default_factory=list, kw_only=True)
    listeners: list[Listener] = field(default_factory=list, kw_only=True, repr=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, undone entirely if it fails.

        A write the store refuses (a full disk, a lost server) becomes a ``StorageError``
        with a plain sentence; the unit of work is undone, and what was saved before is intact.
        Once it is saved, the ``listeners`` hear which tables it wrote.
        """
        try:
            with RecordingSession(self.engine, expire_on_commit=False) as session:
                tables = written(session)
                with session.begin():
                    yield session
        except DBAPIError as error:
            refused = self.write_refused(error)
            if refused is None:
                raise
            log.warning("a write was refused: %s", error.orig)
            raise refused from error
        if tables:
            self.tell(frozenset(tables))

    def tell(self, tables: frozenset[str]) -> None:
        """Tell every listener that ``tables`` were written (a listener's fault stops no other)."""
        for listener in list(self.listeners):
            try:
                listener(tables)
            except Exception:
                log.exception("a listener to saved changes failed")

    def write_refused(self, error: DBAPIError) -> StorageError | None:
        """The plain sentence for a refusal by the store itself, else None (a fault)."""
        return None

    def where(self) -> str:
        """Where the data is, in words (never a password)."""
        raise NotImplementedError

    def forget_deleted(self) -> None:
        """Make sure nothing deleted or overwritten can still be read from the store."""
        raise NotImplementedError

    def close(self) -> None:
        self.engine.dispose()
