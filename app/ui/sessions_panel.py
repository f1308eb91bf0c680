"""The Sessions area: a group's upcoming and past sessions, and the way into the editor.

The table shows one of three lists (upcoming, nearest first; past, newest first; or all,
newest first), chosen with "Show". A planned session whose plan breaks the group's own
limits says so in words in the Timing column. Below it: edit, pack, live mode and the
session's comments.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import clock
from app.i18n import N_, _, ngettext
from app.services import comments
from app.services.changes import Change
from app.services.comments import SessionComments
from app.services.meetings import SessionDetails, SessionRow, list_sessions
from app.ui.packs_menu import open_pack_dialog
from app.ui.panels import RecordsPanel, offer
from app.ui.session_comments import SessionCommentsDialog
from app.ui.session_editor import SessionEditor
from app.ui.session_models import SessionListModel
from app.ui.table_models import RowTableModel
from app.ui.widgets import ButtonRow
from app.ui.wrapping import ChoiceBox

UPCOMING, PAST, ALL = "upcoming", "past", "all"
SHOW_CHOICES = (
    (ALL, N_("All sessions")),
    (UPCOMING, N_("Upcoming sessions")),
    (PAST, N_("Past sessions")),
)


def is_upcoming(row: SessionRow, today: date) -> bool:
    """Today's sessions count as upcoming all day: the facilitator is still running one."""
    return row.starts_at.date() >= today


class SessionsPanel(RecordsPanel):
    TITLE = N_("Sessions")
    HEADING = N_("Sessions of {group}")
    SHOWS = frozenset({Change.SESSIONS, Change.VENUES, Change.ATTENDANCE})
    CHOOSE_FIRST = N_("Choose a session in the list first.")

    model: SessionListModel

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._all_rows: list[SessionRow] = []
        self._select_after_load: int | None = None
        self.editors: dict[int, SessionEditor] = {}  # the open editors of saved sessions

        self.show_label = QLabel(_("&Show:"))
        self.show_chooser = ChoiceBox()
        self.show_chooser.setAccessibleName(_("Show"))
        self.show_chooser.view().setAccessibleName(_("Show"))  # its open list
        for key, words in SHOW_CHOICES:
            self.show_chooser.addItem(_(words), key)
        self.show_label.setBuddy(self.show_chooser)
        self.show_chooser.currentIndexChanged.connect(self._filter_changed)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.show_label)
        filter_row.addWidget(self.show_chooser)
        filter_row.addStretch(1)

        self.new_button = QPushButton(_("&New session…"))
        self.new_button.setAccessibleName(_("New session"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.setAccessibleName(_("Edit the chosen session"))
        self.edit_button.clicked.connect(self.edit_chosen)
        self.pack_button = QPushButton(_("Pac&k…"))
        self.pack_button.setAccessibleName(_("Pack for the chosen session"))
        self.pack_button.clicked.connect(self.pack_for_chosen)
        self.live_button = QPushButton(_("Start &live session"))
        self.live_button.setAccessibleName(_("Start live session for the chosen session"))
        self.live_button.clicked.connect(self.start_live_for_chosen)
        self.live_windows: dict[int, QWidget] = {}
        self.comments_button = QPushButton(_("Co&mments…"))
        self.comments_button.setAccessibleName(_("Comments on the chosen session"))
        self.comments_button.clicked.connect(self.comments_for_chosen)
        self.buttons = ButtonRow(
            [
                self.new_button,
                self.edit_button,
                self.pack_button,
                self.live_button,
                self.comments_button,
            ]
        )
        self.for_chosen = (self.edit_button, self.pack_button, self.live_button)
        self.for_chosen += (self.comments_button,)

        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.indexOf(self.table), filter_row)
        layout.addWidget(self.buttons)
        # Enter on a row, or a double-click, opens it.
        self.table.activated.connect(self._row_activated)
        QWidget.setTabOrder(self.show_chooser, self.table)
        QWidget.setTabOrder(self.table, self.new_button)
        QWidget.setTabOrder(self.new_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.pack_button)
        QWidget.setTabOrder(self.pack_button, self.live_button)
        QWidget.setTabOrder(self.live_button, self.comments_button)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def first_control(self) -> QWidget:
        """The Show filter, above the list."""
        return self.show_chooser

    def make_model(self) -> RowTableModel:
        return SessionListModel(self)

    def fetch(self, group_id: int) -> Any:
        return self.source.call(list_sessions, group_id)

    # -- what is shown -----------------------------------------------------------------

    def shown(self) -> str:
        return str(self.show_chooser.currentData())

    def show_rows(self, result: Any) -> None:
        self._all_rows = list(result)
        wanted = self._select_after_load
        self._select_after_load = None
        if wanted is not None and not any(r.id == wanted for r in self._filtered()):
            self.show_chooser.setCurrentIndex(self.show_chooser.findData(ALL))
        self._show_filtered()
        if wanted is not None:
            self.select_session(wanted)

    def clear_rows(self) -> None:
        self._all_rows = []
        super().clear_rows()

    def _filtered(self) -> list[SessionRow]:
        today = clock.today()
        shown = self.shown()
        if shown == UPCOMING:
            # The nearest first: what is coming next is what people look for.
            rows = [row for row in self._all_rows if is_upcoming(row, today)]
            return sorted(rows, key=lambda row: (row.starts_at, row.id))
        if shown == PAST:
            return [row for row in self._all_rows if not is_upcoming(row, today)]
        return list(self._all_rows)

    def _show_filtered(self) -> None:
        self.model.set_rows(self._filtered())

    def _filter_changed(self, _index: int) -> None:
        if self.group is None or self.is_loading():
            return
        self._show_filtered()
        self._describe()

    def count_sentence(self, count: int) -> str:
        if not self._all_rows:
            return _("This group has no sessions yet. Choose “New session” to plan one.")
        shown = self.shown()
        if shown == UPCOMING:
            if not count:
                sentence = _("No sessions are planned from today on.")
            else:
                sentence = ngettext(
                    "{count} upcoming session, the nearest first.",
                    "{count} upcoming sessions, the nearest first.",
                    count,
                ).format(count=count)
        elif shown == PAST:
            if not count:
                sentence = _("No sessions have been held yet.")
            else:
                sentence = ngettext(
                    "{count} past session, the most recent first.",
                    "{count} past sessions, the most recent first.",
                    count,
                ).format(count=count)
        else:
            sentence = ngettext(
                "{count} session, the most recent first.",
                "{count} sessions, the most recent first.",
                count,
            ).format(count=count)
        flagged = sum(1 for row in self.model.rows() if row.too_long or row.needs_break)
        if flagged:
            sentence += " " + ngettext(
                "{count} planned session goes beyond the group's limits: see Timing.",
                "{count} planned sessions go beyond the group's limits: see Timing.",
                flagged,
            ).format(count=flagged)
        return sentence

    def select_session(self, meeting_id: int) -> None:
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))

    def chosen_session(self) -> SessionRow | None:
        return self.chosen_row()

    def _update_buttons(self, *_args: object) -> None:
        for button in self.for_chosen:
            offer(button, self.not_chosen())

    # -- the editor --------------------------------------------------------------------

    def edit_chosen(self) -> None:
        chosen = self.chosen_session()
        if chosen is None:
            self._announce(self.not_chosen())
            self.table.setFocus()
            return
        self.open_editor(chosen.id)

    def pack_for_chosen(self) -> None:
        """The pack dialog on the chosen session (print, save or preview its pack)."""
        chosen = self.chosen_session()
        if chosen is None:
            self._announce(self.not_chosen())
            self.table.setFocus()
            return
        open_pack_dialog(self.window(), meeting_id=chosen.id)

    def start_live_for_chosen(self) -> None:
        """Live session mode on the chosen session, in a full-screen window of its own."""
        from app.ui.live.start import open_live_window

        chosen = self.chosen_session()
        if chosen is None:
            self._announce(self.not_chosen())
            self.table.setFocus()
            return
        window = self.live_windows.get(chosen.id)
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        text_size = getattr(self.window(), "text_size", None)
        window = open_live_window(
            self.source, self.runner, chosen.id, text_size=text_size, main_window=self.window()
        )
        # Left, it is gone for good (its timers and voice with it): starting live mode again
        # makes a new one, which reads everything afresh.
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.live_windows[chosen.id] = window
        window.closed.connect(lambda key=chosen.id: self.live_windows.pop(key, None))

    def comments_for_chosen(self) -> None:
        """The chosen session's comments, and a new one to add."""
        chosen = self.chosen_session()
        if chosen is None:
            self._announce(self.not_chosen())
            self.table.setFocus()
            return
        self.runner.run(
            self.source.call,
            comments.session_comments,
            chosen.id,
            on_done=self._show_comments,
            on_error=self._announce,
        )

    def _show_comments(self, loaded: SessionComments) -> None:
        dialog = SessionCommentsDialog(self.window(), self.runner, self.source, loaded)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda _id: self._announce(
                _("Added the comment to {title}.").format(title=loaded.title)
            )
        )
        dialog.open()

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_editor(self.model.row_at(index.row()).id)

    def open_editor(self, meeting_id: int | None) -> SessionEditor | None:
        """Open the editor on a session (None: a new one); one editor per session."""
        if self.group is None:
            self._announce(_("Please choose a group first."))
            return None
        editor = self.editors.get(meeting_id) if meeting_id is not None else None
        if editor is not None:
            editor.raise_()  # already open: bring it forward rather than open a second
            editor.activateWindow()
            return editor
        editor = SessionEditor(self.window(), self.source, self.runner, self.group.id, meeting_id)
        if meeting_id is not None:
            self.editors[meeting_id] = editor
            editor.finished.connect(lambda _result, key=meeting_id: self.editors.pop(key, None))
        editor.saved.connect(self._saved)
        editor.show()
        editor.activateWindow()
        return editor

    def _saved(self, details: SessionDetails) -> None:
        if details.group_id != (self.group.id if self.group else None):
            return
        self._select_after_load = details.id
        self.reload()

    def _announce(self, text: str) -> None:
        status_line = getattr(self.window(), "status_line", None)
        if status_line is not None:
            status_line.announce(text)
