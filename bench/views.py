"""How quick the areas are on the large data set: part of Roundtable's benchmark.

    python bench/views.py FOLDER

FOLDER holds the large data set (``python bench/run.py --keep FOLDER`` builds it). The
data file is copied, never changed; to the copy a group with a log of 20,000 decisions
(and 40,000 actions) is added, the issue's case. Then, in the real main window
(offscreen), it measures:

- from choosing a group until the first rows of its Members, Sessions and Aims areas
  are painted;
- from asking the Decisions area to show a group until its first rows are painted
  (a group of the large set, about 1,000 decisions, and the 20,000-decision group);
- moving to the end of the 20,000-decision log with Ctrl+End, as a keyboard user would;
- the longest pause of the GUI thread while a 10-letter search is typed a key at a time
  (a timer beats every 5 ms; a late beat is a pause), at a brisk and at a slow pace;
- how long the search and a filter take to show their results, and the same queries
  timed straight through the services (a window at the top and one at the very end).

``bench/run.py`` calls ``measure(folder)``; this prints its figures as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from app.models import Action, Decision, Group, Meeting, Membership, Person  # noqa: E402
from app.services import decisions  # noqa: E402
from app.services.decisions import DecisionFilter  # noqa: E402
from app.storage import Database, open_database  # noqa: E402

BIG_LOG = 20_000
BIG_GROUP = "Group with 20,000 decisions"
SEARCH = "wheelchair"  # ten letters, one of the data set's words
TARGET_READY_MS = 200
TARGET_PAUSE_MS = 50
_WORDS = ["ramp", "hoist", "repair", "letter", "visit", "bed", "rail", "survey", "plain"]


def add_big_log(db: Database) -> int:
    """A group whose log holds 20,000 decisions over 1,000 sessions; returns its id."""
    with db.transaction() as session:
        existing = session.scalar(select(Group.id).where(Group.name == BIG_GROUP))
        if existing is not None:
            return existing
        group = Group(name=BIG_GROUP, purpose="The issue's case: a very long decision log.")
        session.add(group)
        session.flush()
        people = session.scalars(select(Person.id).order_by(Person.id).limit(75)).all()
        session.execute(
            insert(Membership),
            [
                {"group_id": group.id, "person_id": p, "role": role}
                for p, role in zip(
                    people, ["lived_experience", "champion", "staff"] * 25, strict=False
                )
            ],
        )
        start = datetime(2006, 1, 5, 10, 30)
        session.execute(
            insert(Meeting),
            [
                {
                    "group_id": group.id,
                    "title": f"Session {n + 1}",
                    "starts_at": start + timedelta(weeks=n),
                }
                for n in range(1_000)
            ],
        )
        meetings = session.scalars(
            select(Meeting.id).where(Meeting.group_id == group.id).order_by(Meeting.id)
        ).all()
        session.execute(
            insert(Decision),
            [
                {
                    "group_id": group.id,
                    "meeting_id": meetings[n // 20],
                    "decided_on": (start + timedelta(weeks=n // 20)).date(),
                    "wording": f"Decision {n}: the {_WORDS[n % 9]} {_WORDS[n * 7 % 9]} will be "
                    f"sorted out in plain words by the {_WORDS[n * 5 % 9]} team.",
                    "raised_by_id": people[n % len(people)],
                    "status": ["agreed", "in_progress", "done", "on_hold"][n % 4],
                }
                for n in range(BIG_LOG)
            ],
        )
        first = session.scalar(select(func.min(Decision.id)).where(Decision.group_id == group.id))
        assert first is not None
        session.execute(
            insert(Action),
            [
                {
                    "group_id": group.id,
                    "decision_id": first + n // 2,
                    "description": f"Ask about the {_WORDS[n % 9]} ({n}).",
                    "owner_id": people[n * 3 % len(people)],
                    "status": ["not_started", "in_progress", "done"][n % 3],
                    "outcome": "Wheelchair service rang back." if n % 10 == 0 else "",
                }
                for n in range(2 * BIG_LOG)
            ],
        )
        return group.id


def _say(stage: str) -> None:
    print(f"views: {stage}…", file=sys.stderr, flush=True)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _timed(call: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return _ms(statistics.median(times))


def service_figures(db: Database, group_id: int) -> dict[str, float]:
    """The queries alone, as the worker thread runs them."""
    every = decisions.list_decisions(db, group_id)
    last_key = every[-201].key
    search = DecisionFilter(text=SEARCH)
    return {
        "list_all_20000_ms": _timed(lambda: decisions.list_decisions(db, group_id), repeat=1),
        "count_ms": _timed(lambda: decisions.count_decisions(db, group_id)),
        "first_window_ms": _timed(lambda: decisions.list_decisions(db, group_id, limit=200)),
        "last_window_by_key_ms": _timed(
            lambda: decisions.list_decisions(db, group_id, after=last_key, limit=200)
        ),
        "last_window_by_offset_ms": _timed(
            lambda: decisions.list_decisions(db, group_id, offset=BIG_LOG - 200, limit=200)
        ),
        "search_count_ms": _timed(lambda: decisions.count_decisions(db, group_id, search)),
        "search_first_window_ms": _timed(
            lambda: decisions.list_decisions(db, group_id, search, limit=200)
        ),
        "filter_choices_ms": _timed(lambda: decisions.filter_choices(db, group_id)),
        "details_ms": _timed(lambda: decisions.get_decision(db, every[0].id)),
    }


class Heartbeat(QObject):
    """Beats every 5 ms on the GUI thread; the longest gap between beats is the longest
    time the GUI thread could not answer (less the 5 ms it was asked to wait)."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._beat()
        return _ms(self.longest)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now


class PaintWatch(QObject):
    """Notes when the table is first painted with new rows after ``arm``."""

    def __init__(self, viewport: QObject, model: Any) -> None:
        super().__init__()
        self.model = model
        self.painted_at: float | None = None
        self.replaced = False
        model.modelReset.connect(self._replaced)
        viewport.installEventFilter(self)

    def arm(self) -> None:
        self.painted_at = None
        self.replaced = False

    def _replaced(self) -> None:
        self.replaced = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self.replaced
            and self.painted_at is None
            and self.model.rowCount()
        ):
            self.painted_at = time.perf_counter()
        return False


def _wait(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("the window did not get there in time")
        QApplication.processEvents()
        time.sleep(0.0005)


def _show(window: Any, position: int, watch: PaintWatch, panel: Any) -> float:
    """Choose the group at ``position``; seconds until its first rows are painted."""
    watch.arm()
    started = time.perf_counter()
    assert window.group_chooser.currentIndex() != position
    window.group_chooser.setCurrentIndex(position)
    _wait(lambda: watch.painted_at is not None and panel.model.rowCount() > 0)
    assert watch.painted_at is not None
    seconds = watch.painted_at - started
    _wait(lambda: not window.is_loading())
    return seconds


def window_figures(folder: Path, big_group: int, other_group: int) -> dict[str, Any]:
    from app.ui.data import DataSource
    from app.ui.display import TextSize
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings
    from app.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    db = open_database(folder)
    settings = Settings.in_folder(folder)
    runner = TaskRunner()
    window = MainWindow(DataSource(db), runner, settings, TextSize(settings))
    window.resize(1200, 800)
    window.show()
    window.load_groups()
    _wait(lambda: bool(window.groups) and not window.is_loading())
    index = {group.id: n for n, group in enumerate(window.groups)}
    away = next(g.id for g in window.groups if g.id not in (big_group, other_group))
    figures: dict[str, Any] = {}
    # The other areas first: a large group's members, sessions and aims.
    for area in range(3):
        window.areas.setCurrentRow(area)
        _wait(lambda: not window.is_loading())
        panel = window.current_panel()
        watch = PaintWatch(panel.table.viewport(), panel.model)
        name = type(panel).__name__.removesuffix("Panel").lower()
        _say(f"showing a group's {name}")
        times = []
        for _ in range(5):
            _show(window, index[away], watch, panel)
            times.append(_show(window, index[other_group], watch, panel))
        figures[f"{name}_first_rows_ms_median"] = _ms(statistics.median(times))
        figures[f"{name}_first_rows_ms_worst"] = _ms(max(times))
        figures[f"{name}_rows"] = panel.model.rowCount()

    window.areas.setCurrentRow(3)
    _wait(lambda: not window.is_loading())
    panel = window.current_panel()
    watch = PaintWatch(panel.table.viewport(), panel.model)

    def show(group_id: int) -> float:
        return _show(window, index[group_id], watch, panel)

    _say("showing groups")
    for name, group_id in (("large_group", other_group), ("big_log", big_group)):
        mine = []
        for _ in range(5):
            show(away)  # from another group each time, as a person switching groups would
            mine.append(show(group_id))
        figures[f"{name}_first_rows_ms_median"] = _ms(statistics.median(mine))
        figures[f"{name}_first_rows_ms_worst"] = _ms(max(mine))
        figures[f"{name}_decisions"] = panel.model.total

    # To the end of the 20,000, by keyboard.
    _say("moving to the end of the log")
    panel.table.setFocus()
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    while panel.model.rowCount() < panel.model.total:
        count = panel.model.rowCount()
        QTest.keyClick(panel.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        _wait(
            lambda c=count: (
                panel.model.rowCount() > c
                or (not panel.model.is_fetching() and not panel.model.canFetchMore())
            )
        )
    QTest.keyClick(panel.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    figures["scroll_to_end_ms"] = _ms(time.perf_counter() - started)
    figures["scroll_to_end_longest_pause_ms"] = beat.stop()
    figures["scroll_to_end_rows"] = panel.model.rowCount()

    # Typing a search, a key at a time.
    for pace, gap_ms in (("brisk", 120), ("slow", 400)):
        _say(f"typing a search, {pace}")
        panel.filters.search.setFocus()
        panel.filters.search.clear()
        _wait(lambda: not window.is_loading())
        beat.start()
        for letter in SEARCH:
            QTest.keyClick(panel.filters.search, letter)
            timer = QElapsedTimer()
            timer.start()
            while timer.elapsed() < gap_ms:
                QApplication.processEvents()
                time.sleep(0.001)
        typed = time.perf_counter()
        _wait(lambda: not window.is_loading() and panel.shown_filter.search == SEARCH)
        figures[f"search_typed_{pace}_results_after_last_key_ms"] = _ms(time.perf_counter() - typed)
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < 300:
            QApplication.processEvents()
            time.sleep(0.001)
        figures[f"search_typed_{pace}_longest_pause_ms"] = beat.stop()
    figures["search_matches"] = panel.model.total

    # A filter chosen from the keyboard, with the search still there.
    beat.start()
    started = time.perf_counter()
    QTest.keyClick(panel.filters.status, Qt.Key.Key_Down)
    _wait(lambda: not window.is_loading() and bool(panel.shown_filter.statuses))
    figures["filter_results_ms_including_pause"] = _ms(time.perf_counter() - started)
    figures["filter_longest_pause_ms"] = beat.stop()

    window.close()
    runner.shutdown(wait=True)
    db.close()
    del app
    return figures


def measure(folder: Path) -> dict[str, Any]:
    """The decision log's figures on a copy of the large data set in ``folder``."""
    work = Path(tempfile.mkdtemp(prefix="roundtable-views-"))
    try:
        for name in ("roundtable.sqlite3", "roundtable.sqlite3-wal"):
            if (Path(folder) / name).exists():
                shutil.copy2(Path(folder) / name, work / name)
        db = open_database(work)
        try:
            started = time.perf_counter()
            big_group = add_big_log(db)
            added = time.perf_counter() - started
            with db.transaction() as session:
                other_group = session.scalar(
                    select(Group.id).where(Group.id != big_group).order_by(Group.id)
                )
            _say("timing the queries")
            services = service_figures(db, big_group)
        finally:
            db.close()
        figures: dict[str, Any] = {"big_log_added_seconds": round(added, 1)}
        figures |= {f"service_{key}": value for key, value in services.items()}
        figures |= window_figures(work, big_group, other_group)
        figures["target_first_rows_ms"] = TARGET_READY_MS
        figures["target_longest_pause_ms"] = TARGET_PAUSE_MS
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "roundtable.sqlite3").exists():
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    print(json.dumps(measure(Path(sys.argv[1])), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
