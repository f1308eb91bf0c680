"""Creating and upgrading the schema, only ever through the Alembic revisions.

Each upgrade runs in one transaction (foreign key enforcement paused, as SQLite requires
for table rebuilds, and every reference checked before commit), so a failure leaves the
file exactly as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from app.errors import DatabaseTooNew, MigrationFailed
from app.i18n import _
from app.storage import migrations

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def script_revisions(script_location: Path = MIGRATIONS_DIR) -> list[str]:
    """The revisions in ``script_location``, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config(script_location))
    return [script.revision for script in reversed(list(scripts.walk_revisions()))]


def refuse_if_too_new(current: str | None, known: tuple[str, ...] | list[str]) -> None:
    if current is not None and current not in known:
        raise DatabaseTooNew(
            _(
                "This data file was saved by a newer version of Roundtable. Please install "
                "the newer version to open it; nothing in the file has been changed."
            )
        )


def upgrade(engine: Engine, script_location: Path = MIGRATIONS_DIR) -> None:
    """Bring the schema to the newest revision in ``script_location`` in one transaction."""
    try:
        if engine.dialect.name == "sqlite":
            _upgrade_sqlite(engine, script_location)
        else:
            with engine.begin() as connection:
                _run_revisions(connection, script_location)
    except MigrationFailed:
        raise
    except Exception as error:
        raise MigrationFailed(
            _(
                "Roundtable could not upgrade your data file, so it left it exactly as it "
                "was ({reason})."
            ).format(reason=error)
        ) from error


def _upgrade_sqlite(engine: Engine, script_location: Path) -> None:
    # Rebuilding a table (SQLite's only way to alter most things) needs foreign keys off,
    # so every reference is checked by hand before the upgrade commits.
    with engine.connect() as connection:
        dbapi = connection.connection.dbapi_connection
        assert isinstance(dbapi, sqlite3.Connection)
        dbapi.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                _run_revisions(connection, script_location)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationFailed(
                        _("The upgrade would have left records pointing at nothing.")
                    )
        finally:
            dbapi.execute("PRAGMA foreign_keys=ON")


def _run_revisions(connection: Connection, script_location: Path) -> None:
    from alembic import command

    config = alembic_config(script_location)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
