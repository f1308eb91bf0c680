"""The data file: engine, migrations, backups and integrity checks (SQLite-only parts live here).

``Database`` and ``open_database`` are loaded on first use, so that finding the data folder
(``app.storage.location``) does not import the database toolkit: the window can be drawn
first and the toolkit loaded after.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.storage.database import Database, open_database

__all__ = ["Database", "open_database"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from app.storage import database

        return getattr(database, name)
    raise AttributeError(f"module 'app.storage' has no attribute {name!r}")
