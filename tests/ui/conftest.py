"""Fixtures for the screens: a small sample of groups made through the services, the main
window over it, and the application font put back after every test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from ui_helpers import Sample, make_sample, wait_loaded

from app.storage import Database
from app.ui.data import DataSource
from app.ui.display import TextSize
from app.ui.looks import apply_look
from app.ui.main_window import MainWindow
from app.ui.screens import keep_screens
from app.ui.settings import NORMAL_LOOK, Settings
from app.ui.tasks import TaskRunner

HERE = Path(__file__).resolve().parent

# The offscreen platform (used only by tests) warns that it cannot pass size hints to a
# window system it does not have; that says nothing about Roundtable.
OFFSCREEN_ONLY_WARNING = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_ONLY_WARNING))


@pytest.fixture(scope="session", autouse=True)
def _roundtable_style(qapp: QApplication) -> None:
    """Put Roundtable's style on before any window exists, as the app itself does at start.

    Replacing the application's style later, while many widgets are alive, is what the app
    never does; doing it in the middle of the tests crashed Qt now and then. The screens are
    held as the app holds them (see app.ui.screens).
    """
    keep_screens(qapp)
    apply_look(NORMAL_LOOK)


@pytest.fixture(autouse=True)
def _put_back_application_font(qapp: QApplication) -> Iterator[None]:
    font = QFont(qapp.font())
    yield
    qapp.setFont(font)


@pytest.fixture
def sample(db: Database) -> Sample:
    return make_sample(db)


@dataclass
class Parts:
    window: MainWindow
    runner: TaskRunner
    source: DataSource
    settings: Settings
    text_size: TextSize


@pytest.fixture
def open_window(qtbot, db: Database, data_dir: Path):  # type: ignore[no-untyped-def]
    """Returns a function that opens the main window on ``db`` and waits for it to load."""
    made: list[Parts] = []

    def opener(*, load: bool = True) -> Parts:
        settings = Settings.in_folder(data_dir)
        text_size = TextSize(settings)
        runner = TaskRunner()
        source = DataSource(db)
        window = MainWindow(source, runner, settings, text_size)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        parts = Parts(window, runner, source, settings, text_size)
        made.append(parts)
        if load:
            window.load_groups()
            wait_loaded(qtbot, window)
        return parts

    yield opener
    for parts in made:
        parts.window.close()
        parts.runner.shutdown(wait=True)
