"""``roundtable export audio ...``: a session's pack as audio files, from a terminal; and the
audio half of ``export member-packs``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli_rules import Misuse, whole_number
from app.cli_store import open_store
from app.i18n import _
from app.speech.interface import FASTEST_RATE, NORMAL_RATE, SLOWEST_RATE

if TYPE_CHECKING:
    from app.export.audio import AudioPack, MemberAudioWriter
    from app.export.document import Document, PrintStyle
    from app.services.meetings import MeetingRow
    from app.speech import SpeechService
    from app.storage import Store


def add_audio_parser(what: argparse._SubParsersAction, data_dir: argparse.ArgumentParser) -> None:
    """Adds ``audio`` beside the other things ``export`` makes."""
    from app.cli_export import group_argument, session_arguments

    audio = what.add_parser(
        "audio",
        parents=[data_dir],
        help=_("a session's pack read aloud: a folder of sound files, one for each part"),
    )
    session_arguments(audio)
    audio.add_argument(
        "--kind",
        choices=("before", "after"),
        help=_("before or after the session (needed unless --members is given)"),
    )
    audio.add_argument(
        "--members",
        action="store_true",
        help=_(
            "instead, a pack for each member of the session's group who asked for audio, "
            "each in a folder named after them"
        ),
    )
    _voice_arguments(audio)
    audio.set_defaults(handler=run_audio)

    decisions = what.add_parser(
        "audio-decisions",
        parents=[data_dir],
        help=_("a group's decision log read aloud: you said, we did"),
    )
    group_argument(decisions)
    _voice_arguments(decisions)
    decisions.set_defaults(handler=run_audio_decisions)


def _voice_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--speed",
        type=whole_number,
        default=NORMAL_RATE,
        metavar=_("WORDS"),
        help=_("reading speed in words a minute, {low} to {high} (default: {normal})").format(
            low=SLOWEST_RATE, high=FASTEST_RATE, normal=NORMAL_RATE
        ),
    )
    parser.add_argument("--voice", metavar=_("VOICE"), help=_("the voice, by its name"))
    parser.add_argument(
        "--out", required=True, metavar=_("FOLDER"), help=_("the folder to put the files in")
    )


def run_audio(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services.session_lookup import find_session
    from app.speech import SpeechService

    _refuse_misuse(arguments)
    db = open_store(arguments, folder)
    speech = SpeechService()
    try:
        found = find_session(db, arguments.session, group=arguments.group)
        if arguments.members:
            return _members_audio(db, found, arguments, speech)
        return _session_audio(db, found, arguments, speech)
    finally:
        speech.close()
        db.close()


def run_audio_decisions(arguments: argparse.Namespace, folder: Path) -> int:
    from app.services import groups, packs
    from app.speech import SpeechService

    arguments.members, arguments.kind = False, "decisions"
    _refuse_misuse(arguments)
    db = open_store(arguments, folder)
    try:
        group = groups.find_group(db, arguments.group)
        document = packs.decision_log_pack(db, group.id)
    finally:
        db.close()
    speech = SpeechService()
    try:
        pack = _record(document, Path(arguments.out), arguments, speech)
    finally:
        speech.close()
    print(
        _(
            "Saved the decision log of {group} as {count} sound files in {folder}: "
            "{minutes} min {seconds} s in all."
        ).format(group=group.name, folder=arguments.out, **_length(pack))
    )
    return 0


def _refuse_misuse(arguments: argparse.Namespace) -> None:
    if not SLOWEST_RATE <= arguments.speed <= FASTEST_RATE:
        raise Misuse(
            _("The speed must be from {low} to {high} words a minute.").format(
                low=SLOWEST_RATE, high=FASTEST_RATE
            )
        )
    if arguments.kind is None and not arguments.members:
        raise Misuse(_("Say which pack: --kind before or --kind after."))
    refuse_a_file_for_a_folder(Path(arguments.out))


def refuse_a_file_for_a_folder(out: Path) -> None:
    """``--out`` names a folder to fill: an existing file there is misuse."""
    if out.exists() and not out.is_dir():
        raise Misuse(_("{path} is a file, not a folder. Please give a folder.").format(path=out))


def _session_audio(
    db: Store, found: MeetingRow, arguments: argparse.Namespace, speech: SpeechService
) -> int:
    from app.services import packs

    document = packs.session_pack(db, found.id, arguments.kind)
    out = Path(arguments.out)
    pack = _record(document, out, arguments, speech)
    print(
        _(
            "Saved the pack for “{title}” on {date} as {count} sound files in {folder}: "
            "{minutes} min {seconds} s in all."
        ).format(title=found.title, date=_date(found), folder=out, **_length(pack))
    )
    return 0


def _record(
    document: Document, out: Path, arguments: argparse.Namespace, speech: SpeechService
) -> AudioPack:
    """Read ``document`` aloud into ``out``, saying each part as it is made."""
    from app.export.audio import write_audio_pack

    return write_audio_pack(
        document,
        out,
        speech,
        rate=arguments.speed,
        voice=arguments.voice,
        progress=lambda _done, _total, words: print(words, flush=True),
    )


def _length(pack: AudioPack) -> dict[str, int]:
    minutes, seconds = divmod(round(pack.seconds), 60)
    return {"count": len(pack.recordings), "minutes": minutes, "seconds": seconds}


def _members_audio(
    db: Store, found: MeetingRow, arguments: argparse.Namespace, speech: SpeechService
) -> int:
    from app.export.audio import AudioWriter
    from app.services import packs

    run = packs.plan_member_packs(db, found.id, arguments.kind)
    listeners = [plan for plan in run.plans if plan.look is None]
    if not listeners:
        print(_("Nobody in {group} has asked for audio packs.").format(group=run.group_name))
        return 0
    out = Path(arguments.out)
    documents: dict[PrintStyle, Document] = {}
    writer = AudioWriter(speech, rate=arguments.speed)
    for done, plan in enumerate(listeners, start=1):
        packs.make_one_pack(db, run, plan, out, documents, write_audio=writer)
        print(packs.progress_words(done, len(listeners), plan), flush=True)
    print(
        _("Saved {count} audio packs for “{title}” on {date} in {folder}.").format(
            count=len(listeners), title=found.title, date=_date(found), folder=out
        )
    )
    return 0


def _date(found: MeetingRow) -> str:
    from app.services.packs.phrasing import long_date

    return long_date(found.starts_at.date())


@contextmanager
def member_audio_writer() -> Iterator[MemberAudioWriter]:
    """The ``write_audio`` for ``make_member_packs`` from a terminal: where there is no
    speech engine it says so once on the error stream, and the printed packs carry on."""
    from app.export.audio import MemberAudioWriter

    writer = MemberAudioWriter(on_problem=lambda message: print(message, file=sys.stderr))
    try:
        yield writer
    finally:
        writer.close()
