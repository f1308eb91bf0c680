"""Real file-system faults for the tests: a small disk that fills up, a read-only folder.

Both need mount(8), so root on Linux; as anyone else, a read-only folder is made with
permissions instead (which root ignores), and the small disk is not available.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


def _mount(*arguments: str) -> None:
    result = subprocess.run(["mount", *arguments], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")


def _unmount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], capture_output=True, check=False)


@contextmanager
def small_disk(point: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` at ``point``: writes beyond it fail with 'No space left'."""
    if not can_mount():
        pytest.skip("a small disk needs mount (root on Linux)")
    point.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(point))
    try:
        yield point
    finally:
        _unmount(point)


def grow(point: Path, size_kb: int) -> None:
    """Make the small disk at ``point`` bigger, keeping what is on it."""
    _mount("-o", f"remount,size={size_kb}k", str(point))


@contextmanager
def read_only_view(source: Path, point: Path) -> Iterator[Path]:
    """``source`` seen at ``point`` through a read-only mount (or, not as root, permissions)."""
    point.mkdir(parents=True, exist_ok=True)
    if not can_mount():
        if os.name != "posix" or os.geteuid() == 0:
            pytest.skip("needs mount or an ordinary user")
        source.chmod(0o500)
        try:
            yield source
        finally:
            source.chmod(0o700)
        return
    _mount("--bind", str(source), str(point))
    try:
        _mount("-o", "remount,ro,bind", str(point))
        yield point
    finally:
        _unmount(point)
