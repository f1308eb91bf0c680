"""The "Running order" page of the session editor: agenda items and breaks in the order
they happen, with buttons (and Alt+Up / Alt+Down) to add, remove and move them, and the
chosen line's title, minutes and details beneath."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services.meetings import SessionDetails
from app.services.session_editing import LONGEST_BREAK_MINUTES, LONGEST_ITEM_MINUTES
from app.ui.session_models import PlanEntry, RunningOrderModel
from app.ui.session_pages import LinesList, field_message
from app.ui.session_venue import labelled
from app.ui.widgets import ButtonRow

NEW_ITEM_MINUTES = 15
NEW_BREAK_MINUTES = 15


class PlanPage(QWidget):
    changed = Signal()
    said = Signal(str)  # something worth telling a screen reader user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False  # True while the fields are filled from the chosen line
        self.model = RunningOrderModel(self)
        self.order = LinesList()
        self.order.setModel(self.model)
        self.order.setWordWrap(True)
        self.order.setUniformItemSizes(False)
        self.order.setResizeMode(QListView.ResizeMode.Adjust)
        self.order.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.order.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty = QLabel(_("Nothing is planned yet. Choose “Add item” to begin."))
        self.empty.setWordWrap(True)
        self.limits = QLabel()  # the group's own limits, filled in by the editor
        self.limits.setWordWrap(True)

        self.add_item_button = self._button(_("Add &item"), _("Add an agenda item"), self.add_item)
        self.add_break_button = self._button(_("Add &break"), _("Add a break"), self.add_break)
        self.remove_button = self._button(_("Remo&ve"), _("Remove the chosen line"), self.remove)
        self.up_button = self._button(
            _("Move &up (Alt+Up)"), _("Move the chosen line up"), lambda: self.move(-1)
        )
        self.down_button = self._button(
            _("Move &down (Alt+Down)"), _("Move the chosen line down"), lambda: self.move(1)
        )
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))

        self.chosen = QGroupBox(_("The chosen line"))
        self.title = QLineEdit()
        self.title_message = field_message()
        self.minutes = QSpinBox()
        self.minutes.setRange(1, LONGEST_ITEM_MINUTES)
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)
        self.details_label = labelled(_("Detai&ls:"), self.details, _("Details"))
        self.minutes.lineEdit().setAccessibleName(_("Minutes"))
        self.place = QLabel()
        self.place.setWordWrap(True)
        fields = QVBoxLayout(self.chosen)
        fields.addWidget(self.place)
        fields.addWidget(labelled(_("&Title:"), self.title, _("Title of the chosen line")))
        fields.addWidget(self.title)
        fields.addWidget(self.title_message)
        fields.addWidget(labelled(_("Mi&nutes:"), self.minutes, _("Minutes")))
        fields.addWidget(self.minutes)
        fields.addWidget(self.details_label)
        fields.addWidget(self.details)

        buttons = ButtonRow(
            [
                self.add_item_button,
                self.add_break_button,
                self.remove_button,
                self.up_button,
                self.down_button,
            ]
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.limits)
        layout.addWidget(labelled(_("&Running order:"), self.order, _("Running order")))
        layout.addWidget(self.order, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        layout.addWidget(self.chosen)

        self.order.selectionModel().currentChanged.connect(lambda *_args: self._show_chosen())
        self.title.textEdited.connect(lambda text: self._change(title=text))
        self.minutes.valueChanged.connect(lambda value: self._change(minutes=value))
        self.details.textChanged.connect(self._details_changed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._refresh)
        self.model.dataChanged.connect(lambda *_args: self._refresh())
        self.model.rowsMoved.connect(lambda *_args: self._refresh())
        self._show_chosen()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- loading and reading -----------------------------------------------------------

    def load(self, details: SessionDetails) -> None:
        self._loading = True
        self.model.set_start(details.starts_at)
        self.model.load(details.agenda, details.breaks)
        self._loading = False
        if self.model.rowCount():
            self._choose(0)
        self._show_chosen()

    def current_row(self) -> int:
        index = self.order.currentIndex()
        return index.row() if index.isValid() else -1

    def _choose(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.order.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.order.scrollTo(index)

    # -- changes -------------------------------------------------------------------------

    def add_item(self) -> None:
        self._add(PlanEntry(False, "", NEW_ITEM_MINUTES))

    def add_break(self) -> None:
        self._add(PlanEntry(True, _("Break"), NEW_BREAK_MINUTES))

    def _add(self, entry: PlanEntry) -> None:
        row = self.current_row()
        row = self.model.insert(row + 1 if row >= 0 else self.model.rowCount(), entry)
        self._choose(row)
        self.said.emit(_("Added: {line}.").format(line=self.model.describe(row)))
        self.title.setFocus()
        self.title.selectAll()

    def remove(self) -> None:
        row = self.current_row()
        if row < 0:
            self.said.emit(_("There is nothing chosen to remove."))
            return
        gone = self.model.describe(row)
        self.model.remove(row)
        if self.model.rowCount():
            self._choose(min(row, self.model.rowCount() - 1))
        self.said.emit(_("Removed: {line}.").format(line=gone))
        if self.model.rowCount():
            self.order.setFocus()
        else:
            self.add_item_button.setFocus()

    def move(self, step: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        target = self.model.move(row, step)
        if target == row:
            self.said.emit(_("That is already first.") if step < 0 else _("That is already last."))
            return
        self._choose(target)
        self.said.emit(
            _("Moved to place {place} of {count}: {line}.").format(
                place=target + 1, count=self.model.rowCount(), line=self.model.describe(target)
            )
        )

    def _change(self, **fields: object) -> None:
        row = self.current_row()
        if row >= 0 and not self._loading:
            self.model.change(row, **fields)
            self.title_message.hide()

    def _details_changed(self) -> None:
        self._change(details=self.details.toPlainText())

    # -- showing -------------------------------------------------------------------------

    def _refresh(self) -> None:
        count = self.model.rowCount()
        self.empty.setVisible(count == 0)
        row = self.current_row()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        if row >= 0:
            self.place.setText(self._place_words(row))
        if not self._loading:
            self.changed.emit()

    def _show_chosen(self) -> None:
        row = self.current_row()
        self.chosen.setEnabled(row >= 0)
        self._loading = True
        if row < 0:
            self.chosen.setTitle(_("The chosen line"))
            self.place.setText(_("Nothing is chosen."))
            self.title.clear()
            self.details.clear()
        else:
            entry = self.model.entry(row)
            self.chosen.setTitle(_("The chosen break") if entry.is_break else _("The chosen item"))
            self.title.setText(entry.title)
            high = LONGEST_BREAK_MINUTES if entry.is_break else LONGEST_ITEM_MINUTES
            self.minutes.setRange(1, high)
            self.minutes.setValue(entry.minutes)
            self.details.setPlainText(entry.details)
            self.details.setVisible(not entry.is_break)
            self.details_label.setVisible(not entry.is_break)
        self._loading = False
        self._refresh()

    def _place_words(self, row: int) -> str:
        entry = self.model.entry(row)
        before = self.model.item_number(row)
        if not entry.is_break:
            return _("Agenda item {number}.").format(number=before)
        if before == 0:
            return _("A break before the first agenda item.")
        return _("A break after agenda item {number}.").format(number=before)

    def show_problem(self, row: int, message: str) -> None:
        """Point at a line that cannot be saved as it is, with the reason beneath its title."""
        self._choose(row)
        self.title_message.setText(message)
        self.title_message.show()
        self.title.setFocus()
