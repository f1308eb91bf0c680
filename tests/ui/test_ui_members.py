"""The Members area, driven by keyboard alone: find, edit, add, refuse, leave and rejoin."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid
from ui_helpers import wait_loaded

from app import clock
from app.models.enums import AccessNeedKind, Delivery, PackFormat, Role
from app.services import people
from app.services.people import MemberDetails
from app.ui.member_editor import MemberEditor
from app.ui.member_left_dialog import MarkLeftDialog
from app.ui.member_list import MemberListModel
from app.ui.members_panel import MembersPanel

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def area(qtbot, open_window, sample, db):
    """The main window on the equipment group's Members area, with one member whose
    contact details and access needs are kept with her consent."""
    people.save_member(
        db,
        sample.equipment,
        MemberDetails(
            None,
            "Krystyna Wróblewska",
            preferred_name="Krysia",
            pronouns="ona/jej",
            role=Role.CHAMPION,
            email="krysia@example.org",
            access_needs=((AccessNeedKind.HEARING_LOOP, "Front row"),),
            consent_to_store=True,
        ),
    )
    window = open_window().window
    window.group_chooser.setCurrentIndex(
        next(n for n, g in enumerate(window.groups) if g.id == sample.equipment)
    )
    wait_loaded(qtbot, window)
    panel = window.panels[0]
    assert isinstance(panel, MembersPanel)
    window.activateWindow()
    return window, panel


def names(panel: MembersPanel) -> list[str]:
    return [panel.model.texts(row)[0] for row in range(panel.model.rowCount())]


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_into_search(qtbot, window, panel, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_I, ALT)  # the search label's mnemonic
    assert panel.search.hasFocus()
    qtbot.keyClicks(panel.search, text)
    qtbot.waitUntil(lambda: not panel._pause.isActive() and not panel.is_loading())


def gone(dialog: QDialog) -> bool:
    """Closed (an editor deletes itself once closed)."""
    return not isValid(dialog) or not dialog.isVisible()


def wait_closed(qtbot, window, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    """Wait for ``dialog`` to close, then give the main window back its activation, as a
    window manager does (the offscreen platform used by tests does not)."""
    qtbot.waitUntil(lambda: gone(dialog))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def opened_dialog(qtbot, panel: MembersPanel, kind: type[QDialog]) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(panel.dialog, kind) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, kind)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def test_find_by_typing_edit_with_enter_and_save_with_ctrl_s(qtbot, area, db, sample):
    window, panel = area
    assert names(panel) == ["Aisha Bello", "Dev", "Krysia", "Margaret O'Neill"]
    type_into_search(qtbot, window, panel, "KRYS")
    assert names(panel) == ["Krysia"]
    assert panel.summary.text() == "1 person matches “KRYS”."
    assert "1 person matches “KRYS”." in window.status_line.announced

    qtbot.keyClick(panel.search, Qt.Key.Key_Return)  # to the first match
    qtbot.waitUntil(panel.table.hasFocus)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # and open it
    editor = opened_dialog(qtbot, panel, MemberEditor)
    assert editor.form.full_name.text() == "Krystyna Wróblewska"
    assert editor.form.email.text() == "krysia@example.org"  # shown only in the editor

    qtbot.keyClick(editor, Qt.Key.Key_U, ALT)  # Pronouns
    assert focused() is editor.form.pronouns
    editor.form.pronouns.selectAll()
    qtbot.keyClicks(editor.form.pronouns, "they/them")
    qtbot.keyClick(editor.form.pronouns, Qt.Key.Key_S, CTRL)
    wait_closed(qtbot, window, editor)
    assert "Saved the details of Krysia." in window.status_line.announced
    wait_loaded(qtbot, window)
    row = panel.model.row_of(panel.current_member().person_id)
    assert panel.model.texts(row)[MemberListModel.PRONOUNS] == "they/them"
    [krysia] = people.search_members(db, sample.equipment, "krysia")
    assert krysia.pronouns == "they/them"
    # Everything else about her was kept as it was.
    kept = people.get_member(db, sample.equipment, krysia.person_id)
    assert kept.access_needs == ((AccessNeedKind.HEARING_LOOP, "Front row"),)


def test_add_a_member_by_keyboard_alone(qtbot, area, db, sample):
    window, panel = area
    focus(qtbot, panel.table)
    qtbot.keyClick(window, Qt.Key.Key_A, ALT)  # Add a member…
    editor = opened_dialog(qtbot, panel, MemberEditor)
    form = editor.form
    assert focused() is form.full_name
    qtbot.keyClicks(form.full_name, "Shamim Ara Baig")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Shamim")  # preferred name
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.pronouns
    qtbot.keyClicks(focused(), "she/her")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.role
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # lived experience → champion
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.joined_on
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.preferred_format
    assert not form.large_print_size.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # standard → large print
    assert form.large_print_size.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.large_print_size
    form.large_print_size.selectAll()
    qtbot.keyClicks(focused(), "24")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.delivery
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # by email → by post
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.consent
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert form.consent.isChecked()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.email
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.phone
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.postal_address
    qtbot.keyClicks(focused(), "12 Mill Row")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # Tab leaves the address box
    assert focused() is form.needs[0].check
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # hearing loop, the second need
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is form.needs[1].details  # its details appear right after it
    qtbot.keyClicks(focused(), "Near the front")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter saves from a one-line field
    wait_closed(qtbot, window, editor)
    wait_loaded(qtbot, window)

    assert panel.current_member().display_name == "Shamim"
    [row] = people.search_members(db, sample.equipment, "shamim")
    saved = people.get_member(db, sample.equipment, row.person_id)
    assert (saved.full_name, saved.pronouns, saved.role) == (
        "Shamim Ara Baig",
        "she/her",
        Role.CHAMPION,
    )
    assert (saved.preferred_format, saved.large_print_size_pt) == (PackFormat.LARGE_PRINT, 24)
    assert saved.delivery == Delivery.POST
    assert saved.consent_to_store and saved.consent_recorded_on == clock.today()
    assert saved.postal_address == "12 Mill Row"
    assert saved.access_needs == ((AccessNeedKind.HEARING_LOOP, "Near the front"),)
    assert saved.joined_on == clock.today()


def test_a_refusal_keeps_the_typed_text_and_says_why_beside_the_field(qtbot, area, db, sample):
    window, panel = area
    qtbot.keyClick(window, Qt.Key.Key_A, ALT)
    editor = opened_dialog(qtbot, panel, MemberEditor)
    form = editor.form
    qtbot.keyClicks(form.full_name, "Dafydd ap Ieuan")
    qtbot.keyClick(editor, Qt.Key.Key_E, ALT)  # Email, without ticking consent
    qtbot.keyClicks(form.email, "dai@example.org")
    qtbot.keyClick(form.email, Qt.Key.Key_S, CTRL)

    consent_problem = form.problems["consent_to_store"]
    assert consent_problem.isVisible()
    assert "can only be kept if the person agrees" in consent_problem.accessibleName()
    assert editor.isVisible()
    assert (form.full_name.text(), form.email.text()) == ("Dafydd ap Ieuan", "dai@example.org")
    assert focused() is form.consent
    assert window.status_line.announced[-1] == consent_problem.accessibleName()
    assert form.consent.accessibleDescription() == consent_problem.accessibleName()

    qtbot.keyClick(form.consent, Qt.Key.Key_Space)  # they agree; but the address is wrong
    form.email.selectAll()
    qtbot.keyClicks(form.email, "dai at example.org")
    qtbot.keyClick(form.email, Qt.Key.Key_S, CTRL)
    assert not consent_problem.isVisible()
    assert form.problems["email"].isVisible()
    assert "like name@example.org" in form.problems["email"].text()
    assert focused() is form.email
    assert form.email.text() == "dai at example.org"
    assert people.search_members(db, sample.equipment, "dafydd") == []

    form.email.selectAll()
    qtbot.keyClicks(form.email, "dai@example.org")
    qtbot.keyClick(form.email, Qt.Key.Key_Return)
    wait_closed(qtbot, window, editor)
    assert [r.full_name for r in people.search_members(db, sample.equipment, "dafydd")] == [
        "Dafydd ap Ieuan"
    ]


def test_escape_asks_before_losing_what_was_typed(qtbot, area, db, sample):
    window, panel = area
    qtbot.keyClick(window, Qt.Key.Key_A, ALT)
    editor = opened_dialog(qtbot, panel, MemberEditor)
    qtbot.keyClick(editor.form.full_name, Qt.Key.Key_Escape)  # nothing typed: just closes
    wait_closed(qtbot, window, editor)

    qtbot.keyClick(window, Qt.Key.Key_A, ALT)
    editor = opened_dialog(qtbot, panel, MemberEditor)
    qtbot.keyClicks(editor.form.full_name, "Winston Alleyne")
    qtbot.keyClick(editor.form.full_name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    question = QApplication.activeModalWidget()
    assert "What you changed here will be lost" in question.text()
    qtbot.keyClick(question, Qt.Key.Key_Return)  # Enter picks the safe answer: keep editing
    qtbot.waitUntil(lambda: gone(question))
    assert editor.isVisible() and editor.form.full_name.text() == "Winston Alleyne"

    qtbot.keyClick(editor.form.full_name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    question = QApplication.activeModalWidget()
    question.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is question)
    qtbot.keyClick(question, Qt.Key.Key_C, ALT)  # Close without saving
    wait_closed(qtbot, window, editor)
    assert people.search_members(db, sample.equipment, "winston") == []


def test_mark_as_left_then_show_left_then_rejoin(qtbot, area, db, sample):
    window, panel = area
    type_into_search(qtbot, window, panel, "dev")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.table.hasFocus)
    assert panel.current_member().full_name == "Dev Sharma"
    assert panel.left_button.isVisible() and not panel.rejoin_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_L, ALT)  # Mark as left…
    dialog = opened_dialog(qtbot, panel, MarkLeftDialog)
    assert "Nothing is deleted" in dialog.findChildren(type(panel.summary))[1].text()
    assert focused() is dialog.date
    when = dialog.chosen_date()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # the default button: Mark as left
    wait_closed(qtbot, window, dialog)
    wait_loaded(qtbot, window)
    assert names(panel) == []
    assert panel.summary.text() == "No one matches “dev”."
    assert any("Dev is marked as left" in said for said in window.status_line.announced)

    qtbot.keyClick(window, Qt.Key.Key_S, ALT)  # Show people who have left
    qtbot.waitUntil(panel.show_left.isChecked)  # a mnemonic clicks after a short moment
    wait_loaded(qtbot, window)
    [shown] = names(panel)
    assert shown.startswith("Dev (left on ")
    assert people.search_members(db, sample.equipment, "dev", include_left=True)[0].left_on == when

    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.rejoin_button.isVisible() and not panel.left_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_R, ALT)  # Rejoin
    qtbot.waitUntil(lambda: "Dev is a member again." in window.status_line.announced)
    wait_loaded(qtbot, window)
    assert names(panel) == ["Dev"]
    assert people.search_members(db, sample.equipment, "dev")[0].left_on is None


def test_the_list_never_shows_contact_details_or_access_needs(area):
    _window, panel = area
    texts = [" ".join(panel.model.texts(row)) for row in range(panel.model.rowCount())]
    assert not any("example.org" in text or "Front row" in text for text in texts)
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Name", "Pronouns", "Role", "Preferred format"]


def unnamed(top: QWidget) -> list[str]:
    return [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in top.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and widget.isVisibleTo(top)
        and not widget.accessibleName().strip()
    ]


def test_every_control_in_the_area_and_its_dialogs_has_a_name(qtbot, area):
    window, panel = area
    assert unnamed(panel) == []
    editor = MemberEditor.example(window)
    qtbot.addWidget(editor)
    for row in editor.form.needs:  # every details field showing too
        row.check.setChecked(True)
    editor.show()
    assert unnamed(editor) == []
    labels = [row.check.text() for row in editor.form.needs]
    assert len(labels) == len(AccessNeedKind) and "Hearing loop" in labels
    editor.form.needs[0].check.setChecked(False)
    editor._closing = True  # a test's window: close it without asking
    editor.close()
    left = MarkLeftDialog.example(window)
    qtbot.addWidget(left)
    left.show()
    assert unnamed(left) == []
    left.close()


def test_large_print_size_only_for_large_print(qtbot, area):
    window, _panel = area
    editor = MemberEditor.example(window)
    qtbot.addWidget(editor)
    form = editor.form
    assert not form.large_print_size.isEnabled()
    form.preferred_format.setCurrentIndex(form.preferred_format.findData(PackFormat.LARGE_PRINT))
    assert form.large_print_size.isEnabled()
    assert form.large_print_size.minimum() == 16 and form.large_print_size.maximum() == 28


def test_the_member_list_model_passes_the_model_tester(qtmodeltester, area):
    _window, panel = area
    assert panel.model.rowCount() == 4
    qtmodeltester.check(panel.model, force_py=True)
    empty = MemberListModel()
    qtmodeltester.check(empty, force_py=True)


def test_a_double_click_on_a_row_opens_it_too(qtbot, area):
    window, panel = area
    table = panel.table
    where = table.visualRect(panel.model.index(2, 0)).center()
    # Qt's view opens what the first click of the pair pressed: a person's click comes first.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    editor = opened_dialog(qtbot, panel, MemberEditor)
    assert editor.form.full_name.text() == "Krystyna Wróblewska"
    assert editor.windowTitle().startswith("Edit the details of Krysia")
    qtbot.keyClick(editor.form.full_name, Qt.Key.Key_Escape)  # nothing changed: no question
    wait_closed(qtbot, window, editor)
