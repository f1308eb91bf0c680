"""What Enter does in a dialog: in a short form it gives the dialog's own answer (Save,
Add the comment, Mark as left…), never a button that happens to come after the field; in
the long session editor it does nothing from a field, and presses a button that has the
keyboard."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from ui_helpers import wait_loaded

from app.services import example_data
from app.ui.dialog_catalogue import every_dialog_class
from app.ui.session_editor import SessionEditor
from app.ui.session_venue import VenueEditor

# Each dialog's own answer: what Enter in one of its fields should do.
ANSWERS = {
    "Save",
    "Save venue",
    "Add the comment",
    "Mark as left",
    "Close",
    "Close the session",
    "Confirm the ticked payments",
    "Make the packs…",
    "Record…",
    "Start…",
    "Save as…",
}


def plain(text: str) -> str:
    return text.replace("&", "")


def test_enter_in_a_dialog_gives_its_own_answer(qtbot, open_window, db):
    example_data.load_example_data(db)
    window = open_window().window
    wait_loaded(qtbot, window)
    for kind in every_dialog_class():
        if kind is SessionEditor:
            continue  # below: Enter in its fields does nothing at all
        dialog = kind.example(window)  # type: ignore[attr-defined]
        dialog.show()
        qtbot.waitExposed(dialog)
        QCoreApplication.processEvents()
        defaults = [plain(b.text()) for b in dialog.findChildren(QPushButton) if b.isDefault()]
        assert len(defaults) == 1 and defaults[0] in ANSWERS, (kind.__name__, defaults)
        dialog.hide()
        dialog.deleteLater()


def test_enter_in_the_session_editor_opens_nothing_and_loses_nothing(qtbot, open_window, db):
    example_data.load_example_data(db)
    window = open_window().window
    wait_loaded(qtbot, window)
    editor = SessionEditor.example(window)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: editor.tabs.isEnabled(), timeout=10_000)
    # With no answer of its own, no button is drawn as the one Enter would press.
    assert [b.text() for b in editor.findChildren(QPushButton) if b.isDefault()] == []
    editor.when.title.setFocus()
    qtbot.keyClicks(editor.when.title, " (again)")
    qtbot.keyClick(editor.when.title, Qt.Key.Key_Return)
    QCoreApplication.processEvents()
    venues = [w for w in QApplication.topLevelWidgets() if isinstance(w, VenueEditor)]
    assert not any(w.isVisible() for w in venues if shiboken6.isValid(w))
    assert editor.isVisible() and editor.when.title.text().endswith(" (again)")
    # A button that has the keyboard is still pressed by Enter.
    editor.tabs.setCurrentIndex(1)
    before = editor.plan.model.rowCount()
    editor.plan.add_item_button.setFocus()
    qtbot.keyClick(editor.plan.add_item_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.plan.model.rowCount() == before + 1)
    assert not editor.plan.add_item_button.isDefault()
    editor.discard()
