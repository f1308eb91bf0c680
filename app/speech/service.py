"""``SpeechService``: the one owner of speech in Roundtable.

One long-lived thread takes requests from a queue, in order, and is the only thing that
talks to the speech processes (one that speaks, one that writes files). Speaking goes a
sentence at a time, so pause and stop act between sentences wherever they are asked from;
where the system allows it (Linux, macOS), pause also freezes the speaking process at once,
mid-word, and stop always ends it at once.

What happens is told to ``listener(state, message)`` (from the speech thread): states are
the ``SpeechState`` values; ``message`` is a plain sentence for ``FAILED``.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
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


class SpeechService:
    def __init__(
        self, listener: Listener | None = None, env: Mapping[str, str] | None = None
    ) -> None:
        self.listener = listener
        self._speaker = EngineProcess(PLAYING, env)
        self._recorder = EngineProcess(RECORDING, env)
        self._jobs: queue.Queue[tuple[Future[Any], Callable[[], Any]] | None] = queue.Queue()
        self._generation = 0  # a stop or a new reading makes older readings give up
        self._resume = threading.Event()
        self._resume.set()
        self._speaking = False
        self._state_lock = threading.Lock()
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
        """Read ``text`` aloud from its start, replacing anything being read now."""
        generation = self._new_reading()
        return self._submit(lambda: self._read(generation, sentences(text), rate, voice))

    def pause(self) -> bool:
        """Pause the reading now; False if nothing is being read."""
        with self._state_lock:
            if not self._speaking or not self._resume.is_set():
                return False
            self._resume.clear()
            self._speaker.freeze(True)
        self._tell(SpeechState.PAUSED)
        return True

    def resume(self) -> bool:
        with self._state_lock:
            if self._resume.is_set():
                return False
            self._speaker.freeze(False)
            self._resume.set()
        self._tell(SpeechState.RESUMED)
        return True

    def stop(self) -> bool:
        """Stop at once and forget the rest; False if nothing was being read."""
        was_speaking = self._speaking
        self._new_reading()
        return was_speaking

    def is_speaking(self) -> bool:
        return self._speaking

    def is_paused(self) -> bool:
        return not self._resume.is_set()

    def save_wav(
        self, text: str, path: Path, rate: int = NORMAL_RATE, voice: str | None = None
    ) -> Recording:
        return self.record([Segment(text, voice)], path, rate).result()

    def record(
        self, segments: Sequence[Segment], path: Path, rate: int = NORMAL_RATE
    ) -> Future[Recording]:
        """Write ``segments`` as one checked WAV file at ``path`` (queued behind other speech)."""
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

    def _read(self, generation: int, pieces: list[str], rate: int, voice: str | None) -> None:
        if generation != self._generation or not pieces:
            return
        self._speaking = True
        interrupted = False
        try:
            self._speaker.start()
            self._tell(SpeechState.SPEAKING)
            for piece in pieces:
                self._resume.wait()
                if generation != self._generation:
                    return
                message = {"op": "speak", "text": piece, "rate": rate, "voice": voice}
                self._speaker.request(message, timeout=speaking_timeout(piece, rate))
                if generation != self._generation:
                    return
        except Interrupted:
            interrupted = True
            return
        except (SpeechFailed, SpeechUnavailable) as problem:
            self._tell(SpeechState.FAILED, str(problem))
            raise
        finally:
            self._speaking = False
            if interrupted or generation != self._generation:
                self._tell(SpeechState.STOPPED)
        self._tell(SpeechState.FINISHED)

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

    def _new_reading(self) -> int:
        with self._state_lock:
            self._generation += 1
            if self._speaking:
                self._speaker.end(on_purpose=True)
            self._resume.set()
            return self._generation

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
