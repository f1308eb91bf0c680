"""The fault tests that open windows set Roundtable's style first, as the app does."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.postgres_server import STORES

HERE = Path(__file__).resolve().parent
OFFSCREEN_ONLY_WARNING = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_ONLY_WARNING))


@pytest.fixture(scope="session")
def _styled_once(qapp):  # type: ignore[no-untyped-def]
    # Once, before any window: changing the style under live widgets is what the app never does.
    from app.ui.looks import apply_look
    from app.ui.settings import NORMAL_LOOK

    apply_look(NORMAL_LOOK)
    return qapp


@pytest.fixture
def styled_app(_styled_once):  # type: ignore[no-untyped-def]
    """The QApplication with Roundtable's look on, its font put back afterwards."""
    from PySide6.QtGui import QFont

    font = QFont(_styled_once.font())
    yield _styled_once
    _styled_once.setFont(font)


@pytest.fixture(scope="module", params=STORES)
def shared(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    """One store with the example groups for a whole module of bad-input cases, on the data
    file (fsync off for speed: durability is not what those cases test) and on a server."""
    from app.services import decision_log, example_data, groups, meetings
    from app.storage import open_database

    with ExitStack() as closing:
        if request.param == "data file":
            db = open_database(tmp_path_factory.mktemp("bad-input"))
            closing.callback(db.close)
            with db.sqlite_connection() as connection:
                connection.execute("PRAGMA synchronous=OFF")
        else:
            server = request.getfixturevalue("postgres_server")
            db = closing.enter_context(server.new_database())
        example_data.load_example_data(db)
        group = groups.list_groups(db)[0]
        meeting = meetings.list_meetings(db, group.id)[0]
        decision = decision_log.list_decisions(db, group.id)[0]
        yield {"db": db, "group": group.id, "meeting": meeting.id, "decision": decision.id}
        if request.param == "data file":
            assert db.problems(full=True) == []
