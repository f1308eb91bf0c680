"""A folder chooser that can offer a new folder by name, made only once it is chosen.

The first time files are saved there is no folder for them yet. Making one so that the
chooser can open in it would leave a folder the person never chose (in their Documents,
say) even if they chose another or none. Instead the chooser opens in a folder that
exists, with the new folder's name ready in its name field: Enter chooses it, and only
then is it made. Going elsewhere, or typing another name, leaves the offer behind.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QWidget


def nearest_folder(folder: Path) -> Path:
    """``folder`` if it exists, else the nearest folder above it that does (else home)."""
    return next((p for p in (folder, *folder.parents) if p.is_dir()), Path.home())


class FolderChooser(QFileDialog):
    """Chooses one folder, opening in ``folder``; with ``offered`` (the name of a folder
    that does not exist yet in ``folder``), offers that new folder."""

    def __init__(self, parent: QWidget | None, title: str, folder: Path, offered: str = "") -> None:
        super().__init__(parent, title, str(folder))
        self.setFileMode(QFileDialog.FileMode.Directory)
        self.setOption(QFileDialog.Option.ShowDirsOnly, True)
        new = folder / offered
        # Offered only where it can be made; otherwise the person chooses among what is there.
        self.offered = new if offered and not new.exists() and os.access(folder, os.W_OK) else None
        if self.offered is None:
            return
        # Qt's own chooser takes only folders that exist, and says so by greying its
        # Choose button; it may choose the offered one. (The computer's own chooser, where
        # there is one, has no such field and decides for itself.)
        name_field = self.findChild(QLineEdit, "fileNameEdit")
        if name_field is not None:
            name_field.textChanged.connect(self._allow_the_offer)
        self.selectFile(offered)

    def _is_the_offer(self) -> bool:
        chosen = self.selectedFiles()
        return self.offered is not None and len(chosen) == 1 and Path(chosen[0]) == self.offered

    def _allow_the_offer(self, _text: str) -> None:
        # Connected after Qt's own check, so this has the last word.
        buttons = self.findChild(QDialogButtonBox)
        choose = buttons.button(QDialogButtonBox.StandardButton.Open) if buttons else None
        if choose is not None and self._is_the_offer():
            choose.setEnabled(True)

    def accept(self) -> None:
        if self._is_the_offer() and self.offered is not None and not self.offered.exists():
            # Made now it is chosen. Should that fail, Qt's own check below says the folder
            # is not there, and the person can choose another.
            with contextlib.suppress(OSError):
                self.offered.mkdir()
        super().accept()
