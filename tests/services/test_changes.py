"""Every saved unit of work says what it changed, in the kinds the screens show; a unit of
work that fails or only reads says nothing."""

from __future__ import annotations

import pytest

from app import clock
from app.errors import ValidationError
from app.models import Role
from app.models.base import Base
from app.services import decisions, example_data, groups, people
from app.services.changes import EVERYTHING, Change, what_changed


@pytest.fixture
def heard(db) -> list[frozenset[Change]]:  # type: ignore[no-untyped-def]
    news: list[frozenset[Change]] = []
    db.listeners.append(lambda tables: news.append(what_changed(tables)))
    return news


def test_each_saved_change_is_told_once_in_the_kinds_the_screens_show(db, heard) -> None:
    group = groups.create_group(db, "Kit That Works")
    assert heard == [{Change.GROUPS}]
    member = people.add_member(db, group.id, "Gwen Parry", Role.CHAMPION)
    assert heard[-1] == {Change.PEOPLE}
    decision_id = decisions.record_decision(
        db,
        group.id,
        "Deliveries come with a phone call first.",
        clock.today(),
        raised_by_id=member.person_id,
    )
    assert heard[-1] == {Change.DECISIONS}
    decisions.change_decision(
        db, decision_id, changed_by="Sam", wording="Deliveries: a call first."
    )
    assert heard[-1] == {Change.DECISIONS}
    assert len(heard) == 4


def test_reading_and_refusing_tell_nothing(db, heard) -> None:
    group = groups.create_group(db, "Kit That Works")
    heard.clear()
    groups.list_groups(db)
    decisions.list_decisions(db, group.id)
    with pytest.raises(ValidationError):
        decisions.record_decision(db, group.id, "", clock.today())
    assert heard == []


def test_statements_that_write_many_rows_are_heard_too(db, heard) -> None:
    example_data.load_example_data(db)  # written with bulk inserts
    told = frozenset().union(*heard)
    assert {Change.GROUPS, Change.PEOPLE, Change.SESSIONS, Change.DECISIONS} <= told


def test_every_table_is_known_as_a_kind_of_change() -> None:
    unknown = [name for name in Base.metadata.tables if what_changed([name]) == EVERYTHING]
    assert unknown == []
    assert what_changed(["a table from a later version"]) == EVERYTHING
