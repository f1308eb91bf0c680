import os

# Before anything imports Qt: tests draw into memory, never onto a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket
import sys
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from app import clock
from app.models import AttendanceStatus, Role
from app.services import groups, live_actions, live_close, meetings, people
from app.services.groups import GroupDetails, GroupSummary
from app.storage import Database, ServerDatabase, Store, open_database
from tests.postgres_server import STORES, PostgresServer, server_programs

# The day every test runs on, whatever the computer's calendar says: by default one of the
# longest to write ("Wednesday 27 September 2028"); CI runs the screens again on others.
TEST_DAY = date.fromisoformat(os.environ.get("ROUNDTABLE_TEST_DAY") or "2028-09-27")
TEST_START = datetime.combine(TEST_DAY, time(10, 0))
# Programs the tests start (the command line, live mode) begin on the same day.
os.environ[clock.START_VARIABLE] = TEST_START.isoformat()
clock.start_from_environment()  # for what test modules work out as they are loaded


@pytest.fixture(autouse=True)
def _on_the_test_day() -> Iterator[None]:
    """Every test starts at 10 in the morning of ``TEST_DAY``; the clock runs on from there."""
    with clock.running_from(TEST_START):
        yield


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may read or write a real user's data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("ROUNDTABLE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(_private_data_dir: Path) -> Path:
    return _private_data_dir


@pytest.fixture(autouse=True)
def home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, so that a folder Roundtable offers the first time
    (Documents/Roundtable packs) is made in it and never in the real one. It lies outside
    ``tmp_path``, which some tests check holds only what they made."""
    folder = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


@pytest.fixture
def file_db(data_dir: Path) -> Iterator[Database]:
    database = open_database(data_dir)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def store_kind(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "data file")


@pytest.fixture
def db(store_kind: str, request: pytest.FixtureRequest) -> Database | ServerDatabase:
    """The data file; for the tests that run on both stores, a PostgreSQL database too."""
    return request.getfixturevalue("file_db" if store_kind == "data file" else "server_db")


# The services must behave the same wherever the data lives.
_ON_BOTH_STORES = {"services", "models"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that takes ``db`` under tests/services and tests/models, and every test
    marked ``both_stores``, runs once on the data file and once on a PostgreSQL server."""
    if "db" not in metafunc.fixturenames:
        return
    in_folder = Path(metafunc.definition.path).parent.name in _ON_BOTH_STORES
    if in_folder or metafunc.definition.get_closest_marker("both_stores"):
        metafunc.parametrize("store_kind", STORES, indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A private PostgreSQL server for the run, with a database the migrations built."""
    programs = server_programs()
    missing = None if programs else "PostgreSQL is not installed"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing = "the psycopg package is not installed"
    if missing or programs is None:
        message = f"{missing} (setup.sh --dev installs it on Debian and Ubuntu)"
        if os.environ.get("ROUNDTABLE_REQUIRE_POSTGRESQL"):
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(programs)
    server.start()
    try:
        server.build_template()
        yield server
    finally:
        server.stop()


@pytest.fixture
def server_db(postgres_server: PostgresServer) -> Iterator[ServerDatabase]:
    """A new database on the test server, its schema already at the newest revision."""
    with postgres_server.new_database() as database:
        yield database


@pytest.fixture
def paid_group(db: Store) -> GroupSummary:
    """A group paying £12 an hour; two sessions, the later one first in every list."""
    group = groups.save_group(db, GroupDetails("Kit That Works group", hourly_rate_pence=1_200))
    amina = people.add_member(db, group.id, "Amina Yusuf", Role.LIVED_EXPERIENCE)
    bob = people.add_member(db, group.id, "Bob Price", Role.CHAMPION)
    march = meetings.plan_meeting(
        db, group.id, "March session", datetime(2025, 3, 4, 10), [("Repairs", 90)]
    )
    may = meetings.plan_meeting(
        db, group.id, "May session", datetime(2025, 5, 6, 10), [("Letters", 60)]
    )
    for meeting in (march, may):
        for person in (amina, bob):
            live_actions.check_in(db, meeting.id, person.person_id, AttendanceStatus.PRESENT)
    live_close.confirm_payments(db, march.id, [(amina.person_id, 90), (bob.person_id, 90)])
    live_close.confirm_payments(
        db, may.id, [(amina.person_id, 60), (bob.person_id, 60)], declined=(bob.person_id,)
    )
    return group


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
