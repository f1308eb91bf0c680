"""The Decisions area: the group's decision log, "you said, we did".

Above the log, filters and a search box; then the chosen decision in full with its
actions and the history of every change, and buttons to change it. Enter on a decision
(or "Read this decision") goes to it and Escape comes back to the same row. Where the
area has room for both, the decision sits below the log; where it has not (large text,
a small screen), the decision takes the log's place until Escape, so it is never
squeezed into a sliver. Every query runs on the worker thread; a result that is no longer
wanted (the group, filters or search changed while it was on its way) is thrown away.
"""

from __future__ import annotations

from functools import partial
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from app.i18n import N_, _, ngettext
from app.services import decisions
from app.services.changes import Change
from app.services.decisions import DecisionChoices, DecisionDetails, DecisionFilter
from app.services.groups import GroupSummary
from app.ui.changes import News
from app.ui.comment_dialog import AddCommentDialog
from app.ui.data import DataSource, DecisionsStart
from app.ui.decision_details import DecisionPage
from app.ui.decision_dialogs import (
    AddActionDialog,
    DecisionDialog,
    EditDecisionDialog,
    UpdateActionDialog,
)
from app.ui.decision_filters import DecisionFilterBar, match_sentence
from app.ui.decision_form import announcer
from app.ui.formatting import format_date
from app.ui.panels import RecordsPanel, offer
from app.ui.table_models import DecisionsModel, RowTableModel
from app.ui.tasks import TaskRunner

SAMPLE_ROWS = 40
# The log and the decision are shown together only where the decision then has this many
# lines more than its least (and the log its least rows): enough to read it, and to spare
# for a status message a line or two longer without switching back and forth.
MORE_LINES_TOGETHER = 6


def wanted_height(widget: QWidget, width: int) -> int:
    """The height ``widget`` would like at ``width``, shown or not. (The main window's
    page, which scrolls, lays everything out at least that tall, not only as tall as it
    needs.)"""
    layout = widget.layout()
    if layout is not None:
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return layout.totalSizeHint().height()
    if widget.hasHeightForWidth():
        return widget.heightForWidth(width)
    return widget.sizeHint().height()


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
    CHOOSE_FIRST = N_("Choose a decision in the list first.")

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
        self.together = False  # the log and the decision on show at once
        self.reading = False  # otherwise, the decision is shown in the log's place

        self.filters = DecisionFilterBar()
        self.filters.changed.connect(self.requery)
        self.read_button = QPushButton(_("Rea&d this decision"))
        self.read_button.setAccessibleName(_("Read the chosen decision in full"))
        self.read_button.clicked.connect(self.read_chosen)
        self.edit_button = QPushButton(_("&Edit decision…"))
        self.add_action_button = QPushButton(_("Add &action…"))
        self.update_action_button = QPushButton(_("&Update action…"))
        self.comment_button = QPushButton(_("Add co&mment…"))
        self.changing = (self.edit_button, self.add_action_button)
        self.changing += (self.update_action_button, self.comment_button)
        for button in self.changing:
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        self.edit_button.clicked.connect(partial(self.open_dialog, EditDecisionDialog))
        self.add_action_button.clicked.connect(partial(self.open_dialog, AddActionDialog))
        self.update_action_button.clicked.connect(partial(self.open_dialog, UpdateActionDialog))
        self.comment_button.clicked.connect(partial(self.open_dialog, AddCommentDialog))

        self.page = DecisionPage(list(self.changing))
        self.page.back.connect(self.back_to_list)
        self.details_view = self.page.view

        # Columns' natural widths are judged from this many rows rather than Qt's 1,000: a
        # log's rows are alike, and each new search result is measured on the GUI thread.
        self.table.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
        self.table.activated.connect(lambda _index: self.read_chosen())

        self.log = QWidget()  # the filters, the log and the way into a decision
        log_layout = QVBoxLayout(self.log)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addWidget(self.filters)
        log_layout.addWidget(self.table, 1)  # taken from where RecordsPanel put it
        log_layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = self.layout()
        layout.addWidget(self.log, 1)
        layout.addWidget(self.page, 1)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self._rearrange = QTimer(self)
        self._rearrange.setSingleShot(True)
        self._rearrange.setInterval(0)
        self._rearrange.timeout.connect(self.arrange)
        self.arrange()

    # -- the log ----------------------------------------------------------------------

    def first_control(self) -> QWidget:
        """The search field, above the filters and the log."""
        return self.filters.focus_chain()[0]

    def make_model(self) -> RowTableModel:
        model = DecisionsModel(self.runner, self)
        model.fetch_failed.connect(self._more_failed)
        model.rowsInserted.connect(self._describe)
        return model

    def fetch(self, group_id: int) -> DecisionsStart:
        return self.source.decisions_start(group_id, DecisionsModel.WINDOW, self.asked)

    def show_rows(self, result: DecisionsStart) -> None:
        assert self.group is not None
        chosen = self.chosen_row()
        self.shown_filter = self.asked
        self.model.start(
            result.total,
            result.first,
            partial(self.source.decisions_window, self.group.id, wanted=self.asked),
        )
        if chosen is not None and self.model.row_number(chosen.id) >= 0:
            self.choose(chosen.id)  # the log read again: the same decision stays chosen
        else:
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
        if changed_group and self.reading:
            self.reading = False  # another group's log: its decision is not this one
            self.arrange()
        super().show_group(group)
        if group is not None and changed_group:
            self.runner.run(
                self.source.call,
                decisions.filter_choices,
                group.id,
                on_done=partial(self._choices_loaded, group.id),
            )

    def _heard(self, news: News) -> None:
        # The filters offer the group's aims, sessions and people: read them again on any
        # such change, even when the log itself was read since.
        if self.group is not None and news.kinds & self.SHOWS:
            self.runner.run(
                self.source.call,
                decisions.filter_choices,
                self.group.id,
                on_done=partial(self._choices_loaded, self.group.id),
            )
        super()._heard(news)

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
            sentence = match_sentence(total, wanted)
        if count < total:
            sentence += " " + _("More are shown as you move down the list.")
        return sentence

    def _more_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.failed.emit(message)

    # -- the chosen decision ------------------------------------------------------------

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        decision = self.chosen_row()
        if decision is None:
            self._show_details(None)
            return
        self._update_buttons()  # until its details come, the last ones shown are not its
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
        self._update_buttons()

    def shown_details(self) -> DecisionDetails | None:
        """The decision shown in full, if it is the chosen one (not one still replaced)."""
        details = self.details_view.details
        chosen = self.chosen_row()
        if details is None or chosen is None or details.id != chosen.id:
            return None
        return details

    def _update_buttons(self) -> None:
        details = self.shown_details()
        why_not = self.not_chosen()
        if not why_not and details is None:
            why_not = _("The chosen decision is still being read.")
        offer(self.read_button, self.not_chosen())
        for button in (self.edit_button, self.add_action_button, self.comment_button):
            offer(button, why_not)
        if not why_not and details is not None and not details.actions:
            why_not = _("This decision has no actions yet.")
        offer(self.update_action_button, why_not)

    def is_loading(self) -> bool:
        return super().is_loading() or self.filters.timer.isActive()

    # -- reading it, and back to the list ---------------------------------------------

    def read_chosen(self) -> None:
        """Go to the chosen decision in full: Enter on the log or "Read this decision"."""
        decision = self.chosen_row()
        if decision is None:
            announcer(self)(self.not_chosen())
            return
        if self.shown_details() is None:
            self.details_view.show_nothing(_("Reading the decision…"))
        self.reading = True
        self.arrange()
        self._settle_layout()
        self.details_view.setFocus(Qt.FocusReason.OtherFocusReason)
        announcer(self)(
            _("Showing the decision of {date} in full. Escape goes back to the list.").format(
                date=format_date(decision.decided_on)
            )
        )

    def back_to_list(self) -> None:
        """Escape from the decision: the log again, with the same decision chosen."""
        self.reading = False
        self.arrange()
        self._settle_layout()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.table.currentIndex().isValid():
            self.table.scrollTo(self.table.currentIndex())
        announcer(self)(_("Back to the list of decisions."))

    def _settle_layout(self) -> None:
        # Lay out what was just shown before the focus moves, so that the page scrolls to
        # where it is now and not to where it was while hidden.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    # -- the arrangement ----------------------------------------------------------------

    def fits_together(self) -> bool:
        """Whether the log and the decision both fit the area as it is now, the decision
        with room to read it (see MORE_LINES_TOGETHER)."""
        parts = (self.heading, self.summary, self.log, self.page)
        need = sum(wanted_height(part, self.width()) for part in parts)
        need += self.layout().spacing() * (len(parts) - 1)
        need += MORE_LINES_TOGETHER * self.details_view.fontMetrics().lineSpacing()
        return self.height() >= need

    def arrange(self) -> None:
        """Show the log and the decision together if they fit, else the one being read."""
        together = self.isVisible() and self.fits_together()
        if self.together and not together:
            focus = QApplication.focusWidget()
            self.reading = focus is not None and self.page.isAncestorOf(focus)
        self.together = together
        self.log.setVisible(together or not self.reading)
        self.page.setVisible(together or self.reading)
        self.summary.setVisible(together or not self.reading)
        self.page.back_button.setVisible(not together)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rearrange.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._rearrange.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # Out of sight, the smaller arrangement: the larger would make every area's page
        # scroll, since the areas share one page.
        super().hideEvent(event)
        if self.together:
            self.together = False
            self.arrange()

    # -- changing it --------------------------------------------------------------------

    def open_dialog(self, kind: type[DecisionDialog]) -> DecisionDialog | None:
        details = self.shown_details()
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
        # In reading order: filters, the log, the way into a decision, then the decision.
        # (The main window puts the search field straight after the list of areas.)
        filters = self.filters.focus_chain()
        before = self.table.previousInFocusChain()
        if before is not filters[-1]:
            chain = (before, *filters, self.table, self.read_button, *self.page.focus_chain())
            for first, second in pairwise(chain):
                QWidget.setTabOrder(first, second)
        super().showEvent(event)
        self.arrange()
