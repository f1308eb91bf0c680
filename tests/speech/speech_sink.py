"""Somewhere for spoken sound to go in tests: the machines that run them have no speakers.

The speech process finds its sound output through ALSA, which reads ``~/.asoundrc``; the
one made here sends everything played to a raw file (16-bit mono samples), so a test can
check that speech really came out, and how much of it.
"""

from __future__ import annotations

import array
import math
from pathlib import Path

import pytest

ASOUNDRC = """pcm.!default {{
  type file
  slave.pcm "null"
  file "{path}"
  format "raw"
}}
"""


class SoundSink:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "played.raw"
        (folder / ".asoundrc").write_text(ASOUNDRC.format(path=self.path))

    def played_bytes(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0

    def played_rms(self) -> float:
        values = array.array("h")
        data = self.path.read_bytes()
        values.frombytes(data[: len(data) - len(data) % 2])
        return math.sqrt(sum(v * v for v in values[::7]) / max(1, len(values[::7])))


def install_sound_sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SoundSink:
    folder = tmp_path / "home"
    folder.mkdir()
    sink = SoundSink(folder)
    monkeypatch.setenv("HOME", str(folder))
    # No sound server here: say so at once rather than have the library look for one.
    monkeypatch.setenv("PULSE_SERVER", "unix:" + str(folder / "no-sound-server"))
    return sink
