"""What a saved unit of work changed, in the terms the screens show: groups, people,
sessions, decisions and so on, rather than tables.

The data store tells its listeners which tables each unit of work wrote (see
``Store.listeners``); ``what_changed`` turns those into ``Change`` kinds, so that every view
can refresh itself from the news, whoever made the change: a dialog, live mode, a restore.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Change(StrEnum):
    GROUPS = "groups"
    PEOPLE = "people"
    VENUES = "venues"
    SESSIONS = "sessions"  # a session's details, plan, status or write-up
    ATTENDANCE = "attendance"
    NOTES = "notes"  # what live mode keeps as it goes: notes, turns, breaks, where it is
    AIMS = "aims"  # the aims and how sessions moved them on
    DECISIONS = "decisions"
    ACTIONS = "actions"
    PAYMENTS = "payments"
    COMMENTS = "comments"


EVERYTHING = frozenset(Change)

_TABLES = {
    "groups": Change.GROUPS,
    "people": Change.PEOPLE,
    "memberships": Change.PEOPLE,
    "access_needs": Change.PEOPLE,
    "venues": Change.VENUES,
    "venue_features": Change.VENUES,
    "meetings": Change.SESSIONS,
    "agenda_items": Change.SESSIONS,
    "planned_breaks": Change.SESSIONS,
    "meeting_aims": Change.SESSIONS,
    "attendance": Change.ATTENDANCE,
    "notes": Change.NOTES,
    "contributions": Change.NOTES,
    "breaks_taken": Change.NOTES,
    "live_progress": Change.NOTES,
    "aims": Change.AIMS,
    "aim_reviews": Change.AIMS,
    "decisions": Change.DECISIONS,
    "decision_changes": Change.DECISIONS,
    "decision_aims": Change.DECISIONS,
    "actions": Change.ACTIONS,
    "payments": Change.PAYMENTS,
    "comments": Change.COMMENTS,
}


def what_changed(tables: Iterable[str]) -> frozenset[Change]:
    """The kinds of record that writing ``tables`` changed (a table not known here changes
    everything, so that a view is never left showing what is no longer true)."""
    kinds: set[Change] = set()
    for table in tables:
        kind = _TABLES.get(table)
        if kind is None:
            return EVERYTHING
        kinds.add(kind)
    return frozenset(kinds)
