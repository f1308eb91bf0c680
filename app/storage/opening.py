"""Opening wherever the data lives: a shared server when its address is given, else the
data file in the data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.storage.store import Store


def open_store(folder: Path, database_url: str | None = None, **file_options: Any) -> Store:
    """The PostgreSQL database at ``database_url``, or (None) the data file in ``folder``,
    opened with ``file_options``. Both refuse in a plain sentence (a ``StorageError``)."""
    if database_url:
        from app.storage.server import open_server_database

        return open_server_database(database_url)
    from app.storage.database import open_database

    return open_database(folder, **file_options)
