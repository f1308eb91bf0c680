"""The command line and the app pointed at a shared PostgreSQL server (``--database-url``,
or ``ROUNDTABLE_DATABASE_URL``), run as separate processes on the tests' private server.

The data folder still holds the settings and the log, but never a data file; backing up and
restoring, which are for the data file, are refused in words."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import groups
from app.storage import ServerDatabase
from app.storage.location import DATABASE_NAME
from tests.postgres_server import PostgresServer

ROOT = Path(__file__).resolve().parent.parent


def roundtable(
    *arguments: str, data_dir: Path, environment: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "app", *arguments, "--data-dir", str(data_dir)]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        **(environment or {}),
    }
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=ROOT, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def shared(postgres_server: PostgresServer) -> Iterator[tuple[ServerDatabase, str]]:
    """A new database on the server, and its address as a person would write it."""
    with postgres_server.new_database() as database:
        name = database.engine.url.database
        yield database, f"postgresql://{postgres_server.user}@/{name}?host={postgres_server.root}"


def test_the_commands_work_on_the_shared_server_and_leave_no_data_file(
    shared: tuple[ServerDatabase, str], tmp_path: Path
) -> None:
    database, url = shared
    made = roundtable("demo", "--database-url", url, data_dir=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Added the example data: 2 groups" in made.stdout
    assert [g.name for g in groups.list_groups(database)] == [
        "Everyday Equipment Users' Group",
        "Tech at Home Residents' Panel",
    ]
    checked = roundtable("check", "--database-url", url, data_dir=tmp_path)
    assert checked.returncode == 0, checked.stderr
    name = database.engine.url.database
    assert checked.stdout.splitlines() == [
        f"Roundtable is using the shared database “{name}” on this computer, and can read it.",
        "It holds 2 groups, 14 people, 14 sessions, 14 decisions and 23 actions.",
        "Its backups and disk checks are made on the server, by whoever looks after it.",
    ]
    log = tmp_path / "log.pdf"
    exported = roundtable(
        "export", "decisions", "--group", "1", "--database-url", url, "--out", str(log),
        data_dir=tmp_path,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert log.read_bytes().startswith(b"%PDF")
    smoke = roundtable("--smoke", "--database-url", url, data_dir=tmp_path)
    assert smoke.returncode == 0, smoke.stderr
    assert "and the data in it after" in smoke.stdout + smoke.stderr
    assert not (tmp_path / DATABASE_NAME).exists()


def test_the_address_can_come_from_the_environment(
    shared: tuple[ServerDatabase, str], tmp_path: Path
) -> None:
    _database, url = shared
    checked = roundtable(
        "check", data_dir=tmp_path, environment={"ROUNDTABLE_DATABASE_URL": f"  {url} "}
    )
    assert checked.returncode == 0, checked.stderr
    assert "It holds 0 groups, 0 people" in checked.stdout
    assert not (tmp_path / DATABASE_NAME).exists()


def test_backing_up_and_restoring_a_shared_server_are_refused_in_words(
    shared: tuple[ServerDatabase, str], tmp_path: Path
) -> None:
    _database, url = shared
    out = tmp_path / "copy.sqlite3"
    for command in (["backup", "--out", str(out)], ["restore", str(out)]):
        refused = roundtable(*command, "--database-url", url, data_dir=tmp_path)
        assert refused.returncode == 1
        assert refused.stderr.strip() == (
            "Roundtable's data is on a shared database server, so its backups are made and "
            "put back there, by whoever looks after the server. Backing up and restoring "
            "here work only with a data file."
        )
    assert not out.exists()


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("sqlite:///elsewhere.db", "Roundtable can share data only through a PostgreSQL server"),
        ("not an address", "“not an address” is not a database address."),
        (
            "postgresql://nobody@/roundtable?host=/no/such/folder",
            "Roundtable could not reach the shared database on this computer.",
        ),
    ],
)
def test_an_address_that_cannot_be_used_is_said_plainly(
    tmp_path: Path, address: str, said: str
) -> None:
    for command in (["check"], ["--smoke"], ["export", "payments", "--group", "1", "--out", "x"]):
        result = roundtable(*command, "--database-url", address, data_dir=tmp_path)
        assert result.returncode == 1, (command, result.stdout)
        assert said in result.stderr
    assert not (tmp_path / DATABASE_NAME).exists()
