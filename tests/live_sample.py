"""A small group with a session ready to run live, made through the services (shared by the
live-mode tests, the kill tests and the typing benchmark)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.models.enums import MeetingStatus, Role
from app.services import aims, groups, meetings, people
from app.storage import Database


@dataclass(frozen=True)
class LiveSample:
    group_id: int
    meeting_id: int
    people: dict[str, int]  # name → person id
    aims: dict[str, int]
    items: tuple[int, ...]  # agenda item ids in order
    breaks: tuple[int, ...]


def make_live_session(db: Database, *, held: bool = False, rate_pence: int = 2000) -> LiveSample:
    group = groups.create_group(db, "Kit That Works group", purpose="Equipment that works.")
    named = {}
    for full, role in (
        ("Margaret O'Neill", Role.CHAMPION),
        ("Tomasz Nowak", Role.LIVED_EXPERIENCE),
        ("Grace Okafor", Role.CARER),
        ("Dev Sharma", Role.STAFF),
    ):
        named[full.split()[0]] = people.add_member(db, group.id, full, role).person_id
    repairs = aims.add_aim(db, group.id, "Repairs within two weeks", "Members tell us")
    letters = aims.add_aim(db, group.id, "Clear letters")
    row = meetings.plan_meeting(
        db,
        group.id,
        "Wheelchair repairs",
        datetime(2025, 3, 4, 10, 30),
        [("Welcome and check-in", 10), ("Repairs: what has changed", 45)],
        breaks=[(1, 15)],
    )
    details = meetings.get_session(db, row.id)
    details = replace(
        details,
        aim_ids=(repairs.id, letters.id),
        status=MeetingStatus.HELD if held else MeetingStatus.PLANNED,
    )
    saved = meetings.save_session(db, details)
    if rate_pence:
        from app.models import Group

        with db.transaction() as session:
            session.get(Group, group.id).hourly_rate_pence = rate_pence  # type: ignore[union-attr]
    state_breaks = [b for b in _break_ids(db, row.id)]
    return LiveSample(
        group_id=group.id,
        meeting_id=row.id,
        people=named,
        aims={"repairs": repairs.id, "letters": letters.id},
        items=tuple(line.id for line in saved.agenda if line.id is not None),
        breaks=tuple(state_breaks),
    )


def _break_ids(db: Database, meeting_id: int) -> list[int]:
    from app.services.live import read_live

    return [b.id for b in read_live(db, meeting_id).breaks]
