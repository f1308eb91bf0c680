"""Where the data lives: the data file (engine, migrations, backups and integrity checks, the
SQLite-only parts) or a shared PostgreSQL server.

The handles are loaded on first use, so that finding the data folder
(``app.storage.location``) does not import the database toolkit: the window can be drawn
first and the toolkit loaded after.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.storage.database import Database, open_database
    from app.storage.opening import open_store
    from app.storage.server import ServerDatabase, open_server_database
    from app.storage.store import Store

_HOMES = {
    "Database": "database",
    "open_database": "database",
    "ServerDatabase": "server",
    "open_server_database": "server",
    "Store": "store",
    "open_store": "opening",
}
__all__ = [
    "Database",
    "ServerDatabase",
    "Store",
    "open_database",
    "open_server_database",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        module = importlib.import_module(f"app.storage.{_HOMES[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'app.storage' has no attribute {name!r}")
