"""The end of a live session: how far each aim moved, then a summary of what was decided and
who does what next, with the payments suggested from attendance for staff to confirm."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.i18n import _, ngettext
from app.models.enums import AimOutcome
from app.services import live_close
from app.services.live import LiveAim
from app.services.live_close import Closed, LiveSummary, PaymentSuggestion
from app.services.wording import label
from app.ui.data import DataSource
from app.ui.decision_form import FormDialog, OptionalDate, combo
from app.ui.dialogs import ask
from app.ui.formatting import format_date
from app.ui.live.payment_rows import PaymentRow
from app.ui.tasks import TaskRunner

OUTCOMES = (AimOutcome.ACHIEVED, AimOutcome.PROGRESSING, AimOutcome.NOT_YET, AimOutcome.CHANGED)


class ClosingDialog(FormDialog):
    """Aim by aim: achieved, progressing, not yet or changed, with a short note."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        meeting_id: int,
        aims: Sequence[LiveAim],
    ) -> None:
        super().__init__(parent, _("Close the session"), runner, source)
        self.meeting_id = meeting_id
        self.save_button.setText(_("&Close the session"))
        self.save_button.setAccessibleName(_("Close the session"))
        self.cancel_button.setText(_("&Go back to the session"))
        self.cancel_button.setAccessibleName(_("Go back to the session"))
        self.choices: list[tuple[int, QComboBox, QLineEdit]] = []
        for number, aim in enumerate(aims, start=1):
            outcome = combo(
                [(_("Not reviewed"), None), *((label(o), o) for o in OUTCOMES)], aim.outcome
            )
            self.add_field(
                _("Aim {number}: {title}. How far did it move?").format(
                    number=number, title=aim.title
                ),
                outcome,
                _("How far aim {number} moved").format(number=number),
            )
            note = QLineEdit(aim.note)
            self.add_field(
                _("A short note on aim {number}").format(number=number),
                note,
                _("Note on aim {number}").format(number=number),
            )
            self.choices.append((aim.id, outcome, note))
        if not aims:
            none = QLabel(_("This session has no aims to review. Close it when the group is done."))
            none.setWordWrap(True)
            self.fields.addWidget(none)
        self.finish_layout()

    @classmethod
    def example(cls, window: Any) -> ClosingDialog:  # type: ignore[override]
        aims = [
            LiveAim(1, "Repairs within two weeks", "Members tell us", None, ""),
            LiveAim(2, "Clear letters", "", AimOutcome.PROGRESSING, "Two letters rewritten"),
        ]
        return cls(window, window.runner, window.source, 0, aims)

    def reviews(self) -> list[tuple[int, AimOutcome, str]]:
        return [
            (aim_id, outcome.currentData(), note.text())
            for aim_id, outcome, note in self.choices
            if outcome.currentData() is not None
        ]

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(live_close.finish_session, reviews=self.reviews()), (self.meeting_id,)


def summary_text(summary: LiveSummary) -> str:
    lines = [_("Summary of {title}").format(title=summary.title), ""]
    lines.append(_("Present: {names}").format(names=", ".join(summary.present) or _("nobody")))
    if summary.apologies:
        lines.append(_("Apologies: {names}").format(names=", ".join(summary.apologies)))
    lines += ["", _("What was decided:")]
    lines += [
        f"• {d.wording}"
        + (_(" (raised by {name})").format(name=d.raised_by) if d.raised_by else "")
        for d in summary.decisions
    ] or [_("Nothing was decided.")]
    lines += ["", _("Who does what next:")]
    for action in summary.actions:
        who = action.owner or _("nobody yet")
        when = _(", by {date}").format(date=format_date(action.due_on)) if action.due_on else ""
        lines.append(_("• {who}: {what}{when}").format(who=who, what=action.description, when=when))
    if not summary.actions:
        lines.append(_("No actions were agreed."))
    lines += ["", _("How the aims moved:")]
    for aim in summary.aims:
        moved = label(aim.outcome) if aim.outcome else _("not reviewed")
        note = f" ({aim.note})" if aim.note else ""
        lines.append(f"• {aim.title}: {moved}{note}")
    if not summary.aims:
        lines.append(_("This session had no aims."))
    return "\n".join(lines)


class SummaryDialog(FormDialog):
    """The summary, and each suggested payment to tick and confirm (suggested is not paid)."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        closed: Closed,
    ) -> None:
        super().__init__(parent, _("Session summary"), runner, source)
        self.closed = closed
        self.save_button.setText(_("&Confirm the ticked payments"))
        self.save_button.setAccessibleName(_("Confirm the ticked payments"))
        self.cancel_button.setText(_("&Finish"))
        self.cancel_button.setAccessibleName(_("Finish"))
        self.text = QPlainTextEdit(summary_text(closed.summary))
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 10)
        self.add_field(_("&Summary of what was recorded"), self.text, _("Summary"))
        write_up = QLabel(
            _(
                "The pack sent afterwards is made from this record. To add a few lines on what "
                "happened, or what people said about the session, edit the session in the "
                "Sessions area: its Afterwards part."
            )
        )
        write_up.setWordWrap(True)
        self.fields.addWidget(write_up)
        about = QLabel(
            _(
                "Payments suggested from who was present, the planned length and the group's "
                "rate. Nothing is paid until staff confirm it. Change the minutes for anyone "
                "who came late or left early."
            )
            if closed.payments
            else _("No payments are suggested: the group pays no rate, or no member was present.")
        )
        about.setWordWrap(True)
        self.fields.addWidget(about)
        self.rows = [PaymentRow(suggestion) for suggestion in closed.payments]
        self.confirming: list[PaymentRow] = []
        # Finish (and Escape) ask first if ticked payments would go unconfirmed.
        self.buttons.rejected.disconnect(self.reject)
        self.buttons.rejected.connect(self.finish)
        for row in self.rows:
            self.fields.addWidget(row)
        self.paid_on: OptionalDate | None = None
        if any(not s.confirmed for s in closed.payments):
            self.paid_on = self.add_optional_date(
                _("These payments have been &paid"),
                _("Paid on"),
                _("Date paid"),
                None,
                _("date paid"),
            )
        else:
            self.save_button.setEnabled(False)
        self.finish_layout()
        self.text.setFocus()

    @classmethod
    def example(cls, window: Any) -> SummaryDialog:  # type: ignore[override]
        from app.services.live import LiveAction, LiveDecision

        summary = LiveSummary(
            0,
            "Wheelchair repairs",
            True,
            ("Margaret O'Neill", "Dev Sharma"),
            ("Grace Okafor",),
            (LiveDecision(1, "Repairs will be booked by phone or by text.", "Margaret O'Neill"),),
            (LiveAction(1, "Ask about booking by text", "Dev Sharma", date(2025, 4, 1)),),
            (live_close.AimMoved("Repairs within two weeks", AimOutcome.PROGRESSING, ""),),
        )
        payments = (
            PaymentSuggestion(1, "Margaret O'Neill", 70, 1500, False),
            PaymentSuggestion(2, "Grace Okafor", 70, 1500, False, declined=True),
        )
        return cls(window, window.runner, window.source, Closed(summary, payments))

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        chosen = self.confirming = [row for row in self.rows if row.chosen()]
        shown_rate = chosen[0].suggestion.rate_pence_per_hour if chosen else None
        return partial(
            live_close.confirm_payments,
            confirmed=[(row.suggestion.person_id, row.minutes.value()) for row in chosen],
            declined=tuple(row.suggestion.person_id for row in chosen if row.declined.isChecked()),
            paid_on=self.paid_on.value() if self.paid_on else None,
            rate_pence_per_hour=shown_rate,
        ), (self.closed.summary.meeting_id,)

    def confirmed_words(self) -> str:
        """What the last confirmation recorded, in words."""
        declined = sum(row.declined.isChecked() for row in self.confirming)
        paid = len(self.confirming) - declined
        words = ngettext("{count} payment confirmed.", "{count} payments confirmed.", paid)
        words = words.format(count=paid)
        if declined:
            words += " " + ngettext(
                "{count} person chose not to be paid.",
                "{count} people chose not to be paid.",
                declined,
            ).format(count=declined)
        return words

    # -- finishing without confirming -------------------------------------------------

    def finish(self) -> None:
        """Finish, asking first if ticked payments would go unconfirmed (with the minutes
        and choices typed for them)."""
        if self.saving or not any(row.chosen() for row in self.rows):
            self.reject()
            return
        ask(
            self,
            _(
                "The ticked payments are not confirmed yet, so nothing will be recorded as "
                "paid. Finish without confirming them?"
            ),
            yes=_("Finish without confirming"),
            no=_("Go back to the payments"),
            on_yes=self.reject,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.finish()
            return
        super().keyPressEvent(event)
