import os

# Before anything imports Qt: tests draw into memory, never onto a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage import Database, open_database


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may read or write a real user's data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ROUNDTABLE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(_private_data_dir: Path) -> Path:
    return _private_data_dir


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    try:
        yield database
    finally:
        database.close()
