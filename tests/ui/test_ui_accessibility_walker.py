"""Every screen, at 100%, 200% and 300% text and in each look, passes the accessibility
walker (tests/ui/walker.py): names, Tab order, text that fits, nothing drawn over anything
else, contrast; on the tests' own screen and again on a laptop's.

New screens are covered without being listed: the main window's areas come from
``app.ui.areas.AREAS`` and the dialogs are every QDialog subclass defined under app/ui,
each made by its ``example(window)`` classmethod.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)
from ui_helpers import wait_loaded
from walker import MENU_OFFSCREEN_WARNINGS, Walker

from app.services import example_data
from app.ui.dialog_catalogue import every_dialog_class
from app.ui.display import apply_text_size
from app.ui.focus_ring import install_focus_ring
from app.ui.looks import apply_look
from app.ui.settings import HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT, LOOK_KEYS, NORMAL_LOOK
from app.ui.titled_dialog import Dialog, title_room
from app.ui.widgets import Rows, scrolling
from app.ui.wrapping import ChoiceBox, WrappingComboBox

SIZES = (100, 200, 300)
HERE = Path(__file__).resolve().parent
# The tests' own screen is 800 px square. On a laptop's, 1280 × 800, windows open wider than
# their contents ask for, which the walk on the tests' screen never sees: there, at 300%, a
# tester found "For a member:" drawn over the pack dialog's list of sessions.
LAPTOP_SCREEN = {"name": "Laptop", "x": 0, "y": 0, "width": 1280, "height": 800}
WALKS = (
    "test_ui_accessibility_walker.py::test_every_screen_passes_the_walker",
    "test_ui_live_walker.py::test_the_live_window_and_its_dialogs_pass_the_walker",
)


@pytest.fixture
def normal_look_after() -> Iterator[None]:
    yield
    apply_look(NORMAL_LOOK)


def settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    wait_loaded(qtbot, window)
    for _ in range(3):
        QCoreApplication.processEvents()
    qtbot.wait(10)  # tables refit on the next turn of the event loop


@pytest.mark.qt_log_ignore(*MENU_OFFSCREEN_WARNINGS)
def test_every_screen_passes_the_walker(qtbot, open_window, db, normal_look_after):
    example_data.load_example_data(db)
    parts = open_window()
    window = parts.window
    display = window.display
    display.apply_saved()
    walker = Walker(qtbot)
    kinds = every_dialog_class()
    assert any(kind.__name__ == "DisplayDialog" for kind in kinds)  # the search finds dialogs

    def each_screen(action: Callable[[QWidget, str], None], setting: str) -> None:
        for area, panel in enumerate(window.panels):
            window.areas.setCurrentRow(area)
            settle(qtbot, window)
            action(window, f"main window, {panel.title()}, {setting}")
        window.areas.setCurrentRow(0)
        for kind in kinds:
            where = f"{kind.__module__}.{kind.__qualname__}, {setting}"
            make = getattr(kind, "example", None)
            if make is None:
                walker.problem(
                    where,
                    "has no example(window) classmethod, so it cannot be "
                    "checked: add one that builds it on the window's data",
                )
                continue
            dialog = make(window)
            dialog.show()
            qtbot.waitExposed(dialog)
            settle(qtbot, window)
            action(dialog, where)
            dialog.hide()  # not close(): that runs the dialog's reject(), which may ask
            dialog.deleteLater()
        QCoreApplication.processEvents()

    for percent in SIZES:
        parts.text_size.choose(percent)
        each_screen(walker.check_screen, f"{percent}%")
        assert walker.check_menus(window, f"main window, {percent}%") >= 5  # every menu
    parts.text_size.choose(100)
    for look in LOOK_KEYS:
        display.choose_look(look)
        each_screen(lambda top, where, look=look: walker.check_contrast(top, look, where), look)
    display.choose_look(NORMAL_LOOK)
    assert not walker.problems, f"{len(walker.problems)} problems:\n" + "\n".join(walker.problems)


def test_every_screen_passes_the_walker_on_a_laptop_screen(tmp_path: Path) -> None:
    """The walks above again, on a screen 1280 × 800 (in a program of its own: Qt learns of
    its screens as it starts)."""
    screen = {**LAPTOP_SCREEN, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = tmp_path / "laptop screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    walked = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        + [str(HERE / walk) for walk in WALKS],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=HERE.parents[1],
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"},
        check=False,
    )
    assert walked.returncode == 0, f"On a 1280 × 800 screen:\n{walked.stdout[-20_000:]}"
    assert f"{len(WALKS)} passed" in walked.stdout


# -- the walker catches what it should ----------------------------------------------------


class SkipsOne(QPushButton):
    """A control whose Tab jumps over the next one, as a wrongly set tab order would."""

    def __init__(self, text: str, jump_to: Callable[[], QWidget]) -> None:
        super().__init__(text)
        self._jump_to = jump_to

    def focusNextPrevChild(self, forward: bool) -> bool:
        if forward:
            self._jump_to().setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().focusNextPrevChild(forward)


def bad_window(qtbot) -> tuple[QWidget, dict[str, QWidget]]:  # type: ignore[no-untyped-def]
    top = QWidget()
    top.setWindowTitle("A bad screen")
    nameless = QPushButton()
    nameless.setToolTip("A tooltip is not a name")
    clipped = QLabel("This sentence is far too long for the tiny box it has been squeezed into")
    clipped.setFixedSize(60, 12)
    first = QPushButton("First")
    skipped = QPushButton("Skipped")
    last = QPushButton("Last")
    jumper = SkipsOne("Jumper", lambda: last)
    trap = QPlainTextEdit()  # takes Tab as a character: focus never leaves it
    trap.setAccessibleName("Notes")
    column = QVBoxLayout(top)
    for widget in (first, nameless, clipped, jumper, skipped, last, trap):
        column.addWidget(widget)
    qtbot.addWidget(top)
    top.resize(300, 400)
    top.show()
    qtbot.waitExposed(top)
    return top, {"nameless": nameless, "clipped": clipped, "skipped": skipped, "trap": trap}


def test_the_walker_finds_a_nameless_control_a_cut_label_a_missed_control_and_a_trap(qtbot):
    top, parts = bad_window(qtbot)
    walker = Walker(qtbot)
    walker.check_screen(top, "bad screen")
    found = "\n".join(walker.problems)
    assert "no accessible name: QPushButton" in found
    assert "text does not fit: QLabel" in found and "far too long" in found
    assert "Tab never reaches QPushButton text='Skipped'" in found
    assert "keyboard trap" in found and "QPlainTextEdit" in found
    parts["trap"].setTabChangesFocus(True)
    parts["nameless"].setAccessibleName("Save")
    parts["clipped"].setMinimumSize(0, 0)
    parts["clipped"].setMaximumSize(16_777_215, 16_777_215)
    parts["clipped"].setWordWrap(True)
    top.layout().activate()
    fixed = Walker(qtbot)
    fixed.check_screen(top, "mended screen")
    remaining = "\n".join(fixed.problems)
    assert "no accessible name" not in remaining and "keyboard trap" not in remaining
    assert "does not fit" not in remaining
    assert "Skipped" in remaining  # the jump over it was not mended
    assert shiboken6.isValid(top)


@pytest.mark.qt_log_ignore(*MENU_OFFSCREEN_WARNINGS)
def test_the_walker_finds_widgets_drawn_over_each_other_and_a_squeezed_page(qtbot, qapp):
    """A layout given less room than a widget's least height leaves the widget that height
    and draws the next one on top of it, as the pack dialog drew "For a member:" over its
    list of sessions. What is meant to lie over other things is left alone: the focus ring,
    the page of a stack not shown, a scroll area's bars beside its view, an open drop-down
    list."""
    install_focus_ring(qapp)
    top = QWidget()
    top.setWindowTitle("Choosing a session")
    squeezed = QWidget()
    sessions = QListWidget()
    sessions.addItems(["21 December 2026: Learning event", "23 November 2026: Planning"])
    sessions.setMinimumHeight(120)
    member = QLabel("For a member:")
    column = QVBoxLayout(squeezed)
    column.addWidget(sessions)
    column.addWidget(member)
    squeezed.setFixedHeight(100)  # less than the list's least height
    stack = QStackedWidget()
    stack.addWidget(QLabel("The page shown"))
    stack.addWidget(QLabel("A page not shown, where the shown one is"))
    long_page = QWidget()
    long_page.setMinimumSize(600, 600)
    QVBoxLayout(long_page).addWidget(QLabel("A page bigger than its view, in both ways"))
    both_bars = scrolling(long_page)
    both_bars.setFixedSize(200, 100)
    chooser = ChoiceBox()
    chooser.addItems(["No one in particular", "Dai (Large print, 18 pt)"])
    short_page = QWidget()
    lines = QVBoxLayout(short_page)
    for words in ("Style:", "Text size:", "Font:"):
        lines.addWidget(QLabel(words))
    fixed = QScrollArea()  # its page keeps the size it is given
    fixed.setWidget(short_page)
    short_page.resize(200, 20)
    column = QVBoxLayout(top)
    for widget in (squeezed, stack, both_bars, chooser, fixed):
        column.addWidget(widget)
    qtbot.addWidget(top)
    top.show()
    qtbot.waitExposed(top)
    sessions.setFocus()  # the ring is drawn over it
    qtbot.waitUntil(sessions.hasFocus)
    walker = Walker(qtbot)
    walker.check_overlap(top, "squeezed")
    assert len(walker.problems) == 2, walker.problems
    assert walker.problems[0].startswith(
        "[squeezed] drawn over each other: QListWidget and QLabel text='For a member:' share "
    )
    assert walker.problems[1] == (
        "[squeezed] a page that scrolls is squeezed: QWidget in QScrollArea is 20 px high and "
        f"its layout needs {short_page.layout().totalMinimumSize().height()} at its width"
    )
    squeezed.setMinimumHeight(0)
    squeezed.setMaximumHeight(16_777_215)
    fixed.setWidgetResizable(True)
    top.adjustSize()
    qtbot.waitUntil(lambda: member.geometry().top() > sessions.geometry().bottom())
    mended = Walker(qtbot)
    chooser.showPopup()
    qtbot.waitUntil(chooser.view().isVisible)
    mended.check_overlap(top, "mended, the list open")
    chooser.hidePopup()
    chooser.setFocus()  # the ring drawn over it
    qtbot.waitUntil(chooser.hasFocus)
    mended.check_overlap(top, "mended")
    assert mended.problems == []


def test_the_walker_finds_a_layout_that_changes_with_what_it_was_asked_before(qtbot):
    """Qt's own form layout (in the PySide6 we use) keeps its rows' heights from the last
    width it was asked about, and lays itself out with them at another: laid out wider than
    it asks for, after being asked its preferred size, a wrapped sentence keeps the height
    of two lines and the rows come to more than the room, so the label after a list with a
    least height is drawn over it. Whether it shows depended on the order things arrived in;
    the walker asks every layout as Qt may before it looks, so it shows every time. Our
    forms are Rows, which lays out the same whatever it was asked."""
    for kind in (QFormLayout, Rows):
        top = QWidget()
        top.setWindowTitle("Choosing a session")
        sessions = QListWidget()
        sessions.setFixedHeight(120)  # as tall as it asks to be, and no less
        member = QLabel("For a member:")
        private = QLabel("Private details, for staff only. Left out unless ticked:")
        private.setWordWrap(True)
        form = kind(top)
        if isinstance(form, QFormLayout):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            form.addRow(QLabel("Session:"), sessions)
            form.addRow(member, QLineEdit())
            form.addRow(private)
        else:
            form.add_row(QLabel("Session:"), sessions)
            form.add_row(member, QLineEdit())
            form.add_row(private)
        qtbot.addWidget(top)
        wide = 3 * top.sizeHint().width()  # one line is room enough for the sentence
        top.resize(wide, top.heightForWidth(wide))
        top.show()
        qtbot.waitExposed(top)
        walker = Walker(qtbot)
        walker.check_overlap(top, kind.__name__)
        found = [problem for problem in walker.problems if "drawn over" in problem]
        if kind is QFormLayout:
            assert found and "QListWidget and QLabel text='For a member:'" in found[0]
        else:
            assert found == []


def test_the_walker_finds_a_drop_down_list_whose_open_list_has_no_name(qtbot):
    top = QWidget()
    top.setWindowTitle("Choosing a group")
    chooser = QComboBox()
    chooser.addItems(["Kit That Works group", "Digital Inclusion Panel"])
    chooser.setAccessibleName("Group")  # the drop-down is named; its open list is not
    wrapping = WrappingComboBox()
    wrapping.addItems(["Before the session", "After the session"])
    wrapping.setAccessibleName("Kind of pack")
    column = QVBoxLayout(top)
    column.addWidget(chooser)
    column.addWidget(wrapping)
    qtbot.addWidget(top)
    top.show()
    qtbot.waitExposed(top)
    walker = Walker(qtbot)
    walker.check_screen(top, "group chooser")
    assert walker.problems == [
        "[group chooser] its open list has no accessible name: QComboBox "
        "text='Kit That Works group' (name it with view().setAccessibleName, or use "
        "WrappingComboBox)"
    ]
    assert wrapping.view().accessibleName() == "Kind of pack"  # named after itself
    chooser.view().setAccessibleName("Groups")
    mended = Walker(qtbot)
    mended.check_screen(top, "group chooser")
    assert mended.problems == []


def test_the_walker_finds_text_and_edges_below_the_contrast_targets(qtbot, normal_look_after):
    apply_look(NORMAL_LOOK)
    top = QWidget()
    qtbot.addWidget(top)
    label = QLabel("Grey on grey", top)
    palette = QPalette(top.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#888888"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#777777"))
    label.setPalette(palette)
    top.show()
    qtbot.waitExposed(top)
    walker = Walker(qtbot)
    walker.check_contrast(top, NORMAL_LOOK, "grey screen")
    found = "\n".join(walker.problems)
    assert "text contrast WindowText #888888 on Window #777777" in found
    assert "focus ring" in found  # the blue ring is lost on that grey too
    assert "edge contrast Mid" in found

    good = Walker(qtbot)
    label.setPalette(top.palette())
    good.check_contrast(top, NORMAL_LOOK, "normal screen")
    assert good.problems == []


@pytest.mark.qt_log_ignore(*MENU_OFFSCREEN_WARNINGS)
def test_the_walker_finds_a_menu_item_cut_short_at_large_text(qtbot):
    """Fusion on its own draws a menu's words in less room than it measures them in at
    large text sizes, and shortens them: "Packs fo…veryone…". Our style measures as it
    draws."""
    top = QMainWindow()
    qtbot.addWidget(top)
    menu = top.menuBar().addMenu("&Packs")
    menu.addAction("&Pack for a session…").setShortcut("Ctrl+P")
    menu.addAction("Packs for &everyone…")
    top.show()
    qtbot.waitExposed(top)
    apply_text_size(300)
    walker = Walker(qtbot)
    assert walker.check_menus(top, "our style") == 1
    assert walker.problems == []
    plain = QStyleFactory.create("Fusion")
    plain.setParent(top)  # lives as long as the window that uses it
    menu.setStyle(plain)
    walker.check_menus(top, "plain Fusion")
    assert walker.problems == [
        "[plain Fusion] menu item cut short: 'Packs for everyone…' in the '&Packs' menu"
    ]


def test_the_walker_finds_a_dialog_too_narrow_for_its_title(qtbot):
    """A window bar cuts a title longer than its window: "Record a decis… — Roundtable"."""
    plain = QDialog()
    plain.setWindowTitle("Record a decision — Roundtable")
    QVBoxLayout(plain).addWidget(QLabel("Short"))
    ours = Dialog()
    ours.setWindowTitle(plain.windowTitle())
    QVBoxLayout(ours).addWidget(QLabel("Short"))
    for dialog in (plain, ours):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    walker = Walker(qtbot)
    walker.check_screen(plain, "plain dialog")
    assert [problem for problem in walker.problems if "title" in problem] == [
        "[plain dialog] its title is cut in the window bar: 'Record a decision — Roundtable' "
        f"needs the window {title_room(plain)} px wide, not {plain.width()} (derive it from "
        "titled_dialog.Dialog)"
    ]
    mended = Walker(qtbot)
    mended.check_screen(ours, "our dialog")
    assert not [problem for problem in mended.problems if "title" in problem]
    # And one whose title grows while it is open widens with it.
    ours.setWindowTitle("Margaret O'Neill's supporter, with a longer name — Roundtable")
    assert ours.width() >= title_room(ours) > plain.width()


def test_the_walker_finds_a_menu_that_runs_into_the_window_behind(qtbot, normal_look_after):
    """Fusion edges a menu in a shade of the window colour: on black, black."""
    top = QMainWindow()
    qtbot.addWidget(top)
    menu = top.menuBar().addMenu("&Packs")
    menu.addAction("&Pack for a session…")
    chooser = ChoiceBox()
    chooser.addItems(["Kit That Works group", "Digital Inclusion Panel"])
    top.setCentralWidget(chooser)
    top.show()
    qtbot.waitExposed(top)
    for look in (HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK):
        apply_look(look)
        walker = Walker(qtbot)
        walker.check_popup_edges(top, look)
        assert walker.problems == []
    plain = QStyleFactory.create("Fusion")
    plain.setParent(top)  # lives as long as the window that uses it
    menu.setStyle(plain)
    walker = Walker(qtbot)
    walker.check_popup_edges(top, "plain Fusion")
    assert walker.problems == [
        "[plain Fusion] the '&Packs' menu has no edge to be seen: #000000 on the window's "
        "#000000 is 1.00:1, needs 3.0:1"
    ]
