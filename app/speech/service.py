"""``SpeechService``: the one owner of speech in Roundtable.

One long-lived thread takes requests from a queue, in order, and is the only thing that
talks to the speech processes (one that speaks, one that writes files). A reading goes
onto the queue a sentence at a time, each sentence putting the next one at the back of the
queue: so a file or a list of voices asked for meanwhile is made between two sentences,
never after the whole reading. Pause acts between sentences everywhere; where the system
allows it (Linux, macOS) it also freezes the speaking process at once, mid-word. Stop always
ends the speaking process at once.

What happens is told to ``listener(state, message)`` (from whichever thread it happened
on): states are the ``SpeechState`` values; ``message`` is a plain sentence for ``FAILED``.
Each reading ends exactly once: ``FINISHED``, ``STOPPED`` or ``FAILED``.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from app.speech.engines import PLAYING, RECORDING
from app.speech.errors import SpeechFailed, SpeechUnavailable
from app.speech.interface import NORMAL_RATE, Recording, Segment, Voice
from app.speech.process import EngineProcess, Interrupted
from app.speech.text import sentences, word_count
from app.speech.wavfile import check_recording

log = logging.getLogger(__name__)

T = TypeVar("T")
Listener = Callable[["SpeechState", str], None]


class SpeechState(StrEnum):
    SPEAKING = "speaking"
    PAUSED = "paused"
    RESUMED = "resumed"
    FINISHED = "finished"
    STOPPED = "stopped"
    FAILED = "failed"


def speaking_timeout(text: str, rate: int) -> float:
    """Four times as long as the words should take, and never under 15 seconds."""
    return 15.0 + 4 * 60.0 * word_count(text) / max(rate, 1)


def recording_timeout(words: int, rate: int) -> float:
    return 30.0 + 60.0 * words / max(rate, 1)


@dataclass
class _Reading:
    pieces: deque[str]
    rate: int
    voice: str | None
    done: Future[None] = field(default_factory=Future)
    started: bool = False
    paused: bool = False
    parked: bool = False  # paused between sentences, with no next step queued


class SpeechService:
    def __init__(
        self, listener: Listener | None = None, env: Mapping[str, str] | None = None
    ) -> None:
        self.listener = listener
        self._speaker = EngineProcess(PLAYING, env)
        self._recorder = EngineProcess(RECORDING, env)
        self._jobs: queue.Queue[tuple[Future[Any], Callable[[], Any]] | None] = queue.Queue()
        self._reading: _Reading | None = None
        self._mid_sentence = False
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="roundtable-speech", daemon=True)
        self._thread.start()

    # -- the Speaker interface ----------------------------------------------------------

    def voices(self) -> list[Voice]:
        return self.voices_later().result()

    def voices_later(self) -> Future[list[Voice]]:
        def ask() -> list[Voice]:
            reply = self._recorder.request({"op": "voices"}, timeout=30.0)
            return [
                Voice(v["id"], v["name"], tuple(v.get("languages") or ())) for v in reply["voices"]
            ]

        return self._submit(ask)

    def say(self, text: str, rate: int = NORMAL_RATE, voice: str | None = None) -> Future[None]:
        """Read ``text`` aloud from its start, replacing anything being read now. The future
        is done when the reading ends, however it ends (the listener hears how)."""
        reading = _Reading(deque(sentences(text)), rate, voice)
        with self._lock:
            replaced = self._end_reading()
            self._reading = reading
        if replaced is not None:
            self._finish(replaced, SpeechState.STOPPED)
        if self._closed:
            self._reading = None
            self._finish(reading, SpeechState.STOPPED)
        else:
            self._step_later(reading)
        return reading.done

    def pause(self) -> bool:
        """Pause the reading now; False if nothing is being read (or it is paused)."""
        with self._lock:
            reading = self._reading
            if reading is None or reading.paused:
                return False
            reading.paused = True
            if self._mid_sentence:
                self._speaker.freeze(True)
        self._tell(SpeechState.PAUSED)
        return True

    def resume(self) -> bool:
        with self._lock:
            reading = self._reading
            if reading is None or not reading.paused:
                return False
            reading.paused = False
            self._speaker.freeze(False)
            parked, reading.parked = reading.parked, False
        self._tell(SpeechState.RESUMED)
        if parked:
            self._step_later(reading)
        return True

    def stop(self) -> bool:
        """Stop at once and forget the rest; False if nothing was being read."""
        with self._lock:
            stopped = self._end_reading()
        if stopped is None:
            return False
        self._finish(stopped, SpeechState.STOPPED)
        return True

    def is_speaking(self) -> bool:
        """True from ``say`` until the reading ends (paused included)."""
        return self._reading is not None

    def is_paused(self) -> bool:
        reading = self._reading
        return reading is not None and reading.paused

    def save_wav(
        self, text: str, path: Path, rate: int = NORMAL_RATE, voice: str | None = None
    ) -> Recording:
        return self.record([Segment(text, voice)], path, rate).result()

    def record(
        self, segments: Sequence[Segment], path: Path, rate: int = NORMAL_RATE
    ) -> Future[Recording]:
        """Write ``segments`` as one checked WAV file at ``path`` (queued with other speech)."""
        return self._submit(lambda: self._record(list(segments), path, rate))

    def close(self) -> None:
        """Stop speaking, finish the files asked for, and end the speech processes."""
        if self._closed:
            return
        self._closed = True
        self.stop()
        self._jobs.put(None)
        self._thread.join(timeout=30)
        self._speaker.close()
        self._recorder.close()

    # -- on the speech thread -----------------------------------------------------------

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, work = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(work())
            except BaseException as problem:  # handed to whoever waits on the future
                future.set_exception(problem)

    def _step(self, reading: _Reading) -> None:
        """Speak the next sentence of ``reading`` and queue the one after."""
        with self._lock:
            if reading is not self._reading:
                return  # stopped or replaced: that has been told already
            if reading.paused:
                reading.parked = True
                return
            if not reading.pieces:
                self._reading = None
                piece = None
            else:
                piece = reading.pieces.popleft()
        if piece is None:
            self._finish(reading, SpeechState.FINISHED)
            return
        try:
            if not reading.started:
                self._speaker.start()
            with self._lock:
                if reading is not self._reading:
                    return
                if reading.paused:  # paused while the speech process was starting
                    reading.pieces.appendleft(piece)
                    reading.parked = True
                    return
                first, reading.started = not reading.started, True
                self._mid_sentence = True  # from here on, stop ends the process
            if first:
                self._tell(SpeechState.SPEAKING)
            message = {"op": "speak", "text": piece, "rate": reading.rate, "voice": reading.voice}
            timeout = speaking_timeout(piece, reading.rate)
            self._speaker.request(message, timeout, start=False)
        except Interrupted:
            return  # stop ended the process on purpose, and has told it
        except (SpeechFailed, SpeechUnavailable) as problem:
            with self._lock:
                if reading is self._reading:
                    self._reading = None
            self._finish(reading, SpeechState.FAILED, str(problem))
            return
        finally:
            with self._lock:
                self._mid_sentence = False
        self._step_later(reading)

    def _record(self, segments: list[Segment], path: Path, rate: int) -> Recording:
        words = sum(word_count(segment.text) for segment in segments)
        message = {
            "op": "record",
            "segments": [{"text": s.text, "voice": s.voice} for s in segments],
            "rate": rate,
            "path": str(path),
        }
        self._recorder.request(message, timeout=recording_timeout(words, rate))
        return check_recording(path, words)

    # -- shared -------------------------------------------------------------------------

    def _end_reading(self) -> _Reading | None:
        """Take the current reading away, ending its sentence at once (lock held)."""
        reading = self._reading
        if reading is None:
            return None
        self._reading = None
        if self._mid_sentence:
            self._speaker.end(on_purpose=True)
        return reading

    def _finish(self, reading: _Reading, state: SpeechState, message: str = "") -> None:
        """End ``reading`` once, and say how (never with the lock held)."""
        with self._lock:
            if reading.done.done():
                return
            reading.done.set_result(None)
        self._tell(state, message)

    def _step_later(self, reading: _Reading) -> None:
        self._submit(lambda: self._step(reading))

    def _submit(self, work: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        if self._closed:
            future.set_exception(RuntimeError("speech has been closed"))
            return future
        self._jobs.put((future, work))
        return future

    def _tell(self, state: SpeechState, message: str = "") -> None:
        if self.listener is not None:
            try:
                self.listener(state, message)
            except Exception:
                log.exception("speech listener failed")
