"""A champion at home reads a decision by keyboard alone: Enter on the log shows it in full,
readable whole at 300% text on a small screen, and Escape goes back to the same row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from test_ui_decisions import focus, open_decisions, record_log
from ui_helpers import wait_loaded
from walker import Walker

from app.services import groups
from app.ui.decision_details import LEAST_LINES
from app.ui.decisions_panel import DecisionsPanel

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LONG_MESSAGE = (
    "A status message long enough to take several lines at this size, so that the "
    "window's page grows shorter above it while the decision is being read."
)


@pytest.fixture
def log(db):  # type: ignore[no-untyped-def]
    return record_log(db)


def wholly_in_view(window, widget: QWidget) -> bool:  # type: ignore[no-untyped-def]
    view = window.scroller.viewport()
    top_left = widget.mapTo(view, widget.rect().topLeft())
    return view.rect().contains(QRect(top_left, widget.size()))


def lines_shown(panel: DecisionsPanel) -> float:
    view = panel.details_view
    return view.viewport().height() / view.fontMetrics().lineSpacing()


def read_the_ramp_decision(qtbot, window, panel: DecisionsPanel) -> None:  # type: ignore[no-untyped-def]
    """Tab into the log, go to its oldest decision and press Enter."""
    focus(qtbot, window.areas)
    for _press in range(10):
        if panel.table.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.details_view.hasFocus)
    qtbot.waitUntil(lambda: panel.shown_details() is not None)
    wait_loaded(qtbot, window)


def test_at_300_percent_a_decision_is_read_whole_by_keyboard(qtbot, open_window, log):
    parts = open_window()
    parts.text_size.choose(300)
    window, panel = open_decisions(qtbot, lambda: parts)
    assert not panel.together  # no room at this size for the log and a decision both
    assert panel.read_button.toolTip() == "Choose a decision in the list first."

    read_the_ramp_decision(qtbot, window, panel)
    row = panel.table.currentIndex().row()
    assert panel.reading and panel.log.isHidden() and panel.page.isVisible()
    assert "Ramp requests will be answered" in panel.details_view.toPlainText()
    assert (
        "Showing the decision of 4 March 2025 in full. Escape goes back to the list."
        in window.status_line.announced
    )
    # The decision in full has the room of at least LEAST_LINES lines, all of it in view.
    qtbot.waitUntil(lambda: wholly_in_view(window, panel.details_view))
    assert lines_shown(panel) >= LEAST_LINES
    # Page Down moves through the decision itself, down to its last line.
    bar = panel.details_view.verticalScrollBar()
    assert bar.maximum() > 0, "the decision is longer than the room: it must scroll"
    qtbot.keyClick(panel.details_view, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(panel.details_view, Qt.Key.Key_End, CTRL)
    assert bar.value() > bar.maximum() - panel.details_view.fontMetrics().lineSpacing()
    assert panel.details_view.viewport().rect().contains(panel.details_view.cursorRect())
    qtbot.keyClick(panel.details_view, Qt.Key.Key_Home, CTRL)
    assert bar.value() < panel.details_view.fontMetrics().lineSpacing()  # its first line

    # A status message several lines long neither squeezes it nor hides its foot.
    window.status_line.announce(LONG_MESSAGE)
    line = window.status_line.fontMetrics().height()
    qtbot.waitUntil(lambda: window.status_line.height() > 2 * line)
    qtbot.waitUntil(lambda: wholly_in_view(window, panel.details_view))
    assert lines_shown(panel) >= LEAST_LINES

    # Escape: the log again, the same decision chosen and focused.
    qtbot.keyClick(panel.details_view, Qt.Key.Key_Escape)
    assert panel.table.hasFocus() and not panel.reading
    assert panel.log.isVisible() and panel.page.isHidden()
    assert panel.table.currentIndex().row() == row
    assert panel.chosen_row().wording.startswith("Ramp requests")
    assert window.status_line.announced[-1] == "Back to the list of decisions."

    # "Read this decision" (Alt+D) goes back to it; so does Alt+K come back.
    qtbot.keyClick(panel.table, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(panel.details_view.hasFocus)
    qtbot.keyClick(panel.details_view, Qt.Key.Key_K, ALT)  # "Bac&k to the list"
    qtbot.waitUntil(panel.table.hasFocus)
    assert panel.table.currentIndex().row() == row


@pytest.mark.parametrize("percent", [100, 300])
def test_the_decision_read_in_full_passes_the_walker(qtbot, open_window, log, percent):
    parts = open_window()
    parts.text_size.choose(percent)
    window, panel = open_decisions(qtbot, lambda: parts)
    read_the_ramp_decision(qtbot, window, panel)
    qtbot.wait(20)  # laid out on the next turn of the event loop
    walker = Walker(qtbot)
    walker.check_screen(window, f"a decision read in full, {percent}%")
    assert walker.problems == []


def test_with_room_for_both_the_decision_is_read_below_the_log(qtbot, open_window, log):
    window, panel = open_decisions(qtbot, open_window)
    window.resize(1400, 1100)
    qtbot.waitUntil(lambda: panel.together)
    assert panel.page.back_button.isHidden()  # the log is still on show
    read_the_ramp_decision(qtbot, window, panel)
    assert panel.log.isVisible() and panel.page.isVisible()
    assert lines_shown(panel) >= LEAST_LINES
    # Without actions there is nothing to update, and the button says so.
    qtbot.keyClick(panel.details_view, Qt.Key.Key_Escape)
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Home, CTRL)  # the newest, with no actions
    qtbot.waitUntil(lambda: panel.shown_details() is not None)
    assert panel.edit_button.isEnabled() and not panel.update_action_button.isEnabled()
    assert panel.update_action_button.toolTip() == "This decision has no actions yet."
    # The window made smaller: the decision being read takes the log's place.
    focus(qtbot, panel.details_view)
    window.resize(1100, 720)
    qtbot.waitUntil(lambda: not panel.together)
    assert panel.reading and panel.log.isHidden() and panel.details_view.hasFocus()


def test_another_group_goes_back_to_its_log(qtbot, open_window, db, log):
    other = groups.create_group(db, "Another group")
    parts = open_window()
    parts.text_size.choose(300)
    window, panel = open_decisions(qtbot, lambda: parts)
    window.group_chooser.setCurrentIndex(window.group_chooser.findData(log))
    wait_loaded(qtbot, window)
    read_the_ramp_decision(qtbot, window, panel)
    qtbot.keyClick(panel.details_view, Qt.Key.Key_G, ALT)  # "&Group:"
    assert window.group_chooser.hasFocus()
    key = Qt.Key.Key_Up if window.group_chooser.findData(other.id) == 0 else Qt.Key.Key_Down
    qtbot.keyClick(window.group_chooser, key)
    wait_loaded(qtbot, window)
    assert window.current_group().name == "Another group"
    assert not panel.reading and panel.log.isVisible()
    assert panel.summary.text() == "This group has not recorded any decisions yet."


def test_the_decision_being_read_stays_chosen_when_the_log_is_read_again(qtbot, open_window, log):
    parts = open_window()
    parts.text_size.choose(300)
    window, panel = open_decisions(qtbot, lambda: parts)
    read_the_ramp_decision(qtbot, window, panel)
    chosen = panel.chosen_row().id
    panel.reload()  # as after a change made elsewhere
    wait_loaded(qtbot, window)
    assert panel.chosen_row().id == chosen
    qtbot.waitUntil(lambda: panel.shown_details() is not None)
    assert "Ramp requests will be answered" in panel.details_view.toPlainText()
    assert panel.reading and panel.details_view.hasFocus()
