"""Starting a group and changing its settings, by keyboard, from an empty Roundtable."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import wait_loaded

from app import clock
from app.services import groups
from app.services.groups import GroupDetails
from app.ui.group_dialog import GroupDialog

ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def active_dialog(qtbot) -> GroupDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), GroupDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def retype(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def closed(dialog: GroupDialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_a_new_user_starts_a_group_by_keyboard_and_it_is_shown(qtbot, open_window, db) -> None:
    window = open_window().window
    window.activateWindow()
    assert window.groups == []
    assert any("New group in the File menu" in said for said in window.status_line.announced)
    assert not window.group_actions.settings_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
    dialog = active_dialog(qtbot)
    assert dialog.windowTitle().startswith("Start a new group")
    assert dialog.name.hasFocus()
    assert dialog.finished is None  # a group just starting has not finished
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, ALT)  # no name yet: refused, dialog stays
    qtbot.waitUntil(lambda: "Please give the group's name." in window.status_line.announced)
    assert dialog.isVisible() and dialog.name.hasFocus()

    qtbot.keyClicks(dialog.name, "Housing voices")
    qtbot.keyClick(dialog.name, Qt.Key.Key_F, ALT)
    qtbot.keyClicks(dialog.purpose, "Repairs done right first time.")
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_L, ALT)
    assert dialog.session_limit.lineEdit().hasFocus()
    retype(qtbot, dialog.session_limit.lineEdit(), "90")
    assert dialog.session_limit.value() == 90
    assert dialog.session_limit.accessibleDescription() == (
        "Sessions planned longer than this are pointed out: 1 hour 30 minutes."
    )
    qtbot.keyClick(dialog.session_limit, Qt.Key.Key_H, ALT)
    retype(qtbot, dialog.rate.lineEdit(), "12.50")
    qtbot.keyClick(dialog.rate, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: len(window.groups) == 1)
    wait_loaded(qtbot, window)

    assert "Started the group “Housing voices”." in window.status_line.announced
    assert window.current_group().name == "Housing voices"
    assert window.group_chooser.isEnabled()
    assert window.purpose.text() == "Repairs done right first time."
    assert "Housing voices" in window.windowTitle()
    assert window.group_actions.settings_action.isEnabled()
    (saved,) = groups.list_groups(db)
    assert GroupDetails.of(saved) == GroupDetails(
        "Housing voices", "Repairs done right first time.", "", 90, 45, 1_250
    )


def test_changing_the_chosen_group_s_settings_keeps_it_chosen(qtbot, open_window, db) -> None:
    groups.create_group(db, "Kit That Works group", "Better equipment")
    housing = groups.create_group(db, "Housing voices")
    window = open_window().window
    window.activateWindow()
    window.group_chooser.setCurrentIndex(
        next(n for n, g in enumerate(window.groups) if g.id == housing.id)
    )
    wait_loaded(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL_SHIFT)
    dialog = active_dialog(qtbot)
    assert dialog.windowTitle().startswith("Group settings")
    assert dialog.name.text() == "Housing voices"
    assert dialog.session_limit.value() == 120 and dialog.break_interval.value() == 45

    retype(qtbot, dialog.name, "Kit That Works group")  # another group's name
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, ALT)
    message = "There is already a group called “Kit That Works group”."
    qtbot.waitUntil(lambda: message in window.status_line.announced)
    assert dialog.isVisible() and dialog.name.hasFocus()
    under_name = dialog.fields.itemAt(dialog.fields.indexOf(dialog.name) + 1).widget()
    assert under_name.isVisible() and under_name.text() == message
    assert not dialog.general_error.isVisible()

    retype(qtbot, dialog.name, "Housing voices panel")
    qtbot.keyClick(dialog.name, Qt.Key.Key_W, ALT)
    retype(qtbot, dialog.break_interval.lineEdit(), "30")
    qtbot.keyClick(dialog.break_interval, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: window.current_group().name == "Housing voices panel")
    wait_loaded(qtbot, window)
    assert window.current_group().id == housing.id
    assert window.current_group().break_interval_minutes == 30
    assert "Saved the settings of “Housing voices panel”." in window.status_line.announced
    assert [g.name for g in window.groups] == ["Housing voices panel", "Kit That Works group"]


def test_a_group_that_has_finished_is_marked_by_keyboard_and_listed_last(
    qtbot, open_window, db
) -> None:
    survey = groups.create_group(db, "Aardvark survey group")
    groups.create_group(db, "Kit That Works group")
    window = open_window().window
    window.activateWindow()
    wait_loaded(qtbot, window)
    assert window.current_group().id == survey.id
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL_SHIFT)
    dialog = active_dialog(qtbot)
    assert not dialog.finished.check.isChecked()
    assert not dialog.finished.editor.isEnabled()
    # "This group has finished its wor&k": the access key ticks it, as a click would.
    qtbot.keyClick(dialog.name, Qt.Key.Key_K, ALT)
    assert dialog.finished.check.hasFocus()
    assert dialog.finished.check.accessibleName() == "This group has finished its work"
    qtbot.waitUntil(dialog.finished.check.isChecked)
    assert dialog.finished.editor.isEnabled()  # today, unless changed
    qtbot.keyClick(dialog.finished.check, Qt.Key.Key_T, ALT)  # "Da&te it finished"
    assert dialog.finished.editor.hasFocus()
    qtbot.keyClick(dialog.finished.editor, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: window.groups[-1].finished_on is not None)
    wait_loaded(qtbot, window)
    # Still chosen, with everything it had, but now after the group still going.
    assert window.current_group().id == survey.id
    assert [window.group_chooser.itemText(n) for n in range(window.group_chooser.count())] == [
        "Kit That Works group",
        "Aardvark survey group (finished)",
    ]
    assert window.group_chooser.currentText() == "Aardvark survey group (finished)"
    assert groups.find_group(db, survey.id).finished_on == clock.today()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL_SHIFT)  # and started again
    dialog = active_dialog(qtbot)
    assert dialog.finished.check.isChecked()
    qtbot.keyClick(dialog.name, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(lambda: not dialog.finished.check.isChecked())
    qtbot.keyClick(dialog.finished.check, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: window.groups[0].id == survey.id)
    assert window.group_chooser.currentText() == "Aardvark survey group"
