"""Every message box and question has an Alt key for each of its buttons, given in one
place (app.ui.dialogs.give_access_keys), whatever words its caller chose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.ui.dialogs import ask, give_access_keys, show_message

ALT = Qt.KeyboardModifier.AltModifier


def spoken(button: QPushButton) -> str:
    return QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)


def shown_question(qtbot, parent: QWidget, answers: list[str]) -> QMessageBox:  # type: ignore[no-untyped-def]
    box = ask(
        parent,
        "Close without saving?",
        yes="Close without saving",
        no="Cancel",
        on_yes=lambda: answers.append("yes"),
    )
    qtbot.waitUntil(box.isVisible)
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    return box


def test_a_question_without_alt_keys_gets_one_for_each_answer(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    answers: list[str] = []
    box = shown_question(qtbot, parent, answers)
    # Both begin with C: the second takes its next free letter.
    assert sorted(b.text() for b in box.buttons()) == ["&Close without saving", "C&ancel"]
    assert sorted(spoken(b) for b in box.buttons()) == ["Cancel", "Close without saving"]
    with qtbot.waitSignal(box.finished):
        qtbot.keyClick(box, Qt.Key.Key_A, ALT)
    assert answers == []

    box = shown_question(qtbot, parent, answers)
    qtbot.keyClick(box, Qt.Key.Key_C, ALT)
    qtbot.waitUntil(lambda: answers == ["yes"])


def test_letters_given_are_kept_and_a_clash_is_mended(qapp) -> None:
    buttons = [QPushButton(t) for t in ("&Keep them", "&Keep editing", "Fish && chips", "K")]
    give_access_keys(buttons)
    assert [b.text() for b in buttons] == ["&Keep them", "Keep &editing", "&Fish && chips", "K"]
    assert [b.accessibleName() for b in buttons] == [
        "Keep them",
        "Keep editing",
        "Fish & chips",
        "K",  # no letter left for it: shown as it was
    ]


def test_a_message_has_an_alt_key_to_close_it(qtbot) -> None:
    box = show_message(None, "Saved.")
    qtbot.waitUntil(box.isVisible)
    assert [b.text() for b in box.buttons()] == ["&OK"]
    assert spoken(box.buttons()[0]) == "OK"
    box.close()
