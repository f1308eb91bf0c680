"""An upgrade that fails halfway, met the way a person meets it: by opening the data file."""

import functools
import shutil
import sqlite3
from pathlib import Path

import pytest
from test_migrations import FAILING_REVISION, revision_of, table_names

from app.errors import MigrationFailed
from app.models import Person
from app.storage import backups, integrity, migrations, open_database, schema


def rows_of_every_table(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }
    finally:
        connection.close()


def test_a_failed_upgrade_keeps_the_file_and_says_where_the_checked_copy_is(
    db, tmp_path: Path, monkeypatch
) -> None:
    with db.transaction() as session:
        session.add_all([Person(full_name="Nia Pritchard"), Person(full_name="عائشة")])
    db.close()
    before_tables = table_names(db.path)
    before_rows = rows_of_every_table(db.path)

    scripts = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "0999_fails.py").write_text(
        FAILING_REVISION.format(head=migrations.HEAD), encoding="utf-8"
    )
    old_head = migrations.HEAD
    monkeypatch.setattr(migrations, "REVISIONS", (*migrations.REVISIONS, "0999"))
    monkeypatch.setattr(migrations, "HEAD", "0999")
    monkeypatch.setattr(
        schema, "upgrade", functools.partial(schema.upgrade, script_location=scripts)
    )

    with pytest.raises(MigrationFailed) as raised:
        open_database(db.folder)
    message = str(raised.value)
    assert "left it exactly as it was" in message
    assert "from before the upgrade is kept at" in message
    assert "Traceback" not in message

    # Nothing half-made: same tables, same version, same rows.
    assert table_names(db.path) == before_tables
    assert "half_made" not in table_names(db.path)
    assert revision_of(db.path) == old_head
    assert rows_of_every_table(db.path) == before_rows

    # The copy named in the message is there, whole, and holds the same data.
    made = backups.list_backups(db.backup_folder)
    assert [b.kind for b in made] == [backups.BackupKind.BEFORE_UPGRADE]
    assert str(made[0].path) in message
    assert integrity.check_file(made[0].path, full=True) == []
    assert revision_of(made[0].path) == old_head
    assert rows_of_every_table(made[0].path) == before_rows


def test_the_file_still_opens_after_a_failed_upgrade(db, tmp_path: Path, monkeypatch) -> None:
    with db.transaction() as session:
        session.add(Person(full_name="Still here"))
    db.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "0999_fails.py").write_text(
        FAILING_REVISION.format(head=migrations.HEAD), encoding="utf-8"
    )
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "REVISIONS", (*migrations.REVISIONS, "0999"))
        patched.setattr(migrations, "HEAD", "0999")
        patched.setattr(
            schema, "upgrade", functools.partial(schema.upgrade, script_location=scripts)
        )
        with pytest.raises(MigrationFailed):
            open_database(db.folder)
    reopened = open_database(db.folder)  # the app as it was, without the failing revision
    try:
        assert reopened.problems(full=True) == []
        with reopened.transaction() as session:
            assert [p.full_name for p in session.query(Person)] == ["Still here"]
    finally:
        reopened.close()
