"""The member editor: add someone to a group, or change what is kept about them.

It never blocks: it is opened, saves on the task runner, and closes only once the save
has worked. A refusal keeps everything typed, shows the sentence beside the field it is
about, moves the focus there and is announced. Closing with changes asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.services import people
from app.services.people import MemberDetails, MemberProblem
from app.ui.data import DataSource
from app.ui.dialogs import ask
from app.ui.formatting import window_title
from app.ui.member_fields import ProblemLine
from app.ui.member_form import MemberForm
from app.ui.save_elsewhere import SaveElsewhere
from app.ui.tasks import TaskRunner
from app.ui.titled_dialog import Dialog
from app.ui.widgets import Heading, StatusLine, scrolling

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class MemberEditor(Dialog):
    saved = Signal(object)  # the MemberDetails as saved

    def __init__(
        self,
        source: DataSource,
        runner: TaskRunner,
        group_id: int,
        group_name: str,
        details: MemberDetails | None,
        status: StatusLine | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._group_id = group_id
        self._person_id = details.person_id if details else None
        self._left_on = details.left_on if details else None
        self._status = status
        self._saving = False
        self._closing = False

        if details is None:
            title = _("Add a member to {group}").format(group=group_name)
        else:
            title = _("Edit the details of {name}").format(name=details.display_name)
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self.heading = Heading(title)

        self.form = MemberForm()
        self.form.load(details)
        self._initial = self._collect()
        self.scroller = scrolling(self.form, framed=True)

        self.problem = ProblemLine()  # refusals that are about no one field
        self.save_copy = SaveElsewhere(self.form, title, self._announce)
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setAccessibleName(_("Save"))
        self.save_button.setAccessibleDescription(_("Saves and closes (Ctrl+S)"))
        self.cancel_button = QPushButton(_("&Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.cancel_button.setAccessibleDescription(_("Closes without saving (Escape)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.activated.connect(self.save)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.scroller, 1)
        column.addWidget(self.problem)
        # A row of its own, so the buttons never need more width than the widest of them.
        column.addWidget(self.save_copy, 0, Qt.AlignmentFlag.AlignLeft)
        column.addLayout(buttons)
        self.save_button.setDefault(True)  # in the dialog now, so Enter in a field saves
        self._fit_to_screen()
        self.form.full_name.setFocus()

    @classmethod
    def example(cls, window: MainWindow) -> MemberEditor:
        group = window.current_group()
        return cls(
            window.source,
            window.runner,
            group.id if group else 0,
            group.name if group else "",
            None,
            window.status_line,
            window,
        )

    def _fit_to_screen(self) -> None:
        """As big as the form wants, within the screen: beyond that the form scrolls."""
        screen = self.screen().availableGeometry()
        hint = self.form.sizeHint()
        bar = self.scroller.verticalScrollBar().sizeHint().width()
        comfortable = self.fontMetrics().averageCharWidth() * 60
        width = min(max(hint.width() + bar + 40, comfortable), int(screen.width() * 0.9))
        height = min(self.sizeHint().height() + hint.height(), int(screen.height() * 0.9))
        self.resize(max(width, self.minimumSizeHint().width()), height)

    def _collect(self) -> MemberDetails:
        return self.form.collect(self._person_id, self._left_on)

    def has_changes(self) -> bool:
        return self._collect() != self._initial

    # -- saving ------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        self.form.clear_problems()
        self.problem.clear()
        details = self._collect()
        try:
            # No database needed: the sentence can go beside its field straight away.
            people.check_member(details)
        except MemberProblem as problem:
            self._refused_about(problem.field, str(problem))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self._runner.run(
            self._source.call,
            people.save_member,
            self._group_id,
            details,
            on_done=self._saved,
            on_error=self._refused,
        )

    def _saved(self, details: MemberDetails) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._announce(_("Saved the details of {name}.").format(name=details.display_name))
        self.saved.emit(details)
        self._closing = True
        self.accept()

    def _refused(self, message: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.problem.show_problem(message)
        self.save_copy.offer()
        self._announce(message, urgent=True)

    def _refused_about(self, field: str, message: str) -> None:
        self.form.problem_line(field).show_problem(message)
        widget = self.form.field_widget(field)
        widget.setAccessibleDescription(message)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)  # which scrolls it into view
        self._announce(message, urgent=True)

    def _announce(self, message: str, *, urgent: bool = False) -> None:
        if self._status is not None:
            self._status.announce(message, urgent=urgent)

    # -- closing -----------------------------------------------------------------------

    def reject(self) -> None:
        """Escape, Cancel or the window's close button: ask first if anything was typed."""
        if self._closing or not self.has_changes():
            self._closing = True
            super().reject()
            return
        ask(
            self,
            _("Close without saving? What you changed here will be lost."),
            yes=_("&Close without saving"),
            no=_("&Keep editing"),
            on_yes=self._discard,
        )

    def _discard(self) -> None:
        self._closing = True
        self._announce(_("Closed without saving."))
        super().reject()
