"""One suggested payment, for staff to confirm: whether to confirm it, the minutes the
member gave (the planned length until changed), and whether they chose not to be paid."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSpinBox, QVBoxLayout, QWidget

from app.i18n import _
from app.services.live_close import PaymentSuggestion
from app.services.payments import pence_for_time
from app.services.timing import duration_words
from app.services.wording import money
from app.ui.wrapping import WrappingCheckBox

MOST_MINUTES = 24 * 60


def payment_words(name: str, minutes: int, rate_pence_per_hour: int, declined: bool) -> str:
    time = duration_words(minutes) if minutes else _("no time")
    if declined:
        return _("{name}: chose not to be paid, for {time}").format(name=name, time=time)
    pence = pence_for_time(minutes, rate_pence_per_hour)
    return _("{name}: {amount} for {time}").format(name=name, amount=money(pence), time=time)


class PaymentRow(QWidget):
    """The words say the amount as it stands; each control carries them as its description,
    so a screen reader hears the amount change as the minutes or the choice change."""

    def __init__(self, suggestion: PaymentSuggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        name = suggestion.name
        self.words = QLabel()
        self.words.setWordWrap(True)
        bold = QFont()  # only the weight is set, so the size still follows the text size
        bold.setBold(True)
        self.words.setFont(bold)
        self.confirm = WrappingCheckBox(_("Confirm this payment to {name}").format(name=name))
        self.confirm.setAccessibleName(self.confirm.text())
        self.minutes = QSpinBox()
        # Room for a session that ran long, not for a slip of the keys (700 for 70): once
        # confirmed, a payment is not changed here again.
        self.minutes.setRange(
            1, min(max(suggestion.minutes * 2, suggestion.minutes + 120), MOST_MINUTES)
        )
        self.minutes.setSingleStep(5)
        self.minutes.setValue(suggestion.minutes)
        self.minutes.setAccessibleName(_("Minutes {name} gave").format(name=name))
        self.minutes_label = QLabel(_("Minutes {name} gave:").format(name=name))
        self.minutes_label.setWordWrap(True)
        self.minutes_label.setBuddy(self.minutes)
        self.declined = WrappingCheckBox(_("{name} chose not to be paid").format(name=name))
        self.declined.setAccessibleName(self.declined.text())
        self.declined.setChecked(suggestion.declined)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        for widget in (self.words, self.confirm, self.minutes_label, self.minutes, self.declined):
            layout.addWidget(widget)

        if suggestion.confirmed:
            for widget in (self.confirm, self.minutes_label, self.minutes, self.declined):
                widget.hide()
        else:
            self.confirm.setChecked(True)
            self.confirm.toggled.connect(self.minutes.setEnabled)
            self.confirm.toggled.connect(self.declined.setEnabled)
            self.confirm.toggled.connect(self._show_words)
            self.minutes.valueChanged.connect(self._show_words)
            self.declined.toggled.connect(self._show_words)
        self._show_words()

    def _show_words(self) -> None:
        s = self.suggestion
        words = payment_words(
            s.name, self.minutes.value(), s.rate_pence_per_hour, self.declined.isChecked()
        )
        if s.confirmed:
            words = _("{payment} (confirmed)").format(payment=words)
        elif not self.confirm.isChecked():
            words = _("{payment} (not to be confirmed now)").format(payment=words)
        self.words.setText(words)
        self.words.setAccessibleName(words)
        for control in (self.confirm, self.minutes, self.declined):
            control.setAccessibleDescription(words)

    def chosen(self) -> bool:
        return not self.suggestion.confirmed and self.confirm.isChecked()
