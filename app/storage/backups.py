"""Backup copies made with SQLite's online backup API: written aside, verified, then named.

A backup that has not passed the integrity check never takes a backup's name, so every
file in the backups folder is one that can be restored.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from app.errors import BackupFailed
from app.i18n import _
from app.storage.integrity import check_file, stored_revision

KEEP_DAILY = 7
DAILY_INTERVAL = timedelta(hours=24)
_STAMP = "%Y-%m-%dT%H%M%S"
_SUFFIX = ".sqlite3"


class BackupKind(StrEnum):
    DAILY = "daily"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: BackupKind
    made_at: datetime


def backup_name(kind: BackupKind, made_at: datetime, detail: str = "") -> str:
    stamp = made_at.astimezone(UTC).strftime(_STAMP)
    middle = f"-{detail}" if detail else ""
    return f"{kind.value}{middle}-{stamp}{_SUFFIX}"


def copy_database(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy the open database ``source`` to ``destination``: verified, readable by its owner."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            # A backup is a closed file: keep it in rollback mode so it needs no -wal beside it.
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        if os.name == "posix":
            os.chmod(partial, 0o600)
        verify_copy(partial)
        os.replace(partial, destination)
        _sync_folder(destination.parent)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise BackupFailed(
            _("Roundtable could not make a backup copy at {path}: {reason}.").format(
                path=destination, reason=getattr(error, "strerror", None) or error
            )
        ) from error
    return destination


def verify_copy(path: Path) -> None:
    problems = check_file(path, full=True)
    if problems:
        raise BackupFailed(
            _("The backup copy at {path} did not pass its check, so it was not kept.").format(
                path=path
            )
        )


def list_backups(folder: Path) -> list[BackupFile]:
    """Every finished backup in ``folder``, newest first."""
    found = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*{_SUFFIX}"):
        parsed = _parse_name(path)
        if parsed:
            found.append(parsed)
    return sorted(found, key=lambda backup: backup.made_at, reverse=True)


def latest_good_backup(folder: Path) -> BackupFile | None:
    """The newest backup that still passes a full integrity check and has a known schema."""
    for backup in list_backups(folder):
        try:
            if check_file(backup.path, full=True):
                continue
            connection = sqlite3.connect(f"{backup.path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                if stored_revision(connection) is None:
                    continue
            finally:
                connection.close()
        except sqlite3.Error:
            continue
        return backup
    return None


def daily_backup_due(database: Path, folder: Path, now: datetime) -> bool:
    """True when the last daily backup is a day old and the data has changed since it."""
    if not database.exists():
        return False
    dailies = [b for b in list_backups(folder) if b.kind is BackupKind.DAILY]
    if not dailies:
        return True
    newest = dailies[0]
    if now - newest.made_at < DAILY_INTERVAL:
        return False
    return _last_modified(database) > newest.path.stat().st_mtime


def remove_old_dailies(folder: Path, keep: int = KEEP_DAILY) -> list[Path]:
    dailies = [b for b in list_backups(folder) if b.kind is BackupKind.DAILY]
    removed = []
    for old in dailies[keep:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def _last_modified(database: Path) -> float:
    times = [database.stat().st_mtime]
    log = database.with_name(database.name + "-wal")
    if log.exists():
        times.append(log.stat().st_mtime)
    return max(times)


def parse_backup_name(path: Path) -> BackupFile | None:
    """The kind and time of the backup at ``path``, read from its name (None if not one)."""
    return _parse_name(path)


def _parse_name(path: Path) -> BackupFile | None:
    stem = path.name.removesuffix(_SUFFIX)
    for kind in BackupKind:
        if stem.startswith(kind.value + "-"):
            # The stamp contains dashes itself; it is always the last 17 characters.
            stamp = stem[-17:]
            try:
                made_at = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
            except ValueError:
                return None
            return BackupFile(path=path, kind=kind, made_at=made_at)
    return None


def _sync_folder(folder: Path) -> None:
    # Make the rename itself durable (POSIX); Windows has no directory handles to sync.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
