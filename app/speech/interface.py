"""The small interface every part of Roundtable uses for speech, whatever engine is behind it.

Speed is in words a minute. A voice is named by its ``id`` as the engine knows it; ``None``
means the engine's usual voice. A recording can be made of several ``Segment``s, each in
its own voice (a sentence in Urdu read by an Urdu voice inside an English pack).
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

NORMAL_RATE = 175  # words a minute: the middle of a comfortable listening speed
SLOWEST_RATE = 80
FASTEST_RATE = 350


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...] = ()

    def speaks(self, language: str) -> bool:
        """True if this voice is for ``language`` (a BCP 47 tag such as "ur" or "en-GB")."""
        wanted = language.lower().replace("_", "-")
        for own in self.languages:
            own = own.lower().replace("_", "-")
            if own == wanted or own.split("-")[0] == wanted.split("-")[0]:
                return True
        return False


@dataclass(frozen=True)
class Segment:
    text: str
    voice: str | None = None


@dataclass(frozen=True)
class Recording:
    """A WAV file that was made and checked."""

    path: Path
    seconds: float
    words: int
    rms: float


class Speaker(Protocol):
    def voices(self) -> list[Voice]: ...

    def say(self, text: str, rate: int = NORMAL_RATE, voice: str | None = None) -> Future[None]:
        """Start reading ``text`` aloud and return at once; the future is done when the
        reading ends, however it ends."""

    def pause(self) -> bool:
        """Pause now; False if nothing is being read."""

    def resume(self) -> bool: ...

    def stop(self) -> bool:
        """Stop reading at once and forget anything still to be read."""

    def save_wav(
        self, text: str, path: Path, rate: int = NORMAL_RATE, voice: str | None = None
    ) -> Recording:
        """Write ``text`` as speech to the WAV file ``path``, checked, and say what it holds."""
