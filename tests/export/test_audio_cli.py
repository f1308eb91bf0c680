"""``roundtable export audio``, run as a person would run it: a separate process, real WAV
files read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from app.speech.wavfile import read_samples, rms
from tests.speech.no_engine import hide_engine

ROOT = Path(__file__).resolve().parents[2]
GROUP = "everyday equipment users' group"


def roundtable(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "app", *arguments, "--data-dir", str(data_dir)]
    environment = {
        "PYTHONPATH": str(ROOT),
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=300, cwd=ROOT, env=environment
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example")
    made = roundtable("demo", data_dir=folder)
    assert made.returncode == 0, made.stderr
    return folder


def test_export_audio_makes_a_folder_of_checked_files(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "before pack"
    result = roundtable(
        "export", "audio", "--session", "next", "--group", GROUP, "--kind", "before",
        "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in out.iterdir())
    assert names[0] == "00 Contents.wav"
    assert names[1].startswith("01 ") and len(names) >= 4
    assert "Recorded 1 of" in result.stdout
    assert f"as {len(names)} sound files in {out}" in result.stdout
    for name in names:
        with wave.open(str(out / name), "rb") as wav:
            assert wav.getnframes() / wav.getframerate() > 1.0, name
        samples, _channels, _rate = read_samples(out / name)
        assert rms(samples) > 1000, name


def test_audio_packs_for_the_members_who_asked(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "packs"
    result = roundtable(
        "export", "audio", "--members", "--session", "next",
        "--group", "Tech at Home Residents' Panel", "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    folders = sorted(path for path in out.iterdir() if path.is_dir())
    assert folders and all(folder.name.endswith(" - audio") for folder in folders)
    assert f"Saved {len(folders)} audio packs for" in result.stdout
    assert not list(out.glob("*.pdf"))  # the printed packs are not this command's
    for folder in folders:
        parts = sorted(path.name for path in folder.iterdir())
        assert parts[0] == "00 Contents.wav" and len(parts) >= 4


def test_a_groups_decision_log_as_audio(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "log"
    result = roundtable(
        "export", "audio-decisions", "--group", "Tech at Home Residents' Panel", "--speed", "200",
        "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in out.iterdir())
    assert names[0] == "00 Contents.wav" and len(names) >= 3
    assert "Saved the decision log of Tech at Home Residents' Panel as" in result.stdout


def test_a_computer_with_no_engine_is_told_how_to_get_one(
    example_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide_engine(tmp_path, monkeypatch, "library")
    out = tmp_path / "pack"
    result = roundtable(
        "export", "audio", "--session", "next", "--group", GROUP, "--kind", "after",
        "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Reading aloud is not available because no speech engine was found on this computer. "
        "Install espeak-ng: sudo apt-get install espeak-ng"
    )
    assert not out.exists() or not any(out.iterdir())


def test_a_speed_out_of_range_is_misuse(example_dir: Path, tmp_path: Path) -> None:
    result = roundtable(
        "export", "audio", "--session", "next", "--group", GROUP, "--kind", "before",
        "--speed", "1000", "--out", str(tmp_path / "x"), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 2
    assert "from 80 to 350 words a minute" in result.stderr


def test_the_app_itself_can_be_the_speech_process(tmp_path: Path) -> None:
    """What an installed copy runs (it has no ``python -m``): ``roundtable --speech-worker``."""
    process = subprocess.run(
        [sys.executable, "-m", "app", "--speech-worker", "record"],
        input=json.dumps({"id": 1, "op": "voices"}) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    lines = [json.loads(line) for line in process.stdout.splitlines()]
    assert lines[0] == {"ready": True}
    assert lines[1]["id"] == 1 and len(lines[1]["voices"]) > 10
