"""Shared by the fault tests: run the real command, read every row, hash a file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def roundtable(
    *arguments: str, data_dir: Path, timeout: float = 120
) -> subprocess.CompletedProcess:
    """``python -m app …`` as a person would run it; never a traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "app", *arguments, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def rows_of_every_table(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (Alembic's own included), read without changing the file."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }
    finally:
        connection.close()
