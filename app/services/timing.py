"""Whether a planned session keeps to the group's own limits: how long it runs, and how long
people go without a break. Pure functions, so the editor can check as a person types.

The running order is the agenda items in order, with each break placed *after* an item's
position (0: before the first item). A break at the very start or end splits nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.i18n import _, ngettext

DEFAULT_SESSION_LIMIT_MINUTES = 120
DEFAULT_BREAK_INTERVAL_MINUTES = 45


@dataclass(frozen=True)
class Stretch:
    """Agenda items run one after another with no break: ``first`` to ``last`` (0-based)."""

    first: int
    last: int
    minutes: int


@dataclass(frozen=True)
class PlanCheck:
    total_minutes: int
    break_count: int
    too_long: bool
    long_stretches: tuple[Stretch, ...]

    @property
    def needs_break(self) -> bool:
        return bool(self.long_stretches)


def check_plan(
    agenda_minutes: Sequence[int],
    breaks: Sequence[tuple[int, int]],
    limit_minutes: int,
    break_interval_minutes: int,
) -> PlanCheck:
    """How the plan measures up: ``breaks`` are (after position, minutes) pairs."""
    splits = {after for after, _minutes in breaks if 0 < after < len(agenda_minutes)}
    stretches: list[Stretch] = []
    first, running = 0, 0
    for index, minutes in enumerate(agenda_minutes):
        running += minutes
        position = index + 1  # the position a break after this item carries
        if position in splits or position == len(agenda_minutes):
            stretches.append(Stretch(first, index, running))
            first, running = index + 1, 0
    total = sum(agenda_minutes) + sum(minutes for _after, minutes in breaks)
    return PlanCheck(
        total_minutes=total,
        break_count=len(breaks),
        too_long=total > limit_minutes,
        long_stretches=tuple(s for s in stretches if s.minutes > break_interval_minutes),
    )


def plan_warnings(
    agenda_minutes: list[int],
    breaks: list[tuple[int, int]],
    limit_minutes: int,
    break_interval_minutes: int,
    titles: Sequence[str] | None = None,
) -> list[str]:
    """Plain sentences for each way the plan breaks the group's limits (none if it keeps
    to them). ``titles``, if given, name the agenda items in the sentences."""
    check = check_plan(agenda_minutes, breaks, limit_minutes, break_interval_minutes)
    warnings = []
    if check.too_long:
        warnings.append(
            _(
                "This session is planned to last {length}, longer than the group's limit of "
                "{limit}."
            ).format(
                length=duration_words(check.total_minutes), limit=duration_words(limit_minutes)
            )
        )
    for stretch in check.long_stretches:
        warnings.append(
            _(
                "There is no break for {length}, {where}. "
                "The group asks for a break at least every {interval}."
            ).format(
                length=duration_words(stretch.minutes),
                where=_where(stretch, titles),
                interval=duration_words(break_interval_minutes),
            )
        )
    return warnings


def plan_summary(agenda_minutes: Sequence[int], breaks: Sequence[tuple[int, int]]) -> str:
    """One sentence: "Planned length 1 hour 50 minutes, with 2 breaks." """
    if not agenda_minutes and not breaks:
        return _("Nothing is planned yet.")
    total = sum(agenda_minutes) + sum(minutes for _after, minutes in breaks)
    if not breaks:
        return _("Planned length {length}, with no breaks.").format(length=duration_words(total))
    return ngettext(
        "Planned length {length}, with {count} break.",
        "Planned length {length}, with {count} breaks.",
        len(breaks),
    ).format(length=duration_words(total), count=len(breaks))


def duration_words(minutes: int) -> str:
    """A length of time in words, e.g. "2 hours 20 minutes"."""
    hours, rest = divmod(max(minutes, 0), 60)
    hour_words = ngettext("{count} hour", "{count} hours", hours).format(count=hours)
    minute_words = ngettext("{count} minute", "{count} minutes", rest).format(count=rest)
    if hours and rest:
        return _("{hours} {minutes}").format(hours=hour_words, minutes=minute_words)
    return hour_words if hours else minute_words


def _where(stretch: Stretch, titles: Sequence[str] | None) -> str:
    def name(index: int) -> str:
        if titles is not None and index < len(titles) and titles[index].strip():
            return _("“{title}”").format(title=titles[index].strip())
        return _("item {number}").format(number=index + 1)

    if stretch.first == stretch.last:
        return _("during {item}").format(item=name(stretch.first))
    return _("from the start of {first} to the end of {last}").format(
        first=name(stretch.first), last=name(stretch.last)
    )
