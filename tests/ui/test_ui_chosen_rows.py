"""In every area the row that has the focus is the chosen row: Tab into a list and its first
row is chosen and drawn highlighted, and the buttons that act on a chosen row say why they
are unavailable until one is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from ui_helpers import wait_loaded

from app.ui.aims_panel import AimsPanel
from app.ui.decisions_panel import DecisionsPanel
from app.ui.member_editor import MemberEditor
from app.ui.members_panel import MembersPanel
from app.ui.panels import RecordsPanel
from app.ui.payments_panel import PaymentsPanel
from app.ui.records_table import RecordsTable
from app.ui.session_editor import SessionEditor
from app.ui.sessions_panel import SessionsPanel
from app.ui.settings import HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT, NORMAL_LOOK

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def row_buttons(panel: RecordsPanel) -> list[QAbstractButton]:
    """The buttons of ``panel`` that act on the chosen row."""
    if isinstance(panel, SessionsPanel):
        return list(panel.for_chosen)
    if isinstance(panel, MembersPanel):
        return [panel.edit_button, panel.left_button, panel.privacy.button]
    if isinstance(panel, AimsPanel):
        return [panel.edit_button]
    if isinstance(panel, PaymentsPanel):
        return [panel.change_button, panel.mark_button]
    assert isinstance(panel, DecisionsPanel)
    return [panel.read_button]


REASONS = {
    MembersPanel: "Choose a member in the list first.",
    SessionsPanel: "Choose a session in the list first.",
    AimsPanel: "Choose an aim in the list first.",
    DecisionsPanel: "Choose a decision in the list first.",
    PaymentsPanel: "Choose a payment in the list first.",
}


@pytest.fixture
def equipment(qtbot, open_window, sample):  # type: ignore[no-untyped-def]
    """The main window on the equipment group, which has rows in every area."""
    parts = open_window()
    window = parts.window
    window.group_chooser.setCurrentIndex(
        next(n for n, g in enumerate(window.groups) if g.id == sample.equipment)
    )
    wait_loaded(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield parts
    parts.window.display.choose_look(NORMAL_LOOK)


def show_area(qtbot, window, number: int) -> RecordsPanel:  # type: ignore[no-untyped-def]
    window.areas.setCurrentRow(number)
    wait_loaded(qtbot, window)
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    return window.current_panel()


def tab_to(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    for _press in range(15):
        if widget.hasFocus():
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert widget.hasFocus(), f"Tab never reached {type(widget).__name__}"


def chosen_rows(table: RecordsTable) -> list[int]:
    return [index.row() for index in table.selectionModel().selectedRows()]


def highlighted(table: RecordsTable, row: int) -> bool:
    """Whether ``row`` is drawn in the look's colour for the chosen row (give or take the
    few levels the style's shading adds)."""
    rect = table.visualRect(table.model().index(row, 0))
    picture = table.viewport().grab().toImage()
    drawn = picture.pixelColor(rect.right() - 3, rect.bottom() - 3)
    wanted = table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    levels = (drawn.red() - wanted.red(), drawn.green() - wanted.green())
    return max(abs(level) for level in (*levels, drawn.blue() - wanted.blue())) <= 24


@pytest.mark.parametrize("number", range(5))
def test_tab_into_a_list_chooses_its_first_row_and_its_buttons_follow(
    qtbot, equipment, number
) -> None:
    window = equipment.window
    panel = show_area(qtbot, window, number)
    buttons = row_buttons(panel)
    reason = REASONS[type(panel)]
    assert panel.model.rowCount() and not panel.table.currentIndex().isValid()
    assert panel.chosen_row() is None
    for button in buttons:
        assert not button.isEnabled()
        assert button.toolTip() == reason and button.accessibleDescription() == reason

    tab_to(qtbot, panel.table)
    assert panel.table.currentIndex().row() == 0
    assert chosen_rows(panel.table) == [0]  # the focused row is the chosen row
    assert panel.chosen_row() == panel.model.row_at(0)
    assert buttons[0].isEnabled() and buttons[0].toolTip() == ""
    assert buttons[0].accessibleDescription() != reason

    # Ctrl+Space, which Qt takes to unchoose a row, leaves it chosen.
    qtbot.keyClick(panel.table, Qt.Key.Key_Space, CTRL)
    assert chosen_rows(panel.table) == [0] and buttons[0].isEnabled()


@pytest.mark.parametrize(
    ("percent", "look"),
    [(100, NORMAL_LOOK), (300, NORMAL_LOOK), (100, HIGH_CONTRAST_LIGHT), (100, HIGH_CONTRAST_DARK)],
)
def test_the_chosen_row_is_drawn_in_the_looks_colour(qtbot, equipment, percent, look) -> None:
    window = equipment.window
    equipment.text_size.choose(percent)
    window.display.choose_look(look)
    panel = show_area(qtbot, window, 0)  # Members: three rows
    tab_to(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.wait(20)  # drawn on the next turn of the event loop
    assert chosen_rows(panel.table) == [1]
    assert highlighted(panel.table, 1)
    assert not highlighted(panel.table, 0)
    # Still drawn so when the focus is elsewhere: the row stays chosen.
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    assert highlighted(panel.table, 1)


def test_alt_e_after_tab_edits_the_focused_session(qtbot, equipment) -> None:
    window = equipment.window
    panel = show_area(qtbot, window, 1)
    assert isinstance(panel, SessionsPanel)
    tab_to(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_E, ALT)  # "&Edit…", with no Space first
    session_id = panel.model.row_at(0).id
    qtbot.waitUntil(lambda: session_id in panel.editors, timeout=5000)
    editor = panel.editors[session_id]
    assert isinstance(editor, SessionEditor)
    qtbot.waitUntil(editor.is_loaded)
    assert editor.when.title.text() == "Wheelchair repairs"
    assert "Choose a session in the list first." not in window.status_line.announced
    editor.reject()


def test_alt_e_after_tab_edits_the_focused_member(qtbot, equipment) -> None:
    window = equipment.window
    panel = show_area(qtbot, window, 0)
    assert isinstance(panel, MembersPanel)
    tab_to(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_E, ALT)  # "&Edit…"
    qtbot.waitUntil(lambda: isinstance(panel.dialog, MemberEditor))
    assert panel.dialog.form.full_name.text() == "Aisha Bello"
    panel.dialog.reject()


def test_a_payment_already_paid_says_why_it_cannot_be_marked_paid(qtbot, equipment) -> None:
    window = equipment.window
    panel = show_area(qtbot, window, 4)
    assert isinstance(panel, PaymentsPanel)
    tab_to(qtbot, panel.table)
    assert panel.mark_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_T, ALT)  # "Mark as paid &today"
    qtbot.waitUntil(lambda: panel.chosen() is not None and panel.chosen().paid)
    assert not panel.mark_button.isEnabled()
    assert panel.mark_button.toolTip() == "This payment is already marked as paid."
