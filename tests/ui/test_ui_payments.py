"""The Payments area, as staff use it: see what is owed, correct a payment, mark payments
paid, and save them for finance. Payments come from the shared ``paid_group`` fixture:
Amina and Bob at a March and a May session, Bob choosing not to be paid in May."""

from __future__ import annotations

import csv

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from ui_helpers import wait_loaded

from app import clock
from app.services import payments
from app.ui.formatting import format_date
from app.ui.payment_dialog import PaymentDialog
from app.ui.payments_panel import PaymentsModel, PaymentsPanel

ALT = Qt.KeyboardModifier.AltModifier


def open_payments(qtbot, open_window, group):  # type: ignore[no-untyped-def]
    window = open_window().window
    window.group_chooser.setCurrentIndex(next(
        n for n, g in enumerate(window.groups) if g.id == group.id
    ))  # fmt: skip
    area = next(n for n, p in enumerate(window.panels) if isinstance(p, PaymentsPanel))
    window.areas.setCurrentRow(area)
    wait_loaded(qtbot, window)
    return window, window.panels[area]


def cells(panel: PaymentsPanel, column: int) -> list[str]:
    model = panel.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_what_is_owed_and_paid_is_shown_and_said(qtbot, open_window, paid_group) -> None:
    _window, panel = open_payments(qtbot, open_window, paid_group)
    assert panel.heading.text() == "Payments in Kit That Works group"
    assert panel.summary.text() == (
        "4 payments: £48.00 still to pay, £0.00 paid. 1 chose not to be paid."
    )
    assert panel.table.accessibleDescription() == panel.summary.text()
    assert cells(panel, PaymentsModel.NAME) == ["Amina Yusuf", "Bob Price"] * 2
    assert cells(panel, PaymentsModel.TIME)[2] == "1 hour 30 minutes"
    assert cells(panel, PaymentsModel.TO_PAY) == [
        "£12.00",
        "Chose not to be paid",
        "£18.00",
        "£18.00",
    ]
    assert cells(panel, PaymentsModel.PAID) == ["Not yet", "Nothing owed", "Not yet", "Not yet"]
    assert not panel.change_button.isEnabled() and panel.mark_all_button.isEnabled()


def test_a_payment_is_marked_paid_then_hidden_by_the_filter(qtbot, open_window, db, paid_group):
    window, panel = open_payments(qtbot, open_window, paid_group)
    panel.table.setFocus()
    panel.table.selectRow(2)  # Amina, March
    assert panel.mark_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: cells(panel, PaymentsModel.PAID)[2] == format_date(clock.today()))
    assert "Marked the payment of £18.00 to Amina Yusuf as paid today." in (
        window.status_line.announced
    )
    assert panel.chosen().name == "Amina Yusuf" and not panel.mark_button.isEnabled()
    assert "£30.00 still to pay, £18.00 paid" in panel.summary.text()

    qtbot.keyClick(panel.table, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(panel.not_paid_only.isChecked)
    wait_loaded(qtbot, window)
    assert cells(panel, PaymentsModel.SESSION) == ["May session", "May session", "March session"]
    assert [r.id for r in panel.model.rows()] == [
        r.id for r in payments.list_payments(db, paid_group.id, not_paid_only=True)
    ]


def test_a_payment_is_corrected_in_its_dialog(qtbot, open_window, db, paid_group) -> None:
    window, panel = open_payments(qtbot, open_window, paid_group)
    panel.table.selectRow(0)  # Amina, May
    dialog = panel.change_payment()
    assert isinstance(dialog, PaymentDialog)
    qtbot.waitUntil(lambda: dialog.minutes.hasFocus())
    assert dialog.owed.text() == "To pay: £12.00, for 1 hour."
    dialog.minutes.setValue(90)
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_E, ALT)
    assert dialog.expenses.hasFocus()
    dialog.expenses.setValue(4.5)
    assert dialog.owed.text() == "To pay: £22.50, for 1 hour 30 minutes and £4.50 of expenses."
    assert dialog.minutes.accessibleDescription() == dialog.owed.text()
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    wait_loaded(qtbot, window)
    saved = payments.list_payments(db, paid_group.id)[0]
    assert (saved.change.minutes_given, saved.change.expenses_pence) == (90, 450)
    assert cells(panel, PaymentsModel.TO_PAY)[0] == "£22.50"
    assert panel.chosen().id == saved.id
    assert "Saved the payment to Amina Yusuf: £22.50." in window.status_line.announced


def test_choosing_not_to_be_paid_leaves_no_date_paid(qtbot, open_window, paid_group) -> None:
    _window, panel = open_payments(qtbot, open_window, paid_group)
    panel.table.selectRow(2)
    dialog = panel.change_payment()
    dialog.paid_on.check.setChecked(True)
    dialog.declined.setChecked(True)
    assert not dialog.paid_on.check.isEnabled() and not dialog.paid_on.editor.isEnabled()
    assert (
        dialog.owed.text() == "They chose not to be paid for 1 hour 30 minutes, so nothing is owed."
    )
    dialog.expenses.setValue(6.4)  # expenses are paid back all the same
    assert dialog.paid_on.check.isEnabled() and dialog.paid_on.editor.isEnabled()
    assert dialog.owed.text() == (
        "They chose not to be paid for 1 hour 30 minutes; £6.40 of expenses to pay back."
    )
    dialog.expenses.setValue(0)
    dialog.declined.setChecked(False)
    assert dialog.paid_on.editor.isEnabled()
    dialog.reject()


def test_all_shown_are_marked_paid_only_when_the_question_is_answered_yes(
    qtbot, open_window, db, paid_group
) -> None:
    window, panel = open_payments(qtbot, open_window, paid_group)
    panel.mark_all_button.click()
    box = _message(qtbot)
    assert box.text() == "Mark 3 payments, £48.00 in all, as paid today?"
    assert box.defaultButton().text() == "&Not now"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter keeps the safe answer
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.runner.wait_idle(10_000)
    assert not any(r.paid for r in payments.list_payments(db, paid_group.id))

    panel.mark_all_button.click()
    box = _message(qtbot)
    next(b for b in box.buttons() if b.text() == "&Mark them paid").click()
    qtbot.waitUntil(lambda: "Marked 3 payments, £48.00 in all, as paid today." in (
        window.status_line.announced
    ))  # fmt: skip
    wait_loaded(qtbot, window)
    assert [r.change.paid_on for r in payments.list_payments(db, paid_group.id)] == [
        clock.today(),
        None,
        clock.today(),
        clock.today(),
    ]
    assert not panel.mark_all_button.isEnabled()


def test_the_payments_shown_are_saved_for_finance(qtbot, open_window, paid_group, tmp_path):
    window, panel = open_payments(qtbot, open_window, paid_group)
    chooser = panel.choose_file()
    assert chooser is not None
    assert chooser.selectedFiles()[0].endswith(f"Payments Kit That Works group {clock.today()}.csv")
    chooser.reject()
    out = tmp_path / "finance.csv"
    panel.save_to(out)
    qtbot.waitUntil(lambda: out.exists())
    qtbot.waitUntil(lambda: any("Saved 4 payments to" in s for s in window.status_line.announced))
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [row[2] for row in rows[1:-1]] == ["Amina Yusuf", "Bob Price"] * 2
    assert rows[-1][7] == "48.00"


def test_who_came_is_saved_for_finance_by_keyboard(qtbot, open_window, paid_group, tmp_path):
    window, panel = open_payments(qtbot, open_window, paid_group)
    assert panel.attendance_button.isEnabled()
    assert panel.attendance_button.accessibleName() == (
        "Save who came to each session as a spreadsheet for finance"
    )
    # Tab from the table reaches it, after the other buttons.
    panel.table.setFocus()
    reached = []
    for _press in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        if reached[-1] is panel.attendance_button:
            break
    assert reached[-1] is panel.attendance_button, [w.accessibleName() for w in reached]
    assert panel.save_button in reached
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_D, ALT)
    chooser = _save_dialog(qtbot)
    assert chooser.selectedFiles()[0].endswith(
        f"Attendance Kit That Works group {clock.today()}.csv"
    )
    chooser.reject()
    out = tmp_path / "attendance.csv"
    panel.save_attendance_to(out)
    qtbot.waitUntil(lambda: out.exists())
    qtbot.waitUntil(
        lambda: any("Saved who came to 2 sessions to" in s for s in window.status_line.announced)
    )
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(row[1], row[2], row[4]) for row in rows[1:-1]] == [
        ("May session", "Amina Yusuf", "Present"),
        ("May session", "Bob Price", "Present"),
        ("March session", "Amina Yusuf", "Present"),
        ("March session", "Bob Price", "Present"),
    ]


def _save_dialog(qtbot) -> QFileDialog:  # type: ignore[no-untyped-def]
    def shown() -> list[QFileDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]

    qtbot.waitUntil(lambda: any(w.isVisible() for w in shown()))
    return next(w for w in shown() if w.isVisible())


def test_a_spreadsheet_that_cannot_be_saved_is_explained(
    qtbot, open_window, paid_group, tmp_path
) -> None:
    window, panel = open_payments(qtbot, open_window, paid_group)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    panel.save_to(blocker / "finance.csv")
    box = _message(qtbot)
    assert box.text().startswith("Could not save the file")
    assert any("Could not save the file" in said for said in window.status_line.announced)
    box.close()


def _message(qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    def shown() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]
