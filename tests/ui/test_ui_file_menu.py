"""The File menu's care of the data, without waiting on any dialog's exec()."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from ui_helpers import wait_loaded

from app.services import groups
from app.storage.backups import BackupKind


def visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def close_boxes() -> None:
    for box in visible_boxes():
        box.close()


def test_back_up_now_saves_a_checked_copy_and_says_so(qtbot, open_window, sample, tmp_path):
    parts = open_window()
    chooser = parts.window.file_actions.choose_backup_file()
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    chooser.close()
    destination = tmp_path / "copy.sqlite3"
    parts.window.file_actions.back_up_to(destination)
    assert parts.runner.wait_idle()
    assert destination.exists()
    assert parts.window.status_line.announced[-1] == (
        f"Saved a checked backup copy to {destination}."
    )

    # A second backup to the same name is refused in plain words, shown and announced.
    parts.window.file_actions.back_up_to(destination)
    assert parts.runner.wait_idle()
    assert "already exists" in parts.window.status_line.announced[-1]
    assert any("already exists" in box.text() for box in visible_boxes())
    close_boxes()


def test_check_the_data_reports_in_plain_words(qtbot, open_window, sample):
    parts = open_window()
    parts.window.file_actions.check()
    assert parts.runner.wait_idle()
    assert "no problems found" in parts.window.status_line.announced[-1]
    assert any("There are no backups yet." in box.text() for box in visible_boxes())
    close_boxes()


def test_restore_a_backup_after_asking(qtbot, open_window, sample, db):
    backup = db.backup_now(BackupKind.DAILY)
    groups.create_group(db, "Made after the backup")
    parts = open_window()
    window = parts.window
    assert "Made after the backup" in [g.name for g in window.groups]

    question = window.file_actions.confirm_restore(backup)
    assert backup.name in question.text()
    assert question.defaultButton().text() == "&Cancel"  # Enter does the safe thing
    restore_button = next(b for b in question.buttons() if b.text() == "&Restore this backup")
    restore_button.click()
    qtbot.waitUntil(lambda: "Restored the data from" in " ".join(window.status_line.announced))
    wait_loaded(qtbot, window)
    assert "Made after the backup" not in [g.name for g in window.groups]
    replaced = list((db.folder / "backups").glob("replaced-by-restore-*.sqlite3"))
    assert len(replaced) == 1
    close_boxes()
    parts.source.close()  # the restored file; the fixture's handle was closed by the restore


def test_about_names_the_app_and_its_data_folder(open_window, sample, data_dir):
    parts = open_window()
    box = parts.window.file_actions.about()
    assert "Roundtable, version" in box.text() and str(data_dir) in box.text()
    box.close()


def test_on_a_shared_server_the_file_menu_says_what_it_can_and_cannot_do(
    qtbot, server_db, data_dir
):
    from app.ui.data import DataSource
    from app.ui.display import TextSize
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings
    from app.ui.tasks import TaskRunner

    groups.create_group(server_db, "Kit That Works group")
    source = DataSource(server_db, data_dir)
    settings = Settings.in_folder(data_dir)
    runner = TaskRunner()
    window = MainWindow(source, runner, settings, TextSize(settings))
    qtbot.addWidget(window)
    try:
        window.show()
        window.load_groups()
        wait_loaded(qtbot, window)
        assert [g.name for g in window.groups] == ["Kit That Works group"]
        actions = window.file_actions
        refusal = (
            "Roundtable's data is on a shared database server, so its backups are made and "
            "put back there, by whoever looks after the server. Backing up and restoring here "
            "work only with a data file."
        )
        # Said before any file is chosen: no chooser opens for what cannot be done.
        for choose in (actions.choose_backup_file, actions.choose_backup_to_restore):
            assert choose() is None
            assert window.status_line.announced[-1] == refusal
            assert any(box.text() == refusal for box in visible_boxes())
            close_boxes()
        actions.check()
        assert runner.wait_idle()
        assert window.status_line.announced[-1].startswith(
            "Roundtable is using the shared database"
        )
        assert any("It holds 1 group, 0 people" in box.text() for box in visible_boxes())
        close_boxes()
        about = actions.about()
        assert "Your data is kept in the shared database" in about.text()
        about.close()
        # Nothing to back up each day, and no file to check at start.
        assert source.daily_backup() is None and source.quick_check() == []
        assert not (data_dir / "roundtable.sqlite3").exists()
    finally:
        window.close()
        runner.shutdown(wait=True)
