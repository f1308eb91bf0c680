"""Notes save themselves while typing (never only at a pause), keep what was typed before
the session was read, and stay on screen when a save is refused; time warnings are gentle,
said once, and never move the session on."""

from __future__ import annotations

import time
from concurrent.futures import Future
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app import clock
from app.models.enums import AttendanceStatus
from app.services import live_actions
from app.services.live import open_live, read_live
from app.ui.data import DataSource
from app.ui.live.autosave import INTERVAL_MS
from app.ui.live.start import add_read_aloud
from app.ui.live.voice import LiveVoice
from app.ui.live.window import LiveWindow
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner
from tests.live_sample import make_live_session


class Speaker:
    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass


def live_window(qtbot, db, meeting_id: int, speaker=None):  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    window = LiveWindow(DataSource(db), runner, meeting_id, voice=LiveVoice(speaker or Speaker()))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window, runner


def test_words_typed_before_the_session_is_read_are_kept(qtbot, db) -> None:
    sample = make_live_session(db)
    live_actions.save_notes(db, sample.meeting_id, sample.items[0], "Saved before.")
    window, runner = live_window(qtbot, db, sample.meeting_id)
    window.load()
    QTest.keyClicks(window.notes, "Typed at once")  # before the session's state arrives
    qtbot.waitUntil(lambda: window.state is not None)
    assert window.notes.toPlainText() == "Saved before.\nTyped at once"
    qtbot.waitUntil(lambda: not window.autosave.pending(), timeout=5000)
    assert read_live(db, sample.meeting_id).item(sample.items[0]).notes == (  # type: ignore[union-attr]
        "Saved before.\nTyped at once"
    )
    window.close()
    runner.shutdown()


def test_continuous_typing_is_saved_as_it_goes_not_only_at_a_pause(qtbot, db) -> None:
    sample = make_live_session(db)
    window, runner = live_window(qtbot, db, sample.meeting_id)
    window.load()
    qtbot.waitUntil(lambda: window.state is not None)
    saves = []
    window.autosave.saved.connect(lambda: saves.append(time.monotonic()))
    typed_at = []
    started = time.monotonic()
    while time.monotonic() - started < 2.0:  # a key every 60 ms: never a pause
        QTest.keyClick(window.notes, Qt.Key.Key_A)
        typed_at.append(time.monotonic())
        qtbot.wait(60)
    # While the typing had not paused once, the notes were saved again and again.
    assert len(saves) >= 2.0 * 1000 / INTERVAL_MS - 2
    assert max(b - a for a, b in zip([started, *saves], saves, strict=False)) < 1.0
    kept = read_live(db, sample.meeting_id).item(sample.items[0]).notes  # type: ignore[union-attr]
    older = sum(1 for moment in typed_at if moment < time.monotonic() - 1.0)
    assert len(kept) >= older
    window.close()
    runner.shutdown()


def test_a_refused_save_keeps_the_words_on_screen_and_says_so(qtbot, db) -> None:
    sample = make_live_session(db)
    window, runner = live_window(qtbot, db, sample.meeting_id)
    window.load()
    qtbot.waitUntil(lambda: window.state is not None)
    window.notes.insertPlainText("A hidden \x00 character")
    qtbot.waitUntil(
        lambda: any("could not be saved" in words for words in window.status_line.announced),
        timeout=5000,
    )
    assert window.notes.toPlainText() == "A hidden \x00 character"
    assert "still on screen" in window.status_line.announced[-1]
    window.close()
    runner.shutdown()


def test_the_time_warning_is_gentle_said_once_and_never_moves_on(qtbot, db) -> None:
    sample = make_live_session(db)
    open_live(db, sample.meeting_id, now=clock.now() - timedelta(minutes=9, seconds=10))
    speaker = Speaker()
    window, runner = live_window(qtbot, db, sample.meeting_id, speaker)
    window.load()
    qtbot.waitUntil(lambda: window.state is not None)
    parts = window.screen_parts
    assert parts.time_left.text() == "1 minute left of 10"
    assert parts.warning.text() == "Nearly time."
    for _ in range(3):
        window.show_time()
    assert speaker.said.count("1 minute left on this item.") == 1
    assert window.status_line.announced.count("1 minute left on this item.") == 1
    assert window.state.current_item_id == sample.items[0]  # type: ignore[union-attr]
    window.close()
    runner.shutdown()


def test_fair_turns_count_what_was_sent_in_and_list_who_is_not_yet_heard(qtbot, db) -> None:
    sample = make_live_session(db)
    meeting, first = sample.meeting_id, sample.items[0]
    for name in ("Margaret", "Grace", "Dev"):
        live_actions.check_in(db, meeting, sample.people[name], AttendanceStatus.PRESENT)
    live_actions.check_in(db, meeting, sample.people["Tomasz"], AttendanceStatus.APOLOGIES)
    live_actions.mark_contribution(db, meeting, sample.people["Margaret"], first)
    live_actions.mark_contribution(db, meeting, sample.people["Margaret"], first)
    live_actions.mark_contribution(
        db, meeting, sample.people["Tomasz"], first, sent_beforehand=True
    )
    window, runner = live_window(qtbot, db, meeting)
    window.load()
    qtbot.waitUntil(lambda: window.state is not None)
    turns = window.screen_parts.turns
    shown = [turns.item(row).text() for row in range(turns.count())]
    assert shown == [
        "1. Dev Sharma: not yet heard on this item",
        "2. Grace Okafor: not yet heard on this item",
        "3. Margaret O'Neill: spoke 2 times on this item",
        "4. Tomasz Nowak: sent in 1 contribution beforehand",
    ]
    assert window.unheard == ["Dev Sharma", "Grace Okafor"]
    window.close()
    runner.shutdown()


class FakeService:
    """Stands in for the speech engine behind the app's read aloud."""

    def __init__(self, listener) -> None:  # type: ignore[no-untyped-def]
        self.said: list[str] = []

    def say(self, text: str, rate: int, voice: str | None) -> Future[None]:
        self.said.append(text)
        done: Future[None] = Future()
        done.set_result(None)
        return done

    def is_speaking(self) -> bool:
        return False

    def close(self) -> None:
        pass


def test_started_alone_it_reads_the_aims_through_the_apps_read_aloud(qtbot, db, data_dir):
    sample = make_live_session(db)
    runner = TaskRunner()
    window = LiveWindow(DataSource(db), runner, sample.meeting_id)  # its voice: the default
    qtbot.addWidget(window)
    window.show()
    services: list[FakeService] = []

    def factory(listener):  # type: ignore[no-untyped-def]
        services.append(FakeService(listener))
        return services[-1]

    read_aloud = add_read_aloud(window, Settings.in_folder(data_dir))
    read_aloud._factory = factory
    assert "Read aloud" in [a.text().replace("&", "") for a in window.menuBar().actions()]
    window.load()
    qtbot.waitUntil(lambda: window.state is not None)
    window.read_aims()
    assert services and "Repairs within two weeks" in services[0].said[-1]
    window.close()
    runner.shutdown()


def test_when_the_time_is_up_it_says_so_once_and_offers_the_planned_break(qtbot, db) -> None:
    sample = make_live_session(db)
    open_live(db, sample.meeting_id, now=clock.now() - timedelta(minutes=12))
    speaker = Speaker()
    window, runner = live_window(qtbot, db, sample.meeting_id, speaker)
    window.load()
    qtbot.waitUntil(lambda: window.state is not None)
    for _ in range(3):
        window.show_time()
    up = "This item's time is up. Move on when the group is ready."
    assert window.screen_parts.time_left.text() == "2 minutes over the 10 planned"
    assert speaker.said.count(up) == 1
    assert "A 15-minute break is planned now. Press Ctrl+B to start it." in speaker.said
    assert window.state.current_item_id == sample.items[0]  # type: ignore[union-attr]
    window.close()
    runner.shutdown()


def test_words_typed_while_a_save_runs_are_kept_when_the_item_changes(qtbot, db) -> None:
    sample = make_live_session(db)
    first, second = sample.items
    window, runner = live_window(qtbot, db, sample.meeting_id)
    window.load()
    qtbot.waitUntil(lambda: window.state is not None)
    QTest.keyClicks(window.notes, "First part")
    window.autosave.save_now()  # handed to the worker, not yet done
    QTest.keyClicks(window.notes, " and more")
    window.autosave.follow(second, "")  # moving on at that moment
    assert runner.wait_idle(10_000)
    state = read_live(db, sample.meeting_id)
    assert state.item(first).notes == "First part and more"  # type: ignore[union-attr]
    assert state.item(second).notes == ""  # type: ignore[union-attr]
    window.close()
    runner.shutdown()
