"""Writing, joining and checking WAV files, with the standard library only.

Engines have been known to report an utterance finished before its file is written, or to
leave a file cut short: so a recording counts only once it is a complete WAV (its header's
length matches what is on the disk), it has stopped growing, it is about as long as its
words need and it is not silent.
"""

from __future__ import annotations

import array
import math
import sys
import time
import wave
from pathlib import Path

from app.i18n import _
from app.speech.errors import SpeechFailed
from app.speech.interface import Recording

SAMPLE_WIDTH = 2  # 16-bit
# Loud enough to be speech: a silent file is all zeros, quiet hiss stays well under 50.
SILENCE_RMS = 100.0
# Words a minute that a recording may come out at and still be accepted; espeak-ng at its
# fastest setting reads about 450, and a pause after every heading slows a short file a lot.
FASTEST_PLAUSIBLE_WPM = 600
SLOWEST_PLAUSIBLE_WPM = 30


def write_wav(path: Path, samples: bytes, sample_rate: int, channels: int = 1) -> None:
    """Write 16-bit little-endian ``samples`` as a WAV file, replacing ``path`` whole."""
    partial = path.with_name(path.name + ".part")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(SAMPLE_WIDTH)
        out.setframerate(sample_rate)
        out.writeframes(samples)
    partial.replace(path)


def read_samples(path: Path) -> tuple[bytes, int, int]:
    """The frames, channel count and sample rate of a 16-bit WAV file."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != SAMPLE_WIDTH:
            raise SpeechFailed(_("The speech engine made sound in a form Roundtable cannot use."))
        return wav.readframes(wav.getnframes()), wav.getnchannels(), wav.getframerate()


def wait_until_complete(path: Path, timeout: float = 30.0, settle: float = 0.2) -> None:
    """Return once ``path`` is a whole WAV file that has stopped growing."""
    deadline = time.monotonic() + timeout
    last_size = -1
    while True:
        size = path.stat().st_size if path.exists() else -1
        if size > 44 and size == last_size and _header_matches(path, size):
            return
        if time.monotonic() > deadline:
            raise SpeechFailed(_("The speech engine did not finish writing the audio file."))
        last_size = size
        time.sleep(settle)


def _header_matches(path: Path, size: int) -> bool:
    try:
        with wave.open(str(path), "rb") as wav:
            frames = wav.getnframes()
            frame_bytes = wav.getsampwidth() * wav.getnchannels()
    except (wave.Error, EOFError, OSError):
        return False
    return frames > 0 and frames * frame_bytes <= size


def rms(samples: bytes, stride: int = 3) -> float:
    """Root mean square of 16-bit samples (every ``stride``-th one is enough to tell)."""
    values = array.array("h")
    values.frombytes(samples[: len(samples) - len(samples) % 2])
    if sys.byteorder == "big":
        values.byteswap()
    picked = values[::stride]
    if not picked:
        return 0.0
    return math.sqrt(sum(value * value for value in picked) / len(picked))


def check_recording(path: Path, words: int) -> Recording:
    """``path`` as a ``Recording`` if it is a proper, audible WAV about as long as ``words``."""
    try:
        samples, channels, sample_rate = read_samples(path)
    except (wave.Error, EOFError, OSError) as problem:
        raise SpeechFailed(
            _("The audio file {name} is not complete.").format(name=path.name)
        ) from (problem)
    seconds = len(samples) / (SAMPLE_WIDTH * channels * sample_rate)
    loudness = rms(samples)
    if loudness < SILENCE_RMS:
        raise SpeechFailed(_("The audio file {name} came out silent.").format(name=path.name))
    if words and seconds > 0:
        pace = words / seconds * 60
        if not SLOWEST_PLAUSIBLE_WPM <= pace <= FASTEST_PLAUSIBLE_WPM:
            raise SpeechFailed(
                _("The audio file {name} is too short or too long for its words.").format(
                    name=path.name
                )
            )
    return Recording(path=path, seconds=round(seconds, 2), words=words, rms=round(loudness, 1))
