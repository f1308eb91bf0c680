"""Damage the start-up check finds after the window is up: writing stops, a backup is offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import make_sample

from app.errors import StorageError
from app.storage import backups, open_database
from app.ui.data import DataSource
from app.ui.display import TextSize
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner


def damage_a_middle_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    for offset in range(middle, middle + 3000, 5):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))


def test_damage_found_after_start_stops_saving_and_offers_the_backup(qtbot, data_dir) -> None:
    db = open_database(data_dir)
    make_sample(db)
    backup = db.backup_now(backups.BackupKind.DAILY)
    db.close()
    damage_a_middle_page(db.path)

    opened = open_database(data_dir, quick_check_later=True)
    source = DataSource(opened)
    runner = TaskRunner()
    window = MainWindow(
        source, runner, Settings.in_folder(data_dir), TextSize(Settings.in_folder(data_dir))
    )
    qtbot.addWidget(window)
    window.show()
    try:
        window.file_actions.check_at_start()
        qtbot.waitUntil(
            lambda: isinstance(window.findChild(QMessageBox), QMessageBox), timeout=10_000
        )
        box = window.findChild(QMessageBox)
        assert "found damage" in box.text()
        assert "stopped saving" in box.text()
        with pytest.raises(StorageError):
            _ = source.db  # the damaged file is closed: nothing more is written to it
        yes = next(b for b in box.buttons() if "Put back" in b.text())
        yes.click()
        qtbot.waitUntil(lambda: runner.is_idle() and source._db is not None, timeout=10_000)
        assert source.db.problems(full=True) == []
        kept = list((data_dir / "backups").glob("damaged-*.sqlite3"))
        assert len(kept) == 1
        assert backup.exists()
    finally:
        window.close()
        runner.shutdown(wait=True)
        source.close()
