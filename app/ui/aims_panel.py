"""The Aims area: what a group wants to achieve, how it will know, and how each session
moved each aim on (its reviews, the newest first)."""

from __future__ import annotations

from functools import partial
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.i18n import N_, _, ngettext
from app.services import aims
from app.services.aims import AimReviewRow, AimRow
from app.services.changes import Change
from app.services.groups import GroupSummary
from app.services.wording import label
from app.ui.aim_dialogs import AimDialog
from app.ui.data import DataSource
from app.ui.decision_form import announcer
from app.ui.formatting import format_datetime, shorten
from app.ui.panels import RecordsPanel, offer
from app.ui.records_table import RecordsTable
from app.ui.table_models import AimsModel, Column, RowTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets import Heading


class AimReviewsModel(RowTableModel):
    """One aim's reviews: the session, and how far it moved the aim on."""

    DATE, SESSION, OUTCOME, NOTE = range(4)
    COLUMNS = (
        Column(
            N_("Session date"),
            lambda r: format_datetime(r.session_starts_at),
            lambda r: r.session_starts_at,
        ),
        Column(N_("Session"), lambda r: r.session_title),
        Column(N_("Outcome"), lambda r: label(r.outcome)),
        Column(
            N_("Note"), lambda r: shorten(r.note) if r.note.strip() else _("No note"), wide=True
        ),
    )


class AimsPanel(RecordsPanel):
    TITLE = N_("Aims")
    HEADING = N_("Aims of {group}")
    SHOWS = frozenset({Change.AIMS})
    CHOOSE_FIRST = N_("Choose an aim in the list first.")

    model: AimsModel

    def __init__(self, source: DataSource, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(source, runner, parent)
        self._reviews_generation = 0
        self._select_after_load = 0
        self.add_button = QPushButton(_("&Add an aim…"))
        self.add_button.setAccessibleName(_("Add an aim"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.setAccessibleName(_("Edit the chosen aim"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.chosen_aim()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)

        self.reviews_heading = Heading(_("Reviews of the chosen aim"))
        self.reviews_summary = QLabel(_("Choose an aim to see how each session moved it on."))
        self.reviews_summary.setWordWrap(True)
        self.reviews_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.reviews_model = AimReviewsModel(self)
        self.reviews_table = RecordsTable()
        self.reviews_table.setModel(self.reviews_model)
        self.reviews_table.setAccessibleName(_("Reviews of the chosen aim"))

        layout = self.layout()
        layout.addLayout(buttons)
        layout.addWidget(self.reviews_heading)
        layout.addWidget(self.reviews_summary)
        layout.addWidget(self.reviews_table, 1)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def make_model(self) -> RowTableModel:
        return AimsModel(self)

    def fetch(self, group_id: int) -> Any:
        return self.source.aims(group_id)

    def show_group(self, group: GroupSummary | None) -> None:
        self.add_button.setEnabled(group is not None)
        super().show_group(group)

    def show_rows(self, result: Any) -> None:
        chosen = self.chosen_aim()
        super().show_rows(result)
        self._show_reviews(None)
        if chosen is not None:  # after an edit, the same aim stays chosen
            self.choose(chosen.id)

    def count_sentence(self, count: int) -> str:
        if not count:
            return _("This group has not written down its aims yet.")
        return ngettext("{count} aim.", "{count} aims.", count).format(count=count)

    def chosen_aim(self) -> AimRow | None:
        return self.chosen_row()

    # -- the chosen aim's reviews -------------------------------------------------------

    def _update_buttons(self) -> None:
        offer(self.edit_button, self.not_chosen())

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        aim = self.chosen_aim()
        self._update_buttons()
        if aim is None:
            self._show_reviews(None)
            return
        self._reviews_generation += 1
        self.runner.run(
            self.source.call,
            aims.get_aim_history,
            aim.id,
            on_done=partial(self._reviews_loaded, self._reviews_generation, aim),
            on_error=partial(self._reviews_failed, self._reviews_generation),
        )

    def _reviews_loaded(self, generation: int, aim: AimRow, rows: list[AimReviewRow]) -> None:
        if generation != self._reviews_generation:
            return
        self._show_reviews(aim, rows)

    def _reviews_failed(self, generation: int, message: str) -> None:
        if generation == self._reviews_generation:
            self.reviews_summary.setText(message)
            announcer(self)(message, urgent=True)

    def _show_reviews(self, aim: AimRow | None, rows: list[AimReviewRow] | None = None) -> None:
        if aim is None:
            self._reviews_generation += 1
            self.reviews_model.set_rows([])
            self.reviews_summary.setText(_("Choose an aim to see how each session moved it on."))
            self.reviews_table.setAccessibleName(_("Reviews of the chosen aim"))
            return
        rows = rows or []
        self.reviews_model.set_rows(rows)
        name = _("Reviews of “{aim}”").format(aim=shorten(aim.title, 80))
        self.reviews_table.setAccessibleName(name)
        if rows:
            sentence = ngettext(
                "“{aim}” was reviewed at {count} session, the newest first.",
                "“{aim}” was reviewed at {count} sessions, the newest first.",
                len(rows),
            ).format(aim=aim.title, count=len(rows))
        else:
            sentence = _("“{aim}” has not been reviewed at a session yet.").format(aim=aim.title)
        self.reviews_summary.setText(sentence)
        self.reviews_table.setAccessibleDescription(sentence)

    # -- adding and changing ------------------------------------------------------------

    def open_dialog(self, aim: AimRow | None) -> AimDialog | None:
        if self.group is None:
            return None
        dialog = AimDialog(self.window(), self.runner, self.source, self.group.id, aim)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(partial(self._saved, aim is None))
        dialog.open()
        return dialog

    def _saved(self, added: bool, row: AimRow) -> None:
        message = _("Added the aim “{aim}”.") if added else _("Saved the aim “{aim}”.")
        announcer(self)(message.format(aim=row.title))
        self._select_after_load = row.id
        self.reload()
        self.loaded.connect(self._select_saved, Qt.ConnectionType.SingleShotConnection)

    def _select_saved(self) -> None:
        self.choose(self._select_after_load)

    # -- keyboard order -----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # In reading order: the aims, their buttons, then the chosen aim's reviews.
        if self.add_button.previousInFocusChain() is not self.table:
            chain = (self.table, self.add_button, self.edit_button, self.reviews_table)
            for first, second in pairwise(chain):
                QWidget.setTabOrder(first, second)
        super().showEvent(event)
