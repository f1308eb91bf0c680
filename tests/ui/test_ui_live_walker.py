"""The live window, and each of its dialogs on real data, pass the accessibility walker
(tests/ui/walker.py) at 100%, 200% and 300% text and in each look."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from walker import MENU_OFFSCREEN_WARNINGS, Walker, tab_stops

from app.models.enums import AttendanceStatus
from app.services import live, live_actions, live_close
from app.ui.data import DataSource
from app.ui.display import apply_text_size
from app.ui.live.closing import SummaryDialog
from app.ui.live.start import open_live_window
from app.ui.live.voice import LiveVoice
from app.ui.looks import apply_look
from app.ui.settings import LOOK_KEYS, NORMAL_LOOK
from app.ui.tasks import TaskRunner
from tests.live_sample import make_live_session

SIZES = (100, 200, 300)


@pytest.fixture
def live_window(qtbot, db) -> Iterator:  # type: ignore[no-untyped-def]
    sample = make_live_session(db)
    for name in ("Margaret", "Grace"):
        live_actions.check_in(db, sample.meeting_id, sample.people[name], AttendanceStatus.PRESENT)
    live_actions.mark_contribution(db, sample.meeting_id, sample.people["Grace"], sample.items[0])
    runner = TaskRunner()
    window = open_live_window(
        DataSource(db), runner, sample.meeting_id, full_screen=False, voice=LiveVoice(None, _none)
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
    yield window
    window.close()
    runner.shutdown(wait=True)
    apply_look(NORMAL_LOOK)


def _none():  # type: ignore[no-untyped-def]
    raise RuntimeError("no speech in these tests")


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        QCoreApplication.processEvents()
    qtbot.wait(20)


def screens(window):  # type: ignore[no-untyped-def]
    """The live window and each dialog it opens, one after another."""
    yield window, "live window"
    for opener in (window.record_decision, window.record_action, window.end_session):
        window.dialog = None
        opener()
        if window.dialog is None:  # ending names anyone not yet heard first; then it opens
            opener()
        dialog = window.dialog
        yield dialog, type(dialog).__name__
        dialog.hide()
        dialog.deleteLater()
    window.dialog = None
    summary = SummaryDialog.example(window)
    summary.show()
    yield summary, "SummaryDialog"
    summary.hide()
    summary.deleteLater()


@pytest.mark.qt_log_ignore(*MENU_OFFSCREEN_WARNINGS)
def test_the_live_window_and_its_dialogs_pass_the_walker(qtbot, live_window) -> None:
    walker = Walker(qtbot)
    stops = tab_stops(live_window)
    assert live_window.notes in stops and len(stops) >= 10  # the walk is not vacuous
    for percent in SIZES:
        apply_text_size(percent)
        settle(qtbot)
        for top, name in screens(live_window):
            qtbot.waitExposed(top)
            settle(qtbot)
            walker.check_screen(top, f"{name}, {percent}%")
        assert walker.check_menus(live_window, f"live window, {percent}%") >= 1  # every menu
    apply_text_size(100)
    for look in LOOK_KEYS:
        apply_look(look)
        settle(qtbot)
        for top, name in screens(live_window):
            qtbot.waitExposed(top)
            walker.check_contrast(top, look, f"{name}, {look}")
    assert not walker.problems, f"{len(walker.problems)} problems:\n" + "\n".join(walker.problems)


def test_what_was_saved_passes_the_walker(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    """Once closed, what was saved takes the place of the notes: named, and whole (or
    scrolling) at every size."""
    sample = make_live_session(db)
    live.open_live(db, sample.meeting_id)
    for name in ("Margaret", "Grace"):
        live_actions.check_in(db, sample.meeting_id, sample.people[name], AttendanceStatus.PRESENT)
    live_actions.save_notes(db, sample.meeting_id, sample.items[0], "Tea and names.")
    live_close.finish_session(db, sample.meeting_id, reviews=[])
    runner = TaskRunner()
    window = open_live_window(
        DataSource(db), runner, sample.meeting_id, full_screen=False, voice=LiveVoice(None, _none)
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.record is not None, timeout=10_000)
    try:
        closed = window.screen_parts.closed
        assert window.screen_parts.closed_shown()
        stops = tab_stops(window)
        assert {closed.text, closed.leave, closed.payments} <= set(stops)
        walker = Walker(qtbot)
        for percent in SIZES:
            apply_text_size(percent)
            settle(qtbot)
            walker.check_screen(window, f"what was saved, {percent}%")
        apply_text_size(100)
        for look in LOOK_KEYS:
            apply_look(look)
            settle(qtbot)
            walker.check_contrast(window, look, f"what was saved, {look}")
        assert not walker.problems, f"{len(walker.problems)} problems:\n" + "\n".join(
            walker.problems
        )
    finally:
        window.close()
        runner.shutdown(wait=True)
        apply_look(NORMAL_LOOK)


def test_each_live_dialog_builds_its_example_on_the_main_window(qtbot, open_window) -> None:
    from app.ui.dialog_catalogue import every_dialog_class

    window = open_window().window
    kinds = [kind for kind in every_dialog_class() if kind.__module__.startswith("app.ui.live")]
    assert {kind.__name__ for kind in kinds} == {
        "ClosingDialog",
        "LiveActionDialog",
        "LiveDecisionDialog",
        "SummaryDialog",
        "SupporterDialog",
    }
    for kind in kinds:
        dialog = kind.example(window)  # type: ignore[attr-defined]
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.accessibleName()
        dialog.hide()
        dialog.deleteLater()
