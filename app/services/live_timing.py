"""The time box of an agenda item and of a break, in words and numbers. Pure functions, so
the live screen can ask every few seconds for free.

Time is only ever told, never acted on: nothing here moves the session on.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _, ngettext

# A gentle warning when this much of the time box is left (or less, for a short item).
WARNING_MINUTES = 2


@dataclass(frozen=True)
class TimeLeft:
    minutes_left: int  # whole minutes still to go, rounded up; 0 once the time is used
    minutes_over: int  # whole minutes past the time box
    box_minutes: int
    warn: bool  # near the end (or past it): say so, gently
    words: str  # e.g. "12 minutes left of 20"


def item_time(box_minutes: int, elapsed_seconds: float) -> TimeLeft:
    """How much of an item's ``box_minutes`` is left after ``elapsed_seconds``."""
    return _time_left(box_minutes, elapsed_seconds, of_break=False)


def break_time(box_minutes: int, elapsed_seconds: float) -> TimeLeft:
    return _time_left(box_minutes, elapsed_seconds, of_break=True)


def warning_words(time: TimeLeft, *, of_break: bool = False) -> str:
    """The gentle warning to show and say once, near the end of the time box."""
    if time.minutes_left == 0:
        if of_break:
            return _("The break's time is up. Carry on when everyone is ready.")
        return _("This item's time is up. Move on when the group is ready.")
    if of_break:
        return ngettext(
            "The break ends in {count} minute.",
            "The break ends in {count} minutes.",
            time.minutes_left,
        ).format(count=time.minutes_left)
    return ngettext(
        "{count} minute left on this item.",
        "{count} minutes left on this item.",
        time.minutes_left,
    ).format(count=time.minutes_left)


def _time_left(box_minutes: int, elapsed_seconds: float, *, of_break: bool) -> TimeLeft:
    box_seconds = box_minutes * 60
    remaining = box_seconds - max(elapsed_seconds, 0.0)
    if remaining > 0:
        left = int(-(-remaining // 60))  # rounded up: "1 minute left" until it is used
        words = (
            ngettext(
                "{count} minute of the break left, of {box}",
                "{count} minutes of the break left, of {box}",
                left,
            )
            if of_break
            else ngettext("{count} minute left of {box}", "{count} minutes left of {box}", left)
        ).format(count=left, box=box_minutes)
        threshold = min(WARNING_MINUTES, max(box_minutes // 4, 1))
        return TimeLeft(left, 0, box_minutes, left <= threshold, words)
    over = int(-remaining // 60)
    if over == 0:
        words = _("Time is up: {box} minutes used").format(box=box_minutes)
    else:
        words = ngettext(
            "{count} minute over the {box} planned",
            "{count} minutes over the {box} planned",
            over,
        ).format(count=over, box=box_minutes)
    return TimeLeft(0, over, box_minutes, True, words)
