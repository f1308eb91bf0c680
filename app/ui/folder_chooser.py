"""A folder chooser that can offer a new folder by name, made only once it is chosen.

The first time files are saved there is no folder for them yet. Making one so that the
chooser can open in it would leave a folder the person never chose (in their Documents,
say) even if they chose another or none. Instead the chooser opens in a folder that
exists, with the new folder's name ready in its name field: Enter chooses it, and only
then is it made. Typing another name, or going elsewhere and choosing there, leaves the
offer behind.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QPushButton, QWidget

from app.ui.file_chooser import file_chooser


def nearest_folder(folder: Path) -> Path:
    """``folder`` if it exists, else the nearest folder above it that does (else home)."""
    return next((p for p in (folder, *folder.parents) if p.is_dir()), Path.home())


def folder_chooser(
    parent: QWidget | None, title: str, folder: Path, offered: str = ""
) -> QFileDialog:
    """A chooser of one folder, opening in ``folder``; with ``offered`` (the name of a
    folder not there yet in ``folder``), offering that new folder where it can be made."""
    chooser = file_chooser(parent, title, folder)
    chooser.setFileMode(QFileDialog.FileMode.Directory)
    chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
    new = folder / offered
    if offered and not new.exists() and os.access(folder, os.W_OK):
        _NewFolderOffer(chooser, new)
    return chooser


class _NewFolderOffer(QObject):
    """Lets Qt's own chooser choose the offered folder, which it would refuse as missing,
    and makes it as it is chosen. (The computer's own chooser, where there is one, has
    none of Qt's parts and hands back the name as it is, for the work to make.)"""

    def __init__(self, chooser: QFileDialog, folder: Path) -> None:
        super().__init__(chooser)
        self.chooser, self.folder = chooser, folder
        self._choose_button: QPushButton | None = None
        name_field = chooser.findChild(QLineEdit, "fileNameEdit")
        buttons = chooser.findChild(QDialogButtonBox)
        if name_field is not None and buttons is not None:
            # Qt greys Choose for a folder that does not exist; this, connected after
            # Qt's own check, has the last word for the offered one.
            name_field.textChanged.connect(self._allow)
            # Both of Qt's ways into choosing (Enter in the name field; the Choose button,
            # by Alt+C, Enter elsewhere or a click) come here instead: the offered folder
            # is made first, so that Qt's own check then finds it.
            for way_in in (name_field.returnPressed, buttons.accepted):
                way_in.disconnect()
                way_in.connect(self._choose)
            self._choose_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        chooser.selectFile(folder.name)

    def _is_chosen(self) -> bool:
        chosen = self.chooser.selectedFiles()
        return len(chosen) == 1 and Path(chosen[0]) == self.folder

    def _allow(self, _text: str) -> None:
        if self._choose_button is not None and self._is_chosen():
            self._choose_button.setEnabled(True)

    def _choose(self) -> None:
        if self._is_chosen() and not self.folder.exists():
            # Should it fail, Qt's own check says the folder is not there, and the
            # person can choose another.
            with contextlib.suppress(OSError):
                self.folder.mkdir()
        self.chooser.accept()
