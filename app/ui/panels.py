"""What every area of the main window shares: a heading, a sentence, a table of records.

A panel asks the task runner for its rows whenever the chosen group changes, and again
whenever a saved change touches what it shows (``SHOWS``), wherever the change was made;
a result for a group that is no longer chosen is thrown away. Each area is its own module.
"""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QVBoxLayout, QWidget

from app.i18n import N_, _
from app.services.changes import Change
from app.services.groups import GroupSummary
from app.ui.changes import News
from app.ui.data import DataSource
from app.ui.records_table import RecordsTable
from app.ui.table_models import RowRole, RowTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets import Heading

OWN_DESCRIPTION = "roundtable_own_description"


def offer(button: QAbstractButton, why_not: str = "") -> None:
    """Make ``button`` available, or unavailable with ``why_not`` as its tooltip and as
    what a screen reader says about it (its own description comes back once it is
    available again)."""
    own = button.property(OWN_DESCRIPTION)
    if own is None:
        own = button.accessibleDescription()
        button.setProperty(OWN_DESCRIPTION, own)
    button.setEnabled(not why_not)
    button.setToolTip(why_not)
    button.setAccessibleDescription(why_not or own)


class RecordsPanel(QWidget):
    """A heading, one sentence saying how many records there are, and the table."""

    TITLE: ClassVar[str] = ""  # the area's name in the navigation list (untranslated)
    HEADING: ClassVar[str] = "{group}"
    SHOWS: ClassVar[frozenset[Change]] = frozenset()  # the changes that alter its rows
    # Why a button that acts on the chosen row is unavailable while none is (untranslated).
    CHOOSE_FIRST: ClassVar[str] = N_("Choose a row in the list first.")

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, source: DataSource, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = source
        self.runner = runner
        self.model = self.make_model()
        self.group: GroupSummary | None = None
        self._generation = 0
        self._loading = False
        self._stale = False
        self._keep_chosen: int | None = None
        self._read_after = 0  # the number of the last saved change the rows shown include
        source.changes.changed.connect(self._heard)

        self.heading = Heading(_(self.TITLE))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = RecordsTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_(self.TITLE))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    @classmethod
    def title(cls) -> str:
        return _(cls.TITLE)

    # The areas take turns on one page, which Qt makes as tall and as wide as the largest
    # area would like: at large text sizes that stretched the area on show far past the
    # window, so a box in it (a decision in full) scrolled inside a page that scrolled too.
    # And an area out of sight is not laid out again when the text size changes, so after
    # 300% and Ctrl+0 it still asked for its room at 300%, and the page scrolled sideways.
    # An area out of sight asks for no room at all; it is measured afresh when shown.
    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0) if self.isHidden() else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        return QSize(0, 0) if self.isHidden() else super().sizeHint()

    def heightForWidth(self, width: int) -> int:
        return -1 if self.isHidden() else super().heightForWidth(width)

    def first_control(self) -> QWidget:
        """Where Tab goes first in this area, straight from the list of areas: the table,
        unless a control above it (a search field, a filter) comes first as it is read."""
        return self.table

    def make_model(self) -> RowTableModel:
        raise NotImplementedError

    def fetch(self, group_id: int) -> Any:
        """Runs on the worker thread: the rows for ``group_id``."""
        raise NotImplementedError

    def show_rows(self, result: Any) -> None:
        self.model.set_rows(result)

    def count_sentence(self, count: int) -> str:
        raise NotImplementedError

    def clear_rows(self) -> None:
        self.model.set_rows([])

    def chosen_row(self) -> Any:
        """The record of the table's current row (the one it shows chosen), or None."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return index.data(RowRole)

    def not_chosen(self) -> str:
        """Why a button that needs a chosen row is unavailable; "" when a row is chosen."""
        return "" if self.chosen_row() is not None else _(self.CHOOSE_FIRST)

    @staticmethod
    def record_id(record: Any) -> int:
        """The number that tells ``record`` apart from the others in the table."""
        return int(record.id)

    def choose(self, record_id: int) -> None:
        """Choose the row of the record ``record_id``, if it is shown."""
        for row in range(self.model.rowCount()):
            if self.record_id(self.model.row_at(row)) == record_id:
                self.table.selectRow(row)
                return

    def is_loading(self) -> bool:
        return self._loading

    def show_group(self, group: GroupSummary | None) -> None:
        """Show ``group``'s records (loading them in the background), or none."""
        self._generation += 1
        self.group = group
        if group is None:
            self._stale = self._loading = False
            self.heading.setText(self.title())
            self.summary.setText(_("No group is chosen."))
            self.model.set_rows([])
            return
        name = _(self.HEADING).format(group=group.name)
        self.heading.setText(name)
        self.table.setAccessibleName(name)
        self.summary.setText(_("Loading…"))
        # A hidden area waits until it is shown: start-up reads only what is on screen.
        self._stale = not self.isVisible()
        if self._stale:
            self.clear_rows()  # no rows of the group shown before linger out of sight
        else:
            self._fetch()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._fetch()

    def _fetch(self) -> None:
        assert self.group is not None
        self._stale = False
        self._loading = True
        # Jobs run in order, so this read comes after every change told so far.
        self._read_after = self.source.changes.latest
        group = self.group
        generation = self._generation
        self.runner.run(
            self.fetch,
            group.id,
            on_done=partial(self._loaded, generation),
            on_error=partial(self._failed, generation),
        )

    def reload(self) -> None:
        self.show_group(self.group)

    def _heard(self, news: News) -> None:
        # Rows read since the change was saved show it already (an area reads them again
        # itself after its own dialogs save).
        if self.group is not None and news.kinds & self.SHOWS and news.number > self._read_after:
            self.refresh()

    def refresh(self) -> None:
        """Show the records again as they are saved now, the chosen one still chosen; an
        area out of sight does so when it is next shown."""
        if self.group is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        chosen = self.chosen_row()
        self._keep_chosen = None if chosen is None else self.record_id(chosen)
        self._generation += 1  # a result still on its way is older than this change
        self._fetch()

    def _loaded(self, generation: int, result: Any) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.show_rows(result)
        self._describe()
        kept, self._keep_chosen = self._keep_chosen, None
        if kept is not None and self.chosen_row() is None:
            self.choose(kept)
        self.loaded.emit()

    def _describe(self) -> None:
        sentence = self.count_sentence(self.model.rowCount())
        self.summary.setText(sentence)
        self.table.setAccessibleDescription(sentence)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.model.set_rows([])
        self.summary.setText(message)
        self.failed.emit(message)
