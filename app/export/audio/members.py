"""The audio side of "packs for everyone": a writer with the shape
``app.services.packs.make_member_packs`` takes as ``write_audio``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from app.export.audio.writer import write_audio_pack
from app.export.document import Document
from app.speech.errors import SpeechUnavailable
from app.speech.interface import NORMAL_RATE
from app.speech.service import SpeechService


class AudioWriter:
    """Makes each audio member's pack as a folder of WAV files named after the plan's file
    name. Use as a context manager, or ``close()`` it: it holds the speech process."""

    def __init__(self, speech: SpeechService | None = None, rate: int = NORMAL_RATE) -> None:
        self._owned = speech is None
        self.speech = speech or SpeechService()
        self.rate = rate

    def check(self) -> None:
        """Raise ``SpeechUnavailable`` now if there is no engine, before any pack is made."""
        self.speech.voices()

    def __call__(self, document: Document, out: Path) -> Path:
        return write_audio_pack(document, out, self.speech, rate=self.rate).folder

    def close(self) -> None:
        if self._owned:
            self.speech.close()

    def __enter__(self) -> AudioWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class MemberAudioWriter:
    """Like ``AudioWriter``, for a run of packs that must carry on without audio: where
    this computer has no speech engine, ``problem`` holds the plain message (also given
    once to ``on_problem``) and each audio member's pack is left unmade (None), so
    ``make_member_packs`` lists them as waiting while the printed packs are still made."""

    def __init__(
        self,
        speech: SpeechService | None = None,
        rate: int = NORMAL_RATE,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        self._writer = AudioWriter(speech, rate)
        self._on_problem = on_problem
        self.problem: str | None = None

    def __call__(self, document: Document, out: Path) -> Path | None:
        if self.problem is not None:
            return None
        try:
            return self._writer(document, out)
        except SpeechUnavailable as unavailable:
            self.problem = str(unavailable)
            if self._on_problem is not None:
                self._on_problem(self.problem)
            return None

    def close(self) -> None:
        self._writer.close()
