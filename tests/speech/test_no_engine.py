"""No speech engine: a plain message that says how to install one, and nothing breaks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.speech import SpeechService, SpeechState, SpeechUnavailable
from app.speech.engines import RECORDING, open_engine
from app.speech.errors import no_engine_message
from tests.speech.no_engine import hide_engine

ADVICE = "Install espeak-ng: sudo apt-get install espeak-ng"


def test_the_message_says_what_to_do_on_each_system() -> None:
    assert ADVICE in no_engine_message("linux")
    assert "Windows has one built in" in no_engine_message("win32")
    assert "macOS has one built in" in no_engine_message("darwin")
    for platform in ("linux", "win32", "darwin"):
        message = no_engine_message(platform)
        assert "Traceback" not in message and "pyttsx3" not in message


def test_the_engine_itself_reports_a_missing_package(monkeypatch: pytest.MonkeyPatch) -> None:
    # (pyttsx3 itself is never imported by the tests or the window: its bundled "six"
    # adds an import hook that older code trips over.)
    monkeypatch.setitem(sys.modules, "pyttsx3", None)
    with pytest.raises(SpeechUnavailable) as raised:
        open_engine(RECORDING, "linux")
    assert ADVICE in str(raised.value)


@pytest.mark.parametrize("how", ["library", "package"])
def test_a_missing_engine_gives_the_plain_message_and_no_crash(
    how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide_engine(tmp_path, monkeypatch, how)
    heard: list[tuple[SpeechState, str]] = []
    service = SpeechService(lambda state, message: heard.append((state, message)))
    try:
        with pytest.raises(SpeechUnavailable) as raised:
            service.save_wav("Hello.", tmp_path / "hello.wav")
        assert str(raised.value) == no_engine_message()
        assert not (tmp_path / "hello.wav").exists()

        service.say("Hello.").exception(timeout=30)
        assert heard == [(SpeechState.FAILED, no_engine_message())]
        assert not service.is_speaking()
        with pytest.raises(SpeechUnavailable):
            service.voices()
    finally:
        service.close()
