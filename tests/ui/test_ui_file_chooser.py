"""The file and folder chooser, sized for its words at every text size."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QListView,
    QSplitter,
    QTreeView,
    QWidget,
)
from ui_helpers import the_folder_chooser
from walker import MENU_OFFSCREEN_WARNINGS

from app.ui.file_chooser import DETAILS, PLACES, SPLITTER
from app.ui.focus_ring import RING_OBJECT_NAME

# Menus, the suggestions and drop-down lists are popups, which the offscreen platform
# cannot raise or give the keyboard to as a window system would.
POPUPS_OFFSCREEN = pytest.mark.qt_log_ignore(*MENU_OFFSCREEN_WARNINGS)


def ring_in(window: QWidget) -> QWidget | None:
    return next((c for c in window.children() if c.objectName() == RING_OBJECT_NAME), None)


def open_backup_chooser(qtbot, window) -> QFileDialog:  # type: ignore[no-untyped-def]
    """File, then Back up now…, by their access keys."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_B)
    return the_folder_chooser(qtbot)


@POPUPS_OFFSCREEN
@pytest.mark.parametrize("percent", [100, 300])
def test_the_chooser_is_sized_for_its_words(qtbot, open_window, sample, percent):
    parts = open_window()
    parts.text_size.choose(percent)
    chooser = open_backup_chooser(qtbot, parts.window)
    qtbot.waitExposed(chooser)
    metrics = chooser.fontMetrics()
    screen = chooser.screen().availableGeometry()
    # About 110 characters by 26 lines, or as much as the screen has room for.
    assert chooser.width() >= min(metrics.averageCharWidth() * 100, screen.width() * 8 // 10)
    assert chooser.height() >= min(metrics.lineSpacing() * 24, screen.height() * 8 // 10)
    assert chooser.width() <= screen.width() and chooser.height() <= screen.height()

    places = chooser.findChild(QListView, PLACES)
    splitter = chooser.findChild(QSplitter, SPLITTER)
    names = places.sizeHintForColumn(0) + 2 * places.frameWidth()
    # As wide as its names, unless the files would lose most of their room.
    assert splitter.sizes()[0] >= min(names, sum(splitter.sizes()) // 3)
    header = chooser.findChild(QTreeView, DETAILS).header()
    for section in range(header.count()):
        heading = header.model().headerData(section, Qt.Orientation.Horizontal)
        assert header.sectionSize(section) >= header.sectionSizeHint(section), heading
    qtbot.keyClick(chooser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(chooser))
    parts.text_size.choose(100)
