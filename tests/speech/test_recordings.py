"""Real recordings with the real engine: complete, audible, as long as their words need."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from app.speech import SpeechFailed, SpeechService
from app.speech.text import sentences, word_count
from app.speech.wavfile import check_recording, rms, write_wav

TEXT = (
    "The group agreed that every repair request will be answered within two working days. "
    "Margaret asked for the letters to use plain words, and Dev said the service would "
    "send them in large print to anyone who asks."
)


def test_a_recording_is_a_whole_audible_wav_of_a_normal_pace(speech, tmp_path: Path) -> None:
    path = tmp_path / "01 Agenda.wav"  # a space in the name, as the audio packs have
    recording = speech.save_wav(TEXT, path, rate=175)
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        seconds = wav.getnframes() / wav.getframerate()
    assert seconds == pytest.approx(recording.seconds, abs=0.01)
    pace = word_count(TEXT) / seconds * 60
    assert 130 <= pace <= 200, pace
    assert recording.rms > 1000


def test_a_faster_speed_makes_a_shorter_file(speech, tmp_path: Path) -> None:
    normal = speech.save_wav(TEXT, tmp_path / "normal.wav", rate=175)
    faster = speech.save_wav(TEXT, tmp_path / "faster.wav", rate=300)
    slower = speech.save_wav(TEXT, tmp_path / "slower.wav", rate=100)
    assert faster.seconds < normal.seconds * 0.75
    assert slower.seconds > normal.seconds * 1.4


def test_speed_changes_between_recordings_are_never_lost(speech, tmp_path: Path) -> None:
    """Each recording is made at its own speed, however the speeds alternate."""
    lengths = [
        speech.save_wav(TEXT, tmp_path / f"{n}.wav", rate=rate).seconds
        for n, rate in enumerate((300, 100, 300, 100))
    ]
    assert lengths[0] == pytest.approx(lengths[2], rel=0.05)
    assert lengths[1] == pytest.approx(lengths[3], rel=0.05)
    assert lengths[1] > 2 * lengths[0]


def test_voices_include_british_english_and_urdu(speech) -> None:
    voices = speech.voices()
    assert any(voice.speaks("en-GB") for voice in voices)
    assert any(voice.speaks("ur") for voice in voices)


def test_silent_or_cut_short_files_are_refused(tmp_path: Path) -> None:
    silent = tmp_path / "silent.wav"
    write_wav(silent, bytes(22050 * 2 * 3), 22050)
    with pytest.raises(SpeechFailed, match="silent"):
        check_recording(silent, words=8)
    cut = tmp_path / "cut.wav"
    cut.write_bytes(silent.read_bytes()[:30])
    with pytest.raises(SpeechFailed, match="not complete"):
        check_recording(cut, words=8)


def test_a_file_far_too_short_for_its_words_is_refused(speech, tmp_path: Path) -> None:
    path = tmp_path / "short.wav"
    speech.save_wav("Hello.", path)
    with pytest.raises(SpeechFailed, match="too short or too long"):
        check_recording(path, words=200)


def test_rms_of_a_loud_tone_and_of_silence() -> None:
    loud = (12000).to_bytes(2, "little", signed=True) * 1000
    assert rms(loud) == pytest.approx(12000)
    assert rms(bytes(2000)) == 0


def test_text_is_split_into_sentences_for_pausing() -> None:
    assert sentences("One. Two? Three!\nFour") == ["One.", "Two?", "Three!", "Four"]
    long_piece = "word, " * 200
    assert all(len(piece) <= 400 for piece in sentences(long_piece))
    assert word_count(" ".join(sentences(long_piece))) == 200


def test_services_outlive_each_other(sound_sink, tmp_path: Path) -> None:
    """A second service after the first is closed works: nothing is left half-open."""
    for number in range(2):
        service = SpeechService()
        try:
            assert service.save_wav(TEXT, tmp_path / f"{number}.wav").seconds > 5
        finally:
            service.close()
