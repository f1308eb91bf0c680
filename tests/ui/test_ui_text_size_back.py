"""Changing the text size leaves every area laid out as a window started at the new size:
after 300% and Ctrl+0, nothing stays measured for large text (a drop-down list three lines
tall, a page wider than the window, a decision read in the log's place where both fit)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget
from test_ui_decisions import record_log
from ui_helpers import wait_loaded

from app.ui.decisions_panel import DecisionsPanel
from app.ui.display import apply_text_size
from app.ui.settings import TEXT_SIZE, Settings

CTRL = Qt.KeyboardModifier.ControlModifier
DECISIONS = 3
SLACK = 2  # pixels: rounding in a font's metrics at one size reached two ways


@pytest.fixture
def log(db):  # type: ignore[no-untyped-def]
    return record_log(db)


def open_at(open_window, data_dir, percent: int):  # type: ignore[no-untyped-def]
    """The main window as it opens when ``percent`` was the size chosen last time."""
    Settings.in_folder(data_dir).set(TEXT_SIZE, percent)
    apply_text_size(percent)
    parts = open_window()
    parts.window.resize(1400, 1100)  # room at 100% for the log and a decision together
    parts.window.activateWindow()
    return parts


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def go_to_area(qtbot, window, row: int) -> None:  # type: ignore[no-untyped-def]
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    press(qtbot, Qt.Key.Key_Home)
    for _step in range(row):
        press(qtbot, Qt.Key.Key_Down)
    wait_loaded(qtbot, window)
    qtbot.wait(30)  # tables refit and areas rearrange on the next turns of the loop


def read_a_decision(qtbot, window) -> DecisionsPanel:  # type: ignore[no-untyped-def]
    """Tab from the list of areas to the decision log and press Enter on its first row."""
    go_to_area(qtbot, window, DECISIONS)
    panel = window.current_panel()
    assert isinstance(panel, DecisionsPanel)
    qtbot.waitUntil(lambda: panel.choices is not None)
    for _press in range(12):
        if panel.table.hasFocus():
            break
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.shown_details() is not None)
    wait_loaded(qtbot, window)
    return panel


def layout_of(qtbot, window) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Each area's page as it is laid out: its width, and the size hints of every widget
    on show in it, in order."""
    areas: dict[str, object] = {}
    for row, panel in enumerate(window.panels):
        go_to_area(qtbot, window, row)
        page = window.scroller.widget()
        assert page.width() <= window.scroller.viewport().width(), panel.title()
        hints = [
            (type(widget).__name__, widget.sizeHint(), widget.minimumSizeHint())
            for widget in page.findChildren(QWidget)
            if widget.isVisible()
        ]
        areas[panel.title()] = (page.width(), hints)
        print(
            panel.title(),
            [
                (
                    p.title(),
                    p.minimumSizeHint().toTuple(),
                    p.filters.grid.minimumSizeHint().toTuple() if hasattr(p, "filters") else None,
                    p.filters.grid._columns if hasattr(p, "filters") else None,
                )
                for p in window.panels
            ],
        )
    return areas


def close_enough(one: object, other: object) -> bool:
    if isinstance(one, QSize) and isinstance(other, QSize):
        return abs(one.width() - other.width()) <= SLACK and (
            abs(one.height() - other.height()) <= SLACK
        )
    if isinstance(one, tuple | list) and isinstance(other, tuple | list):
        return len(one) == len(other) and all(map(close_enough, one, other))
    if isinstance(one, int) and isinstance(other, int):
        return abs(one - other) <= SLACK
    return one == other


def assert_same_layout(now: dict[str, object], fresh: dict[str, object]) -> None:
    assert now.keys() == fresh.keys()
    for area, (width, hints) in now.items():  # type: ignore[misc]
        fresh_width, fresh_hints = fresh[area]  # type: ignore[misc]
        assert close_enough(width, fresh_width), f"{area}: page {width}, fresh {fresh_width}"
        assert len(hints) == len(fresh_hints), area
        differ = [
            f"{hint} but fresh {fresh_hint}"
            for hint, fresh_hint in zip(hints, fresh_hints, strict=True)
            if not close_enough(hint, fresh_hint)
        ]
        assert not differ, f"{area}: " + "; ".join(differ)


def fresh_layout(qtbot, open_window, data_dir, percent: int) -> tuple[dict[str, object], bool]:  # type: ignore[no-untyped-def]
    parts = open_at(open_window, data_dir, percent)
    panel = read_a_decision(qtbot, parts.window)
    together = panel.together
    layout = layout_of(qtbot, parts.window)
    parts.window.close()
    return layout, together


@pytest.mark.parametrize(
    ("start", "keys", "end"),
    [
        (300, [Qt.Key.Key_0], 100),
        (300, [Qt.Key.Key_Minus] * 2, 200),
        (100, [Qt.Key.Key_Plus] * 6, 300),
    ],
)
def test_a_new_text_size_lays_out_as_a_window_started_at_it(
    qtbot, open_window, data_dir, log, start, keys, end
):
    fresh, fresh_together = fresh_layout(qtbot, open_window, data_dir, end)

    parts = open_at(open_window, data_dir, start)
    window = parts.window
    panel = read_a_decision(qtbot, window)
    for key in keys:
        press(qtbot, key, CTRL)
    assert parts.text_size.percent == end
    wait_loaded(qtbot, window)
    qtbot.wait(30)
    # The decision being read sits below the log again where a fresh window puts it there,
    # and has it alone where a fresh window has no room for both.
    assert panel.together == fresh_together
    assert_same_layout(layout_of(qtbot, window), fresh)
