"""The command line, run as a person would run it: a separate process, real files."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.storage import location

ROOT = Path(__file__).resolve().parent.parent


def roundtable(*arguments: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "app", *arguments]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, cwd=ROOT, env=environment
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version() -> None:
    result = roundtable("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Roundtable {__version__}"


def test_misuse_exits_2_with_usage() -> None:
    result = roundtable("frobnicate")
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert roundtable("backup").returncode == 2  # --out is required


def test_demo_fills_an_empty_database_once(data_dir: Path) -> None:
    first = roundtable("demo", data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert "Added the example data: 2 groups" in first.stdout
    second = roundtable("demo", data_dir=data_dir)
    assert second.returncode == 1
    assert "only be added to an empty database" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1


def test_check_reports_a_whole_file(data_dir: Path) -> None:
    assert roundtable("demo", data_dir=data_dir).returncode == 0
    result = roundtable("check", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout
    assert "2 groups" in result.stdout


def test_check_with_no_data_says_so_and_makes_nothing(data_dir: Path) -> None:
    result = roundtable("check", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.startswith(f"There is no Roundtable data in {data_dir}.")
    assert "--data-dir" in result.stderr
    assert not data_dir.exists()


@pytest.mark.parametrize("command", [["check"], ["demo"], ["backup", "--out", "x.sqlite3"]])
def test_a_damaged_file_gets_a_clear_message_and_is_left_untouched(
    data_dir: Path, tmp_path: Path, command: list[str]
) -> None:
    data_dir.mkdir(parents=True)
    damaged = data_dir / location.DATABASE_NAME
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(20000))
    before = sha256(damaged)
    if command[0] == "backup":
        command = ["backup", "--out", str(tmp_path / "x.sqlite3")]
    result = roundtable(*command, data_dir=data_dir)
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert sha256(damaged) == before
    assert not (tmp_path / "x.sqlite3").exists()


def test_backup_and_restore_round_trip(data_dir: Path, tmp_path: Path) -> None:
    assert roundtable("demo", data_dir=data_dir).returncode == 0
    copy = tmp_path / "copy.sqlite3"
    saved = roundtable("backup", "--out", str(copy), data_dir=data_dir)
    assert saved.returncode == 0, saved.stderr
    assert copy.exists()
    again = roundtable("backup", "--out", str(copy), data_dir=data_dir)
    assert again.returncode == 1
    assert "already exists" in again.stderr

    (data_dir / location.DATABASE_NAME).write_bytes(b"ruined" * 1000)
    restored = roundtable("restore", str(copy), data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert "The data it replaced is kept at" in restored.stdout
    kept = list((data_dir / "backups").glob("damaged-*.sqlite3"))
    assert [p.read_bytes() for p in kept] == [b"ruined" * 1000]
    check = roundtable("check", data_dir=data_dir)
    assert check.returncode == 0
    assert "2 groups" in check.stdout


def test_restore_of_a_missing_file_says_so(data_dir: Path, tmp_path: Path) -> None:
    result = roundtable("restore", str(tmp_path / "nowhere.sqlite3"), data_dir=data_dir)
    assert result.returncode == 1
    assert "There is no file at" in result.stderr


def test_the_data_dir_can_come_before_or_after_the_command(data_dir: Path) -> None:
    assert roundtable("demo", data_dir=data_dir).returncode == 0
    before = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert before.returncode == 0
    assert str(data_dir) in before.stdout


def test_smoke_opens_the_window_on_example_data(data_dir: Path) -> None:
    assert roundtable("demo", data_dir=data_dir).returncode == 0
    result = roundtable("--smoke", data_dir=data_dir)
    assert result.returncode == 0, result.stderr


def test_smoke_refuses_a_damaged_file_plainly(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    damaged = data_dir / location.DATABASE_NAME
    damaged.write_bytes(b"not a database " * 500)
    before = sha256(damaged)
    result = roundtable("--smoke", data_dir=data_dir)
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert sha256(damaged) == before
