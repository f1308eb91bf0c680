"""A group's data on a shared PostgreSQL server, for organisations beyond one laptop.

The server's own administrators keep its backups and check its disks, so this handle has
none of the data file's backups or integrity checks: only the schema, kept by the same
migrations, and the same unit of work.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from app.errors import SaveFailed, StorageError
from app.i18n import _
from app.storage import migrations, schema
from app.storage.store import Store

log = logging.getLogger(__name__)


@dataclass
class ServerDatabase(Store):
    """An open database on a PostgreSQL server."""

    def where(self) -> str:
        """Where the data is, in words: the database and its server, never a password."""
        address = self.engine.url
        return _("the shared database “{name}” on {host}").format(
            name=address.database or "", host=host_words(address)
        )

    def write_refused(self, error: DBAPIError) -> StorageError | None:
        # PostgreSQL's "operational" errors are the server's own troubles (gone away, out
        # of disk or memory), never a fault in what was asked of it.
        if isinstance(error, OperationalError):
            return SaveFailed(
                _(
                    "Roundtable could not save this, because the shared database server "
                    "did not accept it. Everything saved before is safe. Please try again "
                    "later, or ask whoever looks after the server."
                )
            )
        return None

    def forget_deleted(self) -> None:
        """Rewrite every table, so no deleted or overwritten row is left in its pages.

        PostgreSQL keeps old versions of rows until a vacuum; a full vacuum writes each
        table afresh. Its own log and the server's backups are its administrators' to keep.
        """
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as link:
            link.exec_driver_sql("VACUUM FULL")


def open_server_database(url: str) -> ServerDatabase:
    """Connect to the database at ``url`` (``postgresql://…``), creating or upgrading it.

    Raises a ``StorageError`` with a plain sentence when the address is not a PostgreSQL
    database, the server cannot be reached, or its data is newer than this app.
    """
    try:
        address = make_url(url)
    except ArgumentError as error:
        raise StorageError(_("“{url}” is not a database address.").format(url=url)) from error
    if address.get_backend_name() != "postgresql":
        raise StorageError(
            _("Roundtable can share data only through a PostgreSQL server, not “{kind}”.").format(
                kind=address.get_backend_name()
            )
        )
    if address.drivername == "postgresql":  # SQLAlchemy's default driver is not the one we ship
        address = address.set(drivername="postgresql+psycopg")
    engine = create_engine(address, pool_pre_ping=True)
    try:
        with engine.connect() as connection:
            current = stored_revision(connection)
        schema.refuse_if_too_new(current, migrations.REVISIONS)
        if current != migrations.HEAD:
            schema.upgrade(engine)
    except DBAPIError as error:
        engine.dispose()
        log.warning("the database server could not be used: %s", error.orig)
        raise StorageError(
            _(
                "Roundtable could not reach the shared database on {host}. Please check that "
                "the server is running and that you may use it."
            ).format(host=host_words(address))
        ) from error
    except BaseException:
        engine.dispose()
        raise
    return ServerDatabase(engine)


def host_words(address: URL) -> str:
    """The server's name; a Unix socket (no host) is on this computer."""
    return address.host or _("this computer")


def stored_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        if inspect(connection).get_table_names():
            raise StorageError(_("That database holds tables, but not ones Roundtable made."))
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
