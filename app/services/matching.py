"""Matching what people type against saved text, ignoring case in any script.

Both sides are lower-cased by the store's own ``lower()``, never one side by Python: Python
and a database server do not agree on the small form of every letter (Turkish "İ" is
one), and a search must find what was saved whichever store holds it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, String, false, func, literal, or_


def contains(column: ColumnElement[str], text: str) -> ColumnElement[bool]:
    """``column`` holds ``text`` anywhere, taken literally: % and _ are letters here."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(_folded(f"%{escaped}%"), escape="\\")


def contains_any(column: ColumnElement[str], texts: Iterable[str]) -> ColumnElement[bool]:
    conditions = [contains(column, text) for text in texts]
    return or_(*conditions) if conditions else false()


def same_text(column: ColumnElement[str], text: str) -> ColumnElement[bool]:
    return func.lower(column) == _folded(text)


def same_as_any(column: ColumnElement[str], texts: Iterable[str]) -> ColumnElement[bool]:
    return func.lower(column).in_([_folded(text) for text in texts])


def _folded(text: str) -> ColumnElement[str]:
    return func.lower(literal(text, String))
