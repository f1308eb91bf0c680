"""Audio figures. Prints JSON.

    python bench/audio.py [--sections N] [--repeat N]

How fast audio packs are made (seconds of audio made per second of work), through the
speech process the app uses and, to show what that isolation costs, with the engine loaded
straight into this process; how long the speech process takes to start; how soon reading
aloud starts and how soon it stops. Sound that is "played" goes to a file through ALSA
(as in the tests), so the figures do not depend on a sound card.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.export.audio import write_audio_pack  # noqa: E402
from app.export.audio.reading import VoiceChooser, section_segments  # noqa: E402
from app.export.document import (  # noqa: E402
    BulletList,
    Document,
    Paragraph,
    Section,
    SectionIcon,
    Table,
)
from app.speech import SpeechService, SpeechState  # noqa: E402
from app.speech.engines import RECORDING, open_engine  # noqa: E402
from app.speech.wavfile import check_recording  # noqa: E402

ASOUNDRC = 'pcm.!default {{\n type file\n slave.pcm "null"\n file "{path}"\n format "raw"\n}}\n'


def pack(sections: int) -> Document:
    blocks = (
        Paragraph(
            "The group will talk about how quickly wheelchair repairs are done, whether the "
            "letters are clear, and what members want the service to try next."
        ),
        BulletList(("Answer every repair request within two working days.", "Use plain words.")),
        Table("Who is doing what", ("Who", "What"), (("Dev", "Check the repair times"),)),
    )
    return Document(
        "Before the session",
        "en-GB",
        tuple(Section(f"Part {n}", SectionIcon.AGENDA, blocks) for n in range(1, sections + 1)),
    )


def through_the_process(document: Document, folder: Path) -> dict[str, float]:
    speech = SpeechService()
    try:
        speech.voices()  # started, so the figure is the work alone
        started = time.perf_counter()
        made = write_audio_pack(document, folder, speech)
        seconds = time.perf_counter() - started
    finally:
        speech.close()
    return {
        "audio_seconds": made.seconds,
        "work_seconds": round(seconds, 3),
        "audio_seconds_per_second": round(made.seconds / seconds, 1),
        "files": len(made.recordings),
    }


def in_this_process(document: Document, folder: Path) -> dict[str, float]:
    engine = open_engine(RECORDING)
    chooser = VoiceChooser(engine.voices(), document.language, None)
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    audio = 0.0
    for number, section in enumerate(document.sections, start=1):
        segments = section_segments(section, chooser)
        path = folder / f"{number:02d}.wav"
        engine.record(segments, 175, path)
        audio += check_recording(path, sum(len(s.text.split()) for s in segments)).seconds
    seconds = time.perf_counter() - started
    return {
        "audio_seconds": round(audio, 2),
        "work_seconds": round(seconds, 3),
        "audio_seconds_per_second": round(audio / seconds, 1),
    }


def process_start(repeat: int) -> float:
    times = []
    for _ in range(repeat):
        speech = SpeechService()
        started = time.perf_counter()
        speech.voices()
        times.append(time.perf_counter() - started)
        speech.close()
    return round(statistics.median(times), 3)


def reading_aloud(repeat: int) -> dict[str, float]:
    """Seconds from say() to speaking (process already started) and from stop() to stopped."""
    states: list[tuple[SpeechState, float]] = []
    changed = threading.Condition()

    def heard(state: SpeechState, _message: str) -> None:
        with changed:
            states.append((state, time.perf_counter()))
            changed.notify_all()

    def wait_for(state: SpeechState) -> float:
        with changed:
            if not changed.wait_for(lambda: any(s == state for s, _t in states), timeout=30):
                raise SystemExit(f"speech never became {state}: {states}")
            return next(t for s, t in states if s == state)

    speech = SpeechService(heard)
    to_start, to_stop = [], []
    try:
        speech.say("Warming up.").result()
        long_text = " ".join(f"Point {n} is about repairs." for n in range(500))
        for _ in range(repeat):
            states.clear()
            asked = time.perf_counter()
            future = speech.say(long_text)
            to_start.append(wait_for(SpeechState.SPEAKING) - asked)
            time.sleep(0.2)
            asked = time.perf_counter()
            speech.stop()
            to_stop.append(wait_for(SpeechState.STOPPED) - asked)
            future.result()
    finally:
        speech.close()
    return {
        "say_to_speaking_seconds": round(statistics.median(to_start), 3),
        "stop_to_stopped_seconds": round(statistics.median(to_stop), 3),
    }


def measure(sections: int = 20, repeat: int = 3) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="roundtable-audio-bench-") as work:
        home = Path(work) / "home"
        home.mkdir()
        (home / ".asoundrc").write_text(ASOUNDRC.format(path=home / "played.raw"))
        saved = {key: os.environ.get(key) for key in ("HOME", "PULSE_SERVER")}
        os.environ["HOME"] = str(home)
        os.environ["PULSE_SERVER"] = "unix:" + str(home / "no-sound-server")
        try:
            document = pack(sections)
            process = through_the_process(document, Path(work) / "pack")
            direct = in_this_process(document, Path(work) / "direct")
            figures: dict[str, object] = {
                "sections": sections,
                "pack_through_speech_process": process,
                "pack_in_this_process": direct,
                "speech_process_start_seconds": process_start(repeat),
                **reading_aloud(repeat),
            }
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print(json.dumps(measure(arguments.sections, arguments.repeat), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
