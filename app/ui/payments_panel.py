"""The Payments area: what members are owed for their time, and what has been paid.

Payments are first confirmed at the end of a live session. Here staff correct them, add
expenses and vouchers, mark them paid, and save them as a spreadsheet for finance, with
a second spreadsheet of who came to each session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from app import clock
from app.i18n import N_, _, ngettext
from app.services import attendance_report, payments
from app.services.attendance_report import SavedAttendance
from app.services.changes import Change
from app.services.payments import PaymentRow, PaymentTotals, SavedForFinance
from app.services.timing import duration_words
from app.services.wording import money
from app.ui.data import DataSource
from app.ui.decision_form import announcer
from app.ui.dialogs import ask, show_message
from app.ui.formatting import format_date
from app.ui.panels import RecordsPanel, offer
from app.ui.payment_dialog import PaymentDialog
from app.ui.save_elsewhere import ask_where_to_save, safe_file_name
from app.ui.table_models import Column, RowTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets import ButtonRow, named_button
from app.ui.wrapping import WrappingCheckBox


def _session_date(row: PaymentRow) -> str:
    return format_date(row.session_starts_at.date()) if row.session_starts_at else _("No date")


def _time(row: PaymentRow) -> str:
    minutes = row.change.minutes_given
    return duration_words(minutes) if minutes else _("No time")


def _to_pay(row: PaymentRow) -> str:
    if not row.change.declined:
        return money(row.owed_pence)
    if row.payable:
        return _("{amount} of expenses (chose not to be paid for time)").format(
            amount=money(row.owed_pence)
        )
    return _("Chose not to be paid")


def _paid(row: PaymentRow) -> str:
    if not row.payable:
        return _("Nothing owed")
    return format_date(row.change.paid_on) if row.paid else _("Not yet")


class PaymentsModel(RowTableModel):
    DATE, SESSION, NAME, TIME, TO_PAY, VOUCHERS, PAID = range(7)
    COLUMNS = (
        Column(N_("Session date"), _session_date, lambda r: r.session_starts_at),
        Column(N_("Session"), lambda r: r.session_title),
        Column(N_("Name"), lambda r: r.name),
        Column(N_("Time"), _time, lambda r: r.change.minutes_given),
        Column(N_("To pay"), _to_pay, lambda r: r.owed_pence),
        Column(
            N_("Vouchers"),
            lambda r: money(r.change.voucher_pence) if r.change.voucher_pence else _("None"),
            lambda r: r.change.voucher_pence,
        ),
        Column(N_("Paid"), _paid, lambda r: r.change.paid_on or date.min),
    )


def totals_sentence(totals: PaymentTotals, *, not_paid_only: bool) -> str:
    if not totals.count:
        if not_paid_only:
            return _("Every payment has been made.")
        return _(
            "No payments are recorded for this group yet. They are confirmed at the end of "
            "a live session."
        )
    words = ngettext(
        "{count} payment: {owed} still to pay, {paid} paid.",
        "{count} payments: {owed} still to pay, {paid} paid.",
        totals.count,
    ).format(count=totals.count, owed=money(totals.not_paid_pence), paid=money(totals.paid_pence))
    if totals.voucher_pence:
        words += " " + _("Vouchers given: {amount}.").format(amount=money(totals.voucher_pence))
    if totals.declined:
        words += " " + ngettext(
            "{count} chose not to be paid.", "{count} chose not to be paid.", totals.declined
        ).format(count=totals.declined)
    return words


class PaymentsPanel(RecordsPanel):
    TITLE = N_("Payments")
    HEADING = N_("Payments in {group}")
    SHOWS = frozenset({Change.PAYMENTS, Change.PEOPLE, Change.SESSIONS, Change.ATTENDANCE})
    CHOOSE_FIRST = N_("Choose a payment in the list first.")

    model: PaymentsModel

    def __init__(self, source: DataSource, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(source, runner, parent)
        # Set on the GUI thread, read by ``fetch`` on the worker.
        self._not_paid_only = False
        self._choose_after_load: int | None = None
        self.dialog: PaymentDialog | None = None

        self.not_paid_only = WrappingCheckBox(_("Show only those not paid &yet"))
        self.not_paid_only.setAccessibleName(_("Show only those not paid yet"))
        self.not_paid_only.toggled.connect(self._filter_changed)
        self.change_button = named_button(
            _("&Change…"), _("Change the chosen payment"), self.change_payment
        )
        self.mark_button = named_button(
            _("Mark as paid &today"), _("Mark the chosen payment as paid today"), self.mark_paid
        )
        self.mark_all_button = named_button(
            _("Mark &all shown as paid…"), _("Mark all the payments shown as paid today"),
            self.confirm_mark_all,
        )  # fmt: skip
        self.save_button = named_button(
            _("Save payments for fi&nance…"),
            _("Save the payments shown as a spreadsheet for finance"),
            self.choose_file,
        )
        self.attendance_button = named_button(
            _("Save atten&dance for finance…"),
            _("Save who came to each session as a spreadsheet for finance"),
            self.choose_attendance_file,
        )
        buttons = [
            self.change_button,
            self.mark_button,
            self.mark_all_button,
            self.save_button,
            self.attendance_button,
        ]
        self.buttons = ButtonRow(buttons)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, self.not_paid_only)
        layout.addWidget(self.buttons)
        for first, second in pairwise([self.not_paid_only, self.table, *buttons]):
            QWidget.setTabOrder(first, second)

        self.table.doubleClicked.connect(lambda _index: self.change_payment())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def first_control(self) -> QWidget:
        """The choice of those not paid yet, above the list."""
        return self.not_paid_only

    def make_model(self) -> RowTableModel:
        return PaymentsModel(self)

    def fetch(self, group_id: int) -> Any:
        return self.source.call(payments.list_payments, group_id, not_paid_only=self._not_paid_only)

    def show_rows(self, result: Any) -> None:
        super().show_rows(result)
        if self._choose_after_load is not None:
            self.choose(self._choose_after_load)
            self._choose_after_load = None

    def count_sentence(self, count: int) -> str:
        return totals_sentence(
            PaymentTotals.of(self.model.rows()), not_paid_only=self._not_paid_only
        )

    def chosen(self) -> PaymentRow | None:
        return self.chosen_row()

    def _update_buttons(self, *_args: Any) -> None:
        row = self.chosen()
        offer(self.change_button, self.not_chosen())
        offer(self.mark_button, self._cannot_mark(row))
        owed = any(r.payable and not r.paid for r in self.model.rows())
        self.mark_all_button.setEnabled(owed)
        self.save_button.setEnabled(self.group is not None and self.model.rowCount() > 0)
        self.attendance_button.setEnabled(self.group is not None)

    def _cannot_mark(self, row: PaymentRow | None) -> str:
        if row is None:
            return self.not_chosen()
        if not row.payable:
            return _("Nothing is owed on this payment.")
        if row.paid:
            return _("This payment is already marked as paid.")
        return ""

    def _filter_changed(self, checked: bool) -> None:
        self._not_paid_only = checked
        self.reload()

    # -- changing and paying ------------------------------------------------------------

    def change_payment(self) -> PaymentDialog | None:
        row = self.chosen()
        if row is None:
            return None
        self.dialog = PaymentDialog(self.window(), self.runner, self.source, row)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.saved.connect(self._changed)
        self.dialog.open()
        return self.dialog

    def _changed(self, row: PaymentRow) -> None:
        self._say(
            _("Saved the payment to {name}: {amount}.").format(name=row.name, amount=_to_pay(row))
        )
        self._reload_choosing(row.id)

    def mark_paid(self) -> None:
        row = self.chosen()
        if row is None:
            return
        self.runner.run(
            self.source.call,
            payments.mark_paid,
            row.id,
            clock.today(),
            on_done=self._marked,
            on_error=self._problem,
        )

    def _marked(self, row: PaymentRow) -> None:
        self._say(
            _("Marked the payment of {amount} to {name} as paid today.").format(
                amount=money(row.owed_pence), name=row.name
            )
        )
        self._reload_choosing(row.id)

    def confirm_mark_all(self) -> None:
        owed = [r for r in self.model.rows() if r.payable and not r.paid]
        if not owed:
            return
        total = money(sum(r.owed_pence for r in owed))
        question = ngettext(
            "Mark {count} payment, {total} in all, as paid today?",
            "Mark {count} payments, {total} in all, as paid today?",
            len(owed),
        ).format(count=len(owed), total=total)
        ask(
            self.window(),
            question,
            yes=_("&Mark them paid"),
            no=_("&Not now"),
            on_yes=lambda: self.mark_all([r.id for r in owed]),
        )

    def mark_all(self, payment_ids: list[int]) -> None:
        self.runner.run(
            self.source.call,
            payments.mark_all_paid,
            payment_ids,
            clock.today(),
            on_done=self._all_marked,
            on_error=self._problem,
        )

    def _all_marked(self, rows: list[PaymentRow]) -> None:
        self._say(
            ngettext(
                "Marked {count} payment, {total} in all, as paid today.",
                "Marked {count} payments, {total} in all, as paid today.",
                len(rows),
            ).format(count=len(rows), total=money(sum(r.owed_pence for r in rows)))
        )
        self.reload()

    def _reload_choosing(self, payment_id: int) -> None:
        self._choose_after_load = payment_id
        self.reload()

    # -- the spreadsheet for finance ----------------------------------------------------

    def choose_file(self) -> QFileDialog | None:
        return self._ask_where(_("Save the payments for finance"), _("Payments"), self.save_to)

    def save_to(self, out: Path) -> None:
        job = partial(payments.save_for_finance, not_paid_only=self._not_paid_only)
        self._save(job, out, self._saved)

    def _saved(self, saved: SavedForFinance) -> None:
        self._say(
            ngettext(
                "Saved {count} payment to {path}. It opens in Excel or LibreOffice.",
                "Saved {count} payments to {path}. They open in Excel or LibreOffice.",
                saved.count,
            ).format(count=saved.count, path=saved.path)
        )

    def choose_attendance_file(self) -> QFileDialog | None:
        return self._ask_where(
            _("Save the attendance for finance"), _("Attendance"), self.save_attendance_to
        )

    def save_attendance_to(self, out: Path) -> None:
        self._save(attendance_report.save_attendance, out, self._attendance_saved)

    def _attendance_saved(self, saved: SavedAttendance) -> None:
        self._say(
            ngettext(
                "Saved who came to {count} session to {path}. It opens in Excel or LibreOffice.",
                "Saved who came to {count} sessions to {path}. It opens in Excel or LibreOffice.",
                saved.sessions,
            ).format(count=saved.sessions, path=saved.path)
        )

    def _ask_where(
        self, title: str, what: str, on_chosen: Callable[[Path], None]
    ) -> QFileDialog | None:
        if self.group is None:
            return None
        name = _("{what} {group} {day}.csv").format(
            what=what, group=safe_file_name(self.group.name), day=clock.today().isoformat()
        )
        return ask_where_to_save(
            self.window(), title, name, on_chosen, kind=_("Spreadsheets (*.csv)")
        )

    def _save(self, job: Callable[..., Any], out: Path, on_done: Callable[[Any], None]) -> None:
        if self.group is None:
            return
        self.runner.run(
            self.source.call, job, self.group.id, out, on_done=on_done, on_error=self._problem
        )

    # -- shared -------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        announcer(self)(message)

    def _problem(self, message: str) -> None:
        announcer(self)(message, urgent=True)
        show_message(self.window(), message, problem=True)
