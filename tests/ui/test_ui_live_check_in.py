"""Check-in in live mode, by key: each key checks in the current person and moves on to the
next not yet checked in, saying who is next; a supporter goes with being present."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.models.enums import AttendanceStatus
from app.services import live_actions
from app.services.live import read_live
from app.ui.data import DataSource
from app.ui.live.start import open_live_window
from app.ui.live.voice import LiveVoice
from app.ui.live.window import LiveWindow
from app.ui.tasks import TaskRunner
from tests.live_sample import LiveSample, make_live_session

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


def _no_speech():  # type: ignore[no-untyped-def]
    raise RuntimeError("no speech in these tests")


@pytest.fixture
def sample(db) -> LiveSample:  # type: ignore[no-untyped-def]
    return make_live_session(db)


@pytest.fixture
def live(qtbot, db, sample) -> Iterator[tuple[LiveWindow, TaskRunner]]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    window = open_live_window(
        DataSource(db),
        runner,
        sample.meeting_id,
        full_screen=False,
        voice=LiveVoice(None, _no_speech),
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.notes, Key.Key_C, ALT)
    qtbot.waitUntil(window.screen_parts.check_in.hasFocus)
    yield window, runner
    window.close()
    runner.shutdown(wait=True)


def statuses(db, sample: LiveSample) -> dict[str, tuple[AttendanceStatus | None, bool]]:  # type: ignore[no-untyped-def]
    return {
        person.name.split()[0]: (person.status, person.with_supporter)
        for person in read_live(db, sample.meeting_id).people
    }


def test_four_keys_in_a_row_check_in_four_people(qtbot, db, sample, live) -> None:  # type: ignore[no-untyped-def]
    """Keys pressed faster than the data file answers still land on one person each."""
    window, runner = live
    check_in = window.screen_parts.check_in
    for key in (Key.Key_P, Key.Key_A, Key.Key_X, Key.Key_S):
        qtbot.keyClick(check_in, key)
    assert runner.wait_idle(10_000)
    assert statuses(db, sample) == {
        "Dev": (AttendanceStatus.PRESENT, False),
        "Grace": (AttendanceStatus.APOLOGIES, False),
        "Margaret": (AttendanceStatus.ABSENT, False),
        "Tomasz": (AttendanceStatus.PRESENT, True),
    }
    assert window.status_line.announced[-4:] == [
        "Dev Sharma: present. Next: Grace Okafor.",
        "Grace Okafor: sent apologies. Next: Margaret O'Neill.",
        "Margaret O'Neill: absent. Next: Tomasz Nowak.",
        "Tomasz Nowak: present, with a supporter. Everyone is checked in.",
    ]
    # Everyone is checked in: the row stays on the last person keyed.
    qtbot.waitUntil(
        lambda: check_in.currentItem().text() == "Tomasz Nowak: present, with a supporter"
    )
    assert window.status_line.text() == window.status_line.announced[-1]


def test_the_next_person_is_found_below_then_from_the_top(qtbot, db, sample, live) -> None:  # type: ignore[no-untyped-def]
    window, runner = live
    check_in = window.screen_parts.check_in
    live_actions.check_in(db, sample.meeting_id, sample.people["Grace"], AttendanceStatus.PRESENT)
    window.refresh()
    assert runner.wait_idle(10_000)
    qtbot.waitUntil(lambda: check_in.item(1).text() == "Grace Okafor: present")
    qtbot.keyClick(check_in, Key.Key_End)  # Tomasz, last in the list
    qtbot.keyClick(check_in, Key.Key_P)
    # Down from Tomasz there is no one: from the top, Dev (Grace is already checked in).
    assert window.status_line.announced[-1] == "Tomasz Nowak: present. Next: Dev Sharma."
    assert check_in.currentItem().text() == "Dev Sharma: not checked in yet"
    qtbot.keyClick(check_in, Key.Key_X)
    assert window.status_line.announced[-1] == "Dev Sharma: absent. Next: Margaret O'Neill."
    assert runner.wait_idle(10_000)
    qtbot.waitUntil(lambda: check_in.currentItem().text().startswith("Margaret O'Neill"))


def test_s_means_present_with_a_supporter_and_on_someone_present_stays_with_them(
    qtbot, db, sample, live
) -> None:  # type: ignore[no-untyped-def]
    window, runner = live
    check_in = window.screen_parts.check_in
    qtbot.keyClick(check_in, Key.Key_X)  # Dev: absent; on to Grace
    qtbot.keyClick(check_in, Key.Key_Up)  # back to Dev: he came after all, with a supporter
    qtbot.keyClick(check_in, Key.Key_S)
    assert window.status_line.announced[-1] == (
        "Dev Sharma: present, with a supporter. Next: Grace Okafor."
    )
    assert runner.wait_idle(10_000)
    assert statuses(db, sample)["Dev"] == (AttendanceStatus.PRESENT, True)

    # S on someone already present changes only their supporter, and stays on them.
    qtbot.keyClick(check_in, Key.Key_Up)
    qtbot.keyClick(check_in, Key.Key_S)
    assert runner.wait_idle(10_000)
    qtbot.waitUntil(
        lambda: window.status_line.announced[-1] == "Dev Sharma came without a supporter."
    )
    qtbot.waitUntil(lambda: check_in.currentItem().text() == "Dev Sharma: present")
    assert statuses(db, sample)["Dev"] == (AttendanceStatus.PRESENT, False)

    # Someone who sent apologies has no supporter with them.
    qtbot.keyClick(check_in, Key.Key_S)  # a supporter again…
    assert runner.wait_idle(10_000)
    qtbot.waitUntil(lambda: window.status_line.text() == "Dev Sharma came with a supporter.")
    qtbot.keyClick(check_in, Key.Key_A)  # …then apologies after all
    assert runner.wait_idle(10_000)
    assert statuses(db, sample)["Dev"] == (AttendanceStatus.APOLOGIES, False)
    assert window.status_line.announced[-1] == "Dev Sharma: sent apologies. Next: Grace Okafor."
