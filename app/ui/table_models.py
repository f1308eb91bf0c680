"""Read-only table models for the four areas, built on one base with column declarations.

Each model holds the frozen rows a service returned. ``RowRole`` hands back the row itself,
``SortRole`` a value to sort by (a date, not its spelled-out text). The decisions model
fetches a group's log in windows as the reader moves down, so a long log never loads whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.i18n import N_, _, ngettext
from app.services.aims import AimRow
from app.services.decisions import DecisionRow
from app.services.wording import label
from app.ui.formatting import format_date, shorten
from app.ui.tasks import TaskRunner

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES = frozenset({_DISPLAY, _ACCESSIBLE_TEXT, _ALIGNMENT, int(SortRole), int(RowRole)})
# Top: in a row made tall by wrapped text, every cell starts where it can be seen.
_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft


@dataclass(frozen=True)
class Column:
    """One column: its header (untranslated English), its cell text and its sort value."""

    title: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    wide: bool = False  # long free text that should take the spare width and wrap


class RowTableModel(QAbstractTableModel):
    """A list of rows shown as a read-only table; subclasses declare ``COLUMNS``."""

    COLUMNS: ClassVar[tuple[Column, ...]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        # Each row's cell texts, made the first time a view asks: views ask again and again.
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None  # most questions a view asks (colours, icons…) have no answer here
        row_number, column_number = index.row(), index.column()
        if not (0 <= row_number < len(self._rows) and 0 <= column_number < len(self.COLUMNS)):
            return None
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return self.texts(row_number)[column_number]
        if role == _ALIGNMENT:
            return _TOP_LEFT
        if role == SortRole:
            column = self.COLUMNS[column_number]
            row = self._rows[row_number]
            return column.sort_key(row) if column.sort_key else column.text(row)
        return self._rows[row_number]  # RowRole

    def texts(self, row_number: int) -> tuple[str, ...]:
        """The cell texts of one row."""
        texts = self._texts.get(row_number)
        if texts is None:
            row = self._rows[row_number]
            texts = self._texts[row_number] = tuple(column.text(row) for column in self.COLUMNS)
        return texts

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.COLUMNS):
                return _(self.COLUMNS[section].title)
            return None
        return str(section + 1) if 0 <= section < len(self._rows) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _or(text: str, missing: str) -> str:
    return text if text.strip() else _(missing)


def _latest_review(row: AimRow) -> str:
    if row.latest_outcome is None:
        return _("Not reviewed yet")
    reviews = ngettext("{count} review", "{count} reviews", row.review_count)
    return _("{outcome} ({reviews})").format(
        outcome=label(row.latest_outcome), reviews=reviews.format(count=row.review_count)
    )


class AimsModel(RowTableModel):
    AIM, HOW_WE_WILL_KNOW, LATEST_REVIEW = range(3)
    COLUMNS = (
        Column(N_("Aim"), lambda r: shorten(r.title), wide=True),
        Column(
            N_("How we will know"),
            lambda r: shorten(_or(r.how_we_will_know, N_("Not written yet"))),
            wide=True,
        ),
        Column(N_("Latest review"), _latest_review),
    )


def _raised_by(row: DecisionRow) -> str:
    if row.raised_by_role is None:
        return row.raised_by
    return _("{name} ({role})").format(name=row.raised_by, role=label(row.raised_by_role))


class DecisionsModel(RowTableModel):
    """A group's decisions, newest first, fetched a window at a time.

    ``fetch(after, limit)`` runs on the worker thread and returns the ``limit`` rows that
    follow the row ``after`` (None: from the top). Passing the last row, not a count,
    means a decision recorded meanwhile neither repeats nor hides a row.
    """

    DATE, WORDING, STATUS, RAISED_BY, OPEN_ACTIONS = range(5)
    COLUMNS = (
        Column(N_("Date"), lambda r: format_date(r.decided_on), lambda r: r.decided_on),
        Column(N_("Decision"), lambda r: shorten(r.wording), wide=True),
        Column(N_("Status"), lambda r: label(r.status)),
        Column(N_("Raised by"), _raised_by),
        Column(
            N_("Open actions"),
            lambda r: str(r.open_actions) if r.open_actions else _("None"),
            lambda r: r.open_actions,
        ),
    )
    WINDOW = 200  # the first window: small, so the first rows show at once
    LATER_WINDOW = 1000  # later ones: fewer trips to the end of a long log

    fetch_failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch: Callable[[DecisionRow | None, int], list[DecisionRow]] | None = None
        self._total = 0
        self._fetching = False
        self._generation = 0

    @property
    def total(self) -> int:
        """How many decisions the log (as filtered) has in all, not only those fetched."""
        return self._total

    def start(
        self,
        total: int,
        first: Sequence[DecisionRow],
        fetch: Callable[[DecisionRow | None, int], list[DecisionRow]],
    ) -> None:
        """Show ``first`` and fetch the rest through ``fetch(after, limit)`` when wanted."""
        self._generation += 1
        self._total = max(total, len(first))
        self._fetch = fetch
        self._fetching = False
        self.set_rows(first)

    def clear(self) -> None:
        self._generation += 1
        self._total = 0
        self._fetch = None
        self._fetching = False
        self.set_rows([])

    def row_number(self, decision_id: int) -> int:
        """Where the decision is among the rows fetched so far; -1 if not there."""
        return next((n for n, row in enumerate(self._rows) if row.id == decision_id), -1)

    def replace_row(self, row: DecisionRow) -> None:
        """Show a changed decision in place (it keeps its place until the log is reloaded)."""
        number = self.row_number(row.id)
        if number < 0:
            return
        self._rows[number] = row
        self._texts.pop(number, None)
        self.dataChanged.emit(
            self.index(number, 0), self.index(number, len(self.COLUMNS) - 1), list(_ROLES)
        )

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and self._fetch is not None
            and not self._fetching
            and len(self._rows) < self._total
            and not self._runner.is_closed()  # the window is closing: nothing more to show
        )

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._fetch is None:
            return
        self._fetching = True
        last = self._rows[-1] if self._rows else None
        self._runner.run(
            self._fetch,
            last,
            self.LATER_WINDOW,
            on_done=partial(self._append, self._generation, len(self._rows)),
            on_error=partial(self._failed, self._generation),
        )

    def is_fetching(self) -> bool:
        return self._fetching

    def _append(self, generation: int, count: int, rows: list[DecisionRow]) -> None:
        if generation != self._generation or count != len(self._rows):
            return  # the log changed (another group, filter or reload) while this was on its way
        if not rows:
            self._total = len(self._rows)  # some were removed since the count was taken
        else:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
            if len(rows) < self.LATER_WINDOW:
                self._total = len(self._rows)  # the end: fewer are left than were counted
        # Only now may another window be asked for: views ask again while rows go in.
        self._fetching = False

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._fetch = None  # stop asking; the panel offers to load the group again
        self.fetch_failed.emit(message)
