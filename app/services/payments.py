"""Payments for members' time, as finance needs them: who, for which session, how much,
expenses and vouchers, and whether and when it was paid.

A payment is first recorded when staff confirm it at the end of a live session; here it
can be corrected, given its expenses and vouchers, and marked as paid. All money is in
whole pence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select

from app.errors import FileNotSaved, NotFound, ValidationError
from app.export.spreadsheet import write_csv
from app.i18n import _
from app.models import Meeting, Payment, Person, pence_for_time
from app.services import validation
from app.storage import Store

MOST_MINUTES = 24 * 60
MOST_PENCE = 10_000_00  # £10,000: room for any real claim, not for a slip of the keys


@dataclass(frozen=True)
class PaymentChange:
    """What staff may set on a payment."""

    minutes_given: int
    expenses_pence: int = 0
    voucher_pence: int = 0
    voucher_note: str = ""
    declined: bool = False
    paid_on: date | None = None
    note: str = ""


def owes_something(declined: bool, expenses_pence: int) -> bool:
    """False only for a member who chose not to be paid and has no expenses to claim."""
    return not declined or expenses_pence > 0


@dataclass(frozen=True)
class PaymentRow:
    id: int
    person_id: int
    name: str
    meeting_id: int | None
    session_title: str
    session_starts_at: datetime | None
    rate_pence_per_hour: int
    change: PaymentChange

    @property
    def time_pence(self) -> int:
        """What the time given is worth: nothing for someone who chose not to be paid."""
        if self.change.declined:
            return 0
        return pence_for_time(self.change.minutes_given, self.rate_pence_per_hour)

    @property
    def owed_pence(self) -> int:
        """Money to pay: the time and the expenses (vouchers are given, not paid). Choosing
        not to be paid is for the time: expenses are still paid back."""
        return self.time_pence + self.change.expenses_pence

    @property
    def payable(self) -> bool:
        """Something is owed to them, so it can be marked paid."""
        return owes_something(self.change.declined, self.change.expenses_pence)

    @property
    def paid(self) -> bool:
        return self.change.paid_on is not None


@dataclass(frozen=True)
class PaymentTotals:
    count: int
    not_paid_pence: int
    paid_pence: int
    voucher_pence: int
    declined: int

    @classmethod
    def of(cls, rows: Iterable[PaymentRow]) -> PaymentTotals:
        rows = list(rows)
        return cls(
            count=len(rows),
            not_paid_pence=sum(row.owed_pence for row in rows if not row.paid),
            paid_pence=sum(row.owed_pence for row in rows if row.paid),
            voucher_pence=sum(row.change.voucher_pence for row in rows),
            declined=sum(1 for row in rows if row.change.declined),
        )


def list_payments(db: Store, group_id: int, *, not_paid_only: bool = False) -> list[PaymentRow]:
    """A group's payments, the newest session first, then by name."""
    query = (
        select(Payment, Person.full_name, Meeting.title, Meeting.starts_at)
        .join(Person, Person.id == Payment.person_id)
        .outerjoin(Meeting, Meeting.id == Payment.meeting_id)
        .where(Payment.group_id == group_id)
        .order_by(Meeting.starts_at.desc().nulls_last(), func.lower(Person.full_name), Payment.id)
    )
    if not_paid_only:
        query = query.where(Payment.paid_on.is_(None))
    with db.transaction() as session:
        return [
            _row(payment, name, title, starts_at)
            for payment, name, title, starts_at in session.execute(query)
        ]


def change_payment(db: Store, payment_id: int, change: PaymentChange) -> PaymentRow:
    """Correct a payment. One that owes nothing (declined, no expenses) keeps no date paid."""
    clean = _checked(change)
    with db.transaction() as session:
        payment = _payment(session, payment_id)
        payment.minutes_given = clean.minutes_given
        payment.expenses_pence = clean.expenses_pence
        payment.voucher_pence = clean.voucher_pence
        payment.voucher_note = clean.voucher_note
        payment.declined = clean.declined
        payment.paid_on = clean.paid_on
        payment.note = clean.note
        session.flush()
        return _read(session, payment)


def mark_paid(db: Store, payment_id: int, on: date) -> PaymentRow:
    """Record that a payment was made on ``on``."""
    validation.calendar_date(on, _("The date paid"))
    with db.transaction() as session:
        payment = _payment(session, payment_id)
        if not owes_something(payment.declined, payment.expenses_pence):
            raise ValidationError(
                _("This member chose not to be paid for this session, so nothing is owed.")
            )
        if payment.paid_on is not None:
            raise ValidationError(
                _(
                    "This payment was already marked as paid on {date}. To give another date, "
                    "change the payment."
                ).format(date=payment.paid_on.isoformat())
            )
        payment.paid_on = on
        session.flush()
        return _read(session, payment)


def mark_all_paid(db: Store, payment_ids: Sequence[int], on: date) -> list[PaymentRow]:
    """Record that several payments were made on ``on``, all or none of them. Those already
    paid keep their date; those owing nothing are left alone."""
    validation.calendar_date(on, _("The date paid"))
    with db.transaction() as session:
        changed = []
        for payment_id in payment_ids:
            payment = _payment(session, payment_id)
            owes = owes_something(payment.declined, payment.expenses_pence)
            if owes and payment.paid_on is None:
                payment.paid_on = on
                changed.append(payment)
        session.flush()
        return [_read(session, payment) for payment in changed]


@dataclass(frozen=True)
class SavedForFinance:
    path: Path
    count: int
    totals: PaymentTotals


def save_for_finance(
    db: Store, group_id: int, out: Path, *, not_paid_only: bool = False
) -> SavedForFinance:
    """Write the group's payments to ``out`` as a spreadsheet (CSV) for finance."""
    rows = list_payments(db, group_id, not_paid_only=not_paid_only)
    try:
        path = write_csv(finance_table(rows), out)
    except OSError as error:
        raise FileNotSaved.because(out, error) from error
    return SavedForFinance(path, len(rows), PaymentTotals.of(rows))


def _checked(change: PaymentChange) -> PaymentChange:
    validation.whole_number(change.minutes_given, _("The minutes given"), low=0, high=MOST_MINUTES)
    for pence, what in (
        (change.expenses_pence, _("The expenses, in pence,")),
        (change.voucher_pence, _("The vouchers, in pence,")),
    ):
        validation.whole_number(pence, what, low=0, high=MOST_PENCE)
    validation.calendar_date(change.paid_on, _("The date paid"))
    return replace(
        change,
        voucher_note=validation.short_text(change.voucher_note, _("The voucher note"), limit=200),
        note=validation.long_text(change.note, _("The note")),
        # Someone owed nothing is never "paid".
        paid_on=change.paid_on if owes_something(change.declined, change.expenses_pence) else None,
    )


def _payment(session, payment_id: int) -> Payment:  # type: ignore[no-untyped-def]
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFound(_("That payment is no longer in the record."))
    return payment


def _read(session, payment: Payment) -> PaymentRow:  # type: ignore[no-untyped-def]
    name = session.scalar(select(Person.full_name).where(Person.id == payment.person_id))
    meeting = session.get(Meeting, payment.meeting_id) if payment.meeting_id else None
    return _row(
        payment,
        name or "",
        meeting.title if meeting is not None else None,
        meeting.starts_at if meeting is not None else None,
    )


def _row(payment: Payment, name: str, title: str | None, starts_at: datetime | None) -> PaymentRow:
    return PaymentRow(
        id=payment.id,
        person_id=payment.person_id,
        name=name,
        meeting_id=payment.meeting_id,
        session_title=title or _("No session"),
        session_starts_at=starts_at,
        rate_pence_per_hour=payment.rate_pence_per_hour,
        change=PaymentChange(
            minutes_given=payment.minutes_given,
            expenses_pence=payment.expenses_pence,
            voucher_pence=payment.voucher_pence,
            voucher_note=payment.voucher_note,
            declined=payment.declined,
            paid_on=payment.paid_on,
            note=payment.note,
        ),
    )


def finance_table(rows: Sequence[PaymentRow]) -> list[list[str | int]]:
    """The payments as a table for finance: a header, one row each, then the totals.
    Amounts are in pounds with two decimals; dates are written year-month-day."""
    table: list[list[str | int]] = [
        [
            _("Session date"),
            _("Session"),
            _("Name"),
            _("Minutes given"),
            _("Hourly rate (£)"),
            _("For time (£)"),
            _("Expenses (£)"),
            _("To pay (£)"),
            _("Vouchers (£)"),
            _("Voucher note"),
            _("Chose not to be paid"),
            _("Paid on"),
            _("Note"),
        ]
    ]
    for row in rows:
        change = row.change
        table.append(
            [
                row.session_starts_at.date().isoformat() if row.session_starts_at else "",
                row.session_title,
                row.name,
                change.minutes_given,
                _pounds(row.rate_pence_per_hour),
                _pounds(row.time_pence),
                _pounds(change.expenses_pence),
                _pounds(row.owed_pence),
                _pounds(change.voucher_pence),
                change.voucher_note,
                _("Yes") if change.declined else _("No"),
                change.paid_on.isoformat() if change.paid_on else "",
                change.note,
            ]
        )
    totals = PaymentTotals.of(rows)
    owed = totals.not_paid_pence + totals.paid_pence
    table.append(["", _("Total"), "", "", "", "", "", _pounds(owed), _pounds(totals.voucher_pence)])
    return table


def _pounds(pence: int) -> str:
    return f"{pence // 100}.{pence % 100:02d}"
