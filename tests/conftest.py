import os

# Before anything imports Qt: tests draw into memory, never onto a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket
import sys
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


# Every socket that the Python code of any test (and of the app it drives) asks for, seen
# through the interpreter's audit hooks: Roundtable must never reach for the network.
# (tests/safety/test_no_network.py watches the real app's processes, Qt's own code too.)
_NETWORK_FAMILIES = {int(socket.AF_INET), int(socket.AF_INET6)}
_NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto"}
_network_use: list[str] = []


def _audit(event: str, arguments: tuple) -> None:  # type: ignore[type-arg]
    if event == "socket.__new__" and len(arguments) > 1 and arguments[1] in _NETWORK_FAMILIES:
        _network_use.append(f"a network socket ({arguments[1]})")
    elif event in _NETWORK_EVENTS:
        _network_use.append(event)


sys.addaudithook(_audit)


@pytest.fixture(autouse=True)
def _no_network_use() -> Iterator[None]:
    _network_use.clear()
    yield
    assert not _network_use, f"the code under test reached for the network: {_network_use}"
