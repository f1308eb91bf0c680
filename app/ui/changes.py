"""News of saved changes, for the views: each open view listens and refreshes what it shows.

The data store tells which tables each saved unit of work wrote, on the thread that did
it; ``ChangeNews`` carries that to the GUI thread as ``Change`` kinds, gathering what
arrives together (adding the example groups is dozens of units of work) into one signal.
Each piece of news is numbered, so that a view which has read the data since a change
was saved need not read it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.changes import Change, what_changed


@dataclass(frozen=True)
class News:
    kinds: frozenset[Change]
    number: int  # of the latest saved change in it


class ChangeNews(QObject):
    changed = Signal(object)  # News: what was saved since the last signal
    _arrived = Signal(object, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numbers = count(1)
        self.latest = 0  # the number of the latest change told, on whichever thread
        self._gathered: set[Change] = set()
        self._gathered_up_to = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._pass_on)
        # Emitted on the worker thread, received here on the GUI thread (queued).
        self._arrived.connect(self._gather)

    def hear(self, tables: frozenset[str]) -> None:
        """The data store's listener: may be called on any thread."""
        self.tell(what_changed(tables))

    def tell(self, kinds: frozenset[Change]) -> None:
        """Say that ``kinds`` changed; may be called on any thread."""
        number = next(self._numbers)
        self.latest = max(self.latest, number)
        self._arrived.emit(frozenset(kinds), number)

    def _gather(self, kinds: frozenset[Change], number: int) -> None:
        self._gathered |= kinds
        self._gathered_up_to = max(self._gathered_up_to, number)
        self._timer.start()

    def _pass_on(self) -> None:
        kinds, self._gathered = frozenset(self._gathered), set()
        if kinds:
            self.changed.emit(News(kinds, self._gathered_up_to))
