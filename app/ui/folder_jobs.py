"""What the dialogs that save files into a folder share (packs for everyone, a pack as
audio): labelled choices that wrap at any text size, the folder with a button to choose
it, a progress bar with words that screen readers hear, and the buttons, on a page that
scrolls rather than squashes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.formatting import window_title
from app.ui.widgets import StatusLine, scrolling


class FolderJobDialog(QDialog):
    """Subclasses make their choices, then call ``lay_out`` with them and their buttons."""

    def __init__(
        self, parent: QWidget | None, title: str, *, folder: str, choose_title: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self._choose_title = choose_title
        self.folder = QLineEdit(folder)
        self.choose_folder_button = QPushButton(_("C&hoose folder…"))
        self.choose_folder_button.setAccessibleName(_("Choose folder"))
        self.choose_folder_button.clicked.connect(self.choose_folder)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        # The words under the bar are also what screen readers are told.
        self.progress_words = StatusLine()
        self.progress_words.setText(_("Not started."))
        self.close_button = QPushButton(_("&Close"))
        self.close_button.setAccessibleName(_("Close"))

    @classmethod
    def example(cls, window: Any) -> FolderJobDialog:
        dialog = cls(window, _("Example"), folder="", choose_title=_("Choose a folder"))
        start = QPushButton(_("&Start"))
        start.setAccessibleName(_("Start"))
        dialog.lay_out(
            _("Files are made in the folder."),
            [(_("&Example choice:"), QLineEdit(), _("Example choice"))],
            _("Save in &folder:"),
            _("Folder"),
            [start],
        )
        return dialog

    def lay_out(
        self,
        explanation: str,
        choices: Sequence[tuple[str, QWidget, str]],
        folder_label: str,
        folder_name: str,
        actions: Sequence[QPushButton],
    ) -> None:
        """``choices`` are (label with its &-letter, field, accessible name), shown above
        the folder; ``actions`` are the buttons beside Close."""
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder_button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for text, field, name in [*choices, (folder_label, self.folder, folder_name)]:
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(name)
            if field is self.folder:
                form.addRow(label, folder_row)
            else:
                form.addRow(label, field)

        words = QLabel(explanation)
        words.setWordWrap(True)
        buttons = QDialogButtonBox()
        for button in actions:
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(words)
        column.addLayout(form)
        column.addWidget(self.progress)
        column.addWidget(self.progress_words)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(page), 1)
        layout.addWidget(buttons)

    def choose_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self._choose_title, self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()
        return dialog
