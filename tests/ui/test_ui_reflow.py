"""At 300% nothing is cut off: columns narrow and wrap, rows grow, headings wrap, the page
scrolls rather than squashing, and a focus ring shows where the keyboard is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import wait_loaded

from app.ui.focus_ring import RING_OBJECT_NAME, install_focus_ring
from app.ui.records_table import WrappingHeader, share_width


def test_columns_keep_their_natural_width_when_there_is_room():
    assert share_width([100, 300, 80], [50, 60, 40], [False, True, False], 600) == [100, 420, 80]
    assert share_width([100, 80], [50, 40], [False, False], 300) == [100, 200]


def test_free_text_narrows_first_then_the_rest_then_floors():
    natural, floors, wide = [200, 2000, 150], [80, 120, 60], [False, True, False]
    # Room for the others and a comfortable free-text column: only the free text narrows.
    assert share_width(natural, floors, wide, 900, comfortable=400) == [200, 550, 150]
    # Less room: the free text stops at a comfortable width and the others give way.
    squeezed = share_width(natural, floors, wide, 600, comfortable=400)
    assert squeezed[1] == 400 and sum(squeezed) == 600
    assert squeezed[0] >= floors[0] and squeezed[2] >= floors[2]
    # Still less: everything narrows to its floor and no further (the table scrolls).
    assert share_width(natural, floors, wide, 200, comfortable=400) == floors


@pytest.mark.parametrize("room", [300, 451, 700, 1000, 5000])
def test_shared_widths_fill_the_room_exactly_when_the_floors_fit(room):
    natural, floors, wide = [180, 900, 160, 300, 120], [90, 110, 70, 120, 80], [0, 1, 0, 0, 0]
    widths = share_width(natural, floors, [bool(w) for w in wide], room, comfortable=250)
    assert sum(widths) == max(room, sum(floors))
    assert all(width >= floor for width, floor in zip(widths, floors, strict=True))


def wait_settled(qtbot, window):  # type: ignore[no-untyped-def]
    wait_loaded(qtbot, window)
    qtbot.wait(20)  # the tables refit on the next turn of the event loop


def test_at_300_percent_no_cell_or_heading_is_cut_off(qtbot, open_window, sample):
    parts = open_window()
    window = parts.window
    window.group_chooser.setCurrentIndex(
        next(n for n, g in enumerate(window.groups) if g.id == sample.equipment)
    )
    parts.text_size.choose(300)
    for area, panel in enumerate(window.panels):
        window.areas.setCurrentRow(area)
        wait_settled(qtbot, window)
        table = panel.table
        header = table.horizontalHeader()
        assert isinstance(header, WrappingHeader)
        metrics = table.fontMetrics()
        model = panel.model
        for column in range(model.columnCount()):
            width = header.sectionSize(column)
            assert width >= header.longest_word(column), f"{panel.title()} heading {column}"
            for row in range(model.rowCount()):
                for word in model.texts(row)[column].split():
                    assert metrics.horizontalAdvance(word) <= width, f"{panel.title()} {word!r}"
        for row in range(model.rowCount()):
            assert table.rowHeight(row) >= table.sizeHintForRow(row), f"{panel.title()} {row}"
        lines = max(header.wrapped(c, header.sectionSize(c)).count("\n") for c in range(4)) + 1
        assert header.height() >= lines * header.fontMetrics().lineSpacing()
        assert table.height() >= table.minimumSizeHint().height()  # the page scrolls instead


def test_the_navigation_list_fits_its_longest_name_at_300_percent(qtbot, open_window, sample):
    parts = open_window()
    parts.text_size.choose(300)
    qtbot.wait(20)
    areas = parts.window.areas
    longest = max(areas.fontMetrics().horizontalAdvance(areas.item(n).text()) for n in range(4))
    assert areas.viewport().width() >= longest


def test_a_focus_ring_is_drawn_around_the_focused_control(qtbot, open_window, sample, qapp):
    ring_keeper = install_focus_ring(qapp)
    assert install_focus_ring(qapp) is ring_keeper  # only ever one
    window = open_window().window
    window.activateWindow()
    for control in (window.group_chooser, window.areas, window.panels[0].table):
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(control.hasFocus)
        ring = next(child for child in window.children() if child.objectName() == RING_OBJECT_NAME)
        qtbot.waitUntil(ring.isVisible)
        where = control.mapTo(window, control.rect().topLeft())
        assert ring.geometry().topLeft() == where
        assert ring.geometry().size() == control.size()
        assert ring.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert QApplication.focusWidget() is window.panels[0].table


def test_at_300_percent_each_area_is_only_as_tall_as_it_needs(qtbot, open_window, sample):
    """The areas take turns on one page: the one on show is not stretched to the height
    another area would need (which made a box in it scroll inside a page that scrolls)."""
    parts = open_window()
    window = parts.window
    parts.text_size.choose(300)
    page, view = window.scroller.widget(), window.scroller.viewport()
    heights = {}
    for area, panel in enumerate(window.panels):
        window.areas.setCurrentRow(area)
        wait_settled(qtbot, window)
        top = panel.mapTo(page, panel.rect().topLeft()).y()
        wanted = top + panel.layout().totalHeightForWidth(panel.width())
        margin = page.layout().contentsMargins().bottom()
        assert page.height() <= max(view.height(), wanted + margin + 1), panel.title()
        heights[panel.title()] = page.height()
    assert len(set(heights.values())) > 1  # not every area as tall as the tallest


def wholly_in_view(window, widget) -> bool:  # type: ignore[no-untyped-def]
    view = window.scroller.viewport()
    top_left = widget.mapTo(view, widget.rect().topLeft())
    return view.rect().contains(QRect(top_left, widget.size()))


def test_at_300_percent_the_focused_control_stays_wholly_in_view(qtbot, open_window, sample):
    """All of what has the focus is scrolled into view where it fits, and kept there when
    a long status message makes the page's view shorter."""
    parts = open_window()
    window = parts.window
    parts.text_size.choose(300)
    panel = window.panels[0]
    wait_settled(qtbot, window)
    window.activateWindow()
    panel.table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(panel.table.hasFocus)
    qtbot.waitUntil(lambda: wholly_in_view(window, panel.table))
    before = window.scroller.viewport().height()
    window.status_line.announce(
        "A message long enough to take several lines at this size, so that the page's "
        "view grows shorter and the list would lose its foot if nothing scrolled it back."
    )
    qtbot.waitUntil(lambda: window.scroller.viewport().height() < before)
    qtbot.waitUntil(lambda: wholly_in_view(window, panel.table))
