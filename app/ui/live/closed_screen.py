"""The screen live mode ends on once the session is closed: what was saved, counted in
words, and one obvious way back to the main window (or out, when live mode runs alone).

It takes the place of the notes, which after closing belong to no item: an empty notes box
there looked as if the notes had been lost."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.i18n import _, ngettext
from app.services.live_record import SavedRecord
from app.ui.live.closing import summary_text
from app.ui.widgets import ButtonRow, Heading, scrolling


def counted_lines(record: SavedRecord) -> list[str]:
    """What the record holds, one counted sentence each: agenda, notes, people, decisions,
    actions, aims and payments."""
    summary, count = record.summary, len(record.items)
    lines = []
    if count:
        lines.append(
            ngettext(
                "Agenda: {count} item, {covered} of them talked about (with notes or turns "
                "recorded).",
                "Agenda: {count} items, {covered} of them talked about (with notes or turns "
                "recorded).",
                count,
            ).format(count=count, covered=record.talked_about)
        )
    if record.with_notes:
        lines.append(
            ngettext(
                "Notes kept on {count} item: {items}.",
                "Notes kept on {count} items: {items}.",
                len(record.with_notes),
            ).format(count=len(record.with_notes), items="; ".join(record.with_notes))
        )
    elif count:
        lines.append(_("No notes were written on the agenda items."))
    if record.session_notes:
        lines.append(_("Notes on the session as a whole are kept too."))
    elif not count:
        lines.append(_("No notes were written."))
    lines.append(
        ngettext("{count} person present.", "{count} people present.", len(summary.present)).format(
            count=len(summary.present)
        )
    )
    if summary.apologies:
        lines.append(
            ngettext(
                "{count} person sent apologies.",
                "{count} people sent apologies.",
                len(summary.apologies),
            ).format(count=len(summary.apologies))
        )
    decided, agreed = len(summary.decisions), len(summary.actions)
    lines.append(
        ngettext("{count} decision recorded.", "{count} decisions recorded.", decided).format(
            count=decided
        )
    )
    lines.append(
        ngettext("{count} action agreed.", "{count} actions agreed.", agreed).format(count=agreed)
    )
    if summary.aims:
        lines.append(
            ngettext(
                "{reviewed} of {count} aim reviewed.",
                "{reviewed} of {count} aims reviewed.",
                len(summary.aims),
            ).format(reviewed=record.aims_reviewed, count=len(summary.aims))
        )
    else:
        lines.append(_("No aims are linked to this session."))
    lines += payment_lines(record)
    return lines


def payment_lines(record: SavedRecord) -> list[str]:
    if not record.payments:
        return [_("No payments are suggested: the group pays no rate, or no member was present.")]
    paid = sum(p.confirmed and not p.declined for p in record.payments)
    declined = sum(p.confirmed and p.declined for p in record.payments)
    waiting = waiting_payments(record)
    confirmed = ngettext("{count} payment confirmed.", "{count} payments confirmed.", paid)
    lines = [confirmed.format(count=paid)]
    if declined:
        lines.append(
            ngettext(
                "{count} person chose not to be paid.",
                "{count} people chose not to be paid.",
                declined,
            ).format(count=declined)
        )
    if waiting:
        lines.append(
            ngettext(
                "{count} suggested payment is not confirmed yet.",
                "{count} suggested payments are not confirmed yet.",
                waiting,
            ).format(count=waiting)
        )
    return lines


def waiting_payments(record: SavedRecord) -> int:
    return sum(not p.confirmed for p in record.payments)


def saved_text(record: SavedRecord) -> str:
    """The whole of what the screen shows: the counts, then the summary itself."""
    lines = [_("What was saved:")]
    lines += [_("• {line}").format(line=line) for line in counted_lines(record)]
    lines += ["", summary_text(record.summary), ""]
    lines.append(
        _(
            "The pack sent afterwards is made from this record. To add to it, edit the "
            "session in the Sessions area."
        )
    )
    return "\n".join(lines)


class WayOutButton(QPushButton):
    """The one obvious button: in bold type, at whatever text size is chosen."""

    def __init__(self) -> None:
        super().__init__()
        self._follow_text_size(QGuiApplication.font())
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self._follow_text_size)

    @Slot(QFont)
    def _follow_text_size(self, font: QFont) -> None:
        bold = QFont(font)
        bold.setBold(True)
        self.setFont(bold)


class ClosedPage(QWidget):
    """The closed session's record, focused so a screen reader reads it; Enter there
    presses the button out (the page is not a dialog, so no button is pressed otherwise)."""

    confirm_payments = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.heading = Heading()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        # A caret to move by line and word, as a screen reader expects of text to read.
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(_("What was saved"))
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 6)
        self.leave = WayOutButton()
        self.leave.setDefault(True)
        self.payments = QPushButton(_("&Payments to confirm…"))
        for button in (self.leave, self.payments):
            button.setAutoDefault(True)  # Enter presses the button that has the keyboard
        self.payments.setAccessibleName(_("Payments to confirm"))
        self.payments.clicked.connect(lambda _checked=False: self.confirm_payments.emit())
        self.payments.hide()
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.heading)
        column.addWidget(self.text, 1)
        column.addWidget(ButtonRow([self.leave, self.payments]))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(page))

    def set_leave_words(self, text: str, name: str) -> None:
        self.leave.setText(text)
        self.leave.setAccessibleName(name)

    def show_record(self, record: SavedRecord) -> None:
        self.heading.setText(
            _("The session “{title}” is closed. Everything is saved.").format(
                title=record.summary.title
            )
        )
        self.text.setPlainText(saved_text(record))
        self.payments.setVisible(waiting_payments(record) > 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.leave.click()
            return
        super().keyPressEvent(event)
