"""Every item model passes pytest-qt's model tester, loaded and empty."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from ui_helpers import visit_every_area

from app.models.enums import DecisionStatus, Role
from app.services.decisions import DecisionRow
from app.ui.formatting import format_minutes, shorten
from app.ui.table_models import (
    DecisionsModel,
    RowRole,
    SortRole,
)
from app.ui.tasks import TaskRunner


def test_every_model_in_the_window_passes_the_model_tester(
    qtbot, qtmodeltester, open_window, sample
):
    window = open_window().window
    visit_every_area(qtbot, window)
    for panel in window.panels:
        assert panel.model.rowCount() > 0
        qtmodeltester.check(panel.model, force_py=True)
    qtmodeltester.check(window.areas.model(), force_py=True)
    qtmodeltester.check(window.group_chooser.model(), force_py=True)


def test_every_model_passes_empty(qtmodeltester, open_window):
    window = open_window().window
    for panel in window.panels:
        assert panel.model.rowCount() == 0
        qtmodeltester.check(panel.model, force_py=True)


def decision(number: int) -> DecisionRow:
    return DecisionRow(
        id=number,
        decided_on=date(2025, 1, 1),
        wording=f"Decision {number}",
        status=DecisionStatus.AGREED,
        raised_by="Sam",
        raised_by_role=Role.CHAMPION,
        open_actions=number % 3,
    )


@pytest.fixture
def runner():
    runner = TaskRunner()
    yield runner
    runner.shutdown(wait=True)


def test_the_decisions_model_fetches_windows_and_passes_the_tester(qtbot, qtmodeltester, runner):
    all_rows = [decision(n) for n in range(500)]
    asked: list[tuple[int | None, int]] = []

    def fetch(after: DecisionRow | None, limit: int) -> list[DecisionRow]:
        asked.append((after and after.id, limit))
        start = 0 if after is None else all_rows.index(after) + 1  # the rows after the last
        return all_rows[start : start + limit]

    model = DecisionsModel(runner)
    model.start(len(all_rows), all_rows[: model.WINDOW], fetch)
    assert model.rowCount() == model.WINDOW and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)  # asks for more along the way
    qtbot.waitUntil(runner.is_idle)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        assert not model.canFetchMore(QModelIndex())  # one window at a time
        qtbot.waitUntil(runner.is_idle)
    assert model.rowCount() == 500, asked
    assert [row.id for row in model.rows()] == list(range(500))
    assert asked[0] == (model.WINDOW - 1, model.LATER_WINDOW)  # after the last row shown
    qtmodeltester.check(model, force_py=True)


def test_a_window_for_an_old_group_is_thrown_away(qtbot, runner):
    model = DecisionsModel(runner)
    model.start(400, [decision(n) for n in range(200)], lambda o, n: [decision(-1)] * n)
    model.fetchMore(QModelIndex())
    model.start(1, [decision(7)], lambda o, n: [])  # the group changed meanwhile
    qtbot.waitUntil(runner.is_idle)
    assert [row.id for row in model.rows()] == [7]


def test_a_failed_window_is_reported(qtbot, runner):
    from app.errors import StorageError

    def broken(offset: int, limit: int) -> list[DecisionRow]:
        raise StorageError("The data file cannot be read just now.")

    model = DecisionsModel(runner)
    model.start(400, [decision(n) for n in range(200)], broken)
    with qtbot.waitSignal(model.fetch_failed) as signal:
        model.fetchMore(QModelIndex())
    assert signal.args == ["The data file cannot be read just now."]
    assert not model.canFetchMore(QModelIndex())


def test_roles(runner):
    model = DecisionsModel(runner)
    model.start(1, [decision(4)], lambda o, n: [])
    cell = model.index(0, model.OPEN_ACTIONS)
    assert model.data(cell) == "1"
    assert model.data(cell, Qt.ItemDataRole.AccessibleTextRole) == "1"
    assert model.data(cell, SortRole) == 1
    assert model.data(cell, RowRole) == decision(4)
    assert model.data(model.index(0, model.DATE)) == "1 January 2025"
    assert model.headerData(model.WORDING, Qt.Orientation.Horizontal) == "Decision"


def test_words_for_lengths_and_long_text():
    assert format_minutes(45) == "45 minutes"
    assert format_minutes(60) == "1 hour"
    assert format_minutes(61) == "1 hour 1 minute"
    assert format_minutes(150) == "2 hours 30 minutes"
    long = "word " * 200
    short = shorten(long)
    assert short.endswith("… (continues)") and len(short) < 420
    assert shorten("Short.") == "Short."
