"""Backups are real: verified copies, rotated daily, and they restore exactly."""

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app import clock
from app.errors import DatabaseInUse, StorageError
from app.models import Group, Person
from app.storage import backups, integrity, open_database
from app.storage.restore import restore


def names(db) -> list[str]:
    with db.transaction() as session:
        return list(session.scalars(select(Person.full_name).order_by(Person.id)))


def add_people(db, *people: str) -> None:
    with db.transaction() as session:
        session.add_all([Person(full_name=name) for name in people])


def test_a_daily_backup_is_made_once_a_day_and_only_after_changes(db) -> None:
    add_people(db, "Aled Morgan")
    first = db.backup_daily_if_due()
    assert first is not None and first.exists()
    assert db.backup_daily_if_due() is None  # not a day old yet

    # Make the backup look two days old: with no change since, none is due ...
    # (Its name is dated by the app's clock; the files' own times by the computer's.)
    old = clock.now() - timedelta(days=2)
    aged = first.with_name(backups.backup_name(backups.BackupKind.DAILY, old))
    first.rename(aged)
    old_file_time = time.time() - timedelta(days=2).total_seconds()
    os.utime(aged, (old_file_time, old_file_time))
    for data_file in (db.path, integrity.wal_path(db.path)):
        if data_file.exists():
            os.utime(data_file, (old_file_time - 10, old_file_time - 10))
    assert not backups.daily_backup_due(db.path, db.backup_folder, clock.now())
    # ... and after a change, one is.
    add_people(db, "Kwame Mensah")
    db.engine.dispose()  # the change reaches the main file
    assert backups.daily_backup_due(db.path, db.backup_folder, clock.now())


def test_only_the_last_seven_dailies_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    source = sqlite3.connect(":memory:")
    source.execute("CREATE TABLE t (x)")
    start = datetime(2026, 11, 1, tzinfo=UTC)
    for day in range(10):
        name = backups.backup_name(backups.BackupKind.DAILY, start + timedelta(days=day))
        backups.copy_database(source, folder / name)
    kept = backups.list_backups(folder)
    assert len(kept) == 10
    backups.remove_old_dailies(folder)
    kept = backups.list_backups(folder)
    assert len(kept) == 7
    assert kept[0].made_at == start + timedelta(days=9)
    assert kept[-1].made_at == start + timedelta(days=3)


def test_every_backup_passes_the_integrity_check_and_no_partial_file_remains(db) -> None:
    add_people(db, "Siân Hughes", "Tomasz Wiśniewski")
    made = db.backup_now(backups.BackupKind.DAILY)
    assert integrity.check_file(made) == []
    assert not list(db.backup_folder.glob("*.partial"))


def test_the_latest_good_backup_skips_a_damaged_one(db) -> None:
    add_people(db, "Grace Adeyemi")
    good = db.backup_to(
        db.backup_folder
        / backups.backup_name(backups.BackupKind.DAILY, clock.now() - timedelta(days=1))
    )
    newest = db.backup_folder / backups.backup_name(backups.BackupKind.DAILY, clock.now())
    newest.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    assert backups.latest_good_backup(db.backup_folder).path == good


def test_backup_and_restore_round_trip_exactly(db, tmp_path: Path) -> None:
    add_people(db, "Mair Davies", "Bilal Qureshi", "بلال")
    copy = db.backup_to(tmp_path / "copy.sqlite3")
    add_people(db, "Someone added after the backup")
    folder = db.folder
    db.close()

    restored = restore(folder, copy)
    assert restored.replaced_copy is not None and restored.replaced_copy.exists()

    reopened = open_database(folder)
    try:
        assert names(reopened) == ["Mair Davies", "Bilal Qureshi", "بلال"]
    finally:
        reopened.close()
    # What the restore replaced is kept whole and still holds the later change.
    kept = sqlite3.connect(restored.replaced_copy)
    assert ("Someone added after the backup",) in kept.execute("SELECT full_name FROM people")
    kept.close()


def test_restore_leaves_no_stale_log_beside_the_restored_file(db, tmp_path: Path) -> None:
    add_people(db, "Before")
    copy = db.backup_to(tmp_path / "copy.sqlite3")
    folder, path = db.folder, db.path
    db.close()
    integrity.wal_path(path).write_bytes(b"stale log from another life" * 100)
    restore(folder, copy)
    assert not integrity.wal_path(path).exists()
    reopened = open_database(folder)
    assert names(reopened) == ["Before"]
    reopened.close()


def test_restore_refuses_while_the_data_is_in_use(db, tmp_path: Path) -> None:
    copy = db.backup_to(tmp_path / "copy.sqlite3")
    with pytest.raises(DatabaseInUse):
        restore(db.folder, copy)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 50],
    ids=["empty", "text", "broken"],
)
def test_restore_refuses_a_file_that_is_not_a_good_backup(db, tmp_path: Path, content) -> None:
    add_people(db, "Kept")
    folder = db.folder
    db.close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(StorageError):
        restore(folder, bad)
    reopened = open_database(folder)
    assert names(reopened) == ["Kept"]
    reopened.close()


def test_a_backup_made_while_writing_is_consistent(db) -> None:
    with db.transaction() as session:
        session.add_all([Group(name=f"Group {n}") for n in range(200)])
    started = time.perf_counter()
    made = db.backup_now(backups.BackupKind.DAILY)
    assert time.perf_counter() - started < 5
    connection = sqlite3.connect(made)
    assert connection.execute("SELECT count(*) FROM groups").fetchone()[0] == 200
    connection.close()
