"""Payments for finance: listed, corrected, marked as paid, and set out as a table."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.errors import FileNotSaved, NotFound, ValidationError
from app.models import AttendanceStatus, Role, pence_for_time
from app.services import live_actions, live_close, payments, people
from app.services.payments import PaymentChange, PaymentTotals


def test_a_group_s_payments_are_listed_newest_session_first(db, paid_group) -> None:
    rows = payments.list_payments(db, paid_group.id)
    assert [(r.session_title, r.name) for r in rows] == [
        ("May session", "Amina Yusuf"),
        ("May session", "Bob Price"),
        ("March session", "Amina Yusuf"),
        ("March session", "Bob Price"),
    ]
    assert [r.time_pence for r in rows] == [1_200, 0, 1_800, 1_800]  # Bob declined in May
    assert rows[0].session_starts_at == datetime(2025, 5, 6, 10)
    assert not any(r.paid for r in rows)
    assert PaymentTotals.of(rows) == PaymentTotals(4, 4_800, 0, 0, 1)


def test_expenses_and_vouchers_are_added_and_the_payment_marked_paid(db, paid_group) -> None:
    row = payments.list_payments(db, paid_group.id)[2]  # Amina, March
    changed = payments.change_payment(
        db,
        row.id,
        PaymentChange(
            minutes_given=120,
            expenses_pence=450,
            voucher_pence=1_000,
            voucher_note="Supermarket voucher",
            note="Stayed on to help tidy up",
        ),
    )
    assert changed.time_pence == 2_400 and changed.owed_pence == 2_850
    paid = payments.mark_paid(db, row.id, date(2025, 3, 20))
    assert paid.change.paid_on == date(2025, 3, 20)
    assert paid.change.voucher_note == "Supermarket voucher"
    assert payments.list_payments(db, paid_group.id)[2] == paid
    assert [r.id for r in payments.list_payments(db, paid_group.id, not_paid_only=True)] == [
        r.id for r in payments.list_payments(db, paid_group.id) if r.id != row.id
    ]
    totals = PaymentTotals.of(payments.list_payments(db, paid_group.id))
    assert (totals.paid_pence, totals.not_paid_pence, totals.voucher_pence) == (2_850, 3_000, 1_000)


def test_a_declined_payment_is_owed_nothing_and_never_marked_paid(db, paid_group) -> None:
    declined = payments.list_payments(db, paid_group.id)[1]  # Bob, May
    assert declined.change.declined and declined.owed_pence == 0
    with pytest.raises(ValidationError, match="chose not to be paid"):
        payments.mark_paid(db, declined.id, date(2025, 5, 20))
    kept = payments.change_payment(
        db, declined.id, PaymentChange(60, declined=True, paid_on=date(2025, 5, 20))
    )
    assert kept.change.paid_on is None and kept.owed_pence == 0


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (PaymentChange(minutes_given=-5), "minutes given must be between 0 and 1440"),
        (PaymentChange(60, expenses_pence=-1), "expenses, in pence, must be between"),
        (PaymentChange(60, voucher_pence=2_000_000), "vouchers, in pence, must be between"),
        (PaymentChange(60, paid_on=date(1066, 10, 14)), "date paid must be between"),
        (PaymentChange(60, voucher_note="a\nb"), "must fit on one line"),
        (PaymentChange(60, note="bell\x07"), "hidden control character"),
    ],
)
def test_a_bad_change_is_refused_in_words_and_nothing_changes(
    db, paid_group, change, words
) -> None:
    before = payments.list_payments(db, paid_group.id)
    with pytest.raises(ValidationError, match=words):
        payments.change_payment(db, before[0].id, change)
    assert payments.list_payments(db, paid_group.id) == before


def test_a_payment_that_has_gone_says_so(db) -> None:
    with pytest.raises(NotFound, match="no longer in the record"):
        payments.mark_paid(db, 404, date(2025, 1, 1))


def test_the_finance_table_has_a_row_each_and_the_totals(db, paid_group) -> None:
    rows = payments.list_payments(db, paid_group.id)
    payments.change_payment(db, rows[0].id, PaymentChange(60, expenses_pence=305))
    payments.mark_paid(db, rows[0].id, date(2025, 5, 9))
    table = payments.finance_table(payments.list_payments(db, paid_group.id))
    assert table[0][:4] == ["Session date", "Session", "Name", "Minutes given"]
    assert table[1] == [
        "2025-05-06",
        "May session",
        "Amina Yusuf",
        60,
        "12.00",
        "12.00",
        "3.05",
        "15.05",
        "0.00",
        "",
        "No",
        "2025-05-09",
        "",
    ]
    assert table[2][5:8] == ["0.00", "0.00", "0.00"] and table[2][10] == "Yes"
    assert table[-1][1] == "Total" and table[-1][7] == "51.05"  # 15.05 + 0 + 18 + 18
    assert len(table) == 6


def test_several_payments_are_marked_paid_at_once_leaving_the_declined_alone(
    db, paid_group
) -> None:
    rows = payments.list_payments(db, paid_group.id)
    marked = payments.mark_all_paid(db, [r.id for r in rows], date(2025, 6, 1))
    assert [r.id for r in marked] == [rows[0].id, rows[2].id, rows[3].id]  # not Bob in May
    after = payments.list_payments(db, paid_group.id)
    assert [r.change.paid_on for r in after] == [date(2025, 6, 1), None] + [date(2025, 6, 1)] * 2
    assert payments.list_payments(db, paid_group.id, not_paid_only=True) == [after[1]]


def test_marking_several_stops_whole_when_one_has_gone(db, paid_group) -> None:
    rows = payments.list_payments(db, paid_group.id)
    with pytest.raises(NotFound):
        payments.mark_all_paid(db, [rows[0].id, 404], date(2025, 6, 1))
    assert payments.list_payments(db, paid_group.id) == rows


def test_the_payments_are_saved_for_finance_as_a_spreadsheet(db, paid_group, tmp_path) -> None:
    saved = payments.save_for_finance(db, paid_group.id, tmp_path / "payments.csv")
    assert saved.count == 4 and saved.totals.not_paid_pence == 4_800
    lines = saved.path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Session date,Session,Name,Minutes given")
    assert lines[1].startswith("2025-05-06,May session,Amina Yusuf,60,12.00,12.00")
    assert lines[-1] == ",Total,,,,,,48.00,0.00"


def test_a_spreadsheet_that_cannot_be_written_says_why(db, paid_group, tmp_path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(FileNotSaved, match="Could not save the file"):
        payments.save_for_finance(db, paid_group.id, blocker / "payments.csv")


def test_expenses_are_paid_back_to_someone_who_chose_not_to_be_paid(db, paid_group) -> None:
    declined = payments.list_payments(db, paid_group.id)[1]  # Bob, May
    claimed = payments.change_payment(
        db, declined.id, PaymentChange(60, expenses_pence=640, declined=True)
    )
    assert (claimed.time_pence, claimed.owed_pence, claimed.payable) == (0, 640, True)
    assert payments.mark_paid(db, declined.id, date(2025, 5, 20)).change.paid_on == date(
        2025, 5, 20
    )
    row = payments.finance_table(payments.list_payments(db, paid_group.id))[2]
    assert (row[5], row[6], row[7], row[10], row[11]) == (
        "0.00", "6.40", "6.40", "Yes", "2025-05-20"
    )  # fmt: skip


def test_a_date_paid_is_never_written_over_by_marking_again(db, paid_group) -> None:
    rows = payments.list_payments(db, paid_group.id)
    payments.mark_paid(db, rows[0].id, date(2025, 5, 9))
    with pytest.raises(ValidationError, match="already marked as paid on 2025-05-09"):
        payments.mark_paid(db, rows[0].id, date(2025, 6, 1))
    marked = payments.mark_all_paid(db, [r.id for r in rows], date(2025, 6, 1))
    assert rows[0].id not in [r.id for r in marked]
    assert payments.list_payments(db, paid_group.id)[0].change.paid_on == date(2025, 5, 9)


@pytest.mark.parametrize(
    ("minutes", "rate", "pence"),
    [(15, 1_250, 313), (45, 1_250, 938), (90, 1_200, 1_800), (1, 1, 0), (0, 2_000, 0)],
)
def test_pay_for_time_rounds_a_half_penny_up(minutes, rate, pence) -> None:
    assert pence_for_time(minutes, rate) == pence


def test_names_are_in_order_whatever_their_capitals(db, paid_group) -> None:
    may = payments.list_payments(db, paid_group.id)[0].meeting_id
    early = people.add_member(db, paid_group.id, "ada de Souza", Role.CARER)
    live_actions.check_in(db, may, early.person_id, AttendanceStatus.PRESENT)
    live_close.confirm_payments(db, may, [(early.person_id, 60)])
    names = [r.name for r in payments.list_payments(db, paid_group.id)[:3]]
    assert names == ["ada de Souza", "Amina Yusuf", "Bob Price"]
