"""The Sessions area: a group's past and planned sessions."""

from __future__ import annotations

from typing import Any

from app.i18n import N_, _, ngettext
from app.ui.panels import RecordsPanel
from app.ui.table_models import RowTableModel, SessionsModel


class SessionsPanel(RecordsPanel):
    TITLE = N_("Sessions")
    HEADING = N_("Sessions of {group}")

    def make_model(self) -> RowTableModel:
        return SessionsModel(self)

    def fetch(self, group_id: int) -> Any:
        return self.source.sessions(group_id)

    def count_sentence(self, count: int) -> str:
        if not count:
            return _("This group has no sessions yet.")
        return ngettext(
            "{count} session, the most recent first.",
            "{count} sessions, the most recent first.",
            count,
        ).format(count=count)
