"""A throwaway PostgreSQL server for the tests: its own folder, a Unix socket only, no network.

The services must run the same on a shared server as on the data file, so the tests that
take a ``db`` run on both. The server is started once per test run from Debian's (or the
PATH's) PostgreSQL programs, and every test gets a new database copied from one that the
real migrations built.
"""

from __future__ import annotations

import getpass
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from app.storage import ServerDatabase, open_server_database

# Speed over safety: this server's data is thrown away at the end of the run.
_SETTINGS = {
    "listen_addresses": "",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "40",
    # Not UTC, so that a time stored without its zone would show up as wrong.
    "timezone": "America/New_York",
}
TEMPLATE = "roundtable_template"
STORES = ("data file", "PostgreSQL")


def server_programs() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return debian[0].parent if debian else None


class PostgresServer:
    """One server, owned by the test run. PostgreSQL refuses to run as root, so a root
    test run starts it as the ``postgres`` user that Debian's package made."""

    def __init__(self, programs: Path) -> None:
        self.programs = programs
        self.as_root = os.geteuid() == 0
        self.user = "postgres" if self.as_root else getpass.getuser()
        self.root = Path(tempfile.mkdtemp(prefix="roundtable-postgres-"))
        self.data = self.root / "data"
        if self.as_root:
            shutil.chown(self.root, user=self.user)
        self.root.chmod(0o700)
        self._numbers = itertools.count(1)

    def start(self) -> None:
        self._run("initdb", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-D", self.data)
        options = " ".join(f"-c {name}='{value}'" for name, value in _SETTINGS.items())
        options += f" -c unix_socket_directories='{self.root}'"
        log = self.root / "log"
        self._run("pg_ctl", "start", "--wait", "-D", self.data, "-l", log, "-o", options)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "stop", "--mode=immediate", "-D", self.data)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def build_template(self) -> None:
        """The database every test's database is copied from, built by the real migrations."""
        self.execute(f"CREATE DATABASE {TEMPLATE}")
        open_server_database(self.url(TEMPLATE)).close()

    @contextmanager
    def new_database(self) -> Iterator[ServerDatabase]:
        """A new database with the newest schema, dropped afterwards."""
        name = f"roundtable_test_{next(self._numbers)}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        database = open_server_database(self.url(name))
        try:
            yield database
        finally:
            database.close()
            self.execute(f"DROP DATABASE {name} WITH (FORCE)")

    def execute(self, statement: str) -> None:
        engine = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.root}"

    def log(self) -> str:
        try:
            return (self.root / "log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def _run(self, program: str, *arguments: object) -> None:
        command = [str(self.programs / program), *map(str, arguments)]
        if self.as_root:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed: {done.stderr or done.stdout}\n{self.log()}")
