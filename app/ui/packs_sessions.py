"""A short list of the group's sessions to choose one from, whose lines wrap.

A drop-down list cannot wrap its text, so at large text sizes a long session title would
be cut short or push the page sideways; this list wraps each line to its width instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from app.i18n import _
from app.services.packs.phrasing import long_date

ROWS_SHOWN = 4
ROW = Qt.ItemDataRole.UserRole


class SessionList(QListWidget):
    """The sessions, newest first; ``chosen_changed`` when another one is chosen."""

    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(_("Session"))
        self.setAccessibleDescription(_("Loading the sessions…"))
        self.currentRowChanged.connect(lambda _row: self.chosen_changed.emit())
        self._fit_height()

    def set_sessions(self, rows: list[Any], chosen_id: int | None) -> None:
        """``rows`` (each with id, title and starts_at), showing ``chosen_id`` or the first."""
        self.blockSignals(True)
        self.clear()
        for row in rows:
            words = _("{date}: {title}").format(
                date=long_date(row.starts_at.date()), title=row.title
            )
            item = QListWidgetItem(words)
            item.setData(ROW, row)
            self.addItem(item)
        wanted = next((n for n, row in enumerate(rows) if row.id == chosen_id), 0)
        self.setCurrentRow(wanted if rows else -1)
        self.setAccessibleDescription("" if rows else _("This group has no sessions yet."))
        self.blockSignals(False)
        current = self.currentItem()
        if current is not None:
            self.scrollToItem(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.chosen_changed.emit()

    def chosen(self) -> Any:
        item = self.currentItem()
        return item.data(ROW) if item is not None else None

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit_height()

    def _fit_height(self) -> None:
        # A few wrapped lines' worth: enough to see the sessions either side of the chosen one.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * ROWS_SHOWN + 8)
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * ROWS_SHOWN * 2 + 8)
