"""The session editor: one window for everything about a session, in five parts (when and
where, running order, aims, attendance, and what happened afterwards), with the planned
length and any timing warnings always in view beneath them.

It is not modal: a facilitator can look at the main window while it is open. It loads and
saves on the task runner; a refused save keeps everything typed and says why. Closing with
unsaved changes asks first.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.i18n import _
from app.services.meetings import (
    SessionChoices,
    SessionDetails,
    get_session,
    list_sessions,
    save_session,
    session_choices,
)
from app.services.timing import check_plan, duration_words, plan_summary, plan_warnings
from app.services.venues import VenueRow
from app.storage import Database
from app.ui.data import DataSource
from app.ui.dialogs import ask
from app.ui.formatting import window_title
from app.ui.part_tabs import PartTabs
from app.ui.save_elsewhere import SaveElsewhere
from app.ui.session_afterwards_page import AfterwardsPage
from app.ui.session_attendance_page import AttendancePage
from app.ui.session_pages import AimsPage, WhenWherePage
from app.ui.session_plan_page import PlanPage
from app.ui.session_venue import VenueEditor, announce
from app.ui.tasks import TaskRunner
from app.ui.titled_dialog import Dialog
from app.ui.widgets import Heading, StatusLine, scrolling

NEW_SESSION_HOUR = 10


def blank_session(group_id: int, today: datetime | None = None) -> SessionDetails:
    """A new session starts as tomorrow morning, with nothing planned yet."""
    tomorrow = (today or clock.local_now()).date() + timedelta(days=1)
    return SessionDetails(
        id=None,
        group_id=group_id,
        title="",
        starts_at=datetime.combine(tomorrow, time(NEW_SESSION_HOUR)),
    )


def load_for_editor(
    db: Database, group_id: int, meeting_id: int | None
) -> tuple[SessionDetails, SessionChoices]:
    """Runs on the worker thread: the session (or a blank one) and what the editor offers."""
    choices = session_choices(db, group_id, meeting_id)
    details = get_session(db, meeting_id) if meeting_id is not None else blank_session(group_id)
    return details, choices


class SessionEditor(Dialog):
    saved = Signal(object)  # the SessionDetails as saved

    def __init__(
        self,
        parent: QWidget | None,
        source: DataSource,
        runner: TaskRunner,
        group_id: int,
        meeting_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.runner = runner
        self.group_id = group_id
        self.meeting_id = meeting_id
        self.choices: SessionChoices | None = None
        self._initial: SessionDetails | None = None
        self._saving = False
        self._warned: set[object] = set()
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._name_window(None)

        layout = QVBoxLayout(self)
        self.heading = Heading(_("Loading the session…"))
        layout.addWidget(self.heading)
        self.tabs = PartTabs(_("Parts of the session"))
        self.when = WhenWherePage()
        self.plan = PlanPage()
        self.aims = AimsPage()
        self.attendance = AttendancePage()
        self.afterwards = AfterwardsPage()
        self.scrollers = []
        for page, title in (
            (self.when, _("D&etails")),
            (self.plan, _("&Plan")),
            (self.aims, _("Ai&ms")),
            (self.attendance, _("&Attendance")),
            (self.afterwards, _("After&wards")),
        ):
            scroller = scrolling(page)
            self.scrollers.append(scroller)
            self.tabs.addTab(scroller, title)
        self.tabs.setEnabled(False)
        layout.addWidget(self.tabs.chooser)
        layout.addWidget(self.tabs, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings = StatusLine()
        self.warnings.setAccessibleName(_("Timing warnings"))
        self.warnings.hide()
        self.messages = StatusLine()
        self.messages.setAccessibleName(_("Messages"))
        self.messages.hide()
        layout.addWidget(self.summary)
        layout.addWidget(self.warnings)
        layout.addWidget(self.messages)

        self.save_copy = SaveElsewhere(self, _("the session"), self.tell)
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setAccessibleName(_("Save the session"))
        self.save_button.setToolTip(_("Save the session (Ctrl+S)"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(_("&Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addWidget(self.save_copy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self.when.changed.connect(self._messages_outdated)  # before a message of timing
        self.plan.changed.connect(self._messages_outdated)
        self.when.changed.connect(self._update_timing)
        self.when.start_changed.connect(self.plan.model.set_start)
        self.when.new_venue_wanted.connect(self.new_venue)
        self.plan.changed.connect(self._update_timing)
        self.plan.said.connect(self.tell)
        self.when.said.connect(lambda text: self.tell(text, urgent=True))
        self.attendance.said.connect(self.tell)
        # No button is the default (Enter in a field does nothing here), so none is drawn as
        # one; Enter on a button still presses it (below).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self._fit_to_screen()

        self.runner.run(
            self.source.call,
            load_for_editor,
            group_id,
            meeting_id,
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    @classmethod
    def example(cls, window) -> SessionEditor:  # type: ignore[no-untyped-def]
        """The editor on the chosen group's next (or latest) session, loaded."""
        group = window.current_group()
        meeting_id = None
        if group is not None:
            future = window.runner.run(window.source.call, list_sessions, group.id)
            window.runner.wait_idle()
            rows = future.result()
            upcoming = [row for row in rows if row.starts_at >= clock.local_now()]
            chosen = upcoming[-1] if upcoming else (rows[0] if rows else None)
            meeting_id = chosen.id if chosen else None
        editor = cls(window, window.source, window.runner, group.id if group else 0, meeting_id)
        window.runner.wait_idle()
        return editor

    # -- loading -----------------------------------------------------------------------

    def _name_window(self, details: SessionDetails | None) -> None:
        if details is None or details.id is None:
            title = _("New session")
        else:
            title = _("Session: {title}").format(title=details.title)
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)

    def _loaded(self, result: tuple[SessionDetails, SessionChoices]) -> None:
        details, choices = result
        self.choices = choices
        self._name_window(details)
        if details.id is None:
            self.heading.setText(_("New session for {group}").format(group=choices.group_name))
        else:
            self.heading.setText(details.title)
        self.when.load(details, choices)
        self.plan.load(details)
        self.plan.limits.setText(
            _("The group's limits: {limit} in all, a break at least every {interval}.").format(
                limit=duration_words(choices.session_limit_minutes),
                interval=duration_words(choices.break_interval_minutes),
            )
        )
        self.aims.load(details, choices)
        self.attendance.load(details, choices)
        self.afterwards.load(details)
        self.tabs.setEnabled(True)
        self.save_button.setEnabled(True)
        self._initial = self.collect()
        self._update_timing(speak=False)
        self.when.title.setFocus()

    def _load_failed(self, message: str) -> None:
        self.heading.setText(_("The session could not be opened"))
        self.tell(message, urgent=True)

    def is_loaded(self) -> bool:
        return self._initial is not None

    # -- reading what is typed -----------------------------------------------------------

    def collect(self) -> SessionDetails:
        values = self.when.values()
        agenda, breaks = self.plan.model.agenda_and_breaks()
        return SessionDetails(
            id=self.meeting_id,
            group_id=self.group_id,
            title=str(values["title"]),
            starts_at=values["starts_at"],  # type: ignore[arg-type]
            status=values["status"],  # type: ignore[arg-type]
            venue_id=values["venue_id"],  # type: ignore[arg-type]
            agenda=agenda,
            breaks=breaks,
            aim_ids=self.aims.chosen(),
            attendance=self.attendance.model.lines(),
            **self.afterwards.values(),
        )

    def has_changes(self) -> bool:
        return self._initial is not None and self.collect() != self._initial

    # -- timing --------------------------------------------------------------------------

    def _tell(self, line: StatusLine, text: str) -> None:
        announce(line, text)

    def _update_timing(self, speak: bool = True) -> None:
        if self.choices is None:
            return
        limit = self.choices.session_limit_minutes
        interval = self.choices.break_interval_minutes
        agenda, breaks = self.plan.model.agenda_and_breaks()
        minutes = [line.minutes for line in agenda]
        places = [(line.after_position, line.minutes) for line in breaks]
        self.summary.setText(plan_summary(minutes, places))
        check = check_plan(minutes, places, limit, interval)
        # Warnings are told apart by what they are about, not their words, so typing a
        # title does not announce the same warning again at every key press.
        kinds: set[object] = {(s.first, s.last) for s in check.long_stretches}
        if check.too_long:
            kinds.add("too long")
        warnings = plan_warnings(minutes, places, limit, interval, [a.title for a in agenda])
        self.warnings.setVisible(bool(warnings))
        text = "\n".join(warnings)
        if kinds - self._warned and speak:
            self._tell(self.warnings, text)
        elif not warnings and self._warned and speak:
            self._tell(self.messages, _("The plan now keeps to the group's limits."))
        else:
            self.warnings.show_quietly(text)
        self._warned = kinds

    # -- venues --------------------------------------------------------------------------

    def new_venue(self) -> VenueEditor:
        editor = VenueEditor(self, self.source, self.runner)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._venue_added)
        editor.open()
        return editor

    def _venue_added(self, venue: VenueRow) -> None:
        self.when.add_venue(venue)
        self.tell(_("Added the venue “{name}” and chose it.").format(name=venue.name))
        self.when.venue.setFocus()

    # -- saving and closing --------------------------------------------------------------

    def tell(self, text: str, *, urgent: bool = False) -> None:
        """Say ``text`` on the editor's own line (the text size, by its keys, too)."""
        announce(self.messages, text, urgent=urgent)

    def _messages_outdated(self) -> None:
        # A message answers the last thing done ("Added: 2. (no title yet), 15 minutes."):
        # once the session is changed after it, it no longer says how things are.
        self.messages.hide()
        self.messages.clear()

    def _first_problem(self, details: SessionDetails) -> bool:
        """Point at the first thing that cannot be saved as typed; True if there was one."""
        if not details.title.strip():
            self.tabs.setCurrentIndex(0)
            message = _("Please give the session's title.")
            self.when.title_message.setText(message)
            self.when.title_message.show()
            self.when.title.setFocus()
            self.tell(message, urgent=True)
            return True
        self.when.title_message.hide()
        if problem := self.when.time_problem():
            self.tabs.setCurrentIndex(0)
            self.when.start_time.setFocus()
            self.tell(problem, urgent=True)
            return True
        number = 0
        for row, entry in enumerate(self.plan.model.entries()):
            number += 0 if entry.is_break else 1
            if not entry.is_break and not entry.title.strip():
                self.tabs.setCurrentIndex(1)
                message = _("Please give agenda item {number} a title.").format(number=number)
                self.plan.show_problem(row, message)
                self.tell(message, urgent=True)
                return True
        return False

    def save(self) -> None:
        if self._saving or not self.is_loaded():
            return
        details = self.collect()
        if self._first_problem(details):
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.runner.run(
            self.source.call,
            save_session,
            details,
            on_done=self._saved,
            on_error=self._refused,
        )

    def _saved(self, details: SessionDetails) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.meeting_id = details.id
        self._initial = details
        status_line = getattr(self.parent(), "status_line", None)
        if status_line is not None:
            status_line.announce(_("Saved the session “{title}”.").format(title=details.title))
        self.saved.emit(details)
        self.accept()

    def _refused(self, message: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.save_copy.offer()
        self.tell(message, urgent=True)

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask first if anything would be lost."""
        if not self.has_changes():
            super().reject()
            return
        ask(
            self,
            _("Close without saving? The changes you made to this session will be lost."),
            yes=_("Close without saving"),
            no=_("Keep editing"),
            on_yes=self.discard,
        )

    def discard(self) -> None:
        """Close, letting go of any changes."""
        self._initial = None
        super().reject()

    # -- layout --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a field of this long form does nothing, rather than press whichever
        # button Qt finds after it ("New venue…" from the title) or save and close the
        # whole session; Enter on a button still presses it, and Ctrl+S saves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.animateClick()
            event.accept()
            return
        super().keyPressEvent(event)

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableSize() if self.screen() else QSize(1200, 800)
        wanted = self.sizeHint().expandedTo(QSize(720, 640))
        # A long form: on a small screen at large text every line of room counts.
        room = QSize(screen.width() * 19 // 20, screen.height() * 19 // 20)
        self.resize(wanted.boundedTo(room))
