"""The shared store the bad-input cases run against, and the rule they check."""

from __future__ import annotations

import itertools

from bad_input import assert_plain, must_refuse, ordinary
from sqlalchemy import func, select

from app.errors import ValidationError
from app.models import Base

numbers = itertools.count(1)


def counts(db) -> dict[str, int]:
    """How many rows each table holds, in one query that any store answers."""
    tables = Base.metadata.sorted_tables
    query = select(
        *(select(func.count()).select_from(t).scalar_subquery().label(t.name) for t in tables)
    )
    with db.transaction() as session:
        return dict(session.execute(query).one()._mapping)


def attempt(db, text: str, call, *, short: bool = False):  # type: ignore[no-untyped-def]
    """Run ``call``: a refusal must be plain and change nothing; NUL and friends must be
    refused, ordinary words must be kept. Returns the result, or None if refused."""
    before = counts(db)
    try:
        result = call()
    except ValidationError as refused:
        assert_plain(refused)
        assert counts(db) == before, "a refusal changed the file"
        assert not (short and ordinary(text)), f"ordinary words refused: {text!r}"
        return None
    assert not must_refuse(text), f"kept a control or broken character: {text!r}"
    return result


def searched(call):  # type: ignore[no-untyped-def]
    """A search finds something or nothing; only a whole document pasted in, or a broken
    character, is refused."""
    try:
        return call()
    except ValidationError as refused:
        assert_plain(refused)
        assert "too long" in str(refused) or "broken character" in str(refused)
        return None
