"""Find one member of a group from what a person types: their number or their name."""

from __future__ import annotations

from sqlalchemy import select

from app.errors import NotFound, ValidationError
from app.i18n import _
from app.models import Membership, Person
from app.storage import Store


def find_member(db: Store, group_id: int, reference: str | int) -> int:
    """The person number of the current member of ``group_id`` whose number, full name or
    the name they go by is ``reference`` (ignoring case); refuses in words if none or several."""
    text = " ".join(str(reference).split())
    with db.transaction() as session:
        rows = session.execute(
            select(Person.id, Person.full_name, Person.preferred_name)
            .join(Membership, Membership.person_id == Person.id)
            .where(Membership.group_id == group_id, Membership.left_on.is_(None))
        ).all()
    if text.isdigit():
        found = [row for row in rows if row.id == int(text)]
    else:
        wanted = text.casefold()
        found = [
            row
            for row in rows
            if wanted in (row.full_name.casefold(), (row.preferred_name or "").casefold())
        ]
    if not found:
        raise NotFound(_("No one in the group is called “{name}”.").format(name=text))
    if len(found) > 1:
        numbers = ", ".join(str(row.id) for row in found)
        raise ValidationError(
            _("More than one member is called “{name}”: give their number ({numbers}).").format(
                name=text, numbers=numbers
            )
        )
    return int(found[0].id)
