"""The schema is made and upgraded only by migrations, each all-or-nothing."""

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import DatabaseTooNew, MigrationFailed
from app.models import Base, Comment, Contribution, Decision, Group, Payment, Person
from app.storage import backups, integrity, migrations, open_database, schema
from app.storage.engine import make_engine

FIXTURES = Path(__file__).resolve().parent.parent / "data"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision_of(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def table_names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        return {row[0] for row in rows}
    finally:
        connection.close()


def test_revision_constants_match_the_scripts() -> None:
    assert list(migrations.REVISIONS) == schema.script_revisions()
    assert migrations.REVISIONS[-1] == migrations.HEAD


def test_an_empty_folder_gets_the_newest_schema(db) -> None:
    db.close()
    assert revision_of(db.path) == migrations.HEAD


def test_migrations_build_exactly_what_the_models_describe(db) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        assert compare_metadata(context, Base.metadata) == []


EARLIER_REVISIONS = migrations.REVISIONS[:-1]


def test_every_saved_fixture_names_a_known_revision() -> None:
    saved = sorted(path.name for path in FIXTURES.glob("schema-*.sqlite3"))
    assert saved, "no saved schema files in tests/data"
    for name in saved:
        assert name.removeprefix("schema-").removesuffix(".sqlite3") in migrations.REVISIONS


@pytest.mark.parametrize("revision", EARLIER_REVISIONS)
def test_a_saved_file_from_every_revision_upgrades_with_its_data(revision: str, data_dir) -> None:
    fixture = FIXTURES / f"schema-{revision}.sqlite3"
    assert fixture.exists(), (
        f"tests/data has no saved file for revision {revision}: make it with "
        f"python tools/make_schema_fixture.py {revision} tests/data/{fixture.name}"
    )
    assert revision_of(fixture) == revision
    data_dir.mkdir(parents=True)
    shutil.copy(fixture, data_dir / "roundtable.sqlite3")
    db = open_database(data_dir)
    try:
        with db.sqlite_connection() as connection:
            assert integrity.stored_revision(connection) == migrations.HEAD
        with db.transaction() as session:
            person = session.scalars(select(Person)).one()
            assert person.full_name == "Bożena Kowalczyk"
            assert person.large_print_size_pt == 22
            decision = session.scalars(select(Decision)).one()
            assert decision.wording == "Ask for repair visits in the morning"
            assert decision.raised_by is person
            assert decision.decided_on == date(2025, 3, 10)
            if revision >= "0002":
                payment = session.scalars(select(Payment)).one()
                assert (payment.minutes_given, payment.expenses_pence) == (150, 740)
                assert payment.paid_on == date(2025, 3, 20)
                comment = session.scalars(select(Comment)).one()
                assert comment.text == "Mornings suit everyone — diolch!"
                assert comment.author is person
            if revision >= "0003":
                contribution = session.scalars(select(Contribution)).one()
                assert (contribution.person_id, contribution.sent_beforehand) == (1, True)
            group = session.get(Group, decision.group_id)
            assert group.name == "Wheels and Rails users group"
            assert group.finished_on is None  # 0004: every group is still going
            # The newest tables work on the upgraded file.
            session.add(Payment(person=person, group_id=decision.group_id, minutes_given=60))
        assert db.problems(full=True) == []
    finally:
        db.close()


def test_an_upgrade_first_makes_a_verified_backup(data_dir) -> None:
    fixture = FIXTURES / "schema-0001.sqlite3"
    data_dir.mkdir(parents=True)
    shutil.copy(fixture, data_dir / "roundtable.sqlite3")
    open_database(data_dir).close()
    made = backups.list_backups(data_dir / "backups")
    assert [b.kind for b in made] == [backups.BackupKind.BEFORE_UPGRADE]
    assert "0001-to-" in made[0].path.name
    assert revision_of(made[0].path) == "0001"
    assert sha256(made[0].path) != ""  # it exists and reads
    connection = sqlite3.connect(made[0].path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT full_name FROM people").fetchone()[0] == "Bożena Kowalczyk"
    connection.close()


FAILING_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "0999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_made", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50), nullable=True))
    op.execute("UPDATE people SET full_name = 'overwritten'")
    raise RuntimeError("a migration that fails halfway")


def downgrade() -> None:
    pass
"""


def test_a_migration_that_fails_halfway_leaves_the_file_as_it_was(db, tmp_path) -> None:
    with db.transaction() as session:
        session.add(Person(full_name="Nia Pritchard"))
    db.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "0999_fails.py").write_text(
        FAILING_REVISION.format(head=migrations.HEAD), encoding="utf-8"
    )
    tables_before = table_names(db.path)

    engine = make_engine(db.path)
    try:
        with pytest.raises(MigrationFailed, match="left it exactly as it was"):
            schema.upgrade(engine, scripts)
    finally:
        engine.dispose()

    assert table_names(db.path) == tables_before
    assert revision_of(db.path) == migrations.HEAD
    connection = sqlite3.connect(db.path)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(people)")]
    names = connection.execute("SELECT full_name FROM people").fetchall()
    connection.close()
    assert "nickname" not in columns
    assert names == [("Nia Pritchard",)]


def test_a_file_from_a_newer_app_is_refused_and_untouched(db) -> None:
    db.close()
    connection = sqlite3.connect(db.path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = sha256(db.path)
    with pytest.raises(DatabaseTooNew, match="newer version of Roundtable"):
        open_database(db.folder)
    assert sha256(db.path) == before
