"""A ``Document`` as a folder of WAV files: ``00 Contents.wav`` (a short spoken contents),
then one file per section, numbered and named in words (``01 Agenda.wav``, …), so a
listener can skip between sections with any player. Every file is checked as it is made.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.export.audio.reading import VoiceChooser, contents_segments, section_segments
from app.export.document import Document
from app.export.private_file import OWNER_ONLY_FOLDER, keep_private
from app.i18n import _
from app.speech.interface import NORMAL_RATE, Recording
from app.speech.service import SpeechService

Progress = Callable[[int, int, str], None]
LONGEST_NAME = 80


@dataclass(frozen=True)
class AudioPack:
    folder: Path
    recordings: tuple[Recording, ...]

    @property
    def seconds(self) -> float:
        return round(sum(recording.seconds for recording in self.recordings), 2)


def file_name(number: int, title: str) -> str:
    """``"01 Agenda.wav"``: the number, then the title as a name any computer accepts."""
    clean = unicodedata.normalize("NFC", title)
    clean = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in clean)
    clean = " ".join(re.sub(r'[<>:"/\\|?*]+', " ", clean).split()).strip(" .")
    return f"{number:02d} {clean[:LONGEST_NAME].rstrip(' .') or _('Part')}.wav"


def write_audio_pack(
    document: Document,
    folder: Path,
    speech: SpeechService,
    *,
    rate: int = NORMAL_RATE,
    voice: str | None = None,
    progress: Progress | None = None,
) -> AudioPack:
    """Write ``document`` into ``folder`` (made, or emptied of an earlier pack's files).

    The files are made in a folder beside it and put in place only once all are checked,
    so a failure never leaves half a pack where a whole one is expected.
    """
    chooser = VoiceChooser(speech.voices(), document.language, voice)
    titles = [section.heading for section in document.sections]
    plan = [(file_name(0, _("Contents")), contents_segments(document, titles, chooser))]
    for number, section in enumerate(document.sections, start=1):
        plan.append((file_name(number, section.heading), section_segments(section, chooser)))

    building = folder.with_name(folder.name + ".making")
    shutil.rmtree(building, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Readable by its owner alone while the engine writes into it, as the pack's files are.
    building.mkdir(mode=OWNER_ONLY_FOLDER)
    recordings = []
    try:
        for done, (name, segments) in enumerate(plan, start=1):
            recording = speech.record(segments, building / name, rate).result()
            recordings.append(recording)
            if progress is not None:
                progress(
                    done,
                    len(plan),
                    _("Recorded {done} of {total}: {name}").format(
                        done=done, total=len(plan), name=name.removesuffix(".wav")
                    ),
                )
        _put_in_place(building, folder)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    moved = tuple(Recording(folder / r.path.name, r.seconds, r.words, r.rms) for r in recordings)
    return AudioPack(folder, moved)


def _put_in_place(building: Path, folder: Path) -> None:
    # A folder of a pack's own is the owner's alone; one chosen for it keeps its own mode.
    folder.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)
    for old in folder.glob("*.wav"):  # an earlier pack's parts, which may have other names
        old.unlink()
    for made in sorted(building.iterdir()):
        keep_private(made).replace(folder / made.name)
