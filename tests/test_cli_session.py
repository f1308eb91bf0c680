"""``roundtable session list``: each session's number, for ``export`` and ``--live``."""

from datetime import datetime
from pathlib import Path

import pytest

from app import cli
from app.models import MeetingStatus
from app.services import groups, meetings
from app.storage import open_database
from tests.test_cli import roundtable


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example")
    made = roundtable("demo", data_dir=folder)
    assert made.returncode == 0, made.stderr
    return folder


def test_every_session_is_a_plain_line_with_its_number(example_dir: Path) -> None:
    result = roundtable("session", "list", data_dir=example_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 14
    assert lines[0] == (
        "Session 1: Wednesday 5 July 2028, Everyday Equipment Users' Group, "
        "“Getting started: why we are here”. Held."
    )
    assert lines[-1] == (
        "Session 7: Wednesday 11 October 2028, Everyday Equipment Users' Group, "
        "“Learning event: final run-through”. Planned."
    )
    # Words and punctuation only: nothing a screen reader would read out as lines of a box.
    assert not any(mark in result.stdout for mark in "│┃─━┌┐└┘|+\t")


def test_one_groups_sessions_by_its_name(example_dir: Path) -> None:
    result = roundtable(
        "session", "list", "--group", "tech at home residents' panel", data_dir=example_dir
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 7
    assert all("Tech at Home Residents' Panel" in line for line in lines)
    assert lines[-1].startswith("Session 14: Sunday 8 October 2028,")


def test_the_number_shown_is_the_one_export_takes(example_dir: Path, tmp_path: Path) -> None:
    listed = roundtable("session", "list", "--group", "2", data_dir=example_dir)
    number = listed.stdout.splitlines()[-1].split(":")[0].removeprefix("Session ")
    out = tmp_path / "pack.pdf"
    made = roundtable(
        "export", "pack", "--session", number, "--kind", "before", "--out", str(out),
        data_dir=example_dir,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "Six weeks on: what we learned from the trial" in made.stdout


def test_no_sessions_yet_is_said_plainly(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    db = open_database(data_dir)
    try:
        group = groups.create_group(db, "Kit That Works group")
    finally:
        db.close()
    assert cli.main(["session", "list", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == "There are no sessions in Roundtable's data yet.\n"
    assert cli.main(["session", "list", "--group", str(group.id)]) == 0
    assert capsys.readouterr().out == "Kit That Works group has no sessions yet.\n"


def test_a_cancelled_session_says_so(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    db = open_database(data_dir)
    try:
        group = groups.create_group(db, "Kit That Works group")
        planned = meetings.plan_meeting(
            db, group.id, "Letters", datetime(2028, 11, 1, 10), [("Welcome", 10)]
        )
        details = meetings.get_session(db, planned.id)
        meetings.save_session(
            db, meetings.SessionDetails(**{**vars(details), "status": MeetingStatus.CANCELLED})
        )
    finally:
        db.close()
    assert cli.main(["session", "list", "--group", "Kit That Works group"]) == 0
    assert capsys.readouterr().out == (
        f"Session {planned.id}: Wednesday 1 November 2028, Kit That Works group, "
        "“Letters”. Cancelled.\n"
    )


def test_a_group_that_is_not_there(example_dir: Path) -> None:
    result = roundtable("session", "list", "--group", "Nobody's group", data_dir=example_dir)
    assert result.returncode == 1
    assert result.stderr.strip() == "There is no group called “Nobody's group”."
