"""The session's running order with clock times: each agenda item and break, start to end."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.i18n import _
from app.services.packs.facts import AgendaFact, BreakFact


@dataclass(frozen=True)
class Slot:
    starts: datetime
    ends: datetime
    title: str
    is_break: bool
    lead: str = ""
    details: str = ""


def running_order(
    starts_at: datetime, agenda: Sequence[AgendaFact], breaks: Sequence[BreakFact]
) -> list[Slot]:
    """Items in order, each break after the item at its position (0: before the first)."""
    breaks_after: dict[int, list[BreakFact]] = {}
    for planned in breaks:
        # A break placed beyond the last item still happens: after the last item.
        place = min(max(planned.after_position, 0), len(agenda))
        breaks_after.setdefault(place, []).append(planned)
    slots: list[Slot] = []
    clock = starts_at

    def add_breaks(place: int) -> None:
        nonlocal clock
        for planned in breaks_after.get(place, []):
            ends = clock + timedelta(minutes=planned.minutes)
            slots.append(Slot(clock, ends, planned.label or _("Break"), is_break=True))
            clock = ends

    add_breaks(0)
    for number, item in enumerate(agenda, start=1):
        ends = clock + timedelta(minutes=item.minutes)
        slots.append(Slot(clock, ends, item.title, False, item.lead, item.details))
        clock = ends
        add_breaks(number)
    return slots
