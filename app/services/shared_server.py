"""Looking after data kept on a shared PostgreSQL server: what can be said of it here.

The server's administrators keep its backups and check its disks; Roundtable's own
backups, restores and file checks are for the data file alone, and say so plainly.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.errors import StorageError
from app.i18n import _
from app.models import Action, Decision, Group, Meeting, Person
from app.services.maintenance import holdings
from app.storage import Store

COUNTED = {
    "groups": Group,
    "people": Person,
    "meetings": Meeting,
    "decisions": Decision,
    "actions": Action,
}


def describe(db: Store) -> str:
    """The shared database in plain sentences: where it is, what it holds, who keeps it."""
    with db.transaction() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in COUNTED.items()
        }
    lines = [_("Roundtable is using {where}, and can read it.").format(where=db.where())]
    lines.append(holdings(counts))
    lines.append(
        _("Its backups and disk checks are made on the server, by whoever looks after it.")
    )
    return "\n".join(lines)


def refuse_backups(on_server: bool) -> None:
    """Backing up and restoring are for the data file: refuse them, in words, on a server."""
    if on_server:
        raise StorageError(
            _(
                "Roundtable's data is on a shared database server, so its backups are made "
                "and put back there, by whoever looks after the server. Backing up and "
                "restoring here work only with a data file."
            )
        )
