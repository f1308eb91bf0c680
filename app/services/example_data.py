"""The example groups a first-time user sees, loaded into an empty database.

The content lives in resources/example_data.json. People and venues are referred to by a
short key; every date is a whole number of days from the day the data is loaded, so the
example always has recent past sessions and one still to come.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock
from app.errors import RoundtableError, ValidationError
from app.i18n import _
from app.models import (
    AccessNeed,
    Action,
    AgendaItem,
    Aim,
    AimReview,
    Attendance,
    Comment,
    Decision,
    DecisionChange,
    Group,
    Meeting,
    Membership,
    Note,
    Payment,
    Person,
    PlannedBreak,
    Venue,
    VenueFeature,
    decision_aims,
    enums,
    meeting_aims,
)
from app.storage import Store

Data = Mapping[str, Any]

# Each flush's bookkeeping grows with what it holds: slices keep large data sets quick.
FLUSH_BATCH = 5_000
# History and comments given without a time of day are stamped at the end of an afternoon.
DEFAULT_TIME = "16:00"


@dataclass(frozen=True)
class ExampleDataSummary:
    groups: int
    people: int
    sessions: int
    decisions: int
    actions: int


def example_data_path() -> Path:
    """Where the example data is read from; a frozen build may replace this function."""
    return Path(__file__).resolve().parents[2] / "resources" / "example_data.json"


def is_empty(db: Store) -> bool:
    """True when the database has no groups and no people in it."""
    with db.transaction() as session:
        return _is_empty(session)


def load_example_data(db: Store, today: date | None = None) -> ExampleDataSummary:
    """Add the example groups to an empty database, with dates around ``today``."""
    try:
        data = json.loads(example_data_path().read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RoundtableError(
            _("Roundtable could not read its example data ({reason}).").format(reason=error)
        ) from error
    return load_data_set(db, data, today or clock.today())


def load_data_set(db: Store, data: Data, today: date) -> ExampleDataSummary:
    """Add ``data`` (shaped like example_data.json) to an empty database in one transaction."""
    with db.transaction() as session:
        if not _is_empty(session):
            raise ValidationError(
                _(
                    "The example data can only be added to an empty database; this one "
                    "already has groups or people in it."
                )
            )
        loader = _Loader(session, today)
        try:
            loader.add_people_and_venues(data)
            for group in data["groups"]:
                loader.add_group(group)
        except (LookupError, TypeError, ValueError, IntegrityError) as error:
            raise ValidationError(
                _(
                    "The example data is not in the shape Roundtable expects ({reason}), so "
                    "none of it was added."
                ).format(reason=error)
            ) from error
        return ExampleDataSummary(
            groups=len(data["groups"]), people=len(data["people"]), **loader.counts
        )


def _is_empty(session: Session) -> bool:
    return all(session.scalar(select(model.id).limit(1)) is None for model in (Group, Person))


@dataclass
class _Loader:
    """Builds a data set's records inside one unit of work.

    Parents are flushed before their children are built, so children carry plain foreign
    key ids: no relationship bookkeeping, and no queries per row, however many there are.
    """

    session: Session
    today: date
    person_ids: dict[str, int] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)
    venue_ids: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(
        default_factory=lambda: {"sessions": 0, "decisions": 0, "actions": 0}
    )

    def add_people_and_venues(self, data: Data) -> None:
        venues = {
            v["key"]: Venue(**_same_named(v, "name", "address", "access_note"))
            for v in data.get("venues", [])
        }
        people = {p["key"]: self._person(p) for p in data["people"]}
        self._add([*venues.values(), *people.values()])
        self.venue_ids = {key: venue.id for key, venue in venues.items()}
        self.person_ids = {key: person.id for key, person in people.items()}
        self.person_names = {key: person.full_name for key, person in people.items()}
        self._add(
            VenueFeature(venue_id=self.venue_ids[v["key"]], kind=enums.VenueFeatureKind(kind))
            for v in data.get("venues", [])
            for kind in v.get("features", [])
        )
        self._add(
            AccessNeed(
                person_id=self.person_ids[p["key"]],
                kind=enums.AccessNeedKind(n["kind"]),
                details=n.get("details", ""),
            )
            for p in data["people"]
            for n in p.get("access_needs", [])
        )

    def add_group(self, data: Data) -> None:
        group = Group(
            **_same_named(data, "name", "purpose", "partner_organisation"),
            **_same_named(
                data, "session_limit_minutes", "break_interval_minutes", "hourly_rate_pence"
            ),
        )
        self._add([group])
        aims = {
            a["key"]: Aim(
                group_id=group.id,
                position=position,
                closed_on=self._day(a.get("closed_days_from_today")),
                **_same_named(a, "title", "how_we_will_know"),
            )
            for position, a in enumerate(data.get("aims", []), start=1)
        }
        members = [
            Membership(
                group_id=group.id,
                person_id=self.person_ids[m["person"]],
                role=enums.Role(m["role"]),
                joined_on=self._day(m.get("joined_days_from_today")),
                left_on=self._day(m.get("left_days_from_today")),
            )
            for m in data.get("members", [])
        ]
        sessions = data.get("sessions", [])
        meetings = [self._meeting(group.id, s) for s in sessions]
        self._add([*aims.values(), *members, *meetings])
        aim_ids = {key: aim.id for key, aim in aims.items()}
        self._link(meeting_aims, "meeting_id", zip(meetings, sessions, strict=True), aim_ids)
        items, decisions = self._add_session_contents(group, meetings, sessions, aim_ids)
        self._add_decision_contents(items, decisions, aim_ids)
        self.counts["sessions"] += len(meetings)

    def _add_session_contents(
        self, group: Group, meetings: list[Meeting], sessions: Sequence[Data], aim_ids: Data
    ) -> tuple[list[tuple[AgendaItem, Data]], list[tuple[Decision, Data]]]:
        """Everything that hangs off a session; returns what the next pass needs ids of."""
        records: list[Any] = []
        items: list[tuple[AgendaItem, Data]] = []
        decisions: list[tuple[Decision, Data]] = []
        for meeting, s in zip(meetings, sessions, strict=True):
            # A held session's records date from when it was held; a planned one's from now.
            stamp = _stamp(meeting.created_at)
            breaks = s.get("breaks", [])
            planned = sum(i["minutes"] for i in s["agenda"]) + sum(b["minutes"] for b in breaks)
            items += [
                (self._agenda_item(meeting, position, i), i)
                for position, i in enumerate(s["agenda"], start=1)
            ]
            records += [
                PlannedBreak(
                    meeting_id=meeting.id,
                    **_same_named(b, "after_position", "minutes", "label"),
                    **stamp,
                )
                for b in breaks
            ]
            records += [self._attendance(meeting, a) for a in s.get("attendance", [])]
            records += [
                AimReview(
                    aim_id=aim_ids[r["aim"]],
                    meeting_id=meeting.id,
                    outcome=enums.AimOutcome(r["outcome"]),
                    note=r.get("note", ""),
                    **stamp,
                )
                for r in s.get("aim_reviews", [])
            ]
            records += [self._payment(group, meeting.id, planned, p) for p in s.get("payments", [])]
            records += [self._comment(c, meeting_id=meeting.id) for c in s.get("comments", [])]
            records += [Note(meeting_id=meeting.id, text=t, **stamp) for t in s.get("notes", [])]
            decisions += [(self._decision(meeting, d), d) for d in s.get("decisions", [])]
        self._add([item for item, _data in items])
        self._add([decision for decision, _data in decisions])
        self._add(records)
        self.counts["decisions"] += len(decisions)
        return items, decisions

    def _add_decision_contents(
        self,
        items: list[tuple[AgendaItem, Data]],
        decisions: list[tuple[Decision, Data]],
        aim_ids: Data,
    ) -> None:
        """Notes per agenda item, and each decision's actions, aims, history and comments."""
        records: list[Any] = [
            Note(
                meeting_id=item.meeting_id,
                agenda_item_id=item.id,
                text=text,
                **_stamp(item.created_at),
            )
            for item, i in items
            for text in i.get("notes", [])
        ]
        actions: list[tuple[Action, Data]] = []
        for decision, d in decisions:
            records += [self._change(decision.id, None, h) for h in d.get("history", [])]
            records += [self._comment(c, decision_id=decision.id) for c in d.get("comments", [])]
            actions += [(self._action(decision, a), a) for a in d.get("actions", [])]
        self._add([action for action, _data in actions])
        records += [
            self._change(action.decision_id, action.id, h)
            for action, a in actions
            for h in a.get("history", [])
        ]
        self._add(records)
        self._link(decision_aims, "decision_id", decisions, aim_ids)
        self.counts["actions"] += len(actions)

    def _agenda_item(self, meeting: Meeting, position: int, i: Data) -> AgendaItem:
        return AgendaItem(
            meeting_id=meeting.id,
            position=position,
            lead_id=self._person_id(i.get("lead")),
            **_same_named(i, "title", "details", "minutes"),
            **_stamp(meeting.created_at),
        )

    def _person(self, p: Data) -> Person:
        return Person(
            preferred_format=enums.PackFormat(p.get("preferred_format", "standard")),
            delivery=enums.Delivery(p.get("delivery", "email")),
            consent_recorded_on=self._day(p.get("consent_days_from_today")),
            **_same_named(p, "full_name", "preferred_name", "pronouns", "email", "phone"),
            **_same_named(p, "postal_address", "access_needs_note", "large_print_size_pt"),
            **_same_named(p, "consent_to_store"),
        )

    def _meeting(self, group_id: int, s: Data) -> Meeting:
        starts_at = datetime.combine(self._day(s["days_from_today"]), time.fromisoformat(s["time"]))
        held = s["days_from_today"] < 0
        status = s.get("status", "held" if held else "planned")
        return Meeting(
            group_id=group_id,
            venue_id=self.venue_ids[s["venue"]] if s.get("venue") else None,
            starts_at=starts_at,
            status=enums.MeetingStatus(status),
            # A session still to come is recorded as made now; one already held, when held.
            **(_stamp(starts_at.astimezone(UTC)) if held else {}),
            **_same_named(s, "title", "summary", "feedback"),
        )

    def _attendance(self, meeting: Meeting, a: Data) -> Attendance:
        supporter = a.get("supporter_name", "")
        return Attendance(
            meeting_id=meeting.id,
            person_id=self.person_ids[a["person"]],
            status=enums.AttendanceStatus(a["status"]),
            with_supporter=a.get("with_supporter", bool(supporter)),
            supporter_name=supporter,
            **_stamp(meeting.created_at),
        )

    def _payment(self, group: Group, meeting_id: int, planned_minutes: int, p: Data) -> Payment:
        # Unless told otherwise a member is paid for the whole session at the group's rate.
        return Payment(
            person_id=self.person_ids[p["person"]],
            group_id=group.id,
            meeting_id=meeting_id,
            minutes_given=p.get("minutes_given", planned_minutes),
            rate_pence_per_hour=p.get("rate_pence_per_hour", group.hourly_rate_pence),
            paid_on=self._day(p.get("paid_days_from_today")),
            **_same_named(p, "expenses_pence", "voucher_pence", "voucher_note", "declined", "note"),
        )

    def _decision(self, meeting: Meeting, d: Data) -> Decision:
        actions = d.get("actions", [])
        history = [*d.get("history", []), *(h for a in actions for h in a.get("history", []))]
        last_change = max((self._moment(h) for h in history), default=meeting.created_at)
        return Decision(
            group_id=meeting.group_id,
            meeting_id=meeting.id,
            raised_by_id=self._person_id(d.get("raised_by")),
            how_agreed=enums.AgreementMethod(d.get("how_agreed", "consensus")),
            status=enums.DecisionStatus(d.get("status", "agreed")),
            decided_on=meeting.starts_at.date(),
            created_at=meeting.created_at,
            updated_at=last_change,
            **_same_named(d, "wording", "how_agreed_note"),
        )

    def _action(self, decision: Decision, a: Data) -> Action:
        last_change = max((self._moment(h) for h in a.get("history", [])), default=None)
        return Action(
            group_id=decision.group_id,
            decision_id=decision.id,
            meeting_id=decision.meeting_id,
            owner_id=self._person_id(a.get("owner")),
            due_on=self._day(a.get("due_days_from_today")),
            status=enums.ActionStatus(a.get("status", "not_started")),
            done_on=self._day(a.get("done_days_from_today")),
            created_at=decision.created_at,
            updated_at=last_change or decision.created_at,
            **_same_named(a, "description", "outcome"),
        )

    def _change(self, decision_id: int, action_id: int | None, h: Data) -> DecisionChange:
        changed_at = self._moment(h)
        return DecisionChange(
            decision_id=decision_id,
            action_id=action_id,
            changed_at=changed_at,
            # The name as it was then, so the history still reads true if the person leaves.
            changed_by=self.person_names[h["changed_by"]],
            **_same_named(h, "field", "old_value", "new_value", "reason"),
            **_stamp(changed_at),
        )

    def _comment(self, c: Data, **target: int) -> Comment:
        author_id = self._person_id(c.get("author"))
        return Comment(author_id=author_id, text=c["text"], **target, **_stamp(self._moment(c)))

    def _link(
        self, table: Table, column: str, owners: Iterable[tuple[Any, Data]], aim_ids: Data
    ) -> None:
        """Rows tying sessions or decisions to the aims they work on."""
        rows = [
            {column: owner.id, "aim_id": aim_ids[key]}
            for owner, data in owners
            for key in data.get("aims", [])
        ]
        if rows:  # an empty executemany would insert one row of defaults
            self.session.execute(insert(table), rows)

    def _add(self, records: Iterable[Any]) -> None:
        """Insert ``records`` in slices, after every record they refer to is already in."""
        batch: list[Any] = []
        for record in records:
            batch.append(record)
            if len(batch) >= FLUSH_BATCH:
                self.session.add_all(batch)
                self.session.flush()
                batch = []
        self.session.add_all(batch)
        self.session.flush()

    def _person_id(self, key: str | None) -> int | None:
        return None if key is None else self.person_ids[key]

    def _day(self, days_from_today: int | None) -> date | None:
        return None if days_from_today is None else self.today + timedelta(days=days_from_today)

    def _moment(self, entry: Data) -> datetime:
        """An aware UTC time from an entry's day offset and local wall-clock time."""
        day = self.today + timedelta(days=entry["days_from_today"])
        return datetime.combine(
            day, time.fromisoformat(entry.get("time", DEFAULT_TIME))
        ).astimezone(UTC)


def _same_named(data: Data, *names: str) -> dict[str, Any]:
    """The values ``data`` gives for fields named as on the model; the model's defaults
    fill in the rest."""
    return {name: data[name] for name in names if name in data}


def _stamp(moment: datetime) -> dict[str, datetime]:
    return {"created_at": moment, "updated_at": moment}
