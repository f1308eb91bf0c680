"""The Members area: the people in a group."""

from __future__ import annotations

from typing import Any

from app.i18n import N_, _, ngettext
from app.ui.panels import RecordsPanel
from app.ui.table_models import MembersModel, RowTableModel


class MembersPanel(RecordsPanel):
    TITLE = N_("Members")
    HEADING = N_("Members of {group}")

    def make_model(self) -> RowTableModel:
        return MembersModel(self)

    def fetch(self, group_id: int) -> Any:
        return self.source.members(group_id)

    def count_sentence(self, count: int) -> str:
        if not count:
            return _("This group has no members yet.")
        return ngettext("{count} member.", "{count} members.", count).format(count=count)
