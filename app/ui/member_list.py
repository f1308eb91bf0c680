"""The Members area's table: who is in the group, in words, never their sensitive details.

Contact details and access needs are left out on purpose: the list may be on a projected
screen. Someone who has left says so in words in their name's cell, not by colour.
"""

from __future__ import annotations

from app.i18n import N_, _
from app.models.enums import PackFormat
from app.services.people import MemberRow
from app.services.wording import label
from app.ui.formatting import format_date
from app.ui.table_models import Column, RowTableModel


def shown_name(row: MemberRow) -> str:
    if row.left_on is None:
        return row.display_name
    return _("{name} (left on {date})").format(name=row.display_name, date=format_date(row.left_on))


def preferred_format(row: MemberRow) -> str:
    if row.preferred_format == PackFormat.LARGE_PRINT and row.large_print_size_pt:
        return _("{format}, {size} point").format(
            format=label(row.preferred_format), size=row.large_print_size_pt
        )
    return label(row.preferred_format)


class MemberListModel(RowTableModel):
    NAME, PRONOUNS, ROLE, PREFERRED_FORMAT = range(4)
    COLUMNS = (
        Column(N_("Name"), shown_name, lambda r: r.display_name.casefold()),
        Column(N_("Pronouns"), lambda r: r.pronouns if r.pronouns.strip() else _("Not given")),
        Column(N_("Role"), lambda r: label(r.role)),
        Column(N_("Preferred format"), preferred_format),
    )

    def row_of(self, person_id: int) -> int:
        """The table row showing ``person_id``, or -1."""
        return next(
            (number for number, row in enumerate(self._rows) if row.person_id == person_id), -1
        )
