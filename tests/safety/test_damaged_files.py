"""A damaged data file is found, never made worse, and the latest good backup is put back.

Each kind of damage is made for real on a file full of the example data: damaged pages,
a truncated file, a file that is not a database, a stale write-ahead log beside a file
put back by hand, and damaged pages with a log left by a program that was killed.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from safety_helpers import roundtable, rows_of_every_table, sha256

from app.errors import DatabaseDamaged
from app.models import Note
from app.services import example_data, groups, meetings
from app.storage import backups, integrity, open_database
from app.ui.application import open_data

KINDS = ["damaged pages", "truncated", "not a database", "stale log", "damaged with a log"]


class Answering:
    """The person at start-up: records what they are told and answers yes."""

    def __init__(self) -> None:
        self.told: list[str] = []
        self.asked: list[str] = []

    def tell(self, text: str, *, problem: bool = False) -> None:
        self.told.append(text)

    def ask(self, text: str, *, yes: str, no: str) -> bool:
        self.asked.append(text)
        return True


def add_notes(db, count: int, words: str) -> None:
    group = groups.list_groups(db)[0]
    meeting_id = meetings.list_meetings(db, group.id)[0].id
    with db.transaction() as session:
        session.add_all(
            [Note(meeting_id=meeting_id, text=f"{words} {n} " * 30) for n in range(count)]
        )


def a_log_for(path: Path, work_folder: Path) -> bytes:
    """A real write-ahead log written for a copy of ``path``, as a killed program leaves."""
    work_folder.mkdir(exist_ok=True)
    copy = work_folder / "other.sqlite3"
    shutil.copy(path, copy)
    connection = sqlite3.connect(copy, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    for n in range(40):
        connection.execute("UPDATE notes SET text = ? WHERE id % 3 = ?", (f"rewritten {n}", n % 3))
    log = integrity.wal_path(copy).read_bytes()
    connection.close()
    return log


def damage_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    for offset in range(middle, middle + 3000, 5):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(request, data_dir: Path, tmp_path: Path) -> dict:
    """A data folder holding a good backup, then later work, then damage of one kind."""
    kind = request.param
    db = open_database(data_dir)
    example_data.load_example_data(db)
    add_notes(db, 60, "Before the backup")
    backup = db.backup_now(backups.BackupKind.DAILY)
    add_notes(db, 5, "After the backup")
    db.close()
    path = data_dir / "roundtable.sqlite3"
    if kind == "damaged pages":
        damage_pages(path)
    elif kind == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif kind == "not a database":
        path.write_bytes(b"Minutes of the allotment society, typed in the wrong program. " * 300)
    elif kind == "stale log":
        shutil.copy(backup, path)  # put back by hand over a file that had a log
        integrity.wal_path(path).write_bytes(a_log_for(path, tmp_path / "work"))
    elif kind == "damaged with a log":
        log = a_log_for(path, tmp_path / "work")
        damage_pages(path)
        integrity.wal_path(path).write_bytes(log)
    return {
        "kind": kind,
        "path": path,
        "backup": backup,
        "backup_rows": rows_of_every_table(backup),
        "hashes": (sha256(path), sha256(integrity.wal_path(path))),
    }


def unchanged(case: dict) -> bool:
    path = case["path"]
    return (sha256(path), sha256(integrity.wal_path(path))) == case["hashes"] and not (
        integrity.shm_path(path).exists()
    )


def put_back_from_the_window(qtbot, db):  # type: ignore[no-untyped-def]
    """The main window's own path: quick check, damage found, the person says put it back."""
    from PySide6.QtWidgets import QMessageBox

    from app.ui.data import DataSource
    from app.ui.display import TextSize
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings
    from app.ui.tasks import TaskRunner

    source, runner = DataSource(db), TaskRunner()
    settings = Settings.in_folder(db.folder)
    window = MainWindow(source, runner, settings, TextSize(settings))
    qtbot.addWidget(window)
    window.show()
    try:
        window.file_actions.check_at_start()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=10_000)
        box = window.findChild(QMessageBox)
        assert "found damage" in box.text() and "latest good backup was made on" in box.text()
        next(b for b in box.buttons() if "Put back" in b.text()).click()
        qtbot.waitUntil(lambda: runner.is_idle() and source._db is not None, timeout=10_000)
        return source.db
    finally:
        window.close()
        runner.shutdown(wait=True)


@pytest.mark.parametrize("damaged", KINDS, indirect=True)
def test_opening_says_so_plainly_and_changes_nothing(damaged: dict) -> None:
    path = damaged["path"]
    with pytest.raises(DatabaseDamaged) as raised:
        open_database(path.parent)
    assert "looks damaged" in str(raised.value)
    assert "It has not been changed." in str(raised.value)
    assert unchanged(damaged)
    # A window opening it with the check put off finds the damage itself, and closing
    # the file it could not use leaves it as it was.
    try:
        db = open_database(path.parent, quick_check_later=True)
    except DatabaseDamaged:
        pass
    else:
        try:
            assert db.problems(full=False) != []
        finally:
            db.close()
    assert unchanged(damaged)


@pytest.mark.parametrize("damaged", KINDS, indirect=True)
def test_the_app_puts_back_the_latest_good_backup_and_keeps_the_damaged_file(
    damaged, qtbot, styled_app
) -> None:
    path = damaged["path"]
    person = Answering()
    db = open_data(path.parent, person, offer_restore=True)
    assert db is not None
    if not person.asked:
        # Damage only the quick check can see: the window finds it once it is up.
        assert damaged["kind"] == "damaged pages"
        db = put_back_from_the_window(qtbot, db)
    else:
        question = person.asked[0]
        assert "latest good backup was made on" in question
        assert "damaged file will not be deleted" in question
        told = person.told[-1]
        assert "Anything saved after that time is not in it" in told
    try:
        assert db.problems(full=True) == []
    finally:
        db.close()
    kept = next(p for p in (path.parent / "backups").glob("damaged-*.sqlite3"))
    if person.told:
        assert str(kept) in person.told[-1]
    # The damaged file is set aside whole, with its log, exactly as it was.
    main_hash, log_hash = damaged["hashes"]
    assert sha256(kept) == main_hash
    kept_log = kept.with_name(kept.name + "-wal")
    if log_hash is None:  # a window that had the file open may leave an empty log, no more
        assert not kept_log.exists() or kept_log.stat().st_size == 0
    else:
        assert sha256(kept_log) == log_hash
    # Everything up to the backup is back, row for row.
    assert rows_of_every_table(path) == damaged["backup_rows"]
    assert integrity.check_file(damaged["backup"]) == []


@pytest.mark.parametrize("damaged", KINDS, indirect=True)
def test_the_command_line_offers_the_backup_and_restores_it(damaged: dict) -> None:
    path = damaged["path"]
    checked = roundtable("check", data_dir=path.parent)
    assert checked.returncode == 1
    assert "is damaged" in checked.stderr
    assert "The latest good backup was made on" in checked.stderr
    assert f"roundtable restore {damaged['backup']}" in checked.stderr
    assert unchanged(damaged)

    refused = roundtable("demo", data_dir=path.parent)
    assert refused.returncode == 1
    assert "looks damaged" in refused.stderr and "made on" in refused.stderr
    assert unchanged(damaged)

    restored = roundtable("restore", str(damaged["backup"]), data_dir=path.parent)
    assert restored.returncode == 0, restored.stderr
    assert "It holds everything saved up to" in restored.stdout
    assert "The data it replaced is kept at" in restored.stdout
    assert rows_of_every_table(path) == damaged["backup_rows"]
    assert roundtable("check", data_dir=path.parent).returncode == 0


@pytest.mark.parametrize("damaged", ["stale log"], indirect=True)
def test_smoke_start_refuses_a_stale_log_plainly(damaged: dict) -> None:
    result = roundtable("--smoke", data_dir=damaged["path"].parent)
    assert result.returncode == 1
    assert "old change log" in result.stderr
    assert unchanged(damaged)
