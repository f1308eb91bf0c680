"""Tick boxes and drop-down lists whose words wrap, so that at large text sizes a long one
makes its page taller, not wider (nothing to scroll sideways along every line)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QScrollArea,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)
from walker import Walker

from app.ui.wrapping import WrappingCheckBox, WrappingComboBox

ALT = Qt.KeyboardModifier.AltModifier
LONG = "They &agree to us keeping their contact details and access needs on this computer"
ROOT = Path(__file__).resolve().parents[2]


def narrow_page(qtbot, *controls: QWidget) -> QScrollArea:  # type: ignore[no-untyped-def]
    """A scrolling page 320 pixels wide at 300%-sized text, as in a dialog on a small
    screen, holding ``controls`` one under another."""
    page = QWidget()
    big = QFont(page.font())
    big.setPointSizeF(big.pointSizeF() * 3)
    page.setFont(big)
    column = QVBoxLayout(page)
    for control in controls:
        column.addWidget(control)
    column.addStretch(1)
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setWidget(page)
    scroller.setWindowTitle("A narrow page")
    qtbot.addWidget(scroller)
    scroller.resize(320, 600)
    scroller.show()
    qtbot.waitExposed(scroller)
    return scroller


def line_height(widget: QWidget) -> int:
    return widget.fontMetrics().height()


def test_a_plain_tick_box_pushes_a_narrow_page_sideways_and_the_walker_says_so(qtbot):
    box = QCheckBox(LONG)
    scroller = narrow_page(qtbot, box)
    assert scroller.horizontalScrollBar().maximum() > 0
    walker = Walker(qtbot)
    walker.check_fit(scroller, "narrow page")
    assert any("pushes its page sideways: QCheckBox" in problem for problem in walker.problems)


def test_a_wrapping_tick_box_fits_the_page_on_more_lines(qtbot):
    box = WrappingCheckBox(LONG)
    scroller = narrow_page(qtbot, box)
    assert scroller.horizontalScrollBar().maximum() == 0
    assert box.width() <= scroller.viewport().width()
    assert box.height() >= 3 * line_height(box)  # wrapped onto several lines
    assert box.height() >= box.heightForWidth(box.width())
    assert box.minimumSizeHint().width() < box.sizeHint().width()
    walker = Walker(qtbot)
    walker.check_fit(scroller, "narrow page")
    assert walker.problems == []


def test_the_walker_finds_a_wrapped_tick_box_held_to_one_line(qtbot):
    box = WrappingCheckBox(LONG)
    box.setFixedHeight(line_height(box) * 3 // 2)
    scroller = narrow_page(qtbot, box)
    walker = Walker(qtbot)
    walker.check_fit(scroller, "narrow page")
    assert any("does not fit: WrappingCheckBox" in p and "wrapped" in p for p in walker.problems)


def test_a_wrapped_tick_box_is_ticked_by_its_last_line_its_alt_key_and_space(qtbot):
    box = WrappingCheckBox(LONG)
    page = narrow_page(qtbot, box)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)  # Alt keys go to it
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 5, box.height() - 5))
    assert box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: not box.isChecked())  # an Alt key clicks after a moment
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    spoken = QAccessible.queryAccessibleInterface(box)
    assert spoken.text(QAccessible.Text.Name) == LONG.replace("&", "")
    assert spoken.role() == QAccessible.Role.CheckBox


def test_a_wrapping_tick_box_takes_one_line_where_there_is_room(qtbot):
    box = WrappingCheckBox("Show &all")
    _page = narrow_page(qtbot, box)
    assert box.height() < 2 * line_height(box)


def test_a_drop_down_list_wraps_its_chosen_line_and_its_list(qtbot):
    combo = WrappingComboBox()
    combo.addItem("No decision", None)
    combo.addItem("Repairs will be booked by phone or by text, whichever each member prefers", 1)
    scroller = narrow_page(qtbot, combo)
    one_line = combo.height()
    assert one_line < 2 * line_height(combo)
    combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: combo.height() >= 3 * line_height(combo))
    assert scroller.horizontalScrollBar().maximum() == 0
    assert combo.width() <= scroller.viewport().width()
    walker = Walker(qtbot)
    walker.check_fit(scroller, "narrow page")
    assert walker.problems == []
    # The open list wraps a line too long for it, rather than cut it short.
    assert isinstance(combo.itemDelegate(), QStyledItemDelegate)
    assert combo.view().wordWrap()
    assert combo.view().textElideMode() == Qt.TextElideMode.ElideNone
    spoken = QAccessible.queryAccessibleInterface(combo)
    assert spoken.text(QAccessible.Text.Value).startswith("Repairs will be booked")


def test_a_drop_down_list_that_can_be_typed_in_keeps_one_line(qtbot):
    combo = WrappingComboBox()
    combo.setEditable(True)
    combo.addItem("Someone with a long name and a longer title after it")
    _page = narrow_page(qtbot, combo)
    assert not combo.hasHeightForWidth()
    assert combo.height() < 2 * line_height(combo)


def test_every_tick_box_on_every_screen_wraps():
    made_plainly = []
    for path in sorted((ROOT / "app" / "ui").rglob("*.py")):
        if path.name == "wrapping.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\bQCheckBox\(", line):
                made_plainly.append(f"{path.relative_to(ROOT)}:{number}")
    assert made_plainly == [], "use WrappingCheckBox: " + ", ".join(made_plainly)
