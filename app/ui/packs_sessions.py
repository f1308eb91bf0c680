"""A short list of the group's sessions to choose one from, whose lines wrap, and the kind
of pack that goes with the session chosen.

A drop-down list cannot wrap its text, so at large text sizes a long session title would
be cut short or push the page sideways; this list wraps each line to its width instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
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
