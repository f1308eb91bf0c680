"""The Members area: find, add and edit the people in a group, and mark who has left.

The list shows names, pronouns, roles and pack formats only: contact details and access
needs stay in the editor, behind their "Sensitive" heading. Searching runs on the task
runner as the person types (after a short pause), so the window never waits on it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext
from app.services import people
from app.services.changes import Change
from app.services.people import MemberDetails, MemberRow
from app.ui.data import DataSource
from app.ui.formatting import format_date
from app.ui.member_editor import MemberEditor
from app.ui.member_left_dialog import MarkLeftDialog
from app.ui.member_list import MemberListModel
from app.ui.member_privacy import MemberPrivacy
from app.ui.panels import RecordsPanel, offer
from app.ui.table_models import RowTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets import ButtonRow, StatusLine, named_button
from app.ui.wrapping import WrappingCheckBox

SEARCH_PAUSE_MS = 250  # long enough not to search on every key of a name typed quickly
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MembersPanel(RecordsPanel):
    TITLE = N_("Members")
    HEADING = N_("Members of {group}")
    SHOWS = frozenset({Change.PEOPLE})
    CHOOSE_FIRST = N_("Choose a member in the list first.")

    def __init__(self, source: DataSource, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(source, runner, parent)
        # What the list is asked for: set on the GUI thread, read by ``fetch`` on the worker.
        self._wanted: tuple[str, bool] = ("", False)
        self._tell_count = False
        self._select_person: int | None = None
        self.dialog: QDialog | None = None  # the editor or question opened last

        # Alt+I: Alt+F is the File menu's.
        self.search_label = QLabel(_("F&ind a member:"))
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Find a member"))
        self.search.setPlaceholderText(_("Name or pronouns"))
        self.search.setAccessibleDescription(
            _("Type part of a name or pronouns: the list shows only the people who match.")
        )
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.show_left = WrappingCheckBox(_("&Show people who have left"))
        self.show_left.setAccessibleName(_("Show people who have left"))
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self._search_now)
        self.search.textChanged.connect(self._pause.start)
        self.search.returnPressed.connect(self._search_and_go_to_list)
        self.show_left.toggled.connect(self._search_now)

        self.add_button = named_button(_("&Add a member…"), _("Add a member"), self.add_member)
        self.edit_button = named_button(_("&Edit…"), _("Edit the chosen member"), self.edit_member)
        self.left_button = named_button(
            _("Mark as &left…"), _("Mark the chosen member as left"), self.mark_left
        )
        self.rejoin_button = named_button(
            _("&Rejoin"), _("Rejoin: the chosen member is a member again"), self.rejoin
        )
        self.privacy = MemberPrivacy(self)
        self.buttons = ButtonRow(
            [
                self.add_button,
                self.edit_button,
                self.left_button,
                self.rejoin_button,
                self.privacy.button,
            ]
        )

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(2, search_row)
        layout.insertWidget(3, self.show_left)
        layout.addWidget(self.buttons)
        for first, second in zip(self._reading_order(), self._reading_order()[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _reading_order(self) -> list[QWidget]:
        return [
            self.search,
            self.show_left,
            self.table,
            self.add_button,
            self.edit_button,
            self.left_button,
            self.rejoin_button,
            self.privacy.button,
        ]

    def first_control(self) -> QWidget:
        """Where Tab goes first in this area: the search field, above the list."""
        return self.search

    # -- the list ----------------------------------------------------------------------

    def make_model(self) -> RowTableModel:
        return MemberListModel(self)

    def fetch(self, group_id: int) -> Any:
        text, include_left = self._wanted
        return self.source.call(people.search_members, group_id, text, include_left)

    def show_rows(self, result: Any) -> None:
        super().show_rows(result)
        assert isinstance(self.model, MemberListModel)
        wanted = self._select_person
        self._select_person = None
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))

    def _describe(self) -> None:
        super()._describe()
        if self._tell_count:
            self._tell_count = False
            self._announce(self.summary.text())

    def count_sentence(self, count: int) -> str:
        text, include_left = self._wanted
        if text:
            if not count:
                return _("No one matches “{text}”.").format(text=text)
            return ngettext(
                "{count} person matches “{text}”.", "{count} people match “{text}”.", count
            ).format(count=count, text=text)
        if include_left:
            return ngettext(
                "{count} person, including those who have left.",
                "{count} people, including those who have left.",
                count,
            ).format(count=count)
        if not count:
            return _("This group has no members yet.")
        return ngettext("{count} member.", "{count} members.", count).format(count=count)

    def _search_now(self) -> None:
        self._pause.stop()
        wanted = (self.search.text().strip(), self.show_left.isChecked())
        if wanted == self._wanted and not self.is_loading():
            return
        self._wanted = wanted
        self._tell_count = True
        current = self.current_member()
        self._select_person = current.person_id if current else None
        if self.group is not None:
            self.reload()

    def _search_and_go_to_list(self) -> None:
        """Enter in the search field: search at once, then move to the first match."""
        self._search_now()
        if self.is_loading():
            self.loaded.connect(self._go_to_list, Qt.ConnectionType.SingleShotConnection)
        else:
            self._go_to_list()

    def _go_to_list(self) -> None:
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def record_id(record: Any) -> int:
        return int(record.person_id)

    def current_member(self) -> MemberRow | None:
        return self.chosen_row()

    def _update_buttons(self, *_args: object) -> None:
        member = self.current_member()
        has_left = member is not None and member.left_on is not None
        self.add_button.setEnabled(self.group is not None)
        self.privacy.update(member)
        for button in (self.edit_button, self.left_button, self.privacy.button):
            offer(button, self.not_chosen())
        self.left_button.setVisible(not has_left)
        self.rejoin_button.setVisible(has_left)
        self.buttons.arrange()

    def show_group(self, group: Any) -> None:
        super().show_group(group)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on a row opens it, as a double click does.
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.current_member() is not None
        ):
            self.edit_member()
            return True
        return super().eventFilter(watched, event)

    # -- the tasks ---------------------------------------------------------------------

    def add_member(self) -> None:
        if self.group is None:
            return
        self._open_editor(None)

    def edit_member(self) -> None:
        member = self.current_member()
        if member is None or self.group is None:
            return
        self.runner.run(
            self.source.call,
            people.get_member,
            self.group.id,
            member.person_id,
            on_done=self._open_editor,
            on_error=partial(self._announce, urgent=True),
        )

    def _open_editor(self, details: MemberDetails | None) -> None:
        if self.group is None:
            return
        editor = MemberEditor(
            self.source,
            self.runner,
            self.group.id,
            self.group.name,
            details,
            self._status(),
            self.window(),
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(partial(self._saved, details is None))
        self._open(editor)

    def _saved(self, added: bool, details: MemberDetails) -> None:
        if added and self.search.text():
            # Someone just added should be seen, whatever was being searched for.
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._wanted = ("", self._wanted[1])
        self._reload_showing(details.person_id)

    def mark_left(self) -> None:
        member = self.current_member()
        if member is None or self.group is None or member.left_on is not None:
            return
        dialog = MarkLeftDialog(
            self.source, self.runner, self.group.id, member, self._status(), self.window()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.marked.connect(self._marked_left)
        self._open(dialog)

    def _marked_left(self, row: MemberRow) -> None:
        sentence = _("{name} is marked as left on {date}. Nothing was deleted.").format(
            name=row.display_name, date=format_date(row.left_on)
        )
        if not self.show_left.isChecked():
            sentence += " " + _("Tick “Show people who have left” to see them in the list.")
        self._announce(sentence)
        self._reload_showing(row.person_id)

    def rejoin(self) -> None:
        member = self.current_member()
        if member is None or self.group is None or member.left_on is None:
            return
        self.runner.run(
            self.source.call,
            people.rejoin,
            self.group.id,
            member.person_id,
            on_done=self._rejoined,
            on_error=partial(self._announce, urgent=True),
        )

    def _rejoined(self, row: MemberRow) -> None:
        self._announce(_("{name} is a member again.").format(name=row.display_name))
        self._reload_showing(row.person_id)

    def _reload_showing(self, person_id: int | None) -> None:
        self._select_person = person_id
        self.reload()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(partial(self._closed, dialog))
        dialog.open()

    def _closed(self, dialog: QDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _status(self) -> StatusLine | None:
        status = getattr(self.window(), "status_line", None)
        return status if isinstance(status, StatusLine) else None

    def _announce(self, message: str, *, urgent: bool = False) -> None:
        status = self._status()
        if status is not None:
            status.announce(message, urgent=urgent)
