"""Changing one payment: the time given, expenses, vouchers, whether the member chose not
to be paid, and when it was paid. The amount to pay is said in words as it changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.i18n import _
from app.services import payments
from app.services.payments import PaymentChange, PaymentRow, owes_something
from app.services.timing import duration_words
from app.services.wording import money
from app.ui.data import DataSource
from app.ui.decision_form import FormDialog, text_box
from app.ui.formatting import format_date
from app.ui.money_fields import pence_in, pounds_box
from app.ui.tasks import TaskRunner
from app.ui.wrapping import WrappingCheckBox


class PaymentDialog(FormDialog):
    """A change to one of a group's payments."""

    def __init__(
        self, parent: QWidget | None, runner: TaskRunner, source: DataSource, row: PaymentRow
    ) -> None:
        super().__init__(parent, _("Change a payment"), runner, source)
        self.row = row
        change = row.change
        when = format_date(row.session_starts_at.date()) if row.session_starts_at else _("no date")
        about = QLabel(
            _("{name}, for “{session}” on {date}, at {rate} an hour.").format(
                name=row.name,
                session=row.session_title,
                date=when,
                rate=money(row.rate_pence_per_hour),
            )
        )
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        self.fields.addWidget(about)
        self.setAccessibleDescription(about.text())

        self.minutes = QSpinBox()
        self.minutes.setRange(0, payments.MOST_MINUTES)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(_(" minutes"))
        self.minutes.setValue(change.minutes_given)
        self.add_number(
            _("&Time given, in minutes"),
            self.minutes,
            _("Time given, in minutes"),
            about=["minutes"],
        )
        self.declined = WrappingCheckBox(_("They chose &not to be paid"))
        self.declined.setAccessibleName(_("They chose not to be paid"))
        self.declined.setChecked(change.declined)
        self.fields.addWidget(self.declined)
        self.expenses = pounds_box(change.expenses_pence, payments.MOST_PENCE)
        self.add_number(
            _("&Expenses to pay back, in pounds"),
            self.expenses,
            _("Expenses to pay back, in pounds"),
            about=["expenses"],
        )
        self.owed = QLabel()
        self.owed.setWordWrap(True)
        self.owed.setTextFormat(Qt.TextFormat.PlainText)
        self.fields.addWidget(self.owed)

        self.vouchers = pounds_box(change.voucher_pence, payments.MOST_PENCE)
        self.add_number(
            _("&Vouchers given, in pounds"),
            self.vouchers,
            _("Vouchers given, in pounds"),
            about=["vouchers"],
        )
        self.voucher_note = QLineEdit(change.voucher_note)
        self.add_field(
            _("What the vouc&hers were"), self.voucher_note, _("What the vouchers were"),
            about=["voucher note"],
        )  # fmt: skip
        self.paid_on = self.add_optional_date(
            _("It has been &paid"), _("&Date paid"), _("Date paid"), change.paid_on, "date paid"
        )
        self.note = text_box(3)
        self.note.setPlainText(change.note)
        self.add_field(_("N&ote for finance"), self.note, _("Note for finance"), about=["note"])

        self.minutes.valueChanged.connect(self._say_owed)
        self.expenses.valueChanged.connect(self._owing_changed)
        self.declined.toggled.connect(self._owing_changed)
        self._owing_changed()
        self.finish_layout()

    @classmethod
    def example(cls, window: Any) -> PaymentDialog:  # type: ignore[override]
        """On the chosen group's first payment, read afresh (the Payments area may be out of
        sight, with no rows yet)."""
        group = window.current_group()
        rows: list[PaymentRow] = []
        if group is not None:
            future = window.runner.run(window.source.call, payments.list_payments, group.id)
            window.runner.wait_idle()
            rows = future.result()
        row = (
            rows[0]
            if rows
            else PaymentRow(0, 0, _("A member"), None, _("A session"), None, 0, PaymentChange(0))
        )
        return cls(window, window.runner, window.source, row)

    def change(self) -> PaymentChange:
        return PaymentChange(
            minutes_given=self.minutes.value(),
            expenses_pence=pence_in(self.expenses),
            voucher_pence=pence_in(self.vouchers),
            voucher_note=self.voucher_note.text(),
            declined=self.declined.isChecked(),
            paid_on=self.paid_on.value(),
            note=self.note.toPlainText(),
        )

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return payments.change_payment, (self.row.id, self.change())

    def _owing_changed(self, *_changed: object) -> None:
        # Someone owed nothing (no pay for time, no expenses) is never "paid".
        change = self.change()
        owes = owes_something(change.declined, change.expenses_pence)
        self.paid_on.check.setEnabled(owes)
        self.paid_on.editor.setEnabled(owes and self.paid_on.check.isChecked())
        self._say_owed()

    def _say_owed(self) -> None:
        change = self.change()
        minutes = change.minutes_given
        time = duration_words(minutes) if minutes else _("no time")
        if change.declined and change.expenses_pence:
            words = _(
                "They chose not to be paid for {time}; {expenses} of expenses to pay back."
            ).format(time=time, expenses=money(change.expenses_pence))
        elif change.declined:
            words = _("They chose not to be paid for {time}, so nothing is owed.").format(time=time)
        else:
            owed = PaymentRow(0, 0, "", None, "", None, self.row.rate_pence_per_hour, change)
            if change.expenses_pence:
                words = _("To pay: {amount}, for {time} and {expenses} of expenses.").format(
                    amount=money(owed.owed_pence),
                    time=time,
                    expenses=money(change.expenses_pence),
                )
            else:
                words = _("To pay: {amount}, for {time}.").format(
                    amount=money(owed.owed_pence), time=time
                )
        self.owed.setText(words)
        for box in (self.minutes, self.expenses):
            box.setAccessibleDescription(words)
            box.lineEdit().setAccessibleDescription(words)
