"""Packs for everyone: one file per member of the group, each in their own format and size.

The packs are made one member at a time, each a separate job on the worker thread, so
other work (another area loading, say) can run in between and the window stays usable.
"Make the packs…" first asks where to put them. Progress is shown in words and on a bar
that screen readers hear; Stop ends it after the pack being made. A pack that cannot be
made for one member is said in words, and the others are still made.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.errors import RoundtableError
from app.export.document import Document, PrintStyle
from app.i18n import _, ngettext
from app.services.groups import GroupSummary
from app.services.meetings import list_sessions
from app.services.packs import (
    KIND_WORDS,
    PackKind,
    PackRun,
    make_one_pack,
    plan_member_packs,
    progress_words,
)
from app.services.packs.members import DEFAULT_FONT, AudioWriter
from app.storage import Database
from app.ui.data import DataSource
from app.ui.decision_form import announcer, combo
from app.ui.folder_jobs import FolderJobDialog, suggested_folder
from app.ui.packs_sessions import KindFollowsSession, SessionList
from app.ui.settings import PACKS_FOLDER, Settings
from app.ui.tasks import TaskRunner


def prepare(db: Database, meeting_id: int, kind: PackKind, font_key: str, out: Path) -> PackRun:
    """Who gets which pack, with the folder made ready for them (on the worker thread)."""
    run = plan_member_packs(db, meeting_id, kind, font_key)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise RoundtableError(
            _("The folder {folder} could not be made. Please choose another.").format(folder=out)
        ) from None
    return run


class PacksForEveryoneDialog(FolderJobDialog):
    def __init__(
        self,
        parent: QWidget | None,
        source: DataSource,
        runner: TaskRunner,
        group: GroupSummary,
        meeting_id: int | None = None,
        font_key: str = DEFAULT_FONT,
        write_audio: AudioWriter | None = None,
        *,
        settings: Settings,
    ) -> None:
        super().__init__(
            parent,
            _("Packs for everyone"),
            _("Packs for everyone in {group}").format(group=group.name),
            settings=settings,
            last_folder=PACKS_FOLDER,
            suggested=suggested_folder(QStandardPaths.StandardLocation.DocumentsLocation),
            choose_title=_("Choose the folder for the packs"),
        )
        self.source, self.runner, self.group = source, runner, group
        self.font_key, self.write_audio = font_key, write_audio
        self._wanted_meeting = meeting_id
        self.run_plan: PackRun | None = None
        self.made: list[Path] = []
        self.waiting_for_audio: list[str] = []
        self.not_made: dict[str, list[str]] = {}  # what went wrong: the members it happened to
        self._stopping = False
        self._closed = False
        # Once the dialog is closed, what is left to say goes to the main window's status line.
        self._tell_window = announcer(parent) if parent is not None else None
        self._documents: dict[PrintStyle, Document] = {}  # touched only on the worker thread
        self.session = SessionList()
        self.kind = combo([(_(KIND_WORDS[k]), k) for k in (PackKind.BEFORE, PackKind.AFTER)])
        self.kind_follows = KindFollowsSession(self.session, self.kind, self.tell)
        self.progress.setTextVisible(True)
        self.progress.setFormat(_("%v of %m packs"))
        self.status_line = self.progress_words
        self.start_button = QPushButton(_("&Make the packs…"))
        self.start_button.setAccessibleName(_("Make the packs"))
        self.start_button.setAccessibleDescription(_("Asks which folder to put them in"))
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(_("S&top"))
        self.stop_button.setAccessibleName(_("Stop making the packs"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        self.lay_out(
            _(
                "Each member gets the pack in the format and size they asked for. "
                "Contact details and access needs are never included. "
                "You choose the folder to put the packs in when you make them."
            ),
            [
                (_("&Session:"), self.session, _("Session")),
                (_("&Kind of pack:"), self.kind, _("Kind of pack")),
            ],
            [self.start_button, self.stop_button],
        )
        self.fit(90, 30)
        runner.run(
            source.call,
            list_sessions,
            group.id,
            on_done=self._sessions_loaded,
            on_error=self._failed,
        )

    @classmethod
    def example(cls, window: Any) -> PacksForEveryoneDialog:
        group = window.current_group() or GroupSummary(0, _("Example group"), "", "", 0, 120, 45, 0)
        return cls(window, window.source, window.runner, group, settings=window.settings)

    def _sessions_loaded(self, rows: list) -> None:  # type: ignore[type-arg]
        self.session.set_sessions(rows, self._wanted_meeting)
        self.kind_follows.follow()
        self.start_button.setEnabled(bool(rows))

    # -- making the packs, one job per member -------------------------------------------

    def start(self) -> None:
        """Ask where to put the packs; they are made once a folder is chosen."""
        if self.session.chosen() is None:
            self.tell(_("Please choose a session first."))
            return
        self.ask_for_folder(self.make_in)

    def make_in(self, out: Path) -> None:
        session = self.session.chosen()
        if session is None:
            self.tell(_("Please choose a session first."))
            return
        self.made, self.waiting_for_audio, self._documents = [], [], {}
        self.not_made = {}
        self._stopping = False
        self._busy(True)
        self.working(_("Finding out who gets which pack…"))
        self.runner.run(
            self.source.call,
            prepare,
            session.id,
            PackKind(self.kind.currentData()),
            self.font_key,
            out,
            on_done=partial(self._planned, out),
            on_error=self._stopped_by_problem,
        )

    def done(self, result: int) -> None:
        # Closing stops the run after the pack being made now, as Stop does.
        self._closed = True
        self._stopping = True
        super().done(result)

    def stop(self) -> None:
        self._stopping = True
        self.stop_button.setEnabled(False)
        self.status_line.announce(_("Stopping after the pack being made now…"))

    def _planned(self, out: Path, run: PackRun) -> None:
        self.run_plan = run
        if self._closed:
            self._finish(out)
            return
        count = len(run.plans)
        self.step(
            0,
            max(count, 1),
            ngettext("Making {count} pack…", "Making {count} packs…", count).format(count=count),
        )
        self._make(out, 0)

    def _make(self, out: Path, index: int) -> None:
        run = self.run_plan
        if run is None or self._stopping or index >= len(run.plans):
            self._finish(out)
            return
        job = partial(make_one_pack, write_audio=self.write_audio)
        self.runner.run(
            self.source.call,
            job,
            run,
            run.plans[index],
            out,
            self._documents,
            on_done=partial(self._made, out, index),
            on_error=partial(self._not_made, out, index),
        )

    def _made(self, out: Path, index: int, path: Path | None) -> None:
        run = self.run_plan
        assert run is not None
        plan = run.plans[index]
        if path is None:
            self.waiting_for_audio.append(plan.name)
        else:
            self.made.append(path)
        if not self._closed:  # once closed, the main window is told only how it ended
            self.step(index + 1, len(run.plans), progress_words(index + 1, len(run.plans), plan))
        self._make(out, index + 1)

    def _not_made(self, out: Path, index: int, message: str) -> None:
        """One member's pack could not be made: say so, and go on to the next member."""
        run = self.run_plan
        assert run is not None
        name = run.plans[index].name
        self.not_made.setdefault(message, []).append(name)
        if not self._closed:
            self.step(
                index + 1,
                len(run.plans),
                _("Could not make the pack for {name}: {problem}").format(
                    name=name, problem=message
                ),
            )
        self._make(out, index + 1)

    def _finish(self, out: Path) -> None:
        total = len(self.run_plan.plans) if self.run_plan else 0
        if self._closed:
            if self._tell_window is not None:
                self._tell_window(
                    _("Stopped making packs. Made {made} of {total}, in {folder}.").format(
                        made=len(self.made), total=total, folder=out
                    )
                )
            return
        self._busy(False)
        self.finished_in(out, self._result_words(out, total), urgent=bool(self.not_made))

    def _result_words(self, out: Path, total: int) -> str:
        made = len(self.made)
        if self._stopping:
            words = ngettext(
                "Stopped. Made {made} of {total} pack in {folder}.",
                "Stopped. Made {made} of {total} packs in {folder}.",
                total,
            )
        elif made == total:
            words = ngettext(
                "Done. Made {made} pack in {folder}.", "Done. Made {made} packs in {folder}.", made
            )
        else:
            words = ngettext(
                "Done. Made {made} of {total} pack in {folder}.",
                "Done. Made {made} of {total} packs in {folder}.",
                total,
            )
        said = [words.format(made=made, total=total, folder=out)]
        for problem, names in self.not_made.items():
            said.append(
                ngettext(
                    "Could not make the pack for {names}: {problem}",
                    "Could not make the packs for {names}: {problem}",
                    len(names),
                ).format(names=", ".join(names), problem=problem)
            )
        if self.waiting_for_audio:
            said.append(
                _("Not made here, as they asked for audio: {names}.").format(
                    names=", ".join(self.waiting_for_audio)
                )
            )
        return " ".join(said)

    def _stopped_by_problem(self, message: str) -> None:
        if self._closed:
            if self._tell_window is not None:
                self._tell_window(message, urgent=True)
            return
        self._busy(False)
        self._failed(message)

    def _busy(self, busy: bool) -> None:
        self.stop_button.setEnabled(busy)
        if busy:  # the keyboard stays beside the progress, on the one button that acts now
            self.stop_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.start_button.setEnabled(not busy)
        for control in (self.session, self.kind):
            control.setEnabled(not busy)

    def _failed(self, message: str) -> None:
        self.status_line.announce(message, urgent=True)
