"""The code stays in the shape ruff keeps it (configured in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def ruff(*arguments: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "ruff", *arguments]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)


pytestmark = pytest.mark.skipif(
    subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True).returncode != 0
    and shutil.which("ruff") is None,
    reason="ruff is installed with the dev extras",
)


def test_lint_is_clean() -> None:
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout


def test_formatting_is_clean() -> None:
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout
