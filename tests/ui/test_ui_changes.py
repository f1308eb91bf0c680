"""Every open view shows what is saved, wherever it was saved: the areas follow a change
made in another window (live mode, a dialog, a restore) without being told by it."""

from __future__ import annotations

from dataclasses import replace

from ui_helpers import wait_loaded

from app import clock
from app.services import aims, decisions, groups, live_close
from app.services.changes import Change
from app.services.groups import GroupDetails
from app.ui.changes import ChangeNews, News

DECISIONS_AREA, SESSIONS_AREA = 3, 1


def show_equipment_group(qtbot, window, sample) -> None:  # type: ignore[no-untyped-def]
    window.group_chooser.setCurrentIndex(window.group_chooser.findData(sample.equipment))
    wait_loaded(qtbot, window)


def wordings(panel) -> list[str]:  # type: ignore[no-untyped-def]
    model = panel.model
    return [model.row_at(row).wording for row in range(model.rowCount())]


def test_a_decision_saved_elsewhere_appears_and_the_current_one_stays(qtbot, open_window, sample):
    parts = open_window()
    window = parts.window
    show_equipment_group(qtbot, window, sample)
    window.areas.setCurrentRow(DECISIONS_AREA)
    panel = window.current_panel()
    wait_loaded(qtbot, window)
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    current = panel.chosen_row().id

    # As live mode saves one: through the same data, on the worker thread.
    parts.runner.run(
        parts.source.call,
        decisions.record_decision,
        sample.equipment,
        "Loan chairs are checked before each delivery.",
        clock.today(),
    )
    qtbot.waitUntil(lambda: "Loan chairs are checked before each delivery." in wordings(panel))
    assert panel.chosen_row().id == current
    assert "2 decisions" in panel.summary.text()


def test_an_area_out_of_sight_is_up_to_date_when_it_is_shown(qtbot, open_window, sample):
    parts = open_window()
    window = parts.window
    show_equipment_group(qtbot, window, sample)
    window.areas.setCurrentRow(SESSIONS_AREA)
    wait_loaded(qtbot, window)
    sessions = window.current_panel()
    repairs = next(row for row in sessions.model.rows() if row.title == "Wheelchair repairs")
    assert repairs.status.value == "planned"
    window.areas.setCurrentRow(0)

    parts.runner.run(parts.source.call, live_close.close_session, repairs.id)
    parts.runner.wait_idle()
    window.areas.setCurrentRow(SESSIONS_AREA)
    qtbot.waitUntil(
        lambda: next(r for r in sessions.model.rows() if r.id == repairs.id).status.value == "held"
    )


def test_a_group_renamed_elsewhere_is_renamed_in_the_chooser(qtbot, open_window, sample):
    parts = open_window()
    window = parts.window
    show_equipment_group(qtbot, window, sample)
    renamed = replace(GroupDetails.of(window.current_group()), name="Kit That Works forum")
    parts.runner.run(parts.source.call, groups.save_group, renamed, sample.equipment)
    qtbot.waitUntil(lambda: window.group_chooser.currentText() == "Kit That Works forum")


def test_news_arriving_together_is_told_once(qtbot) -> None:
    news = ChangeNews()
    told: list[News] = []
    news.changed.connect(told.append)
    news.tell(frozenset({Change.DECISIONS}))
    news.hear(frozenset({"actions", "comments"}))
    qtbot.waitUntil(lambda: bool(told))
    qtbot.wait(20)
    assert [item.kinds for item in told] == [{Change.DECISIONS, Change.ACTIONS, Change.COMMENTS}]
    assert told[0].number == news.latest == 2


def test_the_decision_filters_offer_an_aim_added_elsewhere_and_keep_their_choice(
    qtbot, open_window, sample
):
    parts = open_window()
    window = parts.window
    show_equipment_group(qtbot, window, sample)
    window.areas.setCurrentRow(DECISIONS_AREA)
    panel = window.current_panel()
    wait_loaded(qtbot, window)
    aim = panel.filters.aim
    qtbot.waitUntil(lambda: aim.count() > 1)
    aim.setCurrentIndex(1)
    chosen = aim.currentData()

    parts.runner.run(parts.source.call, aims.add_aim, sample.equipment, "Deliveries on time")
    qtbot.waitUntil(lambda: "Deliveries on time" in [aim.itemText(n) for n in range(aim.count())])
    assert aim.currentData() == chosen
