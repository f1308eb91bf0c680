"""The speech engines themselves, used inside the speech process (``app.speech.worker``).

On Windows (SAPI5) and macOS (NSSS) this is pyttsx3's own engine. On Linux it is
espeak-ng through pyttsx3's binding to the library (``pyttsx3.drivers._espeak``) rather
than pyttsx3's espeak driver, because that driver hands every file to ``ffmpeg`` and every
spoken sentence to ``aplay`` through the shell, with the file name unquoted: where either
program is missing, or a name has a space in it ("01 Agenda.wav"), nothing is written or
heard and no error is raised. Here the samples come straight from the library.

Each engine re-applies speed and voice before every utterance, because some engines ignore
a property changed between utterances.
"""

from __future__ import annotations

import ctypes
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from app.i18n import _
from app.speech.errors import SpeechFailed, SpeechUnavailable, no_engine_message, no_sound_message
from app.speech.interface import Segment, Voice
from app.speech.wavfile import read_samples, wait_until_complete, write_wav

PLAYING = "speak"
RECORDING = "record"
ESPEAK_BRITISH_VOICE = "English (Great Britain)"


class Engine(Protocol):
    def voices(self) -> list[Voice]: ...

    def speak(self, text: str, rate: int, voice: str | None) -> None:
        """Read ``text`` aloud, returning when it has been spoken."""

    def record(self, segments: Sequence[Segment], rate: int, path: Path) -> None:
        """Write ``segments`` one after another as one WAV file at ``path``."""


def open_engine(mode: str, platform: str | None = None) -> Engine:
    """The engine for this computer, for speaking (``PLAYING``) or for files (``RECORDING``)."""
    platform = platform or sys.platform
    if platform.startswith("linux") or platform.startswith("freebsd"):
        return EspeakEngine(mode)
    return Pyttsx3Engine()


class EspeakEngine:
    def __init__(self, mode: str) -> None:
        try:
            from pyttsx3.drivers import _espeak
        except Exception as problem:  # missing library: RuntimeError; missing pyttsx3: ImportError
            raise SpeechUnavailable(no_engine_message()) from problem
        self._espeak = _espeak
        output = (
            _espeak.AUDIO_OUTPUT_SYNCH_PLAYBACK
            if mode == PLAYING
            else (_espeak.AUDIO_OUTPUT_SYNCHRONOUS)
        )
        self.sample_rate = _espeak.Initialize(output, 500, None, 0)
        if self.sample_rate <= 0:
            raise SpeechUnavailable(no_engine_message())
        self._chunks: list[bytes] = []
        _espeak.SetSynthCallback(self._collect)
        self._names = {voice.name for voice in self.voices()}

    def voices(self) -> list[Voice]:
        found = []
        for voice in self._espeak.ListVoices(None):
            name = voice.name.decode("utf-8", "replace")
            # The languages field is a priority byte then the tag, for each language.
            raw = voice.languages or b""
            language = raw[1:].split(b"\0")[0].decode("ascii", "replace")
            found.append(Voice(id=name, name=name, languages=(language,) if language else ()))
        return found

    def speak(self, text: str, rate: int, voice: str | None) -> None:
        self._prepare(rate, voice)
        if self._synth(text) != self._espeak.EE_OK:
            raise SpeechFailed(no_sound_message())

    def record(self, segments: Sequence[Segment], rate: int, path: Path) -> None:
        self._chunks = []
        for segment in segments:
            self._prepare(rate, segment.voice)
            if self._synth(segment.text) != self._espeak.EE_OK:
                raise SpeechFailed(_could_not_record())
        write_wav(path, b"".join(self._chunks), self.sample_rate)
        self._chunks = []

    def _prepare(self, rate: int, voice: str | None) -> None:
        chosen = voice if voice in self._names else ESPEAK_BRITISH_VOICE
        if chosen in self._names:
            self._espeak.SetVoiceByName(chosen.encode("utf-8"))
        # A new voice resets the speed, so the speed always goes second.
        self._espeak.SetParameter(self._espeak.RATE, int(rate), 0)

    def _synth(self, text: str) -> int:
        flags = self._espeak.CHARS_UTF8 | self._espeak.ENDPAUSE
        return int(self._espeak.Synth(text.encode("utf-8"), flags=flags))

    def _collect(self, wav: Any, count: int, _events: Any) -> int:
        if count > 0 and wav:
            self._chunks.append(ctypes.string_at(wav, count * ctypes.sizeof(ctypes.c_short)))
        return 0


class Pyttsx3Engine:
    """SAPI5 on Windows, NSSS on macOS, through pyttsx3 2.98 (2.99 speaks only once on SAPI5)."""

    # How long a file may take to appear and settle after runAndWait() has returned.
    file_timeout = 30.0

    def __init__(self) -> None:
        try:
            import pyttsx3

            self._engine = pyttsx3.init()
        except Exception as problem:
            raise SpeechUnavailable(no_engine_message()) from problem

    def voices(self) -> list[Voice]:
        found = []
        for voice in self._engine.getProperty("voices") or []:
            languages = tuple(
                item.decode("ascii", "replace") if isinstance(item, bytes) else str(item)
                for item in (getattr(voice, "languages", None) or [])
            )
            found.append(Voice(id=str(voice.id), name=str(voice.name), languages=languages))
        return found

    def speak(self, text: str, rate: int, voice: str | None) -> None:
        self._prepare(rate, voice)
        self._engine.say(text)
        self._engine.runAndWait()

    def record(self, segments: Sequence[Segment], rate: int, path: Path) -> None:
        pieces: list[bytes] = []
        form: tuple[int, int] | None = None  # channels and sample rate, the same for all
        with tempfile.TemporaryDirectory(prefix="roundtable-speech-") as folder:
            for number, segment in enumerate(segments):
                self._prepare(rate, segment.voice)
                wav = self._record_one(segment.text, Path(folder), number)
                samples, channels, sample_rate = read_samples(wav)
                if form is not None and form != (channels, sample_rate):
                    raise SpeechFailed(_could_not_record())
                form = (channels, sample_rate)
                pieces.append(samples)
        if form is None:
            raise SpeechFailed(_could_not_record())
        write_wav(path, b"".join(pieces), form[1], form[0])

    def _record_one(self, text: str, folder: Path, number: int) -> Path:
        wav = folder / f"{number}.wav"
        if sys.platform == "darwin":  # NSSS writes AIFF whatever the name says
            aiff = folder / f"{number}.aiff"
            self._engine.save_to_file(text, str(aiff))
            self._engine.runAndWait()
            _wait_until_stable(aiff, self.file_timeout)
            subprocess.run(
                ["afconvert", "-f", "WAVE", "-d", "LEI16", str(aiff), str(wav)],
                check=True,
                capture_output=True,
            )
        else:
            self._engine.save_to_file(text, str(wav))
            self._engine.runAndWait()
        wait_until_complete(wav, self.file_timeout)  # runAndWait can return too early
        return wav

    def _prepare(self, rate: int, voice: str | None) -> None:
        if voice:
            self._engine.setProperty("voice", voice)
        self._engine.setProperty("rate", int(rate))


def _wait_until_stable(path: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    last = -1
    while time.monotonic() < deadline:
        size = path.stat().st_size if path.exists() else -1
        if size > 0 and size == last:
            return
        last = size
        time.sleep(0.1)
    raise SpeechFailed(_could_not_record())


def _could_not_record() -> str:
    return _("The speech engine could not make that recording.")
