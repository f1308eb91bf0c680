"""The file and folder chooser: sized for its words at every text size, and closed by Enter
while it suggests folders without taking the focus ring (and with it the program) down."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QListView,
    QSplitter,
    QTreeView,
    QWidget,
)
from ui_helpers import the_folder_chooser
from walker import MENU_OFFSCREEN_WARNINGS

from app.ui.file_chooser import DETAILS, PLACES, SPLITTER, file_chooser
from app.ui.focus_ring import RING_OBJECT_NAME, install_focus_ring

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


@POPUPS_OFFSCREEN
def test_enter_while_the_chooser_suggests_folders_leaves_the_ring_working(
    qtbot, open_window, sample, qapp, tmp_path
):
    """Enter (or Alt+C) in the folder box with its list of suggestions open deletes the
    chooser while that box still has the focus, so Qt lets go of the focus from inside the
    box's destructor, with the chooser half taken apart around it. The ring looked for
    itself among the chooser's parts then, and the program crashed. It must touch nothing
    of the chooser until Qt is done, then follow the focus on. (Before, this test crashed.)"""
    install_focus_ring(qapp)
    window = open_window().window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    (tmp_path / "packs here").mkdir()
    chosen: list[str] = []
    chooser = file_chooser(window, "Choose a folder", tmp_path)
    chooser.setFileMode(QFileDialog.FileMode.Directory)
    chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chooser.fileSelected.connect(chosen.append)
    chooser.open()
    # The folder box, as the focus gives it (not looked up in the chooser, which would
    # tell the chooser's wrapper that it holds it: Python then lets go of the box with the
    # chooser, before Qt has taken the box apart).
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    field = QApplication.focusWidget()
    qtbot.waitUntil(lambda: ring_in(chooser) is not None and ring_in(chooser).isVisible())

    qtbot.keyClicks(field, str(tmp_path / "packs here"))
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(QApplication.activePopupWidget() or field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(chooser))
    assert chosen == [str(tmp_path / "packs here")]

    # And the ring goes on following the focus, by Tab as by anything else.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.areas.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(window.areas, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and focused is not window.areas
    qtbot.waitUntil(lambda: ring_in(window) is not None and ring_in(window).isVisible())
    where = focused.mapTo(window, focused.visibleRegion().boundingRect().topLeft())
    qtbot.waitUntil(lambda: ring_in(window).geometry().topLeft() == where)


def test_the_ring_lets_go_of_a_control_deleted_while_it_has_the_focus(
    qtbot, open_window, sample, qapp
):
    install_focus_ring(qapp)
    window = open_window().window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    doomed = QLineEdit(window.centralWidget())
    doomed.setAccessibleName("A field about to go")
    doomed.show()
    doomed.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(doomed.hasFocus)
    keeper = install_focus_ring(qapp)
    qtbot.waitUntil(lambda: keeper.target() is doomed)
    doomed.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(doomed))
    assert keeper.target() is None
    window.group_chooser.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: keeper.target() is window.group_chooser)
    ring = ring_in(window)
    qtbot.waitUntil(ring.isVisible)
    assert ring.geometry().topLeft() == window.group_chooser.mapTo(window, QPoint(0, 0))


@POPUPS_OFFSCREEN
def test_drop_down_lists_and_menus_give_the_ring_back(qtbot, open_window, sample, qapp):
    """A drop-down list's popup and a menu take the keyboard for a while; the ring is not
    drawn in them, and is back on the control when they close."""
    keeper = install_focus_ring(qapp)
    window = open_window().window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    chooser = window.group_chooser
    chooser.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: keeper.target() is chooser)
    qtbot.keyClick(chooser, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: chooser.view().isVisible())
    qtbot.keyClick(chooser.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not chooser.view().isVisible())
    qtbot.keyClick(chooser, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    assert ring_in(menu) is None
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.keyClick(window.menuBar(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: keeper.target() is chooser and ring_in(window).isVisible())
