"""``roundtable export audio ...``: a session's pack as audio files, from a terminal; and the
audio half of ``export member-packs``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _
from app.speech.interface import FASTEST_RATE, NORMAL_RATE, SLOWEST_RATE

if TYPE_CHECKING:
    from app.export.audio import AudioWriter

MISUSE = 2


def add_audio_parser(what: argparse._SubParsersAction, data_dir: argparse.ArgumentParser) -> None:
    """Adds ``audio`` beside the other things ``export`` makes."""
    from app.cli_export import session_arguments

    audio = what.add_parser(
        "audio",
        parents=[data_dir],
        help=_("a session's pack read aloud: a folder of sound files, one for each part"),
    )
    session_arguments(audio)
    audio.add_argument(
        "--kind", required=True, choices=("before", "after"), help=_("before or after the session")
    )
    audio.add_argument(
        "--speed",
        type=int,
        default=NORMAL_RATE,
        metavar=_("WORDS"),
        help=_("reading speed in words a minute, {low} to {high} (default: {normal})").format(
            low=SLOWEST_RATE, high=FASTEST_RATE, normal=NORMAL_RATE
        ),
    )
    audio.add_argument("--voice", metavar=_("VOICE"), help=_("the voice, by its name"))
    audio.add_argument(
        "--out", required=True, metavar=_("FOLDER"), help=_("the folder to put the files in")
    )
    audio.set_defaults(handler=run_audio)


def run_audio(arguments: argparse.Namespace, folder: Path) -> int:
    from app.export.audio import write_audio_pack
    from app.services import packs
    from app.services.packs.phrasing import long_date
    from app.services.session_lookup import find_session
    from app.speech import SpeechService
    from app.storage import open_database

    if not SLOWEST_RATE <= arguments.speed <= FASTEST_RATE:
        print(
            _("The speed must be from {low} to {high} words a minute.").format(
                low=SLOWEST_RATE, high=FASTEST_RATE
            ),
            file=sys.stderr,
        )
        return MISUSE
    out = Path(arguments.out)
    if out.exists() and not out.is_dir():
        print(
            _("{path} is a file, not a folder. Please give a folder.").format(path=out),
            file=sys.stderr,
        )
        return MISUSE
    db = open_database(folder)
    try:
        for warning in db.warnings:
            print(warning, file=sys.stderr)
        found = find_session(db, arguments.session, group=arguments.group)
        document = packs.session_pack(db, found.id, arguments.kind)
    finally:
        db.close()
    speech = SpeechService()
    try:
        pack = write_audio_pack(
            document,
            out,
            speech,
            rate=arguments.speed,
            voice=arguments.voice,
            progress=lambda _done, _total, words: print(words, flush=True),
        )
    finally:
        speech.close()
    minutes, seconds = divmod(round(pack.seconds), 60)
    print(
        _(
            "Saved the pack for “{title}” on {date} as {count} sound files in {folder}: "
            "{minutes} min {seconds} s in all."
        ).format(
            title=found.title,
            date=long_date(found.starts_at.date()),
            count=len(pack.recordings),
            folder=out,
            minutes=minutes,
            seconds=seconds,
        )
    )
    return 0


@contextmanager
def member_audio_writer() -> Iterator[AudioWriter | None]:
    """The writer ``make_member_packs`` takes for members who asked for audio, or None
    (having said why in plain words) when this computer has no speech engine."""
    from app.export.audio import AudioWriter
    from app.speech import SpeechUnavailable

    writer = AudioWriter()
    try:
        try:
            writer.check()
        except SpeechUnavailable as problem:
            print(str(problem), file=sys.stderr)
            yield None
            return
        yield writer
    finally:
        writer.close()
