"""A short list of the group's sessions to choose one from, whose lines wrap, and the kind
of pack that goes with the session chosen.

A drop-down list cannot wrap its text, so at large text sizes a long session title would
be cut short or push the page sideways; this list wraps each line to its width instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMargins, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QListView,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.i18n import _
from app.models.enums import MeetingStatus
from app.services.packs import KIND_WORDS, PackKind, kind_for
from app.services.packs.phrasing import long_date
from app.ui.focus_ring import RING_WIDTH

ROWS_SHOWN = 4  # the fewest rows of one line in sight, at any text size
ROWS_AT_MOST = 10  # and no more than this, where there is room
ROW = Qt.ItemDataRole.UserRole


class SessionList(QListWidget):
    """The sessions, newest first; ``chosen_changed`` when another one is chosen.

    Only whole rows are shown: the list scrolls a row at a time, so the top row is whole,
    and the room below the last row that fits whole is left empty rather than showing
    part of the next. Nor is any row under the focus ring, drawn over the list's edges.
    """

    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        # The room kept empty around and below the rows is the list's, not the window's.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self._fitting = False
        self._asked_for = 0
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._show_whole_rows())
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

    # -- whole rows ----------------------------------------------------------------------

    def _clearance(self) -> int:
        """Room inside the frame kept clear of rows, so the focus ring covers none of them."""
        return max(0, RING_WIDTH + 1 - self.frameWidth())

    def _line(self) -> int:
        """The height of a row of one line (the shortest row there is)."""
        heights = [self.visualItemRect(self.item(n)).height() for n in range(self.count())]
        return min((h for h in heights if h > 0), default=self.fontMetrics().lineSpacing())

    def _edges(self) -> int:
        return 2 * (self.frameWidth() + self._clearance())

    def _fit_height(self) -> None:
        self.setMinimumHeight(self._edges() + self._line() * ROWS_SHOWN)
        self.updateGeometry()

    def _wanted_height(self) -> int:
        """Room for every session, up to ROWS_AT_MOST whole rows within a quarter of the
        screen's height: the page the list is on is given the height it asks for (then
        scrolls), so at large text it asks for little more than its fewest rows."""
        screen = self.screen()
        most = screen.availableGeometry().height() // 4 if screen is not None else 200
        wanted = 0
        for row in range(min(self.count(), ROWS_AT_MOST)):
            height = self.visualItemRect(self.item(row)).height()
            if wanted + height > most:
                break
            wanted += height
        return max(self._edges() + wanted, self.minimumHeight())

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._wanted_height())

    def updateGeometries(self) -> None:
        super().updateGeometries()  # after the rows are laid out, as after each resize
        self._show_whole_rows()
        # The rows' heights are known once they are laid out: ask for room for them.
        if self.minimumHeight() != self._edges() + self._line() * ROWS_SHOWN:
            self._fit_height()
        elif self._wanted_height() != self._asked_for:
            self._asked_for = self._wanted_height()
            self.updateGeometry()

    def _show_whole_rows(self) -> None:
        if self._fitting:
            return
        clear = self._clearance()
        room = self.height() - 2 * (self.frameWidth() + clear)
        top = self.indexAt(QPoint(0, 0)).row()
        used = 0
        if top >= 0:
            for row in range(top, self.count()):
                height = self.visualItemRect(self.item(row)).height()
                if used + height > room:
                    break
                used += height
            else:
                used = room  # the last rows are all in sight: nothing below is cut
        margins = QMargins(clear, clear, clear, clear + (room - used if used else 0))
        if self.viewportMargins() != margins:
            self._fitting = True
            try:
                self.setViewportMargins(margins)
            finally:
                self._fitting = False


class KindFollowsSession(QObject):
    """Keeps ``kind`` (a list of kinds of pack) to the kind the chosen session wants, before
    a planned session and after a held one, as the person moves between sessions, until
    they choose the kind themselves: theirs is then kept. A change is said in words (by
    ``say``), as the kind may be out of sight below the sessions.
    """

    def __init__(
        self, sessions: SessionList, kind: QComboBox, say: Callable[[str], object]
    ) -> None:
        super().__init__(kind)
        self._sessions, self._kind, self._say = sessions, kind, say
        self.chosen_by_person = False
        # Only the person's own choosing (a click, arrow keys, the open list) is "activated".
        kind.activated.connect(self._chosen)
        # Held back while the list is filled, so this is the person moving to a session.
        sessions.currentRowChanged.connect(lambda _row: self.follow(say=True))

    def _chosen(self, _index: int) -> None:
        self.chosen_by_person = True

    def follow(self, *, say: bool = False) -> None:
        """Choose the kind the session wants, saying so if ``say`` and it changes; call it
        quietly once the sessions are first shown."""
        session = self._sessions.chosen()
        if session is None or self.chosen_by_person:
            return
        if self._kind.currentData() == PackKind.DECISIONS:  # wants no session at all
            return
        wanted = kind_for(session.status)
        index = self._kind.findData(wanted)
        if index < 0 or index == self._kind.currentIndex():
            return
        self._kind.setCurrentIndex(index)
        if not say:
            return
        if session.status == MeetingStatus.HELD:
            words = _("The kind of pack is now “{kind}”, as this session has been held.")
        else:
            words = _("The kind of pack is now “{kind}”, as this session has not been held.")
        self._say(words.format(kind=_(KIND_WORDS[wanted])))
