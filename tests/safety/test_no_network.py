"""Roundtable never opens a network connection: the real programs, traced by the kernel.

Each command runs under ``strace -f`` (children too: the speech engine, the PDF tools),
and any socket of the internet families (AF_INET, AF_INET6) fails the test. A control
run shows the trace would catch one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from safety_helpers import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("strace") is None or not sys.platform.startswith("linux"),
    reason="strace (Linux) is needed: bash setup.sh --dev installs it",
)
NETWORK = {"AF_INET", "AF_INET6"}
_FAMILY = re.compile(r"(?:socket\(|sa_family=)(AF_[A-Z0-9]+)")


def families(arguments: list[str], log: Path, timeout: float = 180) -> set[str]:
    """The socket families used by ``python arguments…`` and every process it started."""
    trace = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log)]
    result = subprocess.run(
        [*trace, sys.executable, *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    if "ptrace" in result.stderr and "Operation not permitted" in result.stderr:
        pytest.skip("this machine does not allow tracing")
    assert result.returncode == 0, (arguments, result.stdout, result.stderr)
    return set(_FAMILY.findall(log.read_text(encoding="utf-8", errors="replace")))


def test_the_trace_would_catch_a_network_socket(tmp_path: Path) -> None:
    used = families(["-c", "import socket; socket.socket().close()"], tmp_path / "control.log")
    assert "AF_INET" in used


@pytest.mark.slow
def test_no_command_of_the_app_uses_the_network(data_dir: Path, tmp_path: Path) -> None:
    d = ["--data-dir", str(data_dir)]
    runs = {
        "demo": ["-m", "app", "demo", *d],
        "check": ["-m", "app", "check", *d],
        "smoke": ["-m", "app", "--smoke", *d],
        "backup": ["-m", "app", "backup", "--out", str(tmp_path / "copy.sqlite3"), *d],
        "member export": [
            *("-m", "app", "member", "export", "--person", "1"),
            *("--out", str(tmp_path / "person.txt"), *d),
        ],
        "decision log PDF": [
            *("-m", "app", "export", "decisions", "--group", "1"),
            *("--out", str(tmp_path / "log.pdf"), *d),
        ],
        "audio pack": [
            *("-m", "app", "export", "audio", "--session", "last", "--group", "1"),
            *("--kind", "after", "--out", str(tmp_path / "audio"), *d),
        ],
    }
    for name, arguments in runs.items():
        used = families(arguments, tmp_path / f"{name}.log")
        assert not used & NETWORK, f"{name} opened a network socket: {sorted(used)}"
    assert (tmp_path / "log.pdf").stat().st_size > 0
    assert list((tmp_path / "audio").glob("*.wav"))
