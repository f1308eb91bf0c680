"""Reading a time of day as people type it: "14:00", "1400", "2pm", "2.30", "9:15 am", "noon"."""

from __future__ import annotations

import re
from datetime import time

from app.errors import ValidationError
from app.i18n import _

_TYPED = re.compile(r"^(?P<hour>\d{1,2})(?:\s*[:.h]?\s*(?P<minute>\d{2}))?\s*(?P<half>am|pm)?$")
_NOON = ("noon", "midday", "12 noon")
_MIDNIGHT = ("midnight",)
# A group meets in the day or the evening: a bare "2.30" is half past two in the afternoon,
# not in the night. Hours from 8 to 12 are taken as written; "02:30" or "2.30am" say otherwise.
_AFTERNOON_HOURS = range(1, 8)


def read_time(text: str) -> time:
    """The time of day ``text`` names, or a ``ValidationError`` saying how to write one."""
    typed = " ".join(text.lower().replace("a.m.", "am").replace("p.m.", "pm").split())
    if typed in _NOON:
        return time(12, 0)
    if typed in _MIDNIGHT:
        return time(0, 0)
    found = _TYPED.match(typed)
    if found is None:
        raise _not_a_time()
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    half = found["half"]
    if minute > 59:
        raise _not_a_time()
    if half is not None:
        if not 1 <= hour <= 12:
            raise _not_a_time()
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif hour > 23:
        raise _not_a_time()
    elif hour in _AFTERNOON_HOURS and not found["hour"].startswith("0"):
        hour += 12
    return time(hour, minute)


def _not_a_time() -> ValidationError:
    return ValidationError(_("Please type a time such as 14:00, 2pm or 2.30."))
