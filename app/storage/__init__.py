"""The data file: engine, migrations, backups and integrity checks (SQLite-only parts live here)."""

from app.storage.database import Database, open_database

__all__ = ["Database", "open_database"]
