"""Whole journeys through the real main window, as a person takes them: keyboard only, on
the tests' fixed day (tests/conftest.py), from the first step to the view that must show
the result afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from app.services import example_data
from app.storage import Database, open_database
from app.ui.data import DataSource
from app.ui.display import Display, TextSize
from app.ui.looks import apply_look
from app.ui.main_window import MainWindow
from app.ui.screens import keep_screens
from app.ui.settings import NORMAL_LOOK, Settings
from app.ui.tasks import TaskRunner

HERE = Path(__file__).resolve().parent
# What the offscreen platform (tests only) says it cannot do as a window system would;
# none of it is about Roundtable.
OFFSCREEN_ONLY_WARNINGS = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Key = Qt.Key
SESSIONS_AREA, DECISIONS_AREA = 1, 3


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_ONLY_WARNINGS))


@pytest.fixture(scope="session", autouse=True)
def _roundtable_style(qapp: QApplication) -> None:
    """Roundtable's look, put on before any window exists, as the app does at start."""
    keep_screens(qapp)
    apply_look(NORMAL_LOOK)


@pytest.fixture(autouse=True)
def _as_found_after(qapp: QApplication) -> Iterator[None]:
    font = QFont(qapp.font())
    yield
    apply_look(NORMAL_LOOK)
    qapp.setFont(font)


@dataclass
class Journey:
    """The main window over a data folder, with what it was made from."""

    window: MainWindow
    runner: TaskRunner
    source: DataSource
    settings: Settings
    text_size: TextSize
    display: Display
    db: Database

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard"
        return widget

    def loaded(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: not self.window.is_loading(), timeout=20_000)


@pytest.fixture
def journey(qtbot, data_dir: Path) -> Iterator[Callable[..., Journey]]:  # type: ignore[no-untyped-def]
    """Opens the main window on the data in ``data_dir`` (what an earlier step made),
    as the app does: the window first, then the data, then the groups."""
    opened: list[Journey] = []

    def open_main_window(
        *, folder: Path = data_dir, size: tuple[int, int] = (1200, 800)
    ) -> Journey:
        settings = Settings.in_folder(folder)
        text_size = TextSize(settings)
        display = Display(settings, text_size)
        display.apply_saved()
        runner = TaskRunner()
        window = MainWindow(None, runner, settings, text_size, display=display)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        db = open_database(folder)
        source = DataSource(db, folder)
        window.attach(source)
        window.load_groups()
        made = Journey(window, runner, source, settings, text_size, display, db)
        opened.append(made)
        made.loaded(qtbot)
        window.activateWindow()
        return made

    yield open_main_window
    for made in opened:
        made.window.close()
        made.runner.shutdown(wait=True)
        made.source.close()


@pytest.fixture
def with_examples(data_dir):  # type: ignore[no-untyped-def]
    db = open_database(data_dir)
    try:
        example_data.load_example_data(db)
    finally:
        db.close()
    return data_dir


def press(qtbot, opened, key: Key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1):  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    assert opened.runner.wait_idle(10_000)


def to_area(qtbot, opened, area: int) -> None:  # type: ignore[no-untyped-def]
    """From the list of areas (Alt+G, then Tab until it has the keyboard), down to ``area``."""
    window = opened.window
    qtbot.keyClick(window, Key.Key_G, ALT)  # "&Group:"
    qtbot.waitUntil(window.group_chooser.hasFocus)
    for _ in range(3):  # past "About this group", where it is shown
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
        if window.areas.hasFocus():
            break
    assert window.areas.hasFocus()
    qtbot.keyClick(window.areas, Key.Key_Home)
    for _ in range(area):
        qtbot.keyClick(window.areas, Key.Key_Down)
    assert window.stack.currentIndex() == area
    opened.loaded(qtbot)


def active(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(widget.isVisible)
    widget.activateWindow()  # as a window system does; the offscreen one needs telling
    qtbot.waitUntil(widget.isActiveWindow)
