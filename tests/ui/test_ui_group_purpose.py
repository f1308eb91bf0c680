"""What the group is for, under its name: shown while it is short, folded away behind
"About this group" when it would take many lines (at large text), and shown or hidden as
the person chooses from then on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import wait_loaded

from app.services import groups
from app.ui.settings import GROUP_PURPOSE, PURPOSE_HIDDEN, PURPOSE_SHOWN, Settings

ALT = Qt.KeyboardModifier.AltModifier
SHORT = "Equipment users and the equipment service, improving it together."
LONG = (
    "People who use community equipment, and the family carers who help them, working as "
    "equal partners with the equipment service to make it work for the people it is for. "
    "We look at how equipment is chosen, delivered, explained, mended and collected, and "
    "we change it together. Our sessions are run by facilitators who are independent."
)


@pytest.fixture
def group(db) -> int:  # type: ignore[no-untyped-def]
    return groups.create_group(db, "Kit That Works group", purpose=LONG).id


def open_at(qtbot, open_window, percent: int):  # type: ignore[no-untyped-def]
    parts = open_window()
    parts.text_size.choose(percent)
    wait_loaded(qtbot, parts.window)
    qtbot.wait(20)  # the words are measured once every widget has the new size
    return parts


def test_long_words_fold_away_at_large_text_and_the_choice_is_remembered(
    qtbot, open_window, group, data_dir
):
    parts = open_at(qtbot, open_window, 300)
    window = parts.window
    toggle = window.purpose_toggle
    assert toggle.isVisible() and not toggle.isChecked()
    assert window.purpose.isHidden()
    assert toggle.accessibleName() == "About this group"
    assert toggle.accessibleDescription() == LONG  # a screen reader has it all the same

    window.activateWindow()
    window.group_chooser.setFocus()
    qtbot.waitUntil(window.group_chooser.hasFocus)
    qtbot.keyClick(window.group_chooser, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is toggle  # straight after the group's name
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert toggle.isChecked() and window.purpose.isVisible()
    assert window.purpose.text() == LONG
    assert window.status_line.announced[-1] == "Showing what the group is for."
    assert Settings.in_folder(data_dir).get(GROUP_PURPOSE) == PURPOSE_SHOWN

    qtbot.keyClick(toggle, Qt.Key.Key_B, ALT)  # "A&bout this group"
    qtbot.waitUntil(lambda: not toggle.isChecked())
    assert window.purpose.isHidden()
    assert window.status_line.announced[-1] == (
        "Hid what the group is for. “About this group” shows it again."
    )
    assert Settings.in_folder(data_dir).get(GROUP_PURPOSE) == PURPOSE_HIDDEN

    qtbot.keyClick(toggle, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(toggle.isChecked)
    again = open_at(qtbot, open_window, 300).window  # as on the next run
    assert again.purpose_toggle.isChecked() and again.purpose.isVisible()


def test_short_words_are_shown_until_hidden(qtbot, open_window, db):
    groups.create_group(db, "Kit That Works group", purpose=SHORT)
    parts = open_at(qtbot, open_window, 100)
    window = parts.window
    assert window.purpose_toggle.isChecked() and window.purpose.isVisible()
    parts.text_size.choose(300)
    qtbot.wait(20)
    assert window.purpose.isVisible()  # still only a line or two
    parts.settings.set(GROUP_PURPOSE, PURPOSE_HIDDEN)
    window.purpose_toggle.refit()
    assert window.purpose.isHidden()


def test_a_group_with_no_words_has_no_button(qtbot, open_window, db):
    groups.create_group(db, "Digital Inclusion Panel")
    window = open_at(qtbot, open_window, 100).window
    assert window.purpose_toggle.isHidden() and window.purpose.isHidden()
