"""What the dialogs that save files into a folder share (packs for everyone, a pack as
audio).

Above, on a page that scrolls rather than squashes: a heading that says the whole of what
the dialog does (the window's own title is kept short, so the window bar shows all of
it), the explanation and the labelled choices. Below, always in view however large the
text: the progress bar, the words that say how far it has got and how it ended (which
screen readers hear too), and the buttons, which wrap onto more lines when they do not
fit on one.

The folder is asked for when the work starts, in a folder chooser that opens where the
last files were saved (the first time, offering a new folder, made only once chosen).
Once something is made, "Open the folder" shows it in the computer's file manager.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.flow_layout import FlowLayout
from app.ui.folder_chooser import folder_chooser, nearest_folder
from app.ui.formatting import window_title
from app.ui.settings import PACKS_FOLDER, Setting, Settings
from app.ui.titled_dialog import Dialog, fit_title
from app.ui.widgets import Heading, Rows, StatusLine, fit_to_screen, named_button, scrolling

# A zero-width space: a place a long folder name may break onto the next line.
_BREAK = "\u200b"


def suggested_folder(location: QStandardPaths.StandardLocation) -> Path:
    """Where files go the first time: "Roundtable packs" in the person's Documents (or
    Music) folder."""
    home = QStandardPaths.writableLocation(location) or str(Path.home())
    return Path(home) / _("Roundtable packs")


def breakable(folder: Path) -> str:
    """``folder`` as words that may wrap after each separator, so that a long folder name
    grows taller at large text sizes rather than pushing the window wider than the screen."""
    return str(folder).replace(os.sep, os.sep + _BREAK)


class FolderJobDialog(Dialog):
    """Subclasses make their choices, then call ``lay_out`` with them and their buttons;
    their start button calls ``ask_for_folder``."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        heading: str,
        *,
        settings: Settings,
        last_folder: Setting[str],
        suggested: Path,
        choose_title: str,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(heading)
        self.heading = Heading(heading)
        self.settings, self._last_folder, self._suggested = settings, last_folder, suggested
        self._choose_title = choose_title
        self.made_in: Path | None = None
        self._result: tuple[str, Path | None] | None = None  # the words, and where
        # Replaced in tests, so that nothing is really opened.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.progress.hide()  # until there is something to show
        # The words under the bar are also what screen readers are told.
        self.progress_words = StatusLine()
        self.progress_words.setText(_("Not started."))
        self.open_folder_button = named_button(
            _("&Open the folder"), _("Open the folder"), self.open_folder
        )
        self.open_folder_button.hide()  # until something has been made
        self.close_button = named_button(_("&Close"), _("Close"), self.reject)

    @classmethod
    def example(cls, window: Any) -> FolderJobDialog:
        dialog = cls(
            window,
            _("Example"),
            _("An example of saving files in a folder"),
            settings=window.settings,
            last_folder=PACKS_FOLDER,
            suggested=suggested_folder(QStandardPaths.StandardLocation.DocumentsLocation),
            choose_title=_("Choose a folder"),
        )
        start = QPushButton(_("&Start…"))
        start.setAccessibleName(_("Start"))
        dialog.lay_out(
            _("Files are made in the folder you choose."),
            [(_("&Example choice:"), QLineEdit(), _("Example choice"))],
            [start],
        )
        return dialog

    def lay_out(
        self,
        explanation: str,
        choices: Sequence[tuple[str, QWidget, str]],
        actions: Sequence[QPushButton],
    ) -> None:
        """``choices`` are (label with its &-letter, field, accessible name); ``actions``
        are the buttons before Open the folder and Close, the first of them pressed by
        Enter."""
        form = Rows()
        for text, field, name in choices:
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(name)
            form.add_row(label, field)
        words = QLabel(explanation)
        words.setWordWrap(True)

        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.heading)
        column.addWidget(words)
        column.addLayout(form)
        column.addStretch(1)

        buttons = QWidget()
        row = FlowLayout(buttons)
        for button in [*actions, self.open_folder_button, self.close_button]:
            row.addWidget(button)
        if actions:
            actions[0].setDefault(True)
        footer = QWidget()  # with the page's margins, so that the two line up
        below = QVBoxLayout(footer)
        below.addWidget(self.progress)
        below.addWidget(self.progress_words)
        below.addWidget(buttons)

        layout = QVBoxLayout(self)
        # The page and the footer have margins of their own; more around them would take
        # room the choices need at large text.
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._scroller = scrolling(page)
        layout.addWidget(self._scroller, 1)
        layout.addWidget(footer)

    def fit(self, chars_wide: int, lines_high: int) -> None:
        """Size the window for its text (as ``fit_to_screen``), and wide enough for its title."""
        fit_to_screen(self, chars_wide, lines_high)
        fit_title(self)

    # -- the folder ------------------------------------------------------------------------

    def starting_folder(self) -> tuple[Path, str]:
        """Where the chooser opens, and the name of a new folder it offers there: the folder
        used last; the first time (or if it has gone), the suggested one if it is there
        already, else the folder it would be in (Documents, say, else home), offering it.
        Nothing is made until it is chosen."""
        last = self.settings.get(self._last_folder)
        if last and Path(last).is_dir():
            return Path(last), ""
        if self._suggested.is_dir():
            return self._suggested, ""
        return nearest_folder(self._suggested.parent), self._suggested.name

    def ask_for_folder(self, then: Callable[[Path], object]) -> QFileDialog:
        """Ask where to save, without waiting; ``then`` gets the folder chosen. Returns the
        chooser (the computer's own where there is one)."""
        chooser = folder_chooser(self, self._choose_title, *self.starting_folder())
        chooser.fileSelected.connect(lambda chosen: self._chosen(Path(chosen), then))
        chooser.rejected.connect(lambda: self.tell(_("No folder was chosen, so nothing was made.")))
        chooser.open()
        return chooser

    def _chosen(self, folder: Path, then: Callable[[Path], object]) -> None:
        self.settings.set(self._last_folder, str(folder))
        then(folder)

    # -- progress and the result -----------------------------------------------------------

    def working(self, words: str) -> None:
        """Work has begun: say so, and put away what belonged to the last result."""
        self.made_in = None
        self._result = None
        self.open_folder_button.hide()
        self.progress.show()
        self.progress_words.announce(words)

    def step(self, done: int, total: int, words: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setAccessibleDescription(words)
        self.progress_words.announce(words)

    def finished_in(self, folder: Path | None, words: str, *, urgent: bool = False) -> None:
        """Say how it ended (a folder's name may break onto more lines); with a ``folder``,
        offer to open it, as the button Enter presses and with the keyboard."""
        self._result = (words, folder)
        self.progress_words.announce(words, urgent=urgent, shown=self._shown(words))
        if folder is None:
            return
        self.made_in = folder
        self.open_folder_button.show()
        self.open_folder_button.setDefault(True)
        self.open_folder_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def tell(self, words: str, *, urgent: bool = False) -> None:
        """Say ``words`` after the last result, which stays in view until work starts again
        (what was made, and where, is still so); screen readers hear only ``words``."""
        if self._result is None:
            self.progress_words.announce(words, urgent=urgent)
            return
        result = self._result[0]
        self.progress_words.announce(words, urgent=urgent, shown=self._shown(f"{result} {words}"))

    def open_folder(self) -> None:
        if self.made_in is None:
            return
        if not self.open_url(QUrl.fromLocalFile(str(self.made_in))):
            words = _("The folder could not be opened here. It is {folder}.")
            self.tell(words.format(folder=self.made_in), urgent=True)

    def _shown(self, words: str) -> str:
        """``words`` with the result's folder, where they name it, able to break onto more
        lines."""
        folder = self._result[1] if self._result is not None else None
        return words if folder is None else words.replace(str(folder), breakable(folder))
