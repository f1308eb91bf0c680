"""The main window, driven from the keyboard as a person would."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import shown_names, visit_every_area, wait_loaded

from app import services
from app.services import decisions, groups, people
from app.ui.settings import LAST_GROUP, Settings


def example_data_module():
    """The example data service, or a skip while it is still being written."""
    if not (Path(services.__file__).parent / "example_data.py").exists():
        pytest.skip("app/services/example_data.py does not exist yet")
    from app.services import example_data

    return example_data


def test_opens_on_the_example_data_and_each_group_fills_each_area(qtbot, open_window, db):
    example_data = example_data_module()
    assert example_data.is_empty(db)
    example_data.load_example_data(db)
    assert not example_data.is_empty(db)
    window = open_window().window
    assert len(window.groups) >= 2
    window.group_chooser.setCurrentIndex(0)
    wait_loaded(qtbot, window)
    window.group_chooser.setFocus()
    qtbot.waitUntil(window.group_chooser.hasFocus)
    seen = []
    for number, group in enumerate(window.groups):
        if number:
            qtbot.keyClick(window.group_chooser, Qt.Key.Key_Down)
        assert window.current_group() == group
        wait_loaded(qtbot, window)
        counts = []
        for area in range(len(window.panels)):  # hidden areas load when they are shown
            window.areas.setCurrentRow(area)
            wait_loaded(qtbot, window)
            counts.append(window.panels[area].model.rowCount())
        assert all(counts), f"{group.name}: {counts}"
        window.areas.setCurrentRow(0)
        expected = [member.display_name for member in people.list_members(db, group.id)]
        assert shown_names(window) == expected
        seen.append(tuple(expected))
    assert len(set(seen)) == len(seen), "each group shows its own members"


def test_areas_show_rows_and_group_changes_by_keyboard(qtbot, open_window, sample):
    window = open_window().window
    equipment = next(n for n, g in enumerate(window.groups) if g.id == sample.equipment)
    window.group_chooser.setCurrentIndex(equipment)
    wait_loaded(qtbot, window)
    assert shown_names(window) == list(sample.equipment_members)
    visit_every_area(qtbot, window)
    counts = [panel.model.rowCount() for panel in window.panels]
    assert counts == [3, 1, 2, 1, 1]
    assert "Kit That Works group" in window.windowTitle()

    sessions = window.panels[1].model
    assert sessions.data(sessions.index(0, sessions.TITLE)) == "Wheelchair repairs"
    assert sessions.data(sessions.index(0, sessions.STATUS)) == "Planned"
    assert sessions.data(sessions.index(0, sessions.PLANNED_LENGTH)) == "1 hour 10 minutes"
    members = window.panels[0].model
    margaret = next(r for r in range(3) if members.row_at(r).full_name == "Margaret O'Neill")
    assert members.data(members.index(margaret, members.PREFERRED_FORMAT)) == (
        "Large print, 24 point"
    )
    decisions_model = window.panels[3].model
    assert decisions_model.data(decisions_model.index(0, decisions_model.RAISED_BY)) == (
        "Margaret O'Neill (Champion)"
    )

    # The other group is one step away in the chooser, reached with the arrow keys.
    window.group_chooser.setFocus()
    qtbot.waitUntil(window.group_chooser.hasFocus)
    key = Qt.Key.Key_Up if equipment else Qt.Key.Key_Down
    qtbot.keyClick(window.group_chooser, key)
    assert window.current_group().id == sample.panel
    wait_loaded(qtbot, window)
    assert shown_names(window) == list(sample.panel_members)
    visit_every_area(qtbot, window)
    assert [panel.model.rowCount() for panel in window.panels] == [2, 1, 1, 1, 1]
    assert window.panels[0].table.accessibleName() == "Members of Digital Inclusion Panel"
    assert "Showing Digital Inclusion Panel." in window.status_line.announced


def test_navigation_list_switches_areas_by_keyboard(qtbot, open_window, sample):
    window = open_window().window
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    titles = []
    for _step in range(3):
        qtbot.keyClick(window.areas, Qt.Key.Key_Down)
        titles.append(window.current_panel().title())
    assert titles == ["Sessions", "Aims", "Decisions"]
    assert window.stack.currentWidget() is window.panels[3]
    assert [window.areas.item(n).text() for n in range(4)] == [
        "Members",
        "Sessions",
        "Aims",
        "Decisions",
    ]


def test_tab_order_follows_reading_order(qtbot, open_window, sample):
    window = open_window().window
    window.activateWindow()
    window.group_chooser.setFocus()
    qtbot.waitUntil(window.group_chooser.hasFocus)
    visited = [window.group_chooser]
    for _step in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    # The Members area has a search field and a check box above its list.
    members = window.panels[0]
    assert visited == [
        window.group_chooser,
        window.areas,
        members.search,
        members.show_left,
        members.table,
    ]
    # Tab leaves the table rather than moving from cell to cell (no keyboard trap).
    qtbot.keyClick(window.panels[0].table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.panels[0].table


def test_every_focusable_control_has_a_name(qtbot, open_window, sample):
    window = open_window().window
    for row in range(window.areas.count()):
        window.areas.setCurrentRow(row)
        unnamed = [
            f"{type(widget).__name__} {widget.objectName()!r}"
            for widget in window.findChildren(QWidget)
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and widget.isVisibleTo(window)
            and not widget.accessibleName().strip()
        ]
        assert unnamed == [], f"in {window.current_panel().title()}"


def test_labels_are_tied_to_their_controls(open_window, sample):
    window = open_window().window
    assert window.group_label.buddy() is window.group_chooser
    assert window.group_label.text() == "&Group:"
    for panel in window.panels:
        model = panel.model
        headers = [
            model.headerData(column, Qt.Orientation.Horizontal)
            for column in range(model.columnCount())
        ]
        assert all(headers) and not panel.table.horizontalHeader().isHidden()


def test_menus_have_mnemonics_and_standard_keys(open_window, sample):
    window = open_window().window
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&View", "&Packs", "Read al&oud", "&Help"]
    letters = [title[title.index("&") + 1].lower() for title in titles]
    assert len(set(letters)) == len(letters)  # each menu opens with its own Alt+letter
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions() if not action.isSeparator()]
    assert texts == [
        "&New group…",
        "&Group settings…",
        "&Back up now…",
        "&Restore a backup…",
        "&Check the data…",
        "&Quit",
    ]
    letters = [text[text.index("&") + 1].lower() for text in texts]
    assert len(set(letters)) == len(letters)
    assert window.group_actions.new_action.shortcut().toString() == "Ctrl+Shift+N"
    assert window.group_actions.settings_action.shortcut().toString() == "Ctrl+Shift+G"
    assert not window.quit_action.shortcut().isEmpty()


def test_the_group_shown_last_is_shown_again(qtbot, open_window, sample, data_dir):
    window = open_window().window
    panel_index = next(n for n, g in enumerate(window.groups) if g.id == sample.panel)
    window.group_chooser.setCurrentIndex(panel_index)
    wait_loaded(qtbot, window)
    window.settings.sync()
    assert Settings.in_folder(data_dir).get(LAST_GROUP) == sample.panel
    again = open_window().window
    assert again.current_group().id == sample.panel


def test_an_empty_file_says_there_are_no_groups(qtbot, open_window):
    window = open_window().window
    assert window.groups == []
    assert not window.group_chooser.isEnabled()
    assert window.group_chooser.placeholderText() == "No groups yet"
    assert (
        "There are no groups yet. To start one, choose New group in the File menu."
        in window.status_line.announced
    )
    assert window.panels[0].summary.text() == "No group is chosen."


def test_a_long_decision_log_is_fetched_in_windows(qtbot, open_window, db):
    group = groups.create_group(db, "Busy group")
    total = 450
    with db.transaction() as session:  # quicker than 450 separate calls
        from app.models import Decision

        session.add_all(
            Decision(group_id=group.id, wording=f"Decision {n}", decided_on=date(2024, 1, 1))
            for n in range(total)
        )
    assert decisions.count_decisions(db, group.id) == total
    window = open_window().window
    window.areas.setCurrentRow(3)
    wait_loaded(qtbot, window)
    panel = window.panels[3]
    model = panel.model
    assert model.rowCount() == model.WINDOW
    assert model.total == total
    assert "450 decisions" in panel.summary.text()
    assert "More are shown" in panel.summary.text()

    # Moving to the end of the list, as a keyboard user would, brings in the rest.
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    for _ in range(10):
        qtbot.keyClick(panel.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not model.is_fetching())
        if model.rowCount() == total:
            break
    assert model.rowCount() == total
    assert not model.canFetchMore()
    assert "More are shown" not in panel.summary.text()
    wordings = {model.row_at(row).wording for row in range(total)}
    assert len(wordings) == total


@pytest.mark.parametrize("area", range(4))
def test_tables_cannot_be_edited(open_window, sample, area):
    window = open_window().window
    model = window.panels[area].model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_every_area_name_is_whole_in_the_list_of_areas(open_window):  # type: ignore[no-untyped-def]
    """The list is as wide as its longest name, though the names come after it is laid out."""
    areas = open_window().window.areas
    room = areas.viewport().width()
    for row in range(areas.count()):
        item = areas.item(row)
        needs = areas.fontMetrics().horizontalAdvance(item.text())
        assert needs <= areas.visualItemRect(item).width() <= room, item.text()
    assert areas.horizontalScrollBar().maximum() == 0


def reads_after(before: QWidget, after: QWidget, page: QWidget) -> bool:
    """Whether ``after`` comes after ``before`` as a page is read: below it, or beside it to
    the right on the same line."""
    first = QRect(before.mapTo(page, QPoint(0, 0)), before.size())
    second = QRect(after.mapTo(page, QPoint(0, 0)), after.size())
    same_line = second.top() < first.bottom() and first.top() < second.bottom()
    return second.left() > first.left() if same_line else second.top() >= first.bottom()


@pytest.mark.parametrize("percent", [100, 300])
def test_tab_goes_through_each_area_in_reading_order(qtbot, open_window, sample, percent):
    """From the list of areas, Tab visits each area's controls as they are read: a filter
    or a search field above a table before the table, the buttons under it after."""
    parts = open_window()
    window = parts.window
    parts.text_size.choose(percent)
    window.activateWindow()
    page = window.scroller.widget()
    for row, panel in enumerate(window.panels):
        window.areas.setFocus()
        qtbot.waitUntil(window.areas.hasFocus)
        qtbot.keyClick(window.areas, Qt.Key.Key_Home)
        for _step in range(row):
            qtbot.keyClick(window.areas, Qt.Key.Key_Down)
        wait_loaded(qtbot, window)
        qtbot.keyClick(window.areas, Qt.Key.Key_Tab)
        visited: list[QWidget] = []
        while panel.isAncestorOf(QApplication.focusWidget()) and len(visited) < 40:
            visited.append(QApplication.focusWidget())
            qtbot.keyClick(visited[-1], Qt.Key.Key_Tab)
        assert panel.table in visited, panel.title()
        out_of_order = [
            f"{type(after).__name__} {after.accessibleName()!r} after "
            f"{type(before).__name__} {before.accessibleName()!r}"
            for before, after in pairwise(visited)
            if not reads_after(before, after, page)
        ]
        assert not out_of_order, f"{panel.title()}: {out_of_order}"
