"""The Aims area by keyboard: each aim's reviews, adding an aim and changing one."""

from __future__ import annotations

from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import wait_loaded

from app.models import AimOutcome
from app.services import aims, groups, meetings
from app.ui.aim_dialogs import AimDialog
from app.ui.aims_panel import AimsPanel

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def group(db):
    group = groups.create_group(db, "Kit That Works group").id
    repairs = aims.add_aim(db, group, "Repairs within two weeks", "Members tell us each time")
    aims.add_aim(db, group, "Letters in plain words")
    march = meetings.plan_meeting(db, group, "March session", datetime(2025, 3, 4, 10), [])
    april = meetings.plan_meeting(db, group, "April session", datetime(2025, 4, 1, 10), [])
    aims.review_aim(db, repairs.id, march.id, AimOutcome.NOT_YET, "Still six weeks")
    aims.review_aim(db, repairs.id, april.id, AimOutcome.PROGRESSING, "Down to three")
    return group


def open_aims(qtbot, open_window):  # type: ignore[no-untyped-def]
    window = open_window().window
    window.activateWindow()
    window.areas.setCurrentRow(2)
    wait_loaded(qtbot, window)
    panel = window.current_panel()
    assert isinstance(panel, AimsPanel)
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    return window, panel


def choose_first(qtbot, panel: AimsPanel) -> None:  # type: ignore[no-untyped-def]
    """Down then Up: the first row is chosen whether or not the table had a current row."""
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert panel.chosen_aim() is not None and panel.chosen_aim().title == (
        panel.model.rows()[0].title
    )


def test_choosing_an_aim_shows_its_reviews(qtbot, qtmodeltester, open_window, group):
    _window, panel = open_aims(qtbot, open_window)
    assert panel.model.data(panel.model.index(0, panel.model.LATEST_REVIEW)) == (
        "Progressing (2 reviews)"
    )
    choose_first(qtbot, panel)
    qtbot.waitUntil(lambda: panel.reviews_model.rowCount() == 2)
    reviews = panel.reviews_model
    cells = [[reviews.data(reviews.index(row, column)) for column in range(4)] for row in range(2)]
    assert cells[0][1:] == ["April session", "Progressing", "Down to three"]
    assert cells[1][1:] == ["March session", "Not yet", "Still six weeks"]
    assert cells[0][0].startswith("1 April 2025")
    assert panel.reviews_summary.text() == (
        "“Repairs within two weeks” was reviewed at 2 sessions, the newest first."
    )
    qtmodeltester.check(reviews, force_py=True)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # an aim not reviewed yet
    qtbot.waitUntil(lambda: panel.reviews_model.rowCount() == 0)
    qtbot.waitUntil(lambda: "not been reviewed" in panel.reviews_summary.text())
    qtmodeltester.check(reviews, force_py=True)
    qtmodeltester.check(panel.model, force_py=True)
    # Tab goes from the aims to their buttons, then to the reviews.
    order = []
    for _step in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [panel.add_button, panel.edit_button, panel.reviews_table]


def active_dialog(qtbot):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AimDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def test_adding_an_aim_and_a_refusal_that_keeps_the_text(qtbot, open_window, group):
    window, panel = open_aims(qtbot, open_window)
    qtbot.keyClick(panel.table, Qt.Key.Key_A, ALT)  # "&Add an aim…"
    dialog = active_dialog(qtbot)
    assert dialog.title_field.hasFocus()
    qtbot.keyClick(dialog.title_field, Qt.Key.Key_H, ALT)
    qtbot.keyClicks(dialog.measure, "Members say they can read them")
    qtbot.keyClick(dialog.measure, Qt.Key.Key_S, ALT)  # save with no aim written
    qtbot.waitUntil(lambda: "Please give the aim." in window.status_line.announced)
    assert dialog.isVisible() and dialog.title_field.hasFocus()
    assert dialog.measure.toPlainText() == "Members say they can read them"
    qtbot.keyClicks(dialog.title_field, "Clear bills")
    qtbot.keyClick(dialog.title_field, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    wait_loaded(qtbot, window)
    assert [row.title for row in panel.model.rows()][-1] == "Clear bills"
    assert "Added the aim “Clear bills”." in window.status_line.announced
    qtbot.waitUntil(lambda: panel.chosen_aim() is not None)
    assert panel.chosen_aim().title == "Clear bills"


def test_editing_an_aim(qtbot, open_window, group):
    window, panel = open_aims(qtbot, open_window)
    choose_first(qtbot, panel)
    qtbot.waitUntil(panel.edit_button.isEnabled)
    qtbot.keyClick(panel.table, Qt.Key.Key_E, ALT)  # "&Edit…"
    dialog = active_dialog(qtbot)
    assert dialog.title_field.toPlainText() == "Repairs within two weeks"
    qtbot.keyClick(dialog.title_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.title_field, "Repairs within ten days")
    qtbot.keyClick(dialog.title_field, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: panel.model.rows()[0].title == "Repairs within ten days")
    wait_loaded(qtbot, window)
    assert panel.model.rows()[0].review_count == 2  # its history stays with it
    qtbot.waitUntil(lambda: panel.reviews_model.rowCount() == 2)


def test_the_aim_dialog_example_names_every_control(qtbot, open_window, group):
    window, _panel = open_aims(qtbot, open_window)
    dialog = AimDialog.example(window)
    assert dialog.title_field.toPlainText() == "Repairs within two weeks"
    named = [
        widget.accessibleName()
        for widget in dialog.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(dialog)
    ]
    assert all(named) and "How the group will know" in named
    dialog.deleteLater()
