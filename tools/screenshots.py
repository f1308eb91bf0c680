"""Draw the real main window on the example data and save PNGs of it at 100% and 300% text.

    python tools/screenshots.py [--out docs/screenshots] [--all]

It works in a temporary data folder (nothing of anyone's own data is touched) and draws
off screen, so it runs on a build machine with no display. Look at the pictures: at 300%
no text may be cut off or overlap.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QMessageLogContext,
    QSize,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.services import example_data  # noqa: E402
from app.storage import open_database  # noqa: E402
from app.ui.data import DataSource  # noqa: E402
from app.ui.display import TextSize  # noqa: E402
from app.ui.focus_ring import install_focus_ring  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.settings import Settings  # noqa: E402
from app.ui.tasks import TaskRunner  # noqa: E402

WINDOW_SIZE = QSize(1200, 800)
# (file name, text size, area: 0 members, 1 sessions, 2 aims, 3 decisions, page scrolled down)
SHOTS = (
    ("main-window-100.png", 100, 0, False),
    ("main-window-300.png", 300, 0, False),
    ("decisions-100.png", 100, 3, False),
    ("decisions-300-scrolled.png", 300, 3, True),
)
MORE_SHOTS = (  # with --all: every area at 300%, scrolled down to its table
    ("members-300-scrolled.png", 300, 0, True),
    ("sessions-300-scrolled.png", 300, 1, True),
    ("aims-300-scrolled.png", 300, 2, True),
)
OFFSCREEN_ONLY = "This plugin does not support propagateSizeHints"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--all", action="store_true", help="every area at 300%% as well")
    arguments = parser.parse_args(argv)
    shots = SHOTS + MORE_SHOTS if arguments.all else SHOTS
    qInstallMessageHandler(_quiet_offscreen)
    arguments.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Roundtable")
    app.setOrganizationName("Roundtable")
    install_focus_ring(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory(prefix="roundtable-screens-") as temporary:
        folder = Path(temporary)
        db = open_database(folder)
        example_data.load_example_data(db)
        runner = TaskRunner()
        settings = Settings.in_folder(folder)
        text_size = TextSize(settings)
        window = MainWindow(DataSource(db), runner, settings, text_size)
        try:
            window.resize(WINDOW_SIZE)
            window.show()
            window.load_groups()
            settle(runner)
            for name, percent, area, scrolled in shots:
                if text_size.percent != percent:
                    text_size.choose(percent)
                window.areas.setCurrentRow(area)
                settle(runner)
                focus(window.current_panel().table)
                page = window.scroller.verticalScrollBar()
                page.setValue(page.maximum() if scrolled else 0)
                settle(runner)
                path = arguments.out / name
                if not window.grab().save(str(path)):
                    print(f"Could not save {path}", file=sys.stderr)
                    return 1
                print(path)
        finally:
            window.close()
            runner.shutdown(wait=True)
            db.close()
    return 0


def _quiet_offscreen(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if OFFSCREEN_ONLY not in message:  # the offscreen platform's own complaint; nothing else
        print(message, file=sys.stderr)


def settle(runner: TaskRunner) -> None:
    runner.wait_idle(60_000)
    for _ in range(5):
        QCoreApplication.processEvents()


def focus(widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus()
    if widget.model() and widget.model().rowCount():  # type: ignore[attr-defined]
        widget.selectRow(0)  # type: ignore[attr-defined]
    for _ in range(5):
        QCoreApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())
