"""The File menu's care of the data: back up now, restore a backup, check the data.

Each asks what it needs without blocking the window (file choosers and questions are
opened, not exec'd), then does the work on the task runner and says how it went in the
status line, which screen readers announce.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app import APP_NAME, __version__, clock
from app.errors import StorageError
from app.i18n import _
from app.services import shared_server
from app.storage.backups import BackupFile
from app.storage.restore import Restored
from app.ui.data import DataSource
from app.ui.dialogs import ask, show_message
from app.ui.file_chooser import file_chooser
from app.ui.formatting import format_datetime
from app.ui.tasks import TaskRunner
from app.ui.widgets import StatusLine

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

BACKUP_FILTER = "*.sqlite3"


class FileActions:
    def __init__(
        self, window: MainWindow, source: DataSource, runner: TaskRunner, status: StatusLine
    ) -> None:
        self._window = window
        self._source = source
        self._runner = runner
        self._status = status
        self.backup_action = self._make(_("&Back up now…"), self.choose_backup_file)
        self.restore_action = self._make(_("&Restore a backup…"), self.choose_backup_to_restore)
        self.check_action = self._make(_("&Check the data…"), self.check)

    def add_to(self, menu: QMenu, before: QAction | None = None) -> None:
        for action in (self.backup_action, self.restore_action, self.check_action):
            menu.insertAction(before, action) if before is not None else menu.addAction(action)

    def _make(self, text: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self._window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- back up ----------------------------------------------------------------------

    def choose_backup_file(self) -> QFileDialog | None:
        if self._refused_on_server():
            return None
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        name = _("Roundtable backup {day}.sqlite3").format(day=clock.today().isoformat())
        dialog = self._file_dialog(_("Save a backup copy"), Path(folder) / name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("sqlite3")
        # The backup itself refuses to overwrite a file, and says so in plain words.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.fileSelected.connect(lambda chosen: self.back_up_to(Path(chosen)))
        dialog.open()
        return dialog

    def back_up_to(self, destination: Path) -> None:
        self._status.show_quietly(_("Saving a backup copy…"))
        self._runner.run(
            self._source.backup_to,
            destination,
            on_done=lambda saved: self._status.announce(
                _("Saved a checked backup copy to {path}.").format(path=saved)
            ),
            on_error=self._problem,
        )

    # -- restore ----------------------------------------------------------------------

    def choose_backup_to_restore(self) -> QFileDialog | None:
        if self._refused_on_server():
            return None
        dialog = self._file_dialog(_("Choose a backup to restore"), self._source.folder / "backups")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda chosen: self.confirm_restore(Path(chosen)))
        dialog.open()
        return dialog

    def confirm_restore(self, backup: Path) -> QMessageBox:
        return ask(
            self._window,
            _(
                "Put the backup {name} back in place of the data you have now? What you "
                "have now will be kept in the backups folder, so this can be undone."
            ).format(name=backup.name),
            yes=_("Restore this backup"),
            no=_("Cancel"),
            on_yes=lambda: self.restore(backup),
        )

    def restore(self, backup: Path) -> None:
        self._status.announce(_("Restoring the backup. Please wait…"))
        self._runner.run(
            self._source.restore, backup, on_done=self._restored, on_error=self._problem
        )

    def _restored(self, restored: Restored) -> None:
        message = _("Restored the data from {path}.").format(path=restored.restored_from)
        if restored.replaced_copy:
            message += " " + _("The data it replaced is kept at {path}.").format(
                path=restored.replaced_copy
            )
        self._status.announce(message)
        show_message(self._window, message)
        self._window.reload()

    # -- the start-up check, found damage -----------------------------------------------

    def check_at_start(self) -> None:
        """The quick check, after the window is up (its time grows with the data)."""
        self._runner.run(self._source.quick_check, on_done=self._checked_at_start)

    def _checked_at_start(self, problems: list[str]) -> None:
        if problems:
            self._runner.run(
                self._source.latest_good_backup, on_done=self.damage_found, on_error=self._problem
            )

    def damage_found(self, backup: BackupFile | None) -> QMessageBox:
        """Stop writing to a damaged file at once, then offer the latest good backup."""
        self._source.close()
        message = _(
            "Roundtable found damage in its data file. To keep it from getting worse, "
            "Roundtable has stopped saving to it."
        )
        self._status.announce(message, urgent=True)
        if backup is None:
            return show_message(
                self._window,
                message
                + " "
                + _(
                    "There is no good backup to put back. Please close Roundtable and ask for help."
                ),
                problem=True,
            )
        when = format_datetime(backup.made_at.astimezone())
        return ask(
            self._window,
            message
            + "\n\n"
            + _(
                "The latest good backup was made on {when}. Put it back? The damaged file "
                "will be kept in the backups folder."
            ).format(when=when),
            yes=_("Put back the backup"),
            no=_("Not now"),
            on_yes=lambda: self.restore(backup.path),
        )

    # -- check, about -----------------------------------------------------------------

    def check(self) -> None:
        self._status.show_quietly(_("Checking the data…"))
        self._runner.run(self._source.check, on_done=self._checked, on_error=self._problem)

    def _checked(self, report: str) -> None:
        self._status.announce(report.splitlines()[0])
        show_message(self._window, report)

    def about(self) -> QMessageBox:
        text = "\n\n".join(
            [
                _("{name}, version {version}").format(name=APP_NAME, version=__version__),
                _(
                    "Sessions, decisions and accessible packs for co-production groups: "
                    "people who use services working as equal partners with the staff "
                    "who run them."
                ),
                _("Free software under the GNU General Public Licence, version 3 or later."),
                self._source.where(),
            ]
        )
        return show_message(self._window, text)

    # -- shared -----------------------------------------------------------------------

    def _refused_on_server(self) -> bool:
        """Say, before any file is chosen, that a shared server's backups are not ours."""
        try:
            shared_server.refuse_backups(self._source.on_server)
        except StorageError as refusal:
            self._problem(str(refusal))
            return True
        return False

    def _problem(self, message: str) -> None:
        self._status.announce(message, urgent=True)
        show_message(self._window, message, problem=True)

    def _file_dialog(self, title: str, start: Path) -> QFileDialog:
        dialog = file_chooser(self._window, title)
        dialog.setNameFilter(_("Roundtable data files ({pattern})").format(pattern=BACKUP_FILTER))
        if start.is_dir():
            dialog.setDirectory(str(start))
        else:
            dialog.setDirectory(str(start.parent))
            dialog.selectFile(start.name)
        return dialog
