"""A group's data on a shared PostgreSQL server: the same migrations, all-or-nothing there too."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import create_engine, inspect, select, text

from app.errors import DatabaseTooNew, MigrationFailed, SaveFailed, StorageError
from app.models import Base, Person, Venue
from app.services import people
from app.storage import migrations, open_server_database, schema
from tests.storage.test_migrations import FAILING_REVISION


def test_migrations_build_exactly_what_the_models_describe(server_db) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with server_db.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == (
            migrations.HEAD
        )


@pytest.mark.parametrize("earlier", migrations.REVISIONS[:-1])
def test_a_database_left_at_an_earlier_revision_is_upgraded_on_opening(
    postgres_server, earlier: str
) -> None:
    from alembic import command

    name = f"roundtable_at_{earlier}"
    postgres_server.execute(f"CREATE DATABASE {name}")
    url = postgres_server.url(name)
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            config = schema.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, earlier)
            connection.execute(
                text(
                    "INSERT INTO venues (name, address, access_note, uuid, created_at, "
                    "updated_at) VALUES ('Canal Street hall', '', '', gen_random_uuid(), "
                    "now(), now())"
                )
            )
    finally:
        engine.dispose()

    database = open_server_database(url)
    try:
        with database.engine.connect() as connection:
            assert connection.scalar(text("SELECT version_num FROM alembic_version")) == (
                migrations.HEAD
            )
        with database.transaction() as session:
            assert session.scalars(select(Venue.name)).all() == ["Canal Street hall"]
    finally:
        database.close()
        postgres_server.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_a_migration_that_fails_halfway_leaves_the_database_as_it_was(server_db, tmp_path) -> None:
    with server_db.transaction() as session:
        session.add(Person(full_name="Nia Pritchard"))
    scripts = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "0999_fails.py").write_text(
        FAILING_REVISION.format(head=migrations.HEAD), encoding="utf-8"
    )
    tables_before = set(inspect(server_db.engine).get_table_names())

    with pytest.raises(MigrationFailed, match="left it exactly as it was"):
        schema.upgrade(server_db.engine, scripts)

    inspector = inspect(server_db.engine)
    assert set(inspector.get_table_names()) == tables_before
    assert "nickname" not in [column["name"] for column in inspector.get_columns("people")]
    with server_db.transaction() as session:
        assert session.scalars(select(Person.full_name)).all() == ["Nia Pritchard"]
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == (migrations.HEAD)


def test_a_database_from_a_newer_app_is_refused_and_untouched(server_db) -> None:
    with server_db.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    url = server_db.engine.url.render_as_string(hide_password=False)
    with pytest.raises(DatabaseTooNew, match="newer version of Roundtable"):
        open_server_database(url)
    with server_db.transaction() as session:
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == "9999"


def test_a_database_holding_someone_elses_tables_is_refused(postgres_server) -> None:
    postgres_server.execute("CREATE DATABASE someone_elses")
    try:
        postgres_server_engine = create_engine(postgres_server.url("someone_elses"))
        with postgres_server_engine.begin() as connection:
            connection.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY)"))
        postgres_server_engine.dispose()
        with pytest.raises(StorageError, match="not ones Roundtable made"):
            open_server_database(postgres_server.url("someone_elses"))
    finally:
        postgres_server.execute("DROP DATABASE someone_elses WITH (FORCE)")


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("not an address", "is not a database address"),
        ("sqlite:///elsewhere.sqlite3", "only through a PostgreSQL server"),
        ("mysql://someone@example.org/roundtable", "only through a PostgreSQL server"),
    ],
)
def test_an_address_that_is_not_a_postgresql_database_is_refused(address, said) -> None:
    with pytest.raises(StorageError, match=said):
        open_server_database(address)


def test_a_server_that_is_not_running_is_said_in_plain_words(tmp_path) -> None:
    pytest.importorskip("psycopg")
    # A Unix socket folder with no server in it: nothing is sent over any network.
    with pytest.raises(StorageError, match="could not reach the shared database") as raised:
        open_server_database(f"postgresql://nobody@/roundtable?host={tmp_path}")
    assert "Traceback" not in str(raised.value)


def test_a_server_that_drops_the_connection_mid_save_loses_nothing_saved(
    server_db, postgres_server
) -> None:
    from app.models import Role
    from app.services import groups
    from app.services.groups import GroupDetails

    group = groups.save_group(server_db, GroupDetails("Kit That Works group"))
    people.add_member(server_db, group.id, "Amina Yusuf", Role.CHAMPION)
    name = server_db.engine.url.database
    with pytest.raises(SaveFailed, match="Everything saved before is safe"):  # noqa: SIM117
        with server_db.transaction() as session:
            session.add(Person(full_name="Bob Price"))
            session.flush()
            postgres_server.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            )
            session.add(Person(full_name="Carys Jones"))
    names = [row.full_name for row in people.list_members(server_db, group.id)]
    assert names == ["Amina Yusuf"]
