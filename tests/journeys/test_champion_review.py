"""A champion at home, with 300% text and the high-contrast dark look, on a small screen:
finds a decision, reads everything about it ("you said, we did") whole by keyboard, adds a
comment in their own words and goes back to the same place; the Sessions list answers the
keys straight after Tab, with no Space needed to choose a row."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from app.ui.comment_dialog import AddCommentDialog
from app.ui.decision_details import LEAST_LINES
from app.ui.display_dialog import DisplayDialog
from app.ui.session_editor import SessionEditor
from tests.journeys.conftest import ALT, CTRL, DECISIONS_AREA, SESSIONS_AREA, SHIFT, active, to_area

Key = Qt.Key


def wholly_in_view(window, widget: QWidget) -> bool:  # type: ignore[no-untyped-def]
    view = window.scroller.viewport()
    top_left = widget.mapTo(view, widget.rect().topLeft())
    return view.rect().contains(QRect(top_left, widget.size()))


def tab_to(qtbot, widget: QWidget, most: int = 12) -> None:  # type: ignore[no-untyped-def]
    for _ in range(most):
        if widget.hasFocus():
            return
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
    assert widget.hasFocus(), f"Tab did not reach {widget.accessibleName()!r}"


def test_a_champion_reads_and_comments_at_300_percent_in_high_contrast(
    qtbot, journey, with_examples
):
    opened = journey(size=(800, 760))
    window = opened.window
    active(qtbot, window)

    # Text as large as it goes, by keyboard; then the dark high-contrast look.
    for _ in range(10):
        qtbot.keyClick(window, Key.Key_Plus, CTRL)
    assert opened.text_size.percent == 300
    qtbot.keyClick(window, Key.Key_D, CTRL | SHIFT)
    settings = window.findChild(DisplayDialog)
    active(qtbot, settings)
    qtbot.keyClick(settings, Key.Key_D, ALT)  # "High contrast, &dark"
    qtbot.waitUntil(lambda: window.palette().color(window.backgroundRole()).name() == "#000000")
    qtbot.keyClick(settings, Key.Key_Escape)
    qtbot.waitUntil(lambda: not settings.isVisible())
    active(qtbot, window)
    opened.loaded(qtbot)

    # What the group is for is folded away at this size, so the areas have the room; the
    # button that shows it still carries the words for a screen reader.
    assert window.purpose_toggle.isVisible() and not window.purpose.isVisible()
    assert window.purpose_toggle.accessibleDescription() == window.current_group().purpose

    # Decisions: Tab into the log; the first decision is chosen as soon as the log has
    # the keyboard, and Enter reads it in full.
    to_area(qtbot, opened, DECISIONS_AREA)
    panel = window.current_panel()
    qtbot.waitUntil(lambda: panel.choices is not None)
    tab_to(qtbot, panel.table)
    assert panel.chosen_row() is not None
    chosen = panel.chosen_row()
    qtbot.keyClick(panel.table, Key.Key_Return)
    qtbot.waitUntil(panel.details_view.hasFocus)
    qtbot.waitUntil(lambda: panel.shown_details() is not None)
    view = panel.details_view
    text = view.toPlainText()
    assert chosen.wording.split()[0] in text
    for part in ("Actions", "History"):
        assert part in text, text
    qtbot.waitUntil(lambda: wholly_in_view(window, view))
    assert view.viewport().height() / view.fontMetrics().lineSpacing() >= LEAST_LINES
    bar = view.verticalScrollBar()
    if bar.maximum() > 0:  # longer than the room: Page Down moves through it
        qtbot.keyClick(view, Key.Key_PageDown)
        assert bar.value() > 0
        qtbot.keyClick(view, Key.Key_End, CTRL)
        assert bar.value() > bar.maximum() - view.fontMetrics().lineSpacing()

    # A comment in the champion's own words, from the decision (Alt+M).
    qtbot.keyClick(view, Key.Key_M, ALT)  # "Add co&mment…"
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AddCommentDialog)
                    or any(isinstance(w, AddCommentDialog) and w.isVisible()
                           for w in QApplication.topLevelWidgets()))  # fmt: skip
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, AddCommentDialog) and w.isVisible()
    )
    active(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_N, ALT)  # "The comme&nt, in their words"
    qtbot.keyClicks(QApplication.focusWidget(), "The phone call first has made a real difference.")
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_A, ALT)  # "&Add the comment"
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())
    qtbot.waitUntil(
        lambda: "The phone call first has made a real difference." in view.toPlainText()
    )
    assert "Added the comment. It is under Comments." in window.status_line.announced

    # Escape: back to the log, on the same decision.
    active(qtbot, window)  # as the window system does when a dialog closes
    assert view.hasFocus()
    qtbot.keyClick(view, Key.Key_Escape)
    qtbot.waitUntil(panel.table.hasFocus)
    assert panel.chosen_row().id == chosen.id

    # Sessions: Tab into the list and Alt+E edits the session that has the keyboard.
    to_area(qtbot, opened, SESSIONS_AREA)
    sessions = window.current_panel()
    tab_to(qtbot, sessions.table)
    assert sessions.edit_button.isEnabled()
    focused_session = sessions.chosen_session()
    qtbot.keyClick(sessions.table, Key.Key_E, ALT)  # "&Edit…"
    qtbot.waitUntil(lambda: any(isinstance(w, SessionEditor) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))  # fmt: skip
    editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SessionEditor))
    assert editor.meeting_id == focused_session.id
    qtbot.waitUntil(editor.is_loaded)
    editor.discard()
