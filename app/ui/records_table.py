"""A read-only table that reflows: at large text sizes its columns narrow and their text
wraps onto more lines, so a table scrolls sideways only when even single words no longer fit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionHeaderV2,
    QTableView,
    QWidget,
)

from app.ui.table_models import RowTableModel

MIN_VISIBLE_LINES = 8  # below this the page scrolls instead of squashing the table
COMFORTABLE_CHARACTERS = 30  # free text is not narrowed below this until it must be
WORD_SAMPLE_ROWS = 300  # rows read to find each column's longest word and widest text
SIZE_ALL_ROWS_UP_TO = 100  # longer tables size only the rows in view, as they come into view
ROWS_BEYOND_VIEW = 10  # sized ahead, so moving down a little never shows a squashed row


def share_width(
    natural: list[int],
    floors: list[int],
    wide: list[bool],
    available: int,
    comfortable: int = 0,
) -> list[int]:
    """Column widths that fill ``available``.

    If every column fits at its ``natural`` width the spare goes to the ``wide`` (free
    text) columns. If not, columns narrow in turn, each step only as far as needed: first
    the wide ones, down to a ``comfortable`` reading width; then the others, down to their
    ``floors`` (their longest word, or their header); then the wide ones to their floors.
    If even the floors do not fit, the table scrolls sideways.
    """
    widths = list(natural)
    if not widths:
        return widths
    floors = [min(floor, width) for floor, width in zip(floors, natural, strict=True)]
    comfortable_widths = [
        max(floor, min(width, comfortable)) if grows else width
        for floor, width, grows in zip(floors, natural, wide, strict=True)
    ]
    free_text = [number for number, grows in enumerate(wide) if grows]
    others = [number for number, grows in enumerate(wide) if not grows]
    for columns, lows in ((free_text, comfortable_widths), (others, floors), (free_text, floors)):
        if sum(widths) <= available:
            break
        widths = _narrow(widths, lows, columns, sum(widths) - available)
    spare = available - sum(widths)
    if spare > 0:
        growers = free_text or [len(widths) - 1]
        for place, number in enumerate(growers):
            widths[number] += spare // len(growers) + (1 if place < spare % len(growers) else 0)
    return widths


def _narrow(widths: list[int], lows: list[int], columns: list[int], excess: int) -> list[int]:
    """Take up to ``excess`` from ``columns``, each in proportion to what it can give."""
    slack = {number: max(widths[number] - lows[number], 0) for number in columns}
    can_give = sum(slack.values())
    if not can_give:
        return widths
    take = min(excess, can_give)
    narrowed = list(widths)
    for number, give in slack.items():
        narrowed[number] -= take * give // can_give
    short = take - (sum(widths) - sum(narrowed))  # what rounding down left untaken
    for number in sorted(slack, key=lambda n: -slack[n]):
        if short <= 0:
            break
        if narrowed[number] > lows[number]:
            narrowed[number] -= 1
            short -= 1
    return narrowed


class WrappingHeader(QHeaderView):
    """Column headings that wrap onto more lines, at word breaks, when a column is narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)

    def label(self, logical: int) -> str:
        model = self.model()
        text = model.headerData(logical, self.orientation()) if model is not None else None
        return str(text or "")

    def margins(self) -> int:
        return 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self) + 4

    def longest_word(self, logical: int) -> int:
        """The narrowest the column can be with its heading whole (one word a line)."""
        metrics = self.fontMetrics()
        words = self.label(logical).split() or [""]
        return max(metrics.horizontalAdvance(word) for word in words) + self.margins()

    def wrapped(self, logical: int, width: int) -> str:
        """The heading broken into lines that fit ``width``."""
        metrics = self.fontMetrics()
        room = max(width - self.margins(), 1)
        lines: list[str] = []
        for word in self.label(logical).split():
            joined = f"{lines[-1]} {word}" if lines else word
            if lines and metrics.horizontalAdvance(joined) <= room:
                lines[-1] = joined
            else:
                lines.append(word)
        return "\n".join(lines)

    def sectionSizeFromContents(self, logical: int) -> QSize:
        natural = super().sectionSizeFromContents(logical)
        # The one-line heading, measured as ``longest_word`` measures, so that a one-word
        # heading's natural width is never narrower than the floor worked out from it.
        one_line = self.fontMetrics().horizontalAdvance(self.label(logical)) + self.margins()
        natural = QSize(max(natural.width(), one_line), natural.height())
        width = self.sectionSize(logical)
        if width <= 0:
            return natural
        text = self.wrapped(logical, width)
        height = self.fontMetrics().size(0, text).height() + self.margins()
        return QSize(natural.width(), max(natural.height(), height))

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeaderV2()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logical)
        option.rect = rect
        option.text = self.wrapped(logical, rect.width())
        option.textElideMode = Qt.TextElideMode.ElideNone
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()

    def refresh(self) -> None:
        """Work out the heading's height again after the columns' widths changed."""
        if self.count():
            self.headerDataChanged(self.orientation(), 0, self.count() - 1)


class RecordsTable(QTableView):
    """A read-only table that wraps long text and leaves with Tab (never a keyboard trap).

    The row that has the focus is the chosen row: it is always the one row selected, so it
    is drawn highlighted rather than with a faint dotted line, and a table that takes the
    focus with no row current makes its first row current (Qt leaves it unselected, so
    Alt+E on a row that looked focused would have found nothing chosen).

    Rows are as tall as their wrapped text. Working that out is slow for a long list, so
    a short table sizes every row, and a long one (a decision log) only the rows in view,
    as they come into view.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setAlternatingRowColors(True)
        self.setCornerButtonEnabled(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setResizeContentsPrecision(WORD_SAMPLE_ROWS)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalHeader(WrappingHeader(self))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self._fitted_for: tuple[int, int, float] | None = None
        self._sized: set[int] = set()  # rows whose height suits the present widths and font
        self._header_height = 0  # the heading's height the least size was worked out with
        self._refit = self._soon(self.fit_columns)
        self._resize_rows = self._soon(self.size_rows_in_view)
        # After the panel has had its turn to choose a row again (a reload keeps its choice).
        self._choose_if_focused = self._soon(self._choose_first_if_focused)
        self.verticalScrollBar().valueChanged.connect(self._resize_rows.start)

    def _soon(self, slot) -> QTimer:  # type: ignore[no-untyped-def]
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    def setModel(self, model: RowTableModel) -> None:  # type: ignore[override]
        super().setModel(model)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self._content_replaced)
        model.layoutChanged.connect(self._content_replaced)
        model.rowsInserted.connect(self._rows_added)
        model.modelReset.connect(self._choose_if_focused.start)
        self.selectionModel().currentRowChanged.connect(self._select_current)
        self._content_replaced()

    def _content_replaced(self, *_args: object) -> None:
        self._sized.clear()
        self._fitted_for = None
        self._refit.start()
        self._resize_rows.start()

    # -- the chosen row ----------------------------------------------------------------

    def choose_first(self) -> None:
        """Make the first row current (and so chosen) if there are rows and none is."""
        model = self.model()
        if model is not None and model.rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(model.index(0, 0))

    def _choose_first_if_focused(self) -> None:
        if self.hasFocus():
            self.choose_first()

    def focusInEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.MouseFocusReason:  # a click chooses its own row
            self.choose_first()
        super().focusInEvent(event)

    def _select_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        selection = self.selectionModel()
        if current.isValid() and not selection.isRowSelected(current.row()):
            flags = QItemSelectionModel.SelectionFlag
            selection.select(current, flags.ClearAndSelect | flags.Rows)

    def selectionCommand(self, index, event=None):  # type: ignore[no-untyped-def,override]
        """Never unchoose the current row (Qt does on Ctrl+Space and Ctrl+click)."""
        command = super().selectionCommand(index, event)
        if command & QItemSelectionModel.SelectionFlag.Deselect:
            return QItemSelectionModel.SelectionFlag.NoUpdate
        return command

    def _rows_added(self, *_args: object) -> None:
        self._refit.start()
        self._resize_rows.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit.start()
        self._resize_rows.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(self.one_line_row())
            self._content_replaced()
            self.updateGeometry()

    def one_line_row(self) -> int:
        return self.fontMetrics().lineSpacing() + self.cell_padding()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        header = self._header_height = self.horizontalHeader().sizeHint().height()
        height = header + MIN_VISIBLE_LINES * self.one_line_row() + 2 * self.frameWidth()
        height += self.horizontalScrollBar().sizeHint().height()
        return QSize(hint.width(), max(hint.height(), height))

    def fit_columns(self) -> None:
        """Share the visible width between the columns (see ``share_width``)."""
        model = self.model()
        if not isinstance(model, RowTableModel) or not model.columnCount():
            return
        available = self.room_for_columns()
        key = (available, min(model.rowCount(), WORD_SAMPLE_ROWS), self.font().pointSizeF())
        if key == self._fitted_for:
            return  # nothing has changed; refitting now could make scroll bars come and go
        self._fitted_for = key
        header = self.horizontalHeader()
        assert isinstance(header, WrappingHeader)
        padding = self.cell_padding()
        natural, floors = [], []
        for column in range(model.columnCount()):
            natural.append(max(header.sectionSizeHint(column), self.sizeHintForColumn(column)))
            floors.append(max(header.longest_word(column), self._longest_word(column) + padding))
        wide = [column.wide for column in model.COLUMNS]
        comfortable = COMFORTABLE_CHARACTERS * self.fontMetrics().averageCharWidth()
        widths = share_width(natural, floors, wide, available, comfortable)
        if widths != [header.sectionSize(column) for column in range(len(widths))]:
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
            self._sized.clear()
        header.refresh()
        if header.sizeHint().height() != self._header_height:
            # The least height holds the heading's lines, now more or fewer: Qt's layouts
            # keep the size hint they were told last until told it changed.
            self.updateGeometry()
        self.updateGeometries()
        self.size_rows_in_view()

    def size_rows_in_view(self) -> None:
        """Make rows as tall as their text: all of a short table, else those in view."""
        model = self.model()
        count = model.rowCount() if model is not None else 0
        if not count:
            return
        if count <= SIZE_ALL_ROWS_UP_TO:
            self._size_rows(range(count))
            return
        for _attempt in range(4):  # growing rows changes which rows are in view
            first = max(self.rowAt(0), 0)
            last = self.rowAt(self.viewport().height() - 1)
            last = count - 1 if last < 0 else min(count - 1, last + ROWS_BEYOND_VIEW)
            if not self._size_rows(range(first, last + 1)):
                break

    def _size_rows(self, rows: range) -> bool:
        """Size those of ``rows`` not yet sized; True if there were any."""
        todo = [row for row in rows if row not in self._sized]
        for row in todo:
            self.resizeRowToContents(row)
            self._sized.add(row)
        return bool(todo)

    def cell_padding(self) -> int:
        """The item delegate's margins either side of a cell's text, and a pixel of air."""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
        return 2 * (margin + 1) + 2

    def room_for_columns(self) -> int:
        """The width inside the frame less a vertical scroll bar's, whether one shows or not:
        were the widths to depend on the scroll bar, fitting could make it come and go."""
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return max(self.width() - 2 * self.frameWidth() - scroll_bar, 0)

    def _longest_word(self, column: int) -> int:
        model = self.model()
        assert isinstance(model, RowTableModel)
        metrics = self.fontMetrics()
        words = {
            word
            for row in range(min(model.rowCount(), WORD_SAMPLE_ROWS))
            for word in model.texts(row)[column].split()
        }
        return max((metrics.horizontalAdvance(word) for word in words), default=0)
