"""One speech process seen from Roundtable: started when first needed, asked one thing at
a time, ended at once when speech must stop or when it stops answering."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from typing import IO, Any

from app.speech.errors import SpeechFailed, SpeechUnavailable, engine_stopped_message

log = logging.getLogger(__name__)

START_TIMEOUT = 20.0
WORKER_FLAG = "--speech-worker"  # how a frozen (installed) copy starts its speech process


class Interrupted(Exception):
    """The process was ended on purpose (speech was stopped) while it was busy."""


def worker_command(mode: str) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG, mode]
    return [sys.executable, "-m", "app.speech.worker", mode]


class EngineProcess:
    def __init__(self, mode: str, env: Mapping[str, str] | None = None) -> None:
        self.mode = mode
        self._env = dict(env) if env is not None else None
        self._process: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        # The process last ended on purpose: it may take a moment to die, and until it has
        # it must be neither used nor its ending taken for a fault.
        self._doomed: subprocess.Popen[str] | None = None
        self._frozen = False
        self._lock = threading.Lock()
        self._next_id = 0
        self.starts = 0  # how many times a process was started (for tests and the log)

    # -- called on the speech thread --------------------------------------------------

    def start(self) -> None:
        """Start the process now if it is not running (``SpeechUnavailable`` if it cannot)."""
        self._ensure_running()

    def request(
        self, message: dict[str, Any], timeout: float, *, start: bool = True
    ) -> dict[str, Any]:
        """Send ``message`` and wait for its answer, not counting time spent paused.

        With ``start=False`` a process that has ended is not started again: one ended on
        purpose raises ``Interrupted``, one that died raises ``SpeechFailed``.
        """
        if not start and not self._running():
            doomed = self._process is not None and self._process is self._doomed
            self._reap()
            if doomed:
                raise Interrupted
            raise SpeechFailed(engine_stopped_message())
        self._ensure_running()
        process = self._process
        assert process is not None and process.stdin is not None
        self._next_id += 1
        message = {**message, "id": self._next_id}
        try:
            process.stdin.write(json.dumps(message, ensure_ascii=True) + "\n")
            process.stdin.flush()
        except OSError:
            return self._ended(None)
        waited = 0.0
        while True:
            try:
                reply = self._answers.get(timeout=0.1)
            except queue.Empty:
                if not self._frozen:
                    waited += 0.1
                if waited > timeout:
                    log.warning("speech process (%s) stopped answering; ending it", self.mode)
                    self.end()
                    self._reap()
                    raise SpeechFailed(engine_stopped_message()) from None
                continue
            if reply is None:
                return self._ended(reply)
            if reply.get("id") != message["id"]:
                continue  # an answer to a request given up on earlier
            if "error" in reply:
                if reply.get("detail"):
                    log.warning("speech engine fault: %s", reply["detail"])
                raise SpeechFailed(str(reply["error"]))
            return reply

    def close(self) -> None:
        process = self._process
        if process is None:
            return
        self._process = None
        try:
            if process.stdin is not None:
                process.stdin.close()
            process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait(timeout=5)

    # -- may be called from any thread ------------------------------------------------

    def end(self, *, on_purpose: bool = False) -> None:
        """End the process at once (it is started again when next needed)."""
        with self._lock:
            process = self._process
            if process is None or process.poll() is not None:
                return
            if on_purpose:
                self._doomed = process
            process.kill()
            self._frozen = False

    def freeze(self, frozen: bool) -> bool:
        """Pause (or carry on) the process mid-sentence where the system allows it."""
        with self._lock:
            process = self._process
            if process is None or process.poll() is not None or not hasattr(signal, "SIGSTOP"):
                return False
            os.kill(process.pid, signal.SIGSTOP if frozen else signal.SIGCONT)
            self._frozen = frozen
            return True

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    # -- inside -----------------------------------------------------------------------

    def _running(self) -> bool:
        process = self._process
        return process is not None and process.poll() is None and process is not self._doomed

    def _ensure_running(self) -> None:
        if self._running():
            return
        self._reap()
        self._answers = queue.Queue()
        started = time.perf_counter()
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        process = subprocess.Popen(
            worker_command(self.mode),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="ascii",
            env=self._env,
            creationflags=flags,
        )
        self.starts += 1
        assert process.stdout is not None
        threading.Thread(
            target=_read_answers,
            args=(process.stdout, self._answers),
            name=f"roundtable-speech-{self.mode}-answers",
            daemon=True,
        ).start()
        try:
            first = self._answers.get(timeout=START_TIMEOUT)
        except queue.Empty:
            process.kill()
            raise SpeechFailed(engine_stopped_message()) from None
        if first is None or "ready" not in first:
            process.wait(timeout=5)
            if process.stdin is not None:
                process.stdin.close()
            message = first.get("error") if first else None
            raise SpeechUnavailable(str(message) if message else engine_stopped_message())
        self._process = process
        log.info("speech process (%s) ready in %.2f s", self.mode, time.perf_counter() - started)

    def _ended(self, _reply: object) -> dict[str, Any]:
        on_purpose = self._process is not None and self._process is self._doomed
        self._reap()
        if on_purpose:
            raise Interrupted
        raise SpeechFailed(engine_stopped_message())

    def _reap(self) -> None:
        """Collect a process that has ended (or been ended), so nothing of it is left."""
        process, self._process = self._process, None
        if process is None:
            return
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()


def _read_answers(stream: IO[str], answers: queue.Queue[dict[str, Any] | None]) -> None:
    try:
        for line in stream:
            try:
                answers.put(json.loads(line))
            except ValueError:
                continue
    finally:
        stream.close()
        answers.put(None)
