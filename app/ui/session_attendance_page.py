"""The "Attendance" page of the session editor: each member in a list, and for the chosen
one whether they came, sent apologies or were absent, and whether they brought a supporter."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.models.enums import AttendanceStatus
from app.services.meetings import SessionChoices, SessionDetails
from app.ui.session_models import AttendanceModel, status_words
from app.ui.session_pages import LinesList
from app.ui.session_venue import labelled
from app.ui.wrapping import WrappingCheckBox, WrappingComboBox

# The order the choices are offered in: first letters differ, so a key press picks one.
STATUS_CHOICES: tuple[AttendanceStatus | None, ...] = (
    None,
    AttendanceStatus.PRESENT,
    AttendanceStatus.APOLOGIES,
    AttendanceStatus.ABSENT,
)


class AttendancePage(QWidget):
    changed = Signal()
    said = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.model = AttendanceModel(self)
        self.people = LinesList()
        self.people.setModel(self.model)
        self.people.setWordWrap(True)
        self.people.setUniformItemSizes(False)
        self.people.setResizeMode(QListView.ResizeMode.Adjust)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty = QLabel(_("This group has no current members to list."))
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.all_present = QPushButton(_("Mark the rest as p&resent"))
        self.all_present.setAccessibleName(_("Mark the rest as present"))
        self.all_present.setAccessibleDescription(
            _("Everyone whose attendance is not yet known is marked present.")
        )
        self.all_present.setToolTip(_("Everyone whose attendance is not yet known"))
        self.all_present.clicked.connect(self.mark_rest_present)

        self.chosen = QGroupBox(_("The chosen person"))
        self.status = WrappingComboBox()
        for status in STATUS_CHOICES:
            self.status.addItem(status_words(status), status)
        self.with_supporter = WrappingCheckBox(_("Came with a s&upporter"))
        self.with_supporter.setAccessibleName(_("Came with a supporter"))
        self.supporter_name = QLineEdit()
        fields = QVBoxLayout(self.chosen)
        self.status_label = labelled(_("T&heir attendance:"), self.status, _("Attendance"))
        fields.addWidget(self.status_label)
        fields.addWidget(self.status)
        fields.addWidget(self.with_supporter)
        fields.addWidget(
            labelled(_("Supporter's &name:"), self.supporter_name, _("Supporter's name"))
        )
        fields.addWidget(self.supporter_name)

        bulk = QHBoxLayout()
        bulk.addWidget(self.all_present)
        bulk.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(labelled(_("Pe&ople:"), self.people, _("People")))
        layout.addWidget(self.people, 1)
        layout.addWidget(self.empty)
        layout.addLayout(bulk)
        layout.addWidget(self.chosen)

        self.people.selectionModel().currentChanged.connect(lambda *_args: self._show_chosen())
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.with_supporter.toggled.connect(self._supporter_toggled)
        self.supporter_name.textEdited.connect(lambda text: self._change(supporter_name=text))
        self._show_chosen()

    def load(self, details: SessionDetails, choices: SessionChoices) -> None:
        self.model.load(choices.people, details.attendance)
        has_people = self.model.rowCount() > 0
        self.empty.setVisible(not has_people)
        self.all_present.setEnabled(has_people)
        if has_people:
            self.people.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show_chosen()

    def current_row(self) -> int:
        index = self.people.currentIndex()
        return index.row() if index.isValid() else -1

    def mark_rest_present(self) -> None:
        marked = 0
        for row in range(self.model.rowCount()):
            if self.model.entry(row).status is None:
                self.model.change(row, status=AttendanceStatus.PRESENT)
                marked += 1
        self._show_chosen()
        self.said.emit(
            ngettext(
                "Marked {count} person present.", "Marked {count} people present.", marked
            ).format(count=marked)
            if marked
            else _("Everyone's attendance is already known.")
        )
        self.changed.emit()

    def chosen_status(self) -> AttendanceStatus | None:
        data = self.status.currentData()
        return AttendanceStatus(data) if data else None

    def _status_chosen(self, _index: int) -> None:
        self._change(status=self.chosen_status())
        self._enable_supporter()

    def _supporter_toggled(self, checked: bool) -> None:
        self._change(with_supporter=checked)
        self._enable_supporter()

    def _change(self, **fields: object) -> None:
        row = self.current_row()
        if row >= 0 and not self._loading:
            self.model.change(row, **fields)
            self.changed.emit()

    def _enable_supporter(self) -> None:
        known = self.chosen_status() is not None
        self.with_supporter.setEnabled(known)
        self.supporter_name.setEnabled(known and self.with_supporter.isChecked())

    def _show_chosen(self) -> None:
        row = self.current_row()
        self.chosen.setEnabled(row >= 0)
        self._loading = True
        if row < 0:
            self.chosen.setTitle(_("The chosen person"))
            self.status.setCurrentIndex(0)
            self.with_supporter.setChecked(False)
            self.supporter_name.clear()
        else:
            entry = self.model.entry(row)
            self.chosen.setTitle(entry.person.name)
            self.status.setAccessibleName(_("{name}'s attendance").format(name=entry.person.name))
            self.status.setCurrentIndex(STATUS_CHOICES.index(entry.status))
            self.with_supporter.setChecked(entry.with_supporter)
            self.supporter_name.setText(entry.supporter_name)
        self._loading = False
        self._enable_supporter()
