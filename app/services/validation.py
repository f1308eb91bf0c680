"""Checks on what people type, each refusing with a plain sentence and changing nothing."""

from __future__ import annotations

import re
from datetime import date

from app.errors import ValidationError
from app.i18n import _

# Control characters (other than tab and line breaks) cannot be printed, read aloud or
# typed back, and NUL cuts text short in many programs: refuse them rather than store them.
# The second range is the C1 controls (bar U+0085, a line break), which terminals obey.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
# Every character that ends a line, not only the two a keyboard types.
_LINE_BREAKS = re.compile(r"[\n\r\x85\u2028\u2029]")

NAME_LIMIT = 200
# Well past any name or phrase anyone searches for, well short of SQLite's own limit.
SEARCH_LIMIT = 1000
TITLE_LIMIT = 300
TEXT_LIMIT = 1_000_000
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2200, 12, 31)


def name(value: str, what: str) -> str:
    """A required short text (a name, a title), without surrounding spaces."""
    return short_text(value, what, limit=NAME_LIMIT, required=True)


def short_text(value: str, what: str, *, limit: int = TITLE_LIMIT, required: bool = False) -> str:
    cleaned = _printable(value, what).strip()
    if _LINE_BREAKS.search(cleaned):
        raise ValidationError(_("{what} must fit on one line.").format(what=what))
    if required and not cleaned:
        raise ValidationError(_("Please give {what}.").format(what=what.lower()))
    if len(cleaned) > limit:
        raise ValidationError(
            _("{what} is too long: please keep it under {limit} characters.").format(
                what=what, limit=limit
            )
        )
    return cleaned


def long_text(value: str, what: str, *, required: bool = False) -> str:
    """Notes and wording: kept exactly as typed, line breaks and all."""
    text = _printable(value, what)
    if required and not text.strip():
        raise ValidationError(_("Please write {what}.").format(what=what.lower()))
    if len(text) > TEXT_LIMIT:
        raise ValidationError(
            _("{what} is too long to save: please split it into shorter parts.").format(what=what)
        )
    return text


def search_text(value: str) -> str:
    """What was typed into a search box: any characters at all, but not a whole document.

    Hidden control characters are dropped: no saved text holds one (they are refused on
    the way in), so a search pasted with one means the words around it, and a database
    server such as PostgreSQL refuses NUL anywhere in a query.
    """
    if not isinstance(value, str):
        raise ValidationError(_("A search must be text."))
    if len(value) > SEARCH_LIMIT:
        raise ValidationError(_("That search is too long: please search for a shorter phrase."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            _("That search contains a broken character. Please retype it.")
        ) from error
    return _UNPRINTABLE.sub("", value)


def whole_number(value: int, what: str, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_("{what} must be a whole number.").format(what=what))
    if not low <= value <= high:
        raise ValidationError(
            _("{what} must be between {low} and {high}.").format(what=what, low=low, high=high)
        )
    return value


def calendar_date(value: date | None, what: str) -> date | None:
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            _("{what} must be between the years {first} and {last}.").format(
                what=what, first=EARLIEST_DATE.year, last=LATEST_DATE.year
            )
        )
    return value


def _printable(value: str, what: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(_("{what} must be text.").format(what=what))
    if _UNPRINTABLE.search(value):
        raise ValidationError(
            _(
                "{what} contains a hidden control character that cannot be saved. Please retype it."
            ).format(what=what)
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            _("{what} contains a broken character. Please retype it.").format(what=what)
        ) from error
    return value
