"""A save the disk refuses: the form keeps what was typed, offers a copy elsewhere, and
saves once there is room again, with nothing saved before lost."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app import clock
from app.errors import SaveFailed
from app.models import Role
from app.services import aims, decisions, example_data, groups, people
from app.ui.aim_dialogs import AimDialog
from app.ui.data import DataSource
from app.ui.display import TextSize
from app.ui.main_window import MainWindow
from app.ui.member_editor import MemberEditor
from app.ui.save_elsewhere import typed_text, write_copy
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner

NAME = "Zofia Nowak-Ørsted ✨ عائشة"
AIM = "Packs arrive a week before every session, in the format each member chose"
MEASURE = "Members tell us at the next session\nand the packs log shows the dates"


def every_row(db) -> dict[str, list[tuple]]:
    with db.sqlite_connection() as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {name: connection.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}


def fill_to_the_cap(db) -> None:
    """Cap the file's size (SQLite's max_page_count), then fill every kind of record until
    even a small one is refused: the disk is full for real, as far as SQLite can tell."""
    group = groups.list_groups(db)[0]
    with db.sqlite_connection() as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + 4}")
    fillers = [
        lambda n: decisions.record_decision(db, group.id, "Filling. " * 2000, clock.today()),
        lambda n: decisions.record_decision(db, group.id, f"Filling {n}", clock.today()),
        lambda n: people.add_member(db, group.id, f"F{n}", Role.GUEST),
        lambda n: aims.add_aim(db, group.id, f"A{n}"),
    ]
    for fill in fillers:
        with pytest.raises(SaveFailed):
            for n in range(100_000):
                fill(n)


def lift_the_cap(db) -> None:
    with db.sqlite_connection() as connection:
        connection.execute("PRAGMA max_page_count = 1073741823")


@pytest.fixture
def window(qtbot, db, data_dir, styled_app):  # type: ignore[no-untyped-def]
    example_data.load_example_data(db)
    settings = Settings.in_folder(data_dir)
    runner = TaskRunner()
    main = MainWindow(DataSource(db), runner, settings, TextSize(settings))
    qtbot.addWidget(main)
    main.show()
    main.load_groups()
    qtbot.waitUntil(lambda: not main.is_loading(), timeout=20_000)
    yield main
    main.close()
    runner.shutdown(wait=True)


def test_the_member_editor_keeps_the_text_offers_a_copy_and_saves_later(
    qtbot, db, window, tmp_path: Path
) -> None:
    editor = MemberEditor.example(window)
    qtbot.addWidget(editor)
    editor.show()
    editor.form.full_name.setText(NAME)
    fill_to_the_cap(db)
    before = every_row(db)
    assert not editor.save_copy.isVisible()

    editor.save()
    qtbot.waitUntil(lambda: editor.problem.isVisible(), timeout=10_000)
    message = editor.problem.accessibleName()
    assert message.startswith("Roundtable could not save this, because the disk")
    assert "Everything saved before is safe." in message
    assert editor.isVisible() and editor.form.full_name.text() == NAME
    assert editor.save_copy.isVisible()
    assert every_row(db) == before  # the refused save left nothing half-made

    # The person chooses where to keep a copy; the chooser hands back the file name.
    chooser = editor.save_copy.choose_file()
    copy = tmp_path / "elsewhere" / "member.txt"
    copy.parent.mkdir()
    chooser.fileSelected.emit(str(copy))
    chooser.close()
    kept = copy.read_text(encoding="utf-8")
    assert NAME in kept and "could not be saved in Roundtable" in kept
    assert editor.save_copy.saved_to == copy
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    lift_the_cap(db)
    editor.save()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=10_000)
    group = window.current_group()
    assert [m.full_name for m in people.search_members(db, group.id, "Zofia")] == [NAME]
    after = every_row(db)
    for table, rows in before.items():
        assert set(rows) <= set(after[table]), table


def test_a_form_dialog_keeps_the_text_and_offers_a_copy(qtbot, db, window, tmp_path) -> None:
    group = window.current_group()
    dialog = AimDialog(window, window.runner, window.source, group.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_field.setPlainText(AIM)
    dialog.measure.setPlainText(MEASURE)
    fill_to_the_cap(db)

    dialog.submit()
    qtbot.waitUntil(lambda: dialog.general_error.isVisible(), timeout=10_000)
    assert "disk that holds its data is full" in dialog.general_error.text()
    assert dialog.title_field.toPlainText() == AIM
    assert dialog.save_copy.isVisible()
    assert dialog.save_copy.save_to(tmp_path / "aim.txt")
    kept = (tmp_path / "aim.txt").read_text(encoding="utf-8")
    assert AIM in kept and MEASURE in kept

    lift_the_cap(db)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert AIM in [aim.title for aim in aims.list_aims(db, group.id)]


def test_a_copy_that_cannot_be_written_says_so_and_leaves_no_partial_file(
    qtbot, window, tmp_path
) -> None:
    editor = MemberEditor.example(window)
    qtbot.addWidget(editor)
    editor.form.full_name.setText(NAME)
    assert NAME in typed_text(editor.form, "test")
    assert not editor.save_copy.save_to(tmp_path / "no-such-folder" / "copy.txt")
    assert "Could not save the copy" in window.status_line.text()
    assert not list(tmp_path.rglob("*.partial"))
    assert write_copy(tmp_path / "ok.txt", "é\n").read_text(encoding="utf-8") == "é\n"
