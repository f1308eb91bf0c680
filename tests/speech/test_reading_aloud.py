"""Speaking through the speech process: sound comes out, pause holds it, stop ends it at once,
and a hung or crashed engine is ended and started again without harm."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from app.speech import Segment, SpeechFailed, SpeechService, SpeechState
from app.speech.engines import PLAYING
from app.speech.process import EngineProcess

LONG_TEXT = " ".join(f"Point {n} is about the wheelchair repair service." for n in range(400))


class Heard:
    def __init__(self) -> None:
        self.states: list[SpeechState] = []
        self.messages: list[str] = []
        self.changed = threading.Condition()

    def __call__(self, state: SpeechState, message: str) -> None:
        with self.changed:
            self.states.append(state)
            self.messages.append(message)
            self.changed.notify_all()

    def wait_for(self, state: SpeechState, timeout: float = 20) -> None:
        with self.changed:
            assert self.changed.wait_for(lambda: state in self.states, timeout), self.states


@pytest.fixture
def heard_speech(sound_sink):  # type: ignore[no-untyped-def]
    heard = Heard()
    service = SpeechService(heard)
    yield service, heard
    service.close()


def test_speaking_makes_sound_and_finishes(heard_speech, sound_sink) -> None:
    service, heard = heard_speech
    service.say("Welcome to the session. The first item is repairs.").result(timeout=20)
    assert heard.states == [SpeechState.SPEAKING, SpeechState.FINISHED]
    # Two sentences at 22 050 samples a second: well over a second of real sound.
    assert sound_sink.played_bytes() > 2 * 22050
    assert sound_sink.played_rms() > 500


def test_stop_ends_at_once_and_forgets_the_rest(heard_speech, sound_sink) -> None:
    service, heard = heard_speech
    future = service.say(LONG_TEXT)
    heard.wait_for(SpeechState.SPEAKING)
    time.sleep(0.2)
    started = time.perf_counter()
    assert service.stop()
    future.result(timeout=10)
    assert time.perf_counter() - started < 1.0
    heard.wait_for(SpeechState.STOPPED)
    played = sound_sink.played_bytes()
    time.sleep(0.3)
    assert sound_sink.played_bytes() == played  # nothing more came out
    assert SpeechState.FINISHED not in heard.states
    assert not service.is_speaking()
    # And the next reading works, in a new speech process (which starts the sink afresh).
    service.say("Back again.").result(timeout=20)
    assert 20_000 < sound_sink.played_bytes() < played


def test_pause_holds_the_sound_and_resume_carries_on(heard_speech, sound_sink) -> None:
    service, heard = heard_speech
    future = service.say(LONG_TEXT)
    heard.wait_for(SpeechState.SPEAKING)
    time.sleep(0.2)
    assert service.pause()
    time.sleep(0.2)  # the sentence being spoken may finish on a system that cannot freeze
    held = sound_sink.played_bytes()
    time.sleep(0.5)
    assert sound_sink.played_bytes() == held
    assert service.is_paused() and service.is_speaking()
    assert service.resume()
    deadline = time.monotonic() + 10
    while sound_sink.played_bytes() == held and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sound_sink.played_bytes() > held
    service.stop()
    future.result(timeout=10)
    assert heard.states[:3] == [SpeechState.SPEAKING, SpeechState.PAUSED, SpeechState.RESUMED]


def test_an_engine_that_stops_answering_is_ended_and_replaced(sound_sink) -> None:
    process = EngineProcess(PLAYING)
    try:
        process.request({"op": "speak", "text": "One.", "rate": 175, "voice": None}, timeout=20)
        pid = process.pid
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)  # as good as hung
        started = time.perf_counter()
        with pytest.raises(SpeechFailed, match="stopped answering"):
            process.request({"op": "speak", "text": "Two.", "rate": 175, "voice": None}, 1.0)
        assert time.perf_counter() - started < 3
        process.request({"op": "speak", "text": "Three.", "rate": 175, "voice": None}, 20)
        assert process.starts == 2 and process.pid != pid
    finally:
        process.close()


def test_an_engine_that_crashes_mid_recording_fails_plainly_then_starts_again(
    heard_speech, tmp_path: Path
) -> None:
    service, _heard = heard_speech
    service.save_wav("Before the crash.", tmp_path / "before.wav")
    pid = service._recorder.pid
    assert pid is not None
    # Held still, the process is alive but cannot answer, so the request is sent to it and
    # the crash lands while that request waits.
    os.kill(pid, signal.SIGSTOP)
    crash = threading.Timer(1.0, os.kill, (pid, signal.SIGKILL))
    crash.start()
    started = time.perf_counter()
    try:
        with pytest.raises(SpeechFailed, match="stopped answering"):
            service.save_wav("During the crash.", tmp_path / "during.wav")
    finally:
        crash.join()
    assert time.perf_counter() - started < 10  # the crash is noticed, not waited out
    assert not (tmp_path / "during.wav").exists()
    assert service.save_wav("After the crash.", tmp_path / "after.wav").seconds > 0.5
    assert service._recorder.starts == 2 and service._recorder.pid != pid


def test_an_engine_that_crashed_between_requests_is_started_again_unnoticed(
    heard_speech, tmp_path: Path
) -> None:
    service, _heard = heard_speech
    service.save_wav("Before the crash.", tmp_path / "before.wav")
    crashed = service._recorder._process
    assert crashed is not None
    crashed.kill()
    crashed.wait(timeout=5)
    assert service.save_wav("After the crash.", tmp_path / "after.wav").seconds > 0.5
    assert service._recorder.starts == 2 and service._recorder.pid != crashed.pid


def test_reading_and_stopping_again_and_again_always_ends_stopped(heard_speech) -> None:
    """A process ended on purpose takes a moment to die: the next reading must not use it."""
    service, heard = heard_speech
    for _round in range(12):
        heard.states.clear()
        future = service.say(LONG_TEXT)
        heard.wait_for(SpeechState.SPEAKING)
        time.sleep(0.05)
        service.stop()
        heard.wait_for(SpeechState.STOPPED, timeout=10)
        future.result(timeout=10)
    service.say("Still here.").result(timeout=20)
    assert heard.states[-1] == SpeechState.FINISHED


def test_files_and_voices_are_made_between_sentences_of_a_long_reading(
    heard_speech, tmp_path: Path
) -> None:
    service, heard = heard_speech
    reading = service.say(LONG_TEXT)
    heard.wait_for(SpeechState.SPEAKING)
    recording = service.record([Segment("Made while reading.")], tmp_path / "while.wav")
    assert recording.result(timeout=10).seconds > 0.5
    assert len(service.voices_later().result(timeout=10)) > 10
    assert not reading.done() and service.is_speaking()  # the reading carried on meanwhile
    service.stop()
    reading.result(timeout=10)


def test_pausing_before_the_first_sentence_holds_it(heard_speech, sound_sink) -> None:
    service, heard = heard_speech
    reading = service.say("Wait for it. Then carry on.")
    assert service.pause()
    time.sleep(0.5)
    assert sound_sink.played_bytes() == 0 and not reading.done()
    assert service.resume()
    reading.result(timeout=20)
    assert heard.states[-1] == SpeechState.FINISHED
    assert sound_sink.played_bytes() > 22050
