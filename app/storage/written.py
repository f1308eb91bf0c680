"""Which tables a unit of work wrote, so that whoever shows them can be told once it is saved.

A session of this kind notes the table of every row it adds, changes or deletes, whether
through mapped objects or through a statement (a bulk insert, an update, a delete).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

_KEY = "tables written"


class RecordingSession(Session):
    """A ``Session`` that keeps, in ``written(session)``, the names of the tables it wrote."""


def written(session: Session) -> set[str]:
    """The names of the tables ``session`` has written so far (a live set)."""
    found: set[str] = session.info.setdefault(_KEY, set())
    return found


@event.listens_for(RecordingSession, "after_flush")
def _note_flushed(session: Session, _context: Any) -> None:
    names = written(session)
    for record in (*session.new, *session.deleted):
        names.add(record.__table__.name)
    for record in session.dirty:
        if session.is_modified(record):
            names.add(record.__table__.name)


@event.listens_for(RecordingSession, "do_orm_execute")
def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if name:
            written(state.session).add(name)
