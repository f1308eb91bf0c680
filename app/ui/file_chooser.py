"""The file and folder chooser every window opens, sized for the text in it.

Where the computer has no chooser of its own that Qt can use (as on many Linux desktops),
Qt draws one, at one size whatever the text size, and with its list of places and its
columns as wide as they were the last time it was closed: at 300% its folder box read
"/ro…cks", its places "C…" and its column headings "Size Typ Date M". Every chooser comes
from ``file_chooser``, which sizes it for about ``CHARS_WIDE`` by ``LINES_HIGH`` of the text
in use (never larger than the screen), and fits those parts to their words when shown
(whatever Qt kept from the last time).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QListView,
    QSplitter,
    QTreeView,
    QWidget,
)

from app.ui.widgets import fit_to_screen

CHARS_WIDE = 110
LINES_HIGH = 26
# The names Qt gives the parts of its own chooser (in its qfiledialog.ui).
PLACES, SPLITTER, DETAILS = "sidebar", "splitter", "treeView"


def file_chooser(parent: QWidget | None, title: str, start: str | Path = "") -> QFileDialog:
    """A chooser titled (and named, for a screen reader) ``title``, opening at ``start``,
    that goes when closed. The caller sets what it chooses, connects to it and opens it."""
    chooser = QFileDialog(parent, title, str(start))
    chooser.setAccessibleName(title)
    chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(chooser, CHARS_WIDE, LINES_HIGH)
    chooser.installEventFilter(_WidensItsParts(chooser))
    return chooser


def widen_parts(chooser: QFileDialog) -> None:
    """The list of places as wide as its names, and each column as wide as its heading and
    what is in it; the names take the room that is left. (A chooser the computer draws
    itself has none of these parts, and is left as it is.)"""
    places = chooser.findChild(QListView, PLACES)
    splitter = chooser.findChild(QSplitter, SPLITTER)
    if places is not None and splitter is not None and len(splitter.sizes()) == 2:
        wanted = places.sizeHintForColumn(0) + 2 * places.frameWidth()
        wanted += places.verticalScrollBar().sizeHint().width()
        total = sum(splitter.sizes())
        first = min(wanted, total // 3)  # the files keep most of the room
        splitter.setSizes([first, total - first])
    details = chooser.findChild(QTreeView, DETAILS)
    if details is not None:
        header = details.header()
        for section in range(1, header.count()):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        others = sum(header.sectionSize(section) for section in range(1, header.count()))
        room = details.viewport().width() - others
        header.resizeSection(0, max(header.sectionSizeHint(0), room))


class _WidensItsParts(QObject):
    # Qt makes the parts of its own chooser only as it is first shown.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            widen_parts(watched)
        return False
