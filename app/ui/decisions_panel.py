"""The Decisions area: the group's decision log, "you said, we did".

Above the log, filters and a search box; below it, the chosen decision in full with its
actions and the history of every change, and buttons to change it. Every query runs on
the worker thread; a result that is no longer wanted (the group, filters or search
changed while it was on its way) is thrown away.
"""

from __future__ import annotations

from functools import partial
from itertools import pairwise

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.i18n import N_, _, ngettext
from app.services import decisions
from app.services.changes import Change
from app.services.decisions import DecisionChoices, DecisionDetails, DecisionFilter
from app.services.groups import GroupSummary
from app.ui.comment_dialog import AddCommentDialog
from app.ui.data import DataSource, DecisionsStart
from app.ui.decision_details import DecisionDetailsView
from app.ui.decision_dialogs import (
    AddActionDialog,
    DecisionDialog,
    EditDecisionDialog,
    UpdateActionDialog,
)
from app.ui.decision_filters import DecisionFilterBar
from app.ui.decision_form import announcer
from app.ui.panels import RecordsPanel
from app.ui.table_models import DecisionsModel, RowTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets import ButtonRow, Heading

SAMPLE_ROWS = 40


class DecisionsPanel(RecordsPanel):
    TITLE = N_("Decisions")
    HEADING = N_("Decisions of {group}")
    SHOWS = frozenset(
        {
            Change.DECISIONS,
            Change.ACTIONS,
            Change.COMMENTS,
            Change.PEOPLE,
            Change.AIMS,
            Change.SESSIONS,
        }
    )

    model: DecisionsModel

    def __init__(self, source: DataSource, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(source, runner, parent)
        # What the rows on screen were asked with; read by ``fetch`` on the worker thread.
        # It is replaced, never changed, and every replacement starts a newer query.
        self.asked = DecisionFilter()
        self.shown_filter = DecisionFilter()
        self.choices: DecisionChoices | None = None
        self.who = ""  # the last name given as making a change, offered again
        self._details_generation = 0
        self._announce_count = False

        self.filters = DecisionFilterBar()
        self.filters.changed.connect(self.requery)
        self.edit_button = QPushButton(_("&Edit decision…"))
        self.add_action_button = QPushButton(_("Add &action…"))
        self.update_action_button = QPushButton(_("&Update action…"))
        self.comment_button = QPushButton(_("Add co&mment…"))
        self.buttons = ButtonRow(
            [
                self.edit_button,
                self.add_action_button,
                self.update_action_button,
                self.comment_button,
            ]
        )
        for button in self.buttons.findChildren(QPushButton):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.setEnabled(False)
        self.edit_button.clicked.connect(partial(self.open_dialog, EditDecisionDialog))
        self.add_action_button.clicked.connect(partial(self.open_dialog, AddActionDialog))
        self.update_action_button.clicked.connect(partial(self.open_dialog, UpdateActionDialog))
        self.comment_button.clicked.connect(partial(self.open_dialog, AddCommentDialog))

        self.details_heading = Heading(_("The chosen decision"))
        self.details_label = QLabel(_("About this &decision (read only):"))
        self.details_view = DecisionDetailsView()
        self.details_label.setBuddy(self.details_view)
        self.details_view.setMinimumHeight(self.details_view.fontMetrics().lineSpacing() * 10)

        # Columns' natural widths are judged from this many rows rather than Qt's 1,000: a
        # log's rows are alike, and each new search result is measured on the GUI thread.
        self.table.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)

        layout = self.layout()
        layout.insertWidget(2, self.filters)  # after the heading and the sentence
        layout.addWidget(self.buttons)
        layout.addWidget(self.details_heading)
        layout.addWidget(self.details_label)
        layout.addWidget(self.details_view, 1)
        self.table.selectionModel().selectionChanged.connect(self._chosen)

    # -- the log ----------------------------------------------------------------------

    def make_model(self) -> RowTableModel:
        model = DecisionsModel(self.runner, self)
        model.fetch_failed.connect(self._more_failed)
        model.rowsInserted.connect(self._describe)
        return model

    def fetch(self, group_id: int) -> DecisionsStart:
        return self.source.decisions_start(group_id, DecisionsModel.WINDOW, self.asked)

    def show_rows(self, result: DecisionsStart) -> None:
        assert self.group is not None
        self.shown_filter = self.asked
        self.model.start(
            result.total,
            result.first,
            partial(self.source.decisions_window, self.group.id, wanted=self.asked),
        )
        if self._keep_chosen is None:  # else it is chosen again, and read afresh, in place
            self._show_details(None)
        if self._announce_count:
            self._announce_count = False
            announcer(self)(self.count_sentence(self.model.rowCount()))

    def show_group(self, group: GroupSummary | None) -> None:
        changed_group = group is None or self.group is None or group.id != self.group.id
        if changed_group:
            # Aims, sessions and people belong to a group: their choices go with it.
            self.choices = None
            self.filters.set_choices(None)
            self.asked = self.filters.current()
        if group is None:
            self.model.clear()
            self._show_details(None)
        super().show_group(group)
        if group is not None and changed_group:
            self.runner.run(
                self.source.call,
                decisions.filter_choices,
                group.id,
                on_done=partial(self._choices_loaded, group.id),
            )

    def _choices_loaded(self, group_id: int, choices: DecisionChoices) -> None:
        if self.group is None or self.group.id != group_id:
            return
        self.choices = choices
        self.filters.set_choices(choices)

    def requery(self) -> None:
        """Show the log again as the filters and search now say."""
        if self.group is None:
            return
        self._generation += 1  # a result still on its way for older filters is not shown
        self.asked = self.filters.current()
        self._announce_count = True
        self.summary.setText(_("Searching…"))
        self._fetch()

    def clear_rows(self) -> None:
        self.model.clear()

    def count_sentence(self, count: int) -> str:
        total = self.model.total
        wanted = self.shown_filter
        if wanted.is_empty():
            if not total:
                return _("This group has not recorded any decisions yet.")
            sentence = ngettext(
                "{total} decision, the newest first.", "{total} decisions, the newest first.", total
            ).format(total=total)
        else:
            sentence = self._match_sentence(total, wanted)
        if count < total:
            sentence += " " + _("More are shown as you move down the list.")
        return sentence

    def _match_sentence(self, total: int, wanted: DecisionFilter) -> str:
        if wanted.search and wanted.narrowed_by_choices():
            if not total:
                return _("No decisions match “{text}” and the filters.").format(text=wanted.search)
            return ngettext(
                "{total} decision matches “{text}” and the filters.",
                "{total} decisions match “{text}” and the filters.",
                total,
            ).format(total=total, text=wanted.search)
        if wanted.search:
            if not total:
                return _("No decisions match “{text}”.").format(text=wanted.search)
            return ngettext(
                "{total} decision matches “{text}”.", "{total} decisions match “{text}”.", total
            ).format(total=total, text=wanted.search)
        if not total:
            return _("No decisions match the filters.")
        return ngettext(
            "{total} decision matches the filters.", "{total} decisions match the filters.", total
        ).format(total=total)

    def _more_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.failed.emit(message)

    # -- the chosen decision ------------------------------------------------------------

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        decision = self.chosen_row()
        if decision is None:
            self._show_details(None)
            return
        self.load_details(decision.id)

    def load_details(self, decision_id: int) -> None:
        self._details_generation += 1
        self.runner.run(
            self.source.call,
            decisions.get_decision,
            decision_id,
            on_done=partial(self._details_loaded, self._details_generation),
            on_error=partial(self._details_failed, self._details_generation),
        )

    def _details_loaded(self, generation: int, details: DecisionDetails) -> None:
        if generation == self._details_generation:
            self._show_details(details)
            self.model.replace_row(details.row)

    def _details_failed(self, generation: int, message: str) -> None:
        if generation == self._details_generation:
            self._show_details(None, message)
            announcer(self)(message, urgent=True)

    def _show_details(self, details: DecisionDetails | None, message: str = "") -> None:
        if details is None:
            self._details_generation += 1
            self.details_view.show_nothing(message)
        else:
            self.details_view.show_details(details)
        self.edit_button.setEnabled(details is not None)
        self.add_action_button.setEnabled(details is not None)
        self.update_action_button.setEnabled(details is not None and bool(details.actions))
        self.comment_button.setEnabled(details is not None)

    def is_loading(self) -> bool:
        return super().is_loading() or self.filters.timer.isActive()

    # -- changing it --------------------------------------------------------------------

    def open_dialog(self, kind: type[DecisionDialog]) -> DecisionDialog | None:
        details = self.details_view.details
        if details is None or self.choices is None:
            return None
        dialog = kind(self.window(), self.runner, self.source, details, self.choices, self.who)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(partial(self._saved, dialog, details.id))
        dialog.open()
        return dialog

    def _saved(self, dialog: DecisionDialog, decision_id: int, changes: object) -> None:
        if dialog.who_box is not None:  # only a dialog that asked who is changing it
            self.who = dialog.who()
        if isinstance(dialog, AddActionDialog):
            message = _("Added the action. It is in the decision's history.")
        elif isinstance(dialog, AddCommentDialog):
            message = _("Added the comment. It is under Comments.")
        elif changes == 0:
            message = _("Nothing was different, so nothing was changed.")
        else:
            message = _("Saved the change. The decision's history shows it.")
        announcer(self)(message)
        self.load_details(decision_id)

    # -- keyboard order -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # In reading order: filters, the log, its buttons, then the chosen decision.
        # (The main window puts each area's table straight after the list of areas.)
        filters = self.filters.focus_chain()
        before = self.table.previousInFocusChain()
        if before is not filters[-1]:
            chain = (before, *filters, self.table, self.edit_button, self.add_action_button)
            chain += (self.update_action_button, self.comment_button, self.details_view)
            for first, second in pairwise(chain):
                QWidget.setTabOrder(first, second)
        super().showEvent(event)
