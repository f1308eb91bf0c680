"""A program killed mid-work leaves its write-ahead log; the next start checks fully and
keeps every committed change."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Person
from app.storage import integrity, open_database

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from app.models import Person
    from app.storage import open_database

    db = open_database(Path(sys.argv[1]))
    for n in range(50):
        with db.transaction() as session:
            session.add(Person(full_name=f"Person {n}"))
    print("committed", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_app_leaves_a_log_and_loses_no_committed_change(data_dir: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "committed"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        if writer.stdout:
            writer.stdout.close()

    path = data_dir / "roundtable.sqlite3"
    assert integrity.shut_down_uncleanly(path)
    db = open_database(data_dir)
    try:
        with db.transaction() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 50
        assert db.problems(full=True) == []
    finally:
        db.close()
    assert not integrity.shut_down_uncleanly(path)
