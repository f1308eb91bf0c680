"""Speaking on the live screen (aims read aloud, a gentle time warning), when speech exists.

Speech is a help, never a need: if no engine can be started, everything is still shown and
announced in words, and this says so once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger(__name__)


class Sayer(Protocol):
    def say(self, text: str) -> Any: ...
    def stop(self) -> Any: ...


class _ThroughReadAloud:
    """The app's own read aloud (the person's chosen voice and speed), when a window has one;
    what becomes of the reading is told on ``status_line`` (the live window's, not the main
    window's hidden behind it)."""

    def __init__(self, read_aloud: Any, status_line: Any = None) -> None:
        self._read_aloud = read_aloud
        self._status_line = status_line

    def say(self, text: str) -> bool:
        return bool(self._read_aloud.speak(text, tell=self._status_line))

    def stop(self) -> None:
        if self._read_aloud.is_speaking():
            self._read_aloud.stop()


def _default_speaker(status_line: Any = None) -> Sayer:
    from app.ui.read_aloud import ReadAloud

    current = ReadAloud.current()
    if current is not None:
        return _ThroughReadAloud(current, status_line)
    from app.speech import SpeechService

    return SpeechService()


class LiveVoice:
    """Starts the speech engine only when first asked to speak."""

    def __init__(self, speaker: Sayer | None = None, make: Callable[[], Sayer] | None = None):
        self._speaker = speaker
        self._make = make if make is not None else lambda: _default_speaker(self.status_line)
        self._tried = speaker is not None
        self.said: list[str] = []  # what was spoken, newest last (for the log and tests)
        self.status_line: Any = None  # where the reading's progress and problems are told

    @property
    def available(self) -> bool:
        return self._speaker is not None or not self._tried

    def say(self, text: str) -> bool:
        """Speak ``text`` (stopping anything being said); False if there is no speech."""
        speaker = self._get()
        if speaker is None:
            return False
        try:
            speaker.say(text)
        except Exception:
            log.warning("speech failed; carrying on in words only", exc_info=True)
            return False
        self.said.append(text)
        return True

    def stop(self) -> None:
        if self._speaker is not None:
            try:
                self._speaker.stop()
            except Exception:
                log.warning("could not stop speech", exc_info=True)

    def close(self) -> None:
        closer = getattr(self._speaker, "close", None)
        if callable(closer):
            try:
                closer()
            except Exception:
                log.warning("could not close speech", exc_info=True)

    def _get(self) -> Sayer | None:
        if not self._tried:
            self._tried = True
            try:
                self._speaker = self._make()
            except Exception:
                log.info("no speech engine for the live screen", exc_info=True)
                self._speaker = None
        return self._speaker
