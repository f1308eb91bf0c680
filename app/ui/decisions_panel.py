"""The Decisions area: the group's decision log, "you said, we did"."""

from __future__ import annotations

from functools import partial

from app.i18n import N_, _, ngettext
from app.services.groups import GroupSummary
from app.ui.data import DecisionsStart
from app.ui.panels import RecordsPanel
from app.ui.table_models import DecisionsModel, RowTableModel


class DecisionsPanel(RecordsPanel):
    TITLE = N_("Decisions")
    HEADING = N_("Decisions of {group}")

    model: DecisionsModel

    def make_model(self) -> RowTableModel:
        model = DecisionsModel(self.runner, self)
        model.fetch_failed.connect(self._more_failed)
        model.rowsInserted.connect(self._describe)
        return model

    def fetch(self, group_id: int) -> DecisionsStart:
        return self.source.decisions_start(group_id, DecisionsModel.WINDOW)

    def show_rows(self, result: DecisionsStart) -> None:
        assert self.group is not None
        self.model.start(
            result.total, result.first, partial(self.source.decisions_window, self.group.id)
        )

    def show_group(self, group: GroupSummary | None) -> None:
        if group is None:
            self.model.clear()
        super().show_group(group)

    def clear_rows(self) -> None:
        self.model.clear()

    def count_sentence(self, count: int) -> str:
        total = self.model.total
        if not total:
            return _("This group has not recorded any decisions yet.")
        sentence = ngettext(
            "{total} decision, the newest first.", "{total} decisions, the newest first.", total
        ).format(total=total)
        if count < total:
            sentence += " " + _("More are shown as you move down the list.")
        return sentence

    def _more_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.failed.emit(message)
