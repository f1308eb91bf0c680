"""Draw the real windows on the example data and save PNGs of them for docs/screenshots.

    python tools/screenshots.py [--out docs/screenshots] [--only NAME]

Every area of the main window at 100% and 300% text and in each high-contrast look, the
Decisions area with a decision chosen and read in full (Enter on the log) at 100% and
300%, every dialog under app/ui once (made by its ``example(window)`` classmethod), and
packs for everyone once made, at 300%. It works in
a temporary data folder (nobody's own data is touched) and draws off screen, so it runs
on a build machine with no display. Look at the pictures: at 300% nothing may be cut off
or overlap, and the high-contrast ones must show every edge and the focus ring.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QMessageLogContext,
    QPoint,
    QSize,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.services import example_data  # noqa: E402
from app.storage import open_database  # noqa: E402
from app.ui.data import DataSource  # noqa: E402
from app.ui.dialog_catalogue import every_dialog_class  # noqa: E402
from app.ui.display import Display, TextSize  # noqa: E402
from app.ui.focus_ring import install_focus_ring  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.packs_everyone import PacksForEveryoneDialog  # noqa: E402
from app.ui.settings import (  # noqa: E402
    HIGH_CONTRAST_DARK,
    HIGH_CONTRAST_LIGHT,
    NORMAL_LOOK,
    Settings,
)
from app.ui.tasks import TaskRunner  # noqa: E402

WINDOW_SIZE = QSize(1100, 720)
# In the order of app.ui.areas.
AREA_NAMES = ("members", "sessions", "aims", "decisions", "payments")
# (suffix, text size, look); the members area keeps the README's names main-window-*.png
SETTINGS = (
    ("100", 100, NORMAL_LOOK),
    ("300", 300, NORMAL_LOOK),
    ("high-contrast-light", 100, HIGH_CONTRAST_LIGHT),
    ("high-contrast-dark", 100, HIGH_CONTRAST_DARK),
)
OFFSCREEN_ONLY = "This plugin does not support propagateSizeHints"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", help="only pictures whose name contains this")
    arguments = parser.parse_args(argv)
    qInstallMessageHandler(_quiet_offscreen)
    arguments.out.mkdir(parents=True, exist_ok=True)

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName("Roundtable")
    qt_app.setOrganizationName("Roundtable")
    install_focus_ring(qt_app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory(prefix="roundtable-screens-") as temporary:
        folder = Path(temporary)
        db = open_database(folder)
        example_data.load_example_data(db)
        runner = TaskRunner()
        settings = Settings.in_folder(folder)
        text_size = TextSize(settings)
        display = Display(settings, text_size)
        display.apply_saved()
        window = MainWindow(DataSource(db), runner, settings, text_size, display=display)
        saved = 0
        try:
            window.resize(WINDOW_SIZE)
            window.show()
            window.load_groups()
            settle(runner)
            for name, widget in pictures(window, display, runner):
                if arguments.only and arguments.only not in name:
                    continue
                path = arguments.out / f"{name}.png"
                if not save_small(widget, path):
                    print(f"Could not save {path}", file=sys.stderr)
                    return 1
                saved += 1
                print(path)
        finally:
            window.close()
            runner.shutdown(wait=True)
            db.close()
    return 0 if saved else 1


def pictures(
    window: MainWindow, display: Display, runner: TaskRunner
) -> Iterator[tuple[str, QWidget]]:
    """(name, widget drawn as it should be pictured), one after another."""
    for suffix, percent, look in SETTINGS:
        display.text_size.choose(percent)
        display.choose_look(look)
        for area, area_name in enumerate(AREA_NAMES[: len(window.panels)]):
            window.areas.setCurrentRow(area)
            settle(runner)
            panel = window.current_panel()
            focus(panel.table)
            # The README's main-window pictures show the top; the others start at the area's
            # heading, which at 300% is further down the page.
            scroll = area > 0 and percent > 100
            top = panel.mapTo(window.scroller.widget(), QPoint(0, 0)).y() if scroll else 0
            window.scroller.verticalScrollBar().setValue(top)
            settle(runner)
            base = "main-window" if area == 0 else area_name
            yield f"{base}-{suffix}", window
            if area_name == "decisions" and look == NORMAL_LOOK:
                said = window.status_line.text()
                panel.read_chosen()  # as Enter on the chosen decision does
                settle(runner)
                yield f"decisions-chosen-{suffix}", window
                panel.back_to_list()
                window.status_line.show_quietly(said)  # the next pictures as they were
                settle(runner)
    display.text_size.choose(100)
    display.choose_look(NORMAL_LOOK)
    window.areas.setCurrentRow(0)
    settle(runner)
    kinds = every_dialog_class()
    for kind in kinds:
        if any(issubclass(other, kind) and other is not kind for other in kinds):
            continue  # a shared base (an empty form): its subclasses are pictured instead
        make = getattr(kind, "example", None)
        if make is None:
            print(f"{kind.__qualname__} has no example(window); not pictured", file=sys.stderr)
            continue
        dialog = make(window)
        dialog.show()
        settle(runner)
        yield f"dialog-{snake(kind.__name__)}", dialog
        dialog.hide()
        dialog.deleteLater()
    # Packs for everyone once made, at 300%: the result and Open the folder stay in view.
    display.text_size.choose(300)
    dialog = PacksForEveryoneDialog.example(window)
    dialog.show()
    settle(runner)
    # A folder of the same name each time, so that the picture changes only with the dialog.
    scratch = Path(tempfile.gettempdir()) / "roundtable-screenshots"
    try:
        dialog.make_in(scratch / "Roundtable packs")
        for _wait in range(60):  # each pack is a job of its own, one after another
            settle(runner)
            if dialog.open_folder_button.isVisible():
                break
        yield "dialog-packs-for-everyone-done-300", dialog
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    dialog.hide()
    dialog.deleteLater()
    # The Display settings dialog in the dark look at 200% too: what it is for.
    display.text_size.choose(200)
    display.choose_look(HIGH_CONTRAST_DARK)
    dialog = window.open_display_settings()
    settle(runner)
    yield "dialog-display-settings-high-contrast-dark-200", dialog
    dialog.close()
    display.text_size.choose(100)
    display.choose_look(NORMAL_LOOK)


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def save_small(widget: QWidget, path: Path) -> bool:
    """Save with the picture's own 256 most used colours: about a third of the size, and
    flat colours stay exact (no dots from dithering, no shifted greys)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(image.constBits()).cast("I")  # type: ignore[arg-type]
    common = [colour | 0xFF000000 for colour, _count in Counter(pixels).most_common(256)]
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    small = image.convertToFormat(QImage.Format.Format_Indexed8, common, flags)
    return small.save(str(path), "PNG", 9)


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
