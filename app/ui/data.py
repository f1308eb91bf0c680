"""The open data as the screens see it (the data file, or a shared server): one method per
service call.

Every method here runs on the task runner's worker thread, never on the GUI thread; the
runner's single worker also means only one of them uses the file at a time. The screens
hold a ``DataSource`` rather than a ``Database`` so that restoring a backup, which closes
the file and opens the restored one, changes nothing they hold.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from app.errors import StorageError
from app.i18n import _
from app.services import aims, decisions, example_data, groups, maintenance, shared_server
from app.services.aims import AimRow
from app.services.changes import EVERYTHING
from app.services.decisions import DecisionRow
from app.services.example_data import ExampleDataSummary
from app.services.groups import GroupSummary
from app.storage import Database, Store, backups, open_database
from app.storage.restore import Restored
from app.ui.changes import ChangeNews

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class DecisionsStart:
    total: int
    first: list[DecisionRow]


class DataSource:
    def __init__(self, db: Store, folder: Path | None = None) -> None:
        """``folder``: where settings and backups live (by default the data file's own).

        ``changes`` brings news of everything saved through it, for the views to refresh.
        """
        self._db: Store | None = db
        self.on_server = not isinstance(db, Database)
        self.folder = folder if folder is not None else db.folder  # type: ignore[attr-defined]
        self.changes = ChangeNews()
        db.listeners.append(self.changes.hear)

    @property
    def db(self) -> Store:
        if self._db is None:
            raise StorageError(
                _("Roundtable lost hold of its data file. Please close it and open it again.")
            )
        return self._db

    def call(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``service(db, *args, **kwargs)`` on the file open now: for the task runner."""
        return service(self.db, *args, **kwargs)

    def groups(self) -> list[GroupSummary]:
        return groups.list_groups(self.db)

    def aims(self, group_id: int) -> list[AimRow]:
        return aims.list_aims(self.db, group_id)

    def decisions_start(
        self, group_id: int, limit: int, wanted: decisions.DecisionFilter | None = None
    ) -> DecisionsStart:
        total = decisions.count_decisions(self.db, group_id, wanted)
        return DecisionsStart(
            total, decisions.list_decisions(self.db, group_id, wanted, limit=limit)
        )

    def decisions_window(
        self,
        group_id: int,
        after: DecisionRow | None,
        limit: int,
        wanted: decisions.DecisionFilter | None = None,
    ) -> list[DecisionRow]:
        """The ``limit`` decisions that follow ``after`` in the (filtered) log."""
        key = after.key if after is not None else None
        return decisions.list_decisions(self.db, group_id, wanted, after=key, limit=limit)

    def add_example_data(self) -> ExampleDataSummary:
        return example_data.load_example_data(self.db)

    def where(self) -> str:
        """Where the data is kept, in a sentence."""
        return _("Your data is kept in {where}.").format(where=self.db.where())

    # A shared server's backups and checks are its administrators' (shared_server): here
    # they are refused in words, or have nothing to do.

    def data_file(self) -> Database:
        shared_server.refuse_backups(self.on_server)
        return self.db  # type: ignore[return-value]

    def backup_to(self, destination: Path) -> Path:
        return maintenance.backup(self.data_file(), destination)

    def daily_backup(self) -> Path | None:
        return None if self.on_server else self.data_file().backup_daily_if_due()

    def check(self) -> str:
        """A full check of the open data, in plain sentences (it changes nothing)."""
        if self.on_server:
            return shared_server.describe(self.db)
        return maintenance.describe(maintenance.check_open(self.data_file()), in_app=True)

    def quick_check(self) -> list[str]:
        """The start-up check, run here rather than before the window appears."""
        return [] if self.on_server else self.data_file().problems(full=False)

    def latest_good_backup(self) -> backups.BackupFile | None:
        return None if self.on_server else maintenance.latest_good_backup(self.folder)

    def restore(self, candidate: Path) -> Restored:
        """Close the file, put ``candidate`` in its place, and open the result.

        If the restore is refused, the file that was open is opened again as it was.
        """
        shared_server.refuse_backups(self.on_server)
        self.close()  # (it may be closed already: damage stops all saving at once)
        try:
            restored = maintenance.restore(self.folder, candidate)
        finally:
            self._db = open_database(self.folder)
            self._db.listeners.append(self.changes.hear)
        self.changes.tell(EVERYTHING)  # a restored file may differ in anything
        return restored

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
