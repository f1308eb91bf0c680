"""Errors a person may see. Each carries one plain sentence that says what happened
and, where there is one, what to do next. Anything else is a fault in Roundtable."""

from __future__ import annotations


class RoundtableError(Exception):
    """A failure explained in plain words; ``str(error)`` is the sentence to show."""


class ValidationError(RoundtableError):
    """What someone typed or chose cannot be saved as it is; nothing was changed."""


class NotFound(RoundtableError):
    """A record someone asked for does not exist (perhaps it was removed)."""


class StorageError(RoundtableError):
    """The data file or its folder cannot be used as asked."""


class DataFolderUnusable(StorageError):
    pass


class NoDataHere(StorageError):
    """The data folder holds no data file, for something that reads saved data only; nothing
    was created there (the folder's name may be mistyped)."""


class DatabaseInUse(StorageError):
    pass


class DatabaseDamaged(StorageError):
    """The data file is unreadable or fails its integrity check. It is never written to."""


class DatabaseTooNew(StorageError):
    pass


class MigrationFailed(StorageError):
    pass


class BackupFailed(StorageError):
    pass


class SaveFailed(StorageError):
    """The disk refused a write (full, read-only, failing). What was saved before is intact."""


class FileNotSaved(StorageError):
    """A file someone asked for (a report, a spreadsheet) could not be written."""

    @classmethod
    def because(cls, path: object, error: OSError) -> FileNotSaved:
        from app.i18n import _

        return cls(
            _("Could not save the file {path}: {reason}.").format(
                path=path, reason=error.strerror or error
            )
        )
