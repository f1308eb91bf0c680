"""The one "now" of the whole app.

Everything that needs the date or the time asks here rather than the computer directly,
so that a test can choose the day (``running_from``, or ``fixed_at`` to stop the clock)
and pass on any day of the year: the screens, the services and the example data all see
the same, chosen moment.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from time import monotonic

Source = Callable[[], datetime]

# Where a demonstration or a test run wants another day, the clock starts from the moment
# this names (ISO 8601, e.g. "2028-09-27T10:00"), and runs on from there.
START_VARIABLE = "ROUNDTABLE_CLOCK_START"


def _computer_now() -> datetime:
    return datetime.now(UTC)


_source: Source = _computer_now


def now() -> datetime:
    """This moment, in UTC (with its time zone): for records of when something happened."""
    return _source().astimezone(UTC)


def local_now() -> datetime:
    """This moment as the clock on the wall reads it here, without a time zone: sessions
    are planned and shown in local time."""
    return _source().astimezone().replace(tzinfo=None)


def today() -> date:
    """Today's date here."""
    return local_now().date()


def set_source(source: Source | None) -> None:
    """Read "now" from ``source`` from here on (None: the computer's own clock again)."""
    global _source
    _source = source or _computer_now


def as_moment(moment: datetime) -> datetime:
    """``moment`` with a time zone: a time without one is taken as local."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def _running(start: datetime) -> Source:
    """A clock that reads ``start`` now and runs on at the real pace."""
    started = monotonic()
    return lambda: start + timedelta(seconds=monotonic() - started)


@contextmanager
def running_from(moment: datetime) -> Iterator[None]:
    """Within the block the clock starts at ``moment`` and runs on at the real pace, so
    timers and "time left" still move."""
    previous = _source
    set_source(_running(as_moment(moment)))
    try:
        yield
    finally:
        set_source(previous)


@contextmanager
def fixed_at(moment: datetime) -> Iterator[None]:
    """Within the block, "now" is ``moment`` (a local time if it has no time zone)."""
    fixed = as_moment(moment)
    previous = _source
    set_source(lambda: fixed)
    try:
        yield
    finally:
        set_source(previous)


def start_from_environment() -> None:
    """Start the clock at the moment ``ROUNDTABLE_CLOCK_START`` names, if it names one."""
    given = os.environ.get(START_VARIABLE, "").strip()
    if not given:
        return
    try:
        start = as_moment(datetime.fromisoformat(given))
    except ValueError:
        return  # not a moment: the computer's own clock, as if it were not set
    set_source(_running(start))
