"""The real app in a process of its own on a virtual screen, typed into as a person types.

Used by the kill tests: Xvfb is the screen, ``xdotool type`` presses real keys (through the
X server, so Qt sees them exactly as it sees a keyboard), and SIGKILL ends the process
with no chance to tidy up, as a flat battery or a crash would.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOW_NAME = "Live session"


def tools_missing() -> str:
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    return ", ".join(missing)


class VirtualScreen:
    """An Xvfb server on a free display number, for as long as the ``with`` block lasts."""

    def __enter__(self) -> VirtualScreen:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            # -noreset: the server must not restart each time its last client (a killed app)
            # goes, or the next start may find no screen for a moment.
            [
                "Xvfb",
                "-displayfd",
                str(write),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        self.display = f":{number}"
        return self

    def __exit__(self, *_exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@dataclass
class Typed:
    """Every chunk typed, with the moment the last key of it had been pressed."""

    chunks: list[tuple[float, str]] = field(default_factory=list)

    def text(self) -> str:
        return "".join(chunk for _at, chunk in self.chunks)

    def before(self, moment: float) -> str:
        return "".join(chunk for at, chunk in self.chunks if at <= moment)


class LiveApp:
    """``python -m app --live last`` on ``screen``, over the data in ``folder``."""

    def __init__(self, screen: VirtualScreen, folder: Path) -> None:
        self.env = {
            **os.environ,
            "DISPLAY": screen.display,
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "0",
        }
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None
        self.window = ""
        self.killed_at = 0.0

    def start(self, timeout: float = 60.0, *, loaded: str = "") -> None:
        """Start the app and give its window the keyboard; with ``loaded`` (the session's
        title), also wait until the session has been read and its notes shown."""
        errors = self.folder.parent / "live-app-errors.txt"
        with errors.open("ab") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "app", "--live", "last", "--data-dir", str(self.folder)],
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(errors.read_text(encoding="utf-8", errors="replace"))
            wanted = f"{WINDOW_NAME}: {loaded}" if loaded else WINDOW_NAME
            found = self._xdotool("search", "--onlyvisible", "--name", wanted, check=False)
            if found:
                self.window = found.split()[0]
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the live window did not appear")
        self._xdotool("windowfocus", "--sync", self.window)

    def type(self, text: str, typed: Typed, delay_ms: int = 15) -> None:
        self._xdotool("type", "--delay", str(delay_ms), text)
        typed.chunks.append((time.monotonic(), text))

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> float:
        assert self.process is not None
        moment = time.monotonic()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        return moment

    def kill_quietly(self) -> None:
        """``kill`` for a timer thread: the moment is kept in ``killed_at``."""
        self.killed_at = self.kill()

    def quit(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def _xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=60
        )
        if check and done.returncode != 0:
            raise AssertionError(f"xdotool {args[0]} failed: {done.stderr}")
        return done.stdout.strip()


def check_data(folder: Path) -> subprocess.CompletedProcess[str]:
    """``python -m app check`` on the folder, as a person would run it."""
    return subprocess.run(
        [sys.executable, "-m", "app", "check", "--data-dir", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def saved_notes(folder: Path, agenda_item_id: int) -> str:
    """The notes on the item, read straight from the file (after ``check_data``)."""
    connection = sqlite3.connect(folder / "roundtable.sqlite3")
    try:
        row = connection.execute(
            "SELECT text FROM notes WHERE agenda_item_id = ? ORDER BY id LIMIT 1",
            (agenda_item_id,),
        ).fetchone()
        return row[0] if row else ""
    finally:
        connection.close()
