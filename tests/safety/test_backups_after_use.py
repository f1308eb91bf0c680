"""After ten days of use the rotating backups are there, whole, and each restores exactly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from safety_helpers import rows_of_every_table

from app import clock
from app.models import Role
from app.services import example_data, groups, maintenance, people
from app.storage import backups, integrity

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def live_rows(db) -> dict[str, list[tuple]]:
    """Every row of the open file, read through its own connection."""
    with db.sqlite_connection() as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }


def test_rotating_backups_after_ten_days_each_restore_exactly(db, tmp_path) -> None:
    example_data.load_example_data(db)
    group = groups.list_groups(db)[0]
    expected: dict[datetime, dict[str, list[tuple]]] = {}
    for day in range(10):
        today = START + timedelta(days=day, minutes=day)
        with clock.fixed_at(today):
            people.add_member(db, group.id, f"Newcomer on day {day + 1}", Role.LIVED_EXPERIENCE)
            made = db.backup_daily_if_due()
            assert made is not None, f"no backup on day {day + 1}"
            expected[today.replace(microsecond=0)] = live_rows(db)
            assert db.backup_daily_if_due() is None  # once a day, not once a save

    kept = [b for b in backups.list_backups(db.backup_folder) if b.kind is backups.BackupKind.DAILY]
    assert len(kept) == backups.KEEP_DAILY
    assert [b.made_at for b in kept] == sorted(expected, reverse=True)[: backups.KEEP_DAILY]
    assert not list(db.backup_folder.glob("*.partial"))

    for backup in kept:
        assert integrity.check_file(backup.path, full=True) == []
        assert rows_of_every_table(backup.path) == expected[backup.made_at]
        # Put back into a folder of its own, it gives back exactly that day's data.
        folder = tmp_path / f"restored-{backup.made_at:%d}"
        maintenance.restore(folder, backup.path)
        restored = Path(folder / "roundtable.sqlite3")
        assert rows_of_every_table(restored) == expected[backup.made_at]
        assert integrity.check_file(restored, full=True) == []
