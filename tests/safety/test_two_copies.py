"""Two copies of Roundtable on one data folder: the second is told plainly, nothing is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from safety_helpers import ROOT, roundtable, rows_of_every_table

from app.storage import integrity

# The first copy: keeps saving, one person per unit of work, and says how many it saved.
WRITER = textwrap.dedent(
    """
    import sys
    import time
    from pathlib import Path
    from app.models import Person
    from app.storage import open_database

    db = open_database(Path(sys.argv[1]))
    print("open", flush=True)
    saved = 0
    while True:
        with db.transaction() as session:
            session.add(Person(full_name=f"Typed while another copy tried {saved}"))
        saved += 1
        if saved % 20 == 0:
            print(saved, flush=True)
        if Path(sys.argv[2]).exists():
            break
        time.sleep(0.01)
    db.close()
    print("closed", saved, flush=True)
    """
)


def start(arguments: list[str], data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )


@pytest.mark.slow
def test_a_second_copy_is_told_plainly_while_the_first_keeps_saving(
    data_dir: Path, tmp_path: Path
) -> None:
    assert roundtable("demo", data_dir=data_dir).returncode == 0
    backup = tmp_path / "backup.sqlite3"
    assert roundtable("backup", "--out", str(backup), data_dir=data_dir).returncode == 0
    stop = tmp_path / "stop"
    first = start(["-c", WRITER, str(data_dir), str(stop)], data_dir)
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "open"
        for command in (["--smoke"], ["demo"], ["check"], ["member", "list"]):
            second = roundtable(*command, data_dir=data_dir)
            assert second.returncode == 1, (command, second.stdout, second.stderr)
            message = second.stderr.strip()
            assert "in use by another copy of Roundtable" in message, message
            assert len(message.splitlines()) == 1, message
        restore = roundtable("restore", str(backup), data_dir=data_dir)
        assert restore.returncode == 1
        assert "in use by another copy" in restore.stderr
        stop.touch()
        out, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert first.returncode == 0, err
    saved = int(out.strip().splitlines()[-1].split()[-1])
    assert saved >= 1

    # Nothing lost: every unit of work the first copy finished is in the file.
    path = data_dir / "roundtable.sqlite3"
    assert not integrity.shut_down_uncleanly(path)
    assert integrity.check_file(path, full=True) == []
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    typed = connection.execute(
        "SELECT count(*) FROM people WHERE full_name LIKE 'Typed while another copy tried %'"
    ).fetchone()[0]
    connection.close()
    assert typed == saved
    assert roundtable("check", data_dir=data_dir).returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="ends the first copy with a signal")
def test_a_second_window_is_refused_while_the_app_is_open(data_dir: Path) -> None:
    assert roundtable("demo", data_dir=data_dir).returncode == 0
    before = rows_of_every_table(data_dir / "roundtable.sqlite3")
    first = start(["-m", "app", "--data-dir", str(data_dir)], data_dir)
    try:
        deadline = time.monotonic() + 60
        while True:  # the first copy holds the file once its window is up
            probe = roundtable("check", data_dir=data_dir)
            if probe.returncode == 1 and "in use" in probe.stderr:
                break
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first copy never opened the data"
            time.sleep(0.3)
        second = roundtable("--smoke", data_dir=data_dir)
        assert second.returncode == 1
        assert "in use by another copy of Roundtable" in second.stderr
    finally:
        first.terminate()
        first.communicate(timeout=30)
    assert rows_of_every_table(data_dir / "roundtable.sqlite3") == before
