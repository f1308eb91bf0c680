"""Save a pack as audio: a session's pack, or the group's decision log, read aloud into a
folder of sound files (a short spoken contents, then one numbered file for each part), for
a member who prefers to listen.

"Record…" first asks where to put the sound files. The pack is built and recorded on the
worker thread, through the window's speech; progress is shown on a bar and in words that
screen readers hear.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QPushButton

from app.errors import ValidationError
from app.export.audio import AudioPack, write_audio_pack
from app.i18n import _
from app.services import packs
from app.services.groups import GroupSummary
from app.services.meetings import list_sessions
from app.services.packs import KIND_WORDS, PackKind
from app.speech import SpeechService
from app.storage import Database
from app.ui.decision_form import combo
from app.ui.folder_jobs import FolderJobDialog, suggested_folder
from app.ui.packs_sessions import KindFollowsSession, SessionList
from app.ui.settings import AUDIO_PACKS_FOLDER, SPEECH_RATE, SPEECH_VOICE

KINDS = (PackKind.BEFORE, PackKind.AFTER, PackKind.DECISIONS)


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog."""

    step = Signal(int, int, str)


def record_pack(
    db: Database,
    group_id: int,
    meeting_id: int | None,
    kind: PackKind,
    out: Path,
    speech: SpeechService,
    rate: int,
    voice: str | None,
    progress: _Progress,
) -> AudioPack:
    """Build the pack and read it into ``out`` (on the worker thread)."""
    if kind == PackKind.DECISIONS:
        document = packs.decision_log_pack(db, group_id)
    else:
        if meeting_id is None:
            raise ValidationError(_("Please choose a session first."))
        document = packs.session_pack(db, meeting_id, kind)
    return write_audio_pack(
        document, out, speech, rate=rate, voice=voice, progress=progress.step.emit
    )


class AudioPackDialog(FolderJobDialog):
    def __init__(self, window: Any, group: GroupSummary) -> None:
        super().__init__(
            window,
            _("Save a pack as audio"),
            _("Save a pack as audio for {group}").format(group=group.name),
            settings=window.settings,
            last_folder=AUDIO_PACKS_FOLDER,
            suggested=suggested_folder(QStandardPaths.StandardLocation.MusicLocation),
            choose_title=_("Choose the folder for the sound files"),
        )
        self.main_window, self.group = window, group
        self.made: AudioPack | None = None
        self._progress = _Progress(self)
        self._progress.step.connect(self._stepped)

        self.kind = combo([(_(KIND_WORDS[kind]), kind) for kind in KINDS])
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.session = SessionList()
        self.kind_follows = KindFollowsSession(self.session, self.kind, self.tell)
        self.progress.setFormat(_("%v of %m files"))
        self.start_button = QPushButton(_("&Record…"))
        self.start_button.setAccessibleName(_("Record the pack"))
        self.start_button.setAccessibleDescription(_("Asks which folder to put it in"))
        self.start_button.clicked.connect(self.start)
        self.lay_out(
            _(
                "The pack is read aloud into sound files: a short contents, then one file for "
                "each part, so a listener can skip between parts. It uses the reading speed "
                "and voice in the Display settings. Contact details and access needs are "
                "never included. You choose the folder to put them in when you record."
            ),
            [
                (_("&Kind of pack:"), self.kind, _("Kind of pack")),
                (_("&Session:"), self.session, _("Session")),
            ],
            [self.start_button],
        )
        self.fit(90, 34)
        window.runner.run(
            window.source.call,
            list_sessions,
            group.id,
            on_done=self._sessions_loaded,
            on_error=self._failed,
        )

    @classmethod
    def example(cls, window: Any) -> AudioPackDialog:
        group = window.current_group() or GroupSummary(0, _("Example group"), "", "", 0, 120, 45, 0)
        return cls(window, group)

    def _sessions_loaded(self, rows: list) -> None:  # type: ignore[type-arg]
        self.session.set_sessions(rows, None)
        self.kind_follows.follow()

    def _kind_chosen(self, _index: int) -> None:
        self.session.setEnabled(self.kind.currentData() != PackKind.DECISIONS)

    def start(self) -> None:
        """Ask where to put the sound files; they are recorded once a folder is chosen."""
        if self._wants_session():
            self.tell(_("Please choose a session first."))
            return
        self.ask_for_folder(self.record_in)

    def _wants_session(self) -> bool:
        return self.kind.currentData() != PackKind.DECISIONS and self.session.chosen() is None

    def record_in(self, folder: Path) -> None:
        if self._wants_session():
            self.tell(_("Please choose a session first."))
            return
        kind = PackKind(self.kind.currentData())
        session = self.session.chosen()
        words = _(KIND_WORDS[kind])
        if session is not None and kind != PackKind.DECISIONS:
            words = f"{words} {session.starts_at:%Y-%m-%d} {session.title}"
        out = folder / packs.safe_file_name(words)
        read_aloud = self.main_window.read_aloud
        settings = self.main_window.settings
        self.close_button.setFocus()  # beside the progress, rather than lost with Record
        self.start_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.working(_("Recording the pack…"))
        self.main_window.runner.run(
            self.main_window.source.call,
            partial(
                record_pack,
                group_id=self.group.id,
                meeting_id=session.id if session is not None else None,
                kind=kind,
                out=out,
                speech=read_aloud.service(),
                rate=settings.get(SPEECH_RATE),
                voice=settings.get(SPEECH_VOICE) or None,
                progress=self._progress,
            ),
            on_done=self._recorded,
            on_error=self._failed,
        )

    def _stepped(self, done: int, total: int, words: str) -> None:
        self.step(done, total, words)

    def _recorded(self, made: AudioPack) -> None:
        self.made = made
        self.start_button.setEnabled(True)
        minutes, seconds = divmod(round(made.seconds), 60)
        self.finished_in(
            made.folder,
            _(
                "Done. Saved {count} sound files, {minutes} min {seconds} s in all, in {folder}."
            ).format(
                count=len(made.recordings), minutes=minutes, seconds=seconds, folder=made.folder
            ),
        )

    def _failed(self, message: str) -> None:
        self.start_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress_words.announce(message, urgent=True)
