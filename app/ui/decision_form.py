"""What the decision and aim dialogs share: labelled fields one under another (so they
reflow at any text size, inside a scroll area), a save that runs on the worker thread,
and a refusal shown under the field it is about, with everything typed kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.i18n import _
from app.ui.data import DataSource
from app.ui.formatting import window_title
from app.ui.member_fields import DateEdit, name_field
from app.ui.save_elsewhere import SaveElsewhere
from app.ui.tasks import TaskRunner
from app.ui.titled_dialog import Dialog
from app.ui.widgets import scrolling
from app.ui.wrapping import WrappingCheckBox, WrappingComboBox

Announce = Callable[..., None]


def announcer(widget: QWidget) -> Announce:
    """The main window's status line, if ``widget`` is in it (saying nothing otherwise)."""
    status_line = getattr(widget.window(), "status_line", None)
    if status_line is None:
        return lambda _message, **_kwargs: None
    return status_line.announce


def text_box(lines: int = 4) -> QPlainTextEdit:
    """A box for longer text; Tab leaves it rather than typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def combo(items: Sequence[tuple[str, Any]], current: Any = None) -> QComboBox:
    # As wide as its longest choice where there is room; where not, the chosen line wraps.
    box = WrappingComboBox()
    for text, value in items:
        box.addItem(text, value)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))
    return box


class OptionalDate:
    """A date that may be left out: a check box saying whether there is one, and the date."""

    def __init__(self, check_text: str, value: date | None) -> None:
        self.check = WrappingCheckBox(check_text)
        # The house date field: Tab moves on, and its calendar opens by keyboard too.
        self.editor = DateEdit()
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat(_("d MMMM yyyy"))
        shown = value or clock.today()
        self.editor.setDate(QDate(shown.year, shown.month, shown.day))
        self.check.setChecked(value is not None)
        self.editor.setEnabled(value is not None)
        self.check.toggled.connect(self.editor.setEnabled)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        chosen = self.editor.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class FormDialog(Dialog):
    """A dialog of labelled fields with Save and Cancel. Subclasses add fields and say in
    ``save_call`` which service to run; ``saved`` carries its result."""

    saved = Signal(object)

    def __init__(
        self, parent: QWidget | None, title: str, runner: TaskRunner, source: DataSource
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.source = source
        self.announce = announcer(parent) if parent is not None else announcer(self)
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self._errors: list[tuple[tuple[str, ...], QWidget, QLabel]] = []
        self.saving = False
        self._first_control: QWidget | None = None

        self.page = QWidget()
        self.fields = QVBoxLayout(self.page)
        self.general_error = self._error_label()
        self.fields.addWidget(self.general_error)
        scroller = scrolling(self.page)
        self.scroller = scroller

        self.buttons = QDialogButtonBox()
        # Offered once a save fails, so what was typed can be kept elsewhere meanwhile; on a
        # row of its own, so the buttons never need more width than the widest of them.
        self.save_copy = SaveElsewhere(self.page, title, self.announce)
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setAccessibleName(_("Save"))
        self.cancel_button = QPushButton(_("&Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.save_copy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        # Only once it is in the dialog: Enter in a one-line field then saves.
        self.save_button.setDefault(True)

    @classmethod
    def example(cls, window: Any) -> FormDialog:
        dialog = cls(window, _("Example"), window.runner, window.source)
        dialog.add_field(_("&Example field"), QLineEdit(), _("Example field"))
        dialog.finish_layout()
        return dialog

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        return label

    def add_field(
        self,
        text: str,
        widget: QWidget,
        name: str,
        *,
        about: Sequence[str] = (),
        focus: QWidget | None = None,
    ) -> QLabel:
        """A labelled field. A refusal whose words include one of ``about`` is shown under
        it; ``focus`` is the control that takes the keyboard (the widget itself by default)."""
        label = QLabel(text)
        label.setWordWrap(True)
        control = focus or widget
        label.setBuddy(control)
        control.setAccessibleName(name)
        error = self._error_label()
        self.fields.addWidget(label)
        self.fields.addWidget(widget)
        self.fields.addWidget(error)
        self._errors.append((tuple(word.lower() for word in about), control, error))
        if self._first_control is None:
            self._first_control = control
        return label

    def add_number(
        self, text: str, box: QAbstractSpinBox, name: str, *, about: Sequence[str] = ()
    ) -> QLabel:
        """A labelled spin box; the text box inside it, which takes the keys, is named too."""
        label = self.add_field(text, box, name, about=about)
        name_field(box, name)
        return label

    def add_optional_date(
        self, check_text: str, label_text: str, name: str, value: date | None, about: str
    ) -> OptionalDate:
        chosen = OptionalDate(check_text, value)
        chosen.check.setAccessibleName(check_text.replace("&", ""))
        self.fields.addWidget(chosen.check)
        self.add_field(label_text, chosen.editor, name, about=(about,))
        inner = chosen.editor.findChild(QLineEdit)
        if inner is not None:  # the box the date is typed in, which a screen reader meets
            inner.setAccessibleName(name)
        return chosen

    def finish_layout(self) -> None:
        """Size the dialog to its fields, within the screen (it scrolls beyond that)."""
        self.fields.addStretch(1)
        if self._first_control is not None:
            self._first_control.setFocus()
        hint = self.page.sizeHint()
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen else hint
        comfortable = 45 * self.fontMetrics().averageCharWidth()  # a readable line
        width = min(max(hint.width() + 40, comfortable), int(room.width() * 0.9))
        height = min(
            hint.height() + self.buttons.sizeHint().height() + 60, int(room.height() * 0.9)
        )
        self.resize(width, height)

    # -- saving ---------------------------------------------------------------------

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        """The service to run and its arguments after ``db``."""
        raise NotImplementedError

    def submit(self) -> None:
        if self.saving:
            return
        self._clear_errors()
        service, arguments = self.save_call()
        self.saving = True
        self.save_button.setEnabled(False)
        self.runner.run(
            self.source.call, service, *arguments, on_done=self._done, on_error=self.refused
        )

    def _done(self, result: Any) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def refused(self, message: str) -> None:
        """Keep the dialog open with everything typed, the message under its field."""
        self.saving = False
        self.save_button.setEnabled(True)
        words = message.lower()
        for about, control, error in self._errors:
            if any(word in words for word in about):
                error.setText(message)
                error.show()
                control.setFocus()
                break
        else:
            self.general_error.setText(message)
            self.general_error.show()
        self.setAccessibleDescription(message)
        self.save_copy.offer()
        self.announce(message, urgent=True)

    def _clear_errors(self) -> None:
        for _about, _control, error in self._errors:
            error.hide()
        self.general_error.hide()
