"""The Aims area: what a group wants to achieve."""

from __future__ import annotations

from typing import Any

from app.i18n import N_, _, ngettext
from app.ui.panels import RecordsPanel
from app.ui.table_models import AimsModel, RowTableModel


class AimsPanel(RecordsPanel):
    TITLE = N_("Aims")
    HEADING = N_("Aims of {group}")

    def make_model(self) -> RowTableModel:
        return AimsModel(self)

    def fetch(self, group_id: int) -> Any:
        return self.source.aims(group_id)

    def count_sentence(self, count: int) -> str:
        if not count:
            return _("This group has not written down its aims yet.")
        return ngettext("{count} aim.", "{count} aims.", count).format(count=count)
