from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.speech import SpeechService
from tests.speech.speech_sink import SoundSink, install_sound_sink


@pytest.fixture
def sound_sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SoundSink:
    return install_sound_sink(tmp_path, monkeypatch)


@pytest.fixture
def speech(sound_sink: SoundSink) -> Iterator[SpeechService]:
    service = SpeechService()
    yield service
    service.close()
