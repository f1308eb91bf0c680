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
    assert question.defaultButton().text() == "Cancel"  # Enter does the safe thing
    restore_button = next(b for b in question.buttons() if b.text() == "Restore this backup")
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
