"""A full disk, a read-only folder, a network drive: plain words, and nothing saved is lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from safety_helpers import rows_of_every_table, sha256

from app import cli
from app.errors import BackupFailed, DataFolderUnusable, SaveFailed
from app.services import decisions, example_data, groups
from app.storage import backups, integrity, location, open_database
from tests.storage.mounts import grow, read_only_view, small_disk

WORDING = "We agreed that the minutes go out in large print within a week. "


def assert_plain(message: str) -> None:
    assert message.startswith("Roundtable could not save this, because")
    assert "Everything saved before is safe." in message
    for jargon in ("sqlite", "OperationalError", "errno", "Traceback", "(", "SQL"):
        assert jargon not in message


def limit_growth(db, pages: int) -> None:
    """SQLite's own cap on the file's size: past it, every write is refused as 'disk full'."""
    with db.sqlite_connection() as connection:
        now = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {now + pages}")


def test_a_full_file_refuses_plainly_and_keeps_every_earlier_save(db) -> None:
    example_data.load_example_data(db)
    group = groups.list_groups(db)[0]
    limit_growth(db, 3)
    saved = []
    with pytest.raises(SaveFailed) as refused:
        for n in range(500):
            saved.append(
                decisions.record_decision(db, group.id, f"{WORDING}{n} " * 40, date(2026, 5, 1))
            )
    assert_plain(str(refused.value))
    assert "disk that holds its data is full" in str(refused.value)
    before = rows_of_every_table_of(db)
    # The refused one left nothing half-made, and every earlier one reads back.
    with pytest.raises(SaveFailed):
        decisions.record_decision(db, group.id, WORDING * 400, date(2026, 5, 2))
    assert rows_of_every_table_of(db) == before
    for number in saved:
        assert decisions.get_decision(db, number).wording.startswith(WORDING)
    # With room again, the same save works.
    limit_growth(db, 10_000)
    decisions.record_decision(db, group.id, WORDING, date(2026, 5, 1))
    assert db.problems(full=True) == []


def rows_of_every_table_of(db) -> dict[str, list[tuple]]:
    with db.sqlite_connection() as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {name: connection.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}


def test_a_full_disk_refuses_plainly_and_loses_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "small", size_kb=1536) as folder:
        db = open_database(folder)
        try:
            group_id = groups.create_group(db, "Allotment access group").id
            saved = 0
            with pytest.raises(SaveFailed) as refused:
                for n in range(10_000):
                    decisions.record_decision(db, group_id, f"{WORDING}{n} " * 60, date(2026, 5, 1))
                    saved += 1
            assert_plain(str(refused.value))
            assert saved > 0
            with pytest.raises(BackupFailed, match="could not make a backup copy"):
                db.backup_now(backups.BackupKind.DAILY)
            assert not list(db.backup_folder.glob("*.partial"))
        finally:
            db.close()
        grow(folder, 20_000)
        reopened = open_database(folder)
        try:
            assert reopened.problems(full=True) == []
            rows = rows_of_every_table_of(reopened)
            assert len(rows["decisions"]) == saved
            assert all(row for row in rows["decisions"])
        finally:
            reopened.close()


def test_a_read_only_folder_says_so_and_leaves_the_file_alone(db, tmp_path: Path) -> None:
    example_data.load_example_data(db)
    db.close()
    before = sha256(db.path), rows_of_every_table(db.path)
    with read_only_view(db.folder, tmp_path / "read-only") as seen:
        with pytest.raises(DataFolderUnusable) as refused:
            open_database(seen)
        assert "cannot save in the data folder" in str(refused.value)
        assert "read-only" in str(refused.value)
    assert (sha256(db.path), rows_of_every_table(db.path)) == before


NFS_MOUNTS = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:40 / {point} rw,relatime shared:2 - nfs4 fileserver:/export/team rw
"""


def test_a_folder_on_a_network_drive_is_warned_about_on_opening(
    data_dir: Path, monkeypatch, capsys
) -> None:
    table = NFS_MOUNTS.format(point=data_dir.parent)
    monkeypatch.setattr(location, "_read_mount_table", lambda: table)
    db = open_database(data_dir)
    try:
        assert any("is on a network drive" in warning for warning in db.warnings)
    finally:
        db.close()
    # The command line says it too, on the error stream, and still does the work.
    assert cli.main(["demo", "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert "is on a network drive" in captured.err
    assert "Added the example data" in captured.out
    assert integrity.check_file(data_dir / location.DATABASE_NAME) == []
