"""What the live screen shows of a running session: plain frozen records, read in one unit
of work by ``app.services.live``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.models import AimOutcome, AttendanceStatus, MeetingStatus, Role


@dataclass(frozen=True)
class LiveItem:
    id: int
    position: int
    title: str
    minutes: int
    details: str
    notes: str


@dataclass(frozen=True)
class LiveBreak:
    id: int
    after_position: int  # after the item at this position; 0 is before the first
    minutes: int
    label: str
    taken: bool


@dataclass(frozen=True)
class LivePerson:
    id: int
    name: str
    role: Role
    status: AttendanceStatus | None  # None: not checked in yet
    with_supporter: bool
    supporter_name: str


@dataclass(frozen=True)
class LiveAim:
    id: int
    title: str
    how_we_will_know: str
    outcome: AimOutcome | None  # this session's review, once given
    note: str


@dataclass(frozen=True)
class Turns:
    """How many times one person has been heard: ``agenda_item_id`` None is the session
    as a whole; ``sent_beforehand`` counts what they sent in before the session."""

    person_id: int
    agenda_item_id: int | None
    spoken: int
    sent_beforehand: int


@dataclass(frozen=True)
class LiveDecision:
    id: int
    wording: str
    raised_by: str


@dataclass(frozen=True)
class LiveAction:
    id: int
    description: str
    owner: str
    due_on: date | None


@dataclass(frozen=True)
class RunningBreak:
    id: int
    minutes: int
    started_at: datetime


@dataclass(frozen=True)
class LiveState:
    meeting_id: int
    group_id: int
    group_name: str
    title: str
    starts_at: datetime
    status: MeetingStatus
    items: tuple[LiveItem, ...]
    breaks: tuple[LiveBreak, ...]
    people: tuple[LivePerson, ...]
    aims: tuple[LiveAim, ...]
    turns: tuple[Turns, ...]
    decisions: tuple[LiveDecision, ...]
    actions: tuple[LiveAction, ...]
    current_item_id: int | None
    item_started_at: datetime | None
    running_break: RunningBreak | None
    session_notes: str  # notes on the session as a whole (when it has no agenda)

    def item(self, item_id: int | None) -> LiveItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def person(self, person_id: int) -> LivePerson | None:
        return next((person for person in self.people if person.id == person_id), None)
