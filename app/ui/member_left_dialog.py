"""Asking when someone left a group, and saying plainly that nothing is deleted."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.i18n import _
from app.models.enums import PackFormat, Role
from app.services import people
from app.services.people import MemberRow
from app.ui.data import DataSource
from app.ui.formatting import window_title
from app.ui.member_fields import DateEdit, ProblemLine, name_field
from app.ui.tasks import TaskRunner
from app.ui.titled_dialog import Dialog, title_room
from app.ui.widgets import Heading, StatusLine

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class MarkLeftDialog(Dialog):
    marked = Signal(object)  # the MemberRow, now with its leaving date

    def __init__(
        self,
        source: DataSource,
        runner: TaskRunner,
        group_id: int,
        member: MemberRow,
        status: StatusLine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._group_id = group_id
        self._member = member
        self._status = status
        self._saving = False
        name = member.display_name
        title = _("Mark {name} as left").format(name=name)
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)

        explanation = QLabel(
            _(
                "Nothing is deleted. {name} stays in the record of past sessions and "
                "decisions, and their details are kept. They are no longer listed as a "
                "current member. If this was a mistake, choose Rejoin to undo it."
            ).format(name=name)
        )
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.date_label = QLabel(_("&Date they left"))
        self.date = DateEdit()
        self.date.setDate(clock.today())
        name_field(self.date, _("Date they left"))
        self.date_label.setBuddy(self.date)
        self.problem = ProblemLine()

        self.confirm_button = QPushButton(_("Mark as &left"))
        self.confirm_button.setAccessibleName(_("Mark as left"))
        self.cancel_button = QPushButton(_("&Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addWidget(Heading(title))
        column.addWidget(explanation)
        column.addWidget(self.date_label)
        column.addWidget(self.date)
        column.addWidget(self.problem)
        column.addStretch(1)
        column.addLayout(buttons)
        self.confirm_button.setDefault(True)  # in the dialog now, so Enter in a field confirms
        self.date.setFocus()

    @classmethod
    def example(cls, window: MainWindow) -> MarkLeftDialog:
        group = window.current_group()
        shown = [row for panel in window.panels for row in panel.model.rows()]
        member = next((row for row in shown if isinstance(row, MemberRow)), _stand_in())
        return cls(
            window.source,
            window.runner,
            group.id if group else 0,
            member,
            window.status_line,
            window,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.isVisible():
            self._fit()

    def _fit(self) -> None:
        """Wide enough for comfortable lines and for its title (as every dialog is), and as
        tall as the wrapped text then needs (a dialog's own size hint ignores how much
        taller wrapping makes it)."""
        screen = self.screen().availableGeometry()
        comfortable = self.fontMetrics().averageCharWidth() * 50
        width = max(self.sizeHint().width(), comfortable, title_room(self))
        width = min(width, int(screen.width() * 0.9))
        layout = self.layout()
        height = self.sizeHint().height()
        if layout is not None and layout.hasHeightForWidth():
            height = max(height, layout.totalHeightForWidth(width))
        self.resize(width, min(height, int(screen.height() * 0.9)))

    def chosen_date(self) -> date:
        return self.date.date().toPython()

    def confirm(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.confirm_button.setEnabled(False)
        self.problem.clear()
        self._runner.run(
            self._source.call,
            people.mark_left,
            self._group_id,
            self._member.person_id,
            self.chosen_date(),
            on_done=self._done,
            on_error=self._refused,
        )

    def _done(self, row: MemberRow) -> None:
        self._saving = False
        self.confirm_button.setEnabled(True)
        self.marked.emit(row)
        self.accept()

    def _refused(self, message: str) -> None:
        self._saving = False
        self.confirm_button.setEnabled(True)
        self.problem.show_problem(message)
        self.date.setAccessibleDescription(message)
        self.date.setFocus()
        if self._status is not None:
            self._status.announce(message, urgent=True)


def _stand_in() -> MemberRow:
    """Someone to name when the group has no members (only for ``example``)."""
    return MemberRow(0, _("A member"), "", "", Role.GUEST, PackFormat.STANDARD, None, None, None)
